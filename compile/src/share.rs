//! A deck carried in a link, with no server: its markdown deflated and base64url-encoded into the
//! address's fragment (`…/import#deck=<code>`), which browsers never send to a server. Small decks
//! only ([`MAX_SHARED_BYTES`] of markdown): a link of a few tens of kilobytes still opens
//! everywhere, and the limit is said in the app where the link is offered.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The most markdown a link may carry (before compression).
pub const MAX_SHARED_BYTES: usize = 64 * 1024;

/// Why a deck cannot go into, or come out of, a link: in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLarge { bytes: usize },
    NotALink,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLarge { bytes } => write!(
                f,
                "This deck is {} KB of text; a link can carry up to {} KB. Share the file instead \
                 (Download Markdown).",
                bytes.div_ceil(1024),
                MAX_SHARED_BYTES / 1024
            ),
            ShareError::NotALink => f.write_str(
                "This link does not carry a deck that can be read: it may have been cut short \
                 when it was copied.",
            ),
        }
    }
}

/// The fragment code for `markdown` (what follows `#deck=`).
pub fn encode(markdown: &str) -> Result<String, ShareError> {
    if markdown.len() > MAX_SHARED_BYTES {
        return Err(ShareError::TooLarge {
            bytes: markdown.len(),
        });
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(markdown.as_bytes(), 9);
    Ok(URL_SAFE_NO_PAD.encode(deflated))
}

/// The markdown bytes a fragment code carries. Never panics and never inflates past
/// [`MAX_SHARED_BYTES`], whatever the link holds (a link is input from anyone).
pub fn decode(code: &str) -> Result<Vec<u8>, ShareError> {
    let deflated = URL_SAFE_NO_PAD
        .decode(code.trim().trim_end_matches('='))
        .map_err(|_| ShareError::NotALink)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_SHARED_BYTES).map_err(
        |error| match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                bytes: MAX_SHARED_BYTES + 1,
            },
            _ => ShareError::NotALink,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_goes_into_a_link_and_comes_back() {
        let markdown = "# Notes\n\n## ORM\n\n### 1. What is a QuerySet?\n\nA lazy collection.\n";
        let code = encode(markdown).unwrap();
        assert!(
            code.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_eq!(decode(&code).unwrap(), markdown.as_bytes());
    }

    #[test]
    fn large_decks_are_refused_both_ways() {
        let big = "x".repeat(MAX_SHARED_BYTES + 1);
        assert_eq!(
            encode(&big),
            Err(ShareError::TooLarge {
                bytes: MAX_SHARED_BYTES + 1
            })
        );
        // A link made elsewhere that inflates past the limit (a deflate bomb) is refused.
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &vec![b'a'; 10 * MAX_SHARED_BYTES],
            9,
        ));
        assert!(matches!(decode(&bomb), Err(ShareError::TooLarge { .. })));
    }

    #[test]
    fn anything_else_is_not_a_link() {
        let mut seed = 7u64;
        for length in 0..300 {
            let text: String = (0..length)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    char::from(b"ABCxyz019-_=+/ %"[(seed >> 60) as usize])
                })
                .collect();
            let _ = decode(&text);
        }
        assert_eq!(decode("not base64!"), Err(ShareError::NotALink));
    }
}
