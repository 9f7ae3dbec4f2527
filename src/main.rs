//! Entry point: mount the app. Everything else lives in `app` and the engine crate.

use interview_prep::app::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The build's copy of the page is already there: let it paint first (a frame, then a task),
    // then start in two tasks, reading the deck and then mounting, so no single task holds a
    // slow phone's main thread for long (much of each is V8 compiling the wasm functions it
    // calls for the first time).
    request_animation_frame(|| {
        next_task(|| {
            let _ = interview_prep::deck::compiled_deck();
            next_task(|| {
                mount_to_body(App);
                take_over_prerendered_page();
            });
        });
    });
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

/// For the search benchmark (`scripts/search-bench.sh`) and anyone scripting the page: builds
/// the search index if no search has yet, and returns how many bytes of the download its
/// source takes. Trunk puts exports on `window.wasmBindings`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prep_search_load() -> u32 {
    let deck = interview_prep::deck::compiled();
    deck.search();
    u32::try_from(deck.search_source_bytes()).unwrap_or(u32::MAX)
}

/// The deck indices of the best `limit` cards for `query`, best first: what the search page
/// ranks, without titles and snippets.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prep_search(query: &str, limit: u32) -> Vec<u32> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    interview_prep::deck::compiled()
        .search()
        .ranked(query, limit)
        .into_iter()
        .map(|(card, _)| u32::try_from(card).unwrap_or(u32::MAX))
        .collect()
}
