//! The explorer's choices in the query string, under short readable names:
//! `m` metric, `a` areas, `by` breakdown, `mode`, `d` date, `c` chart kind, `sort`, `hide`.
//! Only values that differ from the defaults are written; a parameter that is unknown, malformed,
//! duplicated or absent from the data falls back to its default with a [`ParamNotice`].

use super::selection::{AreaSet, ChartKind, DatePick, Mode, Selection, SortBy};
use crate::i18n::Lang;
use crate::model::{Dataset, Metric, Unit};

/// The parameters this module reads and writes, in the order they are written.
pub const PARAMS: [&str; 9] = ["m", "a", "by", "mode", "d", "c", "sort", "top", "hide"];

/// The most rows `top=` may ask for (a chart draws at most this many).
pub const MAX_TOP: u16 = 40;

/// Why a parameter was not used as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeReason {
    /// The value is not a word this parameter takes (or is empty or malformed): the default is used.
    Invalid,
    /// The metric exists but the dataset has no figure of it (in that unit): the default is used.
    MetricAbsent,
    /// Some area codes are not in the dataset (listed in the value): they are left out and the
    /// known ones kept. (When none is known the reason is [`NoticeReason::Invalid`].)
    UnknownAreas,
    /// The dataset has no figure of the chosen metric in that year: the latest figures are shown.
    NoDataForYear,
    /// The parameter is given more than once (the values are listed): the default is used.
    Duplicated,
    /// A parameter the explorer does not know: ignored.
    UnknownParam,
}

/// A query parameter that was not used as written, and what is shown instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamNotice {
    /// Parameter name (`m`, `a`, …).
    pub param: String,
    /// The value as written (for [`NoticeReason::UnknownAreas`] the unknown codes, for
    /// [`NoticeReason::Duplicated`] every value, joined by ", ").
    pub value: String,
    /// Why it was not used.
    pub reason: NoticeReason,
}

/// What a parameter falls back to, in words.
fn default_text(param: &str, lang: Lang) -> String {
    let d = Selection::default();
    match param {
        "m" => Selection::metric_label(d.metric, d.unit, lang),
        "a" => d.areas.label(lang),
        "by" => lang.pick("không chia theo lĩnh vực", "no breakdown").into(),
        "mode" => d.mode.label(lang).into(),
        "d" => d.date.label(lang),
        "c" => d.chart.label(lang).into(),
        "sort" => d.sort.label(lang).into(),
        "top" => lang.pick("tối đa 40 hàng", "at most 40 rows").into(),
        "hide" => lang.pick("không ẩn chuỗi nào", "nothing hidden").into(),
        _ => String::new(),
    }
}

impl ParamNotice {
    fn new(param: &str, value: &str, reason: NoticeReason) -> ParamNotice {
        ParamNotice { param: param.into(), value: value.into(), reason }
    }

    /// One sentence for the reader, e.g.
    /// "Tham số m=“foo” không hợp lệ: dùng mặc định (Số hợp tác xã)."
    pub fn describe(&self, lang: Lang) -> String {
        let (p, v) = (&self.param, crate::load::truncate_pub(&self.value));
        let def = default_text(p, lang);
        match (self.reason, lang) {
            (NoticeReason::Invalid, Lang::Vi) => format!("Tham số {p}=“{v}” không hợp lệ: dùng mặc định ({def})."),
            (NoticeReason::Invalid, Lang::En) => format!("Parameter {p}=“{v}” is not valid: using the default ({def})."),
            (NoticeReason::MetricAbsent, Lang::Vi) => format!("Dữ liệu không có chỉ tiêu {p}=“{v}”: dùng mặc định ({def})."),
            (NoticeReason::MetricAbsent, Lang::En) => format!("The data has no figures for {p}=“{v}”: using the default ({def})."),
            (NoticeReason::UnknownAreas, Lang::Vi) => format!("Tham số {p}: không có địa bàn mã “{v}” trong dữ liệu, đã bỏ qua."),
            (NoticeReason::UnknownAreas, Lang::En) => format!("Parameter {p}: no area with code “{v}” in the data, left out."),
            (NoticeReason::NoDataForYear, Lang::Vi) => format!("Không có số liệu năm {p}=“{v}” cho chỉ tiêu này: dùng mặc định ({def})."),
            (NoticeReason::NoDataForYear, Lang::En) => format!("No figures for {p}=“{v}” for this metric: using the default ({def})."),
            (NoticeReason::Duplicated, Lang::Vi) => format!("Tham số {p} có nhiều giá trị (“{v}”): dùng mặc định ({def})."),
            (NoticeReason::Duplicated, Lang::En) => format!("Parameter {p} is given more than once (“{v}”): using the default ({def})."),
            (NoticeReason::UnknownParam, Lang::Vi) => format!("Tham số “{p}” không được dùng: đã bỏ qua."),
            (NoticeReason::UnknownParam, Lang::En) => format!("Parameter “{p}” is not used: ignored."),
        }
    }

