//! Horizontal bars: one bar per figure, groups in their sorted order; the parts of a group
//! largest first (rating classes in their order).

use super::Laid;
use crate::chart::{BarRow, BarSpec, ChartSpec};
use crate::model::Unit;
use crate::view::derive::Fig;
use crate::view::figure::Cx;
use crate::view::group::Group;
use crate::view::part::Part;
use crate::view::text::{date_of, divisor};

/// Lays out groups as bars.
pub fn lay_out<'a>(cx: &Cx, mut groups: Vec<Group<'a>>, percent: bool) -> Laid<'a> {
    let single_group = groups.len() == 1;
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    let mut rows: Vec<BarRow> = Vec::new();
    for g in &mut groups {
        if g.figs.iter().any(|f| matches!(f.part, Some(Part::Rating(_)))) {
            crate::sort::sort_by_key(&mut g.figs, |f| f.part.map(Part::order));
        } else {
            crate::sort::sort_by(&mut g.figs, |a, b| b.value.extent().total_cmp(&a.value.extent()).then(a.part.cmp(&b.part)));
        }
        for f in &g.figs {
            let (key, label) = match f.part {
                Some(p) if single_group => (format!("{}:{}", g.key, p.key()), p.label(cx.lang).to_string()),
                Some(p) => (format!("{}:{}", g.key, p.key()), format!("{} — {}", g.label, p.label(cx.lang))),
                None => (g.key.clone(), g.label.clone()),
            };
            rows.push(BarRow {
                key: key.clone(),
                label,
                date: date_of(f.obs.date, cx.lang),
                value: f.value,
                qualifier: f.qualifier,
                value_label: cx.label(f),
                record: f.obs.record,
                flagged: cx.ds.notes_for(f.obs.record).next().is_some(),
            });
            figs.push((key, f.clone()));
        }
    }
    let unit = if percent { Unit::Percent } else { cx.unit };
    let spec = ChartSpec::Bars(BarSpec { unit, tick_divisor: divisor(cx.scale), rows });
    Laid { spec, figs, legend: Vec::new(), caveats: Vec::new(), scale: cx.scale, rest: Vec::new() }
}
