//! Home: the deck's parts and sections, each with its card count.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::content::Deck;
use prep_engine::stats::current_streaks;
use prep_engine::study::KindFilter;
use prep_engine::study::plan::about_minutes;

use crate::base_path::href;
use crate::clock::{local_days, now};
use crate::components::come_back::ComeBack;
use crate::components::document_title::set_document_title;
use crate::components::interview_date::{InterviewDateField, InterviewPlanLine};
use crate::components::next_steps::MeanwhileLink;
use crate::deck::use_cards;
use crate::paths::{PROGRESS_PATH, REVIEW_PATH, STUDY_PATH};
use crate::paths::{kind_path, section_path};
use crate::state::{review_counts_label, use_study};
use prep_engine::text::count_of;

#[component]
pub fn HomePage() -> impl IntoView {
    let deck = use_cards();
    set_document_title(String::new);
    view! {
        <section class="page home">
            <h1>{deck.title.clone()}</h1>
            <p class="lede">{deck_summary(deck)}</p>
            <StudyCallToAction/>
            {deck
                .parts
                .iter()
                .enumerate()
                .map(|(part, p)| {
                    let heading_id = format!("part-{part}");
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="part" aria-labelledby=labelled_by>
                            // The first part's title is the deck's, already the page heading.
                            <h2 id=heading_id class:visually-hidden=p.title == deck.title>{p.title.clone()}</h2>
                            <ul class="section-list">
                                {deck
                                    .sections_in_part(part)
                                    .map(|(section, s)| {
                                        let count = deck.cards_in_section(section).count();
                                        view! {
                                            <li>
                                                <A href=href(&section_path(&s.id))>
                                                    <span class="section-title">{s.title.clone()}</span>
                                                    <span class="count">{cards_label(count)}</span>
                                                </A>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// What is waiting today and how long it takes, and the one button to start; when nothing is
/// left for now, when to come back and the most useful thing to do meanwhile.
#[component]
fn StudyCallToAction() -> impl IntoView {
    let study = use_study();
    let counts = study.queue_counts();
    let minutes = Memo::new(move |_| study.sitting_minutes(&counts.get()));
    let streak = Memo::new(move |_| {
        let at = now();
        study
            .progress
            .with(|p| current_streaks(p, at, local_days(at)))
    });
    let nothing_now = Memo::new(move |_| counts.get().is_empty());
    view! {
        <div class="study-cta">
            <p>
                {move || if nothing_now.get() {
                    "Nothing to review right now.".to_string()
                } else {
                    format!(
                        "{} today, {}.",
                        review_counts_label(counts.get()),
                        about_minutes(minutes.get())
                    )
                }}
                {move || {
                    let streak = streak.get();
                    (streak.best > 0).then(|| view! {
                        <br/>
                        <A href=href(PROGRESS_PATH)>{format!(
                            "Streak: {} (best {})",
                            count_of(streak.current as usize, "day", "days"),
                            streak.best
                        )}</A>
                    })
                }}
            </p>
            <Show when=move || nothing_now.get()>
                <ComeBack/>
            </Show>
            <InterviewPlanLine/>
            <Show
                when=move || nothing_now.get()
                fallback=|| view! {
                    <A href=href(REVIEW_PATH) attr:class="button primary-link">"Start review"</A>
                }
            >
                <MeanwhileLink/>
            </Show>
            <A href=href(STUDY_PATH)>"All study modes"</A>
            <details class="interview-date-details">
                <summary>"Studying for an interview?"</summary>
                <InterviewDateField/>
            </details>
        </div>
    }
}

/// The deck summary's parts, "141 cards: " then each kind the deck has as (what goes before its
/// link, the link's text, e.g. "68 interview questions"), ending with "."; also written at build
/// time (`src/prerender.rs`). A kind with no cards is left out (a deck brought at run time may
/// have only questions), so no link leads to an empty page.
pub fn deck_summary_parts(deck: &Deck) -> (String, Vec<(&'static str, KindFilter, String)>) {
    const KINDS: [(KindFilter, &str, &str); 4] = [
        (
            KindFilter::Questions,
            "interview question",
            "interview questions",
        ),
        (KindFilter::Definitions, "definition", "definitions"),
        (KindFilter::OneLiners, "one-liner", "one-liners"),
        (
            KindFilter::GuideItems,
            "decision-guide item",
            "decision-guide items",
        ),
    ];
    let present: Vec<(KindFilter, usize, &str, &str)> = KINDS
        .into_iter()
        .map(|(kind, one, many)| (kind, kind.cards_in(deck).count(), one, many))
        .filter(|(_, count, _, _)| *count > 0)
        .collect();
    let last = present.len().saturating_sub(1);
    let kinds = present
        .into_iter()
        .enumerate()
        .map(|(at, (kind, count, one, many))| {
            let before = match at {
                0 => "",
                at if at == last => " and ",
                _ => ", ",
            };
            (before, kind, count_of(count, one, many))
        })
        .collect();
    (format!("{}: ", cards_label(deck.cards.len())), kinds)
}

/// "141 cards: 68 interview questions, 6 definitions, ...", each kind a link to its page.
fn deck_summary(deck: &Deck) -> impl IntoView {
    let (lead, kinds) = deck_summary_parts(deck);
    view! {
        {lead}
        {kinds
            .into_iter()
            .map(|(before, kind, text)| view! { {before}<A href=href(&kind_path(kind))>{text}</A> })
            .collect_view()}
        "."
    }
}

/// "1 card" / "12 cards".
pub fn cards_label(count: usize) -> String {
    count_of(count, "card", "cards")
}
