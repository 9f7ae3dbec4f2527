//! Source lines as the deck parser sees them: numbered, with fenced code marked, so no shape
//! ever reads a `#` or `Q:` inside code as structure. The fence and heading rules copy
//! `crate::parse`'s on purpose: what is a heading here must be a heading there, or a converted
//! answer could end a card early.

/// One line of the original text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// 1-based line number in the original text.
    pub no: u32,
    pub text: &'a str,
    /// Inside a fenced code block (the fences included).
    pub code: bool,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Whether the line carries something a person wrote (not blank, not a `---` rule).
    pub fn is_content(&self) -> bool {
        !self.is_blank() && (self.code || !is_rule(self.text))
    }

    /// An ATX heading outside code, also when written as a list item (`1. ### What is …?`).
    pub fn heading(&self) -> Option<(usize, &str)> {
        if self.code {
            return None;
        }
        atx_heading(self.text).or_else(|| atx_heading(strip_list_number(self.text.trim())))
    }
}

/// Splits text into lines (a leading byte-order mark dropped, as the parser does).
pub(super) fn scan(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut fence = Fences::default();
    text.lines()
        .enumerate()
        .map(|(index, text)| Line {
            no: u32::try_from(index + 1).unwrap_or(u32::MAX),
            text,
            code: fence.step(text),
        })
        .collect()
}

/// Tracks fenced code blocks line by line.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fences {
    open: Option<(char, usize)>,
}

impl Fences {
    /// Feeds one line; returns whether it belongs to a code block (fences included).
    pub fn step(&mut self, text: &str) -> bool {
        if let Some((ch, len)) = self.open {
            if closes_fence(ch, len, text) {
                self.open = None;
            }
            true
        } else if let Some(open) = opening_fence(text) {
            self.open = Some(open);
            true
        } else {
            false
        }
    }

    /// The line that closes the block still open, if any.
    pub fn closing(&self) -> Option<String> {
        self.open.map(|(ch, len)| ch.to_string().repeat(len))
    }
}

use crate::parse::fence_opening as opening_fence;

fn closes_fence(ch: char, open_len: usize, text: &str) -> bool {
    let rest = text.trim_start();
    let len = rest.chars().take_while(|c| *c == ch).count();
    len >= open_len && rest[len * ch.len_utf8()..].trim().is_empty()
}

/// An ATX heading: the parser's own rule, so a converted deck is read as it was converted.
pub(super) use crate::parse::atx_heading;

/// `---`, `***` or `___` (3 or more, spaces allowed between), up to 3 spaces of indentation.
pub(super) fn is_rule(text: &str) -> bool {
    let indent = text.len() - text.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let marks: Vec<char> = text.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    marks.len() >= 3 && matches!(marks[0], '-' | '*' | '_') && marks.iter().all(|c| *c == marks[0])
}

/// `12. rest` or `12) rest` -> `rest`; anything else unchanged.
pub(super) fn strip_list_number(text: &str) -> &str {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return text;
    }
    match text[digits..].strip_prefix(['.', ')']) {
        Some(rest) if rest.starts_with([' ', '\t']) => rest.trim_start(),
        _ => text,
    }
}

/// `- rest`, `* rest`, `+ rest` or a numbered item -> `rest`.
pub(super) fn strip_list_marker(text: &str) -> &str {
    let text = text.trim_start();
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    strip_list_number(text)
}

/// The words a person sees: HTML tags and markdown link targets removed.
pub(super) fn visible_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/') =>
            {
                in_tag = true;
            }
            '>' if in_tag => in_tag = false,
            ']' if !in_tag && chars.peek() == Some(&'(') => {
                // Skip the link target.
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out
}

/// A "back to top" link (`**[⬆ Back to Top](#table-of-contents)**`, `[↑ top](#toc)`,
/// `<a href="#">↥ back to top</a>`): navigation, dropped without a report.
pub(super) fn is_back_to_top(text: &str) -> bool {
    let links = text.contains("](#") || text.contains("href=");
    if !links {
        return false;
    }
    let words: String = visible_text(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_lowercase();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    matches!(
        words.as_str(),
        "top" | "back to top" | "go to top" | "back to the top" | "to top" | "back" | ""
    )
}

/// Removes matching emphasis wrapped around the whole text: `***What is X?***` -> `What is X?`.
pub(super) fn strip_emphasis(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let mut changed = false;
        for mark in ["**", "__", "*"] {
            if text.len() > 2 * mark.len()
                && let Some(inner) = text.strip_prefix(mark).and_then(|t| t.strip_suffix(mark))
            {
                text = inner.trim();
                changed = true;
            }
        }
        if !changed {
            return text;
        }
    }
}

/// Joins a multi-line question into one heading line.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes the common leading spaces of the non-blank lines, so an answer indented under a list
/// item (`1. ### Question` then `   answer`) does not turn into an indented code block.
pub(super) fn dedent(lines: &mut [String]) {
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    if indent == 0 {
        return;
    }
    for line in lines.iter_mut() {
        let strip = indent.min(line.len() - line.trim_start_matches(' ').len());
        line.drain(..strip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lines_are_marked_with_their_fences() {
        let lines = scan("a\n```sh\n# not a heading\n```\n# heading");
        let code: Vec<bool> = lines.iter().map(|l| l.code).collect();
        assert_eq!(code, [false, true, true, true, false]);
        assert!(lines[2].heading().is_none());
        assert_eq!(lines[4].heading(), Some((1, "heading")));
    }

    #[test]
    fn headings_written_as_list_items_count() {
        let lines = scan("1. ### What is React?\n ##  6. Spaced");
        assert_eq!(lines[0].heading(), Some((3, "What is React?")));
        assert_eq!(lines[1].heading(), Some((2, "6. Spaced")));
    }

    #[test]
    fn back_to_top_links_are_recognised() {
        assert!(is_back_to_top("**[⬆ Back to Top](#table-of-contents)**"));
        assert!(is_back_to_top("[↑ top](#contents)"));
        assert!(is_back_to_top(
            r##"<div align="right"><b><a href="#">↥ back to top</a></b></div>"##
        ));
        assert!(!is_back_to_top("[What is X?](#what-is-x)"));
    }

    #[test]
    fn emphasis_and_indentation_are_removed() {
        assert_eq!(strip_emphasis("***What is X?***"), "What is X?");
        assert_eq!(strip_emphasis("__Bold__"), "Bold");
        assert_eq!(strip_emphasis("a * b"), "a * b");
        let mut lines = vec!["   a".to_owned(), String::new(), "     b".to_owned()];
        dedent(&mut lines);
        assert_eq!(lines, ["a", "", "  b"]);
    }
}
