//! Reverse prompts: a description is shown, the concept is typed.
//!
//! - A **definition** gives the first sentence of its text that opens with the term (or,
//!   after the first, with "It"/"They") and does not give the term away: "What is a
//!   high-level Python web framework ...?" -> Django.
//! - An **interview question** that asks about a concept ("What is X?", "What are X and
//!   their ...?", "Explain X and its ...") gives its answer's first sentence when that
//!   sentence opens with the concept (or its acronym spelled out) followed by a verb:
//!   "What prevents cascading failures by ...?" -> Circuit Breaker.
//! - A **one-liner** gives its detail and asks for its head, but only when the head is
//!   checkable: at most three significant words; every word the detail does not show is
//!   a naming word, not a judgement (see [`JUDGEMENT_HEAD_WORDS`]: "Faster Development"
//!   from "Less boilerplate code, rapid implementation" is skipped, any synonym would be as
//!   right); and at least one of them is not a mere category word (see
//!   [`CATEGORY_HEAD_WORDS`]). The head is accepted without its category words too
//!   ("Migration Support" or "Migration").

use crate::content::{CardKind, Deck, ListKind};
use crate::text;

use super::giveaway::{Shown, significant_units};
use super::units::{self, Unit};
use super::vocab::{Vocab, acronym_key};
use super::{Draft, MAX_PROMPT_CHARS, TypedForm, TypedPrompt, finish};

/// Words that name a kind of thing rather than the thing: a one-liner head may drop them
/// ("Migration Support" or just "Migration"), but they do not make a head checkable alone.
pub const CATEGORY_HEAD_WORDS: &[&str] = &[
    "approach",
    "architecture",
    "feature",
    "features",
    "framework",
    "principle",
    "problem",
    "structure",
    "support",
    "system",
];

/// Words that judge rather than name: a one-liner head that needs one of these (not shown
/// by its detail) has too many right answers ("Faster", "Rapid", "Quick" ...) to check.
pub const JUDGEMENT_HEAD_WORDS: &[&str] = &[
    "behavior",
    "better",
    "built",
    "complex",
    "complexity",
    "comprehensive",
    "consumption",
    "development",
    "difficulty",
    "easier",
    "faster",
    "in",
    "inefficient",
    "large",
    "limitation",
    "limitations",
    "magic",
    "management",
    "opinionated",
    "overhead",
    "performance",
    "rapid",
    "resource",
    "usage",
];

/// Verbs that may follow a plural concept: "Signals allow ...", "Serializers convert ...".
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

/// The reverse prompt of a card, if it has one (at most one per card).
pub fn reverse_prompts(deck: &Deck, card: usize) -> Vec<TypedPrompt> {
    reverse_with(deck, &Vocab::new(deck), card)
}

