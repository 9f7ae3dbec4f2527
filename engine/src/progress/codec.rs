//! The compact text form of saved schedules and answers: one record per line, fields separated
//! by tabs, so a save costs a few dozen bytes a card and a damaged record loses only itself.
//!
//! Documented for people in `docs/progress-format.md`. In short:
//!
//! - a card line: `id  phase  stability  difficulty  due  last  reps  lapses`
//! - an answer line: `card  at  grade  mode  phase  elapsed-days  last-interval  interval  [o]`
//!
//! Instants and intervals are milliseconds written in base 36 (`Date.now()` fits in 8 digits
//! instead of 13); phases are `n`, `l<step>`, `r`, `R<step>`; grades `1`-`4`; stability and
//! difficulty the shortest decimal that reads back as the same `f32`. Columns after the known
//! ones, written by a newer version, are kept with the record and written back unchanged.
//!
//! Decoding never panics and accepts only valid values: finite, in range, and not dated after
//! the `latest` instant the caller allows (storage allows any date: a record dated after the
//! device's clock is kept as it is, see [`crate::scheduler::CardSchedule::is_due`]; a file or
//! link may not postdate its making). Every value decoded encodes to text that decodes to itself.

use crate::content::CardId;
use crate::progress::{ReviewRecord, StudyMode};
use crate::scheduler::{CardSchedule, Grade, Phase};
use crate::time::{MS_PER_DAY, Timestamp};

/// The longest card id accepted (a slug of a question; the deck's longest is about 90).
pub(crate) const MAX_ID_BYTES: usize = 200;
/// Instants before 2000-01-01 cannot come from this app.
const EARLIEST: i64 = 946_684_800_000;
/// Stability above a thousand years cannot come from FSRS (its maximum interval is 100 years).
const MAX_STABILITY: f32 = 365_000.0;
/// Due dates may be up to this far after the last review (100 years and a day).
const MAX_INTERVAL_MS: i64 = 36_501 * MS_PER_DAY;

/// The least stability FSRS gives (its `S_MIN`), in days.
const MIN_STABILITY: f32 = 0.001;
/// Reviews of one card, and lapses, past which a schedule is not one a person made.
const MAX_REPS: u32 = 10_000;
const MAX_LAPSES: u32 = 100;
/// How many times its stability a review interval can be: FSRS's interval at the lowest desired
/// retention the settings allow (70 %) is about 4.4 times the stability, plus its fuzz.
const MAX_INTERVAL_PER_STABILITY: f32 = 6.0;
/// The longest a learning or relearning step waits (steps are minutes; a day and a margin).
const MAX_STEP_MS: i64 = 2 * MS_PER_DAY;

/// Values in range that no review in this app produces (issue 26: a link made a card a leech
/// hidden until 2058 with stability 1e-7 days, 255 lapses and a 31-year interval).
fn plausible(
    phase: Phase,
    stability: f32,
    interval_ms: i64,
    reps: u32,
    lapses: u32,
) -> Result<(), String> {
    if stability < MIN_STABILITY {
        return Err(format!("stability {stability} is below what FSRS gives"));
    }
    if reps > MAX_REPS || lapses > MAX_LAPSES {
        return Err(format!(
            "{reps} reviews and {lapses} lapses of one card are not plausible"
        ));
    }
    let interval_days = interval_ms as f32 / MS_PER_DAY as f32;
    let longest = match phase {
        Phase::Review => (stability * MAX_INTERVAL_PER_STABILITY).max(1.0) + 1.0,
        _ => MAX_STEP_MS as f32 / MS_PER_DAY as f32,
    };
    if interval_days > longest {
        return Err(format!(
            "an interval of {interval_days:.0} days does not fit a stability of {stability} days"
        ));
    }
    Ok(())
}

/// One record that could not be read, and why, for the person and the backup's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number in its text.
    pub line: usize,
    pub reason: String,
}

impl LineProblem {
    /// "`<where>`12: reason", where `place` names the text ("card ", "…cards:").
    pub fn described(&self, place: &str) -> String {
        format!("{place}{}: {}", self.line, self.reason)
    }
}

/// Any instant: what storage passes as the latest date it accepts, since the clock is an
/// input and never a reason to refuse or rewrite what was saved.
pub(crate) const ANY_TIME: Timestamp = Timestamp(i64::MAX / 2);

