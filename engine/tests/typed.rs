//! Typed recall over the real deck: reverse cards and clozes exist where they should, never
//! give their answer away, and the checker is forgiving about spelling, exact about numbers,
//! and never panics.

use prep_engine::content::{CardKind, Deck, parse_deck};
use prep_engine::rng::Rng;
use prep_engine::text;
use prep_engine::typed::{
    BLANK, TypedForm, TypedPrompt, TypedVerdict, check_typed, cloze_prompts, deck_prompts,
    reverse_prompts, typed_prompts, typed_round,
};

mod common;
use common::{card_by_prompt as card, deck};

fn all_prompts(deck: &Deck) -> Vec<TypedPrompt> {
    deck_prompts(deck)
}

fn cloze<'a>(prompts: &'a [TypedPrompt], answer: &str) -> &'a TypedPrompt {
    prompts
        .iter()
        .find(|p| p.form == TypedForm::Cloze && p.answer == answer)
        .unwrap_or_else(|| panic!("no cloze for {answer:?} in {prompts:#?}"))
}

fn verdict(prompt: &TypedPrompt, typed: &str) -> TypedVerdict {
    check_typed(prompt, typed)
}

/// Hyphenated compounds as one word, like the engine's giveaway check: "Half-Open" does not
/// show "Open".
fn shown_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut previous_end = None;
    for token in text::tokens(text) {
        let joined = previous_end.is_some_and(|end| text.get(end..token.start) == Some("-"));
        if joined && let Some(last) = words.last_mut() {
            last.push('-');
            last.push_str(&token.norm());
        } else {
            words.push(token.norm());
        }
        previous_end = Some(token.end);
    }
    words
}

#[test]
fn circuit_breaker_reverse_prompt() {
    let deck = deck();
    let index = card(deck, "What is Circuit Breaker pattern?");
    let reverse = reverse_prompts(deck, index);
    let [prompt] = reverse.as_slice() else {
        panic!("one reverse prompt expected: {reverse:#?}");
    };
    assert_eq!(prompt.id, "reverse:what-is-circuit-breaker-pattern");
    assert_eq!(prompt.form, TypedForm::Reverse);
    assert_eq!(
        prompt.prompt,
        "What prevents cascading failures by monitoring service calls and temporarily \
         blocking requests to failing services?"
    );
    assert_eq!(prompt.answer, "Circuit Breaker");
    assert!(
        prompt
            .accepted
            .contains(&"Circuit Breaker pattern".to_owned())
    );
    assert_eq!(verdict(prompt, "circuit breaker"), TypedVerdict::Exact);
    assert_eq!(verdict(prompt, "  Circuit-Breakers! "), TypedVerdict::Exact);
    assert_eq!(verdict(prompt, "breaker circuit"), TypedVerdict::Exact);
    assert_eq!(
        verdict(prompt, "the circuit breaker pattern"),
        TypedVerdict::Exact
    );
    assert_eq!(verdict(prompt, "circiut braeker"), TypedVerdict::Typo);
    assert_eq!(verdict(prompt, "circuit"), TypedVerdict::Wrong);
    assert_eq!(verdict(prompt, "bulkhead"), TypedVerdict::Wrong);
    assert_eq!(verdict(prompt, "service mesh"), TypedVerdict::Wrong);
    assert_eq!(verdict(prompt, ""), TypedVerdict::Blank);
    assert_eq!(verdict(prompt, " ?! "), TypedVerdict::Blank);
}

