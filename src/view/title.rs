//! The title of a view: what, where, when.

use super::choices::{Computed, Plan};
use super::text::metric_label;
use crate::explore::{AreaSet, ChartKind, DatePick, Selection};
use crate::i18n::Lang;
use crate::model::{Dataset, DateRef, Level};

/// What the figures are; `sector`: with "theo lĩnh vực" (left out where the place says it).
fn what(sel: &Selection, plan: &Plan, lang: Lang, sector: bool) -> String {
    let mut what = metric_label(sel.metric, sel.unit, lang);
    if plan.computed == Computed::PerCoop {
        what.push_str(lang.pick(" bình quân một HTX", " per cooperative"));
    }
    if plan.by_sector && sector {
        what.push_str(lang.pick(" theo lĩnh vực", " by sector"));
    }
    if plan.computed == Computed::Share {
        what.push_str(lang.pick(": tỷ lệ trong tổng số", ", share of the total"));
    }
    what
}

fn when(sel: &Selection, plan: &Plan, single: bool, one_date: Option<DateRef>, lang: Lang) -> String {
    if plan.line {
        return lang.pick("qua các năm", "over time").to_string();
    }
    if let (DatePick::Latest, Some(d)) = (sel.date, one_date) {
        // every figure drawn has this date: it says more than "latest of each"
        return format!("({})", super::text::date_of(d, lang));
    }
    match (sel.date, single, lang) {
        (DatePick::Latest, false, Lang::Vi) => "(số mới nhất của mỗi nơi)".into(),
        (DatePick::Latest, false, Lang::En) => "(latest figure of each)".into(),
        (DatePick::Latest, true, Lang::Vi) => "(số mới nhất)".into(),
        (DatePick::Latest, true, Lang::En) => "(latest figure)".into(),
        (DatePick::Year(y), _, Lang::Vi) => format!("năm {y}"),
        (DatePick::Year(y), _, Lang::En) => format!("in {y}"),
    }
}

/// "Số hợp tác xã theo địa phương (số mới nhất của mỗi nơi)"; with the date instead when every
/// figure of the chart has the same one (`one_date`): "Số hợp tác xã theo vùng kinh tế - xã hội
/// (31/12/2022)".
pub fn title(ds: &Dataset, sel: &Selection, plan: &Plan, one_date: Option<DateRef>, lang: Lang) -> String {
    let name = |a: &crate::model::Area| match lang {
        Lang::Vi => a.name.clone(),
        Lang::En => a.name_en.clone().unwrap_or_else(|| a.name.clone()),
    };
    if plan.chart_kind == ChartKind::Map {
        let when = when(sel, plan, false, one_date, lang);
        return format!("{} {when} — {}", what(sel, plan, lang, true), lang.pick("bản đồ ô 34 tỉnh, thành", "tile map of the 34 provinces"));
    }
    let single = match &sel.areas {
        AreaSet::Custom(c) if c.len() == 1 => ds.area(&c[0]).map(name),
        AreaSet::Country => ds.areas.iter().find(|a| a.level == Level::Country).map(name),
        _ => None,
    };
    // the place: "— Sơn La", or the words after "theo"/"by" ("địa phương"), kept apart so that a
    // sector breakdown reads as one phrase: "theo lĩnh vực và địa phương"
    let (by, words): (bool, &str) = match (&sel.areas, &single) {
        (_, Some(n)) => (false, n),
        (AreaSet::Local, _) => (true, lang.pick("địa phương", "area")),
        (AreaSet::Provinces, _) => (true, lang.pick("tỉnh, thành (34 đơn vị hiện nay)", "province (the 34 current provinces)")),
        (AreaSet::Regions, _) => (true, lang.pick("vùng kinh tế - xã hội", "socio-economic region")),
        _ => (lang == Lang::Vi, lang.pick("địa bàn đã chọn", "in the chosen areas")),
    };
    let joined = by && plan.by_sector && plan.computed != Computed::Share;
    let what = what(sel, plan, lang, !joined);
    let by_word = lang.pick("theo", "by");
    let place = match (by, joined) {
        (_, true) => format!("{by_word} {} {} {words}", lang.pick("lĩnh vực", "sector"), lang.pick("và", "and")),
        (true, false) => format!("{by_word} {words}"),
        (false, _) if single.is_some() => format!("— {words}"),
        (false, _) => words.to_string(),
    };
    format!("{what} {place} {}", when(sel, plan, single.is_some(), one_date, lang))
}
