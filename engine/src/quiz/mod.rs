//! Quizzes generated from the deck: multiple-choice questions and classification drills.
//!
//! Nothing is hand-written: every question is derived from the content, so editing the
//! markdown edits the quiz. Generated questions are only kept if [`check_question`] and
//! [`check_topic`] pass, the same checks the tests run over every card, so a question whose
//! answer shows from its length, wording, tone or shape, or whose distractors come from
//! another topic, never reaches a learner.

mod check;
pub mod classify;
mod cues;
mod generate;
mod mask;
mod retry;
mod valence;

use serde::{Deserialize, Serialize};

use crate::content::Deck;
use crate::rng::Rng;

pub use check::{check_question, check_topic};
pub use classify::{
    Bucket, DrillFamily, DrillItem, bucket_label, check_drill_item, drill, drill_families,
    drills_with_items, grade_drill, shuffled_drill,
};
pub use generate::ChoiceBank;
pub use retry::retry_from;

/// Every option has to fit on a phone without wrapping into a wall of text.
pub const MAX_OPTION_CHARS: usize = 160;
/// The right option may be at most this many times as long as the longest distractor...
pub const MAX_LONGER: f32 = 1.6;
/// ...and at least this fraction of the shortest distractor's length.
pub const MIN_SHORTER: f32 = 0.5;
/// Length differences of up to this many characters never count as a giveaway: between short
/// names ("PEP" vs "Microservices", "Type Hints" vs "Docstring Conventions") a few letters
/// tell nothing. For sentences (40+ chars) the ratios decide.
pub const LENGTH_SLACK: usize = 12;

/// How a question was made from its card; drives the stem's wording and quiz variety.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuestionForm {
    /// A definition's first sentence, term blanked out: pick the term.
    TermForDefinition,
    /// A term: pick its definition's first sentence.
    DefinitionForTerm,
    /// A one-liner's head: pick its detail among the same list's details ("In ORM's
    /// advantages, what does “Database Independence” mean?"). The other way round (detail →
    /// head) the detail echoes its head, and asking which of the heads is an advantage is
    /// answered by their tone, so neither is asked.
    OneLinerDetail,
    /// "When should you choose ORM?": the choose-list item against avoid-list items.
    GuideVerdict,
    /// A bold label of an answer: pick what the answer says about it. Gives the questions
    /// whose labels their prompt already names (select_related vs prefetch_related) a form.
    LabelDetail,
    /// A question naming a concept ("What is Circuit Breaker pattern?"): its answer's lead
    /// sentence without the concept ("What prevents cascading failures by …?"), pick the
    /// concept among those the section's other questions name.
    ConceptForDescription,
}

impl QuestionForm {
    /// Every form, in the order [`choice_questions_for`] returns them.
    pub const ALL: [QuestionForm; 6] = [
        QuestionForm::TermForDefinition,
        QuestionForm::DefinitionForTerm,
        QuestionForm::OneLinerDetail,
        QuestionForm::GuideVerdict,
        QuestionForm::LabelDetail,
        QuestionForm::ConceptForDescription,
    ];

    /// Kebab-case name; the first half of [`ChoiceQuestion::id`].
    pub const fn as_str(self) -> &'static str {
        match self {
            QuestionForm::TermForDefinition => "term-for-definition",
            QuestionForm::DefinitionForTerm => "definition-for-term",
            QuestionForm::OneLinerDetail => "one-liner-detail",
            QuestionForm::GuideVerdict => "guide-verdict",
            QuestionForm::LabelDetail => "label-detail",
            QuestionForm::ConceptForDescription => "concept-for-description",
        }
    }
}

