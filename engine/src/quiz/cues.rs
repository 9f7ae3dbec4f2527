//! Cues: the words of a stem that could point at the right option.

use crate::text::{is_stopword, run_initials, split_name, stem, tokens};

/// The words of a stem that could give an answer away: non-stopwords of at least 5 letters,
/// and such parts of names ("PageNumberPagination" -> "pagination").
pub(super) fn telling_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = tokens(text);
    for token in &words {
        if token.is_acronym() || (token.letters() >= 5 && !is_stopword(&token.core.to_lowercase()))
        {
            out.push(token.norm());
        }
        if token.is_code() {
            for part in split_name(token.core) {
                let lower = part.to_lowercase();
                if part.chars().filter(|c| c.is_alphabetic()).count() >= 5 && !is_stopword(&lower) {
                    out.push(stem(&lower));
                }
            }
        }
    }
    // "Global Interpreter Lock" in the stem gives away "Python GIL".
    out.extend(
        run_initials(text, &words)
            .into_iter()
            .filter(|(initials, _)| initials.len() >= 3)
            .map(|(initials, _)| initials),
    );
    out.sort();
    out.dedup();
    out
}
