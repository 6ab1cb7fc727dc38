//! Reading a data file with the browser's own `JSON.parse` instead of serde_json (about 20 KB of
//! brotli'd WebAssembly less in the light embed): the parsed value becomes the loader's JSON tree
//! ([`crate::load::Json`]) and is checked by the loader's own code ([`crate::load::load_tree`]).

use crate::load::{self, Json, JsonMap, LoadError};
use crate::model::Dataset;
use js_sys::{Array, Object};
use std::borrow::Cow;
use wasm_bindgen::{JsCast, JsValue};

/// How deep arrays and objects may nest (as serde_json's limit).
const MAX_DEPTH: usize = 128;

/// Parses and validates a dataset, as [`crate::load::load`] does.
pub fn load(text: &str, origin: &str) -> Result<Dataset, LoadError> {
    if text.len() > load::MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| syntax_error(text, e))?;
    let json = tree(&value, 0).ok_or_else(|| LoadError::Json { line: 0, column: 0, message: "recursion limit exceeded".into() })?;
    load::load_tree(&json, origin)
}

/// The parsed value as the loader's tree (`None` past [`MAX_DEPTH`]).
fn tree(v: &JsValue, depth: usize) -> Option<Json<'static>> {
    if depth > MAX_DEPTH {
        return None;
    }
    Some(if v.is_null() || v.is_undefined() {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(s) = v.as_string() {
        Json::String(Cow::Owned(s))
    } else if Array::is_array(v) {
        let a: &Array = v.unchecked_ref();
        Json::Array(a.iter().map(|x| tree(&x, depth + 1)).collect::<Option<_>>()?)
    } else {
        let entries = Object::entries(v.unchecked_ref());
        let mut members = Vec::with_capacity(entries.length() as usize);
        for e in entries.iter() {
            let pair: &Array = e.unchecked_ref();
            members.push((Cow::Owned(pair.get(0).as_string().unwrap_or_default()), tree(&pair.get(1), depth + 1)?));
        }
        Json::Object(JsonMap::from_members(members))
    })
}

/// A syntax error as the loader states it: line and column from the browser's "at position N"
/// (a UTF-16 offset), when it says one.
fn syntax_error(text: &str, e: JsValue) -> LoadError {
    let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    let position = message.split("position ").nth(1).and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok());
    let (mut line, mut column) = (0, 0);
    if let Some(p) = position {
        (line, column) = (1, 1);
        let mut units = 0;
        for c in text.chars() {
            if units >= p {
                break;
            }
            units += c.len_utf16();
            if c == '\n' {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
        }
    }
    LoadError::Json { line, column, message }
}
