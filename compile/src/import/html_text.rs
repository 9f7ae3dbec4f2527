//! HTML fields (Anki's `#html:true` export, or a spreadsheet cell that is clearly HTML) as the
//! app's Markdown. The app shows raw HTML in an answer as escaped text, so a `<p>` left in
//! would be read literally; common markup is turned into its Markdown instead: paragraphs,
//! line breaks, bold, italics, code (a `<pre>` becomes a fenced block with its language, its
//! text exactly as written), lists, headings (at `####` or deeper: shallower ones are the
//! deck's own structure), links and simple tables (cells joined by ` | `). Any other tag is
//! dropped and its text kept; `<script>` and `<style>` are dropped with their content.
//!
//! Text is escaped where Markdown would read it as markup (`*`, `` ` ``, `[`, a `#` or `- `
//! starting a line…), so what the field showed is what the card shows. A prompt is shown as
//! plain text, so a question field is read with [`to_text`]: tags dropped, nothing escaped.
//!
//! A small hand-written reader rather than an HTML parser: fields are short and their markup
//! simple, and nothing here may panic on what a person brings (unclosed tags, a bare `<`).

mod entities;
mod escape;
mod tags;
mod writer;

use tags::{Token, tokens};
use writer::{Output, Writer};

/// `html` as Markdown for an answer.
pub(super) fn to_markdown(html: &str) -> String {
    convert(html, Output::Markdown)
}

/// The visible text of `html`: tags dropped, entities decoded, block ends as line breaks.
pub(super) fn to_text(html: &str) -> String {
    convert(html, Output::Text)
}

/// Whether a field without Anki's `#html:true` is clearly HTML: it holds an element of the
/// kinds converted here, opened and closed (`<p>…</p>`, `<b>…</b>`…). A lone `<div>` in prose
/// about HTML is not enough.
pub(super) fn is_html(text: &str) -> bool {
    const PAIRED: &[&str] = &[
        "p", "div", "b", "strong", "i", "em", "code", "pre", "ul", "ol", "li", "a", "h1", "h2",
        "h3", "h4", "h5", "h6", "table", "tr", "td", "span",
    ];
    let mut open = Vec::new();
    for token in tokens(text) {
        match token {
            Token::Open { name, .. } if PAIRED.contains(&name.as_str()) => open.push(name),
            Token::Close { name } if open.contains(&name) => return true,
            _ => {}
        }
    }
    false
}

/// What is being read: ordinary flow, the text of an inline `<code>`, or of a `<pre>`.
enum Mode {
    Flow,
    /// Inline code's text so far.
    Code(String),
    /// A `<pre>`'s language and text so far.
    Pre {
        language: String,
        text: String,
    },
    /// Inside `<script>` or `<style>`, until its end tag.
    Skip(String),
}

