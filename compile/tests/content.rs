//! The deck parser against the real content, the original seed text, and malformed input.

use std::collections::HashSet;

use prep_compile::parse_deck;
use prep_engine::content::{Card, CardKind, ContentError, Deck, ListKind, slugify};

// The engine tests' helpers: the real deck, the seed and fixed times, shared rather than copied.
#[path = "../../engine/tests/common/mod.rs"]
mod common;
use common::{SEED, SeedLine, deck_titles, seed_lines_missing};

const DECK: &str = include_str!("../../content/interview.md");

fn deck() -> Deck {
    parse(DECK)
}

fn parse(source: &str) -> Deck {
    match parse_deck("content/interview.md", source) {
        Ok(deck) => deck,
        Err(errors) => panic!("{}", render(&errors)),
    }
}

fn parse_errors(source: &str) -> Vec<ContentError> {
    match parse_deck("bad.md", source) {
        Ok(deck) => panic!("expected errors, parsed {} cards", deck.cards.len()),
        Err(errors) => errors,
    }
}

fn render(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that some error is on `line` and its reason contains `reason`.
fn assert_error(errors: &[ContentError], line: u32, reason: &str) {
    assert!(
        errors
            .iter()
            .any(|error| error.line == line && error.reason.contains(reason)),
        "no error at line {line} containing {reason:?}; got:\n{}",
        render(errors)
    );
}

fn question(deck: &Deck, number: u32) -> &Card {
    deck.cards
        .iter()
        .find(|card| card.kind == CardKind::Question { number })
        .unwrap_or_else(|| panic!("no question {number}"))
}

// ---------------------------------------------------------------------------------------------
// The real deck.

#[test]
fn real_deck_has_the_expected_shape() {
    let deck = deck();
    assert_eq!(
        deck.title,
        "Django, DRF, Microservices & APIs: Definitions + Interview Q&A"
    );
    assert_eq!(deck.parts.len(), 3);
    assert_eq!(deck.parts[2].title, "Interview Questions");

    let sections: Vec<&str> = deck.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        [
            "Definitions",
            "ORM Advantages",
            "ORM Disadvantages",
            "Django Advantages",
            "Django Disadvantages",
            "Quick Decision Guide",
            "Django Project Structure and Files",
            "Django Framework Questions",
            "Django REST Framework Questions",
            "Testing Questions",
            "PEP Questions",
            "Microservices Questions",
            "API Design Questions",
            "Advanced Topics",
        ]
    );
    let parts: Vec<usize> = deck.sections.iter().map(|s| s.part).collect();
    assert_eq!(parts, [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);

    let numbers: Vec<u32> = deck
        .cards
        .iter()
        .filter_map(|card| match card.kind {
            CardKind::Question { number } => Some(number),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, (1..=68).collect::<Vec<_>>());

    let definitions: Vec<&str> = deck
        .cards
        .iter()
        .filter(|card| card.kind == CardKind::Definition)
        .map(|card| card.prompt.as_str())
        .collect();
    assert_eq!(
        definitions,
        [
            "Django",
            "Django REST Framework (DRF)",
            "Microservices",
            "APIs (Application Programming Interfaces)",
            "PEP (Python Enhancement Proposal)",
            "Database Views",
        ]
    );

    let lists: Vec<(&str, &str, ListKind, usize)> = deck
        .lists
        .iter()
        .enumerate()
        .map(|(index, list)| {
            let items = deck.cards_in_list(index).count();
            (list.id.as_str(), list.subject.as_str(), list.kind, items)
        })
        .collect();
    assert_eq!(
        lists,
        [
            ("orm-advantages", "ORM", ListKind::Advantages, 10),
            ("orm-disadvantages", "ORM", ListKind::Disadvantages, 10),
            ("django-advantages", "Django", ListKind::Advantages, 14),
            (
                "django-disadvantages",
                "Django",
                ListKind::Disadvantages,
                14
            ),
            ("choose-orm", "ORM", ListKind::ChooseWhen, 5),
            ("avoid-orm", "ORM", ListKind::AvoidWhen, 4),
            ("choose-django", "Django", ListKind::ChooseWhen, 5),
            ("avoid-django", "Django", ListKind::AvoidWhen, 5),
        ]
    );
    let one_liners = deck
        .cards
        .iter()
        .filter(|c| matches!(c.kind, CardKind::OneLiner { .. }))
        .count();
    let guide_items = deck
        .cards
        .iter()
        .filter(|c| matches!(c.kind, CardKind::GuideItem { .. }))
        .count();
    assert_eq!((one_liners, guide_items), (48, 19));
    assert_eq!(deck.cards.len(), 68 + 6 + 48 + 19);
}

#[test]
fn real_deck_cards_are_in_source_order_with_lines() {
    let deck = deck();
    assert!(deck.cards.windows(2).all(|w| w[0].line < w[1].line));
    let q27 = question(&deck, 27);
    assert_eq!(
        DECK.lines().nth(q27.line as usize - 1),
        Some("### 27. Difference between APIView, ViewSet, and GenericAPIView")
    );
    let first = &deck.cards[deck
        .card_index("orm-advantages-faster-development")
        .unwrap()];
    assert_eq!(first.prompt, "Faster Development");
    assert_eq!(first.answer, "Less boilerplate code, rapid implementation");
    assert_eq!(first.line, 27);
    let guide = &deck.cards[deck
        .card_index("choose-orm-rapid-development-needed")
        .unwrap()];
    assert_eq!(guide.prompt, "Rapid development needed");
    assert_eq!(guide.answer, "");
    assert_eq!(deck.lists[guide.list().unwrap()].title, "Choose ORM When:");
}

#[test]
fn real_deck_keeps_rich_answers_whole() {
    let deck = deck();
    let q27 = &question(&deck, 27).answer;
    assert_eq!(q27.matches("```python").count(), 3, "{q27}");
    assert!(q27.starts_with("**APIView**: Basic view class"));
    for needle in [
        "#### APIView",
        "#### GenericAPIView",
        "#### Quick Decision Guide",
        "| Use Case | Choose |",
        "|----------|--------|",
        "| **Standard REST API, minimal code** | ViewSet |",
        "#### URL Patterns",
        "- **ViewSet**: Automatic URL generation with routers",
        "# Router automatically generates all URLs",
        "router.register('books', BookViewSet)",
    ] {
        assert!(q27.contains(needle), "Q27 lacks {needle:?}");
    }
    assert!(q27.ends_with(
        "**Bottom Line**: APIView → full control, GenericAPIView → built-in features, \
         ViewSet → automatic everything."
    ));

    let q8 = &question(&deck, 8).answer;
    assert!(q8.contains("\n\n- Object-Relational Mapping (ORM) is a programming technique"));
    assert!(q8.ends_with("rather than writing raw SQL queries."));

    let q21 = &question(&deck, 21).answer;
    assert!(q21.contains("##### Quick Summary"));
    assert!(q21.contains("- csrf-Security measure"));
    assert!(q21.ends_with("legitimate content."));

    // Answers are trimmed of blank lines and hold no trailing `---` rule.
    assert_eq!(question(&deck, 68).answer.lines().count(), 8);
    for card in &deck.cards {
        assert_eq!(card.answer.trim_matches('\n'), card.answer, "{}", card.id);
        assert!(!card.answer.ends_with("---"), "{}", card.id);
    }
}

#[test]
fn nothing_from_the_seed_is_lost() {
    let deck = deck();
    let titles = deck_titles(&deck);
    // Markdown escapes (`\_\_init\_\_.py`, so it is not read as bold) are the seed's text.
    let in_card = |card: &Card, text: &str| {
        card.prompt.contains(text) || card.answer.replace('\\', "").contains(text)
    };
    let missing = seed_lines_missing(|line| match line {
        SeedLine::OneLiner { head, detail } => deck
            .cards
            .iter()
            .any(|card| in_card(card, head) && in_card(card, detail)),
        SeedLine::Text(text) => {
            titles.iter().any(|title| title.contains(text))
                || deck.cards.iter().any(|card| in_card(card, text))
        }
    });
    assert!(
        missing.is_empty(),
        "{} seed line(s) missing from the deck:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn the_unedited_seed_is_rejected_with_pointed_errors() {
    let errors = parse_errors(SEED);
    assert_error(&errors, 27, "must start with `- `, not `• `");
    assert_error(
        &errors,
        303,
        "duplicate section id `quick-decision-guide`: line 85",
    );
    assert_error(&errors, 305, "text outside any card");
}

// ---------------------------------------------------------------------------------------------
// Ids.

fn is_slug(id: &str) -> bool {
    !id.is_empty() && slugify(id) == id
}

#[test]
fn ids_are_unique_slugs() {
    let deck = deck();
    let mut seen = HashSet::new();
    for card in &deck.cards {
        assert!(is_slug(card.id.as_str()), "{} is not a slug", card.id);
        assert!(seen.insert(card.id.as_str()), "duplicate id {}", card.id);
        assert!(card.id.as_str().len() <= 80, "{} is long", card.id);
        if let CardKind::Question { number } = card.kind {
            assert!(card.id.as_str().len() <= 60, "{}", card.id);
            assert!(
                !card.id.as_str().starts_with(&number.to_string()),
                "{} holds its number",
                card.id
            );
        }
    }
    let sections: HashSet<&str> = deck.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections.len(), deck.sections.len());
    assert!(deck.sections.iter().all(|s| is_slug(&s.id)));
    let lists: HashSet<&str> = deck.lists.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(lists.len(), deck.lists.len());

    for id in [
        "how-do-you-create-a-django-project",
        "def-django-rest-framework-drf",
        "orm-advantages-faster-development",
        "orm-disadvantages-n-1-problem",
        "choose-orm-rapid-development-needed",
        "avoid-django-real-time-applications-needed",
        "difference-between-apiview-viewset-and-genericapiview",
        // Capped at 60 characters on a word boundary.
        "what-are-some-important-peps-every-python-developer-should",
    ] {
        assert!(deck.card_index(id).is_some(), "no card {id}");
    }
    assert_eq!(deck.section_index("quick-decision-guide"), Some(5));
    assert_eq!(deck.section_index("nope"), None);
    assert_eq!(deck.card_index("nope"), None);
}

fn ids(deck: &Deck) -> Vec<String> {
    deck.cards.iter().map(|c| c.id.to_string()).collect()
}

#[test]
fn ids_survive_answer_edits_and_renumbering() {
    let original = deck();
    let edited_source = DECK
        .replace(
            "Use the command: django-admin startproject project_name.",
            "Run `django-admin startproject mysite`.",
        )
        .replace(
            "Less boilerplate code, rapid implementation",
            "Much less code",
        )
        .replace(
            "Django is a high-level Python web framework that follows",
            "Django is a web framework following",
        )
        .replace("### 27. Difference", "### 72. Difference")
        .replace(
            "- **ViewSet**: Automatic URL generation",
            "- **ViewSet**: URLs",
        );
    assert_ne!(edited_source, DECK);
    let edited = parse(&edited_source);
    assert_eq!(ids(&original), ids(&edited));
    assert_ne!(original.cards, edited.cards);
    assert_eq!(
        edited.cards[edited
            .card_index("orm-advantages-faster-development")
            .unwrap()]
        .answer,
        "Much less code"
    );
}

#[test]
fn headings_can_pin_ids() {
    let deck = parse(
        "# Deck\n\
         ## Basics {#basics-v1}\n\
         ### 1. What changed wording? {#old-question}\n\
         An answer.\n\
         ### Term {#old-term}\n\
         A definition.\n\
         ### Choose ORM When: {#orm-yes}\n\
         - Rapid development\n\
         ## ORM Advantages {#orm-pros}\n\
         - **Fast** - Quick to write\n",
    );
    assert_eq!(deck.sections[0].id, "basics-v1");
    assert_eq!(deck.sections[0].title, "Basics");
    assert_eq!(deck.sections[1].id, "orm-pros");
    assert_eq!(deck.sections[1].title, "ORM Advantages");
    let ids = ids(&deck);
    assert_eq!(
        ids,
        [
            "old-question",
            "old-term",
            "orm-yes-rapid-development",
            "orm-pros-fast"
        ]
    );
    assert_eq!(deck.cards[0].prompt, "What changed wording?");
    assert_eq!(deck.cards[1].prompt, "Term");
    assert_eq!(deck.lists[0].title, "Choose ORM When:");
    assert_eq!(deck.lists[0].id, "orm-yes");

    let errors = parse_errors("# Deck\n## S\n### 1. Q? {#Not A Slug}\nAnswer.\n");
    assert_error(&errors, 3, "is not a valid id");
}

#[test]
fn question_ids_are_capped_on_a_word_boundary() {
    let deck = parse(
        "# D\n## S\n### 1. How would you explain the difference between optimistic and \
         pessimistic locking strategies?\nAnswer.\n",
    );
    assert_eq!(
        &deck.cards[0].id,
        "how-would-you-explain-the-difference-between-optimistic-and"
    );
}

// ---------------------------------------------------------------------------------------------
// Deck navigation helpers.

#[test]
fn deck_helpers_walk_the_hierarchy() {
    let deck = deck();
    let part_sections: Vec<usize> = deck.sections_in_part(1).map(|(i, _)| i).collect();
    assert_eq!(part_sections, [1, 2, 3, 4, 5]);
    assert_eq!(deck.sections_in_part(2).count(), 8);

    let guide = deck.section_index("quick-decision-guide").unwrap();
    let guide_lists: Vec<&str> = deck
        .lists_in_section(guide)
        .map(|(_, l)| l.id.as_str())
        .collect();
    assert_eq!(
        guide_lists,
        ["choose-orm", "avoid-orm", "choose-django", "avoid-django"]
    );
    assert_eq!(deck.cards_in_section(guide).count(), 19);

    let drf = deck
        .section_index("django-rest-framework-questions")
        .unwrap();
    let numbers: Vec<u32> = deck
        .cards_in_section(drf)
        .map(|(_, card)| match card.kind {
            CardKind::Question { number } => number,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(numbers, (23..=31).collect::<Vec<_>>());
    for (index, card) in deck.cards_in_section(drf) {
        assert_eq!(&deck.cards[index], card);
        assert_eq!(card.list(), None);
    }

    let (list, _) = deck.lists_in_section(1).next().unwrap();
    let heads: Vec<&str> = deck
        .cards_in_list(list)
        .map(|(_, c)| c.prompt.as_str())
        .take(2)
        .collect();
    assert_eq!(heads, ["Faster Development", "Database Independence"]);
    assert!(deck.cards_in_list(99).next().is_none());
}

// ---------------------------------------------------------------------------------------------
// Malformed content.

#[test]
fn error_display_is_file_line_reason() {
    let errors = parse_errors("# D\n## S\n### 1. Q?\n\n### 2. R?\nAnswer.\n");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), "bad.md:3: question 1 has no answer");
    let as_error: &dyn std::error::Error = &errors[0];
    assert!(as_error.source().is_none());
}

#[test]
fn question_without_answer() {
    let errors = parse_errors("# D\n## S\n### 1. Q?\n### 2. R?\n   \n\n---\n");
    assert_error(&errors, 3, "question 1 has no answer");
    assert_error(&errors, 4, "question 2 has no answer");
}

#[test]
fn definition_without_body() {
    let errors = parse_errors("# D\n## S\n### Term\n\n### 1. Q?\nA.\n");
    assert_error(&errors, 3, "definition `Term` has no body");
}

#[test]
fn duplicate_ids_name_both_lines() {
    let errors = parse_errors("# D\n## S\n### 1. Same?\nA.\n### 2. Same?\nB.\n");
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_error(&errors, 5, "duplicate card id `same`: line 3");

    let errors = parse_errors("# D\n## S\n### 1. Q?\nA.\n## S\n### 2. R?\nB.\n");
    assert_error(&errors, 5, "duplicate section id `s`: line 2");
}

#[test]
fn unclosed_code_block() {
    let errors = parse_errors("# D\n## S\n### 1. Q?\nAnswer:\n```python\nx = 1\n### 2. R?\nB.\n");
    assert_eq!(errors.len(), 1, "{}", render(&errors));
    assert_error(&errors, 5, "unclosed code block opened here");
    // A longer fence is not closed by a shorter one; tildes work too.
    let errors = parse_errors("# D\n## S\n### 1. Q?\n````\n```\n");
    assert_error(&errors, 4, "unclosed code block");
    let errors = parse_errors("# D\n## S\n### 1. Q?\nA\n~~~\n```\n");
    assert_error(&errors, 5, "unclosed code block");
}

#[test]
fn code_blocks_hide_headings() {
    let deck = parse(
        "# D\n## S\n### 1. Q?\n~~~python\n# a comment, not a part\n## nor a section\n~~~\n\
         ```\n### 2. nor a question\n```\n",
    );
    assert_eq!(deck.parts.len(), 1);
    assert_eq!(deck.sections.len(), 1);
    assert_eq!(deck.cards.len(), 1);
    assert!(deck.cards[0].answer.contains("# a comment, not a part"));
    assert!(deck.cards[0].answer.ends_with("### 2. nor a question\n```"));
}

#[test]
fn bad_one_liner_item() {
    let errors = parse_errors(
        "# D\n## ORM Advantages\n- **Fast** - Quick\n- Slow: not a one-liner\n- **Head**: colon\n\
         • **Bullet** - wrong marker\n",
    );
    assert_eq!(errors.len(), 3, "{}", render(&errors));
    assert_error(&errors, 4, "must read `- **Head** - detail`");
    assert_error(&errors, 5, "must read `- **Head** - detail`");
    assert_error(&errors, 6, "must start with `- `");
}

#[test]
fn lists_hold_only_items() {
    let errors = parse_errors(
        "# D\n## Q\n### Choose ORM When:\n- Fine\nA paragraph.\n### Avoid ORM When:\n",
    );
    assert_error(&errors, 5, "may only hold `- ` items");
    assert_error(&errors, 6, "list `Avoid ORM When:` has no items");
}

#[test]
fn unknown_list_title() {
    let errors = parse_errors("# D\n## S\n### Reasons to Choose ORM\n- a\n- b\n");
    assert_error(&errors, 3, "`<Subject> Advantages`");
    assert_error(&errors, 3, "`Choose <Subject> When:`");
    let errors = parse_errors("# D\n## Pros of ORM\n- **a** - b\n");
    assert_error(&errors, 2, "`Avoid <Subject> When:`");
}

#[test]
fn text_outside_any_card() {
    let errors = parse_errors(
        "Preamble.\n# D\nIntro under the part.\n\nSecond paragraph.\n## S\nIntro under the section.\n\
         ### 1. Q?\nA.\n",
    );
    assert_eq!(errors.len(), 4, "{}", render(&errors));
    for line in [1, 3, 5, 7] {
        assert_error(&errors, line, "text outside any card");
    }
    // `---` rules are not text.
    parse("# D\n---\n## S\n***\n### 1. Q?\nA.\n---\n");
}

#[test]
fn headings_must_nest() {
    let errors = parse_errors("## Orphan section\n### 1. Q?\nA.\n");
    assert_error(&errors, 1, "before any `# Part` heading");
    let errors = parse_errors("# D\n### 1. Q?\nA.\n");
    assert_error(&errors, 2, "outside any section");
    let errors = parse_errors("");
    assert_error(&errors, 1, "no `# Title` heading");
    let errors = parse_errors("# D\n## S\n");
    assert_error(&errors, 1, "no cards");
}

#[test]
fn all_errors_are_reported_in_line_order() {
    let errors = parse_errors(
        "# D\n## S\n### 1. Empty?\n### Lonely\n## ORM Advantages\n- bad\n## S\nstray\n\
         ### 2. Q?\n```\n",
    );
    let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 6, 7, 8, 10], "{}", render(&errors));
}

