//! Words as search sees them: the shared tokenizer and stemmer ([`text::tokens`],
//! [`text::stem`]), plus what people type into a search box: British spellings, names typed
//! in pieces (`select related`), and the punctuation inside `N+1` and `PEP 8`.

use crate::text::{self, Token};

/// One word of a text (or two joined: `N+1`, `PEP 8`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// The comparable form: lower case, American spelling, stemmed (names are kept whole).
    pub norm: String,
    /// Other forms it answers to: a name's pieces (`select`, `relat`), a join's halves.
    pub parts: Vec<String>,
    /// Lower case and American but not stemmed: a word still being typed is matched as a
    /// prefix of this ("throttli" would stem to nothing useful).
    pub typed: String,
    /// A function word ("the", "how") that neither indexes nor queries anything.
    pub stop: bool,
}

/// Whether a word has a `_` or `.` in it (`select_related`, `manage.py`): a byte scan, since
/// search asks it of every word it reads.
fn is_name_punctuated(word: &str) -> bool {
    word.bytes().any(|byte| byte == b'_' || byte == b'.')
}

/// The comparable form of one token, given its lower case in American spelling.
fn norm(token: &Token<'_>, american: &str) -> String {
    if is_name_punctuated(token.core) || token.is_acronym() {
        token.norm()
    } else {
        text::stem(american)
    }
}

/// The words of a text, in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let tokens = text::tokens(text);
    let mut words = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if let Some(next) = tokens.get(i + 1) {
            let between = &text[token.end..next.start];
            // "N+1", "C+1": one word. "PEP 8", "HTTP-2": a word and its number.
            let plus = between == "+" && !token.call;
            let numbered = token.core.chars().all(char::is_alphabetic)
                && next.is_number()
                && matches!(between, " " | "-");
            if plus || numbered {
                let glue = if plus { "+" } else { "" };
                let joined = format!("{}{glue}{}", token.core, next.core).to_lowercase();
                words.push(Word {
                    start: token.start,
                    end: next.end,
                    norm: joined.clone(),
                    parts: vec![
                        norm(token, &token.core.to_lowercase()),
                        next.core.to_lowercase(),
                    ],
                    typed: joined,
                    stop: false,
                });
                i += 2;
                continue;
            }
        }
        let lower = token.core.to_lowercase();
        let stop = text::is_stopword(&lower);
        // The American spelling, or the lower case itself (moved, not copied).
        let american = match text::american(&lower) {
            std::borrow::Cow::Owned(american) => Some(american),
            std::borrow::Cow::Borrowed(_) => None,
        };
        let norm = norm(token, american.as_deref().unwrap_or(&lower));
        // A name: dotted, underscored, called or with a capital past its first letter (only
        // then is the dearer `is_code` asked, which also rules out "APIs").
        let maybe_name = token.call
            || is_name_punctuated(token.core)
            || token.core.chars().skip(1).any(char::is_uppercase);
        let parts = if maybe_name && token.is_code() {
            text::split_name(token.core)
                .into_iter()
                .map(|part| text::stem(&text::american(&part.to_lowercase())))
                .filter(|part| *part != norm)
                .collect()
        } else {
            Vec::new()
        };
        words.push(Word {
            start: token.start,
            end: token.end,
            stop,
            typed: american.unwrap_or(lower),
            norm,
            parts,
        });
        i += 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|word| word.norm).collect()
    }

    #[test]
    fn joins_and_names() {
        assert_eq!(norms("the N+1 problem"), ["the", "n+1", "problem"]);
        assert_eq!(norms("PEP 8 guide"), ["pep8", "guid"]);
        assert_eq!(
            norms("select_related() in manage.py"),
            ["select_related", "in", "manage.py"]
        );
        assert_eq!(words("select_related")[0].parts, ["select", "relat"]);
        assert_eq!(words("ModelSerializer")[0].parts, ["model", "serializer"]);
        assert_eq!(norms("4xx errors"), ["4xx", "error"]);
    }

    #[test]
    fn british_and_american_meet() {
        assert_eq!(norms("normalisation"), norms("normalization"));
        assert_eq!(norms("serialised"), norms("serialized"));
        assert_eq!(norms("Throttling"), norms("throttle"));
        assert!(words("the")[0].stop);
    }
}
