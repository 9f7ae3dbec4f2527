//! Every card of one kind (all one-liners, all interview questions, ...), by section, with one
//! tap to study them: the way to drill one kind of card across the whole deck.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use prep_engine::content::Deck;
use prep_engine::study::{KindFilter, Scope};

use crate::base_path::href;
use crate::components::card_link::CardList;
use crate::components::document_title::set_document_title;
use crate::components::sitting::StudyScopeLinks;
use crate::deck::use_cards;
use crate::paths::{HOME_PATH, section_path};
use crate::routes::home::cards_label;
use crate::routes::not_found::NotFound;

#[component]
pub fn KindPage() -> impl IntoView {
    let params = use_params_map();
    let kind = Memo::new(move |_| {
        let slug = params.read().get("kind").unwrap_or_default();
        KindFilter::from_slug(&slug).ok_or(slug)
    });
    set_document_title(move || match kind.get() {
        Ok(kind) => kind.label().to_string(),
        Err(_) => "Not found".to_string(),
    });
    move || match kind.get() {
        Ok(kind) => kind_view(kind).into_any(),
        Err(slug) => {
            view! { <NotFound detail=format!("There is no kind of card \u{201c}{slug}\u{201d}.")/> }
                .into_any()
        }
    }
}

/// The cards of `kind`, grouped by section in reading order (sections without one left out),
/// and how many there are: what the kind's page lists, also at build time (`src/prerender.rs`).
pub fn cards_of_kind_by_section(
    deck: &Deck,
    kind: KindFilter,
) -> (usize, Vec<(usize, Vec<usize>)>) {
    let groups: Vec<(usize, Vec<usize>)> = (0..deck.sections.len())
        .map(|section| {
            let cards = deck
                .cards_in_section(section)
                .map(|(index, _)| index)
                .filter(|&c| KindFilter::of(deck.cards[c].kind) == kind)
                .collect::<Vec<_>>();
            (section, cards)
        })
        .filter(|(_, cards)| !cards.is_empty())
        .collect();
    let count = groups.iter().map(|(_, cards)| cards.len()).sum();
    (count, groups)
}

fn kind_view(kind: KindFilter) -> impl IntoView {
    let deck = use_cards();
    let (count, groups) = cards_of_kind_by_section(deck, kind);
    view! {
        <section class="page section">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <A href=href(HOME_PATH)>"All sections"</A>
            </nav>
            <h1>{kind.label()}</h1>
            <p class="lede">{cards_label(count)}</p>
            <StudyScopeLinks scope=Scope::Kind(kind) heading=format!("Study the {}", kind.label().to_lowercase())/>
            {groups
                .into_iter()
                .map(|(section, cards)| {
                    let title = deck.sections[section].title.clone();
                    view! {
                        <section class="list-group">
                            <h2><A href=href(&section_path(&deck.sections[section].id))>{title}</A></h2>
                            <CardList cards=cards/>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}
