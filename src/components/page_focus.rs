//! After a page change the keyboard focus goes to the new page's heading: a screen reader
//! says where the person has arrived, and Tab goes on from the top of the new page rather
//! than from the body (the followed link is gone). Not on the first page of a visit, not
//! while the person types (the header's search field opens the search page), and not when
//! the new screen already put the focus somewhere of its own (fill-in's answer field).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Watches the path for as long as the calling component (the header) lives.
pub fn focus_heading_on_page_change() {
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = path.get();
        if previous.is_some_and(|previous| previous != current) {
            // After the new page has rendered.
            request_animation_frame(focus_heading);
        }
        current
    });
}

fn focus_heading() {
    let document = document();
    let main = document.get_element_by_id("main");
    let taken = crate::components::keys::typing_in_a_field()
        || document.active_element().is_some_and(|active| {
            main.as_ref()
                .is_some_and(|main| main.contains(Some(&active)))
        });
    if !taken {
        focus_main_heading();
    }
}

/// Moves the focus to the page's `<h1>` (focusable by script only).
fn focus_main_heading() {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h1| h1.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// "Skip to content": the first stop of Tab on every page, past the header's links and search
/// field. A plain `href="#main"` would resolve against `<base>` and leave the page, so the
/// link moves the focus itself. Meant as the first child of the app's shell.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=|event| {
            event.prevent_default();
            focus_main_heading();
        }>"Skip to content"</a>
    }
}
