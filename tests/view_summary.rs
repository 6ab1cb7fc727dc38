//! The written summary of every chart (issue 11): what is compared, the largest and smallest
//! figures with their areas and dates, the span of dates and the caveat that matters most, in
//! both languages — and never a number that is not in the figures.

mod common;

use common::{bundled, from_json, view};
use htx_charts::chart::ChartSpec;
use htx_charts::explore::url::metric_key;
use htx_charts::export::{frame_for, framed_svg};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Value};
use htx_charts::view::summary::{self, Body, Change, Summary};
use htx_charts::view::{self, alt_text, ChartView};

/// Six local areas at dates from 2019 to 2025 (Sơn La "more than 1.000", a former province alone
/// in its province, a city); lines that rise exactly, rise to a "more than", fall, and a country
/// line whose last date has two sources that disagree (and an earlier date too); sector parts of
/// four areas (a tie in TP Sơn La); ratings of two provinces; a range of incomes; capital for
/// per-cooperative values; one figure with a scope of its own.
const SUMMARY: &str = r#"{
  "format": "htx-charts/1", "title": "summary", "updated": "2026-01-01",
  "sources": [
    { "id": "s-a", "publisher": "Cục Thống kê (gso.gov.vn)", "title": "Niên giám thống kê" },
    { "id": "s-kh", "publisher": "Báo Nông nghiệp (nongnghiep.vn)", "title": "Kinh tế tập thể", "reporter": "Bộ KH&ĐT" },
    { "id": "s-lm", "publisher": "Liên minh HTX Việt Nam (vca.org.vn)", "title": "Báo cáo tổng kết" }
  ],
  "areas": [
    { "code": "VN", "name": "Việt Nam", "name_en": "Viet Nam", "level": "country" },
    { "code": "P14", "name": "Tỉnh Sơn La", "short": "Sơn La", "name_en": "Son La", "level": "province", "official_code": "14" },
    { "code": "P20", "name": "Tỉnh Lạng Sơn", "short": "Lạng Sơn", "name_en": "Lang Son", "level": "province", "official_code": "20" },
    { "code": "P24", "name": "Tỉnh Bắc Ninh", "short": "Bắc Ninh", "name_en": "Bac Ninh", "level": "province", "official_code": "24" },
    { "code": "P25", "name": "Tỉnh Phú Thọ", "short": "Phú Thọ", "name_en": "Phu Tho", "level": "province", "official_code": "25" },
    { "code": "F24", "name": "Tỉnh Bắc Giang", "short": "Bắc Giang", "name_en": "Bac Giang", "level": "former_province", "official_code": "24", "part_of": "P24" },
    { "code": "F17", "name": "Tỉnh Hòa Bình", "short": "Hòa Bình", "name_en": "Hoa Binh", "level": "former_province", "official_code": "17", "part_of": "P25" },
    { "code": "C14-SONLA", "name": "Thành phố Sơn La", "short": "TP Sơn La", "name_en": "Son La City", "level": "city", "part_of": "P14" }
  ],
  "observations": [
    { "area": "VN", "date": "2018", "metric": "cooperatives", "value": 22861, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "VN", "date": "2021", "metric": "cooperatives", "value": 27342, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "VN", "date": "2021", "metric": "cooperatives", "value": 27300, "qualifier": "about", "unit": "cooperatives", "source": "s-lm" },
    { "area": "VN", "date": "2024-12", "metric": "cooperatives", "value": 33335, "qualifier": "exact", "unit": "cooperatives", "source": "s-kh" },
    { "area": "VN", "date": "2024-12", "metric": "cooperatives", "value": 33557, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "value": 2086, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P14", "date": "2020", "metric": "cooperatives", "value": 800, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P14", "date": "2025-10", "metric": "cooperatives", "value": 1000, "qualifier": "more_than", "unit": "cooperatives", "source": "s-a" },
    { "area": "P20", "date": "2021", "metric": "cooperatives", "value": 400, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "F24", "date": "2016", "metric": "cooperatives", "value": 750, "qualifier": "exact", "unit": "cooperatives", "source": "s-a", "scope": "gồm cả quỹ tín dụng nhân dân" },
    { "area": "F24", "date": "2019", "metric": "cooperatives", "value": 713, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "F17", "date": "2022-12", "metric": "cooperatives", "value": 485, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2020", "metric": "cooperatives", "value": 60, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "value": 73, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "sector": "agriculture", "value": 40, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "sector": "general", "value": 17, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "sector": "trade_services", "value": 14, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "sector": "industry_handicraft", "value": 1, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "C14-SONLA", "date": "2024", "metric": "cooperatives", "sector": "construction", "value": 1, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "sector": "agriculture", "value": 1439, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "sector": "non_agriculture", "value": 602, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "sector": "credit", "value": 45, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P20", "date": "2023", "metric": "cooperatives", "sector": "agriculture", "value": 400, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "P20", "date": "2023", "metric": "cooperatives", "sector": "trade_services", "value": 78, "qualifier": "exact", "unit": "cooperatives", "source": "s-lm" },
    { "area": "F24", "date": "2019", "metric": "cooperatives", "sector": "agriculture", "value": 500, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "F24", "date": "2019", "metric": "cooperatives", "sector": "transport", "value": 213, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "good_or_fair", "value": 21, "qualifier": "exact", "unit": "percent", "source": "s-lm" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "average", "value": 64, "qualifier": "exact", "unit": "percent", "source": "s-lm" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "weak", "value": 15, "qualifier": "exact", "unit": "percent", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "rating_share", "rating": "fair", "value": 35, "qualifier": "about", "unit": "percent", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "rating_share", "rating": "average", "value": 55, "qualifier": "about", "unit": "percent", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "rating_share", "rating": "weak", "value": 10, "qualifier": "about", "unit": "percent", "source": "s-lm" },
    { "area": "P20", "date": "2023", "metric": "income_per_worker", "value": { "low": 3800000, "high": 5500000, "high_open": true }, "qualifier": "exact", "unit": "vnd_per_month", "source": "s-lm" },
    { "area": "P14", "date": "2024", "metric": "income_per_worker", "value": 4200000, "qualifier": "estimate", "unit": "vnd_per_month", "source": "s-a" },
    { "area": "P20", "date": "2023", "metric": "charter_capital", "value": 1017520000000, "qualifier": "exact", "unit": "vnd", "source": "s-lm" },
    { "area": "P24", "date": "2025", "metric": "charter_capital", "value": 4172000000000, "qualifier": "more_than", "unit": "vnd", "source": "s-lm" }
  ]
}"#;

