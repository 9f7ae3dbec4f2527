//! Importing question files of other shapes: a file a person brings is recognised (numbered
//! question headings, `<details>` blocks, bold questions, `Q:`/`A:` pairs, Obsidian cards,
//! CSV/TSV exports) and rewritten in the app's own deck format, so the one parser
//! ([`crate::parse_deck`]) stays the only reader of decks.
//!
//! Nothing is dropped silently: every non-blank line of the original that ends up in no card
//! (intro prose, a table of contents, a question without an answer) is listed in
//! [`Converted::unplaced`] with its original line number. Only navigation ("back to top"
//! links), empty headings, rules and wrapper tags go without a report.

mod bold;
mod collect;
mod decode;
mod delimited;
mod details;
mod emit;
mod headings;
mod html_text;
mod lines;
mod obsidian;
mod pairs;

use std::fmt;

pub use decode::{DecodeError, MAX_IMPORT_BYTES, decode};

use collect::Extracted;

/// A recognised shape of question file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    /// `## 12. What is …?`, `### Q1. …`, `## Q. …`, or headings that read as questions.
    QuestionHeadings,
    /// `<details><summary>Question</summary> answer </details>`, or a question followed by
    /// `<details><summary>Answer</summary>`.
    Details,
    /// `1. **What is …?**` with the answer below or after `→`, `-` or `:`; `**Q: …**`.
    BoldQuestions,
    /// `Q:` / `A:` (or `Question:` / `Answer:`) pairs.
    QaPairs,
    /// Obsidian spaced repetition: `question::answer` and multi-line cards split by a `?` line.
    DoubleColon,
    /// TSV/CSV, including Anki's plain-text export and Quizlet's export.
    Delimited,
}

impl Shape {
    /// Every shape, in the order ties are broken in.
    pub const ALL: [Shape; 6] = [
        Shape::Delimited,
        Shape::Details,
        Shape::QuestionHeadings,
        Shape::QaPairs,
        Shape::BoldQuestions,
        Shape::DoubleColon,
    ];

    /// Words a person reads when choosing a shape.
    pub fn label(self) -> &'static str {
        match self {
            Shape::QuestionHeadings => "Question headings (## 1. What is …?)",
            Shape::Details => "Collapsible answers (<details><summary>…</summary>)",
            Shape::BoldQuestions => "Bold questions (1. **What is …?**)",
            Shape::QaPairs => "Q: / A: pairs",
            Shape::DoubleColon => "Obsidian flashcards (question::answer, or a ? line)",
            Shape::Delimited => "Spreadsheet rows (CSV/TSV, Anki or Quizlet export)",
        }
    }

    /// A stable short id (for settings and messages between the worker and the page).
    pub fn key(self) -> &'static str {
        match self {
            Shape::QuestionHeadings => "headings",
            Shape::Details => "details",
            Shape::BoldQuestions => "bold",
            Shape::QaPairs => "qa",
            Shape::DoubleColon => "double-colon",
            Shape::Delimited => "delimited",
        }
    }

    pub fn from_key(key: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|shape| shape.key() == key)
    }

    fn extract(self, text: &str) -> Extracted {
        match self {
            Shape::QuestionHeadings => headings::extract(text),
            Shape::Details => details::extract(text),
            Shape::BoldQuestions => bold::extract(text),
            Shape::QaPairs => pairs::extract(text),
            Shape::DoubleColon => obsidian::extract(text),
            Shape::Delimited => delimited::extract(text),
        }
    }
}

/// A line of the original text that ended up in no card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unplaced {
    /// 1-based line in the original text.
    pub line: u32,
    pub text: String,
}

/// A file rewritten in the app's deck format.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Converted {
    pub shape: Shape,
    /// The deck in the app's format; [`crate::parse_deck`] accepts it.
    pub markdown: String,
    pub cards: usize,
    pub sections: usize,
    /// Every non-blank original line in no card and not used as structure.
    pub unplaced: Vec<Unplaced>,
}

