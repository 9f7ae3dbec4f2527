//! Every answer counts, with its weight: recall grades reschedule, missed recognitions are
//! lapses, right recognitions are logged only; leeches; practice rounds bring misses back.

use prep_engine::content::CardId;
use prep_engine::progress::{Evidence, Progress, StudyMode};
use prep_engine::scheduler::{Grade, Phase, Scheduler};
use prep_engine::study::{
    LEECH_LAPSES, MAX_RETRIES, MockOutcome, PracticeRound, is_leech, leeches,
};
use prep_engine::time::Timestamp;

mod common;
use common::deck;

fn t0() -> Timestamp {
    Timestamp(1_767_604_643_456)
}

#[test]
fn a_right_pick_is_logged_but_never_moves_the_card() {
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    // A new card: stays new, and does not use up a new-card slot for the day.
    let after = progress.record_answer(
        &scheduler,
        &CardId::from("card"),
        Evidence::Recognised,
        StudyMode::Quiz,
        t0(),
    );
    assert!(after.is_new());
    assert!(!progress.cards.contains_key("card"));
    assert_eq!(progress.reviews.len(), 1);
    assert!(progress.reviews[0].observed_only);
    assert_eq!(
        progress.new_cards_introduced_on(t0().plus_days(-1), t0().plus_days(1)),
        0
    );

    // A reviewed card: its due date and memory stay exactly as they were.
    progress.record_review(
        &scheduler,
        &CardId::from("card"),
        Grade::Good,
        StudyMode::Flashcard,
        t0(),
    );
    let before = progress.schedule(&CardId::from("card"));
    let later = t0().plus_minutes(5);
    let after = progress.record_answer(
        &scheduler,
        &CardId::from("card"),
        Evidence::Recognised,
        StudyMode::Drill,
        later,
    );
    assert_eq!(after, before);
    assert_eq!(progress.schedule(&CardId::from("card")), before);
    assert_eq!(progress.reviews.len(), 3);
}

#[test]
fn a_wrong_pick_is_a_lapse() {
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    let mut now = t0();
    // Graduate the card to review first.
    for _ in 0..3 {
        progress.record_review(
            &scheduler,
            &CardId::from("card"),
            Grade::Good,
            StudyMode::Flashcard,
            now,
        );
        now = progress.schedule(&CardId::from("card")).due;
    }
    assert_eq!(
        progress.schedule(&CardId::from("card")).phase,
        Phase::Review
    );
    let after = progress.record_answer(
        &scheduler,
        &CardId::from("card"),
        Evidence::NotRecognised,
        StudyMode::Quiz,
        now,
    );
    assert_eq!(after.lapses, 1);
    assert!(matches!(after.phase, Phase::Relearning { .. }));
    let record = progress.reviews.last().unwrap();
    assert_eq!(record.grade, Grade::Again);
    assert!(!record.observed_only);

    // A card never studied, missed in practice, stays new (issue 27): a miss is not a lapse of
    // something never learnt, and practice does not introduce cards past the day's limit. The
    // answer is logged, as Again, without touching a schedule.
    for mode in [StudyMode::Quiz, StudyMode::Drill, StudyMode::FillIn] {
        let missed = progress.record_answer(
            &scheduler,
            &CardId::from("fresh"),
            Evidence::NotRecognised,
            mode,
            now,
        );
        assert!(missed.is_new(), "{mode:?}");
        assert!(!progress.cards.contains_key("fresh"));
        let record = progress.reviews.last().unwrap();
        assert_eq!((record.grade, record.observed_only), (Grade::Again, true));
    }
    let typed = progress.record_answer(
        &scheduler,
        &CardId::from("fresh"),
        Evidence::Recall(Grade::Good),
        StudyMode::FillIn,
        now,
    );
    assert!(
        typed.is_new(),
        "a right fill-in does not introduce it either"
    );
    // Learning it does: a flashcard, a typed recall or a mock answer.
    let learnt = progress.record_answer(
        &scheduler,
        &CardId::from("fresh"),
        Evidence::Recall(Grade::Again),
        StudyMode::TypedRecall,
        now,
    );
    assert!(matches!(learnt.phase, Phase::Learning { .. }));
    assert_eq!(learnt.lapses, 0);
}

#[test]
fn recall_evidence_is_the_grade() {
    let scheduler = Scheduler::default();
    let mut by_evidence = Progress::default();
    let mut by_review = Progress::default();
    for progress in [&mut by_evidence, &mut by_review] {
        progress.record_review(
            &scheduler,
            &CardId::from("c"),
            Grade::Good,
            StudyMode::Flashcard,
            t0(),
        );
    }
    let at = t0().plus_minutes(10);
    by_evidence.record_answer(
        &scheduler,
        &CardId::from("c"),
        Evidence::Recall(Grade::Hard),
        StudyMode::FillIn,
        at,
    );
    by_review.record_review(
        &scheduler,
        &CardId::from("c"),
        Grade::Hard,
        StudyMode::FillIn,
        at,
    );
    assert_eq!(by_evidence, by_review);
}

