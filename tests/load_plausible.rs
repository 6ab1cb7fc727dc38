//! Plausibility checks on load: exact repeats, dates after the file's `updated` date, values
//! beyond any plausible size, implausibly wide ranges, `part_of` cycles. Each is a problem naming
//! its record and field (in Vietnamese and English), and the record is left out. Also: the size
//! limit's message, and that the order of the top-level keys does not change what loads.

use htx_charts::i18n::Lang;
use htx_charts::load::{self, LoadError, Problem, ProblemKind, Section};
use htx_charts::model::{Dataset, Unit};
use serde_json::{json, Value as Json};

/// A small valid dataset, updated 2024-06-30.
fn fixture() -> Json {
    json!({
        "format": "htx-charts/1",
        "title": "Test",
        "updated": "2024-06-30",
        "sources": [
            { "id": "s1", "publisher": "Báo A", "title": "Bài A" },
            { "id": "s2", "publisher": "Báo B", "title": "Bài B" }
        ],
        "areas": [
            { "code": "VN", "name": "Việt Nam", "level": "country" },
            { "code": "P20", "name": "Tỉnh Lạng Sơn", "short": "Lạng Sơn", "level": "province" }
        ],
        "observations": [
            { "area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s1" },
            { "area": "VN", "date": "2023", "metric": "members", "value": 8100000, "qualifier": "about", "unit": "persons", "source": "s2" }
        ]
    })
}

fn load_json(j: &Json) -> Dataset {
    load::load(&j.to_string(), "test").expect("the file itself is valid")
}

/// The fixture with `obs` appended to its observations (from index 2 on).
fn with_obs(obs: &[Json]) -> Dataset {
    let mut j = fixture();
    j["observations"].as_array_mut().unwrap().extend(obs.iter().cloned());
    load_json(&j)
}

fn obs(value: Json, metric: &str, unit: &str) -> Json {
    json!({ "area": "P20", "date": "2023", "metric": metric, "value": value, "qualifier": "exact", "unit": unit, "source": "s1" })
}

/// The only problem; its location is `location` and both wordings name it.
fn only_problem<'a>(ds: &'a Dataset, location: &str) -> &'a Problem {
    let all: Vec<String> = ds.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert_eq!(ds.problems.len(), 1, "expected one problem at {location}, got {all:#?}");
    let p = &ds.problems[0];
    assert_eq!(p.location(), location);
    for lang in [Lang::Vi, Lang::En] {
        assert!(p.describe(lang).contains(location), "{}", p.describe(lang));
    }
    p
}

fn records(ds: &Dataset) -> Vec<usize> {
    ds.observations.iter().map(|o| o.record).collect()
}

#[test]
fn fixture_is_valid() {
    let ds = load_json(&fixture());
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
    assert_eq!(records(&ds), [0, 1]);
}

#[test]
fn exact_repeat_is_left_out_and_names_the_first() {
    let first = fixture()["observations"][0].clone();
    let ds = with_obs(std::slice::from_ref(&first));
    let p = only_problem(&ds, "observations[2]");
    assert_eq!((p.section, p.index, p.field.as_deref()), (Section::Observations, 2, None));
    assert_eq!(p.kind, ProblemKind::DuplicateOf(0));
    assert_eq!(p.describe(Lang::Vi), "bản ghi observations[2]: bản ghi trùng với bản ghi #0 (observations[0])");
    assert_eq!(p.describe(Lang::En), "record observations[2]: same record as #0 (observations[0])");
    assert_eq!(records(&ds), [0, 1]);

    // a third copy names the first too; qualifier, quote and note are not compared
    let mut other_words = first.clone();
    other_words["qualifier"] = json!("about");
    other_words["quote"] = json!("…có 478 HTX…");
    let ds = with_obs(&[first.clone(), other_words]);
    let kinds: Vec<(usize, ProblemKind)> = ds.problems.iter().map(|p| (p.index, p.kind.clone())).collect();
    assert_eq!(kinds, [(2, ProblemKind::DuplicateOf(0)), (3, ProblemKind::DuplicateOf(0))]);
    assert_eq!(records(&ds), [0, 1]);
}

