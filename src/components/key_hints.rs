//! The keyboard shortcuts of a study screen, listed under it. Shown only on devices whose main
//! pointer can hover (a desktop with a keyboard); phones never see them (see `.key-hints` in CSS).

use leptos::prelude::*;

/// One shortcut: the keys as printed on the keyboard, and what they do ("Show answer").
pub type KeyHint = (&'static str, &'static str);

/// "Space Show answer · 1–4 Grade · U Undo", as a list a screen reader can skip.
#[component]
pub fn KeyHints(
    /// The screen's shortcuts, in the order a learner uses them.
    hints: &'static [KeyHint],
) -> impl IntoView {
    view! {
        <ul class="key-hints" aria-label="Keyboard shortcuts">
            {hints
                .iter()
                .map(|(keys, action)| view! { <li><kbd>{*keys}</kbd>" "{*action}</li> })
                .collect_view()}
        </ul>
    }
}
