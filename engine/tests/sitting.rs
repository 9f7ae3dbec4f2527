//! A study sitting as a learner meets it: which new cards come first, undoing a mis-tapped
//! grade, the New / Learning / Review counts and the bar, cramming without touching schedules,
//! the sitting a URL asks for, and what is offered once a sitting ends.

use std::collections::BTreeSet;

use prep_engine::content::CardKind;
use prep_engine::progress::{Progress, ProgressStore, StoreKeys, UndoError};
use prep_engine::scheduler::{Grade, Phase, Scheduler};
use prep_engine::stats::LocalDays;
use prep_engine::storage::MemoryStorage;
use prep_engine::study::{
    KindFilter, LEARN_MORE_STEP, NewCardOrder, NextStep, Pool, ReviewSession, Scope, SittingCounts,
    SittingRequest, StudyFilter, custom_study, next_steps, queue_counts, review_queue,
    review_queue_learning_more,
};
use prep_engine::time::Timestamp;

mod common;
use common::{T0, day_of, deck};

fn scheduler() -> Scheduler {
    Progress::default().settings.scheduler().unwrap()
}

fn first_sitting(filter: &StudyFilter) -> Vec<usize> {
    review_queue(deck(), &Progress::default(), filter, T0, day_of(T0), 7)
}

fn kind(card: usize) -> KindFilter {
    KindFilter::of(deck().cards[card].kind)
}

fn reload(progress: &Progress) -> Progress {
    let mut storage = MemoryStorage::new();
    let keys = StoreKeys::for_site("/");
    let (mut store, _) = ProgressStore::load(&mut storage, keys.clone(), T0);
    store
        .save(&mut storage, &mut progress.clone(), LocalDays::UTC, T0)
        .unwrap();
    ProgressStore::load(&mut storage, keys, T0).1.progress
}

/// Shows the answer and grades the card on screen.
fn grade(session: &mut ReviewSession, p: &mut Progress, g: Grade, at: Timestamp) -> usize {
    let card = session.current().expect("a card on screen");
    session.reveal();
    session
        .answer(deck(), p, &scheduler(), g, at)
        .expect("graded");
    card
}

// ---------------------------------------------------------------------------------------------
// New-card order
// ---------------------------------------------------------------------------------------------

#[test]
fn the_first_sitting_opens_with_an_interview_question_and_mixes_the_kinds() {
    let sitting = first_sitting(&StudyFilter::default());
    assert_eq!(sitting.len(), 20);
    assert_eq!(
        kind(sitting[0]),
        KindFilter::Questions,
        "opens with a question"
    );
    let count = |k| sitting.iter().filter(|&&c| kind(c) == k).count();
    // In proportion to 68 questions, 48 one-liners, 19 guide items, 6 definitions of 141.
    assert_eq!(count(KindFilter::Questions), 9);
    assert_eq!(count(KindFilter::OneLiners), 7);
    assert_eq!(count(KindFilter::GuideItems), 3);
    assert_eq!(count(KindFilter::Definitions), 1);
    // Each kind in reading order, and every new card offered once over the first week.
    for k in KindFilter::ALL {
        let of_kind: Vec<usize> = sitting.iter().copied().filter(|&c| kind(c) == k).collect();
        assert!(
            of_kind.windows(2).all(|w| w[0] < w[1]),
            "{k:?} in reading order"
        );
    }
    let mut p = Progress::default();
    p.settings.new_cards_per_day = 500;
    let everything = review_queue(deck(), &p, &StudyFilter::default(), T0, day_of(T0), 1);
    assert_eq!(everything.len(), deck().cards.len());
    assert_eq!(
        everything.iter().collect::<BTreeSet<_>>().len(),
        deck().cards.len()
    );
    // No kind runs dry early: the last 20 still mix questions and one-liners.
    let tail = &everything[everything.len() - 20..];
    assert!(tail.iter().any(|&c| kind(c) == KindFilter::Questions));
    assert!(tail.iter().any(|&c| kind(c) == KindFilter::OneLiners));
}

