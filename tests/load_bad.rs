//! Bad records are left out and reported with their section, index and field; the rest still
//! load. Whole-file errors are `LoadError`s. Consistency notes on parts and rating shares.

use htx_charts::i18n::Lang;
use htx_charts::load::{self, LoadError, NoteKind, Problem, ProblemKind, Section};
use htx_charts::model::{Dataset, Unit};
use serde_json::{json, Value as Json};

/// A small valid dataset: 2 sources, 3 areas, 3 observations.
fn fixture() -> Json {
    json!({
        "format": "htx-charts/1",
        "title": "Test",
        "sources": [
            { "id": "s1", "publisher": "Báo A", "title": "Bài A", "url": "https://a.example/1", "published": "2023-11" },
            { "id": "s2", "publisher": "Báo B", "title": "Bài B" }
        ],
        "areas": [
            { "code": "VN", "name": "Việt Nam", "level": "country" },
            { "code": "P20", "name": "Tỉnh Lạng Sơn", "short": "Lạng Sơn", "level": "province", "official_code": "20" },
            { "code": "F24", "name": "Tỉnh Bắc Giang", "short": "Bắc Giang", "level": "former_province", "official_code": "24", "part_of": "P20" }
        ],
        "observations": [
            { "area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s1" },
            { "area": "F24", "date": "2019-12", "metric": "members", "value": 5752, "qualifier": "exact", "unit": "persons", "source": "s2" },
            { "area": "VN", "date": "2024-12", "metric": "cooperatives", "value": 33335, "qualifier": "exact", "unit": "cooperatives", "source": "s1" }
        ]
    })
}

/// A good observation to edit into a bad one.
fn good_obs() -> Json {
    json!({ "area": "P20", "date": "2023", "metric": "cooperatives", "value": 10, "qualifier": "exact", "unit": "cooperatives", "source": "s1" })
}

fn load_json(j: &Json) -> Dataset {
    load::load(&j.to_string(), "test").expect("the file itself is valid")
}

/// Loads the fixture with `bad` inserted at `section[index]`.
fn load_with(section: &str, index: usize, bad: Json) -> Dataset {
    let mut j = fixture();
    j[section].as_array_mut().unwrap().insert(index, bad);
    load_json(&j)
}

/// Loads the fixture with `edit` applied to a good observation inserted at observations[1].
fn load_bad_obs(edit: impl FnOnce(&mut Json)) -> Dataset {
    let mut o = good_obs();
    edit(&mut o);
    load_with("observations", 1, o)
}

/// The dataset has exactly one problem, at `location`; returns it.
fn only_problem<'a>(ds: &'a Dataset, location: &str) -> &'a Problem {
    let all: Vec<String> = ds.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert_eq!(ds.problems.len(), 1, "expected one problem at {location}, got {all:#?}");
    let p = &ds.problems[0];
    assert_eq!(p.location(), location);
    assert!(!p.describe(Lang::Vi).is_empty());
    assert!(!p.describe(Lang::En).is_empty());
    assert!(p.describe(Lang::Vi).contains(location), "{}", p.describe(Lang::Vi));
    p
}

/// observations[1] was left out and the three good ones (now 0, 2, 3) loaded.
fn assert_obs_1_left_out(ds: &Dataset) {
    let records: Vec<usize> = ds.observations.iter().map(|o| o.record).collect();
    assert_eq!(records, vec![0, 2, 3]);
    assert_eq!(ds.sources.len(), 2);
    assert_eq!(ds.areas.len(), 3);
}

fn obs_case(edit: impl FnOnce(&mut Json), location: &str, section_index: (Section, usize)) -> ProblemKind {
    let ds = load_bad_obs(edit);
    assert_obs_1_left_out(&ds);
    let p = only_problem(&ds, location);
    assert_eq!((p.section, p.index), section_index);
    p.kind.clone()
}

#[test]
fn fixture_is_valid() {
    let ds = load_json(&fixture());
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
    assert_eq!(ds.observations.len(), 3);
    let ds = load_bad_obs(|_| {});
    assert!(ds.problems.is_empty());
    assert_eq!(ds.observations.len(), 4);
}

