//! The chart views and tooltips built from the bundled dataset.

mod common;

use common::{bundled, record_of};
use htx_charts::chart::{BarRow, ChartSpec, SeriesPoint, StackRow};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Unit};
use htx_charts::query::{
    coops_by_area, coops_by_region, coops_by_sector, metric_by_area, metric_choices, national_series, rating_shares, sector_areas,
    tooltip, ChartView,
};

fn bars(v: &ChartView) -> &[BarRow] {
    match &v.spec {
        ChartSpec::Bars(b) => &b.rows,
        other => panic!("{} is not a bar chart: {other:?}", v.id),
    }
}

fn points(v: &ChartView) -> &[SeriesPoint] {
    match &v.spec {
        ChartSpec::Series(s) => &s.points,
        other => panic!("{} is not a series: {other:?}", v.id),
    }
}

fn stacks(v: &ChartView) -> &[StackRow] {
    match &v.spec {
        ChartSpec::Stacked(s) => &s.rows,
        other => panic!("{} is not stacked: {other:?}", v.id),
    }
}

fn row<'a>(v: &'a ChartView, label: &str) -> &'a BarRow {
    bars(v).iter().find(|r| r.label == label).unwrap_or_else(|| panic!("no row “{label}” in {}", v.id))
}

/// Shared checks of every view: records match the spec, the text around it is there.
fn well_formed(ds: &Dataset, v: &ChartView) {
    assert!(!v.title.is_empty());
    assert!(!v.unit_line.is_empty());
    assert!(v.source_line.starts_with("Nguồn: ") || v.source_line.starts_with("Sources: "), "{}", v.source_line);
    assert!(!v.spec.is_empty(), "{} is empty", v.id);
    let spec_records: Vec<usize> = match &v.spec {
        ChartSpec::Bars(b) => b.rows.iter().map(|r| r.record).collect(),
        ChartSpec::Series(s) => s.points.iter().map(|p| p.record).collect(),
        ChartSpec::Stacked(s) => s.rows.iter().flat_map(|r| r.segments.iter().map(|s| s.record)).collect(),
        ChartSpec::Map(m) => m.tiles.iter().filter_map(|t| t.record()).collect(),
    };
    assert_eq!(spec_records, v.records, "{}: records in chart order", v.id);
    for r in &v.records {
        assert!(ds.observation(*r).is_some(), "{}: record {r}", v.id);
    }
    if let ChartSpec::Bars(b) = &v.spec {
        let mut keys: Vec<&str> = b.rows.iter().map(|r| r.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), b.rows.len(), "{}: bar keys are unique", v.id);
        for r in &b.rows {
            assert!(!r.date.is_empty(), "{}: {} has no date", v.id, r.label);
            assert!(!r.value_label.is_empty());
            assert_eq!(r.flagged, ds.notes_for(r.record).next().is_some(), "{}: {} flag", v.id, r.label);
        }
    }
}

#[test]
fn coops_by_area_sorted_with_dates_and_caveats() {
    let ds = bundled();
    let v = coops_by_area(&ds, Lang::Vi);
    well_formed(&ds, &v);
    assert_eq!(v.id, "coops-by-area");
    assert_eq!(v.unit_line, "Đơn vị: HTX");
    let rows = bars(&v);
    assert!(rows.len() > 10);
    for w in rows.windows(2) {
        assert!(w[0].value.extent() >= w[1].value.extent(), "{} before {}", w[0].label, w[1].label);
    }
    let ls = row(&v, "Lạng Sơn");
    assert_eq!(ls.key, "P20");
    assert_eq!(ls.value_label, "478");
    assert_eq!(ls.date, "2023");
    assert!(rows.iter().any(|r| r.label.ends_with(" (cũ)")), "former provinces are marked");
    assert!(rows.iter().all(|r| ds.area(r.key.split('#').next().unwrap()).unwrap().level.is_local()));
    assert!(rows.iter().all(|r| !r.key.starts_with("VN") && !r.key.starts_with('R')));
    assert!(v.caveats.iter().any(|c| c.contains("thời điểm khác nhau")), "{:?}", v.caveats);
    assert!(v.caveats.iter().any(|c| c.contains("cấp khác nhau")), "{:?}", v.caveats);
    // Bắc Ninh's parts do not add up: its bar is flagged and the note is listed
    assert!(row(&v, "Bắc Ninh").flagged);
    assert!(v.notes.iter().any(|n| n.contains("2.087") && n.contains("2.086")), "{:?}", v.notes);
}

