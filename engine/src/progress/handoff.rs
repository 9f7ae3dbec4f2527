//! Moving the schedule to another device without an account or a server: a link whose
//! fragment (`#schedule=…`, never sent to any server) carries every studied card's schedule,
//! small enough to show as one QR code for a whole deck. Opening it previews and merges per
//! card, as an import does ([`super::transfer`]); answers stay on the device they were given on.
//!
//! The payload is bytes in base64url: a version byte, the first four bytes of the deck's
//! fingerprint (a link made for another deck is refused, since cards are named by their
//! place in the deck), the minute the link was made (3 bytes, as last reviews; since version
//! 2: no review in the link may be later), then per card ([`CARD_BYTES`] at most):
//!
//! | field | bytes | how |
//! | --- | --- | --- |
//! | card | 2 | index in the deck |
//! | phase | 1 | `0x40 + step` learning, `0x80` review, `0xC0 + step` relearning |
//! | stability | 2 | `round(ln(days) * 2000) + 32768`: within 0.03 % |
//! | difficulty | 2 | thousandths |
//! | last review | 3 | minutes since 2020-01-01 (until 2051) |
//! | interval to due | 3 | minutes (at most 31 years) |
//! | reps, lapses | 1 + 1 | counts (at most 255) |
//!
//! 15 bytes a card: the 141-card deck, fully studied, is a 2,831-character payload. One QR code
//! of that (version 40, 177 modules) cannot be read off a phone screen, so the page shows the
//! schedule as links of at most [`CARDS_PER_CODE`] cards, each a code of its own
//! ([`encode_schedule_parts`]).
//!
//! Every card read goes through the same checks as saved progress ([`super::codec`]).

use std::fmt;

use super::Progress;
use super::codec::check_card;
use super::merge::keep_later;
use crate::content::{CardId, Deck};
use crate::scheduler::{CardSchedule, Phase};
use crate::time::{MS_PER_DAY, MS_PER_MINUTE, Timestamp};

/// The fragment's name: `…/progress#schedule=<payload>`.
pub const FRAGMENT_KEY: &str = "schedule";
const VERSION: u8 = 2;
/// Version 1 links (no creation time) are still read.
const VERSION_1: u8 = 1;
/// Bytes per card in the payload.
pub const CARD_BYTES: usize = 15;
/// Minutes from 1970 to 2020-01-01, where link times start.
const EPOCH_MINUTES: i64 = 26_297_280;
const U24_MAX: i64 = 0x00ff_ffff;
/// Version byte and deck tag; version 2 adds the link's creation time (3 bytes of minutes).
const HEADER_V1_BYTES: usize = 5;
const HEADER_BYTES: usize = 8;

/// Why a link's schedule could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not base64url, too short, or a length that is not whole cards.
    Damaged,
    /// Made by a newer version of the app.
    NewerVersion,
    /// Made for another deck (or another version of this one).
    OtherDeck,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkError::Damaged => {
                "This link's schedule is damaged or cut short; make a new link on the other device."
            }
            LinkError::NewerVersion => {
                "This link was made by a newer version of the app; reload the page, then open it again."
            }
            LinkError::OtherDeck => {
                "This link was made for another version of the questions; update both devices, then make a new link."
            }
        })
    }
}

/// The schedule of every studied card of `deck` as a link payload. Cards no longer in the
/// deck are left out (their count is returned second).
pub fn encode_schedule(
    deck: &Deck,
    deck_fingerprint: &str,
    progress: &Progress,
    now: Timestamp,
) -> (String, usize) {
    let (mut parts, left_out) =
        encode_schedule_parts(deck, deck_fingerprint, progress, usize::MAX, now);
    (parts.pop().unwrap_or_default(), left_out)
}

/// Cards per link when the schedule is shown as QR codes: a link of 20 cards is about 470
/// characters, a version-15 code (77 modules) that a phone screen shows at 4 CSS px a module or
/// more; one code for a whole deck (version 40, 177 modules) could not be read off a screen.
pub const CARDS_PER_CODE: usize = 20;

/// The schedule as several payloads of at most `per_part` cards each (at least one payload,
/// empty of cards when nothing is studied). Each is a whole link on its own: opening the
/// parts in any order, or only some, merges those cards. `now` is written as the links'
/// creation time: no review in them may be later.
pub fn encode_schedule_parts(
    deck: &Deck,
    deck_fingerprint: &str,
    progress: &Progress,
    per_part: usize,
    now: Timestamp,
) -> (Vec<String>, usize) {
    let created = now.millis().div_euclid(MS_PER_MINUTE) - EPOCH_MINUTES;
    let header = |bytes: &mut Vec<u8>| {
        bytes.push(VERSION);
        bytes.extend_from_slice(&deck_tag(deck_fingerprint));
        bytes.extend_from_slice(&(created.clamp(0, U24_MAX) as u32).to_be_bytes()[1..]);
    };
    let mut parts = Vec::new();
    let mut bytes = Vec::new();
    header(&mut bytes);
    let mut in_part = 0;
    let mut left_out = 0;
    for (id, schedule) in &progress.cards {
        match deck.cards.iter().position(|c| c.id.as_str() == id) {
            Some(index) if index <= usize::from(u16::MAX) => {
                if in_part == per_part.max(1) {
                    parts.push(base64url(&bytes));
                    bytes.clear();
                    header(&mut bytes);
                    in_part = 0;
                }
                push_card(&mut bytes, index as u16, schedule);
                in_part += 1;
            }
            _ => left_out += 1,
        }
    }
    parts.push(base64url(&bytes));
    (parts, left_out)
}

