//! The Leptos app: turns engine state into views and events into engine calls.
//! No study logic lives here; see the `prep-engine` crate and ARCHITECTURE.md.
// Rendered to HTML natively (`ssr`), the views' nested types need more than the default 128.
#![recursion_limit = "256"]

pub mod app;
pub mod base_path;
pub mod browser_storage;
#[cfg(not(target_arch = "wasm32"))]
pub mod build_time;
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
