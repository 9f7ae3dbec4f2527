//! Validates the content at build time, so malformed markdown fails `cargo build` / `trunk build`
//! with `file:line: reason` instead of shipping an app that breaks at start-up.
//! The same file is embedded with `include_str!` and parsed again in the browser (see ARCHITECTURE.md).

const CONTENT: &str = "content/interview.md";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT}");
    let source = match std::fs::read_to_string(CONTENT) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("error: cannot read {CONTENT}: {error}");
            std::process::exit(1);
        }
    };
    if let Err(errors) = prep_engine::content::parse_deck(CONTENT, &source) {
        for error in &errors {
            eprintln!("error: {error}");
        }
        eprintln!(
            "error: {} problem(s) in {CONTENT}; fix them to build",
            errors.len()
        );
        std::process::exit(1);
    }
}
