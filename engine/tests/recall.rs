//! Typed-recall key terms and scoring over real answers of the deck.

use prep_engine::content::{CardKind, Deck, parse_deck};
use prep_engine::recall::{KeyTerm, SuggestedGrade, key_terms, score_recall};

fn deck() -> Deck {
    parse_deck(
        "content/interview.md",
        include_str!("../../content/interview.md"),
    )
    .unwrap()
}

fn card(deck: &Deck, prompt: &str) -> usize {
    deck.cards
        .iter()
        .position(|card| card.prompt == prompt)
        .unwrap_or_else(|| panic!("no card {prompt:?}"))
}

fn labels(terms: &[KeyTerm], indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| terms[i].label.clone()).collect()
}

fn terms_of(deck: &Deck, prompt: &str) -> Vec<KeyTerm> {
    key_terms(deck, card(deck, prompt))
}

#[test]
fn pagination_types_are_found_from_plain_words() {
    let deck = deck();
    let terms = terms_of(&deck, "Explain DRF pagination and its types");
    let all: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        all,
        [
            "PageNumberPagination",
            "LimitOffsetPagination",
            "CursorPagination"
        ]
    );
    let score = score_recall(
        &terms,
        "page number pagination, limit offset and cursor pagination",
    );
    assert_eq!(score.found, [0, 1, 2]);
    assert!(score.missed.is_empty());
    assert!((score.ratio - 1.0).abs() < f32::EPSILON);
    assert_eq!(score.suggested, SuggestedGrade::Easy);

    // One typo in a long word is forgiven.
    let typo = score_recall(&terms, "PageNumberPagnation");
    assert_eq!(labels(&terms, &typo.found), ["PageNumberPagination"]);
    assert_eq!(typo.missed, [1, 2]);
    assert_eq!(typo.suggested, SuggestedGrade::Again);
    // A shared word is not the term: every type ends in "pagination".
    assert!(score_recall(&terms, "pagination").found.is_empty());
    // One typo per word of a name ("PageNmberPagnation") is still forgiven, mangling is not.
    assert_eq!(score_recall(&terms, "PageNmberPagnation").found, [0]);
    assert!(score_recall(&terms, "PageNumPaginashun").found.is_empty());
}

#[test]
fn select_and_prefetch_related_match_without_punctuation() {
    let deck = deck();
    let terms = terms_of(
        &deck,
        "Difference between Django's select_related() and prefetch_related()",
    );
    let all: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(all, ["select_related()", "prefetch_related()"]);
    let score = score_recall(
        &terms,
        "select_related uses a join, prefetch_related does separate queries",
    );
    assert_eq!(score.found, [0, 1]);
    let spaced = score_recall(&terms, "Select related and Prefetch-Related");
    assert_eq!(spaced.found, [0, 1]);
    // Half the words of a term is not the term.
    assert!(score_recall(&terms, "related objects").found.is_empty());
}

#[test]
fn circuit_breaker_states() {
    let deck = deck();
    let terms = terms_of(&deck, "What is Circuit Breaker pattern?");
    let all: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
    for state in ["Closed", "Open", "Half-Open"] {
        assert!(all.contains(&state), "{all:?}");
    }
    let score = score_recall(&terms, "closed open half open");
    let found = labels(&terms, &score.found);
    for state in ["Closed", "Open", "Half-Open"] {
        assert!(found.contains(&state.to_owned()), "{found:?}");
    }
}

#[test]
fn empty_answer_finds_nothing() {
    let deck = deck();
    let terms = terms_of(&deck, "Explain DRF pagination and its types");
    for typed in ["", "   ", "?!"] {
        let score = score_recall(&terms, typed);
        assert!(score.found.is_empty());
        assert_eq!(score.missed.len(), terms.len());
        assert_eq!(score.ratio, 0.0);
        assert_eq!(score.suggested, SuggestedGrade::Again);
    }
    let none = score_recall(&[], "anything");
    assert_eq!(none.ratio, 0.0);
    assert_eq!(none.suggested, SuggestedGrade::Again);
}

#[test]
fn grades_follow_the_ratio() {
    assert_eq!(SuggestedGrade::from_ratio(0.0), SuggestedGrade::Again);
    assert_eq!(SuggestedGrade::from_ratio(0.33), SuggestedGrade::Again);
    assert_eq!(SuggestedGrade::from_ratio(0.5), SuggestedGrade::Hard);
    assert_eq!(SuggestedGrade::from_ratio(0.75), SuggestedGrade::Good);
    assert_eq!(SuggestedGrade::from_ratio(0.9), SuggestedGrade::Easy);
    assert_eq!(SuggestedGrade::from_ratio(1.0), SuggestedGrade::Easy);

    let deck = deck();
    let terms = terms_of(&deck, "What is DRF throttling and its types?");
    let score = score_recall(&terms, "anon rate throttle and user rate throttles");
    assert_eq!(score.found, [0, 1]);
    assert_eq!(score.suggested, SuggestedGrade::Good);
}

#[test]
fn enumerations_acronyms_and_tools_become_terms() {
    let deck = deck();
    let discovery = terms_of(&deck, "What is service discovery in microservices?");
    let all: Vec<&str> = discovery.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        all,
        [
            "Consul",
            "Eureka",
            "Kubernetes DNS",
            "AWS Service Discovery"
        ]
    );
    let benefits = terms_of(&deck, "What are microservices and their benefits?");
    let all: Vec<&str> = benefits.iter().map(|t| t.label.as_str()).collect();
    assert!(
        all.contains(&"fault isolation") && all.contains(&"team autonomy"),
        "{all:?}"
    );
    // An acronym matches by its expansion too.
    let django = key_terms(&deck, card(&deck, "Django"));
    let mtv = django.iter().position(|t| t.label == "MTV").unwrap();
    let score = score_recall(&django, "it follows the model template view pattern");
    assert!(score.found.contains(&mtv));
    // Naming what was asked is not recall: DRF's own name is not a term of its definition.
    let drf = key_terms(&deck, card(&deck, "Django REST Framework (DRF)"));
    assert!(
        drf.iter().all(|t| t.label != "DRF" && t.label != "REST"),
        "{drf:?}"
    );
}

#[test]
fn one_liners_are_scored_on_their_detail() {
    let deck = deck();
    let index = deck
        .cards
        .iter()
        .position(|c| c.prompt == "Faster Development")
        .unwrap();
    let terms = key_terms(&deck, index);
    let all: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(all, ["boilerplate", "code", "rapid", "implementation"]);
    let score = score_recall(&terms, "less boilerplate, implemented rapidly");
    assert_eq!(score.found, [0, 2, 3]);
}

#[test]
fn every_card_with_an_answer_has_key_terms() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let terms = key_terms(&deck, index);
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
                // Typing every label back finds every term.
                let typed: Vec<&str> = terms.iter().map(|t| t.label.as_str()).collect();
                let score = score_recall(&terms, &typed.join(", "));
                assert!(
                    score.missed.is_empty(),
                    "{}: missed {:?}",
                    card.id,
                    score.missed
                );
            }
        }
    }
    assert!(key_terms(&deck, deck.cards.len()).is_empty());
}

#[test]
#[ignore = "prints every card's key terms, for reviewing by eye"]
fn dump_key_terms() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let terms: Vec<String> = key_terms(&deck, index)
            .iter()
            .map(|t| t.label.clone())
            .collect();
        println!("{} | {}", card.prompt, terms.join(" · "));
    }
}
