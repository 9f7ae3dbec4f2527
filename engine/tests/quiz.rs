//! Multiple-choice generation and classification drills over the real deck.

use std::collections::{HashMap, HashSet};

use prep_engine::content::{CardKind, Deck, ListKind, parse_deck};
use prep_engine::quiz::{
    ChoiceBank, ChoiceQuestion, QuestionForm, bucket_label, check_question, choice_questions_for,
    choice_quiz, drill, drill_families, grade_choice, grade_drill,
};

const SEEDS: [u64; 5] = [0, 1, 42, 0xdead_beef, u64::MAX];

fn deck() -> Deck {
    parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    )
    .unwrap()
}

fn all_questions(deck: &Deck, seed: u64) -> Vec<ChoiceQuestion> {
    let bank = ChoiceBank::new(deck);
    (0..deck.cards.len())
        .flat_map(|card| bank.questions_for(card, seed))
        .collect()
}

fn card_by_prompt(deck: &Deck, prompt: &str) -> usize {
    deck.cards
        .iter()
        .position(|card| card.prompt == prompt)
        .unwrap_or_else(|| panic!("no card {prompt:?}"))
}

fn distractors(question: &ChoiceQuestion) -> impl Iterator<Item = &String> {
    question
        .options
        .iter()
        .enumerate()
        .filter(move |(i, _)| *i != question.correct)
        .map(|(_, option)| option)
}

fn lower_set<'a>(texts: impl IntoIterator<Item = &'a String>) -> HashSet<String> {
    texts.into_iter().map(|t| t.trim().to_lowercase()).collect()
}

/// Prompts of the cards in the lists of `subject` and `kind`.
fn list_prompts(deck: &Deck, subject: &str, kind: ListKind) -> HashSet<String> {
    let prompts: Vec<&String> = deck
        .cards
        .iter()
        .filter(|card| {
            card.list()
                .is_some_and(|l| deck.lists[l].subject == subject && deck.lists[l].kind == kind)
        })
        .map(|card| &card.prompt)
        .collect();
    lower_set(prompts)
}

#[test]
fn every_generated_question_passes_the_check() {
    let deck = deck();
    let bank = ChoiceBank::new(&deck);
    for seed in SEEDS {
        for card in 0..deck.cards.len() {
            // The bank and the one-off function agree.
            let questions = bank.questions_for(card, seed);
            if card % 17 == 0 {
                assert_eq!(questions, choice_questions_for(&deck, card, seed));
            }
            for question in questions {
                check_question(&question).unwrap();
                assert_eq!(question.card, card);
                assert_eq!(
                    question.id,
                    format!("{}:{}", question.form.as_str(), deck.cards[card].id)
                );
                assert_eq!(question.options.len(), 4);
                assert!(grade_choice(&question, question.correct));
                assert!(!grade_choice(&question, (question.correct + 1) % 4));
            }
        }
    }
}

#[test]
fn every_card_yields_a_question() {
    let deck = deck();
    let bank = ChoiceBank::new(&deck);
    for seed in SEEDS {
        for (index, card) in deck.cards.iter().enumerate() {
            assert!(
                !bank.questions_for(index, seed).is_empty(),
                "seed {seed}: no question for {}",
                card.id
            );
        }
    }
}

#[test]
fn every_form_is_used_and_forms_fit_their_card_kinds() {
    let deck = deck();
    let mut per_form: HashMap<QuestionForm, usize> = HashMap::new();
    for question in all_questions(&deck, 7) {
        *per_form.entry(question.form).or_default() += 1;
        let kind = deck.cards[question.card].kind;
        let fits = match question.form {
            QuestionForm::TermForDefinition | QuestionForm::DefinitionForTerm => {
                kind == CardKind::Definition
            }
            QuestionForm::OneLinerPolarity | QuestionForm::OneLinerDetail => {
                matches!(kind, CardKind::OneLiner { .. })
            }
            QuestionForm::GuideVerdict => matches!(kind, CardKind::GuideItem { .. }),
            QuestionForm::AnswerItem | QuestionForm::LabelDetail | QuestionForm::ShortAnswer => {
                matches!(kind, CardKind::Question { .. })
            }
        };
        assert!(fits, "{} on a {kind:?} card", question.id);
    }
    for form in QuestionForm::ALL {
        assert!(
            per_form.get(&form).copied().unwrap_or(0) > 0,
            "{form:?} never used"
        );
    }
    // Every one-liner and guide item gets its polarity / verdict question.
    assert_eq!(per_form[&QuestionForm::OneLinerPolarity], 48);
    assert_eq!(per_form[&QuestionForm::GuideVerdict], 19);
    assert_eq!(per_form[&QuestionForm::TermForDefinition], 6);
}