fn ds() -> Dataset {
    from_json(SUMMARY)
}

/// Both languages of a query, each checked against the figures.
fn both(ds: &Dataset, query: &str) -> (ChartView, ChartView) {
    let vi = view(ds, query, Lang::Vi);
    let en = view(ds, query, Lang::En);
    check_summary(ds, query, &vi);
    check_summary(ds, query, &en);
    (vi, en)
}

// ───────────────────────────── the hard rule ─────────────────────────────

/// The digit groups of a text: runs of digits, with a "." or "," between digits kept
/// ("1.017,52", "33,557", "2025").
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut s = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || ((chars[i] == '.' || chars[i] == ',') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) && !s.is_empty())) {
            s.push(chars[i]);
            i += 1;
        }
        out.push(s);
    }
    out
}

/// A digit group read as a number in a language ("1.017,52" in vi, "1,017.52" in en).
fn parse(s: &str, lang: Lang) -> f64 {
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    s.replace(group, "").replace(decimal, ".").parse().unwrap()
}

/// The names a summary may quote (they may hold digits: "Tỉnh (bài 002)", a scope such as "2 hội
/// nghị"): labels of the chart's rows, lines and tiles, area names and publishers.
fn names(ds: &Dataset, v: &ChartView) -> Vec<String> {
    let mut n: Vec<String> = Vec::new();
    match &v.spec {
        ChartSpec::Bars(b) => n.extend(b.rows.iter().map(|r| r.label.clone())),
        ChartSpec::Stacked(s) => {
            n.extend(s.rows.iter().map(|r| r.label.clone()));
            n.extend(s.classes.iter().cloned());
        }
        ChartSpec::Series(s) => n.extend(s.series.iter().cloned()),
        ChartSpec::Map(m) => n.extend(m.tiles.iter().map(|t| t.name.clone())),
    }
    for a in &ds.areas {
        n.extend([a.name.clone(), a.short_name().to_string()]);
        n.extend(a.name_en.clone());
    }
    for s in &ds.sources {
        n.push(s.publisher.clone());
        n.extend(s.reporter.clone());
        n.extend([s.publisher.split(" (").next().unwrap().trim().to_string()]);
        n.extend(s.reporter.as_ref().map(|r| r.split(" (").next().unwrap().trim().to_string()));
    }
    n.retain(|s| s.chars().any(|c| c.is_ascii_digit()));
    n.sort_by_key(|s| std::cmp::Reverse(s.len()));
    n
}

