//! The engine's `Storage` trait over the browser's `localStorage`.
//!
//! Written against `web_sys::Storage` rather than gloo-storage: gloo's `LocalStorage` panics when
//! storage is unavailable (private modes, blocked site data) and JSON-encodes every value, while the
//! engine needs raw strings and every failure as a value it can report.

use prep_engine::storage::{Storage, StorageError};
use wasm_bindgen::JsCast;

/// `window.localStorage`, or the reason it cannot be used.
pub struct BrowserStorage {
    inner: Result<web_sys::Storage, StorageError>,
}

impl BrowserStorage {
    pub fn local() -> Self {
        let inner = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(storage))) => Ok(storage),
            Some(Ok(None)) | None => Err(StorageError::Unavailable(
                "this browser has no localStorage".into(),
            )),
            Some(Err(error)) => Err(StorageError::Unavailable(describe(&error))),
        };
        BrowserStorage { inner }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
        self.inner.as_ref().map_err(Clone::clone)
    }
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage()?
            .get_item(key)
            .map_err(|e| StorageError::Other(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage()?.set_item(key, value).map_err(|error| {
            let message = describe(&error);
            let is_quota = error
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
            if is_quota {
                StorageError::QuotaExceeded(message)
            } else {
                StorageError::Other(message)
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage()?
            .remove_item(key)
            .map_err(|e| StorageError::Other(describe(&e)))
    }
}

/// A readable message from a thrown JS value.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
