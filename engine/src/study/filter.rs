use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::{CardKind, Deck};

/// The card kinds a person can choose to study, as they see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KindFilter {
    Questions,
    Definitions,
    OneLiners,
    GuideItems,
}

impl KindFilter {
    pub const ALL: [KindFilter; 4] = [
        KindFilter::Questions,
        KindFilter::Definitions,
        KindFilter::OneLiners,
        KindFilter::GuideItems,
    ];

    pub fn of(kind: CardKind) -> Self {
        match kind {
            CardKind::Question { .. } => KindFilter::Questions,
            CardKind::Definition => KindFilter::Definitions,
            CardKind::OneLiner { .. } => KindFilter::OneLiners,
            CardKind::GuideItem { .. } => KindFilter::GuideItems,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KindFilter::Questions => "Questions",
            KindFilter::Definitions => "Definitions",
            KindFilter::OneLiners => "One-liners",
            KindFilter::GuideItems => "Decision guide",
        }
    }
}

/// Which cards of the filtered set a session draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Pool {
    /// Due cards first, then new cards up to the daily limit (the usual review).
    #[default]
    DueAndNew,
    /// Only cards that are due now.
    Due,
    /// Only cards never studied (still limited per day).
    New,
    /// Cards that were forgotten or found hard, whether due or not (see [`super::is_weak`]).
    Weak,
}

impl Pool {
    pub const ALL: [Pool; 4] = [Pool::DueAndNew, Pool::Due, Pool::New, Pool::Weak];

    pub fn label(self) -> &'static str {
        match self {
            Pool::DueAndNew => "Due + new",
            Pool::Due => "Only due",
            Pool::New => "Only new",
            Pool::Weak => "Only weak",
        }
    }
}

/// What a person chose to study: sections and kinds (empty means all), pool, order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StudyFilter {
    /// Section ids; empty means every section.
    pub sections: BTreeSet<String>,
    /// Card kinds; empty means every kind.
    pub kinds: BTreeSet<KindFilter>,
    pub pool: Pool,
    pub shuffle: bool,
}

impl StudyFilter {
    /// Whether a card passes the section and kind choices (the pool needs progress; see the queue).
    pub fn admits(&self, deck: &Deck, card: usize) -> bool {
        let card = &deck.cards[card];
        let section_ok =
            self.sections.is_empty() || self.sections.contains(&deck.sections[card.section].id);
        let kind_ok = self.kinds.is_empty() || self.kinds.contains(&KindFilter::of(card.kind));
        section_ok && kind_ok
    }

    /// Indices of the admitted cards, in deck order.
    pub fn cards(&self, deck: &Deck) -> Vec<usize> {
        (0..deck.cards.len())
            .filter(|&c| self.admits(deck, c))
            .collect()
    }
}

/// Flips `item` in a choice where an empty set means "all of `every`" (as [`StudyFilter`]'s
/// sections and kinds do), keeping that meaning canonical: choosing everything empties the set.
pub fn toggle_choice<T: Ord + Clone>(set: &mut BTreeSet<T>, every: &[T], item: T) {
    if set.is_empty() {
        set.extend(every.iter().cloned());
    }
    if !set.remove(&item) {
        set.insert(item);
    }
    if set.len() == every.len() {
        set.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_keeps_empty_meaning_all() {
        let every = [1, 2, 3];
        let mut set = BTreeSet::new();
        toggle_choice(&mut set, &every, 2);
        assert_eq!(
            set,
            BTreeSet::from([1, 3]),
            "unticking one of all leaves the others"
        );
        toggle_choice(&mut set, &every, 1);
        assert_eq!(set, BTreeSet::from([3]));
        toggle_choice(&mut set, &every, 1);
        toggle_choice(&mut set, &every, 2);
        assert!(set.is_empty(), "ticking everything again means all");
    }
}
