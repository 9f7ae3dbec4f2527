//! A problem in a content or practice file, located by file and 1-based line: what the compiler
//! reports (`prep-compile`) and what a deck brought at run time shows its owner.

use std::fmt;

/// One problem in the content, located by file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: u32,
    pub reason: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for ContentError {}
