//! What search reads of a card: its prompt, where it sits, and its answer as plain text.
//! (Made from the deck's markdown at compile time: `documents.rs`.)

use serde::{Deserialize, Serialize};

/// One searchable card, as plain text in four fields of different weight.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The question, term, one-liner head or guide item: what a learner remembers best.
    pub title: String,
    /// Where it sits: its section's title, and its list's for one-liners and guide items.
    pub context: String,
    /// The names its answer gives in bold (`**JWT tokens**: ...`), one per line: the parts a
    /// good answer lists, so a term named there is more what the card is about than one
    /// mentioned in passing.
    pub labels: String,
    /// Every line of its answer as plain text (markup, list markers and table rules gone),
    /// one line per source line: what snippets are cut from.
    pub text: String,
}
