//! Stacked rows: one row per group, one segment per sector or rating class, on a value axis or a
//! 0–100 % axis; hidden series are left out (and the rows sorted again on what is drawn).

use super::Laid;
use crate::chart::{ChartSpec, Segment, StackAxis, StackRow, StackSpec};
use crate::explore::{Selection, SortBy};
use crate::model::Sector;
use crate::view::derive::Fig;
use crate::view::figure::Cx;
use crate::view::group::{self, Group};
use crate::view::model::LegendItem;
use crate::view::part::Part;
use crate::view::text::{date_of, divisor};

fn legend(cx: &Cx, groups: &[Group], sel: &Selection) -> (Vec<Part>, Vec<LegendItem>) {
    let mut present: Vec<Part> = groups.iter().flat_map(|g| g.figs.iter().filter_map(|f| f.part)).collect();
    crate::sort::sort_by_key(&mut present, |p| p.order());
    present.dedup();
    let legend = present
        .iter()
        .map(|p| LegendItem { key: p.key().into(), label: p.label(cx.lang).into(), colour: p.colour(), hidden: sel.hidden.iter().any(|h| h == p.key()) })
        .collect();
    (present, legend)
}

/// Lays out groups as stacked rows.
pub fn lay_out<'a>(cx: &Cx, mut groups: Vec<Group<'a>>, sel: &Selection, percent_axis: bool) -> Laid<'a> {
    let (present, legend) = legend(cx, &groups, sel);
    let visible: Vec<Part> = present.iter().zip(&legend).filter(|(_, l)| !l.hidden).map(|(p, _)| *p).collect();
    for g in &mut groups {
        g.figs.retain(|f| f.part.is_some_and(|p| visible.contains(&p)));
        crate::sort::sort_by_key(&mut g.figs, |f| f.part.map(Part::order));
    }
    groups.retain(|g| !g.figs.is_empty());
    if sel.sort == SortBy::Value && !percent_axis {
        group::sort(&mut groups, SortBy::Value);
    }
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    let mut rows: Vec<StackRow> = Vec::new();
    for g in &groups {
        let mut segments = Vec::new();
        for f in &g.figs {
            let p = f.part.unwrap_or(Part::Sector(Sector::Other));
            let key = format!("{}:{}", g.key, p.key());
            figs.push((key.clone(), f.clone()));
            segments.push(Segment { class: visible.iter().position(|v| *v == p).unwrap_or(0), value: f.value.extent(), label: cx.label(f), record: f.obs.record, key });
        }
        rows.push(StackRow { label: g.label.clone(), date: date_of(g.date, cx.lang), segments });
    }
    let axis = if percent_axis { StackAxis::Percent } else { StackAxis::Value { tick_divisor: divisor(cx.scale) } };
    let spec = ChartSpec::Stacked(StackSpec {
        classes: visible.iter().map(|p| p.label(cx.lang).to_string()).collect(),
        colours: visible.iter().map(|p| p.colour()).collect(),
        rows,
        axis,
    });
    Laid { spec, figs, legend, caveats: Vec::new(), scale: cx.scale, rest: Vec::new() }
}
