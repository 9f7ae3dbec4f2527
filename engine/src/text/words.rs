//! Words: the tokenizer, stop words and the stemmer every text comparison goes through.
//!
//! Answers here are short technical prose, so a light tokenizer does: it keeps code names
//! (`select_related()`, `manage.py`, `__init__.py`) whole, splits CamelCase only on request,
//! and a small suffix stemmer makes "queries"/"query" and "throttling"/"throttle" meet.

use std::collections::HashSet;

/// Words that never carry meaning on their own: function words, question wording and the
/// words of our own stems ("Which of these ... answer ..."), and very generic verbs. Sorted by
/// length, then alphabetically (a test checks), so a lookup is a binary search that mostly
/// compares lengths: search asks it of every word it reads.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "as",
    "at",
    "be",
    "by",
    "do",
    "if",
    "in",
    "is",
    "it",
    "no",
    "of",
    "on",
    "or",
    "so",
    "to",
    "we",
    "all",
    "and",
    "any",
    "are",
    "but",
    "can",
    "did",
    "etc",
    "for",
    "had",
    "has",
    "how",
    "its",
    "key",
    "may",
    "not",
    "one",
    "our",
    "the",
    "too",
    "use",
    "via",
    "was",
    "way",
    "who",
    "why",
    "you",
    "also",
    "been",
    "both",
    "does",
    "done",
    "each",
    "even",
    "from",
    "have",
    "here",
    "into",
    "it's",
    "just",
    "less",
    "like",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "must",
    "need",
    "only",
    "onto",
    "over",
    "same",
    "some",
    "such",
    "than",
    "that",
    "them",
    "then",
    "they",
    "this",
    "upon",
    "used",
    "uses",
    "very",
    "well",
    "were",
    "what",
    "when",
    "will",
    "with",
    "your",
    "about",
    "above",
    "after",
    "allow",
    "being",
    "could",
    "every",
    "makes",
    "needs",
    "other",
    "their",
    "there",
    "these",
    "those",
    "under",
    "using",
    "where",
    "which",
    "while",
    "would",
    "across",
    "allows",
    "answer",
    "before",
    "either",
    "others",
    "should",
    "within",
    "appears",
    "because",
    "belongs",
    "between",
    "explain",
    "include",
    "matches",
    "through",
    "whether",
    "without",
    "describe",
    "includes",
    "describes",
    "including",
    "difference",
];

/// Whether a lower-case word is a stopword.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS
        .binary_search_by(|probe| {
            probe
                .len()
                .cmp(&lower.len())
                .then_with(|| probe.cmp(&lower))
        })
        .is_ok()
}

/// Acronyms that name the whole subject of this deck (APIs) or nothing (OK) rather than
/// anything to recall: never a key term, never blanked.
const GENERIC_ACRONYMS: &[&str] = &["API", "APIs", "OK"];

/// Verbs and fillers that say nothing on their own: never a key term, never blanked (a
/// learner typing one back has shown nothing). Lower case.
const GENERIC_WORDS: &[&str] = &[
    "against",
    "allows",
    "appropriate",
    "based",
    "better",
    "cannot",
    "certain",
    "clean",
    "common",
    "contains",
    "creates",
    "defines",
    "different",
    "easier",
    "handles",
    "helps",
    "modify",
    "multiple",
    "occur",
    "proper",
    "provide",
    "provides",
    "small",
    "specific",
    "themselves",
    "together",
    "typically",
    "various",
];

/// Whether a word (any case) is generic: see `GENERIC_WORDS`.
pub fn is_generic(word: &str) -> bool {
    GENERIC_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether a word, as written, is a generic acronym: see `GENERIC_ACRONYMS`.
pub fn is_generic_acronym(word: &str) -> bool {
    GENERIC_ACRONYMS.contains(&word)
}

/// A deliberately small English suffix stemmer: plural, -ing, -ed and a final -e. Both sides
/// of every comparison go through it, so its oddities ("servic") cancel out.
pub fn stem(lower: &str) -> String {
    let mut word = lower.to_owned();
    let len = word.len();
    if len > 4 && word.ends_with("ies") {
        word.truncate(len - 3);
        word.push('y');
    } else if len > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word.pop();
    }
    let len = word.len();
    if len > 5 && word.ends_with("ing") {
        word.truncate(len - 3);
    } else if len > 4 && word.ends_with("ed") {
        word.truncate(len - 2);
    }
    if word.len() > 4 && word.ends_with('e') {
        word.pop();
    }
    word
}

