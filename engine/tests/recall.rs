//! Typed recall over real answers of the deck: key terms, the model answer as a checklist,
//! hints, and the grade pre-selected from the learner's ticks.

use prep_engine::content::{CardKind, Deck};
use prep_engine::recall::{
    Hint, KeyPoint, KeyTerm, RecallCheck, SelfGrade, check_recall, key_points, key_terms,
    preselected_grade, ticked_share,
};

mod common;
use common::{card_by_prompt as card, deck};

fn terms_of(deck: &Deck, prompt: &str) -> Vec<KeyTerm> {
    key_terms(deck, card(deck, prompt))
}

fn term_labels(terms: &[KeyTerm]) -> Vec<&str> {
    terms.iter().map(|t| t.label.as_str()).collect()
}

/// The card's points and the check of `typed` against them.
fn checked(deck: &Deck, prompt: &str, typed: &str) -> (Vec<KeyPoint>, RecallCheck) {
    let points = key_points(deck, card(deck, prompt));
    let check = check_recall(&points, prompt, typed);
    (points, check)
}

/// Labels of the points the check hints as mentioned (with or without a negation).
fn mentioned<'a>(points: &'a [KeyPoint], check: &RecallCheck) -> Vec<&'a str> {
    points
        .iter()
        .zip(&check.hints)
        .filter(|(_, hint)| hint.is_mentioned())
        .map(|(point, _)| point.label.as_str())
        .collect()
}

/// Labels of the points whose hint `flag` reads a word from, with that word.
fn flagged<'a>(
    points: &'a [KeyPoint],
    check: &RecallCheck,
    flag: fn(&Hint) -> Option<&String>,
) -> Vec<(&'a str, String)> {
    points
        .iter()
        .zip(&check.hints)
        .filter_map(|(point, hint)| Some((point.label.as_str(), flag(hint)?.clone())))
        .collect()
}

/// Labels of the points flagged with a negation, and the word flagged.
fn negated<'a>(points: &'a [KeyPoint], check: &RecallCheck) -> Vec<(&'a str, String)> {
    flagged(points, check, |hint| match hint {
        Hint::MentionedNearNegation { word } => Some(word),
        _ => None,
    })
}

/// The ticks of a learner who trusts every hint: each point that seems covered, ticked.
fn ticks_from_hints(check: &RecallCheck) -> Vec<bool> {
    check.hints.iter().map(Hint::is_mentioned).collect()
}

// Key terms: the things a good answer names.

#[test]
fn pagination_types_are_its_terms() {
    let deck = deck();
    let terms = terms_of(deck, "Explain DRF pagination and its types");
    assert_eq!(
        term_labels(&terms),
        [
            "PageNumberPagination",
            "LimitOffsetPagination",
            "CursorPagination"
        ]
    );
}

#[test]
fn select_and_prefetch_related_are_terms() {
    let deck = deck();
    let terms = terms_of(
        deck,
        "Difference between Django's select_related() and prefetch_related()",
    );
    assert_eq!(
        term_labels(&terms),
        ["select_related()", "prefetch_related()"]
    );
}

#[test]
fn circuit_breaker_states_are_terms() {
    let deck = deck();
    let terms = terms_of(deck, "What is Circuit Breaker pattern?");
    let all = term_labels(&terms);
    for state in ["Closed", "Open", "Half-Open"] {
        assert!(all.contains(&state), "{all:?}");
    }
}

#[test]
fn enumerations_acronyms_and_tools_become_terms() {
    let deck = deck();
    let discovery = terms_of(deck, "What is service discovery in microservices?");
    assert_eq!(
        term_labels(&discovery),
        [
            "Consul",
            "Eureka",
            "Kubernetes DNS",
            "AWS Service Discovery"
        ]
    );
    let benefits = terms_of(deck, "What are microservices and their benefits?");
    let all = term_labels(&benefits);
    assert!(
        all.contains(&"fault isolation") && all.contains(&"team autonomy"),
        "{all:?}"
    );
    // Naming what was asked is not recall: DRF's own name is not a term of its definition.
    let drf = terms_of(deck, "Django REST Framework (DRF)");
    assert!(
        drf.iter().all(|t| t.label != "DRF" && t.label != "REST"),
        "{drf:?}"
    );
}

