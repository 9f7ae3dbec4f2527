//! The person's study state, shared by every screen: progress (loaded once, saved from one
//! Effect, as in Leptos's todomvc, and merged with other tabs' saves through the `storage`
//! event), the chosen filter, and any storage notice to show with its way out.

use leptos::prelude::*;
use prep_engine::compiled::CompiledDeck;
use prep_engine::content::CardId;
use prep_engine::progress::deck_move::load_deck;
use prep_engine::progress::{
    BackupInfo, Evidence, Progress, ProgressStore, SaveError, StoreKeys, StoreNotice, StudyMode,
};
use prep_engine::scheduler::{CardSchedule, Grade, Scheduler};
use prep_engine::storage::{Storage, StorageError};
use prep_engine::study::plan::{learner_pace, minutes_for};
use prep_engine::study::{
    FILTER_KEY, QueueCounts, SittingRequest, StudyFilter, queue_counts, review_queue_learning_more,
};
use prep_engine::time::Timestamp;

use crate::base_path::site_base;
use crate::browser_storage::BrowserStorage;
use crate::clock::{local_days, now, today};
use crate::deck::use_deck;

#[derive(Clone, Copy)]
pub struct StudyState {
    pub progress: RwSignal<Progress>,
    /// What the person chose to study; shared by all modes.
    pub filter: RwSignal<StudyFilter>,
    /// A problem with saved progress or saving, with the way out it offers.
    pub notice: RwSignal<Option<Notice>>,
    /// What this tab last read from or wrote to storage (see `ProgressStore`).
    store: StoredValue<ProgressStore, LocalStorage>,
    /// The deck this progress is studied with (`deck::use_deck`).
    deck: &'static CompiledDeck,
    /// The learner's seconds per answer, over the whole log (`plan::learner_pace`): one
    /// derived value for every time estimate on screen, computed when one is read.
    pace: Memo<f64>,
}

/// A storage problem in words, and which controls the banner offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
    pub way_out: WayOut,
}

/// What the person can do about a [`Notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WayOut {
    /// Nothing to do but read it.
    Dismiss,
    /// Saving waits until the damaged data is downloaded or discarded.
    DownloadOrDiscardDamaged,
    /// Storage is full: download progress, or delete old backups to make room.
    DownloadOrFreeSpace,
    /// No storage: download progress before closing the tab.
    DownloadProgress,
    /// A newer version saved: reload to use it.
    Reload,
}

impl Notice {
    fn of_load(notice: &StoreNotice) -> Self {
        let way_out = match notice {
            StoreNotice::Salvaged { backup, .. } => match backup {
                prep_engine::progress::Backup::Saved { .. } => WayOut::Dismiss,
                prep_engine::progress::Backup::Failed { .. } => WayOut::DownloadOrDiscardDamaged,
            },
            StoreNotice::ClockBehind { .. } => WayOut::Dismiss,
            StoreNotice::NewerVersion { .. } => WayOut::Reload,
            StoreNotice::Unavailable { .. } => WayOut::DownloadProgress,
        };
        Notice {
            message: notice.to_string(),
            way_out,
        }
    }

    fn of_save(error: &SaveError) -> Self {
        let way_out = match error {
            SaveError::Storage(StorageError::QuotaExceeded(_)) => WayOut::DownloadOrFreeSpace,
            SaveError::Storage(_) | SaveError::Unavailable => WayOut::DownloadProgress,
            SaveError::Blocked => WayOut::DownloadOrDiscardDamaged,
            SaveError::NewerVersion => WayOut::Reload,
        };
        Notice {
            message: error.to_string(),
            way_out,
        }
    }
}

impl StudyState {
    /// The scheduler for the person's settings (retention is validated when set and loaded).
    pub fn scheduler(&self) -> Scheduler {
        self.progress
            .with(|p| p.settings.scheduler())
            .unwrap_or_default()
    }

    /// Due, new and weak counts for the current filter, kept up to date as progress changes.
    pub fn queue_counts(&self) -> Memo<QueueCounts> {
        let (progress, filter, deck) = (self.progress, self.filter, self.deck.deck());
        Memo::new(move |_| {
            let at = now();
            progress.with(|p| filter.with(|f| queue_counts(deck, p, f, at, today(at))))
        })
    }

    /// Minutes a review sitting of `counts` takes at the learner's own pace (every answer
    /// Good; a default pace before there are enough answers).
    pub fn sitting_minutes(&self, counts: &QueueCounts) -> u32 {
        minutes_for(
            counts.expected_answers(self.answers_per_new_card()),
            self.pace.get(),
        )
    }

