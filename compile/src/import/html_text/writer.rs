//! Markdown written from HTML's pieces. Whitespace collapses as in HTML; line breaks, list
//! markers, headings' `####` and emphasis openers are held back until text follows, so an empty
//! `<p>`, `<li>` or `<b>` leaves nothing behind and no line ends in a stray marker. Text is
//! escaped where Markdown would read it as markup.
//!
//! As [`Output::Text`] the same pieces make plain text: no markers, nothing escaped.

use super::escape::{escape, link_target};

/// An open inline element: what opens it (written with the first text inside) and closes it.
struct Inline {
    kind: &'static str,
    open: &'static str,
    close: String,
    written: bool,
}

/// What starts the next line once text comes: a list item's marker (its indentation
/// included) or a heading's `####`.
enum Prefix {
    Item(String),
    Heading(String),
}

/// What the pieces are written as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Output {
    /// Markdown for an answer: markers, escapes.
    Markdown,
    /// The visible text alone.
    Text,
}

pub(super) struct Writer {
    /// Whether Markdown's markers and escapes are written ([`Output::Markdown`]).
    markup: bool,
    out: String,
    /// Line breaks owed before the next text: 1 a new line, 2 a new paragraph.
    breaks: usize,
    /// A space owed before the next text.
    space: bool,
    /// The next text starts a line (Markdown reads its first characters as structure).
    line_start: bool,
    /// Per open list item, the width of its marker: continuation lines are indented by the sum.
    indents: Vec<usize>,
    prefix: Option<Prefix>,
    inline: Vec<Inline>,
}

impl Writer {
    pub fn new(output: Output) -> Self {
        Self {
            markup: output == Output::Markdown,
            out: String::new(),
            breaks: 0,
            space: false,
            line_start: true,
            indents: Vec::new(),
            prefix: None,
            inline: Vec::new(),
        }
    }

    /// Ends the current block: `n` line breaks (at least) before the next text. Inline markup
    /// does not cross blocks, so any still open is closed.
    pub fn block(&mut self, n: usize) {
        self.close_all();
        match self.prefix {
            // A list item's first block starts on the marker's line.
            Some(Prefix::Item(_)) => {}
            Some(Prefix::Heading(_)) => {
                self.prefix = None;
                self.breaks = self.breaks.max(n);
            }
            None => self.breaks = self.breaks.max(n),
        }
        self.space = false;
    }

    /// `<br>`: a new line, or a new paragraph after another break.
    pub fn line_break(&mut self) {
        if self.prefix.is_none() {
            self.breaks = (self.breaks + 1).min(2);
            self.space = false;
        }
    }

    /// Text as HTML shows it: runs of whitespace are one space.
    pub fn text(&mut self, text: &str) {
        for (at, word) in text.split(is_html_space).enumerate() {
            if at > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.flush();
            if self.markup {
                let escaped = escape(word, self.line_start);
                self.out.push_str(&escaped);
            } else {
                self.out.push_str(word);
            }
            self.line_start = false;
        }
    }

    /// Text written as is, after any space owed (the ` | ` between table cells).
    pub fn raw_inline(&mut self, text: &str) {
        self.space = false;
        self.flush();
        self.out.push_str(text.trim_end());
        self.space = true;
        self.line_start = false;
    }

    pub fn open_inline(&mut self, marker: &'static str) {
        if self.markup {
            self.inline.push(Inline {
                kind: marker,
                open: marker,
                close: marker.to_owned(),
                written: false,
            });
        }
    }

    /// Closes the innermost open `marker` element (and any opened inside it and left open).
    pub fn close_inline(&mut self, marker: &'static str) {
        let Some(at) = self.inline.iter().rposition(|open| open.kind == marker) else {
            return;
        };
        while self.inline.len() > at {
            if let Some(open) = self.inline.pop()
                && open.written
            {
                self.out.push_str(&open.close);
            }
        }
    }

    /// `<a href>`: `[text](url)`; without a target only its text is kept.
    pub fn open_link(&mut self, href: &str) {
        let href = href.trim();
        let (open, close) = if self.markup && !href.is_empty() {
            ("[", format!("]({})", link_target(href)))
        } else {
            ("", String::new())
        };
        self.inline.push(Inline {
            kind: "a",
            open,
            close,
            written: false,
        });
    }

    pub fn close_link(&mut self) {
        self.close_inline("a");
    }

