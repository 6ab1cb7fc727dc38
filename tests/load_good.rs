//! The bundled dataset (public/data/htx.json) loads cleanly and holds the figures the app is
//! built around; its JSON Schema and the Rust loader agree on every enumerated value.

mod common;

use common::{bundled, root};
use htx_charts::i18n::Lang;
use htx_charts::load::NoteKind;
use htx_charts::model::{Level, Metric, Qualifier, Rating, Sector, Unit, Value};
use serde_json::Value as Json;
use std::collections::BTreeSet;

/// The 34 provincial units in force since 1 July 2025 (Công văn 915/CTK-CSCL), code and short name.
const PROVINCES: [(&str, &str); 34] = [
    ("01", "Hà Nội"),
    ("04", "Cao Bằng"),
    ("08", "Tuyên Quang"),
    ("11", "Điện Biên"),
    ("12", "Lai Châu"),
    ("14", "Sơn La"),
    ("15", "Lào Cai"),
    ("19", "Thái Nguyên"),
    ("20", "Lạng Sơn"),
    ("22", "Quảng Ninh"),
    ("24", "Bắc Ninh"),
    ("25", "Phú Thọ"),
    ("31", "Hải Phòng"),
    ("33", "Hưng Yên"),
    ("37", "Ninh Bình"),
    ("38", "Thanh Hóa"),
    ("40", "Nghệ An"),
    ("42", "Hà Tĩnh"),
    ("44", "Quảng Trị"),
    ("46", "Huế"),
    ("48", "Đà Nẵng"),
    ("51", "Quảng Ngãi"),
    ("52", "Gia Lai"),
    ("56", "Khánh Hòa"),
    ("66", "Đắk Lắk"),
    ("68", "Lâm Đồng"),
    ("75", "Đồng Nai"),
    ("79", "Hồ Chí Minh"),
    ("80", "Tây Ninh"),
    ("82", "Đồng Tháp"),
    ("86", "Vĩnh Long"),
    ("91", "An Giang"),
    ("92", "Cần Thơ"),
    ("96", "Cà Mau"),
];

#[test]
fn bundled_dataset_loads_with_no_problems() {
    let ds = bundled();
    let problems: Vec<String> = ds.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert!(problems.is_empty(), "problems in the bundled dataset: {problems:#?}");
    assert!(!ds.title.is_empty());
    assert!(!ds.sources.is_empty());
    assert!(!ds.observations.is_empty());
    // every record of the file made it through
    let raw: Json = serde_json::from_str(&std::fs::read_to_string(root("public/data/htx.json")).unwrap()).unwrap();
    assert_eq!(ds.observations.len(), raw["observations"].as_array().unwrap().len());
    assert_eq!(ds.sources.len(), raw["sources"].as_array().unwrap().len());
}

#[test]
fn area_counts_by_level() {
    let ds = bundled();
    let count = |l: Level| ds.areas.iter().filter(|a| a.level == l).count();
    // 1 + 6 + 34 + 63 areas whose number is fixed; cities and unnamed provinces may be added
    assert!(ds.areas.len() >= 104, "{}", ds.areas.len());
    assert_eq!(count(Level::Country), 1);
    assert_eq!(count(Level::Region), 6);
    assert_eq!(count(Level::Province), 34);
    assert_eq!(count(Level::FormerProvince), 63);
    assert_eq!(ds.area("VN").map(|a| a.level), Some(Level::Country));
    for r in 1..=6 {
        assert_eq!(ds.area(&format!("R{r}")).map(|a| a.level), Some(Level::Region), "R{r}");
    }
}

#[test]
fn the_34_provinces_have_their_official_codes() {
    let ds = bundled();
    let provinces: Vec<_> = ds.areas.iter().filter(|a| a.level == Level::Province).collect();
    let got: BTreeSet<(String, String)> = provinces
        .iter()
        .map(|a| (a.official_code.clone().unwrap_or_default(), a.short_name().to_string()))
        .collect();
    let want: BTreeSet<(String, String)> = PROVINCES.iter().map(|(c, n)| (c.to_string(), n.to_string())).collect();
    assert_eq!(got, want);
    for a in provinces {
        let code = a.official_code.as_deref().unwrap();
        assert_eq!(a.code, format!("P{code}"), "{}", a.name);
        assert!(a.part_of.is_none(), "{} has part_of", a.code);
    }
}

