//! Every route's page as HTML, written at build time (`src/bin/route-pages.rs`) into a copy of
//! Trunk's `index.html`, so a phone shows the page before the wasm has downloaded, a reader
//! without JavaScript can read every card, and search engines see the content.
//!
//! The markup mirrors what the views render (same elements, classes and text), so when the
//! app starts (`main.rs`) and replaces it there is nothing to see change. Parts that depend on
//! the learner's saved progress (due counts, a card's schedule) are left out; a study screen
//! carries its heading and a note for readers without JavaScript. Pure string code: it runs
//! natively in the build and is never linked into the wasm.

use prep_engine::compiled::CompiledDeck;
use prep_engine::content::{CardKind, Deck};
use prep_engine::practice::code_spans;
use prep_engine::study::KindFilter;
use prep_engine::text::escape_html as escape;

use crate::app::{SINGLE_FILE_LINK_TEXT, SITE_FOOTER_TEXT};
use crate::base_path::href;
use crate::components::card_labels::{card_title, kind_label, list_title};
use crate::components::document_title::APP_NAME;
use crate::components::practice::practice_links;
use crate::paths::{
    DECKS_PATH, DRILL_PATH, FILL_IN_PATH, HOME_PATH, IMPORT_PATH, MOCK_PATH, PROGRESS_PATH,
    QUIZ_PATH, RECALL_PATH, REVIEW_PATH, SEARCH_PATH, SINGLE_FILE_PATH, STUDY_PATH, card_path,
    kind_path, section_path,
};
use crate::routes::home::{cards_label, deck_summary_parts};
use crate::routes::kind::cards_of_kind_by_section;
use crate::routes::study::{PRACTICE_MODES, REVIEW_MODE_NAME};

/// The attribute marking build-time markup; the app removes these elements when it mounts.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";

/// One HTML page of the site.
pub struct Page {
    /// Where it goes in the bundle: `index.html`, `card/<id>.html`, `404.html`.
    pub file: String,
    /// The tab title, as `set_document_title` would set it.
    pub title: String,
    /// The page's `<meta name="description">`, when it has one of its own.
    pub description: Option<String>,
    /// The header, `<main>` and footer, marked with [`PRERENDERED_ATTRIBUTE`].
    pub body: String,
}

impl Page {
    /// `template` (Trunk's `index.html`) with this page's title, description and content.
    pub fn fill(&self, template: &str) -> Result<String, String> {
        let title = if self.title.is_empty() {
            APP_NAME.to_string()
        } else {
            format!("{} · {APP_NAME}", self.title)
        };
        let mut html = replace_between(template, "<title>", "</title>", &escape(&title))?;
        if let Some(description) = &self.description {
            html = replace_between(
                &html,
                "<meta name=\"description\" content=\"",
                "\"",
                &escape(description),
            )?;
        }
        // The page's content is in the HTML, so first content does not need the wasm: its
        // download must not compete with the page's own for a phone's bandwidth.
        let html = replace_once(
            &html,
            "type=\"application/wasm\"",
            "type=\"application/wasm\" fetchpriority=\"low\"",
        )?;
        replace_between(
            &html,
            "<body>",
            "<noscript>",
            &format!("\n{}\n    ", self.body),
        )
    }
}

/// Every page: home, 404, the study screens, search, progress, and each section, kind and card.
pub fn pages(compiled: &CompiledDeck) -> Vec<Page> {
    let deck = compiled.deck();
    let mut pages = vec![
        page("index.html", String::new(), None, HOME_PATH, home(deck)),
        page("404.html", "Not found".to_string(), None, "", not_found()),
    ];
    pages.push(page(
        "study.html",
        "Study".to_string(),
        None,
        STUDY_PATH,
        study_hub(),
    ));
    for (path, title, class, note) in STUDY_SCREENS {
        let file = format!("{}.html", path.trim_start_matches('/'));
        let nav_path = match *path {
            p if p == PROGRESS_PATH || p == SEARCH_PATH || p == DECKS_PATH => p,
            p if p == IMPORT_PATH => DECKS_PATH,
            _ => STUDY_PATH,
        };
        let body = study_screen(title, class, note);
        pages.push(page(&file, title.to_string(), None, nav_path, body));
    }
    for (index, section) in deck.sections.iter().enumerate() {
        let file = format!("{}.html", section_path(&section.id).trim_start_matches('/'));
        let description = format!(
            "{}: {} to read and study.",
            section.title,
            cards_label(deck.cards_in_section(index).count())
        );
        let body = section_page(deck, index);
        pages.push(page(
            &file,
            section.title.clone(),
            Some(description),
            "",
            body,
        ));
    }
    for kind in KindFilter::ALL {
        let file = format!("{}.html", kind_path(kind).trim_start_matches('/'));
        pages.push(page(
            &file,
            kind.label().to_string(),
            None,
            "",
            kind_page(deck, kind),
        ));
    }
    for (index, card) in deck.cards.iter().enumerate() {
        let file = format!(
            "{}.html",
            card_path(card.id.as_str()).trim_start_matches('/')
        );
        let description = summary(&compiled.search_doc(index).text);
        let body = card_page(compiled, index);
        pages.push(page(&file, card_title(card), description, "", body));
    }
    pages
}

