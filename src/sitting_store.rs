//! Sittings in progress (a quiz, a drill, a mock interview...) kept in this tab's
//! `sessionStorage`, so that following a link to a card and pressing Back, or reloading the
//! page, goes on where the learner was instead of starting over.
//!
//! One sitting per key; the key is the screen's route path and query (`/quiz` and
//! `/quiz?card=x` are different sittings), and for screens that draw on the study selection,
//! a fingerprint of that selection too ([`Sitting::here_for`]). The saved value is a header
//! line holding a format version, a fingerprint of the deck's content (a new deploy with
//! other content drops stale sittings instead of showing other cards at their indices) and
//! the sitting's id, then the engine state packed by `prep_engine::packed`. Anything
//! unreadable, from another deck or of another shape is ignored and replaced by a new sitting:
//! never an error, never a panic. Storage that is blocked or full only means nothing is restored.
//!
//! Use: `let sitting = Sitting::here(|| Round::new(..)); let round = sitting.state();` in
//! the view that shows the sitting; events update `round` (each change is saved); a "New
//! quiz" button calls `sitting.forget()` and rebuilds that view, which starts a new one.
//!
//! **Finished sittings.** A sitting in progress is restored whenever its screen opens again
//! in this tab (Back, a reload, or opening the mode again from a link: the learner goes on
//! where they left off). A finished one (its summary on screen) is restored only on the same
//! history entry, that is after a reload or Back/Forward to it (say, from a missed card the
//! summary links to), so the summary stays; opening the mode anew from a link starts a new
//! sitting. To tell the two apart, the history entry that saw the sitting finish is marked
//! with the sitting's id (`history.replaceState`); the browser keeps that mark across reloads
//! and hands it back on Back/Forward, while a new navigation gets a new, unmarked entry.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use prep_engine::packed;
use prep_engine::storage::Storage;
use prep_engine::study::{MockConfig, MockInterview, PracticeRound, ReviewSession};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::browser_storage::BrowserStorage;
use crate::clock::seed;
use crate::deck::{fingerprint, use_deck};

/// Storage keys are this prefix followed by the sitting's key (route path and query).
pub const SITTING_KEY_PREFIX: &str = "interview-prep/sitting:";

/// Bump when a saved sitting of the old shape could still parse but mean something else.
const FORMAT: u32 = 2;

/// The property of `history.state` that marks an entry as showing a finished sitting.
const HISTORY_MARK: &str = "prepSitting";

/// Engine state a screen keeps as a sitting: serialisable, and able to say whether it ended.
pub trait SittingState: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// Whether the sitting is over (its summary shows); see the module docs for what a
    /// finished sitting restores to.
    fn is_finished(&self) -> bool;
}

/// A sitting's state, restored from this tab's storage or newly started, and saved on
/// every change until the view that opened it unmounts.
pub struct Sitting<S: 'static> {
    storage_key: StoredValue<String>,
    state: RwSignal<S>,
}

impl<S> Clone for Sitting<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Sitting<S> {}

impl<S: SittingState> Sitting<S> {
    /// The sitting of the current route (path and query, from the router), restored or
    /// started with `start`. Call it where the screen's state is created; see
    /// [`Self::restore_or_start`].
    pub fn here(start: impl FnOnce() -> S) -> Self {
        Self::restore_or_start(&route_key(), start)
    }

    /// As [`Self::here`], for a sitting planned from `plan` as well as from the URL (say, the
    /// study selection as JSON): a sitting is only resumed for the plan it was started for,
    /// so choosing other sections on the study page starts a new one rather than resuming a
    /// quiz on the old ones (which stays saved, should the learner choose them again).
    pub fn here_for(plan: &str, start: impl FnOnce() -> S) -> Self {
        let key = format!("{}|{}", route_key(), fingerprint(plan));
        Self::restore_or_start(&key, start)
    }

    /// Restores the sitting saved under `key` if there is a readable one for this deck (a
    /// finished one only on the history entry that saw it finish), else starts one with
    /// `start`; then saves it after every change (an Effect owned by the caller's view).
    pub fn restore_or_start(key: &str, start: impl FnOnce() -> S) -> Self {
        let storage_key = format!("{SITTING_KEY_PREFIX}{key}");
        // Saved state holds card indices: it is read back only by the deck it was saved for.
        let deck: &'static str = &use_deck().fingerprint;
        let restored = read::<S>(deck, &storage_key)
            .filter(|saved| !saved.state.is_finished() || entry_marked(&storage_key, saved.id));
        let (id, state) = match restored {
            Some(saved) => (saved.id, saved.state),
            None => (seed(), start()),
        };
        let state = RwSignal::new(state);
        let save_key = storage_key.clone();
        // Boxed, so every kind of sitting shares one compiled Effect (a smaller wasm).
        let save: Box<dyn Fn(Option<bool>) -> bool + Send + Sync> = Box::new(move |was_finished| {
            let finished = state.with(|state| {
                if let Some(packed_state) = packed::pack(state) {
                    write(deck, &save_key, id, &packed_state);
                }
                state.is_finished()
            });
            // Marked when it finishes, which is a learner's action long after the
            // navigation that opened the screen completed (so this entry is the screen's).
            if finished && was_finished == Some(false) {
                mark_entry(&save_key, id);
            }
            finished
        });
        Effect::new(save);
        Sitting {
            storage_key: StoredValue::new(storage_key),
            state,
        }
    }