#[test]
fn figures_that_differ_are_not_repeats() {
    let first = fixture()["observations"][0].clone();
    let mut variants = Vec::new();
    for (field, value) in [
        ("value", json!(479)),
        ("date", json!("2023-12")),
        ("source", json!("s2")),
        ("scope", json!("HTX đang hoạt động")),
        ("area", json!("VN")),
    ] {
        let mut o = first.clone();
        o[field] = value;
        variants.push(o);
    }
    // two listed parts of one total with the same value (4 + 4) are two figures
    let part = |name: &str| json!({ "area": "P20", "date": "2024", "metric": "planned_tasks", "part": name, "value": 4, "qualifier": "exact", "unit": "tasks", "source": "s1" });
    variants.push(part("nhóm 1"));
    variants.push(part("nhóm 4"));
    // a range and a point with the same high end
    let mut range = first.clone();
    range["value"] = json!({ "low": 400, "high": 478 });
    variants.push(range);
    let ds = with_obs(&variants);
    assert!(ds.problems.is_empty(), "{:?}", ds.problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>());
    assert_eq!(ds.observations.len(), 2 + variants.len());
}

#[test]
fn dates_after_the_updated_date() {
    let dated = |d: &str| {
        let mut o = fixture()["observations"][0].clone();
        o["date"] = json!(d);
        o
    };
    // the year under way, the day itself and periods ending by then are fine
    let ds = with_obs(&[dated("2024"), dated("2024-06"), dated("2024-06-30"), dated("2023-07/2024-06")]);
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);

    let ds = with_obs(&[dated("2024-07")]);
    let p = only_problem(&ds, "observations[2].date");
    assert_eq!(p.kind, ProblemKind::AfterUpdated { date: "2024-07".into(), updated: "2024-06-30".into() });
    assert_eq!(p.describe(Lang::Vi), "bản ghi observations[2].date: ngày “2024-07” muộn hơn ngày cập nhật của tệp (2024-06-30)");
    assert_eq!(p.describe(Lang::En), "record observations[2].date: date “2024-07” is after the file's updated date (2024-06-30)");
    assert_eq!(records(&ds), [0, 1]);

    for late in ["2025", "2024-07-01", "2024-01/2024-07"] {
        let ds = with_obs(&[dated(late)]);
        assert_eq!(only_problem(&ds, "observations[2].date").kind, ProblemKind::AfterUpdated { date: late.into(), updated: "2024-06-30".into() });
    }

    // no `updated`, or one that is not a date: nothing to check against
    for updated in [Json::Null, json!("30/6/2024")] {
        let mut j = fixture();
        j["updated"] = updated;
        j["observations"].as_array_mut().unwrap().push(dated("2030"));
        assert!(load_json(&j).problems.is_empty());
    }
}

#[test]
fn values_beyond_any_plausible_size() {
    // at the cap: fine
    let ds = with_obs(&[
        obs(json!(1_000_000), "cooperatives", "cooperatives"),
        obs(json!(120_000_000), "members", "persons"),
        obs(json!(1e16), "charter_capital", "vnd"),
        obs(json!(1e10), "income_per_member", "vnd_per_month"),
        obs(json!(1.2e11), "income_per_member", "vnd_per_year"),
        obs(json!(10_000_000), "alliance_member_enterprises", "enterprises"),
        obs(json!(1_000_000), "cooperative_groups", "groups"),
    ]);
    assert!(ds.problems.is_empty(), "{:?}", ds.problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>());

    // more cooperatives in one province than Vietnam has people
    let ds = with_obs(&[obs(json!(200_000_000), "cooperatives", "cooperatives")]);
    let p = only_problem(&ds, "observations[2].value");
    assert_eq!(p.kind, ProblemKind::Implausible { max: 1e6, unit: Unit::Cooperatives });
    assert_eq!(p.describe(Lang::Vi), "bản ghi observations[2].value: giá trị lớn quá mức có thể có (tối đa 1.000.000 HTX)");
    assert_eq!(p.describe(Lang::En), "record observations[2].value: value beyond any plausible size (at most 1,000,000 cooperatives)");
    assert_eq!(records(&ds), [0, 1]);

    for (value, metric, unit, max, u) in [
        (json!(120_000_001), "members", "persons", 120e6, Unit::Persons),
        (json!(1.0000001e16), "revenue", "vnd", 1e16, Unit::Vnd),
        (json!(1e10 + 1.0), "income_per_worker", "vnd_per_month", 1e10, Unit::VndPerMonth),
        (json!(1_000_001), "unions", "unions", 1e6, Unit::Unions),
        (json!({ "low": 900_000, "high": 1_000_001 }), "cooperatives", "cooperatives", 1e6, Unit::Cooperatives),
    ] {
        let ds = with_obs(&[obs(value, metric, unit)]);
        assert_eq!(only_problem(&ds, "observations[2].value").kind, ProblemKind::Implausible { max, unit: u }, "{metric}");
    }
    let money = with_obs(&[obs(json!(2e16), "revenue", "vnd")]);
    assert!(money.problems[0].describe(Lang::Vi).contains("tối đa 10.000 nghìn tỷ đồng"), "{}", money.problems[0].describe(Lang::Vi));
}

