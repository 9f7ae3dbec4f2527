//! The answer log by storage day: the slice of one day, the days a change touches, and
//! compaction of the oldest days into history once the log is long.

use super::days::{merge_days, summarise_days};
use super::keys::storage_day;
use super::{Progress, ReviewRecord};
use crate::time::LocalDays;

/// Answers kept in full; older days are folded into [`Progress::history`] (statistics kept,
/// answers dropped) once the log is `COMPACT_SLACK` past this.
pub const LOG_CAP: usize = 10_000;
/// How far past [`LOG_CAP`] the log may grow before it is compacted, so compaction is rare.
pub(crate) const COMPACT_SLACK: usize = 1_000;

/// The index range of `day`'s answers in a sorted list.
pub(super) fn day_range(reviews: &[ReviewRecord], day: i64) -> std::ops::Range<usize> {
    let start = reviews.partition_point(|r| storage_day(r.at) < day);
    let end = reviews.partition_point(|r| storage_day(r.at) <= day);
    start..end
}

/// The days whose answers differ between `ours` and `base`, both sorted. The usual changes are
/// an answer appended or the last one undone, found in constant time from the ends; anything
/// else (a reset, an import, compaction) compares the lists.
pub(super) fn changed_days(ours: &[ReviewRecord], base: &[ReviewRecord]) -> Vec<i64> {
    let common = if ours.len() >= base.len() && base.last() == ours.get(base.len().wrapping_sub(1))
    {
        base.len()
    } else if ours.len() < base.len() && ours.last() == base.get(ours.len().wrapping_sub(1)) {
        ours.len()
    } else {
        ours.iter().zip(base).take_while(|(a, b)| a == b).count()
    };
    days_of(&ours[common..], &base[common..])
}

/// The storage days of two sorted answer lists, ascending, each once.
pub(super) fn days_of(a: &[ReviewRecord], b: &[ReviewRecord]) -> Vec<i64> {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    let mut days: Vec<i64> = Vec::new();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.at <= y.at => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        let day = next.map_or(0, |r| storage_day(r.at));
        if days.last() != Some(&day) {
            days.push(day);
        }
    }
    days
}

/// Folds the oldest days into [`Progress::history`] when the log has grown
/// [`COMPACT_SLACK`] past [`LOG_CAP`], keeping at most [`LOG_CAP`] answers in full. Whole days
/// go, so a day is never half summarised.
pub(crate) fn compact(progress: &mut Progress, days: LocalDays) -> bool {
    if progress.reviews.len() <= LOG_CAP + COMPACT_SLACK {
        return false;
    }
    let excess = progress.reviews.len() - LOG_CAP;
    let last_day = storage_day(progress.reviews[excess - 1].at);
    let cut = progress
        .reviews
        .partition_point(|r| storage_day(r.at) <= last_day);
    let old: Vec<ReviewRecord> = progress.reviews.drain(..cut).collect();
    let history = merge_days(&progress.history, &summarise_days(&old, days));
    progress.history = history;
    // Recorded, so another tab that still holds these answers drops them instead of writing
    // them back (they now count in `history`).
    let through = &mut progress.deletions.compacted_through;
    *through = (*through).max(Some(last_day));
    true
}
