//! Study sessions: which cards to study now (filters and the due queue), the flashcard session
//! with its learning-step re-queueing, and the mock interview with its report.

mod filter;
mod leech;
mod mock;
mod practice;
mod queue;
mod review;

pub use filter::{KindFilter, Pool, StudyFilter, toggle_choice};
pub use leech::{LEECH_LAPSES, is_leech, leeches};
pub use mock::{MockAnswer, MockConfig, MockInterview, MockOutcome, MockReport, mock_questions};
pub use practice::{Answered, MAX_RETRIES, PracticeRound};
pub use queue::{DayBounds, QueueCounts, is_weak, queue_counts, review_queue};
pub use review::{LEARN_AHEAD_MS, ReviewSession, SessionSummary};
