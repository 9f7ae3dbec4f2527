//! The small JSON part of saved progress: format version, settings, mock interviews, the
//! compacted history and the explicit deletions ([`Deletions`]). Each field is read on its own, so one bad field (or one bad mock) costs
//! only itself, and fields this version does not know are kept and written back.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::content::CardId;
use crate::order;
use crate::progress::days::DaySummary;
use crate::progress::{AnswerId, Deletions, MAX_UNDONE, MockRecord, StudySettings};
use crate::scheduler::SchedulerConfig;
use crate::time::{MS_PER_DAY, Timestamp};

/// Version of the saved format. Bump it, and teach [`super::store`] to upgrade, whenever a
/// change would make older data read wrongly; additive fields need no bump.
///
/// Version 3 added the deletions (undone answers, compaction, epochs). Version 2 reads as a
/// version 3 head without deletions; version 3 is refused by version 2, whose merges read a
/// missing answer as deleted, so a tab left open from before an update stops saving (and says
/// to reload) instead of undoing another tab's answers.
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest head version this one reads.
const OLDEST_READ: u64 = 2;
/// Mock interviews kept: ten a day for almost three years. Older ones are dropped, said so.
pub(crate) const MAX_MOCKS: usize = 10_000;
/// Days of compacted history kept: a hundred years. Older days are dropped, said so.
pub(crate) const MAX_HISTORY_DAYS: usize = 36_500;

/// The head as read: known fields decoded, unknown ones kept verbatim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Head {
    pub settings: StudySettings,
    pub mocks: Vec<MockRecord>,
    pub history: Vec<DaySummary>,
    pub deletions: Deletions,
    /// Counts the settings changes, so the latest change wins when two tabs merge.
    pub settings_rev: u64,
    /// Fields a newer version wrote, as JSON text by name.
    pub unknown: BTreeMap<String, String>,
}

/// A head that did not read at all (not JSON, no version), or one from a newer version.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadError {
    Unreadable(String),
    Newer { found: u64 },
}

/// Reads a head; `problems` receives what was dropped or corrected.
pub fn decode_head(text: &str, problems: &mut Vec<String>) -> Result<Head, HeadError> {
    let fields: BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(text).map_err(|e| HeadError::Unreadable(e.to_string()))?;
    let schema = fields
        .get("schema")
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok())
        .ok_or_else(|| HeadError::Unreadable("no format version".to_owned()))?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(HeadError::Newer { found: schema });
    }
    if schema < OLDEST_READ {
        return Err(HeadError::Unreadable(format!(
            "format version {schema} in the place of version {SCHEMA_VERSION}"
        )));
    }
    let mut head = Head::default();
    for (name, raw) in fields {
        match name.as_str() {
            "schema" => {}
            "settings" => head.settings = decode_settings(raw.get(), problems),
            "mocks" => head.mocks = decode_each(raw.get(), "mock interview", problems),
            "history" => head.history = decode_each(raw.get(), "day of history", problems),
            "epoch" => head.deletions.epoch = decode_number(raw.get(), "epoch", problems),
            "settings_rev" => {
                head.settings_rev = decode_number(raw.get(), "settings revision", problems);
            }
            "compacted" => {
                head.deletions.compacted_through = serde_json::from_str(raw.get())
                    .map_err(|_| problems.push("the compacted days could not be read".to_owned()))
                    .ok();
            }
            "undone" => {
                let undone: Vec<(String, i64, u16)> =
                    decode_each(raw.get(), "undone answer", problems);
                head.deletions.undone =
                    order::set_of(undone.into_iter().map(|(card, at, writer)| AnswerId {
                        at: Timestamp(at),
                        card: CardId(card),
                        writer,
                    }));
                while head.deletions.undone.len() > MAX_UNDONE {
                    head.deletions.undone.pop_first();
                }
            }
            _ => {
                head.unknown.insert(name, raw.get().to_owned());
            }
        }
    }
    tidy_mocks(&mut head.mocks, Timestamp(i64::MAX / 2), problems);
    tidy_history(&mut head.history, Timestamp(i64::MAX / 2), problems);
    Ok(head)
}

