//! Study sessions against the real deck, as a person uses the app: the scheduler seen through
//! saved progress, the due queue and its filters, the flashcard session, and the mock interview.

use std::collections::{BTreeSet, HashSet};

use prep_engine::content::{CardId, CardKind};
use prep_engine::progress::{Progress, ProgressStore, StoreKeys, StudyMode, StudySettings};
use prep_engine::scheduler::{CardSchedule, Grade, Phase, Scheduler, SchedulerConfig};
use prep_engine::stats::LocalDays;
use prep_engine::storage::MemoryStorage;
use prep_engine::study::{
    KindFilter, LEARN_AHEAD_MS, MockConfig, MockInterview, MockOutcome, NewCardOrder, Pool,
    ReviewSession, StudyFilter, is_weak, mock_questions, mock_sections, queue_counts, review_queue,
};
use prep_engine::time::{MS_PER_DAY, MS_PER_MINUTE, Timestamp};

mod common;
use common::{T0, day_of, deck};

const SEED: u64 = 0x5EED;

fn scheduler(progress: &Progress) -> Scheduler {
    progress.settings.scheduler().unwrap()
}

fn id(card: usize) -> &'static CardId {
    &deck().cards[card].id
}

fn grade(progress: &mut Progress, card: usize, grade: Grade, now: Timestamp) -> CardSchedule {
    let s = scheduler(progress);
    progress.record_review(&s, id(card), grade, StudyMode::Flashcard, now)
}

fn section_id(title: &str) -> String {
    deck()
        .sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title:?}"))
        .id
        .clone()
}

/// Every card, new ones in reading order: the order these tests reason in (the app's default
/// mixes the kinds; see `mixed_order_*`).
fn all() -> StudyFilter {
    StudyFilter {
        new_order: NewCardOrder::Reading,
        ..StudyFilter::default()
    }
}

fn filter(pool: Pool) -> StudyFilter {
    StudyFilter { pool, ..all() }
}

/// The learn-ahead rule, stated independently of the engine: a card on a learning or relearning
/// step that is not due yet but comes due within [`LEARN_AHEAD_MS`] of `now`.
fn is_ahead(s: &CardSchedule, now: Timestamp) -> bool {
    matches!(s.phase, Phase::Learning { .. } | Phase::Relearning { .. })
        && s.due > now
        && s.due.millis_since(now) <= LEARN_AHEAD_MS
}

fn queue(progress: &Progress, f: &StudyFilter, now: Timestamp) -> Vec<usize> {
    review_queue(deck(), progress, f, now, day_of(now), SEED)
}

fn reload(progress: &Progress) -> Progress {
    let mut storage = MemoryStorage::new();
    let keys = StoreKeys::for_site("/");
    let (mut store, _) = ProgressStore::load(&mut storage, keys.clone(), T0);
    store
        .save(&mut storage, &mut progress.clone(), LocalDays::UTC, T0)
        .unwrap();
    let loaded = ProgressStore::load(&mut storage, keys, T0.plus_days(10_000)).1;
    assert_eq!(loaded.notice, None);
    loaded.progress
}

/// Grades one card Good each time it falls due; returns the schedule after each answer and
/// the time it was given.
fn good_streak(
    progress: &mut Progress,
    card: usize,
    answers: usize,
) -> Vec<(Timestamp, CardSchedule)> {
    let mut now = T0;
    let mut out = Vec::new();
    for _ in 0..answers {
        let after = grade(progress, card, Grade::Good, now);
        out.push((now, after));
        now = after.due;
    }
    out
}

#[test]
fn deck_has_the_expected_shape() {
    let deck = deck();
    assert_eq!(deck.cards.len(), 141);
    let count = |k: KindFilter| {
        deck.cards
            .iter()
            .filter(|c| KindFilter::of(c.kind) == k)
            .count()
    };
    assert_eq!(count(KindFilter::Questions), 68);
    assert_eq!(count(KindFilter::Definitions), 6);
    assert_eq!(count(KindFilter::OneLiners), 48);
    assert_eq!(count(KindFilter::GuideItems), 19);
    let question_sections: BTreeSet<usize> = deck
        .cards
        .iter()
        .filter(|c| matches!(c.kind, CardKind::Question { .. }))
        .map(|c| c.section)
        .collect();
    assert_eq!(question_sections.len(), 8);
}

// ---------------------------------------------------------------------------------------------
// Scheduler integration through Progress
// ---------------------------------------------------------------------------------------------

#[test]
fn repeated_good_grows_the_interval_once_in_review() {
    let mut p = Progress::default();
    let history = good_streak(&mut p, 0, 10);

    // Learning steps 1 min and 10 min: the first Good moves to the 10-minute step, the second
    // graduates to whole days.
    let (t, first) = history[0];
    assert_eq!(first.phase, Phase::Learning { step: 1 });
    assert_eq!(first.due.millis_since(t), 10 * MS_PER_MINUTE);
    assert_eq!(history[1].1.phase, Phase::Review);

    let intervals: Vec<i64> = history[1..]
        .iter()
        .map(|(t, s)| {
            assert_eq!(s.phase, Phase::Review);
            s.due.millis_since(*t)
        })
        .collect();
    assert!(intervals[0] >= MS_PER_DAY, "{intervals:?}");
    assert!(
        intervals.iter().all(|i| i % MS_PER_DAY == 0),
        "{intervals:?}"
    );
    assert!(
        intervals.windows(2).all(|w| w[0] < w[1]),
        "intervals must strictly grow: {:?}",
        intervals.iter().map(|i| i / MS_PER_DAY).collect::<Vec<_>>()
    );
    assert!(intervals.last().unwrap() > &(60 * MS_PER_DAY));

    // The log and the schedule agree, and the stability grows with each success
    // in review.
    assert_eq!(p.reviews.len(), 10);
    for (record, (t, s)) in p.reviews.iter().zip(&history) {
        assert_eq!(record.at, *t);
        assert_eq!(record.interval_ms, s.due.millis_since(*t));
    }
    assert!(
        history[1..]
            .windows(2)
            .all(|w| w[0].1.stability < w[1].1.stability)
    );
    assert_eq!(p.schedule(id(0)).reps, 10);
    assert_eq!(p.schedule(id(0)).lapses, 0);

    // A review is due on its day (as Anki's are): not offered the day before, offered from
    // the start of its day, before its minute.
    let last = p.schedule(id(0));
    let due_only = filter(Pool::Due);
    let due_day = day_of(last.due).start;
    assert!(due_day < last.due);
    assert!(!queue(&p, &due_only, due_day.plus_millis(-1)).contains(&0));
    assert_eq!(queue(&p, &due_only, due_day), vec![0]);
    assert_eq!(queue(&p, &due_only, last.due), vec![0]);
}

