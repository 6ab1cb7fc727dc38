//! Datasets carried in a link's fragment (`#d=…`): compressed and decompressed by the browser's
//! own `CompressionStream("deflate-raw")` (no compression code in the wasm), written as base64url
//! by [`crate::editor::fragment`]. The fragment never reaches any server. The app and the light
//! embed share it.

use crate::editor::fragment;
use crate::load::{FetchError, LoadError};
use crate::model::Dataset;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

/// The longest `#d=` payload read (base64url characters): four times what a link may carry.
const MAX_PAYLOAD: usize = fragment::LINK_LIMIT * 4 * 4 / 3;

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "?".into())
}

/// Bytes through a transform stream (a compressor or a decompressor), gathered.
async fn through(bytes: &[u8], transform: JsValue) -> Result<Vec<u8>, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(js_error)?;
    let out = blob.stream().pipe_through(transform.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out)).map_err(js_error)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error)?).await.map_err(js_error)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A text compressed (deflate-raw) and written as base64url: the payload of a `#d=` link.
pub async fn pack(text: &str) -> Result<(String, usize), String> {
    let c = Compressor::new("deflate-raw").map_err(js_error)?;
    let bytes = through(text.as_bytes(), c.into()).await?;
    Ok((fragment::encode(&bytes), bytes.len()))
}

/// The text a `#d=` payload carries.
pub async fn unpack(payload: &str) -> Result<String, String> {
    if payload.len() > MAX_PAYLOAD {
        return Err(format!("{} > {MAX_PAYLOAD}", payload.len()));
    }
    let bytes = fragment::decode(payload).ok_or_else(|| "base64url".to_string())?;
    let d = Decompressor::new("deflate-raw").map_err(js_error)?;
    let text = through(&bytes, d.into()).await?;
    String::from_utf8(text).map_err(|_| "UTF-8".to_string())
}

/// The origin a `#d=` link's dataset is loaded with: the marker the explorer compares with (the
/// page shows it in its language, [`crate::load::origin_label`]).
pub const LINK_ORIGIN: &str = crate::load::LINK_ORIGIN;

/// The dataset a `#d=` link carries, read by `parse` (the loader; the embed's `JSON.parse` path).
pub async fn from_link(payload: &str, parse: fn(&str, &str) -> Result<Dataset, LoadError>) -> Result<Dataset, FetchError> {
    let text = unpack(payload).await.map_err(FetchError::Link)?;
    parse(&text, LINK_ORIGIN).map_err(|error| FetchError::Load { url: LINK_ORIGIN.into(), error })
}

/// The `#d=` payload of the page's address, if it has one.
pub fn page_payload() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    fragment::payload(&hash).map(str::to_string)
}

/// The page's fragment when it carries data (`#d=…`), to keep on addresses made from this page;
/// otherwise empty.
pub fn data_hash() -> String {
    page_payload().map(|p| format!("#{}{p}", fragment::PREFIX)).unwrap_or_default()
}

/// The address of the sources page for the data this page shows, in the reader's language:
/// `nguon.html`, with the same `?data=` file, or the same `#d=` table (then without a source's
/// anchor: the fragment holds the table).
pub fn sources_page(lang: crate::i18n::Lang) -> String {
    let query = super::page::data_param().map(|u| format!("?{}", crate::deck::to_query(&[("data".into(), u)]))).unwrap_or_default();
    lang.link(&format!("nguon.html{query}{}", data_hash()))
}
