//! The library: the deck built into the app and every deck brought to this browser, each with
//! its cards and what is due, to open or delete (with a confirmation that names what goes).
//! Opening another deck is a page load (`base_path::opened_deck`).

use leptos::prelude::*;
use prep_engine::content::DeckId;
use prep_engine::progress::{ProgressStore, StoreKeys};

use crate::base_path::{deck_href, opened_deck, site_href};
use crate::browser_storage::BrowserStorage;
use crate::clock::now;
use crate::components::document_title::set_document_title;
use crate::deck::{use_cards, use_deck};
use crate::deck_library::{self, DeckSummary, SavedDeck};
use crate::download::download_as;
use crate::paths::{IMPORT_PATH, built_in_markdown_file};
use crate::routes::import::{SHARED_FRAGMENT, UPDATE_QUERY};
use crate::state::use_study;
use prep_engine::compiled::anki_export;

#[component]
pub fn DecksPage() -> impl IntoView {
    set_document_title(|| "Your decks".to_owned());
    let (decks, set_decks) = signal(None);
    let read_library = move || {
        leptos::task::spawn_local(async move { set_decks.set(Some(deck_library::list().await)) })
    };
    read_library();
    view! {
        <section class="page decks-page">
            <h1>"Your decks"</h1>
            <ul class="deck-list" aria-label="Decks">
                <BuiltInDeck/>
                {move || match decks.get() {
                    None => view! { <li class="muted">"Reading your decks…"</li> }.into_any(),
                    Some(Err(error)) => view! { <li role="alert">{error.to_string()}</li> }.into_any(),
                    Some(Ok(decks)) => decks.into_iter().map(|deck| view! {
                        <BroughtDeck deck=deck on_deleted=read_library/>
                    }).collect_view().into_any(),
                }}
            </ul>
            <p><a class="button primary" href=site_href(IMPORT_PATH)>"Import a deck"</a></p>
        </section>
    }
}

/// The deck the app is built with (the one this page belongs to: the library is one of its pages).
#[component]
fn BuiltInDeck() -> impl IntoView {
    let cards = use_cards();
    let study = use_study();
    let due = move || study.queue_counts().get().due;
    let deck = use_deck();
    let download_anki = move |_| {
        let text = anki_export(deck, &deck.deck().title);
        download_as(&format!("{}-anki.txt", deck.id), &text, "text/plain");
    };
    view! {
        <li class="deck-entry">
            <h2><a href=deck_href(None, "/")>{cards.title.clone()}</a></h2>
            <p class="muted">{format!("Built in: {} cards in {} sections", cards.cards.len(), cards.sections.len())}</p>
            <p>{move || format!("{} due now", due())}</p>
            <div class="button-row">
                <a class="button" href=site_href(&format!("/{}", built_in_markdown_file())) download=built_in_markdown_file()>"Download Markdown"</a>
                <button class="button" on:click=download_anki>"Download for Anki"</button>
            </div>
        </li>
    }
}

#[component]
fn BroughtDeck(
    deck: DeckSummary,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (confirming, set_confirming) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let due = due_now(&deck.id);
    let (name, renamed) = signal(deck.name.clone());
    let id = deck.id.clone();
    let delete = move |_| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match deck_library::delete(&id).await {
                Ok(()) => {
                    // Its progress goes with it: nothing else reads that namespace.
                    deck_keys(&id).remove_all(&mut BrowserStorage::local());
                    on_deleted();
                }
                Err(failed) => set_error.set(Some(failed.to_string())),
            }
        });
    };
    let cards = deck.cards;
    let confirm_text = move || {
        format!(
            "Delete \u{201c}{}\u{201d}: its {cards} cards and your progress on them? This cannot be undone.",
            name.get()
        )
    };
    view! {
        <li class="deck-entry">
            <h2><a href=deck_href(Some(&deck.id), "/") rel="external">{name}</a></h2>
            <p class="muted">{format!("{} cards in {} sections, from {}", deck.cards, deck.sections, deck.file)}</p>
            <p>{format!("{due} due now")}</p>
            <Manage deck=deck.clone() renamed=renamed/>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button class="button" on:click=move |_| set_confirming.set(true)>
                        {move || format!("Delete {}", name.get())}
                    </button>
                }
            >
                <div role="group" aria-label="Confirm deletion" class="confirm-delete">
                    <p>{confirm_text}</p>
                    <div class="button-row">
                        <button class="button danger" on:click=delete.clone()>"Delete for good"</button>
                        <button class="button" on:click=move |_| set_confirming.set(false)>"Keep it"</button>
                    </div>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p role="alert">{e}</p> })}
        </li>
    }
}

