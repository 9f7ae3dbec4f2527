//! A link to a card's page, titled as the card introduces itself.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::card_labels::card_title;
use crate::deck::loaded_deck;
use crate::paths::card_path;

#[component]
pub fn CardLink(
    /// Index into the deck's cards.
    card: usize,
) -> impl IntoView {
    let card = &loaded_deck().cards[card];
    view! { <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A> }
}
