//! The stats page's numbers: local days, day summaries and the time estimate, mastery per
//! section, the due forecast, the heatmap, streaks, true retention, totals and leeches, with
//! compacted history merged in.

use prep_compile::parse_deck;
use prep_engine::content::{CardId, Deck};
use prep_engine::progress::{Evidence, Progress, ReviewRecord, StudyMode};
use prep_engine::scheduler::{CardSchedule, Grade, Phase, Scheduler};
use prep_engine::stats::{
    DaySummary, HEATMAP_DAYS, LocalDays, Mastery, Stats, current_streaks, merge_days, stats,
    summarise_days, weekday_from_monday,
};
use prep_engine::time::{MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Timestamp};

mod common;
use common::{T0, deck};

/// A local day number used as "today" (Fri 4 Oct 2024 in UTC).
const D: i64 = 20_000;

const UTC: LocalDays = LocalDays::UTC;

/// The instant `h:m:s` UTC on day `day`.
fn at(day: i64, h: i64, m: i64, s: i64) -> Timestamp {
    Timestamp(day * MS_PER_DAY + h * MS_PER_HOUR + m * MS_PER_MINUTE + s * 1000)
}

/// Noon on day `day`: "now" in most tests.
fn noon(day: i64) -> Timestamp {
    at(day, 12, 0, 0)
}

/// A scheduled answer to `card` given at `when` when the card was in `phase`.
fn answer(card: &str, when: Timestamp, grade: Grade, phase: Phase) -> ReviewRecord {
    ReviewRecord {
        card: CardId::from(card),
        at: when,
        grade,
        mode: StudyMode::Flashcard,
        phase,
        elapsed_days: 0,
        last_interval_ms: 0,
        interval_ms: 0,
        observed_only: false,
        writer: 0,
    }
}

/// A Good answer to card "c" in the Review phase at `when`: one unit of activity.
fn good(when: Timestamp) -> ReviewRecord {
    answer("c", when, Grade::Good, Phase::Review)
}

/// Progress whose log is exactly `reviews` (no schedules).
fn log(reviews: Vec<ReviewRecord>) -> Progress {
    Progress {
        reviews,
        ..Progress::default()
    }
}

/// A day summary with only answers (and seconds) in it.
fn history_day(day: i64, answers: u32, seconds: u32) -> DaySummary {
    DaySummary {
        answers,
        seconds,
        ..DaySummary::empty(day)
    }
}

/// Two sections: Alpha with three questions, Beta with two.
fn small_deck() -> Deck {
    parse_deck(
        "small.md",
        "# Small\n## Alpha\n### 1. A one?\nA.\n### 2. A two?\nB.\n### 3. A three?\nC.\n\
         ## Beta\n### 4. B one?\nD.\n### 5. B two?\nE.\n",
    )
    .expect("the small deck parses")
}

fn id(deck: &Deck, card: usize) -> CardId {
    deck.cards[card].id.clone()
}

/// A review-phase schedule with this stability, due at `due`.
fn in_review(stability: f32, due: Timestamp) -> CardSchedule {
    CardSchedule {
        phase: Phase::Review,
        stability,
        difficulty: 5.0,
        due,
        last_review: Some(due.plus_days(-1)),
        reps: 3,
        lapses: 0,
    }
}

fn stats_at(progress: &Progress, history: &[DaySummary], now: Timestamp) -> Stats {
    stats(&small_deck(), progress, history, now, UTC)
}

// ---------------------------------------------------------------------------------------------
// Local days
// ---------------------------------------------------------------------------------------------

#[test]
fn local_days_shift_instants_by_the_offset() {
    let plus_two = LocalDays {
        offset_ms: 2 * MS_PER_HOUR,
    };
    assert_eq!(UTC.day(at(D, 23, 0, 0)), D);
    assert_eq!(
        plus_two.day(at(D, 23, 0, 0)),
        D + 1,
        "23:00 UTC is 01:00 at UTC+2"
    );
    assert_eq!(plus_two.day(at(D, 21, 59, 59)), D);
    assert_eq!(
        plus_two.start(D + 1),
        at(D, 22, 0, 0),
        "local midnight in UTC"
    );
    let minus_five = LocalDays {
        offset_ms: -5 * MS_PER_HOUR,
    };
    assert_eq!(minus_five.day(at(D, 3, 0, 0)), D - 1);
    assert_eq!(minus_five.start(D), at(D, 5, 0, 0));
    // Before the epoch days still round down.
    assert_eq!(UTC.day(Timestamp(-1)), -1);
    assert_eq!(UTC.start(-1), Timestamp(-MS_PER_DAY));
}

