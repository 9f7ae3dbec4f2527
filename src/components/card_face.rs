//! How a card is asked and answered in study modes, for each kind of card.

use leptos::prelude::*;
use prep_engine::content::{CardKind, Deck, ListKind};

use crate::components::answer::{AnswerBlock, AnswerDetail};
use crate::components::card_labels::card_title;

/// The question side: a short instruction and the prompt itself.
pub fn front(deck: &Deck, card: usize) -> (String, String) {
    let c = &deck.cards[card];
    match c.kind {
        CardKind::Question { .. } => ("Interview question".into(), card_title(c)),
        CardKind::Definition => ("Define the term".into(), c.prompt.clone()),
        CardKind::OneLiner { list } => (
            format!("Explain this one-liner from {}", deck.lists[list].title),
            c.prompt.clone(),
        ),
        CardKind::GuideItem { list } => (
            format!("Choose or avoid {} when\u{2026}", deck.lists[list].subject),
            c.prompt.clone(),
        ),
    }
}

/// The answer side, rendered.
pub fn back(deck: &'static Deck, card: usize) -> AnyView {
    let c = &deck.cards[card];
    match c.kind {
        CardKind::Question { .. } | CardKind::Definition => {
            view! { <AnswerBlock card/> }.into_any()
        }
        CardKind::OneLiner { list } => view! {
            <AnswerDetail card/>
            <p class="muted">{deck.lists[list].title.clone()}</p>
        }
        .into_any(),
        CardKind::GuideItem { list } => {
            let l = &deck.lists[list];
            let verdict = match l.kind {
                ListKind::AvoidWhen => "Avoid",
                _ => "Choose",
            };
            view! {
                <p class="guide-verdict"><strong>{format!("{verdict} {}", l.subject)}</strong></p>
                <p class="muted">{format!("From the decision guide: {}", l.title)}</p>
            }
            .into_any()
        }
    }
}
