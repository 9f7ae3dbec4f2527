//! The bar across the top of every session: how far through it the person is.

use leptos::prelude::*;

#[component]
pub fn ProgressBar(
    /// (done, total)
    #[prop(into)]
    progress: Signal<(usize, usize)>,
    /// What is being counted, for screen readers ("Cards", "Questions").
    label: &'static str,
) -> impl IntoView {
    let percent = move || {
        let (done, total) = progress.get();
        if total == 0 {
            100.0
        } else {
            done as f64 * 100.0 / total as f64
        }
    };
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
                <div class="bar-fill" style:width=move || format!("{:.1}%", percent())></div>
            </div>
            <span class="bar-text">{move || { let (d, t) = progress.get(); format!("{d} / {t}") }}</span>
        </div>
    }
}
