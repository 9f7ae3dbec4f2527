//! The saved study state: per-card schedules, the review log and study settings, plus the
//! versioned envelope that stores them.
//!
//! Stored as JSON `{"schema": 1, "progress": {...}}` under [`PROGRESS_KEY`]. Saved progress is
//! never silently dropped: anything unreadable, or written by a newer version of the app, is
//! first copied to a backup key and reported in a [`LoadNotice`], so the UI can tell the person
//! and offer the raw data for download.
//!
//! Card ids are plain strings (the content's card ids) so this module does not depend on the
//! content model; schedules of cards that no longer exist in the content (edited or renamed)
//! are kept, because the card may come back and its history is still the person's.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::scheduler::{CardSchedule, ConfigError, Grade, Phase, Scheduler, SchedulerConfig};
use crate::storage::{Storage, StorageError};
use crate::time::Timestamp;

/// Version of the stored format. Bump it, and add one arm to [`migrate`], whenever a change
/// would make older data decode wrongly; purely additive fields with defaults need no bump.
pub const SCHEMA_VERSION: u32 = 1;

/// Storage key of the saved progress.
pub const PROGRESS_KEY: &str = "interview-prep/progress";

/// Backups are stored under this prefix followed by the unix milliseconds of the load that
/// made them, e.g. `interview-prep/progress.backup.1767604643456`.
pub const BACKUP_KEY_PREFIX: &str = "interview-prep/progress.backup.";

/// JSON array listing every backup key, newest last, because [`Storage`] cannot list keys.
pub const BACKUP_INDEX_KEY: &str = "interview-prep/progress.backups";

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
    /// A typed answer checked exactly: reverse card (description to concept) or cloze.
    Typed,
    /// A mode this version does not know (written by a newer app); kept so the log still loads.
    #[serde(other)]
    Other,
}

/// One answered card, appended to [`Progress::reviews`]. Enough to compute statistics
/// (retention by phase, workload, streaks) and to replay schedules with other settings.
///
/// Field names are short and fixed because the log grows with every review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// Card id.
    pub card: String,
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
}

/// What one answer says about the learner's memory of a card, and so what it may do to the
/// card's schedule. Each study mode maps its outcomes to one of these; ARCHITECTURE.md says
/// why each mode has the weight it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The answer was produced from memory (flashcard, typed recall, mock interview, or a
    /// typed reverse/cloze answer the engine checked): the grade goes through the scheduler.
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
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            desired_retention: 0.9,
            new_cards_per_day: 20,
        }
    }
}

impl StudySettings {
    /// Scheduler settings for these preferences (default steps and maximum interval).
    pub fn scheduler_config(&self) -> SchedulerConfig {
        SchedulerConfig {
            desired_retention: self.desired_retention,
            ..SchedulerConfig::default()
        }
    }

    /// A scheduler for these preferences; fails if the saved retention is out of range.
    pub fn scheduler(&self) -> Result<Scheduler, ConfigError> {
        Scheduler::new(self.scheduler_config())
    }
}

