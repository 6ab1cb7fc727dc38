//! Plausibility checks: records that are valid one field at a time but cannot be right. Each is
//! reported as a [`Problem`] and the record is left out, like any other problem.
//!
//! - an observation that repeats an earlier one exactly (same area, date, metric, sector, rating,
//!   `part`, scope, value, unit and source; qualifier, quote and note are not compared);
//! - an observation dated after the file's `updated` date: the end of its date, read at its
//!   earliest day (a year as 1 January, a month as its 1st), is later than the last day `updated`
//!   can mean (checked only when `updated` parses as `YYYY[-MM[-DD]]`);
//! - a value (the high end of a range) above the cap of its unit, [`max_value`];
//! - an amount of money (the high end of a range) above zero but below the floor of its metric,
//!   [`min_value`]: a figure typed in tỷ or triệu đồng and written as đồng;
//! - a range whose high end is more than [`RANGE_FACTOR`] times its low end (so any range from 0
//!   up to a positive number);
//! - areas whose `part_of` links form a cycle (A in B, B in A): every area on the cycle.

use crate::model::{Area, DateRef, Metric, Observation, Problem, ProblemKind, Rating, Section, Sector, Unit, Value, Ymd};
use super::group::Groups;
use std::collections::HashMap;

/// A range whose high end is more than this many times its low end is reported as too wide.
pub const RANGE_FACTOR: f64 = 10.0;

/// The largest plausible value in a unit (in base units), or `None` when there is no cap beyond
/// the other checks (a percent is at most 100 already).
///
/// - persons: 120 million (Vietnam has about 101 million people);
/// - enterprises: 10 million (Vietnam has about 1 million);
/// - cooperatives, unions, cooperative groups and every other count: 1 million (Vietnam has about
///   35,000 cooperatives and 80,000 cooperative groups);
/// - đồng: 10^16, 10 triệu tỷ đồng (about Vietnam's GDP in a year);
/// - đồng per person per month: 10^10 (10 tỷ); per year: 12 × 10^10.
pub fn max_value(unit: Unit) -> Option<f64> {
    match unit {
        Unit::Percent => None,
        Unit::Persons => Some(120e6),
        Unit::Enterprises => Some(10e6),
        Unit::Vnd => Some(1e16),
        Unit::VndPerMonth => Some(1e10),
        Unit::VndPerYear => Some(12e10),
        _ => Some(1e6),
    }
}

/// The smallest plausible amount of money (in đồng) above zero for a metric in a unit, or `None`
/// when small amounts can be real (profits, every other unit).
///
/// - charter capital, total capital, total assets, revenue (of an area, or per cooperative):
///   1 million đồng (Vietnam's cooperatives hold hundreds of millions each);
/// - income per member or worker: 100,000 đồng a month, 1.2 million a year.
pub fn min_value(metric: Metric, unit: Unit) -> Option<f64> {
    use Metric::*;
    match (metric, unit) {
        (CharterCapital | TotalCapital | TotalAssets | Revenue | RevenuePerCooperative, Unit::Vnd) => Some(1e6),
        (IncomePerMember | IncomePerWorker, Unit::VndPerMonth) => Some(1e5),
        (IncomePerMember | IncomePerWorker, Unit::VndPerYear) => Some(12e5),
        _ => None,
    }
}

/// The floor ([`min_value`]) a value is implausibly below, for its metric and unit: the value is
/// above zero and its high end (`extent`) below the floor; `None` when it is plausible.
pub fn too_small(metric: Metric, unit: Unit, extent: f64) -> Option<f64> {
    min_value(metric, unit).filter(|&min| extent > 0.0 && extent < min)
}

/// True for a range that is implausibly wide: high > [`RANGE_FACTOR`] × low.
pub fn too_wide(low: f64, high: f64) -> bool {
    high > RANGE_FACTOR * low
}

/// The last day the file's `updated` date can mean (YYYYMMDD), when it parses.
pub fn updated_end(updated: Option<&str>) -> Option<u32> {
    updated.and_then(|u| Ymd::parse(u.trim())).map(Ymd::end_key)
}

