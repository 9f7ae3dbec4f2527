//! The quiz over the real deck: authored choice and true-or-false items (what every card has,
//! how a quiz draws them, what a miss brings back) and the classification drills.

use std::collections::HashSet;

use prep_engine::content::{CardKind, ListKind};
use prep_engine::quiz::{
    Bucket, QuestionForm, bucket_label, check_drill_item, drill, drill_families, grade_choice,
    grade_drill,
};

mod common;
use common::{card_by_prompt, compiled, deck};

#[test]
fn every_interview_question_has_a_choice_and_another_item_and_definitions_have_one() {
    let compiled = compiled();
    let deck = compiled.deck();
    let mut total = 0;
    for (index, card) in deck.cards.iter().enumerate() {
        let asked = compiled.choice_questions(index, 0);
        let choices = asked
            .iter()
            .filter(|q| q.form == QuestionForm::Choice)
            .count();
        let statements = asked.len() - choices;
        let fill_ins = compiled.fill_in_prompts(index).len();
        total += asked.len() + fill_ins;
        match card.kind {
            CardKind::Question { .. } => {
                assert!(choices >= 1, "{}: no choice item", card.id.as_str());
                assert!(
                    statements + fill_ins >= 1,
                    "{}: only choice items",
                    card.id.as_str()
                );
            }
            CardKind::Definition => {
                assert!(asked.len() + fill_ins >= 1, "{}: no item", card.id.as_str())
            }
            _ => {}
        }
    }
    assert!(total >= 200, "only {total} items");
}

#[test]
fn every_option_has_its_explanation_and_statements_are_balanced() {
    let compiled = compiled();
    let (mut true_ones, mut statements) = (0, 0);
    for card in 0..compiled.deck().cards.len() {
        for question in compiled.choice_questions(card, 3) {
            assert_eq!(
                question.why.len(),
                question.options.len(),
                "{}",
                question.id
            );
            assert!(
                question.why.iter().all(|why| !why.trim().is_empty()),
                "{}",
                question.id
            );
            assert!(question.correct < question.options.len());
            match question.form {
                QuestionForm::Choice => assert!((3..=5).contains(&question.options.len())),
                QuestionForm::TrueFalse => {
                    assert_eq!(question.options, ["True", "False"]);
                    statements += 1;
                    true_ones += usize::from(question.correct == 0);
                }
            }
        }
    }
    // Half true, half false over the deck (the guide's rule), so the verdict is not a cue.
    let share = true_ones as f64 / statements as f64;
    assert!(
        (0.4..=0.6).contains(&share),
        "{true_ones} of {statements} statements are true"
    );
}

#[test]
fn a_quiz_asks_every_card_once_before_any_card_twice() {
    let compiled = compiled();
    let cards: Vec<usize> = (0..compiled.deck().cards.len()).collect();
    let with_items = cards.iter().filter(|&&c| compiled.has_choice(c)).count();
    for seed in [0, 1, 42, u64::MAX] {
        let quiz = compiled.choice_quiz(&cards, 10, seed);
        let asked: HashSet<usize> = quiz.iter().map(|q| q.card).collect();
        assert_eq!((quiz.len(), asked.len()), (10, 10), "seed {seed}");
        let long = compiled.choice_quiz(&cards, with_items + 5, seed);
        let first: HashSet<usize> = long[..with_items].iter().map(|q| q.card).collect();
        assert_eq!(first.len(), with_items, "every card before a repeat");
        let ids: HashSet<&str> = long.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), long.len(), "a repeated card gets another item");
    }
    assert_eq!(
        compiled.choice_quiz(&cards, 10, 7),
        compiled.choice_quiz(&cards, 10, 7)
    );
    assert!(compiled.choice_quiz(&[], 10, 7).is_empty());
}

#[test]
fn options_are_reshuffled_but_statements_keep_true_first() {
    let compiled = compiled();
    let deck = compiled.deck();
    let card = card_by_prompt(
        deck,
        "Difference between Django's select_related() and prefetch_related()",
    );
    let questions = compiled.choice_questions(card, 0);
    let choice = questions
        .iter()
        .find(|q| q.form == QuestionForm::Choice)
        .expect("a choice");
    let places: HashSet<usize> = (0..40)
        .map(|seed| {
            let again = compiled
                .choice_questions(card, seed)
                .into_iter()
                .find(|q| q.id == choice.id)
                .expect("same item");
            let right = &again.options[again.correct];
            assert_eq!(right, &choice.options[choice.correct]);
            assert_eq!(again.why[again.correct], choice.why[choice.correct]);
            again.correct
        })
        .collect();
    assert!(places.len() > 2, "the right option moves: {places:?}");
    for seed in 0..10 {
        for question in compiled.choice_questions(card, seed) {
            if question.form == QuestionForm::TrueFalse {
                assert_eq!(question.options, ["True", "False"]);
            }
        }
    }
}

