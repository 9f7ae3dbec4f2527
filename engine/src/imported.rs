//! What importing a file came to: the compile worker's report to the page, shown as the preview
//! before anything is saved. A type of its own (not the compiler's) because both sides read it:
//! the worker writes it beside the compiled deck's bytes, and the app, which links no compiler,
//! reads it back. It travels as postcard bytes, the format the app already reads decks in, so
//! reading it costs the first visit no second deserializer.

use serde::{Deserialize, Serialize};

/// One import, as the person previews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The shape the cards were read in (a [`ShapeFound::key`]).
    pub shape: String,
    /// Every shape that found a card in the file, best first: the person may choose another.
    pub shapes: Vec<ShapeFound>,
    /// The deck's title: the file's own, or its name.
    pub title: String,
    pub cards: usize,
    pub sections: usize,
    /// Every line that went into no card, so the person can see that nothing else was lost.
    pub unplaced: Vec<UnplacedLine>,
    /// Practice items (choice, true or false, fill-in) the deck carries and the linter passed.
    pub practice_items: usize,
    /// What the linter found in the deck's practice, which was therefore left out.
    pub practice_problems: Vec<String>,
    /// When the file updates a deck already kept: what it adds, changes and removes.
    pub changes: Option<DeckChanges>,
    /// The first cards as they will show: question and rendered (safe) answer HTML.
    pub first_cards: Vec<(String, String)>,
    /// The deck in the app's own format: what is kept, exported and compiled again.
    pub markdown: String,
}

impl ImportReport {
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The report in `bytes`, or `None` if they are not one (never panics).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        postcard::from_bytes(bytes).ok()
    }
}

/// A newer version of a deck against the one kept, by card: a card is the same card while its
/// question is (its id is the question's slug), so its progress is kept; its answer may change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckChanges {
    /// Questions of new cards.
    pub added: Vec<String>,
    /// Questions whose answer changed.
    pub changed: Vec<String>,
    /// Questions of cards the new version no longer has (their progress is left unused).
    pub removed: Vec<String>,
}

/// A shape the file can be read in, and how many cards it finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeFound {
    /// A stable short name, sent back to the worker to choose this shape.
    pub key: String,
    /// What a person reads, with an example of the shape.
    pub label: String,
    pub cards: usize,
}

/// A line of the imported file that is in no card, with its 1-based number in that file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnplacedLine {
    pub line: u32,
    pub text: String,
}
