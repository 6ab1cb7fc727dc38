//! Labels, formatted in one place: areas, dates, metrics, values on marks, units, sources.

use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Area, Dataset, DateRef, Level, Metric, Observation, Qualifier, Unit, Value};

/// The chart label of an area: its short name, marked "(cũ)" for a former province.
pub fn area_label(a: &Area, lang: Lang) -> String {
    let name = a.short_name_in(lang);
    match a.level {
        Level::FormerProvince => format!("{name} {}", lang.pick("(cũ)", "(former)")),
        _ => name.to_string(),
    }
}

/// The chart label of the area with this code (the code itself when unknown).
pub fn area_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    ds.area(code).map(|a| area_label(a, lang)).unwrap_or_else(|| code.to_string())
}

fn official(a: &Area, lang: Lang) -> String {
    match lang {
        Lang::Vi => a.name.clone(),
        Lang::En => a.name_en.clone().unwrap_or_else(|| a.name.clone()),
    }
}

/// Where a former province or a city is now: "Tỉnh Bắc Ninh".
pub fn now_part_of(ds: &Dataset, a: &Area, lang: Lang) -> Option<String> {
    match a.level {
        Level::FormerProvince | Level::City => a.part_of.as_deref().and_then(|p| ds.area(p)).map(|p| official(p, lang)),
        _ => None,
    }
}

/// The area as a table names it: the official name; a former province says where it is now.
pub fn area_text(ds: &Dataset, a: &Area, lang: Lang) -> String {
    let name = official(a, lang);
    match (a.level, now_part_of(ds, a, lang)) {
        // a merger that kept the name (Hải Phòng with Hải Dương): "now part of" itself says nothing
        (Level::FormerProvince, Some(p)) if p == name => format!("{name} ({})", lang.pick("cũ, trước sáp nhập 1/7/2025", "former, before the merger of 1 July 2025")),
        (Level::FormerProvince, Some(p)) => format!("{name} ({}, {} {p})", lang.pick("cũ", "former"), lang.pick("nay thuộc", "now part of")),
        (Level::FormerProvince, None) => format!("{name} ({})", lang.pick("cũ", "former")),
        (Level::City, Some(p)) => format!("{name} ({} {p})", lang.pick("thuộc", "in")),
        _ => name,
    }
}

/// A date in words.
pub fn date_of(d: DateRef, lang: Lang) -> String {
    match lang {
        Lang::Vi => d.vi(),
        Lang::En => d.en(),
    }
}

/// A metric with its unit where the metric has several: "Thu nhập bình quân của người lao động
/// (theo tháng)".
pub fn metric_label(metric: Metric, unit: Unit, lang: Lang) -> String {
    let several = metric.allowed_units().len() > 1;
    match unit {
        Unit::VndPerMonth if several => format!("{} ({})", metric.label(lang), lang.pick("theo tháng", "per month")),
        Unit::VndPerYear if several => format!("{} ({})", metric.label(lang), lang.pick("theo năm", "per year")),
        // commendations are counted in collectives or in persons: two entries of the metric list
        Unit::Collectives if several => format!("{} — {}", metric.label(lang), lang.pick("số tập thể", "collectives")),
        Unit::Persons if several => format!("{} — {}", metric.label(lang), lang.pick("số cá nhân", "individuals")),
        _ => metric.label(lang).to_string(),
    }
}

/// What one observation measures, with its sector or rating class.
pub fn metric_text(o: &Observation, lang: Lang) -> String {
    let mut m = metric_label(o.metric, o.unit, lang);
    if let Some(s) = o.sector {
        m.push_str(&format!(" — {}", s.label(lang)));
    }
    if let Some(r) = o.rating {
        m.push_str(&format!(" — {}", r.label(lang)));
    }
    if let Some(p) = &o.part {
        m.push_str(&format!(" — {p}"));
    }
    m
}