/// Every number in the summary is a number written in a figure's value, label or date; a count
/// (of figures, areas, rows, lines, parts or tiles); or the difference of two exact, reported
/// figures of one area in one unit (in the unit's own scale, or in millions or billions).
fn check_summary(ds: &Dataset, what: &str, v: &ChartView) {
    let lang = if v.source_line.starts_with("Nguồn") { Lang::Vi } else { Lang::En };
    let s = &v.summary;
    assert!(!s.trim().is_empty(), "{what}: a summary");
    assert!(s.ends_with('.'), "{what}: sentences: {s}");
    assert!(!s.contains("  ") && !s.contains('{') && !s.contains(" ."), "{what}: {s}");
    assert!(!s.split(|c: char| !c.is_alphanumeric()).any(|w| w == "inf" || w == "NaN"), "{what}: {s}");
    assert_eq!(s, &summary::summary(v, ds, lang), "{what}: the field is the function's");
    assert_eq!(s, &Summary::of(v, ds, lang).text(lang), "{what}");
    if v.figures.is_empty() && !matches!(v.spec, ChartSpec::Map(_)) {
        assert_eq!(s, lang.pick("Không có số liệu cho lựa chọn này.", "No figures for this choice."), "{what}");
    }
    // never one figure both the largest and the smallest (unless every figure has that value)
    let facts = Summary::of(v, ds, lang);
    let pair = match &facts.body {
        Body::Bars { max, min, .. } | Body::Parts { max, min, .. } => Some((max, min)),
        Body::Map { max: Some(max), min: Some(min), .. } => Some((max, min)),
        _ => None,
    };
    if let Some((max, min)) = pair {
        assert!(max == min || max.figures[0] != min.figures[0], "{what}: {s}");
    }
    check_numbers(ds, what, v, s, lang);
}

/// The numbers of a text about a view are its figures', counts, or differences (see
/// [`check_summary`]).
fn check_numbers(ds: &Dataset, what: &str, v: &ChartView, s: &str, lang: Lang) {
    let mut text = s.to_string();
    for n in names(ds, v) {
        text = text.replace(&n, " ");
    }
    let mut allowed: Vec<String> = Vec::new();
    // the figures drawn, and those of a long chart in its table only
    let all: Vec<&htx_charts::view::Figure> = v.figures.iter().chain(&v.rest).collect();
    for f in &all {
        for t in [&f.value_text, &f.label, &f.date] {
            allowed.extend(numbers(t));
        }
    }
    let lines: usize = v.caveats.iter().map(|c| if let htx_charts::view::Caveat::TopSeries { shown, more } = c { shown + more } else { 0 }).sum();
    let most = match &v.spec {
        ChartSpec::Map(m) => m.tiles.len().max(all.len()),
        _ => all.len().max(lines),
    };
    let exact: Vec<(&str, htx_charts::model::Unit, f64)> = all
        .iter()
        .filter(|f| f.qualifier.is_exact() && f.formula.is_none())
        .filter_map(|f| match f.value {
            Value::Point(x) => Some((f.area_code.as_str(), f.unit, x)),
            Value::Range { .. } => None,
        })
        .collect();
    for n in numbers(&text) {
        if allowed.contains(&n) {
            continue;
        }
        let x = parse(&n, lang);
        if x.fract() == 0.0 && x <= most as f64 {
            continue;
        }
        let difference = exact.iter().any(|a| {
            exact.iter().any(|b| a.0 == b.0 && a.1 == b.1 && [1.0, 1e6, 1e9].iter().any(|scale| ((b.2 - a.2).abs() / scale - x).abs() < 1e-9 * x.max(1.0)))
        });
        assert!(difference, "{what}: {n} is not a figure, a count or a difference of two exact figures: {s}");
    }
}

