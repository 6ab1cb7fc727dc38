//! Loading a dataset file: parse the JSON, validate every record, keep the valid ones.
//!
//! A file that is not JSON, or not in this format, is a [`LoadError`]. A record that fails a check
//! is left out and reported as a [`Problem`] naming its section, index and field; the rest load.

mod consistency;
mod fields;
mod records;

pub use crate::model::{ConsistencyNote, NoteKind, Problem, ProblemKind, Section};

use crate::i18n::Lang;
use crate::model::Dataset;
use serde_json::Value as Json;

/// The format tag this version reads.
pub const FORMAT: &str = "htx-charts/1";

/// The largest data file accepted, in bytes.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Why a whole file could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON.
    #[error("JSON không hợp lệ (dòng {line}, cột {column}): {message}")]
    Json {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The file is larger than [`MAX_BYTES`].
    #[error("tệp dữ liệu quá lớn ({0} byte)")]
    TooLarge(usize),
    /// The top level is not an object or has the wrong `format`.
    #[error("không đúng định dạng htx-charts/1: {0}")]
    Format(String),
}

impl LoadError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Vi) => self.to_string(),
            (LoadError::Json { line, column, message }, Lang::En) => {
                format!("invalid JSON (line {line}, column {column}): {message}")
            }
            (LoadError::TooLarge(n), Lang::En) => format!("data file too large ({n} bytes)"),
            (LoadError::Format(m), Lang::En) => format!("not in the htx-charts/1 format: {m}"),
        }
    }
}

/// Parses and validates a dataset. `origin` names where it came from (shown in source lines).
pub fn load(text: &str, origin: &str) -> Result<Dataset, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let json: Json = serde_json::from_str(text).map_err(|e| LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let top = json.as_object().ok_or_else(|| LoadError::Format("cấp ngoài cùng không phải đối tượng JSON".into()))?;
    match top.get("format").and_then(Json::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(LoadError::Format(format!("trường format là “{}”", truncate(other, 40)))),
        None => return Err(LoadError::Format("thiếu trường format".into())),
    }
    let mut problems = Vec::new();
    for key in top.keys() {
        if !["format", "title", "updated", "sources", "areas", "observations", "$schema", "description"]
            .contains(&key.as_str())
        {
            problems.push(Problem::new(Section::File, 0, Some(key), ProblemKind::UnknownField));
        }
    }
    let section = |name: &str| -> Result<&Vec<Json>, LoadError> {
        top.get(name)
            .and_then(Json::as_array)
            .ok_or_else(|| LoadError::Format(format!("thiếu mảng {name}")))
    };
    let (sources_json, areas_json, obs_json) = (section("sources")?, section("areas")?, section("observations")?);
    let title = top.get("title").and_then(Json::as_str).unwrap_or("").to_string();
    let updated = top.get("updated").and_then(Json::as_str).map(str::to_string);

    let sources = records::sources(sources_json, &mut problems);
    let areas = records::areas(areas_json, &mut problems);
    let mut ds = Dataset::new(title, updated, origin.to_string(), sources, areas, Vec::new());
    let observations = records::observations(obs_json, &ds, &mut problems);
    ds.observations = observations;
    ds.notes = consistency::check(&ds);
    ds.problems = problems;
    Ok(ds)
}

pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// Shortens untrusted text for display in a message (40 characters).
pub fn truncate_pub(s: &str) -> String {
    truncate(s, 40)
}
