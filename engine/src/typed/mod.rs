//! Typed prompts: forms that test recall, not recognition. The learner types the missing
//! part and the engine checks it.
//!
//! - **Reverse** cards show a description and ask for the concept: a definition's sentence
//!   without its term, a one-liner's detail without its head, or the first sentence of an
//!   answer that opens by naming the concept its question asks about ("What prevents
//!   cascading failures by ...?" -> Circuit Breaker). See [`reverse_prompts`].
//! - **Cloze** deletions blank one name, number or key word of a sentence of the answer
//!   ("It has three states: Closed, ___, and Half-Open"). See [`cloze_prompts`].
//!
//! No prompt gives its answer away (see `giveaway`), and [`check_typed`] is forgiving about
//! spelling but exact about numbers (see `spelling`).
//!
//! [`typed_prompts`] gives one card's prompts (reverse first, then clozes), [`deck_prompts`]
//! all of them, and [`typed_round`] a seeded round with at most one prompt per card.

mod cloze;
mod giveaway;
mod reverse;
mod spelling;
mod units;
mod vocab;

use serde::{Deserialize, Serialize};

use crate::content::Deck;
use crate::progress::Evidence;
use crate::rng::Rng;
use crate::scheduler::Grade;
use crate::text;

pub use cloze::cloze_prompts;
pub use reverse::reverse_prompts;

use spelling::{Match, Spelled};
pub(crate) use vocab::Vocab;

/// The blank shown in a cloze prompt.
pub const BLANK: &str = "___";

/// Longest prompt shown, in characters: what fits a phone screen.
pub const MAX_PROMPT_CHARS: usize = 200;

/// Which way a typed prompt asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TypedForm {
    /// Description shown, concept typed.
    Reverse,
    /// Sentence with one blank shown, the blanked word typed.
    Cloze,
}

/// One typed-recall prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedPrompt {
    /// `reverse:<card id>` or `cloze:<card id>:<n>` (n from 1, in the card's cloze order).
    pub id: String,
    /// Index into [`Deck::cards`].
    pub card: usize,
    pub form: TypedForm,
    /// What is shown: the description, or the sentence with one [`BLANK`].
    pub prompt: String,
    /// A short line naming where the prompt is from (the question, "ORM advantage").
    pub context: String,
    /// The canonical answer, as the content writes it.
    pub answer: String,
    /// Every acceptable spelling, the answer first ("Circuit Breaker", "Circuit Breaker
    /// pattern"; an acronym and its expansion).
    pub accepted: Vec<String>,
    /// Normalised words of the card that are within typo distance of the answer but are
    /// other words ("opens" next to "open"): typed exactly, they are wrong, not typos.
    pub confusable: Vec<String>,
}

/// How a typed answer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TypedVerdict {
    /// Matches an accepted spelling (case, punctuation, spacing and plurals aside).
    Exact,
    /// Matches with small spelling errors: accept, and show the right spelling.
    Typo,
    Wrong,
    /// Nothing typed.
    Blank,
}

impl TypedVerdict {
    /// Whether the answer counts as right (typos included: the learner recalled the word).
    pub const fn is_right(self) -> bool {
        matches!(self, TypedVerdict::Exact | TypedVerdict::Typo)
    }

    /// What the answer is worth to the schedule. The learner produced the word from memory,
    /// so it is recall; but one word of an answer is less than the whole answer, so a right
    /// one is Good, never Easy. A wrong or blank answer is Again.
    pub const fn evidence(self) -> Evidence {
        if self.is_right() {
            Evidence::Recall(Grade::Good)
        } else {
            Evidence::Recall(Grade::Again)
        }
    }
}