/// No shape found a single card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoCards {
    /// The shapes that were tried.
    pub looked_for: Vec<Shape>,
    /// The first few non-blank lines of the file, to show what it looks like.
    pub first_lines: Vec<String>,
}

impl fmt::Display for NoCards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "No question with an answer was found. Looked for: ")?;
        for (at, shape) in self.looked_for.iter().enumerate() {
            let sep = if at == 0 { "" } else { "; " };
            write!(f, "{sep}{}", shape.label())?;
        }
        write!(f, ".\nThe file begins:")?;
        for line in &self.first_lines {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NoCards {}

/// How many lines of the file a [`NoCards`] error shows.
const PREVIEW_LINES: usize = 5;

/// Every shape that finds at least one card, best first: the fewest unplaced lines (the shape
/// that accounts for the most of the file), then the most cards.
pub fn detect(text: &str) -> Vec<(Shape, usize)> {
    ranked(text)
        .into_iter()
        .map(|converted| (converted.shape, converted.cards))
        .collect()
}

fn ranked(text: &str) -> Vec<Converted> {
    let mut found: Vec<Converted> = Shape::ALL
        .into_iter()
        .map(|shape| convert_as(text, "", shape))
        .filter(|converted| converted.cards > 0)
        .collect();
    // A stable sort keeps `Shape::ALL`'s order between equals.
    found.sort_by_key(|converted| (converted.unplaced.len(), std::cmp::Reverse(converted.cards)));
    found
}

/// Converts `text` with `shape`, or with the best shape [`detect`] finds when `None`. `title`
/// names the deck when the file has no `# Title` of its own.
pub fn convert(text: &str, title: &str, shape: Option<Shape>) -> Result<Converted, NoCards> {
    convert_detected(text, title, shape).map(|(converted, _)| converted)
}

/// [`convert`], and what [`detect`] finds in `text`, from one ranking of the shapes (the
/// preview shows both; ranking converts the file once per shape).
pub fn convert_detected(
    text: &str,
    title: &str,
    shape: Option<Shape>,
) -> Result<(Converted, Vec<(Shape, usize)>), NoCards> {
    let ranking = ranked(text);
    let found: Vec<(Shape, usize)> = ranking
        .iter()
        .map(|converted| (converted.shape, converted.cards))
        .collect();
    let no_cards = |looked_for: Vec<Shape>| NoCards {
        looked_for,
        first_lines: text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .lines()
            .filter(|line| !line.trim().is_empty())
            .take(PREVIEW_LINES)
            .map(|line| line.chars().take(200).collect())
            .collect(),
    };
    let converted = match shape {
        Some(shape) => {
            let converted = convert_as(text, title, shape);
            if converted.cards == 0 {
                return Err(no_cards(vec![shape]));
            }
            converted
        }
        None => match ranking.first() {
            Some(best) => convert_as(text, title, best.shape),
            None => return Err(no_cards(Shape::ALL.to_vec())),
        },
    };
    Ok((converted, found))
}

fn convert_as(text: &str, title: &str, shape: Shape) -> Converted {
    let extracted = shape.extract(text);
    let title = extracted.title.as_deref().unwrap_or(title);
    let emitted = emit::emit(title, &extracted.cards);
    let mut unplaced = extracted.unplaced;
    if !emitted.skipped.is_empty() {
        let lines: Vec<&str> = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .lines()
            .collect();
        for skipped in &emitted.skipped {
            if let Some(line) = lines.get((*skipped as usize).wrapping_sub(1)) {
                unplaced.push(Unplaced {
                    line: *skipped,
                    text: (*line).to_owned(),
                });
            }
        }
        unplaced.sort_by_key(|unplaced| unplaced.line);
    }
    Converted {
        shape,
        markdown: emitted.markdown,
        cards: emitted.cards,
        sections: emitted.sections,
        unplaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for shape in Shape::ALL {
            assert_eq!(Shape::from_key(shape.key()), Some(shape));
            assert!(!shape.label().is_empty());
        }
        assert_eq!(Shape::from_key("nope"), None);
    }
}
