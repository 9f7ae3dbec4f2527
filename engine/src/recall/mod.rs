//! Typed recall: the learner writes the answer from memory, then grades it themselves against
//! the model answer shown as a checklist of its key points.
//!
//! - `terms`: key-term extraction (the things a good answer names);
//! - `checklist`: the model answer as key points ([`key_points`]) and the grade the app
//!   pre-selects from the learner's own ticks ([`preselected_grade`]).
//!
//! # Why the app never grades free text itself
//!
//! Reading free text for meaning is beyond a word matcher. A bag of words sees neither negation
//! ("Django's ORM adds *zero* overhead") nor which term goes with which ("CursorPagination uses
//! page numbers, PageNumberPagination uses limit and offset"), so wrong answers that reuse the
//! key terms look perfect, while correct answers in the learner's own words look empty. A grade
//! suggested from that reading feeds the scheduler with noise in both directions. So:
//!
//! - nothing is said about the typed text at all: an earlier version hinted "seems covered"
//!   per point, and with select_related's and prefetch_related's roles swapped every point
//!   "seemed covered"; a learner reads any such word as a verdict. The learner ticks;
//! - the pre-selected grade comes from the learner's ticks alone, and is never Easy (Easy is a
//!   claim about effort that only the learner can make);
//! - words the question itself contains never count: typing the question back covers nothing.

mod checklist;
mod terms;

use serde::{Deserialize, Serialize};

pub use checklist::{KeyPoint, key_points, preselected_grade, ticked_share};
pub use terms::{KeyTerm, MAX_DERIVED_TERMS, key_terms};

/// A self-grade for typed recall. The scheduler has its own `Grade`; this one stays here so
/// recall does not depend on scheduling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SelfGrade {
    Again,
    Hard,
    Good,
    Easy,
}
