//! The bar across the top of every session: how far through it the person is.

use leptos::prelude::*;

use crate::percent::css_percent;

#[component]
pub fn ProgressBar(
    /// (done, total)
    #[prop(into)]
    progress: Signal<(usize, usize)>,
    /// What is being counted, for screen readers ("Cards", "Questions").
    label: &'static str,
) -> impl IntoView {
    view! {
        <div class="session-progress">
            <div
                class="bar"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax=move || progress.get().1
                aria-valuenow=move || progress.get().0
            >
                <div class="bar-fill" style:width=move || { let (done, total) = progress.get(); css_percent(done, total) }></div>
            </div>
            <span class="bar-text">{move || { let (d, t) = progress.get(); format!("{d} / {t}") }}</span>
        </div>
    }
}

/// "2 to try again": missed items waiting later in the round, which is why its total grew
/// (issue 27: a 10-question quiz grew to 22 with no word about why).
#[component]
pub fn RetriesWaiting(#[prop(into)] count: Signal<usize>) -> impl IntoView {
    view! {
        <p class="retries-waiting muted small" aria-live="polite">
            {move || match count.get() {
                0 => String::new(),
                n => format!("{n} to try again: what you miss comes back before the round ends."),
            }}
        </p>
    }
}