#[test]
fn questions_that_name_a_concept_reverse() {
    let deck = deck();
    let cases = [
        (
            "What is service discovery in microservices?",
            "What allows services to find and communicate with each other without hardcoding \
             network locations?",
            "Service discovery",
        ),
        (
            "What is API Gateway and its role?",
            "What acts as single entry point for all client requests, routing them to \
             appropriate microservices?",
            "API Gateway",
        ),
        (
            "What are webhooks and their use cases?",
            "What are HTTP callbacks that notify applications when specific events occur?",
            "Webhooks",
        ),
        (
            "What is Test-Driven Development (TDD)?",
            "What is a development approach where tests are written before code?",
            "TDD",
        ),
    ];
    for (question, description, answer) in cases {
        let prompts = reverse_prompts(deck, card(deck, question));
        let [prompt] = prompts.as_slice() else {
            panic!("one reverse prompt for {question:?}: {prompts:#?}");
        };
        assert_eq!(prompt.prompt, description);
        assert_eq!(prompt.answer, answer);
        assert_eq!(
            check_typed(prompt, &answer.to_lowercase()),
            TypedVerdict::Exact
        );
        // The question itself would give the answer away: it is never the context.
        assert_ne!(prompt.context, question);
    }
    // Skipped, as the description would show the concept.
    for question in [
        "What is containerization and its benefits for microservices?",
        "Explain the Database-per-Service pattern",
    ] {
        assert!(
            reverse_prompts(deck, card(deck, question)).is_empty(),
            "{question}"
        );
    }
    let gil = card(deck, "Python GIL");
    assert!(
        reverse_prompts(deck, gil).is_empty(),
        "Global Interpreter Lock shows GIL"
    );
}

#[test]
fn circuit_breaker_states_cloze() {
    let deck = deck();
    let prompts = cloze_prompts(deck, card(deck, "What is Circuit Breaker pattern?"));
    let open = cloze(&prompts, "Open");
    assert_eq!(
        open.prompt,
        "It has three states: Closed, ___, and Half-Open"
    );
    assert_eq!(open.context, "What is Circuit Breaker pattern?");
    assert!(
        open.id
            .starts_with("cloze:what-is-circuit-breaker-pattern:")
    );
    assert_eq!(verdict(open, "open"), TypedVerdict::Exact);
    assert_eq!(verdict(open, "OPEN."), TypedVerdict::Exact);
    // A plural is not another word.
    assert_eq!(verdict(open, "Opens"), TypedVerdict::Exact);
    assert_eq!(verdict(open, "opne"), TypedVerdict::Typo);
    assert_eq!(verdict(open, "Closed"), TypedVerdict::Wrong);
    assert_eq!(verdict(open, "Half-Open"), TypedVerdict::Wrong);
    // Hedging with the shown items does not pass.
    assert_eq!(verdict(open, "closed open"), TypedVerdict::Wrong);
    assert_eq!(verdict(open, ""), TypedVerdict::Blank);
    let closed = cloze(&prompts, "Closed");
    assert_eq!(
        closed.prompt,
        "It has three states: ___, Open, and Half-Open"
    );
    assert_eq!(verdict(closed, "close"), TypedVerdict::Exact);
    assert_eq!(verdict(closed, "open"), TypedVerdict::Wrong);
}

#[test]
fn select_and_prefetch_related_clozes() {
    let deck = deck();
    let prompts = cloze_prompts(
        deck,
        card(
            deck,
            "Difference between Django's select_related() and prefetch_related()",
        ),
    );
    let foreign = cloze(&prompts, "ForeignKey");
    assert!(
        foreign
            .prompt
            .starts_with("select_related(): Uses SQL joins")
    );
    assert_eq!(verdict(foreign, "foreign key"), TypedVerdict::Exact);
    assert_eq!(verdict(foreign, "ForeignKeys"), TypedVerdict::Exact);
    assert_eq!(verdict(foreign, "foriegnkey"), TypedVerdict::Typo);
    assert_eq!(verdict(foreign, "OneToOneField"), TypedVerdict::Wrong);
    let many = cloze(&prompts, "ManyToManyField");
    assert!(
        many.prompt
            .starts_with("prefetch_related(): Uses separate queries")
    );
    assert_eq!(verdict(many, "many to many field"), TypedVerdict::Exact);
    assert_eq!(verdict(many, "ForeignKey"), TypedVerdict::Wrong);
    // The names the question already shows are never blanked.
    assert!(prompts.iter().all(|p| !p.answer.contains("related")));
}

