//! Saved progress: the split, merged, salvaged store; its line format under arbitrary bytes;
//! export and import; and the log itself.

use prep_engine::content::CardId;
use prep_engine::progress::codec::{
    AnswerLine, CardLine, decode_answer_line, decode_card_line, decode_lines, encode_answer_line,
    encode_card_line,
};
use prep_engine::progress::head::{Head, decode_head, encode_head};
use prep_engine::progress::transfer::{
    ImportError, ImportMode, MAX_IMPORT_BYTES, apply_import, export, preview, read_import, reset,
};
use prep_engine::progress::{
    Backup, LOG_CAP, MAX_BACKUP_CHARS, MAX_BACKUPS, MockRecord, Progress, ProgressStore, SaveError,
    StoreKeys, StoreNotice, StudyMode, StudySettings,
};
use prep_engine::rng::Rng;
use prep_engine::scheduler::{CardSchedule, Grade, Phase, Scheduler};
use prep_engine::stats::LocalDays;
use prep_engine::storage::{MemoryStorage, Storage, StorageError};
use prep_engine::time::{MS_PER_DAY, Timestamp};

const UTC: LocalDays = LocalDays::UTC;

fn keys() -> StoreKeys {
    StoreKeys::for_site("/interview-prep/")
}

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
        let card = &CardId::from(card);
        for &g in grades {
            let due = p.schedule(card).due;
            now = now.max(due).plus_minutes(3);
            p.record_review(&s, card, g, StudyMode::Flashcard, now);
        }
    }
    p.record_review(
        &s,
        &CardId::from("os/paging"),
        Grade::Again,
        StudyMode::Quiz,
        now.plus_days(9),
    );
    p
}

/// A tab: its store and its progress, loaded from `storage` at `t0()`.
struct Tab {
    store: ProgressStore,
    progress: Progress,
}

impl Tab {
    fn open(storage: &mut MemoryStorage) -> Tab {
        let (store, loaded) = ProgressStore::load(storage, keys(), later());
        assert_eq!(loaded.notice, None);
        Tab {
            store,
            progress: loaded.progress,
        }
    }

    fn grade(&mut self, storage: &mut MemoryStorage, card: &str, at: Timestamp) {
        self.progress.record_review(
            &Scheduler::default(),
            &CardId::from(card),
            Grade::Good,
            StudyMode::Flashcard,
            at,
        );
        self.store
            .save(storage, &mut self.progress, UTC, later())
            .unwrap();
    }
}

fn reload(storage: &mut MemoryStorage) -> (Progress, Option<StoreNotice>) {
    let (_, loaded) = ProgressStore::load(storage, keys(), later());
    (loaded.progress, loaded.notice)
}

/// Long after every answer the tests give.
fn later() -> Timestamp {
    t0().plus_days(1_000)
}

fn saved(storage: &mut MemoryStorage, progress: &Progress) {
    let (mut store, _) = ProgressStore::load(storage, keys(), later());
    store
        .save(storage, &mut progress.clone(), UTC, later())
        .unwrap();
}

