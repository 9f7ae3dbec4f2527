//! Multiple choice generated from the content: pick one of four, see the right option and a
//! link to the card, and a score at the end.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::quiz::{ChoiceQuestion, choice_quiz, grade_choice};

use crate::base_path::href;
use crate::clock::seed;
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::keys::on_study_key;
use crate::components::progress_bar::ProgressBar;
use crate::deck::loaded_deck;
use crate::paths::{STUDY_PATH, card_path};
use crate::state::use_study;

const QUIZ_LENGTH: usize = 10;

#[component]
pub fn QuizPage() -> impl IntoView {
    set_document_title(|| "Multiple choice".to_string());
    // Each round is a fresh quiz with a fresh seed; "New quiz" starts the next one.
    let round = RwSignal::new(0u32);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Multiple choice"</h1>
            {move || {
                round.track();
                view! { <QuizRound on_again=move || round.update(|r| *r += 1)/> }
            }}
        </section>
    }
}

#[component]
fn QuizRound(on_again: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let deck = loaded_deck();
    let study = use_study();
    let cards = study.filter.with_untracked(|f| f.cards(deck));
    let questions = StoredValue::new(choice_quiz(deck, &cards, QUIZ_LENGTH, seed()));
    let total = questions.with_value(Vec::len);
    // One entry per answered question: the option picked.
    let picks = RwSignal::new(Vec::<usize>::new());
    let position = RwSignal::new(0usize);

    let pick = move |option: usize| {
        let at = position.get_untracked();
        if at < total && picks.with_untracked(Vec::len) == at {
            picks.update(|p| p.push(option));
        }
    };
    let next = move || {
        if picks.with_untracked(Vec::len) > position.get_untracked() {
            position.update(|p| *p += 1);
        }
    };
    on_study_key(move |key, event| match key {
        "1" | "2" | "3" | "4" => pick(key.parse::<usize>().unwrap_or(1) - 1),
        "Enter" | " " | "ArrowRight" => {
            event.prevent_default();
            next();
        }
        _ => {}
    });

    let progress = Signal::derive(move || (picks.with(Vec::len), total));
    view! {
            <ProgressBar progress=progress label="Questions answered"/>
            {move || {
                let at = position.get();
                if total == 0 {
                    return view! {
                        <div class="summary">
                            <h2>"No questions for this selection"</h2>
                            <p><A href=href(STUDY_PATH)>"Choose other sections or kinds"</A></p>
                        </div>
                    }
                    .into_any();
                }
                if at >= total {
                    return view! { <QuizSummary questions=questions picks=picks on_again=on_again/> }.into_any();
                }
                let question = questions.with_value(|q| q[at].clone());
                view! { <QuestionView question=question picked=Signal::derive(move || picks.with(|p| p.get(at).copied())) on_pick=pick on_next=next/> }
                    .into_any()
            }}
    }
}

#[component]
fn QuestionView(
    question: ChoiceQuestion,
    picked: Signal<Option<usize>>,
    on_pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let correct = question.correct;
    let card = &deck.cards[question.card];
    view! {
        <article class="quiz-question">
            <h2 class="prompt">{question.stem.clone()}</h2>
            <div class="options" role="group" aria-label="Options">
                {question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, option)| {
                        let class = move || match picked.get() {
                            None => "option",
                            Some(_) if i == correct => "option correct",
                            Some(p) if p == i => "option wrong",
                            Some(_) => "option",
                        };
                        view! {
                            <button
                                class=class
                                disabled=move || picked.get().is_some()
                                aria-pressed=move || (picked.get() == Some(i)).to_string()
                                on:click=move |_| on_pick(i)
                            >
                                <span class="option-key" aria-hidden="true">{i + 1}</span>
                                {option.clone()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || picked.get().is_some()>
                <div class="feedback" role="status">
                    {
                        let right = question.options[correct].clone();
                        let question = question.clone();
                        move || {
                            if picked.get().is_some_and(|p| grade_choice(&question, p)) {
                                view! { <p class="verdict good">"Correct!"</p> }.into_any()
                            } else {
                                view! { <p class="verdict bad">"Not quite. The answer is: " <strong>{right.clone()}</strong></p> }.into_any()
                            }
                        }
                    }
                    <p>"From the card: " <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A></p>
                </div>
                <div class="action-bar">
                    <button class="primary wide" on:click=move |_| on_next()>"Next question"</button>
                </div>
            </Show>
        </article>
    }
}

#[component]
fn QuizSummary(
    questions: StoredValue<Vec<ChoiceQuestion>>,
    picks: RwSignal<Vec<usize>>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let results: Vec<(ChoiceQuestion, bool)> = questions.with_value(|qs| {
        picks.with_untracked(|p| {
            qs.iter()
                .zip(p)
                .map(|(q, &pick)| (q.clone(), grade_choice(q, pick)))
                .collect()
        })
    });
    let right = results.iter().filter(|(_, ok)| *ok).count();
    let misses: Vec<ChoiceQuestion> = results
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(q, _)| q)
        .collect();
    let total = questions.with_value(Vec::len);
    view! {
        <div class="summary">
            <h2>"Quiz complete"</h2>
            <p class="score">{format!("{right} of {total} correct")}</p>
            {(!misses.is_empty()).then(|| view! {
                <h3>"Review these"</h3>
                <ul class="card-list">
                    {misses.iter().map(|q| {
                        let card = &deck.cards[q.card];
                        view! { <li><A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A></li> }
                    }).collect_view()}
                </ul>
            })}
            <p class="button-row">
                <button class="primary" on:click=move |_| on_again()>"New quiz"</button>
                <A href=href(STUDY_PATH) attr:class="button">"Back to study"</A>
            </p>
        </div>
    }
}
