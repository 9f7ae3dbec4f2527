//! Parts of a screen below the fold (the study page's panels), rendered one task after the
//! rest: the screen's first task, which also pays for V8 compiling every wasm function it calls
//! for the first time, stays short on a slow phone, and the panels are there before a thumb
//! can scroll to them.

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn InNextTask(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), Duration::ZERO);
    move || ready.get().then(|| children())
}
