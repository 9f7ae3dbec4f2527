//! The model answer as a checklist of key points. The learner ticks the points and grades; see
//! the [module docs](super) for why the app never reads the typed text for a verdict.
//!
//! Points come from the answer's structure:
//! - bold `**Label**: detail` lines give one point each (and a prose lead sentence before them,
//!   when it says something of its own);
//! - other answers give one point per key term (enumeration item, name, acronym) with the
//!   sentence it comes from as its text, plus a point for each sentence that names no term but
//!   says something (the circuit breaker's "prevents cascading failures ...");
//! - one-liners give their detail as one point; guide items have none.
//!
//! Matching is forgiving because typing on a phone is hard: case and punctuation are ignored
//! ("select related" matches `select_related()`), plurals and -ing/-ed endings are stemmed, one
//! typo is tolerated in words of 5+ letters, and a multi-word term counts when all its
//! significant words appear anywhere in the typed text. Words the question contains are
//! dropped from every term first, so they never count.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::SelfGrade;
use super::terms::{self, KeyTerm};
use crate::content::{CardKind, Deck};
use crate::order;
use crate::text;

/// A sentence becomes a point of its own only with at least this many words beyond the
/// question's: fewer is filler ("Types include:").
const MIN_SENTENCE_WORDS: usize = 3;

/// Labels of sentence points are cut to about this many characters.
const LABEL_CHARS: usize = 64;

/// One thing the model answer says, to tick when the typed answer says it too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// What to tick, short: "PageNumberPagination", "Closed", "Circuit breaker prevents ...".
    pub label: String,
    /// The part of the answer it stands for: "PageNumberPagination: Uses page numbers", or the
    /// sentence a term comes from.
    pub text: String,
}

/// The grade to pre-select from the learner's ticks (one per point; missing ticks count as
/// unticked), never from a reading of the typed text:
/// - nothing ticked and nothing typed: Again (there is no answer to judge);
/// - nothing ticked but something typed: `None`, the learner decides;
/// - some ticked: Hard; all ticked: Good;
/// - never Easy: only the learner knows whether it came easily.
pub fn preselected_grade(typed_something: bool, ticked: &[bool]) -> Option<SelfGrade> {
    let total = ticked.len();
    let count = ticked.iter().filter(|tick| **tick).count();
    if count == 0 {
        (!typed_something).then_some(SelfGrade::Again)
    } else if count == total {
        Some(SelfGrade::Good)
    } else {
        Some(SelfGrade::Hard)
    }
}

/// The share of `points` points the learner ticked (0 when there are none).
pub fn ticked_share(ticked: &[bool], points: usize) -> f32 {
    if points == 0 {
        return 0.0;
    }
    let count = ticked.iter().take(points).filter(|tick| **tick).count();
    count as f32 / points as f32
}

/// A comparable form of the text and the tokens it covers (several for words run together).
struct Form {
    word: String,
    first: usize,
    last: usize,
}

/// A text read for matching: every comparable form with where it is.
struct Reading {
    forms: Vec<Form>,
}

impl Reading {
    fn of(typed: &str) -> Self {
        let raw = text::tokens(typed);
        let mut forms = Vec::new();
        for (index, token) in raw.iter().enumerate() {
            let lower = token.core.to_lowercase();
            let mut words = vec![token.norm()];
            words.extend(token.parts());
            words.push(text::stem(&lower.replace(['_', '.'], "")));
            order::sort(&mut words);
            words.dedup();
            forms.extend(words.into_iter().map(|word| Form {
                word,
                first: index,
                last: index,
            }));
        }
        // Adjacent words run together: "page number pagination" -> "pagenumberpagination".
        let lower: Vec<String> = raw.iter().map(|t| t.core.to_lowercase()).collect();
        for width in 2..=3 {
            for (first, window) in lower.windows(width).enumerate() {
                forms.push(Form {
                    word: text::stem(&window.concat()),
                    first,
                    last: first + width - 1,
                });
            }
        }
        Self { forms }
    }

    /// Whether any form of this text is `word` (forgivingly).
    fn has(&self, word: &str) -> bool {
        self.forms.iter().any(|form| same_word(word, &form.word))
    }

