//! A section: its cards in reading order, grouped by list where the section has lists.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use prep_engine::content::{Card, Deck};
use prep_engine::study::Scope;

use crate::base_path::href;
use crate::components::card_link::CardList;
use crate::components::document_title::set_document_title;
use crate::components::sitting::StudyScopeLinks;
use crate::deck::use_cards;
use crate::paths::HOME_PATH;
use crate::routes::home::cards_label;
use crate::routes::not_found::NotFound;

#[component]
pub fn SectionPage() -> impl IntoView {
    let deck = use_cards();
    let params = use_params_map();
    let section = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        deck.section_index(&id).ok_or(id)
    });
    set_document_title(move || match section.get() {
        Ok(index) => deck.sections[index].title.clone(),
        Err(_) => "Not found".to_string(),
    });
    move || match section.get() {
        Ok(index) => section_view(deck, index).into_any(),
        Err(id) => {
            view! { <NotFound detail=format!("There is no section \u{201c}{id}\u{201d}.")/> }
                .into_any()
        }
    }
}

fn section_view(deck: &'static Deck, index: usize) -> impl IntoView {
    let section = &deck.sections[index];
    let count = deck.cards_in_section(index).count();
    let loose_cards: Vec<_> = deck
        .cards_in_section(index)
        .filter(|(_, c)| c.list().is_none())
        .collect();
    view! {
        <section class="page section">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <A href=href(HOME_PATH)>"All sections"</A>
                <span aria-hidden="true">" / "</span>
                <span>{deck.parts[section.part].title.clone()}</span>
            </nav>
            <h1>{section.title.clone()}</h1>
            <p class="lede">{cards_label(count)}</p>
            <StudyScopeLinks scope=Scope::Section(section.id.clone()) heading="Study this section".to_string()/>
            {(!loose_cards.is_empty()).then(|| card_links(loose_cards))}
            {deck
                .lists_in_section(index)
                .map(|(list, l)| {
                    let heading_id = format!("list-{}", l.id);
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="list-group" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{l.title.clone()}</h2>
                            {card_links(deck.cards_in_list(list).collect())}
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

fn card_links(cards: Vec<(usize, &'static Card)>) -> impl IntoView {
    view! { <CardList cards=cards.into_iter().map(|(index, _)| index).collect()/> }
}
