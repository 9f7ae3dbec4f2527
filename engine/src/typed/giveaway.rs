//! Giveaways: whether what is shown (prompt and context) already says the answer.
//!
//! The rule, for every prompt: no accepted spelling may be shown whole (all its significant
//! words in the prompt or context), the canonical answer must keep at least one word that
//! is not shown, and no acronym of a spelling may be shown spelled out ("Global Interpreter
//! Lock" gives "GIL" away). Words are compared as units: "Half-Open" does not show "Open".
//! Plain words also count as shown when one is a prefix of the other and the shorter has at
//! least 5 letters ("containers" shows "containerization").
//!
//! Some shown words of a multi-word answer are allowed on purpose: "Switch between databases
//! easily" still asks for "Database Independence" (the learner must recall "Independence"),
//! and "What is a development approach where tests are written before code?" still asks for
//! TDD (its expansion "Test-Driven Development" is not shown whole: "Driven" is missing).

use crate::text;

use super::units::{self, Unit};

/// The comparable words shown in a text.
pub(crate) struct Shown {
    norms: Vec<String>,
    initials: Vec<String>,
}

impl Shown {
    pub fn new(texts: &[&str]) -> Self {
        let mut norms = Vec::new();
        let mut initials = Vec::new();
        for text in texts {
            norms.extend(units::unit_norms(text));
            let tokens = text::tokens(text);
            initials.extend(
                text::run_initials(text, &tokens)
                    .into_iter()
                    .map(|(i, _)| i),
            );
        }
        Self { norms, initials }
    }

    /// Whether this unit of an answer is shown.
    pub fn shows(&self, unit: &Unit<'_>) -> bool {
        let norm = unit.norm();
        if self.norms.contains(&norm) {
            return true;
        }
        if unit.is_name() || norm.contains('-') {
            return false;
        }
        self.norms.iter().any(|shown| {
            let (short, long) = if shown.len() <= norm.len() {
                (shown.as_str(), norm.as_str())
            } else {
                (norm.as_str(), shown.as_str())
            };
            short.chars().count() >= 5 && long.starts_with(short) && !shown.contains('-')
        })
    }

    /// Whether every significant unit of the spelling is shown, or one of its acronyms is
    /// shown spelled out.
    pub fn shows_spelling(&self, spelling: &str) -> bool {
        let units = significant_units(spelling);
        if units.is_empty() {
            return true;
        }
        let spelled_out = units.iter().any(|unit| {
            unit.single().is_some_and(|token| {
                token.is_acronym()
                    && self
                        .initials
                        .contains(&super::vocab::acronym_key(token.core).to_lowercase())
            })
        });
        spelled_out || units.iter().all(|unit| self.shows(unit))
    }

    /// The significant units of the spelling that are not shown.
    pub fn unshown<'a>(&self, spelling: &'a str) -> Vec<Unit<'a>> {
        significant_units(spelling)
            .into_iter()
            .filter(|unit| !self.shows(unit))
            .collect()
    }
}

/// A spelling's units without stopwords (all of them if that leaves none).
pub(crate) fn significant_units(spelling: &str) -> Vec<Unit<'_>> {
    let all = units::units(spelling);
    let significant: Vec<Unit<'_>> = all.iter().filter(|u| !u.is_stopword()).cloned().collect();
    if significant.is_empty() {
        all
    } else {
        significant
    }
}

/// Whether showing `texts` gives away the answer or any accepted spelling.
pub(crate) fn gives_away(texts: &[&str], answer: &str, accepted: &[String]) -> bool {
    let shown = Shown::new(texts);
    shown.unshown(answer).is_empty()
        || shown.shows_spelling(answer)
        || accepted
            .iter()
            .any(|spelling| shown.shows_spelling(spelling))
}
