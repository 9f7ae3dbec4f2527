//! Start-up cost of the content pipeline: parsing the embedded deck and rendering every answer.
//! Run with `cargo bench -p prep-engine --bench parse` (plain std timing; no harness dependency).

use std::hint::black_box;
use std::time::Instant;

use prep_engine::content::parse_deck;
use prep_engine::markdown::to_html;

const CONTENT: &str = include_str!("../../content/interview.md");

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(work());
    }
    let per_run = start.elapsed() / runs;
    println!("{label:<40} {per_run:>12.2?} per run ({runs} runs)");
}

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