#[test]
fn ranges_wider_than_ten_times_their_low_end() {
    let ranged = |low: f64, high: f64| obs(json!({ "low": low, "high": high }), "members", "persons");
    let ds = with_obs(&[ranged(10.0, 100.0), ranged(0.0, 0.0), ranged(3800.0, 5500.0)]);
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);

    let ds = with_obs(&[ranged(10.0, 101.0)]);
    let p = only_problem(&ds, "observations[2].value");
    assert_eq!(p.kind, ProblemKind::RangeTooWide);
    assert_eq!(p.describe(Lang::Vi), "bản ghi observations[2].value: khoảng quá rộng: cận trên lớn hơn 10 lần cận dưới");
    assert_eq!(p.describe(Lang::En), "record observations[2].value: range too wide: high end more than 10 times the low end");
    assert_eq!(records(&ds), [0, 1]);

    // from nothing up to a number
    let ds = with_obs(&[ranged(0.0, 5.0)]);
    assert_eq!(only_problem(&ds, "observations[2].value").kind, ProblemKind::RangeTooWide);
    assert_eq!(load::RANGE_FACTOR, 10.0);
}

#[test]
fn part_of_cycles() {
    let mut j = fixture();
    let areas = j["areas"].as_array_mut().unwrap();
    areas.extend([
        json!({ "code": "CA", "name": "A", "level": "city", "part_of": "CB" }), // 2
        json!({ "code": "CB", "name": "B", "level": "city", "part_of": "CA" }), // 3
        json!({ "code": "X1", "name": "X1", "level": "city", "part_of": "X2" }), // 4
        json!({ "code": "X2", "name": "X2", "level": "city", "part_of": "X3" }), // 5
        json!({ "code": "X3", "name": "X3", "level": "city", "part_of": "X1" }), // 6
        json!({ "code": "IN", "name": "In", "level": "city", "part_of": "P20" }), // 7: not on a cycle
    ]);
    j["observations"].as_array_mut().unwrap().push(json!({ "area": "CA", "date": "2023", "metric": "cooperatives", "value": 3, "qualifier": "exact", "unit": "cooperatives", "source": "s1" }));
    let ds = load_json(&j);
    let found: Vec<(String, ProblemKind)> = ds.problems.iter().map(|p| (p.location(), p.kind.clone())).collect();
    assert_eq!(
        found,
        [
            ("areas[2].part_of".to_string(), ProblemKind::PartOfCycle("CA → CB → CA".into())),
            ("areas[3].part_of".to_string(), ProblemKind::PartOfCycle("CB → CA → CB".into())),
            ("areas[4].part_of".to_string(), ProblemKind::PartOfCycle("X1 → X2 → X3 → X1".into())),
            ("areas[5].part_of".to_string(), ProblemKind::PartOfCycle("X2 → X3 → X1 → X2".into())),
            ("areas[6].part_of".to_string(), ProblemKind::PartOfCycle("X3 → X1 → X2 → X3".into())),
            ("observations[2].area".to_string(), ProblemKind::UnknownReference("CA".into())),
        ]
    );
    assert_eq!(ds.problems[0].describe(Lang::Vi), "bản ghi areas[2].part_of: part_of tạo thành vòng lặp: CA → CB → CA");
    assert_eq!(ds.problems[0].describe(Lang::En), "record areas[2].part_of: part_of forms a cycle: CA → CB → CA");
    let codes: Vec<&str> = ds.areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["VN", "P20", "IN"]);
    assert_eq!(records(&ds), [0, 1]);
}

