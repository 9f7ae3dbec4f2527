//! The worker's side of the page ↔ worker messages.
//!
//! The worker first posts `{ ready: true }` once its wasm is running: a message posted to it
//! before then would find no handler and be lost, so the page waits for that before asking.
//! The page then posts `{ source, text, practice: [[path, text], …] }` (without `practice`, the
//! text is a brought deck's, practice included: [`crate::compile_brought`]); the worker answers
//! `{ deck: Uint8Array }` (the compiled bytes, transferred, not copied) or `{ errors: [string] }`
//! (every `file:line: reason`), or `{ errors: [what was wrong with the request] }` for a
//! message of another shape. One answer per request, in order.
//!
//! A file a person brings is posted as `{ import: Uint8Array, file, source, shape?, previous? }`
//! (its bytes, its name, the deck's `<id>.md`, a shape key if the person chose one, and the kept
//! deck's markdown when it updates one); a deck carried in a link as `{ shared: code, source,
//! shape? }`. The answer is `{ report: Uint8Array (an ImportReport, postcard), deck: Uint8Array }`
//! or `{ errors: [string] }` ([`crate::import_file`], [`crate::import_shared`]).
//!
//! A deck's markdown is turned into a link's code with `{ share: markdown }`, answered
//! `{ text: code }` ([`crate::share::encode`]), and into Anki's import file with
//! `{ anki: markdown, source, name }`, answered `{ text }` ([`prep_engine::compiled::anki_export`]).

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
            Reply::Imported(report, bytes) => {
                let message = reply("deck", &bytes);
                let _ = Reflect::set(&message, &JsValue::from_str("report"), &report);
                replies.post_message_with_transfer(&message, &Array::of1(&bytes.buffer()))
            }
            Reply::Text(text) => replies.post_message(&reply("text", &JsValue::from_str(&text))),
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
    /// A brought file's report (`ImportReport::to_bytes`) and its compiled deck's bytes.
    Imported(JsValue, Uint8Array),
    /// Text for the page (a link's code).
    Text(String),
    /// Every problem, or what was wrong with the request, as an array of strings.
    Errors(JsValue),
}

fn answer(request: &JsValue) -> Reply {
    let text = |name: &str| text_field(request, name);
    if let Ok(bytes) = Reflect::get(request, &JsValue::from_str("import"))
        .and_then(|bytes| bytes.dyn_into::<Uint8Array>())
    {
        return import(request, &bytes.to_vec());
    }
    if let (Some(markdown), Some(source), Some(name)) = (text("anki"), text("source"), text("name"))
    {
        return match crate::compile_brought(&source, &markdown) {
            Ok((deck, _)) => Reply::Text(prep_engine::compiled::anki_export(&deck, &name)),
            Err(errors) => Reply::Errors(strings(
                &errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            )),
        };
    }
    if let Some(markdown) = text("share") {
        return match crate::share::encode(&markdown) {
            Ok(code) => Reply::Text(code),
            Err(error) => Reply::Errors(strings(&[error.to_string()])),
        };
    }
    if let (Some(code), Some(source)) = (text("shared"), text("source")) {
        return imported(crate::import_shared(
            &code,
            &source,
            text("shape").as_deref(),
        ));
    }
    match read_request(request) {
        // A brought deck's markdown carries its practice itself.
        Ok((source, text, practice)) if practice.is_empty() => {
            match crate::compile_brought(&source, &text) {
                Ok((deck, _)) => Reply::Deck(Uint8Array::from(deck.write().as_slice())),
                Err(errors) => Reply::Errors(strings(
                    &errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                )),
            }
        }
        Ok((source, text, practice)) => match crate::compile_deck(&source, &text, &practice) {
            Ok(bytes) => Reply::Deck(Uint8Array::from(bytes.as_slice())),
            Err(errors) => Reply::Errors(strings(&errors)),
        },
        Err(problem) => Reply::Errors(strings(&[problem])),
    }
}

fn import(request: &JsValue, bytes: &[u8]) -> Reply {
    let text = |name: &str| text_field(request, name);
    let (Some(file), Some(source)) = (text("file"), text("source")) else {
        return Reply::Errors(strings(&[
            "the request has no `file` or `source`".to_owned()
        ]));
    };
    imported(crate::import_file(
        &file,
        bytes,
        &source,
        text("shape").as_deref(),
        text("previous").as_deref(),
    ))
}

fn imported(result: Result<(prep_engine::imported::ImportReport, Vec<u8>), Vec<String>>) -> Reply {
    match result {
        Ok((report, deck)) => Reply::Imported(
            Uint8Array::from(report.to_bytes().as_slice()).into(),
            Uint8Array::from(deck.as_slice()),
        ),
        Err(errors) => Reply::Errors(strings(&errors)),
    }
}

/// `{ <key>: value }`, the shape of every message the worker posts.
fn reply(key: &str, value: &JsValue) -> Object {
    let reply = Object::new();
    let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
    reply
}

/// The request's field `name` when it is a string.
fn text_field(request: &JsValue, name: &str) -> Option<String> {
    Reflect::get(request, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.as_string())
}

type Request = (String, String, Vec<(String, String)>);

fn read_request(request: &JsValue) -> Result<Request, String> {
    let required = |name: &str| {
        text_field(request, name).ok_or_else(|| format!("the request has no text `{name}`"))
    };
    let source = required("source")?;
    let text = required("text")?;
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
