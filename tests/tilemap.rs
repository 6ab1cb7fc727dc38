//! The tile map of the 34 provinces: the grid, the figures each tile shows (`view::build` with
//! `c=map`), and the drawing.
//!
//! `HTX_SVG_OUT=<dir>` also writes the drawings there (tilemap-360.svg, tilemap-800.svg, …).

mod common;

use common::{bundled, check_view, record_of, root, small, view};
use htx_charts::chart::tilemap::{self, Tile, TileMapSpec, TileState, COLS, ROWS, TILES};
use htx_charts::chart::{text_width, ChartSpec, Mark, Theme};
use htx_charts::explore::{ChartKind, DatePick, Selection};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Level, Metric, Unit};
use htx_charts::view::{self, Caveat};
use std::collections::BTreeSet;

fn tile<'a>(spec: &'a TileMapSpec, code: &str) -> &'a Tile {
    spec.tiles.iter().find(|t| t.code == code).unwrap_or_else(|| panic!("no tile {code}"))
}

/// The map of a query (`c=map` is added), checked as every view is.
fn map(ds: &Dataset, query: &str, lang: Lang) -> TileMapSpec {
    let q = if query.is_empty() { "c=map".to_string() } else { format!("{query}&c=map") };
    let v = view(ds, &q, lang);
    check_view(ds, &q, &v);
    assert_eq!(v.chart_kind, ChartKind::Map, "{q}");
    match v.spec {
        ChartSpec::Map(m) => m,
        other => panic!("{q}: not a map: {other:?}"),
    }
}

#[test]
fn grid_has_the_34_provinces_in_distinct_cells() {
    let codes: BTreeSet<&str> = TILES.iter().map(|t| t.0).collect();
    assert_eq!(codes.len(), 34, "distinct codes");
    let cells: BTreeSet<(u8, u8)> = TILES.iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(cells.len(), 34, "no two tiles share a cell");
    assert!(TILES.iter().all(|t| t.2 < ROWS && t.3 < COLS));
    assert_eq!(TILES.iter().map(|t| t.2).max(), Some(ROWS - 1));
    assert_eq!(TILES.iter().map(|t| t.3).max(), Some(COLS - 1));
    assert!(TILES.iter().all(|t| !t.1.is_empty()));

    // the same codes as the bundled dataset's provinces
    let ds = bundled();
    let provinces: BTreeSet<&str> = ds.areas.iter().filter(|a| a.level == Level::Province).map(|a| a.code.as_str()).collect();
    assert_eq!(provinces, codes);
}

/// The codes of the official list of the 34 provinces, kept beside the repository in
/// ../shared/data/province_codes_34.csv: the test fails when it is not there.
#[test]
fn grid_codes_are_the_official_list() {
    let list = root("../shared/data/province_codes_34.csv");
    let text = std::fs::read_to_string(&list).unwrap_or_else(|e| {
        panic!("{} is needed to check the tile codes against the official list and cannot be read: {e}", list.display())
    });
    let official: BTreeSet<String> =
        text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| format!("P{}", l.split(',').nth(1).unwrap().trim())).collect();
    assert_eq!(official.len(), 34, "{}", list.display());
    let ours: BTreeSet<String> = TILES.iter().map(|t| t.0.to_string()).collect();
    assert_eq!(ours, official);
}

#[test]
fn neighbours_sit_next_to_each_other() {
    let at = |code: &str| TILES.iter().find(|t| t.0 == code).map(|t| (t.2 as i32, t.3 as i32)).unwrap();
    let touching = |a: &str, b: &str| {
        let ((r1, c1), (r2, c2)) = (at(a), at(b));
        (r1 - r2).abs() + (c1 - c2).abs() == 1
    };
    // the Red River delta around Hà Nội
    for n in ["P24", "P25", "P37"] {
        assert!(touching("P01", n), "Hà Nội next to {n}");
    }
    // down the central coast
    assert!(touching("P44", "P46") && touching("P46", "P48") && touching("P48", "P51"));
    assert!(touching("P52", "P66") && touching("P66", "P56") && touching("P68", "P56"));
    // the south-east and the Mekong delta
    assert!(touching("P79", "P75") && touching("P79", "P80") && touching("P82", "P92") && touching("P91", "P96"));
    // north at the top, Cà Mau at the bottom
    assert_eq!(at("P96").0, ROWS as i32 - 1);
    assert!(at("P04").0 == 0 && at("P01").0 < at("P79").0);
}

