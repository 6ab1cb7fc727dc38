//! In-browser tests (wasm-bindgen-test in Chromium): a `#d=` link's payload, compressed and read
//! back by the browser's own `CompressionStream("deflate-raw")`, and a damaged one refused.
#![cfg(target_arch = "wasm32")]

use htx_charts::web::link_data::{from_link, pack, unpack};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_file_survives_the_link() {
    let text = include_str!("fixtures/small.json");
    let (payload, compressed) = pack(text).await.expect("the browser compresses");
    assert!(compressed < text.len(), "compressed {compressed} of {}", text.len());
    assert!(payload.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'), "base64url");
    assert_eq!(unpack(&payload).await.as_deref(), Ok(text));
    let ds = from_link(&payload, htx_charts::load::load).await.expect("the link's dataset");
    assert!(!ds.observations.is_empty());
}

#[wasm_bindgen_test]
async fn damaged_links_are_refused() {
    let (payload, _) = pack("{\"format\": \"htx-charts/1\"}").await.unwrap();
    let cut = &payload[..payload.len() / 2];
    assert!(unpack(cut).await.is_err(), "a link cut in half");
    assert!(unpack("not*base64").await.is_err());
    assert!(from_link("AAAA", htx_charts::load::load).await.is_err());
}
