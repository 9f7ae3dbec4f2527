//! Text with some words highlighted (a search result's title and snippet): `<mark>`s around
//! plain text nodes, never HTML from the text.

use leptos::prelude::*;
use prep_engine::search::Marked;

#[component]
pub fn MarkedText(marked: Marked) -> impl IntoView {
    marked
        .pieces()
        .into_iter()
        .map(|(text, highlighted)| {
            let text = text.to_owned();
            if highlighted {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}
