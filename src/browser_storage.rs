//! The engine's `Storage` trait over the browser's `localStorage` and `sessionStorage`.
//!
//! Written against `web_sys::Storage` rather than gloo-storage: gloo's `LocalStorage` panics when
//! storage is unavailable (private modes, blocked site data) and JSON-encodes every value, while the
//! engine needs raw strings and every failure as a value it can report.

use prep_engine::storage::{Storage, StorageError};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// `window.localStorage` or `window.sessionStorage`, or the reason it cannot be used.
#[cfg(target_arch = "wasm32")]
pub struct BrowserStorage {
    inner: Result<web_sys::Storage, StorageError>,
}

#[cfg(target_arch = "wasm32")]
impl BrowserStorage {
    /// `localStorage`: kept across visits; the learner's progress lives here.
    pub fn local() -> Self {
        Self::open("localStorage", |w| w.local_storage())
    }

    /// `sessionStorage`: one per tab, kept across reloads and Back/Forward but dropped with
    /// the tab; sittings in progress live here (see `sitting_store`), so two tabs never
    /// fight over one quiz.
    pub fn session() -> Self {
        Self::open("sessionStorage", |w| w.session_storage())
    }

    fn open(
        name: &str,
        get: impl Fn(&web_sys::Window) -> Result<Option<web_sys::Storage>, wasm_bindgen::JsValue>,
    ) -> Self {
        let inner = match web_sys::window().map(|w| get(&w)) {
            Some(Ok(Some(storage))) => Ok(storage),
            Some(Ok(None)) | None => Err(StorageError::Unavailable(format!(
                "this browser has no {name}"
            ))),
            Some(Err(error)) => Err(StorageError::Unavailable(describe(&error))),
        };
        BrowserStorage { inner }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
        self.inner.as_ref().map_err(Clone::clone)
    }
}

#[cfg(target_arch = "wasm32")]
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

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = self.storage()?;
        let count = storage
            .length()
            .map_err(|e| StorageError::Other(describe(&e)))?;
        (0..count)
            .map(|i| {
                storage
                    .key(i)
                    .map(Option::unwrap_or_default)
                    .map_err(|e| StorageError::Other(describe(&e)))
            })
            .collect()
    }
}

/// A readable message from a thrown JS value.
#[cfg(target_arch = "wasm32")]
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| {
            // A thrown Error (a TypeError from a patched or broken storage): its name and
            // message, never the value's debug form with the wasm stack in it.
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        })
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser's storage failed without saying why".to_owned())
}

/// Natively (the pages rendered at build time, and tests) there is no browser: storage is an
/// empty map that keeps nothing, so the app renders as for a person with nothing saved.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub struct BrowserStorage {
    inner: prep_engine::storage::MemoryStorage,
}

#[cfg(not(target_arch = "wasm32"))]
impl BrowserStorage {
    pub fn local() -> Self {
        Self::default()
    }

    pub fn session() -> Self {
        Self::default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}