#[test]
fn mock_judgements_are_recall_grades_never_easy() {
    assert_eq!(
        MockOutcome::Nailed.evidence(),
        Evidence::Recall(Grade::Good)
    );
    assert_eq!(
        MockOutcome::Partial.evidence(),
        Evidence::Recall(Grade::Hard)
    );
    assert_eq!(
        MockOutcome::Missed.evidence(),
        Evidence::Recall(Grade::Again)
    );
}

#[test]
fn a_card_with_eight_lapses_is_a_leech() {
    let deck = deck();
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    let id = &deck.cards[3].id.to_owned();
    let mut now = t0();
    let mut lapses = 0;
    while lapses < LEECH_LAPSES {
        // Relearn to review, then forget it again.
        while progress.schedule(id).phase != Phase::Review {
            progress.record_review(&scheduler, id, Grade::Good, StudyMode::Flashcard, now);
            now = progress.schedule(id).due.max(now.plus_minutes(1));
        }
        assert!(!is_leech(&progress.schedule(id)));
        assert!(leeches(deck, &progress).is_empty());
        progress.record_answer(
            &scheduler,
            id,
            Evidence::NotRecognised,
            StudyMode::Quiz,
            now,
        );
        lapses += 1;
        assert_eq!(progress.schedule(id).lapses, lapses);
    }
    assert!(is_leech(&progress.schedule(id)));
    assert_eq!(leeches(deck, &progress), [3]);
}

#[test]
fn a_missed_item_comes_back_before_the_round_ends() {
    let mut round: PracticeRound<&str, usize> = PracticeRound::new(vec!["a", "b"]);
    assert_eq!(round.progress(), (0, 2));
    assert_eq!(round.current(), Some(&"a"));
    assert_eq!(round.unanswered(), Some(&"a"));
    assert_eq!(round.turn(), 0);
    round.answer(2, false, |item| item);
    assert_eq!(round.unanswered(), None, "answered, waiting for next");
    assert_eq!(round.turn(), 0, "the same turn until next");
    // Answering twice does nothing.
    round.answer(1, true, |item| item);
    assert_eq!(round.current_answer().map(|a| a.correct), Some(false));
    assert_eq!(round.progress(), (1, 3), "the retry is counted at once");
    round.next();
    assert_eq!(round.turn(), 1);
    assert_eq!(round.current(), Some(&"b"));
    assert!(!round.is_retry());
    round.answer(0, true, |item| item);
    round.next();
    assert_eq!(round.current(), Some(&"a"));
    assert!(round.is_retry());
    round.answer(1, true, |item| item);
    round.next();
    assert!(round.is_finished());
    assert_eq!(round.first_try_score(), (1, 2));
    assert_eq!(round.missed(), [&"a"]);
    assert_eq!(round.answers().len(), 3);
}

#[test]
fn a_round_always_ends() {
    let mut round: PracticeRound<u32, ()> = PracticeRound::new(vec![1]);
    let mut answers = 0;
    while !round.is_finished() {
        round.answer((), false, |item| item + 10);
        round.next();
        answers += 1;
        assert!(answers <= 10);
    }
    assert_eq!(answers, 1 + usize::from(MAX_RETRIES));
    let asked: Vec<u32> = round.answers().iter().map(|a| a.item).collect();
    assert_eq!(asked, [1, 11, 21], "each retry is the one the caller made");
}

#[test]
fn a_round_says_how_many_misses_wait_to_be_tried_again() {
    use prep_engine::study::PracticeRound;
    let mut round: PracticeRound<u32, bool> = PracticeRound::new(vec![1, 2, 3]);
    assert_eq!(round.retries_waiting(), 0);
    round.answer(false, false, |&item| item + 100);
    assert_eq!(round.retries_waiting(), 1, "item 1 comes back as 101");
    assert_eq!(round.progress(), (1, 4), "the total grew by the retry");
    round.next();
    round.answer(false, false, |&item| item + 100);
    round.next();
    assert_eq!(round.retries_waiting(), 2);
    round.answer(true, true, |&item| item);
    round.next();
    // 101 is on screen now: it is being tried, not waiting.
    assert_eq!(round.current(), Some(&101));
    assert!(round.is_retry());
    assert_eq!(round.retries_waiting(), 1);
    round.answer(true, true, |&item| item);
    round.next();
    round.answer(true, true, |&item| item);
    round.next();
    assert!(round.is_finished());
    assert_eq!(round.retries_waiting(), 0);
}
