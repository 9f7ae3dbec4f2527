//! A file a person brings, end to end: its bytes decoded, its shape detected (or chosen), its
//! cards converted to the app's own format ([`crate::import`]) and compiled like any deck, with
//! the report the page previews ([`ImportReport`]). The compile worker runs it; the tests run it
//! natively on the same fixtures.

use std::collections::BTreeMap;

use prep_engine::imported::{DeckChanges, ImportReport, ShapeFound, UnplacedLine};

use crate::compile::compile;
use crate::import::{Shape, convert, decode, detect};
use crate::parse::parse_deck;

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
    let converted = convert(&text, title, shape.and_then(Shape::from_key))
        .map_err(|none| vec![none.to_string()])?;
    let deck = compile(source, &converted.markdown, &[]).map_err(|errors| {
        // The converter writes only what the parser reads: reaching this is a bug, said plainly.
        let mut said = vec![format!(
            "The file was read as {} but its cards could not be compiled:",
            converted.shape.label()
        )];
        said.extend(errors.iter().map(ToString::to_string));
        said
    })?;
    let changes = previous.map(|previous| compare(previous, &converted.markdown));
    let report = ImportReport {
        shape: converted.shape.key().to_owned(),
        shapes: detect(&text)
            .into_iter()
            .map(|(shape, cards)| ShapeFound {
                key: shape.key().to_owned(),
                label: shape.label().to_owned(),
                cards,
            })
            .collect(),
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
        parse_deck("deck.md", markdown)
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