/// Every key and its text.
fn snapshot(storage: &MemoryStorage) -> Vec<(String, String)> {
    let keys = storage.keys().unwrap();
    keys.into_iter()
        .map(|k| {
            let v = storage.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

fn backups(storage: &MemoryStorage) -> Vec<String> {
    storage
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.contains("backup/"))
        .collect()
}

#[test]
fn missing_progress_loads_fresh_and_writes_nothing() {
    let mut storage = MemoryStorage::new();
    let (_, loaded) = ProgressStore::load(&mut storage, keys(), t0());
    assert_eq!(loaded.progress, Progress::default());
    assert_eq!(loaded.notice, None);
    assert!(storage.is_empty());
}

#[test]
fn save_and_load_round_trip_in_parts() {
    let mut storage = MemoryStorage::new();
    let mut progress = studied();
    progress.settings.desired_retention = 0.85;
    progress.record_mock(MockRecord {
        at: t0().plus_days(2),
        questions: 5,
        nailed: 3,
        partly: 1,
        missed: 1,
        score: 70,
    });
    progress
        .cards
        .insert(CardId::from("deleted-section/renamed-card"), orphan());
    saved(&mut storage, &progress);
    assert_eq!(reload(&mut storage), (progress, None));
    let names = storage.keys().unwrap();
    assert!(names.contains(&keys().head()));
    assert!(names.contains(&keys().cards(0)));
    assert_eq!(
        names.iter().filter(|k| k.contains(":log/")).count(),
        3,
        "answers are kept per UTC day: {names:?}"
    );
}

fn orphan() -> CardSchedule {
    CardSchedule {
        phase: Phase::Review,
        stability: 12.5,
        difficulty: 4.25,
        due: t0().plus_days(10),
        last_review: Some(t0()),
        reps: 3,
        lapses: 1,
    }
}

#[test]
fn keys_are_namespaced_by_site_path() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    let (_, other) =
        ProgressStore::load(&mut storage, StoreKeys::for_site("/another-project/"), t0());
    assert_eq!(other.progress, Progress::default());
    assert!(
        storage
            .keys()
            .unwrap()
            .iter()
            .all(|k| k.starts_with("interview-prep@/interview-prep/:"))
    );
}

#[test]
fn two_tabs_keep_each_others_answers() {
    let mut storage = MemoryStorage::new();
    let mut a = Tab::open(&mut storage);
    let mut b = Tab::open(&mut storage);
    for (n, card) in ["one", "two", "three"].into_iter().enumerate() {
        a.grade(&mut storage, card, t0().plus_minutes(n as i64));
    }
    b.grade(&mut storage, "four", t0().plus_minutes(10));
    assert_eq!(b.progress.cards.len(), 4, "B's save merged A's cards in");
    let (progress, notice) = reload(&mut storage);
    assert_eq!(notice, None);
    assert_eq!(progress.cards.len(), 4);
    assert_eq!(progress.reviews.len(), 4);

    // A hears of B's save through the storage event and merges it.
    let changed = a
        .store
        .refresh(
            &mut storage,
            &mut a.progress,
            Some(&keys().cards(0)),
            later(),
        )
        .unwrap();
    assert!(changed);
    assert_eq!(a.progress.cards.len(), 4);
    let day = t0().plus_minutes(10).millis().div_euclid(MS_PER_DAY);
    a.store
        .refresh(
            &mut storage,
            &mut a.progress,
            Some(&keys().log_day(0, day)),
            later(),
        )
        .unwrap();
    assert_eq!(a.progress.reviews.len(), 4);
}

#[test]
fn the_same_card_in_two_tabs_keeps_the_later_review() {
    let mut storage = MemoryStorage::new();
    let mut a = Tab::open(&mut storage);
    let mut b = Tab::open(&mut storage);
    b.grade(&mut storage, "card", t0().plus_minutes(5));
    a.grade(&mut storage, "card", t0().plus_minutes(1));
    let (progress, _) = reload(&mut storage);
    assert_eq!(
        progress.cards["card"].last_review,
        Some(t0().plus_minutes(5))
    );
    assert_eq!(progress.reviews.len(), 2, "both answers stay in the log");
}

#[test]
fn an_undo_reaches_storage_and_keeps_the_other_tabs_answer() {
    let mut storage = MemoryStorage::new();
    let mut a = Tab::open(&mut storage);
    let mut b = Tab::open(&mut storage);
    let point = a.progress.undo_point(&CardId::from("mine"));
    a.grade(&mut storage, "mine", t0());
    b.grade(&mut storage, "theirs", t0().plus_minutes(1));
    a.progress.undo(&point).unwrap();
    a.store
        .save(&mut storage, &mut a.progress, UTC, later())
        .unwrap();
    let (progress, _) = reload(&mut storage);
    assert!(!progress.cards.contains_key("mine"));
    assert!(progress.cards.contains_key("theirs"));
    assert_eq!(progress.reviews.len(), 1);
    assert_eq!(progress.reviews[0].card, "theirs");
}

#[test]
fn a_reset_in_one_tab_reaches_the_other() {
    let mut storage = MemoryStorage::new();
    let mut a = Tab::open(&mut storage);
    a.grade(&mut storage, "card", t0());
    let mut b = Tab::open(&mut storage);
    a.progress = reset(&a.progress);
    a.store
        .save(&mut storage, &mut a.progress, UTC, later())
        .unwrap();
    let after_reset = reload(&mut storage).0;
    assert!(after_reset.cards.is_empty() && after_reset.reviews.is_empty());
    assert_eq!(after_reset.deletions.epoch, 1);
    b.store
        .refresh(&mut storage, &mut b.progress, Some(&keys().head()), later())
        .unwrap();
    assert_eq!(b.progress, after_reset);
    assert_eq!(storage.keys().unwrap(), vec![keys().head()]);
}

/// Version 1 kept one JSON value; records are salvaged one by one when it is upgraded.
fn legacy_text(cards: &str, reviews: &str) -> String {
    format!(
        "{{\"schema\":1,\"progress\":{{\"cards\":{{{cards}}},\"reviews\":[{reviews}],\"settings\":{{\"desired_retention\":0.85,\"new_cards_per_day\":7}}}}}}"
    )
}

fn legacy_card(id: &str, s: &str, reps: &str) -> String {
    format!(
        "\"{id}\":{{\"phase\":\"review\",\"s\":{s},\"d\":5.5,\"due\":{},\"last\":{},\"reps\":{reps},\"lapses\":0}}",
        t0().plus_days(3).millis(),
        t0().millis()
    )
}

fn legacy_review(card: &str, grade: &str) -> String {
    format!(
        "{{\"card\":\"{card}\",\"at\":{},\"grade\":\"{grade}\",\"mode\":\"flashcard\",\"phase\":\"new\",\"elapsed\":0,\"last_ivl\":0,\"ivl\":600000}}",
        t0().millis()
    )
}

#[test]
fn version_one_is_upgraded_in_place() {
    let mut storage = MemoryStorage::new();
    let text = legacy_text(&legacy_card("a", "4.5", "2"), &legacy_review("a", "good"));
    storage.set("interview-prep/progress", &text).unwrap();
    let (progress, notice) = reload(&mut storage);
    assert_eq!(notice, None);
    assert_eq!(progress.cards["a"].stability, 4.5);
    assert_eq!(progress.reviews.len(), 1);
    assert_eq!(progress.settings.new_cards_per_day, 7);
    assert_eq!(storage.get("interview-prep/progress").unwrap(), None);
    assert_eq!(
        reload(&mut storage),
        (progress, None),
        "the new format holds it"
    );
}

#[test]
fn one_bad_record_costs_only_itself_and_infinity_is_refused() {
    let mut storage = MemoryStorage::new();
    let cards = [
        legacy_card("good", "4.5", "2"),
        legacy_card("infinite", "1e39", "2"),
        legacy_card("negative", "3", "-1"),
    ]
    .join(",");
    let reviews = [
        legacy_review("good", "good"),
        legacy_review("x", "splendid"),
    ]
    .join(",");
    let text = legacy_text(&cards, &reviews);
    storage.set("interview-prep/progress", &text).unwrap();
    let (progress, notice) = reload(&mut storage);
    assert_eq!(progress.cards.keys().collect::<Vec<_>>(), ["good"]);
    assert_eq!(progress.reviews.len(), 1);
    let Some(StoreNotice::Salvaged {
        lost,
        backup: Backup::Saved { key },
        ..
    }) = notice
    else {
        panic!("{notice:?}");
    };
    assert_eq!(lost, 3);
    let kept: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&storage.get(&key).unwrap().unwrap()).unwrap();
    assert_eq!(
        kept["interview-prep/progress"], text,
        "the raw text is backed up"
    );
    assert_eq!(reload(&mut storage).1, None, "the next load is clean");
}

