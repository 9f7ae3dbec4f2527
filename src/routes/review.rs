//! Flashcards with spaced repetition: question, reveal, grade Again/Hard/Good/Easy (each button
//! shows the interval it leads to), learning cards coming back within the sitting, then a summary.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::progress::StudyMode;
use prep_engine::scheduler::{Grade, format_interval};
use prep_engine::study::{ReviewSession, queue_counts};

use crate::base_path::href;
use crate::clock::{now, seed, today};
use crate::components::card_face::{back, front};
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::keys::on_study_key;
use crate::components::practice::{PractisingOne, practised_card};
use crate::components::progress_bar::ProgressBar;
use crate::deck::loaded_deck;
use crate::paths::{STUDY_PATH, card_path};
use crate::state::use_study;

#[component]
pub fn ReviewPage() -> impl IntoView {
    set_document_title(|| "Review".to_string());
    let deck = loaded_deck();
    let study = use_study();
    let single = practised_card();
    let queue = match single {
        Some(card) => vec![card],
        None => study.review_queue(now(), seed()),
    };
    let session = RwSignal::new(ReviewSession::new(queue));

    let reveal = move || session.update(|s| s.reveal());
    let grade = move |grade: Grade| {
        let Some(card) = session.with_untracked(|s| s.is_revealed().then(|| s.current()).flatten())
        else {
            return;
        };
        let rescheduled = study.record(deck.cards[card].id.as_str(), grade, StudyMode::Flashcard);
        session.update(|s| s.grade(grade, &rescheduled, now()));
    };
    on_study_key(move |key, event| match key {
        " " | "Enter" | "ArrowDown" | "ArrowRight"
            if !session.with_untracked(|s| s.is_revealed()) =>
        {
            event.prevent_default();
            reveal();
        }
        "1" | "2" | "3" | "4" => {
            let index = key.parse::<usize>().unwrap_or(1) - 1;
            grade(Grade::ALL[index]);
        }
        _ => {}
    });

    let progress = Signal::derive(move || session.with(|s| s.progress()));
    // The turn (card on screen, answers so far): the card view is rebuilt per turn, not on reveal.
    let turn = Memo::new(move |_| session.with(|s| (s.current(), s.answered())));
    view! {
        <section class="page study-session" aria-labelledby="session-title">
            <h1 id="session-title" class="session-title">"Review"</h1>
            {single.map(|card| view! { <PractisingOne card=card/> })}
            <ProgressBar progress=progress label="Cards reviewed"/>
            {move || match turn.get().0 {
                Some(card) => {
                    let (hint, prompt) = front(deck, card);
                    view! {
                        <article class="flashcard" aria-live="polite">
                            <p class="eyebrow muted">{hint}</p>
                            <h2 class="prompt">{prompt}</h2>
                            <Show when=move || session.with(|s| s.is_revealed())>
                                <div class="answer">{back(deck, card)}</div>
                            </Show>
                        </article>
                        <div class="action-bar">
                            <Show
                                when=move || session.with(|s| s.is_revealed())
                                fallback=move || view! {
                                    <button class="primary wide" on:click=move |_| reveal()>
                                        "Show answer"
                                    </button>
                                }
                            >
                                <GradeButtons card=card on_grade=grade/>
                            </Show>
                        </div>
                    }
                    .into_any()
                }
                None => view! { <ReviewSummary session=session/> }.into_any(),
            }}
        </section>
    }
}

/// Again / Hard / Good / Easy, each labelled with the wait it leads to, as Anki does.
#[component]
fn GradeButtons(
    card: usize,
    on_grade: impl Fn(Grade) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = loaded_deck();
    let study = use_study();
    let schedule = study
        .progress
        .with_untracked(|p| p.schedule(deck.cards[card].id.as_str()));
    let previews = study.scheduler().preview(&schedule, now());
    view! {
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
                            <span class="grade-wait">{format_interval(wait)}</span>
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
fn ReviewSummary(session: RwSignal<ReviewSession>) -> impl IntoView {
    let deck = loaded_deck();
    let study = use_study();
    let summary = session.with_untracked(|s| s.summary());
    let at = now();
    let counts = study.progress.with_untracked(|p| {
        study
            .filter
            .with_untracked(|f| queue_counts(deck, p, f, at, today(at)))
    });
    let next_due = study.progress.with_untracked(|p| {
        p.cards
            .values()
            .filter(|s| !s.is_new())
            .map(|s| s.due)
            .min()
    });
    if summary.answers == 0 {
        return view! {
            <div class="summary">
                <h2>"Nothing to review right now"</h2>
                <p>
                    {match next_due {
                        Some(due) if due > at => format!("Your next card is due in {}.", format_interval(due.millis_since(at))),
                        _ => "You have no cards due and no new cards left for today with these filters.".to_string(),
                    }}
                </p>
                <p>"Try a quiz, a drill or a mock interview meanwhile."</p>
                <p><A href=href(STUDY_PATH) attr:class="button">"Back to study"</A></p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="summary">
            <h2>"Session complete"</h2>
            <p class="lede">
                {format!("You reviewed {} card{} ({} answers).", summary.cards, if summary.cards == 1 { "" } else { "s" }, summary.answers)}
            </p>
            <dl class="grade-tally">
                {Grade::ALL
                    .into_iter()
                    .map(|g| view! { <div><dt>{grade_label(g)}</dt><dd>{summary.by_grade[g.index()]}</dd></div> })
                    .collect_view()}
            </dl>
            {(!summary.forgotten.is_empty()).then(|| view! {
                <h3>"Worth another look"</h3>
                <ul class="card-list">
                    {summary.forgotten.iter().map(|&c| view! {
                        <li><A href=href(&card_path(deck.cards[c].id.as_str()))>{card_title(&deck.cards[c])}</A></li>
                    }).collect_view()}
                </ul>
            })}
            <p>{format!("Still due: {} · new left today: {}", counts.due, counts.new_available.min(counts.new_allowed_today))}</p>
            <p class="button-row"><A href=href(STUDY_PATH) attr:class="button">"Back to study"</A></p>
        </div>
    }
    .into_any()
}
