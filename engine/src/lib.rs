//! The pure study engine: everything the app knows about content, study and progress,
//! with no dependency on the browser. Time (`now`) and randomness (a seed) are always
//! passed in, so every function here is deterministic and tested natively.

pub mod compiled;
pub mod content;
pub mod fill_in;
pub mod imported;
pub mod order;
pub mod packed;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod recall;
pub mod rng;
pub mod scheduler;
pub mod search;
pub mod stats;
pub mod storage;
pub mod study;
pub mod text;
pub mod time;
