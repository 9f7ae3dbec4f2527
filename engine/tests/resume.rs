//! Sittings that outlive the page: a practice round or mock interview saved mid-way (packed, as
//! the app keeps it) and read back goes on exactly where it stopped; mock notes reach the
//! report; a finished interview joins the history once.

use prep_engine::packed;
use prep_engine::progress::{MockRecord, Progress};
use prep_engine::study::{MockConfig, MockInterview, MockOutcome, PracticeRound, mock_questions};
use prep_engine::time::Timestamp;

mod common;
use common::{compiled, deck};

const T0: Timestamp = Timestamp(1_767_600_000_000);

/// Saved and read back as the app keeps a sitting in `sessionStorage` (`packed`).
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let text = packed::pack(value).expect("packs");
    packed::unpack(&text).expect("reads back")
}

#[test]
fn a_quiz_round_saved_mid_way_goes_on_where_it_stopped() {
    let deck = compiled().deck();
    let bank = compiled();
    let cards: Vec<usize> = (0..deck.cards.len()).collect();
    let questions = bank.choice_quiz(&cards, 4, 7);
    assert_eq!(questions.len(), 4);
    let mut round = PracticeRound::new(questions.clone());
    // One right, one wrong (a retry joins the queue), and the third answered but not left.
    round.answer(questions[0].correct, true, Clone::clone);
    round.next();
    let wrong = (questions[1].correct + 1) % questions[1].options.len();
    round.answer(wrong, false, Clone::clone);
    round.next();
    round.answer(questions[2].correct, true, Clone::clone);

    let mut restored = round_trip(&round);
    assert_eq!(restored, round);
    assert_eq!(restored.progress(), (3, 5), "the retry is still queued");
    assert_eq!(restored.turn(), 2);
    assert_eq!(
        restored.current_answer().map(|a| a.response),
        Some(questions[2].correct),
        "the answer on screen is still shown"
    );
    restored.next();
    assert_eq!(restored.current(), Some(&questions[3]));
    assert_eq!(restored.missed(), vec![&questions[1]]);
}

#[test]
fn the_text_typed_for_an_item_is_kept_until_it_is_answered() {
    let mut round: PracticeRound<usize, String> = PracticeRound::new(vec![4, 9]);
    round.set_draft("select_rel".into());
    let restored = round_trip(&round);
    assert_eq!(restored.draft(), "select_rel");
    round.answer("select_related".into(), true, |card| *card);
    assert_eq!(round.draft(), "", "the answer holds it now");
    round.set_draft("ignored".into());
    assert_eq!(
        round.draft(),
        "",
        "nothing to type into while the verdict shows"
    );
    round.next();
    round.set_draft("prefetch".into());
    assert_eq!(round.draft(), "prefetch");
    // Saved before drafts existed: no draft.
    let old = r#"{"queue":[{"item":4,"attempt":0}],"answers":[],"answered":false,"firsts":1}"#;
    let old: PracticeRound<usize, String> = serde_json::from_str(old).expect("reads");
    assert_eq!(old.draft(), "");
    assert_eq!(old.marks(), None);
}

#[test]
fn a_checked_answer_and_its_ticks_survive_a_reload_until_graded() {
    let mut round: PracticeRound<usize, u8> = PracticeRound::new(vec![4, 9]);
    round.set_draft("it caches querysets".into());
    assert_eq!(round.marks(), None);
    round.check(3);
    round.set_mark(1, true);
    round.set_mark(7, true); // out of range: ignored
    round.set_draft("changed after the check".into());
    let mut restored = round_trip(&round);
    assert_eq!(restored.marks(), Some(&[false, true, false][..]));
    assert_eq!(
        restored.draft(),
        "it caches querysets",
        "final once checked"
    );
    restored.check(5);
    assert_eq!(restored.marks().map(<[bool]>::len), Some(3), "checked once");
    restored.answer(2, true, |card| *card);
    assert_eq!(restored.marks(), None, "the answer holds what counted");
    restored.next();
    restored.set_mark(0, true);
    assert_eq!(
        restored.marks(),
        None,
        "nothing to mark before the next check"
    );
}

