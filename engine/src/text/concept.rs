//! Concepts: what an interview question asks about ("What is Circuit Breaker pattern?" asks
//! about "Circuit Breaker pattern"), and how a sentence of its answer describes it when the
//! sentence opens with it ("Circuit breaker prevents cascading failures …" describes it as
//! "What prevents cascading failures …?").
//!
//! The one reader of both, for every form that shows a description and asks for the concept:
//! the quiz's description → concept choice and the typed reverse prompts.

use super::{Token, fit_sentence, is_stopword, run_initials, split_parenthesised, tokens};

/// Longest description, in characters, for a form with no tighter limit of its own: a longer
/// sentence is cut at a clause boundary.
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// Openings of prompts that name a concept (compared without case).
const OPENINGS: &[&str] = &["what is ", "what are ", "what's ", "explain ", "define "];
/// A " and …" tail starting with one of these asks for more about the concept ("and its
/// role", "and why is it important"), so it is not part of its name ("mocking and stubbing"
/// is).
const TAIL_STARTS: &[&str] = &["its", "their", "why", "how", "when", "what", "key", "best"];
/// Longest concept name, in words; longer ones are sentences ("some important PEPs every
/// Python developer should know").
const MAX_WORDS: usize = 4;

/// Words that name a kind of thing rather than the thing: a sentence may add one after the
/// concept ("Microservices architecture breaks …"), a name may end in one ("Django's
/// migration system", whose head is "migration"), and a one-liner head may drop them
/// ("Migration Support" or just "Migration").
pub const CATEGORY_WORDS: &[&str] = &[
    "approach",
    "architecture",
    "feature",
    "features",
    "framework",
    "pattern",
    "principle",
    "problem",
    "structure",
    "support",
    "system",
];

/// Word endings of nouns, never of verbs: an opening going on with one has not finished
/// naming its subject.
const NOUN_ENDINGS: &[&str] = &[
    "ure", "tion", "sion", "ity", "ment", "ness", "ism", "ance", "ence",
];

/// Verbs after which "What …?" reads as a question.
const COPULAS: &[&str] = &["is", "are", "was", "were", "has", "have", "can"];

/// Verbs that may follow a plural concept: "Signals allow …", "Serializers convert …".
const PLURAL_VERBS: &[&str] = &[
    "act",
    "allow",
    "convert",
    "define",
    "enable",
    "group",
    "handle",
    "help",
    "let",
    "make",
    "manage",
    "provide",
    "represent",
    "store",
];

/// A concept a question asks about, or a term a definition defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// The name as the prompt writes it, without a parenthesised aside: "Circuit Breaker
    /// pattern", "Test-Driven Development", "manage.py".
    pub name: String,
    /// The parenthesised aside of the name: "TDD" in "Test-Driven Development (TDD)".
    pub aside: Option<String>,
    /// The context the prompt dropped ("microservices" from "… in microservices"), which a
    /// sentence may repeat after the concept.
    pub context: Option<String>,
}

/// What a sentence that opens with the concept says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The concept as the sentence writes it ("Circuit breaker", "Signals"); empty after a
    /// pronoun.
    pub concept: String,
    /// An expansion the sentence gives: "Cross-Origin Resource Sharing" for CORS, or its
    /// parenthesised aside.
    pub expansion: Option<String>,
    /// The concept with the category word the sentence adds ("Microservices architecture").
    pub with_category: Option<String>,
    /// The rest of the sentence, from its verb on: "prevents cascading failures by …".
    pub predicate: String,
}

impl Concept {
    /// The concept a prompt names, if it is of the form "What is/are/'s X (and its …)?",
    /// "Explain (the) X (and its …)" or "Define X", dropping a leading "the purpose of", a
    /// trailing "used for" and a trailing one-word context ("in Django"). None for anything
    /// else, or a name with "of" or of more than [`MAX_WORDS`] words (those are questions
    /// about a concept, not concepts).
    pub fn of(prompt: &str) -> Option<Self> {
        let text = prompt.trim().trim_end_matches('?').trim();
        let mut rest = OPENINGS
            .iter()
            .find_map(|open| strip_prefix_ci(text, open))?;
        rest = strip_prefix_ci(rest, "the purpose of ")
            .or_else(|| strip_prefix_ci(rest, "the "))
            .unwrap_or(rest);
        rest = rest.strip_suffix(" used for").unwrap_or(rest);
        if let Some((name, tail)) = rest.split_once(" and ")
            && tail
                .split_whitespace()
                .next()
                .is_some_and(|word| TAIL_STARTS.contains(&word))
        {
            rest = name;
        }
        let mut context = None;
        if let Some((name, place)) = rest.rsplit_once(" in ")
            && place.split_whitespace().count() == 1
        {
            context = Some(place.to_owned());
            rest = name;
        }
        let rest = rest.trim();
        let words = rest.split_whitespace().count();
        let first = rest.split_whitespace().next()?.to_lowercase();
        if words > MAX_WORDS || rest.contains(" of ") || ["some", "a", "an"].contains(&&*first) {
            return None;
        }
        Some(Self {
            context,
            ..Self::named(rest)
        })
    }

