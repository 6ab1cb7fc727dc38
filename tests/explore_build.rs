//! What the explorer shows for a selection: the figures, computed values and how each was
//! computed, the choices that make sense, the legend, the table rows, and drawings of each kind.

mod common;

use common::{bundled, record_of};
use htx_charts::chart::{self, ChartSpec, Mark, StackAxis, Theme};
use htx_charts::explore::{build, metric_choices, AreaSet, ChartKind, DatePick, ExploreView, Mode, Selection, SortBy};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Sector, Unit};
use htx_charts::query;

fn custom(codes: &[&str]) -> AreaSet {
    AreaSet::Custom(codes.iter().map(|c| c.to_string()).collect())
}

fn view(ds: &Dataset, sel: Selection) -> ExploreView {
    let v = build(ds, &sel, Lang::Vi);
    check(ds, &sel, &v);
    v
}

/// The keys and primary records of the marks the spec describes, in chart order.
fn spec_marks(spec: &ChartSpec) -> Vec<(String, usize)> {
    match spec {
        ChartSpec::Bars(b) => b.rows.iter().map(|r| (r.key.clone(), r.record)).collect(),
        ChartSpec::Stacked(s) => s.rows.iter().flat_map(|r| r.segments.iter().map(|g| (g.key.clone(), g.record))).collect(),
        ChartSpec::Series(s) => s.points.iter().map(|p| (p.key.clone(), p.record)).collect(),
        // every tile that has a figure to show (its own, or a former province's) is a mark
        ChartSpec::Map(m) => m.tiles.iter().filter_map(|t| t.record().map(|r| (t.code.clone(), r))).collect(),
    }
}

fn render(spec: &ChartSpec, width: u32, lang: Lang) -> (String, Vec<Mark>, u32) {
    let t = Theme { lang, ..Theme::light(1.0) };
    let height = chart::preferred_height(spec, width as f64, &t).ceil() as u32;
    let (svg, marks) = chart::to_svg(spec, width, height.max(1), &t).expect("draws");
    (svg, marks, height)
}

/// Rows are exactly the figures in the chart; computed ones say how; marks are unique and drawn.
fn check(ds: &Dataset, sel: &Selection, v: &ExploreView) {
    let mut marks = spec_marks(&v.chart.spec);
    if let ChartSpec::Map(m) = &v.chart.spec {
        // the table lists the provinces' own figures only
        marks.retain(|(code, _)| m.tiles.iter().any(|t| t.code == *code && matches!(t.state, htx_charts::chart::tilemap::TileState::Value { .. })));
    }
    let rows: Vec<(String, usize)> = v.rows.iter().map(|r| (r.key.clone(), r.records[0])).collect();
    assert_eq!(rows, marks, "{sel:?}: rows == figures in the chart, in chart order");
    let records: Vec<usize> = marks.iter().map(|m| m.1).collect();
    assert_eq!(records, v.chart.records, "{sel:?}");
    let mut keys: Vec<&str> = marks.iter().map(|m| m.0.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), marks.len(), "{sel:?}: mark keys are unique");
    for r in &v.rows {
        for rec in &r.records {
            assert!(ds.observation(*rec).is_some());
        }
        assert!(!r.value.is_empty() && !r.date.is_empty() && !r.source.is_empty() && !r.area.is_empty(), "{r:?}");
        if r.derived {
            assert!(r.records.len() >= 2, "{r:?}");
            assert!(r.qualifier.contains("tính từ"), "{r:?}");
            let d = v.derived.iter().find(|d| d.key == r.key).expect("a derived row has its Derived");
            assert_eq!(d.records, r.records);
            assert!(r.qualifier.contains(&d.formula));
        }
    }
    assert_eq!(v.derived.len(), v.rows.iter().filter(|r| r.derived).count());
    assert!(v.kinds.contains(&ChartKind::Bars) && v.kinds.contains(&ChartKind::Table));
    assert!(v.modes.contains(&Mode::Absolute));
    assert!(!v.chart.title.is_empty() && !v.chart.unit_line.is_empty());
    assert!(v.chart.source_line.starts_with("Nguồn: "));
    if v.chart.spec.is_empty() {
        assert!(!v.chart.caveats.is_empty(), "{sel:?}: an empty chart says why");
        return;
    }
    // it draws: one mark per figure, inside the canvas
    for width in [640, 360] {
        let (svg, drawn, height) = render(&v.chart.spec, width, Lang::Vi);
        assert!(svg.starts_with("<svg"));
        let drawn_keys: Vec<(String, usize)> = drawn.iter().map(|m| (m.key.clone(), m.record)).collect();
        assert_eq!(drawn_keys, spec_marks(&v.chart.spec), "{sel:?}: drawn marks");
        for m in &drawn {
            let s = m.shape;
            assert!(s.w > 0.0 && s.h > 0.0, "{sel:?}: {} {s:?}", m.key);
            assert!(s.x >= -0.5 && s.y >= -0.5 && s.x + s.w <= width as f64 + 0.5 && s.y + s.h <= height as f64 + 0.5, "{sel:?}: {} {s:?}", m.key);
        }
    }
}

