//! The embedded deck. `build.rs` compiled the content natively (rendered answers, questions,
//! prompts, key points, drills); the app reads that compiled deck once at start-up and holds no
//! markdown parser or practice linter of its own (see ARCHITECTURE.md).

use std::sync::OnceLock;

use prep_engine::compiled::{CompiledDeck, LoadError};
use prep_engine::content::Deck;

/// The compiled deck's bytes, from `build.rs`.
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled-deck.bin"));

/// The compiled deck, or why it could not be read (only a broken build can cause that).
pub fn compiled_deck() -> Result<&'static CompiledDeck, &'static LoadError> {
    static DECK: OnceLock<Result<CompiledDeck, LoadError>> = OnceLock::new();
    DECK.get_or_init(timed_load).as_ref()
}

/// Recorded as a User Timing entry ("prep:deck-load") so start-up cost can be read in
/// DevTools and by the start-up benchmark, with no logging in the app.
#[cfg(target_arch = "wasm32")]
fn timed_load() -> Result<CompiledDeck, LoadError> {
    let performance = web_sys::window().and_then(|w| w.performance());
    let _ = performance.as_ref().map(|p| p.mark("prep:deck-load-start"));
    let loaded = CompiledDeck::read_static(COMPILED);
    let _ = performance
        .as_ref()
        .map(|p| p.measure_with_start_mark("prep:deck-load", "prep:deck-load-start"));
    loaded
}

/// Natively (the build's page writer, `src/prerender.rs`) there is no browser to time it in.
#[cfg(not(target_arch = "wasm32"))]
fn timed_load() -> Result<CompiledDeck, LoadError> {
    CompiledDeck::read_static(COMPILED)
}

/// The compiled deck for views that only render once start-up has succeeded (see `App`).
pub fn compiled() -> &'static CompiledDeck {
    compiled_deck().expect("App renders routes only after the deck loaded")
}

/// Its structure: parts, sections, lists and cards.
pub fn loaded_deck() -> &'static Deck {
    compiled().deck()
}

/// The fingerprint of the content the deck was compiled from: state saved against one
/// deploy's deck (a sitting's card indices) is only read back by the same deck, since an
/// edited deck may put other cards at those indices.
pub fn content_fingerprint() -> &'static str {
    &compiled().fingerprint
}

pub use prep_engine::compiled::fingerprint;