#[test]
fn a_missed_item_comes_back_as_another_item_on_the_same_card() {
    let compiled = compiled();
    let deck = compiled.deck();
    let card = card_by_prompt(deck, "What is DRF throttling and its types?");
    let questions = compiled.choice_questions(card, 5);
    assert!(questions.len() > 1);
    let missed = &questions[0];
    let wrong = (missed.correct + 1) % missed.options.len();
    assert!(!grade_choice(missed, wrong));
    assert!(grade_choice(missed, missed.correct));
    let again = compiled.choice_retry(missed, 9);
    assert_eq!(again.card, card);
    assert_ne!(again.id, missed.id);
}

#[test]
fn drill_families_come_from_the_lists() {
    let deck = deck();
    let families = drill_families(deck);
    let summary: Vec<(&str, &str)> = families
        .iter()
        .map(|f| (f.id.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("advantages-orm-django", "Advantages: ORM or Django?"),
            ("disadvantages-orm-django", "Disadvantages: ORM or Django?"),
            ("orm-choose-avoid", "ORM: choose or avoid?"),
            ("django-choose-avoid", "Django: choose or avoid?"),
        ]
    );
    let subjects = [
        Bucket::Subject("ORM".to_owned()),
        Bucket::Subject("Django".to_owned()),
    ];
    assert_eq!(families[0].choices, subjects);
    assert_eq!(families[0].kind, Some(ListKind::Advantages));
    assert_eq!(
        families[2].choices,
        [
            Bucket::Kind(ListKind::ChooseWhen),
            Bucket::Kind(ListKind::AvoidWhen)
        ]
    );
    // Every guide item is drilled; one-liners only when nothing but knowledge sorts them.
    assert_eq!(families[2].item_count, 9);
    assert_eq!(families[3].item_count, 10);
    assert!(families[0].item_count < 10 + 14 && families[0].item_count >= 10);
    assert!(families[1].item_count < 10 + 14 && families[1].item_count >= 10);
    // No family sorts advantages from disadvantages: tone would sort them.
    for family in &families {
        assert!(
            !(family.choices.contains(&Bucket::Kind(ListKind::Advantages))
                || family
                    .choices
                    .contains(&Bucket::Kind(ListKind::Disadvantages)))
        );
    }
}

#[test]
fn drill_items_pass_their_check_and_sort_by_knowledge() {
    let deck = deck();
    let families = drill_families(deck);
    let items = drill(deck, &families, 5);
    let total: usize = families.iter().map(|f| f.item_count).sum();
    assert_eq!(items.len(), total);
    for item in &items {
        check_drill_item(deck, item).unwrap();
        assert_eq!(item.choices[item.right_choice()], item.answer);
        let list = &deck.lists[deck.cards[item.card].list().unwrap()];
        let expected = match &item.answer {
            Bucket::Kind(_) => Bucket::Kind(list.kind),
            Bucket::Subject(_) => Bucket::Subject(list.subject.clone()),
        };
        assert_eq!(item.answer, expected);
        assert!(item.choices.contains(&item.answer));
        assert_ne!(item.choices[0], item.choices[1]);
        assert!(grade_drill(item, &item.answer));
        let other = item.choices.iter().find(|b| **b != item.answer).unwrap();
        assert!(!grade_drill(item, other));
        if let Bucket::Subject(_) = item.answer {
            // The statement does not name either subject, and its head is in one subject's
            // list only.
            assert!(!item.statement.contains("ORM") && !item.statement.contains("Django"));
            assert!(!item.statement.starts_with("Learning Curve"));
            assert!(!item.statement.starts_with("Migration "));
        }
    }
    // Both buckets appear in every family's items.
    for family in &families {
        for bucket in &family.choices {
            assert!(
                items
                    .iter()
                    .any(|i| i.subject == family.subject && i.answer == *bucket)
            );
        }
    }
    // A hand-made item that names its subject, or sits in both buckets, fails the check.
    let mut named = items
        .iter()
        .find(|i| matches!(i.answer, Bucket::Subject(_)))
        .unwrap()
        .clone();
    let orm_integration = card_by_prompt(deck, "ORM Integration");
    named.card = orm_integration;
    named.statement = "ORM Integration — Powerful database abstraction layer".to_owned();
    named.answer = Bucket::Subject("Django".to_owned());
    assert!(
        check_drill_item(deck, &named)
            .unwrap_err()
            .contains("names")
    );
    let mut both = named.clone();
    both.card = card_by_prompt(deck, "Migration Support");
    both.statement = "Migration Support — Version control for database schema changes".to_owned();
    both.answer = Bucket::Subject("ORM".to_owned());
    assert!(check_drill_item(deck, &both).unwrap_err().contains("too"));

    assert_eq!(bucket_label(&Bucket::Kind(ListKind::ChooseWhen)), "Choose");
    assert_eq!(bucket_label(&Bucket::Subject("ORM".to_owned())), "ORM");
    // Shuffled by the seed, deterministically; filtering by family narrows the drill.
    assert_eq!(items, drill(deck, &families, 5));
    assert_ne!(items, drill(deck, &families, 6));
    let first_only = drill(deck, &families[..1], 5);
    assert_eq!(first_only.len(), families[0].item_count);
    assert!(first_only.iter().all(|i| i.subject == "Advantages"));
}
