//! Saved progress: the review log, the versioned envelope, and never losing data on load.

use prep_engine::progress::{
    BACKUP_INDEX_KEY, BACKUP_KEY_PREFIX, Backup, DecodeError, LoadNotice, PROGRESS_KEY, Progress,
    ProgressStore, SCHEMA_VERSION, StudyMode, StudySettings, migrate,
};
use prep_engine::scheduler::{CardSchedule, Grade, Phase, Scheduler};
use prep_engine::storage::{MemoryStorage, Storage, StorageError};
use prep_engine::time::Timestamp;

fn t0() -> Timestamp {
    Timestamp(1_767_604_643_456)
}

/// A progress with a few cards in different phases and a multi-day log.
fn studied() -> Progress {
    let s = Scheduler::default();
    let mut p = Progress::default();
    let mut now = t0();
    for (card, grades) in [
        ("sql/joins", &[Grade::Good, Grade::Good, Grade::Good][..]),
        (
            "sql/indexes",
            &[Grade::Again, Grade::Hard, Grade::Good, Grade::Easy][..],
        ),
        ("os/paging", &[Grade::Easy][..]),
    ] {
        for &g in grades {
            let due = p.schedule(card).due;
            now = now.max(due).plus_minutes(3);
            p.record_review(&s, card, g, StudyMode::Flashcard, now);
        }
    }
    p.record_review(
        &s,
        "os/paging",
        Grade::Again,
        StudyMode::Quiz,
        now.plus_days(9),
    );
    p
}

#[test]
fn missing_progress_loads_fresh_without_notice() {
    let mut storage = MemoryStorage::new();
    let outcome = ProgressStore::load(&mut storage, t0());
    assert_eq!(outcome.progress, Progress::default());
    assert_eq!(outcome.notice, None);
    assert!(outcome.may_save());
    assert!(storage.is_empty(), "loading writes nothing");
}

#[test]
fn save_and_load_round_trip() {
    let mut storage = MemoryStorage::new();
    let mut progress = studied();
    progress.settings = StudySettings {
        desired_retention: 0.85,
        new_cards_per_day: 7,
    };
    ProgressStore::save(&mut storage, &progress).unwrap();
    let text = storage.get(PROGRESS_KEY).unwrap().unwrap();
    assert!(text.starts_with("{\"schema\":1,\"progress\":{"), "{text}");
    let outcome = ProgressStore::load(&mut storage, t0());
    assert_eq!(outcome.notice, None);
    assert_eq!(outcome.progress, progress);
    assert_eq!(
        ProgressStore::from_json(&ProgressStore::to_json(&progress)).unwrap(),
        progress
    );
}

#[test]
fn reviews_persist_across_reload_with_identical_schedules() {
    let s = Scheduler::default();
    let mut storage = MemoryStorage::new();
    let mut live = studied();
    ProgressStore::save(&mut storage, &live).unwrap();

    // Simulated page reload: everything comes back from storage.
    let mut reloaded = ProgressStore::load(&mut storage, t0()).progress;
    assert_eq!(reloaded.reviews.len(), 9);
    for (id, card) in &live.cards {
        assert_eq!(&reloaded.schedule(id), card);
    }
    // Continuing to study gives the same schedules as if the page had never reloaded.
    for (card, grade, days) in [
        ("sql/joins", Grade::Good, 30),
        ("sql/indexes", Grade::Again, 12),
        ("os/paging", Grade::Hard, 1),
    ] {
        let now = live.schedule(card).due.plus_days(days);
        let a = live.record_review(&s, card, grade, StudyMode::TypedRecall, now);
        let b = reloaded.record_review(&s, card, grade, StudyMode::TypedRecall, now);
        assert_eq!(a, b, "{card}");
    }
    ProgressStore::save(&mut storage, &reloaded).unwrap();
    assert_eq!(ProgressStore::load(&mut storage, t0()).progress, live);
}

