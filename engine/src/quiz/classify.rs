//! Classification drills: sort guide items into choose/avoid per subject, and one-liners by
//! subject per list kind ("Advantages: ORM or Django?").
//!
//! Sorting one-liners into advantage/disadvantage taught nothing: "Performance Overhead —
//! Additional abstraction layer slows operations" sorts itself by its tone. Sorting the
//! advantages of two subjects apart keeps the tone the same in both buckets, so only knowing
//! which subject has which advantage helps. Families are discovered from the deck's lists
//! rather than hard-coded, so a "Flask Advantages" list joins the drills by itself, and every
//! item passes [`check_drill_item`].

use serde::{Deserialize, Serialize};

use crate::content::{CardKind, Deck, List, ListKind, slugify};
use crate::rng::Rng;
use crate::text::{self, Token};

/// Where a statement can be sorted: a list kind (choose/avoid) or a subject (ORM/Django).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bucket {
    Kind(ListKind),
    /// As the lists spell it: "ORM", "Django".
    Subject(String),
}

/// One drill: a pair of buckets and what the statements have in common, e.g. ORM ×
/// choose/avoid, or advantages × ORM/Django.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillFamily {
    /// Stable, URL-friendly: `"orm-choose-avoid"`, `"advantages-orm-django"`.
    pub id: String,
    /// What every statement of the family shares, as a heading: the subject of a
    /// choose/avoid drill ("ORM"), the list kind of a which-subject drill ("Advantages").
    pub subject: String,
    pub choices: [Bucket; 2],
    /// The list kind a which-subject drill sorts; `None` for a choose/avoid drill.
    pub kind: Option<ListKind>,
    /// The prompt shown above each statement: "ORM: choose or avoid?",
    /// "Advantages: ORM or Django?".
    pub label: String,
    /// How many statements the drill sorts.
    pub item_count: usize,
}

/// One statement to sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillItem {
    /// Index into [`Deck::cards`]: the one-liner or guide item.
    pub card: usize,
    /// The family's [`DrillFamily::subject`].
    pub subject: String,
    /// One-liners read "Head — detail"; guide items are their text.
    pub statement: String,
    /// The right bucket: the card's list kind or subject.
    pub answer: Bucket,
    /// Both buckets, in the family's order.
    pub choices: [Bucket; 2],
}

impl DrillItem {
    /// Which of [`DrillItem::choices`] is the right bucket (0 or 1; a checked item's answer is
    /// one of them, [`check_drill_item`]).
    pub fn right_choice(&self) -> usize {
        self.choices
            .iter()
            .position(|bucket| *bucket == self.answer)
            .unwrap_or(0)
    }
}

/// The words for a bucket on a button: "Choose", "Avoid", "Advantage", "Disadvantage", or
/// the subject's name.
pub fn bucket_label(bucket: &Bucket) -> &str {
    match bucket {
        Bucket::Kind(ListKind::Advantages) => "Advantage",
        Bucket::Kind(ListKind::Disadvantages) => "Disadvantage",
        Bucket::Kind(ListKind::ChooseWhen) => "Choose",
        Bucket::Kind(ListKind::AvoidWhen) => "Avoid",
        Bucket::Subject(subject) => subject,
    }
}

/// Whether `picked` is the item's bucket.
pub fn grade_drill(item: &DrillItem, picked: &Bucket) -> bool {
    item.answer == *picked
}

/// Every drill the deck supports, in the order their first list appears: a which-subject
/// drill for each pair of subjects that both have advantages (or disadvantages) in the same
/// part of the deck (the same topic: and pairs across a large deck would grow with its square),
/// and a choose/avoid drill per subject; each with items in both buckets.
pub fn drill_families(deck: &Deck) -> Vec<DrillFamily> {
    drills_with_items(deck)
        .into_iter()
        .map(|(family, _)| family)
        .collect()
}

/// [`drill_families`], each with its items (`family_items`), found once: what compiling a
/// deck keeps.
pub fn drills_with_items(deck: &Deck) -> Vec<(DrillFamily, Vec<DrillItem>)> {
    let mut families: Vec<DrillFamily> = Vec::new();
    for list in &deck.lists {
        for family in families_of(deck, list) {
            if !families.iter().any(|known| known.id == family.id) {
                families.push(family);
            }
        }
    }
    families
        .into_iter()
        .filter_map(|mut family| {
            let items = family_items(deck, &family);
            family.item_count = items.len();
            let both = family
                .choices
                .iter()
                .all(|bucket| items.iter().any(|item| item.answer == *bucket));
            both.then_some((family, items))
        })
        .collect()
}

