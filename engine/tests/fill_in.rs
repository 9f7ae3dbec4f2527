//! Fill-in over the real deck: every authored prompt is well formed and accepts its own
//! spellings; the checker forgives slips but not another word or number, and never panics.

use prep_engine::fill_in::{
    BLANK, FillInPrompt, FillInVerdict, Vocabulary, check_fill_in, fill_in_prompt,
};
use prep_engine::rng::Rng;

mod common;
use common::compiled;

fn all_prompts() -> Vec<FillInPrompt> {
    let compiled = compiled();
    (0..compiled.deck().cards.len())
        .flat_map(|card| compiled.fill_in_prompts(card).to_vec())
        .collect()
}

#[test]
fn every_prompt_has_one_blank_and_accepts_each_of_its_spellings() {
    let prompts = all_prompts();
    assert!(prompts.len() >= 40, "{}", prompts.len());
    for prompt in &prompts {
        assert_eq!(prompt.prompt.matches(BLANK).count(), 1, "{}", prompt.id);
        assert!(!prompt.accepted.is_empty(), "{}", prompt.id);
        assert_eq!(prompt.answer, prompt.accepted[0]);
        for spelling in &prompt.accepted {
            assert_eq!(
                check_fill_in(prompt, spelling),
                FillInVerdict::Exact,
                "{} {spelling:?}",
                prompt.id
            );
        }
        assert_eq!(check_fill_in(prompt, ""), FillInVerdict::Blank);
    }
}

/// A prompt made the way the compiler makes one, over a small vocabulary.
fn prompt(sentence: &str, accepted: &[&str], vocabulary: &str) -> FillInPrompt {
    let accepted: Vec<String> = accepted.iter().map(|s| (*s).to_owned()).collect();
    fill_in_prompt(
        "fill-in:x:1".into(),
        0,
        "A card".into(),
        sentence.into(),
        &accepted,
        String::new(),
        &Vocabulary::of(vocabulary),
    )
}

#[test]
fn another_word_is_wrong_even_within_typo_distance() {
    let signals = prompt(
        "A `post_save` receiver is a common place for cache ___.",
        &["invalidation"],
        "Use signals for logging, cache invalidation, or side effects. Field validation runs in clean().",
    );
    assert_eq!(check_fill_in(&signals, "validation"), FillInVerdict::Wrong);
    assert_eq!(
        check_fill_in(&signals, "cache validation"),
        FillInVerdict::Wrong
    );
    assert_eq!(check_fill_in(&signals, "invalidaton"), FillInVerdict::Typo);
    assert_eq!(
        check_fill_in(&signals, "Invalidation"),
        FillInVerdict::Exact
    );
    // A prefix makes another word even when the deck never uses it.
    let calls = prompt("Message queues make calls ___.", &["asynchronous"], "");
    assert_eq!(check_fill_in(&calls, "synchronous"), FillInVerdict::Wrong);
    let model = prompt("A model for a database view is ___.", &["unmanaged"], "");
    assert_eq!(check_fill_in(&model, "managed"), FillInVerdict::Wrong);
    // A word of the deck's within typo distance is that word, not a slip.
    let states = prompt(
        "A tripped breaker is ___.",
        &["Open"],
        "Closed, Open, Opens",
    );
    assert_eq!(check_fill_in(&states, "Closed"), FillInVerdict::Wrong);
}

#[test]
fn numbers_must_be_exact() {
    let created = prompt(
        "A POST that made a resource answers ___ Created.",
        &["201"],
        "",
    );
    assert_eq!(check_fill_in(&created, "201"), FillInVerdict::Exact);
    assert_eq!(check_fill_in(&created, "200"), FillInVerdict::Wrong);
    assert_eq!(check_fill_in(&created, "2010"), FillInVerdict::Wrong);
}

#[test]
fn rounds_are_seeded_and_one_per_card() {
    let compiled = compiled();
    let cards: Vec<usize> = (0..compiled.deck().cards.len()).collect();
    let round = compiled.fill_in_round(&cards, 10, 7);
    assert_eq!(round.len(), 10);
    assert_eq!(round, compiled.fill_in_round(&cards, 10, 7));
    let distinct: std::collections::HashSet<usize> = round.iter().map(|p| p.card).collect();
    assert_eq!(distinct.len(), round.len());
    assert!(compiled.fill_in_round(&[], 5, 1).is_empty());
    assert!(compiled.fill_in_round(&[usize::MAX], 5, 1).is_empty());
}

#[test]
fn one_letter_typo_in_a_long_answer_is_a_typo() {
    let mut checked = 0;
    for prompt in all_prompts() {
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
            check_fill_in(&prompt, &typo),
            FillInVerdict::Typo,
            "{typo:?} {prompt:#?}"
        );
        // And a dropped letter.
        let dropped = format!("{}{}", &answer[..at], &answer[at + c.len_utf8()..]);
        assert_ne!(
            check_fill_in(&prompt, &dropped),
            FillInVerdict::Wrong,
            "{dropped:?}"
        );
        checked += 1;
    }
    assert!(checked > 10, "{checked}");
}

#[test]
fn random_input_never_panics() {
    let prompts = all_prompts();
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
        let _ = check_fill_in(prompt, &typed);
    }
    let long = "select_related ".repeat(2000);
    let _ = check_fill_in(&prompts[0], &long);
    // Prompts that did not come from the engine (say, stored and edited) are no trouble either.
    for _ in 0..500 {
        let mut text = || -> String {
            let length = rng.below(12);
            (0..length)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        };
        let prompt = FillInPrompt {
            id: text(),
            card: usize::MAX,
            prompt: text(),
            context: text(),
            answer: text(),
            accepted: vec![text(), text()],
            confusable: vec![text()],
            why: text(),
        };
        let typed = text();
        let _ = check_fill_in(&prompt, &typed);
    }
}