#[test]
fn the_default_view_is_the_current_cooperatives_by_area() {
    let ds = bundled();
    let v = view(&ds, Selection::default());
    let old = query::coops_by_area(&ds, Lang::Vi);
    assert_eq!(v.chart.spec, old.spec);
    assert_eq!(v.chart.title, old.title);
    // the explorer also says where one area has two sources' figures at its latest date (Cà Mau
    // end 2025: 608 and 493); the rest of the caveats are the same
    let same_date = |c: &String| c.contains("số liệu từ các nguồn khác nhau");
    assert_eq!(v.chart.caveats.iter().filter(|c| !same_date(c)).collect::<Vec<_>>(), old.caveats.iter().collect::<Vec<_>>());
    assert!(v.chart.caveats.iter().filter(|c| same_date(c)).all(|c| c.starts_with("Cà Mau")), "{:?}", v.chart.caveats);
    assert_eq!(v.chart.unit_line, old.unit_line);
    assert_eq!(v.chart.source_line, old.source_line);
    assert_eq!(v.chart.notes, old.notes);
    assert_eq!(v.chart_kind, ChartKind::Bars);
    assert!(v.legend.is_empty());
    assert!(v.derived.is_empty());
    // every bar says its date
    let ChartSpec::Bars(b) = &v.chart.spec else { panic!() };
    assert!(b.rows.iter().all(|r| !r.date.is_empty()));
    let en = build(&ds, &Selection::default(), Lang::En);
    assert_eq!(en.chart.spec, query::coops_by_area(&ds, Lang::En).spec);
    assert_eq!(en.chart.title, "Cooperatives by area (latest figure of each)");
}

#[test]
fn region_view_and_year_2022_give_the_six_regions() {
    let ds = bundled();
    let v = view(&ds, Selection { areas: AreaSet::Regions, date: DatePick::Year(2022), ..Selection::default() });
    let mut keys: Vec<&str> = v.rows.iter().map(|r| r.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["R1", "R2", "R3", "R4", "R5", "R6"]);
    assert!(v.rows.iter().all(|r| r.date == "31/12/2022"));
    assert_eq!(v.years, [2022]);
    let latest = view(&ds, Selection { areas: AreaSet::Regions, ..Selection::default() });
    assert_eq!(latest.chart.spec, query::coops_by_region(&ds, Lang::Vi).spec);
}

#[test]
fn lang_son_capital_per_cooperative_same_date() {
    let ds = bundled();
    let sel = Selection { metric: Metric::CharterCapital, unit: Unit::Vnd, mode: Mode::PerCooperative, ..Selection::default() };
    let v = view(&ds, sel);
    assert_eq!(v.mode, Mode::PerCooperative);
    assert_eq!(v.chart.unit_line, "Đơn vị: tỷ đồng/HTX");
    let ChartSpec::Bars(b) = &v.chart.spec else { panic!("bars") };
    let ls = b.rows.iter().find(|r| r.key == "P20").expect("Lạng Sơn");
    assert_eq!(ls.value_label, "2,129");
    assert_eq!(ls.date, "2023");
    assert_eq!(ls.value.extent(), 1_017_520_000_000.0 / 478.0);
    let capital = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::CharterCapital);
    let count = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none());
    let d = v.derived.iter().find(|d| d.key == "P20").unwrap();
    assert_eq!(d.formula, "1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023");
    assert_eq!(d.value, "2,129 tỷ đồng/HTX");
    assert_eq!(d.raw, 2_128_702_928.870293);
    assert_eq!(d.records, [capital, count]);
    let row = v.rows.iter().find(|r| r.key == "P20").unwrap();
    assert!(row.derived);
    assert_eq!(row.qualifier, "tính từ 1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023");
    assert_eq!(row.value, "2,129 tỷ đồng/HTX");
    // Bắc Giang (cũ) has capital at 12/2019 but no count of cooperatives: left out, and said so
    assert!(!v.rows.iter().any(|r| r.key == "F24"));
    assert!(v.chart.caveats.iter().any(|c| c.contains("đã bỏ ra") && c.contains("Bắc Giang (cũ)")), "{:?}", v.chart.caveats);
    // qualifiers propagate: "hơn 915 tỷ đồng" ÷ 479 is "hơn 1,91"
    let lam_dong = b.rows.iter().find(|r| r.key == "F68").unwrap();
    assert_eq!(lam_dong.value_label, "hơn 1,91");
    assert!(v.modes.contains(&Mode::PerCooperative));
}

