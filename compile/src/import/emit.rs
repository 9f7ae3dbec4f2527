//! Cards to the app's own deck format (`# Title`, `## Section`, `### N. Question`, answer).
//!
//! Whatever the cards hold, the result must parse: every heading is checked the way the parser
//! will read it, and pinned with `{#id}` when its natural id would be empty, taken already, or
//! would not survive the parser's reading (a trailing `{#…}` or closing `#`s). Answers get their
//! `#`–`###` headings demoted to `####` (they would end the card) and an unclosed code fence
//! closed (it would swallow the rest of the deck).

use std::collections::HashSet;

use prep_engine::content::slug::{cap_slug, slugify};

use super::collect::Placed;
use super::lines::{Fences, atx_heading, is_rule, one_line};

/// Question ids are slugs of the question capped at this many bytes, as in the parser.
const QUESTION_ID_MAX: usize = 60;

/// The deck's markdown and what went into it.
#[derive(Debug)]
pub(super) struct Emitted {
    pub markdown: String,
    pub cards: usize,
    pub sections: usize,
    /// Question lines of cards left out because nothing of the answer survived.
    pub skipped: Vec<u32>,
}

pub(super) fn emit(title: &str, cards: &[Placed]) -> Emitted {
    let title = part_title(title);
    let mut out = format!("# {title}\n");
    let mut section_ids = HashSet::new();
    let mut card_ids = HashSet::new();
    let mut current: Option<String> = None;
    let mut emitted = Emitted {
        markdown: String::new(),
        cards: 0,
        sections: 0,
        skipped: Vec::new(),
    };
    for placed in cards {
        let Some(answer) = safe_answer(&placed.card.answer) else {
            emitted.skipped.push(placed.card.line);
            continue;
        };
        let prompt = one_line(&placed.card.question);
        if prompt.is_empty() {
            emitted.skipped.push(placed.card.line);
            continue;
        }
        let section = one_line(placed.section.as_deref().unwrap_or(&title));
        let section = if section.is_empty() {
            "Questions".to_owned()
        } else {
            section
        };
        if current.as_deref() != Some(section.as_str()) {
            out.push_str(&format!(
                "\n{}\n",
                heading("##", &section, &mut section_ids, slugify, "section")
            ));
            emitted.sections += 1;
            current = Some(section);
        }
        emitted.cards += 1;
        let number = emitted.cards;
        let line = heading(
            "###",
            &format!("{number}. {prompt}"),
            &mut card_ids,
            |seen| {
                let prompt = seen
                    .split_once(". ")
                    .map_or("", |(_, prompt)| prompt.trim());
                cap_slug(slugify(prompt), QUESTION_ID_MAX)
            },
            &format!("question-{number}"),
        );
        out.push_str(&format!("\n{line}\n{answer}\n"));
    }
    emitted.markdown = out;
    emitted
}

/// A `# Title` the parser reads back unchanged (a part may not pin an id, so `{#` is broken
/// up), or a plain fallback when nothing readable is left.
fn part_title(title: &str) -> String {
    let title = one_line(title).replace("{#", "{ #");
    let line = format!("# {title}");
    match atx_heading(&line) {
        Some((1, seen)) if !seen.is_empty() => seen.to_owned(),
        _ => "Imported deck".to_owned(),
    }
}

/// `marks text`, pinned with `{#id}` unless the parser would read the same text and make a new
/// id from it. `id_of` computes the parser's id from the text it sees.
fn heading(
    marks: &str,
    text: &str,
    taken: &mut HashSet<String>,
    id_of: impl Fn(&str) -> String,
    fallback: &str,
) -> String {
    let line = format!("{marks} {text}");
    let seen = atx_heading(&line).map(|(_, seen)| seen).unwrap_or_default();
    let natural = id_of(seen);
    let pinned_already = seen.ends_with('}') && seen.contains("{#");
    if seen == text && !pinned_already && !natural.is_empty() && !taken.contains(&natural) {
        taken.insert(natural);
        return line;
    }
    let base = if natural.is_empty() {
        slugify(fallback)
    } else {
        natural
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    format!("{line} {{#{id}}}")
}

/// The answer as lines the parser keeps inside one card, or `None` if nothing would be left.
fn safe_answer(lines: &[String]) -> Option<String> {
    let mut fences = Fences::default();
    let mut out = Vec::with_capacity(lines.len() + 1);
    let mut content = false;
    for line in lines {
        if fences.step(line) {
            content |= !line.trim().is_empty();
            out.push(line.clone());
            continue;
        }
        match atx_heading(line) {
            Some((level, text)) if level <= 3 => {
                if text.is_empty() {
                    out.push(String::new());
                } else {
                    content = true;
                    out.push(format!("#### {text}"));
                }
            }
            _ => {
                content |= !line.trim().is_empty() && !is_rule(line);
                out.push(line.clone());
            }
        }
    }
    if let Some(closing) = fences.closing() {
        out.push(closing);
    }
    content.then(|| out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::super::collect::Card;
    use super::*;

    fn placed(section: Option<&str>, question: &str, answer: &[&str]) -> Placed {
        Placed {
            section: section.map(str::to_owned),
            card: Card {
                line: 1,
                level: 7,
                question: question.to_owned(),
                answer: answer.iter().map(|line| (*line).to_owned()).collect(),
                section: None,
            },
        }
    }

    #[test]
    fn duplicate_and_empty_ids_are_pinned() {
        let emitted = emit(
            "Deck",
            &[
                placed(None, "What is X?", &["one"]),
                placed(None, "What is X?", &["two"]),
                placed(Some("日本"), "日本語?", &["three"]),
            ],
        );
        assert!(
            emitted
                .markdown
                .contains("### 2. What is X? {#what-is-x-2}")
        );
        assert!(emitted.markdown.contains("## 日本 {#section}"));
        assert!(emitted.markdown.contains("### 3. 日本語? {#question-3}"));
        let deck = crate::parse_deck("x.md", &emitted.markdown).expect("parses");
        assert_eq!(deck.cards.len(), 3);
    }

    #[test]
    fn answers_cannot_end_the_card_or_the_deck() {
        let emitted = emit(
            "{#x} #",
            &[placed(
                Some("S {#s}"),
                "Q {#q}",
                &["# heading", "```", "# code"],
            )],
        );
        assert!(emitted.markdown.contains("#### heading"));
        let deck = crate::parse_deck("x.md", &emitted.markdown).expect("parses");
        assert_eq!(deck.cards[0].answer, "#### heading\n```\n# code\n```");
    }
}
