//! Reverse prompts: a description is shown, the concept is typed.
//!
//! - A **definition** gives the first sentence of its text that opens with the term (or,
//!   after the first, with "It"/"They") and does not give the term away: "What is a
//!   high-level Python web framework ...?" -> Django.
//! - An **interview question** that asks about a concept ("What is X?", "What are X and
//!   their ...?", "Explain X and its ...") gives its answer's first sentence when that
//!   sentence opens with the concept (or its acronym spelled out) followed by a verb:
//!   "What prevents cascading failures by ...?" -> Circuit Breaker.
//! - A **one-liner** gives its detail and asks for its head, but only when the head is
//!   checkable: at most three significant words; every word the detail does not show is
//!   a naming word, not a judgement (see [`JUDGEMENT_HEAD_WORDS`]: "Faster Development"
//!   from "Less boilerplate code, rapid implementation" is skipped, any synonym would be as
//!   right); and at least one of them is not a mere category word (see
//!   [`CATEGORY_WORDS`]). The head is accepted without its category words too
//!   ("Migration Support" or "Migration").
//!
//! Definitions and questions read their concept and its opening with the shared reader,
//! [`crate::text::concept`], as the quiz's description -> concept form does.

use crate::content::{Card, CardKind, Deck, ListKind};
use crate::text;
use crate::text::concept::{CATEGORY_WORDS, Concept};

use super::giveaway::{Shown, significant_units};
use super::units::{self, Unit};
use super::vocab::Vocab;
use super::{Draft, MAX_PROMPT_CHARS, TypedForm, TypedPrompt, finish};

/// Words that judge rather than name: a one-liner head that needs one of these (not shown
/// by its detail) has too many right answers ("Faster", "Rapid", "Quick" ...) to check.
pub const JUDGEMENT_HEAD_WORDS: &[&str] = &[
    "behavior",
    "better",
    "built",
    "complex",
    "complexity",
    "comprehensive",
    "consumption",
    "development",
    "difficulty",
    "easier",
    "faster",
    "in",
    "inefficient",
    "large",
    "limitation",
    "limitations",
    "magic",
    "management",
    "opinionated",
    "overhead",
    "performance",
    "rapid",
    "resource",
    "usage",
];

/// The reverse prompt of a card, if it has one (at most one per card).
pub fn reverse_prompts(deck: &Deck, card: usize) -> Vec<TypedPrompt> {
    reverse_with(deck, &Vocab::new(deck), card)
}

