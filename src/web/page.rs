//! Page services: the query string, the page's base address, the reader's colour scheme, and the
//! height message an embed sends to the page it is framed in.

use super::{document, window};

/// The page's query string as decoded pairs, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    crate::deck::from_query(&window().location().search().unwrap_or_default())
}

/// The page's `data=` parameter (the address of a data file it shows), if it has one.
pub fn data_param() -> Option<String> {
    query_pairs().into_iter().find(|(k, _)| k == "data").map(|(_, v)| v)
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

/// Keeps a chart's tooltip (the `.tooltip` inside `wrap`, placed below its mark at (`mark_x`,
/// `mark_y`) pixels from the top left of `wrap`) inside the window: when its bottom would fall
/// below the window it goes above the mark, or, without room there either, as low as the window
/// allows and beside the mark's value ([`crate::chart::beside`]), not over it.
pub fn keep_tooltip_on_screen(wrap: &web_sys::Element, mark_x: f64, mark_y: f64) {
    use wasm_bindgen::JsCast;
    let Some(tip) = wrap.query_selector(".tooltip").ok().flatten().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let Some(vh) = window().inner_height().ok().and_then(|h| h.as_f64()) else { return };
    let r = tip.get_bounding_client_rect();
    if r.bottom() <= vh - 4.0 {
        return;
    }
    let w = wrap.get_bounding_client_rect();
    let above = mark_y - 10.0 - r.height();
    let top = if w.top() + above >= 4.0 {
        above
    } else {
        let left = crate::chart::beside(mark_x, r.width(), w.width());
        let _ = tip.style().set_property("left", &format!("{left:.0}px"));
        (vh - 4.0 - r.height() - w.top()).max(4.0 - w.top())
    };
    let _ = tip.style().set_property("top", &format!("{top:.0}px"));
}

/// A chart given the keyboard focus by Tab or the skip link (not by a click or tap) when the
/// browser, showing the tall canvas from its top, has scrolled the chart's title out of the
/// window: scrolls back so that the title, and what it says of the chart, show above it.
pub fn keep_title_on_focus(canvas: &web_sys::Element) {
    if !canvas.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    let head = canvas.closest("figure").ok().flatten().and_then(|f| f.query_selector(".chart-head").ok().flatten());
    let Some(top) = head.map(|h| h.get_bounding_client_rect().top()) else { return };
    if top < 0.0 {
        window().scroll_by_with_x_and_y(0.0, top - 8.0);
    }
}
