//! Renders the deck's own markdown. The engine escapes all text and any raw HTML in it,
//! and only content compiled into the app reaches here, never anything a person typed.

use leptos::prelude::*;

/// A block of rendered markdown (an answer, a definition).
#[component]
pub fn Markdown(markdown: &'static str) -> impl IntoView {
    let html = prep_engine::markdown::to_html(markdown);
    view! { <div class="prose" inner_html=html></div> }
}
