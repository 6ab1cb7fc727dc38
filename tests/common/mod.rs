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
