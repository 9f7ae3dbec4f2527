//! What a result shows: the card's title and a short piece of its answer, with the words
//! that matched marked. Plain text and byte ranges, never HTML: the view makes the marks.

use std::collections::HashSet;
use std::ops::Range;

use super::index::SearchIndex;
use super::unit::Unit;
use super::words::{Word, words};

/// A snippet longer than this many characters is cut to a window around its first mark.
const SNIPPET_CHARS: usize = 160;
/// How many characters before the first mark a cut snippet keeps.
const LEAD_CHARS: usize = 40;

/// Text with the byte ranges to highlight, in order and not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Marked {
    /// The text in pieces, each with whether it is marked: what a view renders.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut pieces = Vec::with_capacity(self.marks.len() * 2 + 1);
        let mut at = 0;
        for mark in &self.marks {
            if mark.start > at {
                pieces.push((&self.text[at..mark.start], false));
            }
            pieces.push((&self.text[mark.clone()], true));
            at = mark.end;
        }
        if at < self.text.len() {
            pieces.push((&self.text[at..], false));
        }
        pieces
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the deck's cards.
    pub card: usize,
    pub score: f32,
    /// The card's title, matched words marked.
    pub title: Marked,
    /// The line of its answer that matched most (cut to a window if long), or its first
    /// line; empty for a card without an answer text.
    pub snippet: Marked,
}

/// What a search found: the best cards, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// The terms a query matched, to mark in titles and snippets.
pub(crate) struct Highlighter<'a> {
    index: &'a SearchIndex,
    terms: HashSet<usize>,
}

impl<'a> Highlighter<'a> {
    pub fn new(index: &'a SearchIndex, units: &[Unit]) -> Self {
        let terms = units
            .iter()
            .filter(|unit| !unit.bonus)
            .flat_map(|unit| unit.matches.iter().map(|&(term, _)| term))
            .collect();
        Self { index, terms }
    }

    fn matches(&self, term: &str) -> bool {
        self.index
            .term(term)
            .is_some_and(|t| self.terms.contains(&t))
    }

    /// The byte ranges of `text`'s words that the query matched: a word by its form or a
    /// piece of its name, an acronym's spelled-out expansion by the acronym.
    pub fn marks(&self, text: &str) -> Vec<Range<usize>> {
        let words = words(text);
        let mut marked: Vec<bool> = words
            .iter()
            .map(|word| !word.stop && self.word_matches(word))
            .collect();
        for (acronym, at) in self.index.acronyms.in_words(&words) {
            let acronym = self.index.acronyms.get(acronym);
            if self.matches(&acronym.short) {
                let length = acronym.long.len();
                marked[at..at + length].iter_mut().for_each(|m| *m = true);
            }
        }
        let mut marks: Vec<Range<usize>> = Vec::new();
        for (word, _) in words.iter().zip(&marked).filter(|(_, marked)| **marked) {
            match marks.last_mut() {
                // Neighbouring marked words separated only by spaces or hyphens: one mark.
                Some(last)
                    if text[last.end..word.start]
                        .chars()
                        .all(|c| c == ' ' || c == '-') =>
                {
                    last.end = word.end;
                }
                _ => marks.push(word.start..word.end),
            }
        }
        marks
    }

    fn word_matches(&self, word: &Word) -> bool {
        self.matches(&word.norm)
            || self.matches(&word.typed)
            || word.parts.iter().any(|part| self.matches(part))
    }

    /// The title, marked.
    pub fn title(&self, title: &str) -> Marked {
        Marked {
            text: title.to_owned(),
            marks: self.marks(title),
        }
    }

    /// The answer line with the most marks (the first on a tie, the first line when none
    /// has any), cut to about [`SNIPPET_CHARS`] around its first mark.
    pub fn snippet(&self, text: &str) -> Marked {
        let mut best: Option<(&str, Vec<Range<usize>>)> = None;
        for line in text.lines() {
            let marks = self.marks(line);
            if best
                .as_ref()
                .is_none_or(|(_, most)| marks.len() > most.len())
            {
                best = Some((line, marks));
            }
        }
        let Some((line, marks)) = best else {
            return Marked::default();
        };
        cut(line, marks)
    }
}

/// A line cut to a window of about [`SNIPPET_CHARS`] characters that starts a little before
/// its first mark, at word boundaries, with "…" where text was left out.
fn cut(line: &str, marks: Vec<Range<usize>>) -> Marked {
    if line.chars().count() <= SNIPPET_CHARS {
        return Marked {
            text: line.to_owned(),
            marks,
        };
    }
    let first = marks.first().map_or(0, |mark| mark.start);
    // Start LEAD_CHARS characters before the first mark, at the next word start.
    let lead_start = line[..first]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS)
        .map_or(0, |(at, _)| at);
    let start = if lead_start == 0 {
        0
    } else {
        line[lead_start..]
            .find(' ')
            .map_or(lead_start, |space| lead_start + space + 1)
            .min(first)
    };
    let end_limit = line[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(line.len(), |(at, _)| start + at);
    let end = if end_limit == line.len() {
        end_limit
    } else {
        line[start..end_limit]
            .rfind(' ')
            .map_or(end_limit, |space| start + space)
    };
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < line.len() { "…" } else { "" };
    let shift = prefix.len();
    let marks = marks
        .into_iter()
        .filter(|mark| mark.start >= start && mark.end <= end)
        .map(|mark| mark.start - start + shift..mark.end - start + shift)
        .collect();
    Marked {
        text: format!("{prefix}{}{suffix}", &line[start..end]),
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_long_lines_around_the_first_mark() {
        let line = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let at = line.find("needle").unwrap();
        let marked = cut(&line, std::iter::once(at..at + 6).collect());
        assert!(marked.text.starts_with('…') && marked.text.ends_with('…'));
        assert!(marked.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(&marked.text[marked.marks[0].clone()], "needle");
        assert_eq!(
            marked.pieces().iter().filter(|(_, marked)| *marked).count(),
            1
        );
    }

    #[test]
    fn short_lines_stay_whole() {
        let marked = cut("Use select_related", std::iter::once(4..18).collect());
        assert_eq!(marked.pieces(), [("Use ", false), ("select_related", true)]);
    }
}
