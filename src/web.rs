//! Browser helpers without Leptos, shared by the app ([`crate::ui`]) and the light embed
//! ([`crate::embed`]): drawing a chart on a canvas, fetching the data file within a time limit, and
//! small page services (the query string, the height message to a parent page, timing).

pub mod canvas;
pub mod fetch;
pub mod json;
pub mod link_data;
pub mod page;
pub mod timing;

/// The page's window (always there in a page).
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The page's document.
pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}
