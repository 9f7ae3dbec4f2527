//! Merges of saved progress: what this tab holds (`ours`) with what storage, another tab, a
//! file or a link holds (`stored`).
//!
//! Every merge is a union: saved progress only grows, and the ways it shrinks on purpose
//! (undo, compaction, reset) are recorded as [`Deletions`] that travel with it. So the order
//! in which tabs hear of each other does not matter, and something missing from one side is
//! never read as deleted: a tab that read another's write late (Chromium tabs see each other's
//! localStorage writes after a delay) writes back what it holds instead of dropping it.
//! Every merge here is linear or `n log n` in the sizes of its inputs.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::content::CardId;
use crate::order;
use crate::progress::days::DaySummary;
use crate::progress::{Deletions, MockRecord, ReviewRecord};
use crate::scheduler::CardSchedule;

/// One card's merge: the schedule of the later review, leaving out one made by an undone
/// answer. `None` is "never reviewed" (or only by undone answers).
pub(crate) fn merge_card(
    card: &str,
    ours: Option<&CardSchedule>,
    stored: Option<&CardSchedule>,
    deletions: &Deletions,
) -> Option<CardSchedule> {
    let live = |s: Option<&CardSchedule>| s.filter(|s| !deletions.undid(card, s)).copied();
    match (live(ours), live(stored)) {
        (Some(ours), Some(stored)) if stored.last_review > ours.last_review => Some(stored),
        (Some(ours), _) => Some(ours),
        (None, stored) => stored,
    }
}

/// Puts `schedule` under `id` unless `cards` already holds a review of it as late or later
/// (a card twice in one file, or imported over one it has): the later review is the newer
/// knowledge. Returns whether it was put.
pub(crate) fn keep_later(
    cards: &mut BTreeMap<CardId, CardSchedule>,
    id: CardId,
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
pub(crate) fn merge_cards(
    ours: &BTreeMap<CardId, CardSchedule>,
    stored: &BTreeMap<CardId, CardSchedule>,
    deletions: &Deletions,
) -> BTreeMap<CardId, CardSchedule> {
    let mut out = BTreeMap::new();
    for id in ours.keys().chain(stored.keys()) {
        if out.contains_key(id) {
            continue;
        }
        if let Some(schedule) = merge_card(id, ours.get(id), stored.get(id), deletions) {
            out.insert(id.clone(), schedule);
        }
    }
    out
}

/// The order answers are kept in, and their identity: when, which card, which tab.
pub(crate) fn answer_order(a: &ReviewRecord, b: &ReviewRecord) -> Ordering {
    a.at.cmp(&b.at)
        .then_with(|| a.card.cmp(&b.card))
        .then_with(|| a.writer.cmp(&b.writer))
}

/// True if `records` is sorted by `answer_order` without repeats.
pub fn is_answer_ordered(records: &[ReviewRecord]) -> bool {
    records
        .windows(2)
        .all(|w| answer_order(&w[0], &w[1]) == Ordering::Less)
}

/// Sorts answers by [`answer_order`] and drops repeats of one identity.
pub(crate) fn sort_answers(records: &mut Vec<ReviewRecord>) {
    order::sort_by(records, answer_order);
    records.dedup_by(|later, earlier| answer_order(later, earlier) == Ordering::Equal);
}

/// The union of two sorted answer lists, less what `deletions` removes; sorted. One pass over
/// both: an answer in both is kept once (ours, which carries this tab's extra columns).
pub(crate) fn merge_answers(
    ours: &[ReviewRecord],
    stored: &[ReviewRecord],
    deletions: &Deletions,
) -> Vec<ReviewRecord> {
    let mut out = Vec::with_capacity(ours.len().max(stored.len()));
    let (mut a, mut b) = (ours.iter().peekable(), stored.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match answer_order(x, y) {
                Ordering::Less => a.next(),
                Ordering::Greater => b.next(),
                Ordering::Equal => {
                    b.next();
                    a.next()
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        if let Some(record) = next.filter(|r| !deletions.removes(r)) {
            out.push(record.clone());
        }
    }
    out
}

/// Mock interviews are only ever added: the union, by finishing time, oldest first.
pub(crate) fn merge_mocks(ours: &[MockRecord], stored: &[MockRecord]) -> Vec<MockRecord> {
    let mut out: Vec<MockRecord> = ours.iter().chain(stored).cloned().collect();
    order::sort_by_key(&mut out, |m| m.at);
    out.dedup_by_key(|m| m.at);
    out
}

/// Compacted days, by day: one tab's compaction and another's agree on the days they both
/// compacted, so the larger count of a day is the full one.
pub(crate) fn merge_history(ours: &[DaySummary], stored: &[DaySummary]) -> Vec<DaySummary> {
    let mut all: Vec<DaySummary> = ours.iter().chain(stored).copied().collect();
    // Larger counts first within a day, so the dedup below keeps them.
    order::sort_by(&mut all, |a, b| {
        a.day.cmp(&b.day).then_with(|| b.answers.cmp(&a.answers))
    });
    all.dedup_by_key(|d| d.day);
    all
}
