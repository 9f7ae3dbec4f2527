//! Prints every typed prompt of the deck, or with a number N, a seeded round of N prompts.
//! `cargo run --example typed_sample [N]`

use prep_engine::content::{CardKind, parse_deck};
use prep_engine::typed::{TypedForm, TypedPrompt, typed_prompts, typed_round};

fn show(prompt: &TypedPrompt) {
    println!("[{}] ({})", prompt.id, prompt.context);
    println!("    {}", prompt.prompt);
    println!("    -> {}   accepted: {:?}", prompt.answer, prompt.accepted);
}

fn main() {
    let deck = parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    )
    .expect("deck parses");
    if let Some(count) = std::env::args().nth(1).and_then(|n| n.parse().ok()) {
        let cards: Vec<usize> = (0..deck.cards.len()).collect();
        for prompt in typed_round(&deck, &cards, count, 7) {
            show(&prompt);
        }
        return;
    }
    let (mut reverse, mut cloze) = (0, 0);
    let mut covered = [[0usize; 2]; 4];
    for card in 0..deck.cards.len() {
        let prompts = typed_prompts(&deck, card);
        let kind = match deck.cards[card].kind {
            CardKind::Question { .. } => 0,
            CardKind::Definition => 1,
            CardKind::OneLiner { .. } => 2,
            CardKind::GuideItem { .. } => 3,
        };
        covered[kind][1] += 1;
        if !prompts.is_empty() {
            covered[kind][0] += 1;
        }
        for prompt in &prompts {
            match prompt.form {
                TypedForm::Reverse => reverse += 1,
                TypedForm::Cloze => cloze += 1,
            }
            show(prompt);
        }
    }
    println!("\nreverse prompts: {reverse}, cloze prompts: {cloze}");
    for (name, [with, all]) in ["questions", "definitions", "one-liners", "guide items"]
        .iter()
        .zip(covered)
    {
        println!("{name}: {with} of {all} cards have a typed prompt");
    }
}
