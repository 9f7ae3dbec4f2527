//! A deck taken to Anki and brought back: exported with `anki_export`, imported as a file a
//! person brings. The cards, their questions and what their answers say must survive; the
//! code in them must survive exactly.
//!
//! What does not survive, by design: a table comes back as its rows with cells joined by
//! ` | ` (the importer keeps tables simple), Python's highlighting spans are dropped (the
//! code's text is kept), one-liners and definitions come back as questions, and sections are
//! named by their ids (the first Anki tag).

use prep_compile::import::Shape;
use prep_compile::markdown::to_plain_text;
use prep_compile::{compile, import_file, parse_deck};
use prep_engine::compiled::{CompiledDeck, anki_export};
use prep_engine::content::{CardKind, Deck};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const TEXT: &str = r#"# Round trip

## Definitions

### Generator
A function that **yields** values one at a time, resuming where it left off.

## Basics

### 1. What does "yield" do?
It **pauses** a generator and hands a value back; call `next()` to resume, *lazily*.

```python
def count(a, b):
    yield 1  # "one" & <two>
    return a < b and "x" != 'y'
```

- first point
- second with `code`
  1. nested
  2. *more*

### 2. Which tools compare?
| Tool | Use |
|------|-----|
| `pip` | install **packages** |
| venv | isolate |

Then a paragraph with a [link](https://example.com/x?a=1&b=2) and 2 * 3 stars, snake_case and \_\_dunder\_\_.

#### Details
1. one
2. two

```
plain block with `ticks` and a trailing space 
    indented line
```

### 3. What about `code` in a question and <tags>?
Line one
Line two

## ORM Advantages

- **Faster Development** - Less boilerplate code, `rapid` implementation
"#;

/// The deck exported to Anki, imported back: the conversion's shape and the parsed deck.
fn round_trip(source: &str, text: &str) -> (String, Deck) {
    let compiled = compile(source, text, &[]).expect("the deck compiles");
    let file = anki_export(&compiled, "Round trip");
    let (report, bytes) =
        import_file("x.txt", file.as_bytes(), "x.md", None, None).expect("the export imports");
    // Every row became a card: nothing of the file is left over.
    assert!(report.unplaced.is_empty(), "{:?}", report.unplaced);
    let back = CompiledDeck::read(&bytes).expect("the import compiles");
    let deck = parse_deck("x.md", &report.markdown).expect("the import's markdown parses");
    assert_eq!(back.deck().cards.len(), deck.cards.len());
    (report.shape, deck)
}

/// The cards an export holds: every one but guide items, whose answer is their list.
fn exported(deck: &Deck) -> Vec<&prep_engine::content::Card> {
    deck.cards
        .iter()
        .filter(|card| !matches!(card.kind, CardKind::GuideItem { .. }))
        .collect()
}

/// The text of each code block in some markdown, exactly.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => current = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            Event::Text(text) => {
                if let Some(code) = &mut current {
                    code.push_str(&text);
                }
            }
            _ => {}
        }
    }
    blocks
}

/// An answer's visible text with the table cell separators the import adds left out.
fn visible(markdown: &str) -> String {
    to_plain_text(markdown)
        .split(' ')
        .filter(|word| *word != "|")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares every card of `original` with the card at the same place in `back`: question,
/// visible answer text, code blocks.
fn assert_same_cards(original: &Deck, back: &Deck) {
    let original = exported(original);
    assert_eq!(back.cards.len(), original.len());
    for (before, after) in original.iter().zip(&back.cards) {
        assert_eq!(after.prompt, before.prompt);
        assert_eq!(
            code_blocks(&after.answer),
            code_blocks(&before.answer),
            "{}",
            before.prompt
        );
        assert_eq!(
            visible(&after.answer),
            visible(&before.answer),
            "{}\n--- original:\n{}\n--- back:\n{}",
            before.prompt,
            before.answer,
            after.answer
        );
    }
}

#[test]
fn a_deck_comes_back_from_anki_with_the_same_cards() {
    let (shape, back) = round_trip("x.md", TEXT);
    assert_eq!(shape, Shape::Delimited.key());
    let original = parse_deck("x.md", TEXT).expect("the fixture parses");
    assert_eq!(back.cards.len(), 5);
    assert_same_cards(&original, &back);
}

#[test]
fn markup_comes_back_as_markdown() {
    let (_, back) = round_trip("x.md", TEXT);
    let answer = |at: usize| back.cards[at].answer.as_str();
    assert!(
        answer(1).contains("It **pauses** a generator"),
        "{}",
        answer(1)
    );
    assert!(answer(1).contains("call `next()` to resume, *lazily*."));
    assert!(answer(1).contains("```python\ndef count(a, b):\n"));
    assert!(answer(1).contains("- first point\n- second with `code`\n  1. nested\n  2. *more*"));
    assert!(answer(2).contains("Tool | Use\n`pip` | install **packages**\nvenv | isolate"));
    assert!(answer(2).contains("[link](https://example.com/x?a=1&b=2)"));
    assert!(
        answer(2).contains(r"2 \* 3 stars, snake_case and \_\_dunder\_\_."),
        "{}",
        answer(2)
    );
    assert!(answer(2).contains("#### Details\n\n1. one\n2. two"));
    assert_eq!(answer(3), "Line one\nLine two");
    assert_eq!(answer(4), "Less boilerplate code, `rapid` implementation");
    // The question keeps its words and marks as written: a prompt is plain text.
    assert_eq!(
        back.cards[3].prompt,
        "What about `code` in a question and <tags>?"
    );
}

#[test]
fn the_shipped_deck_comes_back_from_anki() {
    let text = include_str!("../../content/interview.md");
    let original = parse_deck("content/interview.md", text).expect("the shipped deck parses");
    let (shape, back) = round_trip("content/interview.md", text);
    assert_eq!(shape, Shape::Delimited.key());
    let prompts: Vec<&str> = exported(&original)
        .iter()
        .map(|card| card.prompt.as_str())
        .collect();
    let back_prompts: Vec<&str> = back.cards.iter().map(|card| card.prompt.as_str()).collect();
    assert_eq!(back_prompts, prompts);
    assert_same_cards(&original, &back);
}
