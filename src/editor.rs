//! The chart maker ("Tạo biểu đồ"): an editor's own table of figures, with its source, turned
//! into an `htx-charts/1` dataset and drawn through the same path as every chart.
//!
//! Text → [`table`] (cells) → [`columns`] (what each holds) → [`compile`] (each row read by
//! [`cell`] and [`names`]; a wide table, one column per year, by [`wide`]; written as JSON,
//! checked by the loader, problems placed at cells) →
//! the dataset → [`crate::view::build`]. [`import`] goes back from a dataset to a table,
//! [`store`] keeps a draft across reloads, [`fragment`] carries a dataset in a `#d=` link.

pub mod cell;
pub mod columns;
pub mod compile;
pub mod draft;
pub mod fragment;
pub mod import;
pub mod json_out;
pub mod money;
pub mod names;
pub mod number;
pub mod store;
pub mod table;
pub mod wide;
pub mod words;

pub use compile::{compile, Compiled, Field, Issue, IssueKind, Place};
pub use draft::Draft;

use crate::explore::Selection;
use crate::model::Dataset;

/// The explorer query that shows an editor's dataset: its metric and unit, every area in it
/// (or the default when it has none), by sector when some figures have one, else as lines when
/// an area has figures of several dates (a wide table's years).
pub fn query(ds: &Dataset) -> Vec<(String, String)> {
    let Some(first) = ds.observations.first() else { return Vec::new() };
    let metric = crate::explore::url::metric_key(first.metric, first.unit);
    let mut codes: Vec<&str> = Vec::new();
    for o in &ds.observations {
        if !codes.contains(&o.area.as_str()) {
            codes.push(&o.area);
        }
    }
    let mut q = vec![("m".to_string(), metric), ("a".to_string(), codes.join(","))];
    if ds.observations.iter().any(|o| o.sector.is_some()) {
        q.push(("by".into(), "sector".into()));
    } else if ds.observations.iter().enumerate().any(|(i, o)| ds.observations[..i].iter().any(|p| p.area == o.area && p.date != o.date)) {
        q.push(("c".into(), "line".into()));
    }
    q
}

/// The selection [`query`] stands for.
pub fn selection(ds: &Dataset) -> Selection {
    crate::explore::url::from_query(&query(ds), ds).0
}
