//! SVG snapshots of the explorer's chart kinds and of the key figures on tests/fixtures/small.json,
//! and layout checks on the marks and texts of the drawings (also for the bundled dataset).
//!
//! Every number with decimals inside the SVG's tags (coordinates, sizes) is rounded to one decimal
//! before it is compared or written, so that float noise does not churn the snapshots; the texts
//! drawn are kept as they are.
//!
//! A missing or different snapshot fails. `UPDATE_SNAPSHOTS=1 cargo test --test svg_snapshots`
//! writes tests/snapshots/*.svg: look at what changed before committing them. A snapshot file no
//! case uses fails too (delete it). `HTX_SVG_OUT=<dir>` also writes the bundled dataset's charts
//! (800 px wide) there, for looking at them.

mod common;

use common::{bundled, check_view, root, small, spec_marks, view};
use htx_charts::chart::{self, text_width, ChartSpec, Mark, Theme};
use htx_charts::explore::{AreaSet, ChartKind, Selection};
use htx_charts::i18n::Lang;
use htx_charts::key_figures::{for_dataset, KEY_FIGURES};
use htx_charts::model::{Dataset, Metric, Unit};
use htx_charts::view::{self, ChartView};
use std::collections::BTreeSet;

const WIDTH: u32 = 640;

/// The explorer's chart kinds on the small fixture: (snapshot name, query, language, texts drawn).
const EXPLORE: [(&str, &str, Lang, &[&str]); 12] = [
    ("explore-bars", "", Lang::Vi, &["Lạng Sơn", "478", "· 2023", "Bắc Giang (cũ)", "hơn 713", "1.800 (ước tính)", "2.086*", "TP Sơn La"]),
    ("explore-bars-en", "", Lang::En, &["Lang Son", "478", "Bac Giang (former)", "more than 713", "1,800 (estimate)", "2,086*", "Son La City"]),
    ("explore-stacked", "by=sector&c=stacked", Lang::Vi, &["Bắc Ninh · 2025", "TP Sơn La · 2024", "1.439", "602", "Nông, lâm, ngư nghiệp", "Tổng hợp"]),
    ("explore-pct", "by=sector&c=pct", Lang::Vi, &["Bắc Ninh · 2025", "TP Sơn La · 2024", "69%", "28,9%", "54,8%", "100%"]),
    ("explore-line", "c=line", Lang::Vi, &["665", "1.087"]),
    ("explore-line-legend", "a=VN,P22&c=line", Lang::Vi, &["Việt Nam", "Quảng Ninh", "33.557", "1.087"]),
    ("explore-map", "c=map", Lang::Vi, &["Lạng Sơn", "478", "~1.800", "2.086", "Chỉ có số liệu tỉnh cũ"]),
    ("explore-table", "c=table", Lang::Vi, &["Lạng Sơn", "478"]),
    ("explore-share", "by=sector&mode=share", Lang::Vi, &["Bắc Ninh — Nông, lâm, ngư nghiệp", "69%*", "TP Sơn La — Nông, lâm, ngư nghiệp", "54,8%"]),
    ("explore-per-coop", "m=charter_capital&mode=per_coop", Lang::Vi, &["Lạng Sơn", "2,129", "khoảng 2,136"]),
    ("explore-range", "m=income_per_worker", Lang::Vi, &["Lạng Sơn", "3,8–hơn 5,5", "khoảng 4,5"]),
    ("explore-rating-bars", "m=rating_share", Lang::Vi, &["Lạng Sơn — Khá, tốt", "21%"]),
];

/// Texts each key figure draws from the small fixture.
fn key_texts(id: &str) -> &'static [&'static str] {
    match id {
        "national-series" => &["33.335", "33.557", "35.041 (sơ bộ)", "2024"],
        "coops-by-region" => &["Trung du và miền núi phía Bắc", "7.957", "· 31/12/2022"],
        "coops-by-sector" => &["Nông, lâm, ngư nghiệp", "40", "Tổng hợp", "17"],
        "capital-by-area" => &["Lạng Sơn", "1.017,52", "hơn 1.523"],
        "rating-shares" => &["Lạng Sơn · 2023", "21%", "64%", "15%", "Bắc Giang (cũ) · 12/2019", "65%", "Tốt", "Yếu"],
        other => panic!("no texts listed for the key figure {other}: add them here"),
    }
}