#[test]
fn each_tile_shows_its_own_figure() {
    let ds = small();
    let spec = map(&ds, "", Lang::Vi);
    assert_eq!(spec.tiles.len(), 34);
    assert_eq!(spec.unit, Unit::Cooperatives);
    assert_eq!(spec.tick_divisor, 1.0);
    let value = |code: &str| match &tile(&spec, code).state {
        TileState::Value { value, label, record, .. } => (*value, label.clone(), *record),
        s => panic!("{code}: {s:?}"),
    };
    let ls = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives);
    assert_eq!(value("P20"), (478.0, "478".to_string(), ls));
    assert_eq!((value("P24").0, value("P24").1), (2086.0, "2.086".into()), "Bắc Ninh's own figure, not Bắc Giang's");
    assert_eq!(value("P01").1, "~1.800", "an estimate keeps its mark");
    assert_eq!(value("P22").0, 1087.0, "Quảng Ninh's latest figure");
    // Phú Thọ: only Hòa Bình (cũ) has a figure → drawn apart, never with Hòa Bình's number
    let hb = record_of(&ds, |o| o.area == "F17");
    let p25 = tile(&spec, "P25");
    assert_eq!(p25.state, TileState::FormerOnly { count: 1 });
    assert_eq!(p25.former_records, [hb]);
    assert_eq!(p25.record(), Some(hb));
    // Sơn La: its city has a figure, the province none; a city is not a province
    assert_eq!(tile(&spec, "P14").state, TileState::NoData);
    assert_eq!(tile(&spec, "P11").state, TileState::NoData, "Điện Biên has no figure");
    assert_eq!(tile(&spec, "P11").record(), None);
    assert_eq!(tile(&spec, "P20").name, "Lạng Sơn");

    // classes ascending, round, covering every value; each value in its class
    let values: Vec<(f64, usize)> = spec
        .tiles
        .iter()
        .filter_map(|t| match t.state {
            TileState::Value { value, class, .. } => Some((value, class)),
            _ => None,
        })
        .collect();
    assert_eq!(values.len(), 4);
    assert!(!spec.classes.is_empty() && spec.classes.len() <= 5);
    assert_eq!(spec.class_labels.len(), spec.classes.len());
    for w in spec.classes.windows(2) {
        assert!(w[0].0 < w[0].1 && w[0].1 == w[1].0, "{:?}", spec.classes);
    }
    let (lo, hi) = (spec.classes[0].0, spec.classes.last().unwrap().1);
    for &(v, c) in &values {
        assert!(lo <= v && v <= hi, "{v} outside {:?}", spec.classes);
        let (a, b) = spec.classes[c];
        assert!(a <= v && (v < b || (c + 1 == spec.classes.len() && v <= b)), "{v} not in class {c} {:?}", spec.classes[c]);
    }
    let en = map(&ds, "", Lang::En);
    assert!(matches!(&tile(&en, "P24").state, TileState::Value { label, .. } if label == "2,086"));
    assert_eq!(tile(&en, "P20").name, "Lang Son");
}

