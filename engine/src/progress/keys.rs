//! Where saved progress lives: the storage keys of one copy of the app, namespaced by the
//! site path it is served under (every GitHub Pages project of one user shares one origin and
//! one quota) and then by deck, and which part of progress a key holds.

use crate::content::DeckId;
use crate::storage::Storage;
use crate::time::{MS_PER_DAY, Timestamp};

/// Where version 1 of the app kept its backups.
pub(super) const LEGACY_BACKUP_PREFIX: &str = "interview-prep/progress.backup.";

/// The keys of one copy of the app, by the site path it is served under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreKeys {
    prefix: String,
}

/// Which part of saved progress a key holds. Cards and answers are kept per *epoch*: a reset
/// or a Replace import starts a new one under new keys, so a tab that has not heard of the
/// reset yet writes where nothing reads (and its writes are swept), instead of bringing the
/// cleared progress back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Head,
    Cards(Epoch),
    LogDay(Epoch, i64),
}

/// How many times progress was reset or replaced; the head names the current one.
pub type Epoch = u64;

impl StoreKeys {
    /// Keys for the app served at `site_path` (e.g. `/interview-prep/`).
    pub fn for_site(site_path: &str) -> Self {
        StoreKeys {
            prefix: format!("interview-prep@{site_path}:"),
        }
    }

    /// Keys for the single-file build opened from disk: one namespace for every copy of the
    /// file, wherever it is saved and whatever it is called (a re-download is
    /// `interview-prep (1).html` in another folder), so each opens with the same progress.
    pub fn for_single_file() -> Self {
        StoreKeys {
            prefix: "interview-prep@file:".to_owned(),
        }
    }

    /// The keys of one deck's progress, preferences and backups, inside this namespace
    /// (`interview-prep@/site/:deck/interview/progress`). The namespace's own `part` and
    /// backup keys never match a deck's, so the layout from before decks had namespaces can
    /// sit beside them until it is moved ([`super::deck_move`]).
    pub fn for_deck(&self, deck: &DeckId) -> StoreKeys {
        StoreKeys {
            prefix: format!("{}deck/{deck}/", self.prefix),
        }
    }

    /// `key` of this namespace as the same key in `other` (`…:log/20000` as
    /// `…:deck/interview/log/20000`); `None` for a key this namespace does not own.
    pub(super) fn rehome(&self, key: &str, other: &StoreKeys) -> Option<String> {
        key.strip_prefix(&self.prefix)
            .map(|rest| format!("{}{rest}", other.prefix))
    }

    /// True for a backup made under this namespace itself (not a deck's inside it, nor
    /// version 1's).
    pub(super) fn is_own_backup(&self, key: &str) -> bool {
        key.starts_with(&self.backup_prefix())
    }

    /// Removes every key of this namespace (a deck deleted from the library takes its progress,
    /// preferences and backups with it). Returns how many keys were removed; a key that cannot
    /// be removed stays, and so is counted out.
    pub fn remove_all(&self, storage: &mut dyn Storage) -> usize {
        let keys = storage.keys().unwrap_or_default();
        keys.iter()
            .filter(|key| key.starts_with(&self.prefix))
            .filter(|key| storage.remove(key).is_ok())
            .count()
    }

    /// Copies every key of `older` (the namespace an earlier version used, such as the file's
    /// path) into this one, if this one holds no progress yet and `older` does. The older keys
    /// are left as they were. Returns how many keys were copied.
    pub fn adopt(&self, storage: &mut dyn Storage, older: &StoreKeys) -> usize {
        if self == older || matches!(storage.get(&self.head()), Ok(Some(_))) {
            return 0;
        }
        if !matches!(storage.get(&older.head()), Ok(Some(_))) {
            return 0;
        }
        let mut copied = 0;
        for key in storage.keys().unwrap_or_default() {
            let Some(target) = older.rehome(&key, self) else {
                continue;
            };
            if let Ok(Some(text)) = storage.get(&key)
                && storage.set(&target, &text).is_ok()
            {
                copied += 1;
            }
        }
        copied
    }

    pub fn head(&self) -> String {
        format!("{}progress", self.prefix)
    }

    /// The key of the cards of `epoch`. Epoch 0 keeps the names saved before epochs existed.
    pub fn cards(&self, epoch: Epoch) -> String {
        format!("{}{}cards", self.prefix, epoch_dir(epoch))
    }

    /// The key of the answers given on UTC day `day` in `epoch`.
    pub fn log_day(&self, epoch: Epoch, day: i64) -> String {
        format!("{}{}log/{day}", self.prefix, epoch_dir(epoch))
    }

    pub(super) fn backup_prefix(&self) -> String {
        format!("{}backup/", self.prefix)
    }

    /// True for every key of this copy of the app.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(&self.prefix)
    }

    /// A key for a preference of this copy of the app (say, the chosen filter).
    pub fn preference(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The part of progress `key` holds, if it is one (for the `storage` event).
    pub fn part(&self, key: &str) -> Option<Part> {
        let rest = key.strip_prefix(&self.prefix)?;
        if rest == "progress" {
            return Some(Part::Head);
        }
        let (epoch, rest) = match rest.strip_prefix('e').and_then(|r| r.split_once('/')) {
            Some((n, rest)) => (n.parse().ok().filter(|&n| n > 0)?, rest),
            None => (0, rest),
        };
        if rest == "cards" {
            return Some(Part::Cards(epoch));
        }
        rest.strip_prefix("log/")
            .and_then(|day| day.parse().ok())
            .map(|day| Part::LogDay(epoch, day))
    }

    /// True for a backup key of this copy, or one written by version 1.
    pub(super) fn is_backup(&self, key: &str) -> bool {
        key.starts_with(&self.backup_prefix()) || key.starts_with(LEGACY_BACKUP_PREFIX)
    }
}

/// The folder of an epoch's keys: none for epoch 0, `e<n>/` after.
fn epoch_dir(epoch: Epoch) -> String {
    if epoch == 0 {
        String::new()
    } else {
        format!("e{epoch}/")
    }
}

/// The UTC day an answer is stored under.
pub(super) fn storage_day(at: Timestamp) -> i64 {
    at.millis().div_euclid(MS_PER_DAY)
}
