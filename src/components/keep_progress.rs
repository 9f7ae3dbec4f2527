//! Keeping progress safe: where it is saved, asking the browser to keep it, export, import
//! with a preview, backups of damaged data, and reset. The engine decides what each does
//! (`progress::transfer`, `ProgressStore`); this only asks and shows.

use leptos::prelude::*;
use leptos::task::spawn_local;
use prep_engine::progress::transfer::{
    ImportError, ImportMode, Imported, MAX_IMPORT_BYTES, apply_import, describe_import,
    read_import, reset,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::clock::{local_days, now};
use crate::components::device_link::MakeDeviceLink;
use crate::components::storage_notice::download_progress;
use crate::state::{StudyState, use_study};
use prep_engine::text::count_of;

#[component]
pub fn KeepProgress() -> impl IntoView {
    view! {
        <section class="panel keep" aria-labelledby="keep-heading">
            <h2 id="keep-heading">"Keep your progress"</h2>
            <SavingStatus/>
            <ExportImport/>
            <MakeDeviceLink/>
            <Backups/>
            <Reset/>
        </section>
    }
}

/// Where answers go, and the browser's answer to "please keep this data".
#[component]
fn SavingStatus() -> impl IntoView {
    let study = use_study();
    let saving = move || {
        study.progress.track();
        if study.is_saving() {
            "Your progress is saved in this browser only, on this device. Download it now and then, or to move it to another browser.".to_owned()
        } else {
            let unsaved = study.unsaved_answers();
            format!(
                "Your progress is not being saved in this browser (see the message at the top){}.",
                if unsaved > 0 {
                    format!(
                        "; {} only in this tab",
                        count_of(unsaved, "answer exists", "answers exist")
                    )
                } else {
                    String::new()
                }
            )
        }
    };
    let (persisted, set_persisted) = signal(None::<bool>);
    ask_storage(false, set_persisted);
    view! {
        <p>{saving}</p>
        <p role="status">
            {move || match persisted.get() {
                Some(true) => "The browser has agreed to keep this site's data even when space runs low.",
                Some(false) => "The browser may delete this site's data when space runs low or after weeks without a visit (Safari does after 7 days).",
                None => "",
            }}
        </p>
        <Show when=move || persisted.get() == Some(false)>
            <button class="button" on:click=move |_| ask_storage(true, set_persisted)>"Ask the browser to keep my progress"</button>
        </Show>
    }
}

/// `navigator.storage.persisted()`, or `persist()` when `ask`: the answer arrives later.
fn ask_storage(ask: bool, answer: WriteSignal<Option<bool>>) {
    let Ok(manager) = window()
        .navigator()
        .storage()
        .dyn_into::<web_sys::StorageManager>()
    else {
        return;
    };
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    };
    let Ok(promise) = promise else {
        return;
    };
    spawn_local(async move {
        if let Ok(value) = JsFuture::from(promise).await {
            answer.set(value.as_bool());
        }
    });
}

/// Where an import stands: nothing chosen, a file read and previewed, or a message.
#[derive(Clone)]
enum ImportStep {
    Idle,
    /// The file read, and what each choice would do in words.
    Preview(Box<Imported>, String),
    Done(String),
    Failed(String),
}

impl ImportStep {
    /// The preview of `imported` against this browser's progress.
    fn preview(study: StudyState, imported: Imported, source: &str) -> Self {
        let words = study
            .progress
            .with_untracked(|p| describe_import(p, &imported.progress, local_days(now()), source));
        ImportStep::Preview(Box::new(imported), words)
    }

    /// Applies the previewed progress in `mode`, if it fits in storage; says what happened.
    fn apply(study: StudyState, imported: Imported, mode: ImportMode) -> Self {
        let before = study
            .progress
            .with_untracked(|p| (p.cards.len(), p.reviews.len()));
        let result = study
            .progress
            .with_untracked(|p| apply_import(p, imported.progress, mode, local_days(now())));
        if let Err(error) = study.check_fits(&result) {
            return ImportStep::Failed(format!(
                "This progress would not fit in this browser's storage ({error}), so nothing was changed. Free some room (old backups, other sites' data) or merge a smaller file."
            ));
        }
        let after = (result.cards.len(), result.reviews.len());
        study.progress.set(result);
        ImportStep::Done(format!(
            "Done. You now have {} studied cards (before: {}) and {} answers (before: {}).",
            after.0, before.0, after.1, before.1
        ))
    }
}

