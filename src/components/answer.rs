//! A card's answer as the build rendered it. The engine escaped all text and any raw HTML in
//! the deck's markdown at build time, and only the compiled deck reaches here, never anything
//! a person typed.

use leptos::prelude::*;

use crate::deck::use_deck;

/// A question's or definition's rendered answer.
#[component]
pub fn AnswerBlock(card: usize) -> impl IntoView {
    view! { <div class="prose" inner_html=use_deck().answer_html(card)></div> }
}

/// A one-liner's rendered detail.
#[component]
pub fn AnswerDetail(card: usize) -> impl IntoView {
    view! { <p class="one-liner-detail" inner_html=use_deck().answer_html(card)></p> }
}