/// The study screens: path, heading, the section's class, and what a reader without
/// JavaScript is told there.
const STUDY_SCREENS: &[(&str, &str, &str, &str)] = &[
    (
        REVIEW_PATH,
        "Review",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        QUIZ_PATH,
        "Multiple choice",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        DRILL_PATH,
        "Classification drill",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        RECALL_PATH,
        "Typed recall",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        FILL_IN_PATH,
        "Fill in",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        MOCK_PATH,
        "Mock interview",
        "page study-session",
        STUDY_NEEDS_SCRIPT,
    ),
    (
        SEARCH_PATH,
        "Search",
        "page search-page",
        "Searching needs JavaScript. Every card can still be read from the list of sections.",
    ),
    (
        PROGRESS_PATH,
        "Your progress",
        "page progress-page",
        "Progress is kept by the study app, which needs JavaScript. Every card can still be read from the list of sections.",
    ),
    (
        DECKS_PATH,
        "Your decks",
        "page decks-page",
        "Decks you bring are kept by the study app, which needs JavaScript. Every card of this deck can still be read from the list of sections.",
    ),
    (
        IMPORT_PATH,
        "Import a deck",
        "page import-page",
        "Importing a deck runs in your browser and needs JavaScript and WebAssembly. Every card of this deck can still be read from the list of sections.",
    ),
];

const STUDY_NEEDS_SCRIPT: &str = "Studying runs in your browser and needs JavaScript and WebAssembly. Every card can still be read from the list of sections.";

fn page(
    file: &str,
    title: String,
    description: Option<String>,
    nav_path: &str,
    main: String,
) -> Page {
    Page {
        file: file.to_string(),
        title,
        description,
        body: format!(
            "{}\n{}\n{main}\n{}",
            skip_link(file),
            header(nav_path),
            footer()
        ),
    }
}

/// "Skip to content", as `page_focus::SkipLink` renders it; without the app it is a link to
/// `#main` on this very page (a bare `#main` would resolve against `<base>`).
fn skip_link(file: &str) -> String {
    let page = match file.trim_end_matches(".html") {
        // The not-found page stands for any address: there is no "this page" to link to.
        "404" => return String::new(),
        "index" => String::new(),
        path => path.to_string(),
    };
    format!(
        "<a class=\"skip-link\" href=\"{}#main\" {PRERENDERED_ATTRIBUTE}>Skip to content</a>",
        href(&format!("/{page}"))
    )
}

/// The site header of `app.rs`: brand, the three sections of the app, and the search field,
/// a plain form here so that it also searches before the app has started.
fn header(current: &str) -> String {
    let link = |path: &str, class: &str, label: &str| {
        let current = if path == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{}\"{class}{current}>{label}</a>", href(path))
    };
    format!(
        "<header class=\"site-header\" {PRERENDERED_ATTRIBUTE}><nav aria-label=\"Main\">{}{}{}{}{}</nav>\
         <form role=\"search\" aria-label=\"Cards\" class=\"site-search\" action=\"{}\">\
         <label for=\"site-search\" class=\"visually-hidden\">Search cards</label>\
         <input id=\"site-search\" type=\"search\" name=\"q\" placeholder=\"Search cards\" autocomplete=\"off\" \
         autocapitalize=\"off\" spellcheck=\"false\" enterkeyhint=\"search\" aria-keyshortcuts=\"/\">\
         <kbd class=\"search-key\" aria-hidden=\"true\">/</kbd></form></header>",
        link(HOME_PATH, " class=\"brand\"", APP_NAME),
        link(HOME_PATH, "", "Browse"),
        link(STUDY_PATH, "", "Study"),
        link(PROGRESS_PATH, "", "Progress"),
        link(DECKS_PATH, "", "Decks"),
        href(SEARCH_PATH),
    )
}