#[test]
fn every_former_province_is_part_of_a_current_province() {
    let ds = bundled();
    let former: Vec<_> = ds.areas.iter().filter(|a| a.level == Level::FormerProvince).collect();
    assert_eq!(former.len(), 63);
    let mut targets = BTreeSet::new();
    for a in &former {
        let code = a.official_code.as_deref().unwrap_or_else(|| panic!("{} has no official code", a.code));
        assert_eq!(a.code, format!("F{code}"));
        let p = a.part_of.as_deref().unwrap_or_else(|| panic!("{} has no part_of", a.code));
        assert!(p.starts_with('P'), "{} is part of {p}", a.code);
        let target = ds.area(p).unwrap_or_else(|| panic!("{}: part_of {p} does not exist", a.code));
        assert_eq!(target.level, Level::Province, "{} → {p}", a.code);
        targets.insert(p.to_string());
    }
    // every current province is made of at least one former province
    assert_eq!(targets.len(), 34);
    // spot checks from the 2025 merger
    assert_eq!(ds.area("F24").unwrap().part_of.as_deref(), Some("P24")); // Bắc Giang → Bắc Ninh
    assert_eq!(ds.area("F02").unwrap().part_of.as_deref(), Some("P08")); // Hà Giang → Tuyên Quang
    assert_eq!(ds.area("F10").unwrap().part_of.as_deref(), Some("P15")); // Lào Cai (cũ) → Lào Cai
    // the city is part of its province
    assert_eq!(ds.area("C14-SONLA").unwrap().part_of.as_deref(), Some("P14"));
}

#[test]
fn lang_son_has_478_cooperatives_with_its_source_and_quote() {
    let ds = bundled();
    let obs: Vec<_> = ds
        .observations
        .iter()
        .filter(|o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.date.year() == 2023)
        .collect();
    assert_eq!(obs.len(), 1, "one figure for Lạng Sơn in 2023: {obs:?}");
    let o = obs[0];
    assert_eq!(o.value, Value::Point(478.0));
    assert_eq!(o.unit, Unit::Cooperatives);
    assert_eq!(o.qualifier, Qualifier::Exact);
    assert_eq!(o.source, "s-seed-004");
    assert_eq!(o.date.to_string(), "2023");
    let quote = o.quote.as_deref().expect("478 has its quote");
    assert!(quote.contains("478 HTX"), "{quote}");
    assert!(ds.source("s-seed-004").is_some());
    assert_eq!(ds.area("P20").unwrap().name, "Tỉnh Lạng Sơn");
}

#[test]
fn both_end_2024_national_figures_are_kept_from_different_sources() {
    let ds = bundled();
    let end_2024: Vec<_> = ds
        .observations
        .iter()
        .filter(|o| o.area == "VN" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.date.year() == 2024)
        .collect();
    let values: BTreeSet<u64> = end_2024.iter().map(|o| o.value.extent() as u64).collect();
    assert_eq!(values, BTreeSet::from([33335, 33557]));
    let a = end_2024.iter().find(|o| o.value == Value::Point(33335.0)).unwrap();
    let b = end_2024.iter().find(|o| o.value == Value::Point(33557.0)).unwrap();
    assert_ne!(a.source, b.source);
    assert_eq!(a.date, b.date, "both refer to the end of 2024");
}

#[test]
fn consistency_notes_of_the_bundled_dataset() {
    let ds = bundled();
    let name = |code: &str| ds.area(code).unwrap().short_name().to_string();
    // Bắc Ninh: parts 1439 + 602 + 46 = 2087, total 2086
    let bn: Vec<_> = ds.notes.iter().filter(|n| name(&n.area) == "Bắc Ninh").collect();
    assert!(
        bn.iter().any(|n| matches!(n.kind, NoteKind::PartsVsTotal { parts, total, .. } if parts == 2087.0 && total == 2086.0)),
        "{bn:#?}"
    );
    let n = bn.iter().find(|n| matches!(n.kind, NoteKind::PartsVsTotal { .. })).unwrap();
    let text = n.describe(&ds, Lang::Vi);
    assert!(text.contains("2.087 HTX") && text.contains("2.086 HTX"), "{text}");
    assert_eq!(n.records.len(), 4, "the total first, then three parts");

    // Hà Tĩnh: ratings add up to 100.1 %
    let ht = ds.notes.iter().find(|n| n.area == "P42" && n.metric == Metric::RatingShare).expect("Hà Tĩnh note");
    match ht.kind {
        NoteKind::SharesVs100 { sum } => assert!((sum - 100.1).abs() < 1e-9, "{sum}"),
        ref k => panic!("{k:?}"),
    }
    assert!(ht.describe(&ds, Lang::Vi).contains("100,1%"), "{}", ht.describe(&ds, Lang::Vi));
    assert!(ht.describe(&ds, Lang::En).contains("100.1%"));

    // Hòa Bình: 65 + 27 + 9 = 101 %
    let hb = ds
        .notes
        .iter()
        .find(|n| name(&n.area) == "Hòa Bình" && n.metric == Metric::RatingShare)
        .expect("Hòa Bình note");
    assert_eq!(hb.kind, NoteKind::SharesVs100 { sum: 101.0 });
    assert!(hb.describe(&ds, Lang::Vi).contains("101%"));
    // and no parts-vs-total note: the QTDND Hòa Bình's sources list beside its cooperatives are
    // stored as credit_funds, not as a credit-sector part of the count
    let hb_parts: Vec<_> =
        ds.notes.iter().filter(|n| name(&n.area) == "Hòa Bình" && matches!(n.kind, NoteKind::PartsVsTotal { .. })).collect();
    assert!(hb_parts.is_empty(), "{hb_parts:#?}");

    // every note names valid records of its area, metric and source
    for n in &ds.notes {
        assert!(!n.records.is_empty());
        for r in &n.records {
            let o = ds.observation(*r).unwrap();
            assert_eq!((o.area.as_str(), o.metric, o.source.as_str()), (n.area.as_str(), n.metric, n.source.as_str()));
        }
        assert!(!n.describe(&ds, Lang::Vi).is_empty());
    }
}

