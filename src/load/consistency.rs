//! Consistency notes: parts that do not add up to their total, rating shares that do not make 100 %.
//! The records stay; the note is shown beside the chart, because a reader should know.

use super::group::Groups;
use crate::model::{ConsistencyNote, DateRef, Metric, NoteKind, Observation, Unit};

type Key<'a> = (&'a str, Metric, DateRef, &'a str); // area, metric, date, source
type ScopedKey<'a> = (Key<'a>, Option<&'a str>); // … and scope, for parts named with `part`
type Total = (usize, f64, Unit); // record, value, unit
type Parts = Vec<(usize, f64)>; // records and values

/// Finds every consistency note among observations (those `left_out` aside). Totals, parts and
/// shares are compared within each group of the same area, metric, date and source (the last
/// total given wins); the notes of each kind come out ordered by area, metric, date (as written),
/// source and scope.
pub fn check(obs: &[Observation], groups: &Groups, left_out: &[bool]) -> Vec<ConsistencyNote> {
    let (mut of_parts, mut of_named, mut of_shares) = (Vec::new(), Vec::new(), Vec::new());
    groups.each(obs, |group| {
        let mut total: Option<Total> = None;
        let mut parts: Parts = Vec::new();
        let mut shares: Parts = Vec::new();
        // named parts, matched to their total on the scope as well
        let mut scoped_totals: Vec<(Option<&str>, Total)> = Vec::new();
        let mut named: Vec<(Option<&str>, Parts)> = Vec::new();
        let o = &obs[group[0]];
        let key = (o.area.as_str(), o.metric, o.date, o.source.as_str());
        for o in group.iter().filter(|&&i| !left_out[i]).map(|&i| &obs[i]) {
            let Some(v) = o.value.point() else { continue };
            let scope = o.scope.as_deref();
            if o.metric == Metric::RatingShare {
                shares.push((o.record, v));
            } else if o.part.is_some() {
                match named.iter_mut().find(|(s, _)| *s == scope) {
                    Some((_, ps)) => ps.push((o.record, v)),
                    None => named.push((scope, vec![(o.record, v)])),
                }
            } else if o.sector.is_some() {
                parts.push((o.record, v));
            } else {
                total = Some((o.record, v, o.unit));
                scoped_totals.retain(|(s, _)| *s != scope);
                scoped_totals.push((scope, (o.record, v, o.unit)));
            }
        }
        if let (Some((total_rec, total, unit)), false) = (total, parts.is_empty()) {
            let sum: f64 = parts.iter().map(|p| p.1).sum();
            if !adds_up(sum, total) {
                let mut records = vec![total_rec];
                records.extend(parts.iter().map(|p| p.0));
                of_parts.push(((key, None), note(key, records, NoteKind::PartsVsTotal { parts: sum, total, unit })));
            }
        }
        for (scope, ps) in named {
            let Some(&(_, (total_rec, total, unit))) = scoped_totals.iter().find(|(s, _)| *s == scope) else { continue };
            let sum: f64 = ps.iter().map(|p| p.1).sum();
            if !adds_up(sum, total) {
                let mut records = vec![total_rec];
                records.extend(ps.iter().map(|p| p.0));
                of_named.push(((key, scope), note(key, records, NoteKind::PartsVsTotal { parts: sum, total, unit })));
            }
        }
        if shares.len() >= 2 {
            let sum: f64 = shares.iter().map(|p| p.1).sum();
            if (sum - 100.0).abs() > 0.05 {
                let sum = (sum * 1000.0).round() / 1000.0; // display only: removes float noise like 100.10000000000001
                of_shares.push(((key, None), note(key, shares.iter().map(|p| p.0).collect(), NoteKind::SharesVs100 { sum })));
            }
        }
    });
    let mut notes = in_order(of_parts);
    notes.extend(in_order(of_named));
    notes.extend(in_order(of_shares));
    notes
}

/// The notes ordered by area, metric, date as written, source and scope.
fn in_order(mut found: Vec<(ScopedKey, ConsistencyNote)>) -> Vec<ConsistencyNote> {
    crate::sort::sort_by_cached_key(&mut found, |(((area, metric, date, source), scope), _)| (*area, *metric, date.to_string(), *source, *scope));
    found.into_iter().map(|(_, n)| n).collect()
}

fn adds_up(sum: f64, total: f64) -> bool {
    (sum - total).abs() <= 1e-9 * total.max(1.0)
}

fn note((area, metric, date, source): Key, records: Vec<usize>, kind: NoteKind) -> ConsistencyNote {
    ConsistencyNote { area: area.to_string(), metric, date, source: source.to_string(), records, kind }
}
