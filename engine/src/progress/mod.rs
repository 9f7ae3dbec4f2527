//! The saved study state: per-card schedules, the answer log, settings, mock interviews and
//! the compacted history; how it is kept ([`store`]: split, merged across tabs, salvaged),
//! written ([`codec`], [`head`]) and carried between browsers ([`transfer`]).
//!
//! Progress is kept per deck ([`StoreKeys::for_deck`]) and refers to cards by [`CardId`];
//! schedules of cards that no longer exist in the content (edited or renamed)
//! are kept, because the card may come back and its history is still the person's.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::CardId;
use crate::progress::days::DaySummary;
use crate::scheduler::{CardSchedule, ConfigError, Grade, Phase, Scheduler, SchedulerConfig};
use crate::time::Timestamp;

pub mod codec;
pub mod days;
pub mod deck_move;
pub mod handoff;
pub mod head;
pub mod keys;
mod legacy;
pub mod log_days;
pub mod merge;
pub mod notice;
pub mod store;
pub mod transfer;

pub use head::SCHEMA_VERSION;
pub use keys::{Epoch, Part, StoreKeys};
pub use log_days::LOG_CAP;
pub use notice::{Backup, SaveError, StoreNotice};
pub use store::{BackupInfo, Loaded, MAX_BACKUP_CHARS, MAX_BACKUPS, ProgressStore};

/// How a card was studied; kept in the log for statistics per mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StudyMode {
    /// Classic flip card with self-grading.
    Flashcard,
    /// The answer was typed, then compared.
    TypedRecall,
    /// Multiple-choice or classification question.
    Quiz,
    /// Timed mock-interview question.
    Mock,
    /// Classification drill (sort a statement into one of two buckets).
    Drill,
    /// A fill-in: the term a blank stands for, typed and checked exactly. Saved as "typed",
    /// its name before it had one name in code and on screen.
    #[serde(rename = "typed")]
    FillIn,
    /// A mode this version does not know (written by a newer app); kept so the log still loads.
    #[serde(other)]
    Other,
}

impl StudyMode {
    /// Practice on a card rather than study of it: a pick among options or one blanked term.
    /// Such answers move a studied card's schedule (see [`Evidence`]) but never introduce a
    /// card: on a card never studied they are logged only.
    pub const fn is_practice(self) -> bool {
        matches!(self, StudyMode::Quiz | StudyMode::Drill | StudyMode::FillIn)
    }
}

/// One answered card, appended to [`Progress::reviews`]. Enough to compute statistics
/// (retention by phase, workload, streaks) and to replay schedules with other settings.
///
/// Field names are short and fixed because the log grows with every review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// Card id.
    pub card: CardId,
    /// When the answer was given.
    pub at: Timestamp,
    pub grade: Grade,
    pub mode: StudyMode,
    /// Phase *before* this review: `New` marks the card's introduction (daily new-card limit).
    pub phase: Phase,
    /// Whole days since the previous review (0 for the first one), as the scheduler saw them.
    #[serde(rename = "elapsed")]
    pub elapsed_days: u32,
    /// The wait the card had been scheduled for, in ms (previous due minus previous review);
    /// 0 for a new card. Compared with `elapsed_days` it shows early or late reviews.
    #[serde(rename = "last_ivl")]
    pub last_interval_ms: i64,
    /// The wait this review scheduled, in ms (new due minus `at`).
    #[serde(rename = "ivl")]
    pub interval_ms: i64,
    /// The answer was logged but did not touch the schedule: a right pick in a recognition
    /// mode (see [`Evidence::Recognised`]). Such records never introduce a card.
    #[serde(rename = "obs", default, skip_serializing_if = "std::ops::Not::not")]
    pub observed_only: bool,
    /// Which tab (or device) gave the answer: a random number each page load picks
    /// ([`Progress::writer`]), 0 if unknown. Part of the answer's identity, so two tabs that
    /// answer the same card in the same millisecond keep two answers.
    #[serde(rename = "w", default, skip_serializing_if = "is_zero")]
    pub writer: u16,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

/// What one answer says about the learner's memory of a card, and so what it may do to the
/// card's schedule. Each study mode maps its outcomes to one of these; ARCHITECTURE.md says
/// why each mode has the weight it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The answer was produced from memory (flashcard, typed recall, mock interview, or a
    /// fill-in answer the engine checked): the grade goes through the scheduler.
    Recall(Grade),
    /// The right option was picked among a few (multiple choice, drill). Recognising is
    /// weaker evidence than recalling and can be a lucky guess, so it is logged but never
    /// moves the card's due date.
    Recognised,
    /// A wrong option was picked: the learner does not know it, which is as strong a signal
    /// as a failed recall, so it counts as Again (a lapse for a card in review).
    NotRecognised,
    /// A recall grade from practice the learner chose to keep off the schedule (custom study
    /// "cram"): logged with its grade, schedule untouched, as Anki's filtered decks without
    /// rescheduling do.
    Unscheduled(Grade),
}