#[test]
fn one_liners_terms_are_their_detail_words() {
    let deck = deck();
    let terms = terms_of(deck, "Faster Development");
    assert_eq!(
        term_labels(&terms),
        ["boilerplate", "code", "rapid", "implementation"]
    );
}

#[test]
fn every_card_with_an_answer_has_key_terms() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let terms = key_terms(deck, index);
        match card.kind {
            // Guide items have no answer: they are drilled by classification, not recall.
            CardKind::GuideItem { .. } => assert!(terms.is_empty(), "{}", card.id),
            _ => {
                assert!(!terms.is_empty(), "{} has no key terms", card.id);
                for term in &terms {
                    assert!(!term.label.trim().is_empty());
                    assert!(term.alternatives.iter().all(|a| !a.is_empty()));
                }
                // Distinct labels, case-insensitively.
                let mut seen: Vec<String> = terms.iter().map(|t| t.label.to_lowercase()).collect();
                seen.sort();
                seen.dedup();
                assert_eq!(seen.len(), terms.len(), "{}: {terms:?}", card.id);
            }
        }
    }
    assert!(key_terms(deck, deck.cards.len()).is_empty());
}

// The checklist: the model answer's key points.

#[test]
fn labelled_answers_give_one_point_per_label() {
    let deck = deck();
    let points = key_points(deck, card(deck, "Explain DRF pagination and its types"));
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    // The lead sentence says what pagination is; then the three types.
    assert_eq!(
        labels[1..],
        [
            "PageNumberPagination",
            "LimitOffsetPagination",
            "CursorPagination"
        ]
    );
    assert!(
        labels[0].starts_with("Pagination divides large datasets"),
        "{labels:?}"
    );
    assert_eq!(points[1].text, "PageNumberPagination: Uses page numbers");
}

#[test]
fn prose_answers_give_terms_with_their_sentence_and_sentences_of_their_own() {
    let deck = deck();
    let points = key_points(deck, card(deck, "What is Circuit Breaker pattern?"));
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    assert!(
        labels[0].starts_with("Circuit breaker prevents cascading failures"),
        "{labels:?}"
    );
    assert_eq!(labels[1..], ["Closed", "Open", "Half-Open"]);
    assert_eq!(
        points[1].text,
        "It has three states: Closed, Open, and Half-Open"
    );
    // The question's own words do not hint: "circuit" and "breaker" are not among the first
    // point's words.
    let words: Vec<&str> = points[0].words.iter().map(|t| t.label.as_str()).collect();
    assert!(
        !words.iter().any(|w| w.eq_ignore_ascii_case("circuit")),
        "{words:?}"
    );
}

#[test]
fn one_liners_are_one_point_and_guide_items_none() {
    let deck = deck();
    let points = key_points(deck, card(deck, "ORM Performance"));
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].text, "Django ORM adds performance overhead");
    for (index, card) in deck.cards.iter().enumerate() {
        if matches!(card.kind, CardKind::GuideItem { .. }) {
            assert!(key_points(deck, index).is_empty(), "{}", card.id);
        }
    }
    assert!(key_points(deck, deck.cards.len()).is_empty());
}

#[test]
fn question_words_never_hint() {
    let deck = deck();
    // "throttling" is the question's word: it hints no type of throttle.
    let (points, check) = checked(deck, "What is DRF throttling and its types?", "throttling");
    assert_eq!(mentioned(&points, &check), Vec::<&str>::new());
    // The types themselves do.
    let (points, check) = checked(
        deck,
        "What is DRF throttling and its types?",
        "anon rate throttle and user rate throttles",
    );
    let hinted = mentioned(&points, &check);
    assert!(
        hinted.contains(&"AnonRateThrottle") && hinted.contains(&"UserRateThrottle"),
        "{hinted:?}"
    );
    assert!(!hinted.contains(&"ScopedRateThrottle"));
    // Names the question asks about hint by what the answer says of them instead:
    // "select_related()" is the question's word, "join" is not.
    let (points, check) = checked(
        deck,
        "Difference between Django's select_related() and prefetch_related()",
        "select_related() and prefetch_related()",
    );
    assert!(mentioned(&points, &check).is_empty());
}

