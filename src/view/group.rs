//! Stage 4: what one bar, stacked row or line point stands for. Figures of one area, date and
//! source (and sector, for rating shares) form one group with a unique key and a label that tells
//! apart several groups of one area (by publisher, or by scope).

use super::derive::Fig;
use super::part::Part;
use super::text::{area_label, short_publisher};
use crate::explore::{fold, SortBy};
use crate::i18n::Lang;
use crate::model::{Area, Dataset, DateRef, Sector};
use std::collections::{BTreeMap, BTreeSet};

/// One row of bars or one stacked row.
#[derive(Debug)]
pub struct Group<'a> {
    /// The area.
    pub area: &'a Area,
    /// The date.
    pub date: DateRef,
    /// The source id.
    pub source: &'a str,
    /// The sector of a rating breakdown (rating shares of one sector's cooperatives).
    pub sector: Option<Sector>,
    /// Its figures.
    pub figs: Vec<Fig<'a>>,
    /// Unique key (the area code, `code#2` for a second group of one area).
    pub key: String,
    /// Label.
    pub label: String,
}

impl Group<'_> {
    /// The sum of its figures (the length of a stacked row).
    pub fn total(&self) -> f64 {
        self.figs.iter().map(|f| f.value.extent()).sum()
    }
}

/// Groups figures by area, date and source (a figure without a part is a group of its own).
pub fn make<'a>(ds: &'a Dataset, figs: Vec<Fig<'a>>, lang: Lang) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for f in figs {
        let Some(area) = ds.area(&f.obs.area) else { continue };
        let sector = if matches!(f.part, Some(Part::Rating(_))) { f.obs.sector } else { None };
        let with_parts = f.part.is_some();
        let found = groups
            .iter_mut()
            .find(|g| with_parts && g.area.code == area.code && g.date == f.obs.date && g.source == f.obs.source && g.sector == sector);
        match found {
            Some(g) => g.figs.push(f),
            None => groups.push(Group { area, date: f.obs.date, source: &f.obs.source, sector, figs: vec![f], key: String::new(), label: String::new() }),
        }
    }
    name(ds, &mut groups, lang);
    groups
}

/// Gives each group its key and label.
fn name(ds: &Dataset, groups: &mut [Group], lang: Lang) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for g in groups.iter() {
        *count.entry(g.area.code.clone()).or_default() += 1;
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..groups.len() {
        let code = groups[i].area.code.clone();
        let n = seen.entry(code.clone()).or_default();
        *n += 1;
        groups[i].key = if *n == 1 { code.clone() } else { format!("{code}#{n}") };
        let mut label = area_label(groups[i].area, lang);
        if let Some(s) = groups[i].sector {
            label = format!("{label} ({})", crate::case::to_lower(s.label(lang)));
        }
        if let Some(part) = &groups[i].figs[0].obs.part {
            label = format!("{label} — {part}");
        } else if count[&code] > 1 {
            label = tell_apart(ds, groups, i, label, lang);
        }
        groups[i].label = label;
    }
}

/// Several groups of one area: name the publisher (same date, several sources) or the scope (in
/// English, the publisher where the sources differ: a scope is the source's Vietnamese words).
fn tell_apart(ds: &Dataset, groups: &[Group], i: usize, label: String, lang: Lang) -> String {
    let g = &groups[i];
    let same: Vec<&Group> = groups.iter().filter(|x| x.area.code == g.area.code).collect();
    let sources: BTreeSet<&str> = crate::sort::set(same.iter().map(|x| x.source));
    let scopes: BTreeSet<Option<&str>> = crate::sort::set(same.iter().map(|x| x.figs[0].obs.scope.as_deref()));
    let same_date = same.iter().filter(|x| x.date == g.date).count() > 1;
    if sources.len() > 1 && (same_date || lang == Lang::En) {
        format!("{label} ({})", short_publisher(ds, g.source))
    } else if scopes.len() > 1 {
        match &g.figs[0].obs.scope {
            Some(scope) => format!("{label} — {scope}"),
            None => label,
        }
    } else {
        label
    }
}

/// Sorts groups: largest first (ties by code, then latest first), or by name.
pub fn sort(groups: &mut [Group], by: SortBy) {
    match by {
        SortBy::Value => crate::sort::sort_by(groups, |a, b| {
            b.total().total_cmp(&a.total()).then_with(|| a.area.code.cmp(&b.area.code)).then_with(|| b.date.sort_key().cmp(&a.date.sort_key()))
        }),
        SortBy::Name => crate::sort::sort_by(groups, |a, b| {
            fold(&a.label).cmp(&fold(&b.label)).then_with(|| a.area.code.cmp(&b.area.code)).then_with(|| a.date.sort_key().cmp(&b.date.sort_key()))
        }),
    }
}
