//! Fill in: authored sentences with one blank (`content/practice/`), answers the engine can
//! check exactly. Spelling slips are forgiven (and shown); numbers and other words are not
//! ("validation" for "invalidation" is wrong). Every answer feeds the schedule as recall, and
//! a miss comes back before the round ends. The round is a sitting (`sitting_store`): a visit
//! to a card and Back, or a reload, goes on where it was.

use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use prep_engine::compiled::CompiledDeck;
use prep_engine::fill_in::{BLANK, FillInPrompt, FillInVerdict, check_fill_in};
use prep_engine::progress::StudyMode;
use prep_engine::rng::Rng;
use prep_engine::study::PracticeRound;

use crate::clock::{now, seed};
use crate::components::answer_feedback::{AnswerFeedback, FEEDBACK, Verdict};
use crate::components::code_text::CodeText;
use crate::components::document_title::set_document_title;
use crate::components::empty_selection::EmptySelection;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_soon, on_study_key};
use crate::components::practice::{PracticingOne, practiced_card, selection_plan};
use crate::components::progress_bar::{ProgressBar, RetriesWaiting};
use crate::components::round_summary::RoundSummary;
use crate::components::sitting::{SittingScope, requested_sitting};
use crate::deck::{use_cards, use_deck};
use crate::sitting_store::Sitting;
use crate::state::use_study;

pub const KEYS: &[KeyHint] = &[("Enter", "Check"), ("Enter", "Next")];

/// Ten typed answers are a few minutes on a phone keyboard.
const ROUND_LENGTH: usize = 10;

type FillInRound = PracticeRound<FillInPrompt, (String, FillInVerdict)>;

#[component]
pub fn FillInPage() -> impl IntoView {
    set_document_title(|| "Fill in".to_string());
    let single = practiced_card();
    let round = RwSignal::new(0u32);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Fill in"</h1>
            {single.map(|card| view! { <PracticingOne card=card/> })}
            <SittingScope request=requested_sitting()/>
            {move || {
                round.track();
                view! { <FillInRound single=single on_again=move || round.update(|r| *r += 1)/> }
            }}
        </section>
    }
}

/// The prompts of a round: every prompt of the one card practised, or one per card of the
/// selection (due and new cards first, then the rest of the selection, shuffled).
fn round_prompts(bank: &CompiledDeck, single: Option<usize>) -> Vec<FillInPrompt> {
    let deck = bank.deck();
    if let Some(card) = single {
        return bank.fill_in_prompts(card).to_vec();
    }
    let study = use_study();
    let (at, seed) = (now(), seed());
    let request = requested_sitting();
    let mut cards = study.sitting_queue(&request, at, seed);
    let mut rest = study.sitting_filter(&request).cards(deck);
    rest.retain(|card| !cards.contains(card));
    Rng::new(seed).shuffle(&mut rest);
    cards.extend(rest);
    bank.fill_in_round(&cards, ROUND_LENGTH, seed)
}

