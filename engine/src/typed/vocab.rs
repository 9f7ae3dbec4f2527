//! The acronyms a deck spells out ("Cross-Origin Resource Sharing" for CORS), found once at
//! compile time and carried to search.

use std::collections::HashSet;

use crate::content::Deck;
use crate::text;

/// The deck's acronyms and their expansions.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    /// Upper-case acronym without plural ("API") -> its expansion as written.
    expansions: Vec<(String, String)>,
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
        }
        vocab
    }

    /// Every acronym the deck spells out, with its expansion as written (for search, which
    /// the compiled deck carries them to).
    #[cfg(feature = "compile")]
    pub fn expansions(&self) -> &[(String, String)] {
        &self.expansions
    }
}
