//! Concepts: what an interview question asks about ("What is Circuit Breaker pattern?" asks
//! about "Circuit Breaker pattern"), and the answer's lead sentence turned into a description
//! of it with its name taken out, for the description → concept form.

use crate::text::{Token, run_initials, split_parenthesised, tokens};

/// Openings of prompts that name a concept.
const OPENINGS: &[&str] = &["What is ", "What are ", "Explain "];
/// A " and …" tail starting with one of these asks for more about the concept ("and its
/// role", "and why is it important"), so it is not part of its name.
const TAIL_STARTS: &[&str] = &["its", "their", "why", "how", "when", "what", "key", "best"];
/// Longest concept name, in words; longer ones are sentences ("some important PEPs every
/// Python developer should know").
const MAX_WORDS: usize = 4;

/// Word endings of nouns, never of verbs: a lead going on with one ("Microservices
/// architecture") has not finished naming its subject.
const NOUN_ENDINGS: &[&str] = &[
    "ure", "tion", "sion", "ity", "ment", "ness", "ism", "ance", "ence",
];

/// Verbs after which "What …?" reads as a question.
const COPULAS: &[&str] = &["is", "are", "was", "were", "has", "have", "can"];

/// A concept an interview question asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Concept {
    /// The name as an option: "Circuit Breaker pattern", "Service discovery", "TDD".
    pub display: String,
    /// Every way the answer may name it: the name, and its parenthesised acronym.
    names: Vec<String>,
    /// The context the prompt dropped ("in microservices"), which the lead may repeat.
    context: Option<String>,
}

impl Concept {
    /// The concept a prompt names, if it is of the form "What is/are X (and its …)?" or
    /// "Explain (the) X (and its …)", dropping a trailing "in Django"-like context and a
    /// leading "the purpose of". None for anything else, or a name with "of" or of more than
    /// [`MAX_WORDS`] words (those are questions about a concept, not concepts).
    pub fn of(prompt: &str) -> Option<Self> {
        let text = prompt.trim().trim_end_matches('?').trim();
        let mut rest = OPENINGS.iter().find_map(|open| text.strip_prefix(open))?;
        rest = rest
            .strip_prefix("the purpose of ")
            .or_else(|| rest.strip_prefix("the "))
            .unwrap_or(rest);
        rest = rest.strip_suffix(" used for").unwrap_or(rest);
        if let Some((name, tail)) = rest.split_once(" and ")
            && TAIL_STARTS
                .iter()
                .any(|start| tail.split_whitespace().next() == Some(start))
        {
            rest = name;
        }
        let mut context = None;
        if let Some((name, place)) = rest.rsplit_once(" in ")
            && place.split_whitespace().count() == 1
        {
            context = Some(format!("in {place}"));
            rest = name;
        }
        let rest = rest.trim();
        let words = rest.split_whitespace().count();
        let first = rest.split_whitespace().next()?.to_lowercase();
        if words > MAX_WORDS || rest.contains(" of ") || ["some", "a", "an"].contains(&&*first) {
            return None;
        }
        let (term, paren) = split_parenthesised(rest);
        let acronym = paren.filter(|p| tokens(p).len() == 1 && tokens(p)[0].is_acronym());
        let display = capitalised(acronym.unwrap_or(term));
        let mut names = vec![term.to_owned()];
        names.extend(paren.map(str::to_owned));
        Some(Self {
            display,
            names,
            context,
        })
    }

    /// The lead sentence as a question about the concept, if the sentence opens with it:
    /// "Circuit breaker prevents cascading failures by …" → "What prevents cascading failures
    /// by …?". The opening may be the whole name, its acronym's expansion ("Cross-Origin
    /// Resource Sharing" for CORS), its head noun ("Signals" for "Django signals") or its
    /// first two words or more ("Circuit breaker" for "Circuit Breaker pattern"). A
    /// parenthesised aside, the prompt's dropped context and a "that" after the name go too.
    pub fn description(&self, lead: &str) -> Option<String> {
        let words = tokens(lead);
        let end = self.opening(lead, &words)?;
        let mut rest = lead[end..].trim_start();
        if rest.starts_with('(')
            && let Some(close) = rest.find(')')
        {
            rest = rest[close + 1..].trim_start();
        }
        if let Some(context) = &self.context {
            rest = rest
                .strip_prefix(context.as_str())
                .unwrap_or(rest)
                .trim_start();
        }
        for filler in ["that ", "which "] {
            rest = rest.strip_prefix(filler).unwrap_or(rest);
        }
        let rest = rest.trim().trim_end_matches('.');
        let first = tokens(rest).first().copied()?;
        // The rest must go on with a verb ("is a …", "prevents …", "convert …"), or the
        // name did not end where we cut: "Microservices architecture breaks …" is about
        // the architecture. A capital or a noun ending says the name goes on.
        let lower = first.core.to_lowercase();
        if rest.split_whitespace().count() < 3
            || !first.core.starts_with(char::is_lowercase)
            || NOUN_ENDINGS.iter().any(|end| lower.ends_with(end))
        {
            return None;
        }
        // "What is a …?" reads well; "What convert …?" does not, "Which of these convert
        // …?" does, whatever the verb's number.
        if COPULAS.contains(&lower.as_str()) {
            Some(format!("What {rest}?"))
        } else {
            Some(format!("Which of these {rest}?"))
        }
    }

