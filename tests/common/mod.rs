//! Helpers shared by the integration tests.
#![allow(dead_code)]

use htx_charts::chart::tilemap::TileState;
use htx_charts::chart::{self, ChartSpec, Mark, Theme};
use htx_charts::explore::Selection;
use htx_charts::i18n::Lang;
use htx_charts::model::Dataset;
use htx_charts::view::{self, ChartView};
use std::path::PathBuf;

/// Path of a file relative to the crate root.
pub fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Asserts that two loads of one file give the same dataset (all but where it came from).
pub fn assert_same_load(a: &Dataset, b: &Dataset) {
    assert_eq!(a.title, b.title);
    assert_eq!(a.updated, b.updated);
    assert_eq!(a.sources, b.sources);
    assert_eq!(a.areas, b.areas);
    assert_eq!(a.observations, b.observations);
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.notes, b.notes);
}

/// The dataset the app ships, loaded as the app loads it.
pub fn bundled() -> Dataset {
    let text = std::fs::read_to_string(root("public/data/htx.json")).expect("read public/data/htx.json");
    htx_charts::load::load(&text, "data/htx.json").expect("bundled dataset loads")
}

/// The small fixture dataset of the snapshot tests (no problems in it).
pub fn small() -> Dataset {
    let text = std::fs::read_to_string(root("tests/fixtures/small.json")).expect("read tests/fixtures/small.json");
    let ds = htx_charts::load::load(&text, "data/small.json").expect("small fixture loads");
    assert!(ds.problems.is_empty(), "tests/fixtures/small.json has problems: {:?}", ds.problems);
    ds
}

/// A dataset from a JSON string (test fixtures written in the test), with no problems.
pub fn from_json(json: &str) -> Dataset {
    let ds = htx_charts::load::load(json, "data/test.json").expect("fixture loads");
    assert!(ds.problems.is_empty(), "fixture has problems: {:?}", ds.problems);
    ds
}

/// The selection of an explorer query ("a=vn&c=line"); every parameter must be used as written.
pub fn sel(ds: &Dataset, query: &str) -> Selection {
    let (sel, notices) = htx_charts::explore::from_query(&htx_charts::deck::from_query(query), ds);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    sel
}

/// The view of an explorer query.
pub fn view(ds: &Dataset, query: &str, lang: Lang) -> ChartView {
    view::build(ds, &sel(ds, query), lang)
}

/// The record index of the only observation matching `pred`.
pub fn record_of(ds: &Dataset, pred: impl Fn(&htx_charts::model::Observation) -> bool) -> usize {
    let found: Vec<usize> = ds.observations.iter().filter(|o| pred(o)).map(|o| o.record).collect();
    assert_eq!(found.len(), 1, "expected exactly one matching observation, found records {found:?}");
    found[0]
}

/// The keys and records of the marks a spec describes, in chart order (every map tile with a
/// figure to point at: its own, or a former province's).
pub fn spec_marks(spec: &ChartSpec) -> Vec<(String, usize)> {
    match spec {
        ChartSpec::Bars(b) => b.rows.iter().map(|r| (r.key.clone(), r.record)).collect(),
        ChartSpec::Stacked(s) => s.rows.iter().flat_map(|r| r.segments.iter().map(|g| (g.key.clone(), g.record))).collect(),
        ChartSpec::Series(s) => s.points.iter().map(|p| (p.key.clone(), p.record)).collect(),
        ChartSpec::Map(m) => m.tiles.iter().filter_map(|t| t.record().map(|r| (t.code.clone(), r))).collect(),
    }
}

/// The marks that are figures: on a map only the tiles coloured by their own figure.
pub fn figure_marks(spec: &ChartSpec) -> Vec<(String, usize)> {
    let mut marks = spec_marks(spec);
    if let ChartSpec::Map(m) = spec {
        marks.retain(|(code, _)| m.tiles.iter().any(|t| t.code == *code && matches!(t.state, TileState::Value { .. })));
    }
    marks
}