#[test]
#[should_panic(expected = "2.087 is not a figure")]
fn the_number_checker_finds_a_number_not_in_the_figures() {
    let ds = ds();
    let v = view(&ds, "", Lang::Vi);
    check_numbers(&ds, "tampered", &v, "Nhiều nhất: Bắc Ninh 2.087 HTX (2025).", Lang::Vi);
}

#[test]
fn the_number_checker_allows_counts_and_differences() {
    let ds = ds();
    let v = view(&ds, "c=line", Lang::Vi);
    // 78 = 478 − 400 (Lạng Sơn), 4 lines, the figures' own numbers and dates
    check_numbers(&ds, "line", &v, "4 đường. Lạng Sơn: tăng 78 HTX, từ 400 HTX (2021) lên 478 HTX (2023).", Lang::Vi);
    let en = view(&ds, "m=charter_capital", Lang::En);
    // 3,154.48 billion = 4,172 − 1,017.52 billion, but Bắc Ninh's is "more than" and of another area
    let caught = std::panic::catch_unwind(|| check_numbers(&ds, "money", &en, "Up 3,154.48 billion VND.", Lang::En));
    assert!(caught.is_err(), "no difference across areas or with a non-exact figure");
}

#[test]
fn the_number_checker_reads_both_languages() {
    assert_eq!(numbers("Bắc Ninh 2.086 HTX (2025); 1.017,52 tỷ đồng, 12/2024."), ["2.086", "2025", "1.017,52", "12", "2024"]);
    assert_eq!(numbers("3.8 – more than 5.5 million; 33,557 cooperatives, 21%."), ["3.8", "5.5", "33,557", "21"]);
    assert_eq!(parse("1.017,52", Lang::Vi), 1017.52);
    assert_eq!(parse("33,557", Lang::En), 33557.0);
}

// ───────────────────────────── bars ─────────────────────────────

#[test]
fn bars_name_the_largest_and_smallest_with_area_and_date() {
    let ds = ds();
    let (vi, en) = both(&ds, "");
    assert_eq!(
        vi.summary,
        "6 địa bàn, số liệu từ 2019 đến 2025, không cùng thời điểm. Nhiều nhất: Bắc Ninh 2.086 HTX (2025); ít nhất: TP Sơn La 73 HTX (2024)."
    );
    assert_eq!(
        en.summary,
        "6 areas, figures from 2019 to 2025, not of one date. Largest: Bac Ninh 2,086 cooperatives (2025); smallest: Son La City 73 cooperatives (2024)."
    );
    // alt text: title, then the summary
    assert_eq!(alt_text(&vi), format!("{}. {}", vi.title, vi.summary));
}

#[test]
fn bars_keep_more_than_and_a_range_whole() {
    let ds = ds();
    let (vi, en) = both(&ds, "a=P14,P20");
    assert_eq!(vi.summary, "2 địa bàn, số liệu từ 2023 đến 2025, không cùng thời điểm. Nhiều nhất: Sơn La hơn 1.000 HTX (10/2025); ít nhất: Lạng Sơn 478 HTX (2023).");
    assert!(en.summary.contains("Largest: Son La more than 1,000 cooperatives (Oct 2025)"), "{}", en.summary);
    // a range is ordered by its high end and written whole, with its "more than"
    let (vi, en) = both(&ds, "m=income_per_worker");
    assert!(vi.summary.contains("Cao nhất: Lạng Sơn 3,8 – hơn 5,5 triệu đồng/người/tháng (2023); thấp nhất: Sơn La 4,2 triệu đồng/người/tháng (ước tính) (2024)."), "{}", vi.summary);
    assert!(en.summary.contains("Highest: Lang Son 3.8 – more than 5.5 million VND per person per month (2023)"), "{}", en.summary);
    assert!(en.summary.contains("4.2 million VND per person per month (estimate) (2024)"), "{}", en.summary);
}

