//! The days of saved progress: one summary per local day of answers (what compaction keeps of
//! old log records, and what every dated figure of the stats page is read from), and how
//! records are folded into them. Storage owns these types (the head saves them as history), so
//! they live here and `stats` reads them, rather than storage reaching up into `stats`.

use serde::{Deserialize, Serialize};

use super::ReviewRecord;
use crate::scheduler::{Grade, Phase};
use crate::time::{LocalDays, MS_PER_MINUTE, Timestamp};

/// Most time one answer can be credited with: a longer gap means the learner looked away, and
/// Anki caps an answer's time at 60 s by default too.
pub const ANSWER_CAP_MS: i64 = 60_000;

/// A gap longer than this between two answers starts a new sitting: the time before it was
/// not spent studying.
pub const SITTING_GAP_MS: i64 = 5 * MS_PER_MINUTE;

/// Time credited to the first answer of a sitting, whose start the log cannot see: about
/// what reading a card and answering it takes.
pub const FIRST_ANSWER_MS: i64 = 15_000;

/// One local day's answers: what remains of old log records after the log is compacted.
/// Short field names because the app stores one per studied day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySummary {
    /// Local day number (see [`LocalDays::day`]).
    #[serde(rename = "d")]
    pub day: i64,
    /// Every answer given that day, observed-only ones included: all of it is activity.
    #[serde(rename = "n")]
    pub answers: u32,
    /// Answers that count for true retention: the card was in the Review phase before the
    /// answer and the answer touched its schedule (not observed-only).
    #[serde(rename = "rn")]
    pub review_answers: u32,
    /// Of `review_answers`, those graded Hard, Good or Easy.
    #[serde(rename = "rp")]
    pub review_passed: u32,
    /// Estimated seconds studied (see [`summarise_days`]).
    #[serde(rename = "sec")]
    pub seconds: u32,
    /// Of `answers`, those given in practice (quiz, drill, fill-in: [`crate::progress::StudyMode::is_practice`]),
    /// shown apart from reviews. Absent in history written before it was counted.
    #[serde(rename = "pn", default, skip_serializing_if = "is_zero")]
    pub practice_answers: u32,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

impl DaySummary {
    /// A day with nothing in it yet.
    pub const fn empty(day: i64) -> Self {
        DaySummary {
            day,
            answers: 0,
            review_answers: 0,
            review_passed: 0,
            seconds: 0,
            practice_answers: 0,
        }
    }

    /// Adds another summary's counts to this one (saturating).
    fn add(&mut self, other: &DaySummary) {
        self.answers = self.answers.saturating_add(other.answers);
        self.review_answers = self.review_answers.saturating_add(other.review_answers);
        self.review_passed = self.review_passed.saturating_add(other.review_passed);
        self.seconds = self.seconds.saturating_add(other.seconds);
        self.practice_answers = self.practice_answers.saturating_add(other.practice_answers);
    }
}

/// Whether an answer counts for true retention (Anki's definition: reviews of cards out of
/// their learning steps, which test long-term memory; learning steps would inflate it).
fn counts_for_retention(record: &ReviewRecord) -> bool {
    record.phase == Phase::Review && !record.observed_only
}

/// Folds records into one summary per local day, ascending by day.
///
/// `seconds` is an estimate, because the log has no durations, only answer times: with all
/// answers sorted by time, an answer took the gap since the previous answer, capped at
/// [`ANSWER_CAP_MS`] (60 s, Anki's default cap on an answer's time); when there is no previous
/// answer or the gap is over [`SITTING_GAP_MS`] (5 min: a new sitting), it took
/// [`FIRST_ANSWER_MS`] (15 s). An answer's time goes to the day it was given; a day's total is
/// rounded to whole seconds.
pub fn summarise_days(records: &[ReviewRecord], days: LocalDays) -> Vec<DaySummary> {
    // `Progress` keeps its log in time order, so this pass is linear; any order is accepted.
    let mut by_time: Vec<&ReviewRecord> = records.iter().collect();
    crate::order::sort_by_key(&mut by_time, |record| record.at);
    let mut summaries: Vec<(DaySummary, u64)> = Vec::new();
    let mut previous: Option<Timestamp> = None;
    for record in by_time {
        let day = days.day(record.at);
        let index = match summaries.iter().rposition(|(s, _)| s.day == day) {
            Some(index) => index,
            None => {
                summaries.push((DaySummary::empty(day), 0));
                summaries.len() - 1
            }
        };
        let (summary, ms) = &mut summaries[index];
        summary.answers = summary.answers.saturating_add(1);
        if record.mode.is_practice() {
            summary.practice_answers = summary.practice_answers.saturating_add(1);
        }
        if counts_for_retention(record) {
            summary.review_answers = summary.review_answers.saturating_add(1);
            if record.grade != Grade::Again {
                summary.review_passed = summary.review_passed.saturating_add(1);
            }
        }
        *ms = ms.saturating_add(answer_ms(previous, record.at));
        previous = Some(record.at);
    }
    let mut out: Vec<DaySummary> = summaries
        .into_iter()
        .map(|(summary, ms)| DaySummary {
            seconds: whole_seconds(ms),
            ..summary
        })
        .collect();
    crate::order::sort_by_key(&mut out, |d| d.day);
    out
}

/// The estimated time of an answer given at `at`, the previous answer (in time order) given
/// at `previous`: see [`summarise_days`].
fn answer_ms(previous: Option<Timestamp>, at: Timestamp) -> u64 {
    let ms = match previous.map(|previous| at.millis_since(previous)) {
        Some(gap) if gap <= SITTING_GAP_MS => gap.clamp(0, ANSWER_CAP_MS),
        _ => FIRST_ANSWER_MS,
    };
    ms.unsigned_abs()
}

/// Milliseconds rounded to whole seconds, saturating at `u32::MAX`.
fn whole_seconds(ms: u64) -> u32 {
    u32::try_from(ms.saturating_add(500) / 1000).unwrap_or(u32::MAX)
}

/// Both lists of day summaries as one, ascending by day; a day in both (or twice in one) has
/// its counts added up. The app compacts the log with this: summarise the records it drops,
/// merge them into the history it keeps. (Compact whole days: the first record kept then
/// starts a sitting of its own and is credited 15 s, whatever its gap to a dropped one was.)
pub fn merge_days(a: &[DaySummary], b: &[DaySummary]) -> Vec<DaySummary> {
    let mut all: Vec<DaySummary> = a.iter().chain(b).copied().collect();
    crate::order::sort_by_key(&mut all, |d| d.day);
    let mut merged: Vec<DaySummary> = Vec::with_capacity(all.len());
    for summary in &all {
        match merged.last_mut() {
            Some(last) if last.day == summary.day => last.add(summary),
            _ => merged.push(*summary),
        }
    }
    merged
}
