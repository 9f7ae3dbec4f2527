use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::CardId;
use crate::content::{CardKind, Deck};
use crate::order;

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

    /// The deck indices of this kind's cards, in deck order.
    pub fn cards_in(self, deck: &Deck) -> impl Iterator<Item = usize> + '_ {
        deck.cards
            .iter()
            .enumerate()
            .filter(move |(_, card)| KindFilter::of(card.kind) == self)
            .map(|(index, _)| index)
    }

    pub fn label(self) -> &'static str {
        match self {
            KindFilter::Questions => "Questions",
            KindFilter::Definitions => "Definitions",
            KindFilter::OneLiners => "One-liners",
            KindFilter::GuideItems => "Decision guide",
        }
    }

    /// The kind's name in URLs (`/kind/one-liners`, `?kind=questions`).
    pub fn slug(self) -> &'static str {
        match self {
            KindFilter::Questions => "questions",
            KindFilter::Definitions => "definitions",
            KindFilter::OneLiners => "one-liners",
            KindFilter::GuideItems => "decision-guide",
        }
    }

    /// The kind a URL names, if any.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.slug() == slug)
    }
}

/// The order in which never-seen cards are introduced. Due cards always come most overdue
/// first, as in Anki: which memories to refresh is the scheduler's call, not a preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NewCardOrder {
    /// The kinds take turns in proportion to how many of each are new, each kind in reading
    /// order: about half of a first sitting is interview questions, the deck's core.
    #[default]
    Mixed,
    /// The deck's reading order: definitions and one-liners before the interview questions.
    Reading,
    /// Shuffled afresh for every sitting.
    Random,
}

impl NewCardOrder {
    pub const ALL: [NewCardOrder; 3] = [
        NewCardOrder::Mixed,
        NewCardOrder::Reading,
        NewCardOrder::Random,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NewCardOrder::Mixed => "Mixed kinds",
            NewCardOrder::Reading => "Reading order",
            NewCardOrder::Random => "Random",
        }
    }

    /// The order in one sentence, as the study page says it.
    pub fn explanation(self) -> &'static str {
        match self {
            NewCardOrder::Mixed => {
                "New cards mix the four kinds in proportion (about half are interview questions), each kind in reading order."
            }
            NewCardOrder::Reading => {
                "New cards come in the order of the content: definitions and one-liners before the interview questions."
            }
            NewCardOrder::Random => "New cards come in a fresh random order every sitting.",
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
    /// Every selected card, due or not, as practice that leaves schedules alone (Anki's
    /// custom study "cram"): for the night before an interview.
    Cram,
}

impl Pool {
    pub const ALL: [Pool; 5] = [
        Pool::DueAndNew,
        Pool::Due,
        Pool::New,
        Pool::Weak,
        Pool::Cram,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Pool::DueAndNew => "Due + new",
            Pool::Due => "Only due",
            Pool::New => "Only new",
            Pool::Weak => "Only weak",
            Pool::Cram => "Every card, practice only (schedules unchanged)",
        }
    }

    /// The pool's name in URLs (`/review?pool=weak`).
    pub fn slug(self) -> &'static str {
        match self {
            Pool::DueAndNew => "due-and-new",
            Pool::Due => "due",
            Pool::New => "new",
            Pool::Weak => "weak",
            Pool::Cram => "cram",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|pool| pool.slug() == slug)
    }
}

/// What a person chose to study: sections and kinds (empty means all), pool, order of new
/// cards. Saved by the app, so it is the same after a reload; unknown or missing fields read
/// as their defaults, so an older save still loads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyFilter {
    /// Section ids; empty means every section.
    pub sections: BTreeSet<String>,
    /// Card kinds; empty means every kind.
    pub kinds: BTreeSet<KindFilter>,
    pub pool: Pool,
    pub new_order: NewCardOrder,
    /// Only these card ids, for a sitting on "the same cards" as the last one; never part of
    /// the saved choice.
    #[serde(skip)]
    pub only_cards: Option<BTreeSet<CardId>>,
}

/// Name of the saved [`StudyFilter`] among this copy's preferences
/// ([`crate::progress::StoreKeys::preference`]), beside the progress: a preference of this
/// browser, not part of the study record.
pub const FILTER_KEY: &str = "study-filter";

