//! Rows of separated fields: Anki's "Notes in plain text" export (with its `#separator:`,
//! `#html:`, `#tags column:`, `#deck column:`, `#notetype column:` and `#guid column:` header
//! lines), Quizlet's export (`term<TAB>definition`, or a custom ` - `), and quoted CSV with
//! newlines and `""` inside fields (read by the `csv` crate).
//!
//! HTML fields (Anki's `#html:true`, or a field that is clearly HTML) are turned into the
//! app's Markdown ([`html_text`]): an answer keeps its paragraphs, lists, code and emphasis,
//! a question its visible text.
//!
//! Without a `#separator:` header the separator is guessed strictly (most rows must agree on
//! the number of fields), so prose with commas is not mistaken for a spreadsheet. The deck
//! column, or else the first tag, names the section.

use super::collect::{Collector, Extracted};
use super::details::html_breaks;
use super::html_text;
use super::lines::scan;

/// What Anki's header lines say.
#[derive(Debug, Default)]
struct Header {
    separator: Option<u8>,
    html: bool,
    /// 0-based columns that are not question or answer.
    tags: Option<usize>,
    deck: Option<usize>,
    skip: Vec<usize>,
    /// Header lines at the top of the file.
    lines: usize,
}

pub(super) fn extract(text: &str) -> Extracted {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = scan(text);
    let mut collector = Collector::new(&lines);
    let header = header(text);
    collector.place(0..header.lines);
    let body_start: usize = text
        .split_inclusive('\n')
        .take(header.lines)
        .map(str::len)
        .sum();
    let body = &text[body_start..];
    let rows = match header.separator.or_else(|| guess_separator(body)) {
        Some(separator) => csv_rows(body, separator),
        None => match dash_rows(body) {
            Some(rows) => rows,
            None => return collector.finish(),
        },
    };
    for (at, (line, fields)) in rows.iter().enumerate() {
        let index = line + header.lines;
        let end = rows
            .get(at + 1)
            .map_or(lines.len(), |(next, _)| next + header.lines);
        let content: Vec<&str> = fields
            .iter()
            .enumerate()
            .filter(|(column, _)| {
                Some(*column) != header.tags
                    && Some(*column) != header.deck
                    && !header.skip.contains(column)
            })
            .map(|(_, field)| field.as_str())
            .collect();
        if at == 0 && is_column_names(&content) {
            collector.place(index..end);
            continue;
        }
        let Some((question, rest)) = content.split_first() else {
            continue;
        };
        let html = |text: &str| header.html || html_text::is_html(text);
        // A prompt is shown as plain text: its markup would show as marks.
        let question = if html(question) {
            html_text::to_text(question)
        } else {
            html_breaks(question)
        };
        let answer: Vec<String> = rest
            .iter()
            .map(|text| {
                if html(text) {
                    html_text::to_markdown(text)
                } else {
                    html_breaks(text)
                }
            })
            .filter(|text| !text.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
            .lines()
            .map(str::to_owned)
            .collect();
        let section = header
            .deck
            .and_then(|column| fields.get(column))
            .map(|deck| deck.trim().to_owned())
            .filter(|deck| !deck.is_empty())
            .or_else(|| {
                header
                    .tags
                    .and_then(|column| fields.get(column))
                    .and_then(|tags| tags.split_whitespace().next())
                    .map(str::to_owned)
            });
        if collector.card(index, 7, &question, answer, index..end)
            && let Some(section) = section
        {
            collector.section_of_last(section);
        }
    }
    // Rows of one deck or tag are scattered; gather each section's cards where it first
    // appears, so a section is one heading and not one per run of rows.
    let mut extracted = collector.finish();
    let mut order: Vec<Option<String>> = Vec::new();
    for placed in &extracted.cards {
        if !order.contains(&placed.section) {
            order.push(placed.section.clone());
        }
    }
    extracted
        .cards
        .sort_by_key(|placed| order.iter().position(|section| *section == placed.section));
    extracted
}

/// Anki's `#key:value` lines at the top (a `#` followed directly by a word, unlike a heading).
fn header(text: &str) -> Header {
    let mut header = Header::default();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = rest.split_once(':') else {
            break;
        };
        if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        let value = value.trim();
        let column = value.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        match key.trim().to_ascii_lowercase().as_str() {
            "separator" => header.separator = separator_named(value),
            "html" => header.html = value.eq_ignore_ascii_case("true"),
            "tags column" => header.tags = column,
            "deck column" => header.deck = column,
            "notetype column" | "guid column" => header.skip.extend(column),
            _ => {}
        }
        header.lines += 1;
    }
    header
}