/// One multiple-choice question with exactly four options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceQuestion {
    /// `"<form>:<card id>"`: stable across seeds and content edits of other cards, so progress
    /// and "seen" marks can refer to it.
    pub id: String,
    /// The card (index into [`Deck::cards`]) to link to in the feedback.
    pub card: usize,
    pub form: QuestionForm,
    pub stem: String,
    /// Exactly four options, plain text.
    pub options: Vec<String>,
    /// The card each option was taken from (index into [`Deck::cards`]), the question's own
    /// card for the right one: what [`check_topic`] checks. Empty in questions saved before
    /// the field existed.
    #[serde(default)]
    pub option_cards: Vec<usize>,
    /// Index of the right option in `options`; uniformly placed by the seed.
    pub correct: usize,
}

/// Whether `picked` is the right option.
pub fn grade_choice(question: &ChoiceQuestion, picked: usize) -> bool {
    picked == question.correct
}

/// Options compare equal when they differ only in case, spacing or a final period.
pub(crate) fn option_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// Every question `card` can be asked as, one per applicable form, in [`QuestionForm::ALL`]
/// order; each passed [`check_question`]. Deterministic for a deck, card and seed, and
/// independent of which other cards are asked about.
/// Builds a [`ChoiceBank`] for the one card; to ask about many cards, build the bank once.
pub fn choice_questions_for(deck: &Deck, card: usize, seed: u64) -> Vec<ChoiceQuestion> {
    ChoiceBank::new(deck).questions_for(card, seed)
}

/// A quiz of up to `count` questions, one per card, over `cards` (deck indices) in a seeded
/// order. Forms vary: each card gets the form used least so far among those it supports.
pub fn choice_quiz(deck: &Deck, cards: &[usize], count: usize, seed: u64) -> Vec<ChoiceQuestion> {
    ChoiceBank::new(deck).quiz(cards, count, seed)
}

impl ChoiceBank<'_> {
    /// See [`choice_quiz`].
    pub fn quiz(&self, cards: &[usize], count: usize, seed: u64) -> Vec<ChoiceQuestion> {
        pick_quiz(cards, count, seed, |card| self.questions_for(card, seed))
    }
}

/// The selection rule of [`choice_quiz`] over any source of a card's questions: generated
/// ([`ChoiceBank`]) or compiled ([`crate::compiled::CompiledDeck`]).
pub fn pick_quiz(
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
    let mut used = [0usize; QuestionForm::ALL.len()];
    let mut quiz = Vec::new();
    for card in order {
        if quiz.len() >= count {
            break;
        }
        let options = questions_for(card);
        let Some(fewest) = options.iter().map(|q| used[form_index(q.form)]).min() else {
            continue;
        };
        let least_used: Vec<&ChoiceQuestion> = options
            .iter()
            .filter(|q| used[form_index(q.form)] == fewest)
            .collect();
        if let Some(question) = rng.choose(&least_used) {
            used[form_index(question.form)] += 1;
            quiz.push((*question).clone());
        }
    }
    quiz
}

fn form_index(form: QuestionForm) -> usize {
    QuestionForm::ALL
        .iter()
        .position(|f| *f == form)
        .unwrap_or(0)
}

/// `question` with its options (and their source cards) in the seed's order: the same
/// question, as hard, with the right answer somewhere else from round to round.
pub fn with_options_shuffled(question: &ChoiceQuestion, seed: u64) -> ChoiceQuestion {
    let mut order: Vec<usize> = (0..question.options.len()).collect();
    Rng::keyed(seed, &question.id).shuffle(&mut order);
    reordered(question, &order)
}

/// `question` with option `order[k]` (and its source card) at place `k`.
pub(crate) fn reordered(question: &ChoiceQuestion, order: &[usize]) -> ChoiceQuestion {
    let mut again = question.clone();
    again.options = order.iter().map(|&i| question.options[i].clone()).collect();
    if question.option_cards.len() == order.len() {
        again.option_cards = order.iter().map(|&i| question.option_cards[i]).collect();
    }
    again.correct = order
        .iter()
        .position(|&i| i == question.correct)
        .unwrap_or(question.correct);
    again
}