#[test]
fn local_days_saturate_instead_of_overflowing() {
    let far_east = LocalDays {
        offset_ms: i64::MAX,
    };
    assert_eq!(far_east.day(Timestamp(i64::MAX)), i64::MAX / MS_PER_DAY);
    assert_eq!(
        UTC.day(Timestamp(i64::MIN)),
        i64::MIN.div_euclid(MS_PER_DAY)
    );
    assert_eq!(UTC.start(i64::MAX), Timestamp(i64::MAX));
    assert_eq!(
        LocalDays {
            offset_ms: i64::MAX
        }
        .start(i64::MIN),
        Timestamp(i64::MIN)
    );
}

#[test]
fn weekdays_count_from_monday() {
    assert_eq!(weekday_from_monday(0), 3, "1 Jan 1970 was a Thursday");
    assert_eq!(weekday_from_monday(UTC.day(T0)), 0, "T0 is a Monday");
    assert_eq!(weekday_from_monday(UTC.day(T0) + 6), 6);
    assert_eq!(weekday_from_monday(-1), 2, "31 Dec 1969 was a Wednesday");
    assert!(weekday_from_monday(i64::MIN) < 7);
    assert!(weekday_from_monday(i64::MAX) < 7);
}

// ---------------------------------------------------------------------------------------------
// Day summaries and the time estimate
// ---------------------------------------------------------------------------------------------

#[test]
fn summaries_count_answers_and_retention_per_day_in_day_order() {
    let mut observed = answer("b", at(D, 9, 0, 0), Grade::Good, Phase::Review);
    observed.observed_only = true;
    let records = vec![
        answer("a", at(D, 10, 0, 0), Grade::Again, Phase::Review),
        good(at(D - 2, 8, 0, 0)),
        observed,
        answer(
            "a",
            at(D, 10, 0, 30),
            Grade::Good,
            Phase::Relearning { step: 0 },
        ),
        answer("d", at(D, 11, 0, 0), Grade::Hard, Phase::Review),
    ];
    let days = summarise_days(&records, UTC);
    assert_eq!(
        days,
        vec![
            DaySummary {
                day: D - 2,
                answers: 1,
                review_answers: 1,
                review_passed: 1,
                seconds: 15,
                practice_answers: 0,
            },
            DaySummary {
                day: D,
                answers: 4,
                review_answers: 2,
                review_passed: 1,
                // 9:00 starts a sitting (15), 10:00 another (15), 10:00:30 (30), 11:00 (15).
                seconds: 75,
                practice_answers: 0,
            },
        ]
    );
    assert!(summarise_days(&[], UTC).is_empty());
}

#[test]
fn time_is_the_gap_capped_at_a_minute_and_fifteen_seconds_after_a_five_minute_break() {
    // Given out of order, as two tabs could log them.
    let records = vec![
        good(at(D, 10, 7, 0)), // 5 min after the previous: still the sitting, capped: 60
        good(at(D, 10, 0, 20)), // 20 s after the first: 20
        good(at(D, 10, 0, 0)), // the first answer: 15
        good(at(D, 10, 12, 1)), // 5 min 1 s after the previous: a new sitting: 15
        good(at(D, 10, 2, 0)), // 100 s after the previous, capped: 60
        good(at(D, 10, 12, 1)), // the same instant again: 0
    ];
    let days = summarise_days(&records, UTC);
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].seconds, 15 + 20 + 60 + 60 + 15);
    assert_eq!(days[0].answers, 6);
}

#[test]
fn an_answer_after_midnight_keeps_its_gap_but_counts_for_its_own_day() {
    let records = vec![good(at(D, 23, 59, 50)), good(at(D + 1, 0, 0, 10))];
    let days = summarise_days(&records, UTC);
    assert_eq!(
        days.iter().map(|d| (d.day, d.seconds)).collect::<Vec<_>>(),
        [(D, 15), (D + 1, 20)]
    );
}

