//! Classification drills from the one-liner and decision-guide lists: sort each statement into
//! advantage/disadvantage or choose/avoid, with instant feedback.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::quiz::{DrillFamily, DrillItem, bucket_label, drill, drill_families, grade_drill};

use crate::base_path::href;
use crate::clock::seed;
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::keys::on_study_key;
use crate::components::progress_bar::ProgressBar;
use crate::deck::loaded_deck;
use crate::paths::{STUDY_PATH, card_path};

/// A round sorts this many statements, a few minutes' work on a phone.
const ROUND_LENGTH: usize = 20;

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
                    view! { <DrillRound items=items on_again=move || chosen.set(None)/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn DrillRound(
    items: Vec<DrillItem>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let total = items.len();
    let items = StoredValue::new(items);
    let answers = RwSignal::new(Vec::<bool>::new());
    let position = RwSignal::new(0usize);
    let answer = move |choice: usize| {
        let at = position.get_untracked();
        if at < total && answers.with_untracked(Vec::len) == at {
            let ok = items.with_value(|i| grade_drill(&i[at], i[at].choices[choice]));
            answers.update(|a| a.push(ok));
        }
    };
    let next = move || {
        if answers.with_untracked(Vec::len) > position.get_untracked() {
            position.update(|p| *p += 1);
        }
    };
    on_study_key(move |key, event| match key {
        "1" | "ArrowLeft" => answer(0),
        "2" | "ArrowRight" if answers.with_untracked(Vec::len) == position.get_untracked() => {
            answer(1)
        }
        "Enter" | " " | "ArrowRight" => {
            event.prevent_default();
            next();
        }
        _ => {}
    });
    let progress = Signal::derive(move || (answers.with(Vec::len), total));
    view! {
        <ProgressBar progress=progress label="Statements sorted"/>
        {move || {
            let at = position.get();
            if at >= total {
                let right = answers.with(|a| a.iter().filter(|ok| **ok).count());
                let misses: Vec<usize> = items.with_value(|i| {
                    answers.with(|a| i.iter().zip(a).filter(|(_, ok)| !**ok).map(|(item, _)| item.card).collect())
                });
                return view! {
                    <div class="summary">
                        <h2>"Drill complete"</h2>
                        <p class="score">{format!("{right} of {total} sorted correctly")}</p>
                        {(!misses.is_empty()).then(|| view! {
                            <h3>"Review these"</h3>
                            <ul class="card-list">
                                {misses.iter().map(|&c| view! {
                                    <li><A href=href(&card_path(deck.cards[c].id.as_str()))>{card_title(&deck.cards[c])}</A></li>
                                }).collect_view()}
                            </ul>
                        })}
                        <p class="button-row">
                            <button class="primary" on:click=move |_| on_again()>"Another drill"</button>
                            <A href=href(STUDY_PATH) attr:class="button">"Back to study"</A>
                        </p>
                    </div>
                }
                .into_any();
            }
            let item = items.with_value(|i| i[at].clone());
            let answered = move || answers.with(|a| a.get(at).copied());
            let right_label = bucket_label(item.answer);
            let card = &deck.cards[item.card];
            view! {
                <article class="drill-item">
                    <p class="eyebrow muted">{format!("{}: which bucket?", item.subject)}</p>
                    <h2 class="prompt">{item.statement.clone()}</h2>
                    <div class="bucket-buttons" role="group" aria-label="Buckets">
                        {item.choices.iter().enumerate().map(|(i, &bucket)| {
                            let class = move || match answered() {
                                None => "option",
                                Some(_) if bucket == item.answer => "option correct",
                                Some(_) => "option wrong",
                            };
                            view! {
                                <button class=class disabled=move || answered().is_some() on:click=move |_| answer(i)>
                                    {bucket_label(bucket)}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                    <Show when=move || answered().is_some()>
                        <div class="feedback" role="status">
                            {move || if answered() == Some(true) {
                                view! { <p class="verdict good">"Correct!"</p> }.into_any()
                            } else {
                                view! { <p class="verdict bad">{format!("Not quite. The answer is {right_label}.")}</p> }.into_any()
                            }}
                            <p>"From: " <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A></p>
                        </div>
                        <div class="action-bar">
                            <button class="primary wide" on:click=move |_| next()>"Next statement"</button>
                        </div>
                    </Show>
                </article>
            }
            .into_any()
        }}
    }
}