pub(crate) fn reverse_with(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<TypedPrompt> {
    let Some(source) = deck.cards.get(card) else {
        return Vec::new();
    };
    let drafts = match source.kind {
        CardKind::Definition => definition(deck, vocab, card),
        CardKind::Question { .. } => question(deck, vocab, card),
        CardKind::OneLiner { list } => one_liner(deck, vocab, card, list),
        CardKind::GuideItem { .. } => Vec::new(),
    };
    drafts
        .into_iter()
        .find_map(|draft| finish(deck, card, draft))
        .into_iter()
        .collect()
}

/// What a sentence says about the concept it opens with.
struct Opening {
    /// The concept as the sentence writes it (empty after a pronoun).
    concept: String,
    /// An expansion the sentence gives: "Cross-Origin Resource Sharing" for CORS.
    expansion: Option<String>,
    /// The concept with the category word the sentence adds ("Microservices architecture").
    with_category: Option<String>,
    /// "What <verb phrase>?"
    description: String,
}

fn norms_of(phrases: &[&str]) -> Vec<String> {
    phrases.iter().flat_map(|p| units::unit_norms(p)).collect()
}

fn acronyms_of(phrases: &[&str]) -> Vec<String> {
    phrases
        .iter()
        .flat_map(|p| text::tokens(p))
        .filter(|token| token.is_acronym())
        .map(|token| token.core.to_owned())
        .collect()
}

fn starts_with_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Reads a sentence that opens with the concept (words from `concept_words`, an acronym of
/// `acronyms` spelled out, or a pronoun when `pronoun` is allowed) and then a verb.
fn opening(
    sentence: &str,
    concept_words: &[String],
    acronyms: &[String],
    pronoun: bool,
) -> Option<Opening> {
    let tokens = text::tokens(sentence);
    let first = tokens.first()?;
    let units = units::units(sentence);
    let mut expansion = None;
    let mut with_category = None;
    let (concept, end) = if let Some((acronym, run_end)) = acronyms.iter().find_map(|acronym| {
        let key = acronym_key(acronym).to_lowercase();
        text::run_initials(sentence, &tokens)
            .into_iter()
            .find(|(initials, (start, _))| *initials == key && *start == first.start)
            .map(|(_, (_, end))| (acronym.clone(), end))
    }) {
        expansion = Some(sentence[first.start..run_end].to_owned());
        (acronym, run_end)
    } else if pronoun && matches!(first.core, "It" | "They" | "This") {
        (String::new(), first.end)
    } else {
        // A word of the question, or the start of one ("REST" for "RESTful").
        let names = |unit: &Unit<'_>| {
            let norm = unit.norm();
            !unit.is_stopword()
                && concept_words
                    .iter()
                    .any(|word| *word == norm || (norm.len() >= 4 && word.starts_with(&norm)))
        };
        let count = units.iter().take_while(|unit| names(unit)).count();
        let last: &Unit<'_> = units.get(count.checked_sub(1)?)?;
        // "Microservices architecture breaks ...": the concept is "Microservices", also
        // accepted with its category word.
        let category = units[count..]
            .iter()
            .take_while(|unit| all_in(unit, CATEGORY_HEAD_WORDS))
            .last();
        if let Some(category) = category {
            with_category = Some(sentence[units[0].start..category.end].to_owned());
            (
                sentence[units[0].start..last.end].to_owned(),
                category.span_end,
            )
        } else {
            (sentence[units[0].start..last.end].to_owned(), last.span_end)
        }
    };
    let mut rest = sentence[end..].trim_start();
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        expansion = expansion.or_else(|| Some(inner[..close].trim().to_owned()));
        rest = inner[close + 1..].trim_start();
    }
    if let Some(after) = starts_with_ci(rest, "in ")
        && let Some(unit) = units::units(after).first()
        && concept_words.contains(&unit.norm())
    {
        rest = after[unit.span_end..].trim_start();
    }
    for filler in ["that ", "which "] {
        if let Some(after) = rest.strip_prefix(filler) {
            rest = after;
        }
    }
    let verb = rest.split_whitespace().next()?;
    let verb_like = matches!(verb, "is" | "are" | "was" | "were")
        || PLURAL_VERBS.contains(&verb)
        || (verb.len() > 3
            && verb.ends_with('s')
            && !verb.ends_with("ss")
            && !verb.ends_with("us")
            && verb.chars().all(|c| c.is_ascii_lowercase()));
    if !verb_like {
        return None;
    }
    let rest = rest.trim_end_matches(['.', ' ']);
    let fitted = text::fit_sentence(rest, 30, MAX_PROMPT_CHARS - 6)?;
    Some(Opening {
        concept,
        expansion,
        with_category,
        description: format!("What {fitted}?"),
    })
}

/// "What is Circuit Breaker pattern?" -> "Circuit Breaker pattern".
fn question_subject(question: &str) -> Option<&str> {
    let question = question.trim().trim_end_matches('?').trim();
    let mut subject = ["what is ", "what are ", "what's ", "explain ", "define "]
        .iter()
        .find_map(|prefix| starts_with_ci(question, prefix))?;
    subject = starts_with_ci(subject, "the ").unwrap_or(subject);
    for cut in [
        " and its ",
        " and their ",
        " and how ",
        " and when ",
        " and why ",
        " and ",
    ] {
        if let Some(at) = subject.find(cut) {
            subject = &subject[..at];
        }
    }
    let subject = subject.trim();
    (!subject.is_empty()).then_some(subject)
}

fn lines_sentences(answer: &str) -> Vec<String> {
    text::body_text(answer)
        .lines()
        .flat_map(text::sentences)
        .collect()
}

fn expansions(vocab: &Vocab, spelling: &str) -> Vec<String> {
    let mut out = Vec::new();
    let tokens = text::tokens(spelling);
    if let [token] = tokens.as_slice()
        && token.is_acronym()
        && let Some(expansion) = vocab.expansion(token.core)
    {
        out.push(expansion.to_owned());
    }
    if let Some(acronym) = vocab.acronym_for(spelling) {
        out.push(acronym.to_owned());
    }
    out
}

fn definition(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let (outer, inner) = text::split_parenthesised(&source.prompt);
    let phrases: Vec<&str> = std::iter::once(outer).chain(inner).collect();
    let words = norms_of(&phrases);
    let acronyms = acronyms_of(&phrases);
    let mut accepted: Vec<String> = inner.map(str::to_owned).into_iter().collect();
    accepted.extend(expansions(vocab, outer));
    let context = deck.sections[source.section].title.clone();
    lines_sentences(&source.answer)
        .iter()
        .enumerate()
        .filter_map(|(index, sentence)| opening(sentence, &words, &acronyms, index > 0))
        .map(|opening| Draft {
            id: format!("reverse:{}", source.id),
            form: TypedForm::Reverse,
            prompt: opening.description,
            context: context.clone(),
            answer: outer.to_owned(),
            accepted: accepted.clone(),
        })
        .collect()
}