#[test]
fn matching_forgives_typos_spacing_and_punctuation() {
    let deck = deck();
    let prompt = "Explain DRF pagination and its types";
    let hinted = |typed: &str| {
        let (points, check) = checked(deck, prompt, typed);
        mentioned(&points, &check)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        hinted("page number pagination, limit offset and cursor pagination"),
        [
            "PageNumberPagination",
            "LimitOffsetPagination",
            "CursorPagination"
        ]
    );
    // One typo per word of a name is forgiven, mangling is not.
    assert_eq!(hinted("PageNumberPagnation"), ["PageNumberPagination"]);
    assert_eq!(hinted("PageNmberPagnation"), ["PageNumberPagination"]);
    assert!(hinted("PageNumPaginashun").is_empty());
    // A shared word is not the term: every type ends in "pagination".
    assert!(hinted("pagination").is_empty());

    let prompt = "What is settings.py and its key components?";
    let (points, check) = checked(deck, prompt, "Allowed hosts, installed-apps and secret key");
    assert_eq!(
        mentioned(&points, &check),
        ["ALLOWED_HOSTS", "INSTALLED_APPS", "SECRET_KEY"]
    );
    // Half the words of a term is not the term.
    let (points, check) = checked(deck, prompt, "hosts and apps");
    assert!(mentioned(&points, &check).is_empty());

    // An acronym matches by its expansion too.
    let (points, check) = checked(deck, "Django", "it follows the model template view pattern");
    assert!(mentioned(&points, &check).contains(&"MTV"));
}

#[test]
fn every_point_is_hinted_by_its_own_text() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let points = key_points(deck, index);
        if matches!(card.kind, CardKind::GuideItem { .. }) {
            continue;
        }
        assert!(!points.is_empty(), "{} has no key points", card.id);
        for point in &points {
            assert!(!point.label.trim().is_empty(), "{}", card.id);
            assert!(!point.text.trim().is_empty(), "{}", card.id);
            assert!(point.needs >= 1 && point.needs <= point.words.len().max(1));
            // Typing the point's text back hints it (if it has anything beyond the question).
            if !point.names.is_empty() || !point.words.is_empty() {
                let check = check_recall(std::slice::from_ref(point), &card.prompt, &point.text);
                assert_eq!(check.hints, [Hint::Mentioned], "{}: {point:?}", card.id);
            }
        }
    }
}

// Typing the question back hints nothing.

#[test]
fn typing_the_question_back_hints_nothing_on_any_card() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let points = key_points(deck, index);
        if points.is_empty() {
            continue;
        }
        let check = check_recall(&points, &card.prompt, &card.prompt);
        assert!(
            check.hints.iter().all(|h| *h == Hint::NotSeen),
            "{}: {:?}",
            card.id,
            mentioned(&points, &check)
        );
        assert!(check.echoes_question, "{}", card.id);
        assert_eq!(preselected_grade(&check, &ticks_from_hints(&check)), None);
    }
}

#[test]
fn rewording_the_question_is_noticed() {
    let deck = deck();
    for (prompt, typed) in [
        (
            "Explain DRF pagination and its types",
            "DRF pagination has types",
        ),
        (
            "What is Circuit Breaker pattern?",
            "The circuit breaker is a pattern",
        ),
        (
            "What is Test-Driven Development (TDD)?",
            "Test driven development is TDD, a development approach",
        ),
    ] {
        let (points, check) = checked(deck, prompt, typed);
        assert!(check.echoes_question, "{typed}");
        assert_eq!(mentioned(&points, &check), Vec::<&str>::new(), "{typed}");
    }
    // A real answer is not an echo, even using a question word or two.
    let (_, check) = checked(
        deck,
        "What is DRF throttling and its types?",
        "Throttling limits how many requests a client makes: AnonRateThrottle, UserRateThrottle",
    );
    assert!(!check.echoes_question);
}

// Misconceptions: wrong answers that reuse the key terms.