fn key_name(id: &str) -> String {
    format!("key-{id}")
}

fn theme(lang: Lang) -> Theme {
    Theme { lang, ..Theme::light(1.0) }
}

fn render(view: &ChartView, width: u32, t: &Theme) -> (String, Vec<Mark>, u32) {
    common::render_with(&view.spec, width, t)
}

/// Every number with decimals inside the tags of an SVG rounded to one decimal ("-0.0" as "0.0");
/// the text between tags is kept as drawn (a label such as "1.017,52" is not a coordinate).
fn round_svg(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&round_numbers(&rest[open..close]));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

fn round_numbers(tag: &str) -> String {
    let b = tag.as_bytes();
    let digits_from = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut out = String::with_capacity(tag.len());
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        let starts_number = b[i].is_ascii_digit() || (b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        let in_a_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'#' | b'_' | b'.'));
        if !starts_number || in_a_word {
            i += 1;
            continue;
        }
        let int_end = digits_from(i + 1);
        if b.get(int_end) == Some(&b'.') && b.get(int_end + 1).is_some_and(u8::is_ascii_digit) {
            let end = digits_from(int_end + 1);
            let x: f64 = tag[i..end].parse().expect("a decimal number");
            let r = format!("{x:.1}");
            out.push_str(&tag[copied..i]);
            out.push_str(if r == "-0.0" { "0.0" } else { &r });
            copied = end;
            i = end;
        } else {
            i = int_end;
        }
    }
    out.push_str(&tag[copied..]);
    out
}

/// Compares a drawing with tests/snapshots/<name>.svg after rounding (writes it with
/// UPDATE_SNAPSHOTS=1). A missing snapshot is an error, never written silently.
fn snapshot(name: &str, svg: &str) -> Result<(), String> {
    let path = root(&format!("tests/snapshots/{name}.svg"));
    let svg = round_svg(svg);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &svg).unwrap();
        return Ok(());
    }
    let actual = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.actual.svg"));
    let Ok(want) = std::fs::read_to_string(&path) else {
        std::fs::write(&actual, &svg).unwrap();
        return Err(format!(
            "{} is missing (the drawing is in {}): create it with `UPDATE_SNAPSHOTS=1 cargo test --test svg_snapshots` and look at it before committing",
            path.display(),
            actual.display()
        ));
    };
    if want != svg {
        std::fs::write(&actual, &svg).unwrap();
        return Err(format!(
            "{name}.svg differs from its snapshot; the new drawing is in {}. Run `UPDATE_SNAPSHOTS=1 cargo test --test svg_snapshots` if the change is intended.",
            actual.display()
        ));
    }
    Ok(())
}

/// Checks the drawing: one mark per datum (in the order of the view's figures), each of non-zero
/// size and inside the canvas; every text inside the canvas (by the same width estimate the layout
/// uses).
fn check_layout(name: &str, view: &ChartView, svg: &str, marks: &[Mark], width: u32, height: u32) {
    let drawn: Vec<(String, usize)> = marks.iter().map(|m| (m.key.clone(), m.record)).collect();
    assert_eq!(drawn, spec_marks(&view.spec), "{name}: one mark per bar/segment/point/tile, in chart order");
    let (w, h) = (width as f64, height as f64);
    for m in marks {
        let s = m.shape;
        assert!(s.w > 0.0 && s.h > 0.0, "{name}: mark {} has zero size: {s:?}", m.key);
        assert!(
            s.x >= 0.0 && s.y >= 0.0 && s.x + s.w <= w + 0.5 && s.y + s.h <= h + 0.5,
            "{name}: mark {} outside the {w}×{h} canvas: {s:?}",
            m.key
        );
        let (cx, cy) = s.centre();
        assert!(m.hit.contains(cx, cy), "{name}: hit area of {} does not cover its shape", m.key);
    }
    assert!(svg.starts_with("<svg"), "{name}");
    assert!(svg.contains(&format!("width=\"{width}\"")) && svg.contains(&format!("height=\"{height}\"")), "{name}");
    let over = overflowing_texts(svg, width, height);
    assert!(over.is_empty(), "{name}: {over:#?}");
}

