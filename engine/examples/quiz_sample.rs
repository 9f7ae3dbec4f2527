//! Prints a seeded sample of the deck's generated questions (or drill items) as plain text,
//! for a person to judge them the way a learner would.
//!
//! `cargo run -q -p prep-engine --example quiz_sample -- --seed 7 --count 30 [--drill]`
//! (`--stats` prints the number of questions per form and the cards without any instead).
//!
//! The sample is drawn from every question every card yields for the seed, shuffled by the
//! same seed, so two runs with one seed print the same questions.

use std::process::ExitCode;

use prep_engine::content::parse_deck;
use prep_engine::quiz::{ChoiceBank, QuestionForm, bucket_label, drill, drill_families};
use prep_engine::rng::Rng;

const USAGE: &str = "usage: quiz_sample [--seed N] [--count N] [--drill] [--stats]";

fn main() -> ExitCode {
    let mut seed = 0u64;
    let mut count = 30usize;
    let mut drills = false;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--seed" | "--count" => args.next().and_then(|v| v.parse::<u64>().ok()),
            "--drill" => {
                drills = true;
                continue;
            }
            "--stats" => {
                stats = true;
                continue;
            }
            _ => None,
        };
        match (arg.as_str(), value) {
            ("--seed", Some(v)) => seed = v,
            ("--count", Some(v)) => count = usize::try_from(v).unwrap_or(usize::MAX),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let deck = match parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    ) {
        Ok(deck) => deck,
        Err(errors) => {
            eprintln!("content errors: {errors:?}");
            return ExitCode::FAILURE;
        }
    };
    if drills {
        let families = drill_families(&deck);
        for family in &families {
            println!(
                "family {}: {} ({} items)",
                family.id, family.label, family.item_count
            );
        }
        println!();
        for (n, item) in drill(&deck, &families, seed).iter().take(count).enumerate() {
            let choices: Vec<&str> = item.choices.iter().map(bucket_label).collect();
            println!(
                "{}. [{}] {}\n   {}  → {}\n",
                n + 1,
                item.subject,
                item.statement,
                choices.join(" / "),
                bucket_label(&item.answer)
            );
        }
        return ExitCode::SUCCESS;
    }
    let bank = ChoiceBank::new(&deck);
    let mut questions: Vec<_> = (0..deck.cards.len())
        .flat_map(|card| bank.questions_for(card, seed))
        .collect();
    if stats {
        // How many questions each form makes over the whole deck, and which cards get none.
        for form in QuestionForm::ALL {
            let count = questions.iter().filter(|q| q.form == form).count();
            println!("{:<24} {count}", form.as_str());
        }
        println!("{:<24} {}", "total", questions.len());
        for (index, card) in deck.cards.iter().enumerate() {
            if !questions.iter().any(|q| q.card == index) {
                println!("no question: {}", card.id);
            }
        }
        return ExitCode::SUCCESS;
    }
    Rng::keyed(seed, "quiz-sample").shuffle(&mut questions);
    for (n, question) in questions.iter().take(count).enumerate() {
        println!(
            "{}. [{}] card {}\n   {}",
            n + 1,
            question.form.as_str(),
            deck.cards[question.card].id,
            question.stem
        );
        for (i, option) in question.options.iter().enumerate() {
            println!("   {}) {option}", char::from(b'A' + i as u8));
        }
        println!("   answer: {}\n", char::from(b'A' + question.correct as u8));
    }
    ExitCode::SUCCESS
}
