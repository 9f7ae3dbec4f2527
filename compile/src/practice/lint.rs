//! The practice linter: the mechanical rules of item writing (`docs/practice-format.md`, "What
//! the linter refuses"), each a `file:line: reason`. It cannot tell whether a distractor is a
//! real misconception (a reader who knows the topic judges that, blind); it refuses the faults
//! a test-wise reader exploits without knowing anything: counts, overlaps, echoes, grammar and
//! length.

use std::collections::HashMap;

use super::{
    AuthoredItem, ChoiceOption, ItemBody, Practice, PracticeError, code_spans, outside_code,
};
use prep_engine::content::Deck;
use prep_engine::practice::plain;
use prep_engine::text;

/// Fewest and most options a choice may have.
pub const MIN_OPTIONS: usize = 3;
pub const MAX_OPTIONS: usize = 5;
/// The right option may not be longer than every other by more than this ratio *and*
/// [`LONGEST_SLACK`] characters: a few letters between short names tell nothing, but blind
/// readers pick an option 30% longer than the rest.
pub const LONGEST_RATIO: f32 = 1.2;
pub const LONGEST_SLACK: usize = 10;

/// Every problem in `practice` against `deck`: each item's own ([`lint_item`]), unknown card
/// ids, and stems written twice anywhere.
pub fn lint(practice: &Practice, deck: &Deck) -> Vec<PracticeError> {
    let mut errors = Vec::new();
    let mut stems: HashMap<String, (String, u32)> = HashMap::new();
    for item in &practice.items {
        let at = |line: u32, reason: String| PracticeError {
            file: item.file.clone(),
            line,
            reason,
        };
        if deck.card_index(&item.card).is_none() {
            errors.push(at(item.line, format!("unknown card id `{}`", item.card)));
        }
        for (line, reason) in lint_item(item) {
            errors.push(at(line, reason));
        }
        let key = normalised(item.body.stem());
        if !key.is_empty() {
            if let Some((file, line)) = stems.get(&key) {
                errors.push(at(
                    item.line,
                    format!("the same stem is already at {file}:{line}"),
                ));
            } else {
                stems.insert(key, (item.file.clone(), item.line));
            }
        }
    }
    for mistake in &practice.mistakes {
        let text = [&mistake.mistake.claim, &mistake.mistake.correction];
        if let Some(word) = text.iter().find_map(|t| markup_in(t)) {
            errors.push(PracticeError {
                file: mistake.file.clone(),
                line: mistake.line,
                reason: format!("no markup but `code`: found `{word}`"),
            });
        }
        if deck.card_index(&mistake.card).is_none() {
            errors.push(PracticeError {
                file: mistake.file.clone(),
                line: mistake.line,
                reason: format!("unknown card id `{}`", mistake.card),
            });
        }
    }
    errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    errors
}

/// One item's problems, each with the line it is on.
pub fn lint_item(item: &AuthoredItem) -> Vec<(u32, String)> {
    let mut problems = Vec::new();
    let mut fail = |line: u32, reason: String| problems.push((line, reason));
    if let Some(word) = markup_in(item.body.stem()) {
        fail(item.line, format!("no markup but `code`: found `{word}`"));
    }
    match &item.body {
        ItemBody::Choice { stem, options } => lint_choice(item.line, stem, options, &mut fail),
        ItemBody::TrueFalse { statement, why, .. } => {
            if let Some(word) = markup_in(why) {
                fail(item.line, format!("no markup but `code`: found `{word}`"));
            }
            if statement.trim().is_empty() {
                fail(item.line, "a true or false item needs a statement".into());
            }
            if let Some((cue, why)) = statement_cue(statement) {
                fail(
                    item.line,
                    format!(
                        "\"{cue}\" in a true-or-false statement {why}: state one plain claim and put the reason in the verdict"
                    ),
                );
            }
            if why.trim().is_empty() {
                fail(item.line, "a true or false verdict needs its correction or reason after `**True.**`/`**False.**`".into());
            }
        }
        ItemBody::FillIn {
            sentence, accepted, ..
        } => lint_fill_in(item.line, sentence, accepted, &mut fail),
    }
    problems
}

