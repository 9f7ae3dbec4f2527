//! Progress in a [`Storage`], split so that a grade rewrites little, merged so that two tabs
//! never lose each other's answers, and salvaged record by record when something is damaged.
//!
//! Keys, under a prefix naming the site path the app is served from (every GitHub Pages
//! project of one user shares one origin and one quota):
//!
//! | key | holds | rewritten when |
//! | --- | --- | --- |
//! | `…progress` | JSON head: format version, settings, mock interviews, compacted history | settings change, a mock ends, compaction |
//! | `…cards` | one line per studied card ([`super::codec`]) | a card's schedule changes |
//! | `…log/<day>` | the answers of one UTC day, one line each | an answer that day, an undo |
//! | `…backup/<ms>` | JSON object: each damaged key's text as it was | damaged data was found |
//!
//! Every save is a three-way merge ([`super::merge`]) against what this tab last read, so a
//! change another tab saved is kept, and only the parts that changed are read and written.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::codec::{
    AnswerLine, CardLine, LineProblem, decode_answer_line, decode_card_line, decode_lines,
    encode_answers, encode_cards,
};
use super::head::{Head, HeadError, decode_head, encode_head};
use super::keys::{Part, StoreKeys, storage_day};
use super::log_days::{changed_days, compact, day_range, days_of};
use super::merge::{
    answer_order, keep_later, merge_answers, merge_cards, merge_history, merge_mocks, sort_answers,
};
use super::notice::{Backup, SaveError, StoreNotice};
use super::{Progress, ReviewRecord};
use crate::order::{self, insertion_sort_by_key};
use crate::scheduler::CardSchedule;
use crate::stats::LocalDays;
use crate::storage::{Storage, StorageError};
use crate::time::Timestamp;

/// Backups kept; making one more deletes the oldest.
pub const MAX_BACKUPS: usize = 3;
/// The largest backup made, in characters (so backups take at most 3 MB of the origin's
/// quota). Damaged data larger than this is not copied: saving then waits until the person
/// downloads or discards it ([`SaveError::Blocked`]), so nothing is lost either way.
pub const MAX_BACKUP_CHARS: usize = 1 << 20;
/// Where version 1 of the app kept everything, as one JSON value.
pub const LEGACY_KEY: &str = "interview-prep/progress";
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
    base: Progress,
    /// Head fields written by a newer version, written back unchanged.
    unknown_head: BTreeMap<String, String>,
    /// Columns a newer version added to card and answer lines, by card / by answer.
    card_extras: BTreeMap<String, String>,
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
}

impl ProgressStore {
    /// A store that never writes, for a tab without storage.
    fn in_memory(keys: StoreKeys, mode: Mode) -> Self {
        ProgressStore {
            keys,
            mode,
            base: Progress::default(),
            unknown_head: BTreeMap::new(),
            card_extras: BTreeMap::new(),
            answer_extras: Vec::new(),
            head_stored: false,
            synced: BTreeMap::new(),
        }
    }

    pub fn keys(&self) -> &StoreKeys {
        &self.keys
    }

    /// Reads saved progress. Damaged records are left out and reported, and the damaged text
    /// is backed up before the repaired version replaces it; if the backup fails, nothing is
    /// replaced and the store will not save (see [`SaveError::Blocked`]).
    pub fn load(storage: &mut dyn Storage, keys: StoreKeys, now: Timestamp) -> (Self, Loaded) {
        let unavailable = |keys: StoreKeys, error: StorageError| {
            (
                Self::in_memory(keys, Mode::Unavailable),
                Loaded {
                    progress: Progress::default(),
                    notice: Some(StoreNotice::Unavailable { error }),
                },
            )
        };
        let all_keys = match storage.keys() {
            Ok(all) => all,
            Err(error) => return unavailable(keys, error),
        };
        let head_text = match storage.get(&keys.head()) {
            Ok(text) => text,
            Err(error) => return unavailable(keys, error),
        };
        let mut store = Self::in_memory(keys, Mode::Saving);
        store.head_stored = head_text.is_some();
        let head_key = store.keys.head();
        store.remember(head_key, head_text.clone());
        let mut reading = Reading::default();
        let mut progress = Progress::default();
        match head_text {
            Some(text) => match decode_head(&text, &mut reading.problems) {
                Ok(head) => store.adopt_head(&mut progress, head),
                Err(HeadError::Newer { found }) => {
                    store.mode = Mode::NewerVersion;
                    return (
                        store,
                        Loaded {
                            progress,
                            notice: Some(StoreNotice::NewerVersion { found }),
                        },
                    );
                }
                Err(HeadError::Unreadable(reason)) => {
                    reading.damaged(store.keys.head(), text, reason);
                }
            },
            None => {
                if let Ok(Some(legacy)) = storage.get(LEGACY_KEY) {
                    return store.upgrade_legacy(storage, &legacy, now);
                }
            }
        }
        store.read_cards(storage, &mut progress, &mut reading, now);
        store.read_log(storage, &all_keys, &mut progress, &mut reading, now);
        let notice = store.finish_reading(storage, &mut progress, reading, now);
        (store, Loaded { progress, notice })
    }

