//! Authored practice: multiple-choice, true-or-false and fill-in items and each card's common
//! mistakes, written by hand beside the content (`content/practice/*.md`, format in
//! `docs/practice-format.md`) and checked by `lint` before a build may ship them.
//!
//! # Why authored, not generated
//!
//! Distractors that are plausible *and* wrong, misconceptions learners really hold, and blanks
//! that need knowledge all take knowledge of the topic. Three blind reads of questions
//! generated from the content by rules passed 11, 2 and 7 of 30; so the items are written by
//! someone who knows Django, and the machine's job is checking them: the compiler
//! (`prep-compile`'s `practice` module) reads the files with exact line numbers and its linter
//! refuses the mechanical faults (cues, overlaps, counts) with `file:line: reason`. What study
//! needs of them at run time is here: each card's common mistakes and the reading of `code` marks.

use serde::{Deserialize, Serialize};

/// A misconception learners bring to a card, and what is true instead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mistake {
    /// What people say ("`prefetch_related` only works for many-to-many").
    pub claim: String,
    /// What is true instead.
    pub correction: String,
}

/// Text with its `` `code` `` marks removed: what the export and plain-text checks read.
pub fn plain(text: &str) -> String {
    text.replace('`', "")
}

/// The pieces of authored text in order, each with whether it is a `` `code` `` span: the one
/// reading of the marks, for the views that show code in a code face, the build-time pages and
/// the linter's checks outside code.
pub fn code_spans(text: &str) -> impl Iterator<Item = (bool, &str)> {
    text.split('`')
        .enumerate()
        .map(|(at, piece)| (at % 2 == 1, piece))
}