    /// A term as a concept: "Django REST Framework (DRF)".
    pub fn named(term: &str) -> Self {
        let (name, aside) = split_parenthesised(term.trim());
        Self {
            name: name.trim().to_owned(),
            aside: aside.map(|aside| aside.trim().to_owned()),
            context: None,
        }
    }

    /// The name as an option to pick: its acronym if the prompt gives one ("TDD"), else the
    /// name capitalised ("Service discovery"); code names stay as written (`settings.py`).
    pub fn display(&self) -> String {
        let acronym = self
            .aside
            .as_deref()
            .filter(|aside| matches!(tokens(aside).as_slice(), [token] if token.is_acronym()));
        capitalised(acronym.unwrap_or(&self.name))
    }

    /// The name and its aside: every way the prompt writes the concept.
    pub fn names(&self) -> Vec<&str> {
        std::iter::once(self.name.as_str())
            .chain(self.aside.as_deref())
            .collect()
    }

    /// The sentence's opening naming the concept, if it has one, then a verb.
    ///
    /// The opening may be the whole name, its head noun ("Signals" for "Django signals",
    /// "Migrations" for "Django's migration system"), a word it starts ("REST" for
    /// "RESTful APIs"), two or more of its words ("Circuit breaker" for "Circuit Breaker
    /// pattern"), its acronym spelled out ("Cross-Origin Resource Sharing" for CORS) or, when
    /// `pronoun` is allowed, "It"/"They"/"This". A category word after it ("architecture"),
    /// a parenthesised aside, the prompt's dropped context ("in Django") and a "that" go
    /// too. What is left must go on with a verb ("is a …", "prevents …", "convert …").
    pub fn opening(&self, sentence: &str, pronoun: bool) -> Option<Opening> {
        let words = tokens(sentence);
        let first = words.first()?;
        let mut expansion = None;
        let mut with_category = None;
        let by_name = self.named_run(&words);
        let by_acronym = self.spelled_acronym(sentence, &words);
        let name_end = by_name.map(|count| words[count - 1].end);
        let (concept, end) = if let Some((acronym, end)) = by_acronym
            && name_end.is_none_or(|name_end| name_end < end)
        {
            expansion = Some(sentence[first.start..end].to_owned());
            (acronym, end)
        } else if let Some(count) = by_name {
            let last = &words[count - 1];
            let concept = sentence[first.start..word_end(last)].to_owned();
            let category = words[count..]
                .iter()
                .take_while(|token| is_category(token))
                .last();
            if let Some(category) = category {
                with_category = Some(sentence[first.start..word_end(category)].to_owned());
                (concept, category.end)
            } else {
                (concept, last.end)
            }
        } else if pronoun && matches!(first.core, "It" | "They" | "This") {
            (String::new(), first.end)
        } else {
            return None;
        };
        let mut rest = sentence[end..].trim_start();
        if let Some(inner) = rest.strip_prefix('(')
            && let Some(close) = inner.find(')')
        {
            expansion = expansion.or_else(|| Some(inner[..close].trim().to_owned()));
            rest = inner[close + 1..].trim_start();
        }
        if let Some(after) = strip_prefix_ci(rest, "in ")
            && let Some(place) = tokens(after).first()
            && self.is_context_or_name_word(&place.norm())
        {
            rest = after[place.end..].trim_start();
        }
        for filler in ["that ", "which "] {
            rest = rest.strip_prefix(filler).unwrap_or(rest);
        }
        let predicate = rest.trim_end_matches(['.', ' ']);
        let verb = predicate.split_whitespace().next()?;
        if predicate.split_whitespace().count() < 3 || !is_verb(verb) {
            return None;
        }
        Some(Opening {
            concept,
            expansion,
            with_category,
            predicate: predicate.to_owned(),
        })
    }

    /// The normalised words of the name and aside, without stop words.
    fn norms(&self) -> Vec<String> {
        self.names()
            .into_iter()
            .flat_map(tokens)
            .filter(|token| !is_stopword(&token.core.to_lowercase()))
            .map(|token| token.norm())
            .collect()
    }

    /// The head nouns: the last word of the name, of the aside and of each "and" conjunct
    /// that is not a category word ("breaker" in "Circuit Breaker pattern", "migration" in
    /// "Django's migration system").
    fn heads(&self) -> Vec<String> {
        self.names()
            .into_iter()
            .flat_map(|name| name.split(" and "))
            .filter_map(|part| {
                let part_tokens = tokens(part);
                part_tokens
                    .iter()
                    .rev()
                    .find(|token| !is_category(token))
                    .or(part_tokens.last())
                    .map(Token::norm)
            })
            .collect()
    }