#[test]
fn negative_count() {
    let k = obs_case(|o| o["value"] = json!(-5), "observations[1].value", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::Negative);
}

#[test]
fn negative_range_end() {
    let k = obs_case(|o| o["value"] = json!({ "low": -1, "high": 5 }), "observations[1].value.low", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::Negative);
}

#[test]
fn number_too_large_for_json_fails_the_whole_file() {
    // 1e999 is not representable: serde_json rejects it, so the whole file is a JSON error
    let mut j = fixture();
    j["observations"][0]["value"] = json!(987654321);
    let text = j.to_string().replace("987654321", "1e999");
    match load::load(&text, "test") {
        Err(LoadError::Json { line, column, message }) => {
            assert!(line >= 1 && column >= 1);
            assert!(!message.is_empty());
        }
        other => panic!("expected LoadError::Json, got {other:?}"),
    }
}

#[test]
fn share_over_100() {
    let k = obs_case(
        |o| {
            o["metric"] = json!("rating_share");
            o["rating"] = json!("good");
            o["unit"] = json!("percent");
            o["value"] = json!(120);
        },
        "observations[1].value",
        (Section::Observations, 1),
    );
    assert_eq!(k, ProblemKind::ShareOver100);
}

#[test]
fn share_of_100_is_fine() {
    let ds = load_bad_obs(|o| {
        o["metric"] = json!("rating_share");
        o["rating"] = json!("good");
        o["unit"] = json!("percent");
        o["value"] = json!(100);
    });
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
}

#[test]
fn count_not_whole() {
    let k = obs_case(|o| o["value"] = json!(4.5), "observations[1].value", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::NotWhole);
}

#[test]
fn range_inverted() {
    let k = obs_case(|o| o["value"] = json!({ "low": 9, "high": 3 }), "observations[1].value", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::RangeInverted);
}

#[test]
fn unknown_unit() {
    let k = obs_case(|o| o["unit"] = json!("kg"), "observations[1].unit", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::NotAllowed("kg".into()));
}

#[test]
fn unit_not_allowed_for_metric() {
    let k = obs_case(|o| o["unit"] = json!("persons"), "observations[1].unit", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::UnitNotAllowed { unit: "persons".into(), metric: "cooperatives".into() });
}

#[test]
fn unknown_metric() {
    let k = obs_case(|o| o["metric"] = json!("bananas"), "observations[1].metric", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::NotAllowed("bananas".into()));
}

#[test]
fn unknown_area_code() {
    let k = obs_case(|o| o["area"] = json!("P99"), "observations[1].area", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::UnknownReference("P99".into()));
}

#[test]
fn unknown_source_id() {
    let k = obs_case(|o| o["source"] = json!("s-nope"), "observations[1].source", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::UnknownReference("s-nope".into()));
}

#[test]
fn bad_date() {
    let k = obs_case(|o| o["date"] = json!("2023-13"), "observations[1].date", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::BadDate("2023-13".into()));
}

#[test]
fn rating_share_without_rating() {
    let k = obs_case(
        |o| {
            o["metric"] = json!("rating_share");
            o["unit"] = json!("percent");
            o["value"] = json!(21);
        },
        "observations[1].rating",
        (Section::Observations, 1),
    );
    assert_eq!(k, ProblemKind::Rating);
}

#[test]
fn rating_on_another_metric() {
    let k = obs_case(|o| o["rating"] = json!("good"), "observations[1].rating", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::Rating);
}

#[test]
fn unknown_field() {
    let k = obs_case(|o| o["colour"] = json!("red"), "observations[1].colour", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::UnknownField);
}

#[test]
fn record_that_is_a_string() {
    let ds = load_with("observations", 1, json!("478 HTX"));
    assert_obs_1_left_out(&ds);
    let p = only_problem(&ds, "observations[1]");
    assert_eq!(p.kind, ProblemKind::NotAnObject);
    assert_eq!(p.field, None);
}

