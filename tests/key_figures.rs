//! The key figures (src/key_figures.rs): named explorer selections drawn by `view::build`, on the
//! bundled dataset and on the small fixture. Facts of the bundled data are pinned to an area and a
//! year (“Lạng Sơn has 478 in 2023”), so that added figures do not break them.

mod common;

use common::{bundled, check_view, record_of, render, small, spec_marks, view};
use htx_charts::chart::{BarRow, ChartSpec, SeriesPoint, StackAxis, StackRow};
use htx_charts::explore::{self, ChartKind, Mode};
use htx_charts::i18n::Lang;
use htx_charts::key_figures::{for_dataset, KEY_FIGURES};
use htx_charts::model::{Dataset, Level, Metric, Value};
use htx_charts::view::{self, Caveat, ChartView};
use std::collections::BTreeSet;

fn bars(v: &ChartView) -> &[BarRow] {
    match &v.spec {
        ChartSpec::Bars(b) => &b.rows,
        other => panic!("{}: not a bar chart: {other:?}", v.title),
    }
}

fn points(v: &ChartView) -> &[SeriesPoint] {
    match &v.spec {
        ChartSpec::Series(s) => &s.points,
        other => panic!("{}: not a series: {other:?}", v.title),
    }
}

fn stacks(v: &ChartView) -> &[StackRow] {
    match &v.spec {
        ChartSpec::Stacked(s) => &s.rows,
        other => panic!("{}: not stacked: {other:?}", v.title),
    }
}

fn bar<'a>(v: &'a ChartView, key: &str) -> &'a BarRow {
    bars(v).iter().find(|r| r.key == key).unwrap_or_else(|| panic!("no bar {key} in {}", v.title))
}

/// The key figure of this id, built for a dataset.
fn key_view(ds: &Dataset, id: &str, lang: Lang) -> ChartView {
    let (_, sel) = for_dataset(ds).into_iter().find(|(k, _)| k.id == id).unwrap_or_else(|| panic!("the dataset shows no key figure {id}"));
    view::build(ds, &sel, lang)
}

