//! Studying towards an interview date: how many new cards a day so the whole deck is met at
//! least twice before it, and what today holds ("6 days to your interview: today 12 new and 30
//! reviews, about 25 minutes"). The scheduler's side, intervals capped before the date, is
//! [`crate::scheduler::SchedulerConfig::due_by`].

use super::{DayBounds, QueueCounts};
use crate::progress::Progress;
use crate::progress::days::summarise_days;
use crate::time::LocalDays;
use crate::time::{MS_PER_DAY, Timestamp};

/// Seconds an answer is assumed to take until the learner has given [`MEASURED_AFTER`]
/// answers: a flashcard read, recalled and graded.
pub(crate) const DEFAULT_SECONDS_PER_ANSWER: f64 = 15.0;
/// Answers after which the learner's own pace is used.
pub(crate) const MEASURED_AFTER: u64 = 20;

/// Whole days from today to the interview day (1: it is tomorrow), or `None` once the
/// interview day has come (normal scheduling resumes).
pub fn days_left(today: DayBounds, interview: Timestamp) -> Option<u32> {
    let days = (interview.millis() - today.start.millis() + MS_PER_DAY / 2).div_euclid(MS_PER_DAY);
    u32::try_from(days).ok().filter(|&days| days > 0)
}

/// New cards to introduce today so that `new_remaining` (those new at the start of today) are
/// all met by the day before the last one, which leaves every card a second meeting, in a
/// review, before the interview. The day before the interview takes whatever is left.
pub fn new_per_day(new_remaining: usize, days_left: u32) -> usize {
    let days_for_new = days_left.saturating_sub(1).max(1) as usize;
    new_remaining.div_ceil(days_for_new)
}

/// Seconds per answer from the learner's history (estimated time over answers), or the
/// default before there are enough answers; kept within 5 s to 2 min.
pub fn seconds_per_answer(seconds_studied: u64, answers: u64) -> f64 {
    if answers < MEASURED_AFTER {
        return DEFAULT_SECONDS_PER_ANSWER;
    }
    (seconds_studied as f64 / answers as f64).clamp(5.0, 120.0)
}

/// The learner's seconds per answer over everything recorded: the answer log's days and the
/// compacted history (see [`seconds_per_answer`]).
pub fn learner_pace(progress: &Progress, days: LocalDays) -> f64 {
    let recent = summarise_days(&progress.reviews, days);
    let (seconds, answers) =
        recent
            .iter()
            .chain(&progress.history)
            .fold((0u64, 0u64), |(seconds, answers), day| {
                (
                    seconds + u64::from(day.seconds),
                    answers + u64::from(day.answers),
                )
            });
    seconds_per_answer(seconds, answers)
}

/// Whole minutes `answers` take at `seconds_per_answer`, rounded up (0 only for no answers).
pub fn minutes_for(answers: usize, seconds_per_answer: f64) -> u32 {
    (answers as f64 * seconds_per_answer / 60.0).ceil() as u32
}

/// "about 15 minutes" / "about 1 minute", for a time estimate.
pub fn about_minutes(minutes: u32) -> String {
    format!(
        "about {minutes} minute{}",
        if minutes == 1 { "" } else { "s" }
    )
}

/// What today holds on the way to the interview.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InterviewPlan {
    /// Whole days to the interview day (1: tomorrow).
    pub days_left: u32,
    /// New cards to learn today (the allowance the plan sets, less those already learnt).
    pub new_today: usize,
    /// Cards due now, learning and review.
    pub reviews_today: usize,
    /// The time those take, at the learner's pace, in whole minutes (at least 1 when there is
    /// anything to do).
    pub minutes: u32,
}

impl InterviewPlan {
    /// Today's plan from the queue's counts (whose new allowance already follows the plan, see
    /// [`new_per_day`]). `answers_per_new` is how many answers a new card takes to graduate
    /// (its learning steps); `None` once the interview day has come.
    pub fn today(
        counts: &QueueCounts,
        interview: Timestamp,
        today: DayBounds,
        seconds_per_answer: f64,
        answers_per_new: usize,
    ) -> Option<Self> {
        let days_left = days_left(today, interview)?;
        Some(InterviewPlan {
            days_left,
            new_today: counts.new_today(),
            reviews_today: counts.due,
            minutes: minutes_for(counts.expected_answers(answers_per_new), seconds_per_answer),
        })
    }

    /// "6 days to your interview: today 12 new and 30 reviews, about 25 minutes."
    pub fn describe(&self) -> String {
        let when = match self.days_left {
            1 => "Your interview is tomorrow".to_owned(),
            n => format!("{n} days to your interview"),
        };
        if self.new_today + self.reviews_today == 0 {
            return format!("{when}: nothing more to study today.");
        }
        format!(
            "{when}: today {} new and {} review{}, {}.",
            self.new_today,
            self.reviews_today,
            if self.reviews_today == 1 { "" } else { "s" },
            about_minutes(self.minutes)
        )
    }
}
