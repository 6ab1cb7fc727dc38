//! From a [`Selection`] to a [`ChartView`]: the one path every chart takes (explorer, key figures,
//! embed, slides, map, table and downloads).
//!
//! The stages, each a module found by its name:
//! [`filter`] (the metric's figures in the chosen areas) → [`pick`] (latest or one year, one tie
//! rule for every view) → [`derive`] (as reported, share of a total, per cooperative) → [`group`]
//! (what one bar, stacked row or line point stands for) → [`layout`] (bars, stacked, line, map,
//! table) → [`ChartView`], the view model that canvas, tooltip, table, CSV and PNG/SVG frame read.
//! [`choices`] says which chart kinds and modes fit; [`caveat`] holds what a reader must know, as
//! typed values turned into words in one place per language; [`summary`] writes what the chart
//! shows in a few sentences (under the chart, as its accessible description and alt text).

pub mod caveat;
pub mod choices;
pub mod derive;
mod figure;
pub mod filter;
pub mod group;
pub mod layout;
mod model;
pub mod part;
pub mod pick;
mod slide;
pub mod summary;
pub mod text;
mod title;

pub use caveat::Caveat;
pub use filter::metric_choices;
pub use model::{ChartView, Figure, Input, LegendItem};
pub use slide::{slide_view, SlideRoom, SLIDE_ROWS};
pub use summary::{alt_text, Summary};

use crate::explore::{self, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;

/// Builds the view of one selection: the chart spec, every figure drawn (with its value as drawn,
/// whether it was computed and from which records), caveats, notes, legend, title, unit line and
/// source line. A chart kind or mode that does not fit the selection falls back to bars or
/// absolute values, with a caveat saying so.
pub fn build(ds: &Dataset, sel: &Selection, lang: Lang) -> ChartView {
    let scoped = filter::scope(ds, sel);
    let plan = choices::plan(ds, sel, &scoped);
    // the tile map lays out its own figures (every province, whatever areas are selected)
    let (figs, derived) = if plan.chart_kind == explore::ChartKind::Map { Default::default() } else { derive::figures(ds, sel, &scoped, &plan) };
    let caveats = plan.fallbacks.iter().cloned().chain(derived).collect();
    let out = layout::lay_out(ds, sel, &plan, figs, lang);
    model::finish(ds, sel, &scoped, plan, out, caveats, lang)
}