/// Checks a typed answer against a prompt. Never panics, whatever the input.
///
/// A typed word that is exactly another word of the card (one of
/// [`TypedPrompt::confusable`]) is not taken as a typo of the answer: it is a different
/// word the learner knows from this card, so it is wrong. Plurals are not different words
/// ("Opens" for "Open" is exact).
pub fn check_typed(prompt: &TypedPrompt, typed: &str) -> TypedVerdict {
    if !typed.chars().any(char::is_alphanumeric) {
        return TypedVerdict::Blank;
    }
    let typed = Spelled::new(typed);
    let spare = spare_words(prompt);
    let best = std::iter::once(&prompt.answer)
        .chain(&prompt.accepted)
        .map(|spelling| compare_spelling(spelling, &typed, &spare, &prompt.confusable))
        .max()
        .unwrap_or(Match::No);
    match best {
        Match::Exact => TypedVerdict::Exact,
        Match::Typo => TypedVerdict::Typo,
        Match::No => TypedVerdict::Wrong,
    }
}

fn compare_spelling(
    spelling: &str,
    typed: &Spelled,
    spare: &[String],
    confusable: &[String],
) -> Match {
    spelling::compare(&Spelled::new(spelling), typed, spare, confusable)
}

/// Words a learner may type along with a cloze answer because they touch the blank:
/// "SQL" in "SQL ___", "tokens" in "___ tokens".
fn spare_words(prompt: &TypedPrompt) -> Vec<String> {
    if prompt.form != TypedForm::Cloze {
        return Vec::new();
    }
    let Some(at) = prompt.prompt.find(BLANK) else {
        return Vec::new();
    };
    let before = &prompt.prompt[..at];
    let after = &prompt.prompt[at + BLANK.len()..];
    let mut spare = Vec::new();
    if let Some(token) = text::tokens(before).last()
        && !before[token.end..].is_empty()
        && before[token.end..].chars().all(|c| c == ' ')
    {
        spare.extend(token.parts());
    }
    if let Some(token) = text::tokens(after).first()
        && !after[..token.start].is_empty()
        && after[..token.start].chars().all(|c| c == ' ')
    {
        spare.extend(token.parts());
    }
    spare
}

/// The parts of a prompt before the checks that make it one.
pub(crate) struct Draft {
    pub id: String,
    pub form: TypedForm,
    pub prompt: String,
    pub context: String,
    pub answer: String,
    pub accepted: Vec<String>,
}

/// Finishes a draft: de-duplicates spellings (the answer first), drops it if the prompt or
/// context gives the answer away, and collects the card's confusable words.
pub(crate) fn finish(deck: &Deck, card: usize, draft: Draft) -> Option<TypedPrompt> {
    let source = deck.cards.get(card)?;
    let answer = draft.answer.trim().to_owned();
    let blanks = match draft.form {
        TypedForm::Reverse => 0,
        TypedForm::Cloze => 1,
    };
    if answer.is_empty()
        || draft.prompt.trim().is_empty()
        || draft.prompt.matches(BLANK).count() != blanks
        || draft.context.contains(BLANK)
    {
        // Content that writes its own "___" would make an ambiguous prompt.
        return None;
    }
    let mut accepted: Vec<String> = Vec::new();
    let mut seen: Vec<Spelled> = Vec::new();
    for spelling in std::iter::once(&answer).chain(&draft.accepted) {
        let spelling = spelling.split_whitespace().collect::<Vec<_>>().join(" ");
        let spelled = Spelled::new(&spelling);
        if spelled.words.is_empty() || seen.contains(&spelled) {
            continue;
        }
        seen.push(spelled);
        accepted.push(spelling);
    }
    let shown = [draft.prompt.as_str(), draft.context.as_str()];
    if giveaway::gives_away(&shown, &answer, &accepted) {
        return None;
    }
    let card_text = format!(
        "{}\n{}\n{}",
        source.prompt,
        text::strip_inline(&source.answer),
        draft.context
    );
    let card_words = Spelled::new(&card_text).words;
    let expected: Vec<&spelling::Word> = seen.iter().flat_map(|s| &s.words).collect();
    let mut confusable: Vec<String> = Vec::new();
    for word in &card_words {
        let other = !expected.iter().any(|e| e.norm == word.norm);
        let near = expected
            .iter()
            .any(|e| e.budget > 0 && text::edit_distance_within(&e.norm, &word.norm, e.budget));
        if other && near && !confusable.contains(&word.norm) {
            confusable.push(word.norm.clone());
        }
    }
    Some(TypedPrompt {
        id: draft.id,
        card,
        form: draft.form,
        prompt: draft.prompt,
        context: draft.context,
        answer,
        accepted,
        confusable,
    })
}

