//! State kept for a while in a text store (a sitting in `sessionStorage`), packed small.
//!
//! Values are encoded with `postcard`, the compiled deck's format (`crate::compiled`), not as
//! JSON: a sitting holds the same questions and prompts as the deck, so one compact decoder per
//! type serves both, and serde_json's far larger per-type code stays out of the wasm for them
//! (about 20 KB brotli, docs/size.md). Web Storage holds strings, so each byte is written as
//! the character of the same number (U+0000 to U+00FF): one UTF-16 unit per byte in the
//! browser, the size JSON text would take, and no encoding table to ship.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// `value` as text for a string store, which [`unpack`] reads back; `None` only if its
/// `Serialize` refuses (say, a sequence of unknown length), so a caller skips one save.
pub fn pack<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let bytes = postcard::to_allocvec(value).ok()?;
    Some(bytes.into_iter().map(char::from).collect())
}

/// The value [`pack`] wrote, or `None` for text it did not write (another shape, another
/// version of the app, text cut short or edited by hand). Never panics.
pub fn unpack<T: DeserializeOwned>(text: &str) -> Option<T> {
    let bytes = text
        .chars()
        .map(|c| u8::try_from(c).ok())
        .collect::<Option<Vec<u8>>>()?;
    match postcard::take_from_bytes(&bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn reads_back_what_it_packed() {
        let value = (
            vec![0u32, 127, 128, 70_000],
            "naïve\n\u{0}".to_owned(),
            Some(-3i64),
        );
        let text = pack(&value).unwrap();
        assert!(text.chars().all(|c| u32::from(c) <= 0xff));
        assert_eq!(unpack(&text), Some(value));
    }

    #[test]
    fn text_it_did_not_write_reads_as_nothing() {
        let text = pack(&(vec!["a".to_owned(); 3], 9u8)).unwrap();
        assert_eq!(
            unpack::<(Vec<String>, u8)>(&format!("{text}x")),
            None,
            "left over"
        );
        assert_eq!(unpack::<(Vec<String>, u8)>("{\"json\": 1}"), None);
        assert_eq!(unpack::<(Vec<String>, u8)>("\u{100}"), None, "not a byte");
        let mut rng = Rng::new(5);
        for _ in 0..500 {
            let mut chars: Vec<char> = text.chars().collect();
            let at = rng.below(chars.len());
            chars[at] = char::from(rng.below(256) as u8);
            chars.truncate(rng.below(chars.len() + 1));
            let _ = unpack::<(Vec<String>, u8)>(&chars.into_iter().collect::<String>());
        }
    }
}
