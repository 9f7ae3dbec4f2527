//! How a card introduces itself in lists and headings: its kind and its short label.

use prep_engine::content::{Card, CardKind, Deck};

/// A short badge naming the card's kind.
pub fn kind_label(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Question { .. } => "Question",
        CardKind::Definition => "Definition",
        CardKind::OneLiner { .. } => "One-liner",
        CardKind::GuideItem { .. } => "Decision guide",
    }
}

/// The card's prompt as a reader sees it in a list: numbered questions keep their number.
pub fn card_title(card: &Card) -> String {
    format!("{}{}", number_prefix(card), card.prompt)
}

/// What [`card_title`] puts before the prompt: "27. " for a numbered question, else nothing.
pub fn number_prefix(card: &Card) -> String {
    match card.kind {
        CardKind::Question { number } => format!("{number}. "),
        _ => String::new(),
    }
}

/// The title of the list a one-liner or guide item belongs to, e.g. "Choose ORM When:".
pub fn list_title<'a>(deck: &'a Deck, card: &Card) -> Option<&'a str> {
    card.list().map(|list| deck.lists[list].title.as_str())
}
