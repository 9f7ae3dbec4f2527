//! What every practice mode shows once an answer is given: the verdict, the card it came
//! from, and the button on (Enter does the same).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::card_link::CardLink;

/// "Correct!" or "Not quite. The answer is: …", announced to screen readers.
#[component]
pub fn Verdict(
    right: bool,
    /// The right answer, shown after a miss.
    answer: String,
) -> impl IntoView {
    if right {
        view! { <p class="verdict good">"Correct!"</p> }.into_any()
    } else {
        view! { <p class="verdict bad">"Not quite. The answer is: " <strong>{answer}</strong></p> }
            .into_any()
    }
}

/// The verdict (the children), a link to the card, and the way on. The answer that shows it
/// moves the focus to it (`focus_soon(FEEDBACK)`; Enter goes on from there), so it is read
/// out and scrolled into view above the bar.
#[component]
pub fn AnswerFeedback(
    /// Index into the deck's cards.
    card: usize,
    /// "Next question", "Next statement".
    next_label: &'static str,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="feedback" role="status" tabindex="-1">
            {children()}
            <p>"From the card: " <CardLink card=card/></p>
        </div>
        <div class="action-bar">
            <button class="primary wide" on:click=move |_| on_next()>{next_label}</button>
        </div>
    }
}

/// Where an answer moves the focus: the verdict.
pub const FEEDBACK: &str = ".feedback";
/// Where the way on moves the focus: the new question's first option.
pub const FIRST_OPTION: &str = "[role=radio]";

/// One option of a pick-one question, as a radio: after the pick, the right option turns
/// green and only a wrong pick turns red.
///
/// The group is one Tab stop (the option last moved to); the arrow keys move between its options
/// as in the ARIA radio pattern, wrapping around, but only move the focus: picking is
/// answering, so Space, Enter or a digit picks. Home and End go to the first and last.
#[component]
pub fn OptionButton(
    index: usize,
    /// Index of the right option.
    correct: usize,
    /// The option picked, once the learner has answered.
    picked: Signal<Option<usize>>,
    on_pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    let class = move || match picked.get() {
        None => "option",
        Some(_) if index == correct => "option correct",
        Some(p) if p == index => "option wrong",
        Some(_) => "option",
    };
    view! {
        <button
            class=class
            role="radio"
            aria-checked=move || (picked.get() == Some(index)).to_string()
            aria-disabled=move || picked.get().is_some().to_string()
            aria-keyshortcuts=(index + 1).to_string()
            tabindex=if index == 0 { "0" } else { "-1" }
            on:click=move |_| on_pick(index)
            on:keydown=move_between_options
        >
            {children()}
        </button>
    }
}

/// Arrow keys, Home and End within a radio group; the option moved to becomes the group's
/// one Tab stop.
fn move_between_options(event: web_sys::KeyboardEvent) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let Some(option) = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(group) = option.parent_element() else {
        return;
    };
    let target = match event.key().as_str() {
        "ArrowDown" | "ArrowRight" => option
            .next_element_sibling()
            .or_else(|| group.first_element_child()),
        "ArrowUp" | "ArrowLeft" => option
            .previous_element_sibling()
            .or_else(|| group.last_element_child()),
        "Home" => group.first_element_child(),
        "End" => group.last_element_child(),
        _ => return,
    };
    event.prevent_default();
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = option.set_attribute("tabindex", "-1");
        let _ = target.set_attribute("tabindex", "0");
        let _ = target.focus();
    }
}
