//! Importing question files of other shapes: each fixture (short, written in the style of a
//! public repository or export format) is converted, its card count checked against a count
//! made by hand, and the result read back by the deck parser.

use prep_compile::import::{
    Converted, DecodeError, MAX_IMPORT_BYTES, Shape, convert, decode, detect,
};
use prep_compile::parse_deck;
use prep_engine::content::{CardKind, Deck};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Converts with the detected shape and checks that the parser reads as many question cards.
fn convert_fixture(name: &str, shape: Shape, cards: usize) -> (Converted, Deck) {
    let text = fixture(name);
    let detected = detect(&text);
    assert_eq!(
        detected.first().copied(),
        Some((shape, cards)),
        "{name}: {detected:?}"
    );
    let converted = convert(&text, "From file", None).expect("cards");
    assert_eq!(converted.shape, shape);
    assert_eq!(converted.cards, cards, "{name}:\n{}", converted.markdown);
    let deck = parse_deck("x.md", &converted.markdown)
        .unwrap_or_else(|errors| panic!("{errors:?}\n{}", converted.markdown));
    let questions = deck
        .cards
        .iter()
        .filter(|card| matches!(card.kind, CardKind::Question { .. }))
        .count();
    assert_eq!(questions, cards);
    assert_eq!(deck.sections.len(), converted.sections);
    (converted, deck)
}

fn answer<'d>(deck: &'d Deck, prompt: &str) -> &'d str {
    &deck
        .cards
        .iter()
        .find(|card| card.prompt == prompt)
        .unwrap_or_else(|| panic!("no card `{prompt}` in {:?}", prompts(deck)))
        .answer
}

fn prompts(deck: &Deck) -> Vec<&str> {
    deck.cards.iter().map(|card| card.prompt.as_str()).collect()
}

fn section_of<'d>(deck: &'d Deck, prompt: &str) -> &'d str {
    let card = deck
        .cards
        .iter()
        .find(|card| card.prompt == prompt)
        .expect("card");
    &deck.sections[card.section].title
}

fn section_titles(deck: &Deck) -> Vec<&str> {
    deck.sections
        .iter()
        .map(|section| section.title.as_str())
        .collect()
}

fn unplaced_lines(converted: &Converted) -> Vec<u32> {
    converted
        .unplaced
        .iter()
        .map(|unplaced| unplaced.line)
        .collect()
}

#[test]
fn sudheerj_style_list_item_headings_with_a_toc_table() {
    // Counted by hand: 3 under Core React, 2 under React Router.
    let (converted, deck) = convert_fixture("sudheerj_react.md", Shape::QuestionHeadings, 5);
    assert_eq!(deck.title, "React Interview Questions & Answers");
    assert_eq!(section_titles(&deck), ["Core React", "React Router"]);
    assert_eq!(section_of(&deck, "What is React Router?"), "React Router");
    // The intro quote and the four table lines under the contents heading.
    assert_eq!(unplaced_lines(&converted), [3, 7, 8, 9, 10]);
    assert_eq!(
        converted.unplaced[3].text,
        "| 1   | [What is React?](#what-is-react) |"
    );
    // Dedented (no indented code block), back-to-top link gone, code fence kept.
    assert_eq!(
        answer(&deck, "What is JSX?"),
        "JSX stands for JavaScript XML."
    );
    let react = &deck.cards[0];
    assert_eq!(react.id.0, "what-is-react");
    assert!(react.answer.starts_with("React is an **open-source"));
    assert!(react.answer.contains("```javascript\n// renders a heading"));
    // The same question twice: the second one gets its own id.
    assert!(
        converted
            .markdown
            .contains("### 5. What is React? {#what-is-react-2}")
    );
    assert_eq!(deck.cards[4].answer, "Asked again, with another answer.");
}

