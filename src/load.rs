//! Loading a dataset file: parse the JSON, validate every record, keep the valid ones.
//!
//! A file that is not JSON, or not in this format, is a [`LoadError`]. A record that fails a check
//! is left out and reported as a [`Problem`] naming its section, index and field; the rest load.

mod consistency;
mod fields;
mod group;
mod plausible;
mod raw;
mod records;
pub mod remote;

pub use crate::model::{ConsistencyNote, NoteKind, Problem, ProblemKind, Section};
pub use plausible::{max_value, RANGE_FACTOR};
pub use remote::{origin_label, valid_data_url, FetchError, Progress, LINK_ORIGIN};

use crate::i18n::Lang;
use crate::model::Dataset;
pub use raw::{Json, Map as JsonMap};

/// The format tag this version reads.
pub const FORMAT: &str = "htx-charts/1";

/// The largest data file accepted, in bytes: 32 MB. A file of 50,000 observations (about 11 MB)
/// loads natively in about 55 ms and one of 150,000 (32 MB) in about 170 ms
/// (`cargo run --release --example load_bench -- FILE`); WebAssembly in a browser is a few times
/// slower than native code, and the first chart is built after, so 32 MB is what shows in about
/// a second.
pub const MAX_BYTES: usize = MAX_MB * 1024 * 1024;

/// [`MAX_BYTES`] in megabytes (as messages say it).
pub const MAX_MB: usize = 32;

/// Why a whole file could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON.
    #[error("JSON không hợp lệ{}: {message}", at(*line, *column, Lang::Vi))]
    Json {
        /// Line of the error (0 when the parser did not say).
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The file is larger than [`MAX_BYTES`] (its size in bytes).
    #[error("tệp dữ liệu quá lớn ({} byte; giới hạn {MAX_MB} MB)", crate::format::number(*.0 as f64, Lang::Vi))]
    TooLarge(usize),
    /// The top level is not an object or has the wrong `format`.
    #[error("không đúng định dạng htx-charts/1: {0}")]
    Format(String),
}

/// " (dòng 3, cột 7)": where a syntax error is, when the parser said (line 0: it did not).
fn at(line: usize, column: usize, lang: Lang) -> String {
    match (line, lang) {
        (0, _) => String::new(),
        (_, Lang::Vi) => format!(" (dòng {line}, cột {column})"),
        (_, Lang::En) => format!(" (line {line}, column {column})"),
    }
}

impl LoadError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Vi) => self.to_string(),
            (LoadError::Json { line, column, message }, Lang::En) => {
                format!("invalid JSON{}: {message}", at(*line, *column, Lang::En))
            }
            (LoadError::TooLarge(n), Lang::En) => {
                format!("data file too large ({} bytes; limit {MAX_MB} MB)", crate::format::number(*n as f64, Lang::En))
            }
            (LoadError::Format(m), Lang::En) => format!("not in the htx-charts/1 format: {m}"),
        }
    }
}

/// Parses and validates a dataset. `origin` names where it came from (shown in source lines).
///
/// When `sources` and `areas` (and `updated`, if given) come before `observations` in the file, as
/// they do in files written by this project, each observation is checked as soon as it is parsed
/// and its parsed JSON dropped, so the whole file is never held as a JSON tree; otherwise the file
/// is parsed first and checked after. Both give the same dataset.
pub fn load(text: &str, origin: &str) -> Result<Dataset, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let json_error = |e: serde_json::Error| LoadError::Json { line: e.line(), column: e.column(), message: e.to_string() };
    // room for the observations of a file that is mostly observations of about 200 bytes each
    let capacity = text.len() / 200;
    let mut streamed = Streamed { origin, capacity, begun: None, ended: false };
    let mut json = raw::parse_items(text, "observations", &records::OBSERVATION_FIELDS, &mut streamed).map_err(json_error)?;
    if streamed.begun.is_some() && !(streamed.ended && in_order(&json)) {
        // what was read with the observations was not the file's last word: read it all again
        streamed.begun = None;
        json = raw::parse(text).map_err(json_error)?;
    }
    validate(&json, origin, streamed.begun)
}

/// Validates a file already parsed into a JSON tree (the light embed parses it with the browser's
/// `JSON.parse`): the checks [`load`] makes, by the same code.
pub fn load_tree(json: &Json, origin: &str) -> Result<Dataset, LoadError> {
    validate(json, origin, None)
}