#[test]
fn coops_by_region_has_the_six_regions_at_end_2022() {
    let ds = bundled();
    let v = coops_by_region(&ds, Lang::Vi);
    well_formed(&ds, &v);
    let rows = bars(&v);
    assert_eq!(rows.len(), 6);
    let mut keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["R1", "R2", "R3", "R4", "R5", "R6"]);
    assert!(rows.iter().all(|r| r.date == "31/12/2022"), "{rows:?}");
    assert!(v.caveats.is_empty(), "one date, one level: {:?}", v.caveats);
}

#[test]
fn coops_by_sector_son_la_city() {
    let ds = bundled();
    let v = coops_by_sector(&ds, "C14-SONLA", Lang::Vi);
    well_formed(&ds, &v);
    let rows = bars(&v);
    assert_eq!(rows.len(), 5);
    let sum: f64 = rows.iter().map(|r| r.value.extent()).sum();
    assert_eq!(sum, 73.0);
    assert_eq!(rows[0].label, "Nông, lâm, ngư nghiệp");
    assert_eq!(rows[0].value_label, "40");
    assert!(v.title.contains("Thành phố Sơn La") && v.title.contains("2024"), "{}", v.title);
    assert!(v.notes.is_empty(), "73 = 40 + 17 + 14 + 1 + 1");
    assert!(sector_areas(&ds).iter().any(|a| a.code == "C14-SONLA"));
}

#[test]
fn coops_by_sector_ha_noi_2020_estimates() {
    let ds = bundled();
    let v = coops_by_sector(&ds, "P01", Lang::Vi);
    well_formed(&ds, &v);
    let rows = bars(&v);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.date == "12/2020"), "the latest breakdown, not the 11/2020 one");
    assert!(rows.iter().all(|r| r.value_label.contains("(ước tính)")), "{rows:?}");
    assert_eq!(rows[0].value_label, "293 (ước tính)");
    assert!(v.title.contains("Hà Nội"));
    assert!(v.caveats.iter().any(|c| c.starts_with("Phạm vi")), "{:?}", v.caveats);
}

#[test]
fn coops_by_sector_of_an_area_without_breakdown_is_empty() {
    let ds = bundled();
    let v = coops_by_sector(&ds, "P20", Lang::Vi);
    assert!(v.spec.is_empty());
    assert!(v.records.is_empty());
}

#[test]
fn charter_capital_in_billions() {
    let ds = bundled();
    let v = metric_by_area(&ds, Metric::CharterCapital, Unit::Vnd, Lang::Vi);
    well_formed(&ds, &v);
    assert_eq!(v.unit_line, "Đơn vị: tỷ đồng");
    assert_eq!(row(&v, "Lạng Sơn").value_label, "1.017,52");
    match &v.spec {
        ChartSpec::Bars(b) => assert_eq!(b.tick_divisor, 1e9),
        _ => unreachable!(),
    }
    assert!(v.title.starts_with("Vốn điều lệ"), "{}", v.title);
}

#[test]
fn income_per_worker_range() {
    let ds = bundled();
    let v = metric_by_area(&ds, Metric::IncomePerWorker, Unit::VndPerMonth, Lang::Vi);
    well_formed(&ds, &v);
    assert_eq!(v.unit_line, "Đơn vị: triệu đồng/người/tháng");
    assert_eq!(row(&v, "Lạng Sơn").value_label, "3,8–hơn 5,5");
    assert!(v.title.contains("(theo tháng)"), "{}", v.title);
}