/// Study preferences that travel with the progress (export/import carries them too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudySettings {
    /// Target recall probability at the due time; see [`SchedulerConfig::desired_retention`].
    pub desired_retention: f32,
    /// How many never-seen cards a day may introduce.
    pub new_cards_per_day: u32,
    /// The start (local midnight) of the day of an interview to study towards: intervals are
    /// capped before it and new cards planned to fit (see [`crate::study::plan`]). Always
    /// written (`null` when none): the packed copy of a sitting is not self-describing.
    #[serde(default)]
    pub interview: Option<Timestamp>,
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            desired_retention: 0.9,
            new_cards_per_day: 20,
            interview: None,
        }
    }
}

impl StudySettings {
    /// A scheduler for these preferences; fails if the saved retention is out of range.
    pub fn scheduler(&self) -> Result<Scheduler, ConfigError> {
        Scheduler::new(self.scheduler_config())
    }

    /// Scheduler settings for these preferences; with an interview set, intervals are capped
    /// so every card falls due by the start of the day before it (that day is for revision).
    pub(crate) fn scheduler_config(&self) -> SchedulerConfig {
        SchedulerConfig {
            desired_retention: self.desired_retention,
            due_by: self
                .interview
                .map(|start| start.plus_millis(-crate::time::MS_PER_DAY)),
            ..SchedulerConfig::default()
        }
    }
}

/// Everything saved about a person's studying.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Schedule of every card reviewed at least once, by card id. Missing means new.
    pub cards: BTreeMap<CardId, CardSchedule>,
    /// Every review, in the order given.
    pub reviews: Vec<ReviewRecord>,
    pub settings: StudySettings,
    /// Every finished mock interview, oldest first: the history the mock setup lists.
    /// Added after schema 1 shipped; old data reads as no history (hence no schema bump).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mocks: Vec<MockRecord>,
    /// Days whose answers were compacted out of `reviews` (see `log_days::compact`): their
    /// counts, kept for statistics.
    #[serde(skip)]
    pub history: Vec<DaySummary>,
    /// The explicit deletions: answers taken back, days folded into history, resets. Saved
    /// progress only grows otherwise, so an answer missing from what another tab wrote is never
    /// read as deleted (see ARCHITECTURE.md, "absence is never deletion").
    #[serde(skip)]
    pub deletions: Deletions,
    /// This tab's writer number, stamped on every answer it records (see
    /// [`ReviewRecord::writer`]); the app picks it at random when the page loads.
    #[serde(skip)]
    pub writer: u16,
}

/// An answer's identity: when, which card, which tab (the order answers are kept in).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnswerId {
    pub at: Timestamp,
    pub card: CardId,
    pub writer: u16,
}

impl AnswerId {
    pub fn of(record: &ReviewRecord) -> Self {
        AnswerId {
            at: record.at,
            card: record.card.clone(),
            writer: record.writer,
        }
    }
}

/// Every way saved answers are taken away on purpose, recorded so that it travels between tabs
/// (and survives a tab that still holds what was taken away) as answers do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deletions {
    /// Answers undone, newest `MAX_UNDONE` kept: a tab open since before an undo is the only
    /// holder of an undone answer, and it hears of the undo within moments.
    pub undone: BTreeSet<AnswerId>,
    /// The last UTC day folded into [`Progress::history`]: answers of that day or earlier live
    /// there as counts and are not brought back into the log.
    pub compacted_through: Option<i64>,
    /// How many resets and Replace imports came before; each starts its cards and answers
    /// afresh under new storage keys ([`keys::Part`]).
    pub epoch: Epoch,
}

/// Undone answers remembered; older ones are forgotten.
pub(crate) const MAX_UNDONE: usize = 500;

impl Deletions {
    /// True if `record` was deleted: undone, or compacted into history.
    pub fn removes(&self, record: &ReviewRecord) -> bool {
        self.compacted_through
            .is_some_and(|day| keys::storage_day(record.at) <= day)
            || self.undone.contains(&AnswerId::of(record))
    }

