//! The quiz: authored choice and true-or-false items (`content/practice/`), every chosen card
//! once before any repeats. After a pick every option shows why it is right or wrong, the
//! picked one first, and a link to the card. A right pick is logged; a wrong one is a lapse,
//! and the card comes back as another item before the round ends. Then a first-try score. The
//! round is a sitting (`sitting_store`): a visit to a card and Back, or a reload, goes on where
//! it was.

use leptos::prelude::*;
use prep_engine::progress::{Evidence, StudyMode};
use prep_engine::quiz::{ChoiceQuestion, QuestionForm, grade_choice};
use prep_engine::study::PracticeRound;

use crate::clock::seed;
use crate::components::answer_feedback::{
    AnswerFeedback, FEEDBACK, FIRST_OPTION, OptionButton, Verdict,
};
use crate::components::code_text::CodeText;
use crate::components::document_title::set_document_title;
use crate::components::empty_selection::EmptySelection;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_new_item, focus_soon, on_study_key};
use crate::components::practice::{PracticingOne, practiced_card, selection_plan};
use crate::components::progress_bar::{ProgressBar, RetriesWaiting};
use crate::components::round_summary::RoundSummary;
use crate::components::sitting::{SittingScope, requested_sitting};
use crate::deck::{use_cards, use_deck};
use crate::sitting_store::Sitting;
use crate::state::use_study;

pub const KEYS: &[KeyHint] = &[("1–5", "Pick"), ("Enter", "Next question")];

const QUIZ_LENGTH: usize = 10;

type QuizRound = PracticeRound<ChoiceQuestion, usize>;

#[component]
pub fn QuizPage() -> impl IntoView {
    set_document_title(|| "Multiple choice".to_string());
    let single = practiced_card();
    // Each round is a fresh quiz with a fresh seed; "New quiz" forgets the saved one and
    // rebuilds the round view, which starts the next.
    let round = RwSignal::new(0u32);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Multiple choice"</h1>
            {single.map(|card| view! { <PracticingOne card=card/> })}
            <SittingScope request=requested_sitting()/>
            {move || {
                round.track();
                view! { <QuizRoundView single=single on_again=move || round.update(|r| *r += 1)/> }
            }}
        </section>
    }
}

#[component]
fn QuizRoundView(
    single: Option<usize>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let seed = seed();
    let bank = use_deck();
    let sitting = Sitting::here_for(&selection_plan(single), || {
        QuizRound::new(match single {
            Some(card) => bank.choice_questions(card, seed),
            None => {
                let cards = study.sitting_filter(&requested_sitting()).cards(deck);
                bank.choice_quiz(&cards, QUIZ_LENGTH, seed)
            }
        })
    });
    let round = sitting.state();
    let on_again = move || {
        sitting.forget();
        on_again();
    };

    let pick = move |option: usize| {
        let Some(question) = round.with_untracked(|r| r.unanswered().cloned()) else {
            return;
        };
        if option >= question.options.len() {
            return;
        }
        let right = grade_choice(&question, option);
        study.record_answer(
            &deck.cards[question.card].id,
            Evidence::of_pick(right),
            StudyMode::Quiz,
        );
        let retry_seed = seed.wrapping_add(round.with_untracked(|r| r.answers().len()) as u64);
        round.update(|r| {
            r.answer(option, right, |missed| {
                bank.choice_retry(missed, retry_seed)
            })
        });
        focus_soon(FEEDBACK);
    };
    let next = move || {
        round.update(QuizRound::next);
        focus_new_item(FIRST_OPTION);
    };
    on_study_key(move |key, event| match key {
        "1" | "2" | "3" | "4" | "5" => pick(key.parse::<usize>().unwrap_or(1) - 1),
        "Enter" | " " | "ArrowRight" if round.with_untracked(|r| r.current_answer().is_some()) => {
            event.prevent_default();
            next();
        }
        _ => {}
    });

    let progress = Signal::derive(move || round.with(QuizRound::progress));
    // The question view is rebuilt per turn (not when the answer shows).
    let turn = Memo::new(move |_| round.with(|r| (r.turn(), r.is_finished())));
    view! {
        <ProgressBar progress=progress label="Questions answered"/>
        <RetriesWaiting count=Signal::derive(move || round.with(QuizRound::retries_waiting))/>
        {move || {
            let (_, finished) = turn.get();
            if finished {
                let (right, total) = round.with_untracked(QuizRound::first_try_score);
                if total == 0 {
                    return view! { <EmptySelection what="questions"/> }.into_any();
                }
                let missed = round.with_untracked(|r| r.missed().into_iter().map(|q| q.card).collect());
                return view! {
                    <RoundSummary
                        heading="Quiz complete"
                        score=format!("{right} of {total} right the first time")
                        missed=missed
                        again_label="New quiz"
                        on_again=on_again
                    />
                }
                .into_any();
            }
            let Some(question) = round.with_untracked(|r| r.current().cloned()) else {
                return ().into_any();
            };
            let retry = round.with_untracked(QuizRound::is_retry);
            let picked = Signal::derive(move || round.with(|r| r.current_answer().map(|a| a.response)));
            view! {
                <QuestionView question=question retry=retry picked=picked on_pick=pick on_next=next/>
                <KeyHints hints=KEYS/>
            }
            .into_any()
        }}
    }
}