#[test]
fn quote_too_long() {
    let k = obs_case(|o| o["quote"] = json!("x".repeat(5000)), "observations[1].quote", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::TooLong(4000));
}

#[test]
fn missing_value() {
    let k = obs_case(|o| drop(o.as_object_mut().unwrap().remove("value")), "observations[1].value", (Section::Observations, 1));
    assert_eq!(k, ProblemKind::Missing);
}

#[test]
fn value_of_wrong_type() {
    let k = obs_case(|o| o["value"] = json!("478"), "observations[1].value", (Section::Observations, 1));
    assert!(matches!(k, ProblemKind::WrongType(_)), "{k:?}");
}

// ---- sources and areas ------------------------------------------------------------------------

#[test]
fn empty_source_publisher() {
    let ds = load_with("sources", 1, json!({ "id": "s3", "publisher": "  ", "title": "Bài C" }));
    let ids: Vec<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["s1", "s2"]);
    assert_eq!(ds.observations.len(), 3);
    let p = only_problem(&ds, "sources[1].publisher");
    assert_eq!((p.section, p.index, p.kind.clone()), (Section::Sources, 1, ProblemKind::Empty));
}

#[test]
fn non_http_source_url() {
    let ds = load_with("sources", 1, json!({ "id": "s3", "publisher": "Báo C", "title": "Bài C", "url": "javascript:alert(1)" }));
    assert!(ds.source("s3").is_none());
    assert_eq!(ds.sources.len(), 2);
    assert_eq!(ds.observations.len(), 3);
    let p = only_problem(&ds, "sources[1].url");
    assert_eq!(p.kind, ProblemKind::BadUrl("javascript:alert(1)".into()));
    // no URL that survives loading is anything but http(s)
    assert!(ds.sources.iter().filter_map(|s| s.url.as_deref()).all(|u| u.starts_with("http://") || u.starts_with("https://")));
}

#[test]
fn bad_source_published_date() {
    let ds = load_with("sources", 1, json!({ "id": "s3", "publisher": "Báo C", "title": "Bài C", "published": "2023-13" }));
    assert_eq!(ds.sources.len(), 2);
    let p = only_problem(&ds, "sources[1].published");
    assert_eq!(p.kind, ProblemKind::BadDate("2023-13".into()));
}

#[test]
fn duplicate_source_id() {
    let mut j = fixture();
    j["sources"].as_array_mut().unwrap().push(json!({ "id": "s1", "publisher": "Báo Z", "title": "Bài Z" }));
    let ds = load_json(&j);
    assert_eq!(ds.sources.len(), 2);
    assert_eq!(ds.source("s1").unwrap().publisher, "Báo A", "the first one is kept");
    let p = only_problem(&ds, "sources[2].id");
    assert_eq!(p.kind, ProblemKind::Duplicate("s1".into()));
}

#[test]
fn duplicate_area_code() {
    let mut j = fixture();
    j["areas"].as_array_mut().unwrap().push(json!({ "code": "P20", "name": "Tỉnh khác", "level": "province" }));
    let ds = load_json(&j);
    assert_eq!(ds.areas.len(), 3);
    assert_eq!(ds.area("P20").unwrap().name, "Tỉnh Lạng Sơn", "the first one is kept");
    assert_eq!(ds.observations.len(), 3, "observations of P20 still load");
    let p = only_problem(&ds, "areas[3].code");
    assert_eq!((p.section, p.index), (Section::Areas, 3));
    assert_eq!(p.kind, ProblemKind::Duplicate("P20".into()));
}

#[test]
fn unknown_area_level() {
    let ds = load_with("areas", 1, json!({ "code": "P01", "name": "Thành phố Hà Nội", "level": "county" }));
    assert_eq!(ds.areas.len(), 3);
    assert!(ds.area("P01").is_none());
    let p = only_problem(&ds, "areas[1].level");
    assert_eq!(p.kind, ProblemKind::NotAllowed("county".into()));
}

#[test]
fn area_part_of_unknown() {
    let ds = load_with("areas", 1, json!({ "code": "F02", "name": "Tỉnh Hà Giang", "level": "former_province", "part_of": "P08" }));
    assert_eq!(ds.areas.len(), 3);
    let p = only_problem(&ds, "areas[1].part_of");
    assert_eq!(p.kind, ProblemKind::UnknownReference("P08".into()));
}

