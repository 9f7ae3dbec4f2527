//! Collapsible answers: `<details><summary>Question</summary> answer </details>`, or a question
//! (heading, bold line or `Q.` line) followed by `<details><summary>Answer</summary>`.
//!
//! The answer is Markdown inside HTML: the wrapper tags go, `<p>` and `<br>` become line breaks,
//! everything else is kept as written. Nested `<details>` stay inside the outer answer.

use super::bold::question_line;
use super::collect::{Collector, Extracted, is_answer_label};
use super::headings::{question_text, strip_numbering};
use super::lines::{Fences, Line, one_line, scan, strip_emphasis, visible_text};

/// A question waiting for the `<details>` that answers it.
struct Pending {
    index: usize,
    question: String,
    /// The heading level, when the question is a heading (it becomes a section if unanswered).
    heading: Option<(usize, String)>,
}

pub(super) fn extract(text: &str) -> Extracted {
    let lines = scan(text);
    let mut collector = Collector::new(&lines);
    let mut pending: Option<Pending> = None;
    let mut at = 0;
    while at < lines.len() {
        let line = &lines[at];
        if !line.code && find_ci(line.text, "<details").is_some() {
            let end = block_end(&lines, at);
            let block: Vec<&str> = lines[at..=end].iter().map(|line| line.text).collect();
            let (summary, answer) = split_block(&block.join("\n"));
            let summary = summary_question(&summary);
            let (index, question) = match summary {
                Some(question) => (at, Some(question)),
                None => match pending.take() {
                    Some(pending) => (pending.index, Some(pending.question)),
                    None => (at, None),
                },
            };
            if let Some(question) = question {
                collector.card(index, 7, &question, answer_lines(&answer), at..end + 1);
            }
            at = end + 1;
            continue;
        }
        if let Some((level, text)) = line.heading() {
            flush(&mut pending, &mut collector);
            match question_text(text) {
                Some(question) => {
                    pending = Some(Pending {
                        index: at,
                        question,
                        heading: Some((level, text.to_owned())),
                    });
                }
                None => collector.mark(at, level, text),
            }
        } else if let Some((question, _)) = question_line(line) {
            flush(&mut pending, &mut collector);
            pending = Some(Pending {
                index: at,
                question,
                heading: None,
            });
        } else if !line.code && strip_numbering(line.text.trim()).1 && line.text.contains('?') {
            flush(&mut pending, &mut collector);
            pending = Some(Pending {
                index: at,
                question: strip_numbering(line.text.trim()).0.to_owned(),
                heading: None,
            });
        }
        at += 1;
    }
    flush(&mut pending, &mut collector);
    collector.finish()
}

/// A question heading no `<details>` answered still counts as a heading for sections.
fn flush(pending: &mut Option<Pending>, collector: &mut Collector<'_, '_>) {
    if let Some(Pending {
        index,
        heading: Some((level, text)),
        ..
    }) = pending.take()
    {
        collector.mark(index, level, &text);
    }
}

/// The line closing the `<details>` opened at `start` (nested ones counted), or the last line.
fn block_end(lines: &[Line<'_>], start: usize) -> usize {
    let mut depth = 0i64;
    for (index, line) in lines.iter().enumerate().skip(start) {
        if !line.code {
            depth += count_ci(line.text, "<details") as i64;
            depth -= count_ci(line.text, "</details>") as i64;
        }
        if depth <= 0 {
            return index;
        }
    }
    lines.len() - 1
}

/// (summary, answer) of a `<details>` block's text.
fn split_block(block: &str) -> (String, String) {
    let after_open = find_ci(block, "<details")
        .and_then(|at| block[at..].find('>').map(|end| at + end + 1))
        .unwrap_or(0);
    let inner = &block[after_open..];
    let inner = match rfind_ci(inner, "</details>") {
        Some(at) => &inner[..at],
        None => inner,
    };
    if let Some(open) = find_ci(inner, "<summary")
        && let Some(open_end) = inner[open..].find('>').map(|end| open + end + 1)
        && let Some(close) = find_ci(&inner[open_end..], "</summary>").map(|at| open_end + at)
    {
        let summary = inner[open_end..close].to_owned();
        let answer = format!("{}{}", &inner[..open], &inner[close + "</summary>".len()..]);
        return (summary, answer);
    }
    (String::new(), inner.to_owned())
}

/// The question a summary asks, or `None` when it is only a label (`Answer`, `Show answer`).
fn summary_question(summary: &str) -> Option<String> {
    let text = one_line(&visible_text(summary));
    let text = strip_emphasis(&text);
    let text = strip_numbering(text).0;
    let text = strip_emphasis(text);
    (!text.is_empty() && !is_answer_label(text)).then(|| text.to_owned())
}

/// The answer's lines: `<p>`, `</p>` and `<br>` outside code become line breaks.
fn answer_lines(answer: &str) -> Vec<String> {
    let mut fences = Fences::default();
    let mut out = Vec::new();
    for line in answer.lines() {
        if fences.step(line) {
            out.push(line.to_owned());
            continue;
        }
        let mut line = line.to_owned();
        for tag in ["<p>", "</p>", "<P>", "</P>"] {
            line = line.replace(tag, "\n");
        }
        let broken = html_breaks(&line);
        let mut pieces: Vec<&str> = broken.lines().collect();
        if line.ends_with('\n') {
            pieces.push("");
        }
        for piece in pieces {
            // `</p>` then `<p>` would leave two blank lines where Markdown needs one.
            let blank = piece.trim().is_empty();
            if !(blank
                && out
                    .last()
                    .is_some_and(|last: &String| last.trim().is_empty()))
            {
                out.push(piece.to_owned());
            }
        }
    }
    out
}

/// `<br>`, `<br/>` and `<br />` (any case) to line breaks.
pub(super) fn html_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_ci(rest, "<br") {
        let tail = &rest[at + 3..];
        let close = tail
            .find('>')
            .filter(|end| tail[..*end].trim().trim_end_matches('/').trim().is_empty());
        match close {
            Some(end) => {
                out.push_str(&rest[..at]);
                out.push('\n');
                rest = &tail[end + 1..];
            }
            None => {
                out.push_str(&rest[..at + 3]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// ASCII-case-insensitive search for an ASCII needle (byte positions are char boundaries, since
/// the needle starts with an ASCII byte).
pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn rfind_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .rposition(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn count_ci(hay: &str, needle: &str) -> usize {
    hay.as_bytes()
        .windows(needle.len())
        .filter(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_questions_and_answer_labels() {
        let extracted = extract(
            "<details><summary>What is a Promise?</summary>\n\nAn object.<br>Eventually.\n</details>\n\n## Q. What is REPL?\n\n<details><summary><b>Answer</b></summary>\n\n<p>Read Eval Print Loop</p>\n</details>\n",
        );
        assert_eq!(extracted.cards.len(), 2);
        assert_eq!(extracted.cards[0].card.question, "What is a Promise?");
        assert_eq!(
            extracted.cards[0].card.answer,
            ["An object.", "Eventually."]
        );
        assert_eq!(extracted.cards[1].card.question, "What is REPL?");
        assert_eq!(extracted.cards[1].card.answer, ["Read Eval Print Loop"]);
        assert!(extracted.unplaced.is_empty());
    }

    #[test]
    fn breaks_are_found_in_any_case() {
        assert_eq!(html_breaks("a<BR/>b<br >c<bread>"), "a\nb\nc<bread>");
    }
}
