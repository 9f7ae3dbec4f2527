use std::fmt;

use serde::{Deserialize, Serialize};

/// Stable, readable identity of a card: what URLs and saved progress refer to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(pub String);

impl CardId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Read as text wherever text is wanted (a saved line, a URL, a comparison with a parsed id);
/// what takes a card takes a `CardId`.
impl std::ops::Deref for CardId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for CardId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CardId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<CardId> for str {
    fn eq(&self, other: &CardId) -> bool {
        self == other.0
    }
}

impl PartialEq<CardId> for String {
    fn eq(&self, other: &CardId) -> bool {
        *self == other.0
    }
}

impl From<String> for CardId {
    fn from(id: String) -> Self {
        CardId(id)
    }
}

impl From<&str> for CardId {
    fn from(id: &str) -> Self {
        CardId(id.to_owned())
    }
}

/// Maps keyed by `CardId` can be read with a plain `&str` (a line of saved progress, a URL),
/// so parsing never allocates an id to look one up.
impl std::borrow::Borrow<str> for CardId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which deck: the namespace its saved progress, preferences and sittings live under, so decks
/// studied in one browser never read each other's state. Lowercase ASCII letters, digits and
/// `-` only, so it is safe in a storage key and a URL segment as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeckId(String);

impl DeckId {
    /// The id of a deck compiled from the file at `path`: its file name without the extension,
    /// slugged (`content/interview.md` is `interview`; `My Notes.md` is `my-notes`). A name with
    /// nothing to keep is `deck`.
    pub fn of_source(path: &str) -> Self {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        Self::slug(stem)
    }

    /// `text` as an id: ASCII letters and digits lowercased, every other run of characters one
    /// `-`, none at either end.
    pub fn slug(text: &str) -> Self {
        let mut id = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c.to_ascii_lowercase());
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
        while id.ends_with('-') {
            id.pop();
        }
        if id.is_empty() {
            id.push_str("deck");
        }
        DeckId(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DeckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The whole parsed content: parts (`#`) hold sections (`##`), which hold lists and cards.
/// Everything refers to its parent by index, so the deck is plain data that is cheap to share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// The first `#` heading: the document's title.
    pub title: String,
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub lists: Vec<List>,
    pub cards: Vec<Card>,
}

/// A `#` heading grouping sections on the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub title: String,
    /// 1-based source line of the heading.
    pub line: u32,
}

/// A `##` heading: the unit a person browses and filters study sessions by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Slug of the title, unique in the deck; used in URLs.
    pub id: String,
    pub title: String,
    /// Index into [`Deck::parts`].
    pub part: usize,
    pub line: u32,
}

/// What a one-liner or guide list says about its subject; drives classification drills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListKind {
    /// "`<Subject>` Advantages"
    Advantages,
    /// "`<Subject>` Disadvantages"
    Disadvantages,
    /// "Choose `<Subject>` When:"
    ChooseWhen,
    /// "Avoid `<Subject>` When:"
    AvoidWhen,
}

/// A list of one-liners (`## ORM Advantages`) or guide items (`### Choose ORM When:`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    pub id: String,
    /// The heading as written, e.g. "Choose ORM When:".
    pub title: String,
    /// What the list is about, e.g. "ORM" or "Django".
    pub subject: String,
    pub kind: ListKind,
    /// Index into [`Deck::sections`].
    pub section: usize,
    pub line: u32,
}

/// The kinds of card the content has; each study mode picks the kinds it can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardKind {
    /// `### 27. Question?` followed by its answer.
    Question { number: u32 },
    /// `### Term` in a definitions section, followed by its definition.
    Definition,
    /// `- **Head** - detail` in an advantages/disadvantages list. Index into [`Deck::lists`].
    OneLiner { list: usize },
    /// `- item` in a choose/avoid-when list. Index into [`Deck::lists`].
    GuideItem { list: usize },
}

/// One thing to learn: a prompt and the markdown that answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: CardId,
    pub kind: CardKind,
    /// Index into [`Deck::sections`].
    pub section: usize,
    /// The question, the term, the one-liner's head, or the guide item's text.
    pub prompt: String,
    /// Markdown answer: the question's body, the definition, the one-liner's detail.
    /// Empty for guide items, whose "answer" is their list, and in a compiled deck, which
    /// carries the rendering instead ([`crate::compiled::CompiledCard::answer_html`]).
    #[serde(skip)]
    pub answer: String,
    /// 1-based source line where the card starts.
    pub line: u32,
}

impl Deck {
    /// Position in [`Deck::cards`] of the card with this id.
    pub fn card_index(&self, id: &str) -> Option<usize> {
        self.cards.iter().position(|card| card.id.as_str() == id)
    }

    /// Position in [`Deck::sections`] of the section with this id.
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.id == id)
    }

    /// The cards of a section, in source order, with their deck indices.
    pub fn cards_in_section(&self, section: usize) -> impl Iterator<Item = (usize, &Card)> {
        self.cards
            .iter()
            .enumerate()
            .filter(move |(_, card)| card.section == section)
    }

    /// The sections of a part, in source order, with their deck indices.
    pub fn sections_in_part(&self, part: usize) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(move |(_, section)| section.part == part)
    }

    /// The lists of a section, in source order, with their deck indices.
    pub fn lists_in_section(&self, section: usize) -> impl Iterator<Item = (usize, &List)> {
        self.lists
            .iter()
            .enumerate()
            .filter(move |(_, list)| list.section == section)
    }

    /// The one-liners or guide items of a list, in source order, with their deck indices.
    pub fn cards_in_list(&self, list: usize) -> impl Iterator<Item = (usize, &Card)> {
        self.cards
            .iter()
            .enumerate()
            .filter(move |(_, card)| card.list() == Some(list))
    }
}

impl Card {
    /// The list a one-liner or guide item belongs to (index into [`Deck::lists`]).
    pub fn list(&self) -> Option<usize> {
        match self.kind {
            CardKind::OneLiner { list } | CardKind::GuideItem { list } => Some(list),
            CardKind::Question { .. } | CardKind::Definition => None,
        }
    }
}