fn lint_choice(
    line: u32,
    stem: &str,
    options: &[ChoiceOption],
    fail: &mut impl FnMut(u32, String),
) {
    if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&options.len()) {
        fail(
            line,
            format!(
                "a choice needs {MIN_OPTIONS} to {MAX_OPTIONS} options, found {}",
                options.len()
            ),
        );
    }
    let right = options.iter().filter(|o| o.right).count();
    if right != 1 {
        fail(
            line,
            format!("a choice needs exactly one right option (`- [x]`), found {right}"),
        );
    }
    for option in options {
        if option.text.trim().is_empty() {
            fail(option.line, "an option without text".into());
        }
        if option.why.trim().is_empty() {
            fail(
                option.line,
                "an option without its explanation (an indented line below it)".into(),
            );
        }
        if let Some(word) = markup_in(&option.text).or_else(|| markup_in(&option.why)) {
            fail(option.line, format!("no markup but `code`: found `{word}`"));
        }
        let lower = plain(&option.text).to_lowercase();
        if [
            "all of the above",
            "none of the above",
            "both of the above",
            "all of these",
            "none of these",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase))
        {
            fail(
                option.line,
                "no \"all/none/both of the above\": every option must stand alone".into(),
            );
        }
    }
    for (i, a) in options.iter().enumerate() {
        for b in &options[i + 1..] {
            if normalised(&a.text) == normalised(&b.text) && !a.text.trim().is_empty() {
                fail(
                    b.line,
                    format!("the same option twice: \"{}\"", plain(&b.text)),
                );
            }
        }
    }
    for a in options {
        for b in options {
            if a.line != b.line
                && normalised(&a.text) != normalised(&b.text)
                && contains_words(&b.text, &a.text)
            {
                fail(
                    b.line,
                    format!(
                        "option \"{}\" contains option \"{}\": a part beside its whole gives one away",
                        plain(&b.text),
                        plain(&a.text)
                    ),
                );
            }
        }
    }
    let Some(right) = options.iter().find(|o| o.right) else {
        return;
    };
    let wrong: Vec<&ChoiceOption> = options.iter().filter(|o| !o.right).collect();
    if wrong.is_empty() {
        return;
    }
    // Echo: a content word of the stem that only the right option repeats.
    let stem_words = content_words(stem);
    let right_words = text::word_set(&plain(&right.text));
    let wrong_words: Vec<_> = wrong
        .iter()
        .map(|o| text::word_set(&plain(&o.text)))
        .collect();
    for (word, shown) in &stem_words {
        if right_words.contains(word) && !wrong_words.iter().any(|set| set.contains(word)) {
            fail(
                right.line,
                format!(
                    "\"{shown}\" from the stem appears only in the right option: echo it in a wrong one too, or reword"
                ),
            );
            break;
        }
    }
    // The mirror image: a stem word every wrong option repeats and the right one lacks makes
    // the right one the odd one out ("post_save" over `save()`, `create()`, `get_or_create()`).
    if wrong.len() >= 2 {
        for (word, shown) in &stem_words {
            if !right_words.contains(word) && wrong_words.iter().all(|set| set.contains(word)) {
                fail(
                    right.line,
                    format!(
                        "every wrong option repeats \"{shown}\" from the stem and the right one does not: the odd one out is the answer"
                    ),
                );
                break;
            }
        }
    }
    // Length: the right option the unique longest by far.
    let length = |o: &ChoiceOption| plain(&o.text).chars().count();
    let longest_wrong = wrong.iter().map(|o| length(o)).max().unwrap_or(0);
    let right_len = length(right);
    if right_len as f32 > longest_wrong as f32 * LONGEST_RATIO
        && right_len > longest_wrong + LONGEST_SLACK
    {
        fail(
            right.line,
            format!(
                "the right option is by far the longest ({right_len} characters against at most {longest_wrong}): even them out"
            ),
        );
    }
    // ...and the shortest by far: a bare answer among explained distractors.
    let shortest_wrong = wrong.iter().map(|o| length(o)).min().unwrap_or(0);
    if (right_len as f32) * LONGEST_RATIO < shortest_wrong as f32
        && right_len + LONGEST_SLACK < shortest_wrong
    {
        fail(
            right.line,
            format!(
                "the right option is by far the shortest ({right_len} characters against at least {shortest_wrong}): even them out"
            ),
        );
    }
    // Shape: every wrong option opens with the same word and the right one does not ("Each
    // service must…" three times beside "It…"): the odd one out is the answer.
    let opening = |o: &ChoiceOption| {
        plain(&o.text)
            .split_whitespace()
            .next()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default()
    };
    let first_wrong = opening(wrong[0]);
    if wrong.len() >= 2
        && !first_wrong.is_empty()
        && wrong.iter().all(|o| opening(o) == first_wrong)
        && opening(right) != first_wrong
    {
        fail(
            right.line,
            format!(
                "every wrong option opens with \"{first_wrong}\" and the right one does not: give them one shape"
            ),
        );
    }
    // Grammar: the stem's number or article fits only some options.
    if let Some(number) = stem_number(stem) {
        let numbers: Vec<Option<Number>> = options.iter().map(|o| option_number(&o.text)).collect();
        let fits = numbers.iter().filter(|n| **n == Some(number)).count();
        let misfits = numbers
            .iter()
            .filter(|n| matches!(n, Some(other) if *other != number))
            .count();
        if fits > 0 && misfits > 0 {
            fail(
                line,
                format!(
                    "the stem reads {}, which fits only some options: make every option agree, or reword the stem",
                    number.name()
                ),
            );
        }
    }
    if let Some(article) = trailing_article(stem) {
        let vowel = |o: &ChoiceOption| {
            plain(&o.text)
                .trim()
                .starts_with(|c: char| "aeiouAEIOU".contains(c))
        };
        let agree = options
            .iter()
            .filter(|o| vowel(o) == (article == "an"))
            .count();
        if agree != options.len() {
            fail(
                line,
                format!("the stem ends in \"{article}\", which fits only some options"),
            );
        }
    }
}

