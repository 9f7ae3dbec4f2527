//! Reading and writing the compiled format, and refusing anything the study code could not
//! index safely.

use std::fmt;

use super::{CompiledDeck, FORMAT};
use crate::content::CardKind;

/// Why a compiled deck could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON of the compiled shape (the reader's message).
    Unreadable(String),
    /// Compiled by another version of the format.
    Format { found: u32 },
    /// Read, but refers to something that is not there.
    Inconsistent(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(reason) => write!(f, "the deck cannot be read: {reason}"),
            LoadError::Format { found } => write!(
                f,
                "the deck is in format {found}; this version of the app reads format {FORMAT}"
            ),
            LoadError::Inconsistent(reason) => write!(f, "the deck is inconsistent: {reason}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl CompiledDeck {
    /// The compiled format's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a compiled deck has only string keys")
    }

    /// Reads a compiled deck, checking its format and every index in it. Never panics,
    /// whatever the text.
    pub fn from_json(text: &str) -> Result<Self, LoadError> {
        #[derive(serde::Deserialize)]
        struct Header {
            format: u32,
        }
        let header: Header =
            serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        if header.format != FORMAT {
            return Err(LoadError::Format {
                found: header.format,
            });
        }
        let deck: CompiledDeck =
            serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        deck.check().map_err(LoadError::Inconsistent)?;
        Ok(deck)
    }

    /// Every index points at something of the right kind, and each card has its material.
    fn check(&self) -> Result<(), String> {
        let deck = &self.deck;
        let in_range = |what: &str, index: usize, len: usize| {
            if index < len {
                Ok(())
            } else {
                Err(format!("{what} {index} of {len}"))
            }
        };
        if self.cards.len() != deck.cards.len() {
            return Err(format!(
                "{} cards but material for {}",
                deck.cards.len(),
                self.cards.len()
            ));
        }
        for section in &deck.sections {
            in_range("part", section.part, deck.parts.len())?;
        }
        for list in &deck.lists {
            in_range("section", list.section, deck.sections.len())?;
        }
        let cards = deck.cards.len();
        for (index, card) in deck.cards.iter().enumerate() {
            in_range("section", card.section, deck.sections.len())?;
            if let CardKind::OneLiner { list } | CardKind::GuideItem { list } = card.kind {
                in_range("list", list, deck.lists.len())?;
            }
            let material = &self.cards[index];
            for question in &material.choice {
                if question.card != index {
                    return Err(format!(
                        "question {} is filed under card {index}",
                        question.id
                    ));
                }
                in_range("right option", question.correct, question.options.len())?;
                for &option_card in &question.option_cards {
                    in_range("card", option_card, cards)?;
                }
            }
            for prompt in &material.typed {
                if prompt.card != index {
                    return Err(format!("prompt {} is filed under card {index}", prompt.id));
                }
            }
        }
        for drill in &self.drills {
            for item in &drill.items {
                in_range("card", item.card, cards)?;
            }
        }
        Ok(())
    }
}
