//! Questions as headings: `## 12. What is …?`, `### Q1. …`, `## Q. …`, `## 🔹 3. …`,
//! `1. ### What is …?`, or plain headings that read as questions.
//!
//! The question level is the heading level with the most question-like headings; a question's
//! answer runs to the next heading at that level or above, so deeper headings (`### Answer`,
//! `#### Example`) stay inside it. Other headings at or above the question level name sections.

use super::collect::{Collector, Extracted, is_contents_title};
use super::lines::{scan, strip_emphasis};

/// Words that open a question even without a `?`.
const QUESTION_WORDS: &[&str] = &[
    "what",
    "how",
    "why",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "explain",
    "describe",
    "define",
    "compare",
    "contrast",
    "list",
    "name",
    "write",
    "implement",
    "discuss",
    "tell",
    "give",
    "can",
    "could",
    "should",
    "would",
    "will",
    "is",
    "are",
    "do",
    "does",
    "did",
    "have",
    "has",
    "difference",
    "differentiate",
    "distinguish",
    "mention",
    "state",
    "illustrate",
];

pub(super) fn extract(text: &str) -> Extracted {
    let lines = scan(text);
    let heads: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| line.heading().map(|(level, text)| (index, level, text)))
        .collect();
    let mut counts = [0usize; 7];
    for (_, level, text) in &heads {
        if question_text(text).is_some() {
            counts[*level] += 1;
        }
    }
    // Ties go to the shallower level.
    let level = (1..=6)
        .rev()
        .max_by_key(|level| counts[*level])
        .unwrap_or(2);
    let mut collector = Collector::new(&lines);
    for (at, (index, head_level, text)) in heads.iter().copied().enumerate() {
        if head_level > level {
            continue;
        }
        let end = heads[at + 1..]
            .iter()
            .find(|(_, next, _)| *next <= level)
            .map_or(lines.len(), |(next, _, _)| *next);
        let question = (head_level == level).then(|| question_text(text)).flatten();
        match question {
            Some(question) => {
                let answer = lines[index + 1..end]
                    .iter()
                    .map(|line| line.text.to_owned())
                    .collect();
                // `## # 1. BASICS`: numbered like a question, but with nothing under it and
                // no question in its words it is a section title.
                if !collector.card(index, level, &question, answer, index..end)
                    && !reads_as_question(&question)
                {
                    collector.mark(index, head_level, text);
                }
            }
            None => collector.mark(index, head_level, text),
        }
    }
    collector.finish()
}

/// The question a heading asks, without its numbering, or `None` if it is not one.
pub(super) fn question_text(text: &str) -> Option<String> {
    let text = strip_emphasis(text);
    let text = text
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"'`([<*_".contains(c))
        .trim();
    let (text, numbered) = strip_numbering(text);
    let text = strip_emphasis(text);
    if text.is_empty() || is_contents_title(text) {
        return None;
    }
    (numbered || reads_as_question(text)).then(|| text.to_owned())
}

/// Whether text asks something: ends with `?` or opens with a question word.
pub(super) fn reads_as_question(text: &str) -> bool {
    let text = text.trim();
    if text.trim_end_matches(['*', '_', ':', ' ']).ends_with('?') {
        return true;
    }
    let first: String = text
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'')
        .collect::<String>()
        .to_lowercase();
    QUESTION_WORDS.contains(&first.as_str()) && text.split_whitespace().count() >= 3
}

/// `12. `, `12) `, `Q. `, `Q1: `, `Question 3: ` off the front: (rest, whether any was there).
pub(super) fn strip_numbering(text: &str) -> (&str, bool) {
    let mut rest = text;
    for label in ["Question", "question", "QUESTION", "Q", "q"] {
        if let Some(after) = rest.strip_prefix(label) {
            let digits = after.trim_start();
            let digits = digits.trim_start_matches(|c: char| c.is_ascii_digit());
            if let Some(after) = digits.strip_prefix(['.', ':', ')', '-'])
                && (after.is_empty() || after.starts_with([' ', '\t', '*', '_']))
            {
                return (after.trim(), true);
            }
            rest = text;
        }
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0
        && let Some(after) = rest[digits..].strip_prefix(['.', ')', ':'])
        && (after.is_empty() || after.starts_with([' ', '\t', '*', '_']))
    {
        return (after.trim(), true);
    }
    (text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_and_decoration_are_removed() {
        assert_eq!(
            question_text("12. What is JSX?").as_deref(),
            Some("What is JSX?")
        );
        assert_eq!(
            question_text("Q. ***What is Node.js?***").as_deref(),
            Some("What is Node.js?")
        );
        assert_eq!(question_text("🔹 1. Big-O").as_deref(), Some("Big-O"));
        assert_eq!(question_text("Q1: Closures").as_deref(), Some("Closures"));
        assert_eq!(
            question_text("Explain event delegation").as_deref(),
            Some("Explain event delegation")
        );
        assert_eq!(question_text("Core React"), None);
        assert_eq!(question_text("Table of Contents"), None);
        assert_eq!(question_text("Quick start"), None);
    }

    #[test]
    fn deeper_headings_stay_in_the_answer() {
        let text = "# Deck\n## Basics\n### 1. What?\n#### Example\n```\n# not\n```\n### 2. Why?\nBecause.\n";
        let extracted = extract(text);
        assert_eq!(extracted.title.as_deref(), Some("Deck"));
        assert_eq!(extracted.cards.len(), 2);
        assert_eq!(extracted.cards[0].section.as_deref(), Some("Basics"));
        assert_eq!(
            extracted.cards[0].card.answer,
            ["#### Example", "```", "# not", "```"]
        );
    }
}