// ---------------------------------------------------------------------------------------------
// Robustness: no input panics, and an accepted deck is always well-formed.

fn check_well_formed(deck: &Deck) {
    let mut ids = HashSet::new();
    for card in &deck.cards {
        assert!(ids.insert(card.id.clone()), "duplicate {}", card.id);
        assert!(is_slug(card.id.as_str()));
        assert!(card.section < deck.sections.len());
        if let Some(list) = card.list() {
            assert!(list < deck.lists.len());
            assert_eq!(deck.lists[list].section, card.section);
        }
    }
    for section in &deck.sections {
        assert!(section.part < deck.parts.len());
    }
    for list in &deck.lists {
        assert!(list.section < deck.sections.len());
    }
    assert_eq!(deck.title, deck.parts[0].title);
}

fn check(source: &str) {
    match parse_deck("x.md", source) {
        Ok(deck) => check_well_formed(&deck),
        Err(errors) => {
            assert!(!errors.is_empty());
            let lines = u32::try_from(source.lines().count()).unwrap().max(1);
            assert!(
                errors.iter().all(|e| (1..=lines).contains(&e.line)),
                "{}",
                render(&errors)
            );
        }
    }
}

#[test]
fn every_prefix_of_the_real_deck_parses_or_errors() {
    let lines: Vec<&str> = DECK.lines().collect();
    for end in 0..=lines.len() {
        check(&lines[..end].join("\n"));
    }
    for (index, _) in DECK.char_indices().step_by(97) {
        check(&DECK[..index]);
    }
    check(SEED);
    check(&DECK.replace('\n', "\r\n"));
    check(&format!("\u{feff}{DECK}"));
}

#[test]
fn garbage_never_panics() {
    const PIECES: &[&str] = &[
        "#",
        "##",
        "###",
        "####",
        " ",
        "  ",
        "\t",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "1.",
        "27. ",
        "Q?",
        "- ",
        "-",
        "• ",
        "* ",
        "**",
        "**H** - d",
        "```",
        "```python",
        "~~~",
        "`",
        "---",
        "***",
        "{#",
        "}",
        "{#id}",
        "{#}",
        "Choose ",
        "Avoid ",
        " When:",
        " Advantages",
        " Disadvantages",
        "ORM",
        "é",
        "日本",
        "→",
        "<script>",
        "\\",
        "'",
        "\"",
        "|",
        "\u{feff}",
        "\0",
        "99999999999. ",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let source: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        check(&source);
    }
    for source in [
        "\n\n\n",
        "#\n##\n###",
        "# \n## \n### \n",
        "### 1.\n",
        "# a {#b}\n",
    ] {
        check(source);
    }
}