#[test]
fn code_names_and_commands_are_blanked() {
    let deck = deck();
    let project = cloze_prompts(deck, card(deck, "How do you create a Django project?"));
    let start = cloze(&project, "startproject");
    assert_eq!(
        start.prompt,
        "Use the command: django-admin ___ project_name"
    );
    assert_eq!(verdict(start, "start project"), TypedVerdict::Exact);
    assert_eq!(verdict(start, "startprojet"), TypedVerdict::Typo);
    assert_eq!(verdict(start, "startapp"), TypedVerdict::Wrong);
    let app = cloze_prompts(deck, card(deck, "How do you create a Django app?"));
    let manage = cloze(&app, "manage.py");
    assert_eq!(verdict(manage, "manage py"), TypedVerdict::Exact);
    assert_eq!(verdict(manage, "managepy"), TypedVerdict::Exact);
    assert_eq!(verdict(manage, "manage"), TypedVerdict::Wrong);
    let pagination = cloze_prompts(deck, card(deck, "Explain DRF pagination and its types"));
    let limit = cloze(&pagination, "LimitOffsetPagination");
    assert_eq!(limit.prompt, "___: Uses limit and offset parameters");
    assert_eq!(
        verdict(limit, "limit offset pagination"),
        TypedVerdict::Exact
    );
    assert_eq!(verdict(limit, "LimitOfsetPagination"), TypedVerdict::Typo);
    assert_eq!(verdict(limit, "CursorPagination"), TypedVerdict::Wrong);
}

#[test]
fn numbers_must_be_exact() {
    let deck = deck();
    let prompts = cloze_prompts(deck, card(deck, "What is PEP 8 and its key guidelines?"));
    let line = cloze(&prompts, "79");
    assert_eq!(line.prompt, "Line length: Maximum ___ characters");
    assert_eq!(verdict(line, "79"), TypedVerdict::Exact);
    assert_eq!(verdict(line, "79 characters"), TypedVerdict::Exact);
    assert_eq!(verdict(line, "78"), TypedVerdict::Wrong);
    assert_eq!(verdict(line, "790"), TypedVerdict::Wrong);
    assert_eq!(verdict(line, "seventy-nine"), TypedVerdict::Wrong);
    let indent = cloze(&prompts, "4");
    assert_eq!(
        indent.prompt,
        "Indentation: Use ___ spaces per indentation level"
    );
    assert_eq!(verdict(indent, "four"), TypedVerdict::Exact);
    assert_eq!(verdict(indent, "4 spaces"), TypedVerdict::Exact);
    assert_eq!(verdict(indent, "2"), TypedVerdict::Wrong);
    assert_eq!(verdict(indent, "fuor"), TypedVerdict::Typo);
}

#[test]
fn another_word_of_the_card_is_wrong_not_a_typo() {
    let deck = deck();
    let prompts = cloze_prompts(
        deck,
        card(
            deck,
            "What are the advantages of microservices architecture?",
        ),
    );
    let scalability = cloze(&prompts, "Scalability");
    // "capability" is two edits from "scalability" (inside its typo budget), but it is
    // another real word the learner read on this card ("business capabilities").
    assert!(scalability.confusable.contains(&"capability".to_owned()));
    assert_eq!(verdict(scalability, "capability"), TypedVerdict::Wrong);
    assert_eq!(verdict(scalability, "scalabilty"), TypedVerdict::Typo);
    assert_eq!(verdict(scalability, "scalable"), TypedVerdict::Wrong);
}

#[test]
fn words_next_to_the_blank_may_be_typed_along() {
    let deck = deck();
    let prompts = cloze_prompts(deck, card(deck, "What is DRF and its key components?"));
    let rest = cloze(&prompts, "REST");
    assert_eq!(
        rest.prompt,
        "Django ___ Framework is a powerful toolkit for building Web APIs"
    );
    assert_eq!(verdict(rest, "REST"), TypedVerdict::Exact);
    assert_eq!(verdict(rest, "Django REST Framework"), TypedVerdict::Exact);
    assert_eq!(verdict(rest, "rest toolkit"), TypedVerdict::Wrong);
    assert_eq!(verdict(rest, "SOAP"), TypedVerdict::Wrong);
}

