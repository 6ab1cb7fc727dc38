//! In-browser tests (wasm-bindgen-test in Chromium): the light embed's loader (the browser's
//! `JSON.parse`, then the loader's own checks) gives what the app's loader (serde_json) gives.
#![cfg(target_arch = "wasm32")]

mod common;

use htx_charts::load::{self, LoadError};
use common::assert_same_load as same;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn json_parse_loads_what_serde_json_loads() {
    for text in [include_str!("fixtures/small.json"), include_str!("../public/data/htx.json")] {
        let ours = htx_charts::web::json::load(text, "x").expect("loads with JSON.parse");
        let theirs = load::load(text, "x").expect("loads with serde_json");
        same(&ours, &theirs);
        assert!(!ours.observations.is_empty());
    }
}

#[wasm_bindgen_test]
fn bad_files_fail_alike() {
    // a record with an unknown field and a bad value, and an unknown top-level field: problems
    let text = include_str!("fixtures/small.json").replacen("{", "{\"extra\": 1, ", 1);
    same(&htx_charts::web::json::load(&text, "x").unwrap(), &load::load(&text, "x").unwrap());
    for text in [r#"{"format": "other"}"#, r#"[1, 2]"#, r#"{"format": "htx-charts/1", "sources": []}"#] {
        assert_eq!(htx_charts::web::json::load(text, "x").unwrap_err(), load::load(text, "x").unwrap_err(), "{text}");
    }
    match htx_charts::web::json::load("{\n  \"a\": 1,\n  }", "x") {
        Err(LoadError::Json { message, .. }) => assert!(!message.is_empty()),
        other => panic!("a syntax error: {other:?}"),
    }
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(matches!(htx_charts::web::json::load(&deep, "x"), Err(LoadError::Json { .. })), "nesting past the limit");
}