#[test]
fn devinterview_style_numbered_emoji_headings_with_answer_subheadings() {
    // Counted by hand: 4 questions, one of them (3. the GIL) has no answer.
    let (converted, deck) = convert_fixture("devinterview_python.md", Shape::QuestionHeadings, 3);
    assert_eq!(deck.title, "🖲 Top 5 Python Interview Questions");
    // No section heading: the title names the one section.
    assert_eq!(
        section_titles(&deck),
        ["🖲 Top 5 Python Interview Questions"]
    );
    // The logo's tags carry no words and go; the "find all answers" heading and the answerless
    // question are reported.
    assert_eq!(unplaced_lines(&converted), [11, 38]);
    assert_eq!(converted.unplaced[1].text, "## 🔹 3. What is the GIL?");
    let features = answer(&deck, "What are the key features of Python?");
    assert!(features.starts_with("Python is **interpreted**"));
    assert!(
        features.contains("```python\n# This comment stays in the answer\nprint(\"hello\")\n```")
    );
    assert!(!features.contains("Answer"));
    assert_eq!(
        answer(&deck, "How is memory managed in Python?"),
        "Reference counting, plus a cyclic garbage collector.\n\n#### Reference Counting\n\nEach object counts its references."
    );
    assert!(answer(&deck, "Explain list comprehensions").contains("#### Explore all 100 answers"));
}

#[test]
fn learning_zone_style_q_headings_with_details_and_back_to_top() {
    // Counted by hand: 4 `## Q.` headings, one (the event loop) without an answer.
    let (converted, deck) = convert_fixture("learning_zone_node.md", Shape::QuestionHeadings, 3);
    assert_eq!(deck.title, "Node.js Interview Questions");
    assert_eq!(
        section_titles(&deck),
        ["1. NODE.JS BASICS", "2. NODE.JS STREAMS"]
    );
    assert_eq!(
        section_of(&deck, "What is REPL in Node.js?"),
        "1. NODE.JS BASICS"
    );
    // The intro, the two contents links and the unanswered question.
    assert_eq!(unplaced_lines(&converted), [3, 9, 10, 34]);
    assert_eq!(
        answer(&deck, "What is Node.js?"),
        "Node.js is a JavaScript runtime built on Chrome's V8 engine."
    );
    assert_eq!(
        answer(&deck, "What is REPL in Node.js?"),
        "REPL stands for Read Eval Print Loop."
    );
    assert!(
        answer(&deck, "What are streams?")
            .contains("```sh\n# this is a shell comment, not a heading\nnode stream.js\n```")
    );
}

#[test]
fn details_blocks_with_the_question_in_the_summary_or_before_it() {
    // Counted by hand: three summaries that ask, one bold question answered by "Answer".
    let (converted, deck) = convert_fixture("details.md", Shape::Details, 4);
    assert_eq!(section_titles(&deck), ["Layout", "Selectors"]);
    assert_eq!(unplaced_lines(&converted), [38]);
    assert_eq!(
        answer(&deck, "What is the box model?"),
        "Every element is a box: content, padding, border and margin.\n`box-sizing: border-box` includes padding and border in the width."
    );
    assert_eq!(
        answer(&deck, "What is the difference between flex and grid?"),
        "Flexbox lays out in one dimension.\n\nGrid lays out in two."
    );
    assert!(answer(&deck, "What is specificity?").starts_with("A score that decides"));
    assert!(answer(&deck, "What is specificity?").contains("```css\n#main { color: red; }\n```"));
    assert_eq!(section_of(&deck, "What is a pseudo-element?"), "Selectors");
    assert_eq!(
        answer(&deck, "What is a pseudo-element?"),
        "A keyword that styles a part of an element, like `::before`."
    );
}

#[test]
fn bold_questions_with_answers_below_or_on_the_same_line() {
    // Counted by hand: 5 bold questions, the last (backpressure) without an answer.
    let (converted, deck) = convert_fixture("bold.md", Shape::BoldQuestions, 4);
    assert_eq!(section_titles(&deck), ["Caching", "Queues"]);
    assert_eq!(unplaced_lines(&converted), [20]);
    assert_eq!(
        answer(&deck, "What is a CDN?"),
        "A network of servers that caches content close to users."
    );
    assert_eq!(
        answer(&deck, "What is cache eviction?"),
        "Removing entries when the cache is full, e.g. LRU."
    );
    assert!(answer(&deck, "Write-through vs write-back?").contains("- Write-back:"));
    assert_eq!(
        answer(&deck, "Why use a message queue?"),
        "To decouple producers from consumers."
    );
}

