//! Prints the app's static paths (one per line, without the leading slash), for the Trunk
//! post-build hook that copies `index.html` to `<path>.html`. GitHub Pages serves `card/x.html`
//! for `/card/x`, so a deep link gets the app with status 200 instead of a 404 page.

use std::process::ExitCode;

fn main() -> ExitCode {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "content/interview.md".to_string());
    let source = match std::fs::read_to_string(&file) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("error: cannot read {file}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match prep_engine::content::parse_deck(&file, &source) {
        Ok(deck) => {
            for path in interview_prep::paths::static_paths(&deck) {
                println!("{}", path.trim_start_matches('/'));
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}
