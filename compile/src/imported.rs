//! A file a person brings, end to end: its bytes decoded, its shape detected (or chosen), its
//! cards converted to the app's own format ([`crate::import`]) and compiled like any deck, with
//! the report the page previews ([`ImportReport`]). The compile worker runs it; the tests run it
//! natively on the same fixtures.

use std::collections::BTreeMap;

use prep_engine::compiled::CompiledDeck;
use prep_engine::content::ContentError;
use prep_engine::imported::{DeckChanges, ImportReport, ShapeFound, UnplacedLine};

use crate::compile::compile;
use crate::import::{Converted, Shape, convert_detected, decode, detect};
use crate::parse::{fence_opening, parse_deck};

/// The shape key of a file already in the app's own format (what "Download Markdown" writes).
pub const APP_FORMAT: &str = "app";
const APP_FORMAT_LABEL: &str = "This app's format (# title, ## section, ### 1. question)";

/// How many cards the preview shows rendered.
const PREVIEW_CARDS: usize = 3;

/// Imports `bytes`, the file named `file` (its name is the deck's title when the text has none),
/// as the deck compiled from `source` (`<deck id>.md`: the id its progress is kept under), read
/// in `shape` (a [`Shape::key`]) or the best shape found. Errors are for the person to read.
/// With `previous` (the markdown of the deck kept under the same id), the report says what the
/// file adds, changes and removes.
pub fn import_file(
    file: &str,
    bytes: &[u8],
    source: &str,
    shape: Option<&str>,
    previous: Option<&str>,
) -> Result<(ImportReport, Vec<u8>), Vec<String>> {
    let text = decode(bytes).map_err(|error| vec![error.to_string()])?;
    let title = file
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map_or(file, |(stem, _)| stem);
    // A file in the app's own format (an export, or one written by hand) is kept as it is,
    // practice included; any other shape is converted, its practice (if any) carried over.
    let (cards_text, practice) = split_practice(&text);
    let native = parse_deck(file, cards_text)
        .ok()
        .filter(|deck| !deck.cards.is_empty() && matches!(shape, None | Some(APP_FORMAT)));
    let (converted, detected) = match &native {
        Some(deck) => (
            Converted {
                shape: Shape::QuestionHeadings,
                markdown: text.clone(),
                cards: deck.cards.len(),
                sections: deck.sections.len(),
                unplaced: Vec::new(),
            },
            detect(cards_text),
        ),
        None => {
            let (mut converted, detected) =
                convert_detected(cards_text, title, shape.and_then(Shape::from_key))
                    .map_err(|none| vec![none.to_string()])?;
            if let Some(practice) = practice {
                converted.markdown = format!("{}\n{practice}", converted.markdown);
            }
            (converted, detected)
        }
    };
    let shape_label = match native {
        Some(_) => APP_FORMAT_LABEL,
        None => converted.shape.label(),
    };
    let (deck, practice_problems) =
        compile_brought(source, &converted.markdown).map_err(|errors| {
            // The converter writes only what the parser reads: reaching this is a bug, said plainly.
            let mut said = vec![format!(
                "The file was read as {shape_label} but its cards could not be compiled:"
            )];
            said.extend(errors.iter().map(ToString::to_string));
            said
        })?;
    let changes = previous.map(|previous| compare(previous, &converted.markdown));
    let mut shapes: Vec<ShapeFound> = native
        .iter()
        .map(|deck| ShapeFound {
            key: APP_FORMAT.to_owned(),
            label: APP_FORMAT_LABEL.to_owned(),
            cards: deck.cards.len(),
        })
        .collect();
    shapes.extend(detected.into_iter().map(|(shape, cards)| ShapeFound {
        key: shape.key().to_owned(),
        label: shape.label().to_owned(),
        cards,
    }));
    let practice_items = (0..deck.deck().cards.len())
        .map(|card| deck.practice_counts(card).authored_items() as usize)
        .sum();
    let report = ImportReport {
        shape: match native {
            Some(_) => APP_FORMAT.to_owned(),
            None => converted.shape.key().to_owned(),
        },
        shapes,
        practice_items,
        practice_problems,
        title: deck.deck().title.clone(),
        cards: converted.cards,
        sections: converted.sections,
        unplaced: converted
            .unplaced
            .into_iter()
            .map(|line| UnplacedLine {
                line: line.line,
                text: line.text,
            })
            .collect(),
        changes,
        first_cards: (0..deck.deck().cards.len().min(PREVIEW_CARDS))
            .map(|card| {
                (
                    deck.deck().cards[card].prompt.clone(),
                    deck.answer_html(card).to_owned(),
                )
            })
            .collect(),
        markdown: converted.markdown,
    };
    Ok((report, deck.write()))
}

