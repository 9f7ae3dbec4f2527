//! The practice screens' wait for the question bank. The built-in deck's choice and fill-in
//! items, key points and drills are the larger half of its bytes and no page a visit opens
//! asks them, so the wasm
//! embeds the deck without them and [`NeedsQuestionBank`] fetches the bank (a file beside the
//! app, named by its digest, cached by the service worker) the first time a screen that asks
//! them opens; a deck read whole (one a person brought) has it already.

use leptos::prelude::*;

use crate::deck::use_deck;

/// Renders `children` once the studied deck's question bank is there: at once when it is,
/// else after fetching it, with a status line meanwhile and a way to try again if it fails.
#[component]
pub fn NeedsQuestionBank(children: ChildrenFn) -> impl IntoView {
    let deck = use_deck();
    let failed = RwSignal::new(None::<String>);
    let ready = RwSignal::new(deck.bank_ready());
    let fetch = move || {
        failed.set(None);
        leptos::task::spawn_local(async move {
            match fetch_bank(deck).await {
                Ok(()) => ready.set(true),
                Err(why) => failed.set(Some(why)),
            }
        });
    };
    if !ready.get_untracked() {
        fetch();
    }
    move || match (ready.get(), failed.get()) {
        (true, _) => children().into_any(),
        // A heading either way, so the page is never without one while it waits.
        (false, None) => view! {
            <div role="status" aria-busy="true">
                <h1 class="session-title">"Loading the questions…"</h1>
            </div>
        }
        .into_any(),
        (false, Some(why)) => view! {
            <div role="alert">
                <h1 class="session-title">"The questions could not be loaded"</h1>
                <p>{why}"."</p>
                <button type="button" class="button" on:click=move |_| fetch()>"Try again"</button>
            </div>
        }
        .into_any(),
    }
}

/// Where the bank is: beside the app, or inlined into the page by the single-file copy
/// (`scripts/single-file.mjs` writes `<link id="question-bank" href="data:…">`).
fn bank_url(deck: &prep_engine::compiled::CompiledDeck) -> String {
    let inlined = document()
        .get_element_by_id("question-bank")
        .and_then(|link| link.get_attribute("href"));
    inlined.unwrap_or_else(|| crate::base_path::site_href(&format!("/{}", deck.bank_file_name())))
}

/// Fetches the bank and attaches it to `deck` (which checks it is this deck's).
async fn fetch_bank(deck: &'static prep_engine::compiled::CompiledDeck) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let offline = || "You seem to be offline, and this browser has no copy of them yet".to_owned();
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&bank_url(deck)))
        .await
        .map_err(|_| offline())?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("The server answered {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| offline())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| offline())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // Kept for the page's life, as the deck it belongs to.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    // Only a file from another version of the site fails the check (a deploy between the
    // page and the fetch): a reload gets the page and its questions from one version.
    deck.attach_bank(bytes).map_err(|_| {
        "The file received is not this version's questions; reload the page".to_owned()
    })
}
