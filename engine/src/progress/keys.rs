//! Where saved progress lives: the storage keys of one copy of the app, namespaced by the
//! site path it is served under (every GitHub Pages project of one user shares one origin and
//! one quota), and which part of progress a key holds.

use crate::time::{MS_PER_DAY, Timestamp};

/// Where version 1 of the app kept its backups.
pub(super) const LEGACY_BACKUP_PREFIX: &str = "interview-prep/progress.backup.";

/// The keys of one copy of the app, by the site path it is served under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreKeys {
    prefix: String,
}

/// Which part of saved progress a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Head,
    Cards,
    LogDay(i64),
}

impl StoreKeys {
    /// Keys for the app served at `site_path` (e.g. `/interview-prep/`).
    pub fn for_site(site_path: &str) -> Self {
        StoreKeys {
            prefix: format!("interview-prep@{site_path}:"),
        }
    }

    pub fn head(&self) -> String {
        format!("{}progress", self.prefix)
    }

    pub fn cards(&self) -> String {
        format!("{}cards", self.prefix)
    }

    pub(super) fn log_prefix(&self) -> String {
        format!("{}log/", self.prefix)
    }

    pub fn log_day(&self, day: i64) -> String {
        format!("{}log/{day}", self.prefix)
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
        match rest {
            "progress" => Some(Part::Head),
            "cards" => Some(Part::Cards),
            _ => rest
                .strip_prefix("log/")
                .and_then(|day| day.parse().ok())
                .map(Part::LogDay),
        }
    }

    /// True for a backup key of this copy, or one written by version 1.
    pub(super) fn is_backup(&self, key: &str) -> bool {
        key.starts_with(&self.backup_prefix()) || key.starts_with(LEGACY_BACKUP_PREFIX)
    }
}

/// The UTC day an answer is stored under.
pub(super) fn storage_day(at: Timestamp) -> i64 {
    at.millis().div_euclid(MS_PER_DAY)
}