#[test]
fn same_seed_same_questions_and_seeds_vary_them() {
    let first = all_questions(&deck(), 42);
    let again = all_questions(&deck(), 42);
    assert_eq!(first, again);
    let other = all_questions(&deck(), 43);
    assert_ne!(first, other);
    assert_eq!(
        choice_quiz(&deck(), &(0..50).collect::<Vec<_>>(), 20, 9),
        choice_quiz(&deck(), &(0..50).collect::<Vec<_>>(), 20, 9)
    );
}

#[test]
fn correct_position_is_uniform() {
    let deck = deck();
    let mut counts = [0usize; 4];
    for seed in SEEDS {
        for question in all_questions(&deck, seed) {
            counts[question.correct] += 1;
        }
    }
    let total: usize = counts.iter().sum();
    for (position, count) in counts.iter().enumerate() {
        let share = *count as f64 / total as f64;
        assert!(
            (0.21..=0.29).contains(&share),
            "position {position}: {count} of {total} ({share:.3})"
        );
    }
}

#[test]
fn polarity_distractors_are_never_right_too() {
    let deck = deck();
    let mut template_system_seen = 0;
    for seed in SEEDS {
        for question in all_questions(&deck, seed) {
            if question.form != QuestionForm::OneLinerPolarity {
                continue;
            }
            let list = &deck.lists[deck.cards[question.card].list().unwrap()];
            let opposite = if list.kind == ListKind::Advantages {
                ListKind::Disadvantages
            } else {
                ListKind::Advantages
            };
            let right = list_prompts(&deck, &list.subject, list.kind);
            let wrong = list_prompts(&deck, &list.subject, opposite);
            assert!(right.contains(&question.options[question.correct].to_lowercase()));
            for distractor in distractors(&question) {
                let key = distractor.to_lowercase();
                assert!(
                    !right.contains(&key),
                    "{}: {distractor} is also right",
                    question.id
                );
                assert!(
                    wrong.contains(&key),
                    "{}: {distractor} not a head",
                    question.id
                );
            }
            if question.options[question.correct] == "Template System" {
                template_system_seen += 1;
            }
        }
    }
    // Both Template System cards (advantage and disadvantage) were asked, every seed.
    assert_eq!(template_system_seen, 2 * SEEDS.len());
}

#[test]
fn distractors_are_of_the_right_options_kind() {
    let deck = deck();
    let heads: HashSet<String> = lower_set(
        deck.cards
            .iter()
            .filter(|c| matches!(c.kind, CardKind::OneLiner { .. }))
            .map(|c| &c.prompt),
    );
    let terms: HashSet<String> = deck
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Definition)
        .map(|c| c.prompt.split(" (").next().unwrap().to_lowercase())
        .collect();
    for question in all_questions(&deck, 3) {
        let list_kind = deck.cards[question.card]
            .list()
            .map(|l| (deck.lists[l].subject.clone(), deck.lists[l].kind));
        match question.form {
            QuestionForm::OneLinerDetail => {
                let (subject, kind) = list_kind.unwrap();
                let same = list_prompts(&deck, &subject, kind);
                assert!(
                    question
                        .options
                        .iter()
                        .all(|o| same.contains(&o.to_lowercase()))
                );
            }
            QuestionForm::OneLinerPolarity => {
                assert!(
                    question
                        .options
                        .iter()
                        .all(|o| heads.contains(&o.to_lowercase()))
                );
            }
            QuestionForm::GuideVerdict => {
                let (subject, kind) = list_kind.unwrap();
                let opposite = match kind {
                    ListKind::ChooseWhen => ListKind::AvoidWhen,
                    _ => ListKind::ChooseWhen,
                };
                let wrong = list_prompts(&deck, &subject, opposite);
                assert!(distractors(&question).all(|d| wrong.contains(&d.to_lowercase())));
            }
            QuestionForm::TermForDefinition => {
                assert!(
                    question
                        .options
                        .iter()
                        .all(|o| terms.contains(&o.to_lowercase()))
                );
            }
            QuestionForm::DefinitionForTerm | QuestionForm::ShortAnswer => {
                // Sentences, not names: several words each.
                assert!(
                    question
                        .options
                        .iter()
                        .all(|o| o.split_whitespace().count() >= 4),
                    "{question:?}"
                );
            }
            QuestionForm::AnswerItem | QuestionForm::LabelDetail => {}
        }
    }
}

