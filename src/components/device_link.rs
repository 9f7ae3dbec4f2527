//! The schedule between devices without an account or a server: a link (and its QR code)
//! whose fragment carries every studied card's schedule (`progress::handoff`), and the preview
//! that opening such a link shows before anything merges.

use leptos::prelude::*;
use prep_engine::compiled::CompiledDeck;
use prep_engine::progress::handoff::{
    CARDS_PER_CODE, FRAGMENT_KEY, LinkSchedule, decode_schedule, encode_schedule_parts,
};
use prep_engine::progress::transfer::{ImportMode, apply_import, preview};
use wasm_bindgen::JsValue;

use crate::base_path::href;
use crate::clock::{local_days, now};
use crate::components::qr_code::QrCodeSvg;
use crate::deck::use_deck;
use crate::paths::PROGRESS_PATH;
use crate::state::use_study;
use prep_engine::text::{by_number, count_of};

/// "Move to another device": makes the link on request, with a copy button and a QR code.
#[component]
pub fn MakeDeviceLink() -> impl IntoView {
    if crate::base_path::is_single_file() {
        // A link to a file on this disk opens nowhere else: offer only what works.
        return view! {
            <h3>"Move to another device"</h3>
            <p class="muted">"This copy of the app is a file on this device, so a link to it would not open anywhere else. Download your progress below and import the file in the other copy of the app."</p>
        }
        .into_any();
    }
    let study = use_study();
    // The links (one per code of at most CARDS_PER_CODE cards) and how many cards were left out.
    let (links, set_links) = signal(None::<(Vec<String>, usize)>);
    let (shown, set_shown) = signal(0usize);
    let deck = use_deck();
    let make = move |_| {
        let (payloads, left_out) = study.progress.with_untracked(|p| {
            encode_schedule_parts(deck.deck(), &deck.fingerprint, p, CARDS_PER_CODE, now())
        });
        let origin = window().location().origin().unwrap_or_default();
        let base = format!("{origin}{}#{FRAGMENT_KEY}=", href(PROGRESS_PATH));
        let urls = payloads.into_iter().map(|p| format!("{base}{p}")).collect();
        set_shown.set(0);
        set_links.set(Some((urls, left_out)));
    };
    let (copied, set_copied) = signal(false);
    view! {
        <h3>"Move to another device"</h3>
        <p class="muted">"Links that carry every studied card's schedule. Open them on your phone or another browser: each shows what changes, then merges, keeping the later review of each card. Answers stay where they were given. The schedule is in the part of the link after #, which browsers never send to any server."</p>
        <button class="button" on:click=make>"Make a link for another device"</button>
        {move || links.get().map(|(urls, left_out)| {
            let count = urls.len();
            let all = urls.join("\n");
            let current = move || urls[shown.get().min(count - 1)].clone();
            let current_for_input = current.clone();
            view! {
                {(count > 1).then(|| view! {
                    <p>{format!(
                        "Your schedule takes {count} codes of up to {CARDS_PER_CODE} cards each, so that each can be read off this screen. Scan them one after another; each merges its own cards, in any order."
                    )}</p>
                })}
                <label class="field">
                    <span>{move || if count > 1 { format!("Link {} of {count}", shown.get() + 1) } else { "Link to your schedule".to_owned() }}</span>
                    <input type="text" readonly prop:value=current_for_input on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                </label>
                <button class="button" on:click=move |_| {
                    copy_text(&all);
                    set_copied.set(true);
                }>{if count > 1 { format!("Copy all {count} links") } else { "Copy link".to_owned() }}</button>
                <Show when=move || copied.get()><span role="status">" Copied."</span></Show>
                {(left_out > 0).then(|| view! {
                    <p class="muted small">{format!("{left_out} cards no longer in the questions are not in the link.")}</p>
                })}
                {move || {
                    let n = shown.get();
                    let label = if count > 1 {
                        format!("QR code {} of {count} of the links to your schedule", n + 1)
                    } else {
                        "QR code of the link to your schedule".to_owned()
                    };
                    view! { <QrCodeSvg text=current() label=label/> }
                }}
                {(count > 1).then(|| {
                    let at_first = move || shown.get() == 0;
                    let at_last = move || shown.get() + 1 >= count;
                    view! {
                        <div class="button-row">
                            <button class="button" disabled=at_first on:click=move |_| set_shown.update(|n| *n = n.saturating_sub(1))>"Previous code"</button>
                            <button class="button" disabled=at_last on:click=move |_| set_shown.update(|n| *n = (*n + 1).min(count - 1))>"Next code"</button>
                        </div>
                    }
                })}
                <p class="muted small">"Scan it with the other device's camera, or send yourself the link."</p>
            }
        })}
    }
    .into_any()
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
fn arriving_schedule(deck: &CompiledDeck) -> Option<Result<LinkSchedule, String>> {
    let hash = window().location().hash().ok()?;
    let payload = hash
        .strip_prefix('#')?
        .strip_prefix(FRAGMENT_KEY)?
        .strip_prefix('=')?;
    Some(decode_schedule(deck.deck(), &deck.fingerprint, payload, now()).map_err(|e| e.to_string()))
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
    let deck = use_deck();
    let (arrival, set_arrival) = signal(arriving_schedule(deck));
    // A link pasted into a tab already on this page changes only the fragment.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_arrival.set(arriving_schedule(deck));
    });
    on_cleanup(move || listener.remove());
    let (done, set_done) = signal(None::<String>);
    let merge = move |_| {
        let Some(Ok(LinkSchedule {
            progress: theirs, ..
        })) = arrival.get_untracked()
        else {
            return;
        };
        let count = theirs.cards.len();
        study
            .progress
            .update(|p| *p = apply_import(p, theirs, ImportMode::Merge, local_days(now())));
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
            Ok(LinkSchedule { progress: theirs, left_out }) => {
                let shown = study.progress.with_untracked(|p| preview(p, &theirs));
                view! {
                    <section class="import-preview" role="region" aria-label="Schedule from another device">
                        <h2>"Schedule from another device"</h2>
                        <p>{format!(
                            "The link has the schedules of {} cards. Merging adds {} cards, takes the link's later review for {}, and keeps yours for {}.",
                            theirs.cards.len(), shown.cards_added, shown.cards_updated, shown.cards_kept
                        )}</p>
                        {(left_out > 0).then(|| view! {
                            <p class="muted">{format!(
                                "{} of the link {} left out: damaged, not in these questions, not a schedule this app makes, or dated after the link was made.",
                                count_of(left_out, "entry", "entries"),
                                by_number(left_out, "is", "are")
                            )}</p>
                        })}
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