/// British endings and their American spellings, longest first.
const BRITISH_ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ysing", "yzing"),
    ("ising", "izing"),
    ("ysed", "yzed"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("yse", "yze"),
    ("ise", "ize"),
    ("ours", "ors"),
    ("our", "or"),
];

/// A lower-case word with British -ise/-yse/-our endings spelled the American way
/// ("normalisation" -> "normalization", "behaviour" -> "behavior"), when at least three
/// letters come before the ending. It also turns "precise" into "precize": harmless, because
/// every side of a comparison goes through it.
pub fn american(lower: &str) -> std::borrow::Cow<'_, str> {
    // Three letters and the shortest ending ("our"): nothing shorter has a British spelling.
    if lower.len() < 6 {
        return lower.into();
    }
    for (british, american) in BRITISH_ENDINGS {
        if let Some(stem) = lower.strip_suffix(british)
            && stem.chars().count() >= 3
        {
            return format!("{stem}{american}").into();
        }
    }
    lower.into()
}

/// One word of a text, located by byte range.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// Byte range of the whole span, including a trailing `()` or `'s`.
    pub start: usize,
    pub end: usize,
    /// The word itself, without `()` or `'s`.
    pub core: &'a str,
    /// Written as a call: `select_related()`.
    pub call: bool,
}

impl Token<'_> {
    /// A dotted or underscored name (`manage.py`, `pre_save`) or a call.
    pub(crate) fn is_dotted(&self) -> bool {
        self.call || self.core.contains(['_', '.'])
    }

    /// Mixed case past the first letter: `ModelSerializer`, `APIView`, `gRPC`.
    pub(crate) fn is_camel(&self) -> bool {
        let mut chars = without_plural(self.core)
            .chars()
            .filter(|c| c.is_alphabetic());
        let first = chars.next();
        let rest: Vec<char> = chars.collect();
        let has_lower =
            first.is_some_and(char::is_lowercase) || rest.iter().any(|c| c.is_lowercase());
        has_lower && rest.iter().any(|c| c.is_uppercase())
    }

    /// A name rather than a word: dotted, underscored, called or CamelCase.
    pub fn is_code(&self) -> bool {
        self.is_dotted() || self.is_camel()
    }

    /// All capitals, at least two letters, optionally a plural `s`: `CSRF`, `APIs`.
    pub fn is_acronym(&self) -> bool {
        // Most words start in lower case: done before anything is counted.
        if !self
            .core
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        let core = without_plural(self.core);
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && !self.core.contains(['_', '.'])
    }

    /// Number of letters in the word.
    pub fn letters(&self) -> usize {
        self.core.chars().filter(|c| c.is_alphabetic()).count()
    }

    /// Only digits (and maybe dots): "8", "2.0".
    pub fn is_number(&self) -> bool {
        self.core.chars().all(|c| c.is_ascii_digit() || c == '.')
    }

    /// The comparable form: lower case, stemmed unless it is a dotted/underscored name.
    pub fn norm(&self) -> String {
        let lower = self.core.to_lowercase();
        if self.core.contains(['_', '.']) {
            lower
        } else if self.is_acronym() {
            // "CORS" must not lose its S to the plural rule; "APIs" loses its plural.
            without_plural(self.core).to_lowercase()
        } else {
            stem(&lower)
        }
    }

    /// The stemmed pieces of a name: split on `_`, `.` and CamelCase humps. A plain word is
    /// its own single part.
    pub fn parts(&self) -> Vec<String> {
        split_name(self.core)
            .into_iter()
            .map(|part| stem(&part.to_lowercase()))
            .collect()
    }

    /// Whether this word means something on its own (for masks, terms and giveaways):
    /// an acronym, a number, a name, or a non-stopword of at least `min_letters` letters.
    pub fn is_significant(&self, min_letters: usize) -> bool {
        self.is_acronym()
            || self.is_code()
            || (self.letters() >= min_letters && !is_stopword(&self.core.to_lowercase()))
    }
}

