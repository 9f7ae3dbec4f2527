//! Content → compiled deck, natively at build time (`build.rs`) and in tests.

use prep_engine::compiled::{CompiledCard, CompiledDeck, CompiledDrill, fingerprint};
use prep_engine::content::{CardKind, ContentError, Deck};
use prep_engine::fill_in::{Vocabulary, fill_in_prompt};
use prep_engine::quiz::{ChoiceQuestion, QuestionForm, drills_with_items};
use prep_engine::recall::key_points;
use prep_engine::search::SearchSource;

use crate::markdown::{inline_to_html, to_html};
use crate::parse::parse_deck;
use crate::practice::{ItemBody, Practice, lint, parse_files};
use crate::search_docs::{deck_acronyms, documents};

/// Parses `source` (`file` labels errors as `file:line: reason`) and its authored practice
/// (`practice`: each file's path and text, `docs/practice-format.md`), lints the practice
/// against the deck, and computes everything the app needs. Errors are the parser's and the
/// linter's, all of them, sorted by file and line: a deck with a bad item does not build.
pub fn compile(
    file: &str,
    source: &str,
    practice: &[(String, String)],
) -> Result<CompiledDeck, Vec<ContentError>> {
    let mut deck = parse_deck(file, source)?;
    // Saved state (a sitting's items) is read back only by the same content and practice.
    let mut everything = source.to_owned();
    for (name, text) in practice {
        everything.push_str(&format!("\n\u{0}{name}\n{text}"));
    }
    let practice = parse_files(practice)?;
    let problems = lint(&practice, &deck);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut cards: Vec<CompiledCard> = (0..deck.cards.len())
        .map(|index| CompiledCard {
            answer_html: answer_html(&deck, index),
            key_points: key_points(&deck, index),
            ..CompiledCard::default()
        })
        .collect();
    add_practice(&deck, &practice, &mut cards);
    let drills: Vec<CompiledDrill> = drills_with_items(&deck)
        .into_iter()
        .map(|(family, items)| CompiledDrill { family, items })
        .collect();
    let search = SearchSource {
        docs: documents(&deck),
        acronyms: deck_acronyms(&deck),
    };
    for card in &mut deck.cards {
        card.answer = String::new();
    }
    Ok(CompiledDeck::from_parts(
        file.to_owned(),
        fingerprint(&everything),
        deck,
        cards,
        drills,
        search,
    ))
}

/// Each authored item as what the study modes ask: choice and true-or-false items as
/// [`ChoiceQuestion`]s, fill-ins as typed prompts, and each card's mistakes. Ids are
/// `<kind>:<card id>:<n>` (n from 1, per kind, in file order), stable while a card's items
/// keep their order.
fn add_practice(deck: &Deck, practice: &Practice, cards: &mut [CompiledCard]) {
    let vocabulary = Vocabulary::of(&vocabulary(deck, practice));
    for item in &practice.items {
        let Some(card) = deck.card_index(&item.card) else {
            continue;
        };
        let compiled = &mut cards[card];
        // How many items of this kind the card already has: the new one's number.
        let before = match &item.body {
            ItemBody::Choice { .. } => of_form(&compiled.choice, QuestionForm::Choice),
            ItemBody::TrueFalse { .. } => of_form(&compiled.choice, QuestionForm::TrueFalse),
            ItemBody::FillIn { .. } => compiled.fill_in.len(),
        };
        let id = format!("{}:{}:{}", item.body.kind_name(), item.card, before + 1);
        match &item.body {
            ItemBody::Choice { stem, options } => compiled.choice.push(ChoiceQuestion {
                id,
                card,
                form: QuestionForm::Choice,
                stem: stem.clone(),
                options: options.iter().map(|o| o.text.clone()).collect(),
                why: options.iter().map(|o| o.why.clone()).collect(),
                correct: options.iter().position(|o| o.right).unwrap_or(0),
            }),
            ItemBody::TrueFalse {
                statement,
                truth,
                why,
            } => compiled.choice.push(ChoiceQuestion {
                id,
                card,
                form: QuestionForm::TrueFalse,
                stem: statement.clone(),
                options: vec!["True".to_owned(), "False".to_owned()],
                why: vec![why.clone(), why.clone()],
                correct: usize::from(!*truth),
            }),
            ItemBody::FillIn {
                sentence,
                accepted,
                why,
            } => compiled.fill_in.push(fill_in_prompt(
                id,
                card,
                deck.cards[card].prompt.clone(),
                sentence.clone(),
                accepted,
                why.clone(),
                &vocabulary,
            )),
        }
    }
    for mistake in &practice.mistakes {
        if let Some(card) = deck.card_index(&mistake.card) {
            cards[card].mistakes.push(mistake.mistake.clone());
        }
    }
}

fn of_form(questions: &[ChoiceQuestion], form: QuestionForm) -> usize {
    questions.iter().filter(|q| q.form == form).count()
}

/// Every word the deck and its practice use: what a typed answer may be confused with.
fn vocabulary(deck: &Deck, practice: &Practice) -> String {
    let mut text = String::new();
    for card in &deck.cards {
        text.push_str(&card.prompt);
        text.push('\n');
        text.push_str(&prep_engine::text::strip_inline(&card.answer));
        text.push('\n');
    }
    for item in &practice.items {
        text.push_str(&item.body.stem().replace("___", " "));
        text.push('\n');
        if let ItemBody::Choice { options, .. } = &item.body {
            for option in options {
                text.push_str(&option.text);
                text.push('\n');
                text.push_str(&option.why);
                text.push('\n');
            }
        }
    }
    for mistake in &practice.mistakes {
        text.push_str(&mistake.mistake.claim);
        text.push('\n');
        text.push_str(&mistake.mistake.correction);
        text.push('\n');
    }
    text
}

fn answer_html(deck: &Deck, index: usize) -> String {
    let card = &deck.cards[index];
    match card.kind {
        CardKind::Question { .. } | CardKind::Definition => to_html(&card.answer),
        CardKind::OneLiner { .. } => inline_to_html(&card.answer),
        CardKind::GuideItem { .. } => String::new(),
    }
}
