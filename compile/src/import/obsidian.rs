//! Obsidian spaced-repetition cards: `question::answer` (and the reversible `question:::answer`)
//! on one line, and multi-line cards whose question and answer are split by a line holding only
//! `?` (or `??`), ended by a blank line or heading. `<!--SR:…-->` scheduling comments are the
//! plugin's bookkeeping and are dropped.

use super::collect::{Collector, Extracted};
use super::lines::{Line, scan};

pub(super) fn extract(text: &str) -> Extracted {
    let lines = scan(text);
    let mut collector = Collector::new(&lines);
    // For each line, the next line (after it) that ends a block, and the next `?` separator
    // (from it): found in one backward pass, so a long file without blank lines (a TSV) is read
    // in linear time rather than rescanned from every line.
    let mut block_end = vec![lines.len(); lines.len()];
    let mut separator = vec![lines.len(); lines.len()];
    for index in (0..lines.len()).rev() {
        if index + 1 < lines.len() {
            block_end[index] = if ends_block(&lines[index + 1]) {
                index + 1
            } else {
                block_end[index + 1]
            };
            separator[index] = separator[index + 1];
        }
        if !lines[index].code && matches!(lines[index].text.trim(), "?" | "??") {
            separator[index] = index;
        }
    }
    let mut at = 0;
    while at < lines.len() {
        let line = &lines[at];
        if let Some((level, text)) = line.heading() {
            collector.mark(at, level, text);
            at += 1;
            continue;
        }
        if !line.code && is_schedule(line.text) {
            collector.place(at..at + 1);
            at += 1;
            continue;
        }
        if !line.code
            && let Some((question, answer)) = single_line(line.text)
        {
            collector.card(at, 7, question, vec![answer.to_owned()], at..at + 1);
            at += 1;
            continue;
        }
        // A block: lines up to a blank line (outside code), a heading or a tag line.
        let end = block_end[at];
        if let Some(split) = Some(separator[at]).filter(|split| *split < end) {
            let question = lines[at..split]
                .iter()
                .map(|line| line.text.trim())
                .collect::<Vec<_>>()
                .join(" ");
            let answer = lines[split + 1..end]
                .iter()
                .filter(|line| line.code || !is_schedule(line.text))
                .map(|line| strip_schedule(line.text).to_owned())
                .collect();
            collector.card(at, 7, &question, answer, at..end);
            at = end.max(at + 1);
        } else {
            at += 1;
        }
    }
    collector.finish()
}

fn ends_block(line: &Line<'_>) -> bool {
    !line.code && (line.is_blank() || line.heading().is_some() || is_tag_line(line.text))
}

/// `#flashcards` or `#deck/sub #other`: Obsidian tags, not headings.
fn is_tag_line(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.split_whitespace().all(|word| {
            word.len() > 1
                && word.starts_with('#')
                && word[1..]
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '_'))
        })
}

fn is_schedule(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("<!--SR:") && text.ends_with("-->")
}

fn strip_schedule(text: &str) -> &str {
    match text.find("<!--SR:") {
        Some(at) => text[..at].trim_end(),
        None => text,
    }
}

/// `question::answer` or `question:::answer`, the `::` outside inline code and not a code path
/// like `std::vec` (a single identifier before it).
fn single_line(text: &str) -> Option<(&str, &str)> {
    let text = strip_schedule(text);
    let mut ticks = 0;
    for (at, c) in text.char_indices() {
        if c == '`' {
            ticks += 1;
            continue;
        }
        if c != ':' || ticks % 2 == 1 || !text[at..].starts_with("::") {
            continue;
        }
        let width = if text[at..].starts_with(":::") { 3 } else { 2 };
        let question = text[..at].trim();
        let answer = text[at + width..].trim();
        let identifier = !question.is_empty()
            && question
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == ':');
        let glued = answer
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
            && text[at + width..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace());
        if question.is_empty() || answer.is_empty() || (identifier && glued) {
            return None;
        }
        let question = question.trim_start_matches(['-', '*', '+']).trim();
        return (!question.is_empty()).then_some((question, answer));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_cards_but_not_code_paths() {
        assert_eq!(
            single_line("Capital of France::Paris"),
            Some(("Capital of France", "Paris"))
        );
        assert_eq!(
            single_line("Big O of lookup:::O(1)"),
            Some(("Big O of lookup", "O(1)"))
        );
        assert_eq!(single_line("std::vector grows"), None);
        assert_eq!(single_line("Use `a::b` here"), None);
        assert_eq!(
            single_line("What is 2+2::4 <!--SR:!2024-01-01,3,250-->"),
            Some(("What is 2+2", "4"))
        );
    }

    #[test]
    fn multi_line_cards_split_on_a_question_mark_line() {
        let extracted =
            extract("#flashcards\n\nWhat does\nHTTP mean?\n?\nHypertext\nTransfer Protocol\n\n");
        assert_eq!(extracted.cards.len(), 1);
        assert_eq!(extracted.cards[0].card.question, "What does HTTP mean?");
        assert_eq!(
            extracted.cards[0].card.answer,
            ["Hypertext", "Transfer Protocol"]
        );
        assert_eq!(extracted.unplaced.len(), 1);
    }
}