#[test]
fn record_review_updates_schedule_and_log() {
    let s = Scheduler::default();
    let mut p = Progress::default();
    assert_eq!(p.schedule("a"), CardSchedule::new());
    let first = p.record_review(&s, "a", Grade::Good, StudyMode::Flashcard, t0());
    assert_eq!(p.schedule("a"), first);
    assert_eq!(first.phase, Phase::Learning { step: 1 });
    let second_at = first.due.plus_days(2).plus_minutes(5);
    let second = p.record_review(&s, "a", Grade::Good, StudyMode::Mock, second_at);
    assert_eq!(p.schedule("a"), second);

    assert_eq!(p.reviews.len(), 2);
    let log0 = &p.reviews[0];
    assert_eq!(
        (log0.card.as_str(), log0.at, log0.grade),
        ("a", t0(), Grade::Good)
    );
    assert_eq!(
        (log0.phase, log0.elapsed_days, log0.last_interval_ms),
        (Phase::New, 0, 0)
    );
    assert_eq!(log0.interval_ms, first.due.millis_since(t0()));
    let log1 = &p.reviews[1];
    assert_eq!(log1.mode, StudyMode::Mock);
    assert_eq!(log1.phase, Phase::Learning { step: 1 });
    assert_eq!(log1.elapsed_days, 2);
    assert_eq!(log1.last_interval_ms, first.due.millis_since(t0()));
    assert_eq!(log1.interval_ms, second.due.millis_since(second_at));
}

#[test]
fn counts_new_cards_introduced_per_day() {
    let s = Scheduler::default();
    let mut p = Progress::default();
    let day = t0().start_of_utc_day();
    let next_day = day.plus_days(1);
    for (card, at) in [
        ("a", day),
        ("b", day.plus_minutes(60)),
        ("c", next_day.plus_minutes(1)),
    ] {
        p.record_review(&s, card, Grade::Again, StudyMode::Flashcard, at);
    }
    // Repeats of an introduced card are not new again.
    p.record_review(
        &s,
        "a",
        Grade::Good,
        StudyMode::Flashcard,
        day.plus_minutes(2),
    );
    assert_eq!(p.new_cards_introduced_on(day, next_day), 2);
    assert_eq!(
        p.new_cards_introduced_on(next_day, next_day.plus_days(1)),
        1
    );
    assert_eq!(p.reviews_between(day, next_day).count(), 3);
}

#[test]
fn corrupt_data_is_backed_up_reported_and_replaced_by_fresh_progress() {
    let mut storage = MemoryStorage::new();
    let garbage = "{\"schema\":1,\"progress\":{\"cards\":[tru";
    storage.set(PROGRESS_KEY, garbage).unwrap();

    let outcome = ProgressStore::load(&mut storage, t0());
    assert_eq!(outcome.progress, Progress::default());
    let backup_key = format!("{BACKUP_KEY_PREFIX}{}", t0().millis());
    match &outcome.notice {
        Some(LoadNotice::Unreadable {
            reason,
            backup: Backup::Saved { key },
        }) => {
            assert!(!reason.is_empty());
            assert_eq!(key, &backup_key);
        }
        other => panic!("unexpected notice {other:?}"),
    }
    assert!(outcome.may_save());
    assert!(
        outcome
            .notice
            .as_ref()
            .unwrap()
            .to_string()
            .contains(&backup_key)
    );
    assert_eq!(
        storage.get(&backup_key).unwrap().as_deref(),
        Some(garbage),
        "exact copy"
    );
    assert_eq!(
        ProgressStore::backup_keys(&storage),
        vec![backup_key.clone()]
    );
    assert_eq!(
        storage.get(PROGRESS_KEY).unwrap(),
        None,
        "cleared after the copy"
    );

    // The next load is clean: no second backup of the same data.
    let again = ProgressStore::load(&mut storage, t0().plus_days(1));
    assert_eq!(again.notice, None);
    assert_eq!(ProgressStore::backup_keys(&storage).len(), 1);
}

#[test]
fn various_unreadable_shapes_are_backed_up() {
    for text in [
        "",
        "not json",
        "[]",
        "{}",
        "{\"schema\":1}",
        "{\"schema\":0,\"progress\":{}}",
        "{\"schema\":\"1\",\"progress\":{}}",
        "{\"schema\":1,\"progress\":{\"cards\":{\"x\":{\"phase\":\"bogus\"}}}}",
    ] {
        let mut storage = MemoryStorage::new();
        storage.set(PROGRESS_KEY, text).unwrap();
        let outcome = ProgressStore::load(&mut storage, t0());
        assert!(
            matches!(
                outcome.notice,
                Some(LoadNotice::Unreadable {
                    backup: Backup::Saved { .. },
                    ..
                })
            ),
            "{text:?}: {:?}",
            outcome.notice
        );
        assert_eq!(outcome.progress, Progress::default());
    }
}

