//! Saving text as a file the person downloads (progress exports, damaged data), built in the
//! page: a Blob, an object URL and a click on a temporary link. Nothing leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `text` (JSON) as a download named `file_name`. Returns false if the browser refused.
pub fn download(file_name: &str, text: &str) -> bool {
    download_as(file_name, text, "application/json")
}

/// Offers `text` of media type `mime` as a download named `file_name`.
pub fn download_as(file_name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = leptos::prelude::document();
    let clicked = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|link| {
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

/// `interview-prep-progress-2026-11-30.json`: the local date, so exports sort by day.
pub fn dated_file_name(stem: &str) -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{stem}-{:04}-{:02}-{:02}.json",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