    /// Where this text names `term` (all words of one of its spellings, the `asked` question's
    /// words left out), or `None` if it does not.
    fn spans_naming(&self, term: &KeyTerm, asked: &Reading) -> Option<Vec<(usize, usize)>> {
        let mut found: Option<Vec<(usize, usize)>> = None;
        for alternative in &term.alternatives {
            let words: Vec<&String> = alternative.iter().filter(|w| !asked.has(w)).collect();
            if words.is_empty() {
                continue;
            }
            let mut spans = Vec::new();
            let all = words.iter().all(|word| {
                let before = spans.len();
                spans.extend(
                    self.forms
                        .iter()
                        .filter(|form| same_word(word, &form.word))
                        .map(|form| (form.first, form.last)),
                );
                spans.len() > before
            });
            if all {
                found.get_or_insert_with(Vec::new).extend(spans);
            }
        }
        found
    }
}

/// Equal, one typo apart (words of 5+ letters), or the same word with an extra ending the
/// stemmer does not know ("authenticat" / "authentication", "implement" / "implementation").
fn same_word(expected: &str, typed: &str) -> bool {
    if expected == typed {
        return true;
    }
    let (short, long) = if expected.len() <= typed.len() {
        (expected, typed)
    } else {
        (typed, expected)
    };
    if expected.chars().count() >= 5 && text::edit_distance_within(expected, typed, 1) {
        return true;
    }
    let extra = long.len() - short.len();
    let short_chars = short.chars().count();
    long.starts_with(short)
        && ((short_chars >= 5 && extra <= 3) || (short_chars >= 7 && extra <= 5))
}

/// The model answer of a card as a checklist; see the module docs. Empty for guide items and
/// cards without an answer.
pub fn key_points(deck: &Deck, index: usize) -> Vec<KeyPoint> {
    let Some(card) = deck.cards.get(index) else {
        return Vec::new();
    };
    if card.answer.trim().is_empty() {
        return Vec::new();
    }
    let asked = Asked::new(&card.prompt);
    let points = match card.kind {
        CardKind::GuideItem { .. } => return Vec::new(),
        CardKind::OneLiner { .. } => {
            let detail = text::strip_inline(&card.answer);
            let detail = detail.trim();
            word_point(detail, detail, &asked, 1).into_iter().collect()
        }
        CardKind::Question { .. } | CardKind::Definition => {
            let labels = text::labels(&card.answer);
            if labels.is_empty() {
                prose_points(&card.answer, &card.prompt, &asked)
            } else {
                let lead = text::lead_sentences(&card.answer)
                    .into_iter()
                    .filter_map(|s| word_point(&short_label(&s), &s, &asked, MIN_SENTENCE_WORDS));
                lead.chain(labels.iter().map(label_point)).collect()
            }
        }
    };
    if points.is_empty() {
        // Last resort so every answer has something to tick: its key terms.
        let body = text::body_text(&card.answer);
        return terms::key_terms(deck, index)
            .into_iter()
            .map(|term| term_point(term, &body))
            .collect();
    }
    points
}

/// The question, read to keep its words out of hints.
struct Asked {
    reading: Reading,
    /// Its acronyms, lower case: capitalised runs spelling one ("Django REST Framework" for
    /// DRF) are the question's words too.
    acronyms: HashSet<String>,
}

impl Asked {
    fn new(prompt: &str) -> Self {
        Self {
            reading: Reading::of(prompt),
            acronyms: text::tokens(prompt)
                .iter()
                .filter(|token| token.is_acronym())
                .map(text::Token::norm)
                .collect(),
        }
    }

    /// The term without the question's words, or `None` if nothing else is left. What is left
    /// must have a word of 3+ letters: "py" alone is not `apps.py`.
    fn strip(&self, term: &KeyTerm) -> Option<KeyTerm> {
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        for alternative in &term.alternatives {
            let rest: Vec<String> = alternative
                .iter()
                .filter(|word| !self.reading.has(word))
                .cloned()
                .collect();
            let meaningful = rest.iter().any(|word| word.chars().count() >= 3);
            if meaningful && !alternatives.contains(&rest) {
                alternatives.push(rest);
            }
        }
        (!alternatives.is_empty()).then(|| KeyTerm {
            label: term.label.clone(),
            alternatives,
        })
    }
}

