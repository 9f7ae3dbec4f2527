//! Shared text tools: the one tokenizer, stemmer, stop-word list and edit distance that
//! the linter, recall, fill-in checks and search all use, so a word means the same thing to each
//! of them. Also the readers of an answer's markdown source (labels, lead sentences).
//!
//! Quiz-only logic (giveaway cues, masking) lives in `quiz`; key-term extraction in `recall`.

mod acronym;
mod answer;
mod distance;
mod html;
mod number;
mod words;

pub use acronym::run_initials;
pub use answer::{
    Label, body_text, fit_sentence, labels, lead_sentences, main_body, sentences,
    split_parenthesised, strip_inline,
};
pub use distance::{edit_distance, edit_distance_within, typo_budget};
pub use html::{escape_html, push_escaped_html};
pub use number::{by_number, count_of};
pub use words::{
    Token, american, is_generic, is_generic_acronym, is_stopword, split_name, stem, tokens,
    word_set,
};
