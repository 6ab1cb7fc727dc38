//! Validation of each kind of record.

use super::fields::{Fields, LONG_TEXT, SHORT_TEXT};
use super::plausible;
use super::raw::{same_text, Json, Record};
use crate::model::{Problem, ProblemKind, Section};
use crate::model::{Area, Dataset, Level, Metric, Observation, Qualifier, Rating, Sector, Source, Unit, Value, Ymd};
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
    let out = out
        .into_iter()
        .filter_map(|(i, a)| match &a.part_of {
            Some(p) if !codes.contains(p) || *p == a.code => {
                problems.push(Problem::new(Section::Areas, i, Some("part_of"), ProblemKind::UnknownReference(super::truncate(p, 40))));
                None
            }
            _ => Some((i, a)),
        })
        .collect();
    plausible::drop_cycles(out, problems)
}

/// The fields of an observation, in the order they are read.
pub static OBSERVATION_FIELDS: [&str; 13] =
    ["area", "date", "metric", "sector", "rating", "qualifier", "unit", "source", "scope", "quote", "note", "part", "value"];

/// Reads observations one at a time (as the file is parsed): valid ones are kept, the rest are
/// problems.
pub struct Observations {
    /// The last day the file's `updated` date can mean.
    updated: Option<u32>,
    /// The last area and source found to exist (records come in runs of the same ones).
    known: (String, String),
    out: Vec<Observation>,
}

impl Observations {
    /// Starts reading the observations of a dataset whose sources and areas are read, with room
    /// for `capacity` of them.
    pub fn new(ds: &Dataset, capacity: usize) -> Self {
        let out = Vec::with_capacity(capacity);
        Observations { updated: plausible::updated_end(ds.updated.as_deref()), known: Default::default(), out }
    }

    /// Reads the observation at index `i`.
    pub fn add(&mut self, ds: &Dataset, i: usize, item: &Json, problems: &mut Vec<Problem>) {
        let Some(f) = Fields::open(item, Section::Observations, i, &OBSERVATION_FIELDS, problems) else { return };
        self.check(f, ds, problems);
    }

    /// Reads the observation at index `i`, read into [`OBSERVATION_FIELDS`] as the file was parsed.
    pub fn add_record(&mut self, ds: &Dataset, i: usize, record: &Record, problems: &mut Vec<Problem>) {
        self.check(Fields::record(record, Section::Observations, i, &OBSERVATION_FIELDS), ds, problems);
    }

    fn check(&mut self, mut f: Fields, ds: &Dataset, problems: &mut Vec<Problem>) {
        if let Some(o) = observation(&mut f, ds, self.updated, &mut self.known) {
            if f.ok() {
                self.out.push(o);
            }
        }
        problems.append(&mut f.problems);
    }

    /// The valid observations.
    pub fn finish(mut self) -> Vec<Observation> {
        if self.out.capacity() > self.out.len() + self.out.len() / 2 {
            self.out.shrink_to_fit();
        }
        self.out
    }
}

fn observation(f: &mut Fields, ds: &Dataset, updated: Option<u32>, known: &mut (String, String)) -> Option<Observation> {
    let area = f.text("area", 40);
    if let Some(a) = area.as_ref().filter(|a| !same_text(a, &known.0)) {
        if ds.area(a).is_some() {
            known.0.clone_from(a);
        } else {
            f.push("area", ProblemKind::UnknownReference(super::truncate(a, 40)));
        }
    }
    let date = f.text_ref("date", 30);
    let date = date.and_then(|d| {
        let parsed = super::fields::date(d);
        if parsed.is_none() {
            f.push("date", ProblemKind::BadDate(super::truncate(d, 30)));
        }
        parsed
    });
    if let (Some(d), Some(u)) = (date, updated) {
        if plausible::after_updated(d, u) {
            f.push("date", ProblemKind::AfterUpdated { date: d.to_string(), updated: ds.updated.clone().unwrap_or_default() });
        }
    }
    let metric = f.keyed("metric", Metric::from_key);
    let sector = f.opt_keyed("sector", Sector::from_key);
    let rating = f.opt_keyed("rating", Rating::from_key);
    let qualifier = f.keyed("qualifier", Qualifier::from_key);
    let unit = f.keyed("unit", Unit::from_key);
    let source = f.text("source", SHORT_TEXT);
    if let Some(s) = source.as_ref().filter(|s| !same_text(s, &known.1)) {
        if ds.source(s).is_some() {
            known.1.clone_from(s);
        } else {
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
    let value = value(f, metric, unit);

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

fn value(f: &mut Fields, metric: Option<Metric>, unit: Option<Unit>) -> Option<Value> {
    let Some(raw) = f.raw("value") else {
        f.push("value", ProblemKind::Missing);
        return None;
    };
    let v = match raw {
        Json::Number(_) => Value::Point(number(f, "value", raw)?),
        Json::Object(o) => {
            for k in o.unknown_keys(&["low", "high", "high_open"]) {
                f.push(&format!("value.{k}"), ProblemKind::UnknownField);
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
            } else if plausible::too_wide(low, high) {
                f.push("value", ProblemKind::RangeTooWide);
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
        if let Some(max) = plausible::max_value(u).filter(|&max| v.extent() > max) {
            f.push("value", ProblemKind::Implausible { max, unit: u });
        }
        if let Some(min) = metric.and_then(|m| plausible::too_small(m, u, v.extent())) {
            f.push("value", ProblemKind::ImplausiblySmall { min, unit: u });
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
