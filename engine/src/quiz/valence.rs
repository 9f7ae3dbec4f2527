//! Valence: whether a statement reads as good news or bad news.
//!
//! A learner who does not know the answer can still pick "the only option that sounds like a
//! problem" when asked for a disadvantage. The lexicon below was read off the deck's own
//! advantage and disadvantage one-liners (and the words the guide lists use), so it knows
//! the words this content uses to praise or blame; it is small on purpose and matched after
//! stemming, so "slows" and "slow", "limitations" and "limited" meet.

use std::sync::OnceLock;

use crate::text::{stem, tokens};

/// Words (and two-word phrases) that blame: the disadvantage lists' vocabulary.
const NEGATIVE: &[&str] = &[
    "bottleneck",
    "boilerplate",
    "breaking",
    "cannot",
    "challenge",
    "complex",
    "complexity",
    "constrained",
    "consume",
    "consumption",
    "curve",
    "dependency",
    "difficult",
    "difficulty",
    "failure",
    "hard",
    "harder",
    "heavyweight",
    "hidden",
    "inconsistency",
    "inefficient",
    "latency",
    "limit",
    "limitation",
    "limited",
    "lock in",
    "magic",
    "monolithic",
    "opinionated",
    "overhead",
    "problem",
    "slow",
    "tight coupling",
    "unpredictable",
];

/// Words that praise: the advantage lists' vocabulary.
const POSITIVE: &[&str] = &[
    "accelerate",
    "automatic",
    "automatically",
    "better",
    "built in",
    "clean",
    "comprehensive",
    "consistent",
    "easier",
    "easily",
    "easy",
    "efficiency",
    "efficient",
    "extensive",
    "familiar",
    "fast",
    "faster",
    "flexibility",
    "flexible",
    "ideal",
    "independence",
    "independent",
    "intuitive",
    "maintainability",
    "portability",
    "powerful",
    "prevention",
    "promote",
    "protection",
    "rapid",
    "reusability",
    "reusable",
    "safety",
    "scalability",
    "scalable",
    "secure",
    "security",
    "simple",
    "simpler",
    "support",
];

/// Words that turn the next word or two around: "not ideal", "less flexible", "less
/// boilerplate", "limit flexibility". A negator that is itself in a list still counts.
const NEGATORS: &[&str] = &[
    "cannot", "lack", "less", "limit", "limited", "no", "not", "without",
];

/// How far back a negator reaches: "Not ideal", "less flexible than".
const NEGATOR_REACH: usize = 2;

/// Good news, bad news or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Valence {
    Positive,
    Negative,
    Neutral,
}

/// The valence of a text: praise words minus blame words (each turned around by a
/// negator just before it), by sign.
pub(super) fn valence(text: &str) -> Valence {
    let lexicon = Lexicon::get();
    let norms: Vec<String> = tokens(text).iter().map(|token| token.norm()).collect();
    let mut score = 0i32;
    for at in 0..norms.len() {
        let sign = if matches_any(&norms, at, &lexicon.positive) {
            1
        } else if matches_any(&norms, at, &lexicon.negative) {
            -1
        } else {
            continue;
        };
        let negated = norms[at.saturating_sub(NEGATOR_REACH)..at]
            .iter()
            .any(|word| lexicon.negators.contains(word));
        score += if negated { -sign } else { sign };
    }
    match score.signum() {
        1 => Valence::Positive,
        -1 => Valence::Negative,
        _ => Valence::Neutral,
    }
}

/// The word lists, stemmed once.
struct Lexicon {
    positive: Vec<Vec<String>>,
    negative: Vec<Vec<String>>,
    negators: Vec<String>,
}

impl Lexicon {
    fn get() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let entries = |list: &[&str]| -> Vec<Vec<String>> {
                list.iter()
                    .map(|entry| entry.split(' ').map(stem).collect())
                    .collect()
            };
            Lexicon {
                positive: entries(POSITIVE),
                negative: entries(NEGATIVE),
                negators: NEGATORS.iter().map(|word| stem(word)).collect(),
            }
        })
    }
}

/// Whether a lexicon entry (one or two stemmed words) starts at `at`.
fn matches_any(norms: &[String], at: usize, entries: &[Vec<String>]) -> bool {
    entries.iter().any(|words| {
        norms
            .get(at..at + words.len())
            .is_some_and(|run| run == words.as_slice())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_decks_one_liners() {
        use Valence::*;
        assert_eq!(valence("Complex Query Limitations"), Negative);
        assert_eq!(valence("Performance Overhead"), Negative);
        assert_eq!(
            valence("Additional abstraction layer slows operations"),
            Negative
        );
        assert_eq!(valence("SQL Injection Prevention"), Positive);
        assert_eq!(
            valence("Built-in security through parameterized queries"),
            Positive
        );
        assert_eq!(
            valence("Less boilerplate code, rapid implementation"),
            Positive
        );
        assert_eq!(
            valence("Less flexible than modern frontend frameworks"),
            Negative
        );
        assert_eq!(
            valence("Not ideal for microservices architecture"),
            Negative
        );
        assert_eq!(valence("Vendor Lock-in"), Negative);
        assert_eq!(valence("Migration Support"), Positive);
        assert_eq!(
            valence("Version control for database schema changes"),
            Neutral
        );
        assert_eq!(valence("Type Safety"), Positive);
        assert_eq!(valence("Memory Usage"), Neutral);
    }
}
