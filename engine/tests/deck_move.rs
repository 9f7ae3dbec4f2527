//! Progress saved before decks had namespaces is taken over by the built-in deck: moved byte
//! for byte, merged when an older tab wrote after the move, and left as it was when the move
//! cannot be written.
//!
//! `fixtures/layout-before-decks.json` is localStorage as the app left it before this change
//! (commit 71f2657's layout, written by its store): a reset (epoch 1), six days of answers in
//! five modes, a mock interview, changed settings, a backup, the study filter, the theme, and
//! another project's progress on the same origin.

use std::collections::BTreeMap;

use prep_engine::content::{CardId, DeckId};
use prep_engine::progress::deck_move::{DeckMove, load_deck, move_layout};
use prep_engine::progress::{Loaded, Progress, ProgressStore, StoreKeys, StudyMode};
use prep_engine::scheduler::{Grade, Scheduler};
use prep_engine::stats::LocalDays;
use prep_engine::storage::{MemoryStorage, Storage};
use prep_engine::study::StudyFilter;
use prep_engine::time::Timestamp;

const SITE: &str = "interview-prep@/interview-prep/:";
const DECK: &str = "interview-prep@/interview-prep/:deck/interview/";
const PREFERENCES: &[&str] = &["study-filter"];

fn site() -> StoreKeys {
    StoreKeys::for_site("/interview-prep/")
}

fn deck() -> StoreKeys {
    site().for_deck(&DeckId::of_source("content/interview.md"))
}

fn now() -> Timestamp {
    Timestamp(1_766_000_000_000)
}

fn fixture() -> BTreeMap<String, String> {
    serde_json::from_str(include_str!("fixtures/layout-before-decks.json")).unwrap()
}

fn storage_of(entries: &BTreeMap<String, String>) -> MemoryStorage {
    let mut storage = MemoryStorage::new();
    for (key, value) in entries {
        storage.set(key, value).unwrap();
    }
    storage
}

fn contents(storage: &MemoryStorage) -> BTreeMap<String, String> {
    storage
        .keys()
        .unwrap()
        .into_iter()
        .map(|key| {
            let value = storage.get(&key).unwrap().unwrap();
            (key, value)
        })
        .collect()
}

/// The built-in deck's progress loaded as the app loads it, at `at`.
fn load_built_in(storage: &mut MemoryStorage, at: Timestamp) -> (ProgressStore, Loaded) {
    load_deck(storage, deck(), &site(), PREFERENCES, at, LocalDays::UTC)
}

/// What the app read from the fixture before the change.
fn progress_before() -> Progress {
    let mut storage = storage_of(&fixture());
    let (_, loaded) = ProgressStore::load(&mut storage, site(), now());
    assert_eq!(loaded.notice, None);
    loaded.progress
}

#[test]
fn the_fixture_is_a_real_history() {
    let before = progress_before();
    assert_eq!(before.reviews.len(), 30);
    assert_eq!(before.cards.len(), 5);
    assert_eq!(before.mocks.len(), 1);
    assert_eq!(before.settings.new_cards_per_day, 15);
    assert_eq!(before.deletions.epoch, 1);
    let filter = StudyFilter::from_saved(&fixture()[&format!("{SITE}study-filter")]);
    assert_eq!(
        filter.sections.len(),
        1,
        "the saved filter reads as a real choice"
    );
}

#[test]
fn todays_layout_is_moved_byte_for_byte_and_loses_nothing() {
    let fixture = fixture();
    let mut storage = storage_of(&fixture);
    let (store, loaded) = load_built_in(&mut storage, now());
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.progress, progress_before());
    assert_eq!(store.keys(), &deck());

    let after = contents(&storage);
    for (key, value) in &fixture {
        let rest = key.strip_prefix(SITE);
        match rest {
            // Site-wide: the theme, and another project's keys, stay where they are.
            Some("theme") | None => assert_eq!(after.get(key), Some(value), "{key} kept"),
            Some(rest) => {
                assert_eq!(after.get(key), None, "{key} moved away");
                assert_eq!(
                    after.get(&format!("{DECK}{rest}")),
                    Some(value),
                    "{key} moved byte for byte"
                );
            }
        }
    }
    assert_eq!(after.len(), fixture.len(), "no key lost or added");
}

#[test]
fn moved_progress_reloads_and_resaves_the_same() {
    let mut storage = storage_of(&fixture());
    let (mut store, mut loaded) = load_built_in(&mut storage, now());
    // A new answer after the move, saved the usual way.
    let card = CardId::from("what-is-django-and-its-key-features");
    let at = now().plus_days(1);
    loaded.progress.record_review(
        &Scheduler::default(),
        &card,
        Grade::Good,
        StudyMode::Quiz,
        at,
    );
    store
        .save(&mut storage, &mut loaded.progress, LocalDays::UTC, at)
        .unwrap();

    let (again, reloaded) = load_built_in(&mut storage, at);
    assert_eq!(again.keys(), &deck());
    assert_eq!(reloaded.progress, loaded.progress);
    assert_eq!(reloaded.progress.reviews.len(), 31);
    assert!(
        contents(&storage)
            .keys()
            .all(|key| !key.starts_with(&format!("{SITE}e1/"))),
        "nothing written to the older layout"
    );
}