// ---- schema vs loader -------------------------------------------------------------------------

fn schema() -> Json {
    serde_json::from_str(&std::fs::read_to_string(root("public/data/htx.schema.json")).unwrap()).unwrap()
}

fn schema_enum(s: &Json, def: &str) -> BTreeSet<String> {
    s["$defs"][def]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("$defs/{def}/enum missing in the schema"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn keys<'a>(it: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    it.into_iter().map(str::to_string).collect()
}

#[test]
fn schema_enums_equal_the_rust_enums() {
    let s = schema();
    assert_eq!(schema_enum(&s, "metric"), keys(Metric::ALL.iter().map(|m| m.key())), "metric");
    assert_eq!(schema_enum(&s, "unit"), keys(Unit::ALL.iter().map(|u| u.key())), "unit");
    assert_eq!(schema_enum(&s, "sector"), keys(Sector::ALL.iter().map(|x| x.key())), "sector");
    assert_eq!(schema_enum(&s, "rating"), keys(Rating::ALL.iter().map(|x| x.key())), "rating");
    assert_eq!(schema_enum(&s, "qualifier"), keys(Qualifier::ALL.iter().map(|x| x.key())), "qualifier");
    assert_eq!(schema_enum(&s, "level"), keys(Level::ALL.iter().map(|x| x.key())), "level");
    // the lists have no duplicates either
    assert_eq!(Metric::ALL.len(), schema_enum(&s, "metric").len());
    assert_eq!(Unit::ALL.len(), schema_enum(&s, "unit").len());
}

#[test]
fn schema_format_tag_matches_the_loader() {
    let s = schema();
    let tag = &s["properties"]["format"];
    let value = tag.get("const").or_else(|| tag["enum"].get(0)).and_then(Json::as_str);
    assert_eq!(value, Some(htx_charts::load::FORMAT));
}

/// The metric → unit rules of the schema's `observation` definition.
fn schema_metric_units(s: &Json) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let mut out = std::collections::BTreeMap::new();
    for rule in s["$defs"]["observation"]["allOf"].as_array().unwrap() {
        let (Some(metric), Some(units)) =
            (rule["if"]["properties"]["metric"]["const"].as_str(), rule["then"]["properties"]["unit"]["enum"].as_array())
        else {
            continue;
        };
        out.insert(metric.to_string(), units.iter().map(|u| u.as_str().unwrap().to_string()).collect());
    }
    out
}

#[test]
fn schema_units_per_metric_equal_allowed_units() {
    let s = schema();
    let got = schema_metric_units(&s);
    let want: std::collections::BTreeMap<String, BTreeSet<String>> = Metric::ALL
        .iter()
        .map(|m| (m.key().to_string(), keys(m.allowed_units().iter().map(|u| u.key()))))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn schema_units_per_metric_never_contradict_allowed_units() {
    // the rules the schema does have agree with the loader (the missing ones are the ignored test above)
    let s = schema();
    for (metric, units) in schema_metric_units(&s) {
        let m = Metric::from_key(&metric).unwrap_or_else(|| panic!("schema rule for unknown metric {metric}"));
        assert_eq!(units, keys(m.allowed_units().iter().map(|u| u.key())), "{metric}");
    }
}

#[test]
fn schema_count_units_equal_is_count() {
    let s = schema();
    let rule = s["$defs"]["observation"]["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["if"]["properties"]["unit"]["enum"].is_array())
        .expect("whole-number rule");
    let got: BTreeSet<String> =
        rule["if"]["properties"]["unit"]["enum"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect();
    let want = keys(Unit::ALL.iter().filter(|u| u.is_count()).map(|u| u.key()));
    assert_eq!(got, want);
}