#[test]
fn a_count_at_another_date_is_never_used() {
    let ds = bundled();
    // Việt Nam: members "2022", cooperatives "31/12/2022": not the same date
    let v = view(&ds, Selection { metric: Metric::Members, unit: Unit::Persons, areas: AreaSet::Country, mode: Mode::PerCooperative, date: DatePick::Year(2022), ..Selection::default() });
    assert!(v.rows.is_empty());
    assert!(v.chart.caveats.iter().any(|c| c.contains("Việt Nam (2022: số HTX chỉ có ở thời điểm") && c.contains("31/12/2022")), "{:?}", v.chart.caveats);
    // workers 2024 and cooperatives 12/2024: no pair at all, so the mode is not offered
    let v = view(&ds, Selection { metric: Metric::Workers, unit: Unit::Persons, areas: AreaSet::Country, mode: Mode::PerCooperative, ..Selection::default() });
    assert!(!v.modes.contains(&Mode::PerCooperative));
    assert_eq!(v.mode, Mode::Absolute);
    assert!(v.derived.is_empty());
    assert!(v.chart.caveats.iter().any(|c| c.contains("không dùng được")), "{:?}", v.chart.caveats);
    // members 12/2025 ÷ cooperatives 12/2025 (same source): kept
    let v = view(&ds, Selection { metric: Metric::Members, unit: Unit::Persons, areas: AreaSet::Country, mode: Mode::PerCooperative, ..Selection::default() });
    assert_eq!(v.rows.len(), 1);
    assert_eq!(v.rows[0].date, "12/2025");
    assert_eq!(v.chart.unit_line, "Đơn vị: người/HTX");
    // "6 triệu" is "khoảng"? whatever it is, the ratio's qualifier follows both inputs
    assert!(v.derived[0].formula.contains("35.041 HTX (sơ bộ)"), "{:?}", v.derived);
    // cooperatives per cooperative makes no sense
    let v = view(&ds, Selection::default());
    assert_eq!(v.modes, [Mode::Absolute]);
}

#[test]
fn share_of_the_reported_total_bac_ninh_2025() {
    let ds = bundled();
    let sel = Selection { areas: custom(&["P24"]), by_sector: true, mode: Mode::Share, ..Selection::default() };
    let v = view(&ds, sel);
    assert!(v.by_sector && v.can_by_sector);
    assert_eq!(v.mode, Mode::Share);
    let d = v.derived.iter().find(|d| d.key == "P24:agriculture").expect("agriculture share");
    assert_eq!(d.raw, 1439.0 / 2086.0 * 100.0);
    assert_eq!(d.formula, "1.439 HTX ÷ 2.086 HTX (tổng số do nguồn nêu), cùng thời điểm 2025");
    assert_eq!(d.value, "69%");
    assert_eq!(v.chart.unit_line, "Đơn vị: % (tỷ lệ trong tổng số)");
    // one area: bars are labelled by sector only, largest first
    let ChartSpec::Bars(b) = &v.chart.spec else { panic!() };
    assert_eq!(b.rows[0].label, "Nông, lâm, ngư nghiệp");
    assert_eq!(b.rows.len(), 3);
    // Bắc Ninh's parts add up to 2.087, not 2.086: the note is shown
    assert!(v.chart.notes.iter().any(|n| n.contains("2.087")), "{:?}", v.chart.notes);
}

