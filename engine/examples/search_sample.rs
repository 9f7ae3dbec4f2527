//! Prints the top cards for each query given, with scores, marked titles and snippets
//! ([marked] words in brackets), or suggestions when nothing matches: for tuning by hand.
//! `cargo run -p prep-engine --example search_sample -- "throtling" "circuit br"`

use prep_compile::compile;
use prep_engine::search::Marked;

fn show(marked: &Marked) -> String {
    marked
        .pieces()
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                format!("[{text}]")
            } else {
                text.to_owned()
            }
        })
        .collect()
}

fn main() {
    let deck = compile(
        "content/interview.md",
        include_str!("../../content/interview.md"),
        &[],
    )
    .expect("deck compiles");
    for query in std::env::args().skip(1) {
        println!("{query:?}");
        let hits = deck.search().search(&query, 5).hits;
        for hit in &hits {
            println!("  {:7.3}  {}", hit.score, show(&hit.title));
            println!("           {}", show(&hit.snippet));
        }
        if hits.is_empty() {
            println!("  nothing; try {:?}", deck.search().suggestions(&query, 3));
        }
    }
}