#[test]
fn acronyms_accept_their_expansions() {
    let deck = deck();
    let cors = &reverse_prompts(deck, card(deck, "Explain CORS and its implementation"))[0];
    assert_eq!(
        cors.prompt,
        "What allows web pages to make requests to different domains?"
    );
    assert_eq!(cors.answer, "CORS");
    assert_eq!(verdict(cors, "cors"), TypedVerdict::Exact);
    assert_eq!(
        verdict(cors, "cross origin resource sharing"),
        TypedVerdict::Exact
    );
    assert_eq!(verdict(cors, "CSRF"), TypedVerdict::Wrong);
    let tdd = &reverse_prompts(deck, card(deck, "What is Test-Driven Development (TDD)?"))[0];
    assert_eq!(tdd.answer, "TDD");
    assert_eq!(verdict(tdd, "test driven development"), TypedVerdict::Exact);
    assert_eq!(verdict(tdd, "TDD"), TypedVerdict::Exact);
    let drf = &reverse_prompts(deck, card(deck, "Django REST Framework (DRF)"))[0];
    assert_eq!(drf.answer, "Django REST Framework");
    assert!(!drf.prompt.contains("Django REST Framework"));
    assert_eq!(verdict(drf, "drf"), TypedVerdict::Exact);
    assert_eq!(verdict(drf, "django rest framwork"), TypedVerdict::Typo);
}

#[test]
fn one_liners_with_checkable_heads_reverse() {
    let deck = deck();
    let index = deck
        .cards
        .iter()
        .position(|c| c.prompt == "Database Independence")
        .unwrap();
    let [prompt] = reverse_prompts(deck, index).try_into().unwrap();
    assert_eq!(prompt.prompt, "Switch between databases easily");
    assert_eq!(prompt.context, "ORM advantage");
    assert_eq!(
        verdict(&prompt, "database independence"),
        TypedVerdict::Exact
    );
    let migration = deck
        .cards
        .iter()
        .position(|c| c.prompt == "Migration Support")
        .unwrap();
    let [migration] = reverse_prompts(deck, migration).try_into().unwrap();
    assert_eq!(verdict(&migration, "migrations"), TypedVerdict::Exact);
    // Vague heads are skipped: any synonym would be as right.
    for vague in ["Faster Development", "Performance Overhead", "Memory Usage"] {
        let index = deck.cards.iter().position(|c| c.prompt == vague).unwrap();
        assert!(reverse_prompts(deck, index).is_empty(), "{vague}");
    }
}

#[test]
fn every_prompt_is_well_formed_and_gives_nothing_away() {
    let deck = deck();
    let prompts = all_prompts(deck);
    assert!(prompts.len() > 150, "{}", prompts.len());
    let mut ids = std::collections::HashSet::new();
    for prompt in &prompts {
        assert!(ids.insert(prompt.id.clone()), "duplicate id {}", prompt.id);
        let blanks = prompt.prompt.matches(BLANK).count();
        match prompt.form {
            TypedForm::Cloze => assert_eq!(blanks, 1, "{prompt:#?}"),
            TypedForm::Reverse => assert_eq!(blanks, 0, "{prompt:#?}"),
        }
        assert!(prompt.prompt.chars().count() <= 200, "{prompt:#?}");
        assert!(!prompt.context.trim().is_empty(), "{prompt:#?}");
        assert_eq!(prompt.accepted.first(), Some(&prompt.answer));
        // No accepted spelling is shown whole, and the answer keeps a word that is not shown.
        let shown = shown_words(&format!("{}\n{}", prompt.prompt, prompt.context));
        let significant = |spelling: &str| -> Vec<String> {
            shown_words(spelling)
                .into_iter()
                .filter(|w| !text::is_stopword(w))
                .collect()
        };
        for spelling in &prompt.accepted {
            let words = significant(spelling);
            assert!(
                !words.iter().all(|w| shown.contains(w)),
                "{spelling:?} is shown in {prompt:#?}"
            );
        }
        assert!(
            significant(&prompt.answer)
                .iter()
                .any(|w| !shown.contains(w)),
            "{prompt:#?}"
        );
        // The answer and every spelling check as exact; a blank is blank.
        assert_eq!(
            check_typed(prompt, &prompt.answer),
            TypedVerdict::Exact,
            "{prompt:#?}"
        );
        for spelling in &prompt.accepted {
            assert_eq!(
                check_typed(prompt, spelling),
                TypedVerdict::Exact,
                "{spelling:?} in {prompt:#?}"
            );
        }
        assert_eq!(check_typed(prompt, ""), TypedVerdict::Blank);
        assert_eq!(check_typed(prompt, " \t\n-_."), TypedVerdict::Blank);
    }
}