#[test]
fn share_of_the_listed_parts_when_no_total_is_reported() {
    let ds = bundled();
    let v = view(&ds, Selection { areas: custom(&["P01"]), by_sector: true, chart: ChartKind::Stacked100, ..Selection::default() });
    assert_eq!(v.mode, Mode::Share);
    assert!(v.chart.caveats.iter().any(|c| c.contains("tổng các lĩnh vực nguồn liệt kê")), "{:?}", v.chart.caveats);
    let total: f64 = v.derived.iter().map(|d| d.raw).sum();
    assert!((total - 100.0).abs() < 1e-9);
    // estimates stay estimates
    assert!(v.rows.iter().all(|r| r.value.contains("ước tính")), "{:?}", v.rows);
    let ChartSpec::Stacked(s) = &v.chart.spec else { panic!("stacked") };
    assert_eq!(s.axis, StackAxis::Percent);
    assert_eq!(s.rows.len(), 1);
}

#[test]
fn sector_breakdown_stacks_one_row_per_area() {
    let ds = bundled();
    let v = view(&ds, Selection { by_sector: true, chart: ChartKind::Stacked, ..Selection::default() });
    assert!(v.kinds.contains(&ChartKind::Stacked) && v.kinds.contains(&ChartKind::Stacked100));
    let ChartSpec::Stacked(s) = &v.chart.spec else { panic!("stacked") };
    assert!(matches!(s.axis, StackAxis::Value { tick_divisor } if tick_divisor == 1.0));
    let areas: Vec<&str> = s.rows.iter().map(|r| r.segments[0].key.split(':').next().unwrap()).collect();
    let mut unique = areas.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), areas.len(), "one row per area: {areas:?}");
    assert!(areas.contains(&"P24") && areas.contains(&"C14-SONLA") && areas.contains(&"F10"));
    assert!(!areas.contains(&"VN"), "local areas only");
    for r in &s.rows {
        assert!(!r.segments.is_empty());
        for g in &r.segments {
            let sector = g.key.split(':').nth(1).unwrap();
            let item = v.legend.iter().find(|l| l.key == sector).expect("legend item per sector");
            assert_eq!(s.colours[g.class], item.colour, "stable colour per sector");
        }
    }
    // rows sorted by their total, largest first
    let sums: Vec<f64> = s.rows.iter().map(|r| r.segments.iter().map(|g| g.value).sum()).collect();
    assert!(sums.windows(2).all(|w| w[0] >= w[1]), "{sums:?}");
    let colour = |k: &str| v.legend.iter().find(|l| l.key == k).unwrap().colour;
    assert_ne!(colour("other"), colour("non_agriculture"));
    let all: Vec<usize> = v.legend.iter().map(|l| l.colour).collect();
    let mut distinct = all.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), all.len(), "every sector its own colour");
    assert!(v.chart.caveats.iter().any(|c| c.contains("chỉ có tổng số")), "{:?}", v.chart.caveats);
}

#[test]
fn hidden_legend_series_are_not_drawn() {
    let ds = bundled();
    let sel = Selection { by_sector: true, chart: ChartKind::Stacked, hidden: vec!["agriculture".into()], ..Selection::default() };
    let v = view(&ds, sel.clone());
    let item = v.legend.iter().find(|l| l.key == "agriculture").unwrap();
    assert!(item.hidden);
    assert!(v.rows.iter().all(|r| !r.key.ends_with(":agriculture")));
    let ChartSpec::Stacked(s) = &v.chart.spec else { panic!() };
    assert!(!s.classes.contains(&Sector::Agriculture.label(Lang::Vi).to_string()));
    // shown again
    let back = view(&ds, sel.toggled("agriculture"));
    assert!(back.rows.iter().any(|r| r.key.ends_with(":agriculture")));
    // a hidden line
    let v = view(&ds, Selection { areas: custom(&["VN", "P22"]), chart: ChartKind::Line, hidden: vec!["P22".into()], ..Selection::default() });
    assert!(v.legend.iter().any(|l| l.key == "P22" && l.hidden));
    assert!(v.rows.iter().all(|r| r.key.starts_with("VN:")));
}