    /// The sitting's state: views read it, events update it (and so save it).
    pub fn state(&self) -> RwSignal<S> {
        self.state
    }

    /// Drops the saved sitting, when the learner starts a new one: the screen then rebuilds
    /// the view that calls [`Self::here`], which starts afresh.
    pub fn forget(&self) {
        self.storage_key
            .with_value(|key| drop(BrowserStorage::session().remove(key)));
    }
}

/// The current route's path and query (`/quiz?card=x`), from the router: during an in-app
/// navigation the router already has the new URL while the address bar still shows the old
/// one. A screen with two sittings keys the second one from this (`/mock#setup`).
pub fn route_key() -> String {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// A practice round is over when its queue is empty (its summary shows).
impl<T, R> SittingState for PracticeRound<T, R>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    R: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    fn is_finished(&self) -> bool {
        PracticeRound::is_finished(self)
    }
}

/// A flashcard sitting is over when its queue is empty; its undo steps travel with it, so a
/// grade can be taken back after a reload.
impl SittingState for ReviewSession {
    fn is_finished(&self) -> bool {
        ReviewSession::is_finished(self)
    }
}

/// No sitting yet (a screen's picker or setup form) is not a finished one.
impl<S: SittingState> SittingState for Option<S> {
    fn is_finished(&self) -> bool {
        self.as_ref().is_some_and(S::is_finished)
    }
}

/// A mock interview is over once its last question is judged.
impl SittingState for MockInterview {
    fn is_finished(&self) -> bool {
        MockInterview::is_finished(self)
    }
}

/// The mock interview's setup form: kept while the learner comes and goes, never "over".
impl SittingState for MockConfig {
    fn is_finished(&self) -> bool {
        false
    }
}

/// A saved sitting as read back: its id and state.
struct Saved<S> {
    id: u64,
    state: S,
}

/// The first line of a saved sitting: format, deck fingerprint and sitting id; the packed
/// state follows on the next line. A plain header rather than a serde envelope, so reading it
/// is one small function for every kind of sitting.
fn header(deck: &str, id: u64) -> String {
    format!("{FORMAT} {deck} {id}")
}

/// The saved sitting under `key`, if it is readable, of this format and for this deck.
fn read<S: DeserializeOwned>(deck: &str, key: &str) -> Option<Saved<S>> {
    let text = BrowserStorage::session().get(key).ok()??;
    let (id, packed_state) = read_header(deck, &text)?;
    let state = packed::unpack(packed_state)?;
    Some(Saved { id, state })
}

/// The sitting id and packed state of a saved sitting of this format and deck.
fn read_header<'a>(deck: &str, text: &'a str) -> Option<(u64, &'a str)> {
    let (head, state) = text.split_once('\n')?;
    let id = head.rsplit_once(' ')?.1.parse().ok()?;
    (head == header(deck, id)).then_some((id, state))
}

/// Saves the sitting; a failure (storage blocked or full) only means it will not be
/// restored, so it is not worth a notice.
fn write(deck: &str, key: &str, id: u64, state: &str) {
    let _ = BrowserStorage::session().set(key, &format!("{}\n{state}", header(deck, id)));
}

/// "key#id": what marks a history entry for one sitting.
fn mark(key: &str, id: u64) -> String {
    format!("{key}#{id}")
}

/// Marks the current history entry as showing this (finished) sitting. The app sets no
/// history state of its own, so replacing it loses nothing.
fn mark_entry(key: &str, id: u64) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &state,
        &JsValue::from_str(HISTORY_MARK),
        &JsValue::from_str(&mark(key, id)),
    );
    let _ = history.replace_state(&state, "");
}

/// Whether the current history entry is marked with this sitting.
fn entry_marked(key: &str, id: u64) -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .filter(JsValue::is_object)
        .and_then(|state| js_sys::Reflect::get(&state, &JsValue::from_str(HISTORY_MARK)).ok())
        .and_then(|value| value.as_string())
        .is_some_and(|value| value == mark(key, id))
}
