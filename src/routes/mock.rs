//! Mock interview: N questions from chosen sections, an optional timer per question, notes
//! per question, a follow-up (one of the card's true-or-false statements) after the model
//! answer, then a report with every question linked beside its notes, misses and
//! "partly" apart, and a history of past interviews on the setup screen.
//!
//! Both the setup choices and the interview in progress (timer deadline and notes included)
//! are sittings (`sitting_store`): a visit to a card and Back, or a reload, loses nothing.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::progress::{MockRecord, StudyMode};
use prep_engine::quiz::{ChoiceQuestion, QuestionForm};
use prep_engine::rng::Rng;
use prep_engine::study::{
    MockConfig, MockInterview, MockOutcome, is_only_choice, mock_questions, mock_sections,
    toggle_choice,
};
use prep_engine::time::Timestamp;
use wasm_bindgen::JsValue;

use crate::base_path::href;
use crate::clock::{now, seed};
use crate::components::card_face::back;
use crate::components::card_labels::card_title;
use crate::components::code_text::CodeText;
use crate::components::document_title::set_document_title;
use crate::components::key_hints::{KeyHint, KeyHints};
use crate::components::keys::{focus_soon, on_ctrl_enter, on_study_key};
use crate::components::progress_bar::ProgressBar;
use crate::components::round_summary::SummaryActions;
use crate::deck::{use_cards, use_deck};
use crate::paths::card_path;
use crate::sitting_store::{Sitting, route_key};
use crate::state::use_study;
use prep_engine::text::count_of;

const TIMER_CHOICES: [Option<u32>; 4] = [None, Some(60), Some(120), Some(180)];

pub const KEYS: &[KeyHint] = &[
    ("Ctrl+Enter", "Show model answer (from the notes)"),
    ("Space", "Show model answer"),
    ("1 / 2 / 3", "Missed / Partly / Nailed"),
];

