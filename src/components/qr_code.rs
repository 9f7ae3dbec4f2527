//! A QR code as inline SVG: the modules of `qrcodegen`'s encoding drawn as one path, dark on
//! light in both themes (scanners need the contrast), with the quiet zone the standard asks for.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text`, or `None` when it does not fit one code (over 2,953 bytes).
#[component]
pub fn QrCodeSvg(text: String, label: String) -> impl IntoView {
    let Ok(code) = QrCode::encode_text(&text, QrCodeEcc::Low) else {
        return None;
    };
    let size = code.size();
    let quiet = 4;
    let mut path = String::with_capacity((size * size * 8) as usize);
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    let view_box = format!("0 0 {0} {0}", size + 2 * quiet);
    Some(view! {
        <svg class="qr-code" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff"/>
            <path d=path fill="#000"/>
        </svg>
    })
}
