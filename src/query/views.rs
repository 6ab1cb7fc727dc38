//! The charts of the explorer, each built from the dataset as a [`ChartView`].

use super::labels::area_label;
use super::select::latest_per_area;
use crate::chart::{BarRow, BarSpec, ChartSpec, Segment, SeriesPoint, SeriesSpec, StackAxis, StackRow, StackSpec};
use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Metric, Observation, Rating, Sector, Unit};
use std::collections::BTreeMap;

/// A chart ready to show: the spec to draw and the text around it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Stable id (`coops-by-area`, …).
    pub id: String,
    /// Title.
    pub title: String,
    /// What a reader must know to read it (dates, levels and scopes that differ).
    pub caveats: Vec<String>,
    /// "Đơn vị: tỷ đồng".
    pub unit_line: String,
    /// What to draw.
    pub spec: ChartSpec,
    /// "Nguồn: …".
    pub source_line: String,
    /// Consistency notes on the figures shown.
    pub notes: Vec<String>,
    /// Record indexes of every figure in the chart, in chart order (for tables and CSV).
    pub records: Vec<usize>,
}

pub(crate) fn money_scale(unit: Unit, max: f64) -> MoneyScale {
    if unit.is_money() {
        MoneyScale::for_amount(max)
    } else {
        MoneyScale::One
    }
}

pub(crate) fn divisor(scale: MoneyScale) -> f64 {
    match scale {
        MoneyScale::One => 1.0,
        MoneyScale::Million => 1e6,
        MoneyScale::Billion => 1e9,
    }
}

/// The value as written on a bar: qualifier words and the number in the chart's scale.
pub(crate) fn short_value(o: &Observation, scale: MoneyScale, lang: Lang) -> String {
    let n = |x: f64| format::scaled(x, o.unit, scale, lang);
    let pct = if o.unit == Unit::Percent { "%" } else { "" };
    let body = match o.value {
        crate::model::Value::Point(x) => format!("{}{pct}", n(x)),
        crate::model::Value::Range { low, high, high_open } => {
            let open = if high_open { format!("{} ", lang.pick("hơn", "over")) } else { String::new() };
            format!("{}{pct}–{open}{}{pct}", n(low), n(high))
        }
    };
    let mut s = String::new();
    if let Some(p) = o.qualifier.prefix(lang) {
        s.push_str(p);
        s.push(' ');
    }
    s.push_str(&body);
    if let Some(x) = o.qualifier.suffix(lang) {
        s.push(' ');
        s.push_str(x);
    }
    s
}

pub(crate) fn date_text(o: &Observation, lang: Lang) -> String {
    match lang {
        Lang::Vi => o.date.vi(),
        Lang::En => o.date.en(),
    }
}

pub(crate) fn unit_line(unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    format!("{}: {}", lang.pick("Đơn vị", "Unit"), format::unit_text(unit, scale, lang))
}

/// "Nguồn: A; B; C và 12 nguồn khác".
pub(crate) fn source_line(ds: &Dataset, obs: &[&Observation], lang: Lang) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for o in obs {
        if let Some(s) = ds.source(&o.source) {
            let p = s.reporter.as_deref().unwrap_or(&s.publisher);
            if !publishers.contains(&p) {
                publishers.push(p);
            }
        }
    }
    let head = lang.pick("Nguồn", "Sources");
    let shown = publishers.iter().take(4).copied().collect::<Vec<_>>().join("; ");
    let mut line = if publishers.len() > 4 {
        let more = publishers.len() - 4;
        format!("{head}: {shown} {} {more} {}", lang.pick("và", "and"), lang.pick("nguồn khác (mỗi số liệu ghi nguồn riêng)", "more (each figure names its own)"))
    } else {
        format!("{head}: {shown}")
    };
    if !ds.origin.is_empty() && !ds.origin.starts_with("data/") {
        line.push_str(&format!(". {}: {}", lang.pick("Tệp dữ liệu", "Data file"), ds.origin));
    }
    line.push('.');
    line
}

pub(crate) fn notes_for(ds: &Dataset, records: &[usize], lang: Lang) -> Vec<String> {
    ds.notes
        .iter()
        .filter(|n| n.records.iter().any(|r| records.contains(r)))
        .map(|n| format!("* {}", n.describe(ds, lang)))
        .collect()
}

pub(crate) fn flagged(ds: &Dataset, record: usize) -> bool {
    ds.notes_for(record).next().is_some()
}