/// The site footer of `app.rs`.
fn footer() -> String {
    format!(
        "<footer class=\"site-footer\" {PRERENDERED_ATTRIBUTE}><p>{SITE_FOOTER_TEXT}<a href=\"{}\" download=\"interview-prep.html\">{SINGLE_FILE_LINK_TEXT}</a></p></footer>",
        href(SINGLE_FILE_PATH)
    )
}

fn main_element(content: &str) -> String {
    format!("<main id=\"main\" {PRERENDERED_ATTRIBUTE}>{content}</main>")
}

fn home(deck: &Deck) -> String {
    let (lead, kinds) = deck_summary_parts(deck);
    let summary: String = kinds
        .iter()
        .map(|(before, kind, text)| {
            format!("{before}<a href=\"{}\">{text}</a>", href(&kind_path(*kind)))
        })
        .collect();
    let mut html = format!(
        "<section class=\"page home\"><h1>{}</h1><p class=\"lede\">{lead}{summary}.</p>\
         <div class=\"study-cta\"><p aria-hidden=\"true\">\u{a0}</p><a href=\"{}\" class=\"button primary-link\">Start review</a>\
         <a href=\"{}\">All study modes</a></div>",
        escape(&deck.title),
        href(REVIEW_PATH),
        href(STUDY_PATH),
    );
    for (part, p) in deck.parts.iter().enumerate() {
        let hidden = if p.title == deck.title {
            " class=\"visually-hidden\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<section class=\"part\" aria-labelledby=\"part-{part}\"><h2 id=\"part-{part}\"{hidden}>{}</h2><ul class=\"section-list\">",
            escape(&p.title)
        ));
        for (section, s) in deck.sections_in_part(part) {
            html.push_str(&format!(
                "<li><a href=\"{}\"><span class=\"section-title\">{}</span><span class=\"count\">{}</span></a></li>",
                href(&section_path(&s.id)),
                escape(&s.title),
                cards_label(deck.cards_in_section(section).count())
            ));
        }
        html.push_str("</ul></section>");
    }
    html.push_str("</section>");
    main_element(&html)
}

fn breadcrumbs(last: &str) -> String {
    format!(
        "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><a href=\"{}\">All sections</a>{last}</nav>",
        href(HOME_PATH)
    )
}

fn card_list(deck: &Deck, cards: impl Iterator<Item = usize>) -> String {
    let items: String = cards
        .map(|card| {
            let c = &deck.cards[card];
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                href(&card_path(c.id.as_str())),
                escape(&card_title(c))
            )
        })
        .collect();
    format!("<ul class=\"card-list\">{items}</ul>")
}

fn section_page(deck: &Deck, index: usize) -> String {
    let section = &deck.sections[index];
    let loose = deck
        .cards_in_section(index)
        .filter(|(_, c)| c.list().is_none())
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    let mut html = format!(
        "<section class=\"page section\">{}<h1>{}</h1><p class=\"lede\">{}</p>",
        breadcrumbs(&format!(
            "<span aria-hidden=\"true\"> / </span><span>{}</span>",
            escape(&deck.parts[section.part].title)
        )),
        escape(&section.title),
        cards_label(deck.cards_in_section(index).count())
    );
    if !loose.is_empty() {
        html.push_str(&card_list(deck, loose.into_iter()));
    }
    for (list, l) in deck.lists_in_section(index) {
        html.push_str(&format!(
            "<section class=\"list-group\" aria-labelledby=\"list-{id}\"><h2 id=\"list-{id}\">{}</h2>{}</section>",
            escape(&l.title),
            card_list(deck, deck.cards_in_list(list).map(|(i, _)| i)),
            id = l.id
        ));
    }
    html.push_str("</section>");
    main_element(&html)
}

fn kind_page(deck: &Deck, kind: KindFilter) -> String {
    let (count, groups) = cards_of_kind_by_section(deck, kind);
    let mut html = format!(
        "<section class=\"page section\">{}<h1>{}</h1><p class=\"lede\">{}</p>",
        breadcrumbs(""),
        kind.label(),
        cards_label(count)
    );
    for (section, cards) in groups {
        let s = &deck.sections[section];
        html.push_str(&format!(
            "<section class=\"list-group\"><h2><a href=\"{}\">{}</a></h2>{}</section>",
            href(&section_path(&s.id)),
            escape(&s.title),
            card_list(deck, cards.into_iter())
        ));
    }
    html.push_str("</section>");
    main_element(&html)
}

