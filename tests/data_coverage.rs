//! What the bundled dataset covers: it loads with no problem, most current provinces have a recent
//! count of cooperatives, the notes a reader must see are there (and no false one), and the summary
//! in README.md is the one scripts/data_summary.py prints for this file.

use htx_charts::i18n::Lang;
use htx_charts::load::NoteKind;
use htx_charts::model::{Dataset, Level, Metric, Observation, Unit, Value};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// Current provinces that must have a count of cooperatives dated 2023 or later.
const MIN_COVERED: usize = 29;
const FIRST_YEAR: u16 = 2023;

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn text() -> String {
    std::fs::read_to_string(path("public/data/htx.json")).expect("read public/data/htx.json")
}

fn dataset() -> Dataset {
    htx_charts::load::load(&text(), "data/htx.json").expect("public/data/htx.json loads")
}

/// A count of cooperatives in the coverage sense: all cooperatives or the operating ones, no sector.
fn is_count(o: &Observation) -> bool {
    matches!(o.metric, Metric::Cooperatives | Metric::CooperativesOperating) && o.sector.is_none()
}

/// The current provinces covered: by a count of their own dated 2023 or later, or, where they have
/// none, by one of a former province that merged into them. Also the ones not covered.
fn coverage(ds: &Dataset) -> (Vec<String>, Vec<String>) {
    let recent = |code: &str| ds.observations.iter().any(|o| o.area == code && is_count(o) && o.date.year() >= FIRST_YEAR);
    let (mut covered, mut missing) = (Vec::new(), Vec::new());
    for p in ds.areas.iter().filter(|a| a.level == Level::Province) {
        let former = ds.areas.iter().filter(|a| a.level == Level::FormerProvince && a.part_of.as_deref() == Some(p.code.as_str()));
        let label = format!("{} {}", p.code, p.short_name());
        if recent(&p.code) || former.into_iter().any(|f| recent(&f.code)) {
            covered.push(label);
        } else {
            missing.push(label);
        }
    }
    (covered, missing)
}

#[test]
fn the_bundled_file_loads_with_no_problem() {
    let ds = dataset();
    let problems: Vec<String> = ds.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert!(problems.is_empty(), "problems in public/data/htx.json: {problems:#?}");
    let raw: Json = serde_json::from_str(&text()).unwrap();
    assert_eq!(ds.sources.len(), raw["sources"].as_array().unwrap().len(), "every source is valid");
    assert_eq!(ds.areas.len(), raw["areas"].as_array().unwrap().len(), "every area is valid");
    assert_eq!(ds.observations.len(), raw["observations"].as_array().unwrap().len(), "every observation is valid");
}

