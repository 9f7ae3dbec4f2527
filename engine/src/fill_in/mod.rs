//! Fill-in: the learner types the term a blank stands for, and the engine checks it. The
//! prompts are authored (`crate::practice`, [`fill_in_prompt`]): a sentence with one
//! [`BLANK`] and every accepted answer. [`check_fill_in`] forgives spelling slips but not
//! another word: numbers are exact, a word the deck uses elsewhere is not a typo of the answer
//! (`confusable`), nor is the answer with a prefix added or dropped ("validation" for
//! "invalidation"; see `spelling`).

mod spelling;

use serde::{Deserialize, Serialize};

use crate::content::Deck;
use crate::progress::Evidence;
use crate::rng::Rng;
use crate::scheduler::Grade;
use crate::text;

use spelling::{Match, Spelled};

/// The blank in a fill-in sentence.
pub const BLANK: &str = "___";

/// Longest prompt shown, in characters: what fits a phone screen.
pub const MAX_PROMPT_CHARS: usize = 200;

/// One fill-in prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FillInPrompt {
    /// `fill-in:<card id>:<n>` (n from 1, in the card's order).
    pub id: String,
    /// Index into [`Deck::cards`].
    pub card: usize,
    /// What is shown: a sentence with one [`BLANK`]; plain text but for `` `code` `` spans.
    pub prompt: String,
    /// A short line naming where the prompt is from (the card's question).
    pub context: String,
    /// The canonical answer, as the content writes it.
    pub answer: String,
    /// Every acceptable spelling, the answer first ("Circuit Breaker", "Circuit Breaker
    /// pattern"; an acronym and its expansion).
    pub accepted: Vec<String>,
    /// Normalised words of the card that are within typo distance of the answer but are
    /// other words ("opens" next to "open"): typed exactly, they are wrong, not typos.
    pub confusable: Vec<String>,
    /// Shown after answering (authored fill-ins); may be empty.
    #[serde(default)]
    pub why: String,
}

/// How a typed answer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FillInVerdict {
    /// Matches an accepted spelling (case, punctuation, spacing and plurals aside).
    Exact,
    /// Matches with small spelling errors: accept, and show the right spelling.
    Typo,
    Wrong,
    /// Nothing typed.
    Blank,
}

impl FillInVerdict {
    /// Whether the answer counts as right (typos included: the learner recalled the word).
    pub const fn is_right(self) -> bool {
        matches!(self, FillInVerdict::Exact | FillInVerdict::Typo)
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
/// [`FillInPrompt::confusable`]) is not taken as a typo of the answer: it is a different
/// word the learner knows from this card, so it is wrong. Plurals are not different words
/// ("Opens" for "Open" is exact).
pub fn check_fill_in(prompt: &FillInPrompt, typed: &str) -> FillInVerdict {
    if !typed.chars().any(char::is_alphanumeric) {
        return FillInVerdict::Blank;
    }
    let typed = Spelled::new(typed);
    let spare = spare_words(prompt);
    let best = std::iter::once(&prompt.answer)
        .chain(&prompt.accepted)
        .map(|spelling| compare_spelling(spelling, &typed, &spare, &prompt.confusable))
        .max()
        .unwrap_or(Match::No);
    match best {
        Match::Exact => FillInVerdict::Exact,
        Match::Typo => FillInVerdict::Typo,
        Match::No => FillInVerdict::Wrong,
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

/// Words a learner may type along with a fill-in answer because they touch the blank:
/// "SQL" in "SQL ___", "tokens" in "___ tokens".
fn spare_words(prompt: &FillInPrompt) -> Vec<String> {
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

/// Every distinct word of a deck's text (its cards and its practice), read once: what a typed
/// answer may be confused with. Building one per fill-in re-read the whole text each time.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: Vec<spelling::Word>,
}

impl Vocabulary {
    /// The distinct comparable words of `text`, in first-use order.
    pub fn of(text: &str) -> Self {
        let mut seen = std::collections::HashSet::new();
        let words = Spelled::new(text)
            .words
            .into_iter()
            .filter(|word| seen.insert(word.norm.clone()))
            .collect();
        Self { words }
    }
}

/// An authored fill-in as a prompt: `sentence` holds one [`BLANK`]; `accepted` lists every
/// right answer (the first is shown as the answer). Words of `vocabulary` within typo distance
/// of an accepted word but different from it are `confusable`: typed exactly, they are another
/// word, not a typo.
pub fn fill_in_prompt(
    id: String,
    card: usize,
    context: String,
    sentence: String,
    accepted: &[String],
    why: String,
    vocabulary: &Vocabulary,
) -> FillInPrompt {
    // Every spelling as the author listed it (the learner sees them after answering), even
    // those the checker would match anyway ("ready()" beside "ready").
    let mut spellings: Vec<String> = Vec::new();
    let mut seen: Vec<Spelled> = Vec::new();
    for spelling in accepted {
        let spelling = spelling.split_whitespace().collect::<Vec<_>>().join(" ");
        let spelled = Spelled::new(&spelling);
        if spelled.words.is_empty() || spellings.contains(&spelling) {
            continue;
        }
        if !seen.contains(&spelled) {
            seen.push(spelled);
        }
        spellings.push(spelling);
    }
    let expected: Vec<&spelling::Word> = seen.iter().flat_map(|s| &s.words).collect();
    let confusable: Vec<String> = vocabulary
        .words
        .iter()
        .filter(|word| {
            let other = !expected.iter().any(|e| e.norm == word.norm);
            let near = expected
                .iter()
                .any(|e| e.budget > 0 && text::edit_distance_within(&e.norm, &word.norm, e.budget));
            other && near
        })
        .map(|word| word.norm.clone())
        .collect();
    FillInPrompt {
        id,
        card,
        prompt: sentence,
        context,
        answer: spellings.first().cloned().unwrap_or_default(),
        accepted: spellings,
        confusable,
        why,
    }
}

/// A fill-in round over `cards`: up to `count` prompts, at most one per card, in the order
/// given (the caller's study plan: due and new cards first), skipping cards without prompts;
/// the seed picks among a card's prompts. Deterministic for a seed.
pub(crate) fn pick_round(
    deck: &Deck,
    cards: &[usize],
    count: usize,
    seed: u64,
    prompts_for: impl Fn(usize) -> Vec<FillInPrompt>,
) -> Vec<FillInPrompt> {
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
        let pool = prompts_for(card);
        let mut rng = Rng::keyed(seed, deck.cards[card].id.as_str());
        if let Some(prompt) = rng.choose(&pool) {
            round.push(prompt.clone());
        }
    }
    round
}