#[component]
pub fn MockPage() -> impl IntoView {
    set_document_title(|| "Mock interview".to_string());
    // Two sittings under one route: the setup choices, and the interview (`None` while
    // setting up); "New interview" clears the interview and keeps the choices.
    let key = route_key();
    let config = Sitting::restore_or_start(&format!("{key}#setup"), MockConfig::default).state();
    let interview = Sitting::restore_or_start(&key, || None::<MockInterview>).state();
    let running = Memo::new(move |_| interview.with(Option::is_some));
    view! {
        <section class="page study-session">
            <h1 class="session-title">"Mock interview"</h1>
            {move || match running.get() {
                false => view! { <MockSetup config=config on_start=move |i| interview.set(Some(i))/> }.into_any(),
                true => view! { <MockRun interview=interview/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MockSetup(
    config: RwSignal<MockConfig>,
    on_start: impl Fn(MockInterview) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let deck = use_cards();
    let question_sections: Vec<(String, String)> = mock_sections(deck)
        .into_iter()
        .map(|section| &deck.sections[section])
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect();
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
                    {TIMER_CHOICES.iter().map(|&choice| {
                        let (value, label) = match choice {
                            None => (String::new(), "No timer".to_string()),
                            Some(s) => (s.to_string(), count_of((s / 60) as usize, "minute", "minutes")),
                        };
                        let selected = move || config.with(|c| c.seconds_per_question == choice);
                        view! { <option value=value prop:selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <fieldset>
                <legend>"Sections"</legend>
                {question_sections.iter().map(|(id, title)| {
                    let id = id.clone();
                    let all: Vec<String> = question_sections.iter().map(|(i, _)| i.clone()).collect();
                    let checked = { let id = id.clone(); move || config.with(|c| c.sections.is_empty() || c.sections.contains(&id)) };
                    // The last chosen section stays chosen: unticking it would mean "all".
                    let last = { let (id, all) = (id.clone(), all.clone()); Memo::new(move |_| config.with(|c| is_only_choice(&c.sections, &all, &id))) };
                    view! {
                        <label class="check" title=move || last.get().then_some("At least one section stays chosen")>
                            <input type="checkbox" prop:checked=checked disabled=move || last.get() on:change=move |_| config.update(|c| toggle_choice(&mut c.sections, &all, id.clone()))/>
                            {title.clone()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="action-bar">
                <button type="submit" class="primary wide">"Start the interview"</button>
            </div>
        </form>
        <MockHistory/>
    }
}

/// Past interviews, newest first, with their scores: whether practice is paying off.
#[component]
fn MockHistory() -> impl IntoView {
    let study = use_study();
    let records = move || {
        study
            .progress
            .with(|p| p.mocks.iter().rev().cloned().collect::<Vec<_>>())
    };
    view! {
        <Show when=move || study.progress.with(|p| !p.mocks.is_empty())>
            <section class="mock-history" aria-labelledby="mock-history-heading">
                <h2 id="mock-history-heading">"Past interviews"</h2>
                <ul class="card-list" aria-label="Past interviews">
                    {move || records().into_iter().map(|record: MockRecord| view! {
                        <li>
                            <span>
                                {format!("{} · {}", local_date_time(record.at), count_of(record.questions as usize, "question", "questions"))}
                                <span class="muted small">
                                    {format!(" · {} nailed, {} partly, {} missed", record.nailed, record.partly, record.missed)}
                                </span>
                            </span>
                            <span class="count">{format!("{}%", record.score)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// "29 Nov 2026, 19:52" in the person's locale and time zone.
fn local_date_time(at: Timestamp) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(at.0 as f64))
        .to_locale_string("default", &options)
        .into()
}

#[component]
fn MockRun(interview: RwSignal<Option<MockInterview>>) -> impl IntoView {
    let deck = use_cards();
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
    // When the learner (not the timer) reveals, the answer takes the focus, so the 1/2/3
    // keys judge at once; a timeout never pulls the focus out of the notes.
    let reveal = move || {
        if interview.with_untracked(|i| {
            i.as_ref()
                .is_some_and(|i| i.is_revealed() || i.is_finished())
        }) {
            return;
        }
        interview.update(|i| {
            if let Some(i) = i {
                i.reveal(now())
            }
        });
        focus_soon(".mock-question .answer");
    };
    // Every judgement feeds the schedule at once (see `MockOutcome::evidence`), so closing the
    // tab mid-interview loses nothing already judged.
    let study = use_study();
    // A finished interview goes into the history (the engine keeps one record per finishing
    // time, so calling this again changes nothing).
    let keep_if_finished = move || {
        if let Some(record) =
            interview.with_untracked(|i| i.as_ref().and_then(MockInterview::record))
        {
            study.progress.update(|p| {
                p.record_mock(record);
            });
        }
    };
    let judge = move |outcome: MockOutcome| {
        if let Some(card) = interview.with_untracked(|i| {
            i.as_ref()
                .filter(|i| i.is_revealed())
                .and_then(MockInterview::current)
        }) {
            study.record_answer(&deck.cards[card].id, outcome.evidence(), StudyMode::Mock);
        }
        interview.update(|i| {
            if let Some(i) = i {
                i.judge(outcome, now())
            }
        });
        // The last judgement ends the interview: into the history, once.
        keep_if_finished();
    };
    on_ctrl_enter(reveal);
    on_study_key(move |key, event| {
        let outcome = match key {
            " " if !revealed() => {
                event.prevent_default();
                reveal();
                return;
            }
            "1" => MockOutcome::Missed,
            "2" => MockOutcome::Partial,
            "3" => MockOutcome::Nailed,
            _ => return,
        };
        if interview.with_untracked(|i| i.as_ref().is_some_and(MockInterview::is_revealed)) {
            event.prevent_default();
            judge(outcome);
        }
    });
    // Ending early keeps what was judged (already in the schedule) and makes it the report.
    let end_early = move || {
        interview.update(|i| {
            if let Some(i) = i {
                i.end_early(now())
            }
        });
        keep_if_finished();
    };
    let set_notes = move |text: String| {
        interview.update(|i| {
            if let Some(i) = i {
                i.set_notes(text)
            }
        })
    };

    view! {
        <ProgressBar progress=progress label="Questions answered"/>
        {move || match turn.get() {
            None => view! { <MockReportView interview=interview/> }.into_any(),
            Some((card, _)) => {
                // A new question's notes box takes the focus, so typing starts at once (the
                // question follows a tap on Start or on a judgement); not once its answer shows
                // (a reload), when the digit keys judge.
                let notes_box = NodeRef::<leptos::html::Textarea>::new();
                Effect::new(move |_| {
                    if let Some(notes) = notes_box.get()
                        && !interview.with_untracked(|i| i.as_ref().is_some_and(MockInterview::is_revealed))
                    {
                        let _ = notes.focus();
                    }
                });
                view! {
                <p class="mock-end">
                    <button class="link-button" on:click=move |_| end_early()>
                        "End the interview here"
                    </button>
                </p>
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
                        <textarea
                            node_ref=notes_box
                            rows="4"
                            prop:value=move || interview.with(|i| i.as_ref().map(|i| i.notes().to_owned()).unwrap_or_default())
                            on:input=move |ev| set_notes(event_target_value(&ev))
                            aria-keyshortcuts="Control+Enter"
                        ></textarea>
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
                        <div class="answer" tabindex="-1" role="region" aria-label="Model answer">{back(deck, card)}</div>
                        <FollowUp card=card/>
                        <div class="action-bar">
                            <div class="grade-buttons three" role="group" aria-label="How did your answer compare?">
                                <button class="grade grade-again" aria-keyshortcuts="1" on:click=move |_| judge(MockOutcome::Missed)>"Missed it"</button>
                                <button class="grade grade-hard" aria-keyshortcuts="2" on:click=move |_| judge(MockOutcome::Partial)>"Partly"</button>
                                <button class="grade grade-good" aria-keyshortcuts="3" on:click=move |_| judge(MockOutcome::Nailed)>"Nailed it"</button>
                            </div>
                        </div>
                    </Show>
                </article>
                <KeyHints hints=KEYS/>
            }
            .into_any()
            }
        }}
    }
}

/// The interviewer's follow-up: one of the card's true-or-false statements, asked after the
/// model answer, answered with True or False and then corrected. It is part of the answer the
/// learner grades with Missed / Partly / Nailed, so it is not recorded on its own (one answer
/// per question, as in an interview).
#[component]
fn FollowUp(card: usize) -> impl IntoView {
    let statements: Vec<ChoiceQuestion> = use_deck()
        .choice_questions(card, 0)
        .into_iter()
        .filter(|q| q.form == QuestionForm::TrueFalse)
        .collect();
    let mut rng = Rng::keyed(seed(), "follow-up");
    let question = rng.choose(&statements).cloned()?;
    let answer = RwSignal::new(None::<usize>);
    let correct = question.correct;
    let why = question.why.first().cloned().unwrap_or_default();
    Some(view! {
        <aside class="follow-up" aria-label="Follow-up question">
            <h3>"Follow-up: true or false?"</h3>
            <p class="follow-up-statement"><CodeText text=question.stem.clone()/></p>
            <div class="follow-up-choices" role="group" aria-label="Your verdict">
                {["True", "False"].into_iter().enumerate().map(|(index, label)| view! {
                    <button
                        class=move || match answer.get() {
                            Some(_) if index == correct => "option correct",
                            Some(picked) if picked == index => "option wrong",
                            _ => "option",
                        }
                        aria-pressed=move || (answer.get() == Some(index)).to_string()
                        disabled=move || answer.get().is_some()
                        on:click=move |_| answer.set(Some(index))
                    >
                        {label}
                    </button>
                }).collect_view()}
            </div>
            {move || answer.get().map(|picked| {
                let verdict = if picked == correct { "Right: it is " } else { "Not quite: it is " };
                let truth = if correct == 0 { "true" } else { "false" };
                view! {
                    <p class="follow-up-verdict" role="status">
                        <strong>{verdict}{truth}"."</strong>" "<CodeText text=why.clone()/>
                    </p>
                }
            })}
        </aside>
    })
}

#[component]
fn MockReportView(interview: RwSignal<Option<MockInterview>>) -> impl IntoView {
    let Some(report) = interview.with_untracked(|i| i.as_ref().map(|i| i.report(now()))) else {
        return ().into_any();
    };
    let notes = StoredValue::new(report.notes.clone());
    let ended_early =
        interview.with_untracked(|i| i.as_ref().and_then(MockInterview::planned_if_ended_early));
    // Each outcome its own list, misses first: "Partly" is worth a look but is not a miss.
    let list = move |title: &'static str, cards: Vec<usize>| {
        (!cards.is_empty()).then(|| view! {
            <h3>{title}</h3>
            <ul class="card-list mock-answers" aria-label=title>
                {cards.into_iter().map(|c| view! { <ReportLine card=c notes=notes.with_value(|n| n.get(&c).cloned())/> }).collect_view()}
            </ul>
        })
    };
    view! {
        <div class="summary">
            <h2>"Interview report"</h2>
            <p class="score">{format!("Score: {}%", report.score_percent)}</p>
            {ended_early.map(|planned| view! {
                <p>{format!("Ended early: {} of {planned} questions answered.", report.total)}</p>
            })}
            <p>
                {format!(
                    "{} nailed, {} partly, {} missed of {} · total time {}",
                    report.nailed,
                    report.partial,
                    report.misses.len(),
                    report.total,
                    format_duration(report.total_ms),
                )}
            </p>
            {list("Missed", report.misses.clone())}
            {list("Partly", report.partly.clone())}
            {list("Nailed", report.nailed_cards.clone())}
            {(report.total > 0).then(|| view! {
                <p class="muted">"Every answer already counts in your review schedule: missed questions come back within minutes, partly answered ones sooner than nailed ones."</p>
            })}
            <SummaryActions again_label="New interview" on_again=move || interview.set(None)/>
        </div>
    }
    .into_any()
}

/// A question of the report: its card, and the notes written for it (as text, never HTML).
#[component]
fn ReportLine(card: usize, notes: Option<String>) -> impl IntoView {
    let card = &use_cards().cards[card];
    view! {
        <li>
            <A href=href(&card_path(card.id.as_str()))>{card_title(card)}</A>
            {notes.map(|notes| view! {
                <p class="mock-notes"><span class="muted small">"Your notes: "</span>{notes}</p>
            })}
        </li>
    }
}

fn format_duration(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    }
}