/// Mock interviews as every source must hold them: plausible ones only (see
/// [`plausible_mock`]), none after `latest`, sorted, once each, the newest [`MAX_MOCKS`].
pub(crate) fn tidy_mocks(
    mocks: &mut Vec<MockRecord>,
    latest: Timestamp,
    problems: &mut Vec<String>,
) {
    let plausible = |m: &MockRecord| plausible_mock(m, latest);
    tidy(
        mocks,
        plausible,
        |m| m.at,
        MAX_MOCKS,
        ("a mock interview", "mock interviews"),
        problems,
    );
}

/// Days of history as every source must hold them (see [`plausible_day`]), sorted, once each,
/// the newest [`MAX_HISTORY_DAYS`].
pub(crate) fn tidy_history(
    days: &mut Vec<DaySummary>,
    latest: Timestamp,
    problems: &mut Vec<String>,
) {
    let plausible = |d: &DaySummary| plausible_day(d, latest);
    tidy(
        days,
        plausible,
        |d| d.day,
        MAX_HISTORY_DAYS,
        ("a day of history", "days of history"),
        problems,
    );
}

/// Keeps the plausible items (saying why each other one went), sorted by `key`, once per key,
/// the newest `cap`; `(one, many)` name them in what is said.
fn tidy<T, K: Ord + Copy>(
    items: &mut Vec<T>,
    plausible: impl Fn(&T) -> Result<(), String>,
    key: impl Fn(&T) -> K,
    cap: usize,
    (one, many): (&str, &str),
    problems: &mut Vec<String>,
) {
    items.retain(|item| match plausible(item) {
        Ok(()) => true,
        Err(reason) => {
            problems.push(format!("{one} was left out: {reason}"));
            false
        }
    });
    order::sort_by_key(items, &key);
    items.dedup_by_key(|item| key(item));
    keep_newest(items, cap, many, problems);
}

/// 2000-01-01, the earliest instant this app accepts (as the line format does).
const EARLIEST_MS: i64 = 946_684_800_000;
/// The most questions one mock interview asks.
const MAX_MOCK_QUESTIONS: u32 = 200;
/// The most answers one day can hold: one every two seconds, all day.
const MAX_ANSWERS_A_DAY: u32 = 43_200;

/// A mock interview this app could have recorded: its counts add up, its score is a
/// percentage, and it ended between 2000 and `latest`.
pub(crate) fn plausible_mock(mock: &MockRecord, latest: Timestamp) -> Result<(), String> {
    let judged = u64::from(mock.nailed) + u64::from(mock.partly) + u64::from(mock.missed);
    if mock.questions == 0 || mock.questions > MAX_MOCK_QUESTIONS {
        return Err(format!("{} questions", mock.questions));
    }
    if judged != u64::from(mock.questions) || mock.score > 100 {
        return Err("its counts do not add up".to_owned());
    }
    if mock.at.millis() < EARLIEST_MS || mock.at > latest {
        return Err("its date is out of range".to_owned());
    }
    Ok(())
}

/// A day of history this app could have summarised: counts that nest, time within a day, and
/// a day between 2000 and `latest` (a day of margin for time zones).
pub(crate) fn plausible_day(day: &DaySummary, latest: Timestamp) -> Result<(), String> {
    let last_day = latest.millis().saturating_add(MS_PER_DAY) / MS_PER_DAY;
    if day.day < EARLIEST_MS / MS_PER_DAY - 1 || day.day > last_day {
        return Err("its date is out of range".to_owned());
    }
    if day.answers > MAX_ANSWERS_A_DAY
        || day.review_answers > day.answers
        || day.review_passed > day.review_answers
        || day.practice_answers > day.answers
        || day.seconds > 86_400
    {
        return Err("its counts do not fit in one day".to_owned());
    }
    Ok(())
}

