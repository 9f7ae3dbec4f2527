//! Quizzes: multiple-choice and true-or-false questions (authored, `crate::practice`, and
//! compiled into [`ChoiceQuestion`]s), how a quiz picks them, and classification drills.
//!
//! Nothing here writes a question: a quiz asks only what was written by hand and passed the
//! linter. Drills sort the deck's own one-liners by the list they come from ([`classify`]).

pub mod classify;
mod retry;

use serde::{Deserialize, Serialize};

use crate::rng::Rng;

pub use classify::{
    Bucket, DrillFamily, DrillItem, bucket_label, check_drill_item, drill, drill_families,
    drills_with_items, grade_drill, shuffled_drill,
};
pub use retry::retry_from;

/// What kind of authored item a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuestionForm {
    /// A stem and 3–5 options, each with its explanation.
    Choice,
    /// Is the statement true? Options are always "True", "False", in that order (never
    /// shuffled: their place tells nothing), with the correction under both.
    TrueFalse,
}

impl QuestionForm {
    /// Kebab-case name; the first part of [`ChoiceQuestion::id`].
    pub const fn as_str(self) -> &'static str {
        match self {
            QuestionForm::Choice => "choice",
            QuestionForm::TrueFalse => "true-false",
        }
    }
}

/// One question to pick an answer to: an authored choice (3–5 options) or a true-or-false
/// statement ("True", "False").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceQuestion {
    /// `"<form>:<card id>:<n>"`: stable while the card's items keep their order, so a saved
    /// round and "seen" marks can refer to it.
    pub id: String,
    /// The card (index into `Deck::cards`) to link to in the feedback.
    pub card: usize,
    pub form: QuestionForm,
    /// The question, or the statement to judge; plain text but for `` `code` `` spans.
    pub stem: String,
    /// The options, plain text but for `` `code` `` spans.
    pub options: Vec<String>,
    /// Per option, why it is right or what it actually is; a true-or-false item has its one
    /// correction under both.
    pub why: Vec<String>,
    /// Index of the right option in `options`.
    pub correct: usize,
}

/// Whether `picked` is the right option.
pub fn grade_choice(question: &ChoiceQuestion, picked: usize) -> bool {
    picked == question.correct
}

/// A quiz of up to `count` items over `cards`, for authored items: the cards in a seeded
/// order, one item each, every card once before any card is asked again (then a different
/// item of it where it has one). Cards without items are skipped. Deterministic for a seed.
pub(crate) fn pick_each_card_first(
    cards: &[usize],
    count: usize,
    seed: u64,
    questions_for: impl Fn(usize) -> Vec<ChoiceQuestion>,
) -> Vec<ChoiceQuestion> {
    let mut order: Vec<usize> = cards.to_vec();
    crate::order::sort(&mut order);
    order.dedup();
    let mut rng = Rng::keyed(seed, "choice-quiz");
    rng.shuffle(&mut order);
    let mut pools: Vec<(usize, Vec<ChoiceQuestion>)> = order
        .into_iter()
        .map(|card| {
            let mut pool = questions_for(card);
            rng.shuffle(&mut pool);
            (card, pool)
        })
        .filter(|(_, pool)| !pool.is_empty())
        .collect();
    let mut quiz = Vec::new();
    while quiz.len() < count && pools.iter().any(|(_, pool)| !pool.is_empty()) {
        for (_, pool) in &mut pools {
            if quiz.len() >= count {
                break;
            }
            if let Some(question) = pool.pop() {
                quiz.push(question);
            }
        }
    }
    quiz
}

/// `question` with its options (and their explanations) in the seed's order: the same
/// question, as hard, with the right answer somewhere else from round to round.
pub(crate) fn with_options_shuffled(question: &ChoiceQuestion, seed: u64) -> ChoiceQuestion {
    if question.form == QuestionForm::TrueFalse {
        return question.clone();
    }
    let mut order: Vec<usize> = (0..question.options.len()).collect();
    Rng::keyed(seed, &question.id).shuffle(&mut order);
    reordered(question, &order)
}

/// `question` with option `order[k]` (and its explanation) at place `k`.
pub(crate) fn reordered(question: &ChoiceQuestion, order: &[usize]) -> ChoiceQuestion {
    let mut again = question.clone();
    again.options = order.iter().map(|&i| question.options[i].clone()).collect();
    if question.why.len() == order.len() {
        again.why = order.iter().map(|&i| question.why[i].clone()).collect();
    }
    again.correct = order
        .iter()
        .position(|&i| i == question.correct)
        .unwrap_or(question.correct);
    again
}
