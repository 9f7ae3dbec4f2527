//! Helpers the integration tests share: the real deck, parsed once per test binary, and
//! finding a card by its prompt.

#![allow(dead_code)] // Each test binary uses its own subset.

use std::sync::OnceLock;

use prep_engine::content::{Deck, parse_deck};
use prep_engine::study::DayBounds;
use prep_engine::time::Timestamp;

/// Mon 24 Nov 2025, 16:00 UTC: "now" in tests that need a fixed time.
pub const T0: Timestamp = Timestamp(1_764_000_000_000);

/// The UTC day containing `t` (the app passes the local day; UTC stands in for it here).
pub fn day_of(t: Timestamp) -> DayBounds {
    let start = t.start_of_utc_day();
    DayBounds {
        start,
        end: start.plus_days(1),
    }
}

/// The deck the app ships, parsed once.
pub fn deck() -> &'static Deck {
    static DECK: OnceLock<Deck> = OnceLock::new();
    DECK.get_or_init(|| {
        parse_deck(
            "content/interview.md",
            include_str!("../../../content/interview.md"),
        )
        .expect("the shipped deck parses")
    })
}

/// The index of the card whose prompt is exactly `prompt`.
pub fn card_by_prompt(deck: &Deck, prompt: &str) -> usize {
    deck.cards
        .iter()
        .position(|card| card.prompt == prompt)
        .unwrap_or_else(|| panic!("no card {prompt:?}"))
}