#[test]
fn day_summaries_serialize_with_short_names() {
    let summary = DaySummary {
        day: D,
        answers: 12,
        review_answers: 5,
        review_passed: 4,
        seconds: 300,
        practice_answers: 0,
    };
    let json = serde_json::to_string(&summary).unwrap();
    assert_eq!(
        json, r#"{"d":20000,"n":12,"rn":5,"rp":4,"sec":300}"#,
        "no practice: the layout written before practice was counted"
    );
    assert_eq!(serde_json::from_str::<DaySummary>(&json).unwrap(), summary);
    let practised = DaySummary {
        practice_answers: 7,
        ..summary
    };
    let json = serde_json::to_string(&practised).unwrap();
    assert_eq!(json, r#"{"d":20000,"n":12,"rn":5,"rp":4,"sec":300,"pn":7}"#);
    assert_eq!(
        serde_json::from_str::<DaySummary>(&json).unwrap(),
        practised
    );
}

#[test]
fn merging_adds_up_days_present_twice_and_sorts_them() {
    let a = [history_day(D, 2, 30), history_day(D - 5, 1, 15)];
    let b = [
        history_day(D, 3, 45),
        history_day(D - 1, 4, 60),
        history_day(D, 1, 1),
    ];
    let merged = merge_days(&a, &b);
    assert_eq!(
        merged
            .iter()
            .map(|d| (d.day, d.answers, d.seconds))
            .collect::<Vec<_>>(),
        [(D - 5, 1, 15), (D - 1, 4, 60), (D, 6, 76)]
    );
    let full = history_day(D, u32::MAX, u32::MAX);
    assert_eq!(merge_days(&[full], &[full]), [full], "saturates");
}

// ---------------------------------------------------------------------------------------------
// Mastery
// ---------------------------------------------------------------------------------------------

#[test]
fn mastery_sorts_cards_into_new_learning_young_and_mature_per_section() {
    let deck = small_deck();
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    // Alpha: card 0 new, card 1 in a learning step, card 2 exactly at the mature threshold.
    progress.record_answer(
        &scheduler,
        &id(&deck, 1),
        Evidence::Recall(Grade::Good),
        StudyMode::Flashcard,
        noon(D),
    );
    assert!(progress.schedule(&id(&deck, 1)).is_learning());
    progress
        .cards
        .insert(id(&deck, 2), in_review(21.0, noon(D + 20)));
    // Beta: card 3 young (just under the threshold), card 4 relearning.
    progress
        .cards
        .insert(id(&deck, 3), in_review(20.9, noon(D + 20)));
    let mut lapsed = in_review(3.0, noon(D));
    lapsed.phase = Phase::Relearning { step: 0 };
    progress.cards.insert(id(&deck, 4), lapsed);
    // A card no longer in the deck: studied, but in no section.
    progress
        .cards
        .insert(CardId::from("gone"), in_review(50.0, noon(D + 40)));

    let stats = stats_at(&progress, &[], noon(D));
    let sections: Vec<(&str, &str, Mastery)> = stats
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str(), s.mastery))
        .collect();
    let mastery = |total, new, learning, young, mature| Mastery {
        total,
        new,
        learning,
        young,
        mature,
    };
    assert_eq!(
        sections,
        [
            ("alpha", "Alpha", mastery(3, 1, 1, 0, 1)),
            ("beta", "Beta", mastery(2, 0, 1, 1, 0)),
        ]
    );
    assert_eq!(
        stats.sections.iter().map(|s| s.section).collect::<Vec<_>>(),
        [0, 1]
    );
    assert_eq!(stats.deck, mastery(5, 1, 2, 1, 1));
    assert_eq!(
        stats.totals.cards_studied, 5,
        "four deck cards and the gone one"
    );
}

