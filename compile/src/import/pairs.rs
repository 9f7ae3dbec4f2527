//! `Q:` / `A:` pairs (also `Question:` / `Answer:`, `Q1.`, bold labels). A question may run over
//! several lines up to its `A:` line; the answer runs to the next question or heading. A `Q:`
//! with no `A:` makes no card: its lines are reported.

use super::collect::{Collector, Extracted};
use super::lines::{scan, strip_list_marker};

pub(super) fn extract(text: &str) -> Extracted {
    let lines = scan(text);
    let mut collector = Collector::new(&lines);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|at| {
            let line = &lines[*at];
            line.heading().is_some() || (!line.code && label(line.text, QUESTION).is_some())
        })
        .collect();
    for (k, index) in starts.iter().copied().enumerate() {
        let line = &lines[index];
        if let Some((level, text)) = line.heading() {
            collector.mark(index, level, text);
            continue;
        }
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let Some(answer_at) =
            (index..end).find(|at| !lines[*at].code && label(lines[*at].text, ANSWER).is_some())
        else {
            continue;
        };
        if answer_at == index {
            continue;
        }
        let mut question = label(line.text, QUESTION).unwrap_or_default().to_owned();
        for line in &lines[index + 1..answer_at] {
            question.push(' ');
            question.push_str(line.text.trim());
        }
        let mut answer = vec![
            label(lines[answer_at].text, ANSWER)
                .unwrap_or_default()
                .to_owned(),
        ];
        answer.extend(
            lines[answer_at + 1..end]
                .iter()
                .map(|line| line.text.to_owned()),
        );
        collector.card(index, 7, &question, answer, index..end);
    }
    collector.finish()
}

const QUESTION: &[&str] = &["question", "q"];
const ANSWER: &[&str] = &["answer", "ans", "a"];

/// The text after a `Q:`-style label (`Q:`, `Q1.`, `Question 2:`, `**Q:**`, `- Q:`), or `None`.
fn label<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let item = strip_list_marker(text.trim());
    let bold = item.starts_with("**") || item.starts_with("__");
    let item = item.trim_start_matches(['*', '_']);
    for label in labels {
        let Some(head) = item.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let after = item[label.len()..].trim_start();
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
        let after = after.trim_start_matches(['*', '_']);
        let rest = if let Some(rest) = after.strip_prefix(':') {
            rest
        } else if let Some(rest) = after.strip_prefix('.')
            && (rest.is_empty() || rest.starts_with(' '))
        {
            rest
        } else {
            continue;
        };
        let mut rest = rest.trim_start_matches(['*', '_']).trim();
        if bold {
            rest = rest
                .trim_end_matches("**")
                .trim_end_matches("__")
                .trim_end();
        }
        return Some(rest);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised() {
        assert_eq!(label("Q: What is X?", QUESTION), Some("What is X?"));
        assert_eq!(label("**Q1:** What?", QUESTION), Some("What?"));
        assert_eq!(label("Question 3: Why?", QUESTION), Some("Why?"));
        assert_eq!(label("Quick: no", QUESTION), None);
        assert_eq!(label("A: Yes.", ANSWER), Some("Yes."));
        assert_eq!(label("Answer: Yes.", ANSWER), Some("Yes."));
        assert_eq!(label("Also: no", ANSWER), None);
    }

    #[test]
    fn multi_line_pairs() {
        let extracted = extract("Q: What is\na closure?\nA: A function\nwith scope.\n\nQ: Lost?\n");
        assert_eq!(extracted.cards.len(), 1);
        assert_eq!(extracted.cards[0].card.question, "What is a closure?");
        assert_eq!(
            extracted.cards[0].card.answer,
            ["A function", "with scope."]
        );
        assert_eq!(extracted.unplaced.len(), 1);
        assert_eq!(extracted.unplaced[0].line, 6);
    }
}
