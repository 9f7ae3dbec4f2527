//! Writes every route's page into the bundle Trunk is staging (see `scripts/route-pages.sh`):
//! `index.html` itself, `404.html`, and `<path>.html` for each of the app's paths, each Trunk's
//! `index.html` carrying that page's content rendered at build time (`src/prerender.rs`).
//! GitHub Pages serves `card/x.html` for `/card/x`, so a deep link loads with status 200 and
//! shows its card before the wasm has downloaded.
//!
//!   route-pages <staging dir>

use std::path::Path;
use std::process::ExitCode;

use interview_prep::base_path::{base_href_path, site_base};
use interview_prep::deck::{QUESTION_BANK, load_embedded};
use interview_prep::paths::built_in_markdown_file;
use interview_prep::prerender::pages;

/// The built-in deck and its practice as one markdown file (`build.rs`).
const EXPORT: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.md"));

fn main() -> ExitCode {
    let Some(staging) = std::env::args().nth(1) else {
        eprintln!("usage: route-pages <directory with Trunk's index.html>");
        return ExitCode::FAILURE;
    };
    match write_pages(Path::new(&staging)) {
        Ok(count) => {
            println!("route-pages: wrote {count} pages");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_pages(staging: &Path) -> Result<usize, String> {
    let index = staging.join("index.html");
    let template = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    // The pages' links and the app's router must share one base: the one Trunk wrote.
    if let Some(base) = base_href_path(&template)
        && base != site_base()
    {
        return Err(format!(
            "the pages would link under {:?} but Trunk's <base href> is {base:?}: build with \
             `trunk build --public-url` (or PUBLIC_URL) set to one value",
            site_base()
        ));
    }
    let compiled = load_embedded().map_err(|e| format!("the compiled deck: {e}"))?;
    // The question bank beside the app, named by its digest (`load_embedded` checked it).
    let bank = staging.join(compiled.bank_file_name());
    std::fs::write(&bank, QUESTION_BANK)
        .map_err(|e| format!("cannot write {}: {e}", bank.display()))?;
    // The deck as one file in its own format, to download from the library (not a page).
    let export = staging.join(built_in_markdown_file());
    std::fs::write(&export, EXPORT)
        .map_err(|e| format!("cannot write {}: {e}", export.display()))?;
    let pages = pages(&compiled);
    for page in &pages {
        let file = staging.join(&page.file);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&file, page.fill(&template)?)
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    Ok(pages.len())
}
