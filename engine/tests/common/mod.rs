//! Helpers the integration tests share: the real deck, parsed once per test binary, and
//! finding a card by its prompt.

#![allow(dead_code)] // Each test binary uses its own subset.

use std::sync::OnceLock;

use prep_compile::{compile, parse_deck};
use prep_engine::compiled::CompiledDeck;
use prep_engine::content::{CardKind, Deck};
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

/// The shipped practice files (`content/practice/*.md`) as (path, text), in name order, as
/// `build.rs` reads them.
pub fn practice_files() -> Vec<(String, String)> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/practice"));
    prep_compile::practice::read_files(dir, "content/practice")
        .expect("content/practice is readable")
}

/// The deck the app ships, compiled once.
pub fn compiled() -> &'static CompiledDeck {
    static COMPILED: OnceLock<CompiledDeck> = OnceLock::new();
    COMPILED.get_or_init(|| {
        compile(
            "content/interview.md",
            include_str!("../../../content/interview.md"),
            &practice_files(),
        )
        .unwrap_or_else(|errors| panic!("the shipped deck compiles: {errors:?}"))
    })
}

/// The original seed text, kept as a fixture: every non-blank line of it must reach the learner.
pub const SEED: &str = include_str!("../fixtures/seed-original.txt");

/// A non-blank seed line, its heading hashes and bullet stripped.
pub enum SeedLine<'a> {
    /// `**Head** - detail`.
    OneLiner {
        head: &'a str,
        detail: &'a str,
    },
    Text(&'a str),
}

/// The seed lines `found` does not account for, as "seed line N: …". Checks that the seed
/// still has its 400-odd lines, so an emptied fixture cannot pass.
pub fn seed_lines_missing(found: impl Fn(SeedLine<'_>) -> bool) -> Vec<String> {
    let mut missing = Vec::new();
    let mut checked = 0;
    for (index, raw) in SEED.lines().enumerate() {
        if raw.trim().is_empty() || raw.trim() == "---" {
            continue;
        }
        checked += 1;
        let text = strip_markers(raw);
        let line = match one_liner_shape(text) {
            Some((head, detail)) => SeedLine::OneLiner { head, detail },
            None => SeedLine::Text(text),
        };
        if !found(line) {
            missing.push(format!("seed line {}: {raw}", index + 1));
        }
    }
    assert!(checked > 400, "only {checked} lines checked");
    missing
}

/// The deck's headings as a reader sees them: parts, sections, lists, and "N. question".
pub fn deck_titles(deck: &Deck) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    titles.extend(deck.parts.iter().map(|p| p.title.clone()));
    titles.extend(deck.sections.iter().map(|s| s.title.clone()));
    titles.extend(deck.lists.iter().map(|l| l.title.clone()));
    for card in &deck.cards {
        if let CardKind::Question { number } = card.kind {
            titles.push(format!("{number}. {}", card.prompt));
        }
    }
    titles
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
