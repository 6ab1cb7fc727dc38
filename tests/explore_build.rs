//! What the explorer shows for a selection (`view::build`): the figures drawn, computed values and
//! how each was computed, the choices that fit, the legend, fallbacks with their caveats, and
//! drawings of each kind. Behaviour is tested on tests/fixtures/small.json; the bundled dataset is
//! used for a sweep over every selection and a few facts pinned to an area and a year.

mod common;

use common::{bundled, check_view, record_of, render, small, spec_marks, view};
use htx_charts::chart::{ChartSpec, StackAxis};
use htx_charts::explore::{fold, AreaSet, ChartKind, DatePick, Mode, Selection};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Qualifier, Sector, Unit, Value};
use htx_charts::view::{self, Caveat, ChartView};

fn custom(codes: &[&str]) -> AreaSet {
    AreaSet::Custom(codes.iter().map(|c| c.to_string()).collect())
}

/// The view of a query on a dataset, checked (see [`common::check_view`]) and drawn.
fn checked(ds: &Dataset, query: &str) -> ChartView {
    let v = view(ds, query, Lang::Vi);
    check_view(ds, query, &v);
    draws(query, &v);
    v
}

/// It draws: one mark per datum, of non-zero size, inside the canvas, at two widths.
fn draws(what: &str, v: &ChartView) {
    if v.spec.is_empty() {
        return;
    }
    for width in [640, 360] {
        let (svg, marks, height) = render(&v.spec, width, Lang::Vi);
        assert!(svg.starts_with("<svg"), "{what}");
        let drawn: Vec<(String, usize)> = marks.iter().map(|m| (m.key.clone(), m.record)).collect();
        assert_eq!(drawn, spec_marks(&v.spec), "{what}: drawn marks");
        for m in &marks {
            let s = m.shape;
            assert!(s.w > 0.0 && s.h > 0.0, "{what}: {} {s:?}", m.key);
            assert!(s.x >= -0.5 && s.y >= -0.5 && s.x + s.w <= width as f64 + 0.5 && s.y + s.h <= height as f64 + 0.5, "{what}: {} {s:?}", m.key);
        }
    }
}

fn bars(v: &ChartView) -> &htx_charts::chart::BarSpec {
    match &v.spec {
        ChartSpec::Bars(b) => b,
        other => panic!("{}: not bars: {other:?}", v.title),
    }
}

fn stacked(v: &ChartView) -> &htx_charts::chart::StackSpec {
    match &v.spec {
        ChartSpec::Stacked(s) => s,
        other => panic!("{}: not stacked: {other:?}", v.title),
    }
}

fn series(v: &ChartView) -> &htx_charts::chart::SeriesSpec {
    match &v.spec {
        ChartSpec::Series(s) => s,
        other => panic!("{}: not a series: {other:?}", v.title),
    }
}

