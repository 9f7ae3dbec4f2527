//! The decks a person brought, kept in this browser's IndexedDB (localStorage holds about 5 MB,
//! shared by every GitHub Pages project of one user, and progress already lives there).
//!
//! Two object stores, written together in one transaction so a deck is kept whole or not at all:
//! - `decks`: what the library lists (id, name, file, counts, when added), small;
//! - `sources`: the deck in the app's own markdown (what is exported and compiled again when the
//!   compiled format changes) and its compiled bytes (what a visit reads).
//!
//! The database is named after the site (`interview-prep@<site>/`), as storage keys are, so two
//! apps on one origin never share it.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use prep_engine::content::DeckId;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const VERSION: u32 = 1;
const DECKS: &str = "decks";
const SOURCES: &str = "sources";

/// A deck as the library lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckSummary {
    pub id: DeckId,
    pub name: String,
    /// The file (or address) it was imported from.
    pub file: String,
    pub cards: u32,
    pub sections: u32,
    /// When it was added or last updated (ms since the epoch).
    pub saved_at: f64,
}

/// A deck whole: what the library lists, its markdown and its compiled bytes.
pub struct SavedDeck {
    pub summary: DeckSummary,
    pub markdown: String,
    pub compiled: Vec<u8>,
}

/// Why the library could not be read or written, in words for the person.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryError(pub String);

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsValue> for LibraryError {
    fn from(error: JsValue) -> Self {
        let name = Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|name| name.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            return LibraryError(
                "This browser has no room left for the deck: nothing was saved. Delete a deck \
                 you no longer need, or free space in the browser's site data."
                    .to_owned(),
            );
        }
        let message = Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|message| message.as_string())
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "an unknown error".to_owned());
        LibraryError(format!("The browser's deck storage failed: {message}"))
    }
}

/// Every deck brought to this browser, in the order of their ids.
pub async fn list() -> Result<Vec<DeckSummary>, LibraryError> {
    let db = open().await?;
    let store = transaction(&db, &[DECKS], IdbTransactionMode::Readonly)?.object_store(DECKS)?;
    let records: Array = done(&store.get_all()?).await?.unchecked_into();
    Ok(records.iter().filter_map(|r| summary_of(&r)).collect())
}

/// The deck `id`, whole, if this browser keeps it.
pub async fn get(id: &DeckId) -> Result<Option<SavedDeck>, LibraryError> {
    let db = open().await?;
    let tx = transaction(&db, &[DECKS, SOURCES], IdbTransactionMode::Readonly)?;
    let key = JsValue::from_str(id.as_str());
    let record = done(&tx.object_store(DECKS)?.get(&key)?).await?;
    let source = done(&tx.object_store(SOURCES)?.get(&key)?).await?;
    let (Some(summary), false) = (summary_of(&record), source.is_undefined()) else {
        return Ok(None);
    };
    let markdown = field(&source, "markdown").as_string().unwrap_or_default();
    let compiled = field(&source, "compiled")
        .dyn_into::<Uint8Array>()
        .map(|bytes| bytes.to_vec())
        .unwrap_or_default();
    Ok(Some(SavedDeck {
        summary,
        markdown,
        compiled,
    }))
}

/// Keeps `deck` (replacing one of the same id): both stores in one transaction, which either
/// completes or leaves nothing behind. Asks the browser once to keep the site's data for good.
pub async fn put(deck: &SavedDeck) -> Result<(), LibraryError> {
    let db = open().await?;
    let tx = transaction(&db, &[DECKS, SOURCES], IdbTransactionMode::Readwrite)?;
    let summary = &deck.summary;
    let record = object(&[
        ("id", summary.id.as_str().into()),
        ("name", summary.name.as_str().into()),
        ("file", summary.file.as_str().into()),
        ("cards", summary.cards.into()),
        ("sections", summary.sections.into()),
        ("savedAt", summary.saved_at.into()),
    ]);
    let source = object(&[
        ("id", summary.id.as_str().into()),
        ("markdown", deck.markdown.as_str().into()),
        (
            "compiled",
            Uint8Array::from(deck.compiled.as_slice()).into(),
        ),
    ]);
    tx.object_store(DECKS)?.put(&record)?;
    tx.object_store(SOURCES)?.put(&source)?;
    committed(&tx).await?;
    request_persistence();
    Ok(())
}

/// Removes deck `id` from the library (its progress is the caller's: it lives in localStorage).
pub async fn delete(id: &DeckId) -> Result<(), LibraryError> {
    let db = open().await?;
    let tx = transaction(&db, &[DECKS, SOURCES], IdbTransactionMode::Readwrite)?;
    let key = JsValue::from_str(id.as_str());
    tx.object_store(DECKS)?.delete(&key)?;
    tx.object_store(SOURCES)?.delete(&key)?;
    committed(&tx).await
}

async fn open() -> Result<IdbDatabase, LibraryError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(|| {
            LibraryError("This browser keeps no decks here (IndexedDB is unavailable).".into())
        })?;
    let name = format!("interview-prep@{}/", crate::base_path::site_base());
    let request = factory.open_with_u32(&name, VERSION)?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().map(JsCast::unchecked_into::<IdbDatabase>) {
                let names = db.object_store_names();
                for store in [DECKS, SOURCES] {
                    if !names.contains(store) {
                        let parameters = web_sys::IdbObjectStoreParameters::new();
                        parameters.set_key_path(&"id".into());
                        let _ = db.create_object_store_with_optional_parameters(store, &parameters);
                    }
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&request).await?.unchecked_into())
}

fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, LibraryError> {
    let names: Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
    Ok(db.transaction_with_str_sequence_and_mode(&names, mode)?)
}

/// The request's result once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, LibraryError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_success = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &request.result().unwrap_or_default());
            })
        };
        let on_error = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let error = request
                    .error()
                    .ok()
                    .flatten()
                    .map_or(JsValue::NULL, JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
        };
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    Ok(JsFuture::from(promise).await?)
}

/// Waits until the transaction has committed (or failed, and so written nothing).
async fn committed(tx: &IdbTransaction) -> Result<(), LibraryError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_fail = {
            let tx = tx.clone();
            Closure::once_into_js(move || {
                let error = tx.error().map_or(JsValue::NULL, JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
        };
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_fail.unchecked_ref()));
        tx.set_onabort(Some(on_fail.unchecked_ref()));
    });
    JsFuture::from(promise).await?;
    Ok(())
}

/// Asks the browser to keep this site's data under storage pressure (it may say no, silently:
/// the decks are kept either way, only less surely).
fn request_persistence() {
    if let Some(storage) = web_sys::window().map(|window| window.navigator().storage()) {
        let _ = storage.persist();
    }
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

fn field(record: &JsValue, name: &str) -> JsValue {
    Reflect::get(record, &JsValue::from_str(name)).unwrap_or_default()
}

fn summary_of(record: &JsValue) -> Option<DeckSummary> {
    let id = field(record, "id").as_string()?;
    let number = |name| field(record, name).as_f64().unwrap_or(0.0) as u32;
    Some(DeckSummary {
        id: DeckId::slug(&id),
        name: field(record, "name")
            .as_string()
            .unwrap_or_else(|| id.clone()),
        file: field(record, "file").as_string().unwrap_or_default(),
        cards: number("cards"),
        sections: number("sections"),
        saved_at: field(record, "savedAt").as_f64().unwrap_or(0.0),
    })
}