    /// True if `schedule` of `card` came from an answer that was undone (by any tab: a
    /// schedule does not say which tab made it).
    pub(crate) fn undid(&self, card: &str, schedule: &CardSchedule) -> bool {
        schedule.last_review.is_some_and(|at| {
            let id = |writer| AnswerId {
                at,
                card: CardId::from(card),
                writer,
            };
            self.undone.range(id(0)..=id(u16::MAX)).next().is_some()
        })
    }

    /// Both sides' deletions (within one epoch): every undo, the later compaction.
    pub(crate) fn union(&self, other: &Deletions) -> Deletions {
        let mut undone = self.undone.clone();
        undone.extend(other.undone.iter().cloned());
        while undone.len() > MAX_UNDONE {
            undone.pop_first();
        }
        Deletions {
            undone,
            compacted_through: self.compacted_through.max(other.compacted_through),
            epoch: self.epoch.max(other.epoch),
        }
    }
}

/// One finished mock interview, as its history lists it. Short field names: the list grows
/// with every interview and travels in every export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MockRecord {
    /// When the last question was judged.
    pub at: Timestamp,
    /// How many questions were asked.
    #[serde(rename = "n")]
    pub questions: u32,
    pub nailed: u32,
    pub partly: u32,
    pub missed: u32,
    /// Score out of 100, as the report gave it.
    pub score: u32,
}

impl Progress {
    /// Adds a finished interview to the history, once: a record with the same finishing
    /// time is already there when the app records the same interview again (say, after a
    /// reload of its report). Returns whether it was added.
    pub fn record_mock(&mut self, record: MockRecord) -> bool {
        if self.mocks.iter().any(|known| known.at == record.at) {
            return false;
        }
        self.mocks.push(record);
        true
    }

    /// The card's current schedule; a card never reviewed gets [`CardSchedule::new`].
    pub fn schedule(&self, card_id: &CardId) -> CardSchedule {
        self.cards.get(card_id).copied().unwrap_or_default()
    }

    /// Applies an answer with the weight its [`Evidence`] carries: recall grades and missed
    /// recognitions reschedule the card (see [`Self::record_review`]); a right recognition is
    /// only logged. Returns the card's schedule afterwards.
    pub fn record_answer(
        &mut self,
        scheduler: &Scheduler,
        card_id: &CardId,
        evidence: Evidence,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
        if mode.is_practice() && self.schedule(card_id).is_new() {
            // A card never studied is introduced by learning it (a flashcard, a typed recall, a
            // mock answer), within the day's new-card limit; a quiz, drill or fill-in answer on it
            // is logged and leaves it new, so a miss is not a lapse of something never learnt.
            let grade = match evidence {
                Evidence::Recall(grade) | Evidence::Unscheduled(grade) => grade,
                Evidence::Recognised => Grade::Good,
                Evidence::NotRecognised => Grade::Again,
            };
            return self.observe(card_id, grade, mode, now);
        }
        match evidence {
            Evidence::Recall(grade) => self.record_review(scheduler, card_id, grade, mode, now),
            Evidence::NotRecognised => {
                self.record_review(scheduler, card_id, Grade::Again, mode, now)
            }
            Evidence::Recognised => self.observe(card_id, Grade::Good, mode, now),
            Evidence::Unscheduled(grade) => self.observe(card_id, grade, mode, now),
        }
    }

    /// Logs an answer that leaves the schedule alone; returns the unchanged schedule.
    fn observe(
        &mut self,
        card_id: &CardId,
        grade: Grade,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
        let schedule = self.schedule(card_id);
        let (elapsed_days, last_interval_ms) = elapsed(&schedule, now);
        self.push_answer(ReviewRecord {
            card: card_id.clone(),
            at: now,
            grade,
            mode,
            phase: schedule.phase,
            elapsed_days,
            last_interval_ms,
            interval_ms: if schedule.is_new() {
                0
            } else {
                schedule.due.millis_since(now)
            },
            observed_only: true,
            writer: self.writer,
        });
        schedule
    }

    /// Adds an answer in log order (by time, then card), where a clock set back would
    /// otherwise put it out of order. Answers are identified by card and time (merging two
    /// tabs' logs relies on it), so a second answer to one card in the same millisecond, or
    /// one at the instant of an undone answer, is moved a millisecond later. Returns its time.
    fn push_answer(&mut self, mut record: ReviewRecord) -> Timestamp {
        let mut at = self
            .reviews
            .partition_point(|r| merge::answer_order(r, &record).is_lt());
        while self
            .reviews
            .get(at)
            .is_some_and(|r| merge::answer_order(r, &record).is_eq())
            || self.deletions.undone.contains(&AnswerId::of(&record))
        {
            record.at = record.at.plus_millis(1);
            at = self
                .reviews
                .partition_point(|r| merge::answer_order(r, &record).is_lt());
        }
        let time = record.at;
        self.reviews.insert(at, record);
        time
    }