#[test]
fn the_default_view_is_cooperatives_by_area() {
    let ds = small();
    let v = checked(&ds, "");
    assert_eq!(v.title, "Số hợp tác xã theo địa phương (số mới nhất của mỗi nơi)");
    assert_eq!(v.unit_line, "Đơn vị: HTX");
    assert_eq!((v.chart_kind, v.mode), (ChartKind::Bars, Mode::Absolute));
    assert!(v.legend.is_empty());
    assert!(v.figures.iter().all(|f| f.formula.is_none()));
    // local areas only, largest first, each bar with its date
    let b = bars(&v);
    let keys: Vec<&str> = b.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["P24", "P01", "P22", "F24", "F17", "P20", "C14-SONLA"]);
    assert!(b.rows.windows(2).all(|w| w[0].value.extent() >= w[1].value.extent()));
    assert!(b.rows.iter().all(|r| !r.date.is_empty()));
    let ls = b.rows.iter().find(|r| r.key == "P20").unwrap();
    assert_eq!((ls.label.as_str(), ls.value_label.as_str(), ls.date.as_str()), ("Lạng Sơn", "478", "2023"));
    let bg = v.figure("F24").unwrap();
    assert_eq!(bg.area, "Tỉnh Bắc Giang (cũ, nay thuộc Tỉnh Bắc Ninh)");
    assert_eq!(bg.label, "hơn 713");
    assert!(b.rows.iter().any(|r| r.label == "Bắc Giang (cũ)"));
    assert_eq!(v.figure("C14-SONLA").unwrap().area, "Thành phố Sơn La (thuộc Tỉnh Sơn La)");
    // what a reader must know: dates, levels and scopes differ
    assert!(v.caveats.contains(&Caveat::DatesDiffer { from: 2019, to: 2025 }), "{:?}", v.caveats);
    assert!(v.caveats.contains(&Caveat::LevelsDiffer) && v.caveats.contains(&Caveat::ScopesDiffer));
    // Bắc Ninh's parts do not add up: flagged, and the note says so
    assert!(b.rows.iter().find(|r| r.key == "P24").unwrap().flagged);
    assert!(v.notes.iter().any(|n| n.contains("2.087") && n.contains("2.086")), "{:?}", v.notes);
    // the choices: cooperatives per cooperative makes no sense; a line for Quảng Ninh's two dates
    assert_eq!(v.modes, [Mode::Absolute]);
    assert_eq!(v.kinds, [ChartKind::Bars, ChartKind::Line, ChartKind::Map, ChartKind::Table]);
    assert!(v.can_by_sector && !v.by_sector);
    assert!(v.areas_with_data.contains(&"VN".to_string()) && v.areas_with_data.contains(&"R1".to_string()), "the picker lists every level");
    assert_eq!(v.years, [2019, 2020, 2022, 2023, 2024, 2025]);
    let en = view(&ds, "", Lang::En);
    assert_eq!(en.title, "Cooperatives by area (latest figure of each)");
    assert_eq!(en.unit_line, "Unit: cooperatives");
    assert_eq!(en.spec.is_empty(), v.spec.is_empty());
    assert_eq!(en.figure("F24").unwrap().label, "more than 713");
}

#[test]
fn presets_and_custom_areas() {
    let ds = small();
    let p34 = checked(&ds, "a=p34");
    assert_eq!(p34.figures.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["P24", "P01", "P22", "P20"]);
    let vn = checked(&ds, "a=vn");
    assert_eq!(vn.figures.len(), 1, "the latest national figure");
    assert_eq!(vn.figures[0].date, "12/2025");
    assert_eq!(vn.title, "Số hợp tác xã — Việt Nam (12/2025)", "one figure: its date");
    let regions = checked(&ds, "a=regions");
    assert_eq!(regions.figures.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["R1", "R2"]);
    assert!(regions.caveats.is_empty(), "{:?}", regions.caveat_text);
    let two = checked(&ds, "a=P20,F24");
    assert_eq!(two.figures.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["F24", "P20"]);
    assert_eq!(two.title, "Số hợp tác xã theo địa bàn đã chọn (số mới nhất của mỗi nơi)");
}

#[test]
fn a_year_keeps_the_figures_of_that_year() {
    let ds = small();
    let v = checked(&ds, "d=2023");
    assert_eq!(v.figures.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["P22", "P20"]);
    assert_eq!(v.figure("P22").unwrap().value, Value::Point(665.0), "Quảng Ninh's 2023 figure, not its latest");
    assert_eq!(v.title, "Số hợp tác xã theo địa phương năm 2023");
    assert!(!v.caveats.iter().any(|c| matches!(c, Caveat::DatesDiffer { .. })));
}

