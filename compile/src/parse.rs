//! The deck parser: one markdown file in, a [`Deck`] or every problem (with its line) out.
//!
//! It is line-oriented on purpose: it has to know line numbers and fenced code blocks, and it
//! never interprets markdown inside answers (that is [`crate::markdown`]'s job). The structure:
//!
//! - `# Title` starts a part (the first one is also the deck's title); `---` rules are ignored.
//! - `## Title` starts a section. If text follows it directly, that text must be a list
//!   (`## ORM Advantages` followed by `- **Head** - detail` items).
//! - `### N. Question` is a question card; its answer is every line up to the next `#`, `##` or
//!   `###` heading outside a code block, verbatim.
//! - `### Choose X When:` / `### X Advantages` (and the other list forms) followed by `- ` items
//!   is a list; any other `### Term` followed by text is a definition card.
//! - Nothing else may hold text: stray text is an error, so nothing is silently dropped.
//!
//! A heading may end with `{#custom-id}` to pin its id when the wording changes.

use std::collections::HashMap;

use prep_engine::content::slug::{cap_slug, is_slug, slugify};
use prep_engine::content::{
    Card, CardId, CardKind, ContentError, Deck, List, ListKind, Part, Section,
};
use prep_engine::order;

/// Question ids are slugs of the question, shortened to this many bytes on a word boundary.
const QUESTION_ID_MAX: usize = 60;

/// Parses a deck from markdown. `file` only labels errors. Returns every problem found, sorted
/// by line, rather than stopping at the first; never panics, whatever the input.
pub fn parse_deck(file: &str, source: &str) -> Result<Deck, Vec<ContentError>> {
    let mut builder = Builder {
        file,
        errors: Vec::new(),
        deck: Deck {
            title: String::new(),
            parts: Vec::new(),
            sections: Vec::new(),
            lists: Vec::new(),
            cards: Vec::new(),
        },
        part: None,
        section: None,
        section_ids: HashMap::new(),
        list_ids: HashMap::new(),
        card_ids: HashMap::new(),
    };
    let blocks = split_blocks(source, &mut builder);
    for block in &blocks {
        builder.block(block);
    }
    builder.finish()
}

// ---------------------------------------------------------------------------------------------
// Pass 1: lines -> blocks (a structural heading and the lines up to the next one).

/// A source line, with whether it belongs to a fenced code block (fences included).
#[derive(Debug, Clone, Copy)]
struct SourceLine<'a> {
    no: u32,
    text: &'a str,
    code: bool,
}

impl SourceLine<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Blank lines and `---`-style rules outside code carry no content.
    fn is_content(&self) -> bool {
        !self.is_blank() && (self.code || !is_thematic_break(self.text))
    }

    /// A top-level `- ` list item (or an empty `-`), outside code.
    fn item_text(&self) -> Option<&str> {
        if self.code {
            return None;
        }
        let text = self.text.trim_end();
        if text == "-" {
            Some("")
        } else {
            text.strip_prefix("- ").map(str::trim)
        }
    }
}

#[derive(Debug)]
struct Heading<'a> {
    level: usize,
    text: &'a str,
    line: u32,
}

#[derive(Debug)]
struct Block<'a> {
    /// `None` for the lines before the first heading.
    heading: Option<Heading<'a>>,
    body: Vec<SourceLine<'a>>,
}

impl Block<'_> {
    fn has_content(&self) -> bool {
        self.body.iter().any(SourceLine::is_content)
    }

    /// Whether every content line is a `- ` item (and there is at least one).
    fn only_items(&self) -> bool {
        self.has_content()
            && self
                .body
                .iter()
                .filter(|line| line.is_content())
                .all(|line| line.item_text().is_some())
    }

    /// The body verbatim, without leading/trailing blank lines and rules.
    fn answer(&self) -> String {
        let first = self.body.iter().position(SourceLine::is_content);
        let last = self.body.iter().rposition(SourceLine::is_content);
        match (first, last) {
            (Some(first), Some(last)) => self.body[first..=last]
                .iter()
                .map(|line| line.text)
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        }
    }
}

/// An open code fence: its character and length.
#[derive(Debug, Clone, Copy)]
struct Fence {
    ch: char,
    len: usize,
    line: u32,
}