    fn is_context_or_name_word(&self, norm: &str) -> bool {
        self.context
            .as_deref()
            .and_then(|context| tokens(context).first().map(Token::norm))
            .is_some_and(|context| context == norm)
            || self.norms().iter().any(|word| word == norm)
    }

    /// How many of the sentence's first words name the concept: a run of its words (or of
    /// words 4+ letters long that start one of them, "REST" for "RESTful"), kept if it has two
    /// words or more, or is a head noun, or the start of a longer word.
    fn named_run(&self, words: &[Token<'_>]) -> Option<usize> {
        let norms = self.norms();
        let heads = self.heads();
        let names = |token: &Token<'_>| {
            let norm = token.norm();
            !is_stopword(&token.core.to_lowercase())
                && norms
                    .iter()
                    .any(|word| *word == norm || (norm.len() >= 4 && word.starts_with(&norm)))
        };
        let count = words.iter().take_while(|token| names(token)).count();
        let single_ok = || {
            let norm = words[0].norm();
            heads.contains(&norm) || !norms.contains(&norm)
        };
        (count >= 2 || (count == 1 && single_ok())).then_some(count)
    }

    /// An acronym of the name spelled out at the sentence's start: the acronym and where its
    /// spelling ends.
    fn spelled_acronym(&self, sentence: &str, words: &[Token<'_>]) -> Option<(String, usize)> {
        let first = words.first()?;
        let runs = run_initials(sentence, words);
        self.names()
            .into_iter()
            .flat_map(tokens)
            .filter(Token::is_acronym)
            .find_map(|acronym| {
                let key = acronym.norm();
                runs.iter()
                    .filter(|(initials, (start, _))| *initials == key && *start == first.start)
                    .map(|(_, (_, end))| *end)
                    .max()
                    .map(|end| (acronym.core.to_owned(), end))
            })
    }
}

impl Opening {
    /// The description as a question to type the concept for: "What prevents …?", cut at a
    /// clause boundary to at most `max_chars` characters (None if no cut fits).
    pub fn what(&self, max_chars: usize) -> Option<String> {
        let fitted = fit_sentence(&self.predicate, 30, max_chars.saturating_sub(6))?;
        Some(format!("What {fitted}?"))
    }

    /// The description as a question to pick the concept among options: "What is a …?"
    /// after a copula, "Which of these convert …?" after any other verb, whatever its number.
    pub fn which(&self, max_chars: usize) -> Option<String> {
        let verb = self.predicate.split_whitespace().next()?;
        if COPULAS.contains(&verb) {
            return self.what(max_chars);
        }
        let fitted = fit_sentence(&self.predicate, 30, max_chars.saturating_sub(16))?;
        Some(format!("Which of these {fitted}?"))
    }
}

/// Whether a word can be the verb after a concept: a copula, a plural verb, or a lower-case
/// word ending in a third-person "s" that is not a noun ending ("prevents", not "status").
fn is_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    if word != lower || NOUN_ENDINGS.iter().any(|end| lower.ends_with(end)) {
        return false;
    }
    COPULAS.contains(&word)
        || PLURAL_VERBS.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && word.chars().all(|c| c.is_ascii_lowercase()))
}

fn is_category(token: &Token<'_>) -> bool {
    CATEGORY_WORDS.contains(&token.core.to_lowercase().as_str())
}

