//! Compiles the content at build time (see ARCHITECTURE.md, "Compile, then study"): parses
//! `content/interview.md`, renders it and generates every question natively, and writes the
//! compiled deck to `$OUT_DIR/compiled-deck.bin`, which `src/deck.rs` embeds. Malformed markdown fails
//! `cargo build` / `trunk build` here with `file:line: reason`, so a broken deck never ships.

use std::path::Path;

const CONTENT: &str = "content/interview.md";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT}");
    let source = match std::fs::read_to_string(CONTENT) {
        Ok(source) => source,
        Err(error) => fail(&format!("cannot read {CONTENT}: {error}")),
    };
    let compiled = match prep_engine::compiled::compile(CONTENT, &source) {
        Ok(compiled) => compiled,
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
    let out = Path::new(&out_dir).join("compiled-deck.bin");
    if let Err(error) = std::fs::write(&out, compiled.write()) {
        fail(&format!("cannot write {}: {error}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