#[test]
fn every_field_of_the_file_is_one_the_schema_declares() {
    let schema: Json = serde_json::from_str(&std::fs::read_to_string(path("public/data/htx.schema.json")).unwrap()).unwrap();
    let raw: Json = serde_json::from_str(&text()).unwrap();
    for (section, def) in [("sources", "source"), ("areas", "area"), ("observations", "observation")] {
        let declared: BTreeSet<&str> = schema["$defs"][def]["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let required: Vec<&str> = schema["$defs"][def]["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        for (i, record) in raw[section].as_array().unwrap().iter().enumerate() {
            let record = record.as_object().unwrap_or_else(|| panic!("{section}[{i}] is not an object"));
            for key in record.keys() {
                assert!(declared.contains(key.as_str()), "{section}[{i}].{key} is not in the schema's {def}");
            }
            for key in &required {
                assert!(record.contains_key(*key), "{section}[{i}] lacks {key}");
            }
        }
    }
}

#[test]
fn most_current_provinces_have_a_count_dated_2023_or_later() {
    let ds = dataset();
    let (covered, missing) = coverage(&ds);
    assert_eq!(covered.len() + missing.len(), 34);
    assert!(
        covered.len() >= MIN_COVERED,
        "{} of 34 current provinces covered, {MIN_COVERED} wanted; without a count dated {FIRST_YEAR} or later: {missing:?}",
        covered.len()
    );
}

#[test]
fn son_la_city_planned_tasks_do_not_add_up() {
    let ds = dataset();
    let notes: Vec<_> = ds.notes.iter().filter(|n| n.area == "C14-SONLA" && n.metric == Metric::PlannedTasks).collect();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    let n = notes[0];
    assert_eq!(n.kind, NoteKind::PartsVsTotal { parts: 34.0, total: 38.0, unit: Unit::Tasks });
    assert_eq!(n.records.len(), 6, "the total first, then the five listed parts");
    let total = ds.observation(n.records[0]).unwrap();
    assert_eq!(total.value, Value::Point(38.0));
    assert!(total.quote.as_deref().is_some_and(|q| q.contains("38 nhiệm vụ chi tiết")));
    // the five focus tasks are a total of their own, with no parts: no note on them
    let focus = ds.observations.iter().find(|o| o.area == "C14-SONLA" && o.metric == Metric::PlannedTasks && o.value == Value::Point(5.0) && o.scope.as_deref().is_some_and(|s| s.contains("trọng tâm")));
    let focus = focus.expect("05 nhiệm vụ trọng tâm");
    assert!(ds.notes_for(focus.record).next().is_none());
    assert!(n.describe(&ds, Lang::Vi).contains("34") && n.describe(&ds, Lang::Vi).contains("38"));
}

#[test]
fn hoa_binh_end_2022_has_no_parts_vs_total_note() {
    let ds = dataset();
    let false_notes: Vec<_> = ds
        .notes
        .iter()
        .filter(|n| n.area == "F17" && n.date.year() == 2022 && matches!(n.kind, NoteKind::PartsVsTotal { .. }))
        .collect();
    assert!(false_notes.is_empty(), "{false_notes:#?}");
    // the 485 cooperatives and, beside them, the 4 people's credit funds
    let at = |m: Metric| ds.observations.iter().find(|o| o.area == "F17" && o.date.to_string() == "2022-12" && o.metric == m && o.sector.is_none());
    assert_eq!(at(Metric::Cooperatives).map(|o| o.value), Some(Value::Point(485.0)));
    let funds = at(Metric::CreditFunds).expect("the 4 QTDND");
    assert_eq!((funds.value, funds.unit), (Value::Point(4.0), Unit::Funds));
}

#[test]
fn readme_summary_is_what_the_script_prints() {
    let out = match Command::new("python3").arg(path("scripts/data_summary.py")).output() {
        Ok(out) => out,
        Err(e) => panic!("this test runs `python3 scripts/data_summary.py`, and python3 could not be started ({e}); install python3 3.10 or newer"),
    };
    assert!(out.status.success(), "scripts/data_summary.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).expect("UTF-8 output");
    let readme = std::fs::read_to_string(path("README.md")).unwrap();
    let (start, end) = ("<!-- data-summary:start -->\n", "<!-- data-summary:end -->");
    let from = readme.find(start).expect("README.md has <!-- data-summary:start -->") + start.len();
    let to = readme[from..].find(end).expect("README.md has <!-- data-summary:end --> after the start") + from;
    assert_eq!(
        &readme[from..to],
        printed,
        "README.md's data summary is out of date: run `python3 scripts/data_summary.py --readme`"
    );
    // the script applies the same coverage rule as this test
    let (covered, missing) = coverage(&dataset());
    assert!(printed.contains(&format!(": {} of 34", covered.len())), "{printed}");
    for m in &missing {
        assert!(printed.contains(m.as_str()), "{m} missing from: {printed}");
    }
}

/// The `part` field (a named part of a total that is not a sector), on a small file.
#[test]
fn named_parts_are_checked_against_the_total_of_the_same_scope() {
    let obs = |value: u32, scope: &str, part: Option<&str>, sector: Option<&str>| {
        let mut o = serde_json::json!({
            "area": "C14-X", "date": "2024", "metric": "planned_tasks", "value": value, "qualifier": "exact",
            "unit": "tasks", "source": "s", "scope": scope,
        });
        if let Some(p) = part {
            o["part"] = p.into();
        }
        if let Some(s) = sector {
            o["sector"] = s.into();
        }
        o
    };
    let file = |observations: Vec<Json>| {
        serde_json::json!({
            "format": "htx-charts/1", "title": "t",
            "sources": [{ "id": "s", "publisher": "p", "title": "t" }],
            "areas": [{ "code": "C14-X", "name": "X", "level": "city" }],
            "observations": observations,
        })
        .to_string()
    };
    // two totals of one area, metric, date and source: the parts are checked against the one of their scope
    let text = file(vec![
        obs(5, "trọng tâm", None, None),
        obs(10, "chi tiết", None, None),
        obs(4, "chi tiết", Some("a"), None),
        obs(5, "chi tiết", Some("b"), None),
    ]);
    let ds = htx_charts::load::load(&text, "t").unwrap();
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
    assert_eq!(ds.notes.len(), 1, "{:?}", ds.notes);
    assert_eq!(ds.notes[0].kind, NoteKind::PartsVsTotal { parts: 9.0, total: 10.0, unit: Unit::Tasks });
    assert_eq!(ds.notes[0].records, vec![1, 2, 3]);
    // parts that add up: no note
    let text = file(vec![obs(9, "chi tiết", None, None), obs(4, "chi tiết", Some("a"), None), obs(5, "chi tiết", Some("b"), None)]);
    assert!(htx_charts::load::load(&text, "t").unwrap().notes.is_empty());
    // `part` with a sector is a problem, and that record is left out
    let text = file(vec![obs(9, "chi tiết", None, None), obs(4, "chi tiết", Some("a"), Some("credit"))]);
    let ds = htx_charts::load::load(&text, "t").unwrap();
    assert_eq!(ds.problems.len(), 1);
    assert_eq!(ds.problems[0].location(), "observations[1].part");
    assert_eq!(ds.observations.len(), 1);
}