    /// [`ParamNotice::describe`] for a slide of a deck, whose default `top` is its own: up to
    /// [`crate::view::SLIDE_ROWS`] rows, fewer where they would not fit the screen.
    pub fn describe_on_slide(&self, lang: Lang) -> String {
        if self.param != "top" || self.reason != NoticeReason::Invalid {
            return self.describe(lang);
        }
        let (v, n) = (crate::load::truncate_pub(&self.value), crate::view::SLIDE_ROWS);
        match lang {
            Lang::Vi => format!("Tham số top=“{v}” không hợp lệ: trang chiếu dùng mặc định (tối đa {n} hàng, ít hơn nếu không vừa màn hình)."),
            Lang::En => format!("Parameter top=“{v}” is not valid: the slide uses its default (up to {n} rows, fewer if they do not fit the screen)."),
        }
    }
}

/// The notice for a `lang=` that is neither `vi` nor `en` (`None` for a valid one).
pub fn bad_lang(value: &str, lang: Lang) -> Option<String> {
    Lang::from_key(value).is_none().then(|| match lang {
        Lang::Vi => format!("Tham số lang=“{}” không hợp lệ (vi hoặc en): dùng tiếng Việt.", crate::load::truncate_pub(value)),
        Lang::En => format!("Parameter lang=“{}” is not valid (vi or en): using Vietnamese.", crate::load::truncate_pub(value)),
    })
}

/// The notice for an embed's own parameter whose value it does not take (`theme`: light, dark or
/// auto; `title`: 0 or 1), in `lang`; `None` when the value is one of them or the parameter is
/// not the embed's.
pub fn bad_embed_option(name: &str, value: &str, lang: Lang) -> Option<String> {
    let v = crate::load::truncate_pub(value);
    match (name, value) {
        ("theme", "light" | "dark" | "auto") | ("title", "0" | "1") => None,
        ("theme", _) => Some(match lang {
            Lang::Vi => format!("Tham số theme=“{v}” không hợp lệ (light, dark hoặc auto): dùng giao diện sáng."),
            Lang::En => format!("Parameter theme=“{v}” is not valid (light, dark or auto): using the light theme."),
        }),
        ("title", _) => Some(match lang {
            Lang::Vi => format!("Tham số title=“{v}” không hợp lệ (0 để ẩn tiêu đề): tiêu đề vẫn hiện."),
            Lang::En => format!("Parameter title=“{v}” is not valid (0 hides the title): showing the title."),
        }),
        _ => None,
    }
}

/// True for parameters owned by other parts of the app (left alone here).
fn not_ours(name: &str) -> bool {
    matches!(name, "lang" | "data") || ["deck", "slide", "embed", "theme", "title"].iter().any(|p| name.starts_with(p))
}

/// The URL form of a metric and unit: `charter_capital`, or `income_per_worker.vnd_per_month`
/// when the metric allows several units.
pub fn metric_key(metric: Metric, unit: Unit) -> String {
    if metric.allowed_units().len() > 1 {
        format!("{}.{}", metric.key(), unit.key())
    } else {
        metric.key().to_string()
    }
}

