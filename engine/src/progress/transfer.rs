//! Progress as a file: export for safekeeping or another browser, import with a preview of
//! what it changes. The format is documented in `docs/progress-format.md`: a JSON object
//! whose cards and answers are the same lines storage holds ([`super::codec`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::value::RawValue;

use super::codec::{
    ANY_TIME, AnswerLine, CardLine, decode_answer_line, decode_card_line, decode_lines,
    encode_answer_line, encode_card_line,
};
use super::days::DaySummary;
use super::head::{decode_settings, tidy_history, tidy_mocks};
use super::merge::{
    answer_order, keep_later, merge_answers, merge_cards, merge_history, merge_mocks, sort_answers,
};
use super::{Deletions, MockRecord, Progress, StudySettings};
use crate::time::LocalDays;
use crate::time::{MS_PER_MINUTE, Timestamp};

/// The `format` field of an export, so a wrong file is told apart from a damaged one.
pub(crate) const EXPORT_FORMAT: &str = "interview-prep-progress";
/// The export's version; bump it with [`super::SCHEMA_VERSION`].
pub(crate) const EXPORT_VERSION: u32 = 2;
/// Larger files are refused before they are read: 10,000 answers export to about 0.6 MB.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

#[derive(Serialize)]
struct ExportOut<'a> {
    format: &'static str,
    version: u32,
    exported: Timestamp,
    settings: &'a StudySettings,
    mocks: &'a [MockRecord],
    history: &'a [DaySummary],
    cards: Vec<String>,
    answers: Vec<String>,
}

/// The export file's text.
pub fn export(progress: &Progress, now: Timestamp) -> String {
    let cards = progress
        .cards
        .iter()
        .map(|(id, schedule)| {
            let mut line = String::new();
            encode_card_line(
                &mut line,
                &CardLine {
                    id: id.clone(),
                    schedule: *schedule,
                    extra: String::new(),
                },
            );
            line
        })
        .collect();
    let answers = progress
        .reviews
        .iter()
        .map(|record| {
            let mut line = String::new();
            encode_answer_line(
                &mut line,
                &AnswerLine {
                    record: record.clone(),
                    extra: String::new(),
                },
            );
            line
        })
        .collect();
    serde_json::to_string(&ExportOut {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported: now,
        settings: &progress.settings,
        mocks: &progress.mocks,
        history: &progress.history,
        cards,
        answers,
    })
    .expect("an export is strings and plain numbers")
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    NotJson(String),
    NotProgress,
    NewerVersion { found: u64 },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "That file is {:.1} MB; a progress export is at most {} MB.",
                *bytes as f64 / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::NotJson(why) => {
                write!(
                    f,
                    "That file is not a progress export (it is not JSON: {why})."
                )
            }
            ImportError::NotProgress => {
                f.write_str("That file is JSON but not a progress export from this app.")
            }
            ImportError::NewerVersion { found } => write!(
                f,
                "That export was made by a newer version of this app (format {found}); reload the page to update, then import it."
            ),
        }
    }
}

/// A file's progress, with what could not be read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub progress: Progress,
    pub problems: Vec<String>,
}

