//! Light or dark: the system's choice unless the person picks one. The pick is a preference of
//! this browser (beside the study filter, under `StoreKeys::preference`), applied as
//! `data-theme` on `<html>`, which the stylesheet's colours follow.

use leptos::prelude::*;
use prep_engine::storage::Storage;

use crate::browser_storage::BrowserStorage;

/// The preference's name: `interview-prep@/interview-prep/:theme` holds "light" or "dark".
pub const THEME_KEY: &str = "theme";

/// The choices, as stored ("" is no choice: follow the system) and as labelled.
const THEMES: [(&str, &str); 3] = [("", "System"), ("light", "Light"), ("dark", "Dark")];

fn key() -> String {
    crate::state::site_keys().preference(THEME_KEY)
}

/// The saved choice, or "" (anything unreadable means the system's).
fn saved() -> &'static str {
    let stored = BrowserStorage::local().get(&key()).ok().flatten();
    match stored.as_deref() {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "",
    }
}

/// `data-theme` on `<html>`: "light", "dark", or "" (the system's).
fn apply(theme: &str) {
    // Natively (build-time pages) there is no document: the app applies it when it starts.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Applies the saved choice to the page (once, when the app starts).
pub fn apply_saved_theme() {
    apply(saved());
}

/// Applies `theme` and remembers it ("" forgets the choice).
fn choose(theme: &str) {
    apply(theme);
    let mut storage = BrowserStorage::local();
    // A preference: failing to keep it is not worth a notice.
    let _ = if theme.is_empty() {
        storage.remove(&key())
    } else {
        storage.set(&key(), theme)
    };
}

/// System / Light / Dark, as radio buttons; a pick applies at once and is remembered. The
/// buttons keep their own state: nothing else on the page shows the choice.
#[component]
pub fn ThemeChoice() -> impl IntoView {
    let theme = saved();
    view! {
        <fieldset class="theme-choice">
            <legend>"Theme"</legend>
            {THEMES
                .into_iter()
                .map(|(value, label)| view! {
                    <label class="check">
                        <input
                            type="radio"
                            name="theme"
                            checked=theme == value
                            on:change=move |_| choose(value)
                        />
                        {label}
                    </label>
                })
                .collect_view()}
        </fieldset>
    }
}