/// What `components::mistakes::Mistakes` renders, as markup: "Watch out" and each mistake.
fn mistakes_markup(compiled: &CompiledDeck, index: usize) -> String {
    let mistakes = compiled.mistakes(index);
    if mistakes.is_empty() {
        return String::new();
    }
    let items: String = mistakes
        .iter()
        .map(|mistake| {
            format!(
                "<li><p><span class=\"mistake-label\">People often say: </span>{}</p><p><span class=\"mistake-label\">In fact: </span>{}</p></li>",
                code_markup(&mistake.claim),
                code_markup(&mistake.correction)
            )
        })
        .collect();
    format!(
        "<aside class=\"mistakes\" aria-label=\"Common mistakes\"><h3>Watch out</h3><ul>{items}</ul></aside>"
    )
}

/// Authored text with its `` `code` `` spans as `<code>`, everything escaped (as `CodeText`).
fn code_markup(text: &str) -> String {
    code_spans(text)
        .map(|(code, piece)| {
            if code {
                format!("<code>{}</code>", escape(piece))
            } else {
                escape(piece)
            }
        })
        .collect()
}

fn card_page(compiled: &CompiledDeck, index: usize) -> String {
    let deck = compiled.deck();
    let card = &deck.cards[index];
    let section = &deck.sections[card.section];
    let list = list_title(deck, card);
    let answer = compiled.answer_html(index);
    let body = match card.kind {
        CardKind::Question { .. } | CardKind::Definition => {
            format!("<div class=\"prose\">{answer}</div>")
        }
        CardKind::OneLiner { .. } => format!("<p class=\"one-liner-detail\">{answer}</p>"),
        CardKind::GuideItem { .. } => format!(
            "<p class=\"guide-verdict\">From the decision guide: <strong>{}</strong></p>",
            escape(list.unwrap_or_default())
        ),
    };
    let list_name = list
        .map(|title| format!("<span class=\"list-name\">{}</span>", escape(title)))
        .unwrap_or_default();
    let mistakes = mistakes_markup(compiled, index);
    let practice: String = practice_links(compiled, index)
        .into_iter()
        .map(|link| {
            format!(
                "<li><a href=\"{}\" class=\"button\"><span class=\"mode-name\">{}</span><span class=\"mode-detail\">{}</span></a></li>",
                escape(&link.href),
                link.name,
                link.detail
            )
        })
        .collect();
    let pager_link = |target: Option<usize>, rel: &str, label: &str| {
        target
            .and_then(|i| deck.cards.get(i))
            .map(|c| {
                format!(
                    "<a href=\"{}\" rel=\"{rel}\" class=\"pager-{rel}\"><span class=\"pager-label\">{label}</span><span class=\"pager-title\">{}</span></a>",
                    href(&card_path(c.id.as_str())),
                    escape(&card_title(c))
                )
            })
            .unwrap_or_default()
    };
    main_element(&format!(
        "<article class=\"page card\" aria-labelledby=\"card-title\">{}\
         <p class=\"eyebrow\"><span class=\"badge\">{}</span>{list_name}</p>\
         <h1 id=\"card-title\">{}</h1>\
         <p class=\"card-status muted\" aria-hidden=\"true\">\u{a0}</p>{body}{mistakes}\
         <nav class=\"card-practice\" aria-label=\"Practice this card\"><h2>Practice this card</h2><ul class=\"mode-chips\">{practice}</ul></nav>\
         <nav class=\"pager\" aria-label=\"Cards\">{}<span class=\"pager-position\">{} of {}</span>{}</nav></article>",
        breadcrumbs(&format!(
            "<span aria-hidden=\"true\"> / </span><a href=\"{}\">{}</a>",
            href(&section_path(&section.id)),
            escape(&section.title)
        )),
        kind_label(card.kind),
        escape(&card_title(card)),
        pager_link(index.checked_sub(1), "prev", "Previous"),
        index + 1,
        deck.cards.len(),
        pager_link(Some(index + 1), "next", "Next"),
    ))
}

/// The study hub's heading and its list of modes; the counts it shows come with the app.
fn study_hub() -> String {
    let modes: String = PRACTICE_MODES
        .iter()
        .map(|(path, name, detail)| {
            format!(
                "<li><a href=\"{}\" class=\"mode\"><span class=\"mode-name\">{name}</span><span class=\"mode-detail\">{detail}</span></a></li>",
                href(path)
            )
        })
        .collect();
    main_element(&format!(
        "<section class=\"page study-hub\"><h1>Study</h1><p class=\"lede\" aria-hidden=\"true\">\u{a0}</p>\
         <noscript><p>{STUDY_NEEDS_SCRIPT} <a href=\"{}\">All sections</a></p></noscript>\
         <ul class=\"mode-list\"><li><a href=\"{}\" class=\"mode mode-primary\"><span class=\"mode-name\">{REVIEW_MODE_NAME}</span>\
         <span class=\"mode-detail\" aria-hidden=\"true\">\u{a0}</span></a></li>{modes}</ul></section>",
        href(HOME_PATH),
        href(REVIEW_PATH),
    ))
}

