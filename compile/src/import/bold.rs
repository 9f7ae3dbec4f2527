//! Bold question lines: `1. **What is …?**` with the answer indented below, or on the same line
//! after `→`, `-` or `:`; `**Q: …**`; `**Q:** …`. The answer runs to the next bold question or
//! heading (outside code); headings name sections.

use super::collect::{Collector, Extracted};
use super::headings::{reads_as_question, strip_numbering};
use super::lines::{Line, scan, strip_emphasis, strip_list_marker};

pub(super) fn extract(text: &str) -> Extracted {
    let lines = scan(text);
    let mut collector = Collector::new(&lines);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|at| lines[*at].heading().is_some() || question_line(&lines[*at]).is_some())
        .collect();
    for (k, index) in starts.iter().copied().enumerate() {
        let line = &lines[index];
        if let Some((level, text)) = line.heading() {
            collector.mark(index, level, text);
            continue;
        }
        let Some((question, same_line)) = question_line(line) else {
            continue;
        };
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let mut answer = Vec::new();
        if !same_line.is_empty() {
            answer.push(same_line);
        }
        answer.extend(
            lines[index + 1..end]
                .iter()
                .map(|line| line.text.to_owned()),
        );
        strip_answer_label(&mut answer);
        collector.card(index, 7, &question, answer, index..end);
    }
    collector.finish()
}

/// A line opening with a bold question: (question, answer text on the same line).
pub(super) fn question_line(line: &Line<'_>) -> Option<(String, String)> {
    if line.code {
        return None;
    }
    let item = strip_list_marker(line.text.trim());
    let inner_start = item
        .strip_prefix("**")
        .or_else(|| item.strip_prefix("__"))?;
    let close = &item[..2];
    let end = inner_start.find(close)?;
    let inner = strip_emphasis(&inner_start[..end]);
    let after = inner_start[end + 2..].trim();
    let (question, numbered) = strip_numbering(inner);
    // `**Q:** What is …?`: the label alone is bold, the question follows it.
    if numbered && question.is_empty() {
        let (question, answer) = split_same_line(after);
        return (!question.is_empty()).then(|| (question.to_owned(), answer.to_owned()));
    }
    if question.is_empty() || !(numbered || reads_as_question(question)) {
        return None;
    }
    let answer = after
        .strip_prefix('→')
        .or_else(|| after.strip_prefix("->"))
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix('—'))
        .or_else(|| after.strip_prefix('-'))
        .or_else(|| after.strip_prefix(':'))
        .unwrap_or(after)
        .trim();
    Some((
        question.trim_end_matches(':').trim().to_owned(),
        answer.to_owned(),
    ))
}

/// `What is X? → answer` -> ("What is X?", "answer"); without an arrow, all of it is question.
fn split_same_line(text: &str) -> (&str, &str) {
    for arrow in ["→", " -> ", " - ", " – "] {
        if let Some((question, answer)) = text.split_once(arrow) {
            return (question.trim(), answer.trim());
        }
    }
    (text.trim(), "")
}

/// A leading `A:`, `**A:**` or `Answer:` label on the answer's first line is structure.
pub(super) fn strip_answer_label(answer: &mut [String]) {
    let Some(first) = answer.iter_mut().find(|line| !line.trim().is_empty()) else {
        return;
    };
    let indent = first.len() - first.trim_start().len();
    let trimmed = first.trim_start();
    for label in [
        "**Answer:**",
        "**A:**",
        "**Answer**:",
        "**A**:",
        "Answer:",
        "A:",
        "Ans:",
        "*Answer:*",
    ] {
        if let Some(rest) = trimmed.strip_prefix(label) {
            *first = format!("{}{}", " ".repeat(indent), rest.trim_start());
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_questions_and_same_line_answers() {
        let lines = scan(
            "1. **What is a closure?** → A function with its scope.\n**Note:** x\n**Q:** Why? - Because.",
        );
        assert_eq!(
            question_line(&lines[0]),
            Some((
                "What is a closure?".to_owned(),
                "A function with its scope.".to_owned()
            ))
        );
        assert_eq!(question_line(&lines[1]), None);
        assert_eq!(
            question_line(&lines[2]),
            Some(("Why?".to_owned(), "Because.".to_owned()))
        );
    }
}
