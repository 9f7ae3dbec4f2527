//! The way on after a sitting: each useful next sitting is one link, the first of them focused
//! so Enter takes it. A learner never meets a dead end.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::compiled::CompiledDeck;
use prep_engine::content::CardId;
use prep_engine::study::{NextStep, SittingRequest, custom_study, next_steps};

use crate::clock::{now, today};
use crate::components::practice::PracticeMode;
use crate::components::sitting::sitting_href;
use crate::deck::use_deck;
use crate::paths::{REVIEW_PATH, STUDY_PATH};
use crate::state::use_study;

/// One link of the list: where it goes, what it says, and a detail in muted text.
struct NextLink {
    href: String,
    label: String,
    detail: &'static str,
}

/// "What next?": the next sittings the engine proposes for `seen` (the cards just studied)
/// under the sitting's filter, read once.
#[component]
pub fn NextSteps(
    /// The cards just studied, in the order first seen.
    seen: Vec<usize>,
    /// The filter the sitting studied.
    filter: prep_engine::study::StudyFilter,
) -> impl IntoView {
    let bank = use_deck();
    let deck = bank.deck();
    let study = use_study();
    let at = now();
    let steps = study
        .progress
        .with_untracked(|p| next_steps(deck, p, &filter, &seen, at, today(at)));
    let links: Vec<NextLink> = steps
        .iter()
        .flat_map(|step| links_for(bank, step))
        .collect();
    view! {
        <section class="next-steps" aria-labelledby="next-steps-title">
            <h3 id="next-steps-title">"What next?"</h3>
            <StepLinks links=links focus_first=true/>
            <p><A href=crate::base_path::href(STUDY_PATH)>"All study modes and settings"</A></p>
        </section>
    }
}

/// Custom study on the study page, as in Anki: more new cards than today's limit, the weak
/// cards, or practice that leaves schedules alone, for the current selection.
#[component]
pub fn CustomStudy() -> impl IntoView {
    let bank = use_deck();
    let options = custom_study_options(bank);
    view! {
        <details class="panel custom-study">
            <summary>"Custom study"</summary>
            <p class="muted small">"Beyond today\u{2019}s plan, for the cards selected below."</p>
            {move || {
                let links: Vec<NextLink> = options.get().iter().flat_map(|step| links_for(bank, step)).collect();
                view! { <StepLinks links=links focus_first=false/> }
            }}
        </details>
    }
}

/// With nothing to review now, the most useful sitting meanwhile, as home's main button: new
/// cards beyond today's plan, the weak cards, or cramming (the first of [`custom_study`]).
#[component]
pub fn MeanwhileLink() -> impl IntoView {
    let bank = use_deck();
    let options = custom_study_options(bank);
    let first = Memo::new(move |_| {
        options
            .get()
            .first()
            .and_then(|step| links_for(bank, step).into_iter().next())
            .map(|link| (link.href, link.label))
    });
    move || {
        first.get().map(|(link, label)| {
            view! { <a href=link class="button primary-link">{label}</a> }
        })
    }
}

/// What custom study offers for the saved selection (see [`custom_study`]), kept up to date as
/// progress and the selection change.
fn custom_study_options(bank: &'static CompiledDeck) -> Memo<Vec<NextStep>> {
    let study = use_study();
    Memo::new(move |_| {
        let at = now();
        study.progress.with(|p| {
            study
                .filter
                .with(|f| custom_study(bank.deck(), p, f, at, today(at)))
        })
    })
}

/// The links of a list of steps; with `focus_first`, the first takes the focus once on screen
/// so Enter follows it.
#[component]
fn StepLinks(links: Vec<NextLink>, focus_first: bool) -> impl IntoView {
    let first = NodeRef::<html::A>::new();
    if focus_first {
        Effect::new(move |_| {
            if let Some(link) = first.get() {
                crate::components::keys::focus_below_result(&link);
            }
        });
    }
    view! {
        <ul class="mode-list">
            {links
                .into_iter()
                .enumerate()
                .map(|(i, link)| {
                    let class = if i == 0 && focus_first { "mode mode-primary" } else { "mode" };
                    let node = if i == 0 { first } else { NodeRef::new() };
                    view! {
                        <li>
                            <a href=link.href class=class node_ref=node>
                                <span class="mode-name">{link.label}</span>
                                <span class="mode-detail">{link.detail}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The cards just studied in the modes that have something to ask about them: a quiz only if
/// some have multiple-choice questions, fill in only if some have blanks, typed recall for
/// any with an answer to write. Never a link to an empty round.
fn same_cards_links(
    bank: &CompiledDeck,
    cards: &[CardId],
    request: &SittingRequest,
) -> Vec<NextLink> {
    let deck = bank.deck();
    let indices: Vec<usize> = cards.iter().filter_map(|id| deck.card_index(id)).collect();
    let these = if indices.len() == 1 {
        "this card".to_string()
    } else {
        format!("these {} cards", indices.len())
    };
    [
        (
            PracticeMode::Choose,
            "Quiz on",
            "Multiple choice on what you just studied",
        ),
        (
            PracticeMode::FillIn,
            "Fill in",
            "Type the missing names and words",
        ),
        (
            PracticeMode::Recall,
            "Write the answers to",
            "Typed recall, checked against the key points",
        ),
    ]
    .into_iter()
    .filter(|(mode, ..)| mode.has_material_for_any(bank, &indices))
    .map(|(mode, verb, detail)| NextLink {
        href: sitting_href(mode.path(), request),
        label: format!("{verb} {these}"),
        detail,
    })
    .collect()
}

fn section_detail(new: usize) -> &'static str {
    if new > prep_engine::study::LEARN_MORE_STEP {
        "A section you have not started: its first new cards"
    } else {
        "A section you have not started: all of it"
    }
}

fn links_for(bank: &CompiledDeck, step: &NextStep) -> Vec<NextLink> {
    let deck = bank.deck();
    let request = step.request(deck);
    let review = sitting_href(REVIEW_PATH, &request);
    match step {
        NextStep::ReviewNow { due, new } => vec![NextLink {
            href: review,
            label: format!("Keep going: {due} due, {new} new"),
            detail: "Cards whose wait is over, and today's new cards",
        }],
        NextStep::LearnMore { count } => vec![NextLink {
            href: review,
            label: format!("Learn {count} more new cards today"),
            detail: "Beyond your daily limit, this once",
        }],
        NextStep::ReviewWeak { count } => vec![NextLink {
            href: review,
            label: format!("Go over all {count} weak cards"),
            detail: "Cards you have forgotten or found hard, in any sitting",
        }],
        NextStep::SameCardsOtherMode { cards } => same_cards_links(bank, cards, &request),
        NextStep::StartSection { section, new } => vec![NextLink {
            href: review,
            label: format!("Start \u{201c}{}\u{201d}", deck.sections[*section].title),
            detail: section_detail(*new),
        }],
        NextStep::Cram { count } => vec![NextLink {
            href: review,
            label: format!("Cram all {count} selected cards"),
            detail: "Practice only: your schedule is not changed",
        }],
    }
}
