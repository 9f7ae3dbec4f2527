//! What to ask again after a miss, before the round ends.
//!
//! Another question on the same card when the card has one: it tests the card, not the
//! memory of the options just shown. Otherwise the same question with its options in a new
//! order, so the answer cannot be found again by its position.

use super::{ChoiceQuestion, QuestionForm, reordered};
use crate::rng::Rng;

/// The question to ask again after `missed` was answered wrongly, given the missed card's
/// questions; see the module docs. Deterministic for a seed.
pub fn retry_from(
    card_questions: Vec<ChoiceQuestion>,
    missed: &ChoiceQuestion,
    seed: u64,
) -> ChoiceQuestion {
    let others: Vec<ChoiceQuestion> = card_questions
        .into_iter()
        .filter(|question| question.id != missed.id)
        .collect();
    let mut rng = Rng::keyed(seed, &format!("retry:{}", missed.id));
    match rng.choose(&others) {
        Some(other) => other.clone(),
        None => reshuffled(missed, &mut rng),
    }
}

/// The question with its options (and their explanations) in a new order, the right one
/// never where it was, when there is anywhere else to put it.
fn reshuffled(question: &ChoiceQuestion, rng: &mut Rng) -> ChoiceQuestion {
    let count = question.options.len();
    if question.form == QuestionForm::TrueFalse {
        return question.clone();
    }
    let mut order: Vec<usize> = (0..count).collect();
    if count > 1 {
        // Move the right option to one of the other places, then shuffle the rest around it.
        let target = (question.correct + 1 + rng.below(count - 1)) % count;
        order.swap(question.correct, target);
        let mut rest: Vec<usize> = (0..count).filter(|&i| i != target).collect();
        let mut values: Vec<usize> = rest.iter().map(|&i| order[i]).collect();
        rng.shuffle(&mut values);
        for (slot, value) in rest.iter_mut().zip(values) {
            order[*slot] = value;
        }
    }
    reordered(question, &order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question() -> ChoiceQuestion {
        ChoiceQuestion {
            id: "choice:x:1".to_owned(),
            card: 0,
            form: QuestionForm::Choice,
            stem: "Which one?".to_owned(),
            options: ["a", "b", "c", "d"].map(str::to_owned).to_vec(),
            why: ["wa", "wb", "wc", "wd"].map(str::to_owned).to_vec(),
            correct: 2,
        }
    }

    #[test]
    fn a_reshuffled_question_moves_the_right_option_and_keeps_explanations_aligned() {
        for seed in 0..50 {
            let before = question();
            let after = reshuffled(&before, &mut Rng::new(seed));
            assert_ne!(after.correct, before.correct, "seed {seed}");
            assert_eq!(after.options[after.correct], "c");
            let mut sorted = after.options.clone();
            sorted.sort();
            assert_eq!(sorted, before.options);
            for (option, why) in after.options.iter().zip(&after.why) {
                assert_eq!(*why, format!("w{option}"));
            }
        }
    }

    #[test]
    fn a_statement_keeps_true_before_false() {
        let statement = ChoiceQuestion {
            form: QuestionForm::TrueFalse,
            options: vec!["True".into(), "False".into()],
            why: vec!["w".into(), "w".into()],
            correct: 1,
            ..question()
        };
        for seed in 0..20 {
            assert_eq!(
                retry_from(vec![statement.clone()], &statement, seed),
                statement
            );
        }
    }
}