#[test]
fn a_tampered_round_never_panics() {
    // `answered` claims an answer that the list lacks, and the queue is empty.
    let json = r#"{"queue":[],"answers":[],"answered":true,"firsts":3}"#;
    let round: PracticeRound<usize, usize> = serde_json::from_str(json).expect("well-formed");
    assert_eq!(round.turn(), 0);
    assert_eq!(round.progress(), (0, 0));
    assert!(round.is_finished());
    // The wrong shape is an error, never a panic.
    assert!(serde_json::from_str::<PracticeRound<usize, usize>>(r#"{"queue":7}"#).is_err());
}

fn five_questions() -> Vec<usize> {
    mock_questions(
        deck(),
        &MockConfig {
            question_count: 5,
            ..MockConfig::default()
        },
        3,
    )
}

#[test]
fn a_timed_interview_saved_mid_question_keeps_its_deadline_and_notes() {
    let questions = five_questions();
    let mut mock = MockInterview::new(questions.clone(), Some(60), T0);
    mock.set_notes("ORM maps tables".into());
    mock.reveal(T0.plus_millis(20_000));
    mock.judge(MockOutcome::Partial, T0.plus_millis(25_000));
    mock.set_notes("half-typed".into());

    let mut restored = round_trip(&mock);
    assert_eq!(restored, mock);
    assert_eq!(restored.notes(), "half-typed");
    assert_eq!(restored.answers[0].notes, "ORM maps tables");
    // The second question began at 25 s: 60 s later its time is up, however long the
    // page was away.
    assert_eq!(restored.remaining_ms(T0.plus_millis(55_000)), Some(30_000));
    assert!(restored.check_timer(T0.plus_millis(200_000)));
    assert!(restored.answers.len() == 1 && restored.is_revealed());
    restored.judge(MockOutcome::Missed, T0.plus_millis(200_000));
    assert!(restored.answers[1].timed_out);
    assert_eq!(restored.answers[1].elapsed_ms, 60_000);
    assert_eq!(restored.answers[1].notes, "half-typed");
    assert_eq!(
        restored.notes(),
        "",
        "the next question starts with no notes"
    );
}

#[test]
fn notes_reach_the_report_beside_their_question_and_partly_is_not_a_miss() {
    let questions = five_questions();
    let mut mock = MockInterview::new(questions.clone(), None, T0);
    let plan = [
        (MockOutcome::Nailed, "select_related joins"),
        (MockOutcome::Partial, "something about caching"),
        (MockOutcome::Missed, ""),
        (MockOutcome::Missed, "   "),
        (MockOutcome::Nailed, ""),
    ];
    let mut now = T0;
    for (outcome, notes) in plan {
        mock.set_notes(notes.into());
        now = now.plus_millis(10_000);
        mock.reveal(now);
        mock.judge(outcome, now);
    }
    // Notes typed after the end are ignored.
    mock.set_notes("late".into());
    let report = mock.report(now);
    assert_eq!(report.nailed_cards, vec![questions[0], questions[4]]);
    assert_eq!(report.partly, vec![questions[1]]);
    assert_eq!(report.misses, vec![questions[2], questions[3]]);
    assert_eq!(report.notes.len(), 2, "blank notes are left out");
    assert_eq!(report.notes[&questions[0]], "select_related joins");
    assert_eq!(report.notes[&questions[1]], "something about caching");
}

#[test]
fn a_finished_interview_joins_the_history_once() {
    let questions = five_questions();
    let mut mock = MockInterview::new(questions.clone(), None, T0);
    let mut now = T0;
    for outcome in [
        MockOutcome::Nailed,
        MockOutcome::Nailed,
        MockOutcome::Partial,
        MockOutcome::Missed,
    ] {
        now = now.plus_millis(10_000);
        mock.reveal(now);
        mock.judge(outcome, now);
        assert_eq!(mock.record(), None, "no record before the end");
    }
    mock.reveal(now.plus_millis(5_000));
    mock.judge(MockOutcome::Missed, now.plus_millis(9_000));
    let record = mock.record().expect("finished");
    assert_eq!(
        record,
        MockRecord {
            at: now.plus_millis(9_000),
            questions: 5,
            nailed: 2,
            partly: 1,
            missed: 2,
            score: 50,
        }
    );

    let mut progress = Progress::default();
    assert!(progress.record_mock(record.clone()));
    // The same interview again, as after a reload of its report: still one entry.
    let restored = round_trip(&mock);
    assert!(!progress.record_mock(restored.record().expect("still finished")));
    assert_eq!(progress.mocks, vec![record.clone()]);

    // Saved with short names, read back; progress saved before the history existed reads
    // as an empty one.
    let json = serde_json::to_value(&progress).expect("serialises");
    assert_eq!(
        json["mocks"][0],
        serde_json::json!({"at": record.at.0, "n": 5, "nailed": 2, "partly": 1, "missed": 2, "score": 50})
    );
    assert_eq!(round_trip(&progress), progress);
    let old: Progress = serde_json::from_str(r#"{"cards":{},"reviews":[]}"#).expect("old data");
    assert!(old.mocks.is_empty());
    assert!(
        !serde_json::to_string(&old).unwrap().contains("mocks"),
        "no history, no field: older apps read it as before"
    );

    let empty = MockInterview::new(Vec::new(), None, T0);
    assert_eq!(
        empty.record(),
        None,
        "an interview with no questions is not history"
    );
}
