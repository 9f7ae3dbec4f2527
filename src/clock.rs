//! The browser's clock and randomness, read here and only here, then passed to the engine.

use prep_engine::stats::LocalDays;
use prep_engine::study::DayBounds;
use prep_engine::time::Timestamp;

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The person's local calendar day around `now`, for daily new-card limits.
pub fn today(now: Timestamp) -> DayBounds {
    let date = js_sys::Date::new(&(now.0 as f64).into());
    date.set_hours(0);
    date.set_minutes(0);
    date.set_seconds(0);
    date.set_milliseconds(0);
    let start = date.get_time();
    date.set_date(date.get_date() + 1);
    DayBounds {
        start: Timestamp(start as i64),
        end: Timestamp(date.get_time() as i64),
    }
}

/// A fresh seed for a session's shuffles and picks.
pub fn seed() -> u64 {
    let random = (js_sys::Math::random() * (1u64 << 53) as f64) as u64;
    random ^ (js_sys::Date::now() as u64).rotate_left(32)
}

/// The person's calendar days as the engine's statistics count them: the time zone's offset
/// at `now` (a daylight-saving change moves old days by an hour, which no chart shows).
pub fn local_days(now: Timestamp) -> LocalDays {
    let offset_minutes = js_sys::Date::new(&(now.0 as f64).into()).get_timezone_offset();
    LocalDays {
        offset_ms: -(offset_minutes as i64) * 60_000,
    }
}
