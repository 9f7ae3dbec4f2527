//! The browser's clock and randomness, read here and only here, then passed to the engine.
//! Natively (pages rendered at build time, which show nothing that depends on the time) the
//! system clock in UTC and a fixed seed stand in.

use prep_engine::stats::LocalDays;
use prep_engine::study::DayBounds;
use prep_engine::time::Timestamp;

#[cfg(target_arch = "wasm32")]
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The person's local calendar day around `now`, for daily new-card limits.
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
pub fn seed() -> u64 {
    let random = (js_sys::Math::random() * (1u64 << 53) as f64) as u64;
    random ^ (js_sys::Date::now() as u64).rotate_left(32)
}

/// The person's calendar days as the engine's statistics count them: the time zone's offset
/// at `now` (a daylight-saving change moves old days by an hour, which no chart shows).
#[cfg(target_arch = "wasm32")]
pub fn local_days(now: Timestamp) -> LocalDays {
    let offset_minutes = js_sys::Date::new(&(now.0 as f64).into()).get_timezone_offset();
    LocalDays {
        offset_ms: -(offset_minutes as i64) * 60_000,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> Timestamp {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Timestamp(i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today(now: Timestamp) -> DayBounds {
    const DAY_MS: i64 = 86_400_000;
    let start = now.0.div_euclid(DAY_MS) * DAY_MS;
    DayBounds {
        start: Timestamp(start),
        end: Timestamp(start + DAY_MS),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn seed() -> u64 {
    0
}

#[cfg(not(target_arch = "wasm32"))]
pub fn local_days(_now: Timestamp) -> LocalDays {
    LocalDays { offset_ms: 0 }
}
