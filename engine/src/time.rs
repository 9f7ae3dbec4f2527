//! Points in time as plain unix milliseconds.
//!
//! The engine never reads a clock: every function that needs "now" takes a [`Timestamp`]
//! parameter, so scheduling is deterministic and testable natively. Milliseconds match what
//! the browser gives (`Date.now()`), and an `i64` serializes as a plain JSON number.

use serde::{Deserialize, Serialize};

/// Milliseconds in one minute.
pub const MS_PER_MINUTE: i64 = 60_000;
/// Milliseconds in one hour.
pub const MS_PER_HOUR: i64 = 60 * MS_PER_MINUTE;
/// Milliseconds in one day (24 h; the scheduler, like py-fsrs, ignores time zones and DST).
pub const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

/// A point in time: unix epoch milliseconds (UTC).
///
/// Saved as a bare number (`serde(transparent)`) so the stored JSON stays compact and
/// readable by any tool.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The unix epoch; the default `due` of a card nobody has seen (always due).
    pub(crate) const EPOCH: Timestamp = Timestamp(0);

    /// Wraps unix milliseconds.
    pub const fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    /// Unix milliseconds.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// This instant shifted by `ms` milliseconds (saturating, so absurd inputs cannot panic).
    pub const fn plus_millis(self, ms: i64) -> Self {
        Timestamp(self.0.saturating_add(ms))
    }

    /// This instant shifted by whole minutes.
    pub const fn plus_minutes(self, minutes: i64) -> Self {
        self.plus_millis(minutes.saturating_mul(MS_PER_MINUTE))
    }

    /// This instant shifted by whole hours.
    pub const fn plus_hours(self, hours: i64) -> Self {
        self.plus_millis(hours.saturating_mul(MS_PER_HOUR))
    }

    /// This instant shifted by whole 24-hour days.
    pub const fn plus_days(self, days: i64) -> Self {
        self.plus_millis(days.saturating_mul(MS_PER_DAY))
    }

    /// Milliseconds from `earlier` to `self` (negative if `earlier` is later).
    pub const fn millis_since(self, earlier: Timestamp) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// Whole days from `earlier` to `self`, rounded down (towards minus infinity), like
    /// Python's `timedelta.days`: 23 h 59 min is 0 days, and the scheduler relies on that to
    /// pick FSRS's same-day formula.
    pub const fn days_since(self, earlier: Timestamp) -> i64 {
        self.millis_since(earlier).div_euclid(MS_PER_DAY)
    }

    /// Start of the UTC day containing this instant (for "per day" counters).
    ///
    /// The app should prefer the person's local midnight, computed where the clock is read,
    /// and pass that; this is the fallback the engine can compute on its own.
    pub const fn start_of_utc_day(self) -> Self {
        Timestamp(self.0.div_euclid(MS_PER_DAY) * MS_PER_DAY)
    }
}

/// The calendar date (year, month 1-12, day 1-31) of a day number counted from 1970-01-01,
/// proleptic Gregorian (Howard Hinnant's `civil_from_days`): lets charts name local days
/// without a date library.
pub const fn civil_date(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}ms", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(20_422), (2025, 11, 30));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}

/// Maps instants to the learner's local calendar days: day number =
/// floor((ms + offset_ms) / MS_PER_DAY). Day 0 is 1 Jan 1970 in the learner's zone.
///
/// A fixed offset (the one the app reads now) rather than a time zone: the engine has no
/// zone database, and a daylight-saving change moves old answers by at most an hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LocalDays {
    /// The learner's offset from UTC in ms (UTC+2 is `2 * MS_PER_HOUR`).
    pub offset_ms: i64,
}

impl LocalDays {
    /// UTC days: for tests and for when the app cannot read the offset.
    pub const UTC: LocalDays = LocalDays { offset_ms: 0 };

    /// The local day containing `at` (saturating, so absurd timestamps cannot panic).
    pub fn day(self, at: Timestamp) -> i64 {
        at.millis()
            .saturating_add(self.offset_ms)
            .div_euclid(MS_PER_DAY)
    }

    /// The instant local `day` begins: its local midnight (saturating).
    pub fn start(self, day: i64) -> Timestamp {
        Timestamp(
            day.saturating_mul(MS_PER_DAY)
                .saturating_sub(self.offset_ms),
        )
    }
}
