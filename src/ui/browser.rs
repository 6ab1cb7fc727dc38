//! Small wrappers over browser APIs: downloads, clipboard, the share sheet, fullscreen, local
//! storage. Each returns a typed error instead of panicking.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A browser API call that failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("trình duyệt từ chối: {0}")]
pub struct BrowserError(pub String);

fn err(e: JsValue) -> BrowserError {
    BrowserError(e.as_string().or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string())).unwrap_or_else(|| "?".into()))
}

/// Saves bytes as a file through a temporary object URL.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), BrowserError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let result = click_link(&url, name);
    // give the download a moment to start before the URL goes away
    let revoke = url.clone();
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&revoke); }, std::time::Duration::from_secs(30));
    result
}

/// Saves a data: URL (a canvas's PNG) as a file.
pub fn download_data_url(name: &str, data_url: &str) -> Result<(), BrowserError> {
    click_link(data_url, name)
}

fn click_link(href: &str, name: &str) -> Result<(), BrowserError> {
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    a.set_attribute("style", "display:none").map_err(err)?;
    let body = doc.body().ok_or_else(|| BrowserError("no body".into()))?;
    body.append_child(&a).map_err(err)?;
    a.click();
    body.remove_child(&a).map_err(err)?;
    Ok(())
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map_err(err)?;
    Ok(())
}

/// True when the browser has a system share sheet (`navigator.share`).
pub fn can_share() -> bool {
    js_sys::Reflect::get(&window().navigator(), &"share".into()).map(|f| f.is_function()).unwrap_or(false)
}

/// Opens the system share sheet with a title and a link.
pub async fn share(title: &str, url: &str) -> Result<(), BrowserError> {
    let nav = window().navigator();
    let f: js_sys::Function = js_sys::Reflect::get(&nav, &"share".into()).map_err(err)?.dyn_into().map_err(err)?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).map_err(err)?;
    js_sys::Reflect::set(&data, &"url".into(), &url.into()).map_err(err)?;
    let promise: js_sys::Promise = f.call1(&nav, &data).map_err(err)?.dyn_into().map_err(err)?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(err)?;
    Ok(())
}

/// Enters or leaves fullscreen for the whole page.
pub fn toggle_fullscreen() -> Result<(), BrowserError> {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        Ok(())
    } else {
        doc.document_element().ok_or_else(|| BrowserError("no root".into()))?.request_fullscreen().map_err(err)
    }
}

/// True while the page is fullscreen.
pub fn is_fullscreen() -> bool {
    document().fullscreen_element().is_some()
}

/// Reads a value from local storage.
pub fn load(key: &str) -> Option<String> {
    window().local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

/// Writes a value to local storage (silently does nothing where storage is off).
pub fn save(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

pub use crate::web::page::base_url;

/// The folder the page is served from, as the router's base: `""` at a site's root, `/a/b/htx`
/// in a sub-folder (the page's path up to its last `/`).
pub fn router_base() -> String {
    let path = window().location().pathname().unwrap_or_default();
    path[..path.rfind('/').unwrap_or(0)].to_string()
}

/// Navigation options for a full path (with the router's base already in it): never resolved
/// against the base again.
pub fn full_path_nav(replace: bool) -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() }
}