fn split_blocks<'a>(source: &'a str, builder: &mut Builder<'_>) -> Vec<Block<'a>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut blocks = vec![Block {
        heading: None,
        body: Vec::new(),
    }];
    let mut fence: Option<Fence> = None;
    for (index, text) in source.lines().enumerate() {
        let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut code = false;
        if let Some(open) = fence {
            code = true;
            if closes_fence(open, text) {
                fence = None;
            }
        } else if let Some(open) = opening_fence(text, no) {
            code = true;
            fence = Some(open);
        } else if let Some((level, heading)) = atx_heading(text)
            && level <= 3
        {
            blocks.push(Block {
                heading: Some(Heading {
                    level,
                    text: heading,
                    line: no,
                }),
                body: Vec::new(),
            });
            continue;
        }
        if let Some(block) = blocks.last_mut() {
            block.body.push(SourceLine { no, text, code });
        }
    }
    if let Some(open) = fence {
        builder.error(open.line, "unclosed code block opened here".to_owned());
    }
    blocks
}

/// A line opening a fenced code block: 3+ backticks or tildes (any indentation, so fences
/// nested in list items count too); a backtick fence's info string may not hold a backtick.
fn opening_fence(text: &str, line: u32) -> Option<Fence> {
    fence_opening(text).map(|(ch, len)| Fence { ch, len, line })
}

/// The character and length of the fence `text` opens, if it opens one (the importer reads
/// fences by the same rule, so what it converts is read as it was converted).
pub(crate) fn fence_opening(text: &str) -> Option<(char, usize)> {
    let rest = text.trim_start();
    let ch = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.chars().take_while(|c| *c == ch).count();
    if len < 3 {
        return None;
    }
    let info = &rest[len * ch.len_utf8()..];
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some((ch, len))
}

fn closes_fence(open: Fence, text: &str) -> bool {
    let rest = text.trim_start();
    let len = rest.chars().take_while(|c| *c == open.ch).count();
    len >= open.len && rest[len * open.ch.len_utf8()..].trim().is_empty()
}

/// An ATX heading (`#` to `######`, up to 3 spaces of indentation): its level and text, with
/// any closing `#` sequence removed.
pub(crate) fn atx_heading(text: &str) -> Option<(usize, &str)> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &text[indent..];
    let level = rest.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = &rest[level..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut title = after.trim();
    let without_closing = title.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        title = without_closing.trim_end();
    }
    Some((level, title))
}

/// `---`, `***` or `___` (3 or more, spaces allowed between), up to 3 spaces of indentation.
fn is_thematic_break(text: &str) -> bool {
    let indent = text.len() - text.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let marks: Vec<char> = text.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    marks.len() >= 3 && matches!(marks[0], '-' | '*' | '_') && marks.iter().all(|c| *c == marks[0])
}

// ---------------------------------------------------------------------------------------------
// Heading text helpers.

/// Splits a trailing `{#custom-id}` off a heading: (title, pinned id as written).
fn split_pinned_id(text: &str) -> (&str, Option<&str>) {
    if let Some(inner) = text.strip_suffix('}')
        && let Some(start) = inner.rfind("{#")
    {
        return (inner[..start].trim_end(), Some(&inner[start + 2..]));
    }
    (text, None)
}

/// `27. Question text` -> (27 as written, "Question text").
fn question_heading(title: &str) -> Option<(&str, &str)> {
    let digits = title.len() - title.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let rest = title[digits..].strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((&title[..digits], rest.trim()))
}

/// What a list title says: its kind, subject and default id.
struct ListForm {
    kind: ListKind,
    subject: String,
    id: String,
}

const LIST_FORMS: &str = "`<Subject> Advantages`, `<Subject> Disadvantages`, \
                          `Choose <Subject> When:` or `Avoid <Subject> When:`";

fn subject_of(subject: &str) -> Option<&str> {
    Some(subject.trim()).filter(|s| !s.is_empty())
}

fn list_form(title: &str) -> Option<ListForm> {
    let bare = title.strip_suffix(':').unwrap_or(title).trim_end();
    for (suffix, kind) in [
        (" Advantages", ListKind::Advantages),
        (" Disadvantages", ListKind::Disadvantages),
    ] {
        if let Some(subject) = bare.strip_suffix(suffix).and_then(subject_of) {
            return Some(ListForm {
                kind,
                subject: subject.to_owned(),
                id: slugify(title),
            });
        }
    }
    for (prefix, kind) in [
        ("Choose ", ListKind::ChooseWhen),
        ("Avoid ", ListKind::AvoidWhen),
    ] {
        if let Some(subject) = bare
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(" When"))
            .and_then(subject_of)
        {
            return Some(ListForm {
                kind,
                subject: subject.to_owned(),
                id: slugify(&format!("{prefix}{subject}")),
            });
        }
    }
    None
}