/// Caveats for bars of several areas: dates, levels and scopes that differ.
pub(crate) fn caveats(ds: &Dataset, obs: &[&Observation], lang: Lang) -> Vec<String> {
    caveats_with(ds, obs, true, lang)
}

/// [`caveats`], with or without the one on dates (a line over time has different dates by design).
pub(crate) fn caveats_with(ds: &Dataset, obs: &[&Observation], dates: bool, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let years: Vec<u16> = obs.iter().map(|o| o.date.year()).collect();
    if let (Some(lo), Some(hi), true) = (years.iter().min(), years.iter().max(), dates) {
        if lo != hi {
            out.push(match lang {
                Lang::Vi => format!("Số liệu có thời điểm khác nhau ({lo}–{hi}): mỗi thanh ghi thời điểm của nó. Không so sánh như số cùng năm."),
                Lang::En => format!("Figures are from different dates ({lo}–{hi}): each bar states its date. Do not compare them as one year."),
            });
        }
    }
    let mut levels: Vec<Level> = obs.iter().filter_map(|o| ds.area(&o.area)).map(|a| a.level).collect();
    levels.sort();
    levels.dedup();
    if levels.len() > 1 {
        out.push(
            lang.pick(
                "Gồm các cấp khác nhau: tỉnh, thành hiện nay (34 đơn vị từ 1/7/2025), tỉnh cũ trước sáp nhập (ghi “cũ”) và cấp dưới tỉnh.",
                "Mixes levels: current provinces (34 units since 1 July 2025), former provinces before the merger (marked “former”) and units below a province.",
            )
            .to_string(),
        );
    }
    if obs.iter().any(|o| o.scope.is_some()) {
        out.push(
            lang.pick(
                "Phạm vi thống kê khác nhau theo nguồn (có nơi gồm cả liên hiệp HTX, quỹ tín dụng nhân dân; có nơi chỉ tính HTX đang hoạt động): xem chi tiết ở từng số liệu.",
                "Scopes differ between sources (some include unions and people's credit funds, some count only operating cooperatives): see each figure.",
            )
            .to_string(),
        );
    }
    out
}

fn bar_view(ds: &Dataset, id: &str, title: String, mut obs: Vec<&Observation>, unit: Unit, lang: Lang) -> ChartView {
    obs.sort_by(|a, b| b.value.extent().total_cmp(&a.value.extent()).then(a.area.cmp(&b.area)));
    let max = obs.iter().map(|o| o.value.extent()).fold(0.0, f64::max);
    let scale = money_scale(unit, max);
    let mut keys_seen: BTreeMap<String, usize> = BTreeMap::new();
    let rows = obs
        .iter()
        .map(|o| {
            let mut label = ds.area(&o.area).map(|a| area_label(a, lang)).unwrap_or_else(|| o.area.clone());
            if let (Some(scope), true) = (&o.scope, obs.iter().filter(|p| p.area == o.area).count() > 1) {
                label = format!("{label} — {scope}");
            }
            let n = keys_seen.entry(o.area.clone()).or_default();
            *n += 1;
            let key = if *n == 1 { o.area.clone() } else { format!("{}#{}", o.area, n) };
            BarRow {
                key,
                label,
                date: date_text(o, lang),
                value: o.value,
                qualifier: o.qualifier,
                value_label: short_value(o, scale, lang),
                record: o.record,
                flagged: flagged(ds, o.record),
            }
        })
        .collect();
    let records: Vec<usize> = obs.iter().map(|o| o.record).collect();
    ChartView {
        id: id.to_string(),
        title,
        caveats: caveats(ds, &obs, lang),
        unit_line: unit_line(unit, scale, lang),
        spec: ChartSpec::Bars(BarSpec { unit, tick_divisor: divisor(scale), rows }),
        source_line: source_line(ds, &obs, lang),
        notes: notes_for(ds, &records, lang),
        records,
    }
}

/// Number of cooperatives by province, former province and city: the latest figure of each.
pub fn coops_by_area(ds: &Dataset, lang: Lang) -> ChartView {
    let obs = latest_per_area(ds, Metric::Cooperatives, Unit::Cooperatives, |a| a.level.is_local());
    let title = lang.pick("Số hợp tác xã theo địa phương (số mới nhất của mỗi nơi)", "Cooperatives by area (latest figure of each)");
    bar_view(ds, "coops-by-area", title.into(), obs, Unit::Cooperatives, lang)
}

