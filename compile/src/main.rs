//! The deck compiler as a program. In the browser it is the Web Worker the app starts to compile
//! a deck brought at run time ([`prep_compile::worker`]). Natively it compiles a deck from the
//! command line, as `build.rs` does:
//!
//! ```text
//! cargo run -q -p prep-compile -- content/interview.md content/practice > compiled-deck.bin
//! ```
//!
//! Problems go to stderr as `file:line: reason`, and the exit status is 1.

#[cfg(target_arch = "wasm32")]
fn main() {
    prep_compile::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(source) = args.first() else {
        eprintln!("usage: prep-compile <deck.md> [<practice dir>] > compiled-deck.bin");
        std::process::exit(2);
    };
    let fail = |message: String| -> ! {
        eprintln!("error: {message}");
        std::process::exit(1);
    };
    let text = std::fs::read_to_string(source)
        .unwrap_or_else(|error| fail(format!("cannot read {source}: {error}")));
    let practice = match args.get(1) {
        Some(dir) => prep_compile::practice::read_files(std::path::Path::new(dir), dir)
            .unwrap_or_else(|error| fail(format!("cannot read {dir}/: {error}"))),
        None => Vec::new(),
    };
    match prep_compile::compile_deck(source, &text, &practice) {
        Ok(bytes) => {
            if let Err(error) = std::io::stdout().write_all(&bytes) {
                fail(format!("cannot write the compiled deck: {error}"));
            }
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            std::process::exit(1);
        }
    }
}
