//! Fetching a data file that never hangs: a time limit (about 20 s) with a clear message, the
//! bytes received of the total while it loads, and a cancel. A copy served by the service worker
//! (offline) says when it was cached.

use super::dataset::FetchError;
use crate::load;
use crate::model::Dataset;
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The time limit of a data request, in milliseconds (a page may lower it by setting
/// `window.HTX_FETCH_TIMEOUT_MS`, which the end-to-end tests do).
pub const TIMEOUT_MS: u32 = 20_000;

/// How far a download is: bytes received, and the total when the server says it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Bytes received.
    pub received: u64,
    /// Content-Length, when given.
    pub total: Option<u64>,
}

/// A data request in flight: its progress, and a way to cancel it.
#[derive(Clone, Copy)]
pub struct Loading {
    /// The progress of the current request.
    pub progress: RwSignal<Progress>,
    abort: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
}

impl Loading {
    /// A handle for one page's requests.
    pub fn new() -> Loading {
        Loading { progress: RwSignal::new(Progress::default()), abort: StoredValue::new_local(None) }
    }

    /// Cancels the request in flight, if any.
    pub fn cancel(&self) {
        self.abort.with_value(|a| {
            if let Some(a) = a {
                a.abort_with_reason(&js_sys::Error::new("cancelled by the reader"));
            }
        });
    }
}

fn timeout_ms() -> u32 {
    Reflect::get(&window(), &JsValue::from_str("HTX_FETCH_TIMEOUT_MS")).ok().and_then(|v| v.as_f64()).map(|v| v.clamp(100.0, 120_000.0) as u32).unwrap_or(TIMEOUT_MS)
}

/// Reads a response body chunk by chunk, reporting progress.
async fn read_body(resp: &gloo_net::http::Response, progress: RwSignal<Progress>, max: usize) -> Result<Vec<u8>, JsValue> {
    let Some(stream) = resp.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out: Vec<u8> = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &"done".into())?.as_bool().unwrap_or(true) {
            break;
        }
        let bytes = Uint8Array::new(&Reflect::get(&chunk, &"value".into())?);
        out.extend_from_slice(&bytes.to_vec());
        progress.update(|p| p.received = out.len() as u64);
        if out.len() > max {
            let _ = reader.cancel();
            break;
        }
    }
    Ok(out)
}

/// Fetches and validates a dataset, within the time limit, reporting progress to `loading`.
pub async fn fetch_dataset(url: String, loading: Loading) -> Result<Arc<Dataset>, FetchError> {
    let ctrl = web_sys::AbortController::new().map_err(|e| FetchError::Network { url: url.clone(), detail: format!("{e:?}") })?;
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
    loading.abort.set_value(Some(ctrl.clone()));
    loading.progress.set(Progress::default());
    let result = fetch_within(&url, &ctrl, loading).await;
    window().clear_timeout_with_handle(timer);
    drop(on_timeout);
    loading.abort.set_value(None);
    result.map_err(|e| match e {
        FetchError::Network { .. } if timed_out.get() => FetchError::Timeout { url: url.clone(), seconds: limit / 1000 },
        FetchError::Network { .. } if ctrl.signal().aborted() => FetchError::Cancelled { url: url.clone() },
        e => e,
    })
}

async fn fetch_within(url: &str, ctrl: &web_sys::AbortController, loading: Loading) -> Result<Arc<Dataset>, FetchError> {
    let net = |e: String| FetchError::Network { url: url.to_string(), detail: e };
    let resp = gloo_net::http::Request::get(url).abort_signal(Some(&ctrl.signal())).send().await.map_err(|e| net(e.to_string()))?;
    if !resp.ok() {
        return Err(FetchError::Http { url: url.to_string(), status: resp.status() });
    }
    let headers = resp.headers();
    let total = headers.get("content-length").and_then(|v| v.parse::<u64>().ok());
    loading.progress.set(Progress { received: 0, total });
    let bytes = read_body(&resp, loading.progress, load::MAX_BYTES).await.map_err(|e| net(format!("{e:?}")))?;
    if bytes.len() > load::MAX_BYTES {
        return Err(FetchError::Load { url: url.to_string(), error: load::LoadError::TooLarge(bytes.len()) });
    }
    let text = String::from_utf8_lossy(&bytes);
    let mut ds = load::load(&text, url).map_err(|error| FetchError::Load { url: url.to_string(), error })?;
    ds.cached_at = headers.get("x-htx-cached-at");
    Ok(Arc::new(ds))
}