fn lint_fill_in(
    line: u32,
    sentence: &str,
    accepted: &[String],
    fail: &mut impl FnMut(u32, String),
) {
    let blanks = sentence.matches("___").count();
    let extra_underscores = sentence.replace("___", "").contains("__");
    if blanks != 1 || extra_underscores {
        fail(
            line,
            format!("a fill-in needs exactly one blank `___`, found {blanks}"),
        );
    }
    if accepted.is_empty() {
        fail(
            line,
            "a fill-in needs `Accept: …` with every answer a knowledgeable person would type"
                .into(),
        );
    }
    let shown = plain(&sentence.replace("___", " "));
    let shown_norms: Vec<String> = text::tokens(&shown).iter().map(|t| t.norm()).collect();
    for answer in accepted {
        let answer_norms: Vec<String> = text::tokens(&plain(answer))
            .iter()
            .filter(|t| !text::is_stopword(&t.core.to_lowercase()))
            .map(|t| t.norm())
            .collect();
        if !answer_norms.is_empty()
            && shown_norms
                .windows(answer_norms.len())
                .any(|w| w == answer_norms.as_slice())
        {
            fail(
                line,
                format!("the accepted answer \"{answer}\" already appears in the sentence"),
            );
            break;
        }
    }
}

/// Wording that gives a true-or-false statement's verdict away by its voice, as blind readers
/// found: a contrast or concession reads as the author's correction (so True), an absolute or a
/// reassuring reason as an overclaim (so False). Outside `code`, whole words, any case.
const STATEMENT_CUES: &[(&str, &str)] = &[
    (", not ", "reads as a correction"),
    ("; not ", "reads as a correction"),
    ("not by ", "reads as a correction"),
    ("rather than", "reads as a correction"),
    ("instead of", "reads as a correction"),
    ("; it is ", "reads as a correction"),
    ("; it's ", "reads as a correction"),
    ("even though", "reads as a concession"),
    ("even if", "reads as a concession"),
    ("although", "reads as a concession"),
    ("whereas", "reads as a concession"),
    (" but ", "reads as a concession"),
    ("because", "argues for itself"),
    ("since", "argues for itself"),
    (", so ", "argues for itself"),
    ("always", "is an absolute"),
    ("never", "is an absolute"),
    ("every", "is an absolute"),
    ("automatically", "is an absolute"),
    ("impossible", "is an absolute"),
    ("guaranteed", "is an absolute"),
    ("guarantees", "is an absolute"),
    ("all", "is an absolute"),
    ("cannot", "is an absolute"),
    ("can't", "is an absolute"),
    ("only", "is an absolute"),
    ("needs", "is an absolute"),
    ("must", "is an absolute"),
    ("usually", "is a hedge"),
    ("typically", "is a hedge"),
    ("generally", "is a hedge"),
    ("often", "is a hedge"),
];

