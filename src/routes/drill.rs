//! Classification drills from the decision guide and the one-liner lists: sort each statement
//! into one of two buckets (choose or avoid ORM; an ORM or a Django advantage), with instant
//! feedback. A right sort is logged; a wrong one is a lapse for that card, and it comes back
//! before the round ends. The round is a sitting (`sitting_store`): a visit to a card and
//! Back, or a reload, goes on where it was.

use leptos::prelude::*;
use prep_engine::progress::{Evidence, StudyMode};
use prep_engine::quiz::{DrillFamily, DrillItem, bucket_label, grade_drill};
use prep_engine::study::PracticeRound;

use crate::clock::seed;
use crate::components::answer_feedback::{
    AnswerFeedback, FEEDBACK, FIRST_OPTION, OptionButton, Verdict,
};
use crate::components::document_title::set_document_title;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_new_item, focus_soon, on_study_key};
use crate::components::progress_bar::{ProgressBar, RetriesWaiting};
use crate::components::round_summary::RoundSummary;
use crate::deck::{use_cards, use_deck};
use crate::sitting_store::Sitting;
use crate::state::use_study;

pub const KEYS: &[KeyHint] = &[("1 / 2", "Sort"), ("Enter", "Next statement")];

/// A round sorts this many statements, a few minutes' work on a phone.
const ROUND_LENGTH: usize = 20;

type DrillRound = PracticeRound<DrillItem, usize>;

#[component]
pub fn DrillPage() -> impl IntoView {
    set_document_title(|| "Classification drill".to_string());
    let deck = use_deck();
    let families = deck.drill_families();
    // The round in progress, or `None` while the learner picks a drill.
    let round = Sitting::here(|| None::<DrillRound>).state();
    let start = move |families: &[DrillFamily]| {
        let mut items = deck.drill(families, seed());
        items.truncate(ROUND_LENGTH);
        round.set(Some(DrillRound::new(items)));
    };
    let picking = Memo::new(move |_| round.with(Option::is_none));
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Classification drill"</h1>
            {move || match picking.get() {
                true => {
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
                                            <button class="mode" on:click=move |_| start(&one)>
                                                <span class="mode-name">{family.label.clone()}</span>
                                                <span class="mode-detail">{format!("{} statements", family.item_count)}</span>
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                            <li>
                                <button class="mode" on:click=move |_| start(&families)>
                                    <span class="mode-name">"All drills mixed"</span>
                                    <span class="mode-detail">{format!("{ROUND_LENGTH} statements")}</span>
                                </button>
                            </li>
                        </ul>
                    }
                    .into_any()
                }
                false => view! { <DrillRoundView round=round on_again=move || round.set(None)/> }.into_any(),
            }}
        </section>
    }
}

/// A round on its way: `round` holds it (`Some`) while this view is mounted.
#[component]
fn DrillRoundView(
    round: RwSignal<Option<DrillRound>>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let answer = move |choice: usize| {
        let Some(item) = round.with_untracked(|r| r.as_ref()?.unanswered().cloned()) else {
            return;
        };
        let Some(picked) = item.choices.get(choice) else {
            return;
        };
        let right = grade_drill(&item, picked);
        study.record_answer(
            &deck.cards[item.card].id,
            Evidence::of_pick(right),
            StudyMode::Drill,
        );
        round.update(|r| {
            if let Some(r) = r {
                r.answer(choice, right, Clone::clone);
            }
        });
        focus_soon(FEEDBACK);
    };
    let answered =
        move || round.with_untracked(|r| r.as_ref().is_some_and(|r| r.current_answer().is_some()));
    let next = move || {
        round.update(|r| r.iter_mut().for_each(DrillRound::next));
        focus_new_item(FIRST_OPTION);
    };
    on_study_key(move |key, event| match key {
        "1" | "ArrowLeft" if !answered() => answer(0),
        "2" | "ArrowRight" if !answered() => answer(1),
        "Enter" | " " | "ArrowRight" if answered() => {
            event.prevent_default();
            next();
        }
        _ => {}
    });
    let progress =
        Signal::derive(move || round.with(|r| r.as_ref().map_or((0, 0), DrillRound::progress)));
    let turn = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref()
                .map_or((0, true), |r| (r.turn(), r.is_finished()))
        })
    });
    view! {
        <ProgressBar progress=progress label="Statements sorted"/>
        <RetriesWaiting count=Signal::derive(move || round.with(|r| r.as_ref().map_or(0, DrillRound::retries_waiting)))/>
        {move || {
            let (_, finished) = turn.get();
            if finished {
                let (right, total) = round.with_untracked(|r| r.as_ref().map_or((0, 0), DrillRound::first_try_score));
                let missed = round.with_untracked(|r| {
                    r.iter().flat_map(|r| r.missed()).map(|i| i.card).collect()
                });
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
            let Some(item) = round.with_untracked(|r| r.as_ref()?.current().cloned()) else {
                return ().into_any();
            };
            let retry = round.with_untracked(|r| r.as_ref().is_some_and(DrillRound::is_retry));
            let picked = Signal::derive(move || {
                round.with(|r| r.as_ref()?.current_answer().map(|a| a.response))
            });
            view! {
                <ItemView item=item retry=retry picked=picked on_answer=answer on_next=next/>
                <KeyHints hints=KEYS/>
            }
            .into_any()
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
    let right = item.right_choice();
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