    fn adopt_head(&mut self, progress: &mut Progress, head: Head) {
        progress.settings = head.settings;
        progress.mocks = head.mocks;
        progress.history = head.history;
        self.unknown_head = head.unknown;
    }

    fn read_cards(
        &mut self,
        storage: &dyn Storage,
        progress: &mut Progress,
        reading: &mut Reading,
        now: Timestamp,
    ) {
        let key = self.keys.cards();
        let Ok(Some(text)) = storage.get(&key) else {
            return;
        };
        let salvaged = decode_lines(&text, now, decode_card_line);
        for line in salvaged.records.iter().cloned() {
            self.add_card(&mut progress.cards, line);
        }
        self.synced.insert(key.clone(), text.clone());
        reading.note(key, text, salvaged.problems, salvaged.clock_fixes);
    }

    fn add_card(&mut self, cards: &mut BTreeMap<String, CardSchedule>, line: CardLine) {
        let id = line.id.clone();
        if keep_later(cards, line.id, line.schedule) && !line.extra.is_empty() {
            self.card_extras.insert(id, line.extra);
        }
    }

    fn read_log(
        &mut self,
        storage: &dyn Storage,
        all_keys: &[String],
        progress: &mut Progress,
        reading: &mut Reading,
        now: Timestamp,
    ) {
        let log_prefix = self.keys.log_prefix();
        for key in all_keys.iter().filter(|k| k.starts_with(&log_prefix)) {
            let Ok(Some(text)) = storage.get(key) else {
                continue;
            };
            if !matches!(self.keys.part(key), Some(Part::LogDay(_))) {
                reading.damaged(key.clone(), text, "not a day of answers".to_owned());
                continue;
            }
            let salvaged = decode_lines(&text, now, decode_answer_line);
            let day = self.keys.part(key);
            for line in salvaged.records.iter().cloned() {
                let filed_under = Some(Part::LogDay(storage_day(line.record.at)));
                if filed_under != day {
                    // An answer under another day's key (hand-edited, or its date corrected):
                    // both keys are rewritten, nothing is lost.
                    reading
                        .refile
                        .extend([key.clone(), self.keys.log_day(storage_day(line.record.at))]);
                }
                self.add_answer(&mut progress.reviews, line);
            }
            self.synced.insert(key.clone(), text.clone());
            reading.note(key.clone(), text, salvaged.problems, salvaged.clock_fixes);
        }
        sort_answers(&mut progress.reviews);
    }

    fn add_answer(&mut self, reviews: &mut Vec<ReviewRecord>, line: AnswerLine) {
        if !line.extra.is_empty() && self.answer_extra(&line.record).is_none() {
            self.answer_extras
                .push((line.record.at, line.record.card.clone(), line.extra));
        }
        reviews.push(line.record);
    }

    /// Backs up what was damaged, writes the repaired parts, and says what happened.
    fn finish_reading(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        reading: Reading,
        now: Timestamp,
    ) -> Option<StoreNotice> {
        self.base = progress.clone();
        if reading.damaged.is_empty() && reading.clock_fixes == 0 {
            for key in &reading.refile {
                let _ = self.write_repaired(storage, progress, key);
            }
            return None;
        }
        let backup = self.back_up(storage, &reading.damaged, now);
        match backup {
            Backup::Saved { .. } => {
                let keys = reading.damaged.iter().map(|(key, _)| key);
                for key in keys.chain(&reading.refile) {
                    // Best effort: a part that does not fit now is written at the next save.
                    let _ = self.write_repaired(storage, progress, key);
                }
            }
            Backup::Failed { .. } => self.mode = Mode::Blocked,
        }
        Some(StoreNotice::Salvaged {
            lost: reading.lost,
            clock_fixes: reading.clock_fixes,
            reasons: reading.problems.into_iter().take(5).collect(),
            backup,
        })
    }

