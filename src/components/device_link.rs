//! The schedule between devices without an account or a server: a link (and its QR code)
//! whose fragment carries every studied card's schedule (`progress::handoff`), and the preview
//! that opening such a link shows before anything merges.

use leptos::prelude::*;
use prep_engine::progress::Progress;
use prep_engine::progress::handoff::{FRAGMENT_KEY, decode_schedule, encode_schedule};
use prep_engine::progress::transfer::{ImportMode, apply_import, preview};
use wasm_bindgen::JsValue;

use crate::base_path::href;
use crate::clock::now;
use crate::components::qr_code::QrCodeSvg;
use crate::deck::{content_fingerprint, loaded_deck};
use crate::paths::PROGRESS_PATH;
use crate::state::use_study;

/// "Move to another device": makes the link on request, with a copy button and a QR code.
#[component]
pub fn MakeDeviceLink() -> impl IntoView {
    let study = use_study();
    let (link, set_link) = signal(None::<(String, usize)>);
    let make = move |_| {
        let (payload, left_out) = study
            .progress
            .with_untracked(|p| encode_schedule(loaded_deck(), content_fingerprint(), p));
        let origin = window().location().origin().unwrap_or_default();
        set_link.set(Some((
            format!("{origin}{}#{FRAGMENT_KEY}={payload}", href(PROGRESS_PATH)),
            left_out,
        )));
    };
    let (copied, set_copied) = signal(false);
    view! {
        <h3>"Move to another device"</h3>
        <p class="muted">"A link that carries every studied card's schedule. Open it on your phone or another browser: it shows what changes, then merges, keeping the later review of each card. Answers stay where they were given. The schedule is in the part of the link after #, which browsers never send to any server."</p>
        <button class="button" on:click=make>"Make a link for another device"</button>
        {move || link.get().map(|(url, left_out)| {
            let for_copy = url.clone();
            view! {
                <label class="field">
                    <span>"Link to your schedule"</span>
                    <input type="text" readonly prop:value=url.clone() on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                </label>
                <button class="button" on:click=move |_| {
                    copy_text(&for_copy);
                    set_copied.set(true);
                }>"Copy link"</button>
                <Show when=move || copied.get()><span role="status">" Copied."</span></Show>
                {(left_out > 0).then(|| view! {
                    <p class="muted small">{format!("{left_out} cards no longer in the questions are not in the link.")}</p>
                })}
                {view! { <QrCodeSvg text=url label="QR code of the link to your schedule".to_owned()/> }}
                <p class="muted small">"Scan it with the other device's camera, or send yourself the link."</p>
            }
        })}
    }
}

/// `navigator.clipboard.writeText(text)`, read through `Reflect` so no unstable web-sys API is
/// needed; without a clipboard (plain http), the field stays selectable by hand.
fn copy_text(text: &str) {
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return;
    };
    if let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        && let Some(write) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&write)
    {
        let _ = write.call1(&clipboard, &JsValue::from_str(text));
    }
}

/// What the page's `#schedule=…` fragment holds, if it holds one.
fn arriving_schedule() -> Option<Result<Progress, String>> {
    let hash = window().location().hash().ok()?;
    let payload = hash
        .strip_prefix('#')?
        .strip_prefix(FRAGMENT_KEY)?
        .strip_prefix('=')?;
    Some(
        decode_schedule(loaded_deck(), content_fingerprint(), payload, now())
            .map_err(|e| e.to_string()),
    )
}

/// Drops the fragment, so a reload or a bookmark does not offer the same merge again.
fn forget_fragment() {
    let path = window().location().pathname().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// Shown when the page was opened from a schedule link: what merging would change, then the
/// choice.
#[component]
pub fn ScheduleArrival() -> impl IntoView {
    let study = use_study();
    let (arrival, set_arrival) = signal(arriving_schedule());
    // A link pasted into a tab already on this page changes only the fragment.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_arrival.set(arriving_schedule());
    });
    on_cleanup(move || listener.remove());
    let (done, set_done) = signal(None::<String>);
    let merge = move |_| {
        let Some(Ok(theirs)) = arrival.get_untracked() else {
            return;
        };
        let count = theirs.cards.len();
        study
            .progress
            .update(|p| *p = apply_import(p, theirs, ImportMode::Merge));
        forget_fragment();
        set_arrival.set(None);
        set_done.set(Some(format!(
            "Merged the schedules of {count} cards from your other device."
        )));
    };
    let cancel = move |_| {
        forget_fragment();
        set_arrival.set(None);
    };
    view! {
        {move || done.get().map(|message| view! { <p class="notice-inline" role="status">{message}</p> })}
        {move || arrival.get().map(|arrived| match arrived {
            Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
            Ok(theirs) => {
                let shown = study.progress.with_untracked(|p| preview(p, &theirs));
                view! {
                    <section class="import-preview" role="region" aria-label="Schedule from another device">
                        <h2>"Schedule from another device"</h2>
                        <p>{format!(
                            "The link has the schedules of {} cards. Merging adds {} cards, takes the link's later review for {}, and keeps yours for {}.",
                            theirs.cards.len(), shown.cards_added, shown.cards_updated, shown.cards_kept
                        )}</p>
                        <div class="button-row">
                            <button class="button primary" on:click=merge>"Merge into my progress"</button>
                            <button class="link-button" on:click=cancel>"Cancel"</button>
                        </div>
                    </section>
                }.into_any()
            }
        })}
    }
}
