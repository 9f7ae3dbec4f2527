//! Entry point: mount the app. Everything else lives in `app` and the engine crate.

use interview_prep::app::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}