#[test]
fn every_metric_choice_gives_a_chart() {
    let ds = bundled();
    let choices = metric_choices(&ds);
    assert!(choices.contains(&(Metric::Cooperatives, Unit::Cooperatives)));
    assert!(choices.contains(&(Metric::CharterCapital, Unit::Vnd)));
    for (m, u) in choices {
        let v = metric_by_area(&ds, m, u, Lang::Vi);
        well_formed(&ds, &v);
        assert!(u.is_money() || !v.unit_line.contains("tỷ"), "{}", v.unit_line);
    }
}

#[test]
fn national_series_keeps_both_end_2024_figures() {
    let ds = bundled();
    let v = national_series(&ds, Lang::Vi);
    well_formed(&ds, &v);
    let pts = points(&v);
    for w in pts.windows(2) {
        assert!(w[0].x <= w[1].x, "sorted by date");
    }
    let end_2024: Vec<&SeriesPoint> = pts.iter().filter(|p| p.date == "12/2024").collect();
    assert_eq!(end_2024.len(), 2);
    let mut ranks: Vec<usize> = end_2024.iter().map(|p| p.rank_at_date).collect();
    ranks.sort();
    assert_eq!(ranks, [0, 1]);
    let mut ys: Vec<f64> = end_2024.iter().map(|p| p.y).collect();
    ys.sort_by(f64::total_cmp);
    assert_eq!(ys, [33335.0, 33557.0]);
    assert_ne!(end_2024[0].key, end_2024[1].key);
    assert!(pts.iter().filter(|p| p.date != "12/2024").all(|p| p.rank_at_date == 0));
    let cav = v.caveats.iter().find(|c| c.contains("12/2024")).expect("a caveat on 12/2024");
    assert!(cav.contains("33.335 HTX") && cav.contains("33.557 HTX"), "{cav}");
    // the 2025 figure is preliminary: labelled and explained
    assert!(pts.iter().any(|p| p.label == "35.041 (sơ bộ)"));
    assert!(v.caveats.iter().any(|c| c.starts_with("Điểm rỗng")));
    // sector parts are not points of the national series
    assert!(pts.iter().all(|p| p.y > 20_000.0));
}

#[test]
fn rating_shares_of_lang_son() {
    let ds = bundled();
    let v = rating_shares(&ds, Lang::Vi);
    well_formed(&ds, &v);
    assert_eq!(v.unit_line, "Đơn vị: %");
    let ls = stacks(&v).iter().find(|r| r.label == "Lạng Sơn").expect("Lạng Sơn row");
    let labels: Vec<&str> = ls.segments.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["21%", "64%", "15%"]);
    let values: Vec<f64> = ls.segments.iter().map(|s| s.value).collect();
    assert_eq!(values, [21.0, 64.0, 15.0]);
    assert_eq!(ls.date, "2023");
    // segments are in class order
    for r in stacks(&v) {
        for w in r.segments.windows(2) {
            assert!(w[0].class < w[1].class, "{}: {:?}", r.label, r.segments);
        }
    }
    assert!(v.notes.iter().any(|n| n.contains("101%")), "{:?}", v.notes);
    assert!(v.notes.iter().any(|n| n.contains("100,1%")), "{:?}", v.notes);
    assert!(v.caveats.iter().any(|c| c.contains("không quy đổi")));
}

#[test]
fn tooltip_of_lang_son_478() {
    let ds = bundled();
    let rec = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none());
    let t = tooltip(&ds, rec, Lang::Vi).expect("tooltip");
    assert_eq!(t.value, "478 HTX");
    assert_eq!(t.area, "Tỉnh Lạng Sơn");
    assert_eq!(t.date, "2023");
    assert_eq!(t.metric, "Số hợp tác xã");
    assert!(!t.source.is_empty());
    assert!(t.source.contains(&ds.source("s-seed-004").unwrap().title));
    assert!(t.quote.as_deref().unwrap_or("").contains("478 HTX"));
    assert!(t.now_part_of.is_none());
    assert!(t.url.iter().all(|u| u.starts_with("http")));
    assert!(tooltip(&ds, usize::MAX, Lang::Vi).is_none());
}

