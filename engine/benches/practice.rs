//! What practice costs: compiling the authored items (parse, lint, compile with the deck) at
//! build time, and at study time a quiz, a fill-in round, an answer check and a drill over the
//! compiled deck. Run with `cargo bench -p prep-engine --bench practice` (plain std timing; no
//! harness dependency).

use std::path::Path;

use prep_compile::practice::{lint, parse_files, read_files};
use prep_compile::{compile, parse_deck};
use prep_engine::fill_in::check_fill_in;
use prep_engine::quiz::{drill, drill_families};
use prep_engine::recall::key_points;

mod common;
use common::time;

const CONTENT: &str = include_str!("../../content/interview.md");

fn main() {
    let deck = parse_deck("content/interview.md", CONTENT).expect("content parses");
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/practice"));
    let files = read_files(dir, "content/practice").expect("content/practice is readable");
    let practice = parse_files(&files).expect("practice parses");
    let circuit = deck
        .cards
        .iter()
        .position(|c| c.prompt == "What is Circuit Breaker pattern?")
        .expect("the circuit breaker question");
    let cards: Vec<usize> = (0..deck.cards.len()).collect();

    time("parse every practice file", 50, || parse_files(&files));
    time("lint every item", 20, || lint(&practice, &deck));
    time("compile deck and practice", 5, || {
        compile("content/interview.md", CONTENT, &files)
    });
    let compiled = compile("content/interview.md", CONTENT, &files).expect("compiles");
    time("quiz of 10 (compiled)", 200, || {
        compiled.choice_quiz(&cards, 10, 7)
    });
    time("fill-in round of 10 (compiled)", 200, || {
        compiled.fill_in_round(&cards, 10, 7)
    });
    let prompts: Vec<_> = (0..deck.cards.len())
        .flat_map(|card| compiled.fill_in_prompts(card).to_vec())
        .collect();
    time("check every fill-in answer once", 50, || {
        prompts
            .iter()
            .filter(|p| check_fill_in(p, "select related").is_right())
            .count()
    });
    time("key_points (one card)", 200, || key_points(&deck, circuit));
    time("drill (every family)", 200, || {
        drill(&deck, &drill_families(&deck), 7)
    });
}