fn study_screen(title: &str, class: &str, note: &str) -> String {
    main_element(&format!(
        "<section class=\"{class}\"><h1 class=\"session-title\">{title}</h1>\
         <noscript><p>{note} <a href=\"{}\">All sections</a></p></noscript></section>",
        href(HOME_PATH)
    ))
}

fn not_found() -> String {
    main_element(&format!(
        "<section class=\"page not-found\"><h1>Page not found</h1><p>There is nothing at this address.</p>\
         <p><a href=\"{}\">Go to all sections</a></p></section>",
        href(HOME_PATH)
    ))
}

/// The start of a card's answer, as a search result or a link preview shows it: about a
/// sentence, cut at a word.
fn summary(text: &str) -> Option<String> {
    const LIMIT: usize = 160;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return None;
    }
    if flat.chars().count() <= LIMIT {
        return Some(flat);
    }
    let cut: String = flat.chars().take(LIMIT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{cut}\u{2026}"))
}

/// Replaces `from`, which must occur exactly once.
fn replace_once(html: &str, from: &str, to: &str) -> Result<String, String> {
    match html.matches(from).count() {
        1 => Ok(html.replacen(from, to, 1)),
        n => Err(format!("index.html has {from} {n} times, not once")),
    }
}

/// Replaces what lies between the first `start` and the next `end` after it.
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = html
        .find(start)
        .ok_or_else(|| format!("index.html has no {start}"))?
        + start.len();
    let to = html[from..]
        .find(end)
        .ok_or_else(|| format!("index.html has no {end} after {start}"))?
        + from;
    Ok(format!("{}{with}{}", &html[..from], &html[to..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base_path::router_base;
    use crate::deck::load_embedded;
    use prep_engine::compiled::CompiledDeck;

    /// The built-in deck, read for a test.
    fn compiled() -> CompiledDeck {
        load_embedded().expect("the build compiled the deck")
    }

    #[test]
    fn every_card_page_carries_its_question_and_answer() {
        let compiled = compiled();
        let pages = pages(&compiled);
        let deck = compiled.deck();
        for (index, card) in deck.cards.iter().enumerate() {
            let file = format!("card/{}.html", card.id.as_str());
            let page = pages.iter().find(|p| p.file == file).expect(&file);
            assert!(page.body.contains(&escape(&card_title(card))), "{file}");
            assert!(page.body.contains(compiled.answer_html(index)), "{file}");
            assert_eq!(page.title, card_title(card));
        }
    }

    #[test]
    fn every_link_between_pages_reaches_a_page() {
        let pages = pages(&compiled());
        let files: std::collections::HashSet<&str> =
            pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files.len(), pages.len(), "no two pages share a file");
        for page in &pages {
            for link in page.body.split("href=\"").skip(1) {
                let target = &link[..link.find('"').unwrap()];
                let path = target.split(['?', '#']).next().unwrap();
                let path = path.strip_prefix(router_base()).expect(target);
                let file = match path.trim_start_matches('/') {
                    "" => "index.html".to_string(),
                    "interview-prep.html" => continue, // written after the pages (single-file.mjs)
                    path => format!("{path}.html"),
                };
                assert!(files.contains(file.as_str()), "{}: {target}", page.file);
            }
        }
    }

    #[test]
    fn summaries_cut_at_a_word() {
        assert_eq!(summary("  a\n b  "), Some("a b".to_string()));
        assert_eq!(summary(""), None);
        let long = "word ".repeat(60);
        let cut = summary(&long).unwrap();
        assert!(cut.ends_with("word\u{2026}"), "{cut}");
        assert!(cut.chars().count() <= 161);
    }

    #[test]
    fn fill_puts_title_description_and_content_in_place() {
        let template = "<title>Interview Prep</title><meta name=\"description\" content=\"x\" /><link type=\"application/wasm\"><body>\n<noscript>n</noscript></body>";
        let page = Page {
            file: "a.html".into(),
            title: "A & B".into(),
            description: Some("says \"hi\"".into()),
            body: "<main>m</main>".into(),
        };
        assert_eq!(
            page.fill(template).unwrap(),
            "<title>A &amp; B · Interview Prep</title><meta name=\"description\" content=\"says &quot;hi&quot;\" /><link type=\"application/wasm\" fetchpriority=\"low\"><body>\n<main>m</main>\n    <noscript>n</noscript></body>"
        );
        assert!(page.fill("<html></html>").is_err());
    }
}