fn convert(html: &str, output: Output) -> String {
    let mut out = Writer::new(output);
    let mut mode = Mode::Flow;
    // Each open list: ordered, and the number of items so far.
    let mut lists: Vec<(bool, usize)> = Vec::new();
    // Cells written so far in the current table row.
    let mut cells = 0usize;
    // Inside a heading: line breaks there are spaces.
    let mut heading = false;
    for token in tokens(html) {
        // Code and skipped content first: tags there are not structure.
        match &mut mode {
            Mode::Skip(until) => {
                if matches!(&token, Token::Close { name } if name == until) {
                    mode = Mode::Flow;
                }
                continue;
            }
            Mode::Pre { language, text } => {
                match token {
                    Token::Text(chunk) => text.push_str(&chunk),
                    Token::Open { name, .. } if name == "br" => text.push('\n'),
                    Token::Open { name, class, .. } if name == "code" && language.is_empty() => {
                        *language = language_of(class.as_deref());
                    }
                    Token::Close { name } if name == "pre" => {
                        out.code_block(language, text);
                        mode = Mode::Flow;
                    }
                    _ => {}
                }
                continue;
            }
            Mode::Code(text) => match token {
                Token::Text(chunk) => {
                    text.push_str(&chunk);
                    continue;
                }
                Token::Close { ref name } if name == "code" => {
                    out.inline_code(text);
                    mode = Mode::Flow;
                    continue;
                }
                Token::Open { ref name, .. } | Token::Close { ref name } if !is_block(name) => {
                    if name == "br" {
                        text.push(' ');
                    }
                    continue;
                }
                // A block tag ends an unclosed `<code>`: it may not swallow the rest.
                _ => {
                    out.inline_code(text);
                    mode = Mode::Flow;
                }
            },
            Mode::Flow => {}
        }
        match token {
            Token::Text(text) => out.text(&text),
            Token::Open {
                name,
                class,
                href,
                self_closing,
            } => match name.as_str() {
                "br" if heading => out.text(" "),
                "br" => out.line_break(),
                "p" => out.block(2),
                "div" | "blockquote" | "section" | "article" => out.block(1),
                "hr" => out.block(2),
                "b" | "strong" => out.open_inline("**"),
                "i" | "em" => out.open_inline("*"),
                "a" => out.open_link(href.as_deref().unwrap_or("")),
                "code" if !self_closing => mode = Mode::Code(String::new()),
                "pre" if !self_closing => {
                    mode = Mode::Pre {
                        language: language_of(class.as_deref()),
                        text: String::new(),
                    }
                }
                "script" | "style" if !self_closing => mode = Mode::Skip(name),
                "ul" | "ol" => {
                    out.block(if lists.is_empty() { 2 } else { 1 });
                    lists.push((name == "ol", 0));
                }
                "li" => {
                    if lists.is_empty() {
                        lists.push((false, 0));
                    }
                    let depth = lists.len();
                    let Some((ordered, count)) = lists.last_mut() else {
                        continue;
                    };
                    *count += 1;
                    let marker = if *ordered {
                        format!("{count}. ")
                    } else {
                        "- ".to_owned()
                    };
                    out.item(depth, &marker);
                }
                "table" => out.block(2),
                "tr" => {
                    out.block(1);
                    cells = 0;
                }
                "td" | "th" => {
                    if cells > 0 {
                        out.raw_inline(" | ");
                    }
                    cells += 1;
                }
                h if heading_level(h).is_some() => {
                    let level = heading_level(h).unwrap_or(4);
                    out.heading(level);
                    heading = true;
                }
                _ => {}
            },
            Token::Close { name } => match name.as_str() {
                "p" | "hr" => out.block(2),
                "div" | "blockquote" | "section" | "article" => out.block(1),
                "b" | "strong" => out.close_inline("**"),
                "i" | "em" => out.close_inline("*"),
                "a" => out.close_link(),
                "li" => out.end_item(lists.len().saturating_sub(1)),
                "ul" | "ol" => {
                    lists.pop();
                    out.end_item(lists.len());
                    out.block(if lists.is_empty() { 2 } else { 1 });
                }
                "table" => out.block(2),
                "tr" => out.block(1),
                h if heading_level(h).is_some() => {
                    heading = false;
                    out.block(2);
                }
                _ => {}
            },
        }
    }
    match mode {
        Mode::Code(text) => out.inline_code(&text),
        Mode::Pre { language, text } => out.code_block(&language, &text),
        Mode::Flow | Mode::Skip(_) => {}
    }
    out.finish()
}

/// Tags that end a paragraph-level run of text (an unclosed inline `<code>` stops at them).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "blockquote"
            | "section"
            | "article"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// The Markdown heading level of `<hN>`: `####` for `<h1>` and `<h2>` (an answer's first
/// level, which the app renders as `<h2>`), one deeper per level after, at most `######`.
fn heading_level(name: &str) -> Option<usize> {
    let level: usize = name.strip_prefix('h')?.parse().ok()?;
    (1..=6).contains(&level).then(|| (level + 2).clamp(4, 6))
}

/// The language a `class` names (`language-python`, `lang-js`), as a fence's info string can
/// hold it.
fn language_of(class: Option<&str>) -> String {
    class
        .unwrap_or("")
        .split_whitespace()
        .find_map(|class| {
            class
                .strip_prefix("language-")
                .or_else(|| class.strip_prefix("lang-"))
        })
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '#' | '_' | '.'))
        .collect()
}

#[cfg(test)]
mod tests;