    /// Inline `<code>`: a code span fenced by more backticks than it holds.
    pub fn inline_code(&mut self, code: &str) {
        let code: String = code
            .chars()
            .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
            .collect();
        if code.starts_with(is_html_space) {
            self.space = true;
        }
        let trimmed = code.trim_matches(is_html_space);
        if trimmed.is_empty() {
            return;
        }
        self.flush();
        if self.markup {
            let fence = "`".repeat(longest_run(trimmed, '`') + 1);
            let pad = if trimmed.starts_with('`') || trimmed.ends_with('`') {
                " "
            } else {
                ""
            };
            self.out
                .push_str(&format!("{fence}{pad}{trimmed}{pad}{fence}"));
        } else {
            self.out.push_str(trimmed);
        }
        self.line_start = false;
        self.space = code.ends_with(is_html_space);
    }

    /// A `<pre>`: a fenced code block in `language`, its text kept exactly (the line break
    /// HTML ignores right after `<pre>` aside).
    pub fn code_block(&mut self, language: &str, code: &str) {
        let code = code.replace("\r\n", "\n");
        let code = code.strip_prefix('\n').unwrap_or(&code);
        let code = code.strip_suffix('\n').unwrap_or(code);
        if !self.markup {
            self.block(1);
            for (at, line) in code.split('\n').enumerate() {
                if at > 0 {
                    self.breaks = 1;
                }
                self.text(line);
            }
            self.block(1);
            return;
        }
        self.block(2);
        self.flush();
        let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
        let indent = " ".repeat(self.indents.iter().sum());
        self.out.push_str(&fence);
        self.out.push_str(language);
        if !code.is_empty() {
            for line in code.split('\n') {
                self.out.push('\n');
                if !line.is_empty() {
                    self.out.push_str(&indent);
                }
                self.out.push_str(line);
            }
        }
        self.out.push('\n');
        self.out.push_str(&indent);
        self.out.push_str(&fence);
        self.line_start = false;
        self.block(2);
    }

    /// A list item at nesting `depth` (1 for a top-level list), marked `marker`.
    pub fn item(&mut self, depth: usize, marker: &str) {
        self.close_all();
        self.indents.truncate(depth.saturating_sub(1));
        if !self.markup {
            self.block(1);
            return;
        }
        let indent: usize = self.indents.iter().sum();
        self.breaks = self.breaks.max(1);
        self.space = false;
        self.prefix = Some(Prefix::Item(format!("{}{marker}", " ".repeat(indent))));
        self.indents.push(marker.len());
    }

    /// The items deeper than `depth` are over.
    pub fn end_item(&mut self, depth: usize) {
        if matches!(self.prefix, Some(Prefix::Item(_))) {
            self.prefix = None;
        }
        self.indents.truncate(depth);
        self.block(1);
    }

    /// An `<hN>` as a `level`-deep heading.
    pub fn heading(&mut self, level: usize) {
        self.block(2);
        if self.markup && self.prefix.is_none() {
            let indent = " ".repeat(self.indents.iter().sum());
            self.prefix = Some(Prefix::Heading(format!("{indent}{} ", "#".repeat(level))));
        }
    }

    pub fn finish(mut self) -> String {
        self.close_all();
        self.out
    }

    fn close_all(&mut self) {
        while let Some(open) = self.inline.pop() {
            if open.written {
                self.out.push_str(&open.close);
            }
        }
    }

    /// Writes what is owed before text: line breaks and indentation (or a pending marker), or
    /// a space, then any inline openers waiting for their first text.
    fn flush(&mut self) {
        let broke = self.breaks > 0 && !self.out.is_empty();
        if broke {
            for _ in 0..self.breaks {
                self.out.push('\n');
            }
        }
        match self.prefix.take() {
            Some(Prefix::Item(marker)) => {
                self.out.push_str(&marker);
                self.line_start = true;
            }
            Some(Prefix::Heading(marker)) => {
                self.out.push_str(&marker);
                self.line_start = false;
            }
            None if broke => {
                let indent: usize = self.indents.iter().sum();
                self.out.push_str(&" ".repeat(indent));
                self.line_start = true;
            }
            None if self.space && !self.out.is_empty() && !self.line_start => self.out.push(' '),
            None => {}
        }
        self.breaks = 0;
        self.space = false;
        for open in self.inline.iter_mut().filter(|open| !open.written) {
            self.out.push_str(open.open);
            open.written = true;
        }
    }
}

/// HTML's whitespace (a no-break space is decoded to a plain one before this).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    text.split(|other| other != c)
        .map(str::len)
        .max()
        .unwrap_or(0)
}
