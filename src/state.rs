//! The person's study state, shared by every screen: progress (loaded once, saved from one
//! Effect, as in Leptos's todomvc), the chosen filter, and any storage notice to show.

use leptos::prelude::*;
use prep_engine::progress::{Evidence, Progress, ProgressStore, StudyMode};
use prep_engine::scheduler::{CardSchedule, Grade, Scheduler};
use prep_engine::storage::Storage;
use prep_engine::study::{
    FILTER_KEY, QueueCounts, SittingRequest, StudyFilter, queue_counts, review_queue_learning_more,
};
use prep_engine::time::Timestamp;

use crate::browser_storage::BrowserStorage;
use crate::clock::{now, today};
use crate::deck::loaded_deck;

#[derive(Clone, Copy)]
pub struct StudyState {
    pub progress: RwSignal<Progress>,
    /// What the person chose to study; shared by all modes.
    pub filter: RwSignal<StudyFilter>,
    /// A problem with saved progress or saving, in words for the person.
    pub notice: RwSignal<Option<String>>,
}

impl StudyState {
    /// The scheduler for the person's settings (retention is validated when set).
    pub fn scheduler(&self) -> Scheduler {
        self.progress
            .with(|p| p.settings.scheduler())
            .unwrap_or_default()
    }

    /// Due, new and weak counts for the current filter, kept up to date as progress changes.
    pub fn queue_counts(&self) -> Memo<QueueCounts> {
        let (progress, filter, deck) = (self.progress, self.filter, loaded_deck());
        Memo::new(move |_| {
            let at = now();
            progress.with(|p| filter.with(|f| queue_counts(deck, p, f, at, today(at))))
        })
    }

    /// The filter a sitting studies: the saved choice as the request narrows it.
    pub fn sitting_filter(&self, request: &SittingRequest) -> StudyFilter {
        self.filter.with_untracked(|saved| request.filter(saved))
    }

    /// The cards to study now for the sitting `request` asks for, read once: a sitting's plan
    /// is fixed when it starts, so later grading changes progress, not the plan.
    pub fn sitting_queue(&self, request: &SittingRequest, at: Timestamp, seed: u64) -> Vec<usize> {
        let deck = loaded_deck();
        let filter = self.sitting_filter(request);
        self.progress.with_untracked(|p| {
            review_queue_learning_more(deck, p, &filter, at, today(at), seed, request.extra_new)
        })
    }

    /// Grades a card from recall: the engine updates schedule and log; the save Effect
    /// persists it.
    pub fn record(&self, card_id: &str, grade: Grade, mode: StudyMode) -> CardSchedule {
        self.record_answer(card_id, Evidence::Recall(grade), mode)
    }

    /// Records any answer with the weight of its evidence (a right pick in a quiz is logged
    /// but leaves the schedule alone; a wrong one is Again). Returns the card's schedule.
    pub fn record_answer(
        &self,
        card_id: &str,
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
}

/// Loads progress from localStorage and provides the state; call once, at the app's root.
pub fn provide_study_state() -> StudyState {
    let mut storage = BrowserStorage::local();
    let loaded = ProgressStore::load(&mut storage, now());
    let may_save = loaded.may_save();
    let saved_filter = storage.get(FILTER_KEY).ok().flatten();
    let state = StudyState {
        progress: RwSignal::new(loaded.progress),
        filter: RwSignal::new(
            saved_filter.map_or_else(StudyFilter::default, |text| StudyFilter::from_saved(&text)),
        ),
        notice: RwSignal::new(loaded.notice.map(|n| n.to_string())),
    };
    let progress = state.progress;
    let notice = state.notice;
    Effect::new(move |previous: Option<()>| {
        progress.track();
        // The first run is the load itself: nothing new to save.
        if previous.is_none() || !may_save {
            return;
        }
        if let Err(error) = progress.with_untracked(|p| ProgressStore::save(&mut storage, p)) {
            notice.set(Some(format!(
                "Your latest progress could not be saved: {error}"
            )));
        }
    });
    // The chosen filter is remembered in this browser, so a reload studies the same choice.
    let filter = state.filter;
    let mut filter_storage = BrowserStorage::local();
    Effect::new(move |previous: Option<()>| {
        let text = filter.with(StudyFilter::to_saved);
        if previous.is_some() {
            // A preference: failing to keep it is not worth a notice.
            let _ = filter_storage.set(FILTER_KEY, &text);
        }
    });
    provide_context(state);
    state
}

pub fn use_study() -> StudyState {
    expect_context::<StudyState>()
}

/// "17 new · 1 learning · 3 to review": what a review would bring, in Anki's three counts.
pub fn review_counts_label(counts: QueueCounts) -> String {
    format!(
        "{} new · {} learning · {} to review",
        counts.new_today(),
        counts.learning,
        counts.review_due()
    )
}
