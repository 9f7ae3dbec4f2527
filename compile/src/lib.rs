//! The deck compiler behind one entry point, [`compile_deck`], used two ways:
//! - natively, by the app's `build.rs`, which compiles `content/interview.md` and
//!   `content/practice/*.md` into the `compiled-deck.bin` the app embeds;
//! - in the browser, as a **Web Worker** (the `prep-compile` binary, `src/main.rs`, built by
//!   Trunk with `data-type="worker"`, see `index.html`): the app starts it only when a deck has
//!   to be compiled at run time (a deck a person brings), so the markdown parser, the practice
//!   linter and everything else that compiles stay out of the first visit, and a large file
//!   never freezes the page.
//!
//! Both run the same code on the same input, so the worker's bytes equal the build's
//! (`tests/e2e/compile-worker.test.mjs` compares them).

mod compile;
pub mod import;
mod imported;
pub mod markdown;
mod parse;
pub mod practice;
mod search_docs;
pub mod share;

pub use compile::compile;
pub use imported::{
    APP_FORMAT, compare, compile_brought, export_markdown, import_file, import_shared,
    split_practice,
};
pub use parse::parse_deck;
pub use search_docs::{deck_acronyms, documents};

/// A deck's text and its authored practice files (each file's path and text) compiled to the
/// bytes `CompiledDeck::read` reads. `source` names the deck's file (its id and the `file:` of
/// every message come from it). Errors are every problem the parser and the practice linter
/// found, as `file:line: reason`, sorted by file and line.
pub fn compile_deck(
    source: &str,
    text: &str,
    practice: &[(String, String)],
) -> Result<Vec<u8>, Vec<String>> {
    compile(source, text, practice)
        .map(|deck| deck.write())
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// [`compile_deck`], as two files: the deck up to its question bank, and the bank, which the
/// app fetches when a practice screen first opens (`CompiledDeck::write_apart`).
pub fn compile_deck_apart(
    source: &str,
    text: &str,
    practice: &[(String, String)],
) -> Result<(Vec<u8>, Vec<u8>), Vec<String>> {
    compile(source, text, practice)
        .map(|deck| deck.write_apart())
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

#[cfg(target_arch = "wasm32")]
pub mod worker;
