//! Writing and reading the compiled format (see the module docs), and refusing anything the
//! study code could not index safely.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{
    Bank, CardBank, CardText, CompiledCard, CompiledDeck, CompiledDrill, FORMAT, Lazy,
    PracticeCounts, fingerprint_bytes,
};
use crate::content::{CardKind, Deck, DeckId};
use crate::search::{SearchDoc, SearchIndex, SearchSource};

/// Why a compiled deck could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not bytes of the compiled shape (the reader's message).
    Unreadable(String),
    /// Compiled by another version of the format.
    Format { found: u32 },
    /// Read, but refers to something that is not there.
    Inconsistent(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(reason) => write!(f, "the deck cannot be read: {reason}"),
            LoadError::Format { found } => write!(
                f,
                "the deck is in format {found}; this version of the app reads format {FORMAT}"
            ),
            LoadError::Inconsistent(reason) => write!(f, "the deck is inconsistent: {reason}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The start of the compiled bytes; the body follows it.
#[derive(Serialize, Deserialize)]
struct Header<S, D> {
    format: u32,
    source: S,
    fingerprint: S,
    deck: D,
    /// Byte ranges in the body, `[start, end]`: per card its text and its search
    /// document, then the acronyms.
    spans: Vec<[usize; 2]>,
    /// The body's length: the bank starts where it ends.
    body_len: usize,
    bank: BankHeader<S>,
}

/// What the header says of the question bank.
#[derive(Serialize, Deserialize)]
struct BankHeader<S> {
    len: usize,
    digest: S,
    /// Byte ranges in the bank: per card, then the drills.
    spans: Vec<[usize; 2]>,
    /// Per card, how much practice it has.
    counts: Vec<PracticeCounts>,
    /// How many drills there are.
    drill_count: u32,
}

impl<T> Lazy<T> {
    /// A value still to be decoded from `span` of the body.
    fn unread(span: Range<usize>) -> Self {
        Self {
            span,
            value: OnceLock::new(),
        }
    }

    fn ready(value: T) -> Self {
        Self {
            span: 0..0,
            value: OnceLock::from(value),
        }
    }
}

impl<T: DeserializeOwned + Default> Lazy<T> {
    /// The value, decoding it on first use; a span that does not decode or check reads as the
    /// default (nothing to ask), which [`CompiledDeck::read_checked`] reports instead.
    fn get(&self, body: &[u8], check: impl Fn(&T) -> Result<(), String>) -> &T {
        self.value
            .get_or_init(|| decode(body, &self.span, check).unwrap_or_default())
    }
}

fn decode<T: DeserializeOwned>(
    body: &[u8],
    span: &Range<usize>,
    check: impl Fn(&T) -> Result<(), String>,
) -> Result<T, String> {
    let bytes = body
        .get(span.clone())
        .ok_or_else(|| format!("bytes {}..{} are not in the body", span.start, span.end))?;
    let (value, rest) = postcard::take_from_bytes(bytes).map_err(|e| e.to_string())?;
    if !rest.is_empty() {
        return Err(format!("{} bytes left over", rest.len()));
    }
    check(&value)?;
    Ok(value)
}

impl CompiledDeck {
    /// A deck from compiled parts (what `super::compile` gives).
    pub fn from_parts(
        source: String,
        fingerprint: String,
        deck: Deck,
        cards: Vec<CompiledCard>,
        drills: Vec<CompiledDrill>,
        search: SearchSource,
    ) -> Self {
        let (texts, banks): (Vec<_>, Vec<_>) = cards
            .into_iter()
            .map(|card| {
                let text = CardText {
                    answer_html: card.answer_html,
                    mistakes: card.mistakes,
                };
                let bank = CardBank {
                    choice: card.choice,
                    fill_in: card.fill_in,
                    key_points: card.key_points,
                };
                (text, bank)
            })
            .unzip();
        let counts = banks.iter().map(PracticeCounts::of).collect();
        Self {
            id: DeckId::of_source(&source),
            source,
            fingerprint,
            deck,
            body: Cow::Borrowed(&[]),
            texts: texts.into_iter().map(Lazy::ready).collect(),
            banks: banks.into_iter().map(Lazy::ready).collect(),
            bank: Bank {
                counts,
                drill_count: count(drills.len()),
                bytes: OnceLock::from(Cow::Borrowed(&[][..])),
                ..Bank::default()
            },
            drills: Lazy::ready(drills),
            search_docs: search.docs.into_iter().map(Lazy::ready).collect(),
            acronyms: Lazy::ready(search.acronyms),
            search: OnceLock::new(),
        }
    }

    /// A card's material, put together (empty for an unknown card; its choice and fill-in
    /// items and key points empty while the bank is not there).
    pub fn card(&self, card: usize) -> CompiledCard {
        let text = self.card_text(card).clone();
        let bank = self.card_bank(card).clone();
        CompiledCard {
            answer_html: text.answer_html,
            choice: bank.choice,
            fill_in: bank.fill_in,
            key_points: bank.key_points,
            mistakes: text.mistakes,
        }
    }

    /// What a card's pages show (empty for an unknown card).
    pub(super) fn card_text(&self, card: usize) -> &CardText {
        static NOTHING: OnceLock<CardText> = OnceLock::new();
        match self.texts.get(card) {
            Some(lazy) => lazy.get(&self.body, |_| Ok(())),
            None => NOTHING.get_or_init(CardText::default),
        }
    }

    /// A card's choice and fill-in items and key points: empty for an unknown card, and until
    /// the bank is there ([`CompiledDeck::bank_ready`]).
    pub(super) fn card_bank(&self, card: usize) -> &CardBank {
        static NOTHING: OnceLock<CardBank> = OnceLock::new();
        match (self.banks.get(card), self.bank.bytes.get()) {
            (Some(lazy), Some(bytes)) => lazy.get(bytes, |bank| {
                check_bank(card, self.bank.counts.get(card).copied(), bank)
            }),
            _ => NOTHING.get_or_init(CardBank::default),
        }
    }

    /// How much practice `card` has, known without the bank (0s for an unknown card).
    pub fn practice_counts(&self, card: usize) -> PracticeCounts {
        self.bank.counts.get(card).copied().unwrap_or_default()
    }

    /// How many classification drills the deck has, known without the bank.
    pub(crate) fn drill_count(&self) -> usize {
        self.bank.drill_count as usize
    }

    /// Whether the question bank is there: always for a deck read whole or compiled here;
    /// for the app's built-in deck once its file has been fetched and attached.
    pub fn bank_ready(&self) -> bool {
        self.bank.bytes.get().is_some()
    }

    /// The name of the bank's file beside the app (`bank-<digest>.bin`): named by its
    /// contents, so a cache never serves one deck's bank for another.
    pub fn bank_file_name(&self) -> String {
        format!("bank-{}.bin", self.bank.digest)
    }

    /// Attaches the question bank's bytes to a deck read without them, after checking they
    /// are the ones its header names (length and digest). Never panics, whatever the bytes.
    pub fn attach_bank(&self, bytes: &'static [u8]) -> Result<(), LoadError> {
        if self.bank_ready() {
            return Ok(());
        }
        if bytes.len() != self.bank.len || fingerprint_bytes(bytes) != self.bank.digest {
            return Err(LoadError::Inconsistent(format!(
                "the question bank ({} bytes) is not this deck's ({} bytes, digest {})",
                bytes.len(),
                self.bank.len,
                self.bank.digest
            )));
        }
        let _ = self.bank.bytes.set(Cow::Borrowed(bytes));
        Ok(())
    }

    /// Every classification drill, with its statements in deck order (none until the bank is
    /// there).
    pub fn drills(&self) -> &[CompiledDrill] {
        match self.bank.bytes.get() {
            Some(bytes) => self.drills.get(bytes, |drills: &Vec<CompiledDrill>| {
                check_drills(&self.deck, self.bank.drill_count, drills)
            }),
            None => &[],
        }
    }

    /// What search reads of a card (empty for an unknown card).
    pub fn search_doc(&self, card: usize) -> &SearchDoc {
        static NOTHING: OnceLock<SearchDoc> = OnceLock::new();
        match self.search_docs.get(card) {
            Some(lazy) => lazy.get(&self.body, |_| Ok(())),
            None => NOTHING.get_or_init(SearchDoc::default),
        }
    }

    /// What the search index is built from: each card's text, the deck's acronyms.
    pub fn search_source(&self) -> SearchSource {
        SearchSource {
            docs: (0..self.deck.cards.len())
                .map(|card| self.search_doc(card).clone())
                .collect(),
            acronyms: self.acronyms.get(&self.body, |_| Ok(())).clone(),
        }
    }

    /// Bytes of the compiled deck that hold what search reads: what search costs the
    /// download (0 for a deck compiled in this process).
    pub fn search_source_bytes(&self) -> usize {
        let docs: usize = self.search_docs.iter().map(|lazy| lazy.span.len()).sum();
        docs + self.acronyms.span.len()
    }

    /// The search index over every card, built on first use. Built here rather than shipped:
    /// the documents are a tenth of an index's bytes, and building takes milliseconds once
    /// (docs/choices.md).
    pub fn search(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::new(self.search_source()))
    }

    /// The compiled format's bytes, the question bank included.
    pub fn write(&self) -> Vec<u8> {
        let (mut bytes, bank) = self.write_apart();
        bytes.extend_from_slice(&bank);
        bytes
    }

    /// The compiled format's bytes as two files: the deck up to its question bank, which
    /// [`CompiledDeck::read`] reads on its own, and the bank, for
    /// [`CompiledDeck::attach_bank`]. Joined, they are [`CompiledDeck::write`]'s bytes.
    pub fn write_apart(&self) -> (Vec<u8>, Vec<u8>) {
        let cards = self.texts.len();
        let mut body = Vec::new();
        let mut spans = Vec::with_capacity(2 * cards + 1);
        for card in 0..cards {
            push(&mut body, &mut spans, encode(self.card_text(card)));
            push(&mut body, &mut spans, encode(self.search_doc(card)));
        }
        push(
            &mut body,
            &mut spans,
            encode(self.acronyms.get(&self.body, |_| Ok(()))),
        );
        let mut bank = Vec::new();
        let mut bank_spans = Vec::with_capacity(cards + 1);
        // Counted from what is written, so the header always matches its bank (a deck read
        // without its bank writes none).
        let mut counts = Vec::with_capacity(cards);
        for card in 0..cards {
            let items = self.card_bank(card);
            counts.push(PracticeCounts::of(items));
            push(&mut bank, &mut bank_spans, encode(items));
        }
        let drills = self.drills();
        push(&mut bank, &mut bank_spans, encode(drills));
        let digest = fingerprint_bytes(&bank);
        let header = Header {
            format: FORMAT,
            source: &self.source,
            fingerprint: &self.fingerprint,
            deck: &self.deck,
            spans,
            body_len: body.len(),
            bank: BankHeader {
                len: bank.len(),
                digest: &digest,
                spans: bank_spans,
                counts,
                drill_count: count(drills.len()),
            },
        };
        let mut out = encode(&header);
        out.extend_from_slice(&body);
        (out, bank)
    }

    /// Reads a compiled deck: its header now (format, structure, spans, every index in them
    /// checked), each card's material when first asked for. The bytes are the whole deck or
    /// the deck up to its question bank ([`CompiledDeck::write_apart`]), which then waits for
    /// [`CompiledDeck::attach_bank`]. Never panics, whatever the bytes.
    pub fn read(bytes: &[u8]) -> Result<Self, LoadError> {
        Self::read_body(bytes, |body| Cow::Owned(body.to_owned()))
    }

    /// [`CompiledDeck::read`] of bytes that live as long as the program (the deck embedded in
    /// the app), keeping the material where it is instead of copying it.
    pub fn read_static(bytes: &'static [u8]) -> Result<Self, LoadError> {
        Self::read_body(bytes, Cow::Borrowed)
    }

    fn read_body<'b>(
        bytes: &'b [u8],
        keep: impl Fn(&'b [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, LoadError> {
        // The header starts with the format, so another version is told apart before its
        // header is read with this version's shape.
        let (format, _) = postcard::take_from_bytes::<u32>(bytes)
            .map_err(|e| LoadError::Unreadable(e.to_string()))?;
        if format != FORMAT {
            return Err(LoadError::Format { found: format });
        }
        let (header, rest): (Header<String, Deck>, _) =
            postcard::take_from_bytes(bytes).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        check_structure(&header.deck).map_err(LoadError::Inconsistent)?;
        let cards = header.deck.cards.len();
        if header.spans.len() != 2 * cards + 1
            || header.bank.spans.len() != cards + 1
            || header.bank.counts.len() != cards
        {
            return Err(LoadError::Inconsistent(format!(
                "{cards} cards but {} spans, {} bank spans and {} counts",
                header.spans.len(),
                header.bank.spans.len(),
                header.bank.counts.len()
            )));
        }
        // The deck up to its bank, or the whole deck: nothing shorter, longer or between.
        let bank_here = if rest.len() == header.body_len {
            false
        } else if Some(rest.len()) == header.body_len.checked_add(header.bank.len) {
            true
        } else {
            return Err(LoadError::Inconsistent(format!(
                "{} bytes after the header, for a body of {} and a bank of {}",
                rest.len(),
                header.body_len,
                header.bank.len
            )));
        };
        let (body, bank) = rest.split_at(header.body_len);
        // A span of a part `len` bytes long (the bank's length is known before its bytes are).
        let within = |len: usize, what: &str, span: Range<usize>| {
            if span.start <= span.end && span.end <= len {
                Ok(span)
            } else {
                Err(LoadError::Inconsistent(format!(
                    "bytes {}..{} are not in the {what}",
                    span.start, span.end
                )))
            }
        };
        let mut spans = header.spans.iter().map(|&[start, end]| start..end);
        let mut next = || within(body.len(), "body", spans.next().unwrap_or(0..0));
        let mut texts = Vec::with_capacity(cards);
        let mut search_docs = Vec::with_capacity(cards);
        for _ in 0..cards {
            texts.push(Lazy::unread(next()?));
            search_docs.push(Lazy::unread(next()?));
        }
        let acronyms = Lazy::unread(next()?);
        let mut banks = header
            .bank
            .spans
            .iter()
            .map(|&[start, end]| {
                within(header.bank.len, "question bank", start..end).map(Lazy::unread)
            })
            .collect::<Result<Vec<_>, _>>()?;
        // The last span is the drills' (the count was checked above).
        let drills = Lazy::unread(banks.pop().map_or(0..0, |lazy| lazy.span));
        let bank_bytes = OnceLock::new();
        if bank_here {
            let _ = bank_bytes.set(keep(bank));
        }
        Ok(Self {
            id: DeckId::of_source(&header.source),
            source: header.source,
            fingerprint: header.fingerprint,
            deck: header.deck,
            body: keep(body),
            texts,
            banks,
            bank: Bank {
                len: header.bank.len,
                digest: header.bank.digest,
                counts: header.bank.counts,
                drill_count: header.bank.drill_count,
                bytes: bank_bytes,
            },
            drills,
            search_docs,
            acronyms,
            search: OnceLock::new(),
        })
    }

    /// [`CompiledDeck::read`], then every card's material, search text, the drills and the
    /// acronyms decoded and checked now: for a deck from outside (an import, a test), where a
    /// fault must be reported rather than read as "nothing to ask".
    pub fn read_checked(bytes: &[u8]) -> Result<Self, LoadError> {
        let deck = Self::read(bytes)?;
        let Some(bank) = deck.bank.bytes.get() else {
            return Err(LoadError::Inconsistent(
                "the question bank is missing".to_owned(),
            ));
        };
        for (card, lazy) in deck.texts.iter().enumerate() {
            let text = decode(&deck.body, &lazy.span, |_: &CardText| Ok(()))
                .map_err(|why| LoadError::Inconsistent(format!("card {card}: {why}")))?;
            let _ = lazy.value.set(text);
        }
        for (card, lazy) in deck.banks.iter().enumerate() {
            let counts = deck.bank.counts.get(card).copied();
            let items = decode(bank, &lazy.span, |items| check_bank(card, counts, items))
                .map_err(|why| LoadError::Inconsistent(format!("card {card}: {why}")))?;
            let _ = lazy.value.set(items);
        }
        let drills = decode(bank, &deck.drills.span, |drills: &Vec<CompiledDrill>| {
            check_drills(&deck.deck, deck.bank.drill_count, drills)
        })
        .map_err(|why| LoadError::Inconsistent(format!("drills: {why}")))?;
        let _ = deck.drills.value.set(drills);
        for (card, lazy) in deck.search_docs.iter().enumerate() {
            let doc = decode(&deck.body, &lazy.span, |_: &SearchDoc| Ok(())).map_err(|why| {
                LoadError::Inconsistent(format!("search text of card {card}: {why}"))
            })?;
            let _ = lazy.value.set(doc);
        }
        let acronyms = decode(
            &deck.body,
            &deck.acronyms.span,
            |_: &Vec<(String, String)>| Ok(()),
        )
        .map_err(|why| LoadError::Inconsistent(format!("acronyms: {why}")))?;
        let _ = deck.acronyms.value.set(acronyms);
        Ok(deck)
    }
}

/// A length as the header counts it.
fn count(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Appends `value` to `part`, noting its span.
fn push(part: &mut Vec<u8>, spans: &mut Vec<[usize; 2]>, value: Vec<u8>) {
    spans.push([part.len(), part.len() + value.len()]);
    part.extend_from_slice(&value);
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("compiled values are plain data")
}

fn in_range(what: &str, index: usize, len: usize) -> Result<(), String> {
    if index < len {
        Ok(())
    } else {
        Err(format!("{what} {index} of {len}"))
    }
}

/// Every index of the structure points at something that is there.
fn check_structure(deck: &Deck) -> Result<(), String> {
    for section in &deck.sections {
        in_range("part", section.part, deck.parts.len())?;
    }
    for list in &deck.lists {
        in_range("section", list.section, deck.sections.len())?;
    }
    for card in &deck.cards {
        in_range("section", card.section, deck.sections.len())?;
        if let CardKind::OneLiner { list } | CardKind::GuideItem { list } = card.kind {
            in_range("list", list, deck.lists.len())?;
        }
    }
    Ok(())
}

/// A card's choice and fill-in items and key points (as many as the header counts) are filed
/// under it and every index in them is in range.
fn check_bank(
    card: usize,
    counts: Option<PracticeCounts>,
    material: &CardBank,
) -> Result<(), String> {
    let found = PracticeCounts::of(material);
    let counted = counts.unwrap_or_default();
    if counts != Some(found) {
        return Err(format!(
            "card {card} has {} choice and {} fill-in items and {} key points, not the {}, {} \
             and {} its header counts",
            found.choice,
            found.fill_in,
            found.key_points,
            counted.choice,
            counted.fill_in,
            counted.key_points
        ));
    }
    for question in &material.choice {
        if question.card != card {
            return Err(format!(
                "question {} is filed under card {card}",
                question.id
            ));
        }
        in_range("right option", question.correct, question.options.len())?;
        if question.why.len() != question.options.len() {
            return Err(format!(
                "question {} lacks an explanation per option",
                question.id
            ));
        }
    }
    for prompt in &material.fill_in {
        if prompt.card != card {
            return Err(format!("prompt {} is filed under card {card}", prompt.id));
        }
    }
    Ok(())
}

fn check_drills(deck: &Deck, counted: u32, drills: &[CompiledDrill]) -> Result<(), String> {
    if count(drills.len()) != counted {
        return Err(format!(
            "{} drills, not the {counted} the header counts",
            drills.len()
        ));
    }
    for drill in drills {
        for item in &drill.items {
            in_range("card", item.card, deck.cards.len())?;
        }
    }
    Ok(())
}

impl PartialEq for CompiledDeck {
    /// Same source, structure and material, whatever has been decoded so far.
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
            && self.fingerprint == other.fingerprint
            && self.deck == other.deck
            && self.texts.len() == other.texts.len()
            && self.bank.counts == other.bank.counts
            && (0..self.texts.len()).all(|card| self.card(card) == other.card(card))
            && self.drills() == other.drills()
            && self.search_source() == other.search_source()
    }
}

impl fmt::Debug for CompiledDeck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompiledDeck")
            .field("source", &self.source)
            .field("fingerprint", &self.fingerprint)
            .field("cards", &self.deck.cards.len())
            .field("bank_ready", &self.bank_ready())
            .finish_non_exhaustive()
    }
}
