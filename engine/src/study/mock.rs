use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::content::{Card, CardKind, Deck};
use crate::progress::{Evidence, MockRecord};
use crate::rng::Rng;
use crate::scheduler::Grade;
use crate::time::Timestamp;

/// How a mock interview is set up. Serialisable so the app can keep the learner's choices
/// while they come and go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MockConfig {
    pub question_count: usize,
    /// Section ids to draw questions from; empty means all question sections.
    pub sections: BTreeSet<String>,
    /// Seconds allowed per question; `None` for no timer.
    pub seconds_per_question: Option<u32>,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            question_count: 10,
            sections: BTreeSet::new(),
            seconds_per_question: None,
        }
    }
}

/// What a mock interview asks: interview questions (not definitions, one-liners or guide items).
fn is_mock_question(card: &Card) -> bool {
    matches!(card.kind, CardKind::Question { .. })
}

/// The sections a mock interview can draw from (those holding an interview question), as
/// indices into `deck.sections`, in deck order.
pub fn mock_sections(deck: &Deck) -> Vec<usize> {
    (0..deck.sections.len())
        .filter(|&section| {
            deck.cards_in_section(section)
                .any(|(_, card)| is_mock_question(card))
        })
        .collect()
}

/// `question_count` distinct interview questions from the chosen sections, in a seeded random
/// order (fewer if the sections hold fewer).
pub fn mock_questions(deck: &Deck, config: &MockConfig, seed: u64) -> Vec<usize> {
    let mut questions: Vec<usize> = deck
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| is_mock_question(c))
        .filter(|(_, c)| {
            config.sections.is_empty() || config.sections.contains(&deck.sections[c.section].id)
        })
        .map(|(i, _)| i)
        .collect();
    Rng::new(seed).shuffle(&mut questions);
    questions.truncate(config.question_count);
    questions
}

/// How the person judged their answer against the model answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MockOutcome {
    Nailed,
    Partial,
    Missed,
}

impl MockOutcome {
    /// What the learner's own judgement of a spoken answer is worth to the schedule: the
    /// answer came from memory, as in a flashcard review, so it is a recall grade. "Nailed"
    /// is Good rather than Easy: under interview pressure a learner over-rates a fluent answer.
    pub const fn evidence(self) -> Evidence {
        match self {
            MockOutcome::Nailed => Evidence::Recall(Grade::Good),
            MockOutcome::Partial => Evidence::Recall(Grade::Hard),
            MockOutcome::Missed => Evidence::Recall(Grade::Again),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockAnswer {
    pub card: usize,
    pub outcome: MockOutcome,
    pub elapsed_ms: i64,
    /// The timer ran out before the person revealed the answer.
    pub timed_out: bool,
    /// What the person wrote while answering: the report shows it beside the question, so
    /// they can compare what they said with the model answer afterwards.
    #[serde(default)]
    pub notes: String,
}

/// Who showed a question's model answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RevealedBy {
    Learner,
    Timer,
}

/// A mock interview in progress: the questions, the answers so far, and when each began.
/// Serialisable with absolute timestamps, so an interview restored after a reload keeps its
/// timer's deadline (time away counts, as it would in a real interview).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockInterview {
    pub questions: Vec<usize>,
    pub answers: Vec<MockAnswer>,
    pub seconds_per_question: Option<u32>,
    started_at: Timestamp,
    question_started_at: Timestamp,
    /// Set when the answer is revealed, by the person or by the timer.
    revealed_at: Option<(Timestamp, bool)>,
    finished_at: Option<Timestamp>,
    /// Notes typed so far for the current question; they move to its answer when judged.
    #[serde(default)]
    notes: String,
    /// Questions planned when the interview was ended before its last one.
    #[serde(default)]
    planned: Option<usize>,
}

/// The end-of-interview report.
#[derive(Debug, Clone, PartialEq)]
pub struct MockReport {
    pub total: usize,
    pub nailed: usize,
    pub partial: usize,
    /// Questions judged "Missed it", in interview order.
    pub misses: Vec<usize>,
    /// Questions judged "Partly", in interview order: worth a look, but not misses.
    pub partly: Vec<usize>,
    /// Questions judged "Nailed it", in interview order.
    pub nailed_cards: Vec<usize>,
    /// The notes written for each question that has any (card → text).
    pub notes: BTreeMap<usize, String>,
    pub total_ms: i64,
    /// Score out of 100: nailed counts 1, partial one half.
    pub score_percent: u32,
}

impl MockInterview {
    pub fn new(questions: Vec<usize>, seconds_per_question: Option<u32>, now: Timestamp) -> Self {
        MockInterview {
            questions,
            answers: Vec::new(),
            seconds_per_question,
            started_at: now,
            question_started_at: now,
            revealed_at: None,
            finished_at: None,
            notes: String::new(),
            planned: None,
        }
    }

    /// Ends the interview now, before its last question: the questions judged so far make the
    /// report (and the history entry); the open question is dropped unjudged, so nothing is
    /// recorded for it. Ending before any judgement leaves an empty report and no history.
    pub fn end_early(&mut self, now: Timestamp) {
        if self.is_finished() {
            return;
        }
        self.planned = Some(self.questions.len());
        self.questions.truncate(self.answers.len());
        self.revealed_at = None;
        self.notes.clear();
        self.finished_at = Some(now);
    }