/// True when `date` is after the file's `updated` date (see the module documentation).
pub fn after_updated(date: DateRef, updated_end: u32) -> bool {
    let e = date.end();
    let start = e.year as u32 * 10_000 + e.month.unwrap_or(1) as u32 * 100 + e.day.unwrap_or(1) as u32;
    start > updated_end
}

/// A metric and a date in one number (for hashing: one write instead of ten).
pub fn packed(metric: Metric, date: DateRef) -> u64 {
    let ymd = |y: Ymd| (y.year as u64) << 9 | (y.month.unwrap_or(0) as u64) << 5 | y.day.unwrap_or(0) as u64;
    let date = match date {
        DateRef::Point(p) => ymd(p),
        DateRef::Span(a, b) => 1 << 50 | ymd(a) << 25 | ymd(b),
    };
    date << 8 | metric as u64
}

/// What makes two observations the same figure (of one group: area, metric, date and source are
/// the same already, but are compared again).
#[derive(PartialEq, Eq)]
struct Same<'a>(&'a str, DateRef, Metric, Option<Sector>, Option<Rating>, Option<&'a str>, Option<&'a str>, (u8, u64, u64), Unit, &'a str);

fn same(o: &Observation) -> Same<'_> {
    // -0.0 and 0.0 are the same value
    let bits = |x: f64| (x + 0.0).to_bits();
    let value = match o.value {
        Value::Point(x) => (0, bits(x), 0),
        Value::Range { low, high, high_open } => (1 + high_open as u8, bits(low), bits(high)),
    };
    Same(o.area.as_str(), o.date, o.metric, o.sector, o.rating, o.part.as_deref(), o.scope.as_deref(), value, o.unit, o.source.as_str())
}

/// Finds every observation that repeats an earlier one, with a problem naming the first; returns
/// which to leave out.
pub fn duplicates(obs: &[Observation], groups: &Groups, problems: &mut Vec<Problem>) -> Vec<bool> {
    let mut repeats: Vec<(usize, usize)> = Vec::new(); // (position, record of the first)
    groups.each(obs, |group| {
        for (k, &j) in group.iter().enumerate().skip(1) {
            if let Some(&i) = group[..k].iter().find(|&&i| same(&obs[i]) == same(&obs[j])) {
                repeats.push((j, obs[i].record));
            }
        }
    });
    let mut left_out = vec![false; obs.len()];
    crate::sort::sort(&mut repeats);
    for (j, first) in repeats {
        // the first of equal figures is never a repeat, so `first` is always kept
        left_out[j] = true;
        problems.push(Problem::new(Section::Observations, obs[j].record, None, ProblemKind::DuplicateOf(first)));
    }
    left_out
}