    /// The learner's seconds per answer (a default before there are enough answers).
    pub fn pace(&self) -> f64 {
        self.pace.get()
    }

    /// Answers a new card takes to graduate (its learning steps, each Good).
    pub fn answers_per_new_card(&self) -> usize {
        self.scheduler()
            .config()
            .answers_until_graduated(&CardSchedule::new())
    }

    /// The filter a sitting studies: the saved choice as the request narrows it.
    pub fn sitting_filter(&self, request: &SittingRequest) -> StudyFilter {
        self.filter.with_untracked(|saved| request.filter(saved))
    }

    /// The cards to study now for the sitting `request` asks for, read once: a sitting's plan
    /// is fixed when it starts, so later grading changes progress, not the plan.
    pub fn sitting_queue(&self, request: &SittingRequest, at: Timestamp, seed: u64) -> Vec<usize> {
        let deck = self.deck.deck();
        let filter = self.sitting_filter(request);
        self.progress.with_untracked(|p| {
            review_queue_learning_more(deck, p, &filter, at, today(at), seed, request.extra_new)
        })
    }

    /// Grades a card from recall: the engine updates schedule and log; the save Effect
    /// persists it.
    pub fn record(&self, card_id: &CardId, grade: Grade, mode: StudyMode) -> CardSchedule {
        self.record_answer(card_id, Evidence::Recall(grade), mode)
    }

    /// Records any answer with the weight of its evidence (a right pick in a quiz is logged
    /// but leaves the schedule alone; a wrong one is Again). Returns the card's schedule.
    pub fn record_answer(
        &self,
        card_id: &CardId,
        evidence: Evidence,
        mode: StudyMode,
    ) -> CardSchedule {
        let scheduler = self.scheduler();
        let now = now();
        let mut schedule = CardSchedule::new();
        self.progress
            .update(|p| schedule = p.record_answer(&scheduler, card_id, evidence, mode, now));
        schedule
    }

    /// Writes what changed since the last save, merging other tabs' saves in. A failure keeps
    /// everything in memory and says so; the next change (or a freed quota) saves it.
    fn save(&self) {
        let mut storage = BrowserStorage::local();
        let at = now();
        let days = local_days(at);
        let mut outcome = Ok(false);
        self.store.update_value(|store| {
            self.progress.maybe_update(|p| {
                outcome = store.save(&mut storage, p, days, at);
                outcome == Ok(true)
            });
        });
        self.show_save_outcome(outcome);
    }

    /// Takes in what another tab saved under `key` (`None`: it cleared storage).
    #[cfg(target_arch = "wasm32")]
    fn refresh(&self, key: Option<String>) {
        let mut storage = BrowserStorage::local();
        let mut outcome = Ok(false);
        self.store.update_value(|store| {
            self.progress.maybe_update(|p| {
                outcome = store.refresh(&mut storage, p, key.as_deref(), now());
                outcome == Ok(true)
            });
        });
        self.show_save_outcome(outcome);
    }

    fn show_save_outcome(&self, outcome: Result<bool, SaveError>) {
        match outcome {
            // Saved: a "storage full" banner no longer holds.
            Ok(_) => {
                if self.notice.with_untracked(|n| {
                    n.as_ref()
                        .is_some_and(|n| n.way_out == WayOut::DownloadOrFreeSpace)
                }) {
                    self.notice.set(None);
                }
            }
            // The load's notice already says so.
            Err(SaveError::Blocked | SaveError::Unavailable) => {}
            Err(error) => self.notice.set(Some(Notice::of_save(&error))),
        }
    }

    /// True while this tab's answers reach storage.
    pub fn is_saving(&self) -> bool {
        self.store.with_value(ProgressStore::is_saving)
    }

    /// Answers in this tab that storage does not have yet.
    pub fn unsaved_answers(&self) -> usize {
        self.store
            .with_value(|store| self.progress.with(|p| store.unsaved_answers(p)))
    }

    /// Every saved key of this app as stored, damaged or not: the download offered when the
    /// damaged data could not be backed up.
    pub fn damaged_data(&self) -> String {
        self.store
            .with_value(|store| store.raw_dump(&BrowserStorage::local()))
    }

    /// The person downloaded (or gave up) the damaged data: save over it.
    pub fn discard_damaged(&self) {
        self.store.update_value(ProgressStore::discard_damaged);
        self.notice.set(None);
        self.save();
    }

