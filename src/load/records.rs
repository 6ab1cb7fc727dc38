//! Validation of each kind of record.

use super::fields::{Fields, LONG_TEXT, SHORT_TEXT};
use crate::model::{Problem, ProblemKind, Section};
use crate::model::{Area, Dataset, DateRef, Level, Metric, Observation, Qualifier, Rating, Sector, Source, Unit, Value, Ymd};
use serde_json::Value as Json;
use std::collections::HashSet;

/// Valid sources; problems for the rest.
pub fn sources(items: &[Json], problems: &mut Vec<Problem>) -> Vec<Source> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let known = ["id", "publisher", "title", "url", "published", "reporter"];
        let Some(mut f) = Fields::open(item, Section::Sources, i, &known, problems) else { continue };
        let id = f.text("id", SHORT_TEXT);
        let publisher = f.text("publisher", SHORT_TEXT);
        let title = f.text("title", SHORT_TEXT);
        let url = f.opt_url("url");
        let published = f.opt_text("published", 10);
        if let Some(p) = &published {
            if Ymd::parse(p).is_none() {
                f.push("published", ProblemKind::BadDate(super::truncate(p, 20)));
            }
        }
        let reporter = f.opt_text("reporter", SHORT_TEXT);
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                f.push("id", ProblemKind::Duplicate(super::truncate(id, 40)));
            }
        }
        if let (true, Some(id), Some(publisher), Some(title)) = (f.ok(), id, publisher, title) {
            out.push(Source { id, publisher, title, url, published, reporter });
        }
        problems.append(&mut f.problems);
    }
    out
}

/// Valid areas; problems for the rest (including `part_of` references to missing areas).
pub fn areas(items: &[Json], problems: &mut Vec<Problem>) -> Vec<Area> {
    let mut seen = HashSet::new();
    let mut out: Vec<(usize, Area)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let known = ["code", "name", "short", "name_en", "level", "official_code", "part_of"];
        let Some(mut f) = Fields::open(item, Section::Areas, i, &known, problems) else { continue };
        let code = f.text("code", 40);
        let name = f.text("name", SHORT_TEXT);
        let short = f.opt_text("short", SHORT_TEXT);
        let name_en = f.opt_text("name_en", SHORT_TEXT);
        let level = f.keyed("level", Level::from_key);
        let official_code = f.opt_text("official_code", 10);
        let part_of = f.opt_text("part_of", 40);
        if let Some(code) = &code {
            if f.ok() && seen.contains(code) {
                f.push("code", ProblemKind::Duplicate(super::truncate(code, 40)));
            }
        }
        if let (true, Some(code), Some(name), Some(level)) = (f.ok(), code, name, level) {
            seen.insert(code.clone());
            out.push((i, Area { code, name, short, name_en, level, official_code, part_of }));
        }
        problems.append(&mut f.problems);
    }
    let codes: HashSet<String> = out.iter().map(|(_, a)| a.code.clone()).collect();
    out.into_iter()
        .filter_map(|(i, a)| match &a.part_of {
            Some(p) if !codes.contains(p) || *p == a.code => {
                problems.push(Problem::new(Section::Areas, i, Some("part_of"), ProblemKind::UnknownReference(super::truncate(p, 40))));
                None
            }
            _ => Some(a),
        })
        .collect()
}

/// Valid observations; problems for the rest.
pub fn observations(items: &[Json], ds: &Dataset, problems: &mut Vec<Problem>) -> Vec<Observation> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let known = [
            "area", "date", "metric", "sector", "rating", "value", "qualifier", "unit", "source", "scope", "quote", "note",
            "part",
        ];
        let Some(mut f) = Fields::open(item, Section::Observations, i, &known, problems) else { continue };
        if let Some(o) = observation(&mut f, ds) {
            if f.ok() {
                out.push(o);
            }
        }
        problems.append(&mut f.problems);
    }
    out
}

