//! The app's URL shapes, in one place: views link with these, and the build writes a page for
//! each of them (`src/prerender.rs`) so deep links load with HTTP 200 and their content.

use prep_engine::study::KindFilter;

pub fn card_path(card_id: &str) -> String {
    format!("/card/{card_id}")
}

pub fn section_path(section_id: &str) -> String {
    format!("/section/{section_id}")
}

/// Every card of one kind (`/kind/one-liners`), to read and to study in one tap.
pub fn kind_path(kind: KindFilter) -> String {
    format!("/kind/{}", kind.slug())
}

/// The query parameter that narrows a study screen to one card: `/quiz?card=<id>`.
pub const CARD_QUERY: &str = "card";

/// A study screen (one of [`STUDY_PATHS`]) for one card only.
pub fn practice_path(mode_path: &str, card_id: &str) -> String {
    format!("{mode_path}?{CARD_QUERY}={card_id}")
}

/// Search, with the query in the URL (`/search?q=n%2B1`) so back, reload and sharing work.
pub const SEARCH_PATH: &str = "/search";
pub const SEARCH_QUERY: &str = "q";

/// The search page for `query` (the bare page when it is empty).
pub fn search_path(query: &str) -> String {
    if query.is_empty() {
        SEARCH_PATH.to_string()
    } else {
        format!("{SEARCH_PATH}?{SEARCH_QUERY}={}", encode_query_value(query))
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so `+`, `&`, `#` and
/// spaces in a query survive the round trip through the URL.
fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

pub const HOME_PATH: &str = "/";
/// The whole app as one HTML file (`scripts/single-file.mjs`), to download and open from disk.
pub const SINGLE_FILE_PATH: &str = "/interview-prep.html";
pub const STUDY_PATH: &str = "/study";
/// Statistics, and export, import and reset of progress.
pub const PROGRESS_PATH: &str = "/progress";
pub const REVIEW_PATH: &str = "/review";
/// The built-in deck as one markdown file, practice included, beside the pages (written by
/// `route-pages`): `interview.md`, named by the deck's id.
pub fn built_in_markdown_file() -> &'static str {
    "interview.md"
}

/// The library of decks: the built-in one and those brought to this browser.
pub const DECKS_PATH: &str = "/decks";
/// Bring a deck: a file, pasted text or an address.
pub const IMPORT_PATH: &str = "/import";
pub const QUIZ_PATH: &str = "/quiz";
pub const DRILL_PATH: &str = "/drill";
pub const RECALL_PATH: &str = "/recall";
pub const MOCK_PATH: &str = "/mock";
pub const FILL_IN_PATH: &str = "/fill-in";

/// The study screens: flat paths, so each is one file (`review.html`) on the static host and
/// none is both a file and a folder.
pub const STUDY_PATHS: [&str; 7] = [
    STUDY_PATH,
    REVIEW_PATH,
    QUIZ_PATH,
    DRILL_PATH,
    RECALL_PATH,
    FILL_IN_PATH,
    MOCK_PATH,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_paths_keep_every_character_of_the_query() {
        assert_eq!(search_path(""), "/search");
        assert_eq!(search_path("n+1"), "/search?q=n%2B1");
        assert_eq!(search_path("circuit br"), "/search?q=circuit%20br");
        assert_eq!(search_path("a&b#c"), "/search?q=a%26b%23c");
        assert_eq!(search_path("é"), "/search?q=%C3%A9");
        assert_eq!(search_path("select_related"), "/search?q=select_related");
    }
}
