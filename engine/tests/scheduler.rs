//! Scheduler tests: agreement with py-fsrs 6.3.2 (fixtures from scripts/py_fsrs_fixtures.py)
//! and the behaviour the UI relies on.

use prep_engine::scheduler::{
    CardSchedule, ConfigError, Grade, Phase, Scheduler, SchedulerConfig, format_interval,
};
use prep_engine::time::{MS_PER_DAY, MS_PER_MINUTE, Timestamp};
use serde::Deserialize;

const FIXTURES: &str = include_str!("fixtures/py_fsrs_histories.json");

#[derive(Deserialize)]
struct Fixtures {
    histories: Vec<History>,
}

#[derive(Deserialize)]
struct History {
    name: String,
    desired_retention: f32,
    learning_steps_minutes: Vec<u32>,
    relearning_steps_minutes: Vec<u32>,
    maximum_interval_days: u32,
    reviews: Vec<Review>,
}

#[derive(Deserialize)]
struct Review {
    at: i64,
    grade: Grade,
    expected: Expected,
}

#[derive(Deserialize)]
struct Expected {
    due: i64,
    state: String,
    step: Option<u8>,
    stability: f64,
    difficulty: f64,
}

fn fixtures() -> Fixtures {
    serde_json::from_str(FIXTURES).expect("fixture JSON parses")
}

fn scheduler_for(h: &History) -> Scheduler {
    Scheduler::new(SchedulerConfig {
        desired_retention: h.desired_retention,
        learning_steps_minutes: h.learning_steps_minutes.clone(),
        relearning_steps_minutes: h.relearning_steps_minutes.clone(),
        maximum_interval_days: h.maximum_interval_days,
        due_by: None,
    })
    .expect("fixture config is valid")
}

fn expected_phase(e: &Expected) -> Phase {
    match (e.state.as_str(), e.step) {
        ("learning", Some(step)) => Phase::Learning { step },
        ("review", None) => Phase::Review,
        ("relearning", Some(step)) => Phase::Relearning { step },
        other => panic!("unexpected fixture state {other:?}"),
    }
}

fn assert_close(what: &str, actual: f32, expected: f64) {
    let rel = (f64::from(actual) - expected).abs() / expected.abs().max(1e-9);
    assert!(
        rel <= 1e-4,
        "{what}: {actual} vs py-fsrs {expected} (relative error {rel:e})"
    );
}

#[test]
fn replays_py_fsrs_histories_exactly() {
    let fixtures = fixtures();
    assert!(
        fixtures.histories.len() >= 15,
        "expected ~15 fixture histories"
    );
    let mut checked = 0;
    for h in &fixtures.histories {
        let scheduler = scheduler_for(h);
        let mut card = CardSchedule::new();
        for (i, r) in h.reviews.iter().enumerate() {
            let now = Timestamp(r.at);
            let what = format!("{} review #{i} ({})", h.name, r.grade);
            let preview = scheduler.preview(&card, now);
            card = scheduler.review(&card, r.grade, now);
            assert_eq!(card.due, Timestamp(r.expected.due), "{what}: due (ms)");
            assert_eq!(card.phase, expected_phase(&r.expected), "{what}: phase");
            assert_close(
                &format!("{what}: stability"),
                card.stability,
                r.expected.stability,
            );
            assert_close(
                &format!("{what}: difficulty"),
                card.difficulty,
                r.expected.difficulty,
            );
            assert_eq!(card.last_review, Some(now), "{what}: last review");
            assert_eq!(
                preview[r.grade.index()],
                (r.grade, r.expected.due - r.at),
                "{what}: preview"
            );
            checked += 1;
        }
        assert_eq!(card.reps as usize, h.reviews.len());
    }
    assert!(checked >= 100, "only {checked} reviews checked");
}

fn t0() -> Timestamp {
    Timestamp(1_767_604_643_456)
}

/// Reviews `card` with `grade` exactly when it is due.
fn review_on_time(s: &Scheduler, card: &CardSchedule, grade: Grade) -> CardSchedule {
    let now = if card.is_new() { t0() } else { card.due };
    s.review(card, grade, now)
}

