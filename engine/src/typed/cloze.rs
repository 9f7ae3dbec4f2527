//! Cloze deletions: one word of a sentence of the answer is blanked, and typed back.
//!
//! Only words whose answer is exact and checkable are blanked, best first:
//! 1. names: code names (`select_related()`, `manage.py`, `LimitOffsetPagination`) and the
//!    commands after `django-admin` / `manage.py` (`startproject`);
//! 2. acronyms (not the deck-wide API/APIs/OK) and numbers ("79"; checked exactly);
//! 3. items of an enumeration shown whole ("Closed, ___, and Half-Open": the other items are
//!    visible, so only the missing one fits) and plain-word label names ("___: Handles data
//!    logic ...");
//! 4. other words of 5+ letters that at most two cards of the deck use (specific words like
//!    "joins", "cascading"), never generic ones.
//!
//! A blank never falls on a stopword or on a word the rest of the sentence or the context
//! line shows (see `giveaway`). At most [`MAX_CLOZES`] per card, at most one per sentence
//! until every sentence had its chance. Sentences longer than [`MAX_PROMPT_CHARS`] are cut to
//! the clauses around the blank; an enumeration item is never blanked in a cut sentence.

use crate::content::{CardKind, Deck};
use crate::order;
use crate::text;

use super::units::{self, Unit};
use super::vocab::Vocab;
use super::{BLANK, Draft, MAX_PROMPT_CHARS, TypedForm, TypedPrompt, finish};

/// Most clozes made from one card.
pub const MAX_CLOZES: usize = 3;

/// Small numbers may be typed as words ("four" for 4); any other spelling of a number is
/// wrong.
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// Words after which an enumeration's first item starts.
const LIST_OPENERS: &[&str] = &[
    ", ",
    ", and ",
    ", or ",
    ": ",
    " include ",
    " includes ",
    " including ",
    " like ",
    " as ",
];

/// The cloze prompts of a card, best first.
pub fn cloze_prompts(deck: &Deck, card: usize) -> Vec<TypedPrompt> {
    clozes_with(deck, &Vocab::new(deck), card)
}

struct Candidate {
    rank: u8,
    sentence: usize,
    start: usize,
    end: usize,
    enumeration: bool,
    acronym: bool,
}

pub(crate) fn clozes_with(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<TypedPrompt> {
    let Some(source) = deck.cards.get(card) else {
        return Vec::new();
    };
    if !matches!(
        source.kind,
        CardKind::Question { .. } | CardKind::Definition
    ) {
        return Vec::new();
    }
    let sentences: Vec<String> = text::body_text(&source.answer)
        .lines()
        .flat_map(text::sentences)
        .collect();
    let mut candidates = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let units = units::units(sentence);
        for (at, unit) in units.iter().enumerate() {
            if let Some((rank, enumeration)) = rank(sentence, &units, at, vocab) {
                candidates.push(Candidate {
                    rank,
                    sentence: index,
                    start: unit.start,
                    end: unit.end,
                    enumeration,
                    acronym: unit.single().is_some_and(|t| t.is_acronym()),
                });
            }
        }
    }
    order::sort_by_key(&mut candidates, |c| (c.rank, c.sentence, c.start));
    let mut used_sentences = vec![false; sentences.len()];
    let mut chosen: Vec<TypedPrompt> = Vec::new();
    let mut tried = vec![false; candidates.len()];
    for pass in 0..2 {
        for (index, candidate) in candidates.iter().enumerate() {
            if chosen.len() >= MAX_CLOZES {
                break;
            }
            if tried[index] || (pass == 0 && used_sentences[candidate.sentence]) {
                continue;
            }
            let sentence = &sentences[candidate.sentence];
            let answer = &sentence[candidate.start..candidate.end];
            let blanked = format!(
                "{}{BLANK}{}",
                &sentence[..candidate.start],
                &sentence[candidate.end..]
            );
            let Some(prompt) = cut_around(&blanked, candidate.start) else {
                tried[index] = true;
                continue;
            };
            if candidate.enumeration && prompt != blanked {
                tried[index] = true;
                continue;
            }
            if chosen.iter().any(|p| p.answer == answer) {
                tried[index] = true;
                continue;
            }
            let mut accepted = Vec::new();
            if candidate.acronym {
                accepted.extend(vocab.expansion(answer).map(str::to_owned));
            }
            if let Ok(number) = answer.parse::<usize>()
                && let Some(word) = NUMBER_WORDS.get(number)
            {
                accepted.push((*word).to_owned());
            }
            let draft = Draft {
                id: format!("cloze:{}:{}", source.id, chosen.len() + 1),
                form: TypedForm::Cloze,
                prompt,
                context: source.prompt.clone(),
                answer: answer.to_owned(),
                accepted,
            };
            tried[index] = true;
            if let Some(prompt) = finish(deck, card, draft) {
                used_sentences[candidate.sentence] = true;
                chosen.push(prompt);
            }
        }
    }
    chosen
}

