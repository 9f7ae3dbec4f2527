//! Reading saved progress: the head, cards and log of this epoch, each record checked; damaged
//! records salvaged and backed up before the repaired text replaces them; the layout of
//! version 1 upgraded once.

use super::*;

impl ProgressStore {
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

    /// Takes `head`'s fields into `progress` and its revision and unknown fields into the store.
    pub(super) fn adopt_head(&mut self, progress: &mut Progress, head: Head) {
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

    pub(super) fn add_card(&mut self, cards: &mut BTreeMap<CardId, CardSchedule>, line: CardLine) {
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
    pub(super) fn sweep_older_epochs(
        &mut self,
        storage: &mut dyn Storage,
        all_keys: &[String],
        epoch: Epoch,
    ) {
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

    pub(super) fn add_answer(&mut self, reviews: &mut Vec<ReviewRecord>, line: AnswerLine) {
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
    pub(super) fn write_all(
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
        match super::super::legacy::decode_v1(text, ANY_TIME, &mut reading.problems) {
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
