//! What every Markdown-like shape produces, in one place: the cards it found, the headings that
//! may name sections, and which original lines it used. Whatever no shape used is reported back
//! line by line, so a person can see that nothing was silently lost.

use super::Unplaced;
use super::lines::{Fences, Line, atx_heading, dedent, is_back_to_top, visible_text};

/// A question and its answer lines, not yet placed in a section.
#[derive(Debug, Clone)]
pub(super) struct Card {
    /// 1-based line of the question in the original text.
    pub line: u32,
    /// The heading level of the question (7 when the question is not a heading): headings at
    /// this level or above name its section.
    pub level: usize,
    pub question: String,
    pub answer: Vec<String>,
    /// A section the file names for this card itself (a deck column or tag), if any.
    pub section: Option<String>,
}

/// A card with the section it falls under (`None`: directly under the deck's title).
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub section: Option<String>,
    pub card: Card,
}

/// One shape's reading of a file.
#[derive(Debug, Default)]
pub(super) struct Extracted {
    /// The file's own `# Title`, if it has one.
    pub title: Option<String>,
    pub cards: Vec<Placed>,
    pub unplaced: Vec<Unplaced>,
}

/// A heading that is not a question: it may name the section of the cards below it.
#[derive(Debug)]
struct Mark {
    index: usize,
    level: usize,
    text: String,
}

/// Gathers cards and structure over the lines of one file.
pub(super) struct Collector<'l, 'a> {
    lines: &'l [Line<'a>],
    placed: Vec<bool>,
    marks: Vec<Mark>,
    cards: Vec<Card>,
}

impl<'l, 'a> Collector<'l, 'a> {
    pub fn new(lines: &'l [Line<'a>]) -> Self {
        Self {
            lines,
            placed: vec![false; lines.len()],
            marks: Vec::new(),
            cards: Vec::new(),
        }
    }

    /// Marks lines `range` as used (by a card or as dropped wrapping).
    pub fn place(&mut self, range: std::ops::Range<usize>) {
        let end = range.end.min(self.placed.len());
        for flag in &mut self.placed[range.start.min(end)..end] {
            *flag = true;
        }
    }

    /// A heading at `index` that is not a question.
    pub fn mark(&mut self, index: usize, level: usize, text: &str) {
        self.marks.push(Mark {
            index,
            level,
            text: text.trim_start_matches(['#', ' ']).trim().to_owned(),
        });
    }

    /// Adds a card whose question is at line `index` and whose answer is `answer` (raw lines),
    /// and marks `used` as placed. An answer with nothing in it makes no card: the question is
    /// left unplaced, so it is reported instead of becoming an empty card. Returns whether a card
    /// was made.
    pub fn card(
        &mut self,
        index: usize,
        level: usize,
        question: &str,
        answer: Vec<String>,
        used: std::ops::Range<usize>,
    ) -> bool {
        let question = super::lines::one_line(question);
        let answer = clean_answer(answer);
        if question.is_empty() || !has_content(&answer) {
            // What the answer held was wrapping only; the question itself is reported.
            self.place(used);
            if let Some(flag) = self.placed.get_mut(index) {
                *flag = false;
            }
            return false;
        }
        self.place(used);
        // The question line is placed even when it lies outside `used`.
        self.place(index..index + 1);
        self.cards.push(Card {
            line: self.lines.get(index).map_or(0, |line| line.no),
            level,
            question,
            answer,
            section: None,
        });
        true
    }

    /// Names the section of the card added last (rows carry their own deck or tag).
    pub fn section_of_last(&mut self, section: String) {
        if let Some(card) = self.cards.last_mut() {
            card.section = Some(section);
        }
    }

    /// Assigns sections and lists what no card used.
    pub fn finish(mut self) -> Extracted {
        let first_card = self.cards.first().map_or(u32::MAX, |card| card.line);
        let mut title = None;
        if let Some(first) = self.marks.first()
            && first.level == 1
            && self.lines[first.index].no < first_card
        {
            title = Some(first.text.clone());
        }
        // A heading is used when a card falls in its scope (up to the next heading at its level
        // or above): then it is structure, not lost text.
        for (at, mark) in self.marks.iter().enumerate() {
            let start = self.lines[mark.index].no;
            let end = self.marks[at + 1..]
                .iter()
                .find(|next| next.level <= mark.level)
                .map_or(u32::MAX, |next| self.lines[next.index].no);
            let used = self
                .cards
                .iter()
                .any(|card| card.line > start && card.line < end);
            let toc = is_contents_title(&mark.text);
            if used || toc || mark.text.is_empty() || (at == 0 && title.is_some()) {
                self.placed[mark.index] = true;
            }
        }
        let cards = self
            .cards
            .iter()
            .map(|card| {
                let section = card.section.clone().or_else(|| {
                    self.marks
                        .iter()
                        .rev()
                        .find(|mark| {
                            self.lines[mark.index].no < card.line
                                && mark.level <= card.level
                                && !is_contents_title(&mark.text)
                        })
                        .filter(|mark| {
                            !(title.is_some()
                                && mark.level == 1
                                && self.marks[0].index == mark.index)
                        })
                        .map(|mark| mark.text.clone())
                });
                Placed {
                    section,
                    card: card.clone(),
                }
            })
            .collect();
        let unplaced = self
            .lines
            .iter()
            .zip(&self.placed)
            .filter(|(line, placed)| !**placed && line.is_content() && !is_dropped(line))
            .map(|(line, _)| Unplaced {
                line: line.no,
                text: line.text.to_owned(),
            })
            .collect();
        Extracted {
            title,
            cards,
            unplaced,
        }
    }
}

