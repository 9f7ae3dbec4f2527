//! Cues: surface features of a stem or an option that a test-wise reader can use without
//! knowing the subject. [`super::check`] turns each into a rule.

use std::collections::HashSet;

use crate::order;
use crate::text::{Token, is_stopword, run_initials, share_root, split_name, stem, tokens};

/// Telling words have at least this many letters: "Team" in the stem tells "Teams can
/// develop…", "App" tells "Keep apps focused".
const TELLING_LETTERS: usize = 3;

/// The words of a stem that could give an answer away: non-stopwords of at least
/// [`TELLING_LETTERS`] letters, and such parts of names ("PageNumberPagination" ->
/// "pagination").
pub(super) fn telling_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = tokens(text);
    for token in &words {
        if token.is_acronym()
            || (token.letters() >= TELLING_LETTERS && !is_stopword(&token.core.to_lowercase()))
        {
            out.push(token.norm());
        }
        if token.is_code() {
            // Every part of a name tells, stop word or not: the "KEY" of `SECRET_KEY` points
            // at "Cryptographic signing key" as surely as a noun would.
            for part in split_name(token.core) {
                if part.chars().filter(|c| c.is_alphabetic()).count() >= TELLING_LETTERS {
                    out.push(stem(&part.to_lowercase()));
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
    order::sort(&mut out);
    out.dedup();
    out
}

/// The stemmed parts (3+ letters) of the code names in an option: "views.py" -> "view",
/// "PageNumberPagination" -> "page", "number", "pagination".
pub(super) fn name_parts(option: &str) -> Vec<String> {
    tokens(option)
        .iter()
        .filter(|token| token.is_code())
        .flat_map(|token| split_name(token.core))
        .filter(|part| part.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(|part| stem(&part.to_lowercase()))
        .collect()
}

/// The stemmed non-stopwords (3+ letters) of a text, names split into parts.
pub(super) fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in tokens(text) {
        if token.is_code() {
            out.extend(token.parts().into_iter().filter(|part| part.len() >= 3));
        } else if token.letters() >= 3 && !is_stopword(&token.core.to_lowercase()) {
            out.push(token.norm());
        }
    }
    out
}

/// A telling word this long is still heard inside a compound: "project" in "startproject";
/// shorter ones only at its start or end: "app" in "startapp".
const COMPOUND_PART_LETTERS: usize = 5;

/// Whether an option's words (a [`crate::text::word_set`]) echo a telling word: the same
/// stem, a shared root ("Debugging" echoes "debug", "containers" echoes
/// "Containerization") or a compound containing it ("startproject" echoes "Project",
/// "startapp" echoes "App").
pub(super) fn echoes(word: &str, option_words: &HashSet<String>) -> bool {
    option_words.contains(word)
        || option_words.iter().any(|other| {
            share_root(word, other)
                || (word.chars().count() >= COMPOUND_PART_LETTERS && other.contains(word))
                || (other.len() > word.len() && (other.starts_with(word) || other.ends_with(word)))
                // "services" in an option echoes "Microservices" in the stem.
                || (other.chars().count() >= COMPOUND_PART_LETTERS
                    && word.len() > other.len()
                    && (word.starts_with(other.as_str()) || word.ends_with(other.as_str())))
                || synonyms(word, other)
        })
}

/// Words that say the same thing in this deck's one-liners and labels, by root: a detail
/// that says "rapid" for a head that says "Faster" pairs up by wording, not knowledge.
/// Kept small on purpose: only groups a reader found pairing stems with options.
const SYNONYMS: &[&[&str]] = &[
    &["fast", "rapid", "quick", "speed", "acceler"],
    &["easy", "easier", "simpl", "effortless"],
    &["large", "extensive", "big", "huge"],
    &["secur", "protect", "safe"],
    &["flexib", "versatil", "adaptab"],
    &["automat", "auto"],
    &["multipl", "several", "various"],
];

/// Whether two (stemmed, lower-case) words are in one [`SYNONYMS`] group.
fn synonyms(a: &str, b: &str) -> bool {
    let group_of = |word: &str| {
        SYNONYMS
            .iter()
            .position(|group| group.iter().any(|root| word.starts_with(root)))
    };
    a != b && group_of(a).is_some() && group_of(a) == group_of(b)
}

/// The acronyms a text writes (lower case, plural dropped): "OOP", "APIs" -> "api".
fn acronyms(words: &[Token<'_>]) -> Vec<String> {
    words
        .iter()
        .filter(|token| token.is_acronym())
        .map(Token::norm)
        .collect()
}

/// Whether an acronym and the initials of a capitalised run name the same thing: equal, or
/// (for acronyms of 3+ letters) the run spells a 2+ letter start of it, as "Object-Oriented
/// Approach" starts "OOP".
fn spells(acronym: &str, initials: &str) -> bool {
    acronym == initials
        || (acronym.len() >= 3 && initials.len() >= 2 && acronym.starts_with(initials))
}

/// The initials of a text's capitalised words in order, whatever lies between them:
/// "Clean separation of Model, Template, View" gives "cmtv", which spells "MTV".
fn listed_initials(words: &[Token<'_>]) -> String {
    words
        .iter()
        .filter_map(|token| token.core.chars().next())
        .filter(|first| first.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the stem and the option are tied by an acronym in either direction: a stem
/// acronym the option spells out, or a stem phrase spelling the option's acronym.
pub(super) fn acronym_link(stem_text: &str, option: &str) -> bool {
    let stem_words = tokens(stem_text);
    let option_words = tokens(option);
    let option_runs = run_initials(option, &option_words);
    let stem_runs = run_initials(stem_text, &stem_words);
    let listed = listed_initials(&option_words);
    acronyms(&stem_words).iter().any(|acronym| {
        option_runs
            .iter()
            .any(|(initials, _)| spells(acronym, initials))
            || (acronym.len() >= 3 && listed.contains(acronym.as_str()))
    }) || acronyms(&option_words).iter().any(|acronym| {
        stem_runs
            .iter()
            .any(|(initials, _)| spells(acronym, initials))
    })
}

/// The numbers a text mentions, as their leading digits: "4xx" -> "4", "PEP 8" -> "8",
/// "404 Not Found" -> "404". "v1" is a name, not a number.
pub(super) fn numbers(text: &str) -> Vec<String> {
    tokens(text)
        .iter()
        .map(|token| {
            token
                .core
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|digits| !digits.is_empty())
        .collect()
}

/// Whether two numbers share their leading digits: "4" (from "4xx") and "404".
pub(super) fn same_family(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Words that make a stem agree in number with its answer.
const AGREEMENT: &[&str] = &["is", "are", "does", "do", "has", "have", "was", "were"];

/// Words after which an agreeing verb has the asked-for answer as its subject: "What are
/// …?", "Which of these is …?", "___ are …".
const ASKERS: &[&str] = &["what", "which", "these", "___"];

/// Whether the stem has a verb that agrees in number with what it asks for: right after
/// "What", "Which (of these)" or a blank. Not when a quoted subject follows ("what does
/// “Database Independence” mean?" agrees with the quote, not the answer).
pub(super) fn has_agreement_cue(stem_text: &str) -> bool {
    let spaced = stem_text.replace("___", " ___ ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    words.windows(3).any(|window| {
        let asker = window[0]
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
            .to_lowercase();
        ASKERS.contains(&asker.as_str())
            && AGREEMENT.contains(&window[1].to_lowercase().as_str())
            && !window[2].starts_with(['“', '"'])
    })
}

/// The number of a sentence's blank subject, from the verb right after it: "___ are …" is
/// plural (`Some(true)`), "___ is …" singular; `None` without such a blank.
pub(super) fn blank_subject_number(option: &str) -> Option<bool> {
    let (_, after) = option.split_once("___")?;
    let verb = after.split_whitespace().next()?.to_lowercase();
    match verb.as_str() {
        "are" | "have" | "do" | "were" => Some(true),
        "is" | "has" | "does" | "was" => Some(false),
        _ => None,
    }
}

/// Short names ("Database Views", "PEP") agree with a verb; sentences do not.
pub(super) const SHORT_NAME_WORDS: usize = 4;

/// Whether a name reads as a plural by its last word: "APIs", "Microservices", "Type Hints";
/// not "Django", "CORS", "Status", "Access".
pub(super) fn is_plural(name: &str) -> bool {
    let words = tokens(name);
    let Some(last) = words.last() else {
        return false;
    };
    if last.is_acronym() {
        return last.core.ends_with('s') && last.core.len() > 2;
    }
    let lower = last.core.to_lowercase();
    last.letters() > 3
        && !last.is_dotted()
        && lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| lower.ends_with(end))
}

/// Whether an option reads as an enumeration: two commas, or "X, Y and Z".
pub(super) fn is_list_shaped(option: &str) -> bool {
    let commas = option.matches(", ").count();
    commas >= 2
        || (commas == 1
            && option
                .split_once(", ")
                .is_some_and(|(_, after)| after.contains(" and ")))
}

/// The deck's how-to verbs: an option opening with one reads as the answer to "How do you…".
const IMPERATIVES: &[&str] = &[
    "access",
    "add",
    "aggregate",
    "apply",
    "avoid",
    "break",
    "cache",
    "choose",
    "configure",
    "create",
    "define",
    "deploy",
    "follow",
    "group",
    "implement",
    "install",
    "keep",
    "manage",
    "monitor",
    "navigate",
    "organize",
    "register",
    "run",
    "separate",
    "set",
    "track",
    "use",
    "write",
];

/// Whether an option opens with a how-to verb: "Use 4 spaces…", "Create views using raw SQL".
pub(super) fn opens_imperative(option: &str) -> bool {
    tokens(option)
        .first()
        .is_some_and(|first| IMPERATIVES.contains(&first.core.to_lowercase().as_str()))
}

/// Whether an option was cut short with an ellipsis.
pub(super) fn trails_off(option: &str) -> bool {
    let option = option.trim_end();
    option.ends_with('…') || option.ends_with("...")
}

/// The look of an option: what a distractor must share with the right option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OptionKind {
    /// One code name: `ModelSerializer`, `manage.py` (an acronym like CQRS counts as words,
    /// so it meets "Saga Pattern" rather than `DEBUG`).
    Name,
    /// One or two words with a digit: "1xx", "PEP 8".
    Numbered,
    /// Ordinary words.
    Words,
}

/// An option's [`OptionKind`].
pub(super) fn option_kind(option: &str) -> OptionKind {
    let words = tokens(option);
    if option.chars().any(|c| c.is_ascii_digit()) && option.split_whitespace().count() <= 2 {
        OptionKind::Numbered
    } else if words.len() == 1 && words[0].is_code() {
        OptionKind::Name
    } else {
        OptionKind::Words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_cues_follow_the_asker() {
        assert!(has_agreement_cue(
            "What are HTTP callbacks that notify applications when specific events occur?"
        ));
        assert!(has_agreement_cue(
            "Which term matches this definition? “___ are sets of protocols”"
        ));
        assert!(!has_agreement_cue(
            "In ORM's advantages, what does “Database Independence” mean?"
        ));
        assert!(!has_agreement_cue("When should you choose ORM?"));
    }
}