impl StudyFilter {
    /// The saved choice from its stored text; anything unreadable gives the default (losing a
    /// preference is harmless, unlike losing progress).
    pub fn from_saved(text: &str) -> StudyFilter {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The text to store for this choice.
    pub fn to_saved(&self) -> String {
        serde_json::to_string(self).expect("a filter serializes: strings and enums only")
    }

    /// Whether a card passes the section and kind choices (the pool needs progress; see the queue).
    pub(crate) fn admits(&self, deck: &Deck, card: usize) -> bool {
        let card = &deck.cards[card];
        let section_ok =
            self.sections.is_empty() || self.sections.contains(&deck.sections[card.section].id);
        let kind_ok = self.kinds.is_empty() || self.kinds.contains(&KindFilter::of(card.kind));
        let card_ok = self
            .only_cards
            .as_ref()
            .is_none_or(|ids| ids.contains(card.id.as_str()));
        section_ok && kind_ok && card_ok
    }

    /// Indices of the admitted cards, in deck order.
    pub fn cards(&self, deck: &Deck) -> Vec<usize> {
        (0..deck.cards.len())
            .filter(|&c| self.admits(deck, c))
            .collect()
    }

    /// This filter narrowed to one section or kind, keeping its pool and order: what "study
    /// this section" on a section's page studies, without touching the saved choice.
    pub fn narrowed_to(&self, scope: &Scope) -> StudyFilter {
        let mut narrowed = self.clone();
        match scope {
            Scope::Section(id) => {
                narrowed.sections = order::set_of([id.clone()]);
                narrowed.kinds.clear();
            }
            Scope::Kind(kind) => {
                narrowed.kinds = order::set_of([*kind]);
                narrowed.sections.clear();
            }
            Scope::Cards(ids) => {
                narrowed.only_cards = Some(order::set_of(ids.iter().cloned()));
                narrowed.sections.clear();
                narrowed.kinds.clear();
            }
        }
        narrowed
    }
}

/// One section or one kind of card: what a section's or a kind's page offers to study in
/// one tap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Section(String),
    Kind(KindFilter),
    /// These card ids: "another mode on the same cards" after a sitting.
    Cards(Vec<CardId>),
}

/// Flips `item` in a choice where an empty set means "all of `every`" (as [`StudyFilter`]'s
/// sections and kinds do), keeping that meaning canonical: choosing everything empties the set.
/// The last chosen item cannot be unticked: an empty set means "all", so unticking it would
/// flip the choice to everything by surprise.
pub fn toggle_choice<T: Ord + Clone>(set: &mut BTreeSet<T>, every: &[T], item: T) {
    if is_only_choice(set, every, &item) {
        return;
    }
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

/// Whether `item` is the one thing chosen, so [`toggle_choice`] will not untick it (views
/// disable its box and say why).
pub fn is_only_choice<T: Ord>(set: &BTreeSet<T>, every: &[T], item: &T) -> bool {
    let chosen = if set.is_empty() {
        every.len()
    } else {
        set.len()
    };
    chosen == 1 && (set.contains(item) || (set.is_empty() && every.first() == Some(item)))
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

    #[test]
    fn the_last_ticked_item_stays_ticked() {
        let every = [1, 2, 3];
        let mut set = BTreeSet::from([2]);
        assert!(is_only_choice(&set, &every, &2));
        toggle_choice(&mut set, &every, 2);
        assert_eq!(set, BTreeSet::from([2]), "never flips to everything");
        assert!(!is_only_choice(&set, &every, &1));
        toggle_choice(&mut set, &every, 1);
        assert_eq!(set, BTreeSet::from([1, 2]));
        let single = [7];
        let mut all = BTreeSet::new();
        assert!(is_only_choice(&all, &single, &7), "all of one is one");
        toggle_choice(&mut all, &single, 7);
        assert!(all.is_empty(), "still all");
    }

    #[test]
    fn narrowing_keeps_pool_and_order() {
        let saved = StudyFilter {
            sections: BTreeSet::from(["a".to_string(), "b".to_string()]),
            kinds: BTreeSet::from([KindFilter::Definitions]),
            pool: Pool::Weak,
            new_order: NewCardOrder::Random,
            only_cards: None,
        };
        let section = saved.narrowed_to(&Scope::Section("c".into()));
        assert_eq!(section.sections, BTreeSet::from(["c".to_string()]));
        assert!(section.kinds.is_empty(), "every kind of that section");
        assert_eq!(
            (section.pool, section.new_order),
            (Pool::Weak, NewCardOrder::Random)
        );
        let kind = saved.narrowed_to(&Scope::Kind(KindFilter::Questions));
        assert!(kind.sections.is_empty());
        assert_eq!(kind.kinds, BTreeSet::from([KindFilter::Questions]));
    }

    #[test]
    fn slugs_round_trip() {
        for kind in KindFilter::ALL {
            assert_eq!(KindFilter::from_slug(kind.slug()), Some(kind));
        }
        for pool in Pool::ALL {
            assert_eq!(Pool::from_slug(pool.slug()), Some(pool));
        }
        assert_eq!(Pool::from_slug("everything"), None);
    }

    #[test]
    fn an_old_saved_filter_still_reads() {
        let old = r#"{"sections":["drf"],"kinds":[],"pool":"Due","shuffle":true}"#;
        let filter = StudyFilter::from_saved(old);
        assert_eq!(filter.pool, Pool::Due);
        assert_eq!(filter.sections, BTreeSet::from(["drf".to_string()]));
        assert_eq!(filter.new_order, NewCardOrder::Mixed);
        assert_eq!(StudyFilter::from_saved(&filter.to_saved()), filter);
        assert_eq!(
            StudyFilter::from_saved("{\"pool\":"),
            StudyFilter::default()
        );
    }
}
