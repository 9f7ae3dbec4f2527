//! What the stats page shows: how much of each section is learnt, what falls due, when the
//! learner studied (heatmap, streaks, time) and how well reviews went (true retention).
//!
//! Everything is computed from the saved [`Progress`] plus the compacted [`DaySummary`]
//! history of days whose log records were dropped to keep storage small, so the numbers
//! survive compaction. The engine has no clock and no time zone: the app passes `now` and the
//! learner's UTC offset as [`LocalDays`], because "today", a streak and a heatmap square are
//! the learner's calendar days, not UTC ones.
//!
//! Per-day numbers are all folded into one list of [`DaySummary`] (records summarised with
//! [`summarise_days`], then [`merge_days`] with the history) and every dated figure is read
//! from that list, so a day counts the same whether its records are still in the log or
//! already compacted.

use crate::content::Deck;
use crate::progress::Progress;
use crate::scheduler::{CardSchedule, Phase};
use crate::study::leeches;
use crate::time::Timestamp;

pub use crate::progress::days::{
    ANSWER_CAP_MS, DaySummary, FIRST_ANSWER_MS, SITTING_GAP_MS, merge_days, summarise_days,
};
pub use crate::time::LocalDays;

/// Stability (days) from which a review card counts as mature: Anki's 21-day threshold.
pub(crate) const MATURE_STABILITY_DAYS: f32 = 21.0;

/// Days the due forecast covers, today included.
pub(crate) const FORECAST_DAYS: usize = 30;

/// The short forecast window ("due this week"), today included.
pub(crate) const FORECAST_WEEK_DAYS: usize = 7;

/// Days the heatmap covers, today included: one year.
pub const HEATMAP_DAYS: usize = 365;

/// Days true retention is measured over, today included (Anki's "last month").
pub(crate) const RETENTION_DAYS: i64 = 30;

/// Days "time studied recently" covers, today included.
pub(crate) const RECENT_TIME_DAYS: i64 = 7;

/// Day of the week of a local day number, 0 = Monday ... 6 = Sunday, so the heatmap can
/// put its first column's squares on the right rows (day 0, 1 Jan 1970, was a Thursday).
pub fn weekday_from_monday(day: i64) -> u8 {
    // `rem_euclid(7)` is 0..=6, so adding 3 cannot overflow and the cast is exact.
    ((day.rem_euclid(7) + 3) % 7) as u8
}

/// How far along a set of cards is, Anki's card counts: each card is in exactly one of
/// new, learning, young and mature, so they add up to `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mastery {
    pub total: usize,
    /// Never reviewed.
    pub new: usize,
    /// In a learning or relearning step.
    pub learning: usize,
    /// In review with a stability under `MATURE_STABILITY_DAYS`.
    pub young: usize,
    /// In review with a stability of `MATURE_STABILITY_DAYS` or more: remembered for weeks.
    pub mature: usize,
}

impl Mastery {
    /// Counts one more card with this schedule.
    fn count(&mut self, schedule: &CardSchedule) {
        self.total += 1;
        match schedule.phase {
            Phase::New => self.new += 1,
            Phase::Learning { .. } | Phase::Relearning { .. } => self.learning += 1,
            // A NaN stability (corrupt data) compares false, so it counts as young.
            Phase::Review if schedule.stability >= MATURE_STABILITY_DAYS => self.mature += 1,
            Phase::Review => self.young += 1,
        }
    }
}

/// One section's [`Mastery`], with what the page needs to name and link it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionMastery {
    /// Index into [`Deck::sections`].
    pub section: usize,
    pub id: String,
    pub title: String,
    pub mastery: Mastery,
}

/// Cards that fall due soon, by local day: the workload ahead. New cards are left out (they
/// are never "due" in the sense of a review), and overdue cards count as due today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// Due today up to 6 days from now (`FORECAST_WEEK_DAYS` days).
    pub week: usize,
    /// Due today up to 29 days from now (`FORECAST_DAYS` days).
    pub month: usize,
    /// `FORECAST_DAYS` entries: index 0 is today (overdue cards included), 1 tomorrow, ...
    pub per_day: Vec<usize>,
}

/// Answers per local day over the last year, oldest first, for a calendar heatmap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap {
    /// Local day number of `answers[0]`: [`HEATMAP_DAYS`] - 1 days before today.
    pub first_day: i64,
    /// [`HEATMAP_DAYS`] entries, the last one today.
    pub answers: Vec<u32>,
}

