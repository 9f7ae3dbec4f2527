//! Helpers the integration tests share: the real deck, parsed once per test binary, and
//! finding a card by its prompt.

#![allow(dead_code)] // Each test binary uses its own subset.

use std::sync::OnceLock;

use prep_engine::compiled::{CompiledDeck, compile};
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

/// The deck the app ships, compiled once.
pub fn compiled() -> &'static CompiledDeck {
    static COMPILED: OnceLock<CompiledDeck> = OnceLock::new();
    COMPILED.get_or_init(|| {
        compile(
            "content/interview.md",
            include_str!("../../../content/interview.md"),
        )
        .expect("the shipped deck compiles")
    })
}

/// Strips heading hashes and bullets from a seed line.
pub fn strip_markers(line: &str) -> &str {
    let line = line.trim().trim_start_matches('#').trim_start();
    line.strip_prefix("• ")
        .or_else(|| line.strip_prefix("- "))
        .unwrap_or(line)
        .trim()
}

/// `**X** - Y` -> (X, Y).
pub fn one_liner_shape(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("**")?;
    let (head, detail) = rest.split_once("** - ")?;
    Some((head.trim(), detail.trim()))
}
