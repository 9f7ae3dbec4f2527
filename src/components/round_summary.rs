//! The end of a practice round (quiz, drill, fill-in): the first-try score, the cards missed,
//! and the way on ([`SummaryActions`], shared by every sitting's end), which takes the keyboard
//! focus (one Enter starts another round).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::card_labels::card_title;
use crate::components::come_back::ComeBack;
use crate::components::keys::focus_when_mounted;
use crate::deck::use_cards;
use crate::paths::{STUDY_PATH, card_path};

#[component]
pub fn RoundSummary(
    /// "Quiz complete", "Drill complete".
    heading: &'static str,
    /// "7 of 10 right the first time".
    score: String,
    /// Cards missed at the first attempt, in the order asked.
    missed: Vec<usize>,
    /// The button that starts another round, and its label.
    again_label: &'static str,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let mut missed = missed;
    let mut seen = std::collections::HashSet::new();
    missed.retain(|card| seen.insert(*card));
    view! {
        <div class="summary">
            <h2>{heading}</h2>
            <p class="score">{score}</p>
            {(!missed.is_empty()).then(|| view! {
                <h3>"Review these"</h3>
                <p class="muted">"A miss on a card you have studied counts as Again, so it comes back in your reviews within minutes; a card you have not studied yet stays new."</p>
                <ul class="card-list">
                    {missed.iter().map(|&c| {
                        let card = &deck.cards[c];
                        view! { <li><A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A></li> }
                    }).collect_view()}
                </ul>
            })}
            <SummaryActions again_label on_again/>
        </div>
    }
}

/// The way on from the end of any sitting: another one (focused, so one Enter starts it) or
/// back to the study page.
#[component]
pub fn SummaryActions(
    /// "Another quiz", "New interview".
    again_label: &'static str,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let again = NodeRef::new();
    focus_when_mounted(again);
    view! {
        <ComeBack/>
        <p class="button-row">
            <button class="primary" node_ref=again on:click=move |_| on_again()>{again_label}</button>
            <A href=href(STUDY_PATH) attr:class="button">"Back to study"</A>
        </p>
    }
}
