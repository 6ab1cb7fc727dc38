//! Stage 3: the values drawn. As reported, or computed from two figures of the same area and the
//! same date (never across dates): a share of the total the source reports (or of the sum of the
//! parts it lists), a subset's share of the number of cooperatives, or a value per cooperative.

use super::caveat::{AreaDate, Caveat, LeftOut};
use super::choices::{Computed, Plan};
use super::filter::{is_total, Scoped};
use super::part::Part;
use super::pick;
use crate::explore::Selection;
use crate::model::{Dataset, Metric, Observation, Qualifier, Unit, Value};
use std::collections::BTreeSet;

/// What a computed figure is divided by.
#[derive(Debug, Clone)]
pub enum Den<'a> {
    /// The number of cooperatives of the same area and date.
    Count(&'a Observation),
    /// The total the source reports for the same area, date and metric.
    Total(&'a Observation),
    /// The sum of the parts the source lists (no total reported).
    PartsSum(f64, Vec<&'a Observation>),
}

/// One figure to draw: a reported observation, or a value computed from it and a denominator.
#[derive(Debug, Clone)]
pub struct Fig<'a> {
    /// The observation (the numerator of a computed value).
    pub obs: &'a Observation,
    /// Its sector or rating class, in a breakdown.
    pub part: Option<Part>,
    /// What it is divided by, for a computed value.
    pub den: Option<Den<'a>>,
    /// The value drawn: base units, or percent for shares.
    pub value: Value,
    /// The qualifier of the value drawn.
    pub qualifier: Qualifier,
}

impl<'a> Fig<'a> {
    /// A figure as reported.
    pub fn plain(obs: &'a Observation, part: Option<Part>) -> Fig<'a> {
        Fig { obs, part, den: None, value: obs.value, qualifier: obs.qualifier }
    }

    /// The observations it is (or is computed from), the figure first.
    pub fn inputs(&self) -> Vec<&'a Observation> {
        let mut v = vec![self.obs];
        match &self.den {
            Some(Den::Count(o)) | Some(Den::Total(o)) => v.push(o),
            Some(Den::PartsSum(_, parts)) => v.extend(parts.iter().filter(|p| p.record != self.obs.record)),
            None => {}
        }
        v
    }
}

/// The qualifier of a quotient: exact only when both are exact; a "more than" numerator over an
/// exact count stays "more than"; an estimate or preliminary figure keeps its word; otherwise
/// "about".
pub fn quotient_qualifier(num: Qualifier, den: Qualifier) -> Qualifier {
    use Qualifier::*;
    match (num, den) {
        (q, Exact) => q,
        (Exact, q @ (Estimate | Preliminary | About)) => q,
        (a, b) if a == b && matches!(a, Estimate | Preliminary) => a,
        _ => About,
    }
}

/// `num ÷ den × factor`; a range stays a range. None when the denominator is not positive.
pub fn divide(num: Value, den: Value, factor: f64) -> Option<Value> {
    let (dl, dh) = (den.low(), den.extent());
    if dl <= 0.0 {
        return None;
    }
    Some(match (num, den) {
        (Value::Point(n), Value::Point(d)) => Value::Point(n / d * factor),
        (Value::Range { low, high, high_open }, Value::Point(d)) => Value::Range { low: low / d * factor, high: high / d * factor, high_open },
        (n, _) => Value::Range { low: n.low() / dh * factor, high: n.extent() / dl * factor, high_open: false },
    })
}

fn is_count(p: &Observation) -> bool {
    p.metric == Metric::Cooperatives && p.unit == Unit::Cooperatives && is_total(p)
}

/// The cooperatives count of the same area at the same date, preferring the same source.
pub fn count_partner<'a>(ds: &'a Dataset, o: &Observation) -> Option<&'a Observation> {
    let same: Vec<&Observation> = ds.counts_of(&o.area).into_iter().filter(|p| is_count(p) && p.date == o.date).collect();
    same.iter().find(|p| p.source == o.source).or(same.first()).copied()
}

/// Why an area has no computed value: its date, and the dates it has a count at.
fn left_out(ds: &Dataset, o: &Observation) -> LeftOut {
    let mut counts: Vec<_> = ds.counts_of(&o.area).into_iter().filter(|p| is_count(p)).map(|p| p.date).collect();
    crate::sort::sort_by_key(&mut counts, |d| d.sort_key());
    counts.dedup();
    LeftOut { area: o.area.clone(), date: o.date, counts_at: counts }
}