#[test]
fn answer_items_are_labels_absent_from_the_answer() {
    let deck = deck();
    let codes = card_by_prompt(&deck, "Explain HTTP status codes and their categories");
    let mut asked = 0;
    for seed in SEEDS {
        for question in choice_questions_for(&deck, codes, seed) {
            if question.form != QuestionForm::AnswerItem {
                continue;
            }
            asked += 1;
            let right = &question.options[question.correct];
            assert!(["1xx", "2xx", "3xx", "4xx", "5xx"].contains(&right.as_str()));
            let answer = deck.cards[codes].answer.to_lowercase();
            for distractor in distractors(&question) {
                assert!(!answer.contains(&distractor.to_lowercase()), "{distractor}");
            }
        }
    }
    assert_eq!(asked, SEEDS.len());
    // "Which belongs in the answer to 'Explain DRF pagination'?": every label repeats
    // "Pagination", so the item is only asked with a distractor that says it too.
    let pagination = card_by_prompt(&deck, "Explain DRF pagination and its types");
    let classes = [
        "PageNumberPagination",
        "LimitOffsetPagination",
        "CursorPagination",
    ];
    for seed in SEEDS {
        for question in choice_questions_for(&deck, pagination, seed) {
            if question.form == QuestionForm::AnswerItem {
                assert!(classes.contains(&question.options[question.correct].as_str()));
                assert!(distractors(&question).any(|d| d.to_lowercase().contains("pagination")));
            }
        }
    }
    // Labels that only repeat the prompt are not asked: "Permissions" for "How does DRF
    // handle authentication and permissions?".
    let auth = card_by_prompt(&deck, "How does DRF handle authentication and permissions?");
    for seed in SEEDS {
        assert!(
            choice_questions_for(&deck, auth, seed)
                .iter()
                .all(|q| q.form != QuestionForm::AnswerItem)
        );
    }
}

#[test]
fn definitions_mask_their_term() {
    let deck = deck();
    let drf = card_by_prompt(&deck, "Django REST Framework (DRF)");
    let questions = choice_questions_for(&deck, drf, 5);
    let term = questions
        .iter()
        .find(|q| q.form == QuestionForm::TermForDefinition)
        .unwrap();
    assert!(
        term.stem
            .contains("“___ is a powerful and flexible toolkit"),
        "{}",
        term.stem
    );
    assert_eq!(term.options[term.correct], "Django REST Framework");
    assert!(!term.stem.contains("DRF"));
}

#[test]
fn short_answers_do_not_name_what_is_asked() {
    let deck = deck();
    let manage = card_by_prompt(&deck, "What is the purpose of manage.py?");
    let question = choice_questions_for(&deck, manage, 2)
        .into_iter()
        .find(|q| q.form == QuestionForm::ShortAnswer)
        .unwrap();
    assert_eq!(
        question.options[question.correct],
        "___ is a command-line utility that provides various Django administrative tasks"
    );
    // An acronym's expansion is masked too: "Cross-Origin Resource Sharing" names CORS.
    let cors = card_by_prompt(&deck, "Explain CORS and its implementation");
    for question in choice_questions_for(&deck, cors, 2) {
        assert!(
            !question.options.iter().any(|o| o.contains("Cross-Origin")),
            "{question:?}"
        );
    }
}

