//! Units: the words a learner types, with hyphenated compounds kept whole.
//!
//! The shared tokenizer splits "Half-Open" into "Half" and "Open"; for blanking and for
//! "does the prompt show this word?" a compound is one word, so "Open" is not given away by
//! "Half-Open" and "django-admin" is never half blanked.

use crate::text::{self, Token};

/// One word or hyphenated compound of a text, located by byte range.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    /// Start of the first token.
    pub start: usize,
    /// End of the last token's word (without a trailing `()` or `'s`).
    pub end: usize,
    /// End of the last token's span (with a trailing `()` or `'s`).
    pub span_end: usize,
    pub tokens: Vec<Token<'a>>,
}

impl Unit<'_> {
    /// The comparable form: the token norms joined by `-`.
    pub fn norm(&self) -> String {
        self.tokens
            .iter()
            .map(Token::norm)
            .collect::<Vec<_>>()
            .join("-")
    }

    pub fn single(&self) -> Option<&Token<'_>> {
        match self.tokens.as_slice() {
            [token] => Some(token),
            _ => None,
        }
    }

    /// A name (code, CamelCase) or an acronym.
    pub fn is_name(&self) -> bool {
        self.tokens.iter().any(Token::is_code) || self.single().is_some_and(Token::is_acronym)
    }

    pub fn is_stopword(&self) -> bool {
        self.single()
            .is_some_and(|token| text::is_stopword(&token.core.to_lowercase()))
    }
}

/// The units of a text, in order.
pub(crate) fn units(text: &str) -> Vec<Unit<'_>> {
    let mut out: Vec<Unit<'_>> = Vec::new();
    for token in text::tokens(text) {
        if let Some(last) = out.last_mut()
            && text.get(last.span_end..token.start) == Some("-")
            && last.span_end == last.end
        {
            last.end = token.start + token.core.len();
            last.span_end = token.end;
            last.tokens.push(token);
            continue;
        }
        out.push(Unit {
            start: token.start,
            end: token.start + token.core.len(),
            span_end: token.end,
            tokens: vec![token],
        });
    }
    out
}

/// The norms of a text's units that are not stopwords.
pub(crate) fn unit_norms(text: &str) -> Vec<String> {
    units(text)
        .iter()
        .filter(|unit| !unit.is_stopword())
        .map(Unit::norm)
        .collect()
}
