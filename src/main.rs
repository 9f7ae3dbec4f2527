//! Entry point: mount the app. Everything else lives in `app` and the engine crate.

use std::cell::OnceCell;

use interview_prep::app::App;
use interview_prep::base_path::opened_deck;
use interview_prep::deck::{Unopened, load_brought, load_embedded};
use leptos::prelude::*;
use prep_engine::compiled::CompiledDeck;

fn main() {
    // Prints a panic's message in a stable build. The release build (scripts/wasm-toolchain.sh)
    // traps at once without running it; index.html's fault notice tells the person either way.
    console_error_panic_hook::set_once();
    // The build's copy of the page is already there: let it paint first (a frame, then a task),
    // then start in two tasks, reading the deck and then mounting, so no single task holds a
    // slow phone's main thread for long (much of each is V8 compiling the wasm functions it
    // calls for the first time).
    request_animation_frame(|| {
        next_task(|| match opened_deck() {
            None => {
                let loaded = load_embedded().map_err(|error| Unopened::Broken(leak(error)));
                next_task(move || start(loaded));
            }
            // A deck brought to this browser: read from its library (IndexedDB) first.
            // (Leptos's executor is set up by mounting, so this first task runs on the browser's.)
            Some(id) => {
                wasm_bindgen_futures::spawn_local(async move { start(load_brought(id).await) })
            }
        });
    });
}

/// Mounts the app for the deck read (kept for the page's life: the app hands it to every
/// screen, `deck::use_deck`), or for why none could be read.
fn start(loaded: Result<CompiledDeck, Unopened>) {
    let loaded = loaded.map(leak);
    mount_to_body(move || view! { <App loaded=loaded/> });
    take_over_prerendered_page();
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn next_task(run: impl FnOnce() + 'static) {
    set_timeout(run, std::time::Duration::ZERO);
}

/// The app has rendered its page: the build's copy of it (`src/prerender.rs`) goes, in the same
/// task, so no frame shows both or neither. `data-app="running"` on `<html>` then tells styles
/// and tests that the app, not the static page, is on screen.
fn take_over_prerendered_page() {
    let document = document();
    let selector = format!("[{}]", interview_prep::prerender::PRERENDERED_ATTRIBUTE);
    while let Ok(Some(prerendered)) = document.query_selector(&selector) {
        prerendered.remove();
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "running");
    }
}

thread_local! {
    /// The search benchmark's own copy of the built-in deck (the app's lives in its context,
    /// out of reach of a script): loaded on the first call, for the page's life.
    static BENCH_DECK: OnceCell<Option<&'static CompiledDeck>> = const { OnceCell::new() };
}

/// The benchmark's copy of the deck (`None` only for a broken build).
fn bench_deck() -> Option<&'static CompiledDeck> {
    BENCH_DECK.with(|cell| {
        *cell.get_or_init(|| load_embedded().ok().map(|deck| &*Box::leak(Box::new(deck))))
    })
}

/// For the search benchmark (`scripts/search-bench.sh`) and anyone scripting the page: builds
/// the search index if no search has yet, and returns how many bytes of the download its
/// source takes. Trunk puts exports on `window.wasmBindings`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prep_search_load() -> u32 {
    let Some(deck) = bench_deck() else {
        return 0;
    };
    deck.search();
    u32::try_from(deck.search_source_bytes()).unwrap_or(u32::MAX)
}

/// The deck indices of the best `limit` cards for `query`, best first: what the search page
/// ranks, without titles and snippets.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prep_search(query: &str, limit: u32) -> Vec<u32> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    bench_deck()
        .map(|deck| deck.search().ranked(query, limit))
        .unwrap_or_default()
        .into_iter()
        .map(|(card, _)| u32::try_from(card).unwrap_or(u32::MAX))
        .collect()
}
