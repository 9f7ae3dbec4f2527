//! The study hub: what is due, the five ways to study, what to include, and scheduler settings.

use leptos::prelude::*;
use leptos_router::components::A;
use prep_engine::scheduler::SchedulerConfig;
use prep_engine::study::plan::about_minutes;
use prep_engine::study::{
    KindFilter, LEECH_LAPSES, NewCardOrder, Pool, StudyFilter, is_only_choice, leeches,
    toggle_choice,
};

use crate::base_path::href;
use crate::components::card_link::CardList;
use crate::components::come_back::ComeBack;
use crate::components::document_title::set_document_title;
use crate::components::interview_date::{InterviewDateField, InterviewPlanLine};
use crate::components::next_steps::CustomStudy;
use crate::components::next_task::InNextTask;
use crate::deck::{use_cards, use_deck};
use crate::paths::{DRILL_PATH, FILL_IN_PATH, MOCK_PATH, QUIZ_PATH, RECALL_PATH, REVIEW_PATH};
use crate::percent::whole_percent;
use crate::state::{review_counts_label, use_study};
use prep_engine::compiled::CompiledDeck;

/// The study modes after flashcard review, as the hub lists them: path, name, what it asks.
/// The build writes them into the study page too (`src/prerender.rs`).
pub const PRACTICE_MODES: [(&str, &str, &str); 5] = [
    (
        QUIZ_PATH,
        "Multiple choice quiz",
        "10 questions written for the cards, with why each option is right or wrong",
    ),
    (
        DRILL_PATH,
        "Classification drill",
        "Choose or avoid? An ORM or a Django advantage?",
    ),
    (
        RECALL_PATH,
        "Typed recall",
        "Write the answer, then tick the key points you made",
    ),
    (
        FILL_IN_PATH,
        "Fill in",
        "Type the concept or the missing word; checked exactly",
    ),
    (MOCK_PATH, "Mock interview", "Timed questions and a report"),
];

/// Whether the deck has anything for the mode at `path` to ask: a deck brought at run time may
/// have no practice items or drills, and a mode with nothing to ask is not offered.
pub fn mode_has_material(deck: &CompiledDeck, path: &str) -> bool {
    let cards = 0..deck.deck().cards.len();
    match path {
        QUIZ_PATH => cards.into_iter().any(|card| deck.has_choice(card)),
        FILL_IN_PATH => cards.into_iter().any(|card| deck.has_fill_in(card)),
        DRILL_PATH => deck.has_drills(),
        _ => true,
    }
}

/// The hub's first mode, whose detail is the learner's due counts.
pub const REVIEW_MODE_NAME: &str = "Flashcard review";