/// Everything saved about a person's studying.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Schedule of every card reviewed at least once, by card id. Missing means new.
    pub cards: BTreeMap<String, CardSchedule>,
    /// Every review, in the order given.
    pub reviews: Vec<ReviewRecord>,
    pub settings: StudySettings,
    /// Every finished mock interview, oldest first: the history the mock setup lists.
    /// Added after schema 1 shipped; old data reads as no history (hence no schema bump).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mocks: Vec<MockRecord>,
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
    pub fn schedule(&self, card_id: &str) -> CardSchedule {
        self.cards.get(card_id).copied().unwrap_or_default()
    }

    /// Applies an answer with the weight its [`Evidence`] carries: recall grades and missed
    /// recognitions reschedule the card (see [`Self::record_review`]); a right recognition is
    /// only logged. Returns the card's schedule afterwards.
    pub fn record_answer(
        &mut self,
        scheduler: &Scheduler,
        card_id: &str,
        evidence: Evidence,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
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
        card_id: &str,
        grade: Grade,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
        let schedule = self.schedule(card_id);
        let (elapsed_days, last_interval_ms) = elapsed(&schedule, now);
        self.reviews.push(ReviewRecord {
            card: card_id.to_owned(),
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
        });
        schedule
    }

    /// What [`Self::undo`] needs to take back the next answer to `card_id`: taken just before
    /// recording it.
    pub fn undo_point(&self, card_id: &str) -> UndoPoint {
        UndoPoint {
            card: card_id.to_owned(),
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
        self.reviews.pop();
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
        card_id: &str,
        grade: Grade,
        mode: StudyMode,
        now: Timestamp,
    ) -> CardSchedule {
        let before = self.schedule(card_id);
        let after = scheduler.review(&before, grade, now);
        let (elapsed_days, last_interval_ms) = elapsed(&before, now);
        self.reviews.push(ReviewRecord {
            card: card_id.to_owned(),
            at: now,
            grade,
            mode,
            phase: before.phase,
            elapsed_days,
            last_interval_ms,
            interval_ms: after.due.millis_since(now),
            observed_only: false,
        });
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
        self.reviews_between(day_start, day_end)
            .filter(|r| r.phase == Phase::New && !r.observed_only)
            .map(|r| r.card.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Enough to take one answer back: the card, its schedule before the answer (`None`: it was
/// new) and the log's length then. Plain data, so an undo survives a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoPoint {
    card: String,
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

/// Why stored text could not become a [`Progress`].
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON, not an envelope, or fields of the wrong shape.
    Unreadable(String),
    /// Written by a newer app version with a schema this one does not know.
    NewerSchema { found: u64 },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "saved progress is unreadable: {why}"),
            DecodeError::NewerSchema { found } => write!(
                f,
                "saved progress uses format version {found}, newer than this app's {SCHEMA_VERSION}"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Turns the `progress` value of an envelope written with `schema` into the current
/// [`Progress`]. `progress` is that value's JSON text: it is decoded straight from the text,
/// never through a `serde_json::Value`, which would compile a second decoder for every saved
/// type into the wasm (~20 KB). Each old schema gets one arm that upgrades the text one version
/// and recurses, e.g. after a bump to 2: `1 => migrate(2, &upgrade_1_to_2(progress)?)`.
pub fn migrate(schema: u64, progress: &str) -> Result<Progress, DecodeError> {
    match schema {
        1 => serde_json::from_str(progress).map_err(|e| DecodeError::Unreadable(e.to_string())),
        found if found > u64::from(SCHEMA_VERSION) => Err(DecodeError::NewerSchema { found }),
        other => Err(DecodeError::Unreadable(format!(
            "unknown format version {other}"
        ))),
    }
}

/// Where the copy of unusable saved data went.
#[derive(Debug, Clone, PartialEq)]
pub enum Backup {
    /// Copied under `key`; the original key was then cleared for fresh progress.
    Saved { key: String },
    /// The copy could not be written, so the original was left untouched under
    /// [`PROGRESS_KEY`]: saving now would destroy it (see [`LoadOutcome::may_save`]).
    Failed { error: StorageError },
}

/// Something the person should be told after loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNotice {
    /// The saved progress could not be decoded; study starts fresh.
    Unreadable { reason: String, backup: Backup },
    /// The saved progress comes from a newer app version; study starts fresh.
    NewerSchema { found: u64, backup: Backup },
    /// Storage could not be read at all; study starts fresh and will likely not be saved.
    StorageUnavailable { error: StorageError },
}

impl fmt::Display for LoadNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let backup = |f: &mut fmt::Formatter<'_>, backup: &Backup| match backup {
            Backup::Saved { key } => write!(f, " A copy was kept under \"{key}\"."),
            Backup::Failed { error } => write!(
                f,
                " It could not be copied ({error}), so it was left in place; progress will not be saved until it is exported or discarded."
            ),
        };
        match self {
            LoadNotice::Unreadable { reason, backup: b } => {
                write!(
                    f,
                    "Saved progress could not be read ({reason}); starting fresh."
                )?;
                backup(f, b)
            }
            LoadNotice::NewerSchema { found, backup: b } => {
                write!(
                    f,
                    "Saved progress was written by a newer version of the app (format {found}); starting fresh."
                )?;
                backup(f, b)
            }
            LoadNotice::StorageUnavailable { error } => {
                write!(
                    f,
                    "Progress cannot be loaded or saved in this browser: {error}."
                )
            }
        }
    }
}

/// Result of [`ProgressStore::load`]: always a usable progress, and possibly a notice.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOutcome {
    pub progress: Progress,
    pub notice: Option<LoadNotice>,
}

