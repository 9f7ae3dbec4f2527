//! Prints a seeded sample of the deck's quiz items (authored choice and true-or-false, options
//! shuffled as a round would) or drill items as plain text, for a person to read them the way
//! a learner would; `practice_export` is the machine-readable list.
//!
//! `cargo run -q -p prep-engine --example quiz_sample -- --seed 7 --count 30 [--drill]`
//! (`--stats` prints the number of items per kind and the cards without any instead).

use std::process::ExitCode;

use prep_compile::{compile, parse_deck};
use prep_engine::quiz::{QuestionForm, bucket_label, drill, drill_families};
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
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/practice"));
    let Ok(practice) = prep_compile::practice::read_files(dir, "content/practice") else {
        eprintln!("cannot read content/practice");
        return ExitCode::FAILURE;
    };
    let Ok(compiled) = compile(
        "content/interview.md",
        include_str!("../../content/interview.md"),
        &practice,
    ) else {
        eprintln!("the deck does not compile: run the practice_lint example");
        return ExitCode::FAILURE;
    };
    let mut questions: Vec<_> = (0..deck.cards.len())
        .flat_map(|card| compiled.choice_questions(card, seed))
        .collect();
    if stats {
        // How many items of each kind the deck has, and which cards get none.
        for form in [QuestionForm::Choice, QuestionForm::TrueFalse] {
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
            println!("      why: {}", question.why[i]);
        }
        println!("   answer: {}\n", char::from(b'A' + question.correct as u8));
    }
    ExitCode::SUCCESS
}