#[test]
fn observation_of_a_left_out_area_is_left_out_too() {
    let mut j = fixture();
    j["areas"].as_array_mut().unwrap().push(json!({ "code": "P01", "name": "", "level": "province" }));
    let mut o = good_obs();
    o["area"] = json!("P01");
    j["observations"].as_array_mut().unwrap().push(o);
    let ds = load_json(&j);
    assert_eq!(ds.observations.len(), 3);
    let locs: Vec<String> = ds.problems.iter().map(Problem::location).collect();
    assert_eq!(locs, vec!["areas[3].name", "observations[3].area"]);
}

#[test]
fn unknown_top_level_field_is_reported_and_the_rest_loads() {
    let mut j = fixture();
    j["extra"] = json!(1);
    let ds = load_json(&j);
    assert_eq!(ds.observations.len(), 3);
    let p = only_problem(&ds, "extra");
    assert_eq!((p.section, p.kind.clone()), (Section::File, ProblemKind::UnknownField));
}

#[test]
fn several_bad_records_each_reported() {
    let mut j = fixture();
    let obs = j["observations"].as_array_mut().unwrap();
    let mut a = good_obs();
    a["value"] = json!(-1);
    let mut b = good_obs();
    b["date"] = json!("2023-13");
    b["unit"] = json!("kg");
    obs.push(a);
    obs.push(b);
    let ds = load_json(&j);
    assert_eq!(ds.observations.len(), 3);
    let locs: Vec<String> = ds.problems.iter().map(Problem::location).collect();
    assert_eq!(locs.len(), 3, "{locs:?}");
    for want in ["observations[3].value", "observations[4].date", "observations[4].unit"] {
        assert!(locs.contains(&want.to_string()), "{want} in {locs:?}");
    }
}

// ---- whole-file errors ------------------------------------------------------------------------