fn question(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let Some(subject) = question_subject(&source.prompt) else {
        return Vec::new();
    };
    let Some(sentence) = text::lead_sentence(&source.answer) else {
        return Vec::new();
    };
    let (outer, inner) = text::split_parenthesised(subject);
    let phrases: Vec<&str> = std::iter::once(outer).chain(inner).collect();
    let words = norms_of(&phrases);
    let acronyms = acronyms_of(&phrases);
    let Some(opening) = opening(&sentence, &words, &acronyms, false) else {
        return Vec::new();
    };
    let concept = opening.concept.trim();
    let lower_question = source.prompt.to_ascii_lowercase();
    let answer = match lower_question.find(&concept.to_ascii_lowercase()) {
        Some(at)
            if source.prompt[at..at + concept.len()]
                .chars()
                .any(char::is_uppercase) =>
        {
            source.prompt[at..at + concept.len()].to_owned()
        }
        _ => concept.to_owned(),
    };
    let mut accepted = vec![concept.to_owned()];
    accepted.extend(opening.expansion.clone());
    accepted.extend(opening.with_category.clone());
    accepted.extend(expansions(vocab, &answer));
    // The question's own name for it, when it is a short name: "Circuit Breaker pattern".
    let concept_norms = units::unit_norms(concept);
    for phrase in &phrases {
        let all = units::units(phrase);
        let names_concept = concept_norms
            .iter()
            .all(|n| units::unit_norms(phrase).contains(n));
        if all.len() <= 3 && !all.iter().any(Unit::is_stopword) && names_concept {
            accepted.push((*phrase).to_owned());
        }
    }
    let section = deck.sections[source.section].title.clone();
    [section, "Interview question".to_owned()]
        .into_iter()
        .map(|context| Draft {
            id: format!("reverse:{}", source.id),
            form: TypedForm::Reverse,
            prompt: opening.description.clone(),
            context,
            answer: answer.clone(),
            accepted: accepted.clone(),
        })
        .collect()
}

fn all_in(unit: &Unit<'_>, words: &[&str]) -> bool {
    unit.tokens
        .iter()
        .all(|token| words.contains(&token.core.to_lowercase().as_str()))
}

fn any_in(unit: &Unit<'_>, words: &[&str]) -> bool {
    unit.tokens
        .iter()
        .any(|token| words.contains(&token.core.to_lowercase().as_str()))
}

fn one_liner(deck: &Deck, vocab: &Vocab, card: usize, list: usize) -> Vec<Draft> {
    let source = &deck.cards[card];
    let Some(list) = deck.lists.get(list) else {
        return Vec::new();
    };
    let detail = text::strip_inline(&source.answer).trim().to_owned();
    let head = source.prompt.trim();
    let kind = match list.kind {
        ListKind::Advantages => "advantage",
        ListKind::Disadvantages => "disadvantage",
        ListKind::ChooseWhen => "reason to choose",
        ListKind::AvoidWhen => "reason to avoid",
    };
    let head_units = significant_units(head);
    if head_units.len() > 3 {
        return Vec::new();
    }
    let shown = Shown::new(&[&detail, &list.subject]);
    let unshown = shown.unshown(head);
    if unshown
        .iter()
        .any(|unit| any_in(unit, JUDGEMENT_HEAD_WORDS))
        || unshown.iter().all(|unit| all_in(unit, CATEGORY_HEAD_WORDS))
    {
        return Vec::new();
    }
    // The head without category words; spans between kept words are kept as written
    // ("N+1 Problem" -> "N+1").
    let kept: Vec<&Unit<'_>> = head_units
        .iter()
        .filter(|unit| !all_in(unit, CATEGORY_HEAD_WORDS))
        .collect();
    let mut accepted = Vec::new();
    if let (Some(first), Some(last)) = (kept.first(), kept.last()) {
        let inner_dropped = head_units.iter().any(|unit| {
            unit.start > first.start
                && unit.start < last.start
                && !kept.iter().any(|k| k.start == unit.start)
        });
        if inner_dropped {
            accepted.push(
                kept.iter()
                    .map(|unit| &head[unit.start..unit.end])
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        } else {
            accepted.push(head[first.start..last.end].to_owned());
        }
    }
    for unit in &head_units {
        if let Some(token) = unit.single()
            && token.is_acronym()
            && let Some(expansion) = vocab.expansion(token.core)
        {
            accepted.push(head.replacen(token.core, expansion, 1));
        }
    }
    let mut kind_capital = kind.to_owned();
    if let Some(first) = kind_capital.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    [format!("{} {kind}", list.subject), kind_capital]
        .into_iter()
        .map(|context| Draft {
            id: format!("reverse:{}", source.id),
            form: TypedForm::Reverse,
            prompt: detail.clone(),
            context,
            answer: head.to_owned(),
            accepted: accepted.clone(),
        })
        .collect()
}