#[test]
fn one_date_and_one_figure() {
    let ds = ds();
    // two sources for one area at one date: both bars, and the summary names both publishers
    let (vi, en) = both(&ds, "a=vn");
    assert!(vi.summary.starts_with("2 số liệu của 1 địa bàn, cùng thời điểm 12/2024."), "{}", vi.summary);
    assert!(vi.summary.contains("Nhiều nhất: Việt Nam (Liên minh HTX Việt Nam) 33.557 HTX; ít nhất: Việt Nam (Báo Nông nghiệp) 33.335 HTX."), "{}", vi.summary);
    assert!(vi.summary.ends_with("Các nguồn ghi khác nhau cho Việt Nam, 12/2024: 33.557 HTX (Liên minh HTX Việt Nam) và 33.335 HTX (Bộ KH&ĐT)."), "{}", vi.summary);
    assert!(en.summary.starts_with("2 figures for 1 area, all dated Dec 2024."), "{}", en.summary);
    assert!(en.summary.ends_with("Sources differ for Viet Nam, Dec 2024: 33,557 cooperatives (Liên minh HTX Việt Nam) and 33,335 cooperatives (Bộ KH&ĐT)."), "{}", en.summary);
    // one figure
    let (vi, en) = both(&ds, "a=P24");
    assert_eq!(vi.summary, "Bắc Ninh: 2.086 HTX (2025).");
    assert_eq!(en.summary, "Bac Ninh: 2,086 cooperatives (2025).");
}

#[test]
fn the_sectors_of_one_area() {
    let ds = ds();
    let (vi, en) = both(&ds, "a=C14-SONLA&by=sector");
    assert_eq!(vi.summary, "Thành phố Sơn La, 2024, 5 lĩnh vực: nhiều nhất Nông, lâm, ngư nghiệp 40 HTX; ít nhất Công nghiệp, TTCN và Xây dựng cùng 1 HTX.");
    assert_eq!(en.summary, "Son La City, 2024, 5 sectors: largest Agriculture 40 cooperatives; smallest Industry & handicraft and Construction, 1 cooperative each.");
    // ratings of one area as bars
    let (vi, _) = both(&ds, "a=P20&m=rating_share");
    assert_eq!(vi.summary, "Tỉnh Lạng Sơn, 2023, 3 mức xếp loại: cao nhất Trung bình 64%; thấp nhất Yếu 15%.");
}

#[test]
fn computed_views_say_so() {
    let ds = ds();
    let (vi, en) = both(&ds, "m=charter_capital&mode=per_coop");
    assert!(vi.summary.contains("Bình quân một HTX tính từ hai số liệu cùng thời điểm của mỗi địa bàn."), "{}", vi.summary);
    assert!(vi.summary.contains("hơn 2 tỷ đồng/HTX (2025)") && vi.summary.contains("Lạng Sơn 2,129 tỷ đồng/HTX (2023)"), "{}", vi.summary);
    assert!(en.summary.contains("Per-cooperative values are computed from two figures of the same area and date."), "{}", en.summary);
    let (vi, en) = both(&ds, "by=sector&mode=share");
    assert!(vi.summary.contains("Tỷ lệ tính từ hai số liệu cùng thời điểm"), "{}", vi.summary);
    assert!(en.summary.contains("Shares are computed from two figures"), "{}", en.summary);
    // as reported: no such sentence
    let (vi, _) = both(&ds, "m=charter_capital");
    assert!(!vi.summary.contains("tính từ"), "{}", vi.summary);
}

// ───────────────────────────── stacked ─────────────────────────────

