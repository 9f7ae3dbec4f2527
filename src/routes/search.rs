//! The search page: results for the query in the URL (`?q=`), as the header's field types
//! it. Each result links to its card, names its section, shows the answer line that matched
//! with the matched words marked, and offers the card's practice modes.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use prep_engine::compiled::CompiledDeck;
use prep_engine::search::{Found, Hit};

use crate::base_path::href;
use crate::components::card_labels::number_prefix;
use crate::components::document_title::set_document_title;
use crate::components::marked_text::MarkedText;
use crate::components::practice::practice_links;
use crate::components::search_box::FIRST_RESULT_ID;
use crate::deck::use_deck;
use crate::paths::{HOME_PATH, SEARCH_QUERY, card_path, search_path};

/// Results shown at most: a phone screen or three of them.
const RESULT_LIMIT: usize = 20;
/// Search suggestions offered when nothing matched, at most.
const SUGGESTIONS: usize = 3;
/// Example searches offered on the empty page, at most.
const EXAMPLES: usize = 5;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    let deck = use_deck();
    let query =
        Memo::new(move |_| query_map.with(|query| query.get(SEARCH_QUERY).unwrap_or_default()));
    let found = Memo::new(move |_| query.with(|query| deck.search().search(query, RESULT_LIMIT)));
    set_document_title(move || {
        query.with(|query| match query.trim() {
            "" => "Search".to_string(),
            typed => format!("\u{201c}{typed}\u{201d} · Search"),
        })
    });
    view! {
        <section class="page search-page">
            <h1>"Search"</h1>
            <p role="status" class="lede search-status">
                {move || status(&query.get(), &found.read())}
            </p>
            {move || {
                let typed = query.get();
                found.with(|found| {
                    if typed.trim().is_empty() {
                        examples(deck).into_any()
                    } else if found.hits.is_empty() {
                        nothing_found(deck, &typed).into_any()
                    } else {
                        results(&found.hits).into_any()
                    }
                })
            }}
        </section>
    }
}

/// What the live region announces after each keystroke.
fn status(query: &str, found: &Found) -> String {
    let query = query.trim();
    match (query, found.total) {
        ("", _) => "Type a word you remember from a card: a term, an acronym, part of a \
                    question. Typos are fine."
            .to_string(),
        (_, 0) => format!("No cards match \u{201c}{query}\u{201d}."),
        (_, 1) => format!("1 card matches \u{201c}{query}\u{201d}."),
        (_, total) if total > found.hits.len() => format!(
            "{total} cards match \u{201c}{query}\u{201d}; the best {} are shown.",
            found.hits.len()
        ),
        (_, total) => format!("{total} cards match \u{201c}{query}\u{201d}."),
    }
}

/// Searches as links, `between` each: the examples and the suggestions.
fn search_links(queries: Vec<String>, between: &'static str) -> impl IntoView {
    queries
        .into_iter()
        .enumerate()
        .map(|(at, query)| {
            view! {
                {(at > 0).then_some(between)}
                <A href=href(&search_path(&query))>{query}</A>
            }
        })
        .collect_view()
}

/// The empty page: a few of the deck's own acronyms to try.
fn examples(deck: &CompiledDeck) -> impl IntoView {
    let examples: Vec<String> = deck.search().acronyms().take(EXAMPLES).collect();
    view! {
        {(!examples.is_empty()).then(|| view! {
            <p class="search-examples">
                "Try "{search_links(examples, ", ")}"."
            </p>
        })}
        <p><A href=href(HOME_PATH)>"Browse all sections"</A></p>
    }
}

/// No results: the closest words the deck uses, as searches, and a way to browse.
fn nothing_found(deck: &CompiledDeck, query: &str) -> impl IntoView {
    let suggestions = deck.search().suggestions(query, SUGGESTIONS);
    let hint = if suggestions.is_empty() {
        view! { <p>"Check the spelling, or try a shorter word."</p> }.into_any()
    } else {
        view! {
            <p class="search-suggestions">
                "Did you mean "{search_links(suggestions, " or ")}"?"
            </p>
        }
        .into_any()
    };
    view! {
        {hint}
        <p><A href=href(HOME_PATH)>"Browse all sections"</A></p>
    }
}

fn results(hits: &[Hit]) -> impl IntoView {
    view! {
        <ol class="search-results">
            {hits
                .iter()
                .enumerate()
                .map(|(rank, hit)| view! { <SearchResult hit=hit.clone() first=rank == 0/> })
                .collect_view()}
        </ol>
    }
}

/// One result: the card's title as a link, where it sits, the matching line, and its
/// practice modes.
#[component]
fn SearchResult(hit: Hit, first: bool) -> impl IntoView {
    let bank = use_deck();
    let deck = bank.deck();
    let card = &deck.cards[hit.card];
    let number = number_prefix(card);
    // The search document names where the card sits ("section · list"), as search read it.
    let place = bank.search_doc(hit.card).context.clone();
    let practice = practice_links(bank, hit.card);
    let snippet = (!hit.snippet.text.is_empty()).then(|| {
        view! { <p class="result-snippet"><MarkedText marked=hit.snippet.clone()/></p> }
    });
    view! {
        <li class="search-result">
            <h2 class="result-title">
                <A href=href(&card_path(card.id.as_str()))
                    attr:id=first.then_some(FIRST_RESULT_ID)>
                    {number}<MarkedText marked=hit.title.clone()/>
                </A>
            </h2>
            <p class="result-place muted">{place}</p>
            {snippet}
            <nav class="result-practice" aria-label=format!("Practice {}", card.prompt)>
                <ul>
                    {practice
                        .into_iter()
                        .map(|link| view! {
                            <li><A href=link.href attr:title=link.detail>{link.name}</A></li>
                        })
                        .collect_view()}
                </ul>
            </nav>
        </li>
    }
}