/// A publisher without its web address in brackets, for bar labels.
pub fn short_publisher(ds: &Dataset, source: &str) -> String {
    let p = ds.source(source).map(|s| s.publisher.as_str()).unwrap_or(source);
    let p = p.split(" (").next().unwrap_or(p);
    crate::load::truncate_pub(p.trim())
}

/// "Publisher: Title (date)", the date written as the page writes dates ("15/01/2025").
pub fn citation(ds: &Dataset, source: &str, lang: Lang) -> String {
    let Some(s) = ds.source(source) else { return source.to_string() };
    match &s.published {
        Some(p) => format!("{}: {} ({})", s.publisher, s.title, published_text(p, lang)),
        None => format!("{}: {}", s.publisher, s.title),
    }
}

/// A source's date of publication as the page writes dates ("2025-01-15" → "15/01/2025",
/// "15 Jan 2025"); as written when it is no date the loader reads.
pub fn published_text(published: &str, lang: Lang) -> String {
    DateRef::parse(published).map(|d| date_of(d, lang)).unwrap_or_else(|| published.to_string())
}

/// The money scale that reads best for the largest value of a chart.
pub fn money_scale(unit: Unit, max: f64) -> MoneyScale {
    if unit.is_money() {
        MoneyScale::for_amount(max)
    } else {
        MoneyScale::One
    }
}

/// The divisor of a money scale.
pub fn divisor(scale: MoneyScale) -> f64 {
    match scale {
        MoneyScale::One => 1.0,
        MoneyScale::Million => 1e6,
        MoneyScale::Billion => 1e9,
        MoneyScale::Trillion => 1e12,
    }
}

/// "Đơn vị: tỷ đồng".
pub fn unit_line(unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    format!("{}: {}", lang.pick("Đơn vị", "Unit"), format::unit_text(unit, scale, lang))
}

/// The unit of a per-cooperative value: "tỷ đồng/HTX".
pub fn per_coop_unit(unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{}/HTX", format::unit_text(unit, scale, lang)),
        Lang::En => format!("{} per cooperative", format::unit_text(unit, scale, lang)),
    }
}

/// A computed number rounded for display: 3 decimals (1 for percent), or 3 significant digits
/// below 1.
pub fn round_display(x: f64, decimals: i32) -> f64 {
    let d = if x != 0.0 && x.abs() < 1.0 { (decimals - 1).max(-(x.abs().log10().floor() as i32) + 2).min(10) } else { decimals };
    let p = 10f64.powi(d);
    (x * p).round() / p
}

/// The value as written on a mark: qualifier words and the number in the chart's scale
/// ("hơn 148", "3,8–hơn 5,5", "69%", "293 (ước tính)"). `computed` values are rounded for display.
pub fn mark_label(v: Value, q: Qualifier, unit: Unit, scale: MoneyScale, computed: bool, lang: Lang) -> String {
    let n = |x: f64| {
        if computed {
            let dec = if unit == Unit::Percent { 1 } else { 3 };
            format::number(round_display(x / divisor(scale), dec), lang)
        } else {
            format::scaled(x, unit, scale, lang)
        }
    };
    let pct = if unit == Unit::Percent { "%" } else { "" };
    let body = match v {
        Value::Point(x) => format!("{}{pct}", n(x)),
        Value::Range { low, high, high_open } => {
            let open = if high_open { format!("{} ", Qualifier::MoreThan.prefix(lang).unwrap_or_default()) } else { String::new() };
            format!("{}{pct}–{open}{}{pct}", n(low), n(high))
        }
    };
    format::qualified(&body, q, lang)
}