/// (card prompt, a wrong answer as someone who half knows the topic would write it, the point
/// whose negation must be flagged if the answer negates one).
const MISCONCEPTIONS: &[(&str, &str, Option<&str>)] = &[
    (
        "ORM Performance",
        "Django's ORM adds zero overhead compared to raw SQL",
        Some("Django ORM adds performance overhead"),
    ),
    (
        "Explain DRF pagination and its types",
        "CursorPagination uses page numbers, PageNumberPagination uses limit and offset",
        None,
    ),
    (
        "What is Circuit Breaker pattern?",
        "The circuit breaker retries failing calls forever",
        Some("Circuit breaker prevents cascading failures"),
    ),
    (
        "Difference between Django's select_related() and prefetch_related()",
        "select_related uses separate queries for many-to-many, prefetch_related uses a join",
        None,
    ),
    (
        "What is PEP 8 and its key guidelines?",
        "PEP 8 says to indent with tabs",
        None,
    ),
    (
        "How does Django handle security?",
        "CSRF protection stops scripts being injected into pages",
        None,
    ),
    (
        "Explain the Database-per-Service pattern",
        "Microservices share one database to keep data consistent",
        None,
    ),
    (
        "How do you handle authentication in microservices?",
        "JWT tokens store the session on the server",
        None,
    ),
    (
        "What is Test-Driven Development (TDD)?",
        "TDD means writing the tests after the code is done",
        None,
    ),
    (
        "Explain HTTP status codes and their categories",
        "A 4xx status code means the server failed",
        None,
    ),
    (
        "What files are created when you create a Django app?",
        "You get views.py but models.py isn't created, you add it yourself",
        Some("models.py"),
    ),
    (
        "What is Django ORM and its benefits?",
        "The ORM gives no security against SQL injection, you escape queries yourself",
        Some("security against SQL injection"),
    ),
    (
        "How does Django handle security?",
        "Django has no HTTPS enforcement and never protects against clickjacking",
        Some("HTTPS enforcement"),
    ),
    (
        "What is GraphQL and how does it compare to REST?",
        "GraphQL has no single endpoint, every type gets its own URL like REST",
        Some("single endpoint"),
    ),
    (
        "What are RESTful APIs and their principles?",
        "REST APIs are never stateless: the server keeps each client's session",
        Some("statelessness"),
    ),
];

#[test]
fn misconceptions_are_never_preselected_as_passing() {
    let deck = deck();
    for &(prompt, typed, flagged) in MISCONCEPTIONS {
        let (points, check) = checked(deck, prompt, typed);
        assert!(!check.echoes_question, "{typed}");
        // The defaults the hints would give: nothing ticked. The learner decides.
        let preselected = preselected_grade(&check, &[]);
        assert_eq!(preselected, None, "{typed}");
        // Hints never become a passing grade on their own: even ticking every hinted point
        // of a wrong answer is Good only if the learner ticks every point, which the
        // flagged or unseen ones stop.
        let trusting = preselected_grade(&check, &ticks_from_hints(&check));
        assert_ne!(trusting, Some(SelfGrade::Easy), "{typed}");
        let flags = negated(&points, &check);
        match flagged {
            Some(label) => assert!(
                flags.iter().any(|(l, _)| l.starts_with(label)),
                "{typed}: expected a negation flag on {label:?}, got {flags:?} ({:?})",
                check.hints
            ),
            None => assert!(flags.is_empty(), "{typed}: {flags:?}"),
        }
    }
}

#[test]
fn the_words_flagged_are_the_ones_typed() {
    let deck = deck();
    let (points, check) = checked(
        deck,
        "What is Circuit Breaker pattern?",
        "The circuit breaker retries failing calls forever",
    );
    assert_eq!(negated(&points, &check)[0].1, "forever");
    let (points, check) = checked(
        deck,
        "What files are created when you create a Django app?",
        "models.py isn’t created",
    );
    assert_eq!(
        negated(&points, &check),
        [("models.py", "isn’t".to_owned())]
    );
    // Negation in another clause is not near the term.
    let (points, check) = checked(
        deck,
        "What files are created when you create a Django app?",
        "It is not empty: models.py, views.py and admin.py",
    );
    assert!(negated(&points, &check).is_empty(), "{:?}", check.hints);
    // The answer's own negation is expected, not flagged.
    let (points, check) = checked(
        deck,
        "What are the advantages of microservices architecture?",
        "Fault isolation: one service failing doesn't take down the others",
    );
    assert!(negated(&points, &check).is_empty(), "{:?}", check.hints);
    assert!(mentioned(&points, &check).contains(&"Fault isolation"));
}

