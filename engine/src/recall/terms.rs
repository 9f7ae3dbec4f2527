//! Key terms: the things a good answer names.
//!
//! Key terms are read from the content itself, most specific source first:
//! 1. bold labels (`**PageNumberPagination**: ...`): the answer's own list of parts;
//! 2. otherwise names (CamelCase, `select_related()`, `manage.py`, acronyms like CSRF),
//!    quoted phrases and the items of enumerations ("Tools include Consul, Eureka, ...");
//! 3. otherwise the answer's most frequent content words.
//!
//! One-liners' terms are the significant words of their detail. Guide items have no answer
//! (they are classification material, drilled by [`crate::quiz::classify`]), so they have no
//! key terms and are not recall material.
//!
//! Terms are what the checklist ([`super::checklist`]) hints with; how typed text is matched
//! against them lives there too.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::content::{CardKind, Deck};
use crate::order;
use crate::text::{self, Token};

/// Enumerations and content words give at most this many terms: beyond it a typed answer
/// would have to be an essay. Bold labels are never capped: they are the answer's structure.
pub const MAX_DERIVED_TERMS: usize = 8;

/// Words that introduce an enumeration: what follows the last of them is the first item.
const LIST_TRIGGERS: &[&str] = &[
    ": ",
    " include ",
    " includes ",
    " including ",
    " such as ",
    " like ",
    " provides ",
    " provide ",
    " offers ",
    " supports ",
    " has ",
    " of ",
];

/// One thing a good answer names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SavedKeyTerm", into = "SavedKeyTerm")]
pub struct KeyTerm {
    /// As shown to the learner: "select_related()", "PageNumberPagination", "fault isolation".
    pub label: String,
    /// Ways to say it, each a list of normalised words that must all appear: e.g.
    /// `[["pagenumberpagination"], ["page", "number", "pagination"]]`.
    pub alternatives: Vec<Vec<String>>,
}

impl KeyTerm {
    /// A term shown as `label` and matched by any of `spellings` (each a phrase).
    pub(super) fn new(label: &str, spellings: &[&str]) -> Option<Self> {
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        for spelling in spellings {
            for alternative in word_lists(spelling) {
                if !alternative.is_empty() && !alternatives.contains(&alternative) {
                    alternatives.push(alternative);
                }
            }
        }
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        (!alternatives.is_empty() && !label.is_empty()).then_some(Self {
            label,
            alternatives,
        })
    }

    /// "Label (Expansion)" is shown as written and matched by either part.
    pub(super) fn from_label(label: &str) -> Option<Self> {
        let (outer, inner) = text::split_parenthesised(label);
        let mut spellings = vec![label, outer];
        spellings.extend(inner);
        Self::new(label, &spellings)
    }

    /// The ways to say `label` that [`KeyTerm::from_label`] reads from it alone.
    fn alternatives_of(label: &str) -> Vec<Vec<String>> {
        Self::from_label(label).map_or_else(Vec::new, |term| term.alternatives)
    }

