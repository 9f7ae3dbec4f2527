//! Study over a compiled deck: the selection rules (`pick_each_card_first`, `pick_round`,
//! `retry_from`, `shuffled_drill`) drawing from compiled material, so a round costs a lookup
//! and a shuffle.

use super::{CompiledDeck, PracticeCounts};
use crate::content::Deck;
use crate::fill_in::{FillInPrompt, pick_round};
use crate::practice::Mistake;
use crate::quiz::{
    ChoiceQuestion, DrillFamily, DrillItem, pick_each_card_first, retry_from, shuffled_drill,
    with_options_shuffled,
};
use crate::recall::KeyPoint;

impl CompiledDeck {
    /// The structure: parts, sections, lists, cards.
    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// A card's rendered answer (see [`super::CompiledCard::answer_html`]); empty for an
    /// unknown card.
    pub fn answer_html(&self, card: usize) -> &str {
        &self.card_text(card).answer_html
    }

    /// Every multiple-choice question of `card`, options in the seed's order (none until the
    /// bank is there: [`CompiledDeck::bank_ready`]).
    pub fn choice_questions(&self, card: usize, seed: u64) -> Vec<ChoiceQuestion> {
        self.card_bank(card)
            .choice
            .iter()
            .map(|question| with_options_shuffled(question, seed))
            .collect()
    }

    /// How much practice `card` has now: from the header's counts until the bank is there,
    /// then from the bank (a card whose items do not check has none).
    fn practice_now(&self, card: usize) -> PracticeCounts {
        match self.bank_ready() {
            true => PracticeCounts::of(self.card_bank(card)),
            false => self.practice_counts(card),
        }
    }

    /// Whether `card` has a multiple-choice question: from the header until the bank is there.
    pub fn has_choice(&self, card: usize) -> bool {
        self.practice_now(card).choice > 0
    }

    /// Whether `card` has a fill-in.
    pub fn has_fill_in(&self, card: usize) -> bool {
        self.practice_now(card).fill_in > 0
    }

    /// Whether `card` can be recalled by typing (it has key points).
    pub fn has_key_points(&self, card: usize) -> bool {
        self.practice_now(card).key_points > 0
    }

    /// Whether the deck has a classification drill, known without the bank.
    pub fn has_drills(&self) -> bool {
        self.drill_count() > 0
    }

    /// A quiz of up to `count` items over `cards`: every card once before any repeats (the
    /// rule of `crate::quiz::pick_each_card_first`).
    pub fn choice_quiz(&self, cards: &[usize], count: usize, seed: u64) -> Vec<ChoiceQuestion> {
        pick_each_card_first(cards, count, seed, |card| self.choice_questions(card, seed))
    }

    /// The misconceptions learners bring to `card`, with their corrections.
    pub fn mistakes(&self, card: usize) -> &[Mistake] {
        &self.card_text(card).mistakes
    }

    /// The question to ask again after `missed` (see [`crate::quiz::retry_from`]).
    pub fn choice_retry(&self, missed: &ChoiceQuestion, seed: u64) -> ChoiceQuestion {
        retry_from(self.choice_questions(missed.card, seed), missed, seed)
    }

    /// A card's authored fill-ins, in file order (none until the bank is there).
    pub fn fill_in_prompts(&self, card: usize) -> &[FillInPrompt] {
        &self.card_bank(card).fill_in
    }

    /// A fill-in round: the rule of `crate::fill_in::fill_in_round`.
    pub fn fill_in_round(&self, cards: &[usize], count: usize, seed: u64) -> Vec<FillInPrompt> {
        pick_round(&self.deck, cards, count, seed, |card| {
            self.fill_in_prompts(card).to_vec()
        })
    }

    /// What a typed recall of `card` is checked against; empty when it has nothing to recall,
    /// and until the bank is there.
    pub fn key_points(&self, card: usize) -> &[KeyPoint] {
        &self.card_bank(card).key_points
    }

    /// Every classification drill the deck has (none until the bank is there).
    pub fn drill_families(&self) -> Vec<DrillFamily> {
        self.drills().iter().map(|d| d.family.clone()).collect()
    }

    /// The statements of `families` (matched by id), in the seed's order: the rule of
    /// [`crate::quiz::drill`].
    pub fn drill(&self, families: &[DrillFamily], seed: u64) -> Vec<DrillItem> {
        let items = self
            .drills()
            .iter()
            .filter(|drill| families.iter().any(|f| f.id == drill.family.id))
            .flat_map(|drill| drill.items.iter().cloned())
            .collect();
        shuffled_drill(items, seed)
    }
}
