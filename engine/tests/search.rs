//! Search relevance: queries written the way people type them (typos, half-typed words,
//! acronyms, code names, British spellings, half-remembered questions), each with the card
//! that must rank in the top three (fixtures/search-queries.json).

mod common;

use common::compiled;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    query: String,
    card: String,
    kind: String,
    #[serde(default)]
    also: Vec<String>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("fixtures/search-queries.json")).expect("queries parse")
}

/// Where the wanted card (or an equally right one) ranks for a query, from 1.
fn rank(case: &Case) -> Option<usize> {
    let deck = compiled();
    deck.search()
        .ranked(&case.query, 10)
        .iter()
        .position(|&(card, _)| {
            let id = deck.deck.cards[card].id.as_str();
            id == case.card || case.also.iter().any(|also| also == id)
        })
        .map(|at| at + 1)
}

#[test]
fn every_query_finds_its_card_in_the_top_three() {
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the relevance set has {} queries",
        cases.len()
    );
    let deck = compiled();
    let mut misses = Vec::new();
    for case in &cases {
        assert!(
            deck.deck.card_index(&case.card).is_some(),
            "no card {}",
            case.card
        );
        match rank(case) {
            Some(rank) if rank <= 3 => {}
            found => {
                let top: Vec<&str> = deck
                    .search()
                    .ranked(&case.query, 3)
                    .iter()
                    .map(|&(card, _)| deck.deck.cards[card].id.as_str())
                    .collect();
                misses.push(format!(
                    "{:?} ({}) wants {} (rank {found:?}), top 3: {top:?}",
                    case.query, case.kind, case.card
                ));
            }
        }
    }
    assert!(
        misses.is_empty(),
        "{} of {} queries miss:\n{}",
        misses.len(),
        cases.len(),
        misses.join("\n")
    );
}

/// The six searches the issue names bring the right card first, not only into the top three.
#[test]
fn the_named_searches_put_the_right_card_first() {
    for query in [
        "throtling",
        "circuit br",
        "normalisation",
        "xss",
        "n+1",
        "jwt",
    ] {
        let case = cases()
            .into_iter()
            .find(|case| case.query == query)
            .unwrap_or_else(|| panic!("{query:?} is in the relevance set"));
        assert_eq!(rank(&case), Some(1), "{query:?} wants {}", case.card);
    }
}

/// The marked pieces of a hit's title and snippet.
fn marked(query: &str) -> (Vec<String>, Vec<String>) {
    let hits = compiled().search().search(query, 1).hits;
    let hit = hits
        .first()
        .unwrap_or_else(|| panic!("{query:?} finds a card"));
    let pieces = |marked: &prep_engine::search::Marked| {
        marked
            .pieces()
            .into_iter()
            .filter(|(_, marked)| *marked)
            .map(|(text, _)| text.to_owned())
            .collect()
    };
    (pieces(&hit.title), pieces(&hit.snippet))
}

#[test]
fn results_mark_the_words_that_matched_as_the_deck_spells_them() {
    assert_eq!(marked("throtling").0, ["throttling"]);
    assert_eq!(marked("normalisation").1, ["normalization"]);
    assert_eq!(marked("n+1").0, ["N+1"]);
    assert_eq!(marked("pep 8").0, ["PEP 8"]);
    // An acronym's expansion is marked for the acronym, and the other way round.
    let (title, snippet) = marked("cross origin resource sharing");
    assert_eq!(title, ["CORS"]);
    assert_eq!(snippet, ["Cross-Origin Resource Sharing"]);
    // A half-typed name is marked whole.
    assert_eq!(marked("select_rel").0, ["select_related()"]);
}

#[test]
fn snippets_are_short_plain_lines_of_the_answer() {
    let deck = compiled();
    for query in ["throttling", "django", "orm", "cache", "jwt", "testing"] {
        for hit in deck.search().search(query, 10).hits {
            let snippet = &hit.snippet.text;
            assert!(snippet.chars().count() <= 162, "{query:?}: {snippet}");
            assert!(!snippet.contains('\n') && !snippet.contains("**") && !snippet.contains('`'));
            for mark in &hit.snippet.marks {
                assert!(
                    snippet.get(mark.clone()).is_some(),
                    "{query:?}: {mark:?} in {snippet}"
                );
            }
        }
    }
}

#[test]
fn a_search_that_finds_nothing_suggests_the_closest_words() {
    let index = compiled().search();
    assert!(index.search("paginashun", 10).hits.is_empty());
    assert_eq!(index.suggestions("paginashun", 3), ["pagination"]);
    // Words that did match are kept as typed.
    assert!(index.suggestions("throttling", 3).is_empty());
    assert!(index.search("qwzx", 10).hits.is_empty() && index.suggestions("qwzx", 3).is_empty());
    // A word two edits from a deck word with another first letter is another word, not a
    // misspelling of it (issue 27: "celery" suggested "every").
    assert!(index.search("celery", 10).hits.is_empty());
    assert!(index.suggestions("celery", 3).is_empty());
}

#[test]
fn queries_without_words_find_nothing_and_never_panic() {
    let index = compiled().search();
    for query in [
        "",
        " ",
        "the",
        "what is the",
        "???",
        "+",
        "é",
        "日本",
        "a.b.c",
        "__",
        "N+",
        "+1",
    ] {
        let _ = index.search(query, 10);
        let _ = index.suggestions(query, 3);
    }
    assert!(index.search("", 10).hits.is_empty());
    assert!(index.search("???", 10).hits.is_empty());
}

/// A question typed from its start is all function words for a while ("what is the"): those
/// then match titles that have them, rather than showing "nothing found" mid-question.
#[test]
fn a_question_typed_from_its_start_finds_titles_as_it_goes() {
    let index = compiled().search();
    for (query, first) in [
        ("what", "what "),
        ("what is", "what is "),
        ("what is the", "what is the "),
    ] {
        let found = index.search(query, 10);
        let titles: Vec<String> = found
            .hits
            .iter()
            .map(|hit| hit.title.text.to_lowercase())
            .collect();
        assert!(titles[0].starts_with(first), "{query:?} first: {titles:?}");
        assert!(
            titles.iter().all(|title| title.starts_with("what ")),
            "{query:?}: {titles:?}"
        );
    }
}

/// Whatever is typed (any characters, any length), search and suggestions never panic, marks
/// fall on character boundaries of the text they mark, and no card is listed twice.
#[test]
fn arbitrary_queries_never_panic_and_mark_whole_characters() {
    let index = compiled().search();
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789_.+-'()/?*\u{e9}\u{df}\u{130}\u{4e2d}\u{1f600}\u{301}"
        .chars()
        .collect();
    let mut rng = prep_engine::rng::Rng::new(14);
    for _ in 0..2_000 {
        let length = rng.below(24);
        let query: String = (0..length)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let found = index.search(&query, 10);
        let mut cards: Vec<usize> = found.hits.iter().map(|hit| hit.card).collect();
        cards.sort_unstable();
        cards.dedup();
        assert_eq!(
            cards.len(),
            found.hits.len(),
            "{query:?} lists a card twice"
        );
        assert!(found.total >= found.hits.len());
        for hit in &found.hits {
            for marked in [&hit.title, &hit.snippet] {
                for mark in &marked.marks {
                    assert!(
                        marked.text.get(mark.clone()).is_some(),
                        "{query:?}: {mark:?}"
                    );
                }
            }
        }
        let _ = index.suggestions(&query, 3);
    }
}