#[test]
fn one_letter_typo_in_a_long_answer_is_a_typo() {
    let deck = deck();
    let mut checked = 0;
    for prompt in all_prompts(deck) {
        let answer = &prompt.answer;
        let letters: Vec<(usize, char)> = answer.char_indices().collect();
        let is_long_word = answer.chars().all(char::is_alphabetic) && answer.chars().count() >= 8;
        if !is_long_word {
            continue;
        }
        // Replace one inner letter with another letter.
        let (at, c) = letters[letters.len() / 2];
        let other = if c == 'q' { 'x' } else { 'q' };
        let typo = format!("{}{other}{}", &answer[..at], &answer[at + c.len_utf8()..]);
        assert_eq!(
            check_typed(&prompt, &typo),
            TypedVerdict::Typo,
            "{typo:?} {prompt:#?}"
        );
        // And a dropped letter.
        let dropped = format!("{}{}", &answer[..at], &answer[at + c.len_utf8()..]);
        assert_ne!(
            check_typed(&prompt, &dropped),
            TypedVerdict::Wrong,
            "{dropped:?}"
        );
        checked += 1;
    }
    assert!(checked > 30, "{checked}");
}

#[test]
fn random_input_never_panics() {
    let deck = deck();
    let prompts = all_prompts(deck);
    let mut rng = Rng::new(42);
    let alphabet: Vec<char> = "aeiouxyzAB _-.()'’s0123456789é漢🙂\u{301}\t\n___,:;?!"
        .chars()
        .collect();
    for round in 0..3000 {
        let prompt = &prompts[rng.below(prompts.len())];
        let length = rng.below(40);
        let typed: String = if round % 3 == 0 {
            let bytes: Vec<u8> = (0..length).map(|_| rng.next_u64() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..length)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        };
        let _ = check_typed(prompt, &typed);
    }
    let long = "select_related ".repeat(2000);
    let _ = check_typed(&prompts[0], &long);
    // Prompts that did not come from the engine (say, stored and edited) are no trouble either.
    for _ in 0..500 {
        let mut text = || -> String {
            let length = rng.below(12);
            (0..length)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        };
        let prompt = TypedPrompt {
            id: text(),
            card: usize::MAX,
            form: TypedForm::Cloze,
            prompt: text(),
            context: text(),
            answer: text(),
            accepted: vec![text(), text()],
            confusable: vec![text()],
        };
        let typed = text();
        let _ = check_typed(&prompt, &typed);
    }
}

#[test]
fn odd_content_never_panics() {
    let source = "# T\n\n## Definitions\n\n### (DRF)\nIt is (unclosed. It provides a, b, and c.\n\n\
        ### Ünïcödé Términ (ÜT)\nÜnïcödé Términ is 漢字 — a test, with 🙂, x, y, and z.\n\n\
        ## Q\n\n### 1. What is ?\n?\n\n### 2. Explain (\n(((\n\n\
        ### 3. What is X and its Y?\nX is ___ and ___, with select_related(), a, b, c.\n\n\
        ### 4. What are Z?\n**A**:\n**B**: 1, 2, and 3\n";
    let deck = parse_deck("odd.md", source).unwrap();
    assert!(deck.cards.len() >= 5, "{:#?}", deck.cards);
    assert!(!deck_prompts(&deck).is_empty());
    for prompt in deck_prompts(&deck) {
        let blanks = usize::from(prompt.form == TypedForm::Cloze);
        assert_eq!(prompt.prompt.matches(BLANK).count(), blanks, "{prompt:#?}");
        assert_eq!(check_typed(&prompt, &prompt.answer), TypedVerdict::Exact);
    }
    let cards: Vec<usize> = (0..deck.cards.len() + 3).collect();
    let _ = typed_round(&deck, &cards, 10, 3);
    assert!(typed_prompts(&deck, usize::MAX).is_empty());
}

