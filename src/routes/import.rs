//! Bring a deck: a file (chosen or dropped), pasted text or an address, read in the compile
//! worker (the page never freezes and links no compiler), previewed (the shape it was read in,
//! its counts, the first cards and every line that went into no card), then kept in the
//! library in one step that completes or leaves nothing behind.

use std::sync::Arc;

use leptos::prelude::*;
use prep_engine::content::DeckId;
use prep_engine::imported::{DeckChanges, ImportReport};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::base_path::deck_href;
use crate::compile_worker;
use crate::components::document_title::set_document_title;
use crate::deck::use_deck;
use crate::deck_library::{self, DeckSummary, SavedDeck};
use prep_engine::text::count_of;

/// Files larger than this are refused before they are read (the worker checks again).
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// What the person gave, kept so another shape can be tried without giving it again.
#[derive(Clone)]
struct Given {
    /// The file's name, the address, "Pasted text" or "Shared link".
    name: String,
    what: What,
}

#[derive(Clone)]
enum What {
    Bytes(Arc<Vec<u8>>),
    /// The code a shared link carries.
    Link(Arc<str>),
}

impl Given {
    fn bytes(name: String, bytes: Vec<u8>) -> Self {
        Given {
            name,
            what: What::Bytes(Arc::new(bytes)),
        }
    }

    fn size(&self) -> usize {
        match &self.what {
            What::Bytes(bytes) => bytes.len(),
            What::Link(code) => code.len(),
        }
    }
}

/// The deck a preview would be saved as: a new one, or a newer version of one kept here.
#[derive(Clone)]
struct Target {
    id: DeckId,
    /// The name it is listed under (a new deck takes its title).
    name: Option<String>,
}

#[derive(Clone)]
struct Preview {
    given: Given,
    target: Target,
    report: Arc<ImportReport>,
    compiled: Arc<Vec<u8>>,
}

#[derive(Clone)]
enum Step {
    Choose,
    Reading(String),
    Previewing(Preview),
    Saving,
    Failed(Arc<Vec<String>>),
}

/// The query parameter naming the deck a file updates: `/import?update=<deck id>`.
pub const UPDATE_QUERY: &str = "update";
/// The fragment that carries a shared deck: `/import#deck=<code>`.
pub const SHARED_FRAGMENT: &str = "#deck=";

#[component]
pub fn ImportPage() -> impl IntoView {
    let built_in = StoredValue::new(use_deck().id.clone());
    let updating = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get(UPDATE_QUERY)
        .map(|id| DeckId::slug(&id));
    let heading = if updating.is_some() {
        "Update a deck"
    } else {
        "Import a deck"
    };
    set_document_title(move || heading.to_owned());
    let updating = StoredValue::new(updating);
    let (step, set_step) = signal(Step::Choose);
    let read = move |given: Given, shape: Option<String>| {
        set_step.set(Step::Reading(format!(
            "Reading {} ({})…",
            given.name,
            size_words(given.size() as f64)
        )));
        let (built_in, updating) = (built_in.get_value(), updating.get_value());
        leptos::task::spawn_local(async move {
            let read = preview(given, shape.as_deref(), &built_in, updating.as_ref()).await;
            set_step.set(match read {
                Ok(preview) => Step::Previewing(preview),
                Err(errors) => Step::Failed(Arc::new(errors)),
            });
        });
    };
    // A shared link: its deck is read at once.
    if let Some(code) = window()
        .location()
        .hash()
        .ok()
        .and_then(|hash| hash.strip_prefix(SHARED_FRAGMENT).map(str::to_owned))
        .filter(|code| !code.is_empty())
    {
        read(
            Given {
                name: "Shared link".to_owned(),
                what: What::Link(code.into()),
            },
            None,
        );
    }
    let read_file = move |file: web_sys::File| {
        if file.size() > MAX_IMPORT_BYTES {
            set_step.set(Step::Failed(Arc::new(vec![format!(
                "{} is {}: files up to {} can be imported.",
                file.name(),
                size_words(file.size()),
                size_words(MAX_IMPORT_BYTES)
            )])));
            return;
        }
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => read(
                    Given::bytes(file.name(), js_sys::Uint8Array::new(&buffer).to_vec()),
                    None,
                ),
                Err(_) => set_step.set(Step::Failed(Arc::new(vec![format!(
                    "{} could not be read.",
                    file.name()
                )]))),
            }
        });
    };
    view! {
        <section class="page import-page">
            <h1>{heading}</h1>
            <p class="lede">"Study the questions you already have: a Markdown file from an interview-question repository, an Anki \"Notes in plain text\" export, a Quizlet export, or any CSV or TSV of questions and answers. It is read in this browser and kept here; nothing is uploaded."</p>
            {move || match step.get() {
                Step::Choose => view! { <Sources read=read read_file=read_file/> }.into_any(),
                Step::Reading(what) => view! {
                    <p role="status" class="busy">{what}</p>
                    <progress aria-label="Reading the file"></progress>
                }.into_any(),
                Step::Previewing(preview) => view! {
                    <PreviewPanel preview=preview set_step=set_step read=read/>
                }.into_any(),
                Step::Saving => view! { <p role="status">"Saving the deck…"</p> }.into_any(),
                Step::Failed(errors) => view! {
                    <div role="alert" class="import-failed">
                        <h2>"That could not be imported"</h2>
                        <ul>{errors.iter().map(|e| view! { <li class="pre-wrap">{e.clone()}</li> }).collect_view()}</ul>
                    </div>
                    <button class="button" on:click=move |_| set_step.set(Step::Choose)>"Choose something else"</button>
                }.into_any(),
            }}
        </section>
    }
}

