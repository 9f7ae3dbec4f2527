//! Classification drills: sort one-liners into advantage/disadvantage and guide items into
//! choose/avoid, per subject.
//!
//! Families are discovered from the deck's lists rather than hard-coded, so a new
//! "Flask Advantages" + "Flask Disadvantages" pair becomes a drill by itself.

use serde::{Deserialize, Serialize};

use crate::content::{CardKind, Deck, ListKind};
use crate::rng::Rng;

/// The two bucket pairs a list can belong to.
const PAIRS: [[ListKind; 2]; 2] = [
    [ListKind::Advantages, ListKind::Disadvantages],
    [ListKind::ChooseWhen, ListKind::AvoidWhen],
];

/// One drill: a subject and a pair of buckets, e.g. ORM × advantage/disadvantage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillFamily {
    /// Stable, URL-friendly: `"orm-advantages-disadvantages"`.
    pub id: String,
    /// As the lists spell it: "ORM", "Django".
    pub subject: String,
    pub choices: [ListKind; 2],
    /// The prompt shown above each statement: "ORM: advantage or disadvantage?".
    pub label: String,
    /// How many statements the drill sorts (both lists together).
    pub item_count: usize,
}

/// One statement to sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillItem {
    /// Index into [`Deck::cards`]: the one-liner or guide item.
    pub card: usize,
    pub subject: String,
    /// One-liners read "Head — detail", so a head in both lists ("Template System") is
    /// unambiguous; guide items are their text.
    pub statement: String,
    /// The right bucket: the card's list kind.
    pub answer: ListKind,
    /// Both buckets, in the family's order (the one containing `answer` among them).
    pub choices: [ListKind; 2],
}

/// The word for a bucket on a button: "Advantage", "Disadvantage", "Choose", "Avoid".
pub fn bucket_label(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Advantages => "Advantage",
        ListKind::Disadvantages => "Disadvantage",
        ListKind::ChooseWhen => "Choose",
        ListKind::AvoidWhen => "Avoid",
    }
}

/// Whether `picked` is the item's bucket.
pub fn grade_drill(item: &DrillItem, picked: ListKind) -> bool {
    item.answer == picked
}

/// Every (subject, bucket pair) for which the deck has items in both buckets, in the order
/// their first list appears.
pub fn drill_families(deck: &Deck) -> Vec<DrillFamily> {
    let mut families: Vec<DrillFamily> = Vec::new();
    for list in &deck.lists {
        let Some(pair) = PAIRS.iter().find(|pair| pair.contains(&list.kind)) else {
            continue;
        };
        let known = families.iter().any(|family| {
            family.choices == *pair && family.subject.eq_ignore_ascii_case(&list.subject)
        });
        if known {
            continue;
        }
        let family = DrillFamily {
            id: format!(
                "{}-{}",
                crate::content::slugify(&list.subject),
                if pair[0] == ListKind::Advantages {
                    "advantages-disadvantages"
                } else {
                    "choose-avoid"
                }
            ),
            subject: list.subject.clone(),
            choices: *pair,
            label: format!(
                "{}: {} or {}?",
                list.subject,
                bucket_label(pair[0]).to_lowercase(),
                bucket_label(pair[1]).to_lowercase()
            ),
            item_count: 0,
        };
        families.push(family);
    }
    families
        .into_iter()
        .filter_map(|mut family| {
            let items = family_cards(deck, &family);
            let both = family
                .choices
                .iter()
                .all(|kind| items.iter().any(|(_, answer)| answer == kind));
            family.item_count = items.len();
            both.then_some(family)
        })
        .collect()
}

/// The drill over `families` (usually from [`drill_families`], possibly filtered), all items
/// shuffled together by the seed.
pub fn drill(deck: &Deck, families: &[DrillFamily], seed: u64) -> Vec<DrillItem> {
    let mut items: Vec<DrillItem> = families
        .iter()
        .flat_map(|family| {
            family_cards(deck, family)
                .into_iter()
                .map(|(card, answer)| DrillItem {
                    card,
                    subject: family.subject.clone(),
                    statement: statement(deck, card),
                    answer,
                    choices: family.choices,
                })
        })
        .collect();
    Rng::keyed(seed, "drill").shuffle(&mut items);
    items
}

/// The family's cards with their bucket, in deck order.
fn family_cards(deck: &Deck, family: &DrillFamily) -> Vec<(usize, ListKind)> {
    deck.cards
        .iter()
        .enumerate()
        .filter_map(|(index, card)| {
            let list = deck.lists.get(card.list()?)?;
            (family.choices.contains(&list.kind)
                && list.subject.eq_ignore_ascii_case(&family.subject))
            .then_some((index, list.kind))
        })
        .collect()
}

fn statement(deck: &Deck, card: usize) -> String {
    let card = &deck.cards[card];
    match card.kind {
        CardKind::OneLiner { .. } => format!(
            "{} — {}",
            card.prompt,
            crate::text::strip_inline(&card.answer).trim()
        ),
        _ => card.prompt.clone(),
    }
}
