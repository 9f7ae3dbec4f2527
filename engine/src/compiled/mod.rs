//! The compiled deck: everything the app shows and asks, computed once from the content at
//! build time and handed to the app as data. This is the boundary between *compile* (parse the
//! markdown, render it, read and lint the authored practice: the `prep-compile` crate) and *study* (pick, shuffle,
//! check answers, schedule: the `study` methods in `material.rs`), so the app's wasm holds no
//! markdown parser and no practice linter, and a deck imported at run time will be turned
//! into this same value.
//!
//! The format ([`FORMAT`]) is bytes in `postcard`'s documented, stable wire format (varints,
//! length-prefixed strings, fields in declaration order): the *header* (format first, then
//! source, fingerprint, the deck's structure, and where each card's material and search text
//! and the acronyms sit in the body), then the *body*: what the pages show and search reads,
//! each card's text (its rendered answer and mistakes) and [`SearchDoc`], then the acronyms;
//! then the *question bank*: what only the practice screens ask, each card's choice and fill-in
//! items and key points, then the [`CompiledDrill`]s. Reading decodes the header only (the
//! structure every screen needs) and decodes a card's material the first time it is asked for,
//! so start-up cost grows with the number of cards but not with what each can ask.
//!
//! The bank is the larger half of an authored deck, and no page needs it to show: the app
//! embeds the bytes up to the bank and fetches the bank (a file of its own, checked against
//! the header's length and digest, [`CompiledDeck::attach_bank`]) when a practice screen opens.
//! The header keeps each card's item counts and the number of drills ([`PracticeCounts`]), so
//! every page can say which modes a card has. Postcard rather than JSON because its decoders
//! are a fraction of serde_json's code per type (20 KB brotli less wasm with sittings packed
//! the same way, `crate::packed`); the shape is the types' serde derives, so a field added,
//! removed or reordered is a format change. Bump [`FORMAT`] whenever a field's meaning or
//! shape changes: a saved sitting or an imported file may outlive a deploy. [`CompiledDeck::read`]
//! refuses another version and any out-of-range index, so study code can index without checks.

mod anki;
mod load;
mod material;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::content::{Deck, DeckId};
use crate::fill_in::FillInPrompt;
use crate::practice::Mistake;
use crate::quiz::{ChoiceQuestion, DrillFamily, DrillItem};
use crate::recall::KeyPoint;
use crate::search::{SearchDoc, SearchIndex};

pub use anki::anki_export;
pub use load::LoadError;

/// Version of the compiled format.
pub const FORMAT: u32 = 7;

/// A deck ready to study: its structure, and each card's material, decoded on first use.
pub struct CompiledDeck {
    /// The file it was compiled from, for messages.
    pub source: String,
    /// Its namespace in storage ([`crate::progress::StoreKeys::for_deck`]), from `source`.
    pub id: DeckId,
    /// [`fingerprint`] of the source text: state saved against one deck (a sitting's card
    /// indices) is only read back by the same deck.
    pub fingerprint: String,
    /// Parts, sections, lists and cards. Cards carry no markdown (`Card::answer` is empty):
    /// their rendering is [`CompiledCard::answer_html`].
    pub deck: Deck,
    /// The body the material is decoded from: borrowed when the text lives as long as the
    /// program (embedded in the app), empty for a deck compiled in this process.
    body: Cow<'static, [u8]>,
    /// Per card of `deck.cards`, in the same order: what its pages show.
    texts: Vec<Lazy<CardText>>,
    /// Per card, its choice and fill-in items and key points, decoded from the bank.
    banks: Vec<Lazy<CardBank>>,
    /// Where the bank is, how long it is, its digest and each card's item counts.
    bank: Bank,
    /// The classification drills, decoded from the bank.
    drills: Lazy<Vec<CompiledDrill>>,
    /// Per card, what search reads of it; each sits right after the card's material in the
    /// body, next to the same words in its rendered answer, so gzip's 32 KB window sees the
    /// repeat.
    search_docs: Vec<Lazy<SearchDoc>>,
    /// The acronyms the deck spells out, for search.
    acronyms: Lazy<Vec<(String, String)>>,
    /// Built from the above on the first search: see [`CompiledDeck::search`].
    search: OnceLock<SearchIndex>,
}

/// A value, or where in the body its encoding is, decoded on first use.
struct Lazy<T> {
    span: std::ops::Range<usize>,
    value: OnceLock<T>,
}

/// What one card shows and asks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompiledCard {
    /// The answer rendered to HTML from the deck's own markdown (text and any raw HTML in it
    /// escaped): a block for questions and definitions, inline HTML for a one-liner's detail,
    /// empty for guide items, whose answer is their list.
    pub answer_html: String,
    /// Its authored choice and true-or-false items (`content/practice/`), options as written;
    /// study shuffles a choice's options per round.
    pub choice: Vec<ChoiceQuestion>,
    /// Its authored fill-ins.
    pub fill_in: Vec<FillInPrompt>,
    /// What a typed recall of it is checked against.
    pub key_points: Vec<KeyPoint>,
    /// Misconceptions learners bring to it, with their corrections ("Watch out").
    pub mistakes: Vec<Mistake>,
}

/// The part of a card's material every page may show (the wire form of part of
/// [`CompiledCard`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct CardText {
    answer_html: String,
    mistakes: Vec<Mistake>,
}

/// The part only the practice screens ask: a card's share of the question bank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct CardBank {
    choice: Vec<ChoiceQuestion>,
    fill_in: Vec<FillInPrompt>,
    key_points: Vec<KeyPoint>,
}

/// How much practice a card has, known from the header before its bank is there: what a page
/// needs to offer only the modes that have something to ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeCounts {
    /// Multiple-choice and true-or-false items.
    pub choice: u32,
    /// Fill-in prompts.
    pub fill_in: u32,
    /// Key points a typed recall is checked against.
    pub key_points: u32,
}

impl PracticeCounts {
    /// The counts of a card's share of the bank.
    fn of(bank: &CardBank) -> Self {
        let count = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        Self {
            choice: count(bank.choice.len()),
            fill_in: count(bank.fill_in.len()),
            key_points: count(bank.key_points.len()),
        }
    }

    /// Authored items (choice and fill-in): what an import reports as the deck's practice.
    pub fn authored_items(&self) -> u32 {
        self.choice.saturating_add(self.fill_in)
    }
}

/// The question bank's bytes and what the header says of them.
#[derive(Debug, Default)]
struct Bank {
    /// Its length and [`fingerprint_bytes`] digest, for telling the right file from a stale one.
    len: usize,
    digest: String,
    /// Per card, how much practice it has.
    counts: Vec<PracticeCounts>,
    /// How many classification drills the bank holds.
    drill_count: u32,
    /// The bytes once there: the rest of the body, or a file attached later.
    bytes: OnceLock<Cow<'static, [u8]>>,
}

/// One classification drill and the statements it sorts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompiledDrill {
    pub family: DrillFamily,
    pub items: Vec<DrillItem>,
}

/// 64-bit FNV-1a of `text`, in hex: stable across builds and platforms (unlike std's hasher)
/// and a dozen bytes of code, for telling one deck or one plan from another.
pub fn fingerprint(text: &str) -> String {
    fingerprint_bytes(text.as_bytes())
}

/// [`fingerprint`] of bytes.
pub fn fingerprint_bytes(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}