/// End of a token's word, without a trailing `()` or `'s`.
fn word_end(token: &Token<'_>) -> usize {
    token.start + token.core.len()
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
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
    fn concepts_come_from_real_prompts() {
        // Prompts of content/interview.md -> the concept as an option.
        let cases = [
            (
                "What is Circuit Breaker pattern?",
                "Circuit Breaker pattern",
            ),
            (
                "What is service discovery in microservices?",
                "Service discovery",
            ),
            ("What is API Gateway and its role?", "API Gateway"),
            ("What are webhooks and their use cases?", "Webhooks"),
            ("Explain CORS and its implementation", "CORS"),
            ("What is the purpose of manage.py?", "manage.py"),
            ("What is admin.py used for?", "admin.py"),
            ("What is Test-Driven Development (TDD)?", "TDD"),
            (
                "What are mocking and stubbing in testing?",
                "Mocking and stubbing",
            ),
            (
                "Explain the Database-per-Service pattern",
                "Database-per-Service pattern",
            ),
            (
                "What is Django's migration system?",
                "Django's migration system",
            ),
            ("What is PEP and why is it important?", "PEP"),
            (
                "What is GraphQL and how does it compare to REST?",
                "GraphQL",
            ),
            (
                "What is API documentation and best practices?",
                "API documentation",
            ),
            ("What is settings.py and its key components?", "settings.py"),
            ("What are database views in Django?", "Database views"),
            (
                "Explain Django's MTV architecture",
                "Django's MTV architecture",
            ),
        ];
        for (prompt, display) in cases {
            assert_eq!(concept(prompt).display(), display, "{prompt}");
        }
        assert_eq!(
            concept("What is service discovery in microservices?")
                .context
                .as_deref(),
            Some("microservices")
        );
        for prompt in [
            "What are the advantages of Django?",
            "How do you create a Django app?",
            "What are some important PEPs every Python developer should know?",
            "What are the challenges of microservices?",
        ] {
            assert_eq!(Concept::of(prompt), None, "{prompt}");
        }
    }

    #[test]
    fn openings_describe_the_concept() {
        // (prompt, lead sentence, description for a pick, concept as the sentence writes it)
        let cases = [
            (
                "What is Circuit Breaker pattern?",
                "Circuit breaker prevents cascading failures by monitoring service calls.",
                "Which of these prevents cascading failures by monitoring service calls?",
                "Circuit breaker",
            ),
            (
                "Explain CORS and its implementation",
                "Cross-Origin Resource Sharing allows web pages to make requests to different \
                 domains.",
                "Which of these allows web pages to make requests to different domains?",
                "CORS",
            ),
            (
                "What are database views in Django?",
                "Database views in Django are implemented using raw SQL or custom managers.",
                "What are implemented using raw SQL or custom managers?",
                "Database views",
            ),
            (
                "What is Django's migration system?",
                "Migrations are version control for database schema changes.",
                "What are version control for database schema changes?",
                "Migrations",
            ),
            (
                "What are Django signals and when to use them?",
                "Signals allow decoupled applications to get notified when certain actions occur.",
                "Which of these allow decoupled applications to get notified when certain \
                 actions occur?",
                "Signals",
            ),
            (
                "What are RESTful APIs and their principles?",
                "REST is architectural style for web services using HTTP methods.",
                "What is architectural style for web services using HTTP methods?",
                "REST",
            ),
            (
                "What are microservices and their benefits?",
                "Microservices architecture breaks applications into small services.",
                "Which of these breaks applications into small services?",
                "Microservices",
            ),
            (
                "What is Test-Driven Development (TDD)?",
                "TDD is a development approach where tests are written before code.",
                "What is a development approach where tests are written before code?",
                "TDD",
            ),
        ];
        for (prompt, lead, description, written) in cases {
            let opening = concept(prompt)
                .opening(lead, false)
                .unwrap_or_else(|| panic!("no opening in {lead:?}"));
            assert_eq!(
                opening.which(MAX_DESCRIPTION_CHARS).as_deref(),
                Some(description)
            );
            assert_eq!(opening.concept, written);
        }
        let micro = concept("What are microservices and their benefits?")
            .opening(
                "Microservices architecture breaks applications into small services",
                false,
            )
            .unwrap();
        assert_eq!(
            micro.with_category.as_deref(),
            Some("Microservices architecture")
        );
        assert_eq!(
            micro.what(MAX_DESCRIPTION_CHARS).as_deref(),
            Some("What breaks applications into small services?")
        );
        // Leads that do not open with the concept, or not with a verb after it.
        let none = [
            (
                "What is Django?",
                "Microservices is an architectural approach",
            ),
            (
                "What are Django signals?",
                "Django provides a signal dispatcher",
            ),
            (
                "What is service discovery?",
                "Service Mesh handles discovery",
            ),
            (
                "What is Django ORM and its benefits?",
                "Django ORM Performance matters a lot",
            ),
            ("What are webhooks and their use cases?", "Webhooks"),
        ];
        for (prompt, lead) in none {
            assert_eq!(concept(prompt).opening(lead, false), None, "{lead}");
        }
    }

    #[test]
    fn terms_open_with_pronouns_when_allowed() {
        let drf = Concept::named("Django REST Framework (DRF)");
        assert_eq!(drf.display(), "DRF");
        let opening = drf
            .opening(
                "It provides serializers, viewsets and authentication.",
                true,
            )
            .unwrap();
        assert_eq!(opening.concept, "");
        assert_eq!(
            drf.opening("It provides serializers and viewsets.", false),
            None
        );
        let long = "DRF is a toolkit for building Web APIs, with serializers, viewsets, \
                    routers, authentication, permissions, throttling and pagination";
        assert_eq!(
            drf.opening(long, false).unwrap().what(60).as_deref(),
            Some("What is a toolkit for building Web APIs, with serializers…?")
        );
    }
}
