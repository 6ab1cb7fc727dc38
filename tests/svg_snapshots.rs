//! SVG snapshots of every chart view of tests/fixtures/small.json, and layout checks on the marks
//! and texts of the drawings (also for the bundled dataset).
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test svg_snapshots` rewrites tests/snapshots/*.svg; a missing
//! snapshot is written and the test passes. `HTX_SVG_OUT=<dir>` also writes the bundled dataset's
//! charts (800 px wide) there, for looking at them.

mod common;

use common::{bundled, root, small};
use htx_charts::chart::{self, text_width, ChartSpec, Mark, Theme};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Unit};
use htx_charts::query::{self, ChartView};

const WIDTH: u32 = 640;

fn theme(lang: Lang) -> Theme {
    Theme { lang, ..Theme::light(1.0) }
}

fn render(view: &ChartView, width: u32, t: &Theme) -> (String, Vec<Mark>, u32) {
    let height = chart::preferred_height(&view.spec, width as f64, t).ceil() as u32;
    let (svg, marks) = chart::to_svg(&view.spec, width, height, t).expect("draws");
    (svg, marks, height)
}

/// Compares with tests/snapshots/<name>.svg (writes it when missing or UPDATE_SNAPSHOTS=1).
fn snapshot(name: &str, svg: &str) {
    let path = root(&format!("tests/snapshots/{name}.svg"));
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    if update || !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    if want != svg {
        let actual = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.actual.svg"));
        std::fs::write(&actual, svg).unwrap();
        panic!(
            "{name}.svg differs from its snapshot; the new drawing is in {}. Run UPDATE_SNAPSHOTS=1 cargo test --test svg_snapshots if the change is intended.",
            actual.display()
        );
    }
}

/// Checks the drawing: one mark per datum, each of non-zero size and inside the canvas; every text
/// inside the canvas (by the same width estimate the layout uses).
fn check_layout(name: &str, view: &ChartView, svg: &str, marks: &[Mark], width: u32, height: u32, allow_overflow: bool) {
    let expected = match &view.spec {
        ChartSpec::Bars(b) => b.rows.len(),
        ChartSpec::Stacked(s) => s.rows.iter().map(|r| r.segments.len()).sum(),
        ChartSpec::Series(s) => s.points.len(),
        ChartSpec::Map(m) => m.tiles.iter().filter(|t| t.record().is_some()).count(),
    };
    assert_eq!(marks.len(), expected, "{name}: one mark per bar/segment/point");
    let records: Vec<usize> = marks.iter().map(|m| m.record).collect();
    assert_eq!(records, view.records, "{name}: marks in record order");
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
    if !allow_overflow {
        assert!(over.is_empty(), "{name}: {over:#?}");
    }
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

fn assert_texts(name: &str, svg: &str, wanted: &[&str]) {
    let all: Vec<String> = common::svg_texts(svg).into_iter().map(|t| t.text).collect();
    for w in wanted {
        assert!(all.iter().any(|t| t == w), "{name}: no text “{w}” in {all:?}");
    }
}

fn small_case(name: &str, view: ChartView, lang: Lang, wanted: &[&str]) {
    let t = theme(lang);
    let (svg, marks, height) = render(&view, WIDTH, &t);
    // the series' last label is known to run out of the canvas: see series_labels_stay_inside_the_canvas
    check_layout(name, &view, &svg, &marks, WIDTH, height, name == "national-series");
    assert_texts(name, &svg, wanted);
    snapshot(name, &svg);
}

fn ds() -> Dataset {
    let ds = small();
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
    ds
}

#[test]
fn small_coops_by_area() {
    let ds = ds();
    let v = query::coops_by_area(&ds, Lang::Vi);
    small_case("coops-by-area", v, Lang::Vi, &["Lạng Sơn", "478", "· 2023", "Bắc Giang (cũ)", "hơn 713", "1.800 (ước tính)", "2.086*"]);
}

#[test]
fn small_coops_by_area_en() {
    let ds = ds();
    let v = query::coops_by_area(&ds, Lang::En);
    small_case("coops-by-area-en", v, Lang::En, &["Lang Son", "478", "Bac Giang (former)", "more than 713", "1,800 (estimate)", "2,000"]);
}

#[test]
fn small_coops_by_region() {
    let ds = ds();
    let v = query::coops_by_region(&ds, Lang::Vi);
    small_case("coops-by-region", v, Lang::Vi, &["Trung du và miền núi phía Bắc", "7.957", "· 31/12/2022"]);
}

#[test]
fn small_coops_by_sector() {
    let ds = ds();
    let v = query::coops_by_sector(&ds, "P24", Lang::Vi);
    small_case("coops-by-sector", v, Lang::Vi, &["Nông, lâm, ngư nghiệp", "1.439*", "Phi nông nghiệp", "46*"]);
}

#[test]
fn small_charter_capital() {
    let ds = ds();
    let v = query::metric_by_area(&ds, Metric::CharterCapital, Unit::Vnd, Lang::Vi);
    small_case("metric-by-area-capital", v, Lang::Vi, &["Lạng Sơn", "1.017,52", "hơn 1.523"]);
}

#[test]
fn small_income_range() {
    let ds = ds();
    let v = query::metric_by_area(&ds, Metric::IncomePerWorker, Unit::VndPerMonth, Lang::Vi);
    small_case("metric-by-area-income", v, Lang::Vi, &["Lạng Sơn", "3,8–hơn 5,5", "khoảng 4,5"]);
}

#[test]
fn small_national_series() {
    let ds = ds();
    let v = query::national_series(&ds, Lang::Vi);
    small_case("national-series", v, Lang::Vi, &["33.335", "33.557", "35.041 (sơ bộ)", "2024"]);
}

#[test]
fn small_rating_shares() {
    let ds = ds();
    let v = query::rating_shares(&ds, Lang::Vi);
    small_case("rating-shares", v, Lang::Vi, &["Lạng Sơn · 2023", "21%", "64%", "15%", "Bắc Giang (cũ) · 12/2019", "65%", "Tốt", "Yếu"]);
}

#[test]
fn drawing_is_deterministic_and_scales() {
    let ds = ds();
    let v = query::coops_by_area(&ds, Lang::Vi);
    let a = render(&v, WIDTH, &theme(Lang::Vi));
    let b = render(&v, WIDTH, &theme(Lang::Vi));
    assert_eq!(a.0, b.0);
    // at scale 2 the marks stay in logical pixels
    let t2 = Theme { scale: 2.0, ..theme(Lang::Vi) };
    let h = chart::preferred_height(&v.spec, WIDTH as f64, &t2).ceil() as u32;
    let (_, marks2) = chart::to_svg(&v.spec, WIDTH * 2, h * 2, &t2).unwrap();
    for (m1, m2) in a.1.iter().zip(&marks2) {
        assert!((m1.shape.w - m2.shape.w).abs() < 1.0, "{:?} vs {:?}", m1.shape, m2.shape);
    }
}

#[test]
fn highlight_draws_an_outline() {
    let ds = ds();
    let v = query::coops_by_area(&ds, Lang::Vi);
    let plain = render(&v, WIDTH, &theme(Lang::Vi)).0;
    let t = Theme { highlight: Some("P20".into()), ..theme(Lang::Vi) };
    let lit = render(&v, WIDTH, &t).0;
    assert_ne!(plain, lit);
}

#[test]
fn empty_views_draw_nothing_but_do_not_fail() {
    let ds = ds();
    let v = query::coops_by_sector(&ds, "P20", Lang::Vi);
    assert!(v.spec.is_empty());
    let (_, marks, _) = render(&v, WIDTH, &theme(Lang::Vi));
    assert!(marks.is_empty());
}

/// The charts of the bundled dataset: every view, 640 and 800 wide, lays out inside the canvas.
#[test]
fn bundled_views_lay_out_inside_the_canvas() {
    let ds = bundled();
    let out = std::env::var("HTX_SVG_OUT").ok();
    let mut views: Vec<(String, ChartView)> = vec![
        ("coops-by-area".into(), query::coops_by_area(&ds, Lang::Vi)),
        ("coops-by-region".into(), query::coops_by_region(&ds, Lang::Vi)),
        ("coops-by-sector".into(), query::coops_by_sector(&ds, "C14-SONLA", Lang::Vi)),
        ("metric-by-area".into(), query::metric_by_area(&ds, Metric::CharterCapital, Unit::Vnd, Lang::Vi)),
        ("national-series".into(), query::national_series(&ds, Lang::Vi)),
        ("rating-shares".into(), query::rating_shares(&ds, Lang::Vi)),
    ];
    for (m, u) in query::metric_choices(&ds) {
        views.push((format!("metric-{}-{}", m.key(), u.key()), query::metric_by_area(&ds, m, u, Lang::Vi)));
    }
    for a in query::sector_areas(&ds) {
        views.push((format!("sector-{}", a.code), query::coops_by_sector(&ds, &a.code, Lang::Vi)));
    }
    for (name, v) in &views {
        for width in [640, 800] {
            let (svg, marks, height) = render(v, width, &theme(Lang::Vi));
            // the series' last label is known to run out: see series_labels_stay_inside_the_canvas
            check_layout(&format!("bundled {name} @{width}"), v, &svg, &marks, width, height, v.id == "national-series");
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
fn hit_testing_finds_every_bar_and_segment() {
    let ds = ds();
    for v in [query::coops_by_area(&ds, Lang::Vi), query::rating_shares(&ds, Lang::Vi), query::coops_by_sector(&ds, "P24", Lang::Vi)] {
        let (_, marks, _) = render(&v, WIDTH, &theme(Lang::Vi));
        assert_hit_finds_each_mark(&v.id, &marks);
        // outside every mark: nothing
        assert!(chart::hit(&marks, -5.0, -5.0).is_none());
    }
}

#[test]
fn hit_testing_finds_both_points_at_one_date() {
    let ds = ds();
    let v = query::national_series(&ds, Lang::Vi);
    let (_, marks, _) = render(&v, WIDTH, &theme(Lang::Vi));
    assert_hit_finds_each_mark(&v.id, &marks);
}

#[test]
fn series_labels_stay_inside_the_canvas() {
    for (name, ds) in [("small", small()), ("bundled", bundled())] {
        let v = query::national_series(&ds, Lang::Vi);
        for width in [640, 800] {
            let (svg, _, height) = render(&v, width, &theme(Lang::Vi));
            let over = overflowing_texts(&svg, width, height);
            assert!(over.is_empty(), "{name} national-series @{width}: {over:#?}");
        }
    }
}
