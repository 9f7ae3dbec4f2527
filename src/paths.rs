//! The app's URL shapes, in one place: views link with these, and the build writes a page for
//! each of them (see `src/bin/route-pages.rs`) so deep links load with HTTP 200, not via 404.html.

use prep_engine::content::Deck;

pub fn card_path(card_id: &str) -> String {
    format!("/card/{card_id}")
}

pub fn section_path(section_id: &str) -> String {
    format!("/section/{section_id}")
}

/// Every path of the deck's pages, relative to the base: what the static host must answer.
pub fn static_paths(deck: &Deck) -> Vec<String> {
    let sections = deck.sections.iter().map(|s| section_path(&s.id));
    let cards = deck.cards.iter().map(|c| card_path(c.id.as_str()));
    sections.chain(cards).collect()
}
