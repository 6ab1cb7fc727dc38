//! Selecting observations: the latest figure per area, the metrics present, the areas with sectors.

use crate::model::{Area, Dataset, Metric, Observation, Unit};
use std::collections::{BTreeMap, BTreeSet};

/// For each area passing `keep`, the observations of `metric` in `unit` (all sectors together, no
/// rating class) at that area's latest date. Several sources at the same latest date are all kept.
pub fn latest_per_area(ds: &Dataset, metric: Metric, unit: Unit, keep: impl Fn(&Area) -> bool) -> Vec<&Observation> {
    let mut best: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
    for o in &ds.observations {
        if o.metric != metric || o.unit != unit || o.sector.is_some() || o.rating.is_some() {
            continue;
        }
        let Some(area) = ds.area(&o.area) else { continue };
        if !keep(area) {
            continue;
        }
        let slot = best.entry(&o.area).or_default();
        match slot.first().map(|f| f.date.sort_key()) {
            Some(k) if k > o.date.sort_key() => {}
            Some(k) if k == o.date.sort_key() => slot.push(o),
            _ => *slot = vec![o],
        }
    }
    best.into_values().flatten().collect()
}

/// The (metric, unit) pairs present for local areas, in metric order.
pub fn metric_choices(ds: &Dataset) -> Vec<(Metric, Unit)> {
    let set: BTreeSet<(Metric, Unit)> = ds
        .observations
        .iter()
        .filter(|o| o.sector.is_none() && o.rating.is_none())
        .filter(|o| ds.area(&o.area).is_some_and(|a| a.level.is_local()))
        .map(|o| (o.metric, o.unit))
        .collect();
    set.into_iter().collect()
}

/// Areas that have a breakdown of the number of cooperatives by sector, in file order.
pub fn sector_areas(ds: &Dataset) -> Vec<&Area> {
    ds.areas
        .iter()
        .filter(|a| ds.observations.iter().any(|o| o.area == a.code && o.metric == Metric::Cooperatives && o.sector.is_some()))
        .collect()
}
