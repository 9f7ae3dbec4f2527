//! The search field in every page's header. Typing searches at once: the first keystroke
//! opens the search page, later ones replace its URL (`?q=`), so Back leaves search in one
//! step and the field always shows what the page found. `/` focuses it from anywhere but a
//! text field; Enter moves to the first result. Focusing it builds the search index (tens of
//! milliseconds, once), so the first key does not wait for it.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::base_path::href;
use crate::components::keys::on_search_key;
use crate::deck::use_deck;
use crate::paths::{SEARCH_PATH, SEARCH_QUERY, search_path};

/// The id of the first result's link, where Enter in the field moves the focus.
pub const FIRST_RESULT_ID: &str = "first-search-result";

#[component]
pub fn SearchBox() -> impl IntoView {
    let deck = use_deck();
    // The header lives as long as the app: the shell's own behaviours start here.
    let location = use_location();
    let query = use_query_map();
    let navigate = use_navigate();
    let on_search_page = move || {
        location
            .pathname
            .with(|path| path.trim_end_matches('/').ends_with(SEARCH_PATH))
    };
    let shown = move || {
        if on_search_page() {
            query.with(|query| query.get(SEARCH_QUERY).unwrap_or_default())
        } else {
            String::new()
        }
    };
    let search = move |text: String| {
        let options = NavigateOptions {
            resolve: false,
            replace: on_search_page(),
            scroll: false,
            ..Default::default()
        };
        navigate(&href(&search_path(&text)), options);
    };
    let input = NodeRef::<leptos::html::Input>::new();
    on_search_key(move || {
        if let Some(field) = input.get() {
            let _ = field.focus();
            field.select();
        }
    });
    view! {
        <form role="search" aria-label="Cards" class="site-search" on:submit=move |event| {
            event.prevent_default();
            if let Some(first) = document().get_element_by_id(FIRST_RESULT_ID) {
                use wasm_bindgen::JsCast;
                if let Ok(link) = first.dyn_into::<web_sys::HtmlElement>() {
                    let _ = link.focus();
                }
            }
        }>
            <label for="site-search" class="visually-hidden">"Search cards"</label>
            <input
                id="site-search"
                node_ref=input
                type="search"
                name="q"
                placeholder="Search cards"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-keyshortcuts="/"
                prop:value=shown
                on:focus=move |_| {
                    // Build the index now, between focus and the first key, not on that key.
                    deck.search();
                }
                on:input=move |event| search(event_target_value(&event))
            />
            <kbd class="search-key" aria-hidden="true">"/"</kbd>
        </form>
    }
}
