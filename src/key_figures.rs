//! The key figures under the explorer: a list of named selections, each drawn by the same path as
//! the explorer's chart ([`crate::view::build`]) and opened in the explorer by its link. The
//! explorer's own default view (cooperatives by area) is not repeated here.

use crate::deck;
use crate::explore::{self, Selection};
use crate::model::Dataset;
use crate::view;

/// One key figure: a stable id (the `data-chart` hook) and the explorer query that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyFigure {
    /// Stable id.
    pub id: &'static str,
    /// The explorer query (`a=vn&c=line`).
    pub query: &'static str,
}

/// The key figures, in page order.
pub const KEY_FIGURES: [KeyFigure; 5] = [
    KeyFigure { id: "national-series", query: "a=vn&c=line" },
    KeyFigure { id: "coops-by-region", query: "a=regions" },
    KeyFigure { id: "coops-by-sector", query: "a=C14-SONLA&by=sector" },
    KeyFigure { id: "capital-by-area", query: "m=charter_capital" },
    KeyFigure { id: "rating-shares", query: "m=rating_share&c=pct" },
];

impl KeyFigure {
    /// The query pairs.
    pub fn pairs(&self) -> Vec<(String, String)> {
        deck::from_query(self.query)
    }

    /// Its selection for a dataset, or None when the dataset cannot show it as written (another
    /// dataset without this metric or area, or without figures of it there, or where the chart kind
    /// or breakdown does not fit): such a key figure is left out, not replaced.
    pub fn selection(&self, ds: &Dataset) -> Option<Selection> {
        let (sel, notices) = explore::from_query(&self.pairs(), ds);
        if !notices.is_empty() {
            return None;
        }
        let scoped = view::filter::scope(ds, &sel);
        let plan = view::choices::plan(ds, &sel, &scoped);
        let has_figures = !(scoped.totals.is_empty() && scoped.parts.is_empty() && scoped.ratings.is_empty());
        (has_figures && plan.fallbacks.is_empty()).then_some(sel)
    }
}

/// The key figures a dataset can show, with their selections.
pub fn for_dataset(ds: &Dataset) -> Vec<(KeyFigure, Selection)> {
    KEY_FIGURES.iter().filter_map(|k| k.selection(ds).map(|s| (*k, s))).collect()
}
