//! Structure rules the compiler cannot check, read from the source as rust-analyzer's tidy tests
//! read theirs (issue 28): the app reaches its deck only through context, so a deck chosen at
//! run time can stand in for the built-in one.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_screen_reaches_for_a_global_deck() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).expect("a source file is readable");
        let relative = file.strip_prefix(&src).unwrap().display().to_string();
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // The globals the deck used to live in, and the accessors that read them. The id of
            // the deck a page opens is read from its address once (`base_path::opened_deck`):
            // an id, not a deck.
            let code = code.replace("DeckId", "");
            let code = code.as_str();
            let global = ["loaded_deck(", "compiled_deck(", "content_fingerprint("]
                .iter()
                .any(|name| code.contains(name))
                || (code.contains("OnceLock") && code.contains("Deck"))
                || ((code.starts_with("static ") || code.starts_with("pub static "))
                    && code.contains("Deck"));
            if global {
                found.push(format!("src/{relative}:{}: {code}", number + 1));
            }
        }
    }
    // The search benchmark's own copy in main.rs is loaded on its first call and is not the
    // app's deck: it is named BENCH_DECK and allowed by name.
    found.retain(|line| !line.contains("BENCH_DECK"));
    assert!(found.is_empty(), "a global deck:\n{}", found.join("\n"));
}

#[test]
fn the_deck_is_provided_once_and_read_through_use_deck() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let providers: Vec<String> = rust_files(&src)
        .into_iter()
        .filter(|file| {
            std::fs::read_to_string(file)
                .unwrap()
                .lines()
                .any(|line| line.contains("provide_deck(") && !line.contains("pub fn"))
        })
        .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert_eq!(providers, ["app.rs"], "only App provides the deck");
}

/// The `[dependencies]` table of a Cargo.toml (up to the next table), as text, comments left out.
fn dependencies_of(manifest: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest);
    let text = std::fs::read_to_string(&path).expect("a manifest is readable");
    let start = text
        .find("\n[dependencies]")
        .expect("a [dependencies] table");
    let rest = &text[start + 1..];
    let end = rest[1..].find("\n[").map_or(rest.len(), |at| at + 1);
    rest[..end]
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn compiling_lives_in_its_own_crate_and_study_never_links_it() {
    // The engine and the app study a compiled deck: neither depends on the compiler or a
    // markdown parser (the engine's tests may, as a dev-dependency).
    for manifest in ["Cargo.toml", "engine/Cargo.toml"] {
        let dependencies = dependencies_of(manifest);
        for forbidden in ["prep-compile", "pulldown-cmark"] {
            assert!(
                !dependencies.contains(forbidden),
                "{manifest} [dependencies] names {forbidden}"
            );
        }
    }
    // The compiler's modules are not in the engine any more.
    let engine = Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/src");
    for gone in [
        "markdown.rs",
        "content/parse.rs",
        "practice/lint.rs",
        "compiled/compile.rs",
    ] {
        assert!(!engine.join(gone).exists(), "engine/src/{gone} is back");
    }
    assert!(dependencies_of("compile/Cargo.toml").contains("pulldown-cmark"));
}
