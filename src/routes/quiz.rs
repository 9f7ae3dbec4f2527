//! Multiple choice generated from the content: pick one of four, see the right option and a
//! link to the card. A right pick is logged; a wrong one is a lapse, and the card comes back
//! as another question before the round ends. Then a first-try score. The round is a sitting
//! (`sitting_store`): a visit to a card and Back, or a reload, goes on where it was.

use leptos::prelude::*;
use prep_engine::progress::{Evidence, StudyMode};
use prep_engine::quiz::{ChoiceQuestion, grade_choice};
use prep_engine::study::PracticeRound;

use crate::clock::seed;
use crate::components::answer_feedback::{
    AnswerFeedback, FEEDBACK, FIRST_OPTION, OptionButton, Verdict,
};
use crate::components::document_title::set_document_title;
use crate::components::empty_selection::EmptySelection;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_soon, on_study_key};
use crate::components::practice::{PractisingOne, practised_card, selection_plan};
use crate::components::progress_bar::ProgressBar;
use crate::components::round_summary::RoundSummary;
use crate::components::sitting::{SittingScope, requested_sitting};
use crate::deck::{compiled, loaded_deck};
use crate::sitting_store::Sitting;
use crate::state::use_study;

const KEYS: &[KeyHint] = &[("1–4", "Pick"), ("Enter", "Next question")];

const QUIZ_LENGTH: usize = 10;

type QuizRound = PracticeRound<ChoiceQuestion, usize>;

#[component]
pub fn QuizPage() -> impl IntoView {
    set_document_title(|| "Multiple choice".to_string());
    let single = practised_card();
    // Each round is a fresh quiz with a fresh seed; "New quiz" forgets the saved one and
    // rebuilds the round view, which starts the next.
    let round = RwSignal::new(0u32);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Multiple choice"</h1>
            {single.map(|card| view! { <PractisingOne card=card/> })}
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
    let deck = loaded_deck();
    let study = use_study();
    let seed = seed();
    let bank = compiled();
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
            deck.cards[question.card].id.as_str(),
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
        focus_soon(FIRST_OPTION);
    };
    on_study_key(move |key, event| match key {
        "1" | "2" | "3" | "4" => pick(key.parse::<usize>().unwrap_or(1) - 1),
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
    let right = StoredValue::new(question.options[correct].clone());
    view! {
        <article class="quiz-question">
            {retry.then(|| view! { <p class="eyebrow"><span class="badge">"Again"</span>" A card you missed"</p> })}
            <h2 class="prompt" id="quiz-stem">{question.stem.clone()}</h2>
            <div class="options" role="radiogroup" aria-label="Options" aria-describedby="quiz-stem">
                {question
                    .options
                    .clone()
                    .into_iter()
                    .enumerate()
                    .map(|(i, option)| view! {
                        <OptionButton index=i correct=correct picked=picked on_pick=on_pick>
                            <span class="option-key" aria-hidden="true">{i + 1}</span>
                            {option}
                        </OptionButton>
                    })
                    .collect_view()}
            </div>
            <Show when=move || picked.get().is_some()>
                <AnswerFeedback card=card next_label="Next question" on_next=on_next>
                    {move || view! { <Verdict right=picked.get() == Some(correct) answer=right.get_value()/> }}
                </AnswerFeedback>
            </Show>
        </article>
    }
}
