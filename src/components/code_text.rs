//! Authored practice text: plain text with `` `code` `` spans, shown with the code in a code
//! face. Built from text nodes and `<code>` elements, never `inner_html`, so nothing in an item
//! can become markup.

use leptos::prelude::*;
use prep_engine::practice::code_spans;

/// `text` with each `` `span` `` as a `<code>` element.
#[component]
pub fn CodeText(#[prop(into)] text: String) -> impl IntoView {
    code_spans(&text)
        .map(|(code, piece)| {
            if code {
                view! { <code>{piece.to_owned()}</code> }.into_any()
            } else {
                piece.to_owned().into_any()
            }
        })
        .collect_view()
}