/// The families a list takes part in.
fn families_of(deck: &Deck, list: &List) -> Vec<DrillFamily> {
    match list.kind {
        ListKind::ChooseWhen | ListKind::AvoidWhen => {
            let choices = [
                Bucket::Kind(ListKind::ChooseWhen),
                Bucket::Kind(ListKind::AvoidWhen),
            ];
            vec![DrillFamily {
                id: format!("{}-choose-avoid", slugify(&list.subject)),
                subject: list.subject.clone(),
                label: format!("{}: choose or avoid?", list.subject),
                choices,
                kind: None,
                item_count: 0,
            }]
        }
        ListKind::Advantages | ListKind::Disadvantages => {
            let heading = kind_heading(list.kind);
            let subjects = subjects_with(deck, list.kind, part_of(deck, list));
            let Some(at) = subjects
                .iter()
                .position(|s| s.eq_ignore_ascii_case(&list.subject))
            else {
                return Vec::new();
            };
            subjects[at + 1..]
                .iter()
                .map(|other| DrillFamily {
                    id: format!(
                        "{}-{}-{}",
                        slugify(heading),
                        slugify(&list.subject),
                        slugify(other)
                    ),
                    subject: heading.to_owned(),
                    label: format!("{heading}: {} or {other}?", list.subject),
                    choices: [
                        Bucket::Subject(list.subject.clone()),
                        Bucket::Subject(other.clone()),
                    ],
                    kind: Some(list.kind),
                    item_count: 0,
                })
                .collect()
        }
    }
}

fn kind_heading(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Advantages => "Advantages",
        ListKind::Disadvantages => "Disadvantages",
        ListKind::ChooseWhen => "Choose when",
        ListKind::AvoidWhen => "Avoid when",
    }
}

/// The part (`#`) a list is in.
fn part_of(deck: &Deck, list: &List) -> Option<usize> {
    deck.sections.get(list.section).map(|section| section.part)
}

/// The subjects with a list of this kind in `part`, in deck order, each once.
fn subjects_with(deck: &Deck, kind: ListKind, part: Option<usize>) -> Vec<String> {
    let mut subjects: Vec<String> = Vec::new();
    for list in deck
        .lists
        .iter()
        .filter(|list| list.kind == kind && part_of(deck, list) == part)
    {
        if !subjects
            .iter()
            .any(|s| s.eq_ignore_ascii_case(&list.subject))
        {
            subjects.push(list.subject.clone());
        }
    }
    subjects
}

/// The drill over `families` (usually from [`drill_families`], possibly filtered), all items
/// shuffled together by the seed.
pub fn drill(deck: &Deck, families: &[DrillFamily], seed: u64) -> Vec<DrillItem> {
    let items = families
        .iter()
        .flat_map(|family| family_items(deck, family))
        .collect();
    shuffled_drill(items, seed)
}

/// A drill's statements in the seed's order: what [`drill`] does after generating them, and
/// what study does with a compiled deck's.
pub fn shuffled_drill(mut items: Vec<DrillItem>, seed: u64) -> Vec<DrillItem> {
    Rng::keyed(seed, "drill").shuffle(&mut items);
    items
}

/// The family's items that pass [`check_drill_item`], in deck order.
fn family_items(deck: &Deck, family: &DrillFamily) -> Vec<DrillItem> {
    deck.cards
        .iter()
        .enumerate()
        .filter_map(|(index, card)| {
            let list = deck.lists.get(card.list()?)?;
            let answer = family.choices.iter().find(|bucket| match bucket {
                Bucket::Kind(kind) => {
                    *kind == list.kind && family.subject.eq_ignore_ascii_case(&list.subject)
                }
                Bucket::Subject(subject) => {
                    Some(list.kind) == family.kind && subject.eq_ignore_ascii_case(&list.subject)
                }
            })?;
            Some(DrillItem {
                card: index,
                subject: family.subject.clone(),
                statement: statement(deck, index),
                answer: answer.clone(),
                choices: family.choices.clone(),
            })
        })
        .filter(|item| check_drill_item(deck, item).is_ok())
        .collect()
}

fn statement(deck: &Deck, card: usize) -> String {
    let card = &deck.cards[card];
    match card.kind {
        CardKind::OneLiner { .. } => format!(
            "{} — {}",
            card.prompt,
            text::strip_inline(&card.answer).trim()
        ),
        _ => card.prompt.clone(),
    }
}

