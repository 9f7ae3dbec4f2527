//! Leeches: cards forgotten so often that reviewing them again is wasted time until the
//! learner rewrites or splits them. Anki's default threshold is 8 lapses, and so is ours.

use crate::content::Deck;
use crate::progress::Progress;
use crate::scheduler::CardSchedule;

/// A card that lapsed this many times is a leech.
pub const LEECH_LAPSES: u32 = 8;

/// Whether the card has lapsed [`LEECH_LAPSES`] times or more.
pub fn is_leech(schedule: &CardSchedule) -> bool {
    schedule.lapses >= LEECH_LAPSES
}

/// The deck's leeches, most lapses first (deck order among equals).
pub fn leeches(deck: &Deck, progress: &Progress) -> Vec<usize> {
    let mut found: Vec<(u32, usize)> = deck
        .cards
        .iter()
        .enumerate()
        .map(|(index, card)| (progress.schedule(card.id.as_str()).lapses, index))
        .filter(|&(lapses, _)| lapses >= LEECH_LAPSES)
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, index)| index).collect()
}