#[test]
fn answering_a_real_card_moves_it_out_of_new_in_its_section() {
    let deck = deck();
    let card = 0;
    let section = deck.cards[card].section;
    let mut progress = Progress::default();
    progress.record_answer(
        &Scheduler::default(),
        &deck.cards[card].id,
        Evidence::Recall(Grade::Easy),
        StudyMode::Flashcard,
        T0,
    );
    let stats = stats(deck, &progress, &[], T0, UTC);
    assert_eq!(stats.sections.len(), deck.sections.len());
    assert_eq!(stats.sections[section].title, deck.sections[section].title);
    let in_section = deck.cards_in_section(section).count();
    assert_eq!(stats.sections[section].mastery.total, in_section);
    assert_eq!(stats.sections[section].mastery.new, in_section - 1);
    assert_eq!(stats.sections[section].mastery.young, 1, "Easy graduates");
    assert_eq!(stats.deck.total, deck.cards.len());
    assert_eq!(stats.deck.new, deck.cards.len() - 1);
    let summed: usize = stats.sections.iter().map(|s| s.mastery.total).sum();
    assert_eq!(summed, deck.cards.len(), "every card is in one section");
}

// ---------------------------------------------------------------------------------------------
// Due forecast
// ---------------------------------------------------------------------------------------------

#[test]
fn the_forecast_counts_overdue_cards_as_due_today_and_skips_new_ones() {
    let deck = parse_deck(
        "f.md",
        "# F\n## S\n### 1. Q1?\nA.\n### 2. Q2?\nA.\n### 3. Q3?\nA.\n### 4. Q4?\nA.\n\
         ### 5. Q5?\nA.\n### 6. Q6?\nA.\n### 7. Q7?\nA.\n### 8. Q8?\nA.\n",
    )
    .unwrap();
    let dues = [
        at(D - 3, 9, 0, 0),   // overdue: today
        at(D, 18, 0, 0),      // later today
        at(D + 1, 0, 30, 0),  // tomorrow
        at(D + 6, 23, 0, 0),  // the last day of the week
        at(D + 7, 0, 0, 0),   // the month, not the week
        at(D + 29, 12, 0, 0), // the last day of the month
        at(D + 30, 0, 0, 0),  // beyond the forecast
    ];
    let mut progress = Progress::default();
    for (card, due) in dues.into_iter().enumerate() {
        progress.cards.insert(id(&deck, card), in_review(5.0, due));
    }
    // Card 7 stays new: due at the epoch, yet not part of the workload.
    let forecast = stats(&deck, &progress, &[], noon(D), UTC).forecast;
    assert_eq!(forecast.week, 4);
    assert_eq!(forecast.month, 6);
    assert_eq!(forecast.per_day.len(), 30);
    let mut expected = vec![0; 30];
    expected[0] = 2;
    expected[1] = 1;
    expected[6] = 1;
    expected[7] = 1;
    expected[29] = 1;
    assert_eq!(forecast.per_day, expected);

    // Two hours east, the card due at 23:00 UTC on day 6 falls on local day 7.
    let east = LocalDays {
        offset_ms: 2 * MS_PER_HOUR,
    };
    let forecast = stats(&deck, &progress, &[], noon(D), east).forecast;
    assert_eq!((forecast.week, forecast.month), (3, 6));
    assert_eq!(forecast.per_day[7], 2);
}

// ---------------------------------------------------------------------------------------------
// Heatmap, totals and streaks
// ---------------------------------------------------------------------------------------------

#[test]
fn the_heatmap_covers_a_year_of_records_and_history() {
    let mut observed = good(at(D - 1, 20, 0, 0));
    observed.observed_only = true;
    let progress = log(vec![
        good(at(D, 8, 0, 0)),
        good(at(D, 8, 0, 10)),
        observed,
        good(at(D + 3, 8, 0, 0)), // a clock ahead: after today, not on the map
    ]);
    let history = [
        history_day(D - 10, 5, 0),
        history_day(D - 364, 7, 0),
        history_day(D - 365, 9, 0),
    ];
    let stats = stats_at(&progress, &history, noon(D));
    let heatmap = &stats.heatmap;
    assert_eq!(heatmap.first_day, D - 364);
    assert_eq!(heatmap.answers.len(), HEATMAP_DAYS);
    assert_eq!(heatmap.answers[364], 2, "today");
    assert_eq!(
        heatmap.answers[363], 1,
        "an observed-only answer is activity"
    );
    assert_eq!(heatmap.answers[354], 5, "a compacted day");
    assert_eq!(heatmap.answers[0], 7, "the oldest day shown");
    assert_eq!(heatmap.answers.iter().sum::<u32>(), 15);
    assert_eq!(stats.totals.answers, 2 + 1 + 1 + 5 + 7 + 9);
    assert_eq!(stats.totals.answers_today, 2);
    assert_eq!(stats.today, D);
}