/// Reads an export (or version 1's saved value, which old backups hold). Damaged records are
/// left out and listed; a file that is not an export is refused with a reason.
pub fn read_import(text: &str, now: Timestamp) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let fields: BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let field = |name: &str| fields.get(name).map(|raw| raw.get());
    let mut problems = Vec::new();
    if field("schema") == Some("1") && field("progress").is_some() {
        let legacy = super::legacy::decode_v1(text, ANY_TIME, &mut problems)
            .map_err(|_| ImportError::NotProgress)?;
        return Ok(Imported {
            progress: legacy.progress,
            problems,
        });
    }
    if field("format") != Some(&format!("\"{EXPORT_FORMAT}\"")) {
        return Err(ImportError::NotProgress);
    }
    let version: u64 = field("version")
        .and_then(|v| serde_json::from_str(v).ok())
        .ok_or(ImportError::NotProgress)?;
    if version > u64::from(EXPORT_VERSION) {
        return Err(ImportError::NewerVersion { found: version });
    }
    // No record may postdate the file: a review "made" after the export is invented. The
    // importing device's clock has no say (it may be wrong either way); a minute of slack
    // covers an answer saved as the export was made.
    let latest = field("exported")
        .and_then(|v| serde_json::from_str::<Timestamp>(v).ok())
        .map_or(ANY_TIME, |exported| exported.plus_millis(MS_PER_MINUTE));
    let _ = now;
    let mut progress = Progress::default();
    if let Some(settings) = field("settings") {
        progress.settings = decode_settings(settings, &mut problems);
    }
    progress.mocks = each(field("mocks"), "mock interview", &mut problems);
    tidy_mocks(&mut progress.mocks, latest, &mut problems);
    progress.history = each(field("history"), "day of history", &mut problems);
    tidy_history(&mut progress.history, latest, &mut problems);
    let lines = |name: &str, problems: &mut Vec<String>| -> String {
        let list: Vec<String> = field(name)
            .and_then(|v| serde_json::from_str(v).ok())
            .unwrap_or_else(|| {
                problems.push(format!("the {name} could not be read"));
                Vec::new()
            });
        list.iter()
            .map(|line| line.replace(['\n', '\r'], " "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let cards = decode_lines(&lines("cards", &mut problems), latest, decode_card_line);
    problems.extend(cards.problems.iter().map(|p| p.described("card ")));
    for line in cards.records {
        keep_later(&mut progress.cards, line.id, line.schedule);
    }
    let answers = decode_lines(&lines("answers", &mut problems), latest, decode_answer_line);
    problems.extend(answers.problems.iter().map(|p| p.described("answer ")));
    progress.reviews = answers.records.into_iter().map(|l| l.record).collect();
    sort_answers(&mut progress.reviews);
    Ok(Imported { progress, problems })
}

fn each<T: serde::de::DeserializeOwned>(
    text: Option<&str>,
    what: &str,
    problems: &mut Vec<String>,
) -> Vec<T> {
    let list: Vec<Box<RawValue>> = text
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    list.iter()
        .filter_map(|raw| {
            serde_json::from_str(raw.get())
                .map_err(|_| problems.push(format!("a {what} could not be read")))
                .ok()
        })
        .collect()
}

/// Keep this browser's progress and add the file's, or put the file's in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Per card, the later review wins; answers and mock interviews are joined.
    Merge,
    /// The file's progress replaces this browser's (settings too).
    Replace,
}

/// What an import would change, shown before the person confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportPreview {
    /// Cards the file has and this browser does not.
    pub cards_added: usize,
    /// Cards both have, where the file's review is later.
    pub cards_updated: usize,
    /// Cards both have, where this browser's review is as late or later.
    pub cards_kept: usize,
    /// Cards this browser has and the file does not (lost by a replace).
    pub cards_only_here: usize,
    /// Answers in the file and not here.
    pub answers_added: usize,
    /// Answers here and not in the file (lost by a replace).
    pub answers_only_here: usize,
    /// Mock interviews in the file and not here.
    pub mocks_added: usize,
    /// Mock interviews here and not in the file (lost by a replace).
    pub mocks_only_here: usize,
    /// Days of compacted history here and not in the file (lost by a replace).
    pub history_days_only_here: usize,
}

/// Compares this browser's progress with a file's.
pub fn preview(ours: &Progress, theirs: &Progress) -> ImportPreview {
    let mut out = ImportPreview::default();
    for (id, schedule) in &theirs.cards {
        match ours.cards.get(id) {
            None => out.cards_added += 1,
            Some(known) if known.last_review < schedule.last_review => out.cards_updated += 1,
            Some(_) => out.cards_kept += 1,
        }
    }
    out.cards_only_here = ours
        .cards
        .keys()
        .filter(|id| !theirs.cards.contains_key(*id))
        .count();
    let missing_from = |list: &[super::ReviewRecord], r: &super::ReviewRecord| {
        list.binary_search_by(|x| answer_order(x, r)).is_err()
    };
    out.answers_added = theirs
        .reviews
        .iter()
        .filter(|r| missing_from(&ours.reviews, r))
        .count();
    out.answers_only_here = ours
        .reviews
        .iter()
        .filter(|r| missing_from(&theirs.reviews, r))
        .count();
    let mock_in =
        |list: &[MockRecord], m: &MockRecord| list.binary_search_by_key(&m.at, |x| x.at).is_ok();
    out.mocks_added = theirs
        .mocks
        .iter()
        .filter(|m| !mock_in(&ours.mocks, m))
        .count();
    out.mocks_only_here = ours
        .mocks
        .iter()
        .filter(|m| !mock_in(&theirs.mocks, m))
        .count();
    out.history_days_only_here = ours
        .history
        .iter()
        .filter(|d| {
            theirs
                .history
                .binary_search_by_key(&d.day, |x| x.day)
                .is_err()
        })
        .count();
    out
}