    /// Replaces a damaged key with what was salvaged from it (or removes a key that holds
    /// no part), so the next load reads clean data; the base then matches storage.
    fn write_repaired(
        &mut self,
        storage: &mut dyn Storage,
        progress: &Progress,
        key: &str,
    ) -> Result<(), SaveError> {
        match self.keys.part(key) {
            Some(Part::Head) => write(storage, key, &encode_head(&self.head_of(progress))),
            Some(Part::Cards) => {
                let text = self.cards_text(&progress.cards);
                self.put(storage, key, text)
            }
            Some(Part::LogDay(day)) => {
                let range = day_range(&progress.reviews, day);
                let text = self.answers_text(&progress.reviews[range]);
                self.put(storage, key, text)
            }
            None => storage.remove(key).map_err(SaveError::Storage),
        }
    }

    /// Writes every part of `progress` (after an upgrade from version 1, or an import into
    /// empty storage); the base then is `progress`.
    fn write_all(
        &mut self,
        storage: &mut dyn Storage,
        progress: &Progress,
    ) -> Result<(), SaveError> {
        write(
            storage,
            &self.keys.head(),
            &encode_head(&self.head_of(progress)),
        )?;
        self.head_stored = true;
        let cards = self.cards_text(&progress.cards);
        self.put(storage, &self.keys.cards(), cards)?;
        let mut start = 0;
        while start < progress.reviews.len() {
            let day = storage_day(progress.reviews[start].at);
            let range = day_range(&progress.reviews, day);
            let text = self.answers_text(&progress.reviews[range.clone()]);
            self.put(storage, &self.keys.log_day(day), text)?;
            start = range.end;
        }
        self.base = progress.clone();
        Ok(())
    }

    fn head_of(&self, progress: &Progress) -> Head {
        Head {
            settings: progress.settings.clone(),
            mocks: progress.mocks.clone(),
            history: progress.history.clone(),
            unknown: self.unknown_head.clone(),
        }
    }

    fn cards_text(&self, cards: &BTreeMap<String, CardSchedule>) -> String {
        encode_cards(cards.iter().map(|(id, schedule)| CardLine {
            id: id.clone(),
            schedule: *schedule,
            extra: self.card_extras.get(id).cloned().unwrap_or_default(),
        }))
    }

    fn answer_extra(&self, record: &ReviewRecord) -> Option<&str> {
        self.answer_extras
            .iter()
            .find(|(at, card, _)| *at == record.at && *card == record.card)
            .map(|(_, _, extra)| extra.as_str())
    }

    fn answers_text(&self, records: &[ReviewRecord]) -> String {
        let lines: Vec<AnswerLine> = records
            .iter()
            .map(|record| AnswerLine {
                extra: self.answer_extra(record).unwrap_or_default().to_owned(),
                record: record.clone(),
            })
            .collect();
        encode_answers(&lines)
    }

    /// Reads version 1's single JSON value record by record, saves it in this format, and
    /// removes it (its backups stay listed until cleaned up).
    fn upgrade_legacy(
        mut self,
        storage: &mut dyn Storage,
        text: &str,
        now: Timestamp,
    ) -> (Self, Loaded) {
        let mut reading = Reading::default();
        let mut progress = Progress::default();
        match super::legacy::decode_v1(text, now, &mut reading.problems) {
            Ok(legacy) => {
                reading.lost = legacy.lost;
                reading.clock_fixes = legacy.clock_fixes;
                progress = legacy.progress;
                if legacy.lost > 0 {
                    reading
                        .damaged
                        .push((LEGACY_KEY.to_owned(), text.to_owned()));
                }
            }
            Err(reason) => reading.damaged(LEGACY_KEY.to_owned(), text.to_owned(), reason),
        }
        let notice = if reading.damaged.is_empty() {
            None
        } else {
            let backup = self.back_up(storage, &reading.damaged, now);
            if matches!(backup, Backup::Failed { .. }) {
                self.mode = Mode::Blocked;
            }
            Some(StoreNotice::Salvaged {
                lost: reading.lost,
                clock_fixes: reading.clock_fixes,
                reasons: reading.problems.into_iter().take(5).collect(),
                backup,
            })
        };
        if self.mode == Mode::Saving && self.write_all(storage, &progress).is_ok() {
            let _ = storage.remove(LEGACY_KEY);
            let _ = storage.remove(LEGACY_BACKUP_INDEX);
        }
        (self, Loaded { progress, notice })
    }