#[test]
fn garbage_in_every_key_is_backed_up_and_what_reads_is_kept() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    let cards_key = keys().cards(0);
    let good_cards = storage.get(&cards_key).unwrap().unwrap();
    for key in storage.keys().unwrap() {
        storage.set(&key, "\u{0}garbage{").unwrap();
    }
    // One key keeps a good line among garbage: it is salvaged.
    storage
        .set(
            &cards_key,
            &format!("garbage\n{}", good_cards.lines().next().unwrap()),
        )
        .unwrap();
    let (progress, notice) = reload(&mut storage);
    assert_eq!(progress.cards.len(), 1, "the good line survives");
    assert_eq!(progress.settings, StudySettings::default());
    let Some(StoreNotice::Salvaged {
        backup: Backup::Saved { key },
        lost,
        ..
    }) = &notice
    else {
        panic!("{notice:?}");
    };
    assert_eq!(
        *lost, 5,
        "the head, the cards' bad line and three days of answers: {notice:?}"
    );
    assert!(storage.get(key).unwrap().unwrap().contains("garbage"));
    let (again, notice) = reload(&mut storage);
    assert_eq!(
        (again, notice),
        (progress, None),
        "repaired on the first load"
    );
}

#[test]
fn newer_format_is_left_alone_and_not_saved_over() {
    let mut storage = MemoryStorage::new();
    let newer = "{\"schema\":99,\"future\":true}";
    storage.set(&keys().head(), newer).unwrap();
    let (mut store, loaded) = ProgressStore::load(&mut storage, keys(), t0());
    assert_eq!(loaded.notice, Some(StoreNotice::NewerVersion { found: 99 }));
    let mut progress = studied();
    assert_eq!(
        store.save(&mut storage, &mut progress, UTC, later()),
        Err(SaveError::NewerVersion)
    );
    assert_eq!(storage.get(&keys().head()).unwrap().as_deref(), Some(newer));
    assert_eq!(storage.len(), 1);
}

/// Issue 26, defect 2: a visit with the clock a year behind (or in 2001, as a phone boots)
/// used to move every review to "now". The clock is an input: nothing stored changes, the
/// cards studied "later" are due, and the person is told once.
#[test]
fn a_clock_behind_changes_nothing_stored() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    let before = snapshot(&storage);
    for behind in [t0().plus_days(-365), Timestamp(978_307_200_000)] {
        let (mut store, loaded) = ProgressStore::load(&mut storage, keys(), behind);
        assert_eq!(snapshot(&storage), before, "loading wrote nothing");
        assert_eq!(loaded.progress, studied(), "nothing moved in memory either");
        let Some(StoreNotice::ClockBehind { records }) = loaded.notice else {
            panic!("{:?}", loaded.notice);
        };
        assert_eq!(records, studied().cards.len() + studied().reviews.len());
        assert!(
            loaded
                .notice
                .unwrap()
                .to_string()
                .contains("clock may be behind")
        );
        let due = loaded
            .progress
            .cards
            .values()
            .filter(|s| s.is_due(behind))
            .count();
        assert_eq!(due, 3, "every card studied after the clock's now is due");
        // A save with nothing new writes nothing either.
        let mut progress = loaded.progress.clone();
        store
            .save(&mut storage, &mut progress, UTC, behind)
            .unwrap();
        assert_eq!(snapshot(&storage), before);
    }
    // Once the clock is right again, everything is where it was.
    assert_eq!(reload(&mut storage), (studied(), None));
}