fn interval_ms(card: &CardSchedule) -> i64 {
    card.due.millis_since(card.last_review.expect("reviewed"))
}

#[test]
fn new_card_learning_steps_follow_py_fsrs_rules() {
    let s = Scheduler::default();
    let new = CardSchedule::new();
    assert!(new.is_new() && new.is_due(Timestamp(0)));
    let wait = |g| s.preview(&new, t0())[Grade::index(g)].1;
    assert_eq!(wait(Grade::Again), MS_PER_MINUTE);
    assert_eq!(
        wait(Grade::Hard),
        5 * MS_PER_MINUTE + 30_000,
        "mean of 1 and 10 minutes"
    );
    assert_eq!(wait(Grade::Good), 10 * MS_PER_MINUTE);
    assert_eq!(
        s.review(&new, Grade::Good, t0()).phase,
        Phase::Learning { step: 1 }
    );
    let easy = s.review(&new, Grade::Easy, t0());
    assert_eq!(easy.phase, Phase::Review);
    assert_eq!(
        wait(Grade::Easy) % MS_PER_DAY,
        0,
        "review intervals are whole days"
    );
    assert_eq!(
        wait(Grade::Easy),
        8 * MS_PER_DAY,
        "FSRS-6 default: Easy first = 8 days"
    );
}

#[test]
fn intervals_grow_over_consecutive_goods() {
    let s = Scheduler::default();
    let mut card = CardSchedule::new();
    let mut last = 0;
    for i in 0..10 {
        card = review_on_time(&s, &card, Grade::Good);
        let ivl = interval_ms(&card);
        assert!(ivl > last, "review {i}: interval {ivl} not above {last}");
        last = ivl;
    }
    assert_eq!(card.phase, Phase::Review);
    assert!(
        last > 365 * MS_PER_DAY,
        "ten on-time Goods reach more than a year"
    );
}

#[test]
fn again_on_review_card_lapses_and_shortens_the_next_interval() {
    let s = Scheduler::default();
    let mut card = CardSchedule::new();
    for _ in 0..4 {
        card = review_on_time(&s, &card, Grade::Good);
    }
    assert_eq!(card.phase, Phase::Review);
    let good_instead = s.review(&card, Grade::Good, card.due);

    let lapsed = s.review(&card, Grade::Again, card.due);
    assert_eq!(lapsed.phase, Phase::Relearning { step: 0 });
    assert_eq!(lapsed.lapses, card.lapses + 1);
    assert_eq!(interval_ms(&lapsed), 10 * MS_PER_MINUTE, "relearning step");
    assert!(
        lapsed.stability < card.stability,
        "forgetting lowers stability"
    );

    let relearned = s.review(&lapsed, Grade::Good, lapsed.due);
    assert_eq!(relearned.phase, Phase::Review);
    assert!(
        interval_ms(&relearned) < interval_ms(&card),
        "shorter than before the lapse"
    );
    assert!(interval_ms(&relearned) < interval_ms(&good_instead));
}

#[test]
fn preview_matches_review_for_each_grade_in_every_phase() {
    let s = Scheduler::default();
    let histories: &[&[Grade]] = &[
        &[],
        &[Grade::Again],
        &[Grade::Good],
        &[Grade::Good, Grade::Good],
        &[Grade::Good, Grade::Good, Grade::Good, Grade::Again],
        &[Grade::Easy, Grade::Hard, Grade::Again, Grade::Hard],
    ];
    for history in histories {
        let mut card = CardSchedule::new();
        for &g in *history {
            card = review_on_time(&s, &card, g);
        }
        // On time, early (same day) and late.
        let base = if card.is_new() { t0() } else { card.due };
        for now in [
            base,
            base.plus_minutes(-3),
            base.plus_days(5).plus_minutes(17),
        ] {
            let preview = s.preview(&card, now);
            let outcomes = s.outcomes(&card, now);
            for (i, grade) in Grade::ALL.into_iter().enumerate() {
                let reviewed = s.review(&card, grade, now);
                assert_eq!(
                    preview[i],
                    (grade, reviewed.due.millis_since(now)),
                    "{history:?} {grade}"
                );
                assert_eq!(outcomes[i], reviewed);
            }
        }
    }
}

