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

    /// Reads saved progress. Damaged records are left out and reported, and the damaged text
    /// is backed up before the repaired version replaces it; if the backup fails, nothing is
    /// replaced and the store will not save (see [`SaveError::Blocked`]). Nothing else is
    /// written: records dated after `now` (the clock is behind) are kept as they are and
    /// reported, and scheduled as due ([`CardSchedule::is_due`]).
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
                Ok(head) => {
                    if !reading.problems.is_empty() {
                        reading.lost += reading.problems.len();
                        reading.damaged.push((store.keys.head(), text));
                    }
                    store.adopt_head(&mut progress, head);
                }
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
        // Keys of a later epoch than the head names: the head was written over by a tab that
        // had not heard of a reset. The latest epoch is the current one.
        let latest_epoch = all_keys
            .iter()
            .filter_map(|k| store.keys.part(k))
            .filter_map(|part| match part {
                Part::Cards(epoch) | Part::LogDay(epoch, _) => Some(epoch),
                Part::Head => None,
            })
            .max()
            .unwrap_or(0);
        if latest_epoch > progress.deletions.epoch {
            progress = Progress {
                settings: progress.settings,
                deletions: Deletions {
                    epoch: latest_epoch,
                    ..Deletions::default()
                },
                ..Progress::default()
            };
            reading.refile.push(store.keys.head());
        }
        store.read_cards(storage, &mut progress, &mut reading);
        store.read_log(storage, &all_keys, &mut progress, &mut reading);
        store.sweep_older_epochs(storage, &all_keys, progress.deletions.epoch);
        apply_deletions(&mut progress);
        let future_dated = count_future_dated(&progress, now);
        let notice = store.finish_reading(storage, &mut progress, reading, future_dated, now);
        (store, Loaded { progress, notice })
    }

    fn adopt_head(&mut self, progress: &mut Progress, head: Head) {
        progress.settings = head.settings;
        progress.mocks = head.mocks;
        progress.history = head.history;
        progress.deletions = head.deletions;
        self.settings_rev = head.settings_rev;
        self.unknown_head = head.unknown;
    }

    fn read_cards(
        &mut self,
        storage: &dyn Storage,
        progress: &mut Progress,
        reading: &mut Reading,
    ) {
        let key = self.keys.cards(progress.deletions.epoch);
        let Ok(Some(text)) = storage.get(&key) else {
            return;
        };
        let salvaged = decode_lines(&text, ANY_TIME, decode_card_line);
        for line in salvaged.records.iter().cloned() {
            self.add_card(&mut progress.cards, line);
        }
        self.synced.insert(key.clone(), text.clone());
        reading.note(key, text, salvaged.problems);
    }

    fn add_card(&mut self, cards: &mut BTreeMap<CardId, CardSchedule>, line: CardLine) {
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
    ) {
        let epoch = progress.deletions.epoch;
        for key in all_keys {
            let day = match self.keys.part(key) {
                Some(Part::LogDay(of, day)) if of == epoch => day,
                _ => continue,
            };
            let Ok(Some(text)) = storage.get(key) else {
                continue;
            };
            let salvaged = decode_lines(&text, ANY_TIME, decode_answer_line);
            for line in salvaged.records.iter().cloned() {
                let filed_under = storage_day(line.record.at);
                if filed_under != day {
                    // An answer under another day's key (hand-edited): both keys are
                    // rewritten, nothing is lost.
                    reading
                        .refile
                        .extend([key.clone(), self.keys.log_day(epoch, filed_under)]);
                }
                self.add_answer(&mut progress.reviews, line);
            }
            self.synced.insert(key.clone(), text.clone());
            reading.note(key.clone(), text, salvaged.problems);
        }
        sort_answers(&mut progress.reviews);
    }

    /// Removes the cards and answers of epochs before `epoch`: progress reset or replaced, and
    /// whatever a tab that had not heard of it wrote since.
    fn sweep_older_epochs(&mut self, storage: &mut dyn Storage, all_keys: &[String], epoch: Epoch) {
        if self.mode != Mode::Saving {
            return;
        }
        for key in all_keys {
            let older = match self.keys.part(key) {
                Some(Part::Cards(of) | Part::LogDay(of, _)) => of < epoch,
                _ => false,
            };
            if older && storage.remove(key).is_ok() {
                self.synced.remove(key);
            }
        }
    }

    fn add_answer(&mut self, reviews: &mut Vec<ReviewRecord>, line: AnswerLine) {
        if !line.extra.is_empty() && self.answer_extra(&line.record).is_none() {
            self.answer_extras
                .push((line.record.at, line.record.card.to_string(), line.extra));
        }
        reviews.push(line.record);
    }

    /// Backs up what was damaged, writes the repaired parts, and says what happened.
    fn finish_reading(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        reading: Reading,
        future_dated: usize,
        now: Timestamp,
    ) -> Option<StoreNotice> {
        self.base = progress.clone();
        if reading.damaged.is_empty() {
            for key in &reading.refile {
                let _ = self.write_repaired(storage, progress, key);
            }
            return (future_dated > 0).then_some(StoreNotice::ClockBehind {
                records: future_dated,
            });
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
            future_dated,
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
            Some(Part::Head) => {
                let text = encode_head(&self.head_of(progress));
                write(storage, key, &text)?;
                self.head_stored = true;
                self.remember(key.to_owned(), Some(text));
                Ok(())
            }
            Some(Part::Cards(epoch)) if epoch == self.epoch() => {
                let text = self.cards_text(&progress.cards);
                self.put(storage, key, text)
            }
            Some(Part::LogDay(epoch, day)) if epoch == self.epoch() => {
                let range = day_range(&progress.reviews, day);
                let text = self.answers_text(&progress.reviews[range]);
                self.put(storage, key, text)
            }
            _ => storage.remove(key).map_err(SaveError::Storage),
        }
    }

    /// Writes every part of `progress` under its epoch's keys (after an upgrade from version
    /// 1, a reset or a Replace import); the base then is `progress`.
    fn write_all(
        &mut self,
        storage: &mut dyn Storage,
        progress: &Progress,
    ) -> Result<(), SaveError> {
        let epoch = progress.deletions.epoch;
        // The head first: a tab that reads it learns of the new epoch before its keys appear.
        let head_key = self.keys.head();
        let head = encode_head(&self.head_of(progress));
        write(storage, &head_key, &head)?;
        self.remember(head_key, Some(head));
        self.head_stored = true;
        let cards = self.cards_text(&progress.cards);
        self.put(storage, &self.keys.cards(epoch), cards)?;
        let mut start = 0;
        while start < progress.reviews.len() {
            let day = storage_day(progress.reviews[start].at);
            let range = day_range(&progress.reviews, day);
            let text = self.answers_text(&progress.reviews[range.clone()]);
            self.put(storage, &self.keys.log_day(epoch, day), text)?;
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
            deletions: progress.deletions.clone(),
            settings_rev: self.settings_rev,
            unknown: self.unknown_head.clone(),
        }
    }

    fn cards_text(&self, cards: &BTreeMap<CardId, CardSchedule>) -> String {
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
        match super::legacy::decode_v1(text, ANY_TIME, &mut reading.problems) {
            Ok(legacy) => {
                reading.lost = legacy.lost;
                progress = legacy.progress;
                if legacy.lost > 0 {
                    reading
                        .damaged
                        .push((LEGACY_KEY.to_owned(), text.to_owned()));
                }
            }
            Err(reason) => reading.damaged(LEGACY_KEY.to_owned(), text.to_owned(), reason),
        }
        let future_dated = count_future_dated(&progress, now);
        let notice = if reading.damaged.is_empty() {
            (future_dated > 0).then_some(StoreNotice::ClockBehind {
                records: future_dated,
            })
        } else {
            let backup = self.back_up(storage, &reading.damaged, now);
            if matches!(backup, Backup::Failed { .. }) {
                self.mode = Mode::Blocked;
            }
            Some(StoreNotice::Salvaged {
                lost: reading.lost,
                future_dated,
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
    /// `days` places compacted answers on the learner's calendar; `now` names a backup made of
    /// damaged data another writer left.
    pub fn save(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        days: LocalDays,
        now: Timestamp,
    ) -> Result<bool, SaveError> {
        match self.mode {
            Mode::Saving => {}
            Mode::Blocked => return Err(SaveError::Blocked),
            Mode::NewerVersion => return Err(SaveError::NewerVersion),
            Mode::Unavailable => return Err(SaveError::Unavailable),
        }
        if progress.deletions.epoch > self.epoch() {
            // A reset or a Replace import: a fresh start under new keys, then the old swept.
            self.card_extras.clear();
            self.answer_extras.clear();
            self.write_all(storage, progress)?;
            let all_keys = storage.keys().map_err(SaveError::Storage)?;
            self.sweep_older_epochs(storage, &all_keys, progress.deletions.epoch);
            return Ok(false);
        }
        // Compaction changes the progress the screens show (answers become history).
        let mut changed = compact(progress, days);
        // The head goes first when it changed here (an undo, a compaction, settings), so a
        // tab that reads the answers next already knows what was deleted; a head another tab
        // wrote (perhaps a newer version, which this tab must not write under, or a reset) is
        // read before anything else is written.
        let head_key = self.keys.head();
        let head_moved = storage.get(&head_key).map_err(SaveError::Storage)?.as_ref()
            != self.synced.get(&head_key);
        let head_changed = !self.head_stored
            || (
                &progress.settings,
                &progress.mocks,
                &progress.history,
                &progress.deletions,
            ) != (
                &self.base.settings,
                &self.base.mocks,
                &self.base.history,
                &self.base.deletions,
            );
        if head_moved || head_changed {
            changed |= self.sync_head(storage, progress, now)?;
        }
        if progress.cards != self.base.cards {
            changed |= self.sync_cards(storage, progress, now)?;
        }
        for day in changed_days(&progress.reviews, &self.base.reviews) {
            changed |= self.sync_day(storage, progress, day, now)?;
        }
        Ok(changed)
    }

    /// Takes in a change another tab (or another page of this origin) saved under `key`, from
    /// the `storage` event; `None` when storage was cleared. Whatever storage lacks that this
    /// tab holds is written back. Returns whether `progress` changed.
    pub fn refresh(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        key: Option<&str>,
        now: Timestamp,
    ) -> Result<bool, SaveError> {
        if self.mode == Mode::Unavailable {
            return Ok(false);
        }
        let epoch = self.epoch();
        let parts = match key {
            Some(key) => match self.keys.part(key) {
                Some(Part::Head) => vec![Part::Head],
                Some(part @ (Part::Cards(of) | Part::LogDay(of, _))) if of == epoch => vec![part],
                // A later epoch's key: its head says more.
                Some(Part::Cards(of) | Part::LogDay(of, _)) if of > epoch => vec![Part::Head],
                _ => return Ok(false),
            },
            None => {
                let mut parts = vec![Part::Head, Part::Cards(epoch)];
                let days = days_of(&progress.reviews, &self.base.reviews);
                parts.extend(days.into_iter().map(|day| Part::LogDay(epoch, day)));
                parts
            }
        };
        let mut changed = false;
        for part in parts {
            changed |= match part {
                Part::Head => self.sync_head(storage, progress, now)?,
                Part::Cards(_) => self.sync_cards(storage, progress, now)?,
                Part::LogDay(_, day) => self.sync_day(storage, progress, day, now)?,
            };
        }
        Ok(changed)
    }

    /// A new tab's answers arrive while this one is blocked or newer: nothing to merge into.
    fn writes(&self) -> bool {
        self.mode == Mode::Saving
    }

    /// Before a key holding lines that did not read is written over, its text is backed up:
    /// another writer (another version, another page of this origin) may have left it. Returns
    /// whether writing may go ahead.
    fn back_up_before_overwrite(
        &mut self,
        storage: &mut dyn Storage,
        key: &str,
        text: &str,
        problems: usize,
        now: Timestamp,
    ) -> Result<(), SaveError> {
        if problems == 0 || self.overwrite_damaged {
            return Ok(());
        }
        match self.back_up(storage, &[(key.to_owned(), text.to_owned())], now) {
            Backup::Saved { .. } => Ok(()),
            Backup::Failed { .. } => {
                self.mode = Mode::Blocked;
                Err(SaveError::Blocked)
            }
        }
    }

    fn sync_cards(
        &mut self,
        storage: &mut dyn Storage,
        progress: &mut Progress,
        now: Timestamp,
    ) -> Result<bool, SaveError> {
        let key = self.keys.cards(self.epoch());
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
        let mut problems = 0;
        if let Some(text) = &stored_text {
            // A damaged line reads as absent here, never as a deletion: the union keeps
            // this tab's copy of that card.
            let salvaged = decode_lines(text, ANY_TIME, decode_card_line);
            problems = salvaged.problems.len();
            for line in salvaged.records {
                self.add_card(&mut stored, line);
            }
        }
        let merged = merge_cards(&progress.cards, &stored, &progress.deletions);
        if (merged != stored || problems > 0) && self.writes() {
            if let Some(text) = &stored_text {
                self.back_up_before_overwrite(storage, &key, text, problems, now)?;
            }
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
        now: Timestamp,
    ) -> Result<bool, SaveError> {
        let key = self.keys.log_day(self.epoch(), day);
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
        let mut problems = 0;
        if let Some(text) = &stored_text {
            let salvaged = decode_lines(text, ANY_TIME, decode_answer_line);
            problems = salvaged.problems.len();
            for line in salvaged.records {
                self.add_answer(&mut stored, line);
            }
            sort_answers(&mut stored);
        }
        let merged = merge_answers(
            &progress.reviews[ours_range.clone()],
            &stored,
            &progress.deletions,
        );
        if (merged != stored || problems > 0) && self.writes() {
            if let Some(text) = &stored_text {
                self.back_up_before_overwrite(storage, &key, text, problems, now)?;
            }
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
        now: Timestamp,
    ) -> Result<bool, SaveError> {
        let key = self.keys.head();
        let stored_text = storage.get(&key).map_err(SaveError::Storage)?;
        let mut stored = None;
        if let Some(text) = &stored_text {
            match decode_head(text, &mut Vec::new()) {
                Ok(head) => stored = Some(head),
                Err(HeadError::Newer { .. }) => {
                    self.mode = Mode::NewerVersion;
                    return Err(SaveError::NewerVersion);
                }
                Err(HeadError::Unreadable(_)) => {
                    self.back_up_before_overwrite(storage, &key, text, 1, now)?;
                }
            }
        }
        if stored
            .as_ref()
            .is_some_and(|head| head.deletions.epoch > self.epoch())
        {
            // Another tab reset or replaced progress: that is an explicit deletion of
            // everything this tab holds. Read the new epoch as a fresh load would.
            let (store, loaded) = Self::load(storage, self.keys.clone(), now);
            *self = store;
            let writer = progress.writer;
            *progress = loaded.progress;
            progress.writer = writer;
            return Ok(true);
        }
        let stored_exists = stored.is_some();
        let stored = stored.unwrap_or_default();
        let ours_changed_settings = progress.settings != self.base.settings;
        let (settings, settings_rev) = if ours_changed_settings {
            (
                progress.settings.clone(),
                self.settings_rev.max(stored.settings_rev) + 1,
            )
        } else if stored_exists && stored.settings_rev >= self.settings_rev {
            (stored.settings.clone(), stored.settings_rev)
        } else {
            (progress.settings.clone(), self.settings_rev)
        };
        let merged = Head {
            settings,
            mocks: merge_mocks(&progress.mocks, &stored.mocks),
            history: merge_history(&progress.history, &stored.history),
            deletions: if stored_exists {
                progress.deletions.union(&stored.deletions)
            } else {
                progress.deletions.clone()
            },
            settings_rev,
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
        let before = (
            &progress.settings,
            &progress.mocks,
            &progress.history,
            &progress.deletions,
        );
        let changed = before
            != (
                &merged.settings,
                &merged.mocks,
                &merged.history,
                &merged.deletions,
            );
        self.unknown_head = merged.unknown;
        self.settings_rev = merged.settings_rev;
        progress.settings = merged.settings;
        progress.mocks = merged.mocks;
        progress.history = merged.history;
        progress.deletions = merged.deletions;
        // Deletions heard of here apply to what this tab holds (the base too, so the parts
        // they touch are not read as this tab's changes).
        apply_deletions(progress);
        apply_deletions(&mut self.base);
        self.base.settings = progress.settings.clone();
        self.base.mocks = progress.mocks.clone();
        self.base.history = progress.history.clone();
        self.base.deletions = progress.deletions.clone();
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
        order::sort_by_key(&mut keys, |k| backup_time(k));
        keys.into_iter()
            .map(|key| {
                let size = storage.get(&key).ok().flatten().map_or(0, |t| t.len());
                BackupInfo { key, size }
            })
            .collect()
    }

    /// Reads the backup under `key` as progress to preview, then merge or restore, as an import
    /// is: each key's text is read by the part it held (version 1's value included), what still
    /// does not read is listed, and nothing is written.
    pub fn read_backup(&self, storage: &dyn Storage, key: &str) -> Result<Imported, String> {
        let text = storage
            .get(key)
            .map_err(|e| e.to_string())?
            .ok_or("that backup is gone")?;
        let contents: BTreeMap<String, String> =
            serde_json::from_str(&text).map_err(|e| format!("the backup is not readable: {e}"))?;
        let mut progress = Progress::default();
        let mut problems = Vec::new();
        for (saved_key, text) in &contents {
            if saved_key == LEGACY_KEY {
                match super::legacy::decode_v1(text, ANY_TIME, &mut problems) {
                    Ok(legacy) => {
                        let merged = super::transfer::apply_import(
                            &progress,
                            legacy.progress,
                            super::transfer::ImportMode::Merge,
                            LocalDays::UTC,
                        );
                        progress = merged;
                    }
                    Err(reason) => problems.push(format!("{saved_key}: {reason}")),
                }
                continue;
            }
            match self.keys.part(saved_key) {
                Some(Part::Head) => match decode_head(text, &mut problems) {
                    Ok(head) => {
                        progress.settings = head.settings;
                        progress.mocks = head.mocks;
                        progress.history = head.history;
                    }
                    Err(HeadError::Newer { found }) => {
                        problems.push(format!("{saved_key}: written by a newer version ({found})"));
                    }
                    Err(HeadError::Unreadable(reason)) => {
                        problems.push(format!("{saved_key}: {reason}"));
                    }
                },
                Some(Part::Cards(_)) => {
                    let salvaged = decode_lines(text, ANY_TIME, decode_card_line);
                    problems.extend(
                        salvaged
                            .problems
                            .iter()
                            .map(|p| p.described(&format!("{saved_key}:"))),
                    );
                    for line in salvaged.records {
                        keep_later(&mut progress.cards, line.id, line.schedule);
                    }
                }
                Some(Part::LogDay(..)) => {
                    let salvaged = decode_lines(text, ANY_TIME, decode_answer_line);
                    problems.extend(
                        salvaged
                            .problems
                            .iter()
                            .map(|p| p.described(&format!("{saved_key}:"))),
                    );
                    progress
                        .reviews
                        .extend(salvaged.records.into_iter().map(|l| l.record));
                }
                None => problems.push(format!("{saved_key}: not a part of saved progress")),
            }
        }
        sort_answers(&mut progress.reviews);
        Ok(Imported { progress, problems })
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

    /// Whether `progress` would fit in storage in place of what this copy holds now (an import
    /// or a restore, before it is accepted): a trial write of the characters it would add,
    /// under a probe key removed at once. An import that could never be saved is refused
    /// instead of leaving every later answer unsaved.
    pub fn check_fits(
        &self,
        storage: &mut dyn Storage,
        progress: &Progress,
    ) -> Result<(), StorageError> {
        let mut needed = encode_head(&self.head_of(progress)).len()
            + self.cards_text(&progress.cards).len()
            + self.answers_text(&progress.reviews).len();
        let held: usize = storage
            .keys()?
            .iter()
            .filter(|k| self.keys.part(k).is_some())
            .filter_map(|k| storage.get(k).ok().flatten())
            .map(|text| text.len())
            .sum();
        needed = needed.saturating_sub(held);
        if needed == 0 {
            return Ok(());
        }
        let probe = self.keys.preference("capacity-probe");
        let result = storage.set(&probe, &"0".repeat(needed));
        let _ = storage.remove(&probe);
        result
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

/// Cards last reviewed, and answers given, after `now`: saved while the clock was ahead, or
/// read now with the clock behind. Kept as they are; the person is told once per visit.
fn count_future_dated(progress: &Progress, now: Timestamp) -> usize {
    let cards = progress
        .cards
        .values()
        .filter(|s| s.last_review.is_some_and(|at| at > now))
        .count();
    let answers = progress.reviews.len() - progress.reviews.partition_point(|r| r.at <= now);
    cards + answers
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
}

impl Reading {
    /// A whole key that could not be read.
    fn damaged(&mut self, key: String, text: String, reason: String) {
        self.problems.push(format!("{key}: {reason}"));
        self.lost += 1;
        self.damaged.push((key, text));
    }

    /// A key read line by line: bad lines make it damaged (kept whole in the backup).
    fn note(&mut self, key: String, text: String, problems: Vec<LineProblem>) {
        if problems.is_empty() {
            return;
        }
        self.lost += problems.len();
        self.problems
            .extend(problems.iter().map(|p| p.described(&format!("{key}:"))));
        self.damaged.push((key, text));
    }
}
