//! Typed recall over real answers of the deck: key terms, the model answer as a checklist,
//! and the grade pre-selected from the learner's ticks alone.

use prep_engine::content::{CardKind, Deck};
use prep_engine::recall::{KeyTerm, SelfGrade, key_points, key_terms, preselected_grade};

mod common;
use common::{card_by_prompt as card, deck};

fn terms_of(deck: &Deck, prompt: &str) -> Vec<KeyTerm> {
    key_terms(deck, card(deck, prompt))
}

fn term_labels(terms: &[KeyTerm]) -> Vec<&str> {
    terms.iter().map(|t| t.label.as_str()).collect()
}

/// The card's points and the check of `typed` against them.
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
fn dump_key_points() {
    let deck = deck();
    for (index, card) in deck.cards.iter().enumerate() {
        let points = key_points(deck, index);
        if points.is_empty() {
            continue;
        }
        println!("{}", card.prompt);
        for point in points {
            let text = if point.text == point.label {
                "="
            } else {
                &point.text
            };
            println!("  [{}] {text}", point.label);
        }
    }
}

/// Labels of the points where the answer negates and the typed text does not, with the
/// answer's word.
#[test]
fn preselection_follows_the_ticks_alone_and_is_never_easy() {
    assert_eq!(
        preselected_grade(false, &[false, false]),
        Some(SelfGrade::Again)
    );
    assert_eq!(preselected_grade(true, &[false, false]), None);
    assert_eq!(
        preselected_grade(true, &[true, false]),
        Some(SelfGrade::Hard)
    );
    assert_eq!(
        preselected_grade(true, &[true, true]),
        Some(SelfGrade::Good)
    );
    assert_eq!(
        preselected_grade(false, &[true, true]),
        Some(SelfGrade::Good)
    );
    for ticks in [[false, false], [true, false], [false, true], [true, true]] {
        assert_ne!(preselected_grade(true, &ticks), Some(SelfGrade::Easy));
    }
}