pub(crate) fn reverse_with(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<TypedPrompt> {
    let Some(source) = deck.cards.get(card) else {
        return Vec::new();
    };
    let drafts = match source.kind {
        CardKind::Definition => definition(deck, vocab, card),
        CardKind::Question { .. } => question(deck, vocab, card),
        CardKind::OneLiner { list } => one_liner(deck, vocab, card, list),
        CardKind::GuideItem { .. } => Vec::new(),
    };
    drafts
        .into_iter()
        .find_map(|draft| finish(deck, card, draft))
        .into_iter()
        .collect()
}

fn lines_sentences(answer: &str) -> Vec<String> {
    text::body_text(answer)
        .lines()
        .flat_map(text::sentences)
        .collect()
}

fn expansions(vocab: &Vocab, spelling: &str) -> Vec<String> {
    let mut out = Vec::new();
    let tokens = text::tokens(spelling);
    if let [token] = tokens.as_slice()
        && token.is_acronym()
        && let Some(expansion) = vocab.expansion(token.core)
    {
        out.push(expansion.to_owned());
    }
    if let Some(acronym) = vocab.acronym_for(spelling) {
        out.push(acronym.to_owned());
    }
    out
}

fn definition(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let term = Concept::named(&source.prompt);
    let mut accepted: Vec<String> = term.aside.clone().into_iter().collect();
    accepted.extend(expansions(vocab, &term.name));
    let context = deck.sections[source.section].title.clone();
    lines_sentences(&source.answer)
        .iter()
        .enumerate()
        .filter_map(|(index, sentence)| term.opening(sentence, index > 0)?.what(MAX_PROMPT_CHARS))
        .map(|prompt| Draft {
            id: format!("reverse:{}", source.id),
            form: TypedForm::Reverse,
            prompt,
            context: context.clone(),
            answer: term.name.clone(),
            accepted: accepted.clone(),
        })
        .collect()
}

fn question(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let Some(subject) = Concept::of(&source.prompt) else {
        return Vec::new();
    };
    let Some(sentence) = text::lead_sentence(&source.answer) else {
        return Vec::new();
    };
    let Some(opening) = subject.opening(&sentence, false) else {
        return Vec::new();
    };
    let Some(description) = opening.what(MAX_PROMPT_CHARS) else {
        return Vec::new();
    };
    let phrases = subject.names();
    let concept = opening.concept.trim();
    let lower_question = source.prompt.to_ascii_lowercase();
    let answer = match lower_question.find(&concept.to_ascii_lowercase()) {
        Some(at)
            if source.prompt[at..at + concept.len()]
                .chars()
                .any(char::is_uppercase) =>
        {
            source.prompt[at..at + concept.len()].to_owned()
        }
        _ => concept.to_owned(),
    };
    let mut accepted = vec![concept.to_owned()];
    accepted.extend(opening.expansion.clone());
    accepted.extend(opening.with_category.clone());
    accepted.extend(expansions(vocab, &answer));
    // The question's own name for it, when it is a short name: "Circuit Breaker pattern".
    let concept_norms = units::unit_norms(concept);
    for phrase in &phrases {
        let all = units::units(phrase);
        let names_concept = concept_norms
            .iter()
            .all(|n| units::unit_norms(phrase).contains(n));
        if all.len() <= 3 && !all.iter().any(Unit::is_stopword) && names_concept {
            accepted.push((*phrase).to_owned());
        }
    }
    let section = deck.sections[source.section].title.clone();
    drafts(
        source,
        [section, "Interview question".to_owned()],
        &description,
        &answer,
        &accepted,
    )
}

/// One reverse draft per context to try, best first (the first that passes is kept).
fn drafts(
    source: &Card,
    contexts: [String; 2],
    prompt: &str,
    answer: &str,
    accepted: &[String],
) -> Vec<Draft> {
    contexts
        .into_iter()
        .map(|context| Draft {
            id: format!("reverse:{}", source.id),
            form: TypedForm::Reverse,
            prompt: prompt.to_owned(),
            context,
            answer: answer.to_owned(),
            accepted: accepted.to_vec(),
        })
        .collect()
}

fn all_in(unit: &Unit<'_>, words: &[&str]) -> bool {
    unit.tokens
        .iter()
        .all(|token| words.contains(&token.core.to_lowercase().as_str()))
}

fn any_in(unit: &Unit<'_>, words: &[&str]) -> bool {
    unit.tokens
        .iter()
        .any(|token| words.contains(&token.core.to_lowercase().as_str()))
}

fn one_liner(deck: &Deck, vocab: &Vocab, card: usize, list: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let Some(list) = deck.lists.get(list) else {
        return Vec::new();
    };
    let detail = text::strip_inline(&source.answer).trim().to_owned();
    let head = source.prompt.trim();
    let kind = match list.kind {
        ListKind::Advantages => "advantage",
        ListKind::Disadvantages => "disadvantage",
        ListKind::ChooseWhen => "reason to choose",
        ListKind::AvoidWhen => "reason to avoid",
    };
    let head_units = significant_units(head);
    if head_units.len() > 3 {
        return Vec::new();
    }
    let shown = Shown::new(&[&detail, &list.subject]);
    let unshown = shown.unshown(head);
    if unshown
        .iter()
        .any(|unit| any_in(unit, JUDGEMENT_HEAD_WORDS))
        || unshown.iter().all(|unit| all_in(unit, CATEGORY_WORDS))
    {
        return Vec::new();
    }
    // The head without category words; spans between kept words are kept as written
    // ("N+1 Problem" -> "N+1").
    let kept: Vec<&Unit<'_>> = head_units
        .iter()
        .filter(|unit| !all_in(unit, CATEGORY_WORDS))
        .collect();
    let mut accepted = Vec::new();
    if let (Some(first), Some(last)) = (kept.first(), kept.last()) {
        let inner_dropped = head_units.iter().any(|unit| {
            unit.start > first.start
                && unit.start < last.start
                && !kept.iter().any(|k| k.start == unit.start)
        });
        if inner_dropped {
            accepted.push(
                kept.iter()
                    .map(|unit| &head[unit.start..unit.end])
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        } else {
            accepted.push(head[first.start..last.end].to_owned());
        }
    }
    for unit in &head_units {
        if let Some(token) = unit.single()
            && token.is_acronym()
            && let Some(expansion) = vocab.expansion(token.core)
        {
            accepted.push(head.replacen(token.core, expansion, 1));
        }
    }
    let mut kind_capital = kind.to_owned();
    if let Some(first) = kind_capital.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    drafts(
        source,
        [format!("{} {kind}", list.subject), kind_capital],
        &detail,
        head,
        &accepted,
    )
}