#[test]
fn stacked_rows_listed_or_the_longest() {
    let ds = ds();
    // two rows of ratings: each listed, largest class first
    let (vi, en) = both(&ds, "m=rating_share&c=pct");
    assert_eq!(
        vi.summary,
        "2 địa bàn, 4 mức xếp loại, số liệu từ 2023 đến 2025, không cùng thời điểm. Lạng Sơn (2023): Trung bình 64%, Khá, tốt 21% và Yếu 15%; Bắc Ninh (2025): Trung bình khoảng 55%, Khá khoảng 35% và Yếu khoảng 10%."
    );
    assert!(en.summary.starts_with("2 areas, 4 rating classes, figures from 2023 to 2025, not of one date. Lang Son (2023): Average 64%"), "{}", en.summary);
    // four rows of sectors on a value axis: the longest row and its largest part
    let (vi, en) = both(&ds, "by=sector&c=stacked");
    assert_eq!(vi.summary, "4 địa bàn, 8 lĩnh vực, số liệu từ 2019 đến 2025, không cùng thời điểm. Hàng dài nhất: Bắc Ninh (2025), trong đó nhiều nhất Nông, lâm, ngư nghiệp 1.439 HTX.");
    assert_eq!(en.summary, "4 areas, 8 sectors, figures from 2019 to 2025, not of one date. Longest row: Bac Ninh (2025), its largest part Agriculture 1,439 cooperatives.");
    // on a 0–100 % axis: the highest share
    let (vi, en) = both(&ds, "by=sector&c=pct");
    assert!(vi.summary.ends_with("Tỷ lệ cao nhất: Lạng Sơn (2023), Nông, lâm, ngư nghiệp 83,7%."), "{}", vi.summary);
    assert!(en.summary.ends_with("Highest share: Lang Son (2023), Agriculture 83.7%."), "{}", en.summary);
    // one row, more parts than listed
    let (vi, en) = both(&ds, "a=C14-SONLA&by=sector&c=stacked");
    assert!(vi.summary.ends_with("TP Sơn La: Nông, lâm, ngư nghiệp 40 HTX, Tổng hợp 17 HTX, Thương mại, dịch vụ 14 HTX và 2 lĩnh vực khác."), "{}", vi.summary);
    assert!(en.summary.ends_with("and 2 more sectors."), "{}", en.summary);
}

// ───────────────────────────── lines ─────────────────────────────

#[test]
fn lines_first_and_last_with_the_change() {
    let ds = ds();
    let (vi, en) = both(&ds, "c=line");
    let s = &vi.summary;
    assert!(s.starts_with("4 đường, số liệu từ 2016 đến 2025."), "{s}");
    // to a "more than": no difference computed
    assert!(s.contains("Sơn La: tăng từ 800 HTX (2020) lên hơn 1.000 HTX (10/2025)"), "{s}");
    // exact figures: the difference, down
    assert!(s.contains("Bắc Giang (cũ): giảm 37 HTX, từ 750 HTX (2016) xuống 713 HTX (2019)"), "{s}");
    // exact figures: the difference, up; then the line not named
    assert!(s.contains("Lạng Sơn: tăng 78 HTX, từ 400 HTX (2021) lên 478 HTX (2023); và 1 đường khác."), "{s}");
    assert!(!s.contains("TP Sơn La"), "at most three lines named: {s}");
    // the scope of the 2016 figure of Bắc Giang
    assert!(s.ends_with("Phạm vi thống kê khác nhau giữa các nguồn."), "{s}");
    let e = &en.summary;
    assert!(e.starts_with("4 lines, figures from 2016 to 2025."), "{e}");
    assert!(e.contains("Son La: up from 800 cooperatives (2020) to more than 1,000 cooperatives (Oct 2025)"), "{e}");
    assert!(e.contains("Bac Giang (former): down 37 cooperatives, from 750 cooperatives (2016) to 713 cooperatives (2019)"), "{e}");
    assert!(e.contains("; and 1 more line.") && e.ends_with("Scopes differ between sources."), "{e}");
}

#[test]
fn a_line_names_both_sources_where_they_disagree() {
    let ds = ds();
    let (vi, en) = both(&ds, "a=vn&c=line");
    assert_eq!(
        vi.summary,
        "1 đường, số liệu từ 2018 đến 2024. Việt Nam: tăng từ 22.861 HTX (2018) lên 33.335 HTX (Bộ KH&ĐT) và 33.557 HTX (Liên minh HTX Việt Nam) cho 12/2024. \
         Các nguồn ghi khác nhau cho Việt Nam, 2021: 27.342 HTX (Cục Thống kê) và khoảng 27.300 HTX (Liên minh HTX Việt Nam)."
    );
    assert_eq!(
        en.summary,
        "1 line, figures from 2018 to 2024. Viet Nam: up from 22,861 cooperatives (2018) to 33,335 cooperatives (Bộ KH&ĐT) and 33,557 cooperatives (Liên minh HTX Việt Nam) for Dec 2024. \
         Sources differ for Viet Nam, 2021: 27,342 cooperatives (Cục Thống kê) and about 27,300 cooperatives (Liên minh HTX Việt Nam)."
    );
    // the typed facts: both figures at the last date, no difference
    let Body::Lines { lines, .. } = Summary::of(&vi, &ds, Lang::Vi).body else { panic!("lines") };
    assert_eq!(lines[0].last.figures.len(), 2);
    assert_eq!(lines[0].change, Change::Up(None));
}

