//! The "bare Leptos page" of the start-up benchmark (issue 13, `scripts/startup-bench.sh`): the
//! app's deck, embedded as text and rendered at run time with pulldown-cmark into one `<main>`,
//! and nothing else. The app's first content is measured against this page's.

use leptos::prelude::*;

const CONTENT: &str = include_str!("../../../../content/interview.md");

fn main() {
    leptos::mount::mount_to_body(Page);
}

#[component]
fn Page() -> impl IntoView {
    // The first line is the document's `# Title`; the rest is rendered below it.
    let (first, rest) = CONTENT.split_once('\n').unwrap_or((CONTENT, ""));
    let title = first.strip_prefix("# ").unwrap_or(first);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(rest));
    view! {
        <main>
            <h1>{title}</h1>
            <div inner_html=html></div>
        </main>
    }
}
