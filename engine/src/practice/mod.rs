//! Authored practice: multiple-choice, true-or-false and fill-in items and each card's common
//! mistakes, written by hand beside the content (`content/practice/*.md`, format in
//! `docs/practice-format.md`) and checked by [`lint`] before a build may ship them.
//!
//! # Why authored, not generated
//!
//! Distractors that are plausible *and* wrong, misconceptions learners really hold, and blanks
//! that need knowledge all take knowledge of the topic. Three blind reads of questions
//! generated from the content by rules passed 11, 2 and 7 of 30; so the items are written by
//! someone who knows Django, and the machine's job is checking them: [`parse`] reads the
//! files with exact line numbers, [`lint`] refuses the mechanical faults (cues, overlaps,
//! counts) with `file:line: reason`.

mod lint;
mod parse;

use serde::{Deserialize, Serialize};

pub use lint::{lint, lint_item};
pub use parse::parse_practice;

/// One problem in a practice file, located by file and 1-based line: the same shape as the
/// content's own errors, so the build reports both alike.
pub type PracticeError = crate::content::ContentError;

/// One authored item, with the card it belongs to and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthoredItem {
    /// The card's id as written in the file (checked against the deck by [`lint`]).
    pub card: String,
    pub file: String,
    /// The line of its `###` heading.
    pub line: u32,
    pub body: ItemBody,
}

/// What an item asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemBody {
    /// Pick the one right option; every option carries why it is right or wrong.
    Choice {
        stem: String,
        options: Vec<ChoiceOption>,
    },
    /// Is the statement true? The correction (or the reason it holds) is shown after.
    TrueFalse {
        statement: String,
        truth: bool,
        why: String,
    },
    /// Type the term the blank (`___`) stands for.
    FillIn {
        sentence: String,
        accepted: Vec<String>,
        /// Shown after answering; may be empty.
        why: String,
    },
}

/// One option of a choice item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub text: String,
    pub right: bool,
    /// Why it is right, or what it actually is / why it fails.
    pub why: String,
    /// The line of its `- [ ]` marker, for messages.
    #[serde(skip)]
    pub line: u32,
}

impl ItemBody {
    /// The kind as the export and the docs name it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ItemBody::Choice { .. } => "choice",
            ItemBody::TrueFalse { .. } => "true-false",
            ItemBody::FillIn { .. } => "fill-in",
        }
    }

    /// The question text: stem, statement or sentence.
    pub fn stem(&self) -> &str {
        match self {
            ItemBody::Choice { stem, .. } => stem,
            ItemBody::TrueFalse { statement, .. } => statement,
            ItemBody::FillIn { sentence, .. } => sentence,
        }
    }
}

/// A misconception learners bring to a card, and what is true instead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mistake {
    /// What people say ("`prefetch_related` only works for many-to-many").
    pub claim: String,
    /// What is true instead.
    pub correction: String,
}

/// A mistake with the card it belongs to and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthoredMistake {
    pub card: String,
    pub file: String,
    pub line: u32,
    pub mistake: Mistake,
}

/// Everything read from the practice files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Practice {
    pub items: Vec<AuthoredItem>,
    pub mistakes: Vec<AuthoredMistake>,
}

impl Practice {
    /// Reads every file (`(path, text)`, in the order given), collecting every problem.
    pub fn parse_files(files: &[(String, String)]) -> Result<Practice, Vec<PracticeError>> {
        let mut practice = Practice::default();
        let mut errors = Vec::new();
        for (file, text) in files {
            match parse_practice(file, text) {
                Ok(read) => {
                    practice.items.extend(read.items);
                    practice.mistakes.extend(read.mistakes);
                }
                Err(mut found) => errors.append(&mut found),
            }
        }
        if errors.is_empty() {
            Ok(practice)
        } else {
            Err(errors)
        }
    }
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

/// The text outside `` `code` `` spans, the spans replaced by a space.
pub(crate) fn outside_code(text: &str) -> String {
    code_spans(text)
        .filter(|(code, _)| !code)
        .map(|(_, piece)| piece)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every `*.md` file of `dir` as (`label/<name>`, text), in name order so builds repeat: how
/// `build.rs`, the tests and the tools read `content/practice/`. Build-time only.
#[cfg(feature = "compile")]
pub fn read_files(dir: &std::path::Path, label: &str) -> std::io::Result<Vec<(String, String)>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    crate::order::sort(&mut names);
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name))?;
            Ok((format!("{label}/{name}"), text))
        })
        .collect()
}