/// Texts that run out of the canvas (by the layout's own width estimate at the drawn font size).
fn overflowing_texts(svg: &str, width: u32, height: u32) -> Vec<String> {
    let (w, h) = (width as f64, height as f64);
    let mut out = Vec::new();
    for t in common::svg_texts(svg) {
        let tw = text_width(&t.text, t.size);
        let (left, right) = match t.anchor.as_str() {
            "middle" => (t.x - tw / 2.0, t.x + tw / 2.0),
            "end" => (t.x - tw, t.x),
            _ => (t.x, t.x + tw),
        };
        if left < -0.5 || right > w + 0.5 || t.y < 0.0 || t.y > h {
            out.push(format!("“{}” at x {left:.1}…{right:.1}, y {} (canvas {w}×{h})", t.text, t.y));
        }
    }
    out
}

fn missing_texts(svg: &str, wanted: &[&str]) -> Vec<String> {
    let all: Vec<String> = common::svg_texts(svg).into_iter().map(|t| t.text).collect();
    wanted.iter().filter(|w| !all.iter().any(|t| t == *w)).map(|w| format!("no text “{w}” in {all:?}")).collect()
}

/// Draws a view of the small fixture, checks its layout and texts and compares its snapshot.
fn case(ds: &Dataset, name: &str, v: &ChartView, lang: Lang, wanted: &[&str]) -> Result<(), String> {
    check_view(ds, name, v);
    assert!(!v.figures.is_empty(), "{name}: nothing drawn");
    let (svg, marks, height) = render(v, WIDTH, &theme(lang));
    check_layout(name, v, &svg, &marks, WIDTH, height);
    let missing = missing_texts(&svg, wanted);
    if !missing.is_empty() {
        return Err(format!("{name}: {}", missing.join("; ")));
    }
    snapshot(name, &svg)
}

fn report(errors: Vec<String>) {
    assert!(errors.is_empty(), "{} snapshot case(s) failed:\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn explorer_chart_kinds() {
    let ds = small();
    let mut errors = Vec::new();
    for (name, query, lang, wanted) in EXPLORE {
        let v = view(&ds, query, lang);
        if let Err(e) = case(&ds, name, &v, lang, wanted) {
            errors.push(e);
        }
    }
    report(errors);
}

#[test]
fn each_chart_kind_is_snapshotted_as_asked() {
    let ds = small();
    let kind = |name: &str| {
        let (_, query, lang, _) = EXPLORE.iter().find(|c| c.0 == name).unwrap();
        let v = view(&ds, query, *lang);
        assert!(v.caveats.iter().all(|c| !matches!(c, view::Caveat::KindFallback { .. } | view::Caveat::ModeFallback { .. })), "{name}: {:?}", v.caveats);
        (v.chart_kind, v.mode, v.spec)
    };
    use htx_charts::explore::Mode;
    assert!(matches!(kind("explore-bars"), (ChartKind::Bars, Mode::Absolute, ChartSpec::Bars(_))));
    assert!(matches!(kind("explore-stacked"), (ChartKind::Stacked, Mode::Absolute, ChartSpec::Stacked(_))));
    assert!(matches!(kind("explore-pct"), (ChartKind::Stacked100, Mode::Share, ChartSpec::Stacked(_))));
    assert!(matches!(kind("explore-line"), (ChartKind::Line, Mode::Absolute, ChartSpec::Series(_))));
    assert!(matches!(kind("explore-map"), (ChartKind::Map, Mode::Absolute, ChartSpec::Map(_))));
    assert!(matches!(kind("explore-share"), (ChartKind::Bars, Mode::Share, ChartSpec::Bars(_))));
    assert!(matches!(kind("explore-per-coop"), (ChartKind::Bars, Mode::PerCooperative, ChartSpec::Bars(_))));
    // the table is drawn as the bars
    let (k, _, table) = kind("explore-table");
    assert_eq!(k, ChartKind::Table);
    assert_eq!(table, kind("explore-bars").2);
}

#[test]
fn key_figures() {
    let ds = small();
    let shown = for_dataset(&ds);
    assert_eq!(shown.len(), KEY_FIGURES.len(), "the small fixture shows every key figure");
    let mut errors = Vec::new();
    for (k, sel) in shown {
        let v = view::build(&ds, &sel, Lang::Vi);
        if let Err(e) = case(&ds, &key_name(k.id), &v, Lang::Vi, key_texts(k.id)) {
            errors.push(e);
        }
    }
    report(errors);
}

#[test]
fn no_stale_snapshots() {
    let used: BTreeSet<String> = EXPLORE.iter().map(|c| c.0.to_string()).chain(KEY_FIGURES.iter().map(|k| key_name(k.id))).collect();
    assert_eq!(used.len(), EXPLORE.len() + KEY_FIGURES.len(), "snapshot names are unique");
    let dir = root("tests/snapshots");
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match name.strip_suffix(".svg") {
            Some(stem) if used.contains(stem) => {}
            _ => stale.push(name),
        }
    }
    assert!(stale.is_empty(), "files in {} that no snapshot case uses (delete them): {stale:?}", dir.display());
}