#[test]
fn the_move_happens_once() {
    let mut storage = storage_of(&fixture());
    assert!(matches!(
        move_layout(&mut storage, &site(), &deck(), PREFERENCES),
        DeckMove::Moved { keys: 10 }
    ));
    let moved = contents(&storage);
    assert_eq!(
        move_layout(&mut storage, &site(), &deck(), PREFERENCES),
        DeckMove::Nothing
    );
    assert_eq!(contents(&storage), moved);
}

#[test]
fn a_move_that_does_not_fit_leaves_the_older_layout_as_it_was() {
    let fixture = fixture();
    let size: usize = fixture.iter().map(|(k, v)| k.len() + v.len()).sum();
    // Room for a few copies but not all of them.
    let mut storage = storage_of(&fixture);
    storage.set_quota_bytes(Some(size + 900));
    let (store, loaded) = load_built_in(&mut storage, now());
    assert_eq!(contents(&storage), fixture, "every copy made was removed");
    assert_eq!(store.keys(), &site(), "this visit keeps the older place");
    assert_eq!(loaded.progress, progress_before());

    // With room, the next visit moves it.
    storage.set_quota_bytes(None);
    let (store, loaded) = load_built_in(&mut storage, now());
    assert_eq!(store.keys(), &deck());
    assert_eq!(loaded.progress, progress_before());
}

#[test]
fn an_older_tab_that_saves_after_the_move_is_merged_in() {
    let mut storage = storage_of(&fixture());
    // An older version's tab, open through the update, has the history loaded...
    let (mut old_tab, old_loaded) = ProgressStore::load(&mut storage, site(), now());
    let mut old_progress = old_loaded.progress;
    // ...a new version's tab moves it...
    let (_, moved) = load_built_in(&mut storage, now());
    assert_eq!(moved.progress.reviews.len(), 30);
    // ...and the older tab answers once more and saves where it always did.
    let at = now().plus_minutes(5);
    let card = CardId::from("what-is-drf-throttling-and-its-types");
    old_progress.record_review(
        &Scheduler::default(),
        &card,
        Grade::Easy,
        StudyMode::Flashcard,
        at,
    );
    old_tab
        .save(&mut storage, &mut old_progress, LocalDays::UTC, at)
        .unwrap();

    let (store, loaded) = load_built_in(&mut storage, at);
    assert_eq!(store.keys(), &deck());
    assert_eq!(
        loaded.progress.reviews.len(),
        31,
        "the older tab's answer is kept"
    );
    assert_eq!(loaded.progress.cards[&card], old_progress.cards[&card]);
    let left: Vec<String> = contents(&storage)
        .into_keys()
        .filter(|key| site().part(key).is_some())
        .collect();
    assert!(left.is_empty(), "the older layout is gone: {left:?}");

    // And it is saved: a fresh load reads the same.
    let (_, reloaded) = ProgressStore::load(&mut storage, deck(), at);
    assert_eq!(reloaded.progress.reviews, loaded.progress.reviews);
}

#[test]
fn deck_keys_are_not_the_site_layouts() {
    let site = site();
    let deck = deck();
    assert_eq!(deck.head(), format!("{DECK}progress"));
    for key in [
        deck.head(),
        deck.cards(0),
        deck.cards(3),
        deck.log_day(2, 20_000),
    ] {
        assert_eq!(site.part(&key), None, "{key}");
        assert!(deck.part(&key).is_some(), "{key}");
    }
    let other = site.for_deck(&DeckId::slug("Python basics"));
    assert_ne!(other.head(), deck.head());
    assert!(!other.owns(&deck.head()));
}

#[test]
fn deck_ids_are_safe_slugs() {
    for (source, id) in [
        ("content/interview.md", "interview"),
        ("My Notes.md", "my-notes"),
        ("C:\\Users\\me\\Q&A (1).txt", "q-a-1"),
        ("archive.tar.gz", "archive-tar"),
        ("", "deck"),
        ("???.md", "deck"),
        ("Über-Fragen.md", "ber-fragen"),
    ] {
        assert_eq!(DeckId::of_source(source).as_str(), id, "{source}");
    }
}

#[test]
fn deleting_a_deck_removes_its_namespace_and_nothing_else() {
    let mut storage = storage_of(&fixture());
    let _ = load_built_in(&mut storage, now());
    let before = contents(&storage);
    let other = site().for_deck(&DeckId::slug("my-notes"));
    // A deck named like the built-in one's prefix must not take the built-in deck's keys.
    let lookalike = site().for_deck(&DeckId::slug("interview-2"));
    let mut progress = Progress::default();
    progress.record_review(
        &Scheduler::default(),
        &CardId::from("what-is-a-queryset"),
        Grade::Good,
        StudyMode::Flashcard,
        now(),
    );
    for keys in [&other, &lookalike] {
        let (mut store, _) = ProgressStore::load(&mut storage, keys.clone(), now());
        store
            .save(&mut storage, &mut progress, LocalDays::UTC, now())
            .expect("saved");
    }
    assert!(other.remove_all(&mut storage) >= 1);
    let after = contents(&storage);
    assert!(after.keys().all(|key| !key.contains(":deck/my-notes/")));
    assert!(after.keys().any(|key| key.contains(":deck/interview-2/")));
    lookalike.remove_all(&mut storage);
    assert_eq!(contents(&storage), before);
}
