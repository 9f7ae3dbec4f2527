//! Search: ranked, typo-tolerant lookup of cards by what a learner remembers of them.
//!
//! The compiled deck carries each card's text ([`SearchSource`]); the index
//! ([`SearchIndex`]) is built from it on the first search. It holds each card's text in four
//! fields (title, context, bold labels, answer) and, per term, each card's BM25F weight. A
//! query's words match terms exactly, as a prefix while being typed, by stem or derivation,
//! or within a typo budget ([`crate::text::typo_budget`]); acronyms the deck spells out match
//! their expansions both ways; a result's title and snippet come with the matched words
//! marked. Words go through the same tokenizer and stemmer as quizzes and recall
//! ([`crate::text`]).

mod acronyms;
mod document;
mod index;
mod query;
mod snippet;
mod suggest;
mod unit;
mod words;

pub use document::SearchDoc;
pub use index::{SearchIndex, SearchSource};
pub use snippet::{Found, Hit, Marked};