/// Navigation, empty headings and bare wrapper tags: dropped without a report, since they
/// carry no words.
fn is_dropped(line: &Line<'_>) -> bool {
    !line.code
        && (is_back_to_top(line.text)
            || is_wrapper(line.text)
            || is_bare_markup(line.text)
            || line.heading().is_some_and(|(_, text)| text.is_empty()))
}

/// A line of HTML tags with no words between them (`<img src=…>`, `</a>`, `<p align=…>`).
fn is_bare_markup(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.starts_with('<') && trimmed.ends_with('>') && visible_text(trimmed).trim().is_empty()
}

/// The visible words of `text`, lowercased, without punctuation, one space apart: what a label
/// is recognised by, however it is decorated.
fn plain_words(text: &str) -> String {
    visible_text(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Table of Contents` and its kin: a heading over links, never a section.
pub(super) fn is_contents_title(text: &str) -> bool {
    matches!(
        plain_words(text).as_str(),
        "table of contents" | "contents" | "toc" | "index" | "questions" | "list of questions"
    )
}

/// Whether answer lines hold anything but blanks and rules.
pub(super) fn has_content(answer: &[String]) -> bool {
    let mut fences = Fences::default();
    answer.iter().any(|line| {
        let code = fences.step(line);
        !line.trim().is_empty() && (code || !super::lines::is_rule(line))
    })
}

/// Answer lines tidied the same way for every shape: back-to-top links, `<details>` /
/// `<summary>Answer</summary>` / `<p>` wrappers and `### Answer` labels dropped (outside code),
/// common indentation removed, blank edges trimmed.
pub(super) fn clean_answer(lines: Vec<String>) -> Vec<String> {
    let mut fences = Fences::default();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        if fences.step(&line) {
            out.push(line);
            continue;
        }
        if is_back_to_top(&line) || is_wrapper(&line) {
            continue;
        }
        if let Some((_, text)) = atx_heading(&line)
            && is_answer_label(text)
        {
            continue;
        }
        out.push(line);
    }
    dedent(&mut out);
    while out.last().is_some_and(|line| line.trim().is_empty()) {
        out.pop();
    }
    let first = out
        .iter()
        .position(|line| !line.trim().is_empty())
        .unwrap_or(out.len());
    out.drain(..first);
    out
}

/// `Answer`, `Answer:`, `**Answer**`, `Show answer`, `Solution`…: a label, not content.
pub(super) fn is_answer_label(text: &str) -> bool {
    matches!(
        plain_words(text).as_str(),
        "answer"
            | "answers"
            | "show answer"
            | "view answer"
            | "see answer"
            | "reveal answer"
            | "click to expand"
            | "click to see answer"
            | "click to view answer"
            | "click here to view answer"
            | "solution"
            | "show solution"
            | "explanation"
    )
}

/// A line holding only HTML that wraps an answer: `<details>`, `</details>`, `<p>`, `</p>`,
/// `<summary>Answer</summary>`, `<br>`, `<div>` and `</div>`.
fn is_wrapper(line: &str) -> bool {
    let trimmed = line.trim();
    if !trimmed.starts_with('<') || !trimmed.ends_with('>') {
        return false;
    }
    let lower = trimmed.to_lowercase();
    if lower.contains("<summary") {
        return visible_text(trimmed).trim().is_empty() || is_answer_label(trimmed);
    }
    // Only tags and nothing between them.
    visible_text(trimmed).trim().is_empty()
        && [
            "details", "summary", "p>", "p ", "br", "div", "/p", "b>", "/b",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| (*line).to_owned()).collect()
    }

    #[test]
    fn answers_lose_wrappers_and_keep_code() {
        let answer = clean_answer(owned(&[
            "",
            "<details><summary><b>Answer</b></summary>",
            "### Answer",
            "   Text.",
            "   ```sh",
            "   # comment",
            "   ```",
            "</details>",
            "**[⬆ Back to Top](#table-of-contents)**",
            "",
        ]));
        assert_eq!(answer, ["Text.", "```sh", "# comment", "```"]);
    }

    #[test]
    fn blank_or_rule_only_answers_have_no_content() {
        assert!(!has_content(&owned(&["", "---", " "])));
        assert!(has_content(&owned(&["```", "", "```"])));
    }
}