/// Parses `metric` or `metric.unit` (the unit must be one the metric allows; without one, the
/// metric's first allowed unit that the dataset has, else its first allowed unit).
pub fn parse_metric_key(s: &str, ds: &Dataset) -> Option<(Metric, Unit)> {
    match s.split_once('.') {
        Some((m, u)) => {
            let (m, u) = (Metric::from_key(m)?, Unit::from_key(u)?);
            m.allowed_units().contains(&u).then_some((m, u))
        }
        None => {
            let m = Metric::from_key(s)?;
            let units = m.allowed_units();
            let present = units.iter().find(|u| ds.observations.iter().any(|o| o.metric == m && o.unit == **u));
            Some((m, *present.unwrap_or(&units[0])))
        }
    }
}

fn valid_hide_key(k: &str) -> bool {
    !k.is_empty() && k.len() <= 64 && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '#'))
}

/// Reads the explorer's choices from query pairs, checked against the dataset. Each parameter
/// that cannot be used (unknown word, metric or metric/unit absent from the data, unknown area
/// codes — the known ones are kept —, a year with no figure of the metric, a parameter given twice,
/// a parameter name the explorer does not know) falls back to its default and adds a notice.
/// Parameters owned by other parts of the app are ignored: `lang`, `data` and any name starting
/// with `deck`, `slide`, `embed`, `theme` or `title`.
pub fn from_query(pairs: &[(String, String)], ds: &Dataset) -> (Selection, Vec<ParamNotice>) {
    let mut sel = Selection::default();
    let mut notices = Vec::new();
    // the single value of each parameter we own, in the order given
    let mut values: Vec<(&str, &str)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (name, _) in pairs {
        let name = name.as_str();
        if not_ours(name) || seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let all: Vec<&str> = pairs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect();
        if !PARAMS.contains(&name) {
            notices.push(ParamNotice::new(name, all[0], NoticeReason::UnknownParam));
        } else if all.len() > 1 {
            notices.push(ParamNotice::new(name, &all.join(", "), NoticeReason::Duplicated));
        } else {
            values.push((name, all[0]));
        }
    }
    // a dataset without the default metric (a file of other figures) opens on its first metric,
    // the one the metric menu shows first
    if !ds.observations.iter().any(|o| o.metric == sel.metric && o.unit == sel.unit) {
        if let Some(&(m, u, _)) = crate::view::metric_choices(ds).first() {
            (sel.metric, sel.unit) = (m, u);
        }
    }
    // the metric first: a year is checked against it
    for p in PARAMS {
        if let Some(v) = values.iter().find(|(n, _)| *n == p).map(|(_, v)| *v) {
            if let Err(n) = read_param(&mut sel, p, v, ds) {
                notices.push(n);
            }
        }
    }
    // no `a=` at all: the default areas, or the first preset with figures of the metric
    // (`?m=profit` has national figures only); a duplicated `a=` keeps the default, as its
    // notice says
    if !seen.contains(&"a") {
        sel.areas = crate::view::filter::areas_for_metric(ds, &sel);
    }
    (sel, notices)
}

/// Reads one parameter into the selection, or says why it cannot be used.
fn read_param(sel: &mut Selection, p: &str, v: &str, ds: &Dataset) -> Result<(), ParamNotice> {
    let invalid = || ParamNotice::new(p, v, NoticeReason::Invalid);
    let t = v.trim();
    match p {
        "m" => {
            let (m, u) = parse_metric_key(t, ds).ok_or_else(invalid)?;
            if !ds.observations.iter().any(|o| o.metric == m && o.unit == u) {
                return Err(ParamNotice::new("m", v, NoticeReason::MetricAbsent));
            }
            (sel.metric, sel.unit) = (m, u);
        }
        "a" => return read_areas(sel, v, ds),
        "by" => match t {
            "sector" => sel.by_sector = true,
            "" | "none" => {}
            _ => return Err(invalid()),
        },
        "mode" => sel.mode = Mode::from_key(t).ok_or_else(invalid)?,
        "d" => match DatePick::from_key(t).ok_or_else(invalid)? {
            DatePick::Year(y) if !ds.observations.iter().any(|o| o.metric == sel.metric && o.unit == sel.unit && o.date.year() == y) => {
                return Err(ParamNotice::new("d", v, NoticeReason::NoDataForYear))
            }
            d => sel.date = d,
        },
        "c" => sel.chart = ChartKind::from_key(t).ok_or_else(invalid)?,
        "sort" => sel.sort = SortBy::from_key(t).ok_or_else(invalid)?,
        "top" => sel.top = Some(t.parse::<u16>().ok().filter(|n| (1..=MAX_TOP).contains(n)).ok_or_else(invalid)?),
        "hide" => return read_hidden(sel, v, ds),
        _ => {}
    }
    Ok(())
}

