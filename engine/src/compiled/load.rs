//! Writing and reading the compiled format (see the module docs), and refusing anything the
//! study code could not index safely.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{CompiledCard, CompiledDeck, CompiledDrill, FORMAT, Lazy};
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
    /// Byte ranges in the body, `[start, end]`: per card its material and its search
    /// document, then the drills, then the acronyms.
    spans: Vec<[usize; 2]>,
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
    /// A deck from compiled parts (what [`super::compile`] gives).
    pub fn from_parts(
        source: String,
        fingerprint: String,
        deck: Deck,
        cards: Vec<CompiledCard>,
        drills: Vec<CompiledDrill>,
        search: SearchSource,
    ) -> Self {
        Self {
            id: DeckId::of_source(&source),
            source,
            fingerprint,
            deck,
            body: Cow::Borrowed(&[]),
            cards: cards.into_iter().map(Lazy::ready).collect(),
            drills: Lazy::ready(drills),
            search_docs: search.docs.into_iter().map(Lazy::ready).collect(),
            acronyms: Lazy::ready(search.acronyms),
            search: OnceLock::new(),
        }
    }

    /// A card's material (empty for an unknown card).
    pub fn card(&self, card: usize) -> &CompiledCard {
        static NOTHING: OnceLock<CompiledCard> = OnceLock::new();
        match self.cards.get(card) {
            Some(lazy) => lazy.get(&self.body, |material| check_card(card, material)),
            None => NOTHING.get_or_init(CompiledCard::default),
        }
    }

    /// Every classification drill, with its statements in deck order.
    pub fn drills(&self) -> &[CompiledDrill] {
        self.drills.get(&self.body, |drills: &Vec<CompiledDrill>| {
            check_drills(&self.deck, drills)
        })
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

    /// The compiled format's bytes.
    pub fn write(&self) -> Vec<u8> {
        let mut body = Vec::new();
        let mut spans = Vec::with_capacity(2 * self.cards.len() + 2);
        let mut push = |value: Vec<u8>| {
            spans.push([body.len(), body.len() + value.len()]);
            body.extend_from_slice(&value);
        };
        for card in 0..self.cards.len() {
            push(encode(self.card(card)));
            push(encode(self.search_doc(card)));
        }
        push(encode(self.drills()));
        push(encode(self.acronyms.get(&self.body, |_| Ok(()))));
        let header = Header {
            format: FORMAT,
            source: &self.source,
            fingerprint: &self.fingerprint,
            deck: &self.deck,
            spans,
        };
        let mut out = encode(&header);
        out.extend_from_slice(&body);
        out
    }

    /// Reads a compiled deck: its header now (format, structure, spans, every index in them
    /// checked), each card's material when first asked for. Never panics, whatever the bytes.
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
        keep: impl FnOnce(&'b [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, LoadError> {
        // The header starts with the format, so another version is told apart before its
        // header is read with this version's shape.
        let (format, _) = postcard::take_from_bytes::<u32>(bytes)
            .map_err(|e| LoadError::Unreadable(e.to_string()))?;
        if format != FORMAT {
            return Err(LoadError::Format { found: format });
        }
        let (header, body): (Header<String, Deck>, _) =
            postcard::take_from_bytes(bytes).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        check_structure(&header.deck).map_err(LoadError::Inconsistent)?;
        let cards = header.deck.cards.len();
        if header.spans.len() != 2 * cards + 2 {
            return Err(LoadError::Inconsistent(format!(
                "{cards} cards but {} spans",
                header.spans.len()
            )));
        }
        let mut spans = header.spans.iter().map(|&[start, end]| start..end);
        let lazy = |span: Range<usize>| -> Result<Range<usize>, LoadError> {
            if body.get(span.clone()).is_some() {
                Ok(span)
            } else {
                Err(LoadError::Inconsistent(format!(
                    "bytes {}..{} are not in the body",
                    span.start, span.end
                )))
            }
        };
        let mut card_spans = Vec::with_capacity(cards);
        let mut search_docs = Vec::with_capacity(cards);
        for _ in 0..cards {
            card_spans.push(Lazy::unread(lazy(spans.next().unwrap_or(0..0))?));
            search_docs.push(Lazy::unread(lazy(spans.next().unwrap_or(0..0))?));
        }
        let drills = Lazy::unread(lazy(spans.next().unwrap_or(0..0))?);
        let acronyms = Lazy::unread(lazy(spans.next().unwrap_or(0..0))?);
        Ok(Self {
            id: DeckId::of_source(&header.source),
            source: header.source,
            fingerprint: header.fingerprint,
            deck: header.deck,
            body: keep(body),
            cards: card_spans,
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
        for (card, lazy) in deck.cards.iter().enumerate() {
            if lazy.value.get().is_none() {
                let material = decode(&deck.body, &lazy.span, |material| {
                    check_card(card, material)
                })
                .map_err(|why| LoadError::Inconsistent(format!("card {card}: {why}")))?;
                let _ = lazy.value.set(material);
            }
        }
        let drills = decode(
            &deck.body,
            &deck.drills.span,
            |drills: &Vec<CompiledDrill>| check_drills(&deck.deck, drills),
        )
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

/// A card's material is filed under it and every index in it is in range.
fn check_card(card: usize, material: &CompiledCard) -> Result<(), String> {
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

fn check_drills(deck: &Deck, drills: &[CompiledDrill]) -> Result<(), String> {
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
            && self.cards.len() == other.cards.len()
            && (0..self.cards.len()).all(|card| self.card(card) == other.card(card))
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
            .finish_non_exhaustive()
    }
}