#[test]
fn a_missed_day_breaks_the_streak_but_the_best_run_is_kept() {
    let progress = log([D - 5, D - 4, D - 3, D - 1, D]
        .into_iter()
        .map(|day| good(at(day, 9, 0, 0)))
        .collect());
    let streaks = stats_at(&progress, &[], noon(D)).streaks;
    assert_eq!((streaks.current, streaks.best), (2, 3));
}

#[test]
fn the_streak_is_alive_until_the_day_is_over() {
    let progress = log([D - 3, D - 2, D - 1]
        .into_iter()
        .map(|day| good(at(day, 9, 0, 0)))
        .collect());
    let streaks = stats_at(&progress, &[], at(D, 7, 0, 0)).streaks;
    assert_eq!((streaks.current, streaks.best), (3, 3), "nothing yet today");
    let streaks = stats_at(&progress, &[], at(D + 1, 7, 0, 0)).streaks;
    assert_eq!(
        (streaks.current, streaks.best),
        (0, 3),
        "yesterday was missed"
    );
}

#[test]
fn history_days_extend_the_streak_and_add_to_the_totals() {
    let progress = log(vec![good(at(D - 1, 9, 0, 0)), good(at(D, 9, 0, 0))]);
    let history = [
        history_day(D - 3, 4, 60),
        history_day(D - 2, 2, 30),
        history_day(D - 4, 0, 0), // an empty day is no activity
        history_day(D, 3, 45),    // overlaps today's records: added up
    ];
    let stats = stats_at(&progress, &history, noon(D));
    assert_eq!((stats.streaks.current, stats.streaks.best), (4, 4));
    assert_eq!(stats.totals.answers, 2 + 4 + 2 + 3);
    assert_eq!(stats.totals.answers_today, 1 + 3);
    assert_eq!(stats.heatmap.answers[364], 4);
    assert_eq!(stats.heatmap.answers[360], 0);
}

#[test]
fn the_utc_offset_moves_an_answer_to_the_next_local_day() {
    let progress = log(vec![good(at(D - 1, 9, 0, 0)), good(at(D, 23, 30, 0))]);
    let now = at(D + 1, 8, 0, 0);
    let utc = stats(&small_deck(), &progress, &[], now, UTC);
    assert_eq!(utc.totals.answers_today, 0);
    assert_eq!(utc.streaks.current, 2, "D-1 and D, ending yesterday");
    assert_eq!(utc.heatmap.answers[363], 1);

    let east = LocalDays {
        offset_ms: MS_PER_HOUR,
    };
    let local = stats(&small_deck(), &progress, &[], now, east);
    assert_eq!(local.today, D + 1);
    assert_eq!(local.totals.answers_today, 1, "00:30 local, on day D+1");
    assert_eq!(local.heatmap.answers[364], 1);
    assert_eq!(local.heatmap.answers[363], 0);
    assert_eq!(local.streaks.current, 1, "D was missed locally");
    assert_eq!(local.streaks.best, 1);
}

// ---------------------------------------------------------------------------------------------
// True retention
// ---------------------------------------------------------------------------------------------

#[test]
fn retention_counts_only_scheduled_answers_to_review_cards() {
    let mut observed = answer("a", at(D, 9, 5, 0), Grade::Good, Phase::Review);
    observed.observed_only = true;
    let progress = log(vec![
        answer("a", at(D, 9, 0, 0), Grade::Good, Phase::Review),
        answer("b", at(D - 5, 9, 0, 0), Grade::Hard, Phase::Review),
        answer("c", at(D - 29, 9, 0, 0), Grade::Easy, Phase::Review),
        answer("d", at(D - 10, 9, 0, 0), Grade::Again, Phase::Review),
        observed,
        answer(
            "e",
            at(D, 9, 10, 0),
            Grade::Again,
            Phase::Learning { step: 0 },
        ),
        answer("f", at(D, 9, 11, 0), Grade::Good, Phase::New),
        answer(
            "g",
            at(D, 9, 12, 0),
            Grade::Good,
            Phase::Relearning { step: 0 },
        ),
        answer("h", at(D - 30, 9, 0, 0), Grade::Again, Phase::Review), // 31 days ago
    ]);
    let retention = stats_at(&progress, &[], noon(D)).retention;
    assert_eq!((retention.passed, retention.total), (3, 4));
    assert_eq!(retention.share, None, "four reviews are not enough to say");

    let history = [
        DaySummary {
            review_answers: 6,
            review_passed: 3,
            ..history_day(D - 20, 6, 0)
        },
        DaySummary {
            review_answers: 10,
            review_passed: 0,
            ..history_day(D - 31, 10, 0)
        },
    ];
    let retention = stats_at(&progress, &history, noon(D)).retention;
    assert_eq!((retention.passed, retention.total), (6, 10));
    assert_eq!(retention.share, Some(0.6), "ten reviews: enough to show");
}