/// `a=`: a preset, or area codes (the known ones are kept, the unknown ones named).
fn read_areas(sel: &mut Selection, v: &str, ds: &Dataset) -> Result<(), ParamNotice> {
    let set = AreaSet::from_key(v.trim()).ok_or_else(|| ParamNotice::new("a", v, NoticeReason::Invalid))?;
    let AreaSet::Custom(codes) = set else {
        sel.areas = set;
        return Ok(());
    };
    let mut known: Vec<String> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    for c in &codes {
        match ds.area(c).or_else(|| ds.areas.iter().find(|a| a.code.eq_ignore_ascii_case(c))) {
            Some(a) if !known.contains(&a.code) => known.push(a.code.clone()),
            Some(_) => {}
            None => unknown.push(c),
        }
    }
    if known.is_empty() {
        return Err(ParamNotice::new("a", v, NoticeReason::Invalid));
    }
    sel.areas = AreaSet::Custom(known);
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(ParamNotice::new("a", &unknown.join(", "), NoticeReason::UnknownAreas))
    }
}

/// `hide=`: legend keys (sectors, rating classes, areas); malformed or unknown ones are named and
/// left out.
fn read_hidden(sel: &mut Selection, v: &str, ds: &Dataset) -> Result<(), ParamNotice> {
    let mut bad: Vec<&str> = Vec::new();
    // a legend key: a sector, a rating class or an area (a line)
    let known = |k: &str| crate::model::Sector::from_key(k).is_some() || crate::model::Rating::from_key(k).is_some() || ds.area(k).is_some();
    for k in v.split(',').map(str::trim).filter(|k| !k.is_empty()) {
        if !valid_hide_key(k) || !known(k) {
            bad.push(k);
        } else if !sel.hidden.iter().any(|h| h == k) {
            sel.hidden.push(k.to_string());
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(ParamNotice::new("hide", &bad.join(","), NoticeReason::Invalid))
    }
}

/// The query pairs of a selection: only values that differ from the defaults, in the order
/// m, a, by, mode, d, c, sort, top, hide.
pub fn to_query(sel: &Selection) -> Vec<(String, String)> {
    let d = Selection::default();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: String| out.push((k.to_string(), v));
    if (sel.metric, sel.unit) != (d.metric, d.unit) {
        put("m", metric_key(sel.metric, sel.unit));
    }
    if sel.areas != d.areas {
        put("a", sel.areas.key());
    }
    if sel.by_sector {
        put("by", "sector".into());
    }
    if sel.mode != d.mode {
        put("mode", sel.mode.key().into());
    }
    if sel.date != d.date {
        put("d", sel.date.key());
    }
    if sel.chart != d.chart {
        put("c", sel.chart.key().into());
    }
    if sel.sort != d.sort {
        put("sort", sel.sort.key().into());
    }
    if let Some(n) = sel.top {
        put("top", n.to_string());
    }
    if !sel.hidden.is_empty() {
        put("hide", sel.hidden.join(","));
    }
    out
}

#[cfg(test)]
mod embed_option_tests {
    use super::*;

    #[test]
    fn an_embeds_theme_and_title_say_when_their_value_is_not_taken() {
        for (name, value) in [("theme", "light"), ("theme", "dark"), ("theme", "auto"), ("title", "0"), ("title", "1"), ("m", "xyz")] {
            assert_eq!(bad_embed_option(name, value, Lang::Vi), None, "{name}={value}");
        }
        assert_eq!(bad_embed_option("theme", "neon", Lang::En).as_deref(), Some("Parameter theme=“neon” is not valid (light, dark or auto): using the light theme."));
        assert!(bad_embed_option("title", "maybe", Lang::Vi).is_some_and(|t| t.starts_with("Tham số title=“maybe” không hợp lệ")));
    }
}
