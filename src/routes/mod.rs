//! One module per screen, as in Leptos's hackernews example.

pub mod card;
pub mod home;
pub mod not_found;
pub mod section;