    /// Whether `progress` would fit in this browser's storage in place of what is saved: asked
    /// before an import is accepted.
    pub fn check_fits(&self, progress: &Progress) -> Result<(), StorageError> {
        if !self.is_saving() {
            return Ok(());
        }
        self.store
            .with_value(|store| store.check_fits(&mut BrowserStorage::local(), progress))
    }

    /// The backup under `key`, read as progress to preview and merge or restore.
    pub fn read_backup(
        &self,
        key: &str,
    ) -> Result<prep_engine::progress::transfer::Imported, String> {
        self.store
            .with_value(|store| store.read_backup(&BrowserStorage::local(), key))
    }

    pub fn backups(&self) -> Vec<BackupInfo> {
        self.store
            .with_value(|store| store.backups(&BrowserStorage::local()))
    }

    /// Deletes every backup and saves what was waiting for room; returns the characters freed.
    pub fn delete_backups(&self) -> usize {
        let freed = self
            .store
            .with_value(|store| store.delete_backups(&mut BrowserStorage::local()));
        self.save();
        freed
    }
}

/// This site's namespace in localStorage (every deck's, and site-wide preferences such as the
/// theme, live inside it).
pub fn site_keys() -> StoreKeys {
    StoreKeys::for_site(&format!("{}/", site_base()))
}

/// Loads progress from localStorage and provides the state; call once, at the app's root.
pub fn provide_study_state() -> StudyState {
    let mut storage = BrowserStorage::local();
    let deck = use_deck();
    let site_keys = site_keys();
    // Where this deck's progress was kept before decks had namespaces: moved (or merged) into
    // the deck's own keys on load (`deck_move`).
    let older = if crate::base_path::is_single_file() {
        // Every copy of the file shares one namespace; progress a copy kept under its own path
        // (before that) is brought over once.
        let file = StoreKeys::for_single_file();
        if !matches!(storage.get(&file.for_deck(&deck.id).head()), Ok(Some(_))) {
            file.adopt(&mut storage, &site_keys);
        }
        file
    } else {
        site_keys
    };
    let at = now();
    let (store, mut loaded) = if crate::base_path::opened_deck().is_some() {
        // A deck brought at run time never had progress anywhere else.
        ProgressStore::load(&mut storage, older.for_deck(&deck.id), at)
    } else {
        load_deck(
            &mut storage,
            older.for_deck(&deck.id),
            &older,
            &[FILTER_KEY],
            at,
            local_days(at),
        )
    };
    // The store's keys, not the deck's: if the move could not be written, this visit keeps
    // the older place, preferences included.
    let filter_key = store.keys().preference(FILTER_KEY);
    // This tab's number on its answers, so two tabs answering one card in the same
    // millisecond keep two answers (randomness comes from the edge, as time does).
    loaded.progress.writer = 1 + (crate::clock::seed() % u64::from(u16::MAX)) as u16;
    let saved_filter = storage.get(&filter_key).ok().flatten();
    let progress = RwSignal::new(loaded.progress);
    let state = StudyState {
        progress,
        filter: RwSignal::new(
            saved_filter.map_or_else(StudyFilter::default, |text| StudyFilter::from_saved(&text)),
        ),
        notice: RwSignal::new(loaded.notice.as_ref().map(Notice::of_load)),
        store: StoredValue::new_local(store),
        deck,
        pace: Memo::new(move |_| progress.with(|p| learner_pace(p, local_days(now())))),
    };
    Effect::new(move |previous: Option<()>| {
        progress.track();
        // The first run is the load itself: nothing new to save.
        if previous.is_some() {
            state.save();
        }
    });
    // Another tab saved: merge it, so neither tab's answers are lost and counts stay true.
    #[cfg(target_arch = "wasm32")]
    {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let local = window().local_storage().ok().flatten();
            if event.storage_area() == local {
                state.refresh(event.key());
            }
        });
        // The shell lives as long as the page.
        std::mem::forget(listener);
    }
    // The chosen filter is remembered in this browser, so a reload studies the same choice.
    let filter = state.filter;
    let mut filter_storage = BrowserStorage::local();
    Effect::new(move |previous: Option<()>| {
        let text = filter.with(StudyFilter::to_saved);
        if previous.is_some() {
            // A preference: failing to keep it is not worth a notice.
            let _ = filter_storage.set(&filter_key, &text);
        }
    });
    provide_context(state);
    state
}

pub fn use_study() -> StudyState {
    expect_context::<StudyState>()
}

/// "17 new · 1 learning · 3 to review": what a review would bring, in Anki's three counts (the
/// counts the sitting itself opens with).
pub fn review_counts_label(counts: QueueCounts) -> String {
    counts.sitting().describe()
}