#[test]
fn a_retention_out_of_range_is_replaced_and_said() {
    let mut problems = Vec::new();
    let head = decode_head(
        "{\"schema\":2,\"settings\":{\"desired_retention\":0.2,\"new_cards_per_day\":9000}}",
        &mut problems,
    )
    .unwrap();
    assert_eq!(head.settings.desired_retention, 0.9);
    assert_eq!(head.settings.new_cards_per_day, 500);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("0.2"), "{problems:?}");
}

#[test]
fn unknown_fields_and_columns_survive_a_save() {
    let mut storage = MemoryStorage::new();
    let mut progress = studied();
    progress.settings.new_cards_per_day = 5;
    saved(&mut storage, &progress);
    let head = storage.get(&keys().head()).unwrap().unwrap();
    let head = head.replacen('{', "{\"future\":{\"x\":[1,2]},", 1);
    storage.set(&keys().head(), &head).unwrap();
    let cards = storage.get(&keys().cards(0)).unwrap().unwrap();
    let first = cards.lines().next().unwrap();
    let cards = cards.replacen(first, &format!("{first}\tfuture-column"), 1);
    storage.set(&keys().cards(0), &cards).unwrap();

    let mut tab = Tab::open(&mut storage);
    tab.progress.settings.new_cards_per_day = 3;
    tab.grade(&mut storage, "another", t0().plus_days(20));
    let head = storage.get(&keys().head()).unwrap().unwrap();
    assert!(head.contains("\"future\":{\"x\":[1,2]}"), "{head}");
    assert!(head.contains("\"new_cards_per_day\":3"), "{head}");
    let cards = storage.get(&keys().cards(0)).unwrap().unwrap();
    assert!(
        cards.contains(&format!("{first}\tfuture-column")),
        "{cards}"
    );
}

#[test]
fn a_full_storage_keeps_answers_in_memory_until_there_is_room() {
    let mut storage = MemoryStorage::new();
    let mut tab = Tab::open(&mut storage);
    tab.grade(&mut storage, "one", t0());
    storage.set_refuse_writes(true);
    tab.progress.record_review(
        &Scheduler::default(),
        &CardId::from("two"),
        Grade::Good,
        StudyMode::Flashcard,
        t0().plus_minutes(1),
    );
    let error = tab
        .store
        .save(&mut storage, &mut tab.progress, UTC, later())
        .unwrap_err();
    assert!(matches!(
        error,
        SaveError::Storage(StorageError::QuotaExceeded(_))
    ));
    assert!(error.to_string().contains("Storage is full"));
    assert_eq!(tab.store.unsaved_answers(&tab.progress), 1);
    storage.set_refuse_writes(false);
    tab.store
        .save(&mut storage, &mut tab.progress, UTC, later())
        .unwrap();
    assert_eq!(tab.store.unsaved_answers(&tab.progress), 0);
    assert_eq!(reload(&mut storage).0.cards.len(), 2);
}

#[test]
fn a_backup_that_does_not_fit_blocks_saving_until_discarded() {
    let mut storage = MemoryStorage::new();
    storage.set(&keys().head(), "not json").unwrap();
    storage.set_quota_bytes(Some(storage_len(&storage)));
    let (mut store, loaded) = ProgressStore::load(&mut storage, keys(), t0());
    assert!(matches!(
        loaded.notice,
        Some(StoreNotice::Salvaged {
            backup: Backup::Failed { .. },
            ..
        })
    ));
    assert!(
        loaded
            .notice
            .unwrap()
            .to_string()
            .contains("download it or discard it")
    );
    assert!(store.is_blocked());
    let mut progress = studied();
    assert_eq!(
        store.save(&mut storage, &mut progress, UTC, later()),
        Err(SaveError::Blocked)
    );
    assert_eq!(
        storage.get(&keys().head()).unwrap().as_deref(),
        Some("not json")
    );
    assert!(store.raw_dump(&storage).contains("not json"));
    store.discard_damaged();
    storage.set_quota_bytes(None);
    store
        .save(&mut storage, &mut progress, UTC, later())
        .unwrap();
    assert_eq!(reload(&mut storage).0, progress);
}

fn storage_len(storage: &MemoryStorage) -> usize {
    storage
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.len() + storage.get(k).unwrap().unwrap().len())
        .sum()
}

#[test]
fn backups_are_bounded() {
    let mut storage = MemoryStorage::new();
    for n in 0..MAX_BACKUPS + 3 {
        storage
            .set(&keys().head(), &format!("damaged {n}"))
            .unwrap();
        let (_, loaded) = ProgressStore::load(&mut storage, keys(), t0().plus_millis(n as i64));
        assert!(loaded.notice.is_some());
    }
    let kept = backups(&storage);
    assert_eq!(kept.len(), MAX_BACKUPS, "{kept:?}");
    let (store, _) = ProgressStore::load(&mut storage, keys(), t0());
    let listed = store.backups(&storage);
    assert!(
        listed
            .last()
            .unwrap()
            .key
            .ends_with(&format!("{}", t0().plus_millis(5).millis()))
    );
    assert!(store.delete_backups(&mut storage) > 0);
    assert!(backups(&storage).is_empty());
}