#[test]
fn serde_round_trip_restores_identical_scheduling() {
    let s = Scheduler::default();
    let mut card = CardSchedule::new();
    for g in [
        Grade::Good,
        Grade::Good,
        Grade::Hard,
        Grade::Again,
        Grade::Good,
        Grade::Easy,
    ] {
        card = review_on_time(&s, &card, g);
    }
    let json = serde_json::to_string(&card).unwrap();
    for field in [
        "\"phase\":\"review\"",
        "\"s\":",
        "\"d\":",
        "\"due\":",
        "\"last\":",
        "\"reps\":6",
        "\"lapses\":1",
    ] {
        assert!(json.contains(field), "{field} missing from {json}");
    }
    let back: CardSchedule = serde_json::from_str(&json).unwrap();
    assert_eq!(back, card);
    for now in [card.due, card.due.plus_days(3), card.due.plus_minutes(-600)] {
        assert_eq!(s.outcomes(&back, now), s.outcomes(&card, now));
    }

    let learning = s.review(&CardSchedule::new(), Grade::Good, t0());
    let json = serde_json::to_string(&learning).unwrap();
    assert!(json.contains("\"phase\":\"learning:1\""), "{json}");
    assert_eq!(
        serde_json::from_str::<CardSchedule>(&json).unwrap(),
        learning
    );

    let new_json = serde_json::to_string(&CardSchedule::new()).unwrap();
    assert!(
        !new_json.contains("last"),
        "absent last review is omitted: {new_json}"
    );
    assert_eq!(
        serde_json::from_str::<CardSchedule>(&new_json).unwrap(),
        CardSchedule::new()
    );
    assert_eq!(
        serde_json::from_str::<CardSchedule>("{}").unwrap(),
        CardSchedule::new()
    );
}

#[test]
fn phase_and_grade_serialize_as_short_strings() {
    let cases = [
        (Phase::New, "\"new\""),
        (Phase::Learning { step: 0 }, "\"learning:0\""),
        (Phase::Review, "\"review\""),
        (Phase::Relearning { step: 2 }, "\"relearning:2\""),
    ];
    for (phase, json) in cases {
        assert_eq!(serde_json::to_string(&phase).unwrap(), json);
        assert_eq!(serde_json::from_str::<Phase>(json).unwrap(), phase);
    }
    for bad in [
        "\"learning\"",
        "\"learning:x\"",
        "\"review:1\"",
        "\"old\"",
        "\"learning:300\"",
    ] {
        assert!(
            serde_json::from_str::<Phase>(bad).is_err(),
            "{bad} accepted"
        );
    }
    assert_eq!(serde_json::to_string(&Grade::Again).unwrap(), "\"again\"");
    assert_eq!(
        serde_json::from_str::<Grade>("\"easy\"").unwrap(),
        Grade::Easy
    );
}

#[test]
fn same_day_and_backwards_clock_reviews_do_not_panic() {
    let s = Scheduler::default();
    let card = review_on_time(
        &s,
        &review_on_time(&s, &CardSchedule::new(), Grade::Good),
        Grade::Good,
    );
    // A clock that jumped backwards counts as a same-day review.
    let earlier = card.last_review.unwrap().plus_days(-3);
    for grade in Grade::ALL {
        let next = s.review(&card, grade, earlier);
        assert!(next.stability.is_finite() && next.stability > 0.0);
        assert!(next.due > earlier);
    }
}

#[test]
fn corrupt_memory_state_restarts_as_first_review() {
    let s = Scheduler::default();
    let corrupt = CardSchedule {
        phase: Phase::Review,
        stability: f32::NAN,
        difficulty: 5.0,
        due: t0(),
        last_review: Some(t0().plus_days(-3)),
        reps: 4,
        lapses: 0,
    };
    let fresh = s.review(&CardSchedule::new(), Grade::Good, t0());
    let next = s.review(&corrupt, Grade::Good, t0());
    assert_eq!(
        (next.stability, next.difficulty),
        (fresh.stability, fresh.difficulty)
    );
    assert_eq!(next.reps, 5);
}