/// The preview or outcome of an import (from a file or a backup), with its choices.
#[component]
fn ImportOutcome(
    step: ReadSignal<ImportStep>,
    set_step: WriteSignal<ImportStep>,
    /// What the progress comes from, for the words: "file" or "backup".
    source: &'static str,
) -> impl IntoView {
    let study = use_study();
    let apply = move |mode: ImportMode| {
        if let ImportStep::Preview(imported, _) = step.get_untracked() {
            set_step.set(ImportStep::apply(study, *imported, mode));
        }
    };
    move || {
        match step.get() {
        ImportStep::Idle => None,
        ImportStep::Failed(message) => Some(view! { <p class="error" role="alert">{message}</p> }.into_any()),
        ImportStep::Done(message) => Some(view! { <p role="status">{message}</p> }.into_any()),
        ImportStep::Preview(imported, words) => Some({
            // The preview takes the focus, which brings it on screen (on a phone it appears
            // below the fold, under the file picker) and has it read out.
            let region = NodeRef::<leptos::html::Div>::new();
            Effect::new(move |_| {
                if let Some(region) = region.get() {
                    let _ = region.focus();
                }
            });
            view! {
            <div class="import-preview" role="region" tabindex="-1" node_ref=region aria-label=format!("Preview of the {source}")>
                <p>{words}</p>
                {(!imported.problems.is_empty()).then(|| {
                    let count = imported.problems.len();
                    let shown: Vec<String> = imported.problems.iter().take(20).cloned().collect();
                    view! {
                        <details class="muted">
                            <summary>{format!(
                                "{} in the {source} could not be read, or not as written, and will be left out or bounded.",
                                count_of(count, "record", "records")
                            )}</summary>
                            <ul>{shown.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
                            {(count > 20).then(|| view! { <p>{format!("and {} more.", count - 20)}</p> })}
                        </details>
                    }
                })}
                <div class="button-row">
                    <button class="primary" on:click=move |_| apply(ImportMode::Merge)>"Merge into my progress"</button>
                    <button class="button" on:click=move |_| apply(ImportMode::Replace)>"Replace my progress"</button>
                    <button class="link-button" on:click=move |_| set_step.set(ImportStep::Idle)>"Cancel"</button>
                </div>
            </div>
            }
        }.into_any()),
    }
    }
}

#[component]
fn ExportImport() -> impl IntoView {
    let study = use_study();
    let (step, set_step) = signal(ImportStep::Idle);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // Refused before it is read, with the engine's own words.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let bytes = file.size() as usize;
            set_step.set(ImportStep::Failed(
                ImportError::TooLarge { bytes }.to_string(),
            ));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                set_step.set(ImportStep::Failed(
                    "That file could not be read.".to_owned(),
                ));
                return;
            };
            set_step.set(match read_import(&text, now()) {
                Ok(imported) => ImportStep::preview(study, imported, "file"),
                Err(error) => ImportStep::Failed(error.to_string()),
            });
        });
    };
    view! {
        <h3>"Download or import"</h3>
        <p class="muted">"The file holds every card's schedule, every answer, mock interviews and settings (JSON, described in the project's docs/progress-format.md)."</p>
        <div class="button-row">
            <button class="button" on:click=move |_| download_progress(study)>"Download my progress"</button>
            <label class="button file-button">
                "Import progress from a file"
                <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file/>
            </label>
        </div>
        <ImportOutcome step=step set_step=set_step source="file"/>
    }
}

/// Copies of damaged data kept at load: listed with their size, each with a way to preview it
/// and merge or restore what still reads, and deleted on request.
#[component]
fn Backups() -> impl IntoView {
    let study = use_study();
    let (version, set_version) = signal(0u32);
    let (step, set_step) = signal(ImportStep::Idle);
    let backups = move || {
        version.track();
        study.backups()
    };
    let review = move |key: String| {
        set_step.set(match study.read_backup(&key) {
            Ok(imported) => ImportStep::preview(study, imported, "backup"),
            Err(message) => ImportStep::Failed(message),
        });
    };
    view! {
        {move || {
            let list = backups();
            (!list.is_empty()).then(|| {
                let size: usize = list.iter().map(|b| b.size).sum();
                view! {
                    <h3>"Backups"</h3>
                    <p>{format!(
                        "{} of damaged saved data ({:.1} KB) kept when it was found. Review one to merge what still reads into your progress, or to restore it in place of your progress.",
                        count_of(list.len(), "copy", "copies"),
                        size as f64 / 1024.0
                    )}</p>
                    <ul class="plain-list">
                        {list.into_iter().map(|backup| {
                            let key = backup.key.clone();
                            let label = format!("Review the backup of {} ({:.1} KB)", backup_date(&backup.key), backup.size as f64 / 1024.0);
                            view! {
                                <li><button class="button" on:click=move |_| review(key.clone())>{label}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                    <button class="button" on:click=move |_| {
                        study.delete_backups();
                        set_step.set(ImportStep::Idle);
                        set_version.update(|v| *v += 1);
                    }>"Delete backups"</button>
                }
            })
        }}
        <ImportOutcome step=step set_step=set_step source="backup"/>
    }
}

/// When a backup was made, from the time in its key (`…backup/<ms>`), in the reader's locale.
fn backup_date(key: &str) -> String {
    let ms = key
        .rsplit('/')
        .next()
        .and_then(|tail| tail.split('-').next())
        .and_then(|ms| ms.parse::<f64>().ok());
    match ms {
        Some(ms) => String::from(
            js_sys::Date::new(&ms.into())
                .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
        ),
        None => "an earlier version".to_owned(),
    }
}

/// Reset with a second, explicit confirmation that says what is lost.
#[component]
fn Reset() -> impl IntoView {
    let study = use_study();
    let (confirming, set_confirming) = signal(false);
    let (done, set_done) = signal(false);
    let what = move || {
        study.progress.with(|p| {
            format!(
                "This forgets the schedule of {} cards and {} answers; your settings stay. Download your progress first if you may want it back.",
                p.cards.len(),
                p.reviews.len() + p.history.iter().map(|d| d.answers as usize).sum::<usize>()
            )
        })
    };
    view! {
        <h3>"Start over"</h3>
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button class="button" on:click=move |_| { set_done.set(false); set_confirming.set(true); }>"Reset all progress…"</button>
                <Show when=move || done.get()><p role="status">"All progress was reset."</p></Show>
            }
        >
            <div class="confirm" role="group" aria-label="Confirm reset">
                <p>{what}</p>
                <div class="button-row">
                    <button class="button danger" on:click=move |_| {
                        study.progress.update(|p| *p = reset(p));
                        set_confirming.set(false);
                        set_done.set(true);
                    }>"Reset everything"</button>
                    <button class="link-button" on:click=move |_| set_confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
