//! Classification drills from the decision guide and the one-liner lists: sort each statement
//! into one of two buckets (choose or avoid ORM; an ORM or a Django advantage), with instant
//! feedback. A right sort is logged; a wrong one is a lapse for that card, and it comes back
//! before the round ends.

use leptos::prelude::*;
use prep_engine::progress::{Evidence, StudyMode};
use prep_engine::quiz::{DrillFamily, DrillItem, bucket_label, drill, drill_families, grade_drill};
use prep_engine::study::PracticeRound;

use crate::clock::seed;
use crate::components::answer_feedback::{AnswerFeedback, OptionButton, Verdict};
use crate::components::document_title::set_document_title;
use crate::components::keys::on_study_key;
use crate::components::progress_bar::ProgressBar;
use crate::components::round_summary::RoundSummary;
use crate::deck::loaded_deck;
use crate::state::use_study;

/// A round sorts this many statements, a few minutes' work on a phone.
const ROUND_LENGTH: usize = 20;

type DrillRound = PracticeRound<DrillItem, usize>;

#[component]
pub fn DrillPage() -> impl IntoView {
    set_document_title(|| "Classification drill".to_string());
    let families = drill_families(loaded_deck());
    let chosen = RwSignal::new(None::<Vec<DrillFamily>>);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Classification drill"</h1>
            {move || match chosen.get() {
                None => {
                    let families = families.clone();
                    view! {
                        <p class="lede">"Pick a drill. Each statement goes in one of two buckets."</p>
                        <ul class="mode-list">
                            {families
                                .iter()
                                .map(|family| {
                                    let one = vec![family.clone()];
                                    view! {
                                        <li>
                                            <button class="mode" on:click=move |_| chosen.set(Some(one.clone()))>
                                                <span class="mode-name">{family.label.clone()}</span>
                                                <span class="mode-detail">{format!("{} statements", family.item_count)}</span>
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                            <li>
                                <button class="mode" on:click=move |_| chosen.set(Some(families.clone()))>
                                    <span class="mode-name">"All drills mixed"</span>
                                    <span class="mode-detail">{format!("{ROUND_LENGTH} statements")}</span>
                                </button>
                            </li>
                        </ul>
                    }
                    .into_any()
                }
                Some(families) => {
                    let mut items = drill(loaded_deck(), &families, seed());
                    items.truncate(ROUND_LENGTH);
                    view! { <DrillRoundView items=items on_again=move || chosen.set(None)/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn DrillRoundView(
    items: Vec<DrillItem>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let study = use_study();
    let round = RwSignal::new(DrillRound::new(items));
    let answer = move |choice: usize| {
        let Some(item) = round.with_untracked(|r| r.unanswered().cloned()) else {
            return;
        };
        let Some(picked) = item.choices.get(choice) else {
            return;
        };
        let right = grade_drill(&item, picked);
        study.record_answer(
            deck.cards[item.card].id.as_str(),
            Evidence::of_pick(right),
            StudyMode::Drill,
        );
        round.update(|r| r.answer(choice, right, Clone::clone));
    };
    let answered = move || round.with_untracked(|r| r.current_answer().is_some());
    let next = move || round.update(DrillRound::next);
    on_study_key(move |key, event| match key {
        "1" | "ArrowLeft" if !answered() => answer(0),
        "2" | "ArrowRight" if !answered() => answer(1),
        "Enter" | " " | "ArrowRight" if answered() => {
            event.prevent_default();
            next();
        }
        _ => {}
    });
    let progress = Signal::derive(move || round.with(DrillRound::progress));
    let turn = Memo::new(move |_| round.with(|r| (r.turn(), r.is_finished())));
    view! {
        <ProgressBar progress=progress label="Statements sorted"/>
        {move || {
            let (_, finished) = turn.get();
            if finished {
                let (right, total) = round.with_untracked(DrillRound::first_try_score);
                let missed = round.with_untracked(|r| r.missed().into_iter().map(|i| i.card).collect());
                return view! {
                    <RoundSummary
                        heading="Drill complete"
                        score=format!("{right} of {total} sorted right the first time")
                        missed=missed
                        again_label="Another drill"
                        on_again=on_again
                    />
                }
                .into_any();
            }
            let Some(item) = round.with_untracked(|r| r.current().cloned()) else {
                return ().into_any();
            };
            let retry = round.with_untracked(DrillRound::is_retry);
            let picked = Signal::derive(move || round.with(|r| r.current_answer().map(|a| a.response)));
            view! { <ItemView item=item retry=retry picked=picked on_answer=answer on_next=next/> }.into_any()
        }}
    }
}

#[component]
fn ItemView(
    item: DrillItem,
    retry: bool,
    picked: Signal<Option<usize>>,
    on_answer: impl Fn(usize) + Copy + Send + Sync + 'static,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let right = item
        .choices
        .iter()
        .position(|bucket| *bucket == item.answer)
        .unwrap_or(0);
    let right_label = StoredValue::new(bucket_label(&item.answer).to_owned());
    let question = format!(
        "{}: {} or {}?",
        item.subject,
        bucket_label(&item.choices[0]),
        bucket_label(&item.choices[1])
    );
    let card = item.card;
    view! {
        <article class="drill-item">
            <p class="eyebrow muted">
                {retry.then(|| view! { <span class="badge">"Again"</span> })}
                {question.clone()}
            </p>
            <h2 class="prompt" id="drill-statement">{item.statement.clone()}</h2>
            <div class="bucket-buttons" role="radiogroup" aria-label=question aria-describedby="drill-statement">
                {item.choices.iter().enumerate().map(|(i, bucket)| {
                    let label = bucket_label(bucket).to_owned();
                    view! {
                        <OptionButton index=i correct=right picked=picked on_pick=on_answer>
                            {label}
                        </OptionButton>
                    }
                }).collect_view()}
            </div>
            <Show when=move || picked.get().is_some()>
                <AnswerFeedback card=card next_label="Next statement" on_next=on_next>
                    {move || view! { <Verdict right=picked.get() == Some(right) answer=right_label.get_value()/> }}
                </AnswerFeedback>
            </Show>
        </article>
    }
}
