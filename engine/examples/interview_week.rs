//! The week before an interview six days out, as home shows it each morning, for a learner who
//! does each day's whole sitting answering Good (15 s an answer): the plan line, the counts, and
//! when the next reviews come. Then the wait Easy gives a new card with and without the date.
//!
//! `cargo run -q -p prep-engine --example interview_week` (UTC stands in for the local day).

use prep_compile::compile;
use prep_engine::content::Deck;
use prep_engine::progress::{Progress, StudySettings};
use prep_engine::scheduler::{CardSchedule, Grade};
use prep_engine::stats::LocalDays;
use prep_engine::study::plan::{about_minutes, learner_pace, minutes_for};
use prep_engine::study::{
    DayBounds, InterviewPlan, LocalMoment, ReviewSession, StudyFilter, next_reviews, queue_counts,
    review_queue,
};
use prep_engine::time::{MS_PER_DAY, Timestamp};

/// Mon 7 Dec 2026, 00:00 UTC.
const MONDAY: Timestamp = Timestamp(1_796_601_600_000);
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn day_of(at: Timestamp) -> DayBounds {
    let start = at.start_of_utc_day();
    DayBounds {
        start,
        end: start.plus_days(1),
    }
}

fn moment(at: Timestamp) -> LocalMoment {
    let since = at.millis() - MONDAY.millis();
    let day = since.div_euclid(MS_PER_DAY);
    let in_day = since.rem_euclid(MS_PER_DAY);
    LocalMoment {
        hour: (in_day / 3_600_000) as u32,
        minute: (in_day / 60_000 % 60) as u32,
        // 7 Dec 2026 is a Monday (JavaScript's weekday 1).
        weekday: ((1 + day).rem_euclid(7)) as u32,
        day: (7 + day) as u32,
        month: 12,
    }
}

fn main() {
    let deck_text = include_str!("../../content/interview.md");
    let compiled = compile("content/interview.md", deck_text, &[]).expect("the deck compiles");
    let deck: &Deck = compiled.deck();
    let interview = MONDAY.plus_days(6);
    let mut progress = Progress {
        settings: StudySettings {
            interview: Some(interview),
            ..StudySettings::default()
        },
        ..Progress::default()
    };
    let filter = StudyFilter::default();
    println!("Interview on Sunday 13 December; each morning at 09:00:\n");
    for day in 0..7 {
        let mut now = MONDAY.plus_days(day).plus_hours(9);
        let today = day_of(now);
        let counts = queue_counts(deck, &progress, &filter, now, today);
        let pace = learner_pace(&progress, LocalDays::UTC);
        let scheduler = progress.settings.scheduler().expect("default settings");
        let steps = scheduler
            .config()
            .answers_until_graduated(&CardSchedule::new());
        let line = match InterviewPlan::today(&counts, interview, today, pace, steps) {
            Some(plan) => plan.describe(),
            None => format!(
                "Interview day: {} today, {}.",
                counts.sitting().describe(),
                about_minutes(minutes_for(counts.expected_answers(steps), pace))
            ),
        };
        println!("{} {line}", WEEKDAYS[day as usize]);
        println!("    {} today", counts.sitting().describe());
        let mut session = ReviewSession::new(review_queue(deck, &progress, &filter, now, today, 7));
        while session.current().is_some() {
            session.reveal();
            session.answer(deck, &mut progress, &scheduler, Grade::Good, now);
            now = now.plus_millis(15_000);
        }
        let next = next_reviews(deck, &progress, &filter, now, day_of)
            .map(|next| next.describe(now, moment(next.first)))
            .unwrap_or_default();
        println!(
            "    did {} answers on {} cards; {next}",
            session.summary().answers,
            session.summary().cards
        );
    }
    let studied = deck
        .cards
        .iter()
        .filter(|card| !progress.schedule(&card.id).is_new())
        .count();
    println!(
        "\nCards met by the interview: {studied} of {}",
        deck.cards.len()
    );

    let new = CardSchedule::new();
    for (words, settings) in [
        ("without a date", StudySettings::default()),
        ("interview in 6 days", progress.settings.clone()),
    ] {
        let scheduler = settings.scheduler().expect("valid settings");
        let waits: Vec<String> = Grade::ALL
            .into_iter()
            .map(|grade| {
                let after = scheduler.review(&new, grade, MONDAY.plus_hours(9));
                let ms = after.due.millis_since(MONDAY.plus_hours(9));
                format!("{grade:?} {}", prep_engine::scheduler::format_interval(ms))
            })
            .collect();
        println!("A new card on Monday 09:00, {words}: {}", waits.join(", "));
    }
}
