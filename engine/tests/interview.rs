//! Studying towards an interview date (issue 27): no interval past the day before it, the
//! memory state FSRS computed kept as it is, normal intervals after it, and new cards planned
//! so the whole deck is met twice before it.

mod common;

use prep_engine::content::CardId;
use prep_engine::progress::{Progress, StudyMode, StudySettings};
use prep_engine::scheduler::{CardSchedule, Grade, Phase};
use prep_engine::study::plan::{days_left, new_per_day, seconds_per_answer};
use prep_engine::study::{InterviewPlan, StudyFilter, queue_counts};
use prep_engine::time::MS_PER_DAY;

use common::{T0, day_of, deck};

/// Settings with an interview `days` days after today's start.
fn with_interview(days: i64) -> StudySettings {
    StudySettings {
        interview: Some(day_of(T0).start.plus_days(days)),
        ..StudySettings::default()
    }
}

#[test]
fn no_interval_passes_the_day_before_the_interview() {
    let free = StudySettings::default().scheduler().unwrap();
    let capped = with_interview(6).scheduler().unwrap();
    let new = CardSchedule::new();
    let uncapped = free.review(&new, Grade::Easy, T0);
    assert!(
        uncapped.due.millis_since(T0) > 6 * MS_PER_DAY,
        "Easy on a new card is 8 days out without a date: {}",
        uncapped.due.millis_since(T0) / MS_PER_DAY
    );
    let easy = capped.review(&new, Grade::Easy, T0);
    let deadline = day_of(T0).start.plus_days(5);
    assert_eq!(easy.due, deadline, "due the day before the interview");
    assert_eq!(
        (easy.stability, easy.difficulty, easy.phase, easy.reps),
        (
            uncapped.stability,
            uncapped.difficulty,
            uncapped.phase,
            uncapped.reps
        ),
        "the memory state stays FSRS's"
    );
    // Every grade of every kind of card, on every day before the date, falls due by it.
    let mut progress = Progress::default();
    let mut now = T0;
    for round in 0..40 {
        let grade = Grade::ALL[round % 4];
        let after = progress.record_review(
            &capped,
            &CardId::from("card"),
            grade,
            StudyMode::Flashcard,
            now,
        );
        assert!(after.due <= deadline, "round {round}: {:?}", after);
        now = after
            .due
            .min(deadline.plus_millis(-1))
            .max(now.plus_millis(60_000));
        if now >= deadline {
            break;
        }
    }
    // Once the day has come, normal intervals resume.
    let later = capped.review(&uncapped, Grade::Good, deadline.plus_days(2));
    let normal = free.review(&uncapped, Grade::Good, deadline.plus_days(2));
    assert_eq!(later, normal);
    // Learning steps shorter than the time left are not touched.
    let step = capped.review(&new, Grade::Good, T0);
    assert_eq!(step, free.review(&new, Grade::Good, T0));
    assert!(matches!(step.phase, Phase::Learning { .. }));
}

#[test]
fn the_plan_meets_every_card_twice_before_the_date() {
    assert_eq!(
        new_per_day(141, 6),
        29,
        "141 new over the 5 days before the last"
    );
    assert_eq!(new_per_day(100, 6), 20);
    assert_eq!(new_per_day(7, 3), 4);
    assert_eq!(new_per_day(141, 1), 141, "tomorrow: everything today");
    assert_eq!(new_per_day(0, 5), 0);
    let today = day_of(T0);
    assert_eq!(days_left(today, today.start.plus_days(6)), Some(6));
    assert_eq!(days_left(today, today.start.plus_days(1)), Some(1));
    assert_eq!(
        days_left(today, today.start),
        None,
        "the day itself: normal again"
    );
    assert_eq!(days_left(today, today.start.plus_days(-3)), None);
    // A DST change moves local midnights by an hour; the count stays whole days.
    assert_eq!(
        days_left(today, today.start.plus_days(6).plus_millis(-3_600_000)),
        Some(6)
    );

    assert_eq!(seconds_per_answer(0, 0), 15.0);
    assert_eq!(seconds_per_answer(600, 40), 15.0);
    assert_eq!(seconds_per_answer(400, 40), 10.0);
    assert_eq!(seconds_per_answer(1, 40), 5.0, "never under 5 s");
}

#[test]
fn a_new_learner_six_days_out_gets_a_plan_the_queue_follows() {
    let mut progress = Progress {
        settings: with_interview(6),
        ..Progress::default()
    };
    let filter = StudyFilter::default();
    let today = day_of(T0);
    let counts = queue_counts(deck(), &progress, &filter, T0, today);
    assert_eq!(
        counts.new_today(),
        29,
        "the queue takes the plan's allowance"
    );
    let plan = InterviewPlan::today(
        &counts,
        progress.settings.interview.unwrap(),
        today,
        15.0,
        2,
    )
    .unwrap();
    assert_eq!(
        (plan.days_left, plan.new_today, plan.reviews_today),
        (6, 29, 0)
    );
    assert_eq!(plan.minutes, 15, "29 new x 2 answers x 15 s");
    assert_eq!(
        plan.describe(),
        "6 days to your interview: today 29 new and 0 reviews, about 15 minutes."
    );
    // Learning ten of them counts against today's share.
    let scheduler = progress.settings.scheduler().unwrap();
    for card in deck().cards.iter().take(10) {
        progress.record_review(&scheduler, &card.id, Grade::Good, StudyMode::Flashcard, T0);
    }
    let counts = queue_counts(deck(), &progress, &filter, T0, today);
    assert_eq!(counts.new_today(), 19);
    // Without a date, the daily limit holds.
    progress.settings.interview = None;
    let counts = queue_counts(deck(), &progress, &filter, T0, today);
    assert_eq!(counts.new_today(), 10);
}