    fn words(&self) -> HashSet<&str> {
        self.alternatives
            .iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// A [`KeyTerm`] as saved in a compiled deck: its alternatives only when they are not what
/// its label alone gives (about half of a deck's key points' bytes otherwise). Reading one
/// back computes them with the same tokenizer and stemmer, which study needs anyway.
#[derive(Serialize, Deserialize)]
struct SavedKeyTerm {
    label: String,
    alternatives: Option<Vec<Vec<String>>>,
}

impl From<KeyTerm> for SavedKeyTerm {
    fn from(term: KeyTerm) -> Self {
        let derived = KeyTerm::alternatives_of(&term.label) == term.alternatives;
        Self {
            alternatives: (!derived).then_some(term.alternatives),
            label: term.label,
        }
    }
}

impl From<SavedKeyTerm> for KeyTerm {
    fn from(saved: SavedKeyTerm) -> Self {
        Self {
            alternatives: saved
                .alternatives
                .unwrap_or_else(|| KeyTerm::alternatives_of(&saved.label)),
            label: saved.label,
        }
    }
}

/// The significant words of a phrase, split two ways: names into their parts
/// (`select`, `related`) and names whole (`pagenumberpagination`).
fn word_lists(phrase: &str) -> Vec<Vec<String>> {
    let tokens = text::tokens(phrase);
    let significant: Vec<&Token<'_>> = tokens
        .iter()
        .filter(|token| !text::is_stopword(&token.core.to_lowercase()))
        .collect();
    let chosen: Vec<&Token<'_>> = if significant.is_empty() {
        tokens.iter().collect()
    } else {
        significant
    };
    let parts: Vec<String> = chosen.iter().flat_map(|token| token.parts()).collect();
    let whole: Vec<String> = chosen
        .iter()
        .map(|token| token.core.to_lowercase().replace(['_', '.'], ""))
        .map(|word| text::stem(&word))
        .collect();
    if parts == whole {
        vec![parts]
    } else {
        vec![parts, whole]
    }
}

/// The key terms of a card, in answer order, de-duplicated; see the module docs for the
/// sources. Empty only for guide items (and cards without an answer).
pub fn key_terms(deck: &Deck, card: usize) -> Vec<KeyTerm> {
    let Some(card) = deck.cards.get(card) else {
        return Vec::new();
    };
    if card.answer.trim().is_empty() {
        return Vec::new();
    }
    let terms = match card.kind {
        CardKind::GuideItem { .. } => return Vec::new(),
        CardKind::OneLiner { .. } => detail_words(&card.answer, &card.prompt),
        CardKind::Question { .. } | CardKind::Definition => {
            let labels: Vec<KeyTerm> = text::labels(&card.answer)
                .iter()
                .filter_map(|label| KeyTerm::from_label(&label.name))
                .collect();
            if labels.is_empty() {
                let derived = named_and_listed(&card.answer, &card.prompt);
                if derived.is_empty() {
                    content_words(&card.answer, &card.prompt, 5)
                } else {
                    derived
                }
            } else {
                labels
            }
        }
    };
    let terms = dedup(terms);
    if terms.is_empty() {
        // Last resort so every answer has something to recall.
        dedup(content_words(&card.answer, "", 1))
    } else {
        terms
    }
}

/// Drops terms with the same label (any case) or the same spellings as an earlier one.
fn dedup(terms: Vec<KeyTerm>) -> Vec<KeyTerm> {
    let mut seen_labels = HashSet::new();
    let mut seen_spellings = HashSet::new();
    terms
        .into_iter()
        .filter(|term| {
            seen_labels.insert(term.label.to_lowercase())
                & seen_spellings.insert(term.alternatives[0].clone())
        })
        .collect()
}

/// A one-liner's detail: its significant words, one term each.
fn detail_words(detail: &str, prompt: &str) -> Vec<KeyTerm> {
    let plain = text::strip_inline(detail);
    let prompt_words = text::word_set(prompt);
    let all: Vec<KeyTerm> = text::tokens(&plain)
        .iter()
        .filter(|token| token.is_significant(4) && !text::is_generic(token.core))
        .filter_map(|token| KeyTerm::new(token.core, &[token.core]))
        .collect();
    let fresh: Vec<KeyTerm> = all
        .iter()
        .filter(|term| !term.words().iter().all(|word| prompt_words.contains(*word)))
        .cloned()
        .collect();
    if fresh.is_empty() { all } else { fresh }
}

/// A candidate term with where it appears and how specific its source is (0 = enumeration
/// item, quoted phrase, code name or acronym the text defines; 1 = other acronym or
/// capitalised compound).
struct Candidate {
    position: usize,
    priority: u8,
    /// An acronym or compound, dropped when an item already says it ("CORS" in "CORS
    /// handling", "DRY" in "DRY principle").
    coverable: bool,
    term: KeyTerm,
}

/// Names, quoted phrases and enumeration items of an answer's main body.
pub(super) fn named_and_listed(answer: &str, prompt: &str) -> Vec<KeyTerm> {
    let body = text::body_text(answer);
    let expansions = acronym_expansions(&body);
    let clean = without_parentheses(&body);
    let prompt_words = text::word_set(prompt);
    let prompt_acronyms: HashSet<String> = text::tokens(prompt)
        .iter()
        .filter(|token| token.is_acronym())
        .map(Token::norm)
        .collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut add = |position: usize, priority: u8, label: &str, extra: Option<&str>| {
        let mut spellings = vec![label];
        spellings.extend(extra);
        if let Some(term) = KeyTerm::new(label, &spellings) {
            candidates.push(Candidate {
                position,
                priority,
                coverable: false,
                term,
            });
        }
    };

    for (position, phrase) in quoted_phrases(&clean) {
        add(position, 0, phrase, None);
    }
    // Acronyms the answer defines are what it is about: "Model-Template-View (MTV)".
    for (acronym, expansion) in &expansions {
        let position = clean.find(expansion.as_str()).unwrap_or(0);
        add(position, 0, acronym, Some(expansion));
    }
    let mut offset = 0;
    for sentence in clean.lines().flat_map(text::sentences) {
        let base = clean[offset..]
            .find(&sentence)
            .map_or(offset, |at| offset + at);
        offset = base;
        for item in enumeration(&sentence) {
            let position = base + sentence.find(item).unwrap_or(0);
            let expanded = expanded_item(item, &expansions);
            add(position, 0, item, expanded.as_deref());
        }
    }
    let tokens = text::tokens(&clean);
    for (index, token) in tokens.iter().enumerate() {
        if token.is_code() && !token.is_acronym() {
            let label = if token.call {
                format!("{}()", token.core)
            } else {
                token.core.to_owned()
            };
            add(token.start, 0, &label, None);
        } else if token.is_acronym() && !text::is_generic_acronym(token.core) {
            let expansion = expansions
                .iter()
                .find(|(acronym, _)| acronym == token.core)
                .map(|(_, expansion)| expansion.as_str());
            add(token.start, 1, token.core, expansion);
        }
        // Capitalised compounds: Half-Open, Access-Control-Allow-Origin, and the capitalised
        // words after one: "Cross-Origin Resource Sharing".
        if clean[..token.start].ends_with('-') || !starts_upper(token.core) {
            continue;
        }
        let mut end = index;
        let mut hyphenated = false;
        while end + 1 < tokens.len() && starts_upper(tokens[end + 1].core) {
            let gap = &clean[tokens[end].end..tokens[end + 1].start];
            if gap == "-" {
                hyphenated = true;
            } else if !(gap == " " && hyphenated) {
                break;
            }
            end += 1;
        }
        if hyphenated {
            let phrase = &clean[token.start..tokens[end].end];
            let initials: String = tokens[index..=end]
                .iter()
                .filter_map(|t| t.core.chars().next())
                .collect::<String>()
                .to_lowercase();
            // "Cross-Origin Resource Sharing" spells the CORS the prompt asks about.
            if !prompt_acronyms.contains(&initials) {
                add(token.start, 1, phrase, None);
            }
        }
    }
    for candidate in &mut candidates {
        candidate.coverable = candidate.priority > 0
            || expansions
                .iter()
                .any(|(acronym, _)| *acronym == candidate.term.label);
    }

    // Not the prompt's own words: naming what was asked is not recalling the answer.
    candidates.retain(|c| {
        !c.term
            .alternatives
            .iter()
            .any(|words| words.iter().all(|word| prompt_words.contains(word)))
    });
    // An acronym inside an item ("CORS" in "CORS handling") is covered by the item.
    let specific: Vec<HashSet<&str>> = candidates
        .iter()
        .filter(|c| !c.coverable)
        .map(|c| c.term.words())
        .collect();
    // A compound spelling out a defined acronym ("Model-Template-View") is covered by it.
    let defined: Vec<HashSet<&str>> = candidates
        .iter()
        .filter(|c| c.coverable && c.priority == 0)
        .map(|c| c.term.words())
        .collect();
    let covered: Vec<bool> = candidates
        .iter()
        .map(|c| {
            let words = c.term.alternatives[0]
                .iter()
                .map(String::as_str)
                .collect::<HashSet<_>>();
            c.coverable
                && (specific.iter().any(|set| words.is_subset(set))
                    || (c.priority > 0 && defined.iter().any(|set| words.is_subset(set))))
        })
        .collect();
    let mut kept: Vec<Candidate> = candidates
        .into_iter()
        .zip(covered)
        .filter(|(_, covered)| !covered)
        .map(|(candidate, _)| candidate)
        .collect();
    order::sort_by_key(&mut kept, |c| (c.priority, c.position));
    let mut seen = HashSet::new();
    kept.retain(|c| seen.insert(c.term.label.to_lowercase()));
    kept.truncate(MAX_DERIVED_TERMS);
    order::sort_by_key(&mut kept, |c| c.position);
    kept.into_iter().map(|c| c.term).collect()
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Acronyms defined in the text, with their expansions: "Model-Template-View (MTV)" and
/// "CSRF protection(Cross-Site Request Forgery)" both define one.
fn acronym_expansions(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut consumed = 0;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let before = &body[..consumed + open];
        let before_tokens = text::tokens(before);
        let inner_tokens = text::tokens(inner);
        let initials = |tokens: &[Token<'_>]| -> String {
            tokens
                .iter()
                .filter_map(|t| t.core.chars().next())
                .collect::<String>()
                .to_uppercase()
        };
        if let [acronym] = inner_tokens.as_slice()
            && acronym.is_acronym()
        {
            // "Model-Template-View (MTV)": the words just before spell it.
            let letters = acronym.core.trim_end_matches('s').chars().count();
            if before_tokens.len() >= letters {
                let words = &before_tokens[before_tokens.len() - letters..];
                if initials(words) == acronym.core.trim_end_matches('s') {
                    let start = words[0].start;
                    let end = words[letters - 1].end;
                    out.push((acronym.core.to_owned(), before[start..end].to_owned()));
                }
            }
        } else if !inner_tokens.is_empty() {
            // "CSRF protection(Cross-Site Request Forgery)": an acronym just before it.
            let spelled = initials(&inner_tokens);
            if let Some(acronym) = before_tokens
                .iter()
                .rev()
                .take(2)
                .find(|t| t.is_acronym() && t.core.trim_end_matches('s') == spelled)
            {
                out.push((acronym.core.to_owned(), inner.trim().to_owned()));
            }
        }
        consumed += open + close + 1;
        rest = &body[consumed..];
    }
    out
}

/// The text with every `(...)` removed: expansions and asides are not list items.
fn without_parentheses(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut depth = 0usize;
    for c in body.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Phrases of up to four words in straight or curly double quotes, with their positions.
fn quoted_phrases(body: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find(['"', '“']).map(|at| from + at) {
        let quote_len = body[open..].chars().next().map_or(1, char::len_utf8);
        let start = open + quote_len;
        let Some(close) = body[start..].find(['"', '”']).map(|at| start + at) else {
            break;
        };
        let phrase = body[start..close].trim();
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 4 {
            out.push((open, phrase));
        }
        from = close + 1;
    }
    out
}

/// The items of a comma-separated enumeration in a sentence: "Benefits include X, Y, and Z"
/// gives X, Y, Z. Needs three or more items. Without an introducing word (see
/// [`LIST_TRIGGERS`]) the first item must be short, since it carries the sentence's subject.
fn enumeration(sentence: &str) -> Vec<&str> {
    let mut items: Vec<&str> = sentence.split(", ").collect();
    if items.len() < 2 {
        return Vec::new();
    }
    if let Some(last) = items.pop() {
        let last = last.trim();
        if let Some(item) = last
            .strip_prefix("and ")
            .or_else(|| last.strip_prefix("or "))
        {
            items.push(item);
        } else if let Some((a, b)) = last.split_once(" and ").or_else(|| last.split_once(" or ")) {
            items.push(a);
            items.push(b);
        } else {
            items.push(last);
        }
    }
    if items.len() < 3 {
        return Vec::new();
    }
    // The list starts after the first introducing word that leaves a short first item, in
    // whichever item it is: "...for rapid web development, including ORM, admin interface".
    let trigger_end = |item: &str| {
        LIST_TRIGGERS
            .iter()
            .filter_map(|trigger| {
                format!(" {item}")
                    .rfind(trigger)
                    .map(|at| (at + trigger.len()).saturating_sub(1))
            })
            .max()
    };
    let introduced = (0..items.len()).find_map(|index| {
        let end = trigger_end(items[index])?;
        (items[index][end..].split_whitespace().count() <= 4).then_some((index, end))
    });
    let longest = if let Some((index, end)) = introduced {
        items.drain(..index);
        items[0] = &items[0][end..];
        if items.len() < 3 {
            return Vec::new();
        }
        4
    } else {
        // No introducing word: a real list has at least two commas, and its first item
        // carries the sentence's subject, so it must be short.
        if sentence.matches(", ").count() < 2 {
            return Vec::new();
        }
        if items[0].split_whitespace().count() > 2 {
            items[0] = "";
        }
        3
    };
    items
        .into_iter()
        .map(clean_item)
        .filter(|item| {
            let words = item.split_whitespace().count();
            (1..=longest).contains(&words)
                && text::tokens(item)
                    .iter()
                    .any(|token| token.is_significant(3) && !text::is_generic(token.core))
        })
        .collect()
}

fn clean_item(item: &str) -> &str {
    let mut item = item.trim().trim_end_matches(['.', ':', ';']);
    for prefix in ["and ", "or ", "the ", "a ", "an "] {
        if let Some(rest) = item.strip_prefix(prefix) {
            item = rest;
        }
    }
    item.trim()
}

/// An item spelled with its acronyms expanded, if it has any: "XSS prevention" ->
/// "Cross-Site Scripting prevention".
fn expanded_item(item: &str, expansions: &[(String, String)]) -> Option<String> {
    let mut expanded = item.to_owned();
    for (acronym, expansion) in expansions {
        if text::tokens(item).iter().any(|t| t.core == acronym) {
            expanded = expanded.replace(acronym.as_str(), expansion);
        }
    }
    (expanded != item).then_some(expanded)
}

/// The answer's most frequent content words (at least `min_letters` letters, not stopwords,
/// not generic, not in the prompt), up to [`MAX_DERIVED_TERMS`], in answer order.
fn content_words(answer: &str, prompt: &str, min_letters: usize) -> Vec<KeyTerm> {
    let body = text::body_text(answer);
    let body = if body.trim().is_empty() {
        text::strip_inline(answer)
    } else {
        body
    };
    let prompt_words = text::word_set(prompt);
    // (norm, first token, first position, count)
    let mut counts: Vec<(String, String, usize, usize)> = Vec::new();
    for (position, token) in text::tokens(&body).iter().enumerate() {
        let lower = token.core.to_lowercase();
        if token.letters() < min_letters
            || text::is_stopword(&lower)
            || text::is_generic(&lower)
            || prompt_words.contains(&token.norm())
        {
            continue;
        }
        let norm = token.norm();
        match counts.iter_mut().find(|(n, ..)| *n == norm) {
            Some(entry) => entry.3 += 1,
            None => counts.push((norm, token.core.to_owned(), position, 1)),
        }
    }
    order::sort_by(&mut counts, |a, b| b.3.cmp(&a.3).then(a.2.cmp(&b.2)));
    counts.truncate(MAX_DERIVED_TERMS);
    order::sort_by_key(&mut counts, |entry| entry.2);
    counts
        .iter()
        .filter_map(|(_, word, ..)| KeyTerm::new(word, &[word]))
        .collect()
}
