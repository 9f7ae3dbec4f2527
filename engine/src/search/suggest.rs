//! When nothing matches: the closest words the deck uses, as queries to try instead.

use super::index::SearchIndex;
use super::words::words;
use crate::order;
use crate::text;

/// How far (in edits) a suggestion may be from the word typed: one more than search itself
/// forgives, since nothing within that was found.
fn reach(letters: usize) -> usize {
    text::typo_budget(letters) + 1
}

impl SearchIndex {
    /// Up to `max` queries to try when `query` found nothing: each word no term answers
    /// replaced by the closest word the deck uses (fewest edits, then the most used), as the
    /// deck writes it. Empty when every word matched something or nothing is close.
    pub fn suggestions(&self, query: &str, max: usize) -> Vec<String> {
        let typed = words(query);
        let units = self.units(query);
        if units
            .iter()
            .any(|unit| !unit.bonus && !unit.matches.is_empty())
        {
            return Vec::new();
        }
        // Per unmatched word: its byte range and its closest terms, best first.
        let mut replacements: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
        for word in typed.iter().filter(|word| !word.stop) {
            let closest = self.closest_terms(&word.norm, max);
            let spelled: Vec<String> = closest
                .into_iter()
                .filter_map(|term| self.surface(term))
                .collect();
            if !spelled.is_empty() {
                replacements.push((word.start..word.end, spelled));
            }
        }
        let Some(first_choices) = replacements.first().map(|(_, choices)| choices.len()) else {
            return Vec::new();
        };
        let mut suggestions: Vec<String> = Vec::new();
        for choice in 0..first_choices {
            let mut suggestion = String::with_capacity(query.len());
            let mut at = 0;
            for (index, (range, choices)) in replacements.iter().enumerate() {
                suggestion.push_str(&query[at..range.start]);
                suggestion.push_str(&choices[if index == 0 { choice } else { 0 }]);
                at = range.end;
            }
            suggestion.push_str(&query[at..]);
            let suggestion = suggestion.trim().to_owned();
            if !suggestions.contains(&suggestion) {
                suggestions.push(suggestion);
            }
        }
        suggestions.truncate(max);
        suggestions
    }

    /// The terms closest to `norm`, at most `max`: fewest edits within [`reach`], then the
    /// most cards. A term must begin with the letter typed first: a misspelling rarely gets
    /// the first letter wrong, and a word two edits away with another first letter is
    /// another word ("celery" is not a misspelling of "every"), which would only mislead.
    fn closest_terms(&self, norm: &str, max: usize) -> Vec<usize> {
        let typed: Vec<char> = norm.chars().collect();
        let Some(&first) = typed.first() else {
            return Vec::new();
        };
        let limit = reach(typed.iter().filter(|c| c.is_alphabetic()).count());
        let mut near: Vec<(usize, usize, usize)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(term, spelled)| {
                let chars: Vec<char> = spelled.chars().collect();
                if chars.first() != Some(&first) {
                    return None;
                }
                let distance = text::edit_distance(&typed, &chars, limit)?;
                Some((distance, usize::MAX - self.postings[term].len(), term))
            })
            .collect();
        order::sort(&mut near);
        near.into_iter()
            .take(max)
            .map(|(_, _, term)| term)
            .collect()
    }

    /// A term as the deck writes it (lower case): the first word with that form in the first
    /// card that has it.
    fn surface(&self, term: usize) -> Option<String> {
        let wanted = &self.terms[term];
        let doc = &self.docs[self.postings[term].first()?.doc as usize];
        [&doc.title, &doc.labels, &doc.text, &doc.context]
            .into_iter()
            .find_map(|field| {
                words(field)
                    .into_iter()
                    .find(|word| word.norm == *wanted)
                    .map(|word| field[word.start..word.end].to_lowercase())
            })
    }

    /// The acronyms the deck spells out, in capitals, in the order it first does: handy
    /// examples of what to search for.
    pub fn acronyms(&self) -> impl Iterator<Item = String> + '_ {
        self.acronyms
            .iter()
            .map(|acronym| acronym.short.to_uppercase())
    }
}
