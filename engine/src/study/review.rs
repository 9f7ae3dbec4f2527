use std::collections::VecDeque;

use crate::scheduler::{CardSchedule, Grade};
use crate::time::Timestamp;

/// A card graded into a learning step that comes due within this window comes back in the same
/// sitting (Anki's "learn ahead" limit), so Again on a new card means seeing it again soon.
pub const LEARN_AHEAD_MS: i64 = 20 * 60 * 1000;

/// One flashcard sitting: the queue, whether the current answer is shown, and what was graded.
/// Plain data: the app keeps it in a signal and calls these methods from events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewSession {
    queue: VecDeque<usize>,
    revealed: bool,
    graded: Vec<(usize, Grade)>,
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
}

impl ReviewSession {
    pub fn new(queue: Vec<usize>) -> Self {
        ReviewSession {
            queue: queue.into(),
            revealed: false,
            graded: Vec::new(),
        }
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

    /// Records the grade of the current card given its new schedule: a card due again within
    /// [`LEARN_AHEAD_MS`] (in practice one in a learning or relearning step) goes back to the end
    /// of the queue.
    pub fn grade(&mut self, grade: Grade, rescheduled: &CardSchedule, now: Timestamp) {
        let Some(card) = self.queue.pop_front() else {
            return;
        };
        self.revealed = false;
        self.graded.push((card, grade));
        if rescheduled.due.millis_since(now) <= LEARN_AHEAD_MS {
            self.queue.push_back(card);
        }
    }

    /// (answers given, answers given + answers still queued): moves on every answer, and grows
    /// back when a learning card is re-queued, so the bar never stalls or lies about the end.
    pub fn progress(&self) -> (usize, usize) {
        let answered = self.graded.len();
        (answered, answered + self.queue.len())
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
        let mut seen = std::collections::BTreeSet::new();
        for &(card, grade) in &self.graded {
            summary.by_grade[grade.index()] += 1;
            seen.insert(card);
            if grade == Grade::Again && !summary.forgotten.contains(&card) {
                summary.forgotten.push(card);
            }
        }
        summary.cards = seen.len();
        summary
    }
}