/// "Nguồn: A; B; C và 12 nguồn khác", from the sources of these figures (reporter first).
pub fn source_line(ds: &Dataset, obs: &[&Observation], lang: Lang) -> String {
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
    let mut line = if publishers.is_empty() {
        lang.pick("Nguồn: không có số liệu nào được vẽ", "Sources: no figure is drawn").to_string()
    } else if publishers.len() > 4 {
        let more = publishers.len() - 4;
        format!("{head}: {shown} {} {more} {}", lang.pick("và", "and"), lang.pick("nguồn khác (mỗi số liệu ghi nguồn riêng)", "more (each figure names its own)"))
    } else {
        format!("{head}: {shown}")
    };
    if !ds.origin.is_empty() && !ds.origin.starts_with("data/") {
        // a link's data is no file: the reader is told whose figures these are
        if ds.origin == crate::load::LINK_ORIGIN {
            line.push_str(lang.pick(". Dữ liệu: do người tạo liên kết nhập", ". Data: entered by the link's author"));
        } else {
            line.push_str(&format!(". {}: {}", lang.pick("Tệp dữ liệu", "Data file"), ds.origin));
        }
    }
    line.push('.');
    line
}

/// The consistency notes on any of these records, as "* …" lines.
pub fn notes_for(ds: &Dataset, records: &[usize], lang: Lang) -> Vec<String> {
    ds.notes.iter().filter(|n| n.records.iter().any(|r| records.contains(r))).map(|n| format!("* {}", n.describe(ds, lang))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_rounding() {
        assert_eq!(round_display(2.128702928870293, 3), 2.129);
        assert_eq!(round_display(12.0334728, 3), 12.033);
        assert_eq!(round_display(0.012345, 3), 0.0123);
        assert_eq!(round_display(68.98370086, 1), 69.0);
    }

    #[test]
    fn a_links_data_is_named_in_the_pages_language() {
        let json = r#"{"format":"htx-charts/1","title":"t","sources":[{"id":"s1","publisher":"Báo A","title":"x"}],
            "areas":[{"code":"P20","name":"Tỉnh Lạng Sơn","level":"province"}],
            "observations":[{"area":"P20","date":"2024","metric":"cooperatives","value":5,"qualifier":"exact","unit":"cooperatives","source":"s1"}]}"#;
        let line = |origin: &str, lang: Lang| {
            let ds = crate::load::load(json, origin).unwrap();
            source_line(&ds, &ds.observations.iter().collect::<Vec<_>>(), lang)
        };
        assert_eq!(line(crate::load::LINK_ORIGIN, Lang::En), "Sources: Báo A. Data: entered by the link's author.");
        assert_eq!(line(crate::load::LINK_ORIGIN, Lang::Vi), "Nguồn: Báo A. Dữ liệu: do người tạo liên kết nhập.");
        assert_eq!(line("https://x.vn/a.json", Lang::En), "Sources: Báo A. Data file: https://x.vn/a.json.");
        let ds = crate::load::load(json, "data/htx.json").unwrap();
        assert_eq!(source_line(&ds, &[], Lang::Vi), "Nguồn: không có số liệu nào được vẽ.", "no figure: no empty list");
        assert_eq!(source_line(&ds, &[], Lang::En), "Sources: no figure is drawn.");
        let e = crate::load::FetchError::Load { url: crate::load::LINK_ORIGIN.into(), error: crate::load::LoadError::TooLarge(1) };
        assert!(e.message(Lang::En).contains("from link #d="), "{}", e.message(Lang::En));
        assert!(e.message(Lang::Vi).contains("từ liên kết #d="), "{}", e.message(Lang::Vi));
    }

    #[test]
    fn one_word_for_more_than() {
        let r = Value::Range { low: 3.8e6, high: 5.5e6, high_open: true };
        assert_eq!(mark_label(r, Qualifier::Exact, Unit::VndPerMonth, MoneyScale::Million, false, Lang::En), "3.8–more than 5.5");
        assert_eq!(mark_label(Value::Point(148e9), Qualifier::MoreThan, Unit::Vnd, MoneyScale::Billion, false, Lang::Vi), "hơn 148");
        assert_eq!(mark_label(Value::Point(2.128702), Qualifier::Exact, Unit::Vnd, MoneyScale::One, true, Lang::Vi), "2,129");
    }
}