#[test]
fn q_and_a_pairs_over_several_lines() {
    // Counted by hand: 4 questions, the WeakMap one without an answer.
    let (converted, deck) = convert_fixture("qa_pairs.md", Shape::QaPairs, 3);
    assert_eq!(section_titles(&deck), ["JavaScript basics"]);
    assert_eq!(unplaced_lines(&converted), [3, 20]);
    assert_eq!(
        answer(&deck, "What is `this` in an arrow function?"),
        "The `this` of the enclosing scope;\narrow functions do not bind their own."
    );
    let bubbling = answer(&deck, "What is event bubbling, and how do you stop it?");
    assert!(bubbling.starts_with("Events travel up"));
    assert!(bubbling.ends_with("```js\nevent.stopPropagation();\n```"));
}

#[test]
fn obsidian_single_line_and_multi_line_cards() {
    // Counted by hand: 3 `::`/`:::` cards and one multi-line card.
    let (converted, deck) = convert_fixture("obsidian.md", Shape::DoubleColon, 4);
    assert_eq!(deck.title, "Networking");
    assert_eq!(section_titles(&deck), ["Protocols", "Addressing"]);
    // The tag line, the stray note and the code block after it.
    assert_eq!(unplaced_lines(&converted), [3, 19, 20, 21, 22]);
    assert_eq!(answer(&deck, "Which port does HTTPS use?"), "443");
    assert_eq!(
        answer(&deck, "What are the three steps of the TCP handshake?"),
        "SYN, SYN-ACK, ACK."
    );
    assert_eq!(
        section_of(&deck, "How many bits are in an IPv6 address?"),
        "Addressing"
    );
}

#[test]
fn anki_plain_text_export_with_headers_and_tags() {
    // Counted by hand: 5 notes, one with an empty back.
    let (converted, deck) = convert_fixture("anki_export.txt", Shape::Delimited, 4);
    assert_eq!(deck.title, "From file");
    // The first tag names the section; a tag's cards are gathered under one heading.
    assert_eq!(section_titles(&deck), ["javascript", "html"]);
    assert_eq!(unplaced_lines(&converted), [9]);
    assert_eq!(
        converted.unplaced[0].text,
        "Basic\tOrphan question with no answer\t\tjavascript"
    );
    assert_eq!(
        answer(&deck, "What is a closure?"),
        "A function bundled with\nits lexical scope."
    );
    assert_eq!(section_of(&deck, "What does <!DOCTYPE> do?"), "html");
    assert_eq!(
        answer(&deck, "What is hoisting?"),
        "Declarations move to the top\nof their scope; \"let\" is not initialised."
    );
    assert!(
        converted
            .markdown
            .contains("What is a closure? {#what-is-a-closure-2}")
    );
}

#[test]
fn quizlet_exports_with_tabs_or_a_custom_separator() {
    // Counted by hand: 4 rows, the last with no definition.
    let (converted, deck) = convert_fixture("quizlet_export.txt", Shape::Delimited, 3);
    assert_eq!(unplaced_lines(&converted), [5]);
    assert_eq!(answer(&deck, "nucleus"), "holds the DNA");
    assert_eq!(section_titles(&deck), ["From file"]);

    let (converted, deck) = convert_fixture("quizlet_dash.txt", Shape::Delimited, 3);
    assert!(converted.unplaced.is_empty());
    assert_eq!(
        answer(&deck, "mitosis"),
        "cell division into two identical cells"
    );
}

#[test]
fn quoted_csv_with_newlines_and_escaped_quotes() {
    // Counted by hand: a column-name row, 3 rows, one line with a single field.
    let (converted, deck) = convert_fixture("quoted.csv", Shape::Delimited, 3);
    assert_eq!(unplaced_lines(&converted), [9]);
    assert_eq!(
        answer(&deck, "What is a race condition?"),
        "Two threads touch shared state\nand the result depends on timing."
    );
    assert_eq!(
        answer(&deck, "What is a mutex?"),
        "A lock: \"one at a time\"."
    );
    assert_eq!(
        answer(&deck, "What is a deadlock? (two parts)"),
        "Each waits for the other,\n\nforever."
    );
}

