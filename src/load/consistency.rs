//! Consistency notes: parts that do not add up to their total, rating shares that do not make 100 %.
//! The records stay; the note is shown beside the chart, because a reader should know.

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, DateRef, Metric, Unit};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// What a note is about.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    /// Sector parts whose sum differs from the reported total.
    PartsVsTotal {
        /// Sum of the parts.
        parts: f64,
        /// The reported total.
        total: f64,
        /// Unit of both.
        unit: Unit,
    },
    /// Rating shares that do not add up to 100 %.
    SharesVs100 {
        /// Their sum.
        sum: f64,
    },
}

/// A note on a group of valid records.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsistencyNote {
    /// Area code.
    pub area: String,
    /// Metric.
    pub metric: Metric,
    /// Date.
    pub date: DateRef,
    /// Source id.
    pub source: String,
    /// Records concerned (total first, then parts).
    pub records: Vec<usize>,
    /// What does not add up.
    pub kind: NoteKind,
}

impl ConsistencyNote {
    /// The note as a sentence.
    pub fn describe(&self, ds: &Dataset, lang: Lang) -> String {
        let area = ds.area(&self.area).map(|a| a.short_name().to_string()).unwrap_or_else(|| self.area.clone());
        let date = match lang {
            Lang::Vi => self.date.vi(),
            Lang::En => self.date.en(),
        };
        match (&self.kind, lang) {
            (NoteKind::PartsVsTotal { parts, total, unit }, Lang::Vi) => format!(
                "{area} ({date}), {}: các phần theo lĩnh vực cộng lại được {}, tổng nguồn ghi là {}.",
                self.metric.label(lang).to_lowercase(),
                format::amount(*parts, *unit, lang),
                format::amount(*total, *unit, lang)
            ),
            (NoteKind::PartsVsTotal { parts, total, unit }, Lang::En) => format!(
                "{area} ({date}), {}: the sector parts add up to {}, the source's total is {}.",
                self.metric.label(lang).to_lowercase(),
                format::amount(*parts, *unit, lang),
                format::amount(*total, *unit, lang)
            ),
            (NoteKind::SharesVs100 { sum }, Lang::Vi) => format!(
                "{area} ({date}): các tỷ lệ xếp loại cộng lại được {}, không phải 100% (số làm tròn của nguồn).",
                format::amount(*sum, Unit::Percent, lang)
            ),
            (NoteKind::SharesVs100 { sum }, Lang::En) => format!(
                "{area} ({date}): the rating shares add up to {}, not 100% (the source's rounding).",
                format::amount(*sum, Unit::Percent, lang)
            ),
        }
    }
}

type Key = (String, Metric, String, String); // area, metric, date, source
type ScopedKey = (Key, Option<String>); // … and scope, for parts named with `part`

/// Finds every consistency note in a dataset. `raw` is the file's `observations` array: a record's
/// optional `part` field (a listed part that is not a sector) is read from it.
pub fn check(ds: &Dataset, raw: &[Json]) -> Vec<ConsistencyNote> {
    let has_part = |record: usize| raw.get(record).and_then(|j| j.get("part")).is_some_and(Json::is_string);
    let mut notes = Vec::new();
    let mut totals: BTreeMap<Key, (usize, f64, Unit)> = BTreeMap::new();
    let mut parts: BTreeMap<Key, Vec<(usize, f64)>> = BTreeMap::new();
    let mut shares: BTreeMap<Key, Vec<(usize, f64)>> = BTreeMap::new();
    // named parts and their totals, matched on the scope as well
    let mut scoped_totals: BTreeMap<ScopedKey, (usize, f64, Unit)> = BTreeMap::new();
    let mut named: BTreeMap<ScopedKey, Vec<(usize, f64)>> = BTreeMap::new();
    for o in &ds.observations {
        let Some(v) = o.value.point() else { continue };
        let key = (o.area.clone(), o.metric, o.date.to_string(), o.source.clone());
        if o.metric == Metric::RatingShare {
            shares.entry(key).or_default().push((o.record, v));
        } else if has_part(o.record) {
            named.entry((key, o.scope.clone())).or_default().push((o.record, v));
        } else if o.sector.is_some() {
            parts.entry(key).or_default().push((o.record, v));
        } else {
            scoped_totals.insert((key.clone(), o.scope.clone()), (o.record, v, o.unit));
            totals.insert(key, (o.record, v, o.unit));
        }
    }
    for (key, ps) in parts {
        let Some(&(total_rec, total, unit)) = totals.get(&key) else { continue };
        let sum: f64 = ps.iter().map(|p| p.1).sum();
        if !adds_up(sum, total) {
            let mut records = vec![total_rec];
            records.extend(ps.iter().map(|p| p.0));
            notes.push(note(key, records, NoteKind::PartsVsTotal { parts: sum, total, unit }));
        }
    }
    for ((key, scope), ps) in named {
        let Some(&(total_rec, total, unit)) = scoped_totals.get(&(key.clone(), scope)) else { continue };
        let sum: f64 = ps.iter().map(|p| p.1).sum();
        if !adds_up(sum, total) {
            let mut records = vec![total_rec];
            records.extend(ps.iter().map(|p| p.0));
            notes.push(note(key, records, NoteKind::PartsVsTotal { parts: sum, total, unit }));
        }
    }
    for (key, ss) in shares {
        if ss.len() < 2 {
            continue;
        }
        let sum: f64 = ss.iter().map(|p| p.1).sum();
        if (sum - 100.0).abs() > 0.05 {
            let sum = (sum * 1000.0).round() / 1000.0; // display only: removes float noise like 100.10000000000001
            notes.push(note(key, ss.iter().map(|p| p.0).collect(), NoteKind::SharesVs100 { sum }));
        }
    }
    notes
}

fn adds_up(sum: f64, total: f64) -> bool {
    (sum - total).abs() <= 1e-9 * total.max(1.0)
}

fn note((area, metric, date, source): Key, records: Vec<usize>, kind: NoteKind) -> ConsistencyNote {
    let date = DateRef::parse(&date).expect("dates were validated");
    ConsistencyNote { area, metric, date, source, records, kind }
}
