//! A file's bytes to text. Size is checked before anything is decoded, so a huge file costs no
//! work; UTF-16 is decoded only with a byte-order mark (guessing would misread UTF-8); anything
//! that is not text gets a message a person understands rather than mojibake in a deck.

use std::fmt;

/// The largest file accepted: far above any question file, low enough not to stall a tab.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why bytes are not an importable text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DecodeError {
    TooLarge {
        bytes: usize,
    },
    /// NUL bytes: an image, archive, PDF or other binary file.
    Binary,
    /// Not valid UTF-8 (or UTF-16 with a byte-order mark); `at` is the first bad byte.
    NotText {
        at: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "The file is too large to import ({:.1} MB; the limit is {} MB).",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            DecodeError::Binary => write!(
                f,
                "This looks like a binary file (an image, PDF, archive or document), not text. \
                 Export or save it as Markdown, plain text, CSV or TSV first."
            ),
            DecodeError::NotText { at } => write!(
                f,
                "The file is not UTF-8 text (the first unreadable byte is at offset {at}). Save \
                 it as UTF-8 and try again."
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes: UTF-8 (a byte-order mark stripped) or UTF-16 LE/BE with a
/// byte-order mark. Never panics, whatever the bytes.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(DecodeError::NotText {
            at: error.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::NotText {
            at: bytes.len() + 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (at, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok('\0') => return Err(DecodeError::Binary),
            Ok(c) => text.push(c),
            // +2 for the byte-order mark.
            Err(_) => return Err(DecodeError::NotText { at: at * 2 + 2 }),
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_utf16_and_lone_surrogates_are_refused() {
        assert!(matches!(
            decode(&[0xFF, 0xFE, b'a']),
            Err(DecodeError::NotText { .. })
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(DecodeError::NotText { .. })
        ));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF]).as_deref(), Ok(""));
    }
}
