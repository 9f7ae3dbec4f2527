//! Spellings: how a typed answer is compared with one accepted spelling.
//!
//! Both sides become lists of words: significant tokens (stopwords dropped unless nothing
//! else is left), names split into their parts (`select_related()` -> `select`, `related`;
//! `LimitOffsetPagination` -> `limit`, `offset`, `pagination`), lower-cased and stemmed, so
//! case, punctuation, spacing, `_`, `.`, `()` and plurals do not matter. Words match in any
//! order. A spelling also matches when both sides, run together, are equal ("selectrelated").
//!
//! Typos are allowed per expected word by [`text::typo_budget`] (none under 4 letters, 1 from
//! 4, 2 from 8); a word with a digit allows none, so "78" is not "79".

use crate::text::{self, Token};

/// One comparable word and the typos it tolerates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub norm: String,
    pub budget: usize,
}

impl Word {
    fn new(norm: String) -> Self {
        let budget = if norm.chars().any(|c| c.is_ascii_digit()) {
            0
        } else {
            text::typo_budget(norm.chars().filter(|c| c.is_alphabetic()).count())
        };
        Self { norm, budget }
    }
}

/// The tokens that carry meaning: all but stopwords, or all of them if that leaves none.
pub(crate) fn significant_tokens(phrase: &str) -> Vec<Token<'_>> {
    let tokens = text::tokens(phrase);
    let significant: Vec<Token<'_>> = tokens
        .iter()
        .copied()
        .filter(|token| !text::is_stopword(&token.core.to_lowercase()))
        .collect();
    if significant.is_empty() {
        tokens
    } else {
        significant
    }
}

/// A phrase as comparable words and as one run-together string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spelled {
    pub words: Vec<Word>,
    /// Stopwords typed along: never needed, never in the way ("the", but also the "key" of
    /// "foreign key", which a spelling's significant word `ForeignKey` does need).
    pub stop: Vec<Word>,
    pub joined: String,
    /// Run together with its stopwords ("foreignkey" from "foreign key").
    pub joined_all: String,
}