/// A brought deck's other actions, folded away: its file, a link that carries it, a newer
/// version, a new name.
#[component]
fn Manage(deck: DeckSummary, renamed: WriteSignal<String>) -> impl IntoView {
    let (said, set_said) = signal(None::<String>);
    let (link, set_link) = signal(None::<String>);
    let (name, set_name) = signal(deck.name.clone());
    let id = StoredValue::new(deck.id.clone());
    let outcome = Outcome {
        said: set_said,
        link: set_link,
        renamed,
    };
    // Each action reads the deck whole (markdown and compiled bytes) when it is asked for.
    let with_deck = move |action: fn(SavedDeck, Outcome, String)| {
        let id = id.get_value();
        leptos::task::spawn_local(async move {
            match deck_library::get(&id).await {
                Ok(Some(saved)) => action(saved, outcome, name.get_untracked()),
                Ok(None) => set_said.set(Some("This deck is no longer kept here.".to_owned())),
                Err(error) => set_said.set(Some(error.to_string())),
            }
        });
    };
    // The whole link selected on focus, ready to copy.
    let select_all =
        |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    let update_href = site_href(&format!("{IMPORT_PATH}?{UPDATE_QUERY}={}", deck.id));
    view! {
        <details class="deck-manage">
            <summary>"Export, share, update or rename"</summary>
            <div class="button-row">
                <button class="button" on:click=move |_| with_deck(download_markdown)>"Download Markdown"</button>
                <button class="button" on:click=move |_| with_deck(download_anki)>"Download for Anki"</button>
                <button class="button" on:click=move |_| with_deck(share_link)>"Make a share link"</button>
                <a class="button" href=update_href>"Update from a newer file"</a>
            </div>
            {move || link.get().map(|link| view! {
                <label class="share-link">"Share link (opens an import of this deck)"
                    <input type="text" readonly prop:value=link on:focus=select_all/>
                </label>
            })}
            <form class="rename-form" on:submit=move |ev| { ev.prevent_default(); with_deck(rename) }>
                <label>"Name" <input type="text" required prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev))/></label>
                <button class="button" type="submit">"Rename"</button>
            </form>
            {move || said.get().map(|said| view! { <p role="status">{said}</p> })}
        </details>
    }
}

/// Where an action says how it went.
#[derive(Clone, Copy)]
struct Outcome {
    said: WriteSignal<Option<String>>,
    link: WriteSignal<Option<String>>,
    renamed: WriteSignal<String>,
}

fn download_markdown(saved: SavedDeck, outcome: Outcome, _: String) {
    let file = format!("{}.md", saved.summary.id);
    if !download_as(&file, &saved.markdown, "text/markdown") {
        outcome
            .said
            .set(Some("The browser refused the download.".to_owned()));
    }
}

/// Anki's "Notes in plain text" import file (made in the worker, which compiles the deck).
fn download_anki(saved: SavedDeck, outcome: Outcome, _: String) {
    leptos::task::spawn_local(async move {
        let source = format!("{}.md", saved.summary.id);
        match crate::compile_worker::anki_file(&source, &saved.markdown, &saved.summary.name).await
        {
            Ok(text) => {
                let file = format!("{}-anki.txt", saved.summary.id);
                if !download_as(&file, &text, "text/plain") {
                    outcome
                        .said
                        .set(Some("The browser refused the download.".to_owned()));
                }
            }
            Err(errors) => outcome.said.set(Some(errors.join(" "))),
        }
    });
}

/// A link that carries the deck (`…/import#deck=<code>`), shown to copy; decks up to 64 KB of
/// text fit, and a larger one is told so.
fn share_link(saved: SavedDeck, outcome: Outcome, _: String) {
    let Outcome { said, link, .. } = outcome;
    said.set(Some("Making the link…".to_owned()));
    leptos::task::spawn_local(async move {
        match crate::compile_worker::share_code(&saved.markdown).await {
            Ok(code) => {
                let origin = window().location().origin().unwrap_or_default();
                link.set(Some(format!(
                    "{origin}{}{SHARED_FRAGMENT}{code}",
                    site_href(IMPORT_PATH)
                )));
                said.set(Some("Anyone who opens the link can preview and import this deck. Links carry decks of up to 64 KB of text.".to_owned()));
            }
            Err(errors) => said.set(Some(errors.join(" "))),
        }
    });
}

/// Renames the deck: its entry, and its title on its own pages (compiled again, in the worker).
fn rename(mut saved: SavedDeck, outcome: Outcome, name: String) {
    let said = outcome.said;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return;
    }
    saved.markdown = with_title(&saved.markdown, &name);
    leptos::task::spawn_local(async move {
        let source = format!("{}.md", saved.summary.id);
        match crate::compile_worker::compile(&source, &saved.markdown).await {
            Ok(compiled) => {
                saved.compiled = compiled;
                saved.summary.name = name;
                said.set(Some(match deck_library::put(&saved).await {
                    Ok(()) => {
                        outcome.renamed.set(saved.summary.name.clone());
                        format!("Renamed \u{201c}{}\u{201d}.", saved.summary.name)
                    }
                    Err(error) => error.to_string(),
                }));
            }
            Err(errors) => said.set(Some(errors.join(" "))),
        }
    });
}

/// `markdown` with its title (the first `# ` line, which the importer always writes) set to
/// `title`.
fn with_title(markdown: &str, title: &str) -> String {
    match markdown.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => format!("# {title}\n{rest}"),
        _ => format!("# {title}\n\n{markdown}"),
    }
}

/// Where deck `id`'s progress lives (as `state` keeps it when the deck is open).
fn deck_keys(id: &DeckId) -> StoreKeys {
    crate::state::site_keys().for_deck(id)
}

/// How many of deck `id`'s studied cards are due now, from its saved progress.
fn due_now(id: &DeckId) -> usize {
    let at = now();
    let (_, loaded) = ProgressStore::load(&mut BrowserStorage::local(), deck_keys(id), at);
    loaded
        .progress
        .cards
        .values()
        .filter(|card| card.is_due(at))
        .count()
}

/// True when the page is one of a brought deck's, where site pages are a page load away.
pub fn site_link_rel() -> Option<&'static str> {
    opened_deck().map(|_| "external")
}
