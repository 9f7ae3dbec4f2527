//! Backups of damaged data, made before anything is written over it: listed, read back as an
//! import, deleted; and the raw dump a person can download when nothing else reads.

use super::*;

impl ProgressStore {
    /// Before a key holding lines that did not read is written over, its text is backed up:
    /// another writer (another version, another page of this origin) may have left it. Returns
    /// whether writing may go ahead.
    pub(super) fn back_up_before_overwrite(
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

    /// Copies damaged texts under a new backup key, deleting the oldest backups beyond
    /// [`MAX_BACKUPS`] (and, if storage is full, older ones first to make room).
    pub(super) fn back_up(
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
                match super::super::legacy::decode_v1(text, ANY_TIME, &mut problems) {
                    Ok(legacy) => {
                        let merged = super::super::transfer::apply_import(
                            &progress,
                            legacy.progress,
                            super::super::transfer::ImportMode::Merge,
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
}

fn backup_time(key: &str) -> (i64, u32) {
    let tail = key.rsplit(['/', '.']).next().unwrap_or_default();
    let (ms, n) = tail.split_once('-').unwrap_or((tail, "0"));
    (ms.parse().unwrap_or(0), n.parse().unwrap_or(0))
}
