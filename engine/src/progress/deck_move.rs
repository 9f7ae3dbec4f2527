//! The move of progress saved before decks had namespaces into the built-in deck's own.
//!
//! Until decks had namespaces, a copy of the app kept its one deck's progress straight under
//! its site namespace: `…:progress`, `…:cards`, `…:e<n>/cards`, `…:log/<day>`,
//! `…:backup/<ms>` and preferences such as `…:study-filter`. Each deck now has its own
//! (`…:deck/<id>/…`, [`StoreKeys::for_deck`]). The built-in deck takes the older keys over on
//! load, once, so nobody's progress is left behind:
//! - **Moved byte for byte**, key by key with the head last; the older keys are removed only
//!   once every copy was written. A write that fails (the quota) removes the copies made, and
//!   the visit reads and saves the older layout as before, to try again next time.
//! - **Merged** when the deck already has progress and the older layout has some too (a tab of
//!   the earlier version, open through the update, saved after the move): the two are merged as
//!   an import's Merge is (every answer of both, each card's later review), saved, and only
//!   then are the older keys removed.

use super::keys::StoreKeys;
use super::store::{Loaded, ProgressStore};
use super::transfer::{ImportMode, apply_import};
use crate::storage::{Storage, StorageError};
use crate::time::{LocalDays, Timestamp};

/// What [`move_layout`] found and did.
#[derive(Debug, Clone, PartialEq)]
pub enum DeckMove {
    /// The older layout holds nothing.
    Nothing,
    /// The older layout's keys now live under the deck's, and are gone from the older place.
    Moved { keys: usize },
    /// Both hold progress: [`load_deck`] merges them.
    BothHold,
    /// Storage could not be read, or a copy could not be written (and every copy made was
    /// removed again): the older layout is as it was.
    Failed(StorageError),
}

/// The keys of the older layout under `older`: its progress parts, its own backups and the
/// named preferences (not any deck's keys, nor version 1's single key).
fn older_keys(
    storage: &dyn Storage,
    older: &StoreKeys,
    preferences: &[&str],
) -> Result<Vec<String>, StorageError> {
    let preference_keys: Vec<String> = preferences.iter().map(|p| older.preference(p)).collect();
    Ok(storage
        .keys()?
        .into_iter()
        .filter(|key| {
            older.part(key).is_some() || older.is_own_backup(key) || preference_keys.contains(key)
        })
        .collect())
}

/// Moves what the older layout under `older` holds into `deck`, if the deck holds no progress
/// yet (see the module's documentation).
pub fn move_layout(
    storage: &mut dyn Storage,
    older: &StoreKeys,
    deck: &StoreKeys,
    preferences: &[&str],
) -> DeckMove {
    let mut keys = match older_keys(storage, older, preferences) {
        Ok(keys) if keys.is_empty() => return DeckMove::Nothing,
        Ok(keys) => keys,
        Err(error) => return DeckMove::Failed(error),
    };
    match storage.get(&deck.head()) {
        Ok(Some(_)) => return DeckMove::BothHold,
        Ok(None) => {}
        Err(error) => return DeckMove::Failed(error),
    }
    // The head last: a deck with a head is a deck whose move finished.
    let head = older.head();
    if let Some(at) = keys.iter().position(|key| *key == head) {
        let head = keys.remove(at);
        keys.push(head);
    }
    let mut written: Vec<String> = Vec::with_capacity(keys.len());
    for key in &keys {
        let Some(target) = older.rehome(key, deck) else {
            continue;
        };
        let copied = match storage.get(key) {
            Ok(Some(text)) => storage.set(&target, &text),
            Ok(None) => continue,
            Err(error) => Err(error),
        };
        if let Err(error) = copied {
            for target in written.iter() {
                let _ = storage.remove(target.as_str());
            }
            return DeckMove::Failed(error);
        }
        written.push(target);
    }
    for key in &keys {
        let _ = storage.remove(key);
    }
    DeckMove::Moved {
        keys: written.len(),
    }
}

/// Loads the progress of the deck under `deck`, first taking over what the older layout under
/// `older` holds ([`move_layout`], or a merge when both hold progress). If the move fails, the
/// returned store reads and writes the older layout for this visit (its [`ProgressStore::keys`]
/// say which), so studying goes on and the move is tried again on the next load. `days` places
/// compacted answers of a merge on the learner's calendar.
pub fn load_deck(
    storage: &mut dyn Storage,
    deck: StoreKeys,
    older: &StoreKeys,
    preferences: &[&str],
    now: Timestamp,
    days: LocalDays,
) -> (ProgressStore, Loaded) {
    let moved = move_layout(storage, older, &deck, preferences);
    let keys = match moved {
        DeckMove::Failed(_) => older.clone(),
        _ => deck,
    };
    let (store, loaded) = ProgressStore::load(storage, keys, now);
    match moved {
        DeckMove::BothHold => merge_older(storage, store, loaded, older, preferences, now, days),
        _ => (store, loaded),
    }
}

/// Both the deck and the older layout hold progress: the older is merged into the deck's and
/// removed once the merge is saved. Anything that stops the save leaves both as they were.
fn merge_older(
    storage: &mut dyn Storage,
    mut store: ProgressStore,
    mut loaded: Loaded,
    older: &StoreKeys,
    preferences: &[&str],
    now: Timestamp,
    days: LocalDays,
) -> (ProgressStore, Loaded) {
    let (older_store, older_loaded) = ProgressStore::load(storage, older.clone(), now);
    if !older_store.is_saving() || !store.is_saving() {
        return (store, loaded);
    }
    let mut merged = apply_import(
        &loaded.progress,
        older_loaded.progress,
        ImportMode::Merge,
        days,
    );
    if store.save(storage, &mut merged, days, now).is_err() {
        return (store, loaded);
    }
    loaded.progress = merged;
    loaded.notice = loaded.notice.or(older_loaded.notice);
    let Ok(keys) = older_keys(storage, older, preferences) else {
        return (store, loaded);
    };
    for key in keys {
        // The older layout's backups are kept beside the deck's; its progress is merged and
        // its preferences give way to the deck's own.
        if older.is_own_backup(&key)
            && let (Some(target), Ok(Some(text))) =
                (older.rehome(&key, store.keys()), storage.get(&key))
            && storage.set(&target, &text).is_err()
        {
            continue;
        }
        let _ = storage.remove(&key);
    }
    (store, loaded)
}