/// Runs of consecutive local days with at least one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    /// The run ending today, or ending yesterday when nothing was answered yet today: a
    /// streak is not broken before the day is over.
    pub current: u32,
    /// The longest run ever.
    pub best: u32,
}

/// Anki's "true retention" over the last `RETENTION_DAYS` days: the share of review-phase
/// answers that were not Again. It is what the desired retention setting aims at, so the
/// learner can see whether the scheduler's target is met.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Retention {
    /// Answers graded Hard, Good or Easy.
    pub passed: u32,
    /// All answers counted (see [`DaySummary::review_answers`]).
    pub total: u32,
    /// `passed / total`, or `None` below [`MIN_RETENTION_REVIEWS`] (no "0 %" from two answers:
    /// a share of a handful of reviews says nothing yet).
    pub share: Option<f64>,
}

/// Reviews of cards in review needed before a retention is shown.
pub const MIN_RETENTION_REVIEWS: u32 = 10;

impl Retention {
    fn new(passed: u32, total: u32) -> Self {
        Retention {
            passed,
            total,
            share: (total >= MIN_RETENTION_REVIEWS).then(|| f64::from(passed) / f64::from(total)),
        }
    }
}

/// Estimated time spent answering (see [`summarise_days`] for how it is estimated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeStudied {
    /// Seconds overall.
    pub total_seconds: u64,
    /// Seconds over the last `RECENT_TIME_DAYS` local days, today included.
    pub last_7_days_seconds: u64,
}

/// Overall counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Every answer ever, compacted history included.
    pub answers: u64,
    /// Cards with a schedule that is not New (cards since removed from the deck included:
    /// the learner did study them).
    pub cards_studied: usize,
    /// Answers given today (local day).
    pub answers_today: u32,
    /// Of `answers`, those given in practice (quiz, drill, fill-in), which test a card without
    /// being a review of it.
    pub practice_answers: u64,
    /// Of `answers_today`, those given in practice.
    pub practice_answers_today: u32,
}

/// Everything the stats page shows; plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Today's local day number, which the dated figures below are relative to.
    pub today: i64,
    /// One per deck section, in deck order.
    pub sections: Vec<SectionMastery>,
    /// The whole deck.
    pub deck: Mastery,
    pub forecast: Forecast,
    pub heatmap: Heatmap,
    pub streaks: Streaks,
    pub retention: Retention,
    pub time: TimeStudied,
    pub totals: Totals,
    /// Card indexes ([`Deck::cards`]) of the leeches, most lapses first.
    pub leeches: Vec<usize>,
}

/// The stats page's numbers at `now`. `history` holds the compacted summaries of days whose
/// records are no longer in `progress.reviews`; a day in both is added up.
pub fn stats(
    deck: &Deck,
    progress: &Progress,
    history: &[DaySummary],
    now: Timestamp,
    days: LocalDays,
) -> Stats {
    let today = days.day(now);
    let all_days = merge_days(&summarise_days(&progress.reviews, days), history);
    let schedules: Vec<CardSchedule> = deck
        .cards
        .iter()
        .map(|card| progress.schedule(&card.id))
        .collect();
    let (sections, deck_mastery) = mastery(deck, &schedules);
    Stats {
        today,
        sections,
        deck: deck_mastery,
        forecast: forecast(&schedules, today, days),
        heatmap: heatmap(&all_days, today),
        streaks: streaks(&all_days, today),
        retention: retention(&all_days, today),
        time: time_studied(&all_days, today),
        totals: totals(&all_days, progress, today),
        leeches: leeches(deck, progress),
    }
}

/// Per-section and whole-deck mastery; `schedules[i]` is the schedule of `deck.cards[i]`.
fn mastery(deck: &Deck, schedules: &[CardSchedule]) -> (Vec<SectionMastery>, Mastery) {
    let mut sections: Vec<SectionMastery> = deck
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| SectionMastery {
            section: index,
            id: section.id.clone(),
            title: section.title.clone(),
            mastery: Mastery::default(),
        })
        .collect();
    let mut whole = Mastery::default();
    for (card, schedule) in deck.cards.iter().zip(schedules) {
        whole.count(schedule);
        // A card pointing past the sections (a hand-built deck) still counts for the deck.
        if let Some(section) = sections.get_mut(card.section) {
            section.mastery.count(schedule);
        }
    }
    (sections, whole)
}