/// A point for a bold label line: its label, and the line as its text.
fn label_point(label: &text::Label) -> KeyPoint {
    let text = if label.detail.is_empty() {
        label.name.clone()
    } else {
        format!("{}: {}", label.name, label.detail)
    };
    KeyPoint {
        label: label.name.clone(),
        text,
    }
}

/// A point for one key term, with the sentence of `body` it comes from as its text.
fn term_point(term: KeyTerm, sentence: &str) -> KeyPoint {
    KeyPoint {
        label: term.label.clone(),
        text: sentence.to_owned(),
    }
}

/// A point for a sentence that says something of its own: at least `min_words` significant
/// words beyond the question's.
fn word_point(label: &str, text: &str, asked: &Asked, min_words: usize) -> Option<KeyPoint> {
    (significant_words(text, asked).len() >= min_words).then(|| KeyPoint {
        label: label.to_owned(),
        text: text.to_owned(),
    })
}

/// The words of a text worth hinting with, one term each: significant, not generic, not the
/// question's (nor part of a run spelling one of its acronyms), each once.
fn significant_words(text: &str, asked: &Asked) -> Vec<KeyTerm> {
    let plain = text::strip_inline(text);
    let tokens = text::tokens(&plain);
    let spelled: Vec<(usize, usize)> = text::run_initials(&plain, &tokens)
        .into_iter()
        .filter(|(initials, _)| asked.acronyms.contains(initials))
        .map(|(_, span)| span)
        .collect();
    let mut seen = HashSet::new();
    tokens
        .iter()
        .filter(|token| token.is_significant(4) && !text::is_generic(token.core))
        .filter(|token| {
            !spelled
                .iter()
                .any(|&(start, end)| token.start >= start && token.end <= end)
        })
        .filter(|token| seen.insert(token.norm()))
        .filter_map(|token| KeyTerm::new(token.core, &[token.core]))
        .filter_map(|term| asked.strip(&term))
        .collect()
}

/// Points of an answer without bold labels: each key term with the sentence it comes from,
/// and each sentence that names no term but says something.
fn prose_points(answer: &str, prompt: &str, asked: &Asked) -> Vec<KeyPoint> {
    let body = text::body_text(answer);
    let sentences: Vec<String> = body.lines().flat_map(text::sentences).collect();
    let readings: Vec<Reading> = sentences.iter().map(|s| Reading::of(s)).collect();
    let nothing = Reading::of("");
    let mut by_sentence: Vec<Vec<KeyTerm>> = vec![Vec::new(); sentences.len()];
    for term in terms::named_and_listed(answer, prompt) {
        let label = term.label.to_lowercase();
        let at = sentences
            .iter()
            .position(|s| s.to_lowercase().contains(&label))
            .or_else(|| {
                readings
                    .iter()
                    .position(|r| r.spans_naming(&term, &nothing).is_some())
            })
            .unwrap_or(0);
        if let Some(slot) = by_sentence.get_mut(at) {
            slot.push(term);
        }
    }
    let mut points = Vec::new();
    for (sentence, terms) in sentences.iter().zip(by_sentence) {
        if terms.is_empty() {
            points.extend(word_point(
                &short_label(sentence),
                sentence,
                asked,
                MIN_SENTENCE_WORDS,
            ));
        } else {
            points.extend(terms.into_iter().map(|t| term_point(t, sentence)));
        }
    }
    points
}

/// A sentence cut to about [`LABEL_CHARS`] characters, at a clause or word boundary, with "…".
fn short_label(sentence: &str) -> String {
    if let Some(fitted) = text::fit_sentence(sentence, LABEL_CHARS / 2, LABEL_CHARS) {
        return fitted;
    }
    let mut cut = 0;
    for (at, c) in sentence.char_indices() {
        if at > LABEL_CHARS {
            break;
        }
        if c == ' ' {
            cut = at;
        }
    }
    format!("{}…", sentence[..cut].trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_at_a_boundary() {
        let long = "Circuit breaker prevents cascading failures by monitoring service calls and temporarily blocking requests";
        let label = short_label(long);
        assert!(
            label.ends_with('…') && label.chars().count() <= LABEL_CHARS + 1,
            "{label}"
        );
        assert_eq!(short_label("Short one"), "Short one");
    }
}
