//! The root component: start-up checks, the shell (header, main) and the routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::base_path::{href, router_base};
use crate::deck::{CONTENT_FILE, deck};
use crate::routes::{card::CardPage, home::HomePage, not_found::NotFound, section::SectionPage};

#[component]
pub fn App() -> impl IntoView {
    match deck() {
        Ok(_) => view! { <Shell/> }.into_any(),
        Err(errors) => view! { <ContentErrors errors=errors/> }.into_any(),
    }
}

/// Header and routed main area; rendered only once the deck has parsed.
#[component]
fn Shell() -> impl IntoView {
    view! {
        <Router base=router_base()>
            <header class="site-header">
                <nav aria-label="Main">
                    <A href=href("/") exact=true attr:class="brand">"Interview Prep"</A>
                </nav>
            </header>
            <main id="main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/section/:id") view=SectionPage/>
                    <Route path=path!("/card/:id") view=CardPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// Shown instead of the app if the embedded content is malformed (the build should have caught it).
#[component]
fn ContentErrors(errors: &'static [prep_engine::content::ContentError]) -> impl IntoView {
    view! {
        <main id="main" class="page">
            <h1>"The study content could not be loaded"</h1>
            <p>{format!("{CONTENT_FILE} has {} problem(s):", errors.len())}</p>
            <ul>{errors.iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
        </main>
    }
}
