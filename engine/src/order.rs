//! Sorting for the whole engine through one copy of Rust's sort.
//!
//! `slice::sort*` is generic: every element type and comparator gets its own copy of the
//! sort's code, 2–5 KB of wasm each, and the engine sorted about twenty kinds of list. Here every
//! sort orders a list of `u32` positions through a comparator behind `&dyn`, so the wasm holds
//! one sort instance, and the caller's list is then permuted into that order (a few bytes of
//! code per element type). The price is an indirect call per comparison, which at this deck's
//! sizes (a few hundred items at most per sort) is not measurable next to the work around it.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stably: equal items keep their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts a short, nearly sorted list (mock interviews, days of history, backups) by `key`,
/// stably, without allocating: these lists are written in order and only a hand-edited file
/// would need more than one pass.
pub fn insertion_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A `BTreeMap` of `entries`, the later of two equal keys winning, as `collect()` would. Collecting
/// into a B-tree sorts the entries first, with a copy of the standard stable sort for each
/// entry type; inserting one by one costs a search per entry and no sort.
pub(crate) fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in entries {
        map.insert(key, value);
    }
    map
}

/// A `BTreeSet` of `items`, built like [`map_of`] without the sort `collect()` brings.
pub(crate) fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..len` in the order `compare` puts the items at them, ties by position (so
/// the result is stable although the sort itself is not). The one sort instance in the wasm.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("a list shorter than 2^32 items");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// Rearranges `items` so position `i` holds what was at `order[i]`, following each cycle of the
/// permutation once. `order` is used up as the record of which positions are done.
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut current = start;
        loop {
            let next = order[current] as usize;
            order[current] = current as u32;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut rng = Rng::new(3);
        for len in [0, 1, 2, 3, 7, 50, 500] {
            let items: Vec<(u8, u32)> = (0..len).map(|i| (rng.below(5) as u8, i)).collect();
            let mut ours = items.clone();
            let mut standard = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            standard.sort_by_key(|item| item.0);
            assert_eq!(ours, standard, "length {len}");
        }
    }

    #[test]
    fn sorts_by_comparator_and_natural_order() {
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()));
        assert_eq!(words, ["apple", "apple", "pear", "fig"]);
    }

    #[test]
    fn maps_and_sets_match_collect() {
        let entries = [(3, 'a'), (1, 'b'), (3, 'c')];
        assert_eq!(
            map_of(entries),
            entries.into_iter().collect::<BTreeMap<_, _>>()
        );
        assert_eq!(set_of([2, 1, 2]), BTreeSet::from([1, 2]));
    }

    #[test]
    fn insertion_sort_is_stable() {
        let mut days = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        insertion_sort_by_key(&mut days, |d| d.0);
        assert_eq!(days, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
