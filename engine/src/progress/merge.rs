//! Three-way merges of saved progress: what this tab last saw in storage (`base`), what it
//! holds now (`ours`) and what storage holds now (`stored`, perhaps written by another tab).
//!
//! A change made on one side only wins; a card changed on both sides keeps the later review.
//! Deleting is a change too, so an undo or a reset in one tab reaches the others, while a
//! review another tab saved meanwhile is never dropped.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::order::{self, insertion_sort_by_key};
use crate::progress::{MockRecord, ReviewRecord};
use crate::scheduler::CardSchedule;
use crate::stats::DaySummary;

/// One card's merge: `None` is "not saved" (new, undone or reset).
pub fn merge_card(
    base: Option<&CardSchedule>,
    ours: Option<&CardSchedule>,
    stored: Option<&CardSchedule>,
) -> Option<CardSchedule> {
    if ours == base {
        return stored.copied();
    }
    if stored == base {
        return ours.copied();
    }
    // Both changed: the later review is the newer knowledge of the card.
    let last = |s: Option<&CardSchedule>| s.and_then(|s| s.last_review);
    if last(stored) > last(ours) {
        stored.copied()
    } else {
        ours.copied()
    }
}

/// Puts `schedule` under `id` unless `cards` already holds a review of it as late or later
/// (a card twice in one file, or imported over one it has): the later review is the newer
/// knowledge. Returns whether it was put.
pub fn keep_later(
    cards: &mut BTreeMap<String, CardSchedule>,
    id: String,
    schedule: CardSchedule,
) -> bool {
    if cards
        .get(&id)
        .is_some_and(|known| known.last_review >= schedule.last_review)
    {
        return false;
    }
    cards.insert(id, schedule);
    true
}

/// Merges whole card maps with [`merge_card`].
pub fn merge_cards(
    base: &BTreeMap<String, CardSchedule>,
    ours: &BTreeMap<String, CardSchedule>,
    stored: &BTreeMap<String, CardSchedule>,
) -> BTreeMap<String, CardSchedule> {
    let mut out = BTreeMap::new();
    for id in base.keys().chain(ours.keys()).chain(stored.keys()) {
        if out.contains_key(id) {
            continue;
        }
        if let Some(schedule) = merge_card(base.get(id), ours.get(id), stored.get(id)) {
            out.insert(id.clone(), schedule);
        }
    }
    out
}

/// The order answers are kept in, and their identity: when, then which card.
pub fn answer_order(a: &ReviewRecord, b: &ReviewRecord) -> Ordering {
    a.at.cmp(&b.at).then_with(|| a.card.cmp(&b.card))
}

/// True if `records` is sorted by [`answer_order`] without repeats.
pub fn is_answer_ordered(records: &[ReviewRecord]) -> bool {
    records
        .windows(2)
        .all(|w| answer_order(&w[0], &w[1]) == Ordering::Less)
}

/// Sorts answers by [`answer_order`] and drops repeats of one identity.
pub fn sort_answers(records: &mut Vec<ReviewRecord>) {
    order::sort_by(records, answer_order);
    records.dedup_by(|later, earlier| answer_order(later, earlier) == Ordering::Equal);
}

/// Merges three sorted answer lists as sets: the stored answers, plus those only `ours`
/// added, minus those `ours` removed since `base`. Returns a sorted list.
pub fn merge_answers(
    base: &[ReviewRecord],
    ours: &[ReviewRecord],
    stored: &[ReviewRecord],
) -> Vec<ReviewRecord> {
    let contains = |list: &[ReviewRecord], r: &ReviewRecord| {
        list.binary_search_by(|x| answer_order(x, r)).is_ok()
    };
    let mut out: Vec<ReviewRecord> = stored
        .iter()
        .filter(|r| contains(ours, r) || !contains(base, r))
        .cloned()
        .collect();
    out.extend(
        ours.iter()
            .filter(|r| !contains(base, r) && !contains(stored, r))
            .cloned(),
    );
    sort_answers(&mut out);
    out
}

/// Mock interviews are only ever added: the union, by finishing time, oldest first.
pub fn merge_mocks(
    base: &[MockRecord],
    ours: &[MockRecord],
    stored: &[MockRecord],
) -> Vec<MockRecord> {
    let mut out: Vec<MockRecord> = stored
        .iter()
        .filter(|m| ours.contains(m) || !base.contains(m))
        .cloned()
        .collect();
    for mock in ours {
        if !base.contains(mock) && !out.iter().any(|m| m.at == mock.at) {
            out.push(mock.clone());
        }
    }
    insertion_sort_by_key(&mut out, |m| m.at);
    out
}

/// Compacted days, by day: one tab's compaction and another's agree on the days they both
/// compacted, so the larger count of a day is the full one.
pub fn merge_history(
    base: &[DaySummary],
    ours: &[DaySummary],
    stored: &[DaySummary],
) -> Vec<DaySummary> {
    let removed_by_us = |d: &DaySummary| base.contains(d) && !ours.contains(d);
    let mut all: Vec<DaySummary> = stored
        .iter()
        .filter(|d| !removed_by_us(d))
        .chain(ours)
        .copied()
        .collect();
    insertion_sort_by_key(&mut all, |d| d.day);
    let mut out: Vec<DaySummary> = Vec::with_capacity(all.len());
    for day in all {
        match out.last_mut() {
            Some(kept) if kept.day == day.day => {
                if day.answers > kept.answers {
                    *kept = day;
                }
            }
            _ => out.push(day),
        }
    }
    out
}
