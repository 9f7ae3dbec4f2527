//! Typed recall: write the answer from memory, then see it beside the model answer's key points
//! as a checklist and the card's common mistakes. The app never judges the typed text (a word
//! matcher praises swapped roles and misses right answers in other words): only the learner
//! ticks, the grade it pre-selects comes from those ticks alone (see `prep_engine::recall`),
//! and the learner's grade feeds the scheduler. The sitting is
//! kept (`sitting_store`): a visit to a card and Back, or a reload, goes on where it was.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::compiled::CompiledDeck;
use prep_engine::progress::StudyMode;
use prep_engine::recall::{KeyPoint, SelfGrade, preselected_grade, ticked_share};
use prep_engine::rng::Rng;
use prep_engine::scheduler::Grade;
use prep_engine::study::PracticeRound;

use crate::base_path::href;
use crate::clock::{now, seed};
use crate::components::card_face::{back, front};
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::empty_selection::EmptySelection;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_soon, on_ctrl_enter, on_study_key};
use crate::components::mistakes::Mistakes;
use crate::components::practice::{PracticingOne, practiced_card, selection_plan};
use crate::components::progress_bar::ProgressBar;
use crate::components::round_summary::SummaryActions;
use crate::components::sitting::{SittingScope, requested_sitting};
use crate::deck::{use_cards, use_deck};
use crate::paths::card_path;
use crate::percent::whole_percent;
use crate::routes::review::grade_label;
use crate::sitting_store::Sitting;
use crate::state::use_study;

pub const KEYS: &[KeyHint] = &[("Ctrl+Enter", "Check my answer"), ("1–4", "Grade")];

/// Typing is slow on a phone: a sitting is a handful of cards.
const SITTING_LENGTH: usize = 5;

/// A sitting: cards, each answered with (share of key points ticked, self-grade).
type RecallRound = PracticeRound<usize, (f32, Grade)>;

#[component]
pub fn RecallPage() -> impl IntoView {
    set_document_title(|| "Typed recall".to_string());
    let single = practiced_card();
    // "Another sitting" forgets the saved one and rebuilds the sitting view.
    let sitting = RwSignal::new(0u32);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Typed recall"</h1>
            {single.map(|card| view! { <PracticingOne card=card/> })}
            <SittingScope request=requested_sitting()/>
            {move || {
                sitting.track();
                view! { <RecallSitting single=single on_again=move || sitting.update(|s| *s += 1)/> }
            }}
        </section>
    }
}

/// The cards of a sitting: the one card practised; else due and new cards first, and when
/// nothing is due, any selected card, shuffled.
fn sitting_cards(bank: &CompiledDeck, single: Option<usize>) -> Vec<usize> {
    let deck = bank.deck();
    let study = use_study();
    let at = now();
    let seed = seed();
    let request = requested_sitting();
    let mut cards = match single {
        Some(card) => vec![card],
        None => study.sitting_queue(&request, at, seed),
    };
    if cards.is_empty() {
        cards = study.sitting_filter(&request).cards(deck);
        Rng::new(seed).shuffle(&mut cards);
    }
    // Guide items have no answer text to recall (the drills practise them).
    cards.retain(|&card| !bank.key_points(card).is_empty());
    cards.truncate(SITTING_LENGTH);
    cards
}

#[component]
fn RecallSitting(
    single: Option<usize>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // A card graded Again comes back before the sitting ends, as in a flashcard review.
    let bank = use_deck();
    let sitting = Sitting::here_for(&selection_plan(single), || {
        RecallRound::new(sitting_cards(bank, single))
    });
    let round = sitting.state();
    let on_again = move || {
        sitting.forget();
        on_again();
    };
    let on_graded = move |share: f32, grade: Grade| {
        round.update(|r| {
            r.answer((share, grade), grade != Grade::Again, |card| *card);
            r.next();
        });
    };
    let progress = Signal::derive(move || round.with(RecallRound::progress));
    // The answer being written is kept with the round, so a reload keeps it.
    let draft = Signal::derive(move || round.with(|r| r.draft().to_owned()));
    let on_type = move |text: String| round.update(|r| r.set_draft(text));
    let marks = Signal::derive(move || round.with(|r| r.marks().map(<[bool]>::to_vec)));
    // The result takes the focus (see `RecallCard`).
    let on_check = move |count: usize| {
        round.update(|r| r.check(count));
        focus_soon(".recall-result");
    };
    let on_mark = move |index: usize, on: bool| round.update(|r| r.set_mark(index, on));
    let turn = Memo::new(move |_| round.with(|r| (r.turn(), r.current().copied())));
    view! {
        <ProgressBar progress=progress label="Cards answered"/>
        {move || match turn.get().1 {
                Some(card) => view! { <RecallCard card=card draft=draft on_type=on_type marks=marks on_check=on_check on_mark=on_mark on_graded=on_graded/> <KeyHints hints=KEYS/> }.into_any(),
                None => {
                    // Each card once, as first answered: the retries only bring it back.
                    let results = round.with_untracked(|r| {
                        r.answers()
                            .iter()
                            .filter(|a| a.attempt == 0)
                            .map(|a| (a.item, a.response.0, a.response.1))
                            .collect()
                    });
                    view! { <RecallSummary results=results on_again=on_again/> }.into_any()
                }
            }}
    }
}