#[test]
fn charter_capital_per_cooperative_same_date() {
    let ds = small();
    let v = checked(&ds, "m=charter_capital&mode=per_coop");
    assert_eq!(v.mode, Mode::PerCooperative);
    assert_eq!(v.unit_line, "Đơn vị: tỷ đồng/HTX");
    assert_eq!(v.title, "Vốn điều lệ bình quân một HTX theo địa phương (số mới nhất của mỗi nơi)");
    let capital = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::CharterCapital);
    let count = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none());
    let f = v.figure("P20").unwrap();
    assert_eq!(f.value, Value::Point(1_017_520_000_000.0 / 478.0));
    assert!(f.per_cooperative);
    assert_eq!(f.label, "2,129");
    assert_eq!(f.value_text, "2,129 tỷ đồng/HTX");
    assert_eq!(f.formula.as_deref(), Some("1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023"));
    assert_eq!(f.qualifier_text, "tính từ 1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023");
    assert_eq!(f.metric, "Vốn điều lệ bình quân một HTX");
    assert_eq!(f.records(), [capital, count]);
    assert_eq!(bars(&v).rows.iter().find(|r| r.key == "P20").unwrap().value_label, "2,129");
    // “hơn 1.523 tỷ đồng” ÷ “hơn 713 HTX”: neither more nor less, so “about”
    let bg = v.figure("F24").unwrap();
    assert_eq!(bg.qualifier, Qualifier::About);
    assert_eq!(bg.label, "khoảng 2,136");
    assert!(bg.qualifier_text.starts_with("khoảng"), "{}", bg.qualifier_text);
    assert!(v.caveats.contains(&Caveat::Computed));
    let en = view(&ds, "m=charter_capital&mode=per_coop", Lang::En);
    let f = en.figure("P20").unwrap();
    assert_eq!(f.value_text, "2.129 billion VND per cooperative");
    assert_eq!(f.formula.as_deref(), Some("1,017.52 billion VND ÷ 478 cooperatives, same date 2023"));
    assert_eq!(en.unit_line, "Unit: billion VND per cooperative");
}

