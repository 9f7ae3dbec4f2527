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
            // The globals the deck used to live in, and the accessors that read them.
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