#[component]
fn RecallCard(
    card: usize,
    /// The answer typed so far, kept by the round.
    draft: Signal<String>,
    on_type: impl Fn(String) + Copy + Send + Sync + 'static,
    /// The learner's ticks once the answer is checked, kept by the round; `None` before.
    marks: Signal<Option<Vec<bool>>>,
    /// "Check my answer", with the number of key points to tick.
    on_check: impl Fn(usize) + Copy + Send + Sync + 'static,
    /// A key point ticked or unticked.
    on_mark: impl Fn(usize, bool) + Copy + Send + Sync + 'static,
    on_graded: impl Fn(f32, Grade) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let points = StoredValue::new(use_deck().key_points(card).to_vec());
    let count = points.with_value(Vec::len);
    let (hint, prompt) = front(deck, card);
    // The check and the ticks are kept by the round (a reload keeps them).
    let checked = Memo::new(move |_| marks.with(Option::is_some).then_some(()));
    let ticks = Signal::derive(move || marks.get().unwrap_or_else(|| vec![false; count]));
    let check = move || on_check(count);
    // From the learner's ticks only; `None` when they typed something and ticked nothing.
    let preselected = Signal::derive(move || {
        checked.get()?;
        let typed_something = draft.with(|d| d.chars().any(char::is_alphanumeric));
        ticks
            .with(|t| preselected_grade(typed_something, &t[..count.min(t.len())]))
            .map(to_grade)
    });
    let grade = move |grade: Grade| {
        if checked.with_untracked(Option::is_none) {
            return;
        }
        let share = ticks.with_untracked(|t| ticked_share(t, count));
        study.record(&deck.cards[card].id, grade, StudyMode::TypedRecall);
        on_graded(share, grade);
    };
    let grade_key = move |key: &str| -> bool {
        match key {
            "1" | "2" | "3" | "4" => {
                let index = key.parse::<usize>().unwrap_or(1) - 1;
                grade(Grade::ALL[index]);
                true
            }
            _ => false,
        }
    };
    // Outside text fields (typing an answer never grades it).
    on_study_key(move |key, event| {
        if grade_key(key) {
            event.prevent_default();
        }
    });
    // From inside the answer too, where Enter alone starts a new line.
    on_ctrl_enter(check);
    // Once checked, the answer field is read-only: the result takes the focus, so the grade
    // keys work at once and Tab reaches the checklist.
    view! {
        <article class="recall-card">
            <p class="eyebrow muted">{hint}</p>
            <h2 class="prompt">{prompt}</h2>
            <label class="field">
                <span>"Your answer"</span>
                <textarea
                    rows="6"
                    prop:value=move || draft.get()
                    on:input=move |ev| on_type(event_target_value(&ev))
                    disabled=move || checked.with(Option::is_some)
                    placeholder="Write what you would say in the interview"
                    aria-keyshortcuts="Control+Enter"
                ></textarea>
            </label>
            {move || match checked.get() {
                None => view! {
                    <div class="action-bar">
                        <button class="primary wide" on:click=move |_| check() aria-keyshortcuts="Control+Enter">
                            "Check my answer"
                        </button>
                    </div>
                }
                .into_any(),
                Some(()) => view! {
                    <div class="recall-result" tabindex="-1">
                        <p class="score" role="status">
                            {move || format!(
                                "You ticked {} of {count} key points.",
                                ticks.with(|t| t.iter().filter(|tick| **tick).count())
                            )}
                        </p>
                        // What was typed stays in the (now read-only) field above, so the
                        // checklist sits right under it on a phone.
                        <Checklist points=points ticks=ticks on_tick=on_mark on_key=grade_key/>
                        <Mistakes card=card/>
                        <details>
                            <summary>"Full model answer"</summary>
                            <div class="answer">{back(deck, card)}</div>
                        </details>
                    </div>
                    <div class="action-bar">
                        <p class="muted small">
                            {move || preselected.get().map(|g| format!("Your ticks suggest: {}", grade_label(g)))}
                        </p>
                        <div class="grade-buttons" role="group" aria-label="Grade yourself">
                            {Grade::ALL.into_iter().map(|g| view! {
                                <button
                                    class=move || format!(
                                        "grade grade-{}{}",
                                        g.as_str(),
                                        if preselected.get() == Some(g) { " suggested" } else { "" }
                                    )
                                    on:click=move |_| grade(g)
                                    aria-keyshortcuts=(g.index() + 1).to_string()
                                >
                                    <span class="grade-name">{grade_label(g)}</span>
                                </button>
                            }).collect_view()}
                        </div>
                    </div>
                }
                .into_any(),
            }}
        </article>
    }
}

