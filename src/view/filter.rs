//! Stage 1: the figures of the selected metric (in its unit) in the selected areas, split into
//! totals, sector parts and rating shares.

use crate::explore::{AreaSet, Selection};
use crate::model::{Area, Dataset, Level, Metric, Observation, Unit};
use std::collections::{BTreeMap, BTreeSet};

/// The figures a selection starts from.
#[derive(Debug, Clone, Default)]
pub struct Scoped<'a> {
    /// Totals (no sector, no rating class) in the selected areas.
    pub totals: Vec<&'a Observation>,
    /// Sector parts in the selected areas.
    pub parts: Vec<&'a Observation>,
    /// Rating shares with a single value, in the selected areas.
    pub ratings: Vec<&'a Observation>,
    /// Years that have figures of this metric in the selected areas, ascending.
    pub years: Vec<u16>,
    /// Codes of every area (all levels) that has this metric in this unit, in dataset order.
    pub areas_with_data: Vec<String>,
}

/// True when an area belongs to the chosen set.
pub fn in_set(set: &AreaSet, a: &Area) -> bool {
    match set {
        AreaSet::Local => a.level.is_local(),
        AreaSet::Provinces => a.level == Level::Province,
        AreaSet::Regions => a.level == Level::Region,
        AreaSet::Country => a.level == Level::Country,
        AreaSet::Custom(codes) => codes.contains(&a.code),
    }
}

/// Whether any of the areas that have the metric (`areas_with_data`, see [`Scoped`]) belongs to
/// the preset: a preset without one would chart nothing (its button is greyed out).
pub fn preset_has_data(ds: &Dataset, preset: &AreaSet, areas_with_data: &[String]) -> bool {
    areas_with_data.iter().any(|c| ds.area(c).is_some_and(|a| in_set(preset, a)))
}

/// The areas to show after the metric changed to `sel`'s: its areas, unless they are a preset
/// without a figure of that metric, then the first preset that has one (a list of chosen areas
/// is kept: its chart says which have no figure).
pub fn areas_for_metric(ds: &Dataset, sel: &Selection) -> AreaSet {
    if matches!(sel.areas, AreaSet::Custom(_)) {
        return sel.areas.clone();
    }
    let with = in_dataset_order(ds, ds.observations.iter().filter(|o| o.metric == sel.metric && o.unit == sel.unit));
    if preset_has_data(ds, &sel.areas, &with) {
        return sel.areas.clone();
    }
    AreaSet::PRESETS.into_iter().find(|p| preset_has_data(ds, p, &with)).unwrap_or_else(|| sel.areas.clone())
}

/// True for a total: no sector and no rating class.
pub fn is_total(o: &Observation) -> bool {
    o.sector.is_none() && o.rating.is_none()
}

/// The codes of the areas of these figures, once each, in dataset order.
fn in_dataset_order<'a>(ds: &Dataset, obs: impl Iterator<Item = &'a Observation>) -> Vec<String> {
    let with_data: BTreeSet<&str> = crate::sort::set(obs.map(|o| o.area.as_str()));
    ds.areas.iter().filter(|a| with_data.contains(a.code.as_str())).map(|a| a.code.clone()).collect()
}

/// The figures of `sel`'s metric and unit in `sel`'s areas.
pub fn scope<'a>(ds: &'a Dataset, sel: &Selection) -> Scoped<'a> {
    let metric_obs: Vec<&Observation> = ds.observations.iter().filter(|o| o.metric == sel.metric && o.unit == sel.unit).collect();
    let areas_with_data = in_dataset_order(ds, metric_obs.iter().copied());
    let scoped: Vec<&Observation> = metric_obs.into_iter().filter(|o| ds.area(&o.area).is_some_and(|a| in_set(&sel.areas, a))).collect();
    let years: BTreeSet<u16> = crate::sort::set(scoped.iter().map(|o| o.date.year()));
    Scoped {
        totals: scoped.iter().copied().filter(|o| is_total(o)).collect(),
        parts: scoped.iter().copied().filter(|o| o.sector.is_some() && o.rating.is_none()).collect(),
        ratings: scoped.iter().copied().filter(|o| o.rating.is_some() && o.value.point().is_some()).collect(),
        years: years.into_iter().collect(),
        areas_with_data,
    }
}

/// The totals of a metric for the 34 current provinces and the 63 former ones (what the tile map
/// draws from, whatever areas are selected).
pub fn provincial_totals(ds: &Dataset, metric: Metric, unit: Unit) -> Vec<&Observation> {
    ds.observations
        .iter()
        .filter(|o| o.metric == metric && o.unit == unit && is_total(o))
        .filter(|o| ds.area(&o.area).is_some_and(|a| matches!(a.level, Level::Province | Level::FormerProvince)))
        .collect()
}

/// The (metric, unit) pairs of the dataset with the number of areas (all levels) that have each,
/// in metric order.
pub fn metric_choices(ds: &Dataset) -> Vec<(Metric, Unit, usize)> {
    let mut m: BTreeMap<(Metric, Unit), BTreeSet<&str>> = BTreeMap::new();
    for o in &ds.observations {
        m.entry((o.metric, o.unit)).or_default().insert(&o.area);
    }
    m.into_iter().map(|((metric, unit), areas)| (metric, unit, areas.len())).collect()
}
