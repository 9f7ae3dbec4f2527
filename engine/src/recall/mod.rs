//! Typed recall: the learner types what they remember, and we check it against the card's key
//! terms — the things a good answer names.

mod terms;

use serde::{Deserialize, Serialize};

pub use terms::{KeyTerm, MAX_DERIVED_TERMS, key_terms};

use crate::text;

/// Ratios below these suggest Again, Hard and Good respectively; at or above the last, Easy.
/// So one term of three is Again, half is Hard, two of three is Good, nine of ten is Easy.
pub const AGAIN_BELOW: f32 = 0.34;
pub const HARD_BELOW: f32 = 0.66;
pub const GOOD_BELOW: f32 = 0.9;

/// How the typed answer went, term by term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecallScore {
    /// Indices into the terms that the typed text names, in term order.
    pub found: Vec<usize>,
    /// Indices of the terms it does not name.
    pub missed: Vec<usize>,
    /// `found / terms` (0 when there are no terms).
    pub ratio: f32,
    pub suggested: SuggestedGrade,
}

/// The self-grade the score suggests; the learner may override it. The scheduler has its own
/// `Grade`; this one stays here so recall does not depend on scheduling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SuggestedGrade {
    Again,
    Hard,
    Good,
    Easy,
}

impl SuggestedGrade {
    /// The grade for a share of terms recalled (see [`AGAIN_BELOW`] and the others).
    pub fn from_ratio(ratio: f32) -> Self {
        if ratio < AGAIN_BELOW {
            Self::Again
        } else if ratio < HARD_BELOW {
            Self::Hard
        } else if ratio < GOOD_BELOW {
            Self::Good
        } else {
            Self::Easy
        }
    }
}

/// Scores a typed answer against key terms (from [`key_terms`]).
pub fn score_recall(terms: &[KeyTerm], typed: &str) -> RecallScore {
    let typed_words = typed_words(typed);
    let (found, missed): (Vec<usize>, Vec<usize>) =
        (0..terms.len()).partition(|&index| names(&terms[index], &typed_words));
    let ratio = if terms.is_empty() {
        0.0
    } else {
        found.len() as f32 / terms.len() as f32
    };
    RecallScore {
        found,
        missed,
        ratio,
        suggested: SuggestedGrade::from_ratio(ratio),
    }
}

/// Every normalised form in the typed text: words, the parts of names, and adjacent words run
/// together ("page number pagination" -> "pagenumberpagination").
fn typed_words(typed: &str) -> Vec<String> {
    let tokens = text::tokens(typed);
    let mut words: Vec<String> = Vec::new();
    for token in &tokens {
        words.push(token.norm());
        words.extend(token.parts());
        words.push(text::stem(
            &token.core.to_lowercase().replace(['_', '.'], ""),
        ));
    }
    let lower: Vec<String> = tokens.iter().map(|t| t.core.to_lowercase()).collect();
    for width in 2..=3 {
        for window in lower.windows(width) {
            words.push(text::stem(&window.concat()));
        }
    }
    words.sort();
    words.dedup();
    words
}

fn names(term: &KeyTerm, typed: &[String]) -> bool {
    term.alternatives.iter().any(|alternative| {
        alternative
            .iter()
            .all(|word| typed.iter().any(|candidate| same_word(word, candidate)))
    })
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
