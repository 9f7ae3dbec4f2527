//! Prints the deck's search documents as JSON, one object per card (`id`, `title`,
//! `context`, `text`): what the search benchmark gives every engine it compares.
//! `cargo run -p prep-engine --example search_docs > docs.json`

use prep_compile::{documents, parse_deck};

fn main() {
    let deck = parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    )
    .expect("deck parses");
    let docs: Vec<serde_json::Value> = documents(&deck)
        .into_iter()
        .zip(&deck.cards)
        .map(|(doc, card)| {
            serde_json::json!({
                "id": card.id.as_str(),
                "title": doc.title,
                "context": doc.context,
                "text": doc.text,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&docs).expect("plain values")
    );
}
