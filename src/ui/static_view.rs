//! Taking over from the static first view (`crate::prerender`): the app renders hidden behind it
//! and replaces it once its own first chart is painted (or its data failed to load), so the page
//! does not jump or flash a loading line.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when the page has a static view that is shown (the address it was rendered for).
fn showing() -> bool {
    let root = document().document_element();
    document().get_element_by_id("static-view").is_some() && !root.is_some_and(|r| r.class_list().contains("no-static"))
}

/// Mounts `app`: behind the static view when one is shown (revealed by [`reveal`]), else on
/// `<body>`.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    if !showing() {
        if let Some(s) = document().get_element_by_id("static-view") {
            s.remove();
        }
        leptos::mount::mount_to_body(app);
        return;
    }
    let root: web_sys::HtmlElement = document().create_element("div").expect("a div").unchecked_into();
    root.set_id("app-root");
    root.set_class_name("app-pending");
    if let Some(body) = document().body() {
        let _ = body.append_child(&root);
    }
    leptos::mount::mount_to(root, app).forget();
    // never keep a stale view for long, whatever happens
    let reveal_later = wasm_bindgen::closure::Closure::once_into_js(reveal);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(reveal_later.unchecked_ref(), 10_000);
}

/// Replaces the static view by the app (once; later calls do nothing).
pub fn reveal() {
    if let Some(s) = document().get_element_by_id("static-view") {
        s.remove();
    }
    if let Some(root) = document().get_element_by_id("app-root") {
        root.set_class_name("");
    }
}