/// The model answer's key points, each a checkbox with its label and the text it stands for,
/// for the learner to tick against what they wrote. No hint about the typed text: any such
/// word reads as a verdict.
#[component]
fn Checklist(
    points: StoredValue<Vec<KeyPoint>>,
    ticks: Signal<Vec<bool>>,
    on_tick: impl Fn(usize, bool) + Copy + Send + Sync + 'static,
    /// Grade keys pressed while a checkbox has focus (the study keys ignore form fields).
    on_key: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let rows = points.with_value(|points| {
        let mut previous_text = String::new();
        points
            .iter()
            .enumerate()
            .map(|(index, point)| {
                // The text a point stands for, once per run of points sharing it, without
                // repeating the label it starts with.
                let text = point
                    .text
                    .strip_prefix(&format!("{}: ", point.label))
                    .unwrap_or(&point.text)
                    .to_owned();
                // A sentence point's label is its sentence cut short: show the sentence whole.
                let cut = point.label.strip_suffix('…').filter(|cut| point.text.starts_with(cut));
                let title = if cut.is_some() { point.text.clone() } else { point.label.clone() };
                let show_text = cut.is_none() && text != point.label && point.text != previous_text;
                previous_text = point.text.clone();
                view! {
                    <li>
                        <label>
                            <input
                                type="checkbox"
                                prop:checked=move || ticks.with(|t| t.get(index).copied().unwrap_or(false))
                                on:change=move |ev| on_tick(index, event_target_checked(&ev))
                            />
                            <span class="point-text">
                                <strong>{title}</strong>
                                {show_text.then(|| view! { <span class="muted small">" — "{text}</span> })}
                            </span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <fieldset
            class="checklist"
            on:keydown=move |ev| {
                if !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) && on_key(&ev.key()) {
                    ev.prevent_default();
                }
            }
        >
            <legend>"Key points of the model answer"</legend>
            <p class="muted small">"Tick each point your answer makes and gets right."</p>
            <ul class="checklist-points">{rows}</ul>
        </fieldset>
    }
}

fn to_grade(grade: SelfGrade) -> Grade {
    match grade {
        SelfGrade::Again => Grade::Again,
        SelfGrade::Hard => Grade::Hard,
        SelfGrade::Good => Grade::Good,
        SelfGrade::Easy => Grade::Easy,
    }
}

#[component]
fn RecallSummary(
    results: Vec<(usize, f32, Grade)>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    if results.is_empty() {
        return view! { <EmptySelection what="cards"/> }.into_any();
    }
    let average = results.iter().map(|(_, share, _)| share).sum::<f32>() / results.len() as f32;
    view! {
        <div class="summary">
            <h2>"Recall complete"</h2>
            <p class="score">{format!("Average share of key points ticked: {}%", whole_percent(f64::from(average)))}</p>
            <ul class="card-list">
                {results.iter().map(|&(c, share, grade)| view! {
                    <li>
                        <A href=href(&card_path(deck.cards[c].id.as_str()))>
                            <span>{card_title(&deck.cards[c])}</span>
                            <span class="count">{format!("{}% ticked · {}", whole_percent(f64::from(share)), grade_label(grade))}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ul>
            <SummaryActions again_label="Another sitting" on_again/>
        </div>
    }
    .into_any()
}
