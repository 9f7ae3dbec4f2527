//! One count everywhere (issue 27): home and the study page show `queue_counts(..).sitting()`,
//! and a review sitting started at that moment opens with exactly those New / Learning / Review
//! counts, whatever the history, filter or time of day. And when nothing is left for now, the
//! next reviews are said the way a person plans a day.

use std::collections::BTreeSet;

use prep_engine::progress::{Progress, StudyMode};
use prep_engine::scheduler::Grade;
use prep_engine::study::{
    KindFilter, LocalMoment, NextReviews, Pool, ReviewSession, StudyFilter, next_reviews,
    queue_counts, review_queue,
};
use prep_engine::time::{MS_PER_MINUTE, Timestamp};

mod common;
use common::{T0, day_of, deck};

/// A history of `answers` grades over a few days on cards drawn by a small LCG from `seed`:
/// new, learning, relearning and review cards all occur.
fn history(seed: u64, answers: usize) -> (Progress, Timestamp) {
    let scheduler = Progress::default().settings.scheduler().unwrap();
    let mut progress = Progress::default();
    let mut state = seed;
    let mut next = |below: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    let mut at = T0;
    for _ in 0..answers {
        let card = next(60) as usize;
        let grade = Grade::ALL[next(4) as usize];
        at = at.plus_millis((1 + next(90)) as i64 * MS_PER_MINUTE);
        progress.record_review(
            &scheduler,
            &deck().cards[card].id,
            grade,
            StudyMode::Flashcard,
            at,
        );
    }
    (progress, at)
}

#[test]
fn a_sitting_opens_with_the_counts_home_shows() {
    let filters = [
        StudyFilter::default(),
        StudyFilter {
            kinds: BTreeSet::from([KindFilter::Questions]),
            ..StudyFilter::default()
        },
        StudyFilter {
            pool: Pool::Due,
            ..StudyFilter::default()
        },
        StudyFilter {
            pool: Pool::New,
            ..StudyFilter::default()
        },
    ];
    let mut learning_seen = 0;
    for seed in 1..=12 {
        let (progress, last) = history(seed, 40 + 10 * seed as usize);
        // Right after the last answer (learning steps within learn-ahead), an hour and a day
        // later.
        for now in [
            last,
            last.plus_hours(1),
            last.plus_days(1),
            last.plus_days(4),
        ] {
            for filter in &filters {
                let counts = queue_counts(deck(), &progress, filter, now, day_of(now));
                let queue = review_queue(deck(), &progress, filter, now, day_of(now), seed);
                let sitting = ReviewSession::new(queue).remaining(deck(), &progress);
                if filter.pool == Pool::New {
                    assert_eq!(sitting.new, counts.sitting().new, "seed {seed} at {now}");
                } else if filter.pool == Pool::Due {
                    assert_eq!(sitting.new, 0);
                    assert_eq!(
                        (sitting.learning, sitting.review),
                        (counts.learning, counts.review_due()),
                        "seed {seed} at {now}"
                    );
                } else {
                    assert_eq!(sitting, counts.sitting(), "seed {seed} at {now} {filter:?}");
                }
                learning_seen += counts.learning;
            }
        }
    }
    assert!(
        learning_seen > 0,
        "the histories put cards in learning steps"
    );
}

#[test]
fn right_after_a_sitting_the_learning_cards_coming_back_soon_are_counted() {
    // Issue 27's report: home said "5 learning" and the sitting then showed 21. Twenty new cards
    // graded Good once are on their 10-minute step: a sitting now brings all of them.
    let scheduler = Progress::default().settings.scheduler().unwrap();
    let mut progress = Progress::default();
    for card in 0..20 {
        progress.record_review(
            &scheduler,
            &deck().cards[card].id,
            Grade::Good,
            StudyMode::Flashcard,
            T0.plus_minutes(card as i64 / 2),
        );
    }
    let now = T0.plus_minutes(12);
    let filter = StudyFilter {
        new_order: prep_engine::study::NewCardOrder::Reading,
        ..StudyFilter::default()
    };
    let counts = queue_counts(deck(), &progress, &filter, now, day_of(now));
    assert_eq!(counts.learning, 20);
    let queue = review_queue(deck(), &progress, &filter, now, day_of(now), 1);
    assert_eq!(
        ReviewSession::new(queue).remaining(deck(), &progress),
        counts.sitting()
    );
    assert_eq!(
        counts.sitting().describe(),
        "0 new · 20 learning · 0 to review"
    );
}

fn moment(hour: u32, weekday: u32, day: u32, month: u32) -> LocalMoment {
    LocalMoment {
        hour,
        minute: 0,
        weekday,
        day,
        month,
    }
}