#[test]
fn year_filter_and_single_value() {
    let ds = small();
    let y2023 = map(&ds, "d=2023", Lang::Vi);
    assert!(matches!(tile(&y2023, "P20").state, TileState::Value { value, .. } if value == 478.0));
    // Quảng Ninh has 2023 and 2024 figures: the 2023 one when asked for 2023
    assert!(matches!(tile(&y2023, "P22").state, TileState::Value { value, .. } if value == 665.0));
    assert_eq!(tile(&y2023, "P24").state, TileState::NoData);
    // a year without figures: an empty map, no classes (a URL says so with a notice; built directly)
    let sel = Selection { chart: ChartKind::Map, date: DatePick::Year(1990), ..Selection::default() };
    let v = view::build(&ds, &sel, Lang::Vi);
    let ChartSpec::Map(none) = &v.spec else { panic!("a map") };
    assert!(none.is_empty() && none.classes.is_empty());
    assert!(v.figures.is_empty());
    assert!(v.caveats.contains(&Caveat::TileMap { former: 0 }), "{:?}", v.caveats);
    // one value → one class: Lạng Sơn's capital (Bắc Giang's is a former province's, drawn apart)
    let capital = map(&ds, "m=charter_capital", Lang::Vi);
    assert_eq!(capital.classes.len(), 1);
    assert_eq!(tile(&capital, "P24").state, TileState::FormerOnly { count: 1 });
    assert_eq!(capital.tick_divisor, 1e9, "money in billions");
    assert_eq!(tilemap::classify(&[42.0, 42.0]), vec![(42.0, 42.0)]);
}

#[test]
fn bundled_lang_son_in_2023() {
    let ds = bundled();
    let spec = map(&ds, "d=2023", Lang::Vi);
    assert!(matches!(&tile(&spec, "P20").state, TileState::Value { value, label, .. } if *value == 478.0 && label == "478"));
    for t in &spec.tiles {
        if let TileState::Value { record, .. } = t.state {
            assert_eq!(ds.observation(record).unwrap().area, t.code, "a tile is coloured by its own figure only");
        }
        for r in &t.former_records {
            let a = ds.area(&ds.observation(*r).unwrap().area).unwrap();
            assert_eq!((a.level, a.part_of.as_deref()), (Level::FormerProvince, Some(t.code.as_str())));
        }
    }
}

fn render(spec: &TileMapSpec, width: u32, t: &Theme) -> (String, Vec<Mark>, u32) {
    let height = tilemap::height(spec, width as f64, t).ceil() as u32;
    let (svg, marks) = tilemap::to_svg(spec, width, height, t).expect("draws");
    (svg, marks, height)
}

fn check(name: &str, spec: &TileMapSpec, t: &Theme, width: u32, wanted: &[&str]) -> String {
    let (svg, marks, height) = render(spec, width, t);
    let (w, h) = (width as f64, height as f64);
    assert!((300..=1400).contains(&height), "{name}: height {height}");
    let with_data: Vec<&Tile> = spec.tiles.iter().filter(|t| t.state != TileState::NoData).collect();
    assert_eq!(marks.len(), with_data.len(), "{name}: one mark per tile with data");
    for (m, tile) in marks.iter().zip(&with_data) {
        assert_eq!(m.key, tile.code);
        assert_eq!(Some(m.record), tile.record());
        let s = m.shape;
        assert!((s.w - s.h).abs() < 1e-9 && s.w > 15.0, "{name}: tile {} is square", m.key);
        assert!(s.x >= 0.0 && s.y >= 0.0 && s.x + s.w <= w && s.y + s.h <= h, "{name}: {} outside {w}×{h}: {s:?}", m.key);
        assert!(m.hit.contains(s.centre().0, s.centre().1));
    }
    // no two tiles overlap
    for (i, a) in marks.iter().enumerate() {
        for b in &marks[i + 1..] {
            let sep = a.shape.x + a.shape.w <= b.shape.x
                || b.shape.x + b.shape.w <= a.shape.x
                || a.shape.y + a.shape.h <= b.shape.y
                || b.shape.y + b.shape.h <= a.shape.y;
            assert!(sep, "{name}: {} overlaps {}", a.key, b.key);
        }
    }
    let all = common::svg_texts(&svg);
    for common::SvgText { x, y, anchor, size, text } in &all {
        let tw = text_width(text, *size);
        let (l, r) = match anchor.as_str() {
            "middle" => (x - tw / 2.0, x + tw / 2.0),
            "end" => (x - tw, *x),
            _ => (*x, x + tw),
        };
        assert!(l >= -0.5 && r <= w + 0.5 && *y >= 0.0 && *y <= h, "{name}: “{text}” runs out of the canvas ({l:.1}…{r:.1}, {y})");
    }
    for want in wanted {
        assert!(all.iter().any(|t| t.text == *want), "{name}: no text “{want}” in {:?}", all.iter().map(|t| &t.text).collect::<Vec<_>>());
    }
    if let Ok(dir) = std::env::var("HTX_SVG_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.svg")), &svg).unwrap();
    }
    svg
}

