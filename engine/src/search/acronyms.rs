//! The acronyms a deck spells out ("Cross-Origin Resource Sharing (CORS)"), as search uses them:
//! a search for either form finds both, and an expansion is marked for its acronym.

use super::words::{Word, words};
use crate::order;

/// One acronym and its expansion's words (their norms).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Acronym {
    pub short: String,
    pub long: Vec<String>,
}

/// A deck's acronyms, in the order it first spells them, with an index by first word: finding
/// the expansions in a text compares each word with the few acronyms starting with it, so the
/// cost does not grow with the number of acronyms.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Acronyms {
    list: Vec<Acronym>,
    /// Indices into `list`, sorted by first word.
    by_first: Vec<usize>,
}

impl Acronyms {
    /// From `(acronym, expansion as written)` pairs; an expansion of one word is no expansion.
    pub fn new(pairs: &[(String, String)]) -> Self {
        let list: Vec<Acronym> = pairs
            .iter()
            .map(|(short, long)| Acronym {
                short: short.to_lowercase(),
                long: words(long).into_iter().map(|word| word.norm).collect(),
            })
            .filter(|acronym| acronym.long.len() > 1)
            .collect();
        let mut by_first: Vec<usize> = (0..list.len()).collect();
        order::sort_by_key(&mut by_first, |&a| &list[a].long[0]);
        Self { list, by_first }
    }

    pub fn get(&self, index: usize) -> &Acronym {
        &self.list[index]
    }

    pub fn iter(&self) -> impl Iterator<Item = &Acronym> {
        self.list.iter()
    }

    /// The acronyms whose expansion is spelled out from `words[0]` on: (index, words it takes).
    fn spelled_from<'a>(&'a self, words: &'a [Word]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let first = words.first().map_or("", |word| word.norm.as_str());
        let start = self
            .by_first
            .partition_point(|&index| self.list[index].long[0].as_str() < first);
        self.by_first[start..]
            .iter()
            .take_while(move |&&index| self.list[index].long[0] == first)
            .filter_map(move |&index| {
                let long = &self.list[index].long;
                let spelled = words.len() >= long.len()
                    && words
                        .iter()
                        .zip(long)
                        .all(|(word, norm)| word.norm == *norm);
                spelled.then_some((index, long.len()))
            })
    }

    /// The first acronym whose expansion `words` start with, and how many words it takes.
    pub(crate) fn at_start(&self, words: &[Word]) -> Option<(&Acronym, usize)> {
        self.spelled_from(words)
            .next()
            .map(|(index, length)| (&self.list[index], length))
    }

    /// Where expansions are spelled out: (acronym index, word index of its first word).
    pub(crate) fn in_words(&self, words: &[Word]) -> Vec<(usize, usize)> {
        if self.list.is_empty() {
            return Vec::new();
        }
        (0..words.len())
            .flat_map(|at| {
                self.spelled_from(&words[at..])
                    .map(move |(index, _)| (index, at))
            })
            .collect()
    }
}