/// Splits a name on `_`, `.` and CamelCase humps ("APIView" -> "API", "View"); pieces
/// without letters or digits are dropped.
pub fn split_name(name: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for piece in name.split(['_', '.']) {
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        let mut start = 0;
        for k in 1..chars.len() {
            let (at, c) = chars[k];
            let prev = chars[k - 1].1;
            // "APIView" splits before "View", but the "s" of "APIs" is a plural, not a hump.
            let next_lower = chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase())
                && !(k + 2 == chars.len() && chars[k + 1].1 == 's');
            let hump = c.is_uppercase()
                && (prev.is_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_uppercase() && next_lower));
            if hump {
                parts.push(&piece[start..at]);
                start = at;
            }
        }
        parts.push(&piece[start..]);
    }
    parts
        .into_iter()
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .collect()
}

/// "APIs" -> "API": a final `s` after a capital is a plural.
fn without_plural(word: &str) -> &str {
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().last().is_some_and(char::is_uppercase) => stem,
        _ => word,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of a text. Runs of letters, digits and `_`; a `.` joins two such runs
/// (`manage.py`); a trailing `()`, possessive `'s` or contraction `'t` is kept in the span
/// but not the word ("Django's" is "Django", "Don't" is "Don").
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    // Sized up front: at most one entry per byte, and growing it showed in search's profile.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let byte = |k: usize| chars.get(k).map_or(text.len(), |(at, _)| *at);
    let ch = |k: usize| chars.get(k).map(|(_, c)| *c);
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            while ch(j).is_some_and(is_word_char) {
                j += 1;
            }
            let joins = ch(j) == Some('.')
                && ch(j + 1).is_some_and(char::is_alphanumeric)
                && ch(j - 1).is_some_and(char::is_alphanumeric);
            if joins {
                j += 1;
            } else {
                break;
            }
        }
        let core = &text[byte(start)..byte(j)];
        let mut end = j;
        let mut call = false;
        if ch(j) == Some('(') && ch(j + 1) == Some(')') {
            end = j + 2;
            call = true;
        } else if matches!(ch(j), Some('\'' | '’'))
            && ch(j + 1).is_some_and(|c| matches!(c, 's' | 't' | 'd' | 'm'))
            && !ch(j + 2).is_some_and(is_word_char)
        {
            end = j + 2;
        }
        if core.chars().any(char::is_alphanumeric) {
            out.push(Token {
                start: byte(start),
                end: byte(end),
                core,
                call,
            });
        }
        i = end;
    }
    out
}

/// Every comparable form in a text: each word's norm and, for names, their parts. Used to
/// ask "does this option mention that word?".
pub fn word_set(text: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for token in tokens(text) {
        set.insert(token.norm());
        if token.is_code() {
            set.extend(token.parts());
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_names_whole() {
        let text = "Use select_related() in Django's manage.py, then PageNumberPagination.";
        let cores: Vec<&str> = tokens(text).iter().map(|t| t.core).collect();
        assert_eq!(
            cores,
            [
                "Use",
                "select_related",
                "in",
                "Django",
                "manage.py",
                "then",
                "PageNumberPagination"
            ]
        );
        assert_eq!(split_name("APIView"), ["API", "View"]);
        assert_eq!(split_name("select_related"), ["select", "related"]);
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(
            STOPWORDS
                .windows(2)
                .all(|pair| (pair[0].len(), pair[0]) < (pair[1].len(), pair[1]))
        );
        assert!(is_stopword("it's") && is_stopword("the") && !is_stopword("django"));
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("queries"), stem("query"));
        assert_eq!(stem("throttling"), stem("throttle"));
        assert_eq!(stem("classes"), stem("class"));
        assert_eq!(stem("status"), "status");
        assert_eq!(american("normalisation"), "normalization");
        assert_eq!(american("behaviour"), "behavior");
        assert_eq!(american("analysed"), "analyzed");
        assert_eq!(american("four"), "four");
    }
}
