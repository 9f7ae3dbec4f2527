//! Masking: blanking the words of an option that would name what the question asks about.

use std::collections::HashSet;

use crate::order;
use crate::text::{Token, is_stopword, run_initials, split_name, stem, tokens};

/// What to hide from an option so it does not name the subject it is asked about.
#[derive(Debug, Default, Clone)]
pub(super) struct MaskKeys {
    /// Whole dotted/underscored names: `manage.py`, `select_related`.
    names: HashSet<String>,
    /// Stemmed plain words: "migration", "django", "8".
    words: HashSet<String>,
    /// Acronyms, lower case, written or implied by a capitalised phrase: "cors", "drf"
    /// (from "Django REST Framework"). Hides the acronym and any expansion of it.
    acronyms: HashSet<String>,
}

impl MaskKeys {
    /// The key terms of a prompt: its dotted names (whole, and their pieces of 4+ letters),
    /// acronyms (and the initials of its capitalised phrases), numbers, and non-stopwords of
    /// at least 4 letters.
    pub fn of(prompt: &str) -> Self {
        let mut keys = Self::default();
        keys.add(prompt);
        keys
    }

    /// Adds the key terms of another text (e.g. a label besides its question).
    pub fn add(&mut self, text: &str) {
        let words = tokens(text);
        for token in &words {
            if token.is_dotted() {
                self.names.insert(token.norm());
                for part in split_name(token.core) {
                    let lower = part.to_lowercase();
                    if part.chars().filter(|c| c.is_alphabetic()).count() >= 4
                        && !is_stopword(&lower)
                    {
                        self.words.insert(stem(&lower));
                    }
                }
            } else if token.is_acronym() {
                self.acronyms.insert(token.norm());
            } else if token.is_number() || token.is_significant(4) {
                self.words.insert(token.norm());
            }
        }
        self.acronyms.extend(
            run_initials(text, &words)
                .into_iter()
                .filter(|(initials, _)| initials.len() >= 3)
                .map(|(initials, _)| initials),
        );
    }

    fn hides(&self, token: &Token<'_>) -> bool {
        if token.is_dotted() {
            // `project_name` names the project as much as "project" does.
            self.names.contains(&token.norm())
                || token.parts().iter().any(|part| self.words.contains(part))
        } else if token.is_acronym() {
            self.acronyms.contains(&token.norm()) || self.words.contains(&token.norm())
        } else {
            self.words.contains(&token.norm())
        }
    }

    /// The text with every key word, and every expansion of a key acronym, replaced by
    /// `___`. Adjacent blanks merge ("Django REST Framework" becomes one), and a
    /// parenthesised aside right after a blank goes too: "___ (Python Enhancement Proposal)"
    /// would name what the blank hides.
    pub fn mask(&self, text: &str) -> String {
        let words = tokens(text);
        let mut spans: Vec<(usize, usize)> = words
            .iter()
            .filter(|token| self.hides(token))
            .map(|token| (token.start, token.end))
            .collect();
        for (initials, span) in run_initials(text, &words) {
            if initials.len() >= 2 && self.acronyms.contains(&initials) {
                spans.push(span);
            }
        }
        render_blanks(text, spans)
    }
}

/// Replaces the spans with `___`, merging overlapping ones and ones separated only by spaces
/// or hyphens, and dropping a `(...)` aside that directly follows a blank.
fn render_blanks(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    order::sort(&mut spans);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        if let Some(last) = merged.last_mut()
            && (start <= last.1 || text[last.1..start].chars().all(|c| c == ' ' || c == '-'))
        {
            last.1 = last.1.max(end);
            continue;
        }
        merged.push((start, end));
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, mut end) in merged {
        if start < last {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str("___");
        let rest = &text[end..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with('(')
            && let Some(close) = trimmed.find(')')
        {
            end += rest.len() - trimmed.len() + close + 1;
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// The text with each occurrence of any of `phrases` (compared word by word, stemmed)
/// replaced by `___`: masks a term without masking every word it shares with the text
/// ("PEP (Python Enhancement Proposal)" hides "PEP", not the "Python" of "Python community").
pub(super) fn mask_phrases(text: &str, phrases: &[&str]) -> String {
    let words = tokens(text);
    let norms: Vec<String> = words.iter().map(Token::norm).collect();
    let mut hidden: Vec<(usize, usize)> = Vec::new();
    for phrase in phrases {
        let target: Vec<String> = tokens(phrase).iter().map(Token::norm).collect();
        if target.is_empty() {
            continue;
        }
        for start in 0..norms.len() {
            let end = start + target.len();
            if end <= norms.len() && norms[start..end] == target[..] {
                hidden.push((words[start].start, words[end - 1].end));
            }
        }
    }
    render_blanks(text, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_merge() {
        let keys = MaskKeys::of("Django REST Framework (DRF)");
        assert_eq!(
            keys.mask("Django REST Framework is a toolkit. DRF makes it easy."),
            "___ is a toolkit. ___ makes it easy."
        );
        let keys = MaskKeys::of("What is the purpose of manage.py?");
        assert_eq!(keys.mask("manage.py is a utility"), "___ is a utility");
    }
}