/// The preview in words: what the file holds, and everything each choice would keep, change
/// and remove, counted as they will really be kept (after the log is compacted). `source`
/// names where `theirs` comes from ("file", "backup").
pub fn describe_import(
    ours: &Progress,
    theirs: &Progress,
    days: LocalDays,
    source: &str,
) -> String {
    let shown = preview(ours, theirs);
    let merged = apply_import(ours, theirs.clone(), ImportMode::Merge, days);
    let replaced = apply_import(ours, theirs.clone(), ImportMode::Replace, days);
    let kept = |p: &Progress| {
        let mut out = format!("{} answers", p.reviews.len());
        if !p.history.is_empty() {
            out.push_str(&format!(
                " in full and {} earlier days as counts",
                p.history.len()
            ));
        }
        out
    };
    let mut words = format!(
        "The {source} has {} studied cards, {} answers, {} mock interviews and {} days of history. \
         Merging adds {} cards, takes the {source}'s later review for {}, keeps yours for {}, and adds \
         {} answers and {} mock interviews: you then keep {} cards and {}. ",
        theirs.cards.len(),
        theirs.reviews.len(),
        theirs.mocks.len(),
        theirs.history.len(),
        shown.cards_added,
        shown.cards_updated,
        shown.cards_kept,
        shown.answers_added,
        shown.mocks_added,
        merged.cards.len(),
        kept(&merged),
    );
    words.push_str(&format!(
        "Replacing keeps only the {source}'s: it removes {} cards, {} answers, {} mock interviews and \
         {} days of history that only this browser has",
        shown.cards_only_here,
        shown.answers_only_here,
        shown.mocks_only_here,
        shown.history_days_only_here,
    ));
    let (now, then) = (&ours.settings, &theirs.settings);
    if now != then {
        words.push_str(&format!(
            ", and sets your settings to the {source}'s (retention {:.0} % → {:.0} %, new cards a day {} → {})",
            now.desired_retention * 100.0,
            then.desired_retention * 100.0,
            now.new_cards_per_day,
            then.new_cards_per_day
        ));
    }
    words.push_str(&format!(
        "; you then keep {} cards and {}.",
        replaced.cards.len(),
        kept(&replaced)
    ));
    words
}

/// The progress after importing `theirs` in `mode`, its log compacted as the next save would
/// (so the counts a person is told are the ones kept); `days` places compacted days.
pub fn apply_import(
    ours: &Progress,
    theirs: Progress,
    mode: ImportMode,
    days: LocalDays,
) -> Progress {
    let mut out = match mode {
        // A new epoch: everything saved before is replaced, in every tab.
        ImportMode::Replace => Progress {
            deletions: Deletions {
                epoch: ours.deletions.epoch + 1,
                ..Deletions::default()
            },
            writer: ours.writer,
            ..theirs
        },
        ImportMode::Merge => {
            let deletions = &ours.deletions;
            Progress {
                cards: merge_cards(&ours.cards, &theirs.cards, deletions),
                reviews: merge_answers(&ours.reviews, &theirs.reviews, deletions),
                settings: ours.settings.clone(),
                mocks: merge_mocks(&ours.mocks, &theirs.mocks),
                history: merge_history(&ours.history, &theirs.history),
                deletions: deletions.clone(),
                writer: ours.writer,
            }
        }
    };
    super::log_days::compact(&mut out, days);
    out
}

/// Progress after a reset: every card new again and no history, settings kept. A new epoch,
/// so the reset reaches every tab and no tab brings the old progress back.
pub fn reset(progress: &Progress) -> Progress {
    Progress {
        settings: progress.settings.clone(),
        deletions: Deletions {
            epoch: progress.deletions.epoch + 1,
            ..Deletions::default()
        },
        writer: progress.writer,
        ..Progress::default()
    }
}
