//! Quizzes generated from the deck: multiple-choice questions and classification drills.
//!
//! Nothing is hand-written: every question is derived from the content, so editing the
//! markdown edits the quiz. Generated questions are only kept if [`check_question`] passes,
//! the same check the tests run over every card, so a question whose answer is obvious from
//! its length or wording never reaches a learner.

pub mod classify;
mod cues;
mod generate;
mod mask;

use serde::{Deserialize, Serialize};

use crate::content::Deck;
use crate::rng::Rng;
use crate::text;

pub use classify::{DrillFamily, DrillItem, bucket_label, drill, drill_families, grade_drill};
pub use generate::ChoiceBank;

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
    /// "Which of these is an advantage of ORM?": heads from the opposite list as distractors.
    OneLinerPolarity,
    /// A one-liner's detail: pick its head among the same list's heads.
    OneLinerDetail,
    /// "When should you choose ORM?": the choose-list item against avoid-list items.
    GuideVerdict,
    /// Which bold label belongs to a question's answer (other questions' labels as distractors).
    AnswerItem,
    /// A bold label of an answer: pick what the answer says about it. Gives the questions
    /// whose labels their prompt already names (select_related vs prefetch_related) a form.
    LabelDetail,
    /// A question: pick the first sentence of its answer among other answers' first
    /// sentences, each with its own question's key terms blanked. A long sentence is cut at a
    /// clause boundary with "…"; one too thin once blanked gives way to the next sentence.
    ShortAnswer,
}

impl QuestionForm {
    /// Every form, in the order [`choice_questions_for`] returns them.
    pub const ALL: [QuestionForm; 8] = [
        QuestionForm::TermForDefinition,
        QuestionForm::DefinitionForTerm,
        QuestionForm::OneLinerPolarity,
        QuestionForm::OneLinerDetail,
        QuestionForm::GuideVerdict,
        QuestionForm::AnswerItem,
        QuestionForm::LabelDetail,
        QuestionForm::ShortAnswer,
    ];

    /// Kebab-case name; the first half of [`ChoiceQuestion::id`].
    pub const fn as_str(self) -> &'static str {
        match self {
            QuestionForm::TermForDefinition => "term-for-definition",
            QuestionForm::DefinitionForTerm => "definition-for-term",
            QuestionForm::OneLinerPolarity => "one-liner-polarity",
            QuestionForm::OneLinerDetail => "one-liner-detail",
            QuestionForm::GuideVerdict => "guide-verdict",
            QuestionForm::AnswerItem => "answer-item",
            QuestionForm::LabelDetail => "label-detail",
            QuestionForm::ShortAnswer => "short-answer",
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

/// The quality bar every generated question must pass; the generator drops questions that
/// fail it. Rules: four non-empty options of at most [`MAX_OPTION_CHARS`], all distinct
/// (ignoring case and spacing), `correct` in range, no giveaway by length (see
/// [`MAX_LONGER`], [`MIN_SHORTER`], [`LENGTH_SLACK`]), not the only option with (or without)
/// a `___` blank, and no giveaway by wording: the right option must not be the only one
/// sharing a telling word with the stem (a non-stopword of 5+ letters, a part of such a name
/// like the "Pagination" of `PageNumberPagination`, an acronym, or the acronym a capitalised
/// phrase spells: "Global Interpreter Lock" tells "GIL").
pub fn check_question(question: &ChoiceQuestion) -> Result<(), String> {
    let fail = |why: String| Err(format!("{}: {why}", question.id));
    let options = &question.options;
    if options.len() != 4 {
        return fail(format!("{} options, not 4", options.len()));
    }
    if question.correct >= options.len() {
        return fail(format!("correct index {} out of range", question.correct));
    }
    for option in options {
        let chars = option.chars().count();
        if option.trim().is_empty() {
            return fail("an option is empty".to_owned());
        }
        if chars > MAX_OPTION_CHARS {
            return fail(format!("option of {chars} chars: {option:?}"));
        }
    }
    let mut keys: Vec<String> = options.iter().map(|o| option_key(o)).collect();
    keys.sort();
    keys.dedup();
    if keys.len() != options.len() {
        return fail(format!("duplicate options: {options:?}"));
    }

    let right = &options[question.correct];
    let distractors: Vec<&String> = options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != question.correct)
        .map(|(_, option)| option)
        .collect();
    if let Some(why) = length_giveaway(right, &distractors) {
        return fail(why);
    }

    // Masked options: a lone blank (or a lone option without one) singles the answer out.
    let blank = |option: &str| option.contains("___");
    if distractors.iter().all(|d| blank(d) != blank(right)) {
        return fail("only the right option differs in having a blank".to_owned());
    }

    let right_words = text::word_set(right);
    let other_words: Vec<_> = distractors.iter().map(|d| text::word_set(d)).collect();
    for word in cues::telling_words(&question.stem) {
        if right_words.contains(&word) && !other_words.iter().any(|set| set.contains(&word)) {
            return fail(format!(
                "only the right option shares the stem's word {word:?}"
            ));
        }
    }
    Ok(())
}

/// Why the right option's length gives it away, if it does: it is longer than every
/// distractor by [`MAX_LONGER`], or shorter than every distractor by [`MIN_SHORTER`], and in
/// either case by more than [`LENGTH_SLACK`] characters.
pub(crate) fn length_giveaway(right: &str, distractors: &[&String]) -> Option<String> {
    let len = right.chars().count();
    let lens: Vec<usize> = distractors.iter().map(|d| d.chars().count()).collect();
    let longest = lens.iter().copied().max().unwrap_or(len);
    let shortest = lens.iter().copied().min().unwrap_or(len);
    if len > longest + LENGTH_SLACK && len as f32 > MAX_LONGER * longest as f32 {
        return Some(format!(
            "right option ({len} chars) much longer than every distractor (max {longest})"
        ));
    }
    if shortest > len + LENGTH_SLACK && (len as f32) < MIN_SHORTER * shortest as f32 {
        return Some(format!(
            "right option ({len} chars) much shorter than every distractor (min {shortest})"
        ));
    }
    None
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
        let mut order: Vec<usize> = cards.to_vec();
        order.sort_unstable();
        order.dedup();
        let mut rng = Rng::keyed(seed, "choice-quiz");
        rng.shuffle(&mut order);
        let mut used = [0usize; QuestionForm::ALL.len()];
        let mut quiz = Vec::new();
        for card in order {
            if quiz.len() >= count {
                break;
            }
            let options = self.questions_for(card, seed);
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
}

fn form_index(form: QuestionForm) -> usize {
    QuestionForm::ALL
        .iter()
        .position(|f| *f == form)
        .unwrap_or(0)
}