    /// Saves what changed in `progress` since this store last read or wrote, merging with
    /// what storage holds now. Other tabs' changes found on the way are merged into
    /// `progress`; returns whether that (or compacting the log) changed it.
    ///
    /// `days` places compacted answers on the learner's calendar.
    pub fn save(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        days: LocalDays,
    ) -> Result<bool, SaveError> {
        match self.mode {
            Mode::Saving => {}
            Mode::Blocked => return Err(SaveError::Blocked),
            Mode::NewerVersion => return Err(SaveError::NewerVersion),
            Mode::Unavailable => return Err(SaveError::Unavailable),
        }
        // Compaction changes the progress the screens show (answers become history).
        let mut changed = compact(progress, days);
        // A head another tab wrote since (perhaps a newer version after a deploy, which this
        // tab must not write under) is read before anything else is written.
        let head_key = self.keys.head();
        let head_moved = storage.get(&head_key).map_err(SaveError::Storage)?.as_ref()
            != self.synced.get(&head_key);
        if head_moved {
            changed |= self.sync_head(storage, progress)?;
        }
        if progress.cards != self.base.cards {
            changed |= self.sync_cards(storage, progress)?;
        }
        for day in changed_days(&progress.reviews, &self.base.reviews) {
            changed |= self.sync_day(storage, progress, day)?;
        }
        if !self.head_stored
            || (&progress.settings, &progress.mocks, &progress.history)
                != (&self.base.settings, &self.base.mocks, &self.base.history)
        {
            changed |= self.sync_head(storage, progress)?;
        }
        Ok(changed)
    }

    /// Takes in a change another tab saved under `key` (from the `storage` event; `None` when
    /// that tab cleared storage). Returns whether `progress` changed.
    pub fn refresh(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        key: Option<&str>,
    ) -> Result<bool, SaveError> {
        if self.mode == Mode::Unavailable {
            return Ok(false);
        }
        let parts = match key {
            Some(key) => match self.keys.part(key) {
                Some(part) => vec![part],
                None => return Ok(false),
            },
            None => {
                let mut parts = vec![Part::Head, Part::Cards];
                let days = days_of(&progress.reviews, &self.base.reviews);
                parts.extend(days.into_iter().map(Part::LogDay));
                parts
            }
        };
        let mut changed = false;
        for part in parts {
            changed |= match part {
                Part::Head => self.sync_head(storage, progress)?,
                Part::Cards => self.sync_cards(storage, progress)?,
                Part::LogDay(day) => self.sync_day(storage, progress, day)?,
            };
        }
        Ok(changed)
    }

    /// A new tab's answers arrive while this one is blocked or newer: nothing to merge into.
    fn writes(&self) -> bool {
        self.mode == Mode::Saving
    }

    fn sync_cards(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
    ) -> Result<bool, SaveError> {
        let key = self.keys.cards();
        let stored_text = storage.get(&key).map_err(SaveError::Storage)?;
        if stored_text.as_ref() == self.synced.get(&key) {
            // Storage holds what this tab last saw: the merge is this tab's progress.
            if progress.cards != self.base.cards && self.writes() {
                let text = self.cards_text(&progress.cards);
                self.put(storage, &key, text)?;
            }
            self.base.cards.clone_from(&progress.cards);
            return Ok(false);
        }
        let mut stored = BTreeMap::new();
        if let Some(text) = &stored_text {
            // Lines another tab wrote are valid; a damaged one reads as absent here and is
            // salvaged at the next load.
            for line in decode_lines(text, Timestamp(i64::MAX / 2), decode_card_line).records {
                self.add_card(&mut stored, line);
            }
        }
        let merged = merge_cards(&self.base.cards, &progress.cards, &stored);
        if merged != stored && self.writes() {
            let text = self.cards_text(&merged);
            self.put(storage, &key, text)?;
        } else {
            self.remember(key, stored_text);
        }
        self.base.cards = merged.clone();
        let changed = progress.cards != merged;
        progress.cards = merged;
        Ok(changed)
    }