#[test]
fn too_large_names_the_limit() {
    assert_eq!(load::MAX_BYTES, 32 * 1024 * 1024);
    let e = LoadError::TooLarge(40_123_456);
    assert_eq!(e.message(Lang::Vi), "tệp dữ liệu quá lớn (40.123.456 byte; giới hạn 32 MB)");
    assert_eq!(e.message(Lang::En), "data file too large (40,123,456 bytes; limit 32 MB)");
    assert_eq!(e.to_string(), e.message(Lang::Vi));
}

/// Problems, observations and notes of a load, to compare two loads.
fn outcome(ds: &Dataset) -> (Vec<String>, Vec<htx_charts::model::Observation>, Vec<htx_charts::model::ConsistencyNote>, usize, usize) {
    (ds.problems.iter().map(|p| p.describe(Lang::En)).collect(), ds.observations.clone(), ds.notes.clone(), ds.areas.len(), ds.sources.len())
}

#[test]
fn key_order_does_not_change_what_loads() {
    // observations read as the file is parsed (sources and areas first) or after (observations
    // first, `updated` last, a key given twice): the same dataset
    let mut extra = vec![
        fixture()["observations"][0].clone(),
        obs(json!(2e6), "cooperatives", "cooperatives"),
        obs(json!({ "low": 1, "high": 50 }), "members", "persons"),
        json!("not an object"),
        json!({ "area": "P20", "date": "2025", "metric": "cooperatives", "value": 1, "qualifier": "exact", "unit": "cooperatives", "source": "s1", "extra": 1, "extra": 2 }),
        json!({ "area": "P20", "date": "2023", "metric": "cooperatives", "sector": "agriculture", "value": 400, "qualifier": "exact", "unit": "cooperatives", "source": "s1" }),
    ];
    extra.push(json!({ "area": "P20", "date": "2023", "metric": "cooperatives", "sector": "credit", "value": 5, "qualifier": "exact", "unit": "cooperatives", "source": "s1" }));
    let mut j = fixture();
    j["observations"].as_array_mut().unwrap().extend(extra);
    let base = load_json(&j);
    assert_eq!(base.problems.len(), 6, "{:#?}", outcome(&base).0);
    assert_eq!(base.notes.len(), 1);

    let o = j.as_object().unwrap();
    let field = |k: &str| format!("{}: {}", serde_json::to_string(k).unwrap(), o[k]);
    let texts = [
        // the order this project writes
        format!("{{{}}}", ["format", "title", "updated", "sources", "areas", "observations"].map(field).join(", ")),
        // observations first
        format!("{{{}}}", ["observations", "format", "title", "updated", "sources", "areas"].map(field).join(", ")),
        // `updated` after the observations
        format!("{{{}}}", ["format", "title", "sources", "areas", "observations", "updated"].map(field).join(", ")),
        // areas given twice: the last one counts
        format!("{{{}, \"areas\": [], {}}}", ["format", "title", "updated", "sources"].map(field).join(", "), ["areas", "observations"].map(field).join(", ")),
        format!("{{{}, {}, \"areas\": {}}}", ["format", "title", "updated", "sources", "areas"].map(field).join(", "), field("observations"), o["areas"]),
    ];
    for text in &texts {
        let ds = load::load(text, "test").unwrap();
        assert_eq!(outcome(&ds), outcome(&base), "{text}");
    }
    // a second `observations` replaces the first
    let text = format!("{{{}, \"observations\": [], {}}}", ["format", "title", "updated", "sources", "areas"].map(field).join(", "), field("observations"));
    assert_eq!(outcome(&load::load(&text, "test").unwrap()), outcome(&base));
    let text = format!("{{{}, {}, \"observations\": []}}", ["format", "title", "updated", "sources", "areas"].map(field).join(", "), field("observations"));
    let empty = load::load(&text, "test").unwrap();
    assert!(empty.observations.is_empty() && empty.notes.is_empty());
}
