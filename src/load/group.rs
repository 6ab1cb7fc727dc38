//! Observations grouped by area, metric, date and source: the duplicate check and the consistency
//! notes compare figures within these groups only. The positions are chained by a hash of the four
//! (keyed, so a file cannot be made to put everything in one chain).

use super::plausible::packed;
use super::raw::same_text;
use crate::model::Observation;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

/// The first and last position of each hash.
type Ends = HashMap<u64, (usize, usize), BuildHasherDefault<Spread>>;

/// A text and its keyed hash.
type Hashed<'a> = (&'a str, u64);

/// The observations of a list, grouped.
pub struct Groups {
    /// Each hash's first and last position.
    ends: Ends,
    /// The next position with the same hash (`usize::MAX` after the last).
    next: Vec<usize>,
}

impl Groups {
    /// Groups a list of observations.
    pub fn new(obs: &[Observation]) -> Groups {
        let hasher = RandomState::new();
        let mut ends: Ends = HashMap::with_capacity_and_hasher(obs.len(), Default::default());
        let mut next = vec![usize::MAX; obs.len()];
        // the keyed hashes of the area and the source, made again only when they change (figures
        // come in runs of one area and one source)
        let (mut area, mut source): (Option<Hashed>, Option<Hashed>) = (None, None);
        let keyed = |s: &str| hasher.hash_one(s);
        for (i, o) in obs.iter().enumerate() {
            let a = match area {
                Some((text, h)) if same_text(text, &o.area) => h,
                _ => area.insert((&o.area, keyed(&o.area))).1,
            };
            let s = match source {
                Some((text, h)) if same_text(text, &o.source) => h,
                _ => source.insert((&o.source, keyed(&o.source))).1,
            };
            let end = ends.entry(mix(a, s, packed(o.metric, o.date))).or_insert((i, i));
            if end.1 != i {
                next[end.1] = i;
                end.1 = i;
            }
        }
        Groups { ends, next }
    }

    /// Calls `f` with the positions of each group of two or more, in file order (groups in no
    /// particular order).
    pub fn each(&self, obs: &[Observation], mut f: impl FnMut(&[usize])) {
        let same = |a: &Observation, b: &Observation| a.area == b.area && a.metric == b.metric && a.date == b.date && a.source == b.source;
        let mut rest: Vec<usize> = Vec::new();
        let mut group: Vec<usize> = Vec::new();
        for &(first, last) in self.ends.values().filter(|(first, last)| first != last) {
            rest.clear();
            let mut i = first;
            while i != usize::MAX {
                rest.push(i);
                i = self.next[i];
            }
            debug_assert_eq!(rest.last(), Some(&last));
            // the positions of one hash are one group unless two hashes met by chance
            while let Some(&first) = rest.first() {
                group.clear();
                group.extend(rest.iter().copied().filter(|&i| same(&obs[i], &obs[first])));
                rest.retain(|&i| !same(&obs[i], &obs[first]));
                if group.len() > 1 {
                    f(&group);
                }
            }
        }
    }
}

/// One hash of the keyed hashes of area and source and of the metric and date (a different metric
/// or date of one area and source always gives a different hash).
fn mix(area: u64, source: u64, metric_date: u64) -> u64 {
    let x = area ^ source.rotate_left(29) ^ metric_date.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

/// A hasher for keys that are hashes already (of a keyed hash): passes them on.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}