#[test]
fn line_only_where_an_area_has_several_dates() {
    let ds = bundled();
    let v = view(&ds, Selection { areas: AreaSet::Country, chart: ChartKind::Line, ..Selection::default() });
    assert!(v.kinds.contains(&ChartKind::Line));
    assert_eq!(v.chart_kind, ChartKind::Line);
    let ChartSpec::Series(s) = &v.chart.spec else { panic!("series") };
    let ChartSpec::Series(old) = &query::national_series(&ds, Lang::Vi).spec else { panic!() };
    let ys: Vec<(f64, usize)> = s.points.iter().map(|p| (p.y, p.rank_at_date)).collect();
    let old_ys: Vec<(f64, usize)> = old.points.iter().map(|p| (p.y, p.rank_at_date)).collect();
    assert_eq!(ys, old_ys, "the national series, both end-2024 figures kept");
    assert_eq!(s.series.len(), 1);
    assert!(v.chart.caveats.iter().any(|c| c.contains("33.335 HTX") && c.contains("33.557 HTX")), "{:?}", v.chart.caveats);
    assert!(!v.chart.caveats.iter().any(|c| c.contains("thời điểm khác nhau")), "a line has several dates by design");
    assert_eq!(v.legend.len(), 1);

    let one_date = view(&ds, Selection { areas: custom(&["P20"]), chart: ChartKind::Line, ..Selection::default() });
    assert!(!one_date.kinds.contains(&ChartKind::Line));
    assert_eq!(one_date.chart_kind, ChartKind::Bars, "falls back to bars");
    assert!(one_date.chart.caveats.iter().any(|c| c.contains("không dùng được")), "{:?}", one_date.chart.caveats);

    // several areas: one series each, those with one date only are named
    let v = view(&ds, Selection { areas: custom(&["VN", "P22", "P20"]), chart: ChartKind::Line, ..Selection::default() });
    let ChartSpec::Series(s) = &v.chart.spec else { panic!() };
    assert_eq!(s.series.len(), 2);
    assert!(s.points.iter().any(|p| p.series == 1));
    assert!(v.chart.caveats.iter().any(|c| c.contains("Lạng Sơn")), "{:?}", v.chart.caveats);
    assert_ne!(v.legend[0].colour, v.legend[1].colour);
}

#[test]
fn several_sources_at_the_latest_date_are_all_kept() {
    let mut ds = bundled();
    ds.observations.retain(|o| !(o.area == "VN" && o.date.year() == 2025));
    let v = view(&ds, Selection { areas: AreaSet::Country, ..Selection::default() });
    let ChartSpec::Bars(b) = &v.chart.spec else { panic!() };
    assert_eq!(b.rows.len(), 2);
    assert!(b.rows.iter().all(|r| r.date == "12/2024"));
    assert_ne!(b.rows[0].label, b.rows[1].label, "each labelled with its publisher: {:?}", b.rows);
    assert!(b.rows.iter().any(|r| r.label.contains("Nông nghiệp và Môi trường")), "{:?}", b.rows);
    assert!(v.chart.caveats.iter().any(|c| c.contains("không lấy trung bình")), "{:?}", v.chart.caveats);
    let y = view(&bundled(), Selection { areas: AreaSet::Country, date: DatePick::Year(2024), ..Selection::default() });
    assert_eq!(y.rows.len(), 2);
}

#[test]
fn sort_by_name_in_vietnamese_order() {
    let ds = bundled();
    let v = view(&ds, Selection { sort: SortBy::Name, ..Selection::default() });
    let ChartSpec::Bars(b) = &v.chart.spec else { panic!() };
    let names: Vec<String> = b.rows.iter().map(|r| htx_charts::explore::fold(&r.label)).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(names[0].starts_with("an giang"), "{names:?}");
}

#[test]
fn presets_and_former_provinces() {
    let ds = bundled();
    let p34 = view(&ds, Selection { areas: AreaSet::Provinces, ..Selection::default() });
    assert!(p34.rows.iter().all(|r| r.key.starts_with('P')), "{:?}", p34.rows);
    let vn = view(&ds, Selection { areas: AreaSet::Country, ..Selection::default() });
    assert_eq!(vn.rows.len(), 1);
    let local = view(&ds, Selection::default());
    let f24 = local.rows.iter().find(|r| r.key == "F17").expect("Hòa Bình (cũ)");
    assert_eq!(f24.area, "Tỉnh Hòa Bình (cũ, nay thuộc Tỉnh Phú Thọ)");
    let ChartSpec::Bars(b) = &local.chart.spec else { panic!() };
    assert!(b.rows.iter().any(|r| r.label == "Hòa Bình (cũ)"));
    assert!(local.areas_with_data.contains(&"VN".to_string()), "the picker lists every level");
}

#[test]
fn ratings_as_published() {
    let ds = bundled();
    let v = view(&ds, Selection { metric: Metric::RatingShare, unit: Unit::Percent, chart: ChartKind::Stacked100, ..Selection::default() });
    assert!(!v.kinds.contains(&ChartKind::Line));
    let ChartSpec::Stacked(s) = &v.chart.spec else { panic!() };
    assert_eq!(s.axis, StackAxis::Percent);
    let ls = s.rows.iter().find(|r| r.label == "Lạng Sơn").unwrap();
    let labels: Vec<&str> = ls.segments.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["21%", "64%", "15%"]);
    assert!(v.chart.caveats.iter().any(|c| c.contains("không quy đổi")));
    assert_eq!(v.legend.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), ["good", "good_or_fair", "fair", "average", "weak"]);
}

