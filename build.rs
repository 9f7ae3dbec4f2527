//! Compiles the content at build time (see ARCHITECTURE.md, "Compile, then study"): parses
//! `content/interview.md` and the authored practice in `content/practice/*.md`, lints the
//! practice, renders everything natively, and writes the compiled deck to `$OUT_DIR`: whole as
//! `compiled-deck.bin`, and as two files, `compiled-deck-without-bank.bin`, which `src/deck.rs`
//! embeds, and `question-bank.bin`, which `src/bin/route-pages.rs` puts beside the app for the
//! practice screens to fetch (the larger half of the deck, asked by no page a visit opens).
//! Malformed markdown or an item the
//! linter refuses fails `cargo build` / `trunk build` here with `file:line: reason`, so a
//! broken deck never ships.

use std::path::Path;

const CONTENT: &str = "content/interview.md";
const PRACTICE: &str = "content/practice";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT}");
    println!("cargo::rerun-if-changed={PRACTICE}");
    let source = match std::fs::read_to_string(CONTENT) {
        Ok(source) => source,
        Err(error) => fail(&format!("cannot read {CONTENT}: {error}")),
    };
    let practice = practice_files();
    let (deck_part, bank) = match prep_compile::compile_deck_apart(CONTENT, &source, &practice) {
        Ok(bytes) => bytes,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            fail(&format!(
                "{} problem(s) in {CONTENT}; fix them to build",
                errors.len()
            ))
        }
    };
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let whole = [deck_part.as_slice(), bank.as_slice()].concat();
    for (name, bytes) in [
        ("compiled-deck.bin", &whole),
        ("compiled-deck-without-bank.bin", &deck_part),
        ("question-bank.bin", &bank),
    ] {
        let out = Path::new(&out_dir).join(name);
        if let Err(error) = std::fs::write(&out, bytes) {
            fail(&format!("cannot write {}: {error}", out.display()));
        }
    }
    // The deck as one file in its own format, practice included: the built-in deck's "Download
    // Markdown" (`src/bin/route-pages.rs` puts it beside the pages).
    let export = Path::new(&out_dir).join("deck.md");
    if let Err(error) = std::fs::write(&export, prep_compile::export_markdown(&source, &practice)) {
        fail(&format!("cannot write {}: {error}", export.display()));
    }
}

/// Every `content/practice/*.md` as (path, text), in name order, so builds repeat.
fn practice_files() -> Vec<(String, String)> {
    match prep_compile::practice::read_files(std::path::Path::new(PRACTICE), PRACTICE) {
        Ok(files) => {
            for (name, _) in &files {
                println!("cargo::rerun-if-changed={name}");
            }
            files
        }
        Err(error) => fail(&format!("cannot read {PRACTICE}/: {error}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