#[test]
fn tooltip_of_a_former_province_and_a_flagged_figure() {
    let ds = bundled();
    // Bắc Ninh 2086: its note says the parts add up to 2087
    let rec = record_of(&ds, |o| o.area == "P24" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.date.year() == 2025);
    let t = tooltip(&ds, rec, Lang::Vi).unwrap();
    assert!(t.notes.iter().any(|n| n.contains("2.087")), "{:?}", t.notes);
    // a former province says where it is now
    let f = ds.observations.iter().find(|o| ds.area(&o.area).unwrap().level == htx_charts::model::Level::FormerProvince).unwrap();
    let t = tooltip(&ds, f.record, Lang::Vi).unwrap();
    assert!(t.now_part_of.as_deref().unwrap_or("").starts_with("nay thuộc "), "{:?}", t.now_part_of);
}

#[test]
fn english_views() {
    let ds = bundled();
    let v = coops_by_area(&ds, Lang::En);
    well_formed(&ds, &v);
    assert_eq!(v.title, "Cooperatives by area (latest figure of each)");
    assert_eq!(v.unit_line, "Unit: cooperatives");
    assert!(bars(&v).iter().any(|r| r.label.ends_with(" (former)")));
    assert_eq!(row(&v, "Lang Son").value_label, "478");

    let v = metric_by_area(&ds, Metric::CharterCapital, Unit::Vnd, Lang::En);
    assert_eq!(v.title, "Charter capital by area");
    assert_eq!(v.unit_line, "Unit: billion VND");
    assert_eq!(row(&v, "Lang Son").value_label, "1,017.52");

    let v = metric_by_area(&ds, Metric::IncomePerWorker, Unit::VndPerMonth, Lang::En);
    assert_eq!(row(&v, "Lang Son").value_label, "3.8–over 5.5");

    let v = national_series(&ds, Lang::En);
    assert_eq!(v.title, "Cooperatives in Viet Nam over time");
    assert!(v.caveats.iter().any(|c| c.contains("33,335 cooperatives") && c.contains("33,557 cooperatives")), "{:?}", v.caveats);
    assert!(points(&v).iter().any(|p| p.date == "Dec 2024"));

    let v = coops_by_region(&ds, Lang::En);
    assert_eq!(v.title, "Cooperatives by socio-economic region");
    assert!(bars(&v).iter().all(|r| r.date == "31 Dec 2022"));

    let v = rating_shares(&ds, Lang::En);
    assert_eq!(v.title, "Cooperative ratings (share in each class)");
    assert!(v.notes.iter().any(|n| n.contains("100.1%")));

    let rec = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none());
    let t = tooltip(&ds, rec, Lang::En).unwrap();
    assert_eq!(t.value, "478 cooperatives");
    assert_eq!(t.metric, "Cooperatives");
}

#[test]
fn rating_classes_have_distinct_colours() {
    let ds = bundled();
    let v = rating_shares(&ds, Lang::Vi);
    let ChartSpec::Stacked(s) = &v.spec else { panic!() };
    assert_eq!(s.colours.len(), s.classes.len());
    let mut c = s.colours.clone();
    c.sort();
    c.dedup();
    assert_eq!(c.len(), s.classes.len(), "colours {:?} for {:?}", s.colours, s.classes);
}

#[test]
fn rating_row_of_one_sector_says_so() {
    let ds = bundled();
    let v = rating_shares(&ds, Lang::Vi);
    let ht = stacks(&v).iter().find(|r| r.label.starts_with("Hà Tĩnh")).expect("Hà Tĩnh row");
    assert!(ht.label.contains("nông"), "{}", ht.label);
}

#[test]
fn bars_of_one_area_are_told_apart() {
    let ds = bundled();
    let v = metric_by_area(&ds, Metric::CooperativesSupported, Unit::Cooperatives, Lang::Vi);
    let mut labels: Vec<&str> = bars(&v).iter().map(|r| r.label.as_str()).collect();
    let n = labels.len();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), n, "{labels:?}");
}