/// The figures of a selection, and the caveats about what could not be computed.
pub fn figures<'a>(ds: &'a Dataset, sel: &Selection, sc: &Scoped<'a>, plan: &Plan) -> (Vec<Fig<'a>>, Vec<Caveat>) {
    let mut caveats = Vec::new();
    let figs = if plan.is_rating && !plan.line {
        pick::dates(&sc.ratings, sel.date).into_iter().map(|o| Fig::plain(o, o.rating.map(Part::Rating))).collect()
    } else if plan.by_sector {
        let plain: Vec<Fig> = pick::dates(&sc.parts, sel.date).into_iter().map(|o| Fig::plain(o, o.sector.map(Part::Sector))).collect();
        let figs = if plan.computed == Computed::Share { share_of_total(&plain, &sc.totals, &mut caveats) } else { plain };
        let with_parts: BTreeSet<&str> = crate::sort::set(figs.iter().map(|f| f.obs.area.as_str()));
        let only_totals: BTreeSet<&str> = crate::sort::set(pick::dates(&sc.totals, sel.date).iter().map(|o| o.area.as_str()).filter(|a| !with_parts.contains(a)));
        if !only_totals.is_empty() {
            caveats.push(Caveat::OnlyTotals { count: only_totals.len() });
        }
        figs
    } else {
        let picked = if plan.line { sc.totals.clone() } else { pick::dates(&sc.totals, sel.date) };
        match plan.computed {
            Computed::Reported => picked.into_iter().map(|o| Fig::plain(o, None)).collect(),
            c => per_count(ds, picked, c, &mut caveats),
        }
    };
    if plan.computed != Computed::Reported && !figs.is_empty() {
        caveats.push(Caveat::Computed);
    }
    (figs, caveats)
}

/// Each figure ÷ the number of cooperatives of the same area and date (× 100 for a share).
fn per_count<'a>(ds: &'a Dataset, picked: Vec<&'a Observation>, computed: Computed, caveats: &mut Vec<Caveat>) -> Vec<Fig<'a>> {
    let factor = if computed == Computed::Share { 100.0 } else { 1.0 };
    let mut out = Vec::new();
    let mut missing = Vec::new();
    for o in picked {
        match count_partner(ds, o).and_then(|c| divide(o.value, c.value, factor).map(|v| (c, v))) {
            Some((c, v)) => out.push(Fig { obs: o, part: None, den: Some(Den::Count(c)), value: v, qualifier: quotient_qualifier(o.qualifier, c.qualifier) }),
            None => missing.push(left_out(ds, o)),
        }
    }
    if !missing.is_empty() {
        caveats.push(Caveat::NoCount { share: computed == Computed::Share, left_out: missing });
    }
    out
}

/// Shares of sector parts: each part ÷ the total the same source reports for the same area,
/// metric and date; without one, ÷ the sum of the listed parts; a single listed part without a
/// total has no share.
fn share_of_total<'a>(parts: &[Fig<'a>], totals: &[&'a Observation], caveats: &mut Vec<Caveat>) -> Vec<Fig<'a>> {
    let mut out = Vec::new();
    let mut sum_based: Vec<AreaDate> = Vec::new();
    let mut no_total: Vec<AreaDate> = Vec::new();
    for f in parts {
        let o = f.obs;
        let here = AreaDate { area: o.area.clone(), date: o.date };
        let total = totals.iter().find(|t| t.area == o.area && t.date == o.date && t.source == o.source && t.value.point().is_some());
        let (den, den_value, den_q) = match total {
            Some(t) => (Den::Total(t), t.value, t.qualifier),
            None => {
                let group: Vec<&Observation> = parts.iter().map(|p| p.obs).filter(|p| p.area == o.area && p.date == o.date && p.source == o.source).collect();
                if group.len() < 2 {
                    push_once(&mut no_total, here);
                    continue;
                }
                let sum: f64 = group.iter().map(|p| p.value.extent()).sum();
                let q = if group.iter().all(|p| p.qualifier == group[0].qualifier) { group[0].qualifier } else { Qualifier::About };
                push_once(&mut sum_based, here);
                (Den::PartsSum(sum, group), Value::Point(sum), q)
            }
        };
        if let Some(v) = divide(o.value, den_value, 100.0) {
            out.push(Fig { obs: o, part: f.part, den: Some(den), value: v, qualifier: quotient_qualifier(o.qualifier, den_q) });
        }
    }
    if !sum_based.is_empty() {
        caveats.push(Caveat::SharesOfListedParts { areas: sum_based });
    }
    if !no_total.is_empty() {
        caveats.push(Caveat::OnePartNoTotal { areas: no_total });
    }
    out
}

fn push_once(list: &mut Vec<AreaDate>, item: AreaDate) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotient_qualifiers() {
        use Qualifier::*;
        assert_eq!(quotient_qualifier(Exact, Exact), Exact);
        assert_eq!(quotient_qualifier(About, Exact), About);
        assert_eq!(quotient_qualifier(MoreThan, Exact), MoreThan);
        assert_eq!(quotient_qualifier(Exact, MoreThan), About);
        assert_eq!(quotient_qualifier(Exact, Estimate), Estimate);
        assert_eq!(quotient_qualifier(Estimate, Estimate), Estimate);
        assert_eq!(quotient_qualifier(MoreThan, About), About);
    }

    #[test]
    fn division_keeps_ranges() {
        assert_eq!(divide(Value::Point(10.0), Value::Point(4.0), 1.0), Some(Value::Point(2.5)));
        assert_eq!(divide(Value::Point(1.0), Value::Point(0.0), 1.0), None);
        let r = Value::Range { low: 2.0, high: 4.0, high_open: true };
        assert_eq!(divide(r, Value::Point(2.0), 100.0), Some(Value::Range { low: 100.0, high: 200.0, high_open: true }));
    }
}
