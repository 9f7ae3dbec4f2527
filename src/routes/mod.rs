//! One module per screen, as in Leptos's hackernews example.

pub mod card;
pub mod decks;
pub mod drill;
pub mod fill_in;
pub mod home;
pub mod import;
pub mod kind;
pub mod mock;
pub mod not_found;
pub mod progress;
pub mod quiz;
pub mod recall;
pub mod review;
pub mod search;
pub mod section;
pub mod study;