fn question(options: [&str; 4], correct: usize, stem: &str) -> ChoiceQuestion {
    ChoiceQuestion {
        id: "test:q".to_owned(),
        card: 0,
        form: QuestionForm::ShortAnswer,
        stem: stem.to_owned(),
        options: options.iter().map(|o| (*o).to_owned()).collect(),
        correct,
    }
}

#[test]
fn check_question_rejects_giveaways() {
    let ok = question(
        [
            "Uses page numbers",
            "For anonymous users",
            "Basic view class",
            "Test cases here",
        ],
        0,
        "Which describes it?",
    );
    check_question(&ok).unwrap();

    let mut wrong_count = ok.clone();
    wrong_count.options.pop();
    assert!(check_question(&wrong_count).is_err());
    let mut out_of_range = ok.clone();
    out_of_range.correct = 4;
    assert!(check_question(&out_of_range).is_err());
    let duplicate = question(["Same", "same ", "Other", "Another"], 2, "Which?");
    assert!(check_question(&duplicate).is_err());
    let too_long = question(["x".repeat(161).as_str(), "a", "b", "c"], 1, "Which?");
    assert!(check_question(&too_long).is_err());

    // Much longer than every distractor: picked by length alone.
    let long = question(
        [
            "A long and detailed explanation that is obviously the careful right answer here",
            "Short one",
            "Brief text",
            "Tiny bit",
        ],
        0,
        "Which?",
    );
    assert!(check_question(&long).unwrap_err().contains("longer"));
    // Much shorter than every distractor.
    let short = question(
        [
            "Tiny",
            "A much longer distractor sentence that goes on",
            "Another long distractor sentence that goes on",
            "Yet another long distractor sentence going on",
        ],
        0,
        "Which?",
    );
    assert!(check_question(&short).unwrap_err().contains("shorter"));
    // Only the right option repeats the stem's word.
    let wording = question(
        [
            "PageNumberPagination",
            "AnonRateThrottle",
            "ModelSerializer",
            "GenericAPIView",
        ],
        0,
        "Which is part of DRF pagination?",
    );
    assert!(check_question(&wording).unwrap_err().contains("pagination"));
    // Acronym spelled out by the stem.
    let acronym = question(
        [
            "Python GIL",
            "Template System",
            "Learning Curve",
            "Microservices",
        ],
        0,
        "“Global Interpreter Lock limits concurrency” describes which Django disadvantage?",
    );
    assert!(check_question(&acronym).unwrap_err().contains("gil"));
    // The only option without a blank.
    let blank = question(
        [
            "Django is a framework",
            "___ is a toolkit",
            "___ is a pattern",
            "___ is a tool",
        ],
        0,
        "What is it?",
    );
    assert!(check_question(&blank).unwrap_err().contains("blank"));
}

#[test]
fn choice_quiz_asks_each_card_once_with_varied_forms() {
    let deck = deck();
    let cards: Vec<usize> = (0..deck.cards.len()).collect();
    let quiz = choice_quiz(&deck, &cards, 40, 11);
    assert_eq!(quiz.len(), 40);
    let unique: HashSet<usize> = quiz.iter().map(|q| q.card).collect();
    assert_eq!(unique.len(), 40);
    let forms: HashSet<QuestionForm> = quiz.iter().map(|q| q.form).collect();
    assert!(forms.len() >= 5, "forms {forms:?}");
    for question in &quiz {
        check_question(question).unwrap();
    }
    // Only the given cards, and never more than there are.
    let some = [3, 5, 7];
    let small = choice_quiz(&deck, &some, 10, 11);
    assert_eq!(small.len(), 3);
    assert!(small.iter().all(|q| some.contains(&q.card)));
    assert!(choice_quiz(&deck, &cards, 0, 11).is_empty());
}