/// Whether a drill item can only be sorted by knowing the content. Its answer must be one
/// of its two distinct buckets and be the card's own list kind or subject; a choose/avoid
/// item may not be in both lists; a which-subject item must be a one-liner whose list kind
/// both subjects have (so both buckets read with the same tone), may not name either
/// subject (or spell its acronym: "ORM Integration", "Requires understanding ORM-specific
/// concepts"), and may not have a head in, or sharing a word with a head of, the other
/// subject's list ("Learning Curve" is in both; "Migration Support" and "Migration System"
/// are the same advantage).
pub fn check_drill_item(deck: &Deck, item: &DrillItem) -> Result<(), String> {
    let fail = |why: String| Err(format!("{}: {why}", item.statement));
    let Some(card) = deck.cards.get(item.card) else {
        return fail(format!("no card {}", item.card));
    };
    let Some(list) = card.list().and_then(|list| deck.lists.get(list)) else {
        return fail("not in a list".to_owned());
    };
    if item.choices[0] == item.choices[1] || !item.choices.contains(&item.answer) {
        return fail("the answer is not one of two buckets".to_owned());
    }
    let other = if item.choices[0] == item.answer {
        &item.choices[1]
    } else {
        &item.choices[0]
    };
    match (&item.answer, other) {
        (Bucket::Kind(kind), Bucket::Kind(opposite)) => {
            if *kind != list.kind {
                return fail(format!("in a {:?} list, not {kind:?}", list.kind));
            }
            if list_heads(deck, &list.subject, *opposite)
                .iter()
                .any(|head| head.eq_ignore_ascii_case(&card.prompt))
            {
                return fail("in both buckets".to_owned());
            }
        }
        (Bucket::Subject(subject), Bucket::Subject(other)) => {
            if !subject.eq_ignore_ascii_case(&list.subject) {
                return fail(format!("about {}, not {subject}", list.subject));
            }
            if !matches!(list.kind, ListKind::Advantages | ListKind::Disadvantages) {
                return fail("not a one-liner".to_owned());
            }
            let other_heads = list_heads(deck, other, list.kind);
            if other_heads.is_empty() {
                return fail(format!(
                    "{other} has no {:?}: the buckets differ in tone",
                    list.kind
                ));
            }
            if let Some(named) = [subject, other]
                .into_iter()
                .find(|s| names_subject(&item.statement, s))
            {
                return fail(format!("names {named}"));
            }
            let words = head_words(&card.prompt);
            if let Some(head) = other_heads
                .iter()
                .find(|head| !head_words(head).is_disjoint(&words))
            {
                return fail(format!("{other} has {head:?} too"));
            }
        }
        _ => return fail("buckets of two sorts".to_owned()),
    }
    Ok(())
}

/// The prompts of the lists of a subject (any case) and kind.
fn list_heads(deck: &Deck, subject: &str, kind: ListKind) -> Vec<String> {
    deck.cards
        .iter()
        .filter(|card| {
            card.list()
                .and_then(|list| deck.lists.get(list))
                .is_some_and(|list| list.kind == kind && list.subject.eq_ignore_ascii_case(subject))
        })
        .map(|card| card.prompt.clone())
        .collect()
}

/// The stemmed words of a head that mean something: "migration", "limitation".
fn head_words(head: &str) -> std::collections::HashSet<String> {
    text::tokens(head)
        .iter()
        .filter(|token| token.is_significant(3))
        .map(Token::norm)
        .collect()
}

/// Whether a statement names a subject: all its words, or a capitalised phrase spelling it
/// when it is an acronym ("Object-Relational Mapping" names ORM).
fn names_subject(statement: &str, subject: &str) -> bool {
    let words = text::word_set(statement);
    let subject_tokens = text::tokens(subject);
    if !subject_tokens.is_empty() && subject_tokens.iter().all(|t| words.contains(&t.norm())) {
        return true;
    }
    let acronym = subject.to_lowercase();
    subject_tokens.len() == 1
        && subject_tokens[0].is_acronym()
        && text::run_initials(statement, &text::tokens(statement))
            .iter()
            .any(|(initials, _)| *initials == acronym)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_naming_a_subject() {
        assert!(names_subject(
            "ORM Integration — Powerful database abstraction layer",
            "ORM"
        ));
        assert!(names_subject(
            "Learning Curve — Requires understanding ORM-specific concepts",
            "ORM"
        ));
        assert!(names_subject(
            "Uses Object-Relational Mapping for data",
            "ORM"
        ));
        assert!(!names_subject(
            "Admin Interface — Automatic admin panel generation",
            "Django"
        ));
        assert!(names_subject(
            "ORM Performance — Django ORM adds performance overhead",
            "Django"
        ));
    }
}