#[test]
fn subset_share_of_all_cooperatives() {
    let ds = bundled();
    let v = view(&ds, Selection { metric: Metric::CooperativesOperating, unit: Unit::Cooperatives, mode: Mode::Share, ..Selection::default() });
    assert!(v.modes.contains(&Mode::Share));
    let d = v.derived.iter().find(|d| d.key == "F86").unwrap();
    assert_eq!(d.formula, "139 HTX ÷ 143 HTX, cùng thời điểm 11/2019");
    assert_eq!(d.value, "97,2%");
}

#[test]
fn metric_choices_count_areas() {
    let ds = bundled();
    let c = metric_choices(&ds);
    let coops = c.iter().find(|(m, u, _)| *m == Metric::Cooperatives && *u == Unit::Cooperatives).unwrap();
    assert!(coops.2 > 25, "{coops:?}");
    let capital = c.iter().find(|(m, _, _)| *m == Metric::CharterCapital).unwrap();
    let areas: std::collections::BTreeSet<&str> =
        ds.observations.iter().filter(|o| o.metric == Metric::CharterCapital).map(|o| o.area.as_str()).collect();
    assert_eq!(capital.2, areas.len());
    assert!(capital.2 >= 8);
    assert!(c.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
}

/// Every metric × mode × chart kind × breakdown × area preset builds a consistent view that draws.
#[test]
fn every_selection_is_consistent_and_draws() {
    let ds = bundled();
    let mut n = 0;
    for (metric, unit, _) in metric_choices(&ds) {
        for areas in [AreaSet::Local, AreaSet::Country, AreaSet::Regions, custom(&["P24", "VN", "F24", "P20"])] {
            for by_sector in [false, true] {
                for &mode in Mode::ALL {
                    for &chart in ChartKind::ALL {
                        for date in [DatePick::Latest, DatePick::Year(2022)] {
                            let sel = Selection { metric, unit, areas: areas.clone(), by_sector, mode, chart, date, ..Selection::default() };
                            let v = view(&ds, sel.clone());
                            assert!(v.kinds.contains(&v.chart_kind) || v.chart_kind == ChartKind::Map, "{sel:?}");
                            assert!(v.modes.contains(&v.mode) || v.chart_kind == ChartKind::Stacked100, "{sel:?}");
                            assert!(v.years.windows(2).all(|w| w[0] < w[1]));
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(n > 1000);
}

/// Writes one drawing of each new kind to $HTX_SVG_OUT (for looking at them as PNG).
#[test]
fn drawings_of_each_kind() {
    let ds = bundled();
    let cases = [
        ("explore-per-coop", Selection { metric: Metric::CharterCapital, unit: Unit::Vnd, mode: Mode::PerCooperative, ..Selection::default() }),
        ("explore-stacked", Selection { by_sector: true, chart: ChartKind::Stacked, ..Selection::default() }),
        ("explore-pct", Selection { by_sector: true, chart: ChartKind::Stacked100, ..Selection::default() }),
        ("explore-line", Selection { areas: custom(&["VN", "P22", "F17"]), chart: ChartKind::Line, ..Selection::default() }),
        ("explore-line-vn", Selection { areas: AreaSet::Country, chart: ChartKind::Line, ..Selection::default() }),
        ("explore-share-bars", Selection { areas: custom(&["P24", "VN", "C14-SONLA"]), by_sector: true, mode: Mode::Share, ..Selection::default() }),
    ];
    let out = std::env::var("HTX_SVG_OUT").ok();
    for (name, sel) in cases {
        for (lang, width) in [(Lang::Vi, 800), (Lang::Vi, 360), (Lang::En, 640)] {
            let v = build(&ds, &sel, lang);
            if lang == Lang::Vi {
                check(&ds, &sel, &v);
            }
            assert!(!v.chart.spec.is_empty(), "{name}");
            let (svg, _, _) = render(&v.chart.spec, width, lang);
            if let Some(dir) = &out {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(format!("{dir}/{name}-{}-{width}.svg", lang.key()), &svg).unwrap();
            }
        }
    }
}