/// The first [`STATEMENT_CUES`] wording in `statement`, with why it is a cue.
fn statement_cue(statement: &str) -> Option<(&'static str, &'static str)> {
    let text = format!(" {} ", outside_code(statement).to_lowercase());
    STATEMENT_CUES.iter().copied().find(|(cue, _)| {
        text.match_indices(cue).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + cue.len()..].chars().next();
            let bounded = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            (cue.starts_with([' ', ',', ';']) || bounded(before))
                && (cue.ends_with(' ') || bounded(after))
        })
    })
}

/// Grammatical number, as a stem's verb or an option's noun shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Singular,
    Plural,
}

impl Number {
    fn name(self) -> &'static str {
        match self {
            Number::Singular => "singular",
            Number::Plural => "plural",
        }
    }
}

/// The number a "which/what" stem asks for: its first `is/are`-like verb, or the verb right
/// after "which of these" ("Which of these controls …" is singular). `None` when the stem does
/// not say or says both.
fn stem_number(stem: &str) -> Option<Number> {
    let plain = plain(stem).to_lowercase();
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let asks = words
        .first()
        .is_some_and(|w| matches!(*w, "which" | "what"));
    if !asks {
        return None;
    }
    if let ["which", "of", "these" | "the" | "those", verb, ..] = words.as_slice() {
        if matches!(*verb, "is" | "was" | "does" | "has") {
            return Some(Number::Singular);
        }
        if matches!(*verb, "are" | "were" | "do" | "have") {
            return Some(Number::Plural);
        }
        if verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss") {
            return Some(Number::Singular);
        }
    }
    match words.get(1).copied() {
        Some("is" | "was" | "does" | "has") => Some(Number::Singular),
        Some("are" | "were" | "do" | "have") => Some(Number::Plural),
        _ => None,
    }
}

/// The number of an option that is a short noun phrase (up to four words, no verb-like
/// connective); `None` for sentences and for names whose number English does not show.
fn option_number(option: &str) -> Option<Number> {
    let plain = plain(option);
    let tokens = text::tokens(&plain);
    if tokens.is_empty() || tokens.len() > 4 {
        return None;
    }
    if tokens.iter().any(|t| {
        matches!(
            t.core.to_lowercase().as_str(),
            "is" | "are" | "it" | "they" | "was" | "were" | "be" | "and" | "or" | "with" | "to"
        )
    }) {
        return None;
    }
    let last = tokens.last()?;
    if last.is_code() || last.is_number() || last.is_acronym() || last.letters() < 4 {
        return Some(Number::Singular);
    }
    let lower = last.core.to_lowercase();
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        Some(Number::Plural)
    } else {
        Some(Number::Singular)
    }
}

/// "a" or "an" when the stem ends with one (a sentence to be completed by the option).
fn trailing_article(stem: &str) -> Option<&'static str> {
    let last = plain(stem)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(char::is_whitespace)
        .next()?
        .to_lowercase();
    match last.as_str() {
        "a" => Some("a"),
        "an" => Some("an"),
        _ => None,
    }
}

/// The stem's content words as comparable forms, with how they were written: significant,
/// not generic, at least four letters (or a name or acronym).
fn content_words(stem: &str) -> Vec<(String, String)> {
    let plain = plain(stem);
    let mut words: Vec<(String, String)> = Vec::new();
    for token in text::tokens(&plain) {
        if !token.is_significant(4) || text::is_generic(token.core) {
            continue;
        }
        let mut forms = vec![token.norm()];
        if token.is_code() {
            forms.extend(
                token
                    .parts()
                    .into_iter()
                    .filter(|p| p.len() >= 4 && !text::is_stopword(p)),
            );
        }
        for form in forms {
            if !words.iter().any(|(seen, _)| *seen == form) {
                words.push((form, token.core.to_owned()));
            }
        }
    }
    words
}

