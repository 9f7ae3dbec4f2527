//! The embedded deck: the content is compiled into the wasm and parsed once at start-up.
//! `build.rs` has already validated it, so a parse error here means a broken build.

use std::sync::OnceLock;

use prep_engine::content::{ContentError, Deck, parse_deck};
use prep_engine::quiz::ChoiceBank;
use prep_engine::typed::TypedBank;

/// Path used in error messages; matches the file `build.rs` validates.
pub const CONTENT_FILE: &str = "content/interview.md";
const CONTENT: &str = include_str!("../content/interview.md");

/// The parsed deck, or the content errors if the embedded file is malformed.
pub fn deck() -> Result<&'static Deck, &'static [ContentError]> {
    static DECK: OnceLock<Result<Deck, Vec<ContentError>>> = OnceLock::new();
    DECK.get_or_init(|| {
        // Recorded as a User Timing entry ("prep:deck-parse") so start-up cost can be read in
        // DevTools and by the browser benchmark, with no logging in the app.
        let performance = web_sys::window().and_then(|w| w.performance());
        let _ = performance
            .as_ref()
            .map(|p| p.mark("prep:deck-parse-start"));
        let parsed = parse_deck(CONTENT_FILE, CONTENT);
        let _ = performance
            .as_ref()
            .map(|p| p.measure_with_start_mark("prep:deck-parse", "prep:deck-parse-start"));
        parsed
    })
    .as_ref()
    .map_err(Vec::as_slice)
}

/// A fingerprint of the embedded content, computed once: state saved against one deploy's
/// deck (a sitting's card indices) is only read back by the same deck, since an edited deck
/// may put other cards at those indices.
pub fn content_fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| fingerprint(CONTENT))
}

/// 64-bit FNV-1a of `text`, in hex: stable across builds and platforms (unlike std's
/// hasher), and a dozen bytes of code.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The deck for views that only render once start-up has succeeded (see `App`).
pub fn loaded_deck() -> &'static Deck {
    deck().expect("App renders routes only after the deck parsed")
}

/// The deck's multiple-choice material, read from the deck once, on first use: card pages ask
/// it which modes fit a card, and every quiz round draws from it.
pub fn choice_bank() -> &'static ChoiceBank<'static> {
    static BANK: OnceLock<ChoiceBank<'static>> = OnceLock::new();
    BANK.get_or_init(|| ChoiceBank::new(loaded_deck()))
}

/// The deck's fill-in material (its acronyms and word counts), read once, on first use.
pub fn typed_bank() -> &'static TypedBank<'static> {
    static BANK: OnceLock<TypedBank<'static>> = OnceLock::new();
    BANK.get_or_init(|| TypedBank::new(loaded_deck()))
}
