//! Entry point: mount the app. Everything else lives in `app` and the engine crate.

use interview_prep::app::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
    take_over_prerendered_page();
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
