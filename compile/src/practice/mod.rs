//! Authored practice as the compiler reads it: the files' items and mistakes with where each
//! was written ([`parse_files`], format in `docs/practice-format.md`), and [`lint`], which
//! refuses an item that breaks a rule before a build may ship it.

mod lint;
mod parse;

use prep_engine::practice::{Mistake, code_spans};

use serde::{Deserialize, Serialize};

pub use lint::{lint, lint_item};
pub use parse::parse_practice;

/// One problem in a practice file, located by file and 1-based line: the same shape as the
/// content's own errors, so the build reports both alike.
pub type PracticeError = prep_engine::content::ContentError;

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
pub fn read_files(dir: &std::path::Path, label: &str) -> std::io::Result<Vec<(String, String)>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    prep_engine::order::sort(&mut names);
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name))?;
            Ok((format!("{label}/{name}"), text))
        })
        .collect()
}
