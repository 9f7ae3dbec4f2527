//! Acronyms and the capitalised phrases that may spell them out.

use super::words::Token;

/// Every run of 2 to 5 consecutive capitalised words (joined by spaces or hyphens) with its
/// lower-case initials and byte span: "Django REST Framework" -> ("drf", ...). These are the
/// possible expansions of acronyms.
pub fn run_initials(text: &str, words: &[Token<'_>]) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    for start in 0..words.len() {
        let mut initials = String::new();
        for end in start..words.len().min(start + 5) {
            let word = &words[end];
            let joined = end == start || {
                let gap = &text[words[end - 1].end..word.start];
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-')
            };
            let Some(first) = word.core.chars().next().filter(|c| c.is_uppercase()) else {
                break;
            };
            if !joined || word.is_dotted() {
                break;
            }
            initials.extend(first.to_lowercase());
            if end > start {
                out.push((initials.clone(), (words[start].start, word.end)));
            }
        }
    }
    out
}