#[test]
fn again_on_a_review_card_relearns_and_shortens_the_interval() {
    let s = Scheduler::default();
    let mut p = Progress::default();
    let history = good_streak(&mut p, 3, 5);
    let (t, in_review) = *history.last().unwrap();
    assert_eq!(in_review.phase, Phase::Review);
    let interval_before = in_review.due.millis_since(t);
    assert!(interval_before >= 7 * MS_PER_DAY, "{interval_before}");

    // Forgotten when it came due.
    let now = in_review.due;
    let preview = s.preview(&in_review, now);
    let lapsed = grade(&mut p, 3, Grade::Again, now);
    assert_eq!(lapsed.phase, Phase::Relearning { step: 0 });
    assert_eq!(lapsed.lapses, 1);
    let wait = lapsed.due.millis_since(now);
    assert!(0 < wait && wait <= 10 * MS_PER_MINUTE, "{wait}");
    assert_eq!(preview[Grade::Again.index()], (Grade::Again, wait));
    assert!(lapsed.stability < in_review.stability);
    assert!(is_weak(&lapsed));

    // Not due for 10 minutes, but a relearning card due within the learn-ahead window is
    // offered straight away (and nothing else is), and counted with what a sitting brings.
    let nine = now.plus_minutes(9);
    assert!(!lapsed.is_due(nine));
    assert!(lapsed.due.millis_since(now) <= LEARN_AHEAD_MS);
    assert_eq!(queue(&p, &filter(Pool::Due), now), vec![3]);
    assert_eq!(queue(&p, &filter(Pool::Due), nine), vec![3]);
    let counts_at = |t: Timestamp| queue_counts(deck(), &p, &filter(Pool::Due), t, day_of(t));
    assert_eq!(
        (counts_at(nine).due, counts_at(nine).learning),
        (1, 1),
        "learn-ahead comes in a sitting now"
    );
    // Back in the due queue proper 10 minutes later, ahead of nothing else.
    assert_eq!(queue(&p, &filter(Pool::Due), lapsed.due), vec![3]);
    assert_eq!(counts_at(lapsed.due).due, 1);

    // Good on the relearning step graduates, with a shorter interval than before the lapse;
    // the button label (preview) says exactly what happens.
    let good_preview = s.preview(&lapsed, lapsed.due)[Grade::Good.index()].1;
    let relearned = grade(&mut p, 3, Grade::Good, lapsed.due);
    assert_eq!(relearned.phase, Phase::Review);
    let interval_after = relearned.due.millis_since(lapsed.due);
    assert_eq!(interval_after, good_preview);
    assert!(
        interval_after < interval_before,
        "after lapse {interval_after} ms, before {interval_before} ms"
    );
    assert!(interval_after >= MS_PER_DAY);
    assert_eq!(
        relearned.lapses, 1,
        "graduating again keeps the lapse count"
    );
    assert!(is_weak(&relearned), "a forgotten card stays weak");
}

/// A progress with cards in every phase, studied over several days up to `T0`.
fn studied() -> Progress {
    let mut p = Progress::default();
    // Graduated straight away (Easy gives about 8 days), at different past times.
    grade(&mut p, 10, Grade::Easy, T0.plus_days(-12));
    grade(&mut p, 3, Grade::Easy, T0.plus_days(-20));
    grade(&mut p, 7, Grade::Easy, T0.plus_days(-15));
    // Graduated yesterday: not due for a week.
    grade(&mut p, 30, Grade::Easy, T0.plus_days(-1));
    // Forgotten a week ago, relearned, now long due.
    let s = grade(&mut p, 50, Grade::Easy, T0.plus_days(-30));
    let s = grade(&mut p, 50, Grade::Again, s.due);
    grade(&mut p, 50, Grade::Good, s.due);
    // Today: Again five minutes ago (1-minute step, due), Hard two days ago (due, weak).
    grade(&mut p, 20, Grade::Again, T0.plus_minutes(-5));
    grade(&mut p, 40, Grade::Hard, T0.plus_days(-2));
    // Good just now: on its 10-minute step, not due yet.
    grade(&mut p, 60, Grade::Good, T0);
    p
}

#[test]
fn reload_gives_identical_schedules_and_queue() {
    let live = studied();
    let loaded = reload(&live);
    assert_eq!(loaded, live);
    for card in 0..deck().cards.len() {
        assert_eq!(
            loaded.schedule(id(card)),
            live.schedule(id(card)),
            "{}",
            id(card)
        );
    }
    for now in [T0, T0.plus_hours(1), T0.plus_days(3), T0.plus_days(40)] {
        for pool in Pool::ALL {
            for new_order in NewCardOrder::ALL {
                let f = StudyFilter {
                    pool,
                    new_order,
                    ..all()
                };
                assert_eq!(
                    queue(&loaded, &f, now),
                    queue(&live, &f, now),
                    "{pool:?} at {now}"
                );
                assert_eq!(
                    queue_counts(deck(), &loaded, &f, now, day_of(now)),
                    queue_counts(deck(), &live, &f, now, day_of(now))
                );
            }
        }
    }

    // Studying on after the reload continues exactly as without it.
    let (mut live, mut loaded) = (live, loaded);
    let now = T0.plus_days(2);
    for card in [3, 20, 40, 50] {
        let g = if card == 40 {
            Grade::Again
        } else {
            Grade::Good
        };
        assert_eq!(
            grade(&mut loaded, card, g, now),
            grade(&mut live, card, g, now)
        );
    }
    assert_eq!(loaded, live);
}

