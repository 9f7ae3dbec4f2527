//! The banner for a storage problem, with the way out each problem has: download what would
//! otherwise be lost, discard damaged data, free space, or reload for a newer version.

use leptos::prelude::*;
use prep_engine::progress::transfer::export;

use crate::clock::now;
use crate::download::{dated_file_name, download};
use crate::state::{StudyState, WayOut, use_study};

/// Downloads this browser's progress on the deck being studied as an export file, named after
/// the deck when it is one brought at run time (two decks' exports never share a name).
pub fn download_progress(study: StudyState) {
    let text = study.progress.with_untracked(|p| export(p, now()));
    let stem = match crate::base_path::opened_deck() {
        Some(deck) => format!("interview-prep-progress-{deck}"),
        None => "interview-prep-progress".to_owned(),
    };
    download(&dated_file_name(&stem), &text);
}

#[component]
pub fn StorageNotice() -> impl IntoView {
    let study = use_study();
    move || {
        study.notice.get().map(|notice| {
            let actions = match notice.way_out {
                WayOut::Dismiss => None,
                WayOut::DownloadOrDiscardDamaged => Some(view! {
                    <button on:click=move |_| {
                        download(&dated_file_name("interview-prep-damaged-data"), &study.damaged_data());
                    }>"Download the saved data"</button>
                    <button on:click=move |_| study.discard_damaged()>"Discard it and save from now on"</button>
                }.into_any()),
                WayOut::DownloadOrFreeSpace => {
                    let has_backups = !study.backups().is_empty();
                    Some(view! {
                        <button on:click=move |_| download_progress(study)>"Download my progress"</button>
                        <Show when=move || has_backups>
                            <button on:click=move |_| {
                                study.delete_backups();
                            }>"Delete old backups"</button>
                        </Show>
                    }.into_any())
                }
                WayOut::DownloadProgress => Some(view! {
                    <button on:click=move |_| download_progress(study)>"Download my progress"</button>
                }.into_any()),
                WayOut::Reload => Some(view! {
                    <button on:click=move |_| {
                        let _ = window().location().reload();
                    }>"Reload"</button>
                }.into_any()),
            };
            view! {
                <div class="notice" role="alert">
                    <p>{notice.message}</p>
                    <div class="notice-actions">
                        {actions}
                        <button class="link-button" on:click=move |_| study.notice.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