#[component]
fn QuestionView(
    question: ChoiceQuestion,
    retry: bool,
    picked: Signal<Option<usize>>,
    on_pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let correct = question.correct;
    let card = question.card;
    let statement = question.form == QuestionForm::TrueFalse;
    let right = StoredValue::new(question.options[correct].replace('`', ""));
    let question = StoredValue::new(question);
    let eyebrow = if statement {
        "True or false?"
    } else {
        "Choose one"
    };
    view! {
        <article class="quiz-question">
            <p class="eyebrow muted">
                {eyebrow}
                {retry.then(|| view! { " " <span class="badge">"Again"</span>" A card you missed" })}
            </p>
            <h2 class="prompt" id="quiz-stem"><CodeText text=question.with_value(|q| q.stem.clone())/></h2>
            <div class="options" role="radiogroup" aria-label="Options" aria-describedby="quiz-stem">
                {question.with_value(|q| q.options.clone())
                    .into_iter()
                    .enumerate()
                    .map(|(i, option)| view! {
                        <OptionButton index=i correct=correct picked=picked on_pick=on_pick>
                            <span class="option-key" aria-hidden="true">{i + 1}</span>
                            <span class="option-text"><CodeText text=option/></span>
                        </OptionButton>
                    })
                    .collect_view()}
            </div>
            <Show when=move || picked.get().is_some()>
                <AnswerFeedback card=card next_label="Next question" on_next=on_next>
                    {move || view! { <Verdict right=picked.get() == Some(correct) answer=right.get_value()/> }}
                    {move || picked.get().map(|picked| view! {
                        <Explanations question=question.get_value() picked=picked statement=statement/>
                    })}
                </AnswerFeedback>
            </Show>
        </article>
    }
}

/// Why each option is right or wrong, the picked one first, then the right one, then the
/// rest in their order; for a statement, its one correction.
#[component]
fn Explanations(question: ChoiceQuestion, picked: usize, statement: bool) -> impl IntoView {
    if statement {
        let why = question.why.first().cloned().unwrap_or_default();
        return view! { <p class="explanation"><CodeText text=why/></p> }.into_any();
    }
    let mut order: Vec<usize> = vec![picked];
    if question.correct != picked {
        order.push(question.correct);
    }
    order.extend((0..question.options.len()).filter(|i| *i != picked && *i != question.correct));
    view! {
        <ul class="explanations" aria-label="Why each option is right or wrong">
            {order
                .into_iter()
                .filter(|&i| i < question.options.len())
                .map(|i| {
                    let mark = match (i == question.correct, i == picked) {
                        (true, true) => "Your pick, right",
                        (true, false) => "Right",
                        (false, true) => "Your pick, wrong",
                        (false, false) => "Wrong",
                    };
                    let class = if i == question.correct { "explanation right" } else { "explanation wrong" };
                    view! {
                        <li class=class>
                            <p class="explanation-option">
                                <span class="explanation-mark">{mark}": "</span>
                                <CodeText text=question.options[i].clone()/>
                            </p>
                            <p class="explanation-why"><CodeText text=question.why.get(i).cloned().unwrap_or_default()/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