    /// What [`Self::undo`] needs to take back the next answer to `card_id`: taken just before
    /// recording it.
    pub fn undo_point(&self, card_id: &CardId) -> UndoPoint {
        UndoPoint {
            card: card_id.clone(),
            before: self.cards.get(card_id).copied(),
            log_len: self.reviews.len(),
        }
    }

    /// Takes back the answer recorded right after `point` was taken: the card's schedule is
    /// restored exactly (or the card is new again) and its log record removed, as Anki's undo.
    /// Refused if anything else was recorded since (another tab, another mode), because undoing
    /// then would rewrite history the learner did not mean to touch.
    pub fn undo(&mut self, point: &UndoPoint) -> Result<(), UndoError> {
        let is_next = self.reviews.len() == point.log_len + 1
            && self.reviews.last().is_some_and(|r| r.card == point.card);
        if !is_next {
            return Err(UndoError::Superseded);
        }
        if let Some(undone) = self.reviews.pop() {
            self.deletions.undone.insert(AnswerId::of(&undone));
            while self.deletions.undone.len() > MAX_UNDONE {
                self.deletions.undone.pop_first();
            }
        }
        match point.before {
            Some(before) => self.cards.insert(point.card.clone(), before),
            None => self.cards.remove(&point.card),
        };
        Ok(())
    }

    /// Applies an answer: reschedules the card with `scheduler` and appends to the log.
    /// Returns the new schedule.
    pub fn record_review(
        &mut self,
        scheduler: &Scheduler,
        card_id: &CardId,
        grade: Grade,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
        let before = self.schedule(card_id);
        let mut after = scheduler.review(&before, grade, now);
        let (elapsed_days, last_interval_ms) = elapsed(&before, now);
        let at = self.push_answer(ReviewRecord {
            card: card_id.clone(),
            at: now,
            grade,
            mode,
            phase: before.phase,
            elapsed_days,
            last_interval_ms,
            interval_ms: after.due.millis_since(now),
            observed_only: false,
            writer: self.writer,
        });
        // The schedule names the answer that made it (an undo of that answer finds it).
        after.last_review = Some(at);
        self.cards.insert(card_id.to_owned(), after);
        after
    }

    /// Reviews given in `[start, end)`.
    pub fn reviews_between(
        &self,
        start: Timestamp,
        end: Timestamp,
    ) -> impl Iterator<Item = &ReviewRecord> {
        self.reviews
            .iter()
            .filter(move |r| start <= r.at && r.at < end)
    }

    /// How many distinct cards were seen for the first time in `[day_start, day_end)`;
    /// the app compares this with [`StudySettings::new_cards_per_day`]. The app passes the
    /// person's local day bounds, since the engine has no time zone.
    pub fn new_cards_introduced_on(&self, day_start: Timestamp, day_end: Timestamp) -> usize {
        let introduced = self
            .reviews_between(day_start, day_end)
            .filter(|r| r.phase == Phase::New && !r.observed_only)
            .map(|r| r.card.as_str());
        crate::order::set_of(introduced).len()
    }
}

/// Enough to take one answer back: the card, its schedule before the answer (`None`: it was
/// new) and the log's length then. Plain data, so an undo survives a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoPoint {
    card: CardId,
    before: Option<CardSchedule>,
    log_len: usize,
}

/// Why an undo was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoError {
    /// Another answer was recorded after the one to undo.
    Superseded,
    /// Nothing in this sitting to undo.
    NothingToUndo,
}

impl fmt::Display for UndoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UndoError::Superseded => {
                "That answer can no longer be undone: another answer was saved after it."
            }
            UndoError::NothingToUndo => "There is nothing to undo in this sitting.",
        })
    }
}

impl Evidence {
    /// The evidence of a pick among options: right is [`Evidence::Recognised`], wrong is
    /// [`Evidence::NotRecognised`].
    pub const fn of_pick(right: bool) -> Self {
        if right {
            Evidence::Recognised
        } else {
            Evidence::NotRecognised
        }
    }
}

/// Whole days since the card's last review and the wait it had been scheduled for, in ms:
/// what a log record says about the review before this one (both 0 for a new card).
fn elapsed(before: &CardSchedule, now: Timestamp) -> (u32, i64) {
    match before.last_review {
        Some(last) => (
            now.days_since(last).clamp(0, i64::from(u32::MAX)) as u32,
            before.due.millis_since(last),
        ),
        None => (0, 0),
    }
}
