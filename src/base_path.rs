//! The path the app is served under (e.g. `/interview-prep` on GitHub Pages).
//!
//! Trunk writes the public URL into `<base href>`; reading it back from `document.baseURI`
//! means one build setting drives both asset URLs and the router's base.

use std::sync::OnceLock;

use prep_engine::content::DeckId;

/// The path segment that opens a deck brought at run time: `<site>/d/<deck id>/…`.
pub const DECK_SEGMENT: &str = "/d/";

/// The site's path: that of `document.baseURI` without its trailing slash ("" at the root).
/// Site-wide things hang off it: assets, the library of decks, the theme, storage keys.
pub fn site_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| path_of(&base_uri()))
}

/// The deck brought at run time that this page opens (`<site>/d/<id>/…`), or `None` for the
/// deck built into the app. Read once from the address the page was loaded at: changing deck is
/// a page load, so nothing of one deck's state can outlive it into another's.
pub fn opened_deck() -> Option<&'static DeckId> {
    static OPENED: OnceLock<Option<DeckId>> = OnceLock::new();
    OPENED
        .get_or_init(|| deck_in_path(&page_path(), site_base()))
        .as_ref()
}

/// The deck id in `path` when it lies under `<site>/d/<id>` and `<id>` is a well-formed id.
pub fn deck_in_path(path: &str, site: &str) -> Option<DeckId> {
    let rest = path.strip_prefix(site)?.strip_prefix(DECK_SEGMENT)?;
    let segment = rest.split('/').next().unwrap_or_default();
    let id = DeckId::slug(segment);
    (id.as_str() == segment).then_some(id)
}

/// The router base: the site's, or `<site>/d/<id>` on a page of a deck brought at run time, so
/// every route (`/card/<id>`, `/study`…) serves either deck unchanged.
pub fn router_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| match opened_deck() {
        Some(deck) => deck_base(deck),
        None => site_base().to_owned(),
    })
}

/// Where the pages of deck `deck` live (no trailing slash).
fn deck_base(deck: &DeckId) -> String {
    format!("{}{DECK_SEGMENT}{deck}", site_base())
}

/// A link to `path` ("/study") of another deck's pages (`None`: the built-in deck's). Opening
/// it is a page load (see [`opened_deck`]), so views give it as a plain `<a>`, not the router's.
pub fn deck_href(deck: Option<&DeckId>, path: &str) -> String {
    match deck {
        Some(deck) => format!("{}{path}", deck_base(deck)),
        None => site_href(path),
    }
}

/// A link to a site-wide page (the library of decks, the single file) from any deck's pages.
pub fn site_href(path: &str) -> String {
    format!("{}{path}", site_base())
}

#[cfg(target_arch = "wasm32")]
fn page_path() -> String {
    leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default()
}

/// At build time there is no page: the build writes only the built-in deck's pages.
#[cfg(not(target_arch = "wasm32"))]
fn page_path() -> String {
    String::new()
}

#[cfg(target_arch = "wasm32")]
fn base_uri() -> String {
    leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// At build time (`src/prerender.rs`, natively) there is no document: the base is the public
/// URL Trunk builds for, as Trunk hands it to its hooks (`TRUNK_PUBLIC_URL`), so
/// `trunk build --public-url /x/` alone sets the pages' links and the app's alike (issue 30:
/// the pages read `PUBLIC_URL` and linked off the site when only Trunk's setting was given).
/// `PUBLIC_URL` (`scripts/env.sh`) stands in outside a Trunk hook. `route-pages` checks the
/// result against the `<base href>` Trunk wrote.
#[cfg(not(target_arch = "wasm32"))]
fn base_uri() -> String {
    std::env::var("TRUNK_PUBLIC_URL")
        .or_else(|_| std::env::var("PUBLIC_URL"))
        .unwrap_or_default()
}

/// The path of a page's `<base href="…">` ("" at the root), if it has one: what the app will
/// read back as its base in the browser.
pub fn base_href_path(html: &str) -> Option<String> {
    let at = html.find("<base ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    let value = tag.split_once("href=\"")?.1.split('"').next()?;
    Some(path_of(value))
}

/// True when the page is the single-file build opened from disk (`file:`), where links to
/// this copy cannot be opened anywhere else.
#[cfg(target_arch = "wasm32")]
pub fn is_single_file() -> bool {
    leptos::prelude::window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "file:")
}

#[cfg(not(target_arch = "wasm32"))]
pub fn is_single_file() -> bool {
    false
}

/// An in-app link target: `path` ("/card/x") under the base. Leptos 0.8's `<A>` passes absolute
/// paths through untouched, so every link is built here rather than relying on the router.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// The path part of an absolute URL, without a trailing slash.
fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::path_of;

    #[test]
    fn strips_origin_and_trailing_slash() {
        assert_eq!(
            path_of("https://me.github.io/interview-prep/"),
            "/interview-prep"
        );
        assert_eq!(path_of("http://127.0.0.1:8080/"), "");
        assert_eq!(path_of("http://127.0.0.1:8080/a/b/?x=1#y"), "/a/b");
        assert_eq!(path_of(""), "");
    }

    #[test]
    fn a_page_base_is_read_as_the_app_reads_it() {
        use super::base_href_path;
        assert_eq!(
            base_href_path(r#"<head><base href="/interview-prep/"/><link"#),
            Some("/interview-prep".to_owned())
        );
        assert_eq!(base_href_path(r#"<base href="/" >"#), Some(String::new()));
        assert_eq!(base_href_path("<head></head>"), None);
    }

    #[test]
    fn a_deck_is_opened_only_by_a_well_formed_id_under_the_site() {
        use super::deck_in_path;
        let id = |path: &str| deck_in_path(path, "/prep").map(|id| id.to_string());
        assert_eq!(id("/prep/d/my-notes/card/x"), Some("my-notes".to_owned()));
        assert_eq!(id("/prep/d/my-notes"), Some("my-notes".to_owned()));
        assert_eq!(id("/prep/d/my-notes/"), Some("my-notes".to_owned()));
        assert_eq!(id("/prep/d/My%20Notes/"), None);
        assert_eq!(id("/prep/d/"), None);
        assert_eq!(id("/prep/card/d"), None);
        assert_eq!(id("/other/d/my-notes"), None);
        assert_eq!(
            deck_in_path("/d/x1", "").map(|id| id.to_string()),
            Some("x1".into())
        );
    }
}