#[test]
fn rounds_are_seeded_mixed_and_one_per_card() {
    let deck = deck();
    let cards: Vec<usize> = (0..deck.cards.len()).collect();
    let round = typed_round(deck, &cards, 20, 7);
    assert_eq!(round.len(), 20);
    // In the order given: the caller's plan decides which cards come first.
    assert!(round.windows(2).all(|pair| pair[0].card < pair[1].card));
    assert_eq!(round, typed_round(deck, &cards, 20, 7));
    // The seed picks among a card's prompts, so some seed picks differently.
    assert!((8..40).any(|seed| typed_round(deck, &cards, 20, seed) != round));
    let mut seen = std::collections::HashSet::new();
    assert!(round.iter().all(|p| seen.insert(p.card)));
    // Over a shuffled plan, as the app gives, the two forms alternate where cards allow.
    let mut shuffled = cards.clone();
    Rng::new(7).shuffle(&mut shuffled);
    let mixed = typed_round(deck, &shuffled, 20, 7);
    let reverse = mixed
        .iter()
        .filter(|p| p.form == TypedForm::Reverse)
        .count();
    assert!((5..=15).contains(&reverse), "{reverse} reverse of 20");
    // Only the given cards, and no more than asked.
    let some = typed_round(deck, &cards[70..80], 100, 1);
    assert!(some.iter().all(|p| (70..80).contains(&p.card)));
    assert!(some.len() <= 10);
    assert!(typed_round(deck, &[], 5, 1).is_empty());
    assert!(typed_round(deck, &[usize::MAX], 5, 1).is_empty());
}

#[test]
fn coverage_over_the_deck() {
    let deck = deck();
    let mut with = [0usize; 4];
    let mut all = [0usize; 4];
    let (mut reverse, mut clozes) = (0, 0);
    let every = deck_prompts(deck);
    for card in 0..deck.cards.len() {
        let kind = match deck.cards[card].kind {
            CardKind::Question { .. } => 0,
            CardKind::Definition => 1,
            CardKind::OneLiner { .. } => 2,
            CardKind::GuideItem { .. } => 3,
        };
        let prompts: Vec<&TypedPrompt> = every.iter().filter(|p| p.card == card).collect();
        all[kind] += 1;
        with[kind] += usize::from(!prompts.is_empty());
        reverse += prompts
            .iter()
            .filter(|p| p.form == TypedForm::Reverse)
            .count();
        clozes += prompts
            .iter()
            .filter(|p| p.form == TypedForm::Cloze)
            .count();
    }
    println!(
        "typed prompts: {reverse} reverse, {clozes} cloze; cards covered: questions {}/{}, \
         definitions {}/{}, one-liners {}/{}, guide items {}/{}",
        with[0], all[0], with[1], all[1], with[2], all[2], with[3], all[3]
    );
    assert!(with[0] * 10 >= all[0] * 9, "most questions");
    assert_eq!(with[1], all[1], "all definitions");
    assert!(with[2] * 3 >= all[2], "the one-liners with checkable heads");
    assert_eq!(with[3], 0, "guide items are not typed material");
    assert!(reverse >= 50 && clozes >= 150);
    // Card by card gives the same prompts as the whole deck at once.
    for card in [0, 7, 80, 120] {
        let one: Vec<&TypedPrompt> = every.iter().filter(|p| p.card == card).collect();
        let alone = typed_prompts(deck, card);
        assert_eq!(one, alone.iter().collect::<Vec<_>>());
    }
}