#[test]
fn key_figures_are_named_explorer_queries() {
    let ids: BTreeSet<&str> = KEY_FIGURES.iter().map(|k| k.id).collect();
    assert_eq!(ids.len(), KEY_FIGURES.len(), "ids are unique");
    let queries: BTreeSet<&str> = KEY_FIGURES.iter().map(|k| k.query).collect();
    assert_eq!(queries.len(), KEY_FIGURES.len(), "queries are unique");
    assert!(!queries.contains(""), "the explorer's default view is not repeated");
    let ds = bundled();
    for k in KEY_FIGURES {
        assert!(!k.id.is_empty() && k.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", k.id);
        let sel = k.selection(&ds).unwrap_or_else(|| panic!("{}: {} does not parse on the bundled data", k.id, k.query));
        // the link opens the explorer on exactly this selection, written as the explorer writes it
        assert_eq!(explore::to_query(&sel), k.pairs(), "{}", k.id);
    }
}

#[test]
fn every_key_figure_of_both_datasets_is_well_formed_and_draws() {
    for (name, ds) in [("bundled", bundled()), ("small", small())] {
        let shown: Vec<&str> = for_dataset(&ds).iter().map(|(k, _)| k.id).collect();
        let all: Vec<&str> = KEY_FIGURES.iter().map(|k| k.id).collect();
        assert_eq!(shown, all, "{name}: every key figure, in page order");
        for (k, sel) in for_dataset(&ds) {
            for lang in [Lang::Vi, Lang::En] {
                let v = view::build(&ds, &sel, lang);
                let what = format!("{name} {} {lang:?}", k.id);
                check_view(&ds, &what, &v);
                assert!(!v.figures.is_empty(), "{what}: nothing drawn");
                assert!(!v.caveats.iter().any(|c| matches!(c, Caveat::KindFallback { .. } | Caveat::ModeFallback { .. } | Caveat::NoSectors)), "{what}: {:?}", v.caveats);
                assert_eq!(v.chart_kind, sel.chart, "{what}");
                let (svg, marks, _) = render(&v.spec, 640, lang);
                assert!(svg.starts_with("<svg"), "{what}");
                let drawn: Vec<(String, usize)> = marks.iter().map(|m| (m.key.clone(), m.record)).collect();
                assert_eq!(drawn, spec_marks(&v.spec), "{what}: one mark per figure");
            }
        }
    }
}

#[test]
fn a_key_figure_the_data_cannot_show_is_left_out_not_replaced() {
    let sector = KEY_FIGURES.iter().find(|k| k.id == "coops-by-sector").unwrap();
    // the area is not in the data file
    assert!(sector.selection(&common::from_json(NO_CITY)).is_none());
    // the area is there, without figures: no empty chart
    let mut ds = small();
    ds.observations.retain(|o| o.area != "C14-SONLA" && o.metric != Metric::RatingShare);
    let shown: Vec<&str> = for_dataset(&ds).iter().map(|(k, _)| k.id).collect();
    assert_eq!(shown, ["national-series", "coops-by-region", "capital-by-area"]);
    // the area has a total but no breakdown: not replaced by its total
    let mut ds = small();
    ds.observations.retain(|o| !(o.area == "C14-SONLA" && o.sector.is_some()));
    assert!(sector.selection(&ds).is_none());
    let (sel, notices) = htx_charts::explore::from_query(&sector.pairs(), &ds);
    assert!(notices.is_empty());
    assert!(view::build(&ds, &sel, Lang::Vi).caveats.contains(&Caveat::NoSectors), "the explorer would fall back to the total");
}

const NO_CITY: &str = r#"{
  "format": "htx-charts/1", "title": "t", "updated": "2026-01-01",
  "sources": [{ "id": "s", "publisher": "P", "title": "T" }],
  "areas": [{ "code": "VN", "name": "Việt Nam", "level": "country" }],
  "observations": [{ "area": "VN", "date": "2024", "metric": "cooperatives", "value": 1, "qualifier": "exact", "unit": "cooperatives", "source": "s" }]
}"#;

#[test]
fn titles_in_both_languages() {
    let ds = small();
    let titles: Vec<(&str, &str, &str)> = vec![
        ("national-series", "Số hợp tác xã — Việt Nam qua các năm", "Cooperatives — Viet Nam over time"),
        // every figure of the same date: the date instead of "latest of each"
        ("coops-by-region", "Số hợp tác xã theo vùng kinh tế - xã hội (31/12/2022)", "Cooperatives by socio-economic region (31 Dec 2022)"),
        ("coops-by-sector", "Số hợp tác xã theo lĩnh vực — Thành phố Sơn La (2024)", "Cooperatives by sector — Son La City (2024)"),
        ("capital-by-area", "Vốn điều lệ theo địa phương (số mới nhất của mỗi nơi)", "Charter capital by area (latest figure of each)"),
        ("rating-shares", "Xếp loại HTX theo địa phương (số mới nhất của mỗi nơi)", "Cooperative ratings by area (latest figure of each)"),
    ];
    for (id, vi, en) in titles {
        assert_eq!(key_view(&ds, id, Lang::Vi).title, vi);
        assert_eq!(key_view(&ds, id, Lang::En).title, en);
    }
    let units: Vec<(&str, &str, &str)> = vec![
        ("national-series", "Đơn vị: HTX", "Unit: cooperatives"),
        ("capital-by-area", "Đơn vị: tỷ đồng", "Unit: billion VND"),
        ("rating-shares", "Đơn vị: %", "Unit: %"),
    ];
    for (id, vi, en) in units {
        assert_eq!(key_view(&ds, id, Lang::Vi).unit_line, vi);
        assert_eq!(key_view(&ds, id, Lang::En).unit_line, en);
    }
}