    fn sync_day(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        day: i64,
    ) -> Result<bool, SaveError> {
        let key = self.keys.log_day(day);
        let stored_text = storage.get(&key).map_err(SaveError::Storage)?;
        let base_range = day_range(&self.base.reviews, day);
        let ours_range = day_range(&progress.reviews, day);
        if stored_text.as_ref() == self.synced.get(&key) {
            // Storage holds what this tab last saw: the merge is this tab's answers.
            let (base_day, ours_day) = (
                &self.base.reviews[base_range.clone()],
                &progress.reviews[ours_range],
            );
            if ours_day == base_day || !self.writes() {
                return Ok(false);
            }
            let text = match stored_text {
                // A grade: one more line at the end.
                Some(mut text) if ours_day.starts_with(base_day) => {
                    text.push_str(&self.answers_text(&ours_day[base_day.len()..]));
                    text
                }
                _ => self.answers_text(ours_day),
            };
            let ours_day = ours_day.to_vec();
            self.put(storage, &key, text)?;
            self.base.reviews.splice(base_range, ours_day);
            return Ok(false);
        }
        let mut stored = Vec::new();
        if let Some(text) = &stored_text {
            for line in decode_lines(text, Timestamp(i64::MAX / 2), decode_answer_line).records {
                self.add_answer(&mut stored, line);
            }
            sort_answers(&mut stored);
        }
        let merged = merge_answers(
            &self.base.reviews[base_range.clone()],
            &progress.reviews[ours_range.clone()],
            &stored,
        );
        if merged != stored && self.writes() {
            let text = self.answers_text(&merged);
            self.put(storage, &key, text)?;
        } else {
            self.remember(key, stored_text);
        }
        let changed = progress.reviews[ours_range.clone()] != merged[..];
        self.base.reviews.splice(base_range, merged.iter().cloned());
        if changed {
            progress.reviews.splice(ours_range, merged);
        }
        Ok(changed)
    }

    /// Writes a cards or log key (removing it when there is nothing to hold) and remembers
    /// the text as synced.
    fn put(&mut self, storage: &mut dyn Storage, key: &str, text: String) -> Result<(), SaveError> {
        if text.is_empty() {
            storage.remove(key).map_err(SaveError::Storage)?;
        } else {
            write(storage, key, &text)?;
        }
        self.remember(key.to_owned(), (!text.is_empty()).then_some(text));
        Ok(())
    }

    /// Notes `text` as what storage holds under `key` (`None`: nothing).
    fn remember(&mut self, key: String, text: Option<String>) {
        match text {
            Some(text) => self.synced.insert(key, text),
            None => self.synced.remove(&key),
        };
    }

    fn sync_head(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
    ) -> Result<bool, SaveError> {
        let key = self.keys.head();
        let mut stored = Head::default();
        let mut stored_exists = false;
        let stored_text = storage.get(&key).map_err(SaveError::Storage)?;
        if let Some(text) = &stored_text {
            match decode_head(text, &mut Vec::new()) {
                Ok(head) => {
                    stored = head;
                    stored_exists = true;
                }
                Err(HeadError::Newer { .. }) => {
                    self.mode = Mode::NewerVersion;
                    return Err(SaveError::NewerVersion);
                }
                Err(HeadError::Unreadable(_)) => {}
            }
        }
        let base = &self.base;
        let settings = if progress.settings != base.settings {
            progress.settings.clone()
        } else if stored_exists {
            stored.settings.clone()
        } else {
            progress.settings.clone()
        };
        let merged = Head {
            settings,
            mocks: merge_mocks(&base.mocks, &progress.mocks, &stored.mocks),
            history: merge_history(&base.history, &progress.history, &stored.history),
            unknown: if stored_exists {
                stored.unknown.clone()
            } else {
                self.unknown_head.clone()
            },
        };
        if (merged != stored || !stored_exists) && self.writes() {
            let text = encode_head(&merged);
            write(storage, &key, &text)?;
            self.head_stored = true;
            self.remember(key, Some(text));
        } else {
            self.remember(key, stored_text);
        }
        let changed = (&progress.settings, &progress.mocks, &progress.history)
            != (&merged.settings, &merged.mocks, &merged.history);
        self.unknown_head = merged.unknown;
        self.base.settings = merged.settings.clone();
        self.base.mocks = merged.mocks.clone();
        self.base.history = merged.history.clone();
        progress.settings = merged.settings;
        progress.mocks = merged.mocks;
        progress.history = merged.history;
        Ok(changed)
    }

