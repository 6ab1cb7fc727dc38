//! The tile map of the 34 provinces: the grid, the figures each tile shows, and the drawing.
//!
//! `HTX_SVG_OUT=<dir>` also writes the drawings there (tilemap-360.svg, tilemap-800.svg, …).

mod common;

use common::{bundled, root};
use htx_charts::chart::tilemap::{self, Tile, TileMapSpec, TileState, COLS, ROWS, TILES};
use htx_charts::chart::{text_width, Mark, Theme};
use htx_charts::i18n::Lang;
use htx_charts::model::{Level, Metric, Unit};
use std::collections::BTreeSet;

fn tile<'a>(spec: &'a TileMapSpec, code: &str) -> &'a Tile {
    spec.tiles.iter().find(|t| t.code == code).unwrap_or_else(|| panic!("no tile {code}"))
}

fn coops(lang: Lang) -> TileMapSpec {
    tilemap::spec(&bundled(), Metric::Cooperatives, Unit::Cooperatives, None, lang)
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

    // the codes of the official list (beside the repository; skipped when it is absent)
    let list = root("../shared/data/province_codes_34.csv");
    match std::fs::read_to_string(&list) {
        Ok(text) => {
            let official: BTreeSet<String> =
                text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| format!("P{}", l.split(',').nth(1).unwrap().trim())).collect();
            assert_eq!(official.len(), 34);
            let ours: BTreeSet<String> = codes.iter().map(|c| c.to_string()).collect();
            assert_eq!(ours, official);
        }
        Err(_) => eprintln!("{} is absent: the comparison with the official list is skipped", list.display()),
    }

    // the same codes as the bundled dataset's provinces
    let ds = bundled();
    let provinces: BTreeSet<&str> = ds.areas.iter().filter(|a| a.level == Level::Province).map(|a| a.code.as_str()).collect();
    assert_eq!(provinces, codes);
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
fn bundled_cooperatives() {
    let spec = coops(Lang::Vi);
    assert_eq!(spec.tiles.len(), 34);
    assert_eq!(spec.unit, Unit::Cooperatives);
    assert_eq!(spec.tick_divisor, 1.0);
    let ds = bundled();

    match &tile(&spec, "P20").state {
        TileState::Value { value, label, record, .. } => {
            assert_eq!(*value, 478.0);
            assert_eq!(label, "478");
            assert_eq!(ds.observation(*record).unwrap().area, "P20");
        }
        s => panic!("Lạng Sơn: {s:?}"),
    }
    match &tile(&spec, "P24").state {
        TileState::Value { value, label, .. } => {
            assert_eq!(*value, 2086.0);
            assert_eq!(label, "2.086");
        }
        s => panic!("Bắc Ninh: {s:?}"),
    }
    // "hơn 1.000" for Sơn La keeps its qualifier
    assert!(matches!(&tile(&spec, "P14").state, TileState::Value { label, .. } if label == ">1.000"));

    // Phú Thọ: Hòa Bình (cũ) has a figure, Phú Thọ itself none → former only, never Hòa Bình's number
    let own_p25 = ds.observations.iter().any(|o| o.area == "P25" && o.metric == Metric::Cooperatives && o.sector.is_none());
    let p25 = tile(&spec, "P25");
    if own_p25 {
        assert!(matches!(p25.state, TileState::Value { .. }));
    } else {
        assert!(matches!(p25.state, TileState::FormerOnly { count } if count >= 1), "{:?}", p25.state);
        for r in &p25.former_records {
            let o = ds.observation(*r).unwrap();
            assert_eq!(ds.area(&o.area).unwrap().part_of.as_deref(), Some("P25"));
            assert_eq!(ds.area(&o.area).unwrap().level, Level::FormerProvince);
        }
        assert_eq!(p25.record(), p25.former_records.first().copied());
    }
    // An Giang: An Giang (cũ) and Kiên Giang (cũ) have figures; never summed
    assert!(matches!(tile(&spec, "P91").state, TileState::FormerOnly { count: 2 }));
    // a province with nothing at all
    assert_eq!(tile(&spec, "P04").state, TileState::NoData, "Cao Bằng has no figure");
    assert_eq!(tile(&spec, "P04").record(), None);

    // classes ascending, round, covering every value; each value in its class
    let values: Vec<(f64, usize)> = spec
        .tiles
        .iter()
        .filter_map(|t| match t.state {
            TileState::Value { value, class, .. } => Some((value, class)),
            _ => None,
        })
        .collect();
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
    println!("classes {:?} {:?}", spec.classes, spec.class_labels);
}

#[test]
fn year_filter_and_single_value() {
    let ds = bundled();
    let y2023 = tilemap::spec(&ds, Metric::Cooperatives, Unit::Cooperatives, Some(2023), Lang::Vi);
    assert!(matches!(tile(&y2023, "P20").state, TileState::Value { value, .. } if value == 478.0));
    // Quảng Ninh has 2023 and 2024 figures: the 2023 one when asked for 2023
    assert!(matches!(tile(&y2023, "P22").state, TileState::Value { value, .. } if value == 665.0));
    assert!(matches!(tile(&coops(Lang::Vi), "P22").state, TileState::Value { value, .. } if value == 1087.0));
    assert_eq!(tile(&y2023, "P24").state, TileState::NoData);
    let none = tilemap::spec(&ds, Metric::Cooperatives, Unit::Cooperatives, Some(1990), Lang::Vi);
    assert!(none.is_empty() && none.classes.is_empty());
    // one value → one class
    let values: Vec<f64> = y2023.tiles.iter().filter_map(|t| if let TileState::Value { value, .. } = t.state { Some(value) } else { None }).collect();
    if values.len() == 1 {
        assert_eq!(y2023.classes.len(), 1);
    }
    assert_eq!(tilemap::classify(&[42.0, 42.0]), vec![(42.0, 42.0)]);
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
    let spec = coops(Lang::Vi);
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
    let en = coops(Lang::En);
    check("tilemap-800-en", &en, &Theme { lang: Lang::En, ..t.clone() }, 800, &["Lạng Sơn", "2,086", "No data", "Former provinces only"]);
    // device pixels: marks stay in logical pixels
    let hi = Theme::light(2.0);
    let h = tilemap::height(&spec, 360.0, &hi);
    assert_eq!(h, tilemap::height(&spec, 360.0, &t));
}

#[test]
fn draws_money_in_its_scale() {
    let ds = bundled();
    for (metric, unit) in htx_charts::query::metric_choices(&ds) {
        let spec = tilemap::spec(&ds, metric, unit, None, Lang::Vi);
        if spec.is_empty() {
            continue;
        }
        let name = format!("tilemap-{}-{}", metric.key(), unit.key());
        check(&name, &spec, &Theme::light(1.0), 360, &[]);
        if unit == Unit::Vnd && spec.tiles.iter().any(|t| matches!(t.state, TileState::Value { .. })) {
            assert!(spec.tick_divisor >= 1e6, "{name}: money in millions or billions");
        }
    }
}
