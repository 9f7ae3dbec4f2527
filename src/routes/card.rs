//! A card: its prompt, its rendered answer, and previous/next through the deck's reading order.
//! This is the deep-link target (`/card/<id>`) that study modes and search results point to.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use prep_engine::content::{CardId, CardKind, Deck};
use prep_engine::scheduler::{Phase, format_interval};
use prep_engine::study::{is_due_today, is_leech};

use crate::base_path::href;
use crate::clock::{now, today};
use crate::components::answer::{AnswerBlock, AnswerDetail};
use crate::components::card_labels::{card_title, kind_label, list_title};
use crate::components::document_title::set_document_title;
use crate::components::mistakes::Mistakes;
use crate::components::practice::practice_links;
use crate::deck::{use_cards, use_deck};
use crate::paths::{HOME_PATH, card_path, section_path};
use crate::routes::not_found::NotFound;
use crate::state::use_study;

#[component]
pub fn CardPage() -> impl IntoView {
    let deck = use_cards();
    let params = use_params_map();
    let card = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        deck.card_index(&id).ok_or(id)
    });
    set_document_title(move || match card.get() {
        Ok(index) => card_title(&deck.cards[index]),
        Err(_) => "Not found".to_string(),
    });
    move || match card.get() {
        Ok(index) => card_view(deck, index).into_any(),
        Err(id) => view! { <NotFound detail=format!("There is no card \u{201c}{id}\u{201d}.")/> }
            .into_any(),
    }
}

fn card_view(deck: &'static Deck, index: usize) -> impl IntoView {
    let card = &deck.cards[index];
    let section = &deck.sections[card.section];
    let list = list_title(deck, card);
    let body = match card.kind {
        CardKind::Question { .. } | CardKind::Definition => {
            view! { <AnswerBlock card=index/> }.into_any()
        }
        CardKind::OneLiner { .. } => view! { <AnswerDetail card=index/> }.into_any(),
        CardKind::GuideItem { .. } => view! {
            <p class="guide-verdict">"From the decision guide: " <strong>{list}</strong></p>
        }
        .into_any(),
    };
    view! {
        <article class="page card" aria-labelledby="card-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <A href=href(HOME_PATH)>"All sections"</A>
                <span aria-hidden="true">" / "</span>
                <A href=href(&section_path(&section.id))>{section.title.clone()}</A>
            </nav>
            <p class="eyebrow">
                <span class="badge">{kind_label(card.kind)}</span>
                {list.map(|title| view! { <span class="list-name">{title}</span> })}
            </p>
            <h1 id="card-title">{card_title(card)}</h1>
            <CardStatus card_id=&card.id/>
            {body}
            <Mistakes card=index/>
            <CardPractice index=index/>
            <CardPager deck=deck index=index/>
        </article>
    }
}

/// Where this card stands in the person's study: new, learning, or when it is next due.
#[component]
fn CardStatus(card_id: &'static CardId) -> impl IntoView {
    let progress = use_study().progress;
    move || {
        let schedule = progress.with(|p| p.schedule(card_id));
        let at = now();
        let leech = is_leech(&schedule).then(|| {
            view! {
                <p class="card-status leech">
                    {format!("Leech: forgotten {} times. Rewrite it in your own words or split it before reviewing it again.", schedule.lapses)}
                </p>
            }
        });
        let text = match schedule.phase {
            _ if schedule.is_new() => "Not studied yet".to_string(),
            _ if schedule.is_due(at) => "Due for review now".to_string(),
            // Reviews are due on their day (`is_due_today`): today's sitting brings it.
            _ if is_due_today(&schedule, at, today(at)) => "Due for review today".to_string(),
            Phase::Learning { .. } | Phase::Relearning { .. } => {
                format!(
                    "Learning · next review in {}",
                    format_interval(schedule.due.millis_since(at))
                )
            }
            _ => format!(
                "Next review in {}",
                format_interval(schedule.due.millis_since(at))
            ),
        };
        view! {
            <p class="card-status muted">{text}</p>
            {leech}
        }
    }
}

/// The study modes that fit this card, each for this card alone: a learner who has just found
/// a card can practise it at once.
#[component]
fn CardPractice(index: usize) -> impl IntoView {
    view! {
        <nav class="card-practice" aria-label="Practice this card">
            <h2>"Practice this card"</h2>
            <ul class="mode-chips">
                {practice_links(use_deck(), index)
                    .into_iter()
                    .map(|link| view! {
                        <li>
                            <A href=link.href attr:class="button">
                                <span class="mode-name">{link.name}</span>
                                <span class="mode-detail">{link.detail}</span>
                            </A>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Previous/next links through the whole deck, so a person can read it front to back.
#[component]
fn CardPager(deck: &'static Deck, index: usize) -> impl IntoView {
    let link = move |target: Option<usize>, rel: &'static str, label: &'static str| {
        target.and_then(|i| deck.cards.get(i)).map(|card| {
            view! {
                <A href=href(&card_path(card.id.as_str())) attr:rel=rel attr:class=format!("pager-{rel}")>
                    <span class="pager-label">{label}</span>
                    <span class="pager-title">{card_title(card)}</span>
                </A>
            }
        })
    };
    view! {
        <nav class="pager" aria-label="Cards">
            {link(index.checked_sub(1), "prev", "Previous")}
            <span class="pager-position">{format!("{} of {}", index + 1, deck.cards.len())}</span>
            {link(Some(index + 1), "next", "Next")}
        </nav>
    }
}
