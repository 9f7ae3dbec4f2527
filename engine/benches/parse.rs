//! Start-up cost of the content pipeline: parsing the embedded deck and rendering every answer.
//! Run with `cargo bench -p prep-engine --bench parse` (plain std timing; no harness dependency).

use std::hint::black_box;

use prep_compile::markdown::to_html;
use prep_compile::parse_deck;

mod common;
use common::time;

const CONTENT: &str = include_str!("../../content/interview.md");

fn main() {
    let deck = parse_deck("content/interview.md", CONTENT).expect("content parses");
    time("parse_deck (whole content)", 200, || {
        parse_deck("content/interview.md", black_box(CONTENT))
    });
    time("to_html (every answer)", 200, || {
        deck.cards
            .iter()
            .map(|c| to_html(&c.answer).len())
            .sum::<usize>()
    });
    let q27 = deck
        .cards
        .iter()
        .find(|c| c.prompt.starts_with("Difference between APIView"))
        .unwrap();
    time("to_html (Q27, the largest answer)", 2000, || {
        to_html(&q27.answer)
    });
}
