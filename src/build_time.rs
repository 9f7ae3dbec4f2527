//! The app's own components rendered to HTML natively (Leptos `ssr`), for the pages the build
//! writes (issue 30: one markup source instead of `prerender`'s copies of the views).
//!
//! The same `App` the browser mounts renders here inside a server-side owner, so effects do not
//! run, event listeners are not attached, and the router answers the path it is given. There is
//! no browser: storage is an empty map (`browser_storage`), the clock is the system's
//! (`clock`), so what renders is the page a person with nothing saved sees.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use prep_engine::compiled::CompiledDeck;

use crate::app::App;
use crate::base_path::href;

/// The markup `App` renders at `path` (an app path such as "/card/x", under the site's base).
pub fn render_route(deck: &'static CompiledDeck, path: &str) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&href(path)));
        view! { <App loaded=Ok(deck)/> }.to_html()
    });
    owner.unset();
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load_embedded;
    use crate::paths::{card_path, section_path};
    use prep_engine::text::escape_html;

    fn deck() -> &'static CompiledDeck {
        Box::leak(Box::new(load_embedded().expect("the built-in deck")))
    }

    #[test]
    fn a_card_renders_with_its_question_and_answer_in_the_shell() {
        let deck = deck();
        let card = deck
            .deck()
            .cards
            .iter()
            .position(|c| c.id.as_str() == "difference-between-apiview-viewset-and-genericapiview")
            .expect("the card");
        let html = render_route(deck, &card_path(&deck.deck().cards[card].id));
        assert!(html.contains("<header class=\"site-header\">"), "{html}");
        assert!(html.contains("<main id=\"main\">"));
        assert!(
            html.contains(&escape_html(&deck.deck().cards[card].prompt)),
            "the question"
        );
        let answer = deck.answer_html(card);
        let first_words: String = answer
            .split(['<', '>'])
            .find(|text| text.split_whitespace().count() > 4)
            .expect("answer text")
            .to_owned();
        assert!(
            html.contains(&first_words),
            "the answer's text: {first_words}"
        );
        assert!(!html.contains("Page not found"));
        // Nothing saved and nothing wrong: no storage notice.
        assert!(!html.contains("role=\"alert\""), "{html}");
    }

    #[test]
    fn a_section_lists_its_cards() {
        let deck = deck();
        let section = &deck.deck().sections[0];
        let html = render_route(deck, &section_path(&section.id));
        assert!(
            html.contains(&format!(">{}<", escape_html(&section.title))),
            "{html}"
        );
        for (_, card) in deck.deck().cards_in_section(0).take(3) {
            assert!(html.contains(&escape_html(&card.prompt)), "{}", card.prompt);
        }
    }

    #[test]
    fn an_unknown_path_renders_not_found() {
        let html = render_route(deck(), "/no/such/page");
        assert!(html.contains("Page not found"));
    }
}