/// Number of cooperatives by region.
pub fn coops_by_region(ds: &Dataset, lang: Lang) -> ChartView {
    let obs = latest_per_area(ds, Metric::Cooperatives, Unit::Cooperatives, |a| a.level == Level::Region);
    let title = lang.pick("Số hợp tác xã theo vùng kinh tế - xã hội", "Cooperatives by socio-economic region");
    bar_view(ds, "coops-by-region", title.into(), obs, Unit::Cooperatives, lang)
}

/// Any metric by local area, latest figure of each.
pub fn metric_by_area(ds: &Dataset, metric: Metric, unit: Unit, lang: Lang) -> ChartView {
    let obs = latest_per_area(ds, metric, unit, |a| a.level.is_local());
    let per = match unit {
        Unit::VndPerMonth => lang.pick(" (theo tháng)", " (per month)"),
        Unit::VndPerYear => lang.pick(" (theo năm)", " (per year)"),
        _ => "",
    };
    let title = format!("{}{per} {}", metric.label(lang), lang.pick("theo địa phương", "by area"));
    bar_view(ds, "metric-by-area", title, obs, unit, lang)
}

/// Number of cooperatives by sector in one area, at the latest date that has a breakdown.
pub fn coops_by_sector(ds: &Dataset, area: &str, lang: Lang) -> ChartView {
    let parts: Vec<&Observation> = ds
        .observations
        .iter()
        .filter(|o| o.area == area && o.metric == Metric::Cooperatives && o.sector.is_some())
        .collect();
    let latest = parts.iter().map(|o| o.date.sort_key()).max();
    let mut obs: Vec<&Observation> = parts.into_iter().filter(|o| Some(o.date.sort_key()) == latest).collect();
    obs.sort_by(|a, b| b.value.extent().total_cmp(&a.value.extent()));
    let area_name = ds.area(area).map(|a| a.name.clone()).unwrap_or_else(|| area.to_string());
    let rows = obs
        .iter()
        .map(|o| {
            let sector = o.sector.map(|s| s.label(lang)).unwrap_or_default();
            BarRow {
                key: format!("{area}:{}", o.sector.map(|s| s.key()).unwrap_or_default()),
                label: sector.to_string(),
                date: date_text(o, lang),
                value: o.value,
                qualifier: o.qualifier,
                value_label: short_value(o, MoneyScale::One, lang),
                record: o.record,
                flagged: flagged(ds, o.record),
            }
        })
        .collect();
    let records: Vec<usize> = obs.iter().map(|o| o.record).collect();
    let mut cav = Vec::new();
    if let Some(scope) = obs.iter().find_map(|o| o.scope.clone()) {
        cav.push(format!("{}: {scope}", lang.pick("Phạm vi", "Scope")));
    }
    let date = obs.first().map(|o| date_text(o, lang)).unwrap_or_default();
    ChartView {
        id: "coops-by-sector".into(),
        title: format!("{} {area_name}, {date}", lang.pick("Số hợp tác xã theo lĩnh vực:", "Cooperatives by sector:")),
        caveats: cav,
        unit_line: unit_line(Unit::Cooperatives, MoneyScale::One, lang),
        spec: ChartSpec::Bars(BarSpec { unit: Unit::Cooperatives, tick_divisor: 1.0, rows }),
        source_line: source_line(ds, &obs, lang),
        notes: notes_for(ds, &records, lang),
        records,
    }
}

