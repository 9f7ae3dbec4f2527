use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::content::Deck;
use crate::progress::{Evidence, Progress, StudyMode, UndoError, UndoPoint};
use crate::scheduler::{CardSchedule, Grade, Phase, Scheduler};
use crate::time::Timestamp;

/// A card graded into a learning step that comes due within this window comes back in the same
/// sitting (Anki's "learn ahead" limit), so Again on a new card means seeing it again soon.
pub const LEARN_AHEAD_MS: i64 = 20 * 60 * 1000;

/// One flashcard sitting: the queue, whether the current answer is shown, and what was graded,
/// with what it takes to undo each grade. Plain data (serialisable, so a sitting survives a
/// reload): the app keeps it in a signal and calls these methods from events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReviewSession {
    queue: VecDeque<usize>,
    revealed: bool,
    graded: Vec<GradedTurn>,
    /// Custom study "cram": grades are logged but move no schedule, and only Again brings a
    /// card back.
    practice_only: bool,
}

/// One grade given in the sitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct GradedTurn {
    card: usize,
    grade: Grade,
    /// Whether the card went back to the end of the queue (a learning step due soon).
    requeued: bool,
    undo: UndoPoint,
}

/// The end-of-session numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionSummary {
    /// Answers given, including repeats of learning cards.
    pub answers: usize,
    /// Distinct cards seen.
    pub cards: usize,
    /// Count per grade, indexed by [`Grade::index`].
    pub by_grade: [usize; 4],
    /// Distinct cards graded Again at least once this session, in the order first forgotten:
    /// the ones to look at again. (Again always brings a card back within the session, so by
    /// the end its last grade is a pass; "last grade Again" would leave this empty.)
    pub forgotten: Vec<usize>,
    /// Distinct cards seen, in the order first seen: what "another mode on the same cards"
    /// studies.
    pub seen: Vec<usize>,
}

/// What is left in a sitting, by where each card is, as Anki's New / Learn / Review counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SittingCounts {
    /// Cards never seen.
    pub new: usize,
    /// Cards in a learning or relearning step: they come back until they graduate.
    pub learning: usize,
    /// Cards due for a review.
    pub review: usize,
}

impl SittingCounts {
    /// "17 new · 1 learning · 3 to review": the words for these counts wherever they are shown.
    pub fn describe(&self) -> String {
        format!(
            "{} new · {} learning · {} to review",
            self.new, self.learning, self.review
        )
    }
}

impl ReviewSession {
    /// A review sitting: every grade goes through the scheduler.
    pub fn new(queue: Vec<usize>) -> Self {
        ReviewSession {
            queue: queue.into(),
            ..ReviewSession::default()
        }
    }

    /// A practice-only sitting (custom study "cram"): grades are logged as
    /// [`Evidence::Unscheduled`] and a card comes back only after Again.
    pub fn practice_only(queue: Vec<usize>) -> Self {
        ReviewSession {
            practice_only: true,
            ..ReviewSession::new(queue)
        }
    }

    pub fn is_practice_only(&self) -> bool {
        self.practice_only
    }

    /// The card on screen, or `None` when the session is over.
    pub fn current(&self) -> Option<usize> {
        self.queue.front().copied()
    }

    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    pub fn reveal(&mut self) {
        if self.current().is_some() {
            self.revealed = true;
        }
    }

    /// Grades the card on screen once its answer is shown: records it in `progress` (through
    /// the scheduler, or only logged in a practice-only sitting) and moves on. A card due again
    /// within [`LEARN_AHEAD_MS`] (a learning or relearning step) goes back to the end of the
    /// queue; in a practice-only sitting, a card graded Again does. Returns the card's schedule
    /// afterwards, or `None` if there was nothing to grade.
    pub fn answer(
        &mut self,
        deck: &Deck,
        progress: &mut Progress,
        scheduler: &Scheduler,
        grade: Grade,
        now: Timestamp,
    ) -> Option<CardSchedule> {
        let card = self.current().filter(|_| self.revealed)?;
        let card_id = &deck.cards[card].id;
        let undo = progress.undo_point(card_id);
        let evidence = if self.practice_only {
            Evidence::Unscheduled(grade)
        } else {
            Evidence::Recall(grade)
        };
        let after = progress.record_answer(scheduler, card_id, evidence, StudyMode::Flashcard, now);
        let requeued = if self.practice_only {
            grade == Grade::Again
        } else {
            after.due.millis_since(now) <= LEARN_AHEAD_MS
        };
        self.queue.pop_front();
        if requeued {
            self.queue.push_back(card);
        }
        self.revealed = false;
        self.graded.push(GradedTurn {
            card,
            grade,
            requeued,
            undo,
        });
        Some(after)
    }

    /// Whether there is a grade to take back.
    pub fn can_undo(&self) -> bool {
        !self.graded.is_empty()
    }

    /// Takes back the last grade, as Anki's undo: the card's schedule and the log are restored
    /// exactly, and the card is back on screen with its answer shown, to be graded again.
    /// Returns the card.
    pub fn undo(&mut self, progress: &mut Progress) -> Result<usize, UndoError> {
        let last = self.graded.last().ok_or(UndoError::NothingToUndo)?;
        progress.undo(&last.undo)?;
        let last = self.graded.pop().expect("checked above");
        if last.requeued {
            // Requeued at the back, and nothing after it was graded, so it is still there.
            let back = self.queue.iter().rposition(|&c| c == last.card);
            if let Some(position) = back {
                self.queue.remove(position);
            }
        }
        self.queue.push_front(last.card);
        self.revealed = true;
        Ok(last.card)
    }

    /// The cards still to come, by phase now: the New / Learning / Review counts.
    pub fn remaining(&self, deck: &Deck, progress: &Progress) -> SittingCounts {
        let mut counts = SittingCounts::default();
        for &card in &self.queue {
            match progress.schedule(&deck.cards[card].id).phase {
                Phase::New => counts.new += 1,
                Phase::Learning { .. } | Phase::Relearning { .. } => counts.learning += 1,
                Phase::Review => counts.review += 1,
            }
        }
        counts
    }

    /// (answers given, answers given + answers still to come if every one is Good): the
    /// progress bar. A new card counts every learning step it will come back for, so the total
    /// is what the learner will see, and it grows only after Again or Hard.
    pub fn progress(
        &self,
        deck: &Deck,
        progress: &Progress,
        scheduler: &Scheduler,
    ) -> (usize, usize) {
        let answered = self.graded.len();
        let to_come: usize = if self.practice_only {
            self.queue.len()
        } else {
            self.queue
                .iter()
                .map(|&card| {
                    let schedule = progress.schedule(&deck.cards[card].id);
                    scheduler.config().answers_until_graduated(&schedule)
                })
                .sum()
        };
        (answered, answered + to_come)
    }

    /// Answers given so far; with [`Self::current`] it identifies the turn (a card can come back).
    pub fn answered(&self) -> usize {
        self.graded.len()
    }

    pub fn is_finished(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn summary(&self) -> SessionSummary {
        let mut summary = SessionSummary {
            answers: self.graded.len(),
            ..SessionSummary::default()
        };
        for turn in &self.graded {
            summary.by_grade[turn.grade.index()] += 1;
            if !summary.seen.contains(&turn.card) {
                summary.seen.push(turn.card);
            }
            if turn.grade == Grade::Again && !summary.forgotten.contains(&turn.card) {
                summary.forgotten.push(turn.card);
            }
        }
        summary.cards = summary.seen.len();
        summary
    }
}