/// `**Head** - detail` -> ("Head", "detail").
fn one_liner(item: &str) -> Option<(&str, &str)> {
    let rest = item.strip_prefix("**")?;
    let end = rest.find("**")?;
    let head = rest[..end].trim();
    let detail = rest[end + 2..]
        .trim_start()
        .strip_prefix('-')?
        .strip_prefix([' ', '\t'])?
        .trim();
    (!head.is_empty() && !detail.is_empty()).then_some((head, detail))
}

// ---------------------------------------------------------------------------------------------
// Pass 2: blocks -> deck.

struct Builder<'f> {
    file: &'f str,
    errors: Vec<ContentError>,
    deck: Deck,
    /// The current part and section, if any.
    part: Option<usize>,
    section: Option<usize>,
    /// Ids seen so far, with the line that introduced them.
    section_ids: HashMap<String, u32>,
    list_ids: HashMap<String, u32>,
    card_ids: HashMap<String, u32>,
}

impl Builder<'_> {
    fn error(&mut self, line: u32, reason: String) {
        self.errors.push(ContentError {
            file: self.file.to_owned(),
            line,
            reason,
        });
    }

    fn finish(mut self) -> Result<Deck, Vec<ContentError>> {
        if self.deck.parts.is_empty() {
            self.error(1, "no `# Title` heading: the file must have one".to_owned());
        } else if self.deck.cards.is_empty() {
            self.error(1, "the deck has no cards".to_owned());
        }
        if self.errors.is_empty() {
            Ok(self.deck)
        } else {
            order::sort_by_key(&mut self.errors, |error| error.line);
            Err(self.errors)
        }
    }

    fn block(&mut self, block: &Block<'_>) {
        let Some(heading) = &block.heading else {
            self.stray_text(block);
            return;
        };
        let (title, pinned) = split_pinned_id(heading.text);
        let pinned = pinned.and_then(|id| {
            if is_slug(id) {
                Some(id.to_owned())
            } else {
                self.error(
                    heading.line,
                    format!(
                        "`{{#{id}}}` is not a valid id: use lowercase ASCII letters, digits \
                         and single inner hyphens"
                    ),
                );
                None
            }
        });
        if title.is_empty() {
            self.error(heading.line, "empty heading".to_owned());
            return;
        }
        match heading.level {
            1 => self.part(block, heading, title, pinned.is_some()),
            2 => self.section(block, heading, title, pinned),
            _ => self.card_heading(block, heading, title, pinned),
        }
    }

    /// Reports each paragraph of `block`'s body: text that belongs to no card.
    fn stray_text(&mut self, block: &Block<'_>) {
        let mut in_run = false;
        for line in &block.body {
            if !line.is_content() {
                in_run = false;
            } else if !in_run {
                in_run = true;
                self.error(
                    line.no,
                    "text outside any card: put it under a `### ` heading or remove it".to_owned(),
                );
            }
        }
    }

    fn part(&mut self, block: &Block<'_>, heading: &Heading<'_>, title: &str, pinned: bool) {
        if pinned {
            self.error(
                heading.line,
                "a part heading cannot pin an id (`{#id}` is for sections, lists and cards)"
                    .to_owned(),
            );
        }
        if self.deck.parts.is_empty() {
            self.deck.title = title.to_owned();
        }
        self.part = Some(self.deck.parts.len());
        self.section = None;
        self.deck.parts.push(Part {
            title: title.to_owned(),
            line: heading.line,
        });
        self.stray_text(block);
    }

    fn section(
        &mut self,
        block: &Block<'_>,
        heading: &Heading<'_>,
        title: &str,
        pinned: Option<String>,
    ) {
        let part = self.part.unwrap_or_else(|| {
            self.error(
                heading.line,
                "section heading before any `# Part` heading".to_owned(),
            );
            0
        });
        let id = pinned.clone().unwrap_or_else(|| slugify(title));
        if id.is_empty() {
            self.error(heading.line, no_id_reason(title));
        } else if let Some(first) = self.section_ids.get(&id).copied() {
            self.error(
                heading.line,
                format!("duplicate section id `{id}`: line {first} has the same id"),
            );
        } else {
            self.section_ids.insert(id.clone(), heading.line);
        }
        let section = self.deck.sections.len();
        self.section = Some(section);
        self.deck.sections.push(Section {
            id,
            title: title.to_owned(),
            part,
            line: heading.line,
        });

        if !block.has_content() {
            return;
        }
        if let Some(form) = list_form(title) {
            self.list(block, heading, title, pinned, form, section);
        } else if block.only_items() {
            self.unknown_list_title(heading, title);
        } else {
            self.stray_text(block);
        }
    }

    fn unknown_list_title(&mut self, heading: &Heading<'_>, title: &str) {
        self.error(
            heading.line,
            format!(
                "`{title}` holds only `- ` items, so it must be a list, and list titles must \
                 read {LIST_FORMS}"
            ),
        );
    }

    fn card_heading(
        &mut self,
        block: &Block<'_>,
        heading: &Heading<'_>,
        title: &str,
        pinned: Option<String>,
    ) {
        let section = self.section.unwrap_or_else(|| {
            self.error(
                heading.line,
                format!(
                    "`{} {title}` is outside any section: add a `## Section` heading above it",
                    "#".repeat(heading.level)
                ),
            );
            0
        });
        if let Some((number, prompt)) = question_heading(title) {
            self.question(block, heading, number, prompt, pinned, section);
        } else if let Some(form) = list_form(title) {
            self.list(block, heading, title, pinned, form, section);
        } else if block.only_items() {
            self.unknown_list_title(heading, title);
        } else {
            let answer = block.answer();
            if answer.is_empty() {
                self.error(
                    heading.line,
                    format!("definition `{title}` has no body (write it below the heading)"),
                );
                return;
            }
            let slug = slugify(title);
            let id = match pinned {
                Some(id) => id,
                None if slug.is_empty() => {
                    self.error(heading.line, no_id_reason(title));
                    return;
                }
                None => format!("def-{slug}"),
            };
            self.card(
                id,
                CardKind::Definition,
                section,
                title,
                answer,
                heading.line,
            );
        }
    }

    fn question(
        &mut self,
        block: &Block<'_>,
        heading: &Heading<'_>,
        number: &str,
        prompt: &str,
        pinned: Option<String>,
        section: usize,
    ) {
        let Ok(parsed) = number.parse::<u32>() else {
            self.error(
                heading.line,
                format!("question number {number} is too large"),
            );
            return;
        };
        if prompt.is_empty() {
            self.error(heading.line, format!("question {number} has no text"));
            return;
        }
        let answer = block.answer();
        if answer.is_empty() {
            self.error(heading.line, format!("question {number} has no answer"));
            return;
        }
        let id = match pinned {
            Some(id) => id,
            None => {
                let slug = cap_slug(slugify(prompt), QUESTION_ID_MAX);
                if slug.is_empty() {
                    self.error(heading.line, no_id_reason(prompt));
                    return;
                }
                slug
            }
        };
        let kind = CardKind::Question { number: parsed };
        self.card(id, kind, section, prompt, answer, heading.line);
    }

    fn list(
        &mut self,
        block: &Block<'_>,
        heading: &Heading<'_>,
        title: &str,
        pinned: Option<String>,
        form: ListForm,
        section: usize,
    ) {
        let id = pinned.unwrap_or(form.id);
        if id.is_empty() {
            self.error(heading.line, no_id_reason(title));
            return;
        }
        if let Some(first) = self.list_ids.get(&id).copied() {
            self.error(
                heading.line,
                format!("duplicate list id `{id}`: line {first} has the same id"),
            );
        } else {
            self.list_ids.insert(id.clone(), heading.line);
        }
        let list = self.deck.lists.len();
        self.deck.lists.push(List {
            id: id.clone(),
            title: title.to_owned(),
            subject: form.subject,
            kind: form.kind,
            section,
            line: heading.line,
        });

        let one_liners = matches!(form.kind, ListKind::Advantages | ListKind::Disadvantages);
        let mut items = 0;
        let mut bad_lines = 0;
        for line in block.body.iter().filter(|line| line.is_content()) {
            let Some(item) = line.item_text() else {
                bad_lines += 1;
                let found = line.text.trim();
                let reason = match found.chars().next() {
                    Some(bullet @ ('•' | '*' | '+' | '–' | '—'))
                        if found[bullet.len_utf8()..].starts_with(' ') =>
                    {
                        format!("items of list `{title}` must start with `- `, not `{bullet} `")
                    }
                    _ => format!(
                        "list `{title}` may only hold `- ` items, one per line (no \
                         paragraphs, code or nested lists)"
                    ),
                };
                self.error(line.no, reason);
                continue;
            };
            let (prompt, answer, kind) = if one_liners {
                let Some((head, detail)) = one_liner(item) else {
                    bad_lines += 1;
                    self.error(
                        line.no,
                        format!(
                            "one-liner in `{title}` must read `- **Head** - detail`, \
                             found `- {item}`"
                        ),
                    );
                    continue;
                };
                (head, detail, CardKind::OneLiner { list })
            } else {
                if item.is_empty() {
                    bad_lines += 1;
                    self.error(line.no, format!("empty item in list `{title}`"));
                    continue;
                }
                (item, "", CardKind::GuideItem { list })
            };
            let slug = slugify(prompt);
            if slug.is_empty() {
                bad_lines += 1;
                self.error(line.no, no_id_reason(prompt));
                continue;
            }
            items += 1;
            let card_id = format!("{id}-{slug}");
            self.card(card_id, kind, section, prompt, answer.to_owned(), line.no);
        }
        if items == 0 && bad_lines == 0 {
            self.error(heading.line, format!("list `{title}` has no items"));
        }
    }

    fn card(
        &mut self,
        id: String,
        kind: CardKind,
        section: usize,
        prompt: &str,
        answer: String,
        line: u32,
    ) {
        if let Some(first) = self.card_ids.get(&id).copied() {
            self.error(
                line,
                format!(
                    "duplicate card id `{id}`: line {first} has the same id (reword one, or \
                     pin a different id with `{{#new-id}}` at the end of its heading)"
                ),
            );
            return;
        }
        self.card_ids.insert(id.clone(), line);
        self.deck.cards.push(Card {
            id: CardId(id),
            kind,
            section,
            prompt: prompt.to_owned(),
            answer,
            line,
        });
    }
}

