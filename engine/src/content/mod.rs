//! The content model: a deck parsed from one markdown file.
//!
//! Card ids are slugs of the card's *prompt* (question, term, list item head), never of its
//! answer, so editing an answer keeps URLs and saved progress valid. A heading may pin its id
//! with a trailing `{#custom-id}` when its wording changes.

mod error;
mod model;
pub mod slug;

pub use error::ContentError;
pub use model::*;
pub use slug::slugify;
