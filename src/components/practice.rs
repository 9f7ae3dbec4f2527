//! Practicing one card: study screens opened with `?card=<id>` (from a card's page, and soon
//! from search results) study that card alone instead of the chosen selection.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use prep_engine::compiled::CompiledDeck;
use prep_engine::study::StudyFilter;

use crate::base_path::href;
use crate::components::card_labels::card_title;

use crate::deck::use_cards;
use crate::paths::{
    CARD_QUERY, FILL_IN_PATH, QUIZ_PATH, RECALL_PATH, REVIEW_PATH, card_path, practice_path,
};
use crate::state::use_study;

/// The card a study screen was opened for (deck index), read once when the screen opens: a
/// sitting's plan is fixed when it starts.
pub fn practiced_card() -> Option<usize> {
    let id = use_query_map().with_untracked(|query| query.get(CARD_QUERY))?;
    use_cards().card_index(&id)
}

/// What a study screen's sitting is planned from besides its URL (see
/// `Sitting::here_for`): nothing for one card, else the study selection, so a sitting is
/// resumed only while the selection it was drawn from is still the one chosen.
pub fn selection_plan(single: Option<usize>) -> String {
    if single.is_some() {
        return String::new();
    }
    use_study().filter.with_untracked(StudyFilter::to_saved)
}

/// "Practicing one card: <title>", linking back to the card, above a one-card session.
#[component]
pub fn PracticingOne(card: usize) -> impl IntoView {
    let card = &use_cards().cards[card];
    view! {
        <p class="practising muted">
            "Practicing one card: "
            <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A>
        </p>
    }
}

/// A way to practise a card besides flipping it; not every card has material for each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PracticeMode {
    /// Authored multiple choice and true or false (`/quiz`).
    Choose,
    /// Authored fill-ins: type the term a blank stands for (`/fill-in`).
    FillIn,
    /// Write the answer from memory (`/recall`).
    Recall,
}

impl PracticeMode {
    /// The study screen of this mode.
    pub fn path(self) -> &'static str {
        match self {
            PracticeMode::Choose => QUIZ_PATH,
            PracticeMode::FillIn => FILL_IN_PATH,
            PracticeMode::Recall => RECALL_PATH,
        }
    }

    /// Whether this mode has something in `deck` to ask about `card`: links never lead to an
    /// empty round.
    pub fn has_material(self, deck: &CompiledDeck, card: usize) -> bool {
        match self {
            PracticeMode::Choose => deck.has_choice(card),
            PracticeMode::FillIn => deck.has_fill_in(card),
            PracticeMode::Recall => deck.has_key_points(card),
        }
    }

    /// Whether this mode has something to ask about any of `cards`.
    pub fn has_material_for_any(self, deck: &CompiledDeck, cards: &[usize]) -> bool {
        cards.iter().any(|&card| self.has_material(deck, card))
    }
}

/// One way to practise one card: where it goes, its name and what it asks.
pub struct PracticeLink {
    pub href: String,
    pub name: &'static str,
    pub detail: &'static str,
}

/// The ways to practise `card` alone, flipping first, then only the modes with something to
/// ask about it: what a card's page and a search result offer.
pub fn practice_links(deck: &CompiledDeck, card: usize) -> Vec<PracticeLink> {
    let id = deck.deck().cards[card].id.as_str();
    let modes = [
        (
            PracticeMode::Recall,
            "Recall",
            "write the answer from memory",
        ),
        (
            PracticeMode::FillIn,
            "Fill in",
            "type the term a blank stands for",
        ),
        (
            PracticeMode::Choose,
            "Choose",
            "multiple choice and true or false",
        ),
    ]
    .into_iter()
    .filter(|(mode, ..)| mode.has_material(deck, card))
    .map(|(mode, name, detail)| (mode.path(), name, detail));
    std::iter::once((REVIEW_PATH, "Flip", "see the answer, grade yourself"))
        .chain(modes)
        .map(|(path, name, detail)| PracticeLink {
            href: href(&practice_path(path, id)),
            name,
            detail,
        })
        .collect()
}
