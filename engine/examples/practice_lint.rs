//! Lints practice files against the built-in deck and prints `file:line: reason` per problem
//! (nothing when they pass); exits 1 on any problem. With no arguments, every file in
//! `content/practice/`, as the build reads them.
//! `cargo run -q -p prep-engine --example practice_lint -- [FILE…]`

use prep_compile::parse_deck;
use prep_compile::practice::{lint, parse_files, read_files};

fn main() {
    let deck = parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    )
    .expect("deck parses");
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<(String, String)> = if paths.is_empty() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/practice"));
        read_files(dir, "content/practice").unwrap_or_else(|error| {
            eprintln!("content/practice: {error}");
            std::process::exit(2)
        })
    } else {
        paths
            .iter()
            .map(|path| match std::fs::read_to_string(path) {
                Ok(text) => (path.clone(), text),
                Err(error) => {
                    eprintln!("{path}: cannot read: {error}");
                    std::process::exit(2)
                }
            })
            .collect()
    };
    let problems = match parse_files(&files) {
        Ok(practice) => lint(&practice, &deck),
        Err(errors) => errors,
    };
    for problem in &problems {
        println!("{problem}");
    }
    if !problems.is_empty() {
        std::process::exit(1);
    }
}
