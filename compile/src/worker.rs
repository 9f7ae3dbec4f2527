//! The worker's side of the page ↔ worker messages.
//!
//! The worker first posts `{ ready: true }` once its wasm is running: a message posted to it
//! before then would find no handler and be lost, so the page waits for that before asking.
//! The page then posts `{ source, text, practice: [[path, text], …] }`; the worker answers
//! `{ deck: Uint8Array }` (the compiled bytes, transferred, not copied) or `{ errors: [string] }`
//! (every `file:line: reason`), or `{ errors: [what was wrong with the request] }` for a
//! message of another shape. One answer per request, in order.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Listens for requests for as long as the worker lives: the worker binary's `main`, run when
/// its wasm is instantiated.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let sent = match answer(&event.data()) {
            Reply::Deck(bytes) => {
                // The deck's buffer is transferred, not copied.
                let transfer = Array::of1(&bytes.buffer());
                replies.post_message_with_transfer(&reply("deck", &bytes), &transfer)
            }
            Reply::Errors(errors) => replies.post_message(&reply("errors", &errors)),
        };
        // A reply that cannot be posted has nowhere to go; the page's timeout reports it.
        let _ = sent;
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&reply("ready", &JsValue::TRUE));
}

/// What one request comes to.
enum Reply {
    /// The compiled deck's bytes.
    Deck(Uint8Array),
    /// Every problem, or what was wrong with the request, as an array of strings.
    Errors(JsValue),
}

fn answer(request: &JsValue) -> Reply {
    match read_request(request) {
        Ok((source, text, practice)) => match crate::compile_deck(&source, &text, &practice) {
            Ok(bytes) => Reply::Deck(Uint8Array::from(bytes.as_slice())),
            Err(errors) => Reply::Errors(strings(&errors)),
        },
        Err(problem) => Reply::Errors(strings(&[problem])),
    }
}

/// `{ <key>: value }`, the shape of every message the worker posts.
fn reply(key: &str, value: &JsValue) -> Object {
    let reply = Object::new();
    let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
    reply
}

type Request = (String, String, Vec<(String, String)>);

fn read_request(request: &JsValue) -> Result<Request, String> {
    let text_field = |name: &str| {
        Reflect::get(request, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
            .ok_or_else(|| format!("the request has no text `{name}`"))
    };
    let source = text_field("source")?;
    let text = text_field("text")?;
    let files = Reflect::get(request, &JsValue::from_str("practice")).unwrap_or(JsValue::UNDEFINED);
    let mut practice = Vec::new();
    if !files.is_undefined() {
        let files: Array = files
            .dyn_into()
            .map_err(|_| "`practice` is not a list of [path, text] pairs".to_owned())?;
        for file in files.iter() {
            let pair: Array = file
                .dyn_into()
                .map_err(|_| "a practice file is not a [path, text] pair".to_owned())?;
            match (pair.get(0).as_string(), pair.get(1).as_string()) {
                (Some(path), Some(text)) => practice.push((path, text)),
                _ => return Err("a practice file is not a [path, text] pair".to_owned()),
            }
        }
    }
    Ok((source, text, practice))
}

fn strings(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|item| JsValue::from_str(item))
        .collect::<Array>()
        .into()
}
