//! Flashcards with spaced repetition: question, reveal, grade Again/Hard/Good/Easy (each button
//! shows the interval it leads to), learning cards coming back within the sitting, undo, the
//! New / Learning / Review counts, then a summary with the way on.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use prep_engine::progress::StudyMode;
use prep_engine::scheduler::{Grade, Phase, format_interval};
use prep_engine::study::{Pool, ReviewSession, SittingCounts};

use crate::clock::{now, seed, today};
use crate::components::card_face::{back, front};
use crate::components::card_link::CardList;
use crate::components::come_back::ComeBack;
use crate::components::document_title::set_document_title;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_new_item, focus_soon, on_study_key, on_undo_key};
use crate::components::mistakes::Mistakes;
use crate::components::next_steps::NextSteps;
use crate::components::practice::{PracticingOne, practiced_card, selection_plan};
use crate::components::progress_bar::ProgressBar;
use crate::components::sitting::{SittingScope, requested_sitting};
use crate::deck::use_cards;
use crate::sitting_store::Sitting;
use crate::state::use_study;
use prep_engine::text::count_of;

pub const KEYS: &[KeyHint] = &[
    ("Space", "Show answer"),
    ("1–4", "Again · Hard · Good · Easy"),
    ("U", "Undo"),
];

/// Below this many flashcard grades, the grade buttons say in one line what each means.
const GRADE_HELP_UNTIL: usize = 20;

#[component]
pub fn ReviewPage() -> impl IntoView {
    set_document_title(|| "Review".to_string());
    // A link from one sitting to another (the summary's "learn 10 more") changes only the
    // query; each query is a new sitting.
    let search = use_location().search;
    move || {
        // Read, not just tracked: an unread Memo never computes, so it would never change.
        search.with(|_| ());
        view! { <ReviewSitting/> }
    }
}

#[component]
fn ReviewSitting() -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let single = practiced_card();
    let request = requested_sitting();
    let filter = study.sitting_filter(&request);
    // Kept per tab (see `sitting_store`): a visit to a card and Back, or a reload, resumes
    // the sitting with its queue and its undo steps, on the day it was planned (a tab left
    // open overnight starts afresh with the new day's cards).
    let day = today(now()).start.millis();
    let plan = format!("{} {day}", selection_plan(single));
    let session = Sitting::here_for(&plan, || match single {
        Some(card) => ReviewSession::new(vec![card]),
        None => {
            let queue = study.sitting_queue(&request, now(), seed());
            if filter.pool == Pool::Cram {
                ReviewSession::practice_only(queue)
            } else {
                ReviewSession::new(queue)
            }
        }
    })
    .state();
    // What the last undo did (or why it could not), for the live region.
    let undo_status = RwSignal::new(None::<String>);

    // The answer takes the focus, so it is read out and scrolled into view above the grade
    // buttons; after a grade, the next card's button takes the place of the grade buttons.
    let reveal = move || {
        session.update(|s| s.reveal());
        focus_soon(".flashcard .answer");
    };
    let grade = move |grade: Grade| {
        if !session.with_untracked(|s| s.is_revealed()) {
            return;
        }
        let scheduler = study.scheduler();
        let at = now();
        undo_status.set(None);
        study.progress.update(|p| {
            session.update(|s| {
                s.answer(deck, p, &scheduler, grade, at);
            })
        });
        focus_new_item(".action-bar .primary");
    };
    let undo = move || {
        let mut outcome = Ok(0);
        study
            .progress
            .update(|p| session.update(|s| outcome = s.undo(p)));
        undo_status.set(Some(match outcome {
            Ok(_) => "Grade undone: grade this card again.".to_string(),
            Err(error) => error.to_string(),
        }));
    };
    on_study_key(move |key, event| match key {
        // Only while a card waits for its answer: on the summary, Enter follows the focused link.
        " " | "Enter" | "ArrowDown" | "ArrowRight"
            if session.with_untracked(|s| s.current().is_some() && !s.is_revealed()) =>
        {
            event.prevent_default();
            reveal();
        }
        "1" | "2" | "3" | "4" => {
            let index = key.parse::<usize>().unwrap_or(1) - 1;
            grade(Grade::ALL[index]);
        }
        "u" | "U" => undo(),
        _ => {}
    });
    on_undo_key(undo);

    let scheduler = study.scheduler();
    let progress = Signal::derive(move || {
        study
            .progress
            .with(|p| session.with(|s| s.progress(deck, p, &scheduler)))
    });
    let remaining = Signal::derive(move || {
        study
            .progress
            .with(|p| session.with(|s| s.remaining(deck, p)))
    });
    // The turn (card on screen, answers so far): the card view is rebuilt per turn, not on reveal.
    let turn = Memo::new(move |_| session.with(|s| (s.current(), s.answered())));
    let practice_only = session.with_untracked(ReviewSession::is_practice_only);
    view! {
        <section class="page study-session" aria-labelledby="session-title">
            <div class="session-head">
                <h1 id="session-title" class="session-title">
                    {if practice_only { "Cram" } else { "Review" }}
                </h1>
                <button
                    class="link-button"
                    aria-keyshortcuts="U Control+Z"
                    disabled=move || !session.with(ReviewSession::can_undo)
                    on:click=move |_| undo()
                >
                    "Undo"
                </button>
            </div>
            {single.map(|card| view! { <PracticingOne card=card/> })}
            <SittingScope request=request/>
            <ProgressBar progress=progress label="Answers"/>
            <Show when=move || turn.get().0.is_some()>
                <Counts remaining=remaining current_phase=Signal::derive(move || {
                    let card = turn.get().0?;
                    Some(study.progress.with_untracked(|p| p.schedule(&deck.cards[card].id).phase))
                })/>
            </Show>
            <p class="muted small undo-status" role="status">{move || undo_status.get()}</p>
            {move || match turn.get().0 {
                Some(card) => {
                    let (hint, prompt) = front(deck, card);
                    view! {
                        <article class="flashcard">
                            <p class="eyebrow muted">{hint}</p>
                            <h2 class="prompt" id="review-prompt">{prompt}</h2>
                            <Show when=move || session.with(|s| s.is_revealed())>
                                <div class="answer" tabindex="-1" role="region" aria-label="Answer">
                                    {back(deck, card)}
                                </div>
                                <Mistakes card=card/>
                            </Show>
                        </article>
                        <div class="action-bar">
                            <Show
                                when=move || session.with(|s| s.is_revealed())
                                fallback=move || view! {
                                    <button class="primary wide" aria-describedby="review-prompt" on:click=move |_| reveal()>
                                        "Show answer"
                                    </button>
                                }
                            >
                                <GradeButtons card=card practice_only=practice_only on_grade=grade/>
                            </Show>
                        </div>
                        <KeyHints hints=KEYS/>
                    }
                    .into_any()
                }
                None => view! { <ReviewSummary session=session filter=filter.clone()/> }.into_any(),
            }}
        </section>
    }
}