/// What `newer` adds, changes and removes against `older` (both in the app's format), card by
/// card id, in the newer (or, for removals, the older) deck's order.
pub fn compare(older: &str, newer: &str) -> DeckChanges {
    let cards = |markdown: &str| {
        parse_deck("deck.md", split_practice(markdown).0)
            .map(|deck| {
                deck.cards
                    .into_iter()
                    .map(|card| (card.id.to_string(), (card.prompt, card.answer)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let (older, newer) = (cards(older), cards(newer));
    let older_by_id: BTreeMap<&str, &(String, String)> =
        older.iter().map(|(id, card)| (id.as_str(), card)).collect();
    let newer_by_id: BTreeMap<&str, &(String, String)> =
        newer.iter().map(|(id, card)| (id.as_str(), card)).collect();
    let mut changes = DeckChanges::default();
    for (id, (prompt, answer)) in &newer {
        match older_by_id.get(id.as_str()) {
            None => changes.added.push(prompt.clone()),
            Some((_, before)) if before.trim() != answer.trim() => {
                changes.changed.push(prompt.clone())
            }
            Some(_) => {}
        }
    }
    for (id, (prompt, _)) in &older {
        if !newer_by_id.contains_key(id.as_str()) {
            changes.removed.push(prompt.clone());
        }
    }
    changes
}

/// A deck carried in a link ([`crate::share`]), imported as a file is.
pub fn import_shared(
    code: &str,
    source: &str,
    shape: Option<&str>,
) -> Result<(ImportReport, Vec<u8>), Vec<String>> {
    let bytes = crate::share::decode(code).map_err(|error| vec![error.to_string()])?;
    import_file("Shared deck", &bytes, source, shape, None)
}

/// A brought deck's markdown (its cards, then any practice in the practice syntax after a
/// `# Practice` heading) compiled. Practice the linter refuses is left out, and what it found is
/// returned (`file:line: reason`, lines of the whole file), so the cards can still be studied and
/// no item that breaks a rule reaches a learner.
pub fn compile_brought(
    source: &str,
    markdown: &str,
) -> Result<(CompiledDeck, Vec<String>), Vec<ContentError>> {
    let (cards, practice) = split_practice(markdown);
    let Some(practice) = practice else {
        return compile(source, cards, &[]).map(|deck| (deck, Vec::new()));
    };
    // Blank lines stand in for the cards above, so the linter's line numbers are the file's.
    let before = cards.lines().count();
    let padded = format!("{}{practice}", "\n".repeat(before));
    match compile(source, cards, &[(source.to_owned(), padded)]) {
        Ok(deck) => Ok((deck, Vec::new())),
        Err(problems) => {
            let deck = compile(source, cards, &[])?;
            Ok((deck, problems.iter().map(ToString::to_string).collect()))
        }
    }
}

/// `text` split where its practice starts: the first `# Practice` heading outside a code block.
pub fn split_practice(text: &str) -> (&str, Option<&str>) {
    let mut fence: Option<(char, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        match fence {
            Some((ch, len)) => {
                let rest = trimmed.trim_start();
                let run = rest.chars().take_while(|c| *c == ch).count();
                if run >= len && rest[run * ch.len_utf8()..].trim().is_empty() {
                    fence = None;
                }
            }
            None => {
                if let Some(opened) = fence_opening(trimmed) {
                    fence = Some(opened);
                } else if is_practice_heading(trimmed) {
                    return (&text[..at], Some(&text[at..]));
                }
            }
        }
        at += line.len();
    }
    (text, None)
}

fn is_practice_heading(line: &str) -> bool {
    line.strip_prefix("# ").is_some_and(|title| {
        let title = title.trim();
        title == "Practice" || title.starts_with("Practice:")
    })
}

/// A deck and its practice files as one file in the app's own format: the deck's text, then each
/// practice file under a `# Practice…` heading. What "Download Markdown" gives for the built-in
/// deck, and what [`import_file`] reads back whole, practice included.
pub fn export_markdown(text: &str, practice: &[(String, String)]) -> String {
    let mut out = text.trim_end().to_owned();
    out.push('\n');
    for (_, file) in practice {
        out.push('\n');
        if !file
            .trim_start()
            .lines()
            .next()
            .is_some_and(is_practice_heading)
        {
            out.push_str("# Practice\n\n");
        }
        out.push_str(file.trim());
        out.push('\n');
    }
    out
}