#[component]
fn FillInRound(
    single: Option<usize>,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let bank = use_deck();
    let sitting = Sitting::here_for(&selection_plan(single), || {
        FillInRound::new(round_prompts(bank, single))
    });
    let round = sitting.state();
    let on_again = move || {
        sitting.forget();
        on_again();
    };

    let check = move || {
        let Some(prompt) = round.with_untracked(|r| r.unanswered().cloned()) else {
            return;
        };
        let text = round.with_untracked(|r| r.draft().to_owned());
        let verdict = check_fill_in(&prompt, &text);
        study.record_answer(
            &deck.cards[prompt.card].id,
            verdict.evidence(),
            StudyMode::FillIn,
        );
        round.update(|r| r.answer((text, verdict), verdict.is_right(), Clone::clone));
        focus_soon(FEEDBACK);
    };
    let next = move || {
        if round.with_untracked(|r| r.current_answer().is_some()) {
            round.update(FillInRound::next);
            // The next prompt from the page's top (its field takes the focus as it mounts).
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    on_study_key(move |key, event| {
        if matches!(key, "Enter" | " " | "ArrowRight")
            && round.with_untracked(|r| r.current_answer().is_some())
        {
            event.prevent_default();
            next();
        }
    });

    let progress = Signal::derive(move || round.with(FillInRound::progress));
    // The prompt view is rebuilt per turn (not on answer, not on each keystroke).
    let turn = Memo::new(move |_| round.with(|r| (r.turn(), r.is_finished())));
    view! {
        <ProgressBar progress=progress label="Answers given"/>
        <RetriesWaiting count=Signal::derive(move || round.with(FillInRound::retries_waiting))/>
        {move || {
            let (_, finished) = turn.get();
            if finished {
                let (right, total) = round.with_untracked(FillInRound::first_try_score);
                if total == 0 {
                    return view! { <EmptySelection what="typed questions"/> }.into_any();
                }
                let missed = round.with_untracked(|r| r.missed().into_iter().map(|p| p.card).collect());
                return view! {
                    <RoundSummary
                        heading="Fill-in complete"
                        score=format!("{right} of {total} right the first time")
                        missed=missed
                        again_label="Another round"
                        on_again=on_again
                    />
                }
                .into_any();
            }
            let Some(prompt) = round.with_untracked(|r| r.current().cloned()) else {
                return ().into_any();
            };
            let retry = round.with_untracked(FillInRound::is_retry);
            view! {
                <PromptView prompt=prompt retry=retry round=round on_check=check on_next=next/>
                <KeyHints hints=KEYS/>
            }
            .into_any()
        }}
    }
}

#[component]
fn PromptView(
    prompt: FillInPrompt,
    retry: bool,
    round: RwSignal<FillInRound>,
    on_check: impl Fn() + Copy + Send + Sync + 'static,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let card = prompt.card;
    let answered = move || round.with(|r| r.current_answer().map(|a| a.response.1));
    let input = NodeRef::<Input>::new();
    // A new prompt takes the keyboard straight away, so a round can be typed through.
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let (instruction, label) = ("Fill in the blank", "The missing term");
    let answer = StoredValue::new(prompt.answer.clone());
    let why = StoredValue::new(prompt.why.clone());
    view! {
        <article class="fill-in">
            <p class="eyebrow muted">
                {instruction}
                {retry.then(|| view! { <span class="badge">"Again"</span> })}
            </p>
            <p class="context muted">{prompt.context.clone()}</p>
            <h2 class="prompt">{with_blank(&prompt)}</h2>
            <form on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                on_check();
            }>
                <label class="field">
                    <span>{label}</span>
                    <input
                        type="text"
                        node_ref=input
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        enterkeyhint="done"
                        // What is typed lives in the round (so a reload keeps it); once
                        // answered, what was answered.
                        prop:value=move || {
                            round.with(|r| match r.current_answer() {
                                Some(answer) => answer.response.0.clone(),
                                None => r.draft().to_owned(),
                            })
                        }
                        on:input=move |ev| round.update(|r| r.set_draft(event_target_value(&ev)))
                        disabled=move || answered().is_some()
                    />
                </label>
                <Show when=move || answered().is_none()>
                    <div class="action-bar">
                        <button type="submit" class="primary wide">"Check"</button>
                    </div>
                </Show>
            </form>
            <Show when=move || answered().is_some()>
                <AnswerFeedback card=card next_label="Next" on_next=on_next>
                    {move || match answered() {
                        Some(FillInVerdict::Typo) => view! {
                            <p class="verdict good">"Correct, spelled " <strong>{answer.get_value()}</strong></p>
                        }
                        .into_any(),
                        verdict => view! {
                            <Verdict right=verdict.is_some_and(FillInVerdict::is_right) answer=answer.get_value()/>
                        }
                        .into_any(),
                    }}
                    {why.with_value(|why| (!why.is_empty()).then(|| view! { <p class="explanation"><CodeText text=why.clone()/></p> }))}
                </AnswerFeedback>
            </Show>
        </article>
    }
}

/// The sentence, with its blank drawn as a blank a screen reader names.
fn with_blank(prompt: &FillInPrompt) -> AnyView {
    match prompt.prompt.split_once(BLANK) {
        Some((before, after)) => view! {
            <CodeText text=before.to_owned()/>
            <span class="blank" role="img" aria-label="blank">"_____"</span>
            <CodeText text=after.to_owned()/>
        }
        .into_any(),
        None => view! { <CodeText text=prompt.prompt.clone()/> }.into_any(),
    }
}