#[test]
fn newer_schema_is_backed_up_and_reported() {
    let mut storage = MemoryStorage::new();
    let future = "{\"schema\":2,\"progress\":{\"cards\":{},\"decks\":[1,2,3]}}";
    storage.set(PROGRESS_KEY, future).unwrap();
    let outcome = ProgressStore::load(&mut storage, t0());
    assert_eq!(outcome.progress, Progress::default());
    let Some(LoadNotice::NewerSchema {
        found,
        backup: Backup::Saved { key },
    }) = &outcome.notice
    else {
        panic!("unexpected notice {:?}", outcome.notice);
    };
    assert_eq!(*found, 2);
    assert_eq!(storage.get(key).unwrap().as_deref(), Some(future));
    assert!(
        outcome
            .notice
            .as_ref()
            .unwrap()
            .to_string()
            .contains("newer version")
    );
}

#[test]
fn failed_backup_leaves_original_untouched_and_says_so() {
    let mut storage = MemoryStorage::new();
    let garbage = "{{{ definitely not progress";
    storage.set(PROGRESS_KEY, garbage).unwrap();
    storage.set_refuse_writes(true);

    let outcome = ProgressStore::load(&mut storage, t0());
    assert_eq!(outcome.progress, Progress::default());
    match &outcome.notice {
        Some(LoadNotice::Unreadable {
            backup:
                Backup::Failed {
                    error: StorageError::QuotaExceeded(_),
                },
            ..
        }) => {}
        other => panic!("unexpected notice {other:?}"),
    }
    assert!(!outcome.may_save(), "saving would destroy the only copy");
    assert!(
        outcome
            .notice
            .as_ref()
            .unwrap()
            .to_string()
            .contains("left in place")
    );
    storage.set_refuse_writes(false);
    assert_eq!(storage.get(PROGRESS_KEY).unwrap().as_deref(), Some(garbage));
    assert_eq!(storage.len(), 1, "no partial backup, no index");
}

#[test]
fn backup_fails_when_quota_too_small_for_a_second_copy() {
    let mut storage = MemoryStorage::new();
    let future = format!("{{\"schema\":9,\"progress\":\"{}\"}}", "x".repeat(500));
    storage.set(PROGRESS_KEY, &future).unwrap();
    storage.set_quota_bytes(Some(800));
    let outcome = ProgressStore::load(&mut storage, t0());
    assert!(matches!(
        outcome.notice,
        Some(LoadNotice::NewerSchema {
            found: 9,
            backup: Backup::Failed { .. }
        })
    ));
    assert!(!outcome.may_save());
    assert_eq!(storage.get(PROGRESS_KEY).unwrap(), Some(future));
}

#[test]
fn backups_in_the_same_millisecond_do_not_overwrite_each_other() {
    let mut storage = MemoryStorage::new();
    storage.set(PROGRESS_KEY, "first bad").unwrap();
    ProgressStore::load(&mut storage, t0());
    storage.set(PROGRESS_KEY, "second bad").unwrap();
    ProgressStore::load(&mut storage, t0());
    let keys = ProgressStore::backup_keys(&storage);
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[1], format!("{}-1", keys[0]));
    assert_eq!(storage.get(&keys[0]).unwrap().as_deref(), Some("first bad"));
    assert_eq!(
        storage.get(&keys[1]).unwrap().as_deref(),
        Some("second bad")
    );
    assert!(storage.keys().any(|k| k == BACKUP_INDEX_KEY));
}

#[test]
fn refused_write_returns_an_error() {
    let mut storage = MemoryStorage::new();
    storage.set_refuse_writes(true);
    let err = ProgressStore::save(&mut storage, &studied()).unwrap_err();
    assert!(matches!(err, StorageError::QuotaExceeded(_)), "{err:?}");
    assert!(err.to_string().contains("storage full"));
    assert_eq!(storage.get(PROGRESS_KEY).unwrap(), None);

    let mut small = MemoryStorage::new();
    small.set_quota_bytes(Some(100));
    assert!(matches!(
        ProgressStore::save(&mut small, &studied()),
        Err(StorageError::QuotaExceeded(_))
    ));
}

