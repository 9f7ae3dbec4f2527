//! The root component: start-up checks, the shell (header, main) and the routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::base_path::{href, opened_deck, router_base, site_href};
use crate::components::page_focus::{SkipLink, focus_heading_on_page_change};
use crate::components::question_bank::NeedsQuestionBank;
use crate::components::search_box::SearchBox;
use crate::components::shortcut_sheet::ShortcutSheet;
use crate::components::storage_notice::StorageNotice;
use crate::components::theme::apply_saved_theme;
use crate::deck::provide_deck;
use crate::paths::{DECKS_PATH, HOME_PATH, PROGRESS_PATH, SINGLE_FILE_PATH, STUDY_PATH};
use crate::routes::{
    card::CardPage, decks::DecksPage, drill::DrillPage, fill_in::FillInPage, home::HomePage,
    import::ImportPage, kind::KindPage, mock::MockPage, not_found::NotFound,
    progress::ProgressPage, quiz::QuizPage, recall::RecallPage, review::ReviewPage,
    search::SearchPage, section::SectionPage, study::StudyPage,
};
use crate::state::provide_study_state;
use prep_engine::compiled::CompiledDeck;

use crate::deck::Unopened;

/// The app for the deck read at start-up, or why it could not be read.
#[component]
pub fn App(loaded: Result<&'static CompiledDeck, Unopened>) -> impl IntoView {
    match loaded {
        Ok(deck) => {
            provide_deck(deck);
            view! { <Shell/> }.into_any()
        }
        Err(error) => view! { <DeckError error=error/> }.into_any(),
    }
}

/// Header and routed main area; rendered only once the deck has parsed.
#[component]
fn Shell() -> impl IntoView {
    provide_study_state();
    apply_saved_theme();
    view! {
        <Router base=router_base()>
            <SkipLink/>
            <FocusFollowsPages/>
            <header class="site-header">
                <nav aria-label="Main">
                    <A href=href(HOME_PATH) exact=true attr:class="brand">"Interview Prep"</A>
                    <A href=href(HOME_PATH) exact=true>"Browse"</A>
                    <A href=href(STUDY_PATH)>"Study"</A>
                    <A href=href(PROGRESS_PATH)>"Progress"</A>
                    <DecksLink/>
                </nav>
                <SearchBox/>
            </header>
            <StorageNotice/>
            <main id="main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/section/:id") view=SectionPage/>
                    <Route path=path!("/card/:id") view=CardPage/>
                    <Route path=path!("/kind/:kind") view=KindPage/>
                    <Route path=path!("/study") view=StudyPage/>
                    <Route path=path!("/search") view=SearchPage/>
                    <Route path=path!("/progress") view=ProgressPage/>
                    <Route path=path!("/review") view=ReviewPage/>
                    // The screens that ask the question bank (choice and fill-in items, key
                    // points, drills) wait for it.
                    <Route path=path!("/quiz") view=|| view! { <NeedsQuestionBank><QuizPage/></NeedsQuestionBank> }/>
                    <Route path=path!("/drill") view=|| view! { <NeedsQuestionBank><DrillPage/></NeedsQuestionBank> }/>
                    <Route path=path!("/recall") view=|| view! { <NeedsQuestionBank><RecallPage/></NeedsQuestionBank> }/>
                    <Route path=path!("/fill-in") view=|| view! { <NeedsQuestionBank><FillInPage/></NeedsQuestionBank> }/>
                    <Route path=path!("/mock") view=|| view! { <NeedsQuestionBank><MockPage/></NeedsQuestionBank> }/>
                    <Route path=path!("/decks") view=DecksPage/>
                    <Route path=path!("/import") view=ImportPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// The library of decks: a page of this router on the built-in deck's pages, a page load away
/// on a brought deck's (see `base_path::opened_deck`).
#[component]
fn DecksLink() -> impl IntoView {
    match opened_deck() {
        None => view! { <A href=href(DECKS_PATH)>"Decks"</A> }.into_any(),
        Some(_) => view! { <a href=site_href(DECKS_PATH) rel="external">"Decks"</a> }.into_any(),
    }
}

/// Moves the focus to each new page's heading (inside the router, whose location it watches).
#[component]
fn FocusFollowsPages() -> impl IntoView {
    focus_heading_on_page_change();
}

/// Offline, and the app to take away: the foot of every page.
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                {SITE_FOOTER_TEXT}
                <a href=site_href(SINGLE_FILE_PATH) download="interview-prep.html">{SINGLE_FILE_LINK_TEXT}</a>
            </p>
            <p class="shortcuts-link"><ShortcutSheet/></p>
        </footer>
    }
}

/// The footer's words, shared with the build's copy of every page (`src/prerender.rs`).
pub const SITE_FOOTER_TEXT: &str =
    "Works offline after one visit. To open it from disk or share it: ";
pub const SINGLE_FILE_LINK_TEXT: &str = "download the app as one file";

/// Shown instead of the app if the deck cannot be opened: the built-in one only in a broken
/// build (`build.rs` compiled it); a brought one if this browser does not keep it (another
/// browser's link) or its storage fails.
#[component]
fn DeckError(error: Unopened) -> impl IntoView {
    let (title, detail) = match error {
        Unopened::Broken(error) => ("The study content could not be loaded", error.to_string()),
        Unopened::NotHere(id) => (
            "This deck is not in this browser",
            format!(
                "No deck named \u{201c}{id}\u{201d} has been imported here. Decks are kept in the browser they were imported in."
            ),
        ),
        Unopened::Unreadable(why) => ("This deck could not be opened", why),
    };
    view! {
        <main id="main" class="page">
            <h1>{title}</h1>
            <p class="pre-wrap">{detail}</p>
            <p><a href=site_href(DECKS_PATH)>"Go to your decks"</a></p>
        </main>
    }
}
