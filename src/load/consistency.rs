//! Consistency notes: parts that do not add up to their total, rating shares that do not make 100 %.
//! The records stay; the note is shown beside the chart, because a reader should know.

use crate::model::{ConsistencyNote, Dataset, DateRef, Metric, NoteKind, Unit};
use std::collections::BTreeMap;


type Key = (String, Metric, String, String); // area, metric, date, source
type ScopedKey = (Key, Option<String>); // … and scope, for parts named with `part`

/// Finds every consistency note in a dataset.
pub fn check(ds: &Dataset) -> Vec<ConsistencyNote> {
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
        } else if o.part.is_some() {
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