#[test]
fn retention_follows_recorded_answers_and_is_none_before_any_review() {
    let card = CardId::from("a");
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    let recall = |p: &mut Progress, evidence, when| {
        p.record_answer(&scheduler, &card, evidence, StudyMode::Flashcard, when);
    };
    recall(&mut progress, Evidence::Recall(Grade::Easy), noon(D - 20));
    assert_eq!(stats_at(&progress, &[], noon(D)).retention.share, None);
    assert_eq!(
        progress.schedule(&card).phase,
        Phase::Review,
        "Easy graduates"
    );
    let due = progress.schedule(&card).due;
    recall(&mut progress, Evidence::Recognised, due); // observed only: not counted
    recall(&mut progress, Evidence::Recall(Grade::Good), due);
    let next_day = due.plus_days(1);
    recall(&mut progress, Evidence::NotRecognised, next_day); // a lapse, reviewed early
    assert_eq!(progress.schedule(&card).lapses, 1);
    let retention = stats_at(&progress, &[], next_day).retention;
    assert_eq!((retention.passed, retention.total), (1, 2));
    assert_eq!(
        retention.share, None,
        "no \"50 %\" from two reviews (issue 27)"
    );
}

// ---------------------------------------------------------------------------------------------
// Time studied
// ---------------------------------------------------------------------------------------------

#[test]
fn time_studied_adds_history_and_keeps_the_last_seven_days_apart() {
    let progress = log(vec![
        good(at(D, 10, 0, 0)),     // 15
        good(at(D, 10, 0, 40)),    // 40
        good(at(D, 10, 10, 0)),    // a new sitting: 15
        good(at(D - 7, 10, 0, 0)), // a week ago, outside the last 7 days: 15
    ]);
    let history = [history_day(D - 6, 3, 100), history_day(D - 100, 50, 1000)];
    let time = stats_at(&progress, &history, noon(D)).time;
    assert_eq!(time.total_seconds, 15 + 40 + 15 + 15 + 100 + 1000);
    assert_eq!(time.last_7_days_seconds, 15 + 40 + 15 + 100);
}

// ---------------------------------------------------------------------------------------------
// Leeches, empty and absurd input
// ---------------------------------------------------------------------------------------------

#[test]
fn leeches_are_listed_most_lapses_first() {
    let deck = small_deck();
    let mut progress = Progress::default();
    for (card, lapses) in [(0, 8), (1, 7), (3, 12)] {
        let mut schedule = in_review(1.0, noon(D));
        schedule.lapses = lapses;
        progress.cards.insert(id(&deck, card), schedule);
    }
    assert_eq!(stats_at(&progress, &[], noon(D)).leeches, [3, 0]);
}

#[test]
fn no_progress_gives_all_new_and_zeros() {
    let deck = deck();
    let stats = stats(deck, &Progress::default(), &[], T0, UTC);
    assert_eq!(stats.deck.total, deck.cards.len());
    assert_eq!(stats.deck.new, deck.cards.len());
    assert_eq!(
        stats.deck.learning + stats.deck.young + stats.deck.mature,
        0
    );
    assert_eq!((stats.forecast.week, stats.forecast.month), (0, 0));
    assert_eq!(stats.heatmap.answers, vec![0; HEATMAP_DAYS]);
    assert_eq!((stats.streaks.current, stats.streaks.best), (0, 0));
    assert_eq!(stats.retention.share, None);
    assert_eq!(stats.retention.total, 0);
    assert_eq!(stats.time.total_seconds, 0);
    assert_eq!(stats.totals.answers, 0);
    assert_eq!(stats.totals.cards_studied, 0);
    assert!(stats.leeches.is_empty());
}

