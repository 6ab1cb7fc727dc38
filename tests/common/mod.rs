//! Helpers shared by the integration tests.
#![allow(dead_code)]

use htx_charts::model::Dataset;
use std::path::PathBuf;

/// Path of a file relative to the crate root.
pub fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The dataset the app ships, loaded as the app loads it.
pub fn bundled() -> Dataset {
    let text = std::fs::read_to_string(root("public/data/htx.json")).expect("read public/data/htx.json");
    htx_charts::load::load(&text, "data/htx.json").expect("bundled dataset loads")
}

/// The small fixture dataset of the snapshot tests.
pub fn small() -> Dataset {
    let text = std::fs::read_to_string(root("tests/fixtures/small.json")).expect("read tests/fixtures/small.json");
    htx_charts::load::load(&text, "data/small.json").expect("small fixture loads")
}

/// The record index of the only observation matching `pred`.
pub fn record_of(ds: &Dataset, pred: impl Fn(&htx_charts::model::Observation) -> bool) -> usize {
    let found: Vec<usize> = ds.observations.iter().filter(|o| pred(o)).map(|o| o.record).collect();
    assert_eq!(found.len(), 1, "expected exactly one matching observation, found records {found:?}");
    found[0]
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