#[test]
fn unavailable_storage_is_reported_and_blocks_saving() {
    let mut storage = MemoryStorage::new();
    storage.set_unavailable(true);
    let outcome = ProgressStore::load(&mut storage, t0());
    assert!(matches!(
        outcome.notice,
        Some(LoadNotice::StorageUnavailable {
            error: StorageError::Unavailable(_)
        })
    ));
    assert!(!outcome.may_save());
    assert!(matches!(
        ProgressStore::save(&mut storage, &outcome.progress),
        Err(StorageError::Unavailable(_))
    ));
}

#[test]
fn unknown_card_ids_are_kept() {
    let mut storage = MemoryStorage::new();
    let mut p = studied();
    let orphan = CardSchedule {
        phase: Phase::Review,
        stability: 12.5,
        difficulty: 4.25,
        due: t0().plus_days(10),
        last_review: Some(t0()),
        reps: 3,
        lapses: 1,
    };
    p.cards
        .insert("deleted-section/renamed-card".to_owned(), orphan);
    ProgressStore::save(&mut storage, &p).unwrap();
    let loaded = ProgressStore::load(&mut storage, t0()).progress;
    assert_eq!(loaded.schedule("deleted-section/renamed-card"), orphan);
    ProgressStore::save(&mut storage, &loaded).unwrap();
    assert_eq!(ProgressStore::load(&mut storage, t0()).progress, p);
}

#[test]
fn missing_fields_default_and_unknown_modes_survive() {
    let minimal = "{\"schema\":1,\"progress\":{}}";
    assert_eq!(
        ProgressStore::from_json(minimal).unwrap(),
        Progress::default()
    );

    let text = format!(
        "{{\"schema\":1,\"progress\":{{\"reviews\":[{{\"card\":\"a\",\"at\":{},\"grade\":\"good\",\
         \"mode\":\"voice-drill\",\"phase\":\"new\",\"elapsed\":0,\"last_ivl\":0,\"ivl\":600000}}],\
         \"settings\":{{\"new_cards_per_day\":5}}}}}}",
        t0().millis()
    );
    let p = ProgressStore::from_json(&text).unwrap();
    assert_eq!(p.reviews[0].mode, StudyMode::Other);
    assert_eq!(p.settings.new_cards_per_day, 5);
    assert_eq!(
        p.settings.desired_retention, 0.9,
        "absent settings take defaults"
    );
}

#[test]
fn migrate_dispatches_on_schema() {
    let value = r#"{ "cards": {}, "reviews": [] }"#;
    assert_eq!(
        migrate(u64::from(SCHEMA_VERSION), value).unwrap(),
        Progress::default()
    );
    assert_eq!(
        migrate(7, value),
        Err(DecodeError::NewerSchema { found: 7 })
    );
    assert!(matches!(migrate(0, value), Err(DecodeError::Unreadable(_))));
    assert!(matches!(
        migrate(1, "[1, 2]"),
        Err(DecodeError::Unreadable(_))
    ));
}

#[test]
fn settings_build_a_scheduler() {
    let settings = StudySettings::default();
    assert_eq!(
        (settings.desired_retention, settings.new_cards_per_day),
        (0.9, 20)
    );
    let s = settings.scheduler().unwrap();
    assert_eq!(s.config().desired_retention, 0.9);
    let bad = StudySettings {
        desired_retention: 0.2,
        ..StudySettings::default()
    };
    assert!(bad.scheduler().is_err());
}

#[test]
fn memory_storage_basics() {
    let mut m = MemoryStorage::new();
    assert_eq!(m.get("k").unwrap(), None);
    m.set("k", "v").unwrap();
    m.set("k", "w").unwrap();
    assert_eq!(m.get("k").unwrap().as_deref(), Some("w"));
    m.remove("k").unwrap();
    m.remove("k").unwrap();
    assert!(m.is_empty());
    m.set_quota_bytes(Some(4));
    m.set("ab", "cd").unwrap();
    m.set("ab", "ef").unwrap();
    assert!(m.set("x", "y").is_err());
}