// ───────────────────────────── map and empty ─────────────────────────────

#[test]
fn the_map_counts_its_tiles() {
    let ds = ds();
    let (vi, en) = both(&ds, "c=map");
    assert_eq!(
        vi.summary,
        "Bản đồ 34 tỉnh, thành: 3 tỉnh có số liệu riêng, 1 chỉ có số liệu tỉnh cũ, 30 không có. Số liệu từ 2023 đến 2025, không cùng thời điểm. Nhiều nhất: Bắc Ninh 2.086 HTX (2025); ít nhất: Lạng Sơn 478 HTX (2023)."
    );
    assert_eq!(
        en.summary,
        "Map of the 34 provinces: 3 with figures of their own, 1 with figures of former provinces only, 30 with none. Figures from 2023 to 2025, not of one date. Largest: Bac Ninh 2,086 cooperatives (2025); smallest: Lang Son 478 cooperatives (2023)."
    );
    // money: "cao nhất", with its qualifier
    let (vi, _) = both(&ds, "m=charter_capital&c=map");
    assert!(vi.summary.starts_with("Bản đồ 34 tỉnh, thành: 2 tỉnh có số liệu riêng, 32 không có."), "{}", vi.summary);
    assert!(vi.summary.ends_with("Cao nhất: Bắc Ninh hơn 4.172 tỷ đồng (2025); thấp nhất: Lạng Sơn 1.017,52 tỷ đồng (2023)."), "{}", vi.summary);
}

#[test]
fn an_empty_view_says_so() {
    let ds = ds();
    for (q, lang, want) in [
        ("a=C14-SONLA&by=sector&mode=share&hide=agriculture,general,trade_services,industry_handicraft,construction&c=stacked", Lang::Vi, "Không có số liệu cho lựa chọn này."),
        ("a=P14&m=charter_capital", Lang::En, "No figures for this choice."),
    ] {
        let (sel, _) = htx_charts::explore::from_query(&htx_charts::deck::from_query(q), &ds);
        let v = view::build(&ds, &sel, lang);
        assert!(v.figures.is_empty(), "{q}");
        assert_eq!(v.summary, want, "{q}");
        assert_eq!(alt_text(&v), format!("{}. {want}", v.title));
    }
}

