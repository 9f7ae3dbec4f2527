//! The Leptos app: turns engine state into views and events into engine calls.
//! No study logic lives here; see the `prep-engine` crate and ARCHITECTURE.md.

pub mod app;
pub mod base_path;
pub mod browser_storage;
pub mod clock;
pub mod compile_worker;
pub mod components;
pub mod deck;
pub mod deck_library;
pub mod download;
pub mod paths;
pub mod percent;
pub mod prerender;
pub mod routes;
pub mod sitting_store;
pub mod state;