/// What every view must hold: the figures are exactly the marks of the chart, in chart order,
/// with unique keys; each names valid records with their sources; a computed figure says how it
/// was computed and from at least two records; the text around the chart is there.
pub fn check_view(ds: &Dataset, what: &str, v: &ChartView) {
    let figures: Vec<(String, usize)> = v.figures.iter().map(|f| (f.key.clone(), f.inputs[0].record)).collect();
    assert_eq!(figures, figure_marks(&v.spec), "{what}: figures == marks of the chart, in chart order");
    let mut keys: Vec<&str> = v.figures.iter().map(|f| f.key.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), v.figures.len(), "{what}: mark keys are unique");
    for f in &v.figures {
        assert!(!f.inputs.is_empty(), "{what}: {} has no record", f.key);
        for i in &f.inputs {
            assert!(ds.observation(i.record).is_some(), "{what}: {} names record {}", f.key, i.record);
            assert!(!i.citation.is_empty() && !i.publisher.is_empty(), "{what}: {} record {} has no source", f.key, i.record);
        }
        assert!(!f.area.is_empty() && !f.metric.is_empty() && !f.label.is_empty() && !f.value_text.is_empty(), "{what}: {f:?}");
        assert!(!f.date.is_empty() && !f.date_key.is_empty() && !f.qualifier_text.is_empty(), "{what}: {f:?}");
        assert!(!f.sources().is_empty(), "{what}: {f:?}");
        match &f.formula {
            Some(how) => {
                assert!(f.inputs.len() >= 2, "{what}: computed {} from one record", f.key);
                assert!(f.qualifier_text.contains(how.as_str()), "{what}: {} does not say how: {}", f.key, f.qualifier_text);
            }
            None => assert_eq!(f.inputs.len(), 1, "{what}: {} is as reported, from one record", f.key),
        }
        if f.per_cooperative {
            assert!(f.formula.is_some(), "{what}: {} per cooperative is computed", f.key);
        }
    }
    assert!(v.kinds.contains(&htx_charts::explore::ChartKind::Bars) && v.kinds.contains(&htx_charts::explore::ChartKind::Table), "{what}");
    assert!(v.modes.contains(&htx_charts::explore::Mode::Absolute), "{what}");
    assert!(v.years.windows(2).all(|w| w[0] < w[1]), "{what}: years ascending");
    assert!(!v.title.is_empty() && !v.unit_line.is_empty(), "{what}");
    assert!(v.source_line.starts_with("Nguồn: ") || v.source_line.starts_with("Sources: "), "{what}: {}", v.source_line);
    assert_eq!(v.caveats.len(), v.caveat_text.len(), "{what}");
    assert!(v.caveat_text.iter().all(|c| !c.trim().is_empty()), "{what}: {:?}", v.caveat_text);
    if v.spec.is_empty() {
        assert!(v.figures.is_empty(), "{what}");
        assert!(!v.caveats.is_empty(), "{what}: an empty chart says why");
    }
}

/// Draws a spec at a width, at its preferred height, in the light theme.
pub fn render(spec: &ChartSpec, width: u32, lang: Lang) -> (String, Vec<Mark>, u32) {
    let t = Theme { lang, ..Theme::light(1.0) };
    render_with(spec, width, &t)
}

/// Draws a spec at a width, at its preferred height.
pub fn render_with(spec: &ChartSpec, width: u32, t: &Theme) -> (String, Vec<Mark>, u32) {
    let height = (chart::preferred_height(spec, width as f64, t).ceil() as u32).max(1);
    let (svg, marks) = chart::to_svg(spec, width, height, t).expect("draws");
    (svg, marks, height)
}

/// One text element of the SVG: its anchor x, baseline y, anchor, size and content.
#[derive(Debug)]
pub struct SvgText {
    pub x: f64,
    pub y: f64,
    pub anchor: String,
    pub size: f64,
    pub text: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The text elements of an SVG drawn by plotters.
pub fn svg_texts(svg: &str) -> Vec<SvgText> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let close = rest.find('>').unwrap();
        let tag = &rest[..close];
        let end = rest.find("</text>").unwrap();
        let text = unescape(rest[close + 1..end].trim());
        out.push(SvgText {
            x: attr(tag, "x").and_then(|v| v.parse().ok()).unwrap_or(0.0),
            y: attr(tag, "y").and_then(|v| v.parse().ok()).unwrap_or(0.0),
            anchor: attr(tag, "text-anchor").unwrap_or_else(|| "start".into()),
            size: attr(tag, "font-size").and_then(|v| v.parse().ok()).unwrap_or(13.0),
            text,
        });
        rest = &rest[end..];
    }
    out
}
