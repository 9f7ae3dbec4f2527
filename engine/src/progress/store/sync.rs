//! Saving and taking in another tab's saves: each part merged with what storage holds now and
//! written only where it changed since this tab last read or wrote it.

use super::*;

impl ProgressStore {
    pub(super) fn head_of(&self, progress: &Progress) -> Head {
        Head {
            settings: progress.settings.clone(),
            mocks: progress.mocks.clone(),
            history: progress.history.clone(),
            deletions: progress.deletions.clone(),
            settings_rev: self.settings_rev,
            unknown: self.unknown_head.clone(),
        }
    }

    pub(super) fn cards_text(&self, cards: &BTreeMap<CardId, CardSchedule>) -> String {
        encode_cards(cards.iter().map(|(id, schedule)| CardLine {
            id: id.clone(),
            schedule: *schedule,
            extra: self.card_extras.get(id).cloned().unwrap_or_default(),
        }))
    }

    pub(super) fn answer_extra(&self, record: &ReviewRecord) -> Option<&str> {
        self.answer_extras
            .iter()
            .find(|(at, card, _)| *at == record.at && *card == record.card)
            .map(|(_, _, extra)| extra.as_str())
    }

    pub(super) fn answers_text(&self, records: &[ReviewRecord]) -> String {
        let lines: Vec<AnswerLine> = records
            .iter()
            .map(|record| AnswerLine {
                extra: self.answer_extra(record).unwrap_or_default().to_owned(),
                record: record.clone(),
            })
            .collect();
        encode_answers(&lines)
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
    pub(super) fn put(
        &mut self,
        storage: &mut dyn Storage,
        key: &str,
        text: String,
    ) -> Result<(), SaveError> {
        if text.is_empty() {
            storage.remove(key).map_err(SaveError::Storage)?;
        } else {
            write(storage, key, &text)?;
        }
        self.remember(key.to_owned(), (!text.is_empty()).then_some(text));
        Ok(())
    }

    /// Notes `text` as what storage holds under `key` (`None`: nothing).
    pub(super) fn remember(&mut self, key: String, text: Option<String>) {
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
        self.adopt_head(progress, merged);
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
}
