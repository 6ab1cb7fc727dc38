//! Which chart kinds and modes fit a selection, and what is drawn when the one asked for does not
//! (bars, absolute values: each fallback is a [`Caveat`]).

use super::caveat::Caveat;
use super::derive::count_partner;
use super::filter::Scoped;
use crate::explore::{ChartKind, Mode, Selection};
use crate::model::{Dataset, Metric, Observation};
use std::collections::{BTreeMap, BTreeSet};

/// Metrics that can be divided by the number of cooperatives of the same area and date.
pub const PER_COOP_METRICS: [Metric; 7] =
    [Metric::CharterCapital, Metric::TotalCapital, Metric::TotalAssets, Metric::Revenue, Metric::Profit, Metric::Members, Metric::Workers];
/// Subsets of the cooperatives, shown as a share of the number of cooperatives.
pub const SUBSET_METRICS: [Metric; 3] = [Metric::CooperativesOperating, Metric::CooperativesInactive, Metric::CooperativesSmall];

/// What the values drawn are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Computed {
    /// As reported.
    Reported,
    /// Value ÷ cooperatives of the same area and date.
    PerCoop,
    /// Percent of the total (reported total, sum of parts, or number of cooperatives).
    Share,
}

/// The resolved choices of a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Chart kinds that fit (Bars and Table always).
    pub kinds: Vec<ChartKind>,
    /// Modes that fit (Absolute always).
    pub modes: Vec<Mode>,
    /// The kind drawn.
    pub chart_kind: ChartKind,
    /// The mode used.
    pub mode: Mode,
    /// What the values are.
    pub computed: Computed,
    /// The selected areas have this metric by sector.
    pub can_by_sector: bool,
    /// Broken down by sector (asked for, possible, and not a line).
    pub by_sector: bool,
    /// The metric is rating shares.
    pub is_rating: bool,
    /// Drawn as stacked rows.
    pub stacked: bool,
    /// Drawn as lines over time.
    pub line: bool,
    /// Why the kind or mode asked for was not used.
    pub fallbacks: Vec<Caveat>,
}

fn kinds_for(ds: &Dataset, sel: &Selection, sc: &Scoped, by_sector: bool, is_rating: bool) -> Vec<ChartKind> {
    let mut dates_per_area: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for o in &sc.totals {
        dates_per_area.entry(&o.area).or_default().insert(o.date.sort_key());
    }
    let mut kinds = vec![ChartKind::Bars];
    if by_sector {
        kinds.extend([ChartKind::Stacked, ChartKind::Stacked100]);
    }
    if is_rating && !sc.ratings.is_empty() {
        kinds.push(ChartKind::Stacked100);
    }
    if !is_rating && dates_per_area.values().any(|d| d.len() > 1) {
        kinds.push(ChartKind::Line);
    }
    if !is_rating && !super::filter::provincial_totals(ds, sel.metric, sel.unit).is_empty() {
        kinds.push(ChartKind::Map);
    }
    kinds.push(ChartKind::Table);
    kinds
}

/// Resolves what a selection can show and what it shows.
pub fn plan(ds: &Dataset, sel: &Selection, sc: &Scoped) -> Plan {
    let is_rating = sel.metric == Metric::RatingShare;
    let can_by_sector = !is_rating && !sc.parts.is_empty();
    let by_sector = sel.by_sector && can_by_sector;
    let has_partner = |list: &[&Observation]| list.iter().any(|o| count_partner(ds, o).is_some());
    let subset_share = SUBSET_METRICS.contains(&sel.metric) && has_partner(&sc.totals);
    let per_coop = PER_COOP_METRICS.contains(&sel.metric) && has_partner(&sc.totals);
    let mut modes = vec![Mode::Absolute];
    if by_sector || (!sel.by_sector && subset_share) {
        modes.push(Mode::Share);
    }
    if !by_sector && per_coop {
        modes.push(Mode::PerCooperative);
    }
    let kinds = kinds_for(ds, sel, sc, by_sector, is_rating);
    let mut fallbacks = Vec::new();
    let chart_kind = if kinds.contains(&sel.chart) {
        sel.chart
    } else if is_rating && sel.chart == ChartKind::Stacked && kinds.contains(&ChartKind::Stacked100) {
        ChartKind::Stacked100
    } else {
        fallbacks.push(Caveat::KindFallback { asked: sel.chart });
        ChartKind::Bars
    };
    if sel.by_sector && !can_by_sector {
        fallbacks.push(Caveat::NoSectors);
    }
    let line = chart_kind == ChartKind::Line;
    let stacked = matches!(chart_kind, ChartKind::Stacked | ChartKind::Stacked100) && (by_sector || is_rating) && !line;
    let by_sector = by_sector && !line && chart_kind != ChartKind::Map;
    let mode = if chart_kind == ChartKind::Stacked100 && by_sector {
        Mode::Share
    } else if chart_kind == ChartKind::Map {
        if sel.mode != Mode::Absolute {
            fallbacks.push(Caveat::ModeFallback { asked: sel.mode });
        }
        Mode::Absolute
    } else if modes.contains(&sel.mode) && !(line && sel.mode == Mode::Share && !subset_share) {
        sel.mode
    } else {
        if sel.mode != Mode::Absolute {
            fallbacks.push(Caveat::ModeFallback { asked: sel.mode });
        }
        Mode::Absolute
    };
    let computed = match mode {
        Mode::Absolute => Computed::Reported,
        Mode::Share => Computed::Share,
        Mode::PerCooperative => Computed::PerCoop,
    };
    Plan { kinds, modes, chart_kind, mode, computed, can_by_sector, by_sector, is_rating, stacked, line, fallbacks }
}
