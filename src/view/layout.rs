//! Stage 5: the figures laid out as one kind of chart: [`bars`], [`stacked`] rows, [`line`]s over
//! time or the tile [`map`] of the 34 provinces (a table shows the figures of the bars).

pub mod bars;
pub mod line;
pub mod map;
pub mod stacked;

use super::caveat::Caveat;
use super::choices::{Computed, Plan};
use super::derive::Fig;
use super::figure::Cx;
use super::group;
use super::model::LegendItem;
use super::text::money_scale;
use crate::chart::ChartSpec;
use crate::explore::{ChartKind, Selection};
use crate::format::MoneyScale;
use crate::i18n::Lang;
use crate::model::Dataset;

/// A chart laid out: the spec, the figures drawn in chart order (with their mark keys), the legend,
/// caveats of the layout and the money scale.
pub struct Laid<'a> {
    /// What to draw.
    pub spec: ChartSpec,
    /// The figures drawn, in chart order, each with its mark key.
    pub figs: Vec<(String, Fig<'a>)>,
    /// The legend of stacked and line charts.
    pub legend: Vec<LegendItem>,
    /// What the layout left out or must say.
    pub caveats: Vec<Caveat>,
    /// The money scale of the axis and labels.
    pub scale: MoneyScale,
    /// Figures left out of a long chart (past [`MAX_ROWS`]), in sort order: in the table only.
    pub rest: Vec<(String, Fig<'a>)>,
}

/// The most rows (bars, stacked rows) a chart draws; the others are in its table. A canvas never
/// grows taller than a browser allows, and a chart of 3,000 communes stays readable.
pub const MAX_ROWS: usize = 40;
/// The most lines a line chart draws: one colour each (eight colour-blind-safe colours; a ninth
/// line would repeat the first's colour and could not be told apart from it).
pub const MAX_SERIES: usize = 8;

/// Lays out the figures as the plan's chart kind.
pub fn lay_out<'a>(ds: &'a Dataset, sel: &Selection, plan: &Plan, figs: Vec<Fig<'a>>, lang: Lang) -> Laid<'a> {
    if plan.chart_kind == ChartKind::Map {
        return map::lay_out(ds, sel, lang);
    }
    let mut groups = group::make(ds, figs, lang);
    group::sort(&mut groups, sel.sort);
    let max_rows = sel.top.map_or(MAX_ROWS, |n| (n as usize).min(MAX_ROWS));
    let cap = !plan.line && plan.chart_kind != ChartKind::Table && groups.len() > max_rows;
    let rest_groups = if cap { groups.split_off(max_rows) } else { Vec::new() };
    let percent = plan.computed == Computed::Share || plan.is_rating;
    let max = groups.iter().flat_map(|g| g.figs.iter().map(|f| f.value.extent())).fold(0.0, f64::max);
    let scale = if percent { MoneyScale::One } else { money_scale(sel.unit, max) };
    let cx = Cx { ds, lang, scale, computed: plan.computed, unit: sel.unit };
    let mut laid = if plan.line {
        line::lay_out(&cx, groups, sel)
    } else if plan.stacked {
        stacked::lay_out(&cx, groups, sel, plan.chart_kind == ChartKind::Stacked100 || plan.is_rating)
    } else {
        bars::lay_out(&cx, groups, percent)
    };
    if !rest_groups.is_empty() {
        laid.caveats.push(Caveat::TopRows { shown: max_rows, more: rest_groups.len() });
        laid.rest = rest_groups.into_iter().flat_map(|g| {
            let key = g.key;
            g.figs.into_iter().map(move |f| (match f.part {
                Some(p) => format!("{key}:{}", p.key()),
                None => key.clone(),
            }, f))
        }).collect();
    }
    laid
}