#[test]
fn national_series_keeps_both_end_2024_figures() {
    let ds = bundled();
    let v = key_view(&ds, "national-series", Lang::Vi);
    assert_eq!(v.chart_kind, ChartKind::Line);
    assert_eq!(v.legend.len(), 1, "one series: Việt Nam");
    let pts = points(&v);
    assert!(pts.windows(2).all(|w| w[0].x <= w[1].x), "sorted by date");
    assert!(v.figures.iter().all(|f| f.area_code == "VN" && f.sector.is_none()), "sector parts are not points of the national series");
    assert_eq!(pts.len(), v.figures.len());
    let end_2024: Vec<&SeriesPoint> = pts.iter().filter(|p| p.date == "12/2024").collect();
    let ys: BTreeSet<u64> = end_2024.iter().map(|p| p.y as u64).collect();
    assert!(ys.contains(&33335) && ys.contains(&33557), "{end_2024:?}");
    let ranks: BTreeSet<usize> = end_2024.iter().map(|p| p.rank_at_date).collect();
    assert_eq!(ranks.len(), end_2024.len(), "each figure at 12/2024 is a point of its own");
    let keys: BTreeSet<&str> = end_2024.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys.len(), end_2024.len());
    // named in a caveat, typed and in words
    assert!(v.caveats.iter().any(|c| matches!(c, Caveat::SameDate { area, line: true, figures, .. }
        if area == "VN" && figures.iter().any(|f| f.value == Value::Point(33335.0)) && figures.iter().any(|f| f.value == Value::Point(33557.0)))),
        "{:?}", v.caveats);
    let cav = v.caveat_text.iter().find(|c| c.contains("12/2024")).expect("a caveat on 12/2024");
    assert!(cav.contains("33.335 HTX") && cav.contains("33.557 HTX") && cav.contains("không lấy trung bình"), "{cav}");
    // the 2025 figure is preliminary: labelled and drawn hollow, and the caveat says what hollow means
    assert!(pts.iter().any(|p| p.label == "35.041 (sơ bộ)"), "{pts:?}");
    assert!(v.caveats.contains(&Caveat::HollowPoints));
    let en = key_view(&ds, "national-series", Lang::En);
    assert!(en.caveat_text.iter().any(|c| c.contains("33,335 cooperatives") && c.contains("33,557 cooperatives")), "{:?}", en.caveat_text);
    assert!(points(&en).iter().any(|p| p.date == "Dec 2024"));
}

#[test]
fn coops_by_region_has_the_six_regions() {
    let ds = bundled();
    let v = key_view(&ds, "coops-by-region", Lang::Vi);
    let areas: BTreeSet<&str> = v.figures.iter().map(|f| f.area_code.as_str()).collect();
    assert_eq!(areas, BTreeSet::from(["R1", "R2", "R3", "R4", "R5", "R6"]));
    assert!(v.figures.iter().all(|f| f.level == Level::Region));
    // at the end of 2022: one date, one level, nothing to warn about
    let v = view(&ds, "a=regions&d=2022", Lang::Vi);
    assert_eq!(bars(&v).len(), 6);
    assert!(bars(&v).iter().all(|r| r.date == "31/12/2022"), "{:?}", bars(&v));
    assert!(v.caveats.is_empty(), "{:?}", v.caveat_text);
    let en = view(&ds, "a=regions&d=2022", Lang::En);
    assert!(bars(&en).iter().all(|r| r.date == "31 Dec 2022"));
}

#[test]
fn coops_by_sector_of_son_la_city() {
    let ds = bundled();
    let v = key_view(&ds, "coops-by-sector", Lang::Vi);
    assert!(v.by_sector && v.title.contains("Thành phố Sơn La"), "{}", v.title);
    assert!(v.figures.iter().all(|f| f.area_code == "C14-SONLA" && f.sector.is_some()), "{:?}", v.figures);
    // in 2024: 73 = 40 + 17 + 14 + 1 + 1, so no note
    let v = view(&ds, "a=C14-SONLA&by=sector&d=2024", Lang::Vi);
    let rows = bars(&v);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows.iter().map(|r| r.value.extent()).sum::<f64>(), 73.0);
    assert_eq!((rows[0].label.as_str(), rows[0].value_label.as_str()), ("Nông, lâm, ngư nghiệp", "40"));
    assert!(v.notes.is_empty(), "{:?}", v.notes);
    assert!(v.title.contains("Thành phố Sơn La") && v.title.contains("2024"), "{}", v.title);
    // an area without a breakdown shows its total, and says so
    let v = view(&ds, "a=P20&by=sector&d=2023", Lang::Vi);
    assert!(!v.by_sector && !v.can_by_sector);
    assert!(v.caveats.contains(&Caveat::NoSectors), "{:?}", v.caveats);
    assert_eq!(bar(&v, "P20").value_label, "478");
}

