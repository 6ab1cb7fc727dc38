//! A big generated dataset (scripts/make-big-dataset.py, 5,000 observations over 300 communes)
//! loads with no problem and no note, whichever order its top-level keys come in; a long chart
//! draws at most its first rows (the rest are in its table) and stays within a canvas's height.
//! The script needs python3: without it these tests fail (they are not skipped).

mod common;

use common::root;
use htx_charts::chart::{self, Theme};
use htx_charts::explore::{ChartKind, Selection};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Level, Metric};
use htx_charts::view::{self, layout::MAX_ROWS};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

const N: usize = 5_000;
const COMMUNES: usize = 300;

/// Runs the generator into target/tmp and returns the file's text.
fn generate(n: usize, communes: usize, name: &str) -> String {
    let out: PathBuf = root("target/tmp").join(name);
    let script = root("scripts/make-big-dataset.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(n.to_string())
        .arg(&out)
        .args(["--communes", &communes.to_string()])
        .status()
        .unwrap_or_else(|e| panic!("python3 is needed to run {} (these tests are not skipped without it): {e}", script.display()));
    assert!(status.success(), "{} failed: {status}", script.display());
    std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("read {}: {e}", out.display()))
}

fn text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| generate(N, COMMUNES, "big-5000.json"))
}

fn big() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| htx_charts::load::load(text(), "data/big.json").expect("the generated file loads"))
}

#[test]
fn loads_with_no_problem() {
    let ds = big();
    let problems: Vec<String> = ds.problems.iter().take(10).map(|p| p.describe(Lang::En)).collect();
    assert!(problems.is_empty(), "{} problems, first: {problems:#?}", ds.problems.len());
    assert!(ds.notes.is_empty(), "{} consistency notes", ds.notes.len());
    assert_eq!(ds.observations.len(), N);
    assert_eq!(ds.areas.iter().filter(|a| a.level == Level::City).count(), COMMUNES);
    assert_eq!(ds.areas.iter().filter(|a| a.level == Level::Province).count(), 34);
    assert!(ds.updated.is_some());
    // every commune is part of a current province
    for a in ds.areas.iter().filter(|a| a.level == Level::City) {
        let p = a.part_of.as_deref().and_then(|p| ds.area(p)).unwrap_or_else(|| panic!("{} has no province", a.code));
        assert_eq!(p.level, Level::Province);
        assert!(a.code.starts_with(&format!("C{}-X", &p.code[1..])), "{}", a.code);
    }
    let metrics: std::collections::BTreeSet<Metric> = ds.observations.iter().map(|o| o.metric).collect();
    assert_eq!(metrics.into_iter().collect::<Vec<_>>(), [Metric::Cooperatives, Metric::CharterCapital, Metric::Members]);
    let years: std::collections::BTreeSet<u16> = ds.observations.iter().map(|o| o.date.year()).collect();
    assert_eq!((years.first(), years.last()), (Some(&2015), Some(&2025)));
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(generate(300, 50, "big-300-a.json"), generate(300, 50, "big-300-b.json"));
}

#[test]
fn key_order_does_not_change_what_loads() {
    // serde_json writes keys sorted: `observations` before `sources` and `updated`, so the loader
    // reads the file whole before checking it, instead of as it parses
    let json: serde_json::Value = serde_json::from_str(text()).unwrap();
    let sorted = serde_json::to_string(&json).unwrap();
    assert!(sorted.find("\"observations\"") < sorted.find("\"sources\""));
    let other = htx_charts::load::load(&sorted, "data/big.json").unwrap();
    common::assert_same_load(&other, big());
}

#[test]
fn observations_are_found_by_record() {
    let ds = big();
    for o in ds.observations.iter().step_by(97) {
        assert_eq!(ds.observation(o.record).map(|f| f.record), Some(o.record));
    }
    assert!(ds.observation(N + 5).is_none());
    // a list put in another order is still searched
    let mut shuffled = ds.clone();
    shuffled.observations.reverse();
    assert_eq!(shuffled.observation(17).map(|o| o.record), Some(17));
}

#[test]
fn counts_are_found_by_area() {
    let ds = big();
    let area = &ds.observations[0].area;
    let expected: Vec<usize> = ds
        .observations
        .iter()
        .filter(|o| o.area == *area && o.metric == Metric::Cooperatives && o.sector.is_none() && o.rating.is_none())
        .map(|o| o.record)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(ds.counts_of(area).iter().map(|o| o.record).collect::<Vec<_>>(), expected);
    // after the list changes, the answer follows it
    let mut fewer = ds.clone();
    fewer.observations.retain(|o| o.record != expected[0]);
    assert_eq!(fewer.counts_of(area).iter().map(|o| o.record).collect::<Vec<_>>(), expected[1..]);
}

#[test]
fn a_long_chart_draws_its_first_rows() {
    let ds = big();
    let v = view::build(ds, &Selection::default(), Lang::Vi);
    assert!(v.figures.len() <= MAX_ROWS, "{} bars", v.figures.len());
    assert_eq!(v.figures.len(), MAX_ROWS);
    // every commune has a count: the others are in the table
    assert_eq!(v.figures.len() + v.rest.len(), COMMUNES);
    // per cooperative: members ÷ the count of the same commune and date
    let (sel, notices) = htx_charts::explore::from_query(&htx_charts::deck::from_query("m=members&mode=per_coop"), ds);
    assert!(notices.is_empty(), "{notices:?}");
    let v = view::build(ds, &sel, Lang::En);
    assert!(v.figures.len() <= MAX_ROWS);
    assert!(v.figures.iter().all(|f| f.formula.is_some()));
}

#[test]
fn every_chart_kind_fits_a_canvas() {
    let ds = big();
    let theme = Theme::default();
    for &kind in ChartKind::ALL {
        for by_sector in [false, true] {
            let sel = Selection { chart: kind, by_sector, ..Selection::default() };
            let v = view::build(ds, &sel, Lang::Vi);
            for width in [360.0, 1280.0] {
                let h = chart::preferred_height(&v.spec, width, &theme);
                assert!(h.is_finite() && h > 0.0 && h < 16384.0, "{kind:?} (by sector: {by_sector}) at {width}px: {h}px high");
            }
        }
    }
}