// Correct answers in the learner's own words.

/// (card prompt, a correct answer as a learner would put it, a point it should hint).
const PARAPHRASES: &[(&str, &str, &str)] = &[
    (
        "Explain DRF pagination and its types",
        "It splits big result sets into pages. You can page by number, by limit and offset, or with a cursor for huge tables",
        "LimitOffsetPagination",
    ),
    (
        "What is Circuit Breaker pattern?",
        "It stops calling a service that keeps failing so the failure doesn't cascade; it goes closed, then open, then half open to test again",
        "Half-Open",
    ),
    (
        "Difference between Django's select_related() and prefetch_related()",
        "select_related does a SQL join in one query for foreign keys; prefetch_related runs a second query per relation, for many to many",
        "prefetch_related()",
    ),
    (
        "ORM Performance",
        "The ORM layer costs some speed compared with hand-written SQL, Django adds overhead",
        "Django ORM adds performance overhead",
    ),
    (
        "What is PEP 8 and its key guidelines?",
        "Style guide: 4 spaces for indentation, lines up to 79 characters, snake_case names for functions and CamelCase for classes",
        "Naming conventions",
    ),
    (
        "How does Django handle security?",
        "It has CSRF tokens on forms, escapes templates against XSS, parameterised queries against SQL injection, and clickjacking protection with X-Frame-Options",
        "clickjacking protection",
    ),
    (
        "Explain the Database-per-Service pattern",
        "Every service keeps its own data store so they stay loosely coupled; you can scale them independently but queries across services get hard",
        "independent scaling",
    ),
    (
        "How do you handle authentication in microservices?",
        "Pass a signed JWT between services so nothing is stored server side, OAuth 2.0 for third parties, API keys between services, and mutual TLS with certificates",
        "Mutual TLS",
    ),
    (
        "What is Test-Driven Development (TDD)?",
        "Red, green, refactor: first write a failing test, then just enough code to pass it, then clean up. You end up with better design and fewer bugs",
        "write failing test",
    ),
    (
        "Explain HTTP status codes and their categories",
        "1xx is informational, 2xx success like 200, 3xx redirects, 4xx is the client's mistake like 404, 5xx means the server broke",
        "4xx",
    ),
    (
        "What is service discovery in microservices?",
        "Services look each other up in a registry such as Consul or Eureka instead of hardcoding addresses",
        "Consul",
    ),
    (
        "What are the advantages of microservices architecture?",
        "You scale each service on its own, teams work independently, and a crash in one service stays isolated (fault isolation)",
        "Fault isolation",
    ),
];

#[test]
fn paraphrases_are_never_preselected_again() {
    let deck = deck();
    for &(prompt, typed, hinted) in PARAPHRASES {
        let (points, check) = checked(deck, prompt, typed);
        assert!(!check.echoes_question, "{typed}");
        assert_eq!(preselected_grade(&check, &[]), None, "{typed}");
        let trusting = preselected_grade(&check, &ticks_from_hints(&check));
        assert!(
            matches!(trusting, Some(SelfGrade::Hard | SelfGrade::Good)),
            "{typed}: {trusting:?}"
        );
        let hints = mentioned(&points, &check);
        assert!(
            hints.iter().any(|l| l.starts_with(hinted)),
            "{typed}: {hints:?}"
        );
        // A correct answer raises no false alarm.
        assert!(
            negated(&points, &check).is_empty(),
            "{typed}: {:?}",
            negated(&points, &check)
        );
    }
}

// The pre-selected grade: from the learner's ticks only.