impl LoadOutcome {
    /// False when saving would overwrite data that exists only under [`PROGRESS_KEY`]
    /// (its backup failed, or it could not even be read). The app should then not save
    /// until the person has exported or discarded that data.
    pub fn may_save(&self) -> bool {
        !matches!(
            self.notice,
            Some(
                LoadNotice::Unreadable {
                    backup: Backup::Failed { .. },
                    ..
                } | LoadNotice::NewerSchema {
                    backup: Backup::Failed { .. },
                    ..
                } | LoadNotice::StorageUnavailable { .. }
            )
        )
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    progress: &'a Progress,
}

#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    schema: u64,
    #[serde(borrow)]
    progress: &'a serde_json::value::RawValue,
}

/// Loading and saving [`Progress`] in a [`Storage`] under [`PROGRESS_KEY`].
pub struct ProgressStore;

impl ProgressStore {
    /// The versioned JSON text of `progress` (what [`ProgressStore::save`] stores; also the
    /// export format).
    pub fn to_json(progress: &Progress) -> String {
        serde_json::to_string(&EnvelopeOut {
            schema: SCHEMA_VERSION,
            progress,
        })
        .expect("progress serializes: string keys and finite numbers only")
    }

    /// Decodes versioned JSON text (stored or imported), migrating older schemas.
    pub fn from_json(text: &str) -> Result<Progress, DecodeError> {
        let envelope: EnvelopeIn =
            serde_json::from_str(text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
        migrate(envelope.schema, envelope.progress.get())
    }

    /// Writes `progress` under [`PROGRESS_KEY`]. Errors (e.g. quota) are returned for the UI
    /// to show; the in-memory progress is unaffected.
    pub fn save(storage: &mut dyn Storage, progress: &Progress) -> Result<(), StorageError> {
        storage.set(PROGRESS_KEY, &Self::to_json(progress))
    }

    /// Reads the saved progress. Missing data gives fresh progress without a notice;
    /// unusable data is backed up (see [`Backup`]) and reported, and fresh progress returned.
    ///
    /// Takes `&mut` storage because a backup must be written before anything is lost.
    pub fn load(storage: &mut dyn Storage, now: Timestamp) -> LoadOutcome {
        let fresh = |notice| LoadOutcome {
            progress: Progress::default(),
            notice,
        };
        let text = match storage.get(PROGRESS_KEY) {
            Ok(Some(text)) => text,
            Ok(None) => return fresh(None),
            Err(error) => return fresh(Some(LoadNotice::StorageUnavailable { error })),
        };
        match Self::from_json(&text) {
            Ok(progress) => LoadOutcome {
                progress,
                notice: None,
            },
            Err(DecodeError::Unreadable(reason)) => fresh(Some(LoadNotice::Unreadable {
                reason,
                backup: Self::back_up(storage, &text, now),
            })),
            Err(DecodeError::NewerSchema { found }) => fresh(Some(LoadNotice::NewerSchema {
                found,
                backup: Self::back_up(storage, &text, now),
            })),
        }
    }

    /// Keys of all backups made so far, oldest first (from [`BACKUP_INDEX_KEY`]).
    pub fn backup_keys(storage: &dyn Storage) -> Vec<String> {
        storage
            .get(BACKUP_INDEX_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Copies `text` to a fresh backup key, records it in the index, then clears
    /// [`PROGRESS_KEY`] so the next load does not back the same data up again. The original
    /// is removed only after the copy succeeded.
    fn back_up(storage: &mut dyn Storage, text: &str, now: Timestamp) -> Backup {
        let base = format!("{BACKUP_KEY_PREFIX}{}", now.millis());
        let mut key = base.clone();
        let mut n = 1;
        // Never overwrite an earlier backup made in the same millisecond.
        while matches!(storage.get(&key), Ok(Some(_))) {
            key = format!("{base}-{n}");
            n += 1;
        }
        if let Err(error) = storage.set(&key, text) {
            return Backup::Failed { error };
        }
        // Best effort: the notice carries the key even if the index or the removal fails.
        let mut index = Self::backup_keys(storage);
        index.push(key.clone());
        let index_json = serde_json::to_string(&index).expect("a list of strings serializes");
        let _ = storage.set(BACKUP_INDEX_KEY, &index_json);
        let _ = storage.remove(PROGRESS_KEY);
        Backup::Saved { key }
    }
}
