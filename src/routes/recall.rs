//! Typed recall: write the answer from memory, see which key terms of the model answer it named
//! and which it missed, then grade yourself; the grade feeds the scheduler.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::progress::StudyMode;
use prep_engine::recall::{RecallScore, SuggestedGrade, key_terms, score_recall};
use prep_engine::rng::Rng;
use prep_engine::scheduler::Grade;

use crate::base_path::href;
use crate::clock::{now, seed};
use crate::components::card_face::{back, front};
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::progress_bar::ProgressBar;
use crate::deck::loaded_deck;
use crate::paths::{STUDY_PATH, card_path};
use crate::routes::review::grade_label;
use crate::state::use_study;

/// Typing is slow on a phone: a sitting is a handful of cards.
const SITTING_LENGTH: usize = 5;

#[component]
pub fn RecallPage() -> impl IntoView {
    set_document_title(|| "Typed recall".to_string());
    let deck = loaded_deck();
    let study = use_study();
    let at = now();
    let seed = seed();
    // Due and new cards first; when nothing is due, any selected card, shuffled.
    let mut cards = study.review_queue(at, seed);
    if cards.is_empty() {
        cards = study.filter.with_untracked(|f| f.cards(deck));
        Rng::new(seed).shuffle(&mut cards);
    }
    // Guide items have no answer text to recall (the drills practise them).
    cards.retain(|&card| !key_terms(deck, card).is_empty());
    cards.truncate(SITTING_LENGTH);
    let total = cards.len();
    let cards = StoredValue::new(cards);
    let results = RwSignal::new(Vec::<(usize, f32, Grade)>::new());

    let progress = Signal::derive(move || (results.with(Vec::len), total));
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Typed recall"</h1>
            <ProgressBar progress=progress label="Cards answered"/>
            {move || {
                let done = results.with(Vec::len);
                match cards.with_value(|c| c.get(done).copied()) {
                    Some(card) => view! {
                        <RecallCard card=card on_graded=move |ratio, grade| results.update(|r| r.push((card, ratio, grade)))/>
                    }
                    .into_any(),
                    None => view! { <RecallSummary results=results.get_untracked()/> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn RecallCard(
    card: usize,
    on_graded: impl Fn(f32, Grade) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let study = use_study();
    let terms = StoredValue::new(key_terms(deck, card));
    let typed = RwSignal::new(String::new());
    let score = RwSignal::new(None::<RecallScore>);
    let (hint, prompt) = front(deck, card);
    let check = move || {
        score.set(Some(
            terms.with_value(|t| score_recall(t, &typed.get_untracked())),
        ))
    };
    let grade = move |grade: Grade| {
        let ratio = score.with_untracked(|s| s.as_ref().map_or(0.0, |s| s.ratio));
        study.record(deck.cards[card].id.as_str(), grade, StudyMode::TypedRecall);
        on_graded(ratio, grade);
    };
    view! {
        <article class="recall-card">
            <p class="eyebrow muted">{hint}</p>
            <h2 class="prompt">{prompt}</h2>
            <label class="field">
                <span>"Your answer"</span>
                <textarea
                    rows="6"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    disabled=move || score.with(Option::is_some)
                    placeholder="Write what you would say in the interview"
                ></textarea>
            </label>
            {move || match score.get() {
                None => view! {
                    <div class="action-bar">
                        <button class="primary wide" on:click=move |_| check()>"Check my answer"</button>
                    </div>
                }
                .into_any(),
                Some(score) => {
                    let suggested = to_grade(score.suggested);
                    let term_list = move |indices: &[usize], class: &'static str| {
                        terms.with_value(|t| {
                            indices.iter().map(|&i| view! { <li class=class>{t[i].label.clone()}</li> }).collect_view()
                        })
                    };
                    view! {
                        <div class="recall-result" role="status">
                            <p class="score">
                                {format!("You named {} of {} key terms.", score.found.len(), score.found.len() + score.missed.len())}
                            </p>
                            <div class="term-columns">
                                <section aria-label="Key terms you named">
                                    <h3>"Named"</h3>
                                    <ul class="terms">{term_list(&score.found, "term found")}</ul>
                                </section>
                                <section aria-label="Key terms you missed">
                                    <h3>"Missed"</h3>
                                    <ul class="terms">{term_list(&score.missed, "term missed")}</ul>
                                </section>
                            </div>
                            <h3>"Model answer"</h3>
                            <div class="answer">{back(deck, card)}</div>
                        </div>
                        <div class="action-bar">
                            <p class="muted small">{format!("Suggested grade: {}", grade_label(suggested))}</p>
                            <div class="grade-buttons" role="group" aria-label="Grade yourself">
                                {Grade::ALL.into_iter().map(|g| view! {
                                    <button
                                        class=format!("grade grade-{}{}", g.as_str(), if g == suggested { " suggested" } else { "" })
                                        on:click=move |_| grade(g)
                                    >
                                        <span class="grade-name">{grade_label(g)}</span>
                                    </button>
                                }).collect_view()}
                            </div>
                        </div>
                    }
                    .into_any()
                }
            }}
        </article>
    }
}

fn to_grade(suggested: SuggestedGrade) -> Grade {
    match suggested {
        SuggestedGrade::Again => Grade::Again,
        SuggestedGrade::Hard => Grade::Hard,
        SuggestedGrade::Good => Grade::Good,
        SuggestedGrade::Easy => Grade::Easy,
    }
}

#[component]
fn RecallSummary(results: Vec<(usize, f32, Grade)>) -> impl IntoView {
    let deck = loaded_deck();
    if results.is_empty() {
        return view! {
            <div class="summary">
                <h2>"No cards for this selection"</h2>
                <p><A href=href(STUDY_PATH)>"Choose other sections or kinds"</A></p>
            </div>
        }
        .into_any();
    }
    let average = results.iter().map(|(_, r, _)| r).sum::<f32>() / results.len() as f32;
    view! {
        <div class="summary">
            <h2>"Recall complete"</h2>
            <p class="score">{format!("Average key-term coverage: {:.0}%", average * 100.0)}</p>
            <ul class="card-list">
                {results.iter().map(|&(c, ratio, grade)| view! {
                    <li>
                        <A href=href(&card_path(deck.cards[c].id.as_str()))>
                            <span>{card_title(&deck.cards[c])}</span>
                            <span class="count">{format!("{:.0}% · {}", ratio * 100.0, grade_label(grade))}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ul>
            <p class="button-row"><A href=href(STUDY_PATH) attr:class="button">"Back to study"</A></p>
        </div>
    }
    .into_any()
}