fn words_of(tokens: &[Token<'_>]) -> Vec<Word> {
    tokens
        .iter()
        .flat_map(Token::parts)
        .filter(|part| !part.is_empty())
        .map(Word::new)
        .collect()
}

fn joined_of(tokens: &[Token<'_>]) -> String {
    let mut joined: String = tokens
        .iter()
        .flat_map(|token| token.core.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if joined.chars().count() > 3 && joined.ends_with('s') && !joined.ends_with("ss") {
        joined.pop();
    }
    joined
}

impl Spelled {
    pub fn new(phrase: &str) -> Self {
        let all = text::tokens(phrase);
        let tokens = significant_tokens(phrase);
        let stop: Vec<Token<'_>> = if tokens.len() == all.len() {
            Vec::new()
        } else {
            all.iter()
                .copied()
                .filter(|token| text::is_stopword(&token.core.to_lowercase()))
                .collect()
        };
        Self {
            words: words_of(&tokens),
            stop: words_of(&stop),
            joined: joined_of(&tokens),
            joined_all: joined_of(&all),
        }
    }
}

/// How well a typed answer matches one spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Match {
    No,
    Typo,
    Exact,
}

/// Compares typed words with a spelling. Typed words left over must be `spare` (words shown
/// right next to the blank, like "SQL" in "SQL ___"). A typed word that is exactly one of the
/// card's `confusable` words (another real word within typo distance) is never a typo.
pub(crate) fn compare(
    expected: &Spelled,
    typed: &Spelled,
    spare: &[String],
    confusable: &[String],
) -> Match {
    if expected.words.is_empty() || typed.words.len() + typed.stop.len() == 0 {
        return Match::No;
    }
    // Typed stopwords count only when a spelling needs them.
    let typed_words: Vec<Word> = typed.words.iter().chain(&typed.stop).cloned().collect();
    let first_stop = typed.words.len();
    let typed = Spelled {
        words: typed_words,
        stop: Vec::new(),
        joined: typed.joined.clone(),
        joined_all: typed.joined_all.clone(),
    };
    let typed = &typed;
    let mut used = vec![false; typed.words.len()];
    let mut missing = Vec::new();
    for word in &expected.words {
        match (0..typed.words.len()).find(|&i| !used[i] && typed.words[i].norm == word.norm) {
            Some(i) => used[i] = true,
            None => missing.push(word),
        }
    }
    let leftovers_spare = |used: &[bool]| {
        typed
            .words
            .iter()
            .zip(used)
            .enumerate()
            .all(|(at, (word, used))| *used || at >= first_stop || spare.contains(&word.norm))
    };
    if missing.is_empty() && leftovers_spare(&used) {
        return Match::Exact;
    }
    if !expected.joined.is_empty()
        && (expected.joined == typed.joined || expected.joined == typed.joined_all)
    {
        return Match::Exact;
    }
    let mut all_found = true;
    for word in missing {
        let found = (0..typed.words.len()).find(|&i| {
            let candidate = &typed.words[i].norm;
            !used[i]
                && word.budget > 0
                && !confusable.contains(candidate)
                && !differs_by_prefix(&word.norm, candidate)
                && text::edit_distance_within(&word.norm, candidate, word.budget)
        });
        match found {
            Some(i) => used[i] = true,
            None => {
                all_found = false;
                break;
            }
        }
    }
    if all_found && leftovers_spare(&used) {
        return Match::Typo;
    }
    // Run together, a typo budget is still a word's budget: that of the longest word.
    let budget = expected.words.iter().map(|w| w.budget).max().unwrap_or(0);
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if budget > 0
        && digits(&expected.joined) == digits(&typed.joined)
        && !confusable.contains(&typed.joined)
        && !differs_by_prefix(&expected.joined, &typed.joined)
        && !expected.words.iter().any(|e| {
            typed
                .words
                .iter()
                .any(|t| differs_by_prefix(&e.norm, &t.norm))
        })
        && text::edit_distance_within(&expected.joined, &typed.joined, budget)
    {
        return Match::Typo;
    }
    Match::No
}

/// Prefixes that make another word, often the opposite: "invalidation" is not a typo of
/// "validation", nor "asynchronous" of "synchronous", "unmanaged" of "managed".
const WORD_PREFIXES: &[&str] = &[
    "a", "anti", "de", "dis", "il", "im", "in", "ir", "mis", "non", "pre", "re", "un",
];

/// Whether one word is the other with a [`WORD_PREFIXES`] prefix (and maybe a hyphen) in
/// front: a different word, never a typo.
pub(crate) fn differs_by_prefix(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 3 || short == long {
        return false;
    }
    WORD_PREFIXES.iter().any(|prefix| {
        long.strip_prefix(prefix)
            .map(|rest| rest.trim_start_matches('-'))
            .is_some_and(|rest| rest == short)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(expected: &str, typed: &str) -> Match {
        compare(&Spelled::new(expected), &Spelled::new(typed), &[], &[])
    }

    #[test]
    fn names_meet_their_spellings() {
        assert_eq!(check("select_related()", "select related"), Match::Exact);
        assert_eq!(check("select_related()", "selectrelated"), Match::Exact);
        assert_eq!(
            check("LimitOffsetPagination", "limit offset pagination"),
            Match::Exact
        );
        assert_eq!(check("manage.py", "managepy"), Match::Exact);
        assert_eq!(check("Circuit Breaker", "breakers, circuit"), Match::Exact);
        assert_eq!(check("Circuit Breaker", "circuit braeker"), Match::Typo);
        assert_eq!(check("79", "78"), Match::No);
        assert_eq!(check("cache invalidation", "cache validation"), Match::No);
        assert_eq!(check("invalidation", "validation"), Match::No);
        assert_eq!(check("asynchronous", "synchronous"), Match::No);
        assert_eq!(check("unmanaged", "managed"), Match::No);
        assert_eq!(check("non-blocking", "blocking"), Match::No);
        assert_eq!(check("invalidation", "invaldiation"), Match::Typo);
        assert_eq!(check("Open", "Closed"), Match::No);
        assert_eq!(check("Open", "Open Closed"), Match::No);
        assert_eq!(check("ForeignKey", "foreign key"), Match::Exact);
        assert_eq!(check("ForeignKey", "the foreignkey"), Match::Exact);
        assert_eq!(check("manage.py", "manage"), Match::No);
        assert_eq!(
            check("LimitOffsetPagination", "limitofsetpagination"),
            Match::Typo
        );
    }
}