fn separator_named(name: &str) -> Option<u8> {
    match name.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "pipe" => Some(b'|'),
        "space" => Some(b' '),
        "colon" => Some(b':'),
        _ => name.bytes().next().filter(|_| name.len() == 1),
    }
}

/// Tab when most lines hold one; else comma or semicolon when at least two rows and 80% of
/// them have the same number (2 or more) of fields.
fn guess_separator(body: &str) -> Option<u8> {
    let lines: Vec<&str> = body
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let tabbed = lines.iter().filter(|line| line.contains('\t')).count();
    if tabbed * 5 >= lines.len() * 3 {
        return Some(b'\t');
    }
    [b',', b';'].into_iter().find(|separator| {
        let rows = csv_rows(body, *separator);
        let mut counts = std::collections::HashMap::new();
        for (_, fields) in &rows {
            *counts.entry(fields.len()).or_insert(0usize) += 1;
        }
        let Some((width, most)) = counts.into_iter().max_by_key(|(width, n)| (*n, *width)) else {
            return false;
        };
        width >= 2 && rows.len() >= 2 && most * 5 >= rows.len() * 4
    })
}

/// Rows as (0-based line of the row's start, fields), blank rows skipped.
fn csv_rows(body: &str, separator: u8) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else {
            break;
        };
        let line = record
            .position()
            .map_or(0, |position| position.line().saturating_sub(1));
        let fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if fields.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        rows.push((usize::try_from(line).unwrap_or(usize::MAX), fields));
    }
    rows
}

/// Quizlet's custom ` - ` separator: most non-blank lines read `term - definition` and none is
/// a Markdown list item or heading.
fn dash_rows(body: &str) -> Option<Vec<(usize, Vec<String>)>> {
    let lines: Vec<(usize, &str)> = body
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let markdown = lines.iter().any(|(_, line)| {
        let line = line.trim_start();
        line.starts_with(['-', '*', '#', '>', '|', '`'])
    });
    let dashed = lines
        .iter()
        .filter(|(_, line)| line.contains(" - "))
        .count();
    if markdown || lines.len() < 2 || dashed * 5 < lines.len() * 4 {
        return None;
    }
    Some(
        lines
            .into_iter()
            .map(|(at, line)| {
                let fields = match line.split_once(" - ") {
                    Some((term, definition)) => vec![term.to_owned(), definition.to_owned()],
                    None => vec![line.to_owned()],
                };
                (at, fields)
            })
            .collect(),
    )
}

/// A first row naming the columns (`Front,Back`, `Question,Answer`, `Term,Definition`).
fn is_column_names(fields: &[&str]) -> bool {
    const NAMES: &[&str] = &[
        "front",
        "back",
        "question",
        "answer",
        "term",
        "definition",
        "q",
        "a",
        "prompt",
        "response",
        "tags",
        "deck",
    ];
    fields.len() >= 2
        && fields
            .iter()
            .all(|field| NAMES.contains(&field.trim().to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_read() {
        let header = header(
            "#separator:tab\n#html:true\n#notetype column:1\n#tags column:4\n# Not a header\n",
        );
        assert_eq!(header.separator, Some(b'\t'));
        assert!(header.html);
        assert_eq!(header.skip, [0]);
        assert_eq!(header.tags, Some(3));
        assert_eq!(header.lines, 4);
    }

    #[test]
    fn html_fields_become_markdown_and_questions_plain_text() {
        let extracted = extract(
            "Front,Back\n\"What is <b>x</b>?\",\"<p>One <b>two</b></p><ul><li>a</li></ul>\"\n\
             Why?,Use a <div> for *layout*\n",
        );
        let cards: Vec<(&str, Vec<&str>)> = extracted
            .cards
            .iter()
            .map(|placed| {
                let answer = placed.card.answer.iter().map(String::as_str).collect();
                (placed.card.question.as_str(), answer)
            })
            .collect();
        assert_eq!(
            cards,
            [
                ("What is x?", vec!["One **two**", "", "- a"]),
                // Not clearly HTML: left as written.
                ("Why?", vec!["Use a <div> for *layout*"]),
            ]
        );
    }

    #[test]
    fn prose_with_commas_is_not_a_spreadsheet() {
        assert_eq!(
            guess_separator("Hello, world.\nNo commas here\nOne, two, three\n"),
            None
        );
        assert_eq!(guess_separator("a,b\nc,d\n\"e\nf\",g\n"), Some(b','));
    }
}
