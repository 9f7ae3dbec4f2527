//! What the study modes compute from the content at run time, per card and per round: the
//! cost issue 13's compiled deck moves to build time. Run with
//! `cargo bench -p prep-engine --bench practice` (plain std timing; no harness dependency).

use prep_engine::content::parse_deck;
use prep_engine::quiz::{ChoiceBank, drill, drill_families};
use prep_engine::recall::{check_recall, key_points};
use prep_engine::typed::{TypedBank, deck_prompts, typed_prompts};

mod common;
use common::time;

const CONTENT: &str = include_str!("../../content/interview.md");

fn main() {
    let deck = parse_deck("content/interview.md", CONTENT).expect("content parses");
    let circuit = deck
        .cards
        .iter()
        .position(|c| c.prompt == "What is Circuit Breaker pattern?")
        .expect("the circuit breaker question");
    let cards: Vec<usize> = (0..deck.cards.len()).collect();

    time("ChoiceBank::new (whole deck)", 20, || {
        ChoiceBank::new(&deck)
    });
    let bank = ChoiceBank::new(&deck);
    time("questions_for (one card, bank built)", 20, || {
        bank.questions_for(circuit, 7)
    });
    time("quiz of 10 (bank built)", 20, || bank.quiz(&cards, 10, 7));
    time("typed_prompts (one card, bank built per call)", 20, || {
        typed_prompts(&deck, circuit)
    });
    let typed = TypedBank::new(&deck);
    time("TypedBank::prompts_for (one card, bank built)", 200, || {
        typed.prompts_for(circuit)
    });
    time("deck_prompts (whole deck)", 5, || deck_prompts(&deck));
    time("key_points (one card)", 200, || key_points(&deck, circuit));
    let points = key_points(&deck, circuit);
    time("check_recall (one answer)", 2000, || {
        check_recall(
            &points,
            &deck.cards[circuit].prompt,
            "It stops calls to a failing service so failures do not cascade; closed, open, half-open",
        )
    });
    time("drill (every family)", 200, || {
        drill(&deck, &drill_families(&deck), 7)
    });
}
