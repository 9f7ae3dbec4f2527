//! "?": every keyboard shortcut on one sheet, as Gmail and GitHub show theirs. Each study
//! screen lists its own under it; this brings them together, from any screen. A native modal
//! `<dialog>`: it keeps the focus inside, Escape closes it, and the focus returns to where it
//! was.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::components::key_hints::KeyHint;
use crate::routes::{drill, fill_in, mock, quiz, recall, review};

/// The keys that work on every screen.
const EVERYWHERE: &[KeyHint] = &[
    ("/", "Search"),
    ("?", "This list of shortcuts"),
    ("Ctrl+Z", "Undo the last grade (flashcard review)"),
];

/// Each screen's shortcuts, the same lists the screens show under themselves.
fn screens() -> [(&'static str, &'static [KeyHint]); 7] {
    [
        ("Everywhere", EVERYWHERE),
        ("Flashcard review", review::KEYS),
        ("Multiple choice", quiz::KEYS),
        ("Classification drill", drill::KEYS),
        ("Fill in", fill_in::KEYS),
        ("Typed recall", recall::KEYS),
        ("Mock interview", mock::KEYS),
    ]
}

/// The sheet, and the `?` key (outside text fields) that opens it; also opened by the footer's
/// button, for anyone who does not know the key.
#[component]
pub fn ShortcutSheet() -> impl IntoView {
    let sheet = NodeRef::<html::Dialog>::new();
    let open = move || {
        if let Some(dialog) = sheet.get()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    };
    let handle = window_event_listener(ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if plain && event.key() == "?" && !crate::components::keys::typing_in_a_field() {
            event.prevent_default();
            open();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" class="link-button" on:click=move |_| open()>"Keyboard shortcuts"</button>
        <dialog node_ref=sheet class="shortcut-sheet" aria-labelledby="shortcuts-title">
            // Close first, so the focus it takes on opening leaves the sheet at its top.
            <form method="dialog" class="shortcut-sheet-head">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <button class="button">"Close"</button>
            </form>
            {screens()
                .into_iter()
                .map(|(screen, keys)| view! {
                    <h3>{screen}</h3>
                    <dl class="shortcut-list">
                        {keys.iter().map(|(key, action)| view! {
                            <div><dt><kbd>{*key}</kbd></dt><dd>{*action}</dd></div>
                        }).collect_view()}
                    </dl>
                })
                .collect_view()}
        </dialog>
    }
}