/// Drops the oldest of a sorted list beyond `cap`, saying how many went.
fn keep_newest<T>(items: &mut Vec<T>, cap: usize, what: &str, problems: &mut Vec<String>) {
    if items.len() > cap {
        let dropped = items.len() - cap;
        items.drain(..dropped);
        problems.push(format!(
            "{dropped} of the oldest {what} were dropped: at most {cap} are kept"
        ));
    }
}

fn decode_number(text: &str, what: &str, problems: &mut Vec<String>) -> u64 {
    serde_json::from_str(text).unwrap_or_else(|_| {
        problems.push(format!("the {what} could not be read"));
        0
    })
}

/// Settings, with anything out of range replaced by its default and said so: a retention of
/// 20 % must not silently schedule at 90 % while the settings read 20 %.
pub(crate) fn decode_settings(text: &str, problems: &mut Vec<String>) -> StudySettings {
    let Ok(mut settings) = serde_json::from_str::<StudySettings>(text) else {
        problems.push("the study settings could not be read; the defaults are used".to_owned());
        return StudySettings::default();
    };
    let defaults = StudySettings::default();
    if !SchedulerConfig::RETENTION_RANGE.contains(&settings.desired_retention) {
        problems.push(format!(
            "a desired retention of {} is outside 70-99 %; {:.0} % is used",
            settings.desired_retention,
            defaults.desired_retention * 100.0
        ));
        settings.desired_retention = defaults.desired_retention;
    }
    if settings.new_cards_per_day > MAX_NEW_CARDS_PER_DAY {
        problems.push(format!(
            "{} new cards a day is more than {MAX_NEW_CARDS_PER_DAY}; {MAX_NEW_CARDS_PER_DAY} is used",
            settings.new_cards_per_day
        ));
        settings.new_cards_per_day = MAX_NEW_CARDS_PER_DAY;
    }
    settings
}

/// The most new cards a day the settings accept.
pub(crate) const MAX_NEW_CARDS_PER_DAY: u32 = 500;

/// A JSON list read element by element: a bad element is dropped and counted.
fn decode_each<T: serde::de::DeserializeOwned>(
    text: &str,
    what: &str,
    problems: &mut Vec<String>,
) -> Vec<T> {
    let Ok(items) = serde_json::from_str::<Vec<Box<RawValue>>>(text) else {
        problems.push(format!("the list of each {what} could not be read"));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match serde_json::from_str(item.get()) {
            Ok(value) => out.push(value),
            Err(_) => problems.push(format!("one {what} could not be read")),
        }
    }
    out
}

/// The head's JSON text.
pub fn encode_head(head: &Head) -> String {
    const PLAIN: &str = "settings, mocks and history are plain numbers";
    let mut out = format!("{{\"schema\":{SCHEMA_VERSION}");
    push_field(
        &mut out,
        "settings",
        &serde_json::to_string(&head.settings).expect(PLAIN),
    );
    push_field(
        &mut out,
        "mocks",
        &serde_json::to_string(&head.mocks).expect(PLAIN),
    );
    push_field(
        &mut out,
        "history",
        &serde_json::to_string(&head.history).expect(PLAIN),
    );
    let deletions = &head.deletions;
    if deletions.epoch > 0 {
        push_field(&mut out, "epoch", &deletions.epoch.to_string());
    }
    if head.settings_rev > 0 {
        push_field(&mut out, "settings_rev", &head.settings_rev.to_string());
    }
    if let Some(day) = deletions.compacted_through {
        push_field(&mut out, "compacted", &day.to_string());
    }
    if !deletions.undone.is_empty() {
        let undone: Vec<(&str, i64, u16)> = deletions
            .undone
            .iter()
            .map(|id| (id.card.as_str(), id.at.millis(), id.writer))
            .collect();
        push_field(
            &mut out,
            "undone",
            &serde_json::to_string(&undone).expect(PLAIN),
        );
    }
    for (name, value) in &head.unknown {
        push_field(&mut out, name, value);
    }
    out.push('}');
    out
}

fn push_field(out: &mut String, name: &str, value: &str) {
    out.push(',');
    out.push_str(&serde_json::to_string(name).expect("a string serializes"));
    out.push(':');
    out.push_str(value);
}