#[test]
fn not_json() {
    match load::load("{ \"format\": \"htx-charts/1\", ", "test") {
        Err(e @ LoadError::Json { .. }) => {
            assert!(!e.message(Lang::Vi).is_empty());
            assert!(e.message(Lang::En).starts_with("invalid JSON"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(load::load("", "test"), Err(LoadError::Json { .. })));
}

#[test]
fn top_level_array() {
    assert!(matches!(load::load("[1, 2, 3]", "test"), Err(LoadError::Format(_))));
}

#[test]
fn wrong_format_tag() {
    let mut j = fixture();
    j["format"] = json!("htx-charts/2");
    assert!(matches!(load::load(&j.to_string(), "test"), Err(LoadError::Format(m)) if m.contains("htx-charts/2")));
    j.as_object_mut().unwrap().remove("format");
    assert!(matches!(load::load(&j.to_string(), "test"), Err(LoadError::Format(_))));
}

#[test]
fn missing_observations_array() {
    let mut j = fixture();
    j.as_object_mut().unwrap().remove("observations");
    assert!(matches!(load::load(&j.to_string(), "test"), Err(LoadError::Format(m)) if m.contains("observations")));
    let mut j = fixture();
    j["observations"] = json!({});
    assert!(matches!(load::load(&j.to_string(), "test"), Err(LoadError::Format(_))));
}

#[test]
fn file_over_max_bytes() {
    let mut text = fixture().to_string();
    let pad = load::MAX_BYTES + 1 - text.len();
    text.push_str(&" ".repeat(pad));
    assert_eq!(text.len(), load::MAX_BYTES + 1);
    assert_eq!(load::load(&text, "test").unwrap_err(), LoadError::TooLarge(load::MAX_BYTES + 1));
    // exactly the limit is read
    text.pop();
    assert!(load::load(&text, "test").is_ok());
}

// ---- consistency notes ------------------------------------------------------------------------

fn with_observations(obs: Vec<Json>) -> Dataset {
    let mut j = fixture();
    j["observations"] = Json::Array(obs);
    load_json(&j)
}

fn coop(value: f64, sector: Option<&str>) -> Json {
    let mut o = good_obs();
    o["value"] = json!(value);
    if let Some(s) = sector {
        o["sector"] = json!(s);
    }
    o
}

fn share(rating: &str, value: f64) -> Json {
    json!({ "area": "F24", "date": "2020", "metric": "rating_share", "rating": rating, "value": value,
            "qualifier": "exact", "unit": "percent", "source": "s2" })
}

#[test]
fn parts_that_do_not_add_up_to_the_total() {
    let ds = with_observations(vec![coop(10.0, None), coop(3.0, Some("agriculture")), coop(4.0, Some("credit"))]);
    assert!(ds.problems.is_empty());
    assert_eq!(ds.notes.len(), 1, "{:?}", ds.notes);
    let n = &ds.notes[0];
    assert_eq!(n.kind, NoteKind::PartsVsTotal { parts: 7.0, total: 10.0, unit: Unit::Cooperatives });
    assert_eq!(n.records, vec![0, 1, 2], "total first, then parts");
    assert_eq!(n.area, "P20");
    let vi = n.describe(&ds, Lang::Vi);
    assert!(vi.contains("7 HTX") && vi.contains("10 HTX") && vi.contains("Lạng Sơn"), "{vi}");
    let en = n.describe(&ds, Lang::En);
    assert!(en.contains("7 cooperatives") && en.contains("10 cooperatives"), "{en}");
    assert_eq!(ds.notes_for(1).count(), 1);
}

#[test]
fn parts_that_add_up() {
    let ds = with_observations(vec![coop(10.0, None), coop(3.0, Some("agriculture")), coop(7.0, Some("credit"))]);
    assert!(ds.notes.is_empty(), "{:?}", ds.notes);
}

#[test]
fn parts_of_another_date_or_source_are_not_compared() {
    let mut part = coop(3.0, Some("agriculture"));
    part["date"] = json!("2022");
    let mut other = coop(4.0, Some("credit"));
    other["source"] = json!("s2");
    let ds = with_observations(vec![coop(10.0, None), part, other]);
    assert!(ds.notes.is_empty(), "{:?}", ds.notes);
}

#[test]
fn rating_shares_that_make_100() {
    let ds = with_observations(vec![share("good_or_fair", 21.0), share("average", 64.0), share("weak", 15.0)]);
    assert!(ds.problems.is_empty());
    assert!(ds.notes.is_empty(), "{:?}", ds.notes);
}

#[test]
fn rating_shares_that_make_101() {
    let ds = with_observations(vec![share("good", 65.0), share("average", 27.0), share("weak", 9.0)]);
    assert_eq!(ds.notes.len(), 1);
    assert_eq!(ds.notes[0].kind, NoteKind::SharesVs100 { sum: 101.0 });
    assert_eq!(ds.notes[0].records, vec![0, 1, 2]);
    assert!(ds.notes[0].describe(&ds, Lang::Vi).contains("101%"));
}

#[test]
fn rating_shares_rounding_within_tolerance() {
    // 99.99: within ± 0.05 of 100, no note
    let ds = with_observations(vec![share("good", 33.33), share("average", 33.33), share("weak", 33.33)]);
    assert!(ds.notes.is_empty(), "{:?}", ds.notes);
    // 99.9: a note
    let ds = with_observations(vec![share("good", 33.3), share("average", 33.3), share("weak", 33.3)]);
    assert_eq!(ds.notes.len(), 1);
    assert_eq!(ds.notes[0].kind, NoteKind::SharesVs100 { sum: 99.9 });
}

#[test]
fn duplicate_of_a_left_out_area_still_loads() {
    let mut j = fixture();
    let areas = j["areas"].as_array_mut().unwrap();
    areas.push(json!({ "code": "P01", "name": "", "level": "province" }));
    areas.push(json!({ "code": "P01", "name": "Thành phố Hà Nội", "level": "province" }));
    let ds = load_json(&j);
    assert!(ds.area("P01").is_some(), "{:?}", ds.problems);
}
