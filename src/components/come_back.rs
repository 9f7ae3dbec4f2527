//! "Next: 12 cards tomorrow morning.": when the next reviews come, at the end of every sitting
//! and on home when nothing is left for now, so a learner knows when to come back.

use leptos::prelude::*;
use prep_engine::study::{LocalMoment, StudyFilter, next_reviews};
use prep_engine::time::Timestamp;

use crate::clock::{now, today};
use crate::deck::use_cards;
use crate::state::use_study;

/// The next reviews of `filter` (the saved selection when `None`), kept up to date as progress
/// changes; nothing when no studied card is scheduled.
#[component]
pub fn ComeBack(#[prop(optional)] filter: Option<StudyFilter>) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let said = Memo::new(move |_| {
        let at = now();
        let next = study.progress.with(|p| match &filter {
            Some(f) => next_reviews(deck, p, f, at, today),
            None => study.filter.with(|f| next_reviews(deck, p, f, at, today)),
        })?;
        Some(next.describe(at, local_moment(next.first)))
    });
    move || {
        said.get()
            .map(|text| view! { <p class="come-back">{text}</p> })
    }
}

/// `at` on the learner's clock.
fn local_moment(at: Timestamp) -> LocalMoment {
    let date = js_sys::Date::new(&(at.0 as f64).into());
    LocalMoment {
        hour: date.get_hours(),
        minute: date.get_minutes(),
        weekday: date.get_day(),
        day: date.get_date(),
        month: date.get_month() + 1,
    }
}
