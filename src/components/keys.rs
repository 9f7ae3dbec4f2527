//! Desktop keyboard shortcuts for study screens, ignored while the person types in a field.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `handler` with the key of every keydown outside text fields, until the screen unmounts.
pub fn on_study_key(handler: impl Fn(&str, &web_sys::KeyboardEvent) + 'static) {
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || typing_in_field(&event)
            || arrow_in_radio_group(&event)
        {
            return;
        }
        handler(&event.key(), &event);
    });
    on_cleanup(move || handle.remove());
}

fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}

/// An arrow key on an option of a radio group moves between its options (`OptionButton`),
/// whatever the screen's own arrow shortcuts do elsewhere.
fn arrow_in_radio_group(event: &web_sys::KeyboardEvent) -> bool {
    event.key().starts_with("Arrow")
        && event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.get_attribute("role").as_deref() == Some("radio"))
}

/// Calls `handler` when `/` is pressed outside text fields (the web's usual "go to search"
/// key), for as long as the calling component lives.
pub fn on_search_key(handler: impl Fn() + 'static) {
    let handle = window_event_listener(ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if plain && event.key() == "/" && !typing_in_field(&event) {
            event.prevent_default();
            handler();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Calls `handler` on Ctrl+Z (Cmd+Z on a Mac) outside text fields, where a field's own undo
/// must keep working, until the screen unmounts.
pub fn on_undo_key(handler: impl Fn() + 'static) {
    let handle = window_event_listener(ev::keydown, move |event| {
        let undo = (event.ctrl_key() || event.meta_key())
            && !event.alt_key()
            && !event.shift_key()
            && event.key().eq_ignore_ascii_case("z");
        if undo && !typing_in_field(&event) {
            event.prevent_default();
            handler();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Calls `handler` on Ctrl+Enter (Cmd+Enter on a Mac) anywhere, inside text fields too:
/// the way to say "done" from a field where a plain Enter writes a new line (typed recall's
/// answer, the mock interview's notes), until the screen unmounts.
pub fn on_ctrl_enter(handler: impl Fn() + 'static) {
    let handle = window_event_listener(ev::keydown, move |event| {
        if (event.ctrl_key() || event.meta_key()) && !event.alt_key() && event.key() == "Enter" {
            event.prevent_default();
            handler();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Moves the keyboard focus to `target` once it is on the page: a screen that ends a
/// sitting puts its way on one Enter away, not ten Tabs.
pub fn focus_when_mounted(target: NodeRef<leptos::html::Button>) {
    Effect::new(move |_| {
        if let Some(button) = target.get() {
            focus_below_result(&button);
        }
    });
}

/// The end of a sitting: its result (the enclosing `.summary`) scrolled to the top of the
/// screen, under the sticky header, and `action` focused without scrolling, so the score is
/// what the learner sees and one Enter goes on (issue 27: the mock report opened 830 px below
/// its score). Leaves the focus alone while the person types in a field.
pub fn focus_below_result(action: &web_sys::HtmlElement) {
    if typing_in_a_field() {
        return;
    }
    if let Ok(Some(result)) = action.closest(".summary") {
        result.scroll_into_view_with_bool(true);
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = action.focus_with_options(&options);
}

/// True while the person types in a text field (the header's search, an answer): a screen that
/// (re)renders then must not take the focus, or the next letters go nowhere and a phone's
/// keyboard closes (issue 27: search from a sitting's summary kept only its first letter).
pub fn typing_in_a_field() -> bool {
    document()
        .active_element()
        .is_some_and(|active| matches!(active.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// A new item of a round: the page back at its top (the session's heading clear of the sticky
/// header, as on arrival) and the focus on the first element matching `selector`, without
/// scrolling away from the top (issue 27: after "Next", the h1 sat half under the header).
pub fn focus_new_item(selector: &'static str) {
    request_animation_frame(move || {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(target) = first_html_element(selector) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    });
}

/// Moves the keyboard focus to the first element matching `selector` once the change under
/// way is on the page: new content (an answer shown, a verdict, a checked answer; with
/// `tabindex="-1"`) is read out by a screen reader, scrolled into view above the action bar
/// (see `scroll-padding` in the stylesheet), and Tab goes on from there; a new question's
/// first option takes the place of the button that led to it. Called by the action that shows
/// it (never on load or on a timeout); does nothing if nothing matches.
pub fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(target) = first_html_element(selector) {
            let _ = target.focus();
        }
    });
}

/// The first element matching `selector`, if it is an HTML element.
fn first_html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}