#[component]
pub fn StudyPage() -> impl IntoView {
    set_document_title(|| "Study".to_string());
    let deck = use_cards();
    let study = use_study();
    let counts = study.queue_counts();
    let cards_in_filter = Memo::new(move |_| study.filter.with(|f| f.cards(deck).len()));
    let review_label = move || {
        let counts = counts.get();
        if counts.is_empty() {
            "Nothing to review right now".to_string()
        } else {
            format!(
                "{}, {}",
                review_counts_label(counts),
                about_minutes(study.sitting_minutes(&counts))
            )
        }
    };
    view! {
        <section class="page study-hub">
            <h1>"Study"</h1>
            <p class="lede">
                {move || format!("{} cards selected · {} weak", cards_in_filter.get(), counts.get().weak)}
            </p>
            <Show when=move || counts.get().is_empty()>
                <ComeBack/>
            </Show>
            <ul class="mode-list">
                <li>
                    <A href=href(REVIEW_PATH) attr:class="mode mode-primary">
                        <span class="mode-name">{REVIEW_MODE_NAME}</span>
                        <span class="mode-detail">{review_label}</span>
                    </A>
                </li>
                {PRACTICE_MODES
                    .into_iter()
                    .filter(|(path, _, _)| mode_has_material(use_deck(), path))
                    .map(|(path, name, detail)| view! {
                        <li>
                            <A href=href(path) attr:class="mode">
                                <span class="mode-name">{name}</span>
                                <span class="mode-detail">{detail}</span>
                            </A>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <InNextTask>
                <LeechList/>
                <CustomStudy/>
                <FilterPanel/>
                <SettingsPanel/>
            </InNextTask>
        </section>
    }
}

/// Cards forgotten again and again (Anki's leeches): reviewing them more will not help until
/// they are rewritten in the learner's own words or split, so they are listed, not hidden.
#[component]
fn LeechList() -> impl IntoView {
    let deck = use_cards();
    let progress = use_study().progress;
    let found: Memo<Vec<usize>> = Memo::new(move |_| progress.with(|p| leeches(deck, p)));
    move || {
        let found = found.get();
        (!found.is_empty()).then(|| view! {
            <section class="panel leeches" aria-labelledby="leeches-title">
                <h2 id="leeches-title">"Leeches"</h2>
                <p class="muted">
                    {format!("Forgotten {LEECH_LAPSES} times or more. Rewrite these in your own words, or break them into smaller facts, before reviewing them again.")}
                </p>
                <CardList cards=found/>
            </section>
        })
    }
}

/// Sections, kinds, pool and order of new cards for every mode; an empty set means "all".
/// Remembered in this browser. The last ticked section or kind cannot be unticked (its box is
/// disabled and says why), so a selection never turns into "everything" by surprise.
#[component]
fn FilterPanel() -> impl IntoView {
    let deck = use_cards();
    let filter = use_study().filter;
    let section_ids: Vec<String> = deck.sections.iter().map(|s| s.id.clone()).collect();
    let only_one_section = {
        let all = section_ids.clone();
        move |id: &String| filter.with(|f| is_only_choice(&f.sections, &all, id))
    };
    view! {
        <details class="panel" open>
            <summary>"What to study"</summary>
            <fieldset>
                <legend>"Sections"</legend>
                {deck
                    .sections
                    .iter()
                    .map(|section| {
                        let id = section.id.clone();
                        let all = section_ids.clone();
                        let checked = {
                            let id = id.clone();
                            move || filter.with(|f| f.sections.is_empty() || f.sections.contains(&id))
                        };
                        let last = {
                            let (id, only) = (id.clone(), only_one_section.clone());
                            Memo::new(move |_| only(&id))
                        };
                        view! {
                            <label class="check" title=move || last.get().then_some("At least one section stays chosen")>
                                <input
                                    type="checkbox"
                                    prop:checked=checked
                                    disabled=move || last.get()
                                    on:change=move |_| filter.update(|f| toggle_choice(&mut f.sections, &all, id.clone()))
                                />
                                {section.title.clone()}
                            </label>
                        }
                    })
                    .collect_view()}
                <button
                    class="link-button"
                    disabled=move || filter.with(|f| f.sections.is_empty())
                    on:click=move |_| filter.update(|f| f.sections.clear())
                >
                    "All sections"
                </button>
            </fieldset>
            <fieldset>
                <legend>"Kinds of card"</legend>
                {KindFilter::ALL
                    .into_iter()
                    .map(|kind| {
                        let last = Memo::new(move |_| filter.with(|f| is_only_choice(&f.kinds, &KindFilter::ALL, &kind)));
                        view! {
                            <label class="check" title=move || last.get().then_some("At least one kind stays chosen")>
                                <input
                                    type="checkbox"
                                    prop:checked=move || filter.with(|f| f.kinds.is_empty() || f.kinds.contains(&kind))
                                    disabled=move || last.get()
                                    on:change=move |_| filter.update(|f| toggle_choice(&mut f.kinds, &KindFilter::ALL, kind))
                                />
                                {kind.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Which cards"</legend>
                {radio_choices("pool", &Pool::ALL, Pool::label, move |pool| {
                    filter.with(|f| f.pool == pool)
                }, move |pool| filter.update(|f| f.pool = pool))}
            </fieldset>
            <fieldset>
                <legend>"Order of new cards"</legend>
                {radio_choices("new-order", &NewCardOrder::ALL, NewCardOrder::label, move |order| {
                    filter.with(|f| f.new_order == order)
                }, move |order| filter.update(|f| f.new_order = order))}
                <p class="muted small" aria-live="polite">{move || filter.with(|f| f.new_order.explanation())}</p>
            </fieldset>
            <button class="link-button" on:click=move |_| filter.set(StudyFilter::default())>
                "Reset to everything"
            </button>
        </details>
    }
}

/// One radio button per choice in `choices`, named by `label`, checked where `is_chosen`.
fn radio_choices<T: Copy + Send + Sync + 'static>(
    name: &'static str,
    choices: &[T],
    label: fn(T) -> &'static str,
    is_chosen: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
    choose: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    choices
        .iter()
        .map(|&choice| {
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || is_chosen(choice)
                        on:change=move |_| choose(choice)
                    />
                    {label(choice)}
                </label>
            }
        })
        .collect_view()
}

/// Desired retention and the daily new-card limit, saved with progress.
#[component]
fn SettingsPanel() -> impl IntoView {
    let progress = use_study().progress;
    // The slider works in whole percentages, as the label reads. While it is dragged the
    // label follows it (`dragged`); the setting is saved once, when it is let go.
    let (dragged, set_dragged) = signal(None::<u32>);
    let retention = move || {
        dragged.get().unwrap_or_else(|| {
            progress.with(|p| whole_percent(f64::from(p.settings.desired_retention)))
        })
    };
    let range = SchedulerConfig::RETENTION_RANGE;
    let (lowest, highest) = (
        whole_percent(f64::from(*range.start())),
        whole_percent(f64::from(*range.end())),
    );
    view! {
        <section class="panel" aria-label="Studying for an interview">
            <InterviewPlanLine/>
            <InterviewDateField/>
        </section>
        <details class="panel">
            <summary>"Scheduling"</summary>
            <label class="field">
                <span>{move || format!("Desired retention: {}%", retention())}</span>
                <input
                    type="range"
                    min=lowest
                    max=highest
                    step="1"
                    prop:value=move || retention().to_string()
                    on:input=move |ev| {
                        set_dragged.set(event_target_value(&ev).parse::<u32>().ok());
                    }
                    on:change=move |ev| {
                        set_dragged.set(None);
                        if let Ok(percent) = event_target_value(&ev).parse::<u32>() {
                            let value = percent.clamp(lowest, highest) as f32 / 100.0;
                            progress.update(|p| p.settings.desired_retention = value);
                        }
                    }
                />
                <small class="muted">"Higher means more reviews and fewer lapses."</small>
            </label>
            <label class="field">
                <span>"New cards per day"</span>
                <input
                    type="number"
                    min="0"
                    max="500"
                    inputmode="numeric"
                    prop:value=move || progress.with(|p| p.settings.new_cards_per_day.to_string())
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<u32>() {
                            progress.update(|p| p.settings.new_cards_per_day = value.min(500));
                        }
                    }
                />
            </label>
        </details>
    }
}
