//! Keeps the tab title in step with the screen, so history and tabs are readable.

use leptos::prelude::*;

/// The app's name, the suffix of every tab title.
pub const APP_NAME: &str = "Interview Prep";

/// Sets `document.title` to "<page> · Interview Prep" whenever `page` changes.
pub fn set_document_title(page: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let page = page();
        let title = if page.is_empty() {
            APP_NAME.to_string()
        } else {
            format!("{page} · {APP_NAME}")
        };
        document().set_title(&title);
    });
}
