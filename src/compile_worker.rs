//! The page's side of the compile worker (`prep-compile`, see `compile/src/worker.rs` for the
//! messages): started only when a deck has to be compiled, so a visit never downloads the
//! compiler, and stopped after its answer, so it holds no memory while the person studies.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use prep_engine::imported::ImportReport;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's script, beside the app's (Trunk's loader shim for the `prep-compile` binary).
const WORKER_SCRIPT: &str = "prep-compile_loader.js";

/// What a deck is imported from.
pub enum Given<'a> {
    /// A file's bytes (chosen, dropped, pasted or fetched) and its name.
    File { name: &'a str, bytes: &'a [u8] },
    /// The code a shared link carries (`#deck=<code>`).
    Link(&'a str),
}

/// A deck read in the worker: its shape detected (or `shape`, a [`ShapeFound`] key, if the
/// person chose one), its cards compiled as deck `source` (`<deck id>.md`), compared with
/// `previous` (the kept deck's markdown) when it updates one. Returns the preview and the
/// compiled deck, or every reason it could not be imported, in words for the person.
///
/// [`ShapeFound`]: prep_engine::imported::ShapeFound
pub async fn import(
    given: Given<'_>,
    source: &str,
    shape: Option<&str>,
    previous: Option<&str>,
) -> Result<(ImportReport, Vec<u8>), Vec<String>> {
    let request = Object::new();
    let transfer = match given {
        Given::File { name, bytes } => {
            let data = Uint8Array::from(bytes);
            set(&request, "import", &data);
            set(&request, "file", &name.into());
            data.buffer().into()
        }
        Given::Link(code) => {
            set(&request, "shared", &code.into());
            JsValue::UNDEFINED
        }
    };
    set(&request, "source", &source.into());
    for (name, value) in [("shape", shape), ("previous", previous)] {
        if let Some(value) = value {
            set(&request, name, &value.into());
        }
    }
    let reply = ask(&request, &transfer).await?;
    let report = get(&reply, "report")
        .dyn_into::<Uint8Array>()
        .ok()
        .and_then(|bytes| ImportReport::from_bytes(&bytes.to_vec()))
        .ok_or_else(|| vec!["The compiler's answer could not be read.".to_owned()])?;
    Ok((report, deck_bytes(&reply)?))
}

/// A deck kept in the app's own markdown, compiled again (after an update changed the compiled
/// format, its saved bytes no longer read).
pub async fn compile(source: &str, markdown: &str) -> Result<Vec<u8>, Vec<String>> {
    let request = Object::new();
    set(&request, "source", &source.into());
    set(&request, "text", &markdown.into());
    let reply = ask(&request, &JsValue::UNDEFINED).await?;
    deck_bytes(&reply)
}

/// The code of a link that carries the deck `markdown` (`…/import#deck=<code>`).
pub async fn share_code(markdown: &str) -> Result<String, Vec<String>> {
    let request = Object::new();
    set(&request, "share", &markdown.into());
    let reply = ask(&request, &JsValue::UNDEFINED).await?;
    get(&reply, "text")
        .as_string()
        .ok_or_else(|| vec!["The compiler sent no link.".to_owned()])
}

/// Anki's import file for the deck kept as `markdown` (compiled as `source`), named `name`.
pub async fn anki_file(source: &str, markdown: &str, name: &str) -> Result<String, Vec<String>> {
    let request = Object::new();
    set(&request, "anki", &markdown.into());
    set(&request, "source", &source.into());
    set(&request, "name", &name.into());
    let reply = ask(&request, &JsValue::UNDEFINED).await?;
    get(&reply, "text")
        .as_string()
        .ok_or_else(|| vec!["The compiler sent no file.".to_owned()])
}

fn deck_bytes(reply: &JsValue) -> Result<Vec<u8>, Vec<String>> {
    get(reply, "deck")
        .dyn_into::<Uint8Array>()
        .map(|deck| deck.to_vec())
        .map_err(|_| vec!["The compiler sent no deck.".to_owned()])
}

/// Starts the worker, posts `request` once it is ready (transferring `transfer`, an
/// `ArrayBuffer`, if given), and returns its one reply, or its errors.
async fn ask(request: &Object, transfer: &JsValue) -> Result<JsValue, Vec<String>> {
    let failed = |what: &str| vec![format!("The compiler could not be started: {what}")];
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(WORKER_SCRIPT, &base)
        .map_err(|_| failed("no address for it"))?
        .href();
    let worker = Worker::new(&url).map_err(|_| failed("this browser refused it"))?;
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_message = {
            let worker = worker.clone();
            let request = request.clone();
            let transfer = transfer.clone();
            let reject = reject.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                // It says when it is ready: a request posted before would be lost.
                if get(&data, "ready").is_truthy() {
                    let posted = if transfer.is_undefined() {
                        worker.post_message(&request)
                    } else {
                        worker.post_message_with_transfer(&request, &Array::of1(&transfer))
                    };
                    if let Err(error) = posted {
                        let _ = reject.call1(&JsValue::NULL, &error);
                    }
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&event.message()));
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
    });
    let reply = JsFuture::from(promise).await;
    worker.terminate();
    drop(handlers);
    let reply = reply
        .map_err(|error| failed(&error.as_string().unwrap_or_else(|| "it stopped".to_owned())))?;
    match get(&reply, "errors").dyn_into::<Array>() {
        Ok(errors) => Err(errors.iter().filter_map(|e| e.as_string()).collect()),
        Err(_) => Ok(reply),
    }
}

fn set(object: &Object, name: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default()
}