/// The checks of a parsed file; `begun` holds the observations already checked while streaming.
fn validate(json: &Json, origin: &str, begun: Option<Begun>) -> Result<Dataset, LoadError> {
    let top = json.as_object().ok_or_else(|| LoadError::Format("cấp ngoài cùng không phải đối tượng JSON".into()))?;
    match top.get("format").and_then(Json::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(LoadError::Format(format!("trường format là “{}”", truncate(other, 40)))),
        None => return Err(LoadError::Format("thiếu trường format".into())),
    }
    let mut problems = Vec::new();
    for key in top.unknown_keys(&["format", "title", "updated", "sources", "areas", "observations", "$schema", "description"]) {
        problems.push(Problem::new(Section::File, 0, Some(key), ProblemKind::UnknownField));
    }
    let section = |name: &str| -> Result<&Vec<Json>, LoadError> {
        top.get(name)
            .and_then(Json::as_array)
            .ok_or_else(|| LoadError::Format(format!("thiếu mảng {name}")))
    };
    let (_, _, obs_json) = (section("sources")?, section("areas")?, section("observations")?);
    let title = top.get("title").and_then(Json::as_str).unwrap_or("").to_string();

    let begun = match begun {
        Some(begun) => begun,
        None => {
            let mut begun = Begun::new(top, origin, obs_json.len()).expect("sources and areas are arrays");
            for (i, item) in obs_json.iter().enumerate() {
                begun.item(i, item);
            }
            begun
        }
    };
    let mut ds = begun.ds;
    problems.extend(begun.problems);
    ds.title = title;
    // exact repeats are left out; the consistency notes are on the rest
    let mut observations = begun.observations.finish();
    let groups = group::Groups::new(&observations);
    let repeats = plausible::duplicates(&observations, &groups, &mut problems);
    ds.notes = consistency::check(&observations, &groups, &repeats);
    let mut repeat = repeats.into_iter();
    observations.retain(|_| !repeat.next().unwrap_or(false));
    ds.observations = observations;
    ds.problems = problems;
    Ok(ds)
}

/// A load under way: sources and areas checked, observations being read.
struct Begun {
    ds: Dataset,
    problems: Vec<Problem>,
    observations: records::Observations,
}

impl Begun {
    /// Checks the sources and areas of a top-level object (`None` when either is not an array),
    /// with room for `capacity` observations.
    fn new(top: &raw::Map, origin: &str, capacity: usize) -> Option<Begun> {
        let sources = top.get("sources")?.as_array()?;
        let areas = top.get("areas")?.as_array()?;
        let updated = top.get("updated").and_then(Json::as_str).map(str::to_string);
        let mut problems = Vec::new();
        let sources = records::sources(sources, &mut problems);
        let areas = records::areas(areas, &mut problems);
        let ds = Dataset::new(String::new(), updated, origin.to_string(), sources, areas, Vec::new());
        let observations = records::Observations::new(&ds, capacity);
        Some(Begun { ds, problems, observations })
    }

    fn item(&mut self, i: usize, item: &Json) {
        self.observations.add(&self.ds, i, item, &mut self.problems);
    }
}

/// Reads the observations while the file is parsed, once the sources and areas before them are.
struct Streamed<'o> {
    origin: &'o str,
    capacity: usize,
    begun: Option<Begun>,
    ended: bool,
}

impl<'a> raw::Items<'a> for Streamed<'_> {
    fn start(&mut self, before: &raw::Map<'a>) -> bool {
        if self.begun.is_none() {
            self.begun = Begun::new(before, self.origin, self.capacity);
        }
        self.begun.is_some() && !self.ended
    }

    fn item(&mut self, index: usize, item: raw::Item<'_, 'a>) {
        if let Some(b) = &mut self.begun {
            match item {
                raw::Item::Record(r) => b.observations.add_record(&b.ds, index, r, &mut b.problems),
                raw::Item::Other(json) => b.item(index, json),
            }
        }
    }

    fn end(&mut self) {
        self.ended = true;
    }
}

/// True when nothing the observations are checked against comes after them (nor a second
/// `observations`): then checking them as they were read gave what checking them after gives.
fn in_order(json: &Json) -> bool {
    let Some(top) = json.as_object() else { return false };
    let mut after = false;
    for (key, _) in top.members() {
        if after && ["sources", "areas", "updated", "observations"].contains(&key) {
            return false;
        }
        after |= key == "observations";
    }
    true
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