fn no_id_reason(text: &str) -> String {
    format!(
        "`{text}` has no ASCII letters or digits to make an id from: pin one with `{{#some-id}}` \
         at the end of the heading"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_atx_headings() {
        assert_eq!(atx_heading("# Title"), Some((1, "Title")));
        assert_eq!(atx_heading("### 27. Q?"), Some((3, "27. Q?")));
        assert_eq!(atx_heading("   ## Indented"), Some((2, "Indented")));
        assert_eq!(atx_heading("## Closed ##"), Some((2, "Closed")));
        assert_eq!(atx_heading("# C#"), Some((1, "C#")));
        assert_eq!(atx_heading("#"), Some((1, "")));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("    # code"), None);
        assert_eq!(atx_heading("####### seven"), None);
    }

    #[test]
    fn recognises_fences() {
        assert!(opening_fence("```python", 1).is_some());
        assert!(opening_fence("~~~", 1).is_some());
        assert!(opening_fence("    ```", 1).is_some());
        assert!(opening_fence("``", 1).is_none());
        assert!(opening_fence("```inline``` code", 1).is_none());
        let open = opening_fence("````", 1).unwrap();
        assert!(!closes_fence(open, "```"));
        assert!(closes_fence(open, "`````  "));
        assert!(!closes_fence(open, "```` x"));
    }

    #[test]
    fn recognises_rules() {
        assert!(is_thematic_break("---"));
        assert!(is_thematic_break("* * *"));
        assert!(is_thematic_break("_____"));
        assert!(!is_thematic_break("--"));
        assert!(!is_thematic_break("-- -x"));
        assert!(!is_thematic_break("- item"));
    }

    #[test]
    fn reads_list_titles() {
        let form = list_form("ORM Advantages").unwrap();
        assert_eq!(
            (form.kind, form.subject.as_str()),
            (ListKind::Advantages, "ORM")
        );
        assert_eq!(form.id, "orm-advantages");
        let form = list_form("Django Disadvantages:").unwrap();
        assert_eq!(form.kind, ListKind::Disadvantages);
        let form = list_form("Choose ORM When:").unwrap();
        assert_eq!(
            (form.kind, form.subject.as_str()),
            (ListKind::ChooseWhen, "ORM")
        );
        assert_eq!(form.id, "choose-orm");
        let form = list_form("Avoid Django REST Framework When").unwrap();
        assert_eq!(form.kind, ListKind::AvoidWhen);
        assert_eq!(form.subject, "Django REST Framework");
        assert!(list_form("Advantages").is_none());
        assert!(list_form("orm advantages").is_none());
        assert!(list_form("Choose When:").is_none());
        assert!(list_form("Quick Decision Guide").is_none());
    }

    #[test]
    fn reads_one_liners_and_questions() {
        assert_eq!(
            one_liner("**N+1 Problem** - Multiple queries"),
            Some(("N+1 Problem", "Multiple queries"))
        );
        assert_eq!(one_liner("**Head**: detail"), None);
        assert_eq!(one_liner("Head - detail"), None);
        assert_eq!(one_liner("**Head** -"), None);
        assert_eq!(question_heading("27. Why?"), Some(("27", "Why?")));
        assert_eq!(question_heading("3.5 Things"), None);
        assert_eq!(question_heading("Django"), None);
        assert_eq!(split_pinned_id("Q {#q-id}"), ("Q", Some("q-id")));
        assert_eq!(split_pinned_id("Q"), ("Q", None));
    }
}
