//! Amounts of money and their scale: a table of money figures must say what its numbers are in
//! (đồng, nghìn, triệu or tỷ đồng: never đồng by default), and a figure the loader finds
//! implausibly small for its metric is told at its cell with the units she likely meant.

use super::cell::{read_value, CellValue};
use super::draft::{Draft, MONEY_SCALES};
use super::number::NumberStyle;
use crate::model::{Metric, ProblemKind, Unit};

/// An amount implausibly small in the unit it was read in.
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMoney {
    /// The figure as typed (the low end of a range), before any scale.
    pub low: f64,
    /// The high end of a range, as typed.
    pub high: Option<f64>,
    /// The scale it was read in (0: đồng).
    pub scale: u32,
    /// Whether that scale is written in the cell ("450 đồng") rather than chosen for the table.
    pub in_cell: bool,
    /// The two largest scales that make it plausible (not above the unit's cap either), smallest
    /// first: what she likely meant.
    pub likely: Vec<u32>,
    /// What it measures.
    pub metric: Metric,
    /// The smallest plausible amount, in đồng.
    pub min: f64,
    /// Its unit.
    pub unit: Unit,
}

/// True when a figure's scale is unknown: money, with no scale in its cell nor chosen for the table.
pub fn unscaled(draft: &Draft, v: &CellValue) -> bool {
    draft.unit.is_money() && v.scale.is_none() && draft.scale.is_none()
}

/// The loader's problem `kind` at the cell with `text`, told with the units she likely meant when
/// it is an amount too small for its metric; `None` for any other problem.
pub fn small(kind: &ProblemKind, text: &str, draft: &Draft, style: NumberStyle) -> Option<SmallMoney> {
    let ProblemKind::ImplausiblySmall { min, unit } = *kind else { return None };
    let v = read_value(text, style).ok()?;
    let scale = v.scale.or(draft.scale).unwrap_or(0);
    let (low, high) = (v.low.to_f64(), v.high.map(|h| h.to_f64()));
    let top = high.unwrap_or(low);
    let max = crate::load::max_value(unit).unwrap_or(f64::INFINITY);
    let fits = |p: &u32| *p > scale && (min..=max).contains(&(top * 10f64.powi(*p as i32)));
    let mut likely: Vec<u32> = MONEY_SCALES.iter().rev().map(|(p, _, _)| *p).filter(fits).take(2).collect();
    likely.reverse();
    Some(SmallMoney { low, high, scale, in_cell: v.scale.is_some(), likely, metric: draft.metric, min, unit })
}

/// A scale's words (`tỷ đồng`, `billion VND`).
pub fn scale_words(scale: u32, lang: crate::i18n::Lang) -> &'static str {
    MONEY_SCALES.iter().find(|(p, _, _)| *p == scale).map_or("", |(_, vi, en)| lang.pick(vi, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charter(scale: Option<u32>) -> Draft {
        let mut d = Draft::default();
        d.set_metric(Metric::CharterCapital);
        d.scale = scale;
        d
    }

    #[test]
    fn the_units_she_likely_meant() {
        let kind = ProblemKind::ImplausiblySmall { min: 1e6, unit: Unit::Vnd };
        let s = small(&kind, "1.234,5", &charter(Some(0)), NumberStyle::Vi).unwrap();
        assert_eq!((s.low, s.scale, s.likely.as_slice()), (1234.5, 0, &[6, 9][..]));
        let s = small(&kind, "450", &charter(Some(3)), NumberStyle::Vi).unwrap();
        assert_eq!(s.likely, vec![6, 9], "450 nghìn is too small; 450 triệu is not");
        let income = ProblemKind::ImplausiblySmall { min: 1e5, unit: Unit::VndPerMonth };
        let mut d = charter(Some(0));
        (d.metric, d.unit) = (Metric::IncomePerMember, Unit::VndPerMonth);
        assert_eq!(small(&income, "450", &d, NumberStyle::Vi).unwrap().likely, vec![3, 6], "450 tỷ a month is beyond the cap");
        let s = small(&kind, "3,8 – 5,5 đồng", &charter(Some(9)), NumberStyle::Vi).unwrap();
        assert_eq!((s.scale, s.high, s.in_cell), (0, Some(5.5), true), "the cell's own unit");
        assert_eq!(small(&ProblemKind::RangeTooWide, "450", &charter(Some(0)), NumberStyle::Vi), None);
    }

    #[test]
    fn money_without_a_scale_is_unscaled() {
        let v = read_value("450", NumberStyle::Vi).unwrap();
        assert!(unscaled(&charter(None), &v));
        assert!(!unscaled(&charter(Some(0)), &v));
        assert!(!unscaled(&charter(None), &read_value("450 tỷ đồng", NumberStyle::Vi).unwrap()));
        assert!(!unscaled(&Draft::default(), &v), "a count has no scale");
    }
}