#[test]
fn the_next_reviews_are_the_first_due_after_a_sitting_now_and_that_days_cards() {
    let scheduler = Progress::default().settings.scheduler().unwrap();
    let mut progress = Progress::default();
    let filter = StudyFilter::default();
    assert_eq!(
        next_reviews(deck(), &progress, &filter, T0, day_of),
        None,
        "nothing studied, nothing to come back for"
    );
    // Three cards graded Easy (days away), two Good twice (graduated, about 2–3 days).
    for card in 0..3 {
        let id = &deck().cards[card].id;
        progress.record_review(&scheduler, id, Grade::Easy, StudyMode::Flashcard, T0);
    }
    let next = next_reviews(deck(), &progress, &filter, T0, day_of).unwrap();
    let first_due = (0..3)
        .map(|c| progress.schedule(&deck().cards[c].id).due)
        .min()
        .unwrap();
    assert_eq!(next.first, first_due);
    assert!(next.days_ahead >= 2, "{next:?}");
    assert_eq!(
        next.cards, 3,
        "Easy on three new cards: the same interval, one day"
    );

    // A card on a 10-minute step comes in a sitting now, so it is not "next"; one failed and
    // on a step an hour away is later today.
    let id = &deck().cards[5].id;
    progress.record_review(&scheduler, id, Grade::Good, StudyMode::Flashcard, T0);
    let next = next_reviews(deck(), &progress, &filter, T0, day_of).unwrap();
    assert_eq!(
        next.first, first_due,
        "the 10-minute step is in today's sitting"
    );
    let later = T0.plus_minutes(30);
    let next = next_reviews(deck(), &progress, &filter, later, day_of).unwrap();
    assert_eq!(next.first, first_due, "still within learn-ahead");
}

#[test]
fn the_next_reviews_are_said_as_a_person_plans_a_day() {
    let now = T0;
    let said = |first: Timestamp, cards, days_ahead, at: LocalMoment| {
        NextReviews {
            first,
            cards,
            days_ahead,
        }
        .describe(now, at)
    };
    assert_eq!(
        said(now.plus_minutes(25), 3, 0, moment(16, 1, 24, 11)),
        "Next: 3 cards later today, the first in 25 minutes."
    );
    assert_eq!(
        said(now.plus_hours(5), 1, 0, moment(21, 1, 24, 11)),
        "Next: 1 card later today, the first in 5 hours."
    );
    assert_eq!(
        said(now.plus_hours(17), 12, 1, moment(9, 2, 25, 11)),
        "Next: 12 cards tomorrow morning."
    );
    assert_eq!(
        said(now.plus_hours(22), 2, 1, moment(14, 2, 25, 11)),
        "Next: 2 cards tomorrow afternoon."
    );
    assert_eq!(
        said(now.plus_days(3), 5, 3, moment(16, 4, 27, 11)),
        "Next: 5 cards on Thursday."
    );
    assert_eq!(
        said(now.plus_days(20), 4, 20, moment(16, 0, 14, 12)),
        "Next: 4 cards on 14 December, in 20 days."
    );
}

#[test]
fn the_mornings_count_holds_every_review_the_day_brings() {
    // Cards reviewed at 09:05-09:15 two days ago come due at 09:05-09:15 today: at 09:00 the
    // plan and the sitting hold them all (reviews are due on their day, as in Anki), not the
    // "0 reviews" their minutes would say.
    let scheduler = Progress::default().settings.scheduler().unwrap();
    let mut progress = Progress::default();
    let morning = T0.start_of_utc_day().plus_hours(9);
    for card in 0..10 {
        let id = &deck().cards[card].id;
        let at = morning.plus_days(-3).plus_minutes(5 + card as i64);
        progress.record_review(&scheduler, id, Grade::Easy, StudyMode::Flashcard, at);
    }
    let due: Vec<Timestamp> = (0..10)
        .map(|c| progress.schedule(&deck().cards[c].id).due)
        .collect();
    let due_day = due[0].start_of_utc_day();
    assert!(
        due.iter()
            .all(|d| d.start_of_utc_day() == due_day && *d > due_day.plus_hours(9))
    );
    let nine = due_day.plus_hours(9);
    let filter = StudyFilter::default();
    let counts = queue_counts(deck(), &progress, &filter, nine, day_of(nine));
    assert_eq!(counts.review_due(), 10);
    let queue = review_queue(deck(), &progress, &filter, nine, day_of(nine), 3);
    assert_eq!(
        ReviewSession::new(queue)
            .remaining(deck(), &progress)
            .review,
        10
    );
    // The evening before, they are tomorrow's.
    let evening = nine.plus_hours(-12);
    assert_eq!(
        queue_counts(deck(), &progress, &filter, evening, day_of(evening)).review_due(),
        0
    );
    let next = next_reviews(deck(), &progress, &filter, evening, day_of).unwrap();
    assert_eq!((next.cards, next.days_ahead), (10, 1));
}
