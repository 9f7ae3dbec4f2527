//! "Watch out": the misconceptions learners bring to a card, each with its correction, shown
//! after a flashcard is turned, after a typed recall is checked, and on the card's page.

use leptos::prelude::*;

use crate::components::code_text::CodeText;
use crate::deck::use_deck;

/// The card's common mistakes; nothing when it has none.
#[component]
pub fn Mistakes(card: usize) -> impl IntoView {
    let mistakes = use_deck().mistakes(card).to_vec();
    (!mistakes.is_empty()).then(|| {
        view! {
            <aside class="mistakes" aria-label="Common mistakes">
                <h3>"Watch out"</h3>
                <ul>
                    {mistakes
                        .into_iter()
                        .map(|mistake| view! {
                            <li>
                                <p><span class="mistake-label">"People often say: "</span><CodeText text=mistake.claim/></p>
                                <p><span class="mistake-label">"In fact: "</span><CodeText text=mistake.correction/></p>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </aside>
        }
    })
}