#[test]
fn maximum_interval_caps_review_intervals() {
    let s = Scheduler::new(SchedulerConfig {
        maximum_interval_days: 20,
        ..SchedulerConfig::default()
    })
    .unwrap();
    let mut card = CardSchedule::new();
    for _ in 0..6 {
        card = review_on_time(&s, &card, Grade::Easy);
        assert!(interval_ms(&card) <= 20 * MS_PER_DAY);
    }
    assert_eq!(interval_ms(&card), 20 * MS_PER_DAY);
}

#[test]
fn config_validation() {
    let with_retention = |r| SchedulerConfig {
        desired_retention: r,
        ..SchedulerConfig::default()
    };
    assert!(Scheduler::new(SchedulerConfig::default()).is_ok());
    assert!(Scheduler::new(with_retention(0.7)).is_ok());
    assert!(Scheduler::new(with_retention(0.99)).is_ok());
    assert_eq!(
        Scheduler::new(with_retention(0.5)).unwrap_err(),
        ConfigError::DesiredRetention(0.5)
    );
    assert!(Scheduler::new(with_retention(1.0)).is_err());
    assert!(Scheduler::new(with_retention(f32::NAN)).is_err());
    let no_max = SchedulerConfig {
        maximum_interval_days: 0,
        ..SchedulerConfig::default()
    };
    assert_eq!(
        Scheduler::new(no_max).unwrap_err(),
        ConfigError::MaximumInterval(0)
    );
    let many_steps = SchedulerConfig {
        learning_steps_minutes: vec![1; 300],
        ..SchedulerConfig::default()
    };
    assert_eq!(
        Scheduler::new(many_steps).unwrap_err(),
        ConfigError::TooManySteps(300)
    );
    assert!(!ConfigError::DesiredRetention(0.5).to_string().is_empty());
}

#[test]
fn higher_retention_means_shorter_intervals() {
    let at = |r: f32| {
        let s = Scheduler::new(SchedulerConfig {
            desired_retention: r,
            ..SchedulerConfig::default()
        })
        .unwrap();
        let mut card = CardSchedule::new();
        for _ in 0..4 {
            card = review_on_time(&s, &card, Grade::Good);
        }
        interval_ms(&card)
    };
    assert!(at(0.95) < at(0.9) && at(0.9) < at(0.8));
}

#[test]
fn formats_intervals_like_anki() {
    let m = MS_PER_MINUTE;
    let d = MS_PER_DAY;
    let cases = [
        (-5, "<1m"),
        (0, "<1m"),
        (59_999, "<1m"),
        (m, "1m"),
        (5 * m, "5m"),
        (5 * m + 30_000, "6m"),
        (10 * m, "10m"),
        (15 * m, "15m"),
        (59 * m, "59m"),
        (60 * m, "1h"),
        (90 * m, "1.5h"),
        (23 * 60 * m, "23h"),
        (d, "1d"),
        (3 * d, "3d"),
        (29 * d, "29d"),
        (30 * d, "1mo"),
        (45 * d, "1.5mo"),
        (60 * d, "2mo"),
        (330 * d, "11mo"),
        (365 * d, "1y"),
        (438 * d, "1.2y"),
        (36_500 * d, "100y"),
    ];
    for (ms, label) in cases {
        assert_eq!(format_interval(ms), label, "{ms} ms");
    }
}

#[test]
fn timestamp_day_arithmetic_rounds_down() {
    let t = Timestamp(1_000 * MS_PER_DAY + 5);
    assert_eq!(t.plus_days(1).days_since(t), 1);
    assert_eq!(t.plus_days(1).plus_millis(-1).days_since(t), 0);
    assert_eq!(
        t.plus_minutes(-1).days_since(t),
        -1,
        "floor, like Python's timedelta.days"
    );
    assert_eq!(t.start_of_utc_day(), Timestamp(1_000 * MS_PER_DAY));
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        (1_000 * MS_PER_DAY + 5).to_string()
    );
}