/// "3 new · 1 learning · 5 to review", as Anki shows them, with the current card's count
/// underlined, and why learning cards come back.
#[component]
fn Counts(
    remaining: Signal<SittingCounts>,
    /// Where the card on screen is (its count is the one underlined).
    current_phase: Signal<Option<Phase>>,
) -> impl IntoView {
    let is_current = move |wanted: fn(Phase) -> bool| current_phase.get().is_some_and(wanted);
    view! {
        <p class="sitting-counts" role="group" aria-label="Cards left in this sitting">
            <span class="count-new" class:current=move || is_current(|p| p == Phase::New)>
                {move || format!("{} new", remaining.get().new)}
            </span>
            " · "
            <span
                class="count-learning"
                class:current=move || is_current(|p| matches!(p, Phase::Learning { .. } | Phase::Relearning { .. }))
                title="Cards in their learning steps come back after a short wait until they stick"
            >
                {move || format!("{} learning", remaining.get().learning)}
            </span>
            " · "
            <span class="count-review" class:current=move || is_current(|p| p == Phase::Review)>
                {move || format!("{} to review", remaining.get().review)}
            </span>
        </p>
    }
}

/// Again / Hard / Good / Easy, each labelled with the wait it leads to, as Anki does; in a
/// practice-only sitting, without waits, since nothing is rescheduled.
#[component]
fn GradeButtons(
    card: usize,
    practice_only: bool,
    on_grade: impl Fn(Grade) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let study = use_study();
    let schedule = study
        .progress
        .with_untracked(|p| p.schedule(&deck.cards[card].id));
    let previews = study.scheduler().preview(&schedule, now());
    let show_help = study.progress.with_untracked(|p| {
        p.reviews
            .iter()
            .filter(|r| r.mode == StudyMode::Flashcard)
            .take(GRADE_HELP_UNTIL)
            .count()
            < GRADE_HELP_UNTIL
    });
    view! {
        {show_help.then(|| view! {
            <p class="grade-help muted small">
                "Again: forgot, see it in a minute. Hard: recalled with effort. Good: recalled. Easy: effortless, wait longer."
            </p>
        })}
        <div class="grade-buttons" role="group" aria-label="How well did you remember?">
            {previews
                .into_iter()
                .map(|(grade, wait)| {
                    let label = grade_label(grade);
                    view! {
                        <button
                            class=format!("grade grade-{}", grade.as_str())
                            on:click=move |_| on_grade(grade)
                            aria-keyshortcuts=(grade.index() + 1).to_string()
                        >
                            <span class="grade-name">{label}</span>
                            {(!practice_only).then(|| view! { <span class="grade-wait">{format_interval(wait)}</span> })}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

pub fn grade_label(grade: Grade) -> &'static str {
    match grade {
        Grade::Again => "Again",
        Grade::Hard => "Hard",
        Grade::Good => "Good",
        Grade::Easy => "Easy",
    }
}

#[component]
fn ReviewSummary(
    session: RwSignal<ReviewSession>,
    filter: prep_engine::study::StudyFilter,
) -> impl IntoView {
    let summary = session.with_untracked(|s| s.summary());
    let seen = summary.seen.clone();
    let head = if summary.answers == 0 {
        view! {
            <h2>"Nothing to review right now"</h2>
            <p>"No cards are due and today’s new cards are done for this selection."</p>
        }
        .into_any()
    } else {
        view! {
            <h2>"Session complete"</h2>
            <p class="lede">
                {format!("You reviewed {} ({}).", count_of(summary.cards, "card", "cards"), count_of(summary.answers, "answer", "answers"))}
            </p>
            <dl class="grade-tally">
                {Grade::ALL
                    .into_iter()
                    .map(|g| view! { <div><dt>{grade_label(g)}</dt><dd>{summary.by_grade[g.index()]}</dd></div> })
                    .collect_view()}
            </dl>
            {(!summary.forgotten.is_empty()).then(|| view! {
                <h3>{format!("Forgotten this sitting ({})", summary.forgotten.len())}</h3>
                <CardList cards=summary.forgotten.clone()/>
            })}
        }
        .into_any()
    };
    view! {
        <div class="summary">
            {head}
            <ComeBack filter=filter.clone()/>
            <NextSteps seen=seen filter=filter/>
        </div>
    }
}
