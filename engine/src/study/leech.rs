//! Leeches: cards forgotten so often that reviewing them again is wasted time until the
//! learner rewrites or splits them. Anki's default threshold is 8 lapses, and so is ours.

use super::queue::in_key_order;
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
    in_key_order(
        deck.cards
            .iter()
            .enumerate()
            .map(|(index, card)| (progress.schedule(&card.id).lapses, index))
            .filter(|&(lapses, _)| lapses >= LEECH_LAPSES)
            .map(|(lapses, index)| (-i64::from(lapses), 0, index))
            .collect(),
    )
}
