//! The interview date to study towards: a date field that sets it (or clears it), and the
//! plan it makes for today. With a date, the scheduler brings every studied card back before
//! it and the day's new cards are planned so the whole deck is met twice (`study::plan`).

use leptos::prelude::*;
use prep_engine::study::InterviewPlan;
use prep_engine::time::Timestamp;

use crate::clock::{now, today};
use crate::state::use_study;

/// The date field, labelled, with a way to clear it.
#[component]
pub fn InterviewDateField() -> impl IntoView {
    let progress = use_study().progress;
    let value = move || progress.with(|p| p.settings.interview.map(date_text).unwrap_or_default());
    let set =
        move |interview: Option<Timestamp>| progress.update(|p| p.settings.interview = interview);
    view! {
        <div class="field interview-date">
            <label for="interview-date">"Interview date"</label>
            <div class="button-row">
                <input
                    id="interview-date"
                    type="date"
                    prop:value=value
                    on:change=move |ev| set(parse_date(&event_target_value(&ev)))
                />
                <Show when=move || progress.with(|p| p.settings.interview.is_some())>
                    <button class="link-button" on:click=move |_| set(None)>"Clear the date"</button>
                </Show>
            </div>
            <small class="muted">"With a date, every card you study comes back before it, and each day's new cards are planned so you meet every card at least twice."</small>
        </div>
    }
}

/// "6 days to your interview: today 12 new and 30 reviews, about 25 minutes", or nothing
/// without a date (or once it has come).
#[component]
pub fn InterviewPlanLine() -> impl IntoView {
    let study = use_study();
    let counts = study.queue_counts();
    let plan = Memo::new(move |_| {
        let at = now();
        let interview = study.progress.with(|p| p.settings.interview)?;
        let pace = study.pace();
        let steps = study.answers_per_new_card();
        InterviewPlan::today(&counts.get(), interview, today(at), pace, steps)
    });
    move || {
        plan.get()
            .map(|plan| view! { <p class="interview-plan">{plan.describe()}</p> })
    }
}

/// The local calendar date of `at`, as a date field holds it (`2026-12-13`).
fn date_text(at: Timestamp) -> String {
    let date = js_sys::Date::new(&(at.0 as f64).into());
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Local midnight of a date field's value, or `None` for an empty or malformed one.
fn parse_date(text: &str) -> Option<Timestamp> {
    let mut parts = text.split('-').map(|part| part.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let date = js_sys::Date::new_with_year_month_day(year, month as i32 - 1, day as i32);
    let ms = date.get_time();
    ms.is_finite().then_some(Timestamp(ms as i64))
}