#[test]
fn draws_at_360_and_800() {
    let spec = map(&small(), "", Lang::Vi);
    let t = Theme::light(1.0);
    let legend = ["Lạng Sơn", "478", "2.086", "Không có số liệu", "Chỉ có số liệu tỉnh cũ", "cũ", "–", "HTX"];
    check("tilemap-360", &spec, &t, 360, &legend);
    check("tilemap-800", &spec, &t, 800, &legend);
    check("tilemap-300", &spec, &t, 300, &["Lạng Sơn"]);
    check("tilemap-1000", &spec, &t, 1000, &["Lạng Sơn"]);
    // keyboard focus / selection: a thick outline, same marks
    let focused = Theme { highlight: Some("P20".into()), ..t.clone() };
    let a = check("tilemap-360-focus", &spec, &focused, 360, &[]);
    let b = check("tilemap-360", &spec, &t, 360, &[]);
    assert_ne!(a, b);
    // the dark theme and English
    check("tilemap-360-dark", &spec, &Theme::dark(1.0), 360, &["Lạng Sơn"]);
    let en = map(&small(), "", Lang::En);
    check("tilemap-800-en", &en, &Theme { lang: Lang::En, ..t.clone() }, 800, &["Lạng Sơn", "2,086", "No data", "Former provinces only"]);
    // device pixels: marks stay in logical pixels
    let hi = Theme::light(2.0);
    let h = tilemap::height(&spec, 360.0, &hi);
    assert_eq!(h, tilemap::height(&spec, 360.0, &t));
}

#[test]
fn bundled_maps_of_every_metric_draw_in_their_scale() {
    let ds = bundled();
    for (metric, unit, _) in view::metric_choices(&ds) {
        let sel = Selection { metric, unit, chart: ChartKind::Map, ..Selection::default() };
        let v = view::build(&ds, &sel, Lang::Vi);
        check_view(&ds, &format!("{metric:?} {unit:?} map"), &v);
        let ChartSpec::Map(spec) = &v.spec else { continue };
        if spec.is_empty() {
            continue;
        }
        let name = format!("tilemap-{}-{}", metric.key(), unit.key());
        check(&name, spec, &Theme::light(1.0), 360, &[]);
        check(&format!("{name}-800"), spec, &Theme::light(1.0), 800, &[]);
        if unit == Unit::Vnd && spec.tiles.iter().any(|t| matches!(t.state, TileState::Value { .. })) {
            assert!(spec.tick_divisor >= 1e6, "{name}: money in millions or billions");
        }
    }
}

#[test]
fn on_a_slide_the_map_fits_the_height_it_is_given() {
    let ds = small();
    let spec = ChartSpec::Map(map(&ds, "", Lang::Vi));
    let free = htx_charts::chart::preferred_height(&spec, 1216.0, &Theme::light(1.0));
    assert!(free > 800.0, "a tall map on a page: {free}");
    for fit in [440.0, 770.0] {
        let t = Theme::projector(1.0, 16.0, fit);
        let h = htx_charts::chart::preferred_height(&spec, 1216.0, &t);
        assert!(h <= fit, "{h} px in a slide of {fit} px");
        let (svg, _, _) = common::render_with(&spec, 1216, &t);
        assert!(svg.contains("Hà Nội") || fit < 700.0, "tiles large enough for names at {fit} px");
    }
}
