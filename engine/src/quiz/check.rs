//! The quality bar every generated question must pass: one small rule per giveaway.
//!
//! A reader who does not know the subject can still single the right option out when it is
//! the only one with some surface feature: a word of the stem, a number, an acronym, a tone,
//! a grammatical number, a shape. Each such rule here is a [`Cue`]: a function naming the
//! features an option carries. A question fails when the right option carries a feature no
//! distractor carries, so rules compare options with each other, never with a fixed answer.
//! Length is the one rule that is not a feature (it compares sizes). The generator uses the
//! same cues to pick distractors that cover the right option's features.

use std::collections::HashSet;

use super::cues::{
    SHORT_NAME_WORDS, acronym_link, blank_subject_number, echoes, has_agreement_cue,
    is_list_shaped, is_plural, name_parts, numbers, opens_imperative, option_kind, plain_words,
    same_family, telling_words, trails_off,
};
use super::valence::valence;
use super::{ChoiceQuestion, LENGTH_SLACK, MAX_LONGER, MAX_OPTION_CHARS, MIN_SHORTER, option_key};
use crate::content::Deck;
use crate::text;

/// A giveaway rule: the features an option carries, given the stem. A feature of the right
/// option that no distractor carries gives it away.
pub(super) type Cue = fn(&str, &str) -> Vec<String>;

/// Every cue rule with the words its failure reads as ("only the right option {what} …").
pub(super) const CUES: [(&str, Cue); 10] = [
    ("is a", kind),
    ("differs in having a blank:", blank),
    ("echoes the stem's", echo),
    ("echoes the stem in its name:", name_echo),
    ("matches an acronym of the stem:", acronym),
    ("has a number like the stem's", digits),
    ("reads", valence_class),
    ("agrees as", agreement),
    ("is shaped as", shape),
    ("trails off:", ellipsis),
];

/// Whether a question is fit to ask: four distinct, non-empty options of at most
/// [`MAX_OPTION_CHARS`], `correct` in range, no giveaway by length and none by a [`Cue`].
/// The error names the question and the first rule it breaks.
pub fn check_question(question: &ChoiceQuestion) -> Result<(), String> {
    let fail = |why: String| Err(format!("{}: {why}", question.id));
    let options = &question.options;
    if options.len() != 4 {
        return fail(format!("{} options, not 4", options.len()));
    }
    if question.correct >= options.len() {
        return fail(format!("correct index {} out of range", question.correct));
    }
    for option in options {
        let chars = option.chars().count();
        if option.trim().is_empty() {
            return fail("an option is empty".to_owned());
        }
        if chars > MAX_OPTION_CHARS {
            return fail(format!("option of {chars} chars: {option:?}"));
        }
    }
    let keys: HashSet<String> = options.iter().map(|o| option_key(o)).collect();
    if keys.len() != options.len() {
        return fail(format!("duplicate options: {options:?}"));
    }
    // A blank in some options only: the blanked ones read as mangled, the others as whole.
    let blanked = options.iter().filter(|o| o.contains("___")).count();
    if blanked != 0 && blanked != options.len() {
        return fail(format!(
            "{blanked} of {} options have a blank",
            options.len()
        ));
    }
    let right = options[question.correct].as_str();
    let distractors: Vec<&str> = options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != question.correct)
        .map(|(_, option)| option.as_str())
        .collect();
    if let Err(why) = length(right, &distractors) {
        return fail(why);
    }
    for (what, cue) in CUES {
        if let Some(feature) = lone_feature(cue, &question.stem, right, &distractors) {
            return fail(format!("only the right option {what} {feature}"));
        }
    }
    if let Some((a, b)) = same_sense_pair(options) {
        return fail(format!("two options say much the same: {a:?} and {b:?}"));
    }
    Ok(())
}

/// Short options sharing this many significant words (by root) say much the same thing:
/// if one is right the other is too, and if neither is, a reader strikes both out.
const SAME_SENSE_WORDS: usize = 2;
/// Only options this short (in significant words) are compared: long sentences share words
/// without meaning the same.
const SAME_SENSE_MAX_WORDS: usize = 5;