    /// The questions planned, if the interview was ended early (the report says "3 of 8").
    pub fn planned_if_ended_early(&self) -> Option<usize> {
        self.planned
    }

    /// The notes typed so far for the current question.
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// Replaces the current question's notes (ignored once the interview is over).
    pub fn set_notes(&mut self, notes: String) {
        if !self.is_finished() {
            self.notes = notes;
        }
    }

    /// The history entry for a finished interview (`None` before the end, or for an
    /// interview with no questions). Its time is when the last question was judged, which
    /// never changes afterwards, so recording it twice can be recognised (see
    /// [`crate::progress::Progress::record_mock`]).
    pub fn record(&self) -> Option<MockRecord> {
        let at = self.finished_at.filter(|_| !self.answers.is_empty())?;
        let report = self.report(at);
        Some(MockRecord {
            at,
            questions: report.total as u32,
            nailed: report.nailed as u32,
            partly: report.partial as u32,
            missed: report.misses.len() as u32,
            score: report.score_percent,
        })
    }

    pub fn current(&self) -> Option<usize> {
        self.questions.get(self.answers.len()).copied()
    }

    pub fn position(&self) -> (usize, usize) {
        (self.answers.len(), self.questions.len())
    }

    pub fn is_revealed(&self) -> bool {
        self.revealed_at.is_some()
    }

    pub fn is_finished(&self) -> bool {
        self.current().is_none()
    }

    /// Milliseconds left on the current question's timer, if there is one (never negative).
    pub fn remaining_ms(&self, now: Timestamp) -> Option<i64> {
        let limit = i64::from(self.seconds_per_question?) * 1000;
        let end = self.revealed_at.map_or(now, |(at, _)| at);
        Some((limit - end.millis_since(self.question_started_at)).max(0))
    }

    /// Shows the model answer, as the learner asks. Once the time is up, the answer counts as
    /// revealed by the timer when the time ran out, however late the call comes (a throttled
    /// background tab, or a click before the timer's tick).
    pub fn reveal(&mut self, now: Timestamp) {
        self.reveal_by(now, RevealedBy::Learner);
    }

    fn reveal_by(&mut self, now: Timestamp, by: RevealedBy) {
        if self.revealed_at.is_none() && self.current().is_some() {
            let deadline = self
                .seconds_per_question
                .map(|s| self.question_started_at.plus_millis(i64::from(s) * 1000));
            self.revealed_at = Some(match deadline {
                Some(deadline) if deadline <= now => (deadline, true),
                _ => (now, by == RevealedBy::Timer),
            });
        }
    }

    /// Reveals the answer if the timer has run out; returns whether it did.
    pub fn check_timer(&mut self, now: Timestamp) -> bool {
        if !self.is_revealed() && self.current().is_some() && self.remaining_ms(now) == Some(0) {
            self.reveal_by(now, RevealedBy::Timer);
            return true;
        }
        false
    }

    /// Records the person's judgement of the current (revealed) question and moves on.
    pub fn judge(&mut self, outcome: MockOutcome, now: Timestamp) {
        let (Some(card), Some((revealed, timed_out))) = (self.current(), self.revealed_at) else {
            return;
        };
        self.answers.push(MockAnswer {
            card,
            outcome,
            elapsed_ms: revealed.millis_since(self.question_started_at),
            timed_out,
            notes: std::mem::take(&mut self.notes),
        });
        self.revealed_at = None;
        self.question_started_at = now;
        if self.is_finished() {
            self.finished_at = Some(now);
        }
    }

    /// The cards given this outcome, in interview order.
    fn cards_judged(&self, outcome: MockOutcome) -> Vec<usize> {
        self.answers
            .iter()
            .filter(|a| a.outcome == outcome)
            .map(|a| a.card)
            .collect()
    }

    /// The report; `now` only matters if the interview is cut short before the last question.
    pub fn report(&self, now: Timestamp) -> MockReport {
        let count = |o: MockOutcome| self.answers.iter().filter(|a| a.outcome == o).count();
        let (nailed, partial) = (count(MockOutcome::Nailed), count(MockOutcome::Partial));
        let total = self.answers.len();
        let score_percent = if total == 0 {
            0
        } else {
            ((nailed * 2 + partial) * 100 / (total * 2)) as u32
        };
        MockReport {
            total,
            nailed,
            partial,
            misses: self.cards_judged(MockOutcome::Missed),
            partly: self.cards_judged(MockOutcome::Partial),
            nailed_cards: self.cards_judged(MockOutcome::Nailed),
            notes: crate::order::map_of(
                self.answers
                    .iter()
                    .filter(|a| !a.notes.trim().is_empty())
                    .map(|a| (a.card, a.notes.clone())),
            ),
            total_ms: self
                .finished_at
                .unwrap_or(now)
                .millis_since(self.started_at),
            score_percent,
        }
    }
}
