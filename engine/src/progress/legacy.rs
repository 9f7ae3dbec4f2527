//! Version 1's saved progress (one JSON value under [`super::store::LEGACY_KEY`]), read record
//! by record so that one bad field costs one record, as the current format does.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::codec::{check_answer, check_card};
use super::head::decode_settings;
use super::merge::sort_answers;
use super::{CardSchedule, MockRecord, Progress, ReviewRecord};
use crate::content::CardId;
use crate::time::Timestamp;

/// Version 1's envelope, read without decoding its contents.
#[derive(Deserialize)]
struct EnvelopeV1<'a> {
    schema: u64,
    #[serde(borrow)]
    progress: &'a RawValue,
}

/// What version 1's text held.
pub(crate) struct LegacyProgress {
    pub progress: Progress,
    /// Records that could not be read.
    pub lost: usize,
}

/// Reads version 1's envelope. Each card and answer goes through the current line format's
/// checks ([`check_card`], [`check_answer`]), so both versions accept exactly the same values;
/// none dated after `latest` (storage passes [`super::codec::ANY_TIME`]).
pub(crate) fn decode_v1(
    text: &str,
    latest: Timestamp,
    problems: &mut Vec<String>,
) -> Result<LegacyProgress, String> {
    let envelope: EnvelopeV1 = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if envelope.schema != 1 {
        return Err(format!("format version {} is not 1", envelope.schema));
    }
    let fields: BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(envelope.progress.get()).map_err(|e| e.to_string())?;
    let mut out = LegacyProgress {
        progress: Progress::default(),
        lost: 0,
    };
    fn lose(out: &mut LegacyProgress, problems: &mut Vec<String>, what: String) {
        out.lost += 1;
        problems.push(what);
    }
    for (name, raw) in &fields {
        match name.as_str() {
            "cards" => {
                let Ok(cards) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(raw.get())
                else {
                    lose(&mut out, problems, "the cards could not be read".to_owned());
                    continue;
                };
                for (id, raw) in cards {
                    match card(&id, raw.get(), latest) {
                        Ok(schedule) => {
                            out.progress.cards.insert(CardId(id), schedule);
                        }
                        Err(reason) => lose(&mut out, problems, format!("card {id}: {reason}")),
                    }
                }
            }
            "reviews" => {
                let Ok(list) = serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()) else {
                    lose(
                        &mut out,
                        problems,
                        "the answers could not be read".to_owned(),
                    );
                    continue;
                };
                for (n, raw) in list.iter().enumerate() {
                    match answer(raw.get(), latest) {
                        Ok(record) => out.progress.reviews.push(record),
                        Err(reason) => {
                            lose(&mut out, problems, format!("answer {}: {reason}", n + 1))
                        }
                    }
                }
            }
            "settings" => {
                let before = problems.len();
                out.progress.settings = decode_settings(raw.get(), problems);
                out.lost += problems.len() - before;
            }
            "mocks" => {
                let list =
                    serde_json::from_str::<Vec<Box<RawValue>>>(raw.get()).unwrap_or_default();
                for raw in list {
                    match serde_json::from_str::<MockRecord>(raw.get()) {
                        Ok(mock) => out.progress.mocks.push(mock),
                        Err(_) => lose(
                            &mut out,
                            problems,
                            "a mock interview could not be read".to_owned(),
                        ),
                    }
                }
            }
            _ => {}
        }
    }
    sort_answers(&mut out.progress.reviews);
    super::head::tidy_mocks(&mut out.progress.mocks, latest, problems);
    Ok(out)
}

fn card(id: &str, json: &str, latest: Timestamp) -> Result<CardSchedule, String> {
    let schedule: CardSchedule = serde_json::from_str(json).map_err(|e| e.to_string())?;
    check_card(id, schedule, latest)
}

fn answer(json: &str, latest: Timestamp) -> Result<ReviewRecord, String> {
    let record: ReviewRecord = serde_json::from_str(json).map_err(|e| e.to_string())?;
    check_answer(record, latest)
}