#[test]
fn capital_by_area_in_billions() {
    let ds = bundled();
    let v = key_view(&ds, "capital-by-area", Lang::Vi);
    assert_eq!(v.unit_line, "Đơn vị: tỷ đồng");
    assert!(v.title.starts_with("Vốn điều lệ"), "{}", v.title);
    let ChartSpec::Bars(b) = &v.spec else { panic!("bars") };
    assert_eq!(b.tick_divisor, 1e9);
    assert!(v.modes.contains(&Mode::PerCooperative));
    let v = view(&ds, "m=charter_capital&d=2023", Lang::Vi);
    assert_eq!(bar(&v, "P20").value_label, "1.017,52");
    let en = view(&ds, "m=charter_capital&d=2023", Lang::En);
    assert_eq!(en.unit_line, "Unit: billion VND");
    assert_eq!(bar(&en, "P20").value_label, "1,017.52");
    assert_eq!(en.title, "Charter capital by area in 2023");
}

#[test]
fn income_per_worker_is_a_range() {
    let ds = bundled();
    let v = view(&ds, "m=income_per_worker&d=2023", Lang::Vi);
    assert_eq!(v.unit_line, "Đơn vị: triệu đồng/người/tháng");
    assert!(v.title.contains("(theo tháng)"), "{}", v.title);
    assert_eq!(bar(&v, "P20").value_label, "3,8–hơn 5,5");
    let en = view(&ds, "m=income_per_worker&d=2023", Lang::En);
    assert_eq!(bar(&en, "P20").value_label, "3.8–more than 5.5");
    assert!(en.title.contains("(per month)"), "{}", en.title);
}

#[test]
fn rating_shares_as_published() {
    let ds = bundled();
    let v = key_view(&ds, "rating-shares", Lang::Vi);
    let ChartSpec::Stacked(s) = &v.spec else { panic!("stacked") };
    assert_eq!(s.axis, StackAxis::Percent);
    assert!(v.caveats.contains(&Caveat::RatingsAsPublished));
    assert!(v.caveat_text.iter().any(|c| c.contains("không quy đổi")));
    // segments in class order; every class its own colour
    for r in stacks(&v) {
        assert!(r.segments.windows(2).all(|w| w[0].class < w[1].class), "{}: {:?}", r.label, r.segments);
    }
    let colours: BTreeSet<usize> = s.colours.iter().copied().collect();
    assert_eq!(colours.len(), s.classes.len(), "colours {:?} for {:?}", s.colours, s.classes);
    // Lạng Sơn 2023: 21 + 64 + 15
    let v = view(&ds, "m=rating_share&c=pct&a=P20&d=2023", Lang::Vi);
    let ls = stacks(&v).iter().find(|r| r.label == "Lạng Sơn").expect("Lạng Sơn row");
    assert_eq!(ls.segments.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["21%", "64%", "15%"]);
    assert_eq!(ls.segments.iter().map(|s| s.value).collect::<Vec<_>>(), [21.0, 64.0, 15.0]);
    assert_eq!(ls.date, "2023");
    // Hà Tĩnh 2022: the rating shares of agricultural cooperatives, adding up to 100.1 %
    let v = view(&ds, "m=rating_share&c=pct&a=P42&d=2022", Lang::Vi);
    let ht = stacks(&v).iter().find(|r| r.label.starts_with("Hà Tĩnh")).expect("Hà Tĩnh row");
    assert!(ht.label.contains("nông"), "a row of one sector says so: {}", ht.label);
    assert!(v.notes.iter().any(|n| n.contains("100,1%")), "{:?}", v.notes);
    let en = view(&ds, "m=rating_share&c=pct&a=P42&d=2022", Lang::En);
    assert!(en.notes.iter().any(|n| n.contains("100.1%")), "{:?}", en.notes);
}

