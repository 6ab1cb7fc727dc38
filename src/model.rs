//! The validated dataset: areas, sources and observations, with units and qualifiers as types.

mod area;
mod date;
mod metric;
mod note;
mod observation;
mod problem;
mod source;

pub use area::{Area, Level};
pub use date::{DateRef, Ymd};
pub use metric::{Metric, Rating, Sector, Unit};
pub use observation::{Observation, Qualifier, Value};
pub use note::{ConsistencyNote, NoteKind};
pub use problem::{Problem, ProblemKind, Section};
pub use source::Source;

use std::collections::HashMap;
use std::sync::OnceLock;

/// A dataset after validation: only valid records, plus what was wrong with the others.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Human title of the dataset.
    pub title: String,
    /// When the dataset was last updated (as written in the file).
    pub updated: Option<String>,
    /// Where the dataset was loaded from (shown in source lines).
    pub origin: String,
    /// Valid sources.
    pub sources: Vec<Source>,
    /// Valid areas.
    pub areas: Vec<Area>,
    /// Valid observations.
    pub observations: Vec<Observation>,
    /// When the copy shown was cached by the app's service worker (an ISO date, or `build` for the
    /// copy shipped with the app), when it was not fetched from the network.
    pub cached_at: Option<String>,
    /// Records left out, with the reason.
    pub problems: Vec<Problem>,
    /// Consistency notes on valid records (parts that do not add up to a total, …).
    pub notes: Vec<ConsistencyNote>,
    area_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    /// Positions of the counts of cooperatives by area (see [`Dataset::counts_of`]), made when
    /// first asked for, with the number of observations it was made from.
    count_index: OnceLock<(usize, HashMap<String, Vec<usize>>)>,
}

impl Dataset {
    /// Builds a dataset and its look-up indexes.
    pub fn new(
        title: String,
        updated: Option<String>,
        origin: String,
        sources: Vec<Source>,
        areas: Vec<Area>,
        observations: Vec<Observation>,
    ) -> Self {
        let area_index = areas.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
        let source_index = sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        Dataset {
            title,
            updated,
            origin,
            sources,
            areas,
            observations,
            cached_at: None,
            problems: Vec::new(),
            notes: Vec::new(),
            area_index,
            source_index,
            count_index: OnceLock::new(),
        }
    }

    /// The area with this code.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.area_index.get(code).map(|&i| &self.areas[i])
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The observation with this record index (its position in the file). The loader keeps
    /// observations in file order, so this is a binary search; a list in another order is searched
    /// one by one.
    pub fn observation(&self, record: usize) -> Option<&Observation> {
        match self.observations.binary_search_by_key(&record, |o| o.record) {
            Ok(i) => Some(&self.observations[i]),
            Err(_) if self.observations.is_sorted_by_key(|o| o.record) => None,
            Err(_) => self.observations.iter().find(|o| o.record == record),
        }
    }

    /// The counts of cooperatives of an area (metric and unit `cooperatives`, no sector or rating
    /// class), in file order: what per-cooperative values are divided by. Found through an index
    /// made on first use; a list of observations changed since (another length) is searched one
    /// by one.
    pub fn counts_of(&self, area: &str) -> Vec<&Observation> {
        let is_count = |o: &Observation| {
            o.metric == Metric::Cooperatives && o.unit == Unit::Cooperatives && o.sector.is_none() && o.rating.is_none()
        };
        let (len, index) = self.count_index.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, o) in self.observations.iter().enumerate().filter(|(_, o)| is_count(o)) {
                index.entry(o.area.clone()).or_default().push(i);
            }
            (self.observations.len(), index)
        });
        if *len == self.observations.len() {
            let found = index.get(area).map(Vec::as_slice).unwrap_or_default();
            found.iter().map(|&i| &self.observations[i]).filter(|o| is_count(o) && o.area == area).collect()
        } else {
            self.observations.iter().filter(|o| is_count(o) && o.area == area).collect()
        }
    }

    /// Consistency notes that concern this observation.
    pub fn notes_for(&self, record: usize) -> impl Iterator<Item = &ConsistencyNote> {
        self.notes.iter().filter(move |n| n.records.contains(&record))
    }
}
