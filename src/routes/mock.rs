//! Mock interview: N questions from chosen sections, an optional timer per question, then a
//! report with every miss linked and one button to put the misses in review.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::content::CardKind;
use prep_engine::progress::StudyMode;
use prep_engine::study::{MockConfig, MockInterview, MockOutcome, mock_questions, toggle_choice};

use crate::base_path::href;
use crate::clock::{now, seed};
use crate::components::card_face::back;
use crate::components::card_labels::card_title;
use crate::components::document_title::set_document_title;
use crate::components::progress_bar::ProgressBar;
use crate::deck::loaded_deck;
use crate::paths::{STUDY_PATH, card_path};
use crate::state::use_study;

const TIMER_CHOICES: [Option<u32>; 4] = [None, Some(60), Some(120), Some(180)];

#[component]
pub fn MockPage() -> impl IntoView {
    set_document_title(|| "Mock interview".to_string());
    let interview = RwSignal::new(None::<MockInterview>);
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Mock interview"</h1>
            {move || match interview.with(Option::is_some) {
                false => view! { <MockSetup on_start=move |i| interview.set(Some(i))/> }.into_any(),
                true => view! { <MockRun interview=interview/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MockSetup(on_start: impl Fn(MockInterview) + Copy + Send + Sync + 'static) -> impl IntoView {
    let deck = loaded_deck();
    let question_sections: Vec<(String, String)> = deck
        .sections
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            deck.cards_in_section(*i)
                .any(|(_, c)| matches!(c.kind, CardKind::Question { .. }))
        })
        .map(|(_, s)| (s.id.clone(), s.title.clone()))
        .collect();
    let config = RwSignal::new(MockConfig::default());
    let start = move || {
        let config = config.get_untracked();
        let questions = mock_questions(deck, &config, seed());
        on_start(MockInterview::new(
            questions,
            config.seconds_per_question,
            now(),
        ));
    };
    view! {
        <form class="panel mock-setup" on:submit=move |ev| { ev.prevent_default(); start(); }>
            <label class="field">
                <span>"Number of questions"</span>
                <input
                    type="number"
                    min="1"
                    max="68"
                    inputmode="numeric"
                    prop:value=move || config.with(|c| c.question_count.to_string())
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            config.update(|c| c.question_count = n.clamp(1, 68));
                        }
                    }
                />
            </label>
            <label class="field">
                <span>"Time per question"</span>
                <select on:change=move |ev| {
                    let seconds = event_target_value(&ev).parse::<u32>().ok();
                    config.update(|c| c.seconds_per_question = seconds);
                }>
                    {TIMER_CHOICES.iter().map(|choice| {
                        let (value, label) = match choice {
                            None => (String::new(), "No timer".to_string()),
                            Some(s) => (s.to_string(), format!("{} minute{}", s / 60, if *s == 60 { "" } else { "s" })),
                        };
                        view! { <option value=value>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <fieldset>
                <legend>"Sections"</legend>
                {question_sections.iter().map(|(id, title)| {
                    let id = id.clone();
                    let all: Vec<String> = question_sections.iter().map(|(i, _)| i.clone()).collect();
                    let checked = { let id = id.clone(); move || config.with(|c| c.sections.is_empty() || c.sections.contains(&id)) };
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |_| config.update(|c| toggle_choice(&mut c.sections, &all, id.clone()))/>
                            {title.clone()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="action-bar">
                <button type="submit" class="primary wide">"Start the interview"</button>
            </div>
        </form>
    }
}

#[component]
fn MockRun(interview: RwSignal<Option<MockInterview>>) -> impl IntoView {
    let deck = loaded_deck();
    // A clock signal ticking while a timed question is open, so the countdown and timeout update.
    let clock = RwSignal::new(now());
    let timed =
        interview.with_untracked(|i| i.as_ref().is_some_and(|i| i.seconds_per_question.is_some()));
    let tick = move || {
        let at = now();
        clock.set(at);
        // Only a timeout changes the interview; checking untracked keeps ticks from re-rendering.
        let expired = interview.with_untracked(|i| {
            i.as_ref().is_some_and(|i| {
                !i.is_revealed() && !i.is_finished() && i.remaining_ms(at) == Some(0)
            })
        });
        if expired {
            interview.update(|i| {
                if let Some(i) = i {
                    i.check_timer(at);
                }
            });
        }
    };
    if timed
        && let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250))
    {
        on_cleanup(move || handle.clear());
    }
    let with =
        move |f: &dyn Fn(&MockInterview) -> usize| interview.with(|i| i.as_ref().map_or(0, f));
    let progress = Signal::derive(move || (with(&|i| i.position().0), with(&|i| i.position().1)));
    let turn = Memo::new(move |_| {
        interview.with(|i| {
            i.as_ref()
                .and_then(|i| i.current().map(|c| (c, i.answers.len())))
        })
    });
    let revealed = move || interview.with(|i| i.as_ref().is_some_and(MockInterview::is_revealed));
    let reveal = move || {
        interview.update(|i| {
            if let Some(i) = i {
                i.reveal(now(), false)
            }
        })
    };
    // Every judgement feeds the schedule at once (see `MockOutcome::evidence`), so closing the
    // tab mid-interview loses nothing already judged.
    let study = use_study();
    let judge = move |outcome: MockOutcome| {
        if let Some(card) = interview.with_untracked(|i| {
            i.as_ref()
                .filter(|i| i.is_revealed())
                .and_then(MockInterview::current)
        }) {
            study.record_answer(
                deck.cards[card].id.as_str(),
                outcome.evidence(),
                StudyMode::Mock,
            );
        }
        interview.update(|i| {
            if let Some(i) = i {
                i.judge(outcome, now())
            }
        })
    };

    view! {
        <ProgressBar progress=progress label="Questions answered"/>
        {move || match turn.get() {
            None => view! { <MockReportView interview=interview/> }.into_any(),
            Some((card, _)) => view! {
                <article class="mock-question">
                    {timed.then(|| view! {
                        <p class="timer" role="timer" aria-live="off">
                            {move || {
                                let left = interview.with(|i| i.as_ref().and_then(|i| i.remaining_ms(clock.get()))).unwrap_or(0);
                                format!("Time left: {}:{:02}", left / 60_000, (left / 1000) % 60)
                            }}
                        </p>
                    })}
                    <p class="eyebrow muted">"Answer out loud or in notes, then compare"</p>
                    <h2 class="prompt">{card_title(&deck.cards[card])}</h2>
                    <label class="field">
                        <span>"Notes (optional)"</span>
                        <textarea rows="4"></textarea>
                    </label>
                    <Show
                        when=revealed
                        fallback=move || view! {
                            <div class="action-bar">
                                <button class="primary wide" on:click=move |_| reveal()>"Show model answer"</button>
                            </div>
                        }
                    >
                        {move || interview.with(|i| i.as_ref().is_some_and(|i| i.remaining_ms(clock.get()) == Some(0)))
                            .then(|| view! { <p class="verdict bad" role="status">"Time is up."</p> })}
                        <div class="answer">{back(deck, card)}</div>
                        <div class="action-bar">
                            <div class="grade-buttons three" role="group" aria-label="How did your answer compare?">
                                <button class="grade grade-again" on:click=move |_| judge(MockOutcome::Missed)>"Missed it"</button>
                                <button class="grade grade-hard" on:click=move |_| judge(MockOutcome::Partial)>"Partly"</button>
                                <button class="grade grade-good" on:click=move |_| judge(MockOutcome::Nailed)>"Nailed it"</button>
                            </div>
                        </div>
                    </Show>
                </article>
            }
            .into_any(),
        }}
    }
}

#[component]
fn MockReportView(interview: RwSignal<Option<MockInterview>>) -> impl IntoView {
    let deck = loaded_deck();
    let Some(report) = interview.with_untracked(|i| i.as_ref().map(|i| i.report(now()))) else {
        return ().into_any();
    };
    let miss_count = report.misses.len();
    view! {
        <div class="summary">
            <h2>"Interview report"</h2>
            <p class="score">{format!("Score: {}%", report.score_percent)}</p>
            <p>
                {format!(
                    "{} nailed, {} partly, {} missed of {} · total time {}",
                    report.nailed,
                    report.partial,
                    report.total - report.nailed - report.partial,
                    report.total,
                    format_duration(report.total_ms),
                )}
            </p>
            {(miss_count > 0).then(|| view! {
                <h3>"Missed"</h3>
                <ul class="card-list">
                    {report.misses.iter().map(|&c| view! {
                        <li><A href=href(&card_path(deck.cards[c].id.as_str()))>{card_title(&deck.cards[c])}</A></li>
                    }).collect_view()}
                </ul>
            })}
            {(!report.partly.is_empty()).then(|| view! {
                <h3>"Partly"</h3>
                <ul class="card-list">
                    {report.partly.iter().map(|&c| view! {
                        <li><A href=href(&card_path(deck.cards[c].id.as_str()))>{card_title(&deck.cards[c])}</A></li>
                    }).collect_view()}
                </ul>
            })}
            {(report.total > 0).then(|| view! {
                <p class="muted">"Every answer already counts in your review schedule: missed questions come back within minutes, partly answered ones sooner than nailed ones."</p>
            })}
            <p class="button-row">
                <button class="button" on:click=move |_| interview.set(None)>"New interview"</button>
                <A href=href(STUDY_PATH) attr:class="button">"Back to study"</A>
            </p>
        </div>
    }
    .into_any()
}

fn format_duration(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    }
}