/// The national number of cooperatives over time; two reports for one date are both shown.
pub fn national_series(ds: &Dataset, lang: Lang) -> ChartView {
    let mut obs: Vec<&Observation> = ds
        .observations
        .iter()
        .filter(|o| o.area == "VN" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.unit == Unit::Cooperatives)
        .collect();
    obs.sort_by_key(|o| (o.date.sort_key(), o.record));
    let mut rank: BTreeMap<u32, usize> = BTreeMap::new();
    let mut points = Vec::new();
    for o in &obs {
        let r = rank.entry(o.date.sort_key()).or_default();
        points.push(SeriesPoint {
            key: format!("VN:{}:{}", o.date, o.source),
            x: o.date.end().axis_position(),
            y: o.value.extent(),
            label: short_value(o, MoneyScale::One, lang),
            date: date_text(o, lang),
            qualifier: o.qualifier,
            record: o.record,
            rank_at_date: *r,
            series: 0,
        });
        *r += 1;
    }
    let mut cav = Vec::new();
    for (key, n) in &rank {
        if *n > 1 {
            let same: Vec<&&Observation> = obs.iter().filter(|o| o.date.sort_key() == *key).collect();
            let list = same
                .iter()
                .map(|o| {
                    let who = ds.source(&o.source).map(|s| s.reporter.clone().unwrap_or_else(|| s.publisher.clone())).unwrap_or_default();
                    format!("{} ({who})", format::value(o.value, o.qualifier, o.unit, lang))
                })
                .collect::<Vec<_>>()
                .join(lang.pick(" và ", " and "));
            cav.push(match lang {
                Lang::Vi => format!("Thời điểm {} có {n} số liệu từ các nguồn khác nhau: {list}. Cả hai được vẽ, không lấy trung bình.", same[0].date.vi()),
                Lang::En => format!("{} has {n} figures from different sources: {list}. Both are drawn, not averaged.", same[0].date.en()),
            });
        }
    }
    if obs.iter().any(|o| !o.qualifier.is_exact()) {
        cav.push(lang.pick("Điểm rỗng: số ước tính, sơ bộ hoặc khoảng.", "Hollow points: estimates, preliminary or approximate figures.").into());
    }
    let records: Vec<usize> = obs.iter().map(|o| o.record).collect();
    ChartView {
        id: "national-series".into(),
        title: lang.pick("Số hợp tác xã cả nước qua các năm", "Cooperatives in Viet Nam over time").into(),
        caveats: cav,
        unit_line: unit_line(Unit::Cooperatives, MoneyScale::One, lang),
        spec: ChartSpec::Series(SeriesSpec {
            unit: Unit::Cooperatives,
            tick_divisor: 1.0,
            points,
            series: vec![ds.area("VN").map(|a| area_label(a, lang)).unwrap_or_else(|| "VN".into())],
            colours: vec![0],
        }),
        source_line: source_line(ds, &obs, lang),
        notes: notes_for(ds, &records, lang),
        records,
    }
}

/// Rating shares as 100 % stacked bars: one row per area, date and source.
pub fn rating_shares(ds: &Dataset, lang: Lang) -> ChartView {
    let classes = [Rating::Good, Rating::GoodOrFair, Rating::Fair, Rating::Average, Rating::Weak];
    let colours = vec![2, 0, 4, 6, 5];
    type Group = (String, u32, String, Option<Sector>);
    let mut groups: BTreeMap<Group, Vec<&Observation>> = BTreeMap::new();
    for o in ds.observations.iter().filter(|o| o.metric == Metric::RatingShare && o.value.point().is_some()) {
        groups.entry((o.area.clone(), o.date.sort_key(), o.source.clone(), o.sector)).or_default().push(o);
    }
    let mut obs_all = Vec::new();
    let mut rows = Vec::new();
    for ((area, _, _, sector), mut g) in groups {
        g.sort_by_key(|o| classes.iter().position(|c| Some(*c) == o.rating));
        let mut label = ds.area(&area).map(|a| area_label(a, lang)).unwrap_or(area.clone());
        if let Some(s) = sector {
            label = format!("{label} ({})", s.label(lang).to_lowercase());
        }
        let segments = g
            .iter()
            .map(|o| Segment {
                class: classes.iter().position(|c| Some(*c) == o.rating).unwrap_or(0),
                value: o.value.extent(),
                label: short_value(o, MoneyScale::One, lang),
                record: o.record,
                key: format!("{area}:{}", o.rating.map(|r| r.key()).unwrap_or_default()),
            })
            .collect();
        rows.push(StackRow { label, date: date_text(g[0], lang), segments });
        obs_all.extend(g);
    }
    let records: Vec<usize> = obs_all.iter().map(|o| o.record).collect();
    let mut cav = caveats(ds, &obs_all, lang);
    cav.push(
        lang.pick(
            "Các tỷ lệ vẽ đúng như nguồn công bố, không quy đổi cho tròn 100%. Tiêu chí xếp loại có thể khác nhau giữa các nguồn.",
            "Shares are drawn as published, not rescaled to 100%. Rating criteria may differ between sources.",
        )
        .into(),
    );
    ChartView {
        id: "rating-shares".into(),
        title: lang.pick("Xếp loại hợp tác xã (tỷ lệ theo loại)", "Cooperative ratings (share in each class)").into(),
        caveats: cav,
        unit_line: unit_line(Unit::Percent, MoneyScale::One, lang),
        spec: ChartSpec::Stacked(StackSpec {
            classes: classes.iter().map(|c| c.label(lang).to_string()).collect(),
            colours,
            rows,
            axis: StackAxis::Percent,
        }),
        source_line: source_line(ds, &obs_all, lang),
        notes: notes_for(ds, &records, lang),
        records,
    }
}
