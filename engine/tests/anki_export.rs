//! The Anki export: header lines Anki reads without asking, one row per card with an answer,
//! and fields quoted by Anki's CSV rules, so a reader with those rules gets every row back
//! whole.

use prep_compile::compile_deck;
use prep_engine::compiled::{CompiledDeck, anki_export};
use prep_engine::content::CardKind;

mod common;

const TEXT: &str = r#"# Test deck

## Basics

### 1. What does "yield" do?
It pauses a generator and hands a value back.

```python
def count():
    yield 1
```

### 2. Which list?
- one
- two

## ORM Advantages

- **Fast** - Less boilerplate

## Choose ORM When:

- The schema is simple
"#;

fn compiled(text: &str) -> CompiledDeck {
    let bytes = compile_deck("x.md", text, &[]).expect("the test deck compiles");
    CompiledDeck::read(&bytes).expect("and reads back")
}

/// Rows of an Anki plain-text file after its `#` header lines, split by the rules Anki reads
/// them with: tab-separated, a field starting with `"` runs to the next lone `"`, `""` inside
/// it is one `"`.
fn rows(file: &str) -> Vec<Vec<String>> {
    let body: String = file
        .split_inclusive('\n')
        .skip_while(|line| line.starts_with('#'))
        .collect();
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            '\t' if !quoted => fields.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut fields));
            }
            _ => field.push(c),
        }
    }
    assert!(!quoted, "a quoted field is never closed");
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push(fields);
    }
    rows
}

#[test]
fn header_lines_tell_anki_how_to_read_the_file() {
    let file = anki_export(&compiled(TEXT), "Interview\tprep\nnotes");
    let header: Vec<&str> = file.lines().take(4).collect();
    assert_eq!(
        header,
        [
            "#separator:tab",
            "#html:true",
            "#deck:Interview prep notes",
            "#tags column:3",
        ]
    );
}

#[test]
fn one_row_per_card_with_an_answer() {
    let deck = compiled(TEXT);
    let file = anki_export(&deck, "Test");
    let rows = rows(&file);
    let answered = (0..deck.deck().cards.len())
        .filter(|&card| !deck.answer_html(card).trim().is_empty())
        .count();
    // Two questions and a one-liner; the guide item has no answer of its own.
    assert_eq!(answered, 3);
    assert_eq!(rows.len(), answered);
    let prompts: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        prompts,
        ["What does &quot;yield&quot; do?", "Which list?", "Fast"]
    );
    let tags: Vec<&str> = rows.iter().map(|row| row[2].as_str()).collect();
    assert_eq!(
        tags,
        [
            "basics interview-question",
            "basics interview-question",
            "orm-advantages one-liner"
        ]
    );
    for (row, card) in rows.iter().zip([0, 1, 2]) {
        assert_eq!(row[1], deck.answer_html(card));
    }
}

#[test]
fn a_field_with_a_line_break_and_a_quote_is_quoted() {
    let deck = compiled(TEXT);
    let file = anki_export(&deck, "Test");
    let answer = deck.answer_html(0);
    assert!(answer.contains('\n') && answer.contains('"'), "{answer}");
    // The code's line breaks stay as they are, inside the quotes.
    let quoted = format!("\t\"{}\"\t", answer.replace('"', "\"\""));
    assert!(file.contains(&quoted), "{file}");
    assert!(
        file.lines().any(|line| line.starts_with("    ")),
        "the code's second line starts a line of the file: {file}"
    );
    // A field with neither is left bare.
    assert!(file.contains("\nFast\tLess boilerplate\torm-advantages one-liner\n"));
}

#[test]
fn every_row_of_the_real_deck_has_three_fields() {
    let deck = common::compiled();
    let file = anki_export(deck, &deck.deck().title);
    let rows = rows(&file);
    let answered: Vec<usize> = (0..deck.deck().cards.len())
        .filter(|&card| !matches!(deck.deck().cards[card].kind, CardKind::GuideItem { .. }))
        .collect();
    assert_eq!(rows.len(), answered.len());
    assert!(rows.len() > 100, "only {} rows", rows.len());
    for (row, &card) in rows.iter().zip(&answered) {
        assert_eq!(row.len(), 3, "{row:?}");
        assert_eq!(row[1], deck.answer_html(card));
        let section = &deck.deck().sections[deck.deck().cards[card].section].id;
        assert!(row[2].starts_with(&format!("{section} ")), "{row:?}");
    }
}