#[test]
fn the_figure_of_lang_son_478() {
    let ds = bundled();
    let rec = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.date.year() == 2023);
    let v = view(&ds, "a=P20&d=2023", Lang::Vi);
    let f = v.figure("P20").expect("Lạng Sơn");
    assert_eq!(f.records(), [rec]);
    assert_eq!(f.value, Value::Point(478.0));
    assert_eq!(f.value_text, "478 HTX");
    assert_eq!(f.area, "Tỉnh Lạng Sơn");
    assert_eq!(f.level, Level::Province);
    assert_eq!(f.date, "2023");
    assert_eq!(f.metric, "Số hợp tác xã");
    assert!(f.formula.is_none() && f.now_part_of.is_none());
    let src = ds.source(&ds.observation(rec).unwrap().source).unwrap();
    assert_eq!(f.inputs[0].title, src.title);
    assert!(f.sources().contains(&src.title), "{}", f.sources());
    assert!(f.inputs[0].quote.as_deref().unwrap_or("").contains("478 HTX"));
    assert!(f.inputs.iter().all(|i| i.url.iter().all(|u| u.starts_with("http"))));
    let en = view(&ds, "a=P20&d=2023", Lang::En);
    let f = en.figure("P20").unwrap();
    assert_eq!(f.value_text, "478 cooperatives");
    assert_eq!(f.metric, "Cooperatives");
}

#[test]
fn a_former_province_and_a_flagged_figure() {
    let ds = bundled();
    // Bắc Ninh 2025: 2086, its parts add up to 2087
    let v = view(&ds, "a=P24&d=2025", Lang::Vi);
    assert!(bar(&v, "P24").flagged);
    let f = v.figure("P24").unwrap();
    assert!(f.notes.iter().any(|n| n.contains("2.087")), "{:?}", f.notes);
    assert!(v.notes.iter().any(|n| n.contains("2.087") && n.contains("2.086")), "{:?}", v.notes);
    // a former province says where it is now
    let v = view(&ds, "", Lang::Vi);
    let f = v.figures.iter().find(|f| f.level == Level::FormerProvince && f.area.starts_with("Tỉnh Vĩnh Phúc")).expect("Vĩnh Phúc (former) in the default view");
    assert_eq!(f.now_part_of.as_deref(), Some("Tỉnh Phú Thọ"));
    assert_eq!(f.area, "Tỉnh Vĩnh Phúc (cũ, nay thuộc Tỉnh Phú Thọ)");
    // merged under its own name: said without "now part of itself"
    let f = v.figures.iter().find(|f| f.level == Level::FormerProvince && f.area.starts_with("Tỉnh Thái Nguyên")).expect("Thái Nguyên (former) in the default view");
    assert_eq!(f.area, "Tỉnh Thái Nguyên (cũ, trước sáp nhập 1/7/2025)");
    assert!(bars(&v).iter().any(|r| r.label.ends_with(" (cũ)")));
    let en = view(&ds, "", Lang::En);
    assert!(bars(&en).iter().any(|r| r.label.ends_with(" (former)")));
    assert_eq!(en.title, "Cooperatives by area (latest figure of each)");
}

#[test]
fn bars_of_one_area_are_told_apart() {
    let ds = bundled();
    for (metric, unit, _) in view::metric_choices(&ds) {
        let s = htx_charts::explore::Selection { metric, unit, ..Default::default() };
        let v = view::build(&ds, &s, Lang::Vi);
        let ChartSpec::Bars(b) = &v.spec else { continue };
        let mut seen = BTreeSet::new();
        for r in &b.rows {
            assert!(seen.insert((r.label.as_str(), r.date.as_str())), "{metric:?}: two bars “{} · {}”", r.label, r.date);
        }
    }
}
