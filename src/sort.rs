//! One stable sort for the whole crate. Each `slice::sort_by` in the standard library is a copy
//! of the sort algorithm for its element type and comparator (about 3 KB of WebAssembly each, a
//! few dozen of them in the embed); these sort an index array with a `&mut dyn FnMut` comparator
//! (one copy of the algorithm) and then put the elements in that order; [`set`] builds a
//! `BTreeSet` without sorting.

use std::cmp::Ordering;

/// The one sort: indexes `0..n` in the comparator's order (stable).
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Puts `v` in the order `idx` gives (`new[i] = old[idx[i]]`), following each cycle once.
fn permute<T>(v: &mut [T], mut idx: Vec<usize>) {
    for start in 0..v.len() {
        let mut cur = start;
        while idx[cur] != usize::MAX {
            let next = idx[cur];
            idx[cur] = usize::MAX;
            if next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// Sorts stably by a comparator (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let idx = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, idx);
}

/// Sorts stably by a key (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts stably by a key computed once per element (as `slice::sort_by_cached_key`).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let idx = order(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, idx);
}

/// Sorts in the natural order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The set of the items (as `collect::<BTreeSet<_>>()`, which sorts them with a copy of the sort
/// algorithm for each item type), built by inserting them one by one.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> std::collections::BTreeSet<T> {
    let mut s = std::collections::BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random sequence.
    fn numbers(n: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed;
        (0..n)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((x >> 59) as u8, i)
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort() {
        for (n, seed) in [(0, 1), (1, 2), (2, 3), (7, 4), (100, 5), (1000, 6)] {
            let mut ours = numbers(n, seed);
            let mut std = ours.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}: same order, ties in their first order");
            let mut cached = numbers(n, seed);
            sort_by_cached_key(&mut cached, |p| std::cmp::Reverse(p.0));
            let mut std = numbers(n, seed);
            std.sort_by_cached_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(cached, std);
        }
        let mut words = vec!["b", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        let mut floats = vec![2.5, -1.0, 0.0];
        sort_by(&mut floats, f64::total_cmp);
        assert_eq!(floats, [-1.0, 0.0, 2.5]);
    }
}