/// How good a blank this unit makes (lower is better), and whether it is an enumeration
/// item; `None` if it must not be blanked.
fn rank(sentence: &str, units: &[Unit<'_>], at: usize, vocab: &Vocab) -> Option<(u8, bool)> {
    let unit = &units[at];
    let before = sentence[..unit.start].chars().next_back();
    let after = sentence[unit.span_end..].chars().next();
    let clean_before = before.is_none_or(|c| c.is_whitespace() || "(,:;\"'“".contains(c));
    let clean_after = after.is_none_or(|c| c.is_whitespace() || ".,;:)!?\"'”".contains(c));
    if !clean_before || !clean_after || unit.is_stopword() {
        return None;
    }
    let word = &sentence[unit.start..unit.end];
    if word.ends_with("_name") {
        // A placeholder (`project_name`), not something to remember.
        return None;
    }
    let command = at > 0 && matches!(units[at - 1].norm().as_str(), "django-admin" | "manage.py");
    if command || unit.tokens.iter().any(|t| t.is_code()) {
        return Some((0, false));
    }
    if let Some(token) = unit.single() {
        if token.is_acronym() {
            return (!text::is_generic_acronym(token.core)).then_some((1, false));
        }
        if token.is_number() && token.core.chars().any(|c| c.is_ascii_digit()) {
            return Some((1, false));
        }
    }
    let letters: usize = unit.tokens.iter().map(|t| t.letters()).sum();
    if unit.tokens.iter().any(|t| text::is_generic(t.core)) || letters < 3 {
        return None;
    }
    let label_name = unit.start == 0 && after == Some(':');
    let enumeration = is_enumeration_item(sentence, unit);
    if enumeration || (label_name && letters >= 4) {
        return Some((2, enumeration));
    }
    let rare = unit
        .tokens
        .iter()
        .all(|t| vocab.cards_using(&t.norm()) <= 2);
    (letters >= 5 && rare && nounish(sentence, units, at)).then_some((3, false))
}

/// Words a noun is often followed by (a verb is usually followed by its object).
const AFTER_NOUN: &[&str] = &[
    "across", "and", "as", "at", "between", "by", "for", "from", "in", "into", "like", "of", "on",
    "or", "over", "per", "that", "through", "to", "via", "which", "with",
];

/// Words a verb is often preceded by.
const BEFORE_VERB: &[&str] = &[
    "be", "been", "being", "can", "could", "do", "does", "may", "must", "not", "should", "to",
    "will", "would",
];

/// A rough guess that a plain word names something (a noun ending its phrase: "SQL joins
/// to ...", "cache invalidation,") rather than doing or qualifying something ("follows the",
/// "directly", "to interact"): only such words are worth typing back.
fn nounish(sentence: &str, units: &[Unit<'_>], at: usize) -> bool {
    let unit = &units[at];
    let word = sentence[unit.start..unit.end].to_lowercase();
    if word.ends_with("ly") || at == 1 {
        return false;
    }
    if at > 0 && BEFORE_VERB.contains(&units[at - 1].norm().as_str()) {
        return false;
    }
    let Some(next) = units.get(at + 1) else {
        return true;
    };
    let gap = &sentence[unit.span_end..next.start];
    gap.contains([',', ':', ';', '(', ')'])
        || AFTER_NOUN.contains(&sentence[next.start..next.end].to_lowercase().as_str())
}

/// Whether the unit is a whole item of a comma-separated enumeration of 3 or more items.
fn is_enumeration_item(sentence: &str, unit: &Unit<'_>) -> bool {
    if sentence.matches(", ").count() < 2 {
        return false;
    }
    let before = &sentence[..unit.start];
    let after = &sentence[unit.span_end..];
    let opens = LIST_OPENERS.iter().any(|opener| before.ends_with(opener));
    let closes = after.is_empty()
        || after.starts_with(',')
        || after.starts_with('.')
        || after.starts_with(" and ")
        || after.starts_with(" or ");
    opens && closes
}

/// The sentence if it fits, else the clauses around the blank (at byte `at`) that fit,
/// marked with "…" where cut. `None` if even the blank's own clause is too long.
fn cut_around(sentence: &str, at: usize) -> Option<String> {
    if sentence.chars().count() <= MAX_PROMPT_CHARS {
        return Some(sentence.to_owned());
    }
    let mut bounds: Vec<usize> = sentence
        .match_indices(", ")
        .chain(sentence.match_indices("; "))
        .map(|(i, _)| i)
        .collect();
    order::sort(&mut bounds);
    let blank_end = at + BLANK.len();
    let mut lo = bounds.iter().rev().find(|&&b| b < at).map_or(0, |&b| b + 2);
    let mut hi = bounds
        .iter()
        .find(|&&b| b >= blank_end)
        .copied()
        .unwrap_or(sentence.len());
    let fits = |lo: usize, hi: usize| sentence[lo..hi].chars().count() + 2 <= MAX_PROMPT_CHARS;
    if !fits(lo, hi) {
        return None;
    }
    loop {
        let right = bounds
            .iter()
            .find(|&&b| b > hi)
            .copied()
            .or((hi < sentence.len()).then_some(sentence.len()));
        if let Some(next) = right
            && fits(lo, next)
        {
            hi = next;
            continue;
        }
        let left = bounds
            .iter()
            .rev()
            .find(|&&b| b + 2 < lo)
            .map(|&b| b + 2)
            .or((lo > 0).then_some(0));
        if let Some(next) = left
            && fits(next, hi)
        {
            lo = next;
            continue;
        }
        break;
    }
    let mut out = String::new();
    if lo > 0 {
        out.push('…');
    }
    out.push_str(sentence[lo..hi].trim_end_matches([',', ';']));
    if hi < sentence.len() {
        out.push('…');
    }
    Some(out)
}
