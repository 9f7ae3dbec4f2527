//! Markdown rendering: the one module that knows pulldown-cmark and its options.
//!
//! - Tables and strikethrough are enabled; nothing else beyond CommonMark.
//! - Raw HTML in the input is never emitted as HTML: it is shown as (escaped) text.
//! - Links and images with `javascript:`, `vbscript:` or `data:` destinations point at `#`;
//!   links carry `rel="noopener noreferrer"`, and an image is shown as a link to it (its alt
//!   text), never loaded: an imported deck must not fetch anything by being read.
//! - Fenced code blocks are rendered here: `python`/`py` blocks are highlighted by a small
//!   tokenizer ([`python`]) into `<span class="tok-…">` spans; others are plain escaped text.
//! - A code block is a scrollable region that the keyboard can reach and scroll
//!   (`tabindex="0"`, named "Code example 1", "Code example 2"…: landmarks on a page have
//!   unique names), so it can be read on a narrow screen without a mouse.
//! - An answer's headings (`####` and deeper: `#`–`###` are the deck's own structure) start at
//!   `<h2>`, under the page's `<h1>` (a card's title) or beside a study screen's `<h2>` prompt,
//!   so headings never skip a level.
//! - Django commands written in prose (`django-admin startproject project_name`) are shown as
//!   inline code ([`commands`]).
//! - A single newline inside a paragraph renders as a line break (`<br />`): the content writes
//!   one fact per line (`**Key**: value`) without blank lines between them and means them to
//!   read as separate lines.
//!
//! Output is a pure function of the input, so it is deterministic.

mod commands;
mod python;

use prep_engine::text::escape_html;
use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders a markdown answer to HTML (block level: paragraphs, lists, tables, code…).
pub fn to_html(markdown: &str) -> String {
    let mut events = Vec::new();
    // Inside a fenced or indented code block: its language and the text so far.
    let mut code: Option<(String, String)> = None;
    // Inside a raw HTML block: its text so far (shown as a paragraph of text).
    let mut html_block: Option<String> = None;
    let mut code_blocks = 0;
    for event in Parser::new_ext(markdown, options()) {
        if let Some(text) = &mut html_block {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    events.push(Event::Start(Tag::Paragraph));
                    for (index, line) in text.trim_end().lines().enumerate() {
                        if index > 0 {
                            events.push(Event::HardBreak);
                        }
                        events.push(Event::Text(CowStr::from(line.to_owned())));
                    }
                    events.push(Event::End(TagEnd::Paragraph));
                    html_block = None;
                }
                Event::Text(chunk) | Event::Html(chunk) | Event::InlineHtml(chunk) => {
                    text.push_str(&chunk);
                }
                _ => {}
            }
            continue;
        }
        if let Some((language, text)) = &mut code {
            match event {
                Event::End(TagEnd::CodeBlock) => {
                    code_blocks += 1;
                    let block = code_block_html(code_blocks, language, text);
                    events.push(Event::Html(CowStr::from(block)));
                    code = None;
                }
                Event::Text(chunk) | Event::Html(chunk) | Event::InlineHtml(chunk) => {
                    text.push_str(&chunk);
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::SoftBreak => events.push(Event::HardBreak),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => events.push(Event::Start(Tag::Heading {
                level: answer_heading(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::End(TagEnd::Heading(answer_heading(level))))
            }
            other => events.extend(commands::commands_as_code(make_safe(other))),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Renders a one-line string (a one-liner's detail, a prompt) to inline HTML, without a
/// wrapping `<p>`. Text that markdown would read as a block (a list, a heading…) is shown
/// verbatim, escaped, rather than turned into that block.
pub fn inline_to_html(text: &str) -> String {
    let mut events = Vec::new();
    let mut paragraphs = 0;
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    events.push(Event::SoftBreak);
                }
                paragraphs += 1;
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(tag) if is_block(&tag) => return escape_html(text.trim()),
            other => events.extend(commands::commands_as_code(make_safe(other))),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The visible text of some markdown, for search and quizzes: markup stripped, code and
/// (escaped-as-text) raw HTML kept, whitespace collapsed to single spaces.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::Start(tag) if is_block(&tag) => out.push(' '),
            Event::End(tag) if is_block_end(tag) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Raw HTML becomes text (escaped by the writer); risky link targets are neutralised; every
/// link opens nothing of this page to its target (`rel="noopener noreferrer"`); an image is a
/// link to it named by its alt text, so a deck brought at run time cannot make the page load
/// anything from elsewhere (or tell another site who reads it) by being looked at.
fn make_safe(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => Event::InlineHtml(CowStr::from(link_open(&dest_url, &title, ""))),
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => Event::InlineHtml(CowStr::from(link_open(&dest_url, &title, "image-link"))),
        Event::End(TagEnd::Link | TagEnd::Image) => Event::InlineHtml(CowStr::Borrowed("</a>")),
        other => other,
    }
}

/// The opening tag of a link to `url` (made safe), with its title and class if any.
fn link_open(url: &str, title: &str, class: &str) -> String {
    let mut tag = format!(
        "<a href=\"{}\" rel=\"noopener noreferrer\"",
        escape_html(&safe_url(CowStr::Borrowed(url)))
    );
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", escape_html(title)));
    }
    if !class.is_empty() {
        tag.push_str(&format!(" class=\"{class}\""));
    }
    tag.push('>');
    tag
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|c| *c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = url.contains(':');
    if has_scheme && matches!(scheme.as_str(), "javascript" | "vbscript" | "data") {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// An answer's heading level: `####` (the first level an answer can use) is `<h2>`.
fn answer_heading(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H4 => HeadingLevel::H2,
        HeadingLevel::H5 => HeadingLevel::H3,
        HeadingLevel::H6 => HeadingLevel::H4,
        other => other,
    }
}

/// The `number`th code block of an answer: a named region the keyboard can focus and scroll.
fn code_block_html(number: usize, language: &str, code: &str) -> String {
    let pre = format!("<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example {number}\">");
    match language.to_ascii_lowercase().as_str() {
        "python" | "py" => format!(
            "{pre}<code class=\"language-python\">{}</code></pre>\n",
            python::highlight(code)
        ),
        "" => format!("{pre}<code>{}</code></pre>\n", escape_html(code)),
        _ => format!(
            "{pre}<code class=\"language-{}\">{}</code></pre>\n",
            escape_html(language),
            escape_html(code)
        ),
    }
}