/// Studied cards due in the next [`FORECAST_DAYS`] local days, overdue ones on day 0.
fn forecast(schedules: &[CardSchedule], today: i64, days: LocalDays) -> Forecast {
    let mut per_day = vec![0; FORECAST_DAYS];
    for schedule in schedules.iter().filter(|schedule| !schedule.is_new()) {
        let ahead = days.day(schedule.due).saturating_sub(today).max(0);
        if let Some(count) = usize::try_from(ahead).ok().and_then(|i| per_day.get_mut(i)) {
            *count += 1;
        }
    }
    Forecast {
        week: per_day[..FORECAST_WEEK_DAYS].iter().sum(),
        month: per_day.iter().sum(),
        per_day,
    }
}

/// The summaries of local days `first..=last`.
fn days_between(days: &[DaySummary], first: i64, last: i64) -> impl Iterator<Item = &DaySummary> {
    days.iter()
        .filter(move |summary| (first..=last).contains(&summary.day))
}

/// The first day of the `length`-day window ending today.
fn window_start(today: i64, length: i64) -> i64 {
    today.saturating_sub(length.saturating_sub(1))
}

/// Answers per day over the [`HEATMAP_DAYS`] days ending today.
fn heatmap(days: &[DaySummary], today: i64) -> Heatmap {
    let first_day = window_start(today, HEATMAP_DAYS as i64);
    let mut answers = vec![0; HEATMAP_DAYS];
    for summary in days_between(days, first_day, today) {
        let index = usize::try_from(summary.day.saturating_sub(first_day)).ok();
        if let Some(slot) = index.and_then(|i| answers.get_mut(i)) {
            *slot = summary.answers;
        }
    }
    Heatmap { first_day, answers }
}

/// Just the streaks of [`stats`], for a screen that shows only them (home): the days of the
/// log and of the compacted history, without the year's heatmap or the deck's mastery.
pub fn current_streaks(progress: &Progress, now: Timestamp, days: LocalDays) -> Streaks {
    let all_days = merge_days(&summarise_days(&progress.reviews, days), &progress.history);
    streaks(&all_days, days.day(now))
}

/// The current and best runs of days with answers.
fn streaks(days: &[DaySummary], today: i64) -> Streaks {
    let active: Vec<i64> = days
        .iter()
        .filter(|summary| summary.answers > 0)
        .map(|summary| summary.day)
        .collect();
    let mut best = 0u32;
    let mut run = 0u32;
    let mut previous: Option<i64> = None;
    // The run that ends on today or yesterday, whichever is the last active day up to today.
    let mut current = 0u32;
    for &day in &active {
        let continues = previous.and_then(|p| p.checked_add(1)) == Some(day);
        run = if continues { run.saturating_add(1) } else { 1 };
        best = best.max(run);
        if day == today || day == today.saturating_sub(1) {
            current = current.max(run);
        }
        previous = Some(day);
    }
    Streaks { current, best }
}

/// True retention over the [`RETENTION_DAYS`] days ending today.
fn retention(days: &[DaySummary], today: i64) -> Retention {
    let (passed, total) = days_between(days, window_start(today, RETENTION_DAYS), today).fold(
        (0u32, 0u32),
        |(passed, total), summary| {
            (
                passed.saturating_add(summary.review_passed),
                total.saturating_add(summary.review_answers),
            )
        },
    );
    Retention::new(passed, total)
}

/// Estimated time overall and over the last [`RECENT_TIME_DAYS`] days.
fn time_studied(days: &[DaySummary], today: i64) -> TimeStudied {
    let recent = days_between(days, window_start(today, RECENT_TIME_DAYS), today);
    TimeStudied {
        total_seconds: seconds(days.iter()),
        last_7_days_seconds: seconds(recent),
    }
}

/// The seconds of these days, added up.
fn seconds<'a>(days: impl Iterator<Item = &'a DaySummary>) -> u64 {
    days.map(|summary| u64::from(summary.seconds)).sum()
}

/// Answers overall and today, and cards studied.
fn totals(days: &[DaySummary], progress: &Progress, today: i64) -> Totals {
    Totals {
        answers: days.iter().map(|summary| u64::from(summary.answers)).sum(),
        cards_studied: progress
            .cards
            .values()
            .filter(|schedule| !schedule.is_new())
            .count(),
        answers_today: days_between(days, today, today)
            .map(|summary| summary.answers)
            .fold(0, u32::saturating_add),
        practice_answers: days
            .iter()
            .map(|summary| u64::from(summary.practice_answers))
            .sum(),
        practice_answers_today: days_between(days, today, today)
            .map(|summary| summary.practice_answers)
            .fold(0, u32::saturating_add),
    }
}
