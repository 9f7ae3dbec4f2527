//! The path the app is served under (e.g. `/interview-prep` on GitHub Pages).
//!
//! Trunk writes the public URL into `<base href>`; reading it back from `document.baseURI`
//! means one build setting drives both asset URLs and the router's base.

use std::sync::OnceLock;

/// The router base: the path of `document.baseURI` without its trailing slash ("" at the root).
pub fn router_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| path_of(&base_uri()))
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
}