#[test]
fn preselection_follows_the_ticks_and_is_never_easy() {
    let deck = deck();
    let prompt = "Explain DRF pagination and its types";
    let (points, empty) = checked(deck, prompt, "   ");
    assert_eq!(points.len(), 4);
    assert!(!empty.typed_something);
    // Nothing typed, nothing ticked: there is no answer, Again.
    assert_eq!(preselected_grade(&empty, &[]), Some(SelfGrade::Again));
    assert_eq!(
        preselected_grade(&empty, &[false; 4]),
        Some(SelfGrade::Again)
    );
    let (_, typed) = checked(deck, prompt, "something about pages");
    // Something typed, nothing ticked: the learner decides.
    assert_eq!(preselected_grade(&typed, &[false; 4]), None);
    // Some ticked: Hard. All ticked: Good. Never Easy.
    assert_eq!(
        preselected_grade(&typed, &[true, false, true, false]),
        Some(SelfGrade::Hard)
    );
    assert_eq!(preselected_grade(&typed, &[true; 4]), Some(SelfGrade::Good));
    // Extra ticks beyond the points do not count.
    assert_eq!(
        preselected_grade(&typed, &[true, true, true, true, true]),
        Some(SelfGrade::Good)
    );
    // Even a perfect typed answer, all hinted, pre-selects nothing until the learner ticks.
    let (_, perfect) = checked(
        deck,
        prompt,
        "Pagination divides large datasets into smaller chunks: PageNumberPagination uses page numbers, LimitOffsetPagination uses limit and offset, CursorPagination uses a cursor for large datasets",
    );
    assert!(
        perfect.hints.iter().all(|h| *h == Hint::Mentioned),
        "{perfect:?}"
    );
    assert_eq!(preselected_grade(&perfect, &[]), None);

    assert_eq!(ticked_share(&[true, false, true, false], 4), 0.5);
    assert_eq!(ticked_share(&[], 0), 0.0);
    assert_eq!(ticked_share(&[true; 6], 3), 1.0);
}

#[test]
#[ignore = "prints every card's key points, for reviewing by eye"]
fn dump_key_points() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let points = key_points(deck, index);
        if points.is_empty() {
            continue;
        }
        println!("{}", card.prompt);
        for point in points {
            let names: Vec<&str> = point.names.iter().map(|t| t.label.as_str()).collect();
            let words: Vec<&str> = point.words.iter().map(|t| t.label.as_str()).collect();
            println!(
                "  [{}] {} | {} | {} | needs {} of {}",
                point.label,
                if point.text == point.label {
                    "="
                } else {
                    &point.text
                },
                names.join(" · "),
                words.join(" · "),
                point.needs,
                words.len()
            );
        }
    }
}

/// Labels of the points where the answer negates and the typed text does not, with the
/// answer's word.
fn dropped_negations<'a>(points: &'a [KeyPoint], check: &RecallCheck) -> Vec<(&'a str, String)> {
    flagged(points, check, |hint| match hint {
        Hint::MentionedWithoutNegation { word } => Some(word),
        _ => None,
    })
}

#[test]
fn dropping_the_answers_own_negation_is_flagged() {
    let deck = deck();
    // The answer: "... without hardcoding network locations". Saying the opposite is flagged.
    let (points, check) = checked(
        deck,
        "What is service discovery in microservices?",
        "Each service hardcodes the network locations of the others",
    );
    let dropped = dropped_negations(&points, &check);
    assert!(
        dropped.iter().any(|(_, word)| word == "without"),
        "{dropped:?} {:?}",
        check.hints
    );
    assert_eq!(preselected_grade(&check, &[]), None);
    // "Failure in one service doesn't affect others".
    let (points, check) = checked(
        deck,
        "What are the advantages of microservices architecture?",
        "Fault isolation: a failure in one service affects all the others",
    );
    assert!(
        dropped_negations(&points, &check)
            .iter()
            .any(|(label, word)| label.starts_with("Fault isolation") && word == "doesn't"),
        "{:?}",
        check.hints
    );
    // Keeping the negation, in other words, is not flagged.
    let (points, check) = checked(
        deck,
        "What is service discovery in microservices?",
        "Services find each other without hardcoding network locations, e.g. with Consul",
    );
    assert!(
        dropped_negations(&points, &check).is_empty(),
        "{:?}",
        check.hints
    );
}