/// Two options that say much the same ("Contains global settings and configuration" and
/// "Project configuration and settings"), if any.
fn same_sense_pair(options: &[String]) -> Option<(&str, &str)> {
    let words: Vec<HashSet<String>> = options
        .iter()
        .map(|option| {
            text::tokens(option)
                .iter()
                .filter(|token| token.is_significant(4))
                .map(text::Token::norm)
                .collect()
        })
        .collect();
    for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate().skip(i + 1) {
            if a.len() > SAME_SENSE_MAX_WORDS || b.len() > SAME_SENSE_MAX_WORDS {
                continue;
            }
            let shared = a
                .iter()
                .filter(|x| b.iter().any(|y| text::share_root(x, y)))
                .count();
            if shared >= SAME_SENSE_WORDS {
                return Some((&options[i], &options[j]));
            }
        }
    }
    None
}

/// A feature of the right option that no distractor carries, if any.
fn lone_feature(cue: Cue, stem: &str, right: &str, distractors: &[&str]) -> Option<String> {
    let others: Vec<Vec<String>> = distractors.iter().map(|d| cue(stem, d)).collect();
    cue(stem, right)
        .into_iter()
        .find(|feature| !others.iter().any(|features| features.contains(feature)))
}

/// Whether every distractor was drawn from the question's own topic: the section of the
/// question's card (the Definitions section, the Quick Decision Guide, one one-liner list,
/// or one group of interview questions). A distractor from another topic ("1xx" among PEP
/// numbers) is rejected on sight, and so are three distractors from one other card, which
/// leave the right option the odd one out. `option_cards` must name a card per option, and
/// the right option must come from the question's card.
pub fn check_topic(deck: &Deck, question: &ChoiceQuestion) -> Result<(), String> {
    let fail = |why: String| Err(format!("{}: {why}", question.id));
    if question.option_cards.len() != question.options.len() {
        return fail(format!(
            "{} source cards for {} options",
            question.option_cards.len(),
            question.options.len()
        ));
    }
    if question.option_cards.get(question.correct) != Some(&question.card) {
        return fail("the right option is not from the question's card".to_owned());
    }
    let Some(home) = deck.cards.get(question.card).map(|card| card.section) else {
        return fail(format!("no card {}", question.card));
    };
    for (option, &source) in question.options.iter().zip(&question.option_cards) {
        let section = deck.cards.get(source).map(|card| card.section);
        if section != Some(home) {
            return fail(format!("{option:?} comes from another section"));
        }
    }
    // Three distractors from one other card ("Query parameter", "URL versioning", "Header
    // versioning" for the advantages of APIs) make the right option the odd one out.
    let mut sources = question
        .option_cards
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != question.correct)
        .map(|(_, &card)| card);
    if let Some(first) = sources.next()
        && first != question.card
        && sources.all(|card| card == first)
    {
        return fail("every distractor comes from one other card".to_owned());
    }
    Ok(())
}

/// Length: much longer than every distractor by [`MAX_LONGER`], or much shorter than every
/// distractor by [`MIN_SHORTER`], and in either case by more than [`LENGTH_SLACK`] chars.
pub(super) fn length(right: &str, distractors: &[&str]) -> Result<(), String> {
    let len = right.chars().count();
    let lens: Vec<usize> = distractors.iter().map(|d| d.chars().count()).collect();
    let longest = lens.iter().copied().max().unwrap_or(len);
    let shortest = lens.iter().copied().min().unwrap_or(len);
    if len > longest + LENGTH_SLACK && len as f32 > MAX_LONGER * longest as f32 {
        return Err(format!(
            "right option ({len} chars) much longer than every distractor (max {longest})"
        ));
    }
    if shortest > len + LENGTH_SLACK && (len as f32) < MIN_SHORTER * shortest as f32 {
        return Err(format!(
            "right option ({len} chars) much shorter than every distractor (min {shortest})"
        ));
    }
    Ok(())
}

/// A feature when `has` holds.
fn flag(has: bool, name: &str) -> Vec<String> {
    if has {
        vec![name.to_owned()]
    } else {
        Vec::new()
    }
}

/// Kind: a code name (`manage.py`), a numbered name ("PEP 8") or plain words. "Line length"
/// among "PEP 20", "PEP 484", "PEP 518", or "Content negotiation" among class names, stands
/// out.
fn kind(_stem: &str, option: &str) -> Vec<String> {
    vec![format!("{:?}", option_kind(option))]
}

