//! Progress: what the learner has done and what lies ahead (the engine's `stats`), and the
//! controls that keep it safe (`KeepProgress`).

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::stats::{MIN_RETENTION_REVIEWS, Stats, stats};

use crate::base_path::href;
use crate::clock::{local_days, now};
use crate::components::card_labels::card_title;
use crate::components::charts::{
    CalendarHeatmap, ForecastChart, MasteryBar, MasteryKey, mastery_words,
};
use crate::components::device_link::ScheduleArrival;
use crate::components::document_title::set_document_title;
use crate::components::keep_progress::KeepProgress;
use crate::components::theme::ThemeChoice;
use crate::deck::use_cards;
use crate::paths::{card_path, section_path};
use crate::state::use_study;
use prep_engine::text::count_of;

#[component]
pub fn ProgressPage() -> impl IntoView {
    set_document_title(|| "Progress".to_owned());
    let study = use_study();
    let deck = use_cards();
    let numbers = Memo::new(move |_| {
        let at = now();
        study
            .progress
            .with(|p| stats(deck, p, &p.history, at, local_days(at)))
    });
    view! {
        <section class="page progress-page">
            <h1>"Your progress"</h1>
            <ScheduleArrival/>
            {move || {
                let s = numbers.get();
                view! {
                    <Summary stats=s.clone()/>
                    <section aria-labelledby="mastery-heading">
                        <h2 id="mastery-heading">"Mastery by section"</h2>
                        <MasteryKey/>
                        <SectionBars stats=s.clone()/>
                    </section>
                    <section aria-labelledby="ahead-heading">
                        <h2 id="ahead-heading">"Reviews ahead"</h2>
                        <p>{format!(
                            "{} due in the next 7 days, {} in the next 30.",
                            s.forecast.week, s.forecast.month
                        )}</p>
                        <ForecastChart forecast=s.forecast.clone() today=s.today/>
                    </section>
                    <section aria-labelledby="calendar-heading">
                        <h2 id="calendar-heading">"Your year"</h2>
                        <CalendarHeatmap heatmap=s.heatmap.clone()/>
                    </section>
                    <Leeches stats=s/>
                }
            }}
            <KeepProgress/>
            <section aria-labelledby="display-heading">
                <h2 id="display-heading">"Display"</h2>
                <ThemeChoice/>
            </section>
        </section>
    }
}

/// The headline numbers, each a term and its value.
#[component]
fn Summary(stats: Stats) -> impl IntoView {
    let retention = match stats.retention.share {
        Some(share) => format!(
            "{:.0}% ({} of {} reviews)",
            share * 100.0,
            stats.retention.passed,
            stats.retention.total
        ),
        None if stats.retention.total == 0 => "no reviews yet".to_owned(),
        None => format!(
            "not enough reviews yet ({} of {MIN_RETENTION_REVIEWS})",
            stats.retention.total
        ),
    };
    let days = |n: u32| count_of(n as usize, "day", "days");
    // Practice tests a card without being a review of it: counted apart (flashcards, typed
    // recall and mock interviews are reviews).
    let t = stats.totals;
    let reviews_today = t.answers_today.saturating_sub(t.practice_answers_today);
    let reviews = t.answers.saturating_sub(t.practice_answers);
    view! {
        <dl class="stat-grid">
            <div><dt>"Streak"</dt><dd>{days(stats.streaks.current)}<small>{format!("best {}", days(stats.streaks.best))}</small></dd></div>
            <div><dt>"Reviews today"</dt><dd>{reviews_today}<small>{format!("{reviews} in all")}</small></dd></div>
            <div><dt>"Practice today"</dt><dd>{t.practice_answers_today}<small>{format!("quiz, drill and fill-in: {} in all", t.practice_answers)}</small></dd></div>
            <div><dt>"Retention, last 30 days"</dt><dd>{retention}</dd></div>
            <div><dt>"Time studied"</dt><dd>{duration(stats.time.total_seconds)}<small>{format!("{} this week", duration(stats.time.last_7_days_seconds))}</small></dd></div>
            <div><dt>"Cards studied"</dt><dd>{format!("{} of {}", stats.deck.total - stats.deck.new, stats.deck.total)}</dd></div>
        </dl>
        <p class="muted small">"Time is estimated from when answers were given (at most a minute an answer)."</p>
    }
}

/// "2 h 05 min", "14 min", "40 s".
fn duration(seconds: u64) -> String {
    match seconds {
        s if s >= 3600 => format!("{} h {:02} min", s / 3600, s % 3600 / 60),
        s if s >= 60 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

#[component]
fn SectionBars(stats: Stats) -> impl IntoView {
    let deck = use_cards();
    view! {
        <ul class="mastery-list">
            {stats
                .sections
                .into_iter()
                .map(|section| {
                    let words = format!(
                        "{} of {}",
                        mastery_words(&section.mastery),
                        section.mastery.total
                    );
                    view! {
                        <li>
                            <A href=href(&section_path(&deck.sections[section.section].id))>{section.title}</A>
                            <MasteryBar mastery=section.mastery/>
                            <span class="small muted">{words}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Leeches(stats: Stats) -> impl IntoView {
    let deck = use_cards();
    (!stats.leeches.is_empty()).then(|| {
        view! {
            <section aria-labelledby="leech-heading">
                <h2 id="leech-heading">"Cards you keep forgetting"</h2>
                <p class="muted">"Forgotten 8 times or more. Rewriting the answer in your own words, or splitting it, helps more than reviewing it again."</p>
                <ul class="card-list">
                    {stats
                        .leeches
                        .iter()
                        .map(|&i| {
                            let card = &deck.cards[i];
                            view! { <li><A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A></li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
