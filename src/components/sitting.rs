//! A sitting that studies something other than the saved choice (a section or a kind in one
//! tap, the same cards in another mode, weak cards, more new cards, practice only): reading
//! it from the URL, saying on screen what it studies, and the links that start one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use prep_engine::study::{LEARN_MORE_STEP, Pool, Scope, SittingRequest, queue_counts};

use crate::base_path::href;
use crate::clock::{now, today};
use crate::components::practice::PracticeMode;
use crate::deck::{use_cards, use_deck};
use crate::paths::{REVIEW_PATH, STUDY_PATH, section_path};
use crate::state::{review_counts_label, use_study};

/// The sitting this study screen's URL asks for, read once when the screen opens: a sitting's
/// plan is fixed when it starts.
pub fn requested_sitting() -> SittingRequest {
    use_query_map().with_untracked(|query| SittingRequest::from_query(|key| query.get(key)))
}

/// A link to the study screen `path` for the sitting `request` asks for.
pub fn sitting_href(path: &str, request: &SittingRequest) -> String {
    href(&format!("{path}{}", request.to_query()))
}

/// "Studying one section: Django REST Framework · practice only", above a sitting that is not
/// the saved choice, with the way back to it. Nothing for the saved choice.
#[component]
pub fn SittingScope(request: SittingRequest) -> impl IntoView {
    let deck = use_cards();
    let mut parts: Vec<AnyView> = Vec::new();
    match &request.scope {
        Some(Scope::Section(id)) => {
            let title = deck
                .section_index(id)
                .map_or_else(|| id.clone(), |s| deck.sections[s].title.clone());
            parts.push(
                view! { "One section: " <A href=href(&section_path(id))>{title}</A> }.into_any(),
            );
        }
        Some(Scope::Kind(kind)) => {
            parts.push(view! { {format!("Only {}", kind.label().to_lowercase())} }.into_any());
        }
        Some(Scope::Cards(ids)) => {
            parts.push(
                view! { {format!("The {} cards of your last sitting", ids.len())} }.into_any(),
            );
        }
        None => {}
    }
    match request.pool {
        Some(Pool::Cram) => {
            parts.push(view! { "Practice only: your schedule is not changed" }.into_any())
        }
        Some(Pool::Weak) => parts.push(view! { "Cards you found hard or forgot" }.into_any()),
        Some(Pool::New) => parts.push(view! { "New cards" }.into_any()),
        Some(Pool::Due) => parts.push(view! { "Due cards" }.into_any()),
        Some(Pool::DueAndNew) | None => {}
    }
    if request.extra_new > 0 {
        parts.push(view! { {format!("{} more than today’s limit", request.extra_new)} }.into_any());
    }
    (!parts.is_empty()).then(|| {
        view! {
            <p class="practising muted">
                {parts.into_iter().enumerate().map(|(i, part)| view! { {(i > 0).then_some(" · ")} {part} }).collect_view()}
                " · "
                <A href=href(STUDY_PATH)>"Your selection"</A>
            </p>
        }
    })
}

/// One tap to study a section or a kind: review it (with what a review would bring), or
/// practise it another way. Offered on the section's and the kind's own page.
#[component]
pub fn StudyScopeLinks(
    scope: Scope,
    /// "Study this section", "Study the one-liners".
    heading: String,
) -> impl IntoView {
    let bank = use_deck();
    let deck = bank.deck();
    let study = use_study();
    let request = SittingRequest {
        scope: Some(scope),
        ..SittingRequest::default()
    };
    let filter = {
        let request = request.clone();
        Memo::new(move |_| study.filter.with(|saved| request.filter(saved)))
    };
    let counts = Memo::new(move |_| {
        let at = now();
        study
            .progress
            .with(|p| filter.with(|f| queue_counts(deck, p, f, at, today(at))))
    });
    let cram = SittingRequest {
        pool: Some(Pool::Cram),
        ..request.clone()
    };
    // One tap must study something even when today's new cards are spent: then the button
    // learns new cards of this scope beyond the limit, and says so.
    let start = {
        let request = request.clone();
        Memo::new(move |_| {
            let counts = counts.get();
            if counts.is_empty() && counts.new_beyond_today() > 0 {
                let extra = counts.new_beyond_today().min(LEARN_MORE_STEP);
                let more = SittingRequest {
                    pool: Some(Pool::New),
                    extra_new: extra,
                    ..request.clone()
                };
                (
                    sitting_href(REVIEW_PATH, &more),
                    format!("Learn {extra} new"),
                    "Today\u{2019}s new cards are done; these go beyond the limit".to_string(),
                )
            } else {
                (
                    sitting_href(REVIEW_PATH, &request),
                    "Review".to_string(),
                    review_counts_label(counts),
                )
            }
        })
    };
    // Only the modes with something to ask about these cards.
    let scoped = study.sitting_filter(&request).cards(deck);
    let modes: Vec<_> = [
        (PracticeMode::Choose, "Choose", "multiple choice"),
        (PracticeMode::FillIn, "Fill in", "type the missing word"),
        (PracticeMode::Recall, "Recall", "write answers from memory"),
    ]
    .into_iter()
    .filter(|(mode, ..)| mode.has_material_for_any(bank, &scoped))
    .map(|(mode, name, detail)| (mode.path(), name, detail))
    .collect();
    view! {
        <nav class="card-practice scope-study" aria-label=heading.clone()>
            <h2>{heading.clone()}</h2>
            <p class="scope-review">
                <A href=move || start.get().0 attr:class="button primary-link">
                    {move || start.get().1}
                </A>
                <span class="muted">{move || start.get().2}</span>
            </p>
            <ul class="mode-chips">
                {modes
                    .into_iter()
                    .map(|(path, name, detail)| view! {
                        <li>
                            <A href=sitting_href(path, &request) attr:class="button">
                                <span class="mode-name">{name}</span>
                                <span class="mode-detail">{detail}</span>
                            </A>
                        </li>
                    })
                    .collect_view()}
                <li>
                    <A href=sitting_href(REVIEW_PATH, &cram) attr:class="button">
                        <span class="mode-name">"Cram"</span>
                        <span class="mode-detail">"every card, schedule unchanged"</span>
                    </A>
                </li>
            </ul>
        </nav>
    }
}