/// Whether `outer`'s words contain `inner`'s as a contiguous run (case and plurals aside).
fn contains_words(outer: &str, inner: &str) -> bool {
    let norms = |text: &str| -> Vec<String> {
        text::tokens(&plain(text))
            .iter()
            .map(|t| t.norm())
            .collect()
    };
    let outer = norms(outer);
    let inner = norms(inner);
    !inner.is_empty()
        && inner.len() < outer.len()
        && outer.windows(inner.len()).any(|w| w == inner.as_slice())
}

/// Single spaces, no final period, lower case outside `code` (where case is meaning:
/// `max_retries` and `MAX_RETRIES` are different options): when two texts are "the same".
fn normalised(text: &str) -> String {
    let cased: String = code_spans(text)
        .map(|(code, piece)| {
            if code {
                piece.to_owned()
            } else {
                piece.to_lowercase()
            }
        })
        .collect();
    cased
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '?'])
        .to_owned()
}

/// Markup other than `code`: bold, italics or an HTML tag.
fn markup_in(text: &str) -> Option<&'static str> {
    let outside = outside_code(text);
    if outside.contains("**") {
        Some("**")
    } else if outside.contains('<') && outside.contains('>') && outside.contains("</") {
        Some("<tag>")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::parse_practice;

    /// The reasons the linter gives for one file of items about a card that exists.
    fn reasons(items: &str) -> Vec<String> {
        let text = format!("## card\n\n{items}");
        match parse_practice("t.md", &text) {
            Ok(practice) => practice
                .items
                .iter()
                .flat_map(lint_item)
                .map(|(_, reason)| reason)
                .collect(),
            Err(errors) => errors.into_iter().map(|e| e.reason).collect(),
        }
    }

    fn fires(items: &str, needle: &str) {
        let found = reasons(items);
        assert!(
            found.iter().any(|r| r.contains(needle)),
            "expected \"{needle}\" in {found:?}"
        );
    }

    fn passes(items: &str) {
        assert_eq!(reasons(items), Vec::<String>::new());
    }

    const GOOD: &str = "### choice
Which QuerySet method loads each book's author in the same query, with a JOIN?

- [x] `select_related()`
  It follows single-valued relations with a SQL JOIN.
- [ ] `prefetch_related()`
  It runs a second query and joins the rows in Python.
- [ ] `defer()`
  It leaves columns out of the query; it loads no relation.
- [ ] `values()`
  It returns dictionaries instead of model instances.
";

    #[test]
    fn a_good_choice_passes() {
        passes(GOOD);
    }

    #[test]
    fn option_counts_are_three_to_five() {
        fires(
            "### choice\nWhich one loads relations with a JOIN?\n\n- [x] `select_related()`\n  Yes.\n- [ ] `prefetch_related()`\n  No.\n",
            "3 to 5 options",
        );
        let six = format!("{GOOD}- [ ] `only()`\n  No.\n- [ ] `annotate()`\n  No.\n");
        fires(&six, "3 to 5 options");
    }

    #[test]
    fn exactly_one_option_is_right() {
        fires(
            &GOOD.replace("- [ ] `defer()`", "- [x] `defer()`"),
            "exactly one right",
        );
        fires(
            &GOOD.replace("- [x] `select_related()`", "- [ ] `select_related()`"),
            "exactly one right",
        );
    }

    #[test]
    fn options_and_explanations_are_required() {
        fires(
            &GOOD.replace(
                "  It leaves columns out of the query; it loads no relation.\n",
                "",
            ),
            "without its explanation",
        );
        fires(&GOOD.replace("- [ ] `values()`", "- [ ]"), "without text");
        fires("### choice\n\n- [x] a\n  b\n", "needs a stem");
    }

    #[test]
    fn duplicate_options_are_refused() {
        fires(
            &GOOD.replace("`values()`", "`defer()`."),
            "the same option twice",
        );
        // Case inside code is meaning, not a duplicate.
        passes(
            "### choice
Under PEP 8, how is a module-level constant holding a retry limit named?

- [x] `MAX_RETRIES`
  Constants are capitals with underscores.
- [ ] `max_retries`
  That is for functions and variables.
- [ ] `MaxRetries`
  That is for classes.
",
        );
    }

    #[test]
    fn an_option_containing_another_is_refused() {
        fires(
            "### choice
Which part of a DRF project decides who may call an endpoint?

- [x] Permissions
  They run after authentication.
- [ ] DRF
  The whole framework.
- [ ] DRF throttling
  Rate limits.
",
            "contains option",
        );
    }

    #[test]
    fn the_stems_number_must_fit_every_option() {
        fires(
            "### choice
Which of these controls how many requests a client may send?

- [x] Throttling
  It limits request rates.
- [ ] Serializers
  They convert data.
- [ ] Permissions
  They decide access.
",
            "stem reads singular",
        );
        fires(
            "### choice
A view that only lists records is best written as an

- [x] `ListAPIView`
  It lists.
- [ ] `APIView` subclass
  Too bare.
- [ ] `ViewSet`
  More than needed.
",
            "ends in \"an\"",
        );
        passes(
            "### choice
Which of these is a class that slows a client down?

- [x] `AnonRateThrottle`
  It is.
- [ ] `IsAuthenticated`
  A permission class.
- [ ] `TokenAuthentication`
  An authentication class.
",
        );
    }

    #[test]
    fn a_stem_word_echoed_only_by_the_right_option_is_refused() {
        fires(
            "### choice
Which setting lists the hosts a Django site may serve?

- [x] `ALLOWED_HOSTS`
  It lists them.
- [ ] `INSTALLED_APPS`
  Apps.
- [ ] `MIDDLEWARE`
  Hooks.
",
            "appears only in the right option",
        );
        passes(
            "### choice
Which setting lists the hosts a Django site may serve?

- [x] `ALLOWED_HOSTS`
  It lists them.
- [ ] `INTERNAL_HOSTS`
  Not a Django setting; `INTERNAL_IPS` is.
- [ ] `CSRF_TRUSTED_ORIGINS`
  Origins trusted for unsafe requests.
",
        );
    }

    #[test]
    fn the_right_option_may_not_be_the_only_one_without_a_stem_word() {
        fires(
            "### choice
Which write leaves a `post_save` receiver unaware of the change?

- [x] `Product.objects.filter(pk=1).update(price=10)`
  `update()` is one SQL UPDATE; no signal is sent.
- [ ] `product.save()`
  `save()` sends `post_save`.
- [ ] `Product(name=\"Mug\").save()`
  A new instance's `save()` sends it too.
- [ ] `product.save_base(raw=True)`
  `save_base()` is where `save()` sends the signals.
",
            "odd one out",
        );
    }

    #[test]
    fn the_right_option_may_not_be_shortest_by_far_or_shaped_apart() {
        fires(
            "### choice
What happens to calls while the breaker is open?

- [x] They fail at once
  Right.
- [ ] They are queued and sent in order once the service recovers
  No.
- [ ] They are retried three times with exponential backoff
  No.
",
            "by far the shortest",
        );
        fires(
            "### choice
What does choreography cost?

- [x] The end-to-end flow is hard to trace across services
  Right.
- [ ] Each service must know every other service's address
  No.
- [ ] Each event must carry the whole order history with it
  No.
",
            "opens with \"each\"",
        );
    }

    #[test]
    fn the_right_option_may_not_be_longest_by_far() {
        fires(
            "### choice
What does `prefetch_related()` do?

- [x] Runs one extra query per relation and joins the results in Python, so it works for many-to-many
  Right.
- [ ] Adds a JOIN
  No.
- [ ] Caches pages
  No.
",
            "by far the longest",
        );
    }

    #[test]
    fn all_or_none_of_the_above_is_refused() {
        fires(
            &GOOD.replace("`values()`", "None of the above"),
            "all/none/both",
        );
        fires(
            &GOOD.replace("`values()`", "All of the above"),
            "all/none/both",
        );
    }

    #[test]
    fn true_or_false_needs_a_verdict_and_a_reason() {
        passes(
            "### true or false\n`prefetch_related` joins in SQL.\n\n**False.** It joins in Python.\n",
        );
        fires(
            "### true or false\n`prefetch_related` joins in SQL.\n",
            "needs its verdict",
        );
        fires(
            "### true or false\n`prefetch_related` joins in SQL.\n\n**False.**\n",
            "correction or reason",
        );
    }

    #[test]
    fn a_statement_whose_voice_gives_it_away_is_refused() {
        fires(
            "### true or false\nEvents are the record; it is not a log of state.\n\n**True.** Yes.\n",
            "reads as a correction",
        );
        fires(
            "### true or false\n`migrate` reads the migration table, not the schema.\n\n**True.** Yes.\n",
            "reads as a correction",
        );
        fires(
            "### true or false\nIt runs even though the view failed.\n\n**True.** Yes.\n",
            "reads as a concession",
        );
        fires(
            "### true or false\nEvery signed cookie breaks when the key changes.\n\n**True.** Yes.\n",
            "is an absolute",
        );
        fires(
            "### true or false\nPut all models in one app.\n\n**False.** No.\n",
            "is an absolute",
        );
        fires(
            "### true or false\nOne instance serves each request, so state is safe.\n\n**False.** No.\n",
            "argues for itself",
        );
        // Blind reads 11 and 12: "only", "needs" read as False; "usually" as True.
        fires(
            "### true or false\nA `DELETE` is idempotent only if it answers the same way.\n\n**False.** No.\n",
            "is an absolute",
        );
        fires(
            "### true or false\nCQRS needs event sourcing.\n\n**False.** No.\n",
            "is an absolute",
        );
        fires(
            "### true or false\nThree hops usually take longer than one.\n\n**True.** Yes.\n",
            "is a hedge",
        );
        passes(
            "### true or false\n`migrate` decides what to run from the `django_migrations` table.\n\n**True.** It compares files with rows there.\n",
        );
        // In code, and inside other words ("however", "nevertheless"), the words are no cue.
        passes(
            "### true or false\nA `never_cache` view sets `Cache-Control: max-age=0`.\n\n**True.** And no-store.\n",
        );
    }

    #[test]
    fn fill_in_needs_one_blank_accepted_answers_and_no_giveaway() {
        passes(
            "### fill-in\nTo load a ForeignKey with a JOIN, call `___`.\n\nAccept: select_related | select related\n",
        );
        fires(
            "### fill-in\nTo load a ForeignKey with a JOIN, call it.\n\nAccept: select_related\n",
            "exactly one blank",
        );
        fires(
            "### fill-in\nCall `___` or `___`.\n\nAccept: select_related\n",
            "exactly one blank",
        );
        fires(
            "### fill-in\nTo load a ForeignKey with a JOIN, call `___`.\n",
            "needs `Accept:",
        );
        fires(
            "### fill-in\nThe `select_related` method, `___`, joins in SQL.\n\nAccept: select_related\n",
            "already appears in the sentence",
        );
    }

    #[test]
    fn unknown_cards_and_repeated_stems_are_refused() {
        let deck = crate::parse_deck(
            "d.md",
            "# Part\n\n## Section\n\n### 1. What is a card?\nAn answer.\n",
        )
        .expect("parses");
        let id = deck.cards[0].id.as_str().to_owned();
        let one = format!("## {id}\n\n{GOOD}\n## no-such-card\n\n{GOOD}");
        let practice = parse_practice("p.md", &one).expect("parses");
        let reasons: Vec<String> = lint(&practice, &deck)
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("p.md:17: unknown card id `no-such-card`")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("p.md:17: the same stem is already at p.md:3")),
            "{reasons:?}"
        );
        let alone = format!("## {id}\n\n{GOOD}");
        assert!(lint(&parse_practice("p.md", &alone).expect("parses"), &deck).is_empty());
    }

    #[test]
    fn a_card_heading_twice_and_unknown_kinds_are_refused() {
        let errors = parse_practice("p.md", "## a\n\n### poem\nx\n\n## a\n").unwrap_err();
        let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("p.md:3: unknown item kind `poem`")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("p.md:6: card `a` has a second heading")),
            "{reasons:?}"
        );
    }

    #[test]
    fn arbitrary_text_never_panics_the_reader() {
        for text in [
            "",
            "###",
            "## \n### choice\n- [x]",
            "## a\n### fill-in\nAccept:",
            "\u{0}\u{ffff}## é\n### mistake\nIn fact:",
        ] {
            let _ = parse_practice("p.md", text);
        }
    }
}