/// What a link held: a progress with only card schedules, and how many entries were left out
/// (damaged, not in the deck, implausible, dated after the device's clock), said in the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkSchedule {
    pub progress: Progress,
    pub left_out: usize,
}

/// Reads a link payload, each card checked as saved progress is. A card twice in one link
/// keeps its later review. Never panics, whatever the text.
pub fn decode_schedule(
    deck: &Deck,
    deck_fingerprint: &str,
    text: &str,
    now: Timestamp,
) -> Result<LinkSchedule, LinkError> {
    let bytes = from_base64url(text).ok_or(LinkError::Damaged)?;
    let version = *bytes.first().ok_or(LinkError::Damaged)?;
    if version > VERSION {
        return Err(LinkError::NewerVersion);
    }
    let header_bytes = match version {
        VERSION => HEADER_BYTES,
        VERSION_1 => HEADER_V1_BYTES,
        _ => return Err(LinkError::Damaged),
    };
    let (header, cards) = bytes
        .split_at_checked(header_bytes)
        .ok_or(LinkError::Damaged)?;
    if cards.len() % CARD_BYTES != 0 {
        return Err(LinkError::Damaged);
    }
    if header[1..5] != deck_tag(deck_fingerprint) {
        return Err(LinkError::OtherDeck);
    }
    // No review may postdate the link (a minute of slack for the minute it was made in); a
    // version 1 link has no date, so no review may be more than a day after this clock.
    let latest = match header.get(5..8) {
        Some(b) => {
            let minutes = i64::from(b[0]) << 16 | i64::from(b[1]) << 8 | i64::from(b[2]);
            Timestamp((minutes + EPOCH_MINUTES + 1) * MS_PER_MINUTE)
        }
        None => now.plus_millis(MS_PER_DAY),
    };
    let mut progress = Progress::default();
    let mut left_out = 0;
    for chunk in cards.chunks_exact(CARD_BYTES) {
        let read = read_card(chunk).and_then(|(index, schedule)| {
            let card = deck.cards.get(usize::from(index))?;
            // The saved format's checks, so a link accepts exactly what storage accepts.
            let schedule = check_card(card.id.as_str(), schedule, latest).ok()?;
            Some((card.id.as_str().to_owned(), schedule))
        });
        match read {
            Some((id, schedule)) => {
                keep_later(&mut progress.cards, CardId::from(id), schedule);
            }
            None => left_out += 1,
        }
    }
    Ok(LinkSchedule { progress, left_out })
}

fn deck_tag(fingerprint: &str) -> [u8; 4] {
    let value = u32::from_str_radix(fingerprint.get(..8).unwrap_or_default(), 16).unwrap_or(0);
    value.to_be_bytes()
}

fn push_card(out: &mut Vec<u8>, index: u16, s: &CardSchedule) {
    let phase = match s.phase {
        Phase::New => 0,
        Phase::Learning { step } => 0x40 | step.min(0x3f),
        Phase::Review => 0x80,
        Phase::Relearning { step } => 0xc0 | step.min(0x3f),
    };
    let stability = (f64::from(s.stability).max(1e-9).ln() * 2000.0).round() + 32768.0;
    let difficulty = (f64::from(s.difficulty) * 1000.0).round();
    let last = s
        .last_review
        .map_or(0, |t| t.millis().div_euclid(MS_PER_MINUTE) - EPOCH_MINUTES);
    let interval = s.due.millis_since(s.last_review.unwrap_or(s.due)) / MS_PER_MINUTE;
    out.extend_from_slice(&index.to_be_bytes());
    out.push(phase);
    out.extend_from_slice(&(stability.clamp(0.0, 65535.0) as u16).to_be_bytes());
    out.extend_from_slice(&(difficulty.clamp(0.0, 65535.0) as u16).to_be_bytes());
    out.extend_from_slice(&(last.clamp(0, U24_MAX) as u32).to_be_bytes()[1..]);
    out.extend_from_slice(&(interval.clamp(0, U24_MAX) as u32).to_be_bytes()[1..]);
    out.push(s.reps.min(255) as u8);
    out.push(s.lapses.min(255) as u8);
}

fn read_card(chunk: &[u8]) -> Option<(u16, CardSchedule)> {
    let u16_at = |i: usize| Some(u16::from_be_bytes(chunk.get(i..i + 2)?.try_into().ok()?));
    let u24_at = |i: usize| {
        let b = chunk.get(i..i + 3)?;
        Some(i64::from(b[0]) << 16 | i64::from(b[1]) << 8 | i64::from(b[2]))
    };
    let index = u16_at(0)?;
    let code = *chunk.get(2)?;
    let step = code & 0x3f;
    let phase = match code >> 6 {
        1 => Phase::Learning { step },
        2 if step == 0 => Phase::Review,
        3 => Phase::Relearning { step },
        _ => return None,
    };
    let stability = ((f64::from(u16_at(3)?) - 32768.0) / 2000.0).exp() as f32;
    let difficulty = f32::from(u16_at(5)?) / 1000.0;
    let last = (u24_at(7)? + EPOCH_MINUTES) * MS_PER_MINUTE;
    let interval = u24_at(10)? * MS_PER_MINUTE;
    Some((
        index,
        CardSchedule {
            phase,
            stability,
            difficulty,
            due: Timestamp(last + interval),
            last_review: Some(Timestamp(last)),
            reps: u32::from(*chunk.get(13)?),
            lapses: u32::from(*chunk.get(14)?),
        },
    ))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads [`base64url`]; `None` for any character outside the alphabet or a length no
/// encoding produces.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
