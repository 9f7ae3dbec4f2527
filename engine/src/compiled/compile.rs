//! Content → compiled deck, natively at build time (`build.rs`) and in tests.

use super::{CompiledCard, CompiledDeck, CompiledDrill, fingerprint};
use crate::content::{CardKind, ContentError, parse_deck};
use crate::markdown::{inline_to_html, to_html};
use crate::quiz::{ChoiceBank, drills_with_items};
use crate::recall::key_points;
use crate::search::{SearchSource, documents};
use crate::typed::{TypedBank, Vocab};

/// The seed multiple-choice distractors are drawn with. Which three distractors a question
/// gets is fixed per deck (every choice passed the giveaway checks together); the order of
/// options and of questions is drawn per round at study time.
pub const COMPILE_SEED: u64 = 0;

/// Parses `source` (`file` labels errors as `file:line: reason`) and computes everything the
/// app needs from it. Errors are the parser's: generation itself cannot fail, it only
/// leaves out what does not pass its checks.
pub fn compile(file: &str, source: &str) -> Result<CompiledDeck, Vec<ContentError>> {
    let mut deck = parse_deck(file, source)?;
    let choice = ChoiceBank::new(&deck);
    let typed = TypedBank::new(&deck);
    let cards: Vec<CompiledCard> = (0..deck.cards.len())
        .map(|index| CompiledCard {
            answer_html: answer_html(&deck, index),
            choice: choice.questions_for(index, COMPILE_SEED),
            typed: typed.prompts_for(index),
            key_points: key_points(&deck, index),
        })
        .collect();
    let drills: Vec<CompiledDrill> = drills_with_items(&deck)
        .into_iter()
        .map(|(family, items)| CompiledDrill { family, items })
        .collect();
    let search = SearchSource {
        docs: documents(&deck),
        acronyms: Vocab::new(&deck).expansions().to_vec(),
    };
    for card in &mut deck.cards {
        card.answer = String::new();
    }
    Ok(CompiledDeck::from_parts(
        file.to_owned(),
        fingerprint(source),
        deck,
        cards,
        drills,
        search,
    ))
}

fn answer_html(deck: &crate::content::Deck, index: usize) -> String {
    let card = &deck.cards[index];
    match card.kind {
        CardKind::Question { .. } | CardKind::Definition => to_html(&card.answer),
        CardKind::OneLiner { .. } => inline_to_html(&card.answer),
        CardKind::GuideItem { .. } => String::new(),
    }
}