#[test]
fn rounding_keeps_texts_and_rounds_coordinates() {
    let svg = r##"<svg width="640" height="200"><text x="12.3456" y="-0.04" font-size="10.48387">1.017,52 · 2,129</text><circle cx="3.95" fill="#1e2" r="4"/><path d="M 1.25 2.75 L -3.333 4"/></svg>"##;
    assert_eq!(
        round_svg(svg),
        r##"<svg width="640" height="200"><text x="12.3" y="0.0" font-size="10.5">1.017,52 · 2,129</text><circle cx="4.0" fill="#1e2" r="4"/><path d="M 1.2 2.8 L -3.3 4"/></svg>"##
    );
    // rounding is stable: a rounded SVG rounds to itself
    let ds = small();
    let (svg, _, _) = render(&view(&ds, "c=map", Lang::Vi), WIDTH, &theme(Lang::Vi));
    let once = round_svg(&svg);
    assert_eq!(round_svg(&once), once);
    assert_eq!(common::svg_texts(&once).into_iter().map(|t| t.text).collect::<Vec<_>>(), common::svg_texts(&svg).into_iter().map(|t| t.text).collect::<Vec<_>>());
}

#[test]
fn drawing_is_deterministic_and_scales() {
    let ds = small();
    let v = view(&ds, "", Lang::Vi);
    let a = render(&v, WIDTH, &theme(Lang::Vi));
    let b = render(&v, WIDTH, &theme(Lang::Vi));
    assert_eq!(a.0, b.0);
    // at scale 2 the marks stay in logical pixels
    let t2 = Theme { scale: 2.0, ..theme(Lang::Vi) };
    let h = chart::preferred_height(&v.spec, WIDTH as f64, &t2).ceil() as u32;
    let (_, marks2) = chart::to_svg(&v.spec, WIDTH * 2, h * 2, &t2).unwrap();
    assert_eq!(a.1.len(), marks2.len());
    for (m1, m2) in a.1.iter().zip(&marks2) {
        assert!((m1.shape.w - m2.shape.w).abs() < 1.0, "{:?} vs {:?}", m1.shape, m2.shape);
    }
}

#[test]
fn highlight_draws_an_outline() {
    let ds = small();
    let v = view(&ds, "", Lang::Vi);
    let plain = render(&v, WIDTH, &theme(Lang::Vi)).0;
    let t = Theme { highlight: Some("P20".into()), ..theme(Lang::Vi) };
    let lit = render(&v, WIDTH, &t).0;
    assert_ne!(plain, lit);
}

#[test]
fn empty_views_draw_nothing_but_do_not_fail() {
    let ds = small();
    let sel = Selection { metric: Metric::CharterCapital, unit: Unit::Vnd, areas: AreaSet::Regions, ..Selection::default() };
    let v = view::build(&ds, &sel, Lang::Vi);
    assert!(v.spec.is_empty());
    let (svg, marks, _) = render(&v, WIDTH, &theme(Lang::Vi));
    assert!(svg.starts_with("<svg"));
    assert!(marks.is_empty());
}