    /// Where the lead's opening naming the concept ends (a byte offset), if it has one.
    fn opening(&self, lead: &str, words: &[Token<'_>]) -> Option<usize> {
        let lead_norms: Vec<String> = words.iter().map(Token::norm).collect();
        let mut best: Option<usize> = None;
        for name in &self.names {
            let name_tokens = tokens(name);
            let norms: Vec<String> = name_tokens.iter().map(Token::norm).collect();
            let n = norms.len();
            // The name, its tail (ending in the head noun) or a prefix of 2+ words.
            let runs = (0..n)
                .map(|start| (start, n))
                .chain((2..n).map(|end| (0, end)));
            for (start, end) in runs {
                let run = &norms[start..end];
                if lead_norms.len() >= run.len() && lead_norms[..run.len()] == *run {
                    let at = words[run.len() - 1].end;
                    best = Some(best.map_or(at, |b| b.max(at)));
                }
            }
            // "Cross-Origin Resource Sharing" opens an answer about CORS.
            for token in name_tokens.iter().filter(|token| token.is_acronym()) {
                for (initials, (start, end)) in run_initials(lead, words) {
                    if start == 0 && initials == token.norm() {
                        best = Some(best.map_or(end, |b| b.max(end)));
                    }
                }
            }
        }
        best
    }
}

/// "service discovery" → "Service discovery"; names like `settings.py` stay as written.
fn capitalised(name: &str) -> String {
    let name = name.trim();
    if tokens(name).first().is_some_and(Token::is_dotted) {
        return name.to_owned();
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(prompt: &str) -> Concept {
        Concept::of(prompt).unwrap_or_else(|| panic!("no concept in {prompt:?}"))
    }

    #[test]
    fn names_come_from_prompts() {
        assert_eq!(
            concept("What is Circuit Breaker pattern?").display,
            "Circuit Breaker pattern"
        );
        assert_eq!(
            concept("What is service discovery in microservices?").display,
            "Service discovery"
        );
        assert_eq!(
            concept("What is API Gateway and its role?").display,
            "API Gateway"
        );
        assert_eq!(
            concept("What are webhooks and their use cases?").display,
            "Webhooks"
        );
        assert_eq!(
            concept("Explain CORS and its implementation").display,
            "CORS"
        );
        assert_eq!(
            concept("What is the purpose of manage.py?").display,
            "manage.py"
        );
        assert_eq!(
            concept("What is Test-Driven Development (TDD)?").display,
            "TDD"
        );
        assert_eq!(
            concept("What are mocking and stubbing in testing?").display,
            "Mocking and stubbing"
        );
        assert_eq!(Concept::of("What are the advantages of Django?"), None);
        assert_eq!(Concept::of("How do you create a Django app?"), None);
        assert_eq!(
            Concept::of("What are some important PEPs every Python developer should know?"),
            None
        );
    }

    #[test]
    fn descriptions_drop_the_name() {
        let breaker = concept("What is Circuit Breaker pattern?");
        assert_eq!(
            breaker
                .description(
                    "Circuit breaker prevents cascading failures by monitoring service calls"
                )
                .as_deref(),
            Some("Which of these prevents cascading failures by monitoring service calls?")
        );
        let cors = concept("Explain CORS and its implementation");
        assert_eq!(
            cors.description("Cross-Origin Resource Sharing allows web pages to make requests to different domains")
                .as_deref(),
            Some("Which of these allows web pages to make requests to different domains?")
        );
        let views = concept("What are database views in Django?");
        assert_eq!(
            views
                .description(
                    "Database views in Django are implemented using raw SQL or custom managers"
                )
                .as_deref(),
            Some("What are implemented using raw SQL or custom managers?")
        );
        // A lead that does not open with the concept gives no question.
        let microservices = concept("What is Django?");
        assert_eq!(
            microservices.description("Microservices is an architectural approach"),
            None
        );
        let ms = concept("What are microservices and their benefits?");
        assert_eq!(
            ms.description("Microservices architecture breaks applications into small services"),
            None
        );
    }
}