#[test]
fn drill_families_come_from_the_lists() {
    let deck = deck();
    let families = drill_families(&deck);
    let summary: Vec<(&str, [ListKind; 2], usize)> = families
        .iter()
        .map(|f| (f.subject.as_str(), f.choices, f.item_count))
        .collect();
    assert_eq!(
        summary,
        [
            ("ORM", [ListKind::Advantages, ListKind::Disadvantages], 20),
            (
                "Django",
                [ListKind::Advantages, ListKind::Disadvantages],
                28
            ),
            ("ORM", [ListKind::ChooseWhen, ListKind::AvoidWhen], 9),
            ("Django", [ListKind::ChooseWhen, ListKind::AvoidWhen], 10),
        ]
    );
    assert_eq!(families[0].label, "ORM: advantage or disadvantage?");
    assert_eq!(families[3].label, "Django: choose or avoid?");
    assert_eq!(families[0].id, "orm-advantages-disadvantages");
    let ids: HashSet<&str> = families.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
}

#[test]
fn drill_items_are_sorted_into_their_cards_list() {
    let deck = deck();
    let families = drill_families(&deck);
    let items = drill(&deck, &families, 5);
    assert_eq!(items.len(), 20 + 28 + 9 + 10);
    for item in &items {
        let list = &deck.lists[deck.cards[item.card].list().unwrap()];
        assert_eq!(item.answer, list.kind);
        assert_eq!(item.subject, list.subject);
        assert!(item.choices.contains(&item.answer));
        assert_ne!(item.choices[0], item.choices[1]);
        assert!(grade_drill(item, item.answer));
        let other = item.choices.iter().find(|k| **k != item.answer).unwrap();
        assert!(!grade_drill(item, *other));
    }
    // Both buckets appear in every family's items.
    for family in &families {
        for kind in family.choices {
            assert!(
                items
                    .iter()
                    .any(|i| i.subject == family.subject && i.answer == kind)
            );
        }
    }
    // "Template System" is in both Django lists; its statements differ by their detail.
    let template: Vec<&String> = items
        .iter()
        .filter(|i| i.statement.starts_with("Template System — "))
        .map(|i| &i.statement)
        .collect();
    assert_eq!(template.len(), 2);
    assert_ne!(template[0], template[1]);
    let guide = items
        .iter()
        .find(|i| i.answer == ListKind::AvoidWhen)
        .unwrap();
    assert!(!guide.statement.contains('—'));
    assert_eq!(bucket_label(ListKind::ChooseWhen), "Choose");

    // Shuffled by the seed, deterministically; filtering by family narrows the drill.
    assert_eq!(items, drill(&deck, &families, 5));
    assert_ne!(items, drill(&deck, &families, 6));
    let orm_only = drill(&deck, &families[..1], 5);
    assert_eq!(orm_only.len(), 20);
    assert!(orm_only.iter().all(|i| i.subject == "ORM"));
}

#[test]
#[ignore = "prints every generated question, for reviewing the forms by eye"]
fn dump_questions() {
    let deck = deck();
    let mut per_form: HashMap<QuestionForm, usize> = HashMap::new();
    for question in all_questions(&deck, 1) {
        *per_form.entry(question.form).or_default() += 1;
        println!("[{}] {}", question.id, question.stem);
        for (i, option) in question.options.iter().enumerate() {
            let mark = if i == question.correct { "*" } else { " " };
            println!("   {mark} {option}");
        }
    }
    for form in QuestionForm::ALL {
        let counts: Vec<usize> = SEEDS
            .iter()
            .map(|&seed| {
                all_questions(&deck, seed)
                    .iter()
                    .filter(|q| q.form == form)
                    .count()
            })
            .collect();
        println!(
            "{form:?}: {} (seeds {SEEDS:?}: {counts:?})",
            per_form[&form]
        );
    }
    let bank = ChoiceBank::new(&deck);
    for seed in 0..200 {
        for card in 0..deck.cards.len() {
            if bank.questions_for(card, seed).is_empty() {
                println!("seed {seed}: nothing for {}", deck.cards[card].id);
            }
        }
    }
}
