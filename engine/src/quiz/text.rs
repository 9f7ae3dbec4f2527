//! Text helpers shared by quiz generation and typed-recall scoring.
//!
//! Answers here are short technical prose, so a light tokenizer does: it keeps code names
//! (`select_related()`, `manage.py`, `__init__.py`) whole, splits CamelCase only on request,
//! and a tiny suffix stemmer makes "queries"/"query" and "throttling"/"throttle" meet. The
//! answer readers are line-based on purpose: the structure we need (bold `**Label**:` lines,
//! the lead sentence) is visible in the source lines, which a rendered plain text would lose.

use std::collections::HashSet;

/// Words that never carry meaning on their own: function words, question wording and the
/// words of our own stems ("Which of these ... answer ..."), and very generic verbs.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "all",
    "allow",
    "allows",
    "also",
    "an",
    "and",
    "answer",
    "any",
    "appears",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "belongs",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "describe",
    "describes",
    "did",
    "difference",
    "do",
    "does",
    "done",
    "each",
    "either",
    "etc",
    "even",
    "every",
    "explain",
    "for",
    "from",
    "had",
    "has",
    "have",
    "here",
    "how",
    "if",
    "in",
    "include",
    "includes",
    "including",
    "into",
    "is",
    "it",
    "its",
    "it's",
    "just",
    "key",
    "less",
    "like",
    "made",
    "make",
    "makes",
    "many",
    "matches",
    "may",
    "more",
    "most",
    "much",
    "must",
    "need",
    "needs",
    "no",
    "not",
    "of",
    "on",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "over",
    "same",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "upon",
    "use",
    "used",
    "uses",
    "using",
    "very",
    "via",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
];

/// Whether a lower-case word is a stopword.
pub(crate) fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(&lower)
}