#[test]
fn absurd_times_and_offsets_do_not_panic() {
    let mut progress = log(vec![
        good(Timestamp(i64::MIN)),
        good(Timestamp(i64::MIN)),
        good(Timestamp(i64::MAX)),
        good(Timestamp(0)),
    ]);
    progress
        .cards
        .insert(CardId::from("c"), in_review(f32::NAN, Timestamp(i64::MIN)));
    let history = [
        history_day(i64::MIN, u32::MAX, u32::MAX),
        history_day(i64::MAX, u32::MAX, u32::MAX),
        history_day(i64::MAX, u32::MAX, u32::MAX),
    ];
    for now in [Timestamp(i64::MIN), Timestamp(0), Timestamp(i64::MAX)] {
        for offset_ms in [i64::MIN, 0, i64::MAX] {
            let stats = stats(deck(), &progress, &history, now, LocalDays { offset_ms });
            assert_eq!(stats.heatmap.answers.len(), HEATMAP_DAYS);
            assert_eq!(stats.forecast.per_day.len(), 30);
            assert_eq!(
                stats.totals.answers,
                4 + 2 * u64::from(u32::MAX),
                "the two i64::MAX days saturate into one"
            );
        }
    }
    // The far-past answers are 0 ms apart: one sitting of 15 s.
    let days = summarise_days(&progress.reviews, UTC);
    assert_eq!(days[0].seconds, 15);
    assert_eq!(days[0].answers, 2);
}

#[test]
fn the_streaks_alone_are_the_streaks_of_the_whole_stats() {
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    for day in [0, 1, 2, 4, 5] {
        progress.record_answer(
            &scheduler,
            &CardId::from("card"),
            Evidence::Recall(Grade::Good),
            StudyMode::Flashcard,
            T0.plus_days(day),
        );
    }
    progress.history = vec![DaySummary {
        answers: 3,
        ..DaySummary::empty(LocalDays::UTC.day(T0) - 1)
    }];
    let now = T0.plus_days(5);
    let alone = current_streaks(&progress, now, UTC);
    assert_eq!(
        alone,
        stats(&small_deck(), &progress, &progress.history, now, UTC).streaks
    );
    assert_eq!((alone.current, alone.best), (2, 4));
}

#[test]
fn practice_answers_are_counted_apart_from_reviews() {
    // A flashcard review, a quiz pick on a studied card (it moves the schedule), and two
    // practice answers on cards never studied (observed only): four answers, three of them
    // practice, one review for retention.
    let mut quiz = answer("a", at(D, 9, 1, 0), Grade::Again, Phase::Review);
    quiz.mode = StudyMode::Quiz;
    let mut drill = answer("b", at(D, 9, 2, 0), Grade::Good, Phase::New);
    drill.mode = StudyMode::Drill;
    drill.observed_only = true;
    let mut fill_in = answer("c", at(D - 1, 9, 3, 0), Grade::Good, Phase::New);
    fill_in.mode = StudyMode::FillIn;
    fill_in.observed_only = true;
    let reviews = vec![
        fill_in,
        answer("a", at(D, 9, 0, 0), Grade::Good, Phase::Review),
        quiz,
        drill,
    ];
    let days = summarise_days(&reviews, UTC);
    assert_eq!(
        days.iter()
            .map(|d| (d.answers, d.practice_answers))
            .collect::<Vec<_>>(),
        [(1, 1), (3, 2)]
    );
    let totals = stats_at(&log(reviews), &[], noon(D)).totals;
    assert_eq!((totals.answers, totals.practice_answers), (4, 3));
    assert_eq!(
        (totals.answers_today, totals.practice_answers_today),
        (3, 2)
    );
    // Compacted history keeps the split.
    let history = [DaySummary {
        practice_answers: 5,
        ..history_day(D - 40, 9, 0)
    }];
    let totals = stats_at(&Progress::default(), &history, noon(D)).totals;
    assert_eq!((totals.answers, totals.practice_answers), (9, 5));
}
