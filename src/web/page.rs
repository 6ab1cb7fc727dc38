//! Page services: the query string, the page's base address, the reader's colour scheme, and the
//! height message an embed sends to the page it is framed in.

use super::{document, window};

/// The page's query string as decoded pairs, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    crate::deck::from_query(&window().location().search().unwrap_or_default())
}

/// The page's absolute base URL (the `<base href>`), e.g. `http://127.0.0.1:8080/`.
pub fn base_url() -> String {
    document().base_uri().ok().flatten().unwrap_or_else(|| window().location().origin().unwrap_or_default() + "/")
}

/// Tells the parent page (when embedded in an iframe) how tall the embed is.
pub fn post_height(height: f64) {
    let w = window();
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"htx-charts:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
}

/// True when the reader asked for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}