#[test]
fn a_long_log_is_compacted_with_its_counts_kept() {
    let scheduler = Scheduler::default();
    let mut storage = MemoryStorage::new();
    let mut tab = Tab::open(&mut storage);
    let total = LOG_CAP + 1_500;
    for n in 0..total {
        // 50 answers a day, so whole days are compacted.
        let at = t0().plus_millis((n as i64 / 50) * MS_PER_DAY + (n as i64 % 50) * 60_000);
        tab.progress.record_review(
            &scheduler,
            &CardId(format!("c{}", n % 200)),
            Grade::Good,
            StudyMode::Flashcard,
            at,
        );
    }
    let changed = tab
        .store
        .save(&mut storage, &mut tab.progress, UTC, later())
        .unwrap();
    assert!(changed, "compacting changes what the screens show");
    let p = &tab.progress;
    assert!(p.reviews.len() <= LOG_CAP, "{}", p.reviews.len());
    let summarised: u32 = p.history.iter().map(|d| d.answers).sum();
    assert_eq!(summarised as usize + p.reviews.len(), total);
    assert_eq!(reload(&mut storage).0.history, p.history);
    let log_keys = storage
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.contains(":log/"))
        .count();
    assert_eq!(
        log_keys,
        p.reviews.len().div_ceil(50),
        "{:?}",
        storage.keys()
    );
}

#[test]
fn card_state_is_compact() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    let cards = storage.get(&keys().cards(0)).unwrap().unwrap();
    for line in cards.lines() {
        let id_len = line.split('\t').next().unwrap().len();
        assert!(line.len() - id_len <= 64, "{line}");
    }
}

#[test]
fn export_reset_import_brings_everything_back() {
    let mut original = studied();
    original.settings.new_cards_per_day = 11;
    let file = export(&original, later());
    assert!(
        file.starts_with("{\"format\":\"interview-prep-progress\",\"version\":2,"),
        "{file}"
    );
    let emptied = reset(&original);
    assert!(emptied.cards.is_empty() && emptied.reviews.is_empty());
    let imported = read_import(&file, t0().plus_days(30)).unwrap();
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let shown = preview(&emptied, &imported.progress);
    assert_eq!(shown.cards_added, 3);
    assert_eq!(shown.answers_added, original.reviews.len());
    let replaced = apply_import(&emptied, imported.progress, ImportMode::Replace, UTC);
    assert_eq!(
        replaced.deletions.epoch, 2,
        "a reset, then a replace: two new epochs"
    );
    assert_eq!(
        Progress {
            deletions: original.deletions.clone(),
            ..replaced
        },
        original
    );
}

#[test]
fn an_import_merges_by_latest_review() {
    let scheduler = Scheduler::default();
    let mut here = Progress::default();
    here.record_review(
        &scheduler,
        &CardId::from("both"),
        Grade::Good,
        StudyMode::Flashcard,
        t0().plus_days(5),
    );
    here.record_review(
        &scheduler,
        &CardId::from("here"),
        Grade::Good,
        StudyMode::Flashcard,
        t0(),
    );
    let mut there = Progress::default();
    there.record_review(
        &scheduler,
        &CardId::from("both"),
        Grade::Again,
        StudyMode::Flashcard,
        t0(),
    );
    there.record_review(
        &scheduler,
        &CardId::from("there"),
        Grade::Good,
        StudyMode::Flashcard,
        t0(),
    );
    let shown = preview(&here, &there);
    assert_eq!(
        (
            shown.cards_added,
            shown.cards_updated,
            shown.cards_kept,
            shown.cards_only_here
        ),
        (1, 0, 1, 1)
    );
    let merged = apply_import(&here, there, ImportMode::Merge, UTC);
    assert_eq!(merged.cards.len(), 3);
    assert_eq!(merged.cards["both"].last_review, Some(t0().plus_days(5)));
    assert_eq!(merged.reviews.len(), 4);
}

#[test]
fn wrong_files_are_refused_with_a_reason() {
    let now = t0();
    assert!(matches!(
        read_import("hello", now),
        Err(ImportError::NotJson(_))
    ));
    assert_eq!(read_import("{\"a\":1}", now), Err(ImportError::NotProgress));
    assert!(
        read_import("[1,2]", now)
            .unwrap_err()
            .to_string()
            .contains("not JSON")
    );
    assert_eq!(
        read_import(
            "{\"format\":\"interview-prep-progress\",\"version\":9}",
            now
        ),
        Err(ImportError::NewerVersion { found: 9 })
    );
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert!(matches!(
        read_import(&huge, now),
        Err(ImportError::TooLarge { .. })
    ));
    let damaged = export(&studied(), later()).replacen("\\tf\\t", "\\tff\\t", 1);
    let imported = read_import(&damaged, now.plus_days(30)).unwrap();
    assert_eq!(imported.problems.len(), 1, "{:?}", imported.problems);
}

