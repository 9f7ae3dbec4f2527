//! Progress in a [`Storage`], split so that a grade rewrites little, merged so that two tabs
//! never lose each other's answers, and salvaged record by record when something is damaged.
//!
//! Keys, under a prefix naming the site path the app is served from (every GitHub Pages
//! project of one user shares one origin and one quota):
//!
//! | key | holds | rewritten when |
//! | --- | --- | --- |
//! | `…progress` | JSON head: format version, settings, mock interviews, compacted history, deletions | settings change, a mock ends, an undo, compaction |
//! | `…cards` (`…e<n>/cards`) | one line per studied card ([`super::codec`]) | a card's schedule changes |
//! | `…log/<day>` (`…e<n>/log/<day>`) | the answers of one UTC day, one line each | an answer that day |
//! | `…backup/<ms>` | JSON object: each damaged key's text as it was | damaged data was found |
//!
//! Every save merges ([`super::merge`]) what this tab holds with what storage holds now, as a
//! union less the recorded deletions, so a change another tab saved is kept and one this tab
//! saved but another wrote over is written back; only the parts that changed since this tab
//! last read or wrote are read and written. Cards and answers of epoch `n > 0` (after a reset
//! or a Replace import) live under `e<n>/`.
//!
//! One concern per file: `load` reads and salvages, `sync` saves and takes in other tabs'
//! saves, `backups` keeps damaged data before anything is written over it; this file holds
//! the store's state and what all three share.

mod backups;
mod load;
mod sync;

use std::collections::BTreeMap;

use super::codec::{
    ANY_TIME, AnswerLine, CardLine, LineProblem, decode_answer_line, decode_card_line,
    decode_lines, encode_answers, encode_cards,
};
use super::head::{Head, HeadError, decode_head, encode_head};
use super::keys::{Epoch, Part, StoreKeys, storage_day};
use super::log_days::{changed_days, compact, day_range, days_of};
use super::merge::{
    answer_order, keep_later, merge_answers, merge_cards, merge_history, merge_mocks, sort_answers,
};
use super::notice::{Backup, SaveError, StoreNotice};
use super::transfer::Imported;
use super::{Deletions, Progress, ReviewRecord};
use crate::content::CardId;
use crate::order;
use crate::scheduler::CardSchedule;
use crate::storage::{Storage, StorageError};
use crate::time::LocalDays;
use crate::time::Timestamp;

/// Backups kept; making one more deletes the oldest.
pub const MAX_BACKUPS: usize = 3;
/// The largest backup made, in characters (so backups take at most 3 MB of the origin's
/// quota). Damaged data larger than this is not copied: saving then waits until the person
/// downloads or discards it ([`SaveError::Blocked`]), so nothing is lost either way.
pub const MAX_BACKUP_CHARS: usize = 1 << 20;
/// Where version 1 of the app kept everything, as one JSON value.
pub(crate) const LEGACY_KEY: &str = "interview-prep/progress";
const LEGACY_BACKUP_INDEX: &str = "interview-prep/progress.backups";

/// Whether this tab may write.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Saving,
    Blocked,
    NewerVersion,
    Unavailable,
}

/// The result of [`ProgressStore::load`].
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<StoreNotice>,
}

/// One backup, for the list the person can clean up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub key: String,
    /// Characters stored.
    pub size: usize,
}

/// This tab's view of saved progress: what storage held when it last read or wrote each part.
#[derive(Debug, Clone)]
pub struct ProgressStore {
    keys: StoreKeys,
    mode: Mode,
    /// What storage held when this tab last read or wrote each part: what tells this tab's
    /// own changes (to write) from the rest. Never read as a record of deletions.
    base: Progress,
    /// The settings revision this tab last read or wrote (see [`Head::settings_rev`]).
    settings_rev: u64,
    /// Head fields written by a newer version, written back unchanged.
    unknown_head: BTreeMap<String, String>,
    /// Columns a newer version added to card and answer lines, by card / by answer.
    card_extras: BTreeMap<CardId, String>,
    /// Few or none: only a newer version writes them, so a list is enough.
    answer_extras: Vec<(Timestamp, String, String)>,
    /// Whether storage holds a head: the first save writes one, so saved data always names
    /// its format version.
    head_stored: bool,
    /// The text of each cards and log key as this tab last read or wrote it. When storage
    /// still holds that text, no other tab wrote since: the merge is this tab's progress, the
    /// text need not be decoded, and a new answer is one appended line (a grade costs the
    /// same at 10 answers as at 10,000).
    synced: BTreeMap<String, String>,
    /// The person chose to discard damaged data that could not be backed up: write over it.
    overwrite_damaged: bool,
}

impl ProgressStore {
    /// A store that never writes, for a tab without storage.
    fn in_memory(keys: StoreKeys, mode: Mode) -> Self {
        ProgressStore {
            keys,
            mode,
            base: Progress::default(),
            settings_rev: 0,
            unknown_head: BTreeMap::new(),
            card_extras: BTreeMap::new(),
            answer_extras: Vec::new(),
            head_stored: false,
            synced: BTreeMap::new(),
            overwrite_damaged: false,
        }
    }

    pub fn keys(&self) -> &StoreKeys {
        &self.keys
    }

    /// The epoch this tab reads and writes.
    fn epoch(&self) -> Epoch {
        self.base.deletions.epoch
    }

    /// A new tab's answers arrive while this one is blocked or newer: nothing to merge into.
    fn writes(&self) -> bool {
        self.mode == Mode::Saving
    }

    /// Gives up data that could not be backed up (after the person downloaded it or chose
    /// to): the next save writes this tab's progress over it.
    pub fn discard_damaged(&mut self) {
        if self.mode == Mode::Blocked {
            self.mode = Mode::Saving;
            self.overwrite_damaged = true;
            // Every part then differs from the base, so the next save rewrites them all.
            self.base = Progress {
                deletions: self.base.deletions.clone(),
                ..Progress::default()
            };
            self.synced.clear();
        }
    }

    /// True if this tab saves; false in memory-only, blocked and newer-version modes.
    pub fn is_saving(&self) -> bool {
        self.mode == Mode::Saving
    }

    /// True if saving waits for the damaged data to be downloaded or discarded.
    pub fn is_blocked(&self) -> bool {
        self.mode == Mode::Blocked
    }

    /// Answers recorded in this tab and not yet in storage.
    pub fn unsaved_answers(&self, progress: &Progress) -> usize {
        progress
            .reviews
            .iter()
            .filter(|r| {
                self.base
                    .reviews
                    .binary_search_by(|b| answer_order(b, r))
                    .is_err()
            })
            .count()
    }
}

/// Drops what the recorded deletions remove: undone answers and the schedules they made, and
/// answers of days folded into history (a tab that had not heard of either wrote them back).
fn apply_deletions(progress: &mut Progress) {
    let deletions = &progress.deletions;
    progress.reviews.retain(|r| !deletions.removes(r));
    progress
        .cards
        .retain(|card, schedule| !deletions.undid(card, schedule));
}

fn write(storage: &mut dyn Storage, key: &str, text: &str) -> Result<(), SaveError> {
    storage.set(key, text).map_err(SaveError::Storage)
}
