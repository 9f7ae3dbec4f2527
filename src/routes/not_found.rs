//! The fallback screen for any path the app does not know, including stale card links.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::document_title::set_document_title;
use crate::paths::HOME_PATH;

#[component]
pub fn NotFound(
    /// What was looked for, when the path named something that no longer exists.
    #[prop(optional, into)]
    detail: Option<String>,
) -> impl IntoView {
    set_document_title(|| "Not found".to_string());
    view! {
        <section class="page not-found">
            <h1>"Page not found"</h1>
            <p>{detail.unwrap_or_else(|| "There is nothing at this address.".to_string())}</p>
            <p><A href=href(HOME_PATH)>"Go to all sections"</A></p>
        </section>
    }
}
