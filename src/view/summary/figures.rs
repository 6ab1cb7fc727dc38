//! What reading a view asks of its figures: their parts, dates and areas, the largest and
//! smallest, who reported them, where sources differ, and how a line changed between its ends.

use super::facts::{Change, Dates, Disagreement, End, Extreme, Named, PartKind, Sourced};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Qualifier, Unit, Value};
use crate::view::model::Figure;
use crate::view::text::area_name;
use std::collections::BTreeSet;

/// Figures with the same largest (or smallest) value named.
const MAX_TIED: usize = 3;

/// The label of a figure's sector or rating class, when it has one.
pub(super) fn part_label(f: &Figure, lang: Lang) -> Option<&'static str> {
    match (f.rating, f.sector) {
        (Some(r), _) => Some(r.label(lang)),
        (None, Some(s)) => Some(s.label(lang)),
        _ => None,
    }
}

/// Rating classes when any figure has one, else sectors.
pub(super) fn part_kind(figs: &[&Figure]) -> PartKind {
    if figs.iter().any(|f| f.rating.is_some()) {
        PartKind::Rating
    } else {
        PartKind::Sector
    }
}

/// The years of a figure's date (both ends of a period).
fn years(f: &Figure) -> impl Iterator<Item = u16> + '_ {
    f.date_key.split('/').filter_map(|d| d.get(..4)?.parse().ok())
}

/// When the figures are from; none without figures.
pub(super) fn dates_of(figs: &[&Figure]) -> Option<Dates> {
    let keys: BTreeSet<&str> = crate::sort::set(figs.iter().map(|f| f.date_key.as_str()));
    if keys.len() == 1 {
        return Some(Dates::One(figs[0].date.clone()));
    }
    let all: Vec<u16> = figs.iter().flat_map(|f| years(f)).collect();
    let (lo, hi) = (*all.iter().min()?, *all.iter().max()?);
    Some(if lo == hi { Dates::Year(lo) } else { Dates::Span(lo, hi) })
}

/// How many areas the figures are of.
pub(super) fn distinct_areas(figs: &[&Figure]) -> usize {
    crate::sort::set(figs.iter().map(|f| f.area_code.as_str())).len()
}

/// The largest (`max`) or smallest figure, ordered by the number drawn (a range by its high end),
/// with every other of the very same value as written. Among equal numbers written differently
/// ("hơn 5,5" and "khoảng 5,5"), the largest is the first in chart order and the smallest the
/// last, so that one figure is never both.
pub(super) fn extreme(items: &[(String, &Figure)], max: bool) -> Extreme {
    let key = |f: &Figure| f.value.extent();
    let mut best: Option<&(String, &Figure)> = None;
    for it in items {
        let better = match best {
            None => true,
            Some(b) if max => key(it.1) > key(b.1),
            Some(b) => key(it.1) <= key(b.1),
        };
        if better {
            best = Some(it);
        }
    }
    let Some(best) = best else { return Extreme { figures: Vec::new(), more: 0 } };
    let tied: Vec<Named> = items
        .iter()
        .filter(|it| key(it.1) == key(best.1) && it.1.value_text == best.1.value_text)
        .map(|(name, f)| Named { name: name.clone(), value: f.value_text.clone(), date: f.date.clone() })
        .collect();
    let more = tied.len().saturating_sub(MAX_TIED);
    Extreme { figures: tied.into_iter().take(MAX_TIED).collect(), more }
}

/// Who reported a figure: the source's reporter or publisher, without a web address in brackets.
fn who(ds: &Dataset, f: &Figure) -> String {
    let source = f.inputs.first().and_then(|i| ds.observation(i.record)).and_then(|o| ds.source(&o.source));
    let name = match source {
        Some(s) => s.reporter.clone().unwrap_or_else(|| s.publisher.clone()),
        None => f.inputs.first().map(|i| i.publisher.clone()).unwrap_or_default(),
    };
    let name = name.split(" (").next().unwrap_or(&name).trim().to_string();
    crate::load::truncate_pub(&name)
}

/// The figures of one place and date (and part) that come from different sources and differ.
fn differ(ds: &Dataset, same: &[&Figure]) -> Option<Vec<Sourced>> {
    let sources: BTreeSet<&str> = crate::sort::set(same.iter().filter_map(|f| f.inputs.first()).filter_map(|i| ds.observation(i.record)).map(|o| o.source.as_str()));
    let values: BTreeSet<&str> = crate::sort::set(same.iter().map(|f| f.value_text.as_str()));
    (same.len() > 1 && sources.len() > 1 && values.len() > 1).then(|| same.iter().map(|f| Sourced { value: f.value_text.clone(), who: who(ds, f) }).collect())
}