/// What typed prompts need from the whole deck, read once (its acronyms and how many cards
/// use each word, about 5 ms natively): build one and ask it about many cards, as
/// [`crate::quiz::ChoiceBank`] does for multiple choice. The free functions build one per call.
pub struct TypedBank<'d> {
    deck: &'d Deck,
    vocab: Vocab,
}

impl<'d> TypedBank<'d> {
    pub fn new(deck: &'d Deck) -> Self {
        Self {
            deck,
            vocab: Vocab::new(deck),
        }
    }

    /// All typed prompts of a card: its reverse prompt, then its clozes (best first).
    pub fn prompts_for(&self, card: usize) -> Vec<TypedPrompt> {
        prompts_with(self.deck, &self.vocab, card)
    }

    /// See [`typed_round`].
    pub fn round(&self, cards: &[usize], count: usize, seed: u64) -> Vec<TypedPrompt> {
        pick_round(self.deck, cards, count, seed, |card| {
            prompts_with(self.deck, &self.vocab, card)
        })
    }
}

/// All typed prompts of a card: its reverse prompt, then its clozes (best first).
pub fn typed_prompts(deck: &Deck, card: usize) -> Vec<TypedPrompt> {
    TypedBank::new(deck).prompts_for(card)
}

/// Every typed prompt of the deck, card by card.
pub fn deck_prompts(deck: &Deck) -> Vec<TypedPrompt> {
    let bank = TypedBank::new(deck);
    (0..deck.cards.len())
        .flat_map(|card| bank.prompts_for(card))
        .collect()
}

fn prompts_with(deck: &Deck, vocab: &Vocab, card: usize) -> Vec<TypedPrompt> {
    let mut prompts = reverse::reverse_with(deck, vocab, card);
    prompts.extend(cloze::clozes_with(deck, vocab, card));
    prompts
}

/// Up to `count` prompts for a round over `cards`: at most one per card, in the order given
/// (the caller's study plan: due and new cards first), skipping cards without prompts and
/// alternating reverse and cloze where a card has both; the seed picks among a card's
/// prompts. Deterministic for a seed.
pub fn typed_round(deck: &Deck, cards: &[usize], count: usize, seed: u64) -> Vec<TypedPrompt> {
    TypedBank::new(deck).round(cards, count, seed)
}

/// The selection rule of [`typed_round`] over any source of a card's prompts: generated
/// ([`TypedBank`]) or compiled ([`crate::compiled::CompiledDeck`]).
pub fn pick_round(
    deck: &Deck,
    cards: &[usize],
    count: usize,
    seed: u64,
    prompts_for: impl Fn(usize) -> Vec<TypedPrompt>,
) -> Vec<TypedPrompt> {
    let mut order: Vec<usize> = Vec::new();
    for &card in cards {
        if card < deck.cards.len() && !order.contains(&card) {
            order.push(card);
        }
    }
    let mut round = Vec::new();
    for card in order {
        if round.len() >= count {
            break;
        }
        let prompts = prompts_for(card);
        let want = if round.len() % 2 == 0 {
            TypedForm::Reverse
        } else {
            TypedForm::Cloze
        };
        let preferred: Vec<&TypedPrompt> = prompts.iter().filter(|p| p.form == want).collect();
        let pool: Vec<&TypedPrompt> = if preferred.is_empty() {
            prompts.iter().collect()
        } else {
            preferred
        };
        let mut rng = Rng::keyed(seed, deck.cards[card].id.as_str());
        if let Some(prompt) = rng.choose(&pool) {
            round.push((*prompt).clone());
        }
    }
    round
}
