//! Prints every practice item the app can show for the built-in deck as JSON lines, one item
//! per line and nothing else on stdout: `card`, `kind` ("choice", "true-false", "fill-in"),
//! `stem`, and per kind `options` + `answer` (index) + `why` (one per option) for choice,
//! `options` ["True","False"] + `answer` + `why` (the correction) for true-false, `accepted` +
//! `why` for fill-in. Text is plain (code marks removed). Read from the compiled deck, so it is
//! exactly what the app asks.
//! `cargo run -q -p prep-engine --example practice_export`

use prep_compile::compile;
use prep_engine::practice::plain;
use prep_engine::quiz::QuestionForm;
use serde_json::json;

fn main() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/practice"));
    let practice =
        prep_compile::practice::read_files(dir, "content/practice").unwrap_or_else(|error| {
            eprintln!("content/practice: {error}");
            std::process::exit(1)
        });
    let deck = compile(
        "content/interview.md",
        include_str!("../../content/interview.md"),
        &practice,
    )
    .unwrap_or_else(|errors| {
        for error in errors {
            eprintln!("{error}");
        }
        std::process::exit(1)
    });
    let plain_all = |texts: &[String]| texts.iter().map(|t| plain(t)).collect::<Vec<_>>();
    for (index, card) in deck.deck().cards.iter().enumerate() {
        for question in deck.choice_questions(index, 0) {
            let line = match question.form {
                QuestionForm::Choice => json!({
                    "card": card.id.as_str(),
                    "kind": "choice",
                    "stem": plain(&question.stem),
                    "options": plain_all(&question.options),
                    "answer": question.correct,
                    "why": plain_all(&question.why),
                }),
                QuestionForm::TrueFalse => json!({
                    "card": card.id.as_str(),
                    "kind": "true-false",
                    "stem": plain(&question.stem),
                    "options": ["True", "False"],
                    "answer": question.correct,
                    "why": plain(question.why.first().map_or("", String::as_str)),
                }),
            };
            println!("{line}");
        }
        for prompt in deck.fill_in_prompts(index) {
            let line = json!({
                "card": card.id.as_str(),
                "kind": "fill-in",
                "stem": plain(&prompt.prompt),
                "accepted": plain_all(&prompt.accepted),
                "why": plain(&prompt.why),
            });
            println!("{line}");
        }
    }
}
