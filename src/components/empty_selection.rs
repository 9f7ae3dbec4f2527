//! What a study screen says when the chosen sections and kinds give it nothing to ask.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::paths::STUDY_PATH;

#[component]
pub fn EmptySelection(
    /// What there is none of: "questions", "typed questions".
    what: &'static str,
) -> impl IntoView {
    view! {
        <div class="summary">
            <h2>{format!("No {what} for this selection")}</h2>
            <p><A href=href(STUDY_PATH)>"Choose other sections or kinds"</A></p>
        </div>
    }
}
