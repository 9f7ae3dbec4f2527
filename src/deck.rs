//! The deck the app studies. `build.rs` compiled the content natively (rendered answers,
//! questions, prompts, key points, drills); the app reads that compiled deck once at start-up,
//! holds no markdown parser or practice linter of its own (see ARCHITECTURE.md), and hands it
//! to every screen through context ([`provide_deck`], [`use_deck`]), as Leptos's todomvc hands
//! out its state: no screen reaches for a global, so a deck chosen at run time can take its
//! place.

use leptos::prelude::*;
use prep_engine::compiled::{CompiledDeck, LoadError};
use prep_engine::content::{Deck, DeckId};

/// The compiled deck's bytes up to its question bank, from `build.rs`: the one deck built into
/// the app. The bank is a file beside the app, fetched by the practice screens
/// (`components::question_bank`).
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled-deck-without-bank.bin"));

/// The built-in deck's question bank, for native code: the page writer puts it beside the app
/// (`src/bin/route-pages.rs`), and native tests study the whole deck. No code of the app's wasm
/// names it, so the wasm never carries it (the size test would see 60 KB if it did).
pub const QUESTION_BANK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/question-bank.bin"));

/// Reads the built-in deck from its bytes (each call reads it anew: the caller keeps it): in
/// the browser without its question bank, natively with it. Recorded as a User Timing entry ("prep:deck-load") in the browser, so start-up cost can be
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
    {
        let deck = CompiledDeck::read_static(EMBEDDED)?;
        deck.attach_bank(QUESTION_BANK)?;
        Ok(deck)
    }
}

/// Why no deck could be opened for this page.
#[derive(Debug, Clone)]
pub enum Unopened {
    /// The built-in deck's bytes do not read: a broken build.
    Broken(&'static LoadError),
    /// The page is a brought deck's that this browser does not keep.
    NotHere(DeckId),
    /// The library could not be read, or the deck compiled.
    Unreadable(String),
}

/// Reads deck `id` from the library. A deck saved by an earlier version whose compiled form no
/// longer reads is compiled again from the markdown kept beside it (in the worker) and saved.
pub async fn load_brought(id: &DeckId) -> Result<CompiledDeck, Unopened> {
    let unreadable = |why: String| Unopened::Unreadable(why);
    let mut saved = crate::deck_library::get(id)
        .await
        .map_err(|error| unreadable(error.to_string()))?
        .ok_or_else(|| Unopened::NotHere(id.clone()))?;
    // The bytes live as long as the page, as the embedded deck's do, so they are read in place
    // (and the app links one deck reader, not a second that copies).
    let page_life =
        |bytes: &[u8]| -> &'static [u8] { Box::leak(bytes.to_vec().into_boxed_slice()) };
    if let Ok(deck) = CompiledDeck::read_static(page_life(&saved.compiled)) {
        return Ok(deck);
    }
    saved.compiled = crate::compile_worker::compile(&format!("{id}.md"), &saved.markdown)
        .await
        .map_err(|errors| unreadable(errors.join("\n")))?;
    // Kept for the next visit; if it cannot be, the next visit compiles it again.
    let _ = crate::deck_library::put(&saved).await;
    CompiledDeck::read_static(page_life(&saved.compiled))
        .map_err(|error| unreadable(error.to_string()))
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
