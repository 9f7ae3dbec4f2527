//! What every practice mode shows once an answer is given: the verdict, the card it came
//! from, and the button on (Enter does the same).

use leptos::prelude::*;

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

/// The verdict (the children), a link to the card, and the way on.
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
        <div class="feedback" role="status">
            {children()}
            <p>"From the card: " <CardLink card=card/></p>
        </div>
        <div class="action-bar">
            <button class="primary wide" on:click=move |_| on_next()>{next_label}</button>
        </div>
    }
}

/// One option of a pick-one question, as a radio: after the pick, the right option turns
/// green and only a wrong pick turns red.
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
            on:click=move |_| on_pick(index)
        >
            {children()}
        </button>
    }
}