/// Blanks: having a `___` blank, or not. Either way, being the only one tells.
fn blank(_stem: &str, option: &str) -> Vec<String> {
    vec![if option.contains("___") { "yes" } else { "no" }.to_owned()]
}

/// Echo: the stem's telling words (non-stopwords of 5+ letters, parts of names, acronyms,
/// the acronyms capitalised phrases spell) that the option repeats, also by a common root
/// ("Debugging" for "debug", "containers" for "containerization").
fn echo(stem: &str, option: &str) -> Vec<String> {
    let words = text::word_set(option);
    let echoed: Vec<String> = telling_words(stem)
        .into_iter()
        .filter(|word| echoes(word, &words))
        .collect();
    // Echoing more of the stem than any distractor tells too ("Create HTML templates" for
    // "Template creation" when each distractor echoes one word): "2+" must be shared.
    let counts = (2..=echoed.len()).map(|count| format!("{count}+ words"));
    let mut features: Vec<String> = counts.collect();
    features.extend(echoed);
    features
}

/// Name echo: a file or class name repeating a shorter stem word ("view functions" tells
/// `views.py`).
fn name_echo(stem: &str, option: &str) -> Vec<String> {
    let stem_words = plain_words(stem);
    flag(
        name_parts(option)
            .iter()
            .any(|part| stem_words.iter().any(|word| text::share_root(part, word))),
        "yes",
    )
}

/// Acronyms: spelling out an acronym of the stem ("OOP" and "Object-Oriented Approach") or
/// having an acronym a stem phrase spells.
fn acronym(stem: &str, option: &str) -> Vec<String> {
    flag(acronym_link(stem, option), "yes")
}

/// Digits: the stem's numbers the option has a number of the same family of ("4xx" and
/// "400 Bad Request"), or having no number at all when the stem has one.
fn digits(stem: &str, option: &str) -> Vec<String> {
    let own = numbers(option);
    let asked = numbers(stem);
    if asked.is_empty() {
        return Vec::new();
    }
    // When the stem asks about a number, an option's numbers of another family rule it out
    // ("Success (200 OK …)" is not 1xx), so having numbers at all is a feature too.
    let mut features = flag(own.is_empty(), "none");
    features.extend(
        asked
            .into_iter()
            .filter(|number| own.iter().any(|n| same_family(n, number))),
    );
    features
}

/// Valence: praise, blame or neither. "Which is an advantage?" is answered by the only
/// option that does not sound like a problem.
fn valence_class(_stem: &str, option: &str) -> Vec<String> {
    vec![format!("{:?}", valence(option))]
}

/// Agreement: when the stem has a verb that agrees in number ("is", "are", "___ are"), a
/// short name's number (singular or plural).
fn agreement(stem: &str, option: &str) -> Vec<String> {
    if !has_agreement_cue(stem) {
        return Vec::new();
    }
    // A sentence with a blank subject has the number of its verb: "___ are sets of …"
    // answers "What are APIs?".
    let plural = match blank_subject_number(option) {
        Some(plural) => plural,
        None if option.split_whitespace().count() <= SHORT_NAME_WORDS => is_plural(option),
        None => return Vec::new(),
    };
    vec![number_name(plural).to_owned()]
}

fn number_name(plural: bool) -> &'static str {
    if plural { "plural" } else { "singular" }
}

/// Shape: an enumeration (two commas, or "X, Y and Z"), or a how-to ("Use …" for "How do
/// you …?").
fn shape(_stem: &str, option: &str) -> Vec<String> {
    let mut features = flag(is_list_shaped(option), "a list");
    features.extend(flag(opens_imperative(option), "a how-to"));
    features
}