/// A deliberately small English suffix stemmer: plural, -ing, -ed and a final -e. Both sides
/// of every comparison go through it, so its oddities ("servic") cancel out.
pub(crate) fn stem(lower: &str) -> String {
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

/// One word of a text, located by byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
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
    pub fn is_dotted(&self) -> bool {
        self.call || self.core.contains(['_', '.'])
    }

    /// Mixed case past the first letter: `ModelSerializer`, `APIView`, `gRPC`.
    pub fn is_camel(&self) -> bool {
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
pub(crate) fn split_name(name: &str) -> Vec<&str> {
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
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |k: usize| chars.get(k).map_or(text.len(), |(at, _)| *at);
    let ch = |k: usize| chars.get(k).map(|(_, c)| *c);
    let mut out = Vec::new();
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
pub(crate) fn word_set(text: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for token in tokens(text) {
        set.insert(token.norm());
        if token.is_code() {
            set.extend(token.parts());
        }
    }
    set
}

/// The words of a stem that could give an answer away: non-stopwords of at least 5 letters,
/// and such parts of names ("PageNumberPagination" -> "pagination").
pub(crate) fn telling_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = tokens(text);
    for token in &words {
        if token.is_acronym() || (token.letters() >= 5 && !is_stopword(&token.core.to_lowercase()))
        {
            out.push(token.norm());
        }
        if token.is_code() {
            for part in split_name(token.core) {
                let lower = part.to_lowercase();
                if part.chars().filter(|c| c.is_alphabetic()).count() >= 5 && !is_stopword(&lower) {
                    out.push(stem(&lower));
                }
            }
        }
    }
    // "Global Interpreter Lock" in the stem gives away "Python GIL".
    out.extend(
        run_initials(text, &words)
            .into_iter()
            .filter(|(initials, _)| initials.len() >= 3)
            .map(|(initials, _)| initials),
    );
    out.sort();
    out.dedup();
    out
}

/// Every run of 2 to 5 consecutive capitalised words (joined by spaces or hyphens) with its
/// lower-case initials and byte span: "Django REST Framework" -> ("drf", ...). These are the
/// possible expansions of acronyms.
pub(crate) fn run_initials(text: &str, words: &[Token<'_>]) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    for start in 0..words.len() {
        let mut initials = String::new();
        for end in start..words.len().min(start + 5) {
            let word = &words[end];
            let joined = end == start || {
                let gap = &text[words[end - 1].end..word.start];
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-')
            };
            let Some(first) = word.core.chars().next().filter(|c| c.is_uppercase()) else {
                break;
            };
            if !joined || word.is_dotted() {
                break;
            }
            initials.extend(first.to_lowercase());
            if end > start {
                out.push((initials.clone(), (words[start].start, word.end)));
            }
        }
    }
    out
}

/// What to hide from an option so it does not name the subject it is asked about.
#[derive(Debug, Default, Clone)]
pub(crate) struct MaskKeys {
    /// Whole dotted/underscored names: `manage.py`, `select_related`.
    names: HashSet<String>,
    /// Stemmed plain words: "migration", "django", "8".
    words: HashSet<String>,
    /// Acronyms, lower case, written or implied by a capitalised phrase: "cors", "drf"
    /// (from "Django REST Framework"). Hides the acronym and any expansion of it.
    acronyms: HashSet<String>,
}

impl MaskKeys {
    /// The key terms of a prompt: its dotted names (whole, and their pieces of 4+ letters),
    /// acronyms (and the initials of its capitalised phrases), numbers, and non-stopwords of
    /// at least 4 letters.
    pub fn of(prompt: &str) -> Self {
        let mut keys = Self::default();
        keys.add(prompt);
        keys
    }

    /// Adds the key terms of another text (e.g. a label besides its question).
    pub fn add(&mut self, text: &str) {
        let words = tokens(text);
        for token in &words {
            if token.is_dotted() {
                self.names.insert(token.norm());
                for part in split_name(token.core) {
                    let lower = part.to_lowercase();
                    if part.chars().filter(|c| c.is_alphabetic()).count() >= 4
                        && !is_stopword(&lower)
                    {
                        self.words.insert(stem(&lower));
                    }
                }
            } else if token.is_acronym() {
                self.acronyms.insert(token.norm());
            } else if token.is_number() || token.is_significant(4) {
                self.words.insert(token.norm());
            }
        }
        self.acronyms.extend(
            run_initials(text, &words)
                .into_iter()
                .filter(|(initials, _)| initials.len() >= 3)
                .map(|(initials, _)| initials),
        );
    }

    fn hides(&self, token: &Token<'_>) -> bool {
        if token.is_dotted() {
            // `project_name` names the project as much as "project" does.
            self.names.contains(&token.norm())
                || token.parts().iter().any(|part| self.words.contains(part))
        } else if token.is_acronym() {
            self.acronyms.contains(&token.norm()) || self.words.contains(&token.norm())
        } else {
            self.words.contains(&token.norm())
        }
    }

    /// The text with every key word, and every expansion of a key acronym, replaced by
    /// `___`. Adjacent blanks merge ("Django REST Framework" becomes one), and a
    /// parenthesised aside right after a blank goes too: "___ (Python Enhancement Proposal)"
    /// would name what the blank hides.
    pub fn mask(&self, text: &str) -> String {
        let words = tokens(text);
        let mut spans: Vec<(usize, usize)> = words
            .iter()
            .filter(|token| self.hides(token))
            .map(|token| (token.start, token.end))
            .collect();
        for (initials, span) in run_initials(text, &words) {
            if initials.len() >= 2 && self.acronyms.contains(&initials) {
                spans.push(span);
            }
        }
        render_blanks(text, spans)
    }
}

/// Replaces the spans with `___`, merging overlapping ones and ones separated only by spaces
/// or hyphens, and dropping a `(...)` aside that directly follows a blank.
fn render_blanks(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        if let Some(last) = merged.last_mut()
            && (start <= last.1 || text[last.1..start].chars().all(|c| c == ' ' || c == '-'))
        {
            last.1 = last.1.max(end);
            continue;
        }
        merged.push((start, end));
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, mut end) in merged {
        if start < last {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str("___");
        let rest = &text[end..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with('(')
            && let Some(close) = trimmed.find(')')
        {
            end += rest.len() - trimmed.len() + close + 1;
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// The text with each occurrence of any of `phrases` (compared word by word, stemmed)
/// replaced by `___`: masks a term without masking every word it shares with the text
/// ("PEP (Python Enhancement Proposal)" hides "PEP", not the "Python" of "Python community").
pub(crate) fn mask_phrases(text: &str, phrases: &[&str]) -> String {
    let words = tokens(text);
    let norms: Vec<String> = words.iter().map(Token::norm).collect();
    let mut hidden: Vec<(usize, usize)> = Vec::new();
    for phrase in phrases {
        let target: Vec<String> = tokens(phrase).iter().map(Token::norm).collect();
        if target.is_empty() {
            continue;
        }
        for start in 0..norms.len() {
            let end = start + target.len();
            if end <= norms.len() && norms[start..end] == target[..] {
                hidden.push((words[start].start, words[end - 1].end));
            }
        }
    }
    render_blanks(text, hidden)
}

/// Removes inline emphasis and code marks. Only `**` and backticks: single `_`/`*` are left
/// alone because they are part of names like `__init__.py`.
pub(crate) fn strip_inline(markdown: &str) -> String {
    markdown.replace("**", "").replace('`', "")
}

/// The answer's main body: its lines before the first sub-heading, code block or table.
/// What follows those (worked examples, tables) elaborates on the main body.
pub(crate) fn main_body(answer: &str) -> Vec<&str> {
    answer
        .lines()
        .take_while(|line| {
            let line = line.trim_start();
            !(line.starts_with('#')
                || line.starts_with("```")
                || line.starts_with("~~~")
                || line.starts_with('|'))
        })
        .collect()
}

/// A bold label line of an answer: `**PageNumberPagination**: Uses page numbers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub name: String,
    /// What follows the colon, as plain text (may be empty).
    pub detail: String,
}

/// A `**Label**: detail` (or `**Label:** detail`, optionally as a `- ` item) line.
fn label_line(line: &str) -> Option<Label> {
    let line = line.trim();
    let line = line.strip_prefix("- ").unwrap_or(line);
    let rest = line.strip_prefix("**")?;
    let end = rest.find("**")?;
    let inner = rest[..end].trim();
    let after = rest[end + 2..].trim_start();
    let (name, detail) = if let Some(name) = inner.strip_suffix(':') {
        (name.trim(), after)
    } else {
        (inner, after.strip_prefix(':')?)
    };
    (!name.is_empty()).then(|| Label {
        name: name.to_owned(),
        detail: strip_inline(detail).trim().to_owned(),
    })
}

/// The bold labels of the answer's main body, in order: the named parts a good answer lists.
pub(crate) fn labels(answer: &str) -> Vec<Label> {
    main_body(answer)
        .into_iter()
        .filter_map(label_line)
        .collect()
}

/// The main body as plain prose, one line per source line (list markers dropped).
pub(crate) fn body_text(answer: &str) -> String {
    main_body(answer)
        .iter()
        .map(|line| {
            let line = line.trim();
            strip_inline(line.strip_prefix("- ").unwrap_or(line))
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first sentence of the answer's opening paragraph, if the answer opens with prose
/// (not with a label, list item or heading). Without its final period.
pub(crate) fn lead_sentence(answer: &str) -> Option<String> {
    lead_sentences(answer).into_iter().next()
}

/// The sentences of the answer's opening line, if the answer opens with prose.
pub(crate) fn lead_sentences(answer: &str) -> Vec<String> {
    let Some(first) = main_body(answer)
        .into_iter()
        .map(str::trim)
        .find(|line| !line.is_empty())
    else {
        return Vec::new();
    };
    if first.starts_with("**") || first.starts_with("- ") || first.starts_with("* ") {
        return Vec::new();
    }
    sentences(&strip_inline(first))
}

/// The sentence if it fits in `max` characters, else its longest prefix that ends at a
/// clause boundary (", ") and still has `min` characters, with "…": a long enumeration cut
/// short is still true, and says so.
pub(crate) fn fit_sentence(sentence: &str, min: usize, max: usize) -> Option<String> {
    if sentence.chars().count() <= max {
        return Some(sentence.to_owned());
    }
    let cut = sentence
        .match_indices(", ")
        .map(|(at, _)| at)
        .filter(|at| {
            let chars = sentence[..*at].chars().count();
            chars >= min && chars < max
        })
        .last()?;
    Some(format!("{}…", &sentence[..cut]))
}

/// The text's sentences, each without its final period. A sentence ends at a `.`, `?` or `!`
/// followed by a space and a capital, digit or quote (so `manage.py` does not end one).
pub(crate) fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let ends = match (chars.get(k + 1), chars.get(k + 2)) {
            (None, _) => true,
            (Some((_, ' ')), Some((_, next))) => {
                next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“')
            }
            _ => false,
        };
        if ends {
            let end = if c == '.' { at } else { at + c.len_utf8() };
            out.push(text[start..end].trim().to_owned());
            start = at + c.len_utf8();
        }
    }
    let rest = text[start.min(text.len())..].trim();
    if !rest.is_empty() {
        out.push(rest.trim_end_matches('.').to_owned());
    }
    out.retain(|sentence| !sentence.is_empty());
    out
}

/// Splits `"Term (Expansion)"` into the term and its parenthesised part.
pub(crate) fn split_parenthesised(text: &str) -> (&str, Option<&str>) {
    if let Some(open) = text.find('(')
        && let Some(inner) = text[open + 1..].strip_suffix(')')
    {
        let outer = text[..open].trim();
        if !outer.is_empty() && !inner.trim().is_empty() {
            return (outer, Some(inner.trim()));
        }
    }
    (text.trim(), None)
}

/// Optimal-string-alignment edit distance (a transposition counts as one typo), stopping
/// early once it exceeds `limit`.
pub(crate) fn edit_distance_within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut best = rows[i][0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = value;
            best = best.min(value);
        }
        if best > limit {
            return false;
        }
    }
    rows[a.len()][b.len()] <= limit
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
    fn stems_meet() {
        assert_eq!(stem("queries"), stem("query"));
        assert_eq!(stem("throttling"), stem("throttle"));
        assert_eq!(stem("classes"), stem("class"));
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn masks_merge() {
        let keys = MaskKeys::of("Django REST Framework (DRF)");
        assert_eq!(
            keys.mask("Django REST Framework is a toolkit. DRF makes it easy."),
            "___ is a toolkit. ___ makes it easy."
        );
        let keys = MaskKeys::of("What is the purpose of manage.py?");
        assert_eq!(keys.mask("manage.py is a utility"), "___ is a utility");
    }

    #[test]
    fn sentences_split_on_capitals_only() {
        assert_eq!(
            sentences("Use: django-admin startproject project_name. This creates settings.py."),
            [
                "Use: django-admin startproject project_name",
                "This creates settings.py"
            ]
        );
        assert_eq!(
            fit_sentence(&format!("{}, b, c", "a".repeat(70)), 60, 72),
            Some(format!("{}…", "a".repeat(70)))
        );
        assert!(edit_distance_within("pagination", "pagnation", 1));
        assert!(edit_distance_within("throttle", "thrtotle", 1));
        assert!(!edit_distance_within("cursor", "curosrs", 1));
    }
}
