//! A link to a card's page, titled as the card introduces itself.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::card_labels::card_title;
use crate::deck::use_cards;
use crate::paths::card_path;

#[component]
pub fn CardLink(
    /// Index into the deck's cards.
    card: usize,
) -> impl IntoView {
    let card = &use_cards().cards[card];
    view! { <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A> }
}

/// Cards as a list of links, in the order given: what a summary, a leech list or a section
/// shows.
#[component]
pub fn CardList(
    /// Indices into the deck's cards.
    cards: Vec<usize>,
) -> impl IntoView {
    view! {
        <ul class="card-list">
            {cards.into_iter().map(|card| view! { <li><CardLink card=card/></li> }).collect_view()}
        </ul>
    }
}