#[test]
fn a_long_chart_is_summed_up_whole() {
    // 45 cities, 2 dates each: more rows and lines than a chart draws; the summary still names
    // the smallest (in the table only) and counts every line
    let cities: Vec<String> = (0..45)
        .map(|i| format!(r#"{{ "code": "C{i:02}", "name": "Xã Thử {i}", "short": "Thử {}", "level": "city", "part_of": "P14" }}"#, letters(i)))
        .collect();
    let obs: Vec<String> = (0..45)
        .flat_map(|i| {
            [
                format!(r#"{{ "area": "C{i:02}", "date": "2020", "metric": "cooperatives", "value": {}, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" }}"#, 50 + i),
                format!(r#"{{ "area": "C{i:02}", "date": "2024", "metric": "cooperatives", "value": {}, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" }}"#, 100 + i),
            ]
        })
        .collect();
    let json = format!(
        r#"{{ "format": "htx-charts/1", "title": "long", "updated": "2026-01-01",
        "sources": [ {{ "id": "s-a", "publisher": "Cục Thống kê", "title": "Niên giám" }} ],
        "areas": [ {{ "code": "P14", "name": "Tỉnh Sơn La", "short": "Sơn La", "level": "province", "official_code": "14" }}, {} ],
        "observations": [ {} ] }}"#,
        cities.join(", "),
        obs.join(", ")
    );
    let ds = from_json(&json);
    let (vi, en) = both(&ds, "");
    assert_eq!(vi.figures.len() + vi.rest.len(), 45);
    assert_eq!(vi.summary, format!("45 địa bàn, cùng thời điểm 2024. Nhiều nhất: Thử {} 144 HTX; ít nhất: Thử {} 100 HTX.", letters(44), letters(0)));
    assert!(en.summary.starts_with("45 areas, all dated 2024."), "{}", en.summary);
    let (vi, _) = both(&ds, "c=line");
    // the lines not drawn are in the table the summary points to
    assert_eq!((vi.figures.len(), vi.rest.len()), (16, 74), "8 lines of 2 points drawn, 37 lines in the table");
    // 8 lines drawn (one colour each), the other 37 areas in the table
    assert!(vi.summary.starts_with("8 đường, số liệu từ 2020 đến 2024; 37 địa bàn khác không được vẽ (xem bảng)."), "{}", vi.summary);
    assert!(vi.summary.contains(&format!("Thử {}: tăng 50 HTX, từ 94 HTX (2020) lên 144 HTX (2024)", letters(44))), "{}", vi.summary);
    assert!(vi.summary.ends_with("và 5 đường khác."), "{}", vi.summary);
    let (_, en) = both(&ds, "c=line");
    assert!(en.summary.starts_with("8 lines, figures from 2020 to 2024; 37 more areas not drawn (see the table)."), "{}", en.summary);
}

/// A name without digits for a number (0 → "a", 27 → "bb").
fn letters(i: usize) -> String {
    let c = (b'a' + (i % 26) as u8) as char;
    std::iter::repeat_n(c, i / 26 + 1).collect()
}

// ───────────────────────────── the frame ─────────────────────────────

#[test]
fn the_svg_frame_carries_title_and_summary() {
    let ds = ds();
    let v = view(&ds, "a=vn", Lang::Vi);
    let frame = frame_for(&v, Lang::Vi, "https://htx-charts.example/");
    assert_eq!(frame.summary, v.summary);
    let svg = framed_svg(&v.spec, &frame, 640, &htx_charts::chart::Theme::light(1.0)).unwrap();
    let root_end = svg.find('>').unwrap();
    let after = &svg[root_end + 1..];
    let title = format!("\n<title>{}</title>", v.title.replace('&', "&amp;"));
    let desc = format!("\n<desc>{}</desc>", v.summary.replace('&', "&amp;"));
    assert!(after.starts_with(&format!("{title}{desc}")), "{}", &svg[..root_end + 400.min(after.len())]);
    assert!(v.summary.contains("KH&ĐT") && svg.contains("KH&amp;ĐT") && !svg.contains("KH&ĐT"), "escaped");
}

// ───────────────────────────── the bundled data ─────────────────────────────

#[test]
fn every_summary_of_the_bundled_data_keeps_to_the_figures() {
    let ds = bundled();
    let mut queries: Vec<String> = [
        "",
        "a=vn&c=line",
        "a=regions",
        "a=C14-SONLA&by=sector",
        "m=charter_capital",
        "m=rating_share&c=pct",
        "m=rating_share",
        "c=map",
        "c=line",
        "m=charter_capital&mode=per_coop",
        "m=charter_capital&c=map",
        "by=sector&mode=share",
        "by=sector&c=stacked",
        "by=sector&c=pct",
        "sort=name",
        "c=table",
        "d=2022",
        "a=p34",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (m, u, _) in view::metric_choices(&ds) {
        let key = metric_key(m, u);
        for extra in ["", "&c=line", "&c=map", "&mode=per_coop", "&mode=share", "&by=sector&c=stacked", "&a=vn&c=line"] {
            queries.push(format!("m={key}{extra}"));
        }
    }
    let mut kinds = std::collections::BTreeSet::new();
    for q in &queries {
        let (sel, _) = htx_charts::explore::from_query(&htx_charts::deck::from_query(q), &ds);
        for lang in [Lang::Vi, Lang::En] {
            let v = view::build(&ds, &sel, lang);
            check_summary(&ds, q, &v);
            kinds.insert(format!("{:?}", std::mem::discriminant(&Summary::of(&v, &ds, lang).body)));
        }
    }
    assert!(kinds.len() >= 6, "every kind of summary is tried: {kinds:?}");
    // the example of the issue, on the bundled data
    let v = view(&ds, "", Lang::Vi);
    assert!(v.summary.contains("Nhiều nhất: Bắc Ninh 2.086 HTX (2025); ít nhất: TP Sơn La 73 HTX (2024)."), "{}", v.summary);
    let v = view(&ds, "a=vn&c=line", Lang::Vi);
    assert!(v.summary.contains("33.335 HTX (Bộ Kế hoạch và Đầu tư) và 33.557 HTX (Liên minh HTX Việt Nam)"), "{}", v.summary);
}