#[test]
fn three_cards_graded_good_are_not_new_after_reload() {
    let all = all();
    let mut p = Progress::default();
    let first = queue(&p, &all, T0);
    assert_eq!(first, (0..20).collect::<Vec<_>>());

    // The person studies the first three cards, answering Good whenever one is shown: each
    // comes back once from its 10-minute step (learn-ahead), then graduates.
    // The progress bar foresees both steps of each card: 6 answers from the start, and every
    // answer moves it one step on.
    let mut session = ReviewSession::new(first[..3].to_vec());
    let mut now = T0;
    let s = scheduler(&p);
    let mut bar = vec![session.progress(deck(), &p, &s)];
    while session.current().is_some() {
        session.reveal();
        now = now.plus_millis(20_000);
        session
            .answer(deck(), &mut p, &s, Grade::Good, now)
            .unwrap();
        bar.push(session.progress(deck(), &p, &s));
    }
    assert_eq!(
        bar,
        [(0, 6), (1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    );
    assert_eq!(session.summary().answers, 6);

    // Reload an hour later.
    let later = now.plus_hours(1);
    let p = reload(&p);
    for card in 0..3 {
        let s = p.schedule(id(card));
        assert!(!s.is_new(), "card {card} is new again after reload");
        assert!(!s.is_due(later), "card {card} is due an hour later: {s:?}");
    }
    let q = queue(&p, &all, later);
    assert!(q.iter().all(|&c| c >= 3), "{q:?}");
    assert_eq!(
        q,
        (3..20).collect::<Vec<_>>(),
        "17 new cards left today, in deck order"
    );
    let counts = queue_counts(deck(), &p, &all, later, day_of(later));
    assert_eq!(counts.due, 0);
    assert_eq!(counts.new_available, 138);
    assert_eq!(counts.new_allowed_today, 17);
}

#[test]
fn a_single_good_is_due_as_learning_not_as_new_after_reload() {
    // Quitting right after one Good per card leaves them on the 10-minute learning step: an
    // hour later they are due again as learning cards, ahead of the new ones, never as new.
    let all = all();
    let mut p = Progress::default();
    for card in 0..3 {
        grade(&mut p, card, Grade::Good, T0.plus_minutes(card as i64));
    }
    let later = T0.plus_hours(1);
    let p = reload(&p);
    let q = queue(&p, &all, later);
    assert_eq!(&q[..3], &[0, 1, 2]);
    assert_eq!(&q[3..], &(3..20).collect::<Vec<_>>()[..]);
    for card in 0..3 {
        assert_eq!(p.schedule(id(card)).phase, Phase::Learning { step: 1 });
    }
    assert_eq!(
        queue(&p, &filter(Pool::New), later),
        (3..20).collect::<Vec<_>>()
    );
    assert_eq!(queue(&p, &filter(Pool::Due), later), vec![0, 1, 2]);
}

// ---------------------------------------------------------------------------------------------
// review_queue
// ---------------------------------------------------------------------------------------------

#[test]
fn fresh_progress_offers_new_cards_in_deck_order_up_to_the_daily_limit() {
    let p = Progress::default();
    assert_eq!(p.settings.new_cards_per_day, 20);
    let q = queue(&p, &all(), T0);
    assert_eq!(q, (0..20).collect::<Vec<_>>());

    // The person's own limit, which travels with the saved progress.
    let mut few = reload(&Progress {
        settings: StudySettings {
            new_cards_per_day: 7,
            ..StudySettings::default()
        },
        ..Progress::default()
    });
    assert_eq!(queue(&few, &all(), T0), (0..7).collect::<Vec<_>>());
    few.settings.new_cards_per_day = 0;
    assert!(queue(&few, &all(), T0).is_empty());
}

#[test]
fn new_cards_introduced_today_use_up_the_allowance_until_tomorrow() {
    let all = all();
    let mut p = Progress::default();
    for card in 0..5 {
        grade(&mut p, card, Grade::Good, T0.plus_minutes(card as i64));
    }
    let now = T0.plus_minutes(6);
    let q = queue(&p, &all, now);
    assert_eq!(
        q,
        (5..20).chain(0..5).collect::<Vec<_>>(),
        "15 new left; then the 5 learning cards, not due yet (in 4 to 8 minutes) but within \
         learn-ahead, by due time"
    );
    let counts = queue_counts(deck(), &p, &all, now, day_of(now));
    assert_eq!(counts.new_allowed_today, 15);
    assert_eq!(counts.new_available, 136);
    assert_eq!(
        (counts.due, counts.learning),
        (5, 5),
        "the 5 learning cards within learn-ahead are counted: the sitting brings them"
    );

    // Answering a card introduced today again does not use more allowance; Good on its last
    // learning step graduates it to days, so it is no longer offered ahead.
    grade(&mut p, 0, Grade::Good, now);
    assert_eq!(p.schedule(id(0)).phase, Phase::Review);
    assert_eq!(queue(&p, &filter(Pool::New), now).len(), 15);
    assert_eq!(
        queue(&p, &all, now),
        (5..20).chain(1..5).collect::<Vec<_>>()
    );

    // Tomorrow: the learning cards still due come first, then 20 new cards again.
    let tomorrow = day_of(T0).end.plus_hours(8);
    let q = queue(&p, &all, tomorrow);
    assert_eq!(&q[..4], &[1, 2, 3, 4], "{q:?}");
    assert_eq!(&q[4..], &(5..25).collect::<Vec<_>>()[..]);
    assert_eq!(
        queue_counts(deck(), &p, &all, tomorrow, day_of(tomorrow)).new_allowed_today,
        20
    );
}

#[test]
fn due_cards_come_first_most_overdue_first() {
    let p = studied();
    let q = queue(&p, &all(), T0);
    let due_part: Vec<usize> = q
        .iter()
        .copied()
        .take_while(|&c| !p.schedule(id(c)).is_new())
        .collect();

    // Every due card, and only those, precede the new cards.
    let mut expected: Vec<usize> = (0..deck().cards.len())
        .filter(|&c| {
            let s = p.schedule(id(c));
            !s.is_new() && s.is_due(T0)
        })
        .collect();
    expected.sort_by_key(|&c| p.schedule(id(c)).due);
    assert_eq!(due_part, expected);
    assert_eq!(due_part.len(), 6, "{due_part:?}");
    // The card relearned three weeks ago is the most overdue, then the Easy ones by age, the
    // Hard learning step from two days ago, and the Again from five minutes ago last.
    assert_eq!(due_part, vec![50, 3, 7, 10, 40, 20]);
    let dues: Vec<Timestamp> = due_part.iter().map(|&c| p.schedule(id(c)).due).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        !q.contains(&30),
        "a review card not due yet is never offered"
    );

    // Then new cards in deck order: two were introduced today (20 and 60; 40 was two days
    // ago), so 18 are left.
    let new_part = &q[due_part.len()..due_part.len() + 18];
    assert!(new_part.iter().all(|&c| p.schedule(id(c)).is_new()));
    assert!(new_part.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(new_part[0], 0);

    // Last, learn-ahead: 60, on its 10-minute learning step, is not due yet but comes due
    // within 20 minutes.
    assert_eq!(&q[due_part.len() + 18..], &[60]);
    let s60 = p.schedule(id(60));
    assert!(!s60.is_due(T0) && s60.due.millis_since(T0) == 10 * MS_PER_MINUTE);
    assert_eq!(q.len(), 6 + 18 + 1);
}

#[test]
fn pools_narrow_the_queue() {
    let p = studied();
    let all = all();
    let full = queue(&p, &all, T0);
    let due = queue(&p, &filter(Pool::Due), T0);
    let new = queue(&p, &filter(Pool::New), T0);
    let weak = queue(&p, &filter(Pool::Weak), T0);

    // The due pool is the cards due now, then the learn-ahead ones (only 60, on its 10-minute
    // step); due + new is exactly the cards due now, then new, then learn-ahead.
    let due_now = due.len() - 1;
    let (due_now, ahead) = due.split_at(due_now);
    assert_eq!(ahead, &[60]);
    assert!(is_ahead(&p.schedule(id(60)), T0));
    assert_eq!(
        full,
        due_now
            .iter()
            .chain(&new)
            .chain(ahead)
            .copied()
            .collect::<Vec<_>>()
    );
    assert!(due_now.iter().all(|&c| {
        let s = p.schedule(id(c));
        !s.is_new() && s.is_due(T0)
    }));
    assert!(new.iter().all(|&c| p.schedule(id(c)).is_new()));
    assert!(
        !new.contains(&60) && !weak.contains(&60),
        "a Good card is neither new nor weak"
    );

    // Weak: forgotten (20 today, 50 lapsed) or found hard (40), whether due or not, weakest
    // memory first; the Easy and Good cards are not weak.
    let weak_set: BTreeSet<usize> = weak.iter().copied().collect();
    assert_eq!(weak_set, BTreeSet::from([20, 40, 50]));
    let stabilities: Vec<f32> = weak.iter().map(|&c| p.schedule(id(c)).stability).collect();
    assert!(
        stabilities.windows(2).all(|w| w[0] <= w[1]),
        "{stabilities:?}"
    );
    assert!(p.schedule(id(50)).lapses > 0);
    // A weak card stays in the weak pool when it is not due: the lapsed card 50, reviewed
    // again now, is due in days but still weak.
    let mut later = p.clone();
    let reviewed = grade(&mut later, 50, Grade::Good, T0);
    assert!(reviewed.due > T0.plus_days(1));
    let now = T0.plus_hours(1);
    assert!(!queue(&later, &filter(Pool::Due), now).contains(&50));
    assert!(queue(&later, &filter(Pool::Weak), now).contains(&50));
    assert!(!queue(&later, &all, now).contains(&50));
    // The weak pool does not depend on the time.
    assert_eq!(
        queue(&later, &filter(Pool::Weak), now),
        queue(&later, &filter(Pool::Weak), T0.plus_days(100))
    );
}

#[test]
fn learning_cards_due_within_twenty_minutes_come_after_new_cards() {
    let mut p = Progress::default();
    // A review card (Easy: days); `now` is five minutes before it falls due.
    let review = grade(&mut p, 30, Grade::Easy, T0.plus_days(-30));
    assert_eq!(review.phase, Phase::Review);
    let now = review.due.plus_minutes(-5);
    assert_eq!(
        day_of(now),
        day_of(review.due),
        "the setup stays within one day"
    );
    // A review card forgotten three minutes ago: relearning, due in 7 minutes.
    let s = grade(&mut p, 50, Grade::Easy, T0.plus_days(-60));
    assert!(s.is_due(now.plus_minutes(-3)));
    grade(&mut p, 50, Grade::Again, now.plus_minutes(-3));
    assert_eq!(p.schedule(id(50)).phase, Phase::Relearning { step: 0 });
    assert_eq!(p.schedule(id(50)).due, now.plus_minutes(7));
    // New cards studied today: Again 30 s ago (due in 30 s), Good 4 minutes ago (due in 6),
    // Good 12 minutes ago (due 2 minutes ago).
    grade(&mut p, 1, Grade::Again, now.plus_millis(-30_000));
    grade(&mut p, 2, Grade::Good, now.plus_minutes(-4));
    grade(&mut p, 3, Grade::Good, now.plus_minutes(-12));
    // A learning step longer than the window (a 25-minute step): due in 24 minutes.
    let long_steps = Scheduler::new(SchedulerConfig {
        learning_steps_minutes: vec![1, 25],
        ..SchedulerConfig::default()
    })
    .unwrap();
    let far = p.record_review(
        &long_steps,
        id(5),
        Grade::Good,
        StudyMode::Flashcard,
        now.plus_minutes(-1),
    );
    assert_eq!(far.phase, Phase::Learning { step: 1 });
    assert_eq!(far.due, now.plus_minutes(24));

    // Four cards introduced today (1, 2, 3, 5), so 16 new ones, in deck order.
    let new: Vec<usize> = (0..deck().cards.len())
        .filter(|c| ![1, 2, 3, 5, 30, 50].contains(c))
        .take(16)
        .collect();
    assert_eq!(queue(&p, &filter(Pool::New), now), new);

    // Due today first, by due time: 3 (due 2 minutes ago), then the review card 30 (due in 5
    // minutes: reviews are due on their day); then new cards; then learn-ahead by due time: 1,
    // 2, then the relearning 50. Not 5 (24 minutes away).
    let q = queue(&p, &all(), now);
    let expected: Vec<usize> = [3, 30].into_iter().chain(new).chain([1, 2, 50]).collect();
    assert_eq!(q, expected);
    assert_eq!(queue(&p, &filter(Pool::Due), now), vec![3, 30, 1, 2, 50]);
    let counts = queue_counts(deck(), &p, &all(), now, day_of(now));
    assert_eq!(
        (counts.due, counts.learning),
        (5, 4),
        "3 and 30 due today, and 1, 2 and 50 come within learn-ahead"
    );
    assert_eq!(counts.new_allowed_today, 16);

    // Shuffling leaves the learn-ahead cards last, in due order.
    let shuffled = StudyFilter {
        new_order: NewCardOrder::Random,
        ..all()
    };
    for seed in [1, 2, 3] {
        let q = review_queue(deck(), &p, &shuffled, now, day_of(now), seed);
        assert_eq!(q.len(), 2 + 16 + 3);
        assert_eq!(&q[..2], &[3, 30]);
        assert_eq!(&q[18..], &[1, 2, 50], "seed {seed}");
    }

    // The window is 20 minutes, inclusive: 5 joins exactly 20 minutes before it is due.
    let due_pool = |t: Timestamp| queue(&p, &filter(Pool::Due), t);
    let enters = far.due.plus_millis(-LEARN_AHEAD_MS);
    assert_eq!(enters, now.plus_minutes(4));
    assert_eq!(
        due_pool(enters.plus_millis(-1)),
        vec![3, 1, 30, 2, 50],
        "1 is due by now"
    );
    assert_eq!(due_pool(enters), vec![3, 1, 30, 2, 50, 5]);
    // Its minute changes nothing for the review card 30: it was due all day.
    assert_eq!(due_pool(review.due), vec![3, 1, 30, 2, 50, 5]);
    assert_eq!(
        queue_counts(
            deck(),
            &p,
            &filter(Pool::Due),
            review.due,
            day_of(review.due)
        )
        .due,
        6,
        "3, 1, 30 due; 2, 50, 5 within learn-ahead"
    );
}

#[test]
fn section_and_kind_filters_restrict_cards() {
    let deck = deck();
    let p = Progress::default();
    let testing = section_id("Testing Questions");
    let pep = section_id("PEP Questions");

    let by_section = StudyFilter {
        sections: BTreeSet::from([testing.clone(), pep.clone()]),
        ..all()
    };
    let expected: Vec<usize> = (0..deck.cards.len())
        .filter(|&c| {
            let sec = &deck.sections[deck.cards[c].section].id;
            *sec == testing || *sec == pep
        })
        .collect();
    assert!(!expected.is_empty() && expected.len() <= 20);
    assert_eq!(by_section.cards(deck), expected);
    assert_eq!(queue(&p, &by_section, T0), expected);

    let definitions = StudyFilter {
        kinds: BTreeSet::from([KindFilter::Definitions]),
        ..all()
    };
    let q = queue(&p, &definitions, T0);
    assert_eq!(q.len(), 6);
    assert!(
        q.iter()
            .all(|&c| deck.cards[c].kind == CardKind::Definition)
    );

    // 48 one-liners: the first 20 in deck order today.
    let one_liners = StudyFilter {
        kinds: BTreeSet::from([KindFilter::OneLiners]),
        ..all()
    };
    let all_one_liners = one_liners.cards(deck);
    assert_eq!(all_one_liners.len(), 48);
    assert_eq!(queue(&p, &one_liners, T0), all_one_liners[..20].to_vec());

    // Both filters together: questions of one section only.
    let django_questions = StudyFilter {
        sections: BTreeSet::from([section_id("Django Framework Questions")]),
        kinds: BTreeSet::from([KindFilter::Questions, KindFilter::GuideItems]),
        ..all()
    };
    let q = queue(&p, &django_questions, T0);
    assert!(!q.is_empty());
    assert!(
        q.iter()
            .all(|&c| matches!(deck.cards[c].kind, CardKind::Question { .. })
                && deck.sections[deck.cards[c].section].title == "Django Framework Questions")
    );
    // A section without cards of the chosen kind gives nothing.
    let none = StudyFilter {
        sections: BTreeSet::from([section_id("Definitions")]),
        kinds: BTreeSet::from([KindFilter::Questions]),
        ..all()
    };
    assert!(queue(&p, &none, T0).is_empty());

    // Due cards outside the filter stay out, and the daily limit is shared by all filters.
    let p = studied();
    let q = queue(&p, &definitions, T0);
    assert!(
        q.iter()
            .all(|&c| deck.cards[c].kind == CardKind::Definition),
        "{q:?}"
    );
    let counts = queue_counts(deck, &p, &definitions, T0, day_of(T0));
    assert_eq!(counts.new_allowed_today, 18);
}

#[test]
fn shuffle_is_deterministic_per_seed() {
    let p = studied();
    let shuffled = StudyFilter {
        new_order: NewCardOrder::Random,
        ..all()
    };
    let day = day_of(T0);
    let a = review_queue(deck(), &p, &shuffled, T0, day, 1);
    let b = review_queue(deck(), &p, &shuffled, T0, day, 1);
    let c = review_queue(deck(), &p, &shuffled, T0, day, 2);
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_ne!(a, queue(&p, &all(), T0));

    // Still due cards first (as a set), then today's allowance of new cards, then the
    // learn-ahead card 60 last (not shuffled into the others), no repeats.
    let due: BTreeSet<usize> = queue(&p, &filter(Pool::Due), T0)
        .into_iter()
        .filter(|&c| p.schedule(id(c)).is_due(T0))
        .collect();
    assert_eq!(due.len(), 6);
    for q in [&a, &c] {
        assert_eq!(q.len(), due.len() + 18 + 1);
        assert_eq!(q[..due.len()].iter().copied().collect::<BTreeSet<_>>(), due);
        assert!(
            q[due.len()..due.len() + 18]
                .iter()
                .all(|&c| p.schedule(id(c)).is_new())
        );
        assert_eq!(q.last(), Some(&60));
        assert_eq!(q.iter().collect::<HashSet<_>>().len(), q.len());
    }
    // Different seeds pick different new cards from the whole deck, not just the first 20.
    assert!(a.iter().any(|&c| c >= 20));
}

#[test]
fn queue_counts_agree_with_queue_lengths() {
    let p = studied();
    let filters = [
        all(),
        StudyFilter {
            kinds: BTreeSet::from([KindFilter::Questions]),
            ..all()
        },
        StudyFilter {
            sections: BTreeSet::from([section_id("Definitions"), section_id("ORM Advantages")]),
            ..all()
        },
    ];
    for f in filters {
        for now in [T0, T0.plus_hours(2), T0.plus_days(9)] {
            let counts = queue_counts(deck(), &p, &f, now, day_of(now));
            let with = |pool| {
                let f = StudyFilter { pool, ..f.clone() };
                queue(&p, &f, now).len()
            };
            // The due pool's learn-ahead cards are counted too: the count is what a sitting
            // started now brings.
            let ahead = f
                .cards(deck())
                .into_iter()
                .filter(|&c| is_ahead(&p.schedule(id(c)), now))
                .count();
            assert_eq!(counts.due, with(Pool::Due), "{f:?} at {now}");
            assert_eq!(
                counts.new_available.min(counts.new_allowed_today),
                with(Pool::New)
            );
            assert_eq!(counts.weak, with(Pool::Weak));
            assert_eq!(with(Pool::DueAndNew), with(Pool::Due) + with(Pool::New));
            // Only 60 (10-minute step at T0) is ever ahead, and only at T0 and in a filter
            // holding it.
            let holds_60 = f.cards(deck()).contains(&60);
            assert_eq!(ahead, usize::from(now == T0 && holds_60), "{f:?} at {now}");
        }
    }
    let counts = queue_counts(deck(), &p, &all(), T0, day_of(T0));
    assert_eq!(counts.due, 7, "6 due and 60 ahead");
    assert_eq!(queue(&p, &filter(Pool::Due), T0).len(), 7);
    assert_eq!(counts.new_available, 141 - 8);
    assert_eq!(counts.weak, 3);
}

// ---------------------------------------------------------------------------------------------
// ReviewSession
// ---------------------------------------------------------------------------------------------

#[test]
fn reveal_then_grade_advances() {
    let mut p = Progress::default();
    let s = scheduler(&p);
    let mut session = ReviewSession::new(queue(&p, &all(), T0));
    // Twenty new cards, each two learning steps away from graduating if answered Good.
    assert_eq!(session.progress(deck(), &p, &s), (0, 40));
    assert_eq!(session.current(), Some(0));
    assert!(!session.is_revealed());
    assert_eq!(
        session.answer(deck(), &mut p, &s, Grade::Good, T0),
        None,
        "no grade before the answer is shown"
    );
    assert!(p.reviews.is_empty());
    session.reveal();
    assert!(session.is_revealed());
    session.answer(deck(), &mut p, &s, Grade::Easy, T0).unwrap();
    assert_eq!(p.schedule(id(0)).phase, Phase::Review);
    assert_eq!(session.current(), Some(1));
    assert!(!session.is_revealed(), "the next card starts hidden");
    assert_eq!(
        session.progress(deck(), &p, &s),
        (1, 39),
        "Easy skipped a step"
    );
    assert!(!session.is_finished());

    // An empty session is finished and ignores input.
    let mut empty = ReviewSession::new(Vec::new());
    assert!(empty.is_finished());
    empty.reveal();
    assert!(!empty.is_revealed());
    assert_eq!(empty.answer(deck(), &mut p, &s, Grade::Good, T0), None);
    assert_eq!(empty.summary().answers, 0);
}

#[test]
fn learning_steps_requeue_within_the_session_and_graduation_does_not() {
    let mut p = Progress::default();
    let s = scheduler(&p);
    let defs = StudyFilter {
        kinds: BTreeSet::from([KindFilter::Definitions]),
        ..all()
    };
    let cards = queue(&p, &defs, T0);
    let (a, b, c) = (cards[0], cards[1], cards[2]);
    let mut session = ReviewSession::new(vec![a, b, c]);
    let mut now = T0;
    let mut answer = |session: &mut ReviewSession, p: &mut Progress, g: Grade| {
        let card = session.current().unwrap();
        session.reveal();
        now = now.plus_millis(15_000);
        let after = session.answer(deck(), p, &s, g, now).unwrap();
        (card, after.due.millis_since(now))
    };
    let bar = |session: &ReviewSession, p: &Progress| session.progress(deck(), p, &s);

    // Progress is (answers given, answers given + answers still to come if each is Good): a
    // new card takes two (the 1- and 10-minute steps), so the total grows only after Again
    // or Hard, and Easy shrinks it.
    assert_eq!(bar(&session, &p), (0, 6));

    // Again on a new card: the 1-minute step, back at the end of this session.
    let (card, wait) = answer(&mut session, &mut p, Grade::Again);
    assert_eq!((card, wait), (a, MS_PER_MINUTE));
    assert!(wait <= LEARN_AHEAD_MS);
    assert_eq!(session.current(), Some(b));
    assert_eq!(
        bar(&session, &p),
        (1, 7),
        "the answer counts, and Again adds a step to go"
    );

    // Easy graduates to days: gone for this session, so the total stays.
    let (card, wait) = answer(&mut session, &mut p, Grade::Easy);
    assert_eq!(card, b);
    assert!(wait > LEARN_AHEAD_MS);
    assert_eq!(bar(&session, &p), (2, 6), "Easy skipped b's second step");

    // Good on a new card: the 10-minute step, which is still within learn-ahead.
    let (card, wait) = answer(&mut session, &mut p, Grade::Good);
    assert_eq!((card, wait), (c, 10 * MS_PER_MINUTE));
    assert_eq!(session.current(), Some(a));
    assert_eq!(bar(&session, &p), (3, 6), "as foreseen");

    // a again (shown early: learn-ahead), Good moves it to the 10-minute step.
    let (card, wait) = answer(&mut session, &mut p, Grade::Good);
    assert_eq!((card, wait), (a, 10 * MS_PER_MINUTE));
    assert_eq!(p.schedule(id(a)).phase, Phase::Learning { step: 1 });
    assert_eq!(bar(&session, &p), (4, 6));

    // c on its last step: Good graduates to days and does not come back.
    let (card, wait) = answer(&mut session, &mut p, Grade::Good);
    assert_eq!(card, c);
    assert!(wait >= MS_PER_DAY);
    assert_eq!(p.schedule(id(c)).phase, Phase::Review);
    assert_eq!(session.current(), Some(a));
    assert_eq!(bar(&session, &p), (5, 6), "only a left");

    // a forgotten once more, then passed twice.
    assert_eq!(answer(&mut session, &mut p, Grade::Again).0, a);
    assert_eq!(
        session.current(),
        Some(a),
        "the only card left comes straight back"
    );
    assert_eq!(bar(&session, &p), (6, 8), "back to the first of two steps");
    assert_eq!(answer(&mut session, &mut p, Grade::Hard).0, a);
    assert_eq!(bar(&session, &p), (7, 9), "Hard repeats the step");
    assert_eq!(answer(&mut session, &mut p, Grade::Good).0, a);
    assert_eq!(bar(&session, &p), (8, 9));
    assert_eq!(answer(&mut session, &mut p, Grade::Good).0, a);
    assert!(session.is_finished());
    assert_eq!(session.current(), None);
    assert_eq!(bar(&session, &p), (9, 9), "finished: every answer given");
    assert_eq!(session.answered(), 9);
    assert_eq!(p.schedule(id(a)).phase, Phase::Review);

    let summary = session.summary();
    assert_eq!(summary.answers, 9);
    assert_eq!(summary.cards, 3);
    assert_eq!(summary.by_grade, [2, 1, 5, 1]);
    assert_eq!(summary.by_grade.iter().sum::<usize>(), summary.answers);
    // a was forgotten during the session even though it was passed in the end.
    assert_eq!(summary.forgotten, vec![a]);
}

#[test]
fn summary_lists_forgotten_cards_in_the_order_forgotten() {
    let mut p = Progress::default();
    let s = scheduler(&p);
    // Three review cards, all due today.
    for card in [5, 6, 7] {
        grade(&mut p, card, Grade::Easy, T0.plus_days(-10));
    }
    let now = T0;
    let q = queue(&p, &filter(Pool::Due), now);
    assert_eq!(q, vec![5, 6, 7]);
    let mut session = ReviewSession::new(q);
    for (i, g) in [Grade::Good, Grade::Again, Grade::Again]
        .into_iter()
        .enumerate()
    {
        let t = now.plus_minutes(i as i64);
        session.reveal();
        session.answer(deck(), &mut p, &s, g, t).unwrap();
    }
    // 6 and 7 are relearning (10 minutes) and come back; the person stops here, with three
    // answers given and two (6 and 7 again) still queued.
    assert_eq!(session.current(), Some(6));
    assert_eq!(session.progress(deck(), &p, &s), (3, 5));
    assert!(!session.is_finished());
    let summary = session.summary();
    assert_eq!(summary.answers, 3);
    assert_eq!(summary.cards, 3);
    assert_eq!(summary.by_grade, [2, 0, 1, 0]);
    assert_eq!(summary.forgotten, vec![6, 7]);
}

// ---------------------------------------------------------------------------------------------
// Mock interview
// ---------------------------------------------------------------------------------------------

fn is_question(card: usize) -> bool {
    matches!(deck().cards[card].kind, CardKind::Question { .. })
}

#[test]
fn a_mock_offers_exactly_the_sections_that_hold_interview_questions() {
    let deck = deck();
    let offered = mock_sections(deck);
    for section in 0..deck.sections.len() {
        let has_question = deck
            .cards_in_section(section)
            .any(|(card, _)| is_question(card));
        assert_eq!(
            offered.contains(&section),
            has_question,
            "{}",
            deck.sections[section].title
        );
    }
    assert!(offered.windows(2).all(|w| w[0] < w[1]), "in deck order");
    assert!(!offered.is_empty() && offered.len() < deck.sections.len());
}

#[test]
fn mock_questions_are_distinct_questions_from_the_chosen_sections() {
    let deck = deck();
    let config = MockConfig::default();
    let qs = mock_questions(deck, &config, 7);
    assert_eq!(qs.len(), 10);
    assert!(qs.iter().all(|&c| is_question(c)));
    assert_eq!(qs.iter().collect::<HashSet<_>>().len(), 10);
    assert_eq!(
        mock_questions(deck, &config, 7),
        qs,
        "same seed, same interview"
    );
    assert_ne!(mock_questions(deck, &config, 8), qs);

    let sections = BTreeSet::from([section_id("Testing Questions"), section_id("PEP Questions")]);
    let in_sections: BTreeSet<usize> = (0..deck.cards.len())
        .filter(|&c| is_question(c) && sections.contains(&deck.sections[deck.cards[c].section].id))
        .collect();
    assert!(in_sections.len() > 4);
    let few = MockConfig {
        question_count: 4,
        sections: sections.clone(),
        ..MockConfig::default()
    };
    for seed in 0..20 {
        let qs = mock_questions(deck, &few, seed);
        assert_eq!(qs.len(), 4);
        assert!(qs.iter().all(|c| in_sections.contains(c)), "{qs:?}");
        assert_eq!(qs.iter().collect::<HashSet<_>>().len(), 4);
    }
    // Asking for more than there are gives all of them, once each.
    let many = MockConfig {
        question_count: 100,
        sections,
        ..MockConfig::default()
    };
    let all: BTreeSet<usize> = mock_questions(deck, &many, 3).into_iter().collect();
    assert_eq!(all, in_sections);
    // The whole deck holds 68 questions; a non-question section gives none.
    let everything = MockConfig {
        question_count: 1000,
        ..MockConfig::default()
    };
    assert_eq!(mock_questions(deck, &everything, 1).len(), 68);
    let definitions = MockConfig {
        sections: BTreeSet::from([section_id("Definitions")]),
        ..MockConfig::default()
    };
    assert!(mock_questions(deck, &definitions, 1).is_empty());
}

#[test]
fn timed_mock_reveals_when_time_is_up() {
    let questions = mock_questions(deck(), &MockConfig::default(), 11)[..3].to_vec();
    let mut mock = MockInterview::new(questions.clone(), Some(60), T0);
    assert_eq!(mock.current(), Some(questions[0]));
    assert_eq!(mock.position(), (0, 3));
    assert_eq!(mock.remaining_ms(T0), Some(60_000));
    assert_eq!(mock.remaining_ms(T0.plus_millis(15_000)), Some(45_000));
    assert_eq!(mock.remaining_ms(T0.plus_millis(59_999)), Some(1));

    // Time not up: nothing happens; judging before the answer is shown does nothing either.
    assert!(!mock.check_timer(T0.plus_millis(30_000)));
    assert!(!mock.is_revealed());
    mock.judge(MockOutcome::Nailed, T0.plus_millis(30_000));
    assert_eq!(mock.position(), (0, 3));

    // The timer's tick arrives a little late: the answer is revealed as timed out.
    let tick = T0.plus_millis(60_400);
    assert!(mock.check_timer(tick));
    assert!(mock.is_revealed());
    assert!(
        !mock.check_timer(tick.plus_millis(1_000)),
        "reveals only once"
    );
    assert_eq!(mock.remaining_ms(tick), Some(0));
    assert_eq!(
        mock.remaining_ms(T0.plus_days(1)),
        Some(0),
        "never negative"
    );
    let judged = T0.plus_millis(75_000);
    mock.judge(MockOutcome::Missed, judged);
    assert_eq!(mock.position(), (1, 3));
    assert!(!mock.is_revealed());
    let first = &mock.answers[0];
    assert_eq!(first.card, questions[0]);
    assert!(first.timed_out);
    assert_eq!(
        first.elapsed_ms, 60_000,
        "a timed-out answer took the full time"
    );

    // The next question's timer starts at the judgement; revealing in time freezes it.
    assert_eq!(mock.remaining_ms(judged), Some(60_000));
    let revealed = judged.plus_millis(20_000);
    mock.reveal(revealed);
    assert_eq!(
        mock.remaining_ms(revealed.plus_millis(90_000)),
        Some(40_000)
    );
    assert!(!mock.check_timer(revealed.plus_millis(90_000)));
    let judged2 = revealed.plus_millis(5_000);
    mock.judge(MockOutcome::Nailed, judged2);
    let second = &mock.answers[1];
    assert_eq!((second.timed_out, second.elapsed_ms), (false, 20_000));

    // Revealing after the time ran out, before the timer's tick, still counts as timed out.
    mock.reveal(judged2.plus_millis(65_000));
    mock.judge(MockOutcome::Partial, judged2.plus_millis(70_000));
    let third = &mock.answers[2];
    assert_eq!((third.timed_out, third.elapsed_ms), (true, 60_000));
    assert!(mock.is_finished());
    assert_eq!(mock.current(), None);
    assert!(!mock.check_timer(judged2.plus_days(1)));
}

#[test]
fn untimed_mock_has_no_timer() {
    let questions = mock_questions(deck(), &MockConfig::default(), 5);
    let mut mock = MockInterview::new(questions, None, T0);
    assert_eq!(mock.remaining_ms(T0.plus_days(1)), None);
    assert!(!mock.check_timer(T0.plus_days(1)));
    assert!(!mock.is_revealed());
    mock.reveal(T0.plus_minutes(10));
    mock.judge(MockOutcome::Nailed, T0.plus_minutes(11));
    assert_eq!(mock.answers[0].elapsed_ms, 10 * MS_PER_MINUTE);
    assert!(!mock.answers[0].timed_out);
}

#[test]
fn mock_report_scores_and_lists_misses() {
    let questions = mock_questions(
        deck(),
        &MockConfig {
            question_count: 5,
            ..MockConfig::default()
        },
        99,
    );
    assert_eq!(questions.len(), 5);
    let mut mock = MockInterview::new(questions.clone(), Some(120), T0);
    let outcomes = [
        MockOutcome::Nailed,
        MockOutcome::Partial,
        MockOutcome::Missed,
        MockOutcome::Nailed,
        MockOutcome::Partial,
    ];
    let mut now = T0;
    for (i, outcome) in outcomes.into_iter().enumerate() {
        now = now.plus_millis(30_000 + 1_000 * i as i64);
        mock.reveal(now);
        now = now.plus_millis(5_000);
        mock.judge(outcome, now);
        if i == 2 {
            // Cut short: the report so far runs to `now` given.
            let partial = mock.report(now.plus_millis(9_000));
            assert_eq!((partial.total, partial.nailed, partial.partial), (3, 1, 1));
            assert_eq!(partial.total_ms, now.plus_millis(9_000).millis_since(T0));
            assert_eq!(partial.score_percent, 50);
        }
    }
    let last_judgement = now;
    assert!(mock.is_finished());
    let report = mock.report(last_judgement.plus_hours(2));
    assert_eq!(report.total, 5);
    assert_eq!(report.nailed, 2);
    assert_eq!(report.partial, 2);
    assert_eq!(report.misses, vec![questions[2]], "only the missed one");
    assert_eq!(
        report.partly,
        vec![questions[1], questions[4]],
        "partly answered, in interview order"
    );
    assert_eq!(report.score_percent, 60, "(2 + 2 * 0.5) / 5");
    assert_eq!(report.total_ms, last_judgement.millis_since(T0));
    assert_eq!(report.total_ms, 5 * 35_000 + 10_000);
    // Judging after the end changes nothing.
    mock.reveal(now.plus_minutes(1));
    mock.judge(MockOutcome::Missed, now.plus_minutes(2));
    assert_eq!(mock.report(now.plus_hours(3)), report);

    let empty = MockInterview::new(Vec::new(), Some(60), T0);
    assert!(empty.is_finished());
    assert_eq!(empty.report(T0).score_percent, 0);
}

#[test]
fn a_mock_ended_early_reports_what_was_answered() {
    let questions = mock_questions(
        deck(),
        &MockConfig {
            question_count: 8,
            ..MockConfig::default()
        },
        7,
    );
    let mut mock = MockInterview::new(questions.clone(), None, T0);
    for (i, outcome) in [
        MockOutcome::Nailed,
        MockOutcome::Missed,
        MockOutcome::Partial,
    ]
    .into_iter()
    .enumerate()
    {
        let at = T0.plus_minutes(2 * i as i64 + 1);
        mock.reveal(at);
        mock.judge(outcome, at.plus_minutes(1));
    }
    // The fourth question is open, its answer shown and notes typed, when the learner stops.
    mock.set_notes("half an answer".to_owned());
    mock.reveal(T0.plus_minutes(7));
    let end = T0.plus_minutes(8);
    mock.end_early(end);
    assert!(mock.is_finished());
    assert_eq!(mock.planned_if_ended_early(), Some(8));
    let report = mock.report(end.plus_hours(1));
    assert_eq!((report.total, report.nailed, report.partial), (3, 1, 1));
    assert_eq!(report.misses, vec![questions[1]]);
    assert_eq!(report.score_percent, 50);
    assert_eq!(report.total_ms, end.millis_since(T0), "time up to the end");
    assert!(
        report.notes.is_empty(),
        "the open question's notes are not judged"
    );
    let record = mock.record().expect("three judged questions are history");
    assert_eq!((record.questions, record.at), (3, end));
    // Judging after the end changes nothing.
    mock.reveal(end.plus_minutes(1));
    mock.judge(MockOutcome::Nailed, end.plus_minutes(2));
    assert_eq!(mock.report(end.plus_hours(2)), report);

    // Ended before any judgement: an empty report and no history.
    let mut unanswered = MockInterview::new(questions, None, T0);
    unanswered.end_early(T0.plus_minutes(1));
    assert!(unanswered.is_finished());
    assert_eq!(unanswered.report(T0.plus_minutes(2)).total, 0);
    assert_eq!(unanswered.record(), None);
}

#[test]
fn every_card_is_of_exactly_one_kind() {
    let deck = deck();
    let mut seen = Vec::new();
    for kind in KindFilter::ALL {
        for card in kind.cards_in(deck) {
            assert_eq!(KindFilter::of(deck.cards[card].kind), kind);
            seen.push(card);
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..deck.cards.len()).collect::<Vec<_>>());
}