fn observation(f: &mut Fields, ds: &Dataset) -> Option<Observation> {
    let area = f.text("area", 40);
    if let Some(a) = &area {
        if ds.area(a).is_none() {
            f.push("area", ProblemKind::UnknownReference(super::truncate(a, 40)));
        }
    }
    let date = f.text("date", 30);
    let date = date.and_then(|d| {
        let parsed = DateRef::parse(&d);
        if parsed.is_none() {
            f.push("date", ProblemKind::BadDate(super::truncate(&d, 30)));
        }
        parsed
    });
    let metric = f.keyed("metric", Metric::from_key);
    let sector = f.opt_keyed("sector", Sector::from_key);
    let rating = f.opt_keyed("rating", Rating::from_key);
    let qualifier = f.keyed("qualifier", Qualifier::from_key);
    let unit = f.keyed("unit", Unit::from_key);
    let source = f.text("source", SHORT_TEXT);
    if let Some(s) = &source {
        if ds.source(s).is_none() {
            f.push("source", ProblemKind::UnknownReference(super::truncate(s, 40)));
        }
    }
    let scope = f.opt_text("scope", SHORT_TEXT);
    let quote = f.opt_text("quote", LONG_TEXT);
    let note = f.opt_text("note", LONG_TEXT);
    // `part` names one listed part of a total that is not a sector (read by the consistency check);
    // a sector part or a rating share names its part already.
    let part = f.opt_text("part", SHORT_TEXT);
    if let Some(p) = &part {
        if matches!(sector, Some(Some(_))) || matches!(rating, Some(Some(_))) {
            f.push("part", ProblemKind::NotAllowed(super::truncate(p, 40)));
        }
    }
    let value = value(f, unit);

    if let (Some(m), Some(u)) = (metric, unit) {
        if !m.allowed_units().contains(&u) {
            f.push("unit", ProblemKind::UnitNotAllowed { unit: u.key().into(), metric: m.key().into() });
        }
    }
    if let (Some(m), Some(r)) = (metric, rating) {
        if (m == Metric::RatingShare) != r.is_some() {
            f.push("rating", ProblemKind::Rating);
        }
    }
    Some(Observation {
        record: f.index(),
        area: area?,
        date: date?,
        metric: metric?,
        sector: sector?,
        rating: rating?,
        value: value?,
        qualifier: qualifier?,
        unit: unit?,
        source: source?,
        scope,
        quote,
        note,
        part,
    })
}

fn value(f: &mut Fields, unit: Option<Unit>) -> Option<Value> {
    let Some(raw) = f.raw("value") else {
        f.push("value", ProblemKind::Missing);
        return None;
    };
    let v = match raw {
        Json::Number(_) => Value::Point(number(f, "value", raw)?),
        Json::Object(o) => {
            for k in o.keys() {
                if !["low", "high", "high_open"].contains(&k.as_str()) {
                    f.push(&format!("value.{k}"), ProblemKind::UnknownField);
                }
            }
            let low = o.get("low").map(|j| number(f, "value.low", j)).unwrap_or_else(|| {
                f.push("value.low", ProblemKind::Missing);
                None
            });
            let high = o.get("high").map(|j| number(f, "value.high", j)).unwrap_or_else(|| {
                f.push("value.high", ProblemKind::Missing);
                None
            });
            let high_open = match o.get("high_open") {
                None | Some(Json::Null) => false,
                Some(Json::Bool(b)) => *b,
                Some(_) => {
                    f.push("value.high_open", ProblemKind::WrongType("true/false"));
                    false
                }
            };
            let (low, high) = (low?, high?);
            if low > high {
                f.push("value", ProblemKind::RangeInverted);
            }
            Value::Range { low, high, high_open }
        }
        _ => {
            f.push("value", ProblemKind::WrongType("số hoặc {low, high} / number or {low, high}"));
            return None;
        }
    };
    if let Some(u) = unit {
        for x in [v.low(), v.extent()] {
            if u.is_count() && x.fract() != 0.0 {
                f.push("value", ProblemKind::NotWhole);
                break;
            }
            if u == Unit::Percent && x > 100.0 {
                f.push("value", ProblemKind::ShareOver100);
                break;
            }
        }
    }
    Some(v)
}

fn number(f: &mut Fields, field: &str, j: &Json) -> Option<f64> {
    let Some(x) = j.as_f64() else {
        f.push(field, ProblemKind::WrongType("số / number"));
        return None;
    };
    if !x.is_finite() {
        f.push(field, ProblemKind::NotFinite);
        None
    } else if x < 0.0 {
        f.push(field, ProblemKind::Negative);
        None
    } else {
        Some(x)
    }
}