#[test]
fn a_chosen_shape_is_used_even_when_not_the_best() {
    let text = fixture("details.md");
    let bold = convert(&text, "x", Some(Shape::BoldQuestions)).expect("one bold question");
    assert_eq!(bold.shape, Shape::BoldQuestions);
    assert_eq!(bold.cards, 1);
    assert!(parse_deck("x.md", &bold.markdown).is_ok());
    let error = convert(&text, "x", Some(Shape::QaPairs)).expect_err("no Q: lines");
    assert_eq!(error.looked_for, [Shape::QaPairs]);
}

#[test]
fn questions_without_answers_are_no_cards() {
    let text = fixture("h5bp_no_answers.md");
    assert!(detect(&text).is_empty());
    let error = convert(&text, "x", None).expect_err("no answers");
    assert_eq!(error.looked_for, Shape::ALL);
    assert_eq!(error.first_lines[0], "# Front-end Job Interview Questions");
    assert_eq!(error.first_lines.len(), 5);
    let message = error.to_string();
    for shape in Shape::ALL {
        assert!(message.contains(shape.label()), "{message}");
    }
    assert!(message.contains("* What did you learn yesterday/this week?"));
}

#[test]
fn decodes_utf8_and_utf16_with_byte_order_marks() {
    let text = "# Deck\nQ: Ça va?\nA: ✓\n";
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(decode(&bom).as_deref(), Ok(text));
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(decode(&le).as_deref(), Ok(text));
    assert_eq!(decode(&be).as_deref(), Ok(text));
}

#[test]
fn refuses_binary_and_oversized_files_without_panicking() {
    assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
    assert!(matches!(
        decode(&[b'a', 0xC3, 0x28]),
        Err(DecodeError::NotText { at: 1 })
    ));
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let error = decode(&big).expect_err("too large");
    assert!(matches!(error, DecodeError::TooLarge { .. }));
    assert!(error.to_string().contains("too large"));
    assert!(DecodeError::Binary.to_string().contains("binary"));
    let mut rng = Rng(7);
    for len in 0..400 {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let _ = decode(&bytes);
    }
}

/// A small deterministic generator (xorshift), so failures repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn garbage_never_panics_and_whatever_converts_parses() {
    const PIECES: &[&str] = &[
        "# ",
        "## ",
        "### ",
        "#### ",
        "1. ",
        "Q: ",
        "A: ",
        "Question: ",
        "**",
        "?",
        "::",
        ":::",
        "\t",
        ",",
        "\"",
        "\"\"",
        "```",
        "~~~",
        "<details>",
        "</details>",
        "<summary>",
        "</summary>",
        "<br>",
        "{#",
        "}",
        "{#x}",
        "What is ",
        "X",
        "é",
        "日本",
        "🔹",
        " - ",
        "→",
        "[a](#b)",
        "back to top",
        "---",
        "#separator:tab",
        "#tags column:2",
        "#html:true",
        "\n",
        "\n",
        "\n",
        "\n\n",
        " ",
        "   ",
        "\r\n",
        "\u{feff}",
        "-",
        "*",
        "Answer",
        ">",
        "|",
        "\\",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut converted_some = 0;
    for round in 0..600 {
        let pieces = 1 + rng.next() % 80;
        let text: String = (0..pieces).map(|_| rng.pick(PIECES)).collect();
        let detected = detect(&text);
        for shape in Shape::ALL.into_iter().map(Some).chain([None]) {
            if let Ok(converted) = convert(&text, "t", shape) {
                converted_some += 1;
                let deck = parse_deck("x.md", &converted.markdown).unwrap_or_else(|errors| {
                    panic!(
                        "round {round}: {errors:?}\n--- input\n{text:?}\n--- out\n{}",
                        converted.markdown
                    )
                });
                assert_eq!(deck.cards.len(), converted.cards, "round {round}");
            }
        }
        assert_eq!(detected.is_empty(), convert(&text, "t", None).is_err());
    }
    assert!(converted_some > 100, "only {converted_some} conversions");
}