#[test]
fn share_of_the_reported_total() {
    let ds = small();
    let v = checked(&ds, "a=P24&by=sector&mode=share");
    assert!(v.by_sector && v.can_by_sector);
    assert_eq!(v.mode, Mode::Share);
    assert_eq!(v.unit_line, "Đơn vị: % (tỷ lệ trong tổng số)");
    let f = v.figure("P24:agriculture").expect("agriculture share");
    assert_eq!(f.value, Value::Point(1439.0 / 2086.0 * 100.0));
    assert_eq!(f.unit, Unit::Percent);
    assert_eq!(f.formula.as_deref(), Some("1.439 HTX ÷ 2.086 HTX (tổng số do nguồn nêu), cùng thời điểm 2025"));
    assert_eq!(f.label, "69%");
    let total = record_of(&ds, |o| o.area == "P24" && o.metric == Metric::Cooperatives && o.sector.is_none());
    assert_eq!(f.records()[1], total);
    // one area: bars labelled by sector only, largest first
    let b = bars(&v);
    assert_eq!(b.unit, Unit::Percent);
    assert_eq!(b.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Nông, lâm, ngư nghiệp", "Phi nông nghiệp", "Tín dụng (QTDND)"]);
    // Bắc Ninh's parts add up to 2.087, not 2.086: the note is shown
    assert!(v.notes.iter().any(|n| n.contains("2.087")), "{:?}", v.notes);
    // several areas: each bar says its area and sector
    let v = checked(&ds, "by=sector&mode=share");
    let b = bars(&v);
    assert!(b.rows.iter().any(|r| r.label == "TP Sơn La — Nông, lâm, ngư nghiệp"), "{:?}", b.rows);
    assert!(v.caveats.contains(&Caveat::OnlyTotals { count: 5 }), "{:?}", v.caveats);
}

#[test]
fn sector_breakdown_stacks_one_row_per_area() {
    let ds = small();
    let v = checked(&ds, "by=sector&c=stacked");
    assert!(v.kinds.contains(&ChartKind::Stacked) && v.kinds.contains(&ChartKind::Stacked100));
    assert!(v.title.starts_with("Số hợp tác xã theo lĩnh vực và địa phương"), "one phrase, not 'theo … theo …': {}", v.title);
    assert!(view(&ds, "by=sector&c=stacked", Lang::En).title.starts_with("Cooperatives by sector and area"));
    let s = stacked(&v);
    assert!(matches!(s.axis, StackAxis::Value { tick_divisor } if tick_divisor == 1.0));
    assert_eq!(s.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Bắc Ninh", "TP Sơn La"], "largest first");
    for r in &s.rows {
        for g in &r.segments {
            let sector = g.key.split(':').nth(1).unwrap();
            let item = v.legend.iter().find(|l| l.key == sector).expect("a legend item per sector");
            assert_eq!(s.colours[g.class], item.colour, "a stable colour per sector");
            assert_eq!(s.classes[g.class], item.label);
        }
        assert!(r.segments.windows(2).all(|w| w[0].class < w[1].class), "{r:?}");
    }
    let mut colours: Vec<usize> = v.legend.iter().map(|l| l.colour).collect();
    colours.sort();
    colours.dedup();
    assert_eq!(colours.len(), v.legend.len(), "every sector its own colour");
    assert!(v.caveats.contains(&Caveat::OnlyTotals { count: 5 }), "{:?}", v.caveats);
    assert!(v.caveat_text.iter().any(|c| c.contains("chỉ có tổng số")));
}

#[test]
fn hundred_percent_bars_are_shares_of_the_total() {
    let ds = small();
    let v = checked(&ds, "by=sector&c=pct");
    assert_eq!((v.chart_kind, v.mode), (ChartKind::Stacked100, Mode::Share));
    let s = stacked(&v);
    assert_eq!(s.axis, StackAxis::Percent);
    for r in &s.rows {
        let sum: f64 = r.segments.iter().map(|g| g.value).sum();
        // Bắc Ninh's parts add up to 2087 of a reported 2086: drawn as computed, not rescaled
        assert!((sum - 100.0).abs() < 0.1, "{}: {sum}", r.label);
    }
    assert!(v.figures.iter().all(|f| f.formula.is_some() && f.unit == Unit::Percent));
}

#[test]
fn hidden_legend_series_are_not_drawn() {
    let ds = small();
    let v = checked(&ds, "by=sector&c=stacked&hide=agriculture");
    assert!(v.legend.iter().find(|l| l.key == "agriculture").unwrap().hidden);
    assert!(v.figures.iter().all(|f| f.sector != Some(Sector::Agriculture)));
    let s = stacked(&v);
    assert!(!s.classes.contains(&Sector::Agriculture.label(Lang::Vi).to_string()));
    // shown again
    let sel = common::sel(&ds, "by=sector&c=stacked&hide=agriculture").toggled("agriculture");
    let back = view::build(&ds, &sel, Lang::Vi);
    assert!(back.figures.iter().any(|f| f.sector == Some(Sector::Agriculture)));
    // a hidden line
    let v = checked(&ds, "a=VN,P22&c=line&hide=P22");
    assert!(v.legend.iter().any(|l| l.key == "P22" && l.hidden));
    assert!(v.figures.iter().all(|f| f.area_code == "VN"));
    assert_eq!(series(&v).series, ["Việt Nam"]);
}

#[test]
fn line_only_where_an_area_has_several_dates() {
    let ds = small();
    let v = checked(&ds, "a=vn&c=line");
    assert_eq!(v.chart_kind, ChartKind::Line);
    let s = series(&v);
    assert_eq!(s.series.len(), 1);
    let ys: Vec<(f64, usize)> = s.points.iter().map(|p| (p.y, p.rank_at_date)).collect();
    assert_eq!(ys, [(29378.0, 0), (31364.0, 0), (33335.0, 0), (33557.0, 1), (35041.0, 0)], "both end-2024 figures kept");
    assert!(v.caveat_text.iter().any(|c| c.contains("33.335 HTX") && c.contains("33.557 HTX")), "{:?}", v.caveat_text);
    assert!(!v.caveats.iter().any(|c| matches!(c, Caveat::DatesDiffer { .. })), "a line has several dates by design");
    assert!(v.caveats.contains(&Caveat::HollowPoints), "35.041 is preliminary");
    assert_eq!(v.legend.len(), 1);
    // one area with one date: no line, bars instead, and the caveat says so
    let one = checked(&ds, "a=P20&c=line");
    assert!(!one.kinds.contains(&ChartKind::Line));
    assert_eq!(one.chart_kind, ChartKind::Bars);
    assert!(one.caveats.contains(&Caveat::KindFallback { asked: ChartKind::Line }), "{:?}", one.caveats);
    // several areas: those with one date only are named
    let v = checked(&ds, "a=VN,P22,P20&c=line");
    let s = series(&v);
    assert_eq!(s.series, ["Việt Nam", "Quảng Ninh"]);
    assert!(s.points.iter().any(|p| p.series == 1));
    assert!(v.caveats.contains(&Caveat::OneDateOnly { areas: vec!["P20".into()] }), "{:?}", v.caveats);
    assert!(v.caveat_text.iter().any(|c| c.contains("Lạng Sơn")), "{:?}", v.caveat_text);
    assert_ne!(v.legend[0].colour, v.legend[1].colour);
}

#[test]
fn several_sources_at_one_date_are_all_kept() {
    let ds = small();
    let v = checked(&ds, "a=vn&d=2024");
    let b = bars(&v);
    assert_eq!(b.rows.len(), 2);
    assert!(b.rows.iter().all(|r| r.date == "12/2024"));
    let labels: Vec<&str> = b.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Việt Nam (Liên minh HTX Việt Nam)", "Việt Nam (Tổng cục Thống kê)"], "each labelled with its publisher");
    assert!(v.caveats.iter().any(|c| matches!(c, Caveat::SameDate { area, line: false, .. } if area == "VN")), "{:?}", v.caveats);
    assert!(v.caveat_text.iter().any(|c| c.contains("không lấy trung bình")), "{:?}", v.caveat_text);
}

#[test]
fn sort_by_name_in_vietnamese_order() {
    let ds = small();
    let v = checked(&ds, "sort=name");
    let names: Vec<String> = bars(&v).rows.iter().map(|r| fold(&r.label)).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(names[0].starts_with("bac giang"), "{names:?}");
}

#[test]
fn ratings_as_published() {
    let ds = small();
    let v = checked(&ds, "m=rating_share&c=pct");
    assert!(!v.kinds.contains(&ChartKind::Line) && !v.kinds.contains(&ChartKind::Map));
    let s = stacked(&v);
    assert_eq!(s.axis, StackAxis::Percent);
    let ls = s.rows.iter().find(|r| r.label == "Lạng Sơn").unwrap();
    assert_eq!(ls.segments.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(), ["21%", "64%", "15%"]);
    assert!(v.caveats.contains(&Caveat::RatingsAsPublished));
    assert_eq!(v.legend.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), ["good", "good_or_fair", "average", "weak"]);
    // Bắc Giang's shares add up to 101 %: drawn as published, with the note
    assert!(v.notes.iter().any(|n| n.contains("101%")), "{:?}", v.notes);
    // “stacked” ratings are the 100 % bars, without a fallback caveat
    let v = checked(&ds, "m=rating_share&c=stacked");
    assert_eq!(v.chart_kind, ChartKind::Stacked100);
    assert!(!v.caveats.iter().any(|c| matches!(c, Caveat::KindFallback { .. })));
    // as bars: one bar per class
    let v = checked(&ds, "m=rating_share");
    assert_eq!(bars(&v).rows.len(), 6);
    assert_eq!(bars(&v).unit, Unit::Percent);
}

#[test]
fn the_map_shows_each_province_its_own_figure() {
    let ds = small();
    let v = checked(&ds, "c=map");
    assert_eq!(v.chart_kind, ChartKind::Map);
    let ChartSpec::Map(m) = &v.spec else { panic!("a map") };
    assert_eq!(m.tiles.len(), 34);
    assert_eq!(v.figures.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["P20", "P01", "P24", "P22"], "tile order");
    // Phú Thọ: only Hòa Bình (cũ) has a figure; drawn apart, never as Phú Thọ's
    assert!(v.figure("P25").is_none());
    assert!(v.caveats.contains(&Caveat::TileMap { former: 1 }), "{:?}", v.caveats);
    assert!(v.title.ends_with("— bản đồ ô 34 tỉnh, thành"), "{}", v.title);
    // another mode does not apply to a map
    let v = checked(&ds, "m=charter_capital&mode=per_coop&c=map");
    assert_eq!(v.mode, Mode::Absolute);
    assert!(v.caveats.contains(&Caveat::ModeFallback { asked: Mode::PerCooperative }), "{:?}", v.caveats);
    // no provincial figures, no map
    let v = checked(&ds, "a=regions&m=rating_share&c=map");
    assert_eq!(v.chart_kind, ChartKind::Bars);
    assert!(v.caveats.contains(&Caveat::KindFallback { asked: ChartKind::Map }), "{:?}", v.caveats);
}

#[test]
fn the_table_shows_the_figures_of_the_bars() {
    let ds = small();
    let table = checked(&ds, "c=table");
    let plain = checked(&ds, "");
    assert_eq!(table.chart_kind, ChartKind::Table);
    assert_eq!(table.spec, plain.spec);
    assert_eq!(table.figures, plain.figures);
    assert_eq!(table.title, plain.title);
}

#[test]
fn an_empty_selection_says_why() {
    let ds = small();
    let sel = Selection { metric: Metric::CharterCapital, unit: Unit::Vnd, areas: AreaSet::Regions, ..Selection::default() };
    let v = view::build(&ds, &sel, Lang::Vi);
    check_view(&ds, "capital of regions", &v);
    assert!(v.spec.is_empty() && v.figures.is_empty());
    assert!(v.caveats.contains(&Caveat::NoFigures { metric: Metric::CharterCapital, unit: Unit::Vnd }), "{:?}", v.caveats);
    let (_, marks, _) = render(&v.spec, 640, Lang::Vi);
    assert!(marks.is_empty());
}

/// Every metric × areas × breakdown × mode × chart kind × date builds a consistent view that draws,
/// and what was asked for but could not be shown is said in a caveat.
fn sweep(ds: &Dataset, areas: &[AreaSet]) -> usize {
    let mut n = 0;
    for (metric, unit, _) in view::metric_choices(ds) {
        for areas in areas {
            for by_sector in [false, true] {
                for &mode in Mode::ALL {
                    for &chart in ChartKind::ALL {
                        for date in [DatePick::Latest, DatePick::Year(2022)] {
                            let sel = Selection { metric, unit, areas: areas.clone(), by_sector, mode, chart, date, ..Selection::default() };
                            let what = format!("{sel:?}");
                            let v = view::build(ds, &sel, Lang::Vi);
                            check_view(ds, &what, &v);
                            assert!(v.kinds.contains(&v.chart_kind), "{what}: {:?} not in {:?}", v.chart_kind, v.kinds);
                            assert!(v.modes.contains(&v.mode), "{what}: {:?} not in {:?}", v.mode, v.modes);
                            assert!(!v.by_sector || v.can_by_sector, "{what}");
                            let rating_stack = metric == Metric::RatingShare && chart == ChartKind::Stacked && v.chart_kind == ChartKind::Stacked100;
                            if v.chart_kind != chart && !rating_stack {
                                assert!(v.caveats.contains(&Caveat::KindFallback { asked: chart }), "{what}: {:?}", v.caveats);
                            }
                            if v.mode != mode && v.chart_kind != ChartKind::Stacked100 {
                                assert!(v.caveats.contains(&Caveat::ModeFallback { asked: mode }), "{what}: {:?}", v.caveats);
                            }
                            let spec_fits = match (&v.spec, v.chart_kind) {
                                (ChartSpec::Bars(_), ChartKind::Bars | ChartKind::Table) => true,
                                (ChartSpec::Stacked(s), ChartKind::Stacked) => matches!(s.axis, StackAxis::Value { .. }),
                                (ChartSpec::Stacked(s), ChartKind::Stacked100) => s.axis == StackAxis::Percent,
                                (ChartSpec::Series(_), ChartKind::Line) => true,
                                (ChartSpec::Map(_), ChartKind::Map) => true,
                                _ => false,
                            };
                            assert!(spec_fits, "{what}: {:?} drawn as {:?}", v.chart_kind, std::mem::discriminant(&v.spec));
                            match v.mode {
                                Mode::Share => assert!(v.figures.iter().all(|f| f.formula.is_some() && f.unit == Unit::Percent), "{what}"),
                                Mode::PerCooperative => assert!(v.figures.iter().all(|f| f.per_cooperative), "{what}"),
                                Mode::Absolute => assert!(v.figures.iter().all(|f| f.formula.is_none()), "{what}"),
                            }
                            if !matches!(v.spec, ChartSpec::Stacked(_) | ChartSpec::Series(_)) {
                                assert!(v.legend.is_empty(), "{what}");
                            }
                            draws(&what, &v);
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    n
}

#[test]
fn every_selection_of_the_small_fixture_is_consistent_and_draws() {
    let ds = small();
    let areas = [AreaSet::Local, AreaSet::Provinces, AreaSet::Country, AreaSet::Regions, custom(&["P24", "VN", "F24", "P20", "C14-SONLA"])];
    assert!(sweep(&ds, &areas) > 1000);
}

#[test]
fn every_selection_of_the_bundled_dataset_is_consistent_and_draws() {
    let ds = bundled();
    let areas = [AreaSet::Local, AreaSet::Country, AreaSet::Regions, custom(&["P24", "VN", "F24", "P20"])];
    assert!(sweep(&ds, &areas) > 1000);
}

#[test]
fn metric_choices_count_areas() {
    let ds = small();
    let c = view::metric_choices(&ds);
    assert!(c.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)), "metric order");
    let n = |m: Metric| c.iter().find(|x| x.0 == m).map(|x| x.2);
    assert_eq!(n(Metric::Cooperatives), Some(10), "every level counts (VN, R1, R2 and 7 local areas): {c:?}");
    assert_eq!(n(Metric::CharterCapital), Some(2));
    assert_eq!(n(Metric::RatingShare), Some(2));
    assert_eq!(c.iter().find(|x| x.0 == Metric::IncomePerWorker).map(|x| x.1), Some(Unit::VndPerMonth));
    let ds = bundled();
    let c = view::metric_choices(&ds);
    assert!(c.iter().any(|x| x.0 == Metric::Cooperatives && x.1 == Unit::Cooperatives && x.2 > 25), "{c:?}");
    assert!(c.iter().any(|x| x.0 == Metric::CharterCapital && x.1 == Unit::Vnd && x.2 >= 2));
}

/// A few facts of the bundled data, pinned to an area and a year.
#[test]
fn bundled_lang_son_capital_per_cooperative_in_2023() {
    let ds = bundled();
    let v = checked(&ds, "m=charter_capital&mode=per_coop&a=P20&d=2023");
    let f = v.figure("P20").expect("Lạng Sơn");
    assert_eq!(f.value, Value::Point(1_017_520_000_000.0 / 478.0));
    assert_eq!(f.formula.as_deref(), Some("1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023"));
    assert_eq!(f.value_text, "2,129 tỷ đồng/HTX");
    let capital = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::CharterCapital && o.date.year() == 2023);
    let count = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.date.year() == 2023);
    assert_eq!(f.records(), [capital, count]);
}

#[test]
fn bundled_bac_ninh_sector_shares_in_2025() {
    let ds = bundled();
    let v = checked(&ds, "a=P24&by=sector&mode=share&d=2025");
    let f = v.figure("P24:agriculture").expect("agriculture share");
    assert_eq!(f.value, Value::Point(1439.0 / 2086.0 * 100.0));
    assert_eq!(f.formula.as_deref(), Some("1.439 HTX ÷ 2.086 HTX (tổng số do nguồn nêu), cùng thời điểm 2025"));
    assert_eq!(f.label, "69%");
}

/// Writes one drawing of each kind to $HTX_SVG_OUT when it is set (for looking at them as PNG);
/// draws them in any case.
#[test]
fn drawings_of_each_kind() {
    let ds = bundled();
    let cases = [
        ("explore-per-coop", "m=charter_capital&mode=per_coop"),
        ("explore-stacked", "by=sector&c=stacked"),
        ("explore-pct", "by=sector&c=pct"),
        ("explore-line", "a=VN,P22,F17&c=line"),
        ("explore-line-vn", "a=vn&c=line"),
        ("explore-share-bars", "a=P24,VN,C14-SONLA&by=sector&mode=share"),
        ("explore-map", "c=map"),
    ];
    let out = std::env::var("HTX_SVG_OUT").ok();
    for (name, query) in cases {
        for (lang, width) in [(Lang::Vi, 800), (Lang::Vi, 360), (Lang::En, 640)] {
            let v = view(&ds, query, lang);
            check_view(&ds, name, &v);
            assert!(!v.spec.is_empty(), "{name}");
            let (svg, _, _) = render(&v.spec, width, lang);
            if let Some(dir) = &out {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(format!("{dir}/{name}-{}-{width}.svg", lang.key()), &svg).unwrap();
            }
        }
    }
}