/// The charts of the bundled dataset: the key figures, every metric, every sector breakdown and
/// each chart kind lay out inside the canvas at 640 and 800 px.
#[test]
fn bundled_views_lay_out_inside_the_canvas() {
    let ds = bundled();
    let out = std::env::var("HTX_SVG_OUT").ok();
    let mut views: Vec<(String, ChartView)> = for_dataset(&ds).into_iter().map(|(k, s)| (k.id.to_string(), view::build(&ds, &s, Lang::Vi))).collect();
    for (m, u, _) in view::metric_choices(&ds) {
        let sel = Selection { metric: m, unit: u, ..Selection::default() };
        views.push((format!("metric-{}-{}", m.key(), u.key()), view::build(&ds, &sel, Lang::Vi)));
    }
    let sector_areas: BTreeSet<&str> = ds.observations.iter().filter(|o| o.metric == Metric::Cooperatives && o.sector.is_some()).map(|o| o.area.as_str()).collect();
    for a in sector_areas {
        views.push((format!("sector-{a}"), view(&ds, &format!("a={a}&by=sector"), Lang::Vi)));
    }
    for (name, query, _, _) in EXPLORE {
        views.push((format!("bundled-{name}"), view(&ds, query, Lang::Vi)));
    }
    for (name, v) in &views {
        check_view(&ds, name, v);
        for width in [640, 800] {
            let (svg, marks, height) = render(v, width, &theme(Lang::Vi));
            check_layout(&format!("bundled {name} @{width}"), v, &svg, &marks, width, height);
            if let (Some(dir), 800) = (&out, width) {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(std::path::Path::new(dir).join(format!("bundled-{name}.svg")), &svg).unwrap();
            }
        }
    }
}

/// Every mark is what hit-testing finds at the centre of its shape.
fn assert_hit_finds_each_mark(name: &str, marks: &[Mark]) {
    for m in marks {
        let (cx, cy) = m.shape.centre();
        assert_eq!(chart::hit(marks, cx, cy).map(|x| &x.key), Some(&m.key), "{name}: hit-test at the centre of {}", m.key);
    }
}

#[test]
fn hit_testing_finds_every_bar_segment_tile_and_point() {
    let ds = small();
    for query in ["", "m=rating_share&c=pct", "a=P24&by=sector", "by=sector&c=stacked", "c=map", "a=vn&c=line", "a=VN,P22&c=line"] {
        let v = view(&ds, query, Lang::Vi);
        let (_, marks, _) = render(&v, WIDTH, &theme(Lang::Vi));
        assert!(!marks.is_empty(), "{query}");
        assert_hit_finds_each_mark(query, &marks);
        // outside every mark: nothing
        assert!(chart::hit(&marks, -5.0, -5.0).is_none());
    }
}

#[test]
fn series_labels_stay_inside_the_canvas() {
    for (name, ds) in [("small", small()), ("bundled", bundled())] {
        let v = view(&ds, "a=vn&c=line", Lang::Vi);
        for width in [360, 640, 800] {
            let (svg, _, height) = render(&v, width, &theme(Lang::Vi));
            let over = overflowing_texts(&svg, width, height);
            assert!(over.is_empty(), "{name} national series @{width}: {over:#?}");
        }
    }
}

/// The tile map's legend keeps its words whole at a phone's widths (the widest item once lost its
/// last word to float rounding).
#[test]
fn map_legend_is_not_cut_on_a_phone() {
    // the bundled data: its widest legend item is the one that was cut
    let ds = bundled();
    let v = view(&ds, "c=map", Lang::Vi);
    for width in [320, 340, 370, 400, 640] {
        let mut t = theme(Lang::Vi);
        t.text = if width < 480 { 12.0 } else { t.text };
        let (svg, _, _) = render(&v, width, &t);
        let texts: Vec<String> = common::svg_texts(&svg).into_iter().map(|x| x.text).collect();
        assert!(texts.iter().any(|x| x == "Chỉ có số liệu tỉnh cũ"), "@{width}: {texts:?}");
        assert!(texts.iter().all(|x| !x.contains('…')), "@{width}: {:?}", texts.iter().filter(|x| x.contains('…')).collect::<Vec<_>>());
    }
}
