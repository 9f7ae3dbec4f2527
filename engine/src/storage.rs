//! Key-value persistence behind a trait, in the style of Ruffle's storage backends.
//!
//! The engine decides *what* to save (see [`crate::progress`]); the app decides *where*. The
//! browser implementation over `localStorage` lives in the app crate, so the engine stays free
//! of web dependencies, and tests use [`MemoryStorage`], which can also simulate the failures
//! a browser produces (storage disabled, quota exceeded).

use std::collections::BTreeMap;
use std::fmt;

/// Why a storage operation failed. The variants are the distinctions the UI needs: storage
/// missing altogether (private mode, blocked cookies) versus full versus anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all, e.g. `localStorage` blocked or absent.
    Unavailable(String),
    /// The write did not fit (the browser's `QuotaExceededError`).
    QuotaExceeded(String),
    /// Any other failure, with the platform's message.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(msg) => write!(f, "storage unavailable: {msg}"),
            StorageError::QuotaExceeded(msg) => write!(f, "storage full: {msg}"),
            StorageError::Other(msg) => write!(f, "storage error: {msg}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// A string key-value store, the shape of the Web Storage API.
///
/// Methods return `Result` even for reads because browsers can throw on any access
/// (e.g. a `SecurityError` when storage is disabled).
pub trait Storage {
    /// The value under `key`, or `None` if there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`, replacing any previous value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Deletes `key`; deleting a missing key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// Every stored key, in no particular order (saved answers are split by day, and
    /// backups are found by prefix).
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// In-memory [`Storage`] for tests and for running without persistence, with switches to
/// simulate the browser's failure modes.
#[derive(Debug, Clone, Default)]
pub struct MemoryStorage {
    entries: BTreeMap<String, String>,
    unavailable: bool,
    refuse_writes: bool,
    quota_bytes: Option<usize>,
}

impl MemoryStorage {
    /// An empty, working store without a size limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every operation fail with [`StorageError::Unavailable`], like disabled storage.
    pub fn set_unavailable(&mut self, unavailable: bool) {
        self.unavailable = unavailable;
    }

    /// Makes `set` fail with [`StorageError::QuotaExceeded`] while reads and removals work,
    /// like a full `localStorage`.
    pub fn set_refuse_writes(&mut self, refuse: bool) {
        self.refuse_writes = refuse;
    }

    /// Limits the total size (key and value lengths in bytes) the store accepts, so a test can
    /// let small writes through and refuse big ones; `None` removes the limit.
    pub fn set_quota_bytes(&mut self, quota: Option<usize>) {
        self.quota_bytes = quota;
    }

    /// Number of stored keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn check_available(&self) -> Result<(), StorageError> {
        if self.unavailable {
            Err(StorageError::Unavailable(
                "memory storage switched off".to_owned(),
            ))
        } else {
            Ok(())
        }
    }

    fn used_bytes_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check_available()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check_available()?;
        if self.refuse_writes {
            return Err(StorageError::QuotaExceeded(
                "memory storage refuses writes".to_owned(),
            ));
        }
        if let Some(quota) = self.quota_bytes {
            let needed = self.used_bytes_without(key) + key.len() + value.len();
            if needed > quota {
                return Err(StorageError::QuotaExceeded(format!(
                    "{needed} bytes needed, quota is {quota}"
                )));
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check_available()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check_available()?;
        Ok(self.entries.keys().cloned().collect())
    }
}