/// What a text held: the records that read and those that did not.
#[derive(Debug, Clone, PartialEq)]
pub struct Salvaged<T> {
    pub records: Vec<T>,
    pub problems: Vec<LineProblem>,
}

impl<T> Default for Salvaged<T> {
    fn default() -> Self {
        Salvaged {
            records: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl<T> Salvaged<T> {
    /// True if every line read.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A saved card: its id, its schedule and any columns a newer version added.
#[derive(Debug, Clone, PartialEq)]
pub struct CardLine {
    pub id: CardId,
    pub schedule: CardSchedule,
    pub extra: String,
}

/// A saved answer and any columns a newer version added.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerLine {
    pub record: ReviewRecord,
    pub extra: String,
}

/// Appends `value` in base 36 (with a leading `-` when negative).
fn push_base36(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut magnitude = value.unsigned_abs();
    let mut digits = [0u8; 13];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(magnitude % 36) as usize];
        magnitude /= 36;
        if magnitude == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&b| b as char));
}

fn parse_base36(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 13 {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars() {
        let digit = c.to_digit(36)?;
        if c.is_ascii_uppercase() {
            return None;
        }
        value = value.checked_mul(36)?.checked_add(i64::from(digit))?;
    }
    Some(if negative { -value } else { value })
}

fn phase_code(phase: Phase) -> String {
    match phase {
        Phase::New => "n".to_owned(),
        Phase::Learning { step } => format!("l{step}"),
        Phase::Review => "r".to_owned(),
        Phase::Relearning { step } => format!("R{step}"),
    }
}

fn parse_phase(text: &str) -> Option<Phase> {
    let step = |rest: &str| {
        (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
            .then(|| rest.parse::<u8>().ok())
            .flatten()
    };
    match text {
        "n" => Some(Phase::New),
        "r" => Some(Phase::Review),
        _ => match text.split_at_checked(1)? {
            ("l", rest) => Some(Phase::Learning { step: step(rest)? }),
            ("R", rest) => Some(Phase::Relearning { step: step(rest)? }),
            _ => None,
        },
    }
}

fn grade_code(grade: Grade) -> char {
    match grade {
        Grade::Again => '1',
        Grade::Hard => '2',
        Grade::Good => '3',
        Grade::Easy => '4',
    }
}

fn parse_grade(text: &str) -> Option<Grade> {
    match text {
        "1" => Some(Grade::Again),
        "2" => Some(Grade::Hard),
        "3" => Some(Grade::Good),
        "4" => Some(Grade::Easy),
        _ => None,
    }
}

fn mode_code(mode: StudyMode) -> char {
    match mode {
        StudyMode::Flashcard => 'f',
        StudyMode::TypedRecall => 'r',
        StudyMode::Quiz => 'q',
        StudyMode::Mock => 'm',
        StudyMode::Drill => 'd',
        StudyMode::FillIn => 't',
        StudyMode::Other => '?',
    }
}

fn parse_mode(text: &str) -> Option<StudyMode> {
    Some(match text {
        "f" => StudyMode::Flashcard,
        "r" => StudyMode::TypedRecall,
        "q" => StudyMode::Quiz,
        "m" => StudyMode::Mock,
        "d" => StudyMode::Drill,
        "t" => StudyMode::FillIn,
        // A mode from a newer version: still an answer, counted as such.
        _ if text.len() == 1 && text.bytes().all(|b| b.is_ascii_graphic()) => StudyMode::Other,
        _ => return None,
    })
}

/// True for a card id this format can hold: non-empty, bounded, no tabs, line breaks or
/// other control characters.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_BYTES && !id.chars().any(char::is_control)
}

fn parse_f32(text: &str) -> Option<f32> {
    // `f32::from_str` also reads "inf" and "NaN"; only finite numbers are data.
    text.parse::<f32>().ok().filter(|v| v.is_finite())
}

fn parse_u32(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Writes one card line (without the line break).
pub fn encode_card_line(out: &mut String, line: &CardLine) {
    let s = &line.schedule;
    out.push_str(&line.id);
    out.push('\t');
    out.push_str(&phase_code(s.phase));
    out.push('\t');
    out.push_str(&s.stability.to_string());
    out.push('\t');
    out.push_str(&s.difficulty.to_string());
    out.push('\t');
    push_base36(out, s.due.millis());
    out.push('\t');
    push_base36(out, s.last_review.map_or(0, Timestamp::millis));
    out.push('\t');
    out.push_str(&s.reps.to_string());
    out.push('\t');
    out.push_str(&s.lapses.to_string());
    if !line.extra.is_empty() {
        out.push('\t');
        out.push_str(&line.extra);
    }
}

/// Reads one card line, refusing a last review after `latest` (pass `ANY_TIME` for storage).
pub fn decode_card_line(text: &str, latest: Timestamp) -> Result<CardLine, String> {
    let mut fields = text.splitn(9, '\t');
    let mut next = |name: &str| fields.next().ok_or_else(|| format!("no {name}"));
    let id = next("card id")?;
    if !is_valid_id(id) {
        return Err("not a card id".to_owned());
    }
    let phase = parse_phase(next("phase")?).ok_or("unknown phase")?;
    if phase == Phase::New {
        return Err("a new card is not saved".to_owned());
    }
    let stability = parse_f32(next("stability")?).ok_or("stability is not a number")?;
    if !(stability > 0.0 && stability <= MAX_STABILITY) {
        return Err(format!("stability {stability} is out of range"));
    }
    let difficulty = parse_f32(next("difficulty")?).ok_or("difficulty is not a number")?;
    if !(1.0..=10.0).contains(&difficulty) {
        return Err(format!("difficulty {difficulty} is out of range"));
    }
    let due = parse_base36(next("due")?).ok_or("due is not a time")?;
    let last = parse_base36(next("last review")?).ok_or("last review is not a time")?;
    if last < EARLIEST {
        return Err("last review is before 2000".to_owned());
    }
    if !(0..=MAX_INTERVAL_MS).contains(&(due.saturating_sub(last))) {
        return Err("due is not within 100 years after the last review".to_owned());
    }
    let reps = parse_u32(next("reps")?).ok_or("reps is not a count")?;
    let lapses = parse_u32(next("lapses")?).ok_or("lapses is not a count")?;
    if reps == 0 || lapses > reps {
        return Err("reps and lapses do not fit".to_owned());
    }
    plausible(phase, stability, due - last, reps, lapses)?;
    let extra = fields.next().unwrap_or_default().to_owned();
    if last > latest.millis() {
        return Err("last review is later than the file was made".to_owned());
    }
    Ok(CardLine {
        id: CardId::from(id),
        schedule: CardSchedule {
            phase,
            stability,
            difficulty,
            due: Timestamp(due),
            last_review: Some(Timestamp(last)),
            reps,
            lapses,
        },
        extra,
    })
}

/// Writes one answer line (without the line break).
pub fn encode_answer_line(out: &mut String, line: &AnswerLine) {
    let r = &line.record;
    out.push_str(&r.card);
    out.push('\t');
    push_base36(out, r.at.millis());
    out.push('\t');
    out.push(grade_code(r.grade));
    out.push('\t');
    out.push(mode_code(r.mode));
    out.push('\t');
    out.push_str(&phase_code(r.phase));
    out.push('\t');
    out.push_str(&r.elapsed_days.to_string());
    out.push('\t');
    push_base36(out, r.last_interval_ms);
    out.push('\t');
    push_base36(out, r.interval_ms);
    if r.observed_only || r.writer != 0 || !line.extra.is_empty() {
        out.push('\t');
        if r.observed_only {
            out.push('o');
        }
        if r.writer != 0 {
            out.push('w');
            push_base36(out, i64::from(r.writer));
        }
    }
    if !line.extra.is_empty() {
        out.push('\t');
        out.push_str(&line.extra);
    }
}

/// Reads one answer line, refusing one dated after `latest` (pass `ANY_TIME` for storage).
pub fn decode_answer_line(text: &str, latest: Timestamp) -> Result<AnswerLine, String> {
    let mut fields = text.splitn(10, '\t');
    let mut next = |name: &str| fields.next().ok_or_else(|| format!("no {name}"));
    let card = next("card id")?;
    if !is_valid_id(card) {
        return Err("not a card id".to_owned());
    }
    let at = parse_base36(next("time")?).ok_or("time is not a time")?;
    if at < EARLIEST {
        return Err("answered before 2000".to_owned());
    }
    let grade = parse_grade(next("grade")?).ok_or("unknown grade")?;
    let mode = parse_mode(next("mode")?).ok_or("unknown mode")?;
    let phase = parse_phase(next("phase")?).ok_or("unknown phase")?;
    let elapsed_days = parse_u32(next("elapsed days")?).ok_or("elapsed days is not a count")?;
    let last_interval_ms = parse_base36(next("last interval")?).ok_or("bad last interval")?;
    let interval_ms = parse_base36(next("interval")?).ok_or("bad interval")?;
    let within = |ms: i64| (-MAX_INTERVAL_MS..=MAX_INTERVAL_MS).contains(&ms);
    if !within(last_interval_ms) || !within(interval_ms) {
        return Err("interval is out of range".to_owned());
    }
    // The flags: `o` for observed only, then `w<base 36>` for the tab that answered.
    let flags = fields.next().unwrap_or_default();
    let (observed_only, flags) = match flags.strip_prefix('o') {
        Some(rest) => (true, rest),
        None => (false, flags),
    };
    let writer = match flags {
        "" => 0,
        _ => flags
            .strip_prefix('w')
            .and_then(parse_base36)
            .and_then(|w| u16::try_from(w).ok())
            .filter(|&w| w != 0)
            .ok_or("unknown flag")?,
    };
    let extra = fields.next().unwrap_or_default().to_owned();
    if at > latest.millis() {
        return Err("answered later than the file was made".to_owned());
    }
    Ok(AnswerLine {
        record: ReviewRecord {
            card: CardId::from(card),
            at: Timestamp(at),
            grade,
            mode,
            phase,
            elapsed_days,
            last_interval_ms,
            interval_ms,
            observed_only,
            writer,
        },
        extra,
    })
}

/// Checks a schedule that did not come from a line (version 1's JSON, a device link) by the
/// same rules as a saved line: written as one and read back, so every source accepts exactly
/// what storage accepts (and no review after `latest`).
pub(crate) fn check_card(
    id: &str,
    schedule: CardSchedule,
    latest: Timestamp,
) -> Result<CardSchedule, String> {
    let mut line = String::new();
    encode_card_line(
        &mut line,
        &CardLine {
            id: CardId::from(id),
            schedule,
            extra: String::new(),
        },
    );
    decode_card_line(&line, latest).map(|line| line.schedule)
}

/// [`check_card`] for an answer.
pub(crate) fn check_answer(
    record: ReviewRecord,
    latest: Timestamp,
) -> Result<ReviewRecord, String> {
    let mut line = String::new();
    encode_answer_line(
        &mut line,
        &AnswerLine {
            record,
            extra: String::new(),
        },
    );
    decode_answer_line(&line, latest).map(|line| line.record)
}

/// Reads every line of `text` with `decode`, keeping what reads and noting what does not.
/// Blank lines are skipped.
pub fn decode_lines<T>(
    text: &str,
    latest: Timestamp,
    decode: impl Fn(&str, Timestamp) -> Result<T, String>,
) -> Salvaged<T> {
    let mut out = Salvaged::default();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        match decode(line, latest) {
            Ok(record) => out.records.push(record),
            Err(reason) => out.problems.push(LineProblem {
                line: index + 1,
                reason,
            }),
        }
    }
    out
}

/// Every card line, each followed by a line break.
pub(crate) fn encode_cards(lines: impl IntoIterator<Item = CardLine>) -> String {
    let mut out = String::new();
    for line in lines {
        encode_card_line(&mut out, &line);
        out.push('\n');
    }
    out
}

/// Every answer line, each followed by a line break.
pub(crate) fn encode_answers<'a>(lines: impl IntoIterator<Item = &'a AnswerLine>) -> String {
    let mut out = String::with_capacity(64);
    for line in lines {
        encode_answer_line(&mut out, line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_round_trips_extremes() {
        for value in [0, 1, 35, 36, -1, 1_767_604_643_456, i64::MAX, -i64::MAX] {
            let mut text = String::new();
            push_base36(&mut text, value);
            assert_eq!(parse_base36(&text), Some(value), "{text}");
        }
        assert_eq!(parse_base36(""), None);
        assert_eq!(parse_base36("-"), None);
        assert_eq!(parse_base36("zzzzzzzzzzzzz"), None, "overflow");
        assert_eq!(parse_base36("A"), None, "lower case only");
    }

    #[test]
    fn phases_round_trip() {
        for phase in [
            Phase::New,
            Phase::Review,
            Phase::Learning { step: 0 },
            Phase::Relearning { step: 255 },
        ] {
            assert_eq!(parse_phase(&phase_code(phase)), Some(phase));
        }
        for bad in ["", "l", "l-1", "l256", "x", "R+1", "ñ"] {
            assert_eq!(parse_phase(bad), None, "{bad}");
        }
    }
}
