//! Study sessions: which cards to study now (filters and the due queue), the flashcard session
//! with its learning-step re-queueing, and the mock interview with its report.

mod come_back;
mod filter;
mod leech;
mod mock;
pub mod plan;
mod practice;
mod queue;
mod review;
mod sitting;

pub use come_back::{LocalMoment, NextReviews, next_reviews};
pub use filter::{
    FILTER_KEY, KindFilter, NewCardOrder, Pool, Scope, StudyFilter, is_only_choice, toggle_choice,
};
pub use leech::{LEECH_LAPSES, is_leech, leeches};
pub use mock::{
    MockAnswer, MockConfig, MockInterview, MockOutcome, MockReport, mock_questions, mock_sections,
};
pub use plan::InterviewPlan;
pub use practice::{Answered, MAX_RETRIES, PracticeRound};
pub use queue::{
    DayBounds, QueueCounts, is_due_today, is_weak, queue_counts, review_queue,
    review_queue_learning_more,
};
pub use review::{LEARN_AHEAD_MS, ReviewSession, SessionSummary, SittingCounts};
pub use sitting::{
    LEARN_MORE_STEP, MAX_EXTRA_NEW, MAX_LISTED_CARDS, NextStep, SittingRequest, custom_study,
    next_steps,
};