    /// Copies damaged texts under a new backup key, deleting the oldest backups beyond
    /// [`MAX_BACKUPS`] (and, if storage is full, older ones first to make room).
    fn back_up(
        &self,
        storage: &mut dyn Storage,
        damaged: &[(String, String)],
        now: Timestamp,
    ) -> Backup {
        let contents = order::map_of(damaged.iter().cloned());
        let text = serde_json::to_string(&contents).expect("strings serialize");
        if text.len() > MAX_BACKUP_CHARS {
            return Backup::Failed {
                error: StorageError::QuotaExceeded(format!(
                    "{} KB of damaged data is more than a backup may hold ({} KB)",
                    text.len() / 1024,
                    MAX_BACKUP_CHARS / 1024
                )),
            };
        }
        let mut key = format!("{}{}", self.keys.backup_prefix(), now.millis());
        let mut n = 1;
        while matches!(storage.get(&key), Ok(Some(_))) {
            key = format!("{}{}-{n}", self.keys.backup_prefix(), now.millis());
            n += 1;
        }
        let mut older = self.backups(storage);
        loop {
            match storage.set(&key, &text) {
                Ok(()) => break,
                Err(StorageError::QuotaExceeded(_)) if !older.is_empty() => {
                    let oldest = older.remove(0);
                    let _ = storage.remove(&oldest.key);
                }
                Err(error) => return Backup::Failed { error },
            }
        }
        while older.len() + 1 > MAX_BACKUPS {
            let oldest = older.remove(0);
            let _ = storage.remove(&oldest.key);
        }
        Backup::Saved { key }
    }

    /// Every backup of this copy (and version 1's), oldest first.
    pub fn backups(&self, storage: &dyn Storage) -> Vec<BackupInfo> {
        let mut keys: Vec<String> = storage
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| self.keys.is_backup(k))
            .collect();
        insertion_sort_by_key(&mut keys, |k| backup_time(k));
        keys.into_iter()
            .map(|key| {
                let size = storage.get(&key).ok().flatten().map_or(0, |t| t.len());
                BackupInfo { key, size }
            })
            .collect()
    }

    /// Deletes every backup; returns how many characters that freed.
    pub fn delete_backups(&self, storage: &mut dyn Storage) -> usize {
        let mut freed = 0;
        for backup in self.backups(storage) {
            if storage.remove(&backup.key).is_ok() {
                freed += backup.size;
            }
        }
        freed
    }

    /// Every saved key of this copy and its text as stored (damaged or not), for a download
    /// when saving is blocked.
    pub fn raw_dump(&self, storage: &dyn Storage) -> String {
        let contents = order::map_of(
            storage
                .keys()
                .unwrap_or_default()
                .into_iter()
                .filter(|k| self.keys.owns(k) || k.starts_with(LEGACY_KEY))
                .filter_map(|k| storage.get(&k).ok().flatten().map(|v| (k, v))),
        );
        serde_json::to_string(&contents).expect("strings serialize")
    }

    /// Gives up data that could not be backed up (after the person downloaded it or chose
    /// to): the next save writes this tab's progress over it.
    pub fn discard_damaged(&mut self) {
        if self.mode == Mode::Blocked {
            self.mode = Mode::Saving;
            self.base = Progress::default();
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

fn backup_time(key: &str) -> (i64, u32) {
    let tail = key.rsplit(['/', '.']).next().unwrap_or_default();
    let (ms, n) = tail.split_once('-').unwrap_or((tail, "0"));
    (ms.parse().unwrap_or(0), n.parse().unwrap_or(0))
}

fn write(storage: &mut dyn Storage, key: &str, text: &str) -> Result<(), SaveError> {
    storage.set(key, text).map_err(SaveError::Storage)
}

/// What a load found, gathered before deciding on a backup.
#[derive(Default)]
struct Reading {
    damaged: Vec<(String, String)>,
    /// Keys holding answers of another day, and the keys of those days.
    refile: Vec<String>,
    problems: Vec<String>,
    lost: usize,
    clock_fixes: usize,
}

impl Reading {
    /// A whole key that could not be read.
    fn damaged(&mut self, key: String, text: String, reason: String) {
        self.problems.push(format!("{key}: {reason}"));
        self.lost += 1;
        self.damaged.push((key, text));
    }

    /// A key read line by line: bad lines make it damaged (kept whole in the backup).
    fn note(&mut self, key: String, text: String, problems: Vec<LineProblem>, clock_fixes: usize) {
        self.clock_fixes += clock_fixes;
        if problems.is_empty() && clock_fixes == 0 {
            return;
        }
        self.lost += problems.len();
        self.problems.extend(
            problems
                .iter()
                .map(|p| format!("{key}:{}: {}", p.line, p.reason)),
        );
        self.damaged.push((key, text));
    }
}

/// Version 1's envelope, read without decoding its contents.
#[derive(Deserialize)]
pub(super) struct EnvelopeV1<'a> {
    pub schema: u64,
    #[serde(borrow)]
    pub progress: &'a RawValue,
}