/// Ellipsis: cut short with "…".
fn ellipsis(_stem: &str, option: &str) -> Vec<String> {
    flag(trails_off(option), "yes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(cue: Cue, stem: &str, right: &str, distractors: [&str; 3]) -> bool {
        lone_feature(cue, stem, right, &distractors).is_none()
    }

    fn length_verdict(_stem: &str, right: &str, distractors: [&str; 3]) -> bool {
        length(right, &distractors).is_ok()
    }

    #[test]
    fn options_saying_the_same_are_a_pair() {
        let options = |texts: [&str; 4]| texts.map(str::to_owned).to_vec();
        // Project Directory and settings.py in the project-structure answer.
        let same = options([
            "Command-line utility for administrative tasks",
            "Contains global settings and configuration",
            "Modular components containing specific functionality",
            "Project configuration and settings",
        ]);
        assert_eq!(
            same_sense_pair(&same),
            Some((
                "Contains global settings and configuration",
                "Project configuration and settings"
            ))
        );
        // "Uses" says nothing; "parameters" alone is one shared word.
        let apart = options([
            "Uses page numbers",
            "Uses limit and offset parameters",
            "Uses cursor-based pagination",
            "Query parameters: /api/users?version=1",
        ]);
        assert_eq!(
            same_sense_pair(&apart),
            None,
            "one shared word is not the same sense"
        );
    }

    #[test]
    fn valence_rule() {
        // The reader's case: the only option not named as a problem wins.
        assert!(!verdict(
            valence_class,
            "Which of these is an advantage of ORM?",
            "SQL Injection Prevention",
            [
                "Complex Query Limitations",
                "Database Feature Limitations",
                "Performance Overhead"
            ]
        ));
        assert!(verdict(
            valence_class,
            "In ORM's advantages, what does “Database Independence” mean?",
            "Switch between databases easily",
            [
                "Less boilerplate code, rapid implementation",
                "Compile-time error checking and validation",
                "Shared data access logic across applications"
            ]
        ));
    }

    #[test]
    fn digits_rule() {
        assert!(!verdict(
            digits,
            "In the answer to “Explain HTTP status codes”, which describes 4xx?",
            "Client errors (400 Bad Request, 401 Unauthorized)",
            [
                "Informational responses",
                "Redirection (301 Moved Permanently)",
                "Success (200 OK, 201 Created)"
            ]
        ));
        assert!(verdict(
            digits,
            "What is PEP 8?",
            "Style Guide for Python Code",
            [
                "Type Hints",
                "Docstring Conventions",
                "Build System Requirements"
            ]
        ));
    }

    #[test]
    fn echo_rule_sees_roots() {
        assert!(!verdict(
            echo,
            "“Harder to debug generated SQL queries” describes which ORM disadvantage?",
            "Debugging Difficulty",
            ["Memory Usage", "Magic Behavior", "Vendor Lock-in"]
        ));
        assert!(!verdict(
            echo,
            "What is containerization and its benefits for microservices?",
            "Packages applications into lightweight, portable containers",
            [
                "Track requests across services",
                "Aggregate logs from all services",
                "Monitor performance and health"
            ]
        ));
        assert!(!verdict(
            name_echo,
            "What contains view functions and classes that handle HTTP requests?",
            "views.py",
            ["admin.py", "manage.py", "settings.py"]
        ));
        assert!(verdict(
            echo,
            "What controls the rate of requests users can make?",
            "DRF throttling",
            ["DRF pagination", "DRF serializers", "DRF ViewSets"]
        ));
    }

    #[test]
    fn acronym_rule_both_ways() {
        assert!(!verdict(
            acronym,
            "“Work with familiar OOP concepts instead of SQL” describes which ORM advantage?",
            "Object-Oriented Approach",
            ["Automatic Mapping", "Type Safety", "Code Reusability"]
        ));
        assert!(!verdict(
            acronym,
            "“Global Interpreter Lock limits concurrency” describes which Django disadvantage?",
            "Python GIL",
            ["Template System", "Learning Curve", "Microservices"]
        ));
        assert!(!verdict(
            acronym,
            "In Django's advantages, what does “MTV Architecture” mean?",
            "Clean separation of Model, Template, View",
            [
                "Extensive support and third-party packages",
                "Built-in user management and permissions",
                "Well-maintained and detailed docs"
            ]
        ));
        assert!(verdict(
            acronym,
            "What allows web pages to make requests to different domains?",
            "CORS",
            ["Webhooks", "API versioning", "API documentation"]
        ));
    }

    #[test]
    fn agreement_rule() {
        assert!(!verdict(
            agreement,
            "Which term matches this definition? “___ are sets of protocols, routines, and tools”",
            "APIs",
            ["Django", "PEP", "Django REST Framework"]
        ));
        assert!(verdict(
            agreement,
            "Which term matches this definition? “___ are sets of protocols, routines, and tools”",
            "APIs",
            ["Django", "Microservices", "PEP"]
        ));
    }

    #[test]
    fn agreement_sees_blank_subjects() {
        let is = "___ is a design document providing information to the Python community";
        let are = "___ are sets of protocols, routines, and tools";
        let fw = "___ is a high-level Python web framework";
        let ms = "___ is an architectural approach where applications are built";
        assert!(!verdict(agreement, "What are APIs?", are, [is, fw, ms]));
        let views = "___ are virtual tables created from the result of stored queries";
        assert!(verdict(agreement, "What are APIs?", are, [is, fw, views]));
    }

    #[test]
    fn shape_rules() {
        assert!(!verdict(
            shape,
            "What is Django and its key features?",
            "ORM, admin interface, URL routing and templates",
            [
                "Uses page numbers",
                "For anonymous users",
                "Basic view class with handlers"
            ]
        ));
        assert!(!verdict(
            shape,
            "How do you create a Django project?",
            "Use the command django-admin startproject",
            [
                "A command-line utility for tasks",
                "Project configuration and settings",
                "URL routing configuration"
            ]
        ));
        assert!(verdict(
            shape,
            "How do you implement caching in Django/DRF?",
            "Cache query results",
            [
                "Cache rendered templates",
                "Cache entire view responses",
                "Use ETags, Last-Modified headers"
            ]
        ));
        assert!(!verdict(
            ellipsis,
            "Which?",
            "Break monolithic Django applications into separate services…",
            [
                "Use DRF for APIs",
                "Create unmanaged models",
                "Test model methods"
            ]
        ));
    }

    #[test]
    fn digits_rule_by_elimination() {
        // The only option without a code is 1xx once the others show theirs.
        assert!(!verdict(
            digits,
            "In the answer to “Explain HTTP status codes”, which describes 1xx?",
            "Informational responses",
            [
                "Success (200 OK, 201 Created)",
                "Redirection (301 Moved Permanently)",
                "Client errors (400 Bad Request)"
            ]
        ));
    }

    #[test]
    fn echo_counts_words() {
        assert!(!verdict(
            echo,
            "In the answer to “What is the Django application lifecycle”, which describes Template creation?",
            "Create HTML templates",
            [
                "Write and run tests",
                "Create views in views.py",
                "Handles business logic between Model and Template"
            ]
        ));
    }

    #[test]
    fn echo_hears_compounds() {
        assert!(!verdict(
            echo,
            "In the answer to “What is the Django application lifecycle”, which describes Project creation?",
            "django-admin startproject",
            [
                "python manage.py startapp",
                "Create HTML templates",
                "Write and run tests"
            ]
        ));
    }

    #[test]
    fn kind_rule() {
        assert!(!verdict(
            kind,
            "Which of these belongs in the answer to “What are the advantages of DRF”?",
            "Content negotiation",
            ["UserRateThrottle", "AnonRateThrottle", "ModelSerializer"]
        ));
        assert!(!verdict(
            kind,
            "Which of these belongs in the answer to “What is PEP 8 and its key guidelines”?",
            "Line length",
            ["PEP 518", "PEP 20", "PEP 484"]
        ));
        assert!(verdict(
            kind,
            "Which of these belongs in the answer to “Explain the Django project structure”?",
            "manage.py",
            ["SECRET_KEY", "ALLOWED_HOSTS", "INSTALLED_APPS"]
        ));
    }

    #[test]
    fn length_and_blank_rules() {
        assert!(!length_verdict(
            "Which?",
            "A long and detailed explanation that is obviously the careful right answer here",
            ["Short one", "Brief text", "Tiny bit"]
        ));
        assert!(length_verdict(
            "Which?",
            "PEP",
            ["Microservices", "Django", "APIs"]
        ));
        assert!(!verdict(
            blank,
            "What is it?",
            "Django is a framework",
            ["___ is a toolkit", "___ is a pattern", "___ is a tool"]
        ));
    }
}
