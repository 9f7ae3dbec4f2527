//! What saving and loading tell the person: where damaged data went, what was found at load,
//! and why a save did not happen, each in words with the way out it has.

use std::fmt;

use crate::storage::StorageError;
use crate::text::{by_number, count_of};

/// Where the copy of damaged data went.
#[derive(Debug, Clone, PartialEq)]
pub enum Backup {
    /// Copied under `key`.
    Saved { key: String },
    /// The copy could not be written, so the damaged data was left where it was and this tab
    /// does not save (see [`SaveError::Blocked`]).
    Failed { error: StorageError },
}

/// Something the person should be told after loading or while studying.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreNotice {
    /// Some saved records could not be read; the rest were kept.
    Salvaged {
        /// Records (cards, answers, mock interviews, settings) that could not be read.
        lost: usize,
        /// Cards and answers dated after the device's clock, kept as they are.
        future_dated: usize,
        /// The first few reasons, for the curious.
        reasons: Vec<String>,
        backup: Backup,
    },
    /// Saved cards and answers are dated after the device's clock: the clock is behind (or
    /// was ahead when they were saved). Nothing was changed; those cards are due now.
    ClockBehind { records: usize },
    /// Another tab, or a newer deploy, saved progress in a newer format: this tab studies in
    /// memory until it is reloaded.
    NewerVersion { found: u64 },
    /// The browser refuses storage: studying works, but only in this tab.
    Unavailable { error: StorageError },
}

impl fmt::Display for StoreNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreNotice::Salvaged {
                lost,
                future_dated,
                backup,
                ..
            } => {
                if *lost > 0 {
                    write!(
                        f,
                        "Part of your saved progress was damaged: {} could not be read and {} left out; everything else was kept.",
                        count_of(*lost, "record", "records"),
                        by_number(*lost, "was", "were")
                    )?;
                }
                if *future_dated > 0 {
                    if *lost > 0 {
                        f.write_str(" ")?;
                    }
                    clock_behind(f, *future_dated)?;
                }
                match backup {
                    Backup::Saved { key } => {
                        write!(f, " The data as it was is kept under \"{key}\".")
                    }
                    Backup::Failed { error } => write!(
                        f,
                        " It could not be copied aside ({error}), so nothing will be saved until you download it or discard it."
                    ),
                }
            }
            StoreNotice::ClockBehind { records } => clock_behind(f, *records),
            StoreNotice::NewerVersion { found } => write!(
                f,
                "Your progress was saved by a newer version of this app (format {found}). Reload the page to use it; until then, answers in this tab are not saved."
            ),
            StoreNotice::Unavailable { error } => write!(
                f,
                "This browser does not let the app keep data ({error}). Your answers count in this tab only and are lost when it closes; download them to keep them."
            ),
        }
    }
}

fn clock_behind(f: &mut fmt::Formatter<'_>, records: usize) -> fmt::Result {
    write!(
        f,
        "{} {} dated later than this device's clock shows, so the clock may be behind. Nothing was changed: those cards are shown as due, and the dates stay as they are.",
        count_of(records, "saved review", "saved reviews"),
        by_number(records, "is", "are")
    )
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Storage refused the write; the answers are kept in memory and saved at the next save
    /// that fits.
    Storage(StorageError),
    /// Damaged data could not be backed up, so saving would destroy it.
    Blocked,
    /// A newer version's data is in storage.
    NewerVersion,
    /// No storage in this browser.
    Unavailable,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Storage(StorageError::QuotaExceeded(_)) => f.write_str(
                "Storage is full, so your latest answers are kept in this tab only. Download your progress, or delete old backups to make room.",
            ),
            SaveError::Storage(error) => write!(
                f,
                "Your latest answers could not be saved ({error}); they are kept in this tab."
            ),
            SaveError::Blocked => f.write_str(
                "Nothing is saved until the damaged data is downloaded or discarded.",
            ),
            SaveError::NewerVersion => {
                f.write_str("This tab does not save: a newer version of the app saved progress.")
            }
            SaveError::Unavailable => f.write_str("This browser does not let the app save."),
        }
    }
}