/// The three ways to give a deck: a file (picked or dropped), pasted text, an address.
#[component]
fn Sources(
    read: impl Fn(Given, Option<String>) + Copy + Send + Sync + 'static,
    read_file: impl Fn(web_sys::File) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (pasted, set_pasted) = signal(String::new());
    let (address, set_address) = signal(String::new());
    let (fetch_error, set_fetch_error) = signal(None::<String>);
    let (dragging, set_dragging) = signal(false);
    let on_pick = {
        move |ev: leptos::ev::Event| {
            let input = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                read_file(file);
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    let read_pasted = {
        move |_| {
            let text = pasted.get_untracked();
            if !text.trim().is_empty() {
                read(
                    Given::bytes("Pasted text".to_owned(), text.into_bytes()),
                    None,
                );
            }
        }
    };
    let fetch_address = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = raw_address(address.get_untracked().trim());
        if address.is_empty() {
            return;
        }
        set_fetch_error.set(None);
        leptos::task::spawn_local(async move {
            match fetch(&address).await {
                Ok(bytes) => read(
                    Given::bytes(
                        address.rsplit('/').next().unwrap_or(&address).to_owned(),
                        bytes,
                    ),
                    None,
                ),
                Err(error) => set_fetch_error.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"From a file"</h2>
        <div
            class="drop-zone"
            class:dragging=dragging
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); set_dragging.set(true); }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop
        >
            <label class="button primary file-button">
                "Choose a file"
                <input type="file" class="visually-hidden" accept=".md,.markdown,.txt,.tsv,.csv,text/markdown,text/plain,text/csv,text/tab-separated-values" on:change=on_pick/>
            </label>
            <p class="muted">"or drop it here. Markdown, text, TSV or CSV, up to 5 MB."</p>
        </div>
        <h2>"From pasted text"</h2>
        <label for="import-paste">"Questions and answers"</label>
        <textarea id="import-paste" rows="8" placeholder="## What is a QuerySet?&#10;A lazy collection of database rows…"
            prop:value=pasted on:input=move |ev| set_pasted.set(event_target_value(&ev))></textarea>
        <div class="button-row"><button class="button" on:click=read_pasted>"Read the pasted text"</button></div>
        <h2>"From an address"</h2>
        <form class="address-form" on:submit=fetch_address>
            <label for="import-address">"Address of a file (a GitHub file link works)"</label>
            <input id="import-address" type="url" inputmode="url" placeholder="https://github.com/owner/repo/blob/main/README.md"
                prop:value=address on:input=move |ev| set_address.set(event_target_value(&ev))/>
            <button class="button" type="submit">"Fetch"</button>
        </form>
        {move || fetch_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
    }
}

#[component]
fn PreviewPanel(
    preview: Preview,
    set_step: WriteSignal<Step>,
    read: impl Fn(Given, Option<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let report = preview.report.clone();
    let given = preview.given.clone();
    let on_shape = move |ev: leptos::ev::Event| read(given.clone(), Some(event_target_value(&ev)));
    let save = {
        let preview = preview.clone();
        move |_| {
            let preview = preview.clone();
            set_step.set(Step::Saving);
            leptos::task::spawn_local(async move {
                let id = preview.target.id.clone();
                let deck = SavedDeck {
                    summary: DeckSummary {
                        id: id.clone(),
                        name: (preview.target.name.clone())
                            .unwrap_or_else(|| preview.report.title.clone()),
                        file: preview.given.name.clone(),
                        cards: preview.report.cards as u32,
                        sections: preview.report.sections as u32,
                        saved_at: js_sys::Date::now(),
                    },
                    markdown: preview.report.markdown.clone(),
                    compiled: preview.compiled.to_vec(),
                };
                match deck_library::put(&deck).await {
                    Ok(()) => {
                        let _ = window().location().assign(&deck_href(Some(&id), "/"));
                    }
                    Err(error) => set_step.set(Step::Failed(Arc::new(vec![error.to_string()]))),
                }
            });
        }
    };
    let unplaced = report.unplaced.len();
    view! {
        <h2>{format!("Preview: {}", report.title)}</h2>
        <p class="import-counts">{format!(
            "{} in {} from {}.",
            count_of(report.cards, "card", "cards"),
            count_of(report.sections, "section", "sections"),
            preview.given.name
        )}</p>
        <label for="import-shape">"Read as"</label>
        <select id="import-shape" on:change=on_shape>
            {report.shapes.iter().map(|shape| view! {
                <option value=shape.key.clone() selected=shape.key == report.shape>
                    {format!("{} ({})", shape.label, count_of(shape.cards, "card", "cards"))}
                </option>
            }).collect_view()}
        </select>
        {(report.practice_items > 0).then(|| view! {
            <p>{format!("{} for multiple choice and fill-in, checked by the practice linter.", count_of(report.practice_items, "practice item", "practice items"))}</p>
        })}
        {(!report.practice_problems.is_empty()).then(|| view! {
            <details class="import-unplaced">
                <summary>{format!("The deck's practice was left out: the linter found {}", count_of(report.practice_problems.len(), "problem", "problems"))}</summary>
                <ul>{report.practice_problems.iter().map(|p| view! { <li class="pre-wrap">{p.clone()}</li> }).collect_view()}</ul>
            </details>
        })}
        {report.changes.clone().map(|changes| view! { <Changes changes=changes/> })}
        <h3>"The first cards"</h3>
        <ol class="import-cards">
            {report.first_cards.iter().map(|(prompt, answer)| view! {
                <li><p class="card-prompt"><strong>{prompt.clone()}</strong></p><div class="prose" inner_html=answer.clone()></div></li>
            }).collect_view()}
        </ol>
        {if unplaced == 0 {
            view! { <p class="import-unplaced">"Every line of the file is in a card."</p> }.into_any()
        } else {
            view! {
                <details class="import-unplaced">
                    <summary>{format!("{} in no card", count_of(unplaced, "line is", "lines are"))}</summary>
                    <ul>{report.unplaced.iter().map(|line| view! {
                        <li><span class="line-number">{format!("line {}: ", line.line)}</span><span class="pre-wrap">{line.text.clone()}</span></li>
                    }).collect_view()}</ul>
                </details>
            }.into_any()
        }}
        <div class="button-row">
            <button class="button primary" on:click=save>{match &preview.target.name {
                Some(name) => format!("Replace \u{201c}{name}\u{201d}"),
                None => "Add to my decks".to_owned(),
            }}</button>
            <button class="button" on:click=move |_| set_step.set(Step::Choose)>"Cancel"</button>
        </div>
    }
}

/// Reads `given` in the worker as a new deck (an id no other deck here has), or as a newer
/// version of the deck `updating`, compared with the one kept.
async fn preview(
    given: Given,
    shape: Option<&str>,
    built_in: &DeckId,
    updating: Option<&DeckId>,
) -> Result<Preview, Vec<String>> {
    let (target, previous) = match updating {
        Some(id) => {
            let kept = deck_library::get(id)
                .await
                .map_err(|error| vec![error.to_string()])?
                .ok_or_else(|| {
                    vec![format!(
                        "No deck \u{201c}{id}\u{201d} is kept in this browser to update."
                    )]
                })?;
            let target = Target {
                id: id.clone(),
                name: Some(kept.summary.name),
            };
            (target, Some(kept.markdown))
        }
        None => {
            let taken = deck_library::list()
                .await
                .map_err(|error| vec![error.to_string()])?;
            let target = Target {
                id: free_id(&given.name, built_in, &taken),
                name: None,
            };
            (target, None)
        }
    };
    let source = format!("{}.md", target.id);
    let what = match &given.what {
        What::Bytes(bytes) => compile_worker::Given::File {
            name: &given.name,
            bytes,
        },
        What::Link(code) => compile_worker::Given::Link(code),
    };
    let (report, compiled) =
        compile_worker::import(what, &source, shape, previous.as_deref()).await?;
    Ok(Preview {
        given,
        target,
        report: Arc::new(report),
        compiled: Arc::new(compiled),
    })
}

/// What an update adds, changes and removes, each list to open.
#[component]
fn Changes(changes: DeckChanges) -> impl IntoView {
    let list = |questions: Vec<String>, what: &'static str| {
        (!questions.is_empty()).then(|| view! {
            <details class="import-changes">
                <summary>{format!("{} {what}", count_of(questions.len(), "card", "cards"))}</summary>
                <ul>{questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
            </details>
        })
    };
    let unchanged_note =
        if changes.added.is_empty() && changes.changed.is_empty() && changes.removed.is_empty() {
            "Nothing changed: every card is as the kept deck has it."
        } else {
            "Cards whose question is unchanged keep their progress."
        };
    view! {
        <h3>"Against the kept deck"</h3>
        {list(changes.added, "added")}
        {list(changes.changed, "with a changed answer")}
        {list(changes.removed, "removed")}
        <p>{unchanged_note}</p>
    }
}

/// The id for a deck imported from `name`: its slug, numbered past any deck that has it.
fn free_id(name: &str, built_in: &DeckId, taken: &[DeckSummary]) -> DeckId {
    let base = DeckId::of_source(name);
    let is_free = |id: &DeckId| id != built_in && taken.iter().all(|deck| &deck.id != id);
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => DeckId::slug(&format!("{base}-{n}")),
        })
        .find(is_free)
        .unwrap_or(base)
}

/// A GitHub file page (`github.com/o/r/blob/<ref>/<path>`) as its raw file's address, which the
/// browser may fetch; any other address as given.
pub fn raw_address(address: &str) -> String {
    let rest = address
        .strip_prefix("https://github.com/")
        .or_else(|| address.strip_prefix("http://github.com/"));
    if let Some(rest) = rest {
        let parts: Vec<&str> = rest.splitn(4, '/').collect();
        if let [owner, repo, "blob", path] = parts.as_slice() {
            return format!("https://raw.githubusercontent.com/{owner}/{repo}/{path}");
        }
    }
    address.to_owned()
}

async fn fetch(address: &str) -> Result<Vec<u8>, String> {
    let cannot = || {
        format!(
            "The browser could not fetch {address}. The site may not allow it to be read from \
             another site: download the file and choose it above instead."
        )
    };
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(address))
        .await
        .map_err(|_| cannot())?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "{address} answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    if let Some(length) = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<u64>().ok())
        && length as f64 > MAX_IMPORT_BYTES
    {
        return Err(format!(
            "{address} is {}: files up to 5 MB can be imported.",
            size_words(length as f64)
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| cannot())?)
        .await
        .map_err(|_| cannot())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn size_words(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes / 1024.0).ceil() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::raw_address;

    #[test]
    fn github_file_pages_become_raw_addresses() {
        assert_eq!(
            raw_address("https://github.com/o/r/blob/main/docs/q.md"),
            "https://raw.githubusercontent.com/o/r/main/docs/q.md"
        );
        assert_eq!(
            raw_address("https://example.com/q.md"),
            "https://example.com/q.md"
        );
        assert_eq!(
            raw_address("https://github.com/o/r"),
            "https://github.com/o/r"
        );
    }
}