#[test]
fn reading_order_is_the_content_order_and_random_differs_by_seed() {
    let reading = StudyFilter {
        new_order: NewCardOrder::Reading,
        ..StudyFilter::default()
    };
    assert_eq!(first_sitting(&reading), (0..20).collect::<Vec<_>>());
    assert!(
        first_sitting(&reading)
            .iter()
            .all(|&c| !matches!(deck().cards[c].kind, CardKind::Question { .. })),
        "the problem the mixed order solves: no question in the first 20 in reading order"
    );
    let random = StudyFilter {
        new_order: NewCardOrder::Random,
        ..StudyFilter::default()
    };
    let p = Progress::default();
    let a = review_queue(deck(), &p, &random, T0, day_of(T0), 1);
    let b = review_queue(deck(), &p, &random, T0, day_of(T0), 2);
    assert_ne!(a, b);
    for order in NewCardOrder::ALL {
        assert!(order.explanation().ends_with('.'), "one sentence");
    }
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

#[test]
fn undo_restores_the_schedule_and_the_log_exactly() {
    let s = scheduler();
    let mut p = Progress::default();
    let queue = first_sitting(&StudyFilter::default());
    let mut session = ReviewSession::new(queue[..3].to_vec());
    let (a, b) = (queue[0], queue[1]);

    grade(&mut session, &mut p, Grade::Good, T0);
    let before_b = (p.clone(), session.clone());
    // A mis-tap: Again instead of Good on b.
    session.reveal();
    assert_eq!(session.current(), Some(b));
    session
        .answer(deck(), &mut p, &s, Grade::Again, T0.plus_minutes(1))
        .unwrap();
    assert_ne!(p, before_b.0);

    assert!(session.can_undo());
    assert_eq!(session.undo(&mut p), Ok(b));
    assert_eq!(
        (&p.cards, &p.reviews),
        (&before_b.0.cards, &before_b.0.reviews),
        "schedule and log as before the grade"
    );
    assert_eq!(
        p.deletions.undone.len(),
        1,
        "the undo is recorded, so it reaches other tabs"
    );
    assert!(!p.cards.contains_key(&deck().cards[b].id), "b is new again");
    assert_eq!(session.current(), Some(b));
    assert!(
        session.is_revealed(),
        "back with its answer shown, to grade again"
    );
    let mut expected = before_b.1.clone();
    expected.reveal();
    assert_eq!(
        session, expected,
        "the queue as it was, a's learning step included"
    );

    // Undo twice goes back over a's grade too; a third has nothing left.
    assert_eq!(session.undo(&mut p), Ok(a));
    assert!(p.cards.is_empty() && p.reviews.is_empty());
    assert_eq!(p.deletions.undone.len(), 2);
    assert_eq!(session.undo(&mut p), Err(UndoError::NothingToUndo));

    // Re-grading after the undo counts once.
    grade(&mut session, &mut p, Grade::Good, T0.plus_minutes(2));
    assert_eq!(p.reviews.len(), 1);
}

#[test]
fn undo_survives_a_reload_and_refuses_to_rewrite_later_answers() {
    let mut p = Progress::default();
    let queue = first_sitting(&StudyFilter::default());
    let mut session = ReviewSession::new(queue[..2].to_vec());
    let before = p.clone();
    let card = grade(&mut session, &mut p, Grade::Hard, T0);

    // The page reloads: progress from storage, the sitting from its own saved copy.
    let mut p = reload(&p);
    let mut session: ReviewSession =
        serde_json::from_str(&serde_json::to_string(&session).unwrap()).unwrap();
    assert_eq!(session.undo(&mut p), Ok(card));
    let reloaded = reload(&p);
    assert_eq!(
        (&reloaded.cards, &reloaded.reviews),
        (&before.cards, &before.reviews)
    );
    assert_eq!(reloaded.deletions.undone.len(), 1);

    // An answer saved after this sitting's last one (another tab) cannot be undone from here.
    grade(&mut session, &mut p, Grade::Good, T0.plus_minutes(1));
    let other = &deck().cards[queue[5]].id;
    p.record_review(
        &scheduler(),
        other,
        Grade::Good,
        prep_engine::progress::StudyMode::Quiz,
        T0.plus_minutes(2),
    );
    let snapshot = p.clone();
    assert_eq!(session.undo(&mut p), Err(UndoError::Superseded));
    assert_eq!(p, snapshot, "nothing touched");
    assert!(session.can_undo(), "the sitting keeps its grade");
}

// ---------------------------------------------------------------------------------------------
// Counts and the bar
// ---------------------------------------------------------------------------------------------

#[test]
fn counts_say_new_learning_and_review_and_the_bar_foresees_the_steps() {
    let s = scheduler();
    let mut p = Progress::default();
    // Three cards reviewed ten days ago, now due; then today's sitting with 2 new cards.
    let queue = first_sitting(&StudyFilter::default());
    for (i, &card) in queue[..3].iter().enumerate() {
        let id = &deck().cards[card].id;
        p.record_review(
            &s,
            id,
            Grade::Easy,
            prep_engine::progress::StudyMode::Flashcard,
            T0.plus_days(-10).plus_minutes(i as i64),
        );
    }
    let now = T0;
    let mut session = ReviewSession::new(queue[..5].to_vec());
    assert_eq!(
        session.remaining(deck(), &p),
        SittingCounts {
            new: 2,
            learning: 0,
            review: 3
        }
    );
    assert_eq!(session.progress(deck(), &p, &s), (0, 3 + 2 * 2));

    // A review forgotten: it relearns, and comes back once.
    grade(&mut session, &mut p, Grade::Again, now);
    assert_eq!(
        session.remaining(deck(), &p),
        SittingCounts {
            new: 2,
            learning: 1,
            review: 2
        }
    );
    assert_eq!(session.progress(deck(), &p, &s), (1, 1 + 2 + 4 + 1));
    // The queue counts on the study page agree.
    let counts = queue_counts(
        deck(),
        &p,
        &StudyFilter::default(),
        now.plus_minutes(11),
        day_of(now),
    );
    assert_eq!(
        (counts.due, counts.learning, counts.review_due()),
        (3, 1, 2)
    );
}

// ---------------------------------------------------------------------------------------------
// Custom study
// ---------------------------------------------------------------------------------------------

#[test]
fn cramming_logs_every_answer_and_moves_no_schedule() {
    let s = scheduler();
    let mut p = Progress::default();
    let drf = StudyFilter {
        pool: Pool::Cram,
        ..StudyFilter::default().narrowed_to(&Scope::Kind(KindFilter::Definitions))
    };
    let queue = review_queue(deck(), &p, &drf, T0, day_of(T0), 3);
    assert_eq!(queue.len(), 6, "every definition, not limited per day");
    let mut session = ReviewSession::practice_only(queue);
    assert!(session.is_practice_only());
    grade(&mut session, &mut p, Grade::Again, T0);
    while session.current().is_some() {
        grade(&mut session, &mut p, Grade::Good, T0.plus_minutes(1));
    }
    assert_eq!(
        session.summary().answers,
        7,
        "the forgotten card came back once"
    );
    assert!(p.cards.is_empty(), "no schedule moved");
    assert_eq!(p.reviews.len(), 7);
    assert!(
        p.reviews
            .iter()
            .all(|r| r.observed_only && r.phase == Phase::New)
    );
    assert_eq!(
        p.new_cards_introduced_on(T0.plus_days(-1), T0.plus_days(1)),
        0
    );
    assert_eq!(session.progress(deck(), &p, &s), (7, 7));
}

#[test]
fn learning_more_raises_todays_allowance_for_one_sitting() {
    let mut p = Progress::default();
    p.settings.new_cards_per_day = 0;
    let filter = StudyFilter::default();
    assert!(review_queue(deck(), &p, &filter, T0, day_of(T0), 1).is_empty());
    let more = review_queue_learning_more(deck(), &p, &filter, T0, day_of(T0), 1, 10);
    assert_eq!(more.len(), 10);
    assert_eq!(kind(more[0]), KindFilter::Questions);
}

// ---------------------------------------------------------------------------------------------
// The sitting a URL asks for
// ---------------------------------------------------------------------------------------------

fn parse(query: &str) -> SittingRequest {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    SittingRequest::from_query(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
}

#[test]
fn sitting_requests_round_trip_through_the_url_and_ignore_junk() {
    let requests = [
        SittingRequest::default(),
        SittingRequest {
            scope: Some(Scope::Section("django-rest-framework-drf".into())),
            pool: Some(Pool::New),
            extra_new: 10,
        },
        SittingRequest {
            scope: Some(Scope::Kind(KindFilter::OneLiners)),
            ..SittingRequest::default()
        },
        SittingRequest {
            scope: Some(Scope::Cards(vec!["a-b".into(), "c".into()])),
            pool: Some(Pool::Cram),
            extra_new: 0,
        },
    ];
    for request in requests {
        assert_eq!(
            parse(&request.to_query()),
            request,
            "{}",
            request.to_query()
        );
    }
    assert_eq!(SittingRequest::default().to_query(), "");
    let junk = parse("?kind=poems&pool=all&more=-3&cards=");
    assert_eq!(junk.scope, Some(Scope::Cards(vec![])));
    assert_eq!((junk.pool, junk.extra_new), (None, 0));
    assert_eq!(
        parse("?more=99999").extra_new,
        prep_engine::study::MAX_EXTRA_NEW
    );
}

#[test]
fn a_section_request_studies_that_section_without_touching_the_saved_choice() {
    let saved = StudyFilter {
        kinds: BTreeSet::from([KindFilter::Definitions]),
        ..StudyFilter::default()
    };
    let drf = &deck().sections[deck()
        .cards
        .iter()
        .find(|c| c.prompt.contains("DRF"))
        .unwrap()
        .section];
    let request = SittingRequest {
        scope: Some(Scope::Section(drf.id.clone())),
        ..SittingRequest::default()
    };
    let filter = request.filter(&saved);
    let cards = filter.cards(deck());
    assert!(!cards.is_empty());
    assert!(
        cards
            .iter()
            .all(|&c| deck().sections[deck().cards[c].section].id == drf.id)
    );
    assert_eq!(saved.kinds.len(), 1, "saved choice unchanged");
    let only = SittingRequest {
        scope: Some(Scope::Cards(vec![deck().cards[4].id.clone()])),
        ..SittingRequest::default()
    };
    assert_eq!(only.filter(&saved).cards(deck()), vec![4]);
}

// ---------------------------------------------------------------------------------------------
// After a sitting
// ---------------------------------------------------------------------------------------------

#[test]
fn after_the_days_new_cards_the_next_steps_have_no_dead_end() {
    let mut p = Progress::default();
    let filter = StudyFilter::default();
    let queue = first_sitting(&filter);
    let mut session = ReviewSession::new(queue.clone());
    let mut now = T0;
    let mut first = true;
    while session.current().is_some() {
        now = now.plus_minutes(1);
        // One card forgotten once: weak.
        let g = if first { Grade::Again } else { Grade::Good };
        first = false;
        grade(&mut session, &mut p, g, now);
    }
    now = now.plus_minutes(1);
    let seen = session.summary().seen;
    assert_eq!(seen.len(), 20);
    let steps = next_steps(deck(), &p, &filter, &seen, now, day_of(T0));
    let request = |step: &NextStep| step.request(deck());

    // Today's 20 are used: learn 10 more, then weak ones, the same cards in another mode, a
    // section not started, and cramming.
    assert!(
        matches!(
            steps[0],
            NextStep::LearnMore {
                count: LEARN_MORE_STEP
            }
        ),
        "{steps:?}"
    );
    let more = review_queue_learning_more(
        deck(),
        &p,
        &request(&steps[0]).filter(&filter),
        now,
        day_of(T0),
        1,
        request(&steps[0]).extra_new,
    );
    assert_eq!(more.len(), 10);
    assert!(
        more.iter()
            .all(|&c| p.schedule(&deck().cards[c].id).is_new())
    );
    assert!(
        steps
            .iter()
            .any(|s| matches!(s, NextStep::ReviewWeak { count } if *count >= 1))
    );
    let same = steps
        .iter()
        .find(|s| matches!(s, NextStep::SameCardsOtherMode { .. }))
        .unwrap();
    assert_eq!(
        request(same)
            .filter(&filter)
            .cards(deck())
            .into_iter()
            .collect::<BTreeSet<_>>(),
        seen.iter().copied().collect()
    );
    let NextStep::StartSection { section, new } = steps
        .iter()
        .find(|s| matches!(s, NextStep::StartSection { .. }))
        .unwrap()
        .clone()
    else {
        unreachable!()
    };
    assert!(
        deck()
            .cards_in_section(section)
            .all(|(c, _)| !seen.contains(&c))
    );
    let start = request(&NextStep::StartSection { section, new });
    let section_sitting = review_queue_learning_more(
        deck(),
        &p,
        &start.filter(&filter),
        now,
        day_of(T0),
        1,
        start.extra_new,
    );
    assert_eq!(
        section_sitting.len(),
        new.min(LEARN_MORE_STEP),
        "not empty though today's limit is spent"
    );
    assert!(matches!(steps.last(), Some(NextStep::Cram { count: 141 })));

    // An hour later nothing is due... and once the learning cards come due, "keep going" leads.
    let tomorrow = day_of(T0).end.plus_hours(1);
    let steps = next_steps(deck(), &p, &filter, &[], tomorrow, day_of(tomorrow));
    assert!(
        matches!(steps[0], NextStep::ReviewNow { new: 20, .. }),
        "{steps:?}"
    );
}

#[test]
fn custom_study_offers_more_new_cards_weak_cards_and_cramming_at_any_time() {
    let fresh = Progress::default();
    let filter = StudyFilter::default();
    let options = custom_study(deck(), &fresh, &filter, T0, day_of(T0));
    assert_eq!(
        options,
        vec![
            NextStep::LearnMore {
                count: LEARN_MORE_STEP
            },
            NextStep::Cram { count: 141 }
        ],
        "nothing weak yet"
    );
    // Learning more on top of a fresh day: today's 20 plus 10.
    let more = options[0].request(deck());
    let queue = review_queue_learning_more(
        deck(),
        &fresh,
        &more.filter(&filter),
        T0,
        day_of(T0),
        1,
        more.extra_new,
    );
    assert_eq!(queue.len(), 30);
    // A forgotten card makes the weak option appear.
    let mut p = Progress::default();
    let mut session = ReviewSession::new(vec![0]);
    grade(&mut session, &mut p, Grade::Again, T0);
    let options = custom_study(deck(), &p, &filter, T0, day_of(T0));
    assert!(
        options.contains(&NextStep::ReviewWeak { count: 1 }),
        "{options:?}"
    );
}
