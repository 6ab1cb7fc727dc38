//! Fetching a data file that never hangs: a time limit (about 20 s) with a clear error, the bytes
//! received of the total while it loads, and a cancel. A copy served by the service worker
//! (offline) says when it was cached (`Dataset::cached_at`).

use super::window;
use crate::load::{self, FetchError, Progress};
use crate::model::Dataset;
use js_sys::{Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The time limit of a data request, in milliseconds (a page may lower it by setting
/// `window.HTX_FETCH_TIMEOUT_MS`, which the end-to-end tests do).
pub const TIMEOUT_MS: u32 = 20_000;

/// Where a request reports: its progress, and the controller that cancels it while it runs
/// (`None` once it is over).
pub struct Report<'a> {
    /// Called as bytes arrive.
    pub progress: &'a dyn Fn(Progress),
    /// Called with the request's controller when it starts, and with `None` when it ends.
    pub abort: &'a dyn Fn(Option<web_sys::AbortController>),
    /// Parses and validates the text: [`crate::load::load`] (serde_json, streaming), or
    /// [`super::json::load`] (the browser's `JSON.parse`, in the light embed).
    pub parse: fn(&str, &str) -> Result<Dataset, load::LoadError>,
}

fn timeout_ms() -> u32 {
    Reflect::get(&window(), &JsValue::from_str("HTX_FETCH_TIMEOUT_MS")).ok().and_then(|v| v.as_f64()).map(|v| v.clamp(100.0, 120_000.0) as u32).unwrap_or(TIMEOUT_MS)
}

/// What a JavaScript error says ("TypeError: Failed to fetch").
fn js_text(e: JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => format!("{}: {}", String::from(err.name()), String::from(err.message())),
        None => e.as_string().unwrap_or_else(|| "?".into()),
    }
}

/// Reads a response body chunk by chunk, reporting progress; stops past `max` bytes.
async fn read_body(resp: &web_sys::Response, report: &Report<'_>, total: Option<u64>, max: usize) -> Result<Vec<u8>, JsValue> {
    let Some(stream) = resp.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &"done".into())?.as_bool().unwrap_or(true) {
            break;
        }
        let bytes = Uint8Array::new(&Reflect::get(&chunk, &"value".into())?);
        out.extend_from_slice(&bytes.to_vec());
        (report.progress)(Progress { received: out.len() as u64, total });
        if out.len() > max {
            let _ = reader.cancel();
            break;
        }
    }
    Ok(out)
}

/// Fetches and validates a dataset, within the time limit, reporting to `report`.
pub async fn fetch_dataset(url: &str, report: &Report<'_>) -> Result<Dataset, FetchError> {
    let net = |detail: String| FetchError::Network { url: url.to_string(), detail };
    let ctrl = web_sys::AbortController::new().map_err(|e| net(js_text(e)))?;
    let timed_out = Rc::new(Cell::new(false));
    let limit = timeout_ms();
    let on_timeout = {
        let (ctrl, timed_out) = (ctrl.clone(), timed_out.clone());
        Closure::once(move || {
            timed_out.set(true);
            ctrl.abort_with_reason(&js_sys::Error::new("time limit"));
        })
    };
    let timer = window().set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), limit as i32).unwrap_or(0);
    (report.abort)(Some(ctrl.clone()));
    (report.progress)(Progress::default());
    let result = fetch_within(url, &ctrl, report).await;
    window().clear_timeout_with_handle(timer);
    drop(on_timeout);
    (report.abort)(None);
    result.map_err(|e| match e {
        FetchError::Network { .. } if timed_out.get() => FetchError::Timeout { url: url.to_string(), seconds: limit / 1000 },
        FetchError::Network { .. } if ctrl.signal().aborted() => FetchError::Cancelled { url: url.to_string() },
        e => e,
    })
}

async fn fetch_within(url: &str, ctrl: &web_sys::AbortController, report: &Report<'_>) -> Result<Dataset, FetchError> {
    let net = |e: JsValue| FetchError::Network { url: url.to_string(), detail: js_text(e) };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&ctrl.signal()));
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await.map_err(net)?.unchecked_into();
    if !resp.ok() {
        return Err(FetchError::Http { url: url.to_string(), status: resp.status() });
    }
    let headers = resp.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let total = header("content-length").and_then(|v| v.parse::<u64>().ok());
    (report.progress)(Progress { received: 0, total });
    let bytes = read_body(&resp, report, total, load::MAX_BYTES).await.map_err(net)?;
    if bytes.len() > load::MAX_BYTES {
        return Err(FetchError::Load { url: url.to_string(), error: load::LoadError::TooLarge(bytes.len()) });
    }
    let text = String::from_utf8_lossy(&bytes);
    let mut ds = (report.parse)(&text, url).map_err(|error| FetchError::Load { url: url.to_string(), error })?;
    ds.cached_at = header("x-htx-cached-at");
    Ok(ds)
}
