//! A practice round: the state machine shared by every "answer, see if it was right, go on"
//! mode (quiz, drills, fill-in, typed recall).
//!
//! Items missed come back before the round ends, as Anki brings a failed card back within the
//! sitting: the caller hands over the retry (the same question re-shuffled, another question
//! on the same card, ...), which joins the end of the queue. A retry can itself be missed and
//! come back, up to [`MAX_RETRIES`] times per item, so a round always ends.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

/// How many times one missed item comes back in a round.
pub const MAX_RETRIES: u8 = 2;

/// One item on its way through the round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Turn<T> {
    item: T,
    /// 0 for the first time the item is asked, then 1, 2 for its retries.
    attempt: u8,
}

/// One answer given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered<T, R> {
    pub item: T,
    pub response: R,
    pub correct: bool,
    /// 0 when asked for the first time; retries count up.
    pub attempt: u8,
}

/// The round: what is asked now, whether it has been answered, and every answer so far.
/// Plain data, as [`super::ReviewSession`]: views render it and call its methods from events.
/// Serialisable, so the app can keep a round in progress across a reload or a visit to a
/// card; the items are stored whole (not regenerated), so a restored round asks exactly what
/// the learner was asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeRound<T, R> {
    queue: VecDeque<Turn<T>>,
    answers: Vec<Answered<T, R>>,
    /// Whether the item at the front has been answered (its answer is the last one).
    answered: bool,
    /// Items asked for the first time: the round's size as the learner chose it.
    firsts: usize,
    /// What the learner has typed so far for the item on screen (fill-in, typed recall):
    /// kept with the round so a restored round shows it, dropped once the item is answered.
    #[serde(default)]
    draft: String,
    /// Once the learner has asked to see how the item on screen compares (typed recall's
    /// "Check my answer"), their marks on it so far: the key points they ticked. The draft is
    /// then final. Kept with the round, so a reload keeps the check and the ticks.
    marks: Option<Vec<bool>>,
}

impl<T: Clone, R: Clone> PracticeRound<T, R> {
    pub fn new(items: Vec<T>) -> Self {
        let firsts = items.len();
        Self {
            queue: items
                .into_iter()
                .map(|item| Turn { item, attempt: 0 })
                .collect(),
            answers: Vec::new(),
            answered: false,
            firsts,
            draft: String::new(),
            marks: None,
        }
    }

    /// The text typed so far for the item on screen, before its answer.
    pub fn draft(&self) -> &str {
        &self.draft
    }

    /// Keeps the text typed for the item on screen (ignored once it is answered or the round
    /// is over: the answer holds what counted).
    pub fn set_draft(&mut self, text: String) {
        if self.unanswered().is_some() && self.marks.is_none() {
            self.draft = text;
        }
    }

    /// Submits the draft of the item on screen for checking, with `count` marks all unset
    /// (ignored if it is already checked or answered).
    pub fn check(&mut self, count: usize) {
        if self.unanswered().is_some() && self.marks.is_none() {
            self.marks = Some(vec![false; count]);
        }
    }

    /// The learner's marks on the checked item on screen; `None` before the check.
    pub fn marks(&self) -> Option<&[bool]> {
        self.marks.as_deref()
    }

    /// Sets one mark of the checked item on screen (ignored out of range or before the check).
    pub fn set_mark(&mut self, index: usize, on: bool) {
        if let Some(mark) = self.marks.as_mut().and_then(|m| m.get_mut(index)) {
            *mark = on;
        }
    }

    /// The item on screen, or `None` when the round is over.
    pub fn current(&self) -> Option<&T> {
        self.queue.front().map(|turn| &turn.item)
    }

    /// The item on screen while it waits for its answer; `None` once answered or finished.
    pub fn unanswered(&self) -> Option<&T> {
        if self.answered { None } else { self.current() }
    }

    /// Which turn is on screen, counting from 0: it moves on [`Self::next`], not on
    /// [`Self::answer`], so a view keyed on it is rebuilt per item and keeps its state (the
    /// text typed, the focus) while the verdict shows.
    pub fn turn(&self) -> usize {
        // Saturating: a round restored from tampered storage may claim an answer it lacks.
        self.answers
            .len()
            .saturating_sub(usize::from(self.answered))
    }

    /// Whether the item on screen is a retry of one missed earlier in the round.
    pub fn is_retry(&self) -> bool {
        self.queue.front().is_some_and(|turn| turn.attempt > 0)
    }

    /// The answer to the item on screen, once given.
    pub fn current_answer(&self) -> Option<&Answered<T, R>> {
        if self.answered {
            self.answers.last()
        } else {
            None
        }
    }

    /// Records the answer to the item on screen (ignored if it was already answered or the
    /// round is over). A miss queues `retry` at the end, unless the item came back
    /// [`MAX_RETRIES`] times already.
    pub fn answer(&mut self, response: R, correct: bool, retry: impl FnOnce(&T) -> T) {
        let Some(turn) = self.queue.front() else {
            return;
        };
        if self.answered {
            return;
        }
        if !correct && turn.attempt < MAX_RETRIES {
            let again = Turn {
                item: retry(&turn.item),
                attempt: turn.attempt + 1,
            };
            self.queue.push_back(again);
        }
        let turn = &self.queue[0];
        self.answers.push(Answered {
            item: turn.item.clone(),
            response,
            correct,
            attempt: turn.attempt,
        });
        self.answered = true;
        self.draft.clear();
        self.marks = None;
    }

    /// Moves on to the next item once the current one is answered.
    pub fn next(&mut self) {
        if self.answered {
            self.queue.pop_front();
            self.answered = false;
        }
    }

    pub fn is_finished(&self) -> bool {
        self.queue.is_empty()
    }

    /// (answers given, answers given + items still to answer): grows when a miss queues a
    /// retry, so the bar never claims an end it will not reach.
    pub fn progress(&self) -> (usize, usize) {
        let pending = self.queue.len().saturating_sub(usize::from(self.answered));
        (self.answers.len(), self.answers.len() + pending)
    }

    /// Missed items waiting to be asked again later in the round (not the one on screen): the
    /// "3 to try again" that says why the round grew.
    pub fn retries_waiting(&self) -> usize {
        self.queue
            .iter()
            .skip(1)
            .filter(|turn| turn.attempt > 0)
            .count()
    }

    /// Every answer given, in order, retries included.
    pub fn answers(&self) -> &[Answered<T, R>] {
        &self.answers
    }

    /// (right at the first attempt, items in the round): the score a learner would quote.
    pub fn first_try_score(&self) -> (usize, usize) {
        let right = self
            .answers
            .iter()
            .filter(|a| a.attempt == 0 && a.correct)
            .count();
        (right, self.firsts)
    }

    /// The items missed at their first attempt, in the order asked: what to look at again.
    pub fn missed(&self) -> Vec<&T> {
        self.answers
            .iter()
            .filter(|a| a.attempt == 0 && !a.correct)
            .map(|a| &a.item)
            .collect()
    }
}