/// Leaves out the areas whose `part_of` links form a cycle, each with a problem on `part_of` that
/// shows the cycle from it. `areas` are (record index, area); the rest are returned in order.
pub fn drop_cycles(areas: Vec<(usize, Area)>, problems: &mut Vec<Problem>) -> Vec<Area> {
    let at: HashMap<&str, usize> = areas.iter().enumerate().map(|(i, (_, a))| (a.code.as_str(), i)).collect();
    let next = |i: usize| areas[i].1.part_of.as_deref().and_then(|p| at.get(p).copied());
    // 0: not seen, 1: on the path being followed, 2: done
    let mut state = vec![0u8; areas.len()];
    let mut on_cycle = vec![false; areas.len()];
    let mut path = Vec::new();
    for start in 0..areas.len() {
        let mut cur = Some(start);
        while let Some(i) = cur.filter(|&i| state[i] == 0) {
            state[i] = 1;
            path.push(i);
            cur = next(i);
        }
        if let Some(i) = cur.filter(|&i| state[i] == 1) {
            let from = path.iter().position(|&p| p == i).expect("on the path");
            for &p in &path[from..] {
                on_cycle[p] = true;
            }
        }
        for p in path.drain(..) {
            state[p] = 2;
        }
    }
    if !on_cycle.contains(&true) {
        return areas.into_iter().map(|(_, a)| a).collect();
    }
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, (record, a)) in areas.iter().enumerate().filter(|(i, _)| on_cycle[*i]) {
        let mut codes = vec![super::truncate(&a.code, 40)];
        let mut cur = next(i).expect("a cycle goes on");
        while cur != i && codes.len() < 8 {
            codes.push(super::truncate(&areas[cur].1.code, 40));
            cur = next(cur).expect("a cycle goes on");
        }
        codes.push(if cur == i { codes[0].clone() } else { "…".to_string() });
        found.push((*record, codes.join(" → ")));
    }
    crate::sort::sort(&mut found);
    for (record, cycle) in found {
        problems.push(Problem::new(Section::Areas, record, Some("part_of"), ProblemKind::PartOfCycle(cycle)));
    }
    areas.into_iter().zip(on_cycle).filter(|(_, c)| !c).map(|((_, a), _)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_after_updated() {
        let end = updated_end(Some("2026-12-04")).unwrap();
        let after = |d: &str| after_updated(DateRef::parse(d).unwrap(), end);
        assert!(!after("2026"));
        assert!(!after("2026-12"));
        assert!(!after("2026-12-04"));
        assert!(after("2026-12-05"));
        assert!(after("2027"));
        assert!(after("2026-01/2027-01"));
        assert!(!after("2020/2026"));
        assert_eq!(updated_end(Some("4/12/2026")), None);
        assert_eq!(updated_end(Some("2026")), Some(20261231));
    }

    #[test]
    fn money_floors() {
        assert_eq!(too_small(Metric::CharterCapital, Unit::Vnd, 1234.5), Some(1e6));
        assert_eq!(too_small(Metric::CharterCapital, Unit::Vnd, 999_999.0), Some(1e6));
        assert_eq!(too_small(Metric::CharterCapital, Unit::Vnd, 1e6), None);
        assert_eq!(too_small(Metric::CharterCapital, Unit::Vnd, 0.0), None, "zero is zero in any unit");
        assert_eq!(too_small(Metric::IncomePerMember, Unit::VndPerMonth, 5.5), Some(1e5));
        assert_eq!(too_small(Metric::IncomePerMember, Unit::VndPerMonth, 4_500_000.0), None);
        assert_eq!(too_small(Metric::Profit, Unit::Vnd, 450.0), None);
        assert_eq!(too_small(Metric::Cooperatives, Unit::Cooperatives, 3.0), None);
    }

    #[test]
    fn a_small_charter_capital_is_a_problem_at_its_value() {
        let file = |v: &str| {
            format!(
                r#"{{"format":"htx-charts/1","title":"T","updated":"2025-01-01","sources":[{{"id":"s1","publisher":"A","title":"B"}}],
                "areas":[{{"code":"VN","name":"Việt Nam","level":"country"}}],
                "observations":[{{"area":"VN","date":"2024","metric":"charter_capital","value":{v},"qualifier":"exact","unit":"vnd","source":"s1"}}]}}"#
            )
        };
        let ds = crate::load::load(&file("1234.5"), "t").unwrap();
        assert!(ds.observations.is_empty());
        assert_eq!(ds.problems[0].location(), "observations[0].value");
        assert_eq!(ds.problems[0].kind, ProblemKind::ImplausiblySmall { min: 1e6, unit: Unit::Vnd });
        assert!(ds.problems[0].describe(crate::i18n::Lang::Vi).contains("1 triệu đồng"), "{}", ds.problems[0].describe(crate::i18n::Lang::Vi));
        let ds = crate::load::load(&file(r#"{"low":2,"high":3}"#), "t").unwrap();
        assert_eq!(ds.problems.len(), 1);
        let ds = crate::load::load(&file("1234500000"), "t").unwrap();
        assert!(ds.problems.is_empty());
    }

    #[test]
    fn ranges() {
        assert!(!too_wide(3.8e6, 5.5e6));
        assert!(!too_wide(10.0, 100.0));
        assert!(too_wide(10.0, 101.0));
        assert!(too_wide(0.0, 1.0));
        assert!(!too_wide(0.0, 0.0));
    }
}
