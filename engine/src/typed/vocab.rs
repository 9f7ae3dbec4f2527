//! What the whole deck knows about its words: acronyms it spells out, and how many cards use
//! a word (a word few cards use is specific enough to blank).

use std::collections::{HashMap, HashSet};

use crate::content::Deck;
use crate::text;

/// Deck-wide word knowledge, built once per deck.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    /// Upper-case acronym without plural ("API") -> its expansion as written.
    expansions: Vec<(String, String)>,
    /// Each expansion's spelled words, in `expansions` order: read once, since every reverse
    /// prompt compares its concept with all of them.
    expansion_words: Vec<Vec<super::spelling::Word>>,
    /// Word norm -> number of cards whose prompt or answer uses it.
    cards_using: HashMap<String, usize>,
}

/// "APIs" -> "API".
pub(crate) fn acronym_key(acronym: &str) -> String {
    let upper = acronym.to_uppercase();
    match acronym.strip_suffix('s') {
        Some(stem) if stem.chars().last().is_some_and(char::is_uppercase) => stem.to_uppercase(),
        _ => upper,
    }
}

impl Vocab {
    pub fn new(deck: &Deck) -> Self {
        let mut vocab = Self::default();
        for card in &deck.cards {
            let body = format!("{}.\n{}", card.prompt, text::strip_inline(&card.answer));
            let tokens = text::tokens(&body);
            let acronyms: HashSet<String> = tokens
                .iter()
                .filter(|token| token.is_acronym())
                .map(|token| acronym_key(token.core))
                .collect();
            for (initials, (start, end)) in text::run_initials(&body, &tokens) {
                let key = initials.to_uppercase();
                if acronyms.contains(&key) && !vocab.expansions.iter().any(|(k, _)| *k == key) {
                    vocab.expansions.push((key, body[start..end].to_owned()));
                }
            }
            for word in text::word_set(&body) {
                *vocab.cards_using.entry(word).or_default() += 1;
            }
        }
        vocab.expansion_words = vocab
            .expansions
            .iter()
            .map(|(_, expansion)| super::spelling::Spelled::new(expansion).words)
            .collect();
        vocab
    }

    /// The expansion of an acronym the deck spells out somewhere.
    pub fn expansion(&self, acronym: &str) -> Option<&str> {
        let key = acronym_key(acronym);
        self.expansions
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, expansion)| expansion.as_str())
    }

    /// The acronym of a phrase the deck spells out ("Cross-Origin Resource Sharing" -> CORS).
    pub fn acronym_for(&self, phrase: &str) -> Option<&str> {
        let wanted = super::spelling::Spelled::new(phrase);
        self.expansions
            .iter()
            .zip(&self.expansion_words)
            .find(|(_, words)| **words == wanted.words)
            .map(|((key, _), _)| key.as_str())
    }

    /// Every acronym the deck spells out, with its expansion as written (for search, which
    /// the compiled deck carries them to).
    #[cfg(feature = "compile")]
    pub fn expansions(&self) -> &[(String, String)] {
        &self.expansions
    }

    /// How many cards use this word norm.
    pub fn cards_using(&self, norm: &str) -> usize {
        self.cards_using.get(norm).copied().unwrap_or(0)
    }
}