/// Bytes that are mostly a valid line, mutated: the decoders' hardest inputs.
fn mutated(rng: &mut Rng, valid: &str) -> String {
    let mut bytes = valid.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 => bytes.insert(at, b"\t-0.e9zZ\n\xff"[rng.below(10)]),
            2 if at < bytes.len() => bytes[at] = rng.next_u64() as u8,
            3 => bytes.truncate(at),
            _ => bytes
                .splice(
                    at..at,
                    rng.choose(&[&b"inf"[..], b"NaN", b"1e39", b"-1", b"\t\t"])
                        .unwrap()
                        .iter()
                        .copied(),
                )
                .for_each(drop),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn decoding_arbitrary_bytes_never_panics_and_yields_only_valid_values() {
    let now = t0().plus_days(30);
    let progress = studied();
    let mut card_line = String::new();
    encode_card_line(
        &mut card_line,
        &CardLine {
            id: "a".into(),
            schedule: progress.cards["sql/joins"],
            extra: String::new(),
        },
    );
    let mut answer_line = String::new();
    encode_answer_line(
        &mut answer_line,
        &AnswerLine {
            record: progress.reviews[0].clone(),
            extra: String::new(),
        },
    );
    let file = export(&progress, now);
    let mut rng = Rng::new(15);
    for round in 0..30_000 {
        let text = match round % 4 {
            0 => mutated(&mut rng, &card_line),
            1 => mutated(&mut rng, &answer_line),
            2 => mutated(&mut rng, &file),
            _ => (0..rng.below(40))
                .map(|_| rng.next_u64() as u8 as char)
                .collect(),
        };
        for card in decode_lines(&text, now, decode_card_line).records {
            let s = card.schedule;
            assert!(s.stability.is_finite() && s.stability > 0.0, "{text:?}");
            assert!((1.0..=10.0).contains(&s.difficulty), "{text:?}");
            assert!(s.last_review.unwrap() <= now, "{text:?}");
            assert!(s.due >= s.last_review.unwrap(), "{text:?}");
            let mut again = String::new();
            encode_card_line(&mut again, &card);
            assert_eq!(decode_card_line(&again, now).unwrap(), card, "{text:?}");
        }
        for answer in decode_lines(&text, now, decode_answer_line).records {
            assert!(answer.record.at <= now, "{text:?}");
            let mut again = String::new();
            encode_answer_line(&mut again, &answer);
            assert_eq!(decode_answer_line(&again, now).unwrap(), answer, "{text:?}");
        }
        if let Ok(head) = decode_head(&text, &mut Vec::new()) {
            let again = decode_head(&encode_head(&head), &mut Vec::new()).unwrap();
            assert_eq!(again, head);
        }
        if let Ok(imported) = read_import(&text, now) {
            // Exported after every record it holds, as a real export is.
            let again =
                read_import(&export(&imported.progress, Timestamp(i64::MAX / 4)), now).unwrap();
            assert_eq!(again.progress, imported.progress, "{text:?}");
        }
    }
}

#[test]
fn loading_arbitrary_bytes_in_every_key_never_panics() {
    let mut rng = Rng::new(16);
    let mut seeded = MemoryStorage::new();
    saved(&mut seeded, &studied());
    let names = seeded.keys().unwrap();
    for _ in 0..500 {
        let mut storage = seeded.clone();
        for key in &names {
            let text = storage.get(key).unwrap().unwrap();
            storage.set(key, &mutated(&mut rng, &text)).unwrap();
        }
        let (mut store, loaded) = ProgressStore::load(&mut storage, keys(), t0());
        let mut progress = loaded.progress;
        let _ = store.save(&mut storage, &mut progress, UTC, later());
        let (_, again) = ProgressStore::load(&mut storage, keys(), t0());
        assert_eq!(again.progress, progress, "salvaged data reads back as kept");
    }
}

#[test]
fn storage_that_refuses_everything_leaves_the_app_in_memory() {
    let mut storage = MemoryStorage::new();
    storage.set_unavailable(true);
    let (mut store, loaded) = ProgressStore::load(&mut storage, keys(), t0());
    assert!(matches!(
        loaded.notice,
        Some(StoreNotice::Unavailable { .. })
    ));
    assert!(loaded.notice.unwrap().to_string().contains("this tab only"));
    let mut progress = studied();
    assert_eq!(
        store.save(&mut storage, &mut progress, UTC, later()),
        Err(SaveError::Unavailable)
    );
    assert!(!store.is_saving());
}

#[test]
fn head_round_trips() {
    let head = Head::default();
    assert_eq!(
        decode_head(&encode_head(&head), &mut Vec::new()).unwrap(),
        head
    );
}

#[test]
fn record_review_updates_schedule_and_log() {
    let s = Scheduler::default();
    let mut p = Progress::default();
    assert_eq!(p.schedule(&CardId::from("a")), CardSchedule::new());
    let first = p.record_review(
        &s,
        &CardId::from("a"),
        Grade::Good,
        StudyMode::Flashcard,
        t0(),
    );
    assert_eq!(p.schedule(&CardId::from("a")), first);
    assert_eq!(first.phase, Phase::Learning { step: 1 });
    let second_at = first.due.plus_days(2).plus_minutes(5);
    let second = p.record_review(
        &s,
        &CardId::from("a"),
        Grade::Good,
        StudyMode::Mock,
        second_at,
    );
    assert_eq!(p.schedule(&CardId::from("a")), second);

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
        p.record_review(
            &s,
            &CardId::from(card),
            Grade::Again,
            StudyMode::Flashcard,
            at,
        );
    }
    // Repeats of an introduced card are not new again.
    p.record_review(
        &s,
        &CardId::from("a"),
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

#[test]
fn a_tab_from_before_a_deploy_stops_saving_once_a_newer_version_saved() {
    let mut storage = MemoryStorage::new();
    let mut old_tab = Tab::open(&mut storage);
    old_tab.grade(&mut storage, "card", t0());
    // A newer version, in another tab, rewrites the head in its own format.
    let newer = "{\"schema\":99,\"cards-v99\":true}";
    storage.set(&keys().head(), newer).unwrap();
    let before = storage.get(&keys().cards(0)).unwrap();
    old_tab.progress.record_review(
        &Scheduler::default(),
        &CardId::from("another"),
        Grade::Good,
        StudyMode::Flashcard,
        t0().plus_minutes(1),
    );
    assert_eq!(
        old_tab
            .store
            .save(&mut storage, &mut old_tab.progress, UTC, later()),
        Err(SaveError::NewerVersion)
    );
    assert_eq!(storage.get(&keys().cards(0)).unwrap(), before);
    assert_eq!(storage.get(&keys().head()).unwrap().as_deref(), Some(newer));
}

#[test]
fn damaged_data_larger_than_a_backup_may_hold_blocks_saving_instead() {
    let mut storage = MemoryStorage::new();
    let huge = "x".repeat(MAX_BACKUP_CHARS + 1);
    storage.set(&keys().cards(0), &huge).unwrap();
    let (store, loaded) = ProgressStore::load(&mut storage, keys(), t0());
    assert!(store.is_blocked());
    assert!(matches!(
        loaded.notice,
        Some(StoreNotice::Salvaged {
            backup: Backup::Failed { .. },
            ..
        })
    ));
    assert_eq!(
        storage.get(&keys().cards(0)).unwrap(),
        Some(huge),
        "left in place"
    );
    assert!(backups(&storage).is_empty());
}

/// Issue 26, defect 4: values in range that no review makes are refused, wherever they come
/// from (storage, a file, a link): stability 1e-7 days, 255 lapses, a 31-year interval.
#[test]
fn implausible_schedules_are_refused() {
    let good = |phase: &str, s: &str, ivl_days: i64, reps: u32, lapses: u32| {
        let last = t0().millis();
        let due = last + ivl_days * MS_PER_DAY;
        format!(
            "card\t{phase}\t{s}\t5\t{}\t{}\t{reps}\t{lapses}",
            to36(due),
            to36(last)
        )
    };
    let read = |line: String| decode_card_line(&line, later());
    assert!(
        read(good("r", "30", 60, 5, 1)).is_ok(),
        "a plain review card"
    );
    assert!(
        read(good("r", "0.0000001", 0, 5, 1)).is_err(),
        "stability 1e-7 days"
    );
    assert!(read(good("r", "30", 60, 300, 255)).is_err(), "255 lapses");
    assert!(
        read(good("r", "30", 31 * 365, 5, 1)).is_err(),
        "31 years for 30 days' stability"
    );
    assert!(
        read(good("l0", "3", 20, 1, 0)).is_err(),
        "a learning step of 20 days"
    );
}

fn to36(mut n: i64) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Issue 26, defects 3 and 8: 100,000 days of history or mock interviews in a file finish
/// quickly (linear merges) and are bounded, with what was dropped said; absurd mocks and days
/// ("4294967304 in all", "4000000000 %") are left out and counted.
#[test]
fn huge_and_absurd_history_and_mocks_are_bounded_and_counted() {
    let exported = t0().plus_days(30);
    let days: Vec<String> = (0..100_000)
        .map(|n| {
            format!(
                "{{\"d\":{},\"n\":3,\"rn\":1,\"rp\":1,\"sec\":40}}",
                20_000 - n
            )
        })
        .collect();
    let mocks: Vec<String> = (0..100_000)
        .map(|n| {
            format!(
                "{{\"at\":{},\"n\":2,\"nailed\":1,\"partly\":1,\"missed\":0,\"score\":75}}",
                exported.millis() - n * 60_000
            )
        })
        .collect();
    let file = |mocks: &str, history: &str| {
        format!(
            "{{\"format\":\"interview-prep-progress\",\"version\":2,\"exported\":{},\"settings\":{{}},\"mocks\":[{mocks}],\"history\":[{history}],\"cards\":[],\"answers\":[]}}",
            exported.millis()
        )
    };
    let absurd = format!(
        "{{\"at\":{},\"n\":4294967295,\"nailed\":0,\"partly\":0,\"missed\":0,\"score\":4000000000}}",
        exported.millis() - 1
    );
    let with_mocks = read_import(
        &file(&format!("{},{absurd}", mocks.join(",")), ""),
        exported,
    )
    .unwrap();
    assert_eq!(with_mocks.progress.mocks.len(), 10_000);
    let said = with_mocks.problems.join("\n");
    assert!(said.contains("mock interviews were dropped"), "{said}");
    assert!(said.contains("a mock interview was left out"), "{said}");
    let imported = read_import(&file("", &days.join(",")), exported).unwrap();
    assert!(imported.progress.history.len() <= 36_500);
    let said = imported.problems.join("\n");
    assert!(
        said.contains("a day of history was left out: its date is out of range"),
        "{said}"
    );
    let mut imported = imported;
    imported.progress.mocks = with_mocks.progress.mocks;
    // Merging it into progress that has its own is linear too.
    let mut here = studied();
    here.history = imported.progress.history.clone();
    let merged = apply_import(&here, imported.progress, ImportMode::Merge, UTC);
    assert_eq!(merged.mocks.len(), 10_000);
}

/// Issue 26, defect 8: the preview names everything Replace removes, settings included, and
/// the counts that will really be kept.
#[test]
fn the_import_preview_names_what_replace_removes() {
    let mut here = studied();
    here.settings.desired_retention = 0.95;
    here.settings.new_cards_per_day = 30;
    here.record_mock(MockRecord {
        at: t0().plus_days(2),
        questions: 2,
        nailed: 1,
        partly: 1,
        missed: 0,
        score: 75,
    });
    let mut there = Progress::default();
    there.settings.desired_retention = 0.7;
    there.settings.new_cards_per_day = 0;
    let words = prep_engine::progress::transfer::describe_import(&here, &there, UTC, "file");
    assert!(
        words.contains("removes 3 cards, 9 answers, 1 mock interviews"),
        "{words}"
    );
    assert!(
        words.contains("retention 95 % → 70 %, new cards a day 30 → 0"),
        "{words}"
    );
    assert!(
        words.contains("you then keep 0 cards and 0 answers"),
        "{words}"
    );
}

/// A backup is read back as progress to preview and merge or restore (issue 26: "a restore
/// control for backups").
#[test]
fn a_backup_reads_back_as_progress() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    let cards_key = keys().cards(0);
    let text = storage.get(&cards_key).unwrap().unwrap();
    storage
        .set(&cards_key, &format!("{text}garbage line\n"))
        .unwrap();
    let (store, loaded) = ProgressStore::load(&mut storage, keys(), later());
    let Some(StoreNotice::Salvaged {
        backup: Backup::Saved { key },
        ..
    }) = loaded.notice
    else {
        panic!("{:?}", loaded.notice);
    };
    let restored = store.read_backup(&storage, &key).unwrap();
    assert_eq!(
        restored.progress.cards,
        studied().cards,
        "every card that reads"
    );
    assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
}

/// Issue 26, defect 5: progress that could never be saved is refused before it is accepted.
#[test]
fn progress_that_cannot_fit_is_refused_before_it_is_accepted() {
    let mut storage = MemoryStorage::new();
    saved(&mut storage, &studied());
    storage.set_quota_bytes(Some(storage_len(&storage) + 2_000));
    let (store, _) = ProgressStore::load(&mut storage, keys(), later());
    assert!(
        store.check_fits(&mut storage, &studied()).is_ok(),
        "what is saved fits"
    );
    let mut huge = studied();
    for n in 0..2_000 {
        huge.cards.insert(CardId(format!("junk-{n}")), orphan());
    }
    assert!(matches!(
        store.check_fits(&mut storage, &huge),
        Err(StorageError::QuotaExceeded(_))
    ));
    assert_eq!(
        reload(&mut storage).0,
        studied(),
        "the probe leaves nothing behind"
    );
}

/// Issue 26, defect 6: every copy of the single file shares one namespace; progress a copy
/// kept under its own path is brought over once, and left where it was.
#[test]
fn the_single_file_adopts_progress_kept_under_its_path() {
    let mut storage = MemoryStorage::new();
    let by_path = StoreKeys::for_site("/home/me/Downloads/interview-prep.html/");
    let (mut store, _) = ProgressStore::load(&mut storage, by_path.clone(), later());
    store
        .save(&mut storage, &mut studied(), UTC, later())
        .unwrap();
    let single = StoreKeys::for_single_file();
    assert!(single.adopt(&mut storage, &by_path) >= 3);
    let (_, loaded) = ProgressStore::load(&mut storage, single.clone(), later());
    assert_eq!(loaded.progress, studied());
    assert_eq!(single.adopt(&mut storage, &by_path), 0, "only once");
    let (_, old) = ProgressStore::load(&mut storage, by_path, later());
    assert_eq!(old.progress, studied(), "the old keys stay");
}

/// Issue 26, defect 4: no record in a file may postdate the file itself.
#[test]
fn records_dated_after_the_export_are_refused() {
    let file = export(&studied(), t0().plus_days(2));
    let imported = read_import(&file, t0().plus_days(400)).unwrap();
    assert!(
        imported
            .progress
            .reviews
            .iter()
            .all(|r| r.at <= t0().plus_days(2).plus_minutes(1)),
        "{:?}",
        imported.progress.reviews
    );
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.contains("later than the file was made"))
    );
    assert!(imported.progress.reviews.len() < studied().reviews.len());
}
