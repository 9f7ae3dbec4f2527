//! When to come back: the next reviews after everything a sitting now would bring, said the way
//! a person plans a day ("Next: 12 cards tomorrow morning."), at the end of every sitting and
//! on home when nothing is left for now.

use crate::content::Deck;
use crate::progress::Progress;
use crate::time::{MS_PER_DAY, Timestamp};

use super::filter::StudyFilter;
use super::queue::{DayBounds, in_a_sitting_now};

/// The next reviews: when the first comes due and how many cards come due on that local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextReviews {
    /// When the first card comes due.
    pub first: Timestamp,
    /// Cards due from `first` to the end of its local day.
    pub cards: usize,
    /// Local days from today to `first`'s day (0: later today, 1: tomorrow).
    pub days_ahead: u32,
}

/// The local calendar facts of a moment that the engine, having no time zone, is told by the
/// app: enough to say "tomorrow morning", "on Thursday" or "on 14 December".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalMoment {
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// 0 is Sunday, as JavaScript's `Date.getDay`.
    pub weekday: u32,
    /// Day of the month, 1–31.
    pub day: u32,
    /// 1–12.
    pub month: u32,
}

/// The studied cards of `filter` that come due after a review sitting started `now` (so not
/// the ones it would bring): the first and how many fall on its local day (`day_of` gives the
/// local day around a moment), or `None` when nothing studied is scheduled.
pub fn next_reviews(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    day_of: impl Fn(Timestamp) -> DayBounds,
) -> Option<NextReviews> {
    let today = day_of(now);
    let later: Vec<Timestamp> = filter
        .cards(deck)
        .into_iter()
        .map(|card| progress.schedule(&deck.cards[card].id))
        .filter(|schedule| !schedule.is_new() && !in_a_sitting_now(schedule, now, today))
        .map(|schedule| schedule.due)
        .collect();
    let first = *later.iter().min()?;
    let first_day = day_of(first);
    let days = (first_day.start.millis() - today.start.millis() + MS_PER_DAY / 2) / MS_PER_DAY;
    Some(NextReviews {
        first,
        cards: later.iter().filter(|&&due| due < first_day.end).count(),
        days_ahead: u32::try_from(days).unwrap_or(0),
    })
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl NextReviews {
    /// "Next: 3 cards later today, the first in 25 minutes." · "Next: 12 cards tomorrow
    /// morning." · "Next: 5 cards on Thursday." · "Next: 1 card on 14 December, in 12 days."
    /// `first` is [`Self::first`] on the learner's clock.
    pub fn describe(&self, now: Timestamp, first: LocalMoment) -> String {
        let cards = if self.cards == 1 {
            "1 card".to_owned()
        } else {
            format!("{} cards", self.cards)
        };
        let when = match self.days_ahead {
            0 => format!(
                "later today, the first {}",
                in_a_while(self.first.millis_since(now))
            ),
            1 => format!("tomorrow {}", part_of_day(first.hour)),
            2..=6 => format!("on {}", WEEKDAYS[first.weekday as usize % 7]),
            days => format!(
                "on {} {}, in {days} days",
                first.day,
                MONTHS[(first.month as usize).clamp(1, 12) - 1]
            ),
        };
        format!("Next: {cards} {when}.")
    }
}

/// "in 25 minutes", "in 1 hour", "in 3 hours".
fn in_a_while(ms: i64) -> String {
    let minutes = (ms.max(0) + 59_999) / 60_000;
    if minutes < 60 {
        let minutes = minutes.max(1);
        return format!("in {minutes} minute{}", if minutes == 1 { "" } else { "s" });
    }
    let hours = (minutes + 30) / 60;
    format!("in {hours} hour{}", if hours == 1 { "" } else { "s" })
}

fn part_of_day(hour: u32) -> &'static str {
    match hour {
        0..=11 => "morning",
        12..=17 => "afternoon",
        _ => "evening",
    }
}
