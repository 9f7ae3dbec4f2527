//! The small JSON part of saved progress: format version, settings, mock interviews and the
//! compacted history. Each field is read on its own, so one bad field (or one bad mock) costs
//! only itself, and fields this version does not know are kept and written back.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::order::insertion_sort_by_key;
use crate::progress::{MockRecord, StudySettings};
use crate::scheduler::SchedulerConfig;
use crate::stats::DaySummary;

/// Version of the saved format. Bump it, and teach [`super::store`] to upgrade, whenever a
/// change would make older data read wrongly; additive fields need no bump.
pub const SCHEMA_VERSION: u32 = 2;

/// The head as read: known fields decoded, unknown ones kept verbatim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Head {
    pub settings: StudySettings,
    pub mocks: Vec<MockRecord>,
    pub history: Vec<DaySummary>,
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
    if schema < u64::from(SCHEMA_VERSION) {
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
            _ => {
                head.unknown.insert(name, raw.get().to_owned());
            }
        }
    }
    insertion_sort_by_key(&mut head.mocks, |m| m.at);
    head.mocks.dedup_by_key(|m| m.at);
    insertion_sort_by_key(&mut head.history, |d| d.day);
    head.history.dedup_by_key(|d| d.day);
    Ok(head)
}

/// Settings, with anything out of range replaced by its default and said so: a retention of
/// 20 % must not silently schedule at 90 % while the settings read 20 %.
pub fn decode_settings(text: &str, problems: &mut Vec<String>) -> StudySettings {
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
pub const MAX_NEW_CARDS_PER_DAY: u32 = 500;

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