/// Places where several sources give different figures for one area, date and part.
pub(super) fn disagreements(ds: &Dataset, figs: &[&Figure], lang: Lang, skip: &[(String, String)]) -> Vec<Disagreement> {
    // group once (first-seen order), so that 3,000 areas take linear time
    type Id<'a> = (&'a str, &'a str, Option<&'a str>);
    let mut order: Vec<(Id, Vec<&Figure>)> = Vec::new();
    let mut index: std::collections::HashMap<Id, usize> = std::collections::HashMap::new();
    for f in figs {
        let id = (f.area_code.as_str(), f.date_key.as_str(), part_label(f, lang));
        match index.get(&id) {
            Some(&i) => order[i].1.push(f),
            None => {
                index.insert(id, order.len());
                order.push((id, vec![f]));
            }
        }
    }
    let skip: std::collections::HashSet<(&str, &str)> = skip.iter().map(|(a, d)| (a.as_str(), d.as_str())).collect();
    let mut out = Vec::new();
    for (id, same) in order {
        if skip.contains(&(id.0, id.1)) {
            continue;
        }
        if let Some(figures) = differ(ds, &same) {
            let mut area = area_name(ds, id.0, lang);
            if let Some(p) = id.2 {
                area = format!("{area} — {p}");
            }
            out.push(Disagreement { area, date: same[0].date.clone(), figures });
        }
    }
    out
}

/// The number of decimals of a figure as stored.
fn decimals(x: f64) -> i32 {
    let s = format!("{}", x.abs());
    s.split_once('.').map(|(_, f)| f.len() as i32).unwrap_or(0)
}

/// The difference of two exact figures in one unit, as written ("12.180 HTX"); none when either
/// is not exact, is a range or is computed.
fn difference(a: &Figure, b: &Figure, lang: Lang) -> Option<String> {
    let plain = |f: &Figure| f.qualifier.is_exact() && f.formula.is_none() && !f.per_cooperative;
    let (Value::Point(x), Value::Point(y)) = (a.value, b.value) else { return None };
    if !plain(a) || !plain(b) || a.unit != b.unit {
        return None;
    }
    let p = 10f64.powi(decimals(x).max(decimals(y)).min(10));
    let d = ((y - x).abs() * p).round() / p;
    Some(match a.unit {
        Unit::Percent => format!("{} {}", format::number(d, lang), lang.pick("điểm phần trăm", "percentage points")),
        unit => format::amount(d, unit, lang),
    })
}

/// What a figure may be, as an interval (approximate figures count as the number drawn).
fn bounds(f: &Figure) -> (f64, f64) {
    let (lo, hi) = match f.value {
        Value::Point(x) => (x, x),
        Value::Range { low, high, high_open } => (low, if high_open { f64::INFINITY } else { high }),
    };
    match f.qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => (lo, f64::INFINITY),
        Qualifier::Nearly => (f64::NEG_INFINITY, hi),
        _ => (lo, hi),
    }
}

/// How a line changed from its figures at its first date to those at its last.
pub(super) fn change(first: &[&Figure], last: &[&Figure], lang: Lang) -> Change {
    // figures of several sources that agree count as one
    let one = |list: &[&Figure]| list.iter().all(|f| f.value_text == list[0].value_text && f.value == list[0].value);
    let first = if one(first) { &first[..1] } else { first };
    let last = if one(last) { &last[..1] } else { last };
    let mut up = true;
    let mut down = true;
    for a in first {
        for b in last {
            let ((alo, ahi), (blo, bhi)) = (bounds(a), bounds(b));
            up &= ahi < blo;
            down &= alo > bhi;
        }
    }
    let single = first.len() == 1 && last.len() == 1;
    let by = if single { difference(first[0], last[0], lang) } else { None };
    if up {
        Change::Up(by)
    } else if down {
        Change::Down(by)
    } else if single && first[0].value == last[0].value && by.is_some() {
        Change::Same
    } else {
        Change::Unknown
    }
}

/// One end of a line: its figures at one date (several only where sources differ).
pub(super) fn end(ds: &Dataset, same: &[&Figure]) -> End {
    let figures = differ(ds, same).unwrap_or_else(|| vec![Sourced { value: same[0].value_text.clone(), who: who(ds, same[0]) }]);
    End { date: same[0].date.clone(), figures }
}

/// The figures of a list at its first and at its last date.
pub(super) fn ends<'a>(figs: &[&'a Figure]) -> (Vec<&'a Figure>, Vec<&'a Figure>) {
    let first = figs.first().map(|f| f.date_key.as_str()).unwrap_or_default();
    let last = figs.last().map(|f| f.date_key.as_str()).unwrap_or_default();
    (figs.iter().copied().filter(|f| f.date_key == first).collect(), figs.iter().copied().filter(|f| f.date_key == last).collect())
}
