//! The deck the app studies. `build.rs` compiled the content natively (rendered answers,
//! questions, prompts, key points, drills); the app reads that compiled deck once at start-up,
//! holds no markdown parser or practice linter of its own (see ARCHITECTURE.md), and hands it
//! to every screen through context ([`provide_deck`], [`use_deck`]), as Leptos's todomvc hands
//! out its state: no screen reaches for a global, so a deck chosen at run time can take its
//! place.

use leptos::prelude::*;
use prep_engine::compiled::{CompiledDeck, LoadError};
use prep_engine::content::Deck;

/// The compiled deck's bytes, from `build.rs`: the one deck built into the app.
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled-deck.bin"));

/// Reads the built-in deck from its bytes (each call reads it anew: the caller keeps it).
/// Recorded as a User Timing entry ("prep:deck-load") in the browser, so start-up cost can be
/// read in DevTools and by the start-up benchmark, with no logging in the app.
pub fn load_embedded() -> Result<CompiledDeck, LoadError> {
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|w| w.performance());
        let _ = performance.as_ref().map(|p| p.mark("prep:deck-load-start"));
        let loaded = CompiledDeck::read_static(EMBEDDED);
        let _ = performance
            .as_ref()
            .map(|p| p.measure_with_start_mark("prep:deck-load", "prep:deck-load-start"));
        loaded
    }
    #[cfg(not(target_arch = "wasm32"))]
    CompiledDeck::read_static(EMBEDDED)
}

/// The deck the screens study, as provided by `App`. A deck lives as long as the page (one is
/// loaded at start-up, and a deck brought at run time is kept while the tab is open), so it is
/// handed out as `&'static`: views capture it in their closures without counting references.
#[derive(Clone, Copy)]
struct StudiedDeck(&'static CompiledDeck);

/// Makes `deck` the one every screen under the calling component studies.
pub fn provide_deck(deck: &'static CompiledDeck) {
    provide_context(StudiedDeck(deck));
}

/// The deck provided by `App`; call it while a component is being created (as any context),
/// then capture the reference in closures and handlers.
pub fn use_deck() -> &'static CompiledDeck {
    expect_context::<StudiedDeck>().0
}

/// The studied deck's structure: parts, sections, lists and cards.
pub fn use_cards() -> &'static Deck {
    use_deck().deck()
}

pub use prep_engine::compiled::fingerprint;
