//! Reading the fields of one record, collecting every problem instead of stopping at the first.

use crate::model::{Problem, ProblemKind, Section};
use serde_json::{Map, Value as Json};

/// Longest text accepted in a short field (names, codes, titles).
pub const SHORT_TEXT: usize = 400;
/// Longest text accepted in a long field (quotes, notes).
pub const LONG_TEXT: usize = 4000;

/// One record being read.
pub struct Fields<'a> {
    obj: &'a Map<String, Json>,
    section: Section,
    index: usize,
    /// Problems found so far in this record.
    pub problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// Starts reading a record; `None` (with a problem pushed) when it is not an object.
    pub fn open(json: &'a Json, section: Section, index: usize, known: &[&str], out: &mut Vec<Problem>) -> Option<Self> {
        let Some(obj) = json.as_object() else {
            out.push(Problem::new(section, index, None, ProblemKind::NotAnObject));
            return None;
        };
        let mut f = Fields { obj, section, index, problems: Vec::new() };
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                f.push(key, ProblemKind::UnknownField);
            }
        }
        Some(f)
    }

    /// Records a problem with a field.
    pub fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(self.section, self.index, Some(field), kind));
    }

    /// Index of the record.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The raw JSON of a field.
    pub fn raw(&self, name: &str) -> Option<&'a Json> {
        self.obj.get(name).filter(|v| !v.is_null())
    }

    /// A required non-empty string.
    pub fn text(&mut self, name: &str, max: usize) -> Option<String> {
        match self.raw(name) {
            None => {
                self.push(name, ProblemKind::Missing);
                None
            }
            Some(_) => self.opt_text(name, max),
        }
    }

    /// An optional string (missing or null is fine; empty or too long is not).
    pub fn opt_text(&mut self, name: &str, max: usize) -> Option<String> {
        let v = self.raw(name)?;
        let Some(s) = v.as_str() else {
            self.push(name, ProblemKind::WrongType("chuỗi / string"));
            return None;
        };
        let s = s.trim();
        if s.is_empty() {
            self.push(name, ProblemKind::Empty);
            None
        } else if s.chars().count() > max {
            self.push(name, ProblemKind::TooLong(max));
            None
        } else {
            Some(s.to_string())
        }
    }

    /// A required string parsed by `parse` (an enum key); reports the value when not allowed.
    pub fn keyed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.text(name, SHORT_TEXT)?;
        let v = parse(&s);
        if v.is_none() {
            self.push(name, ProblemKind::NotAllowed(super::truncate(&s, 40)));
        }
        v
    }

    /// An optional string parsed by `parse`.
    pub fn opt_keyed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
        match self.opt_text(name, SHORT_TEXT) {
            None if self.raw(name).is_some() => None,
            None => Some(None),
            Some(s) => match parse(&s) {
                Some(v) => Some(Some(v)),
                None => {
                    self.push(name, ProblemKind::NotAllowed(super::truncate(&s, 40)));
                    None
                }
            },
        }
    }

    /// An optional http(s) URL.
    pub fn opt_url(&mut self, name: &str) -> Option<String> {
        let s = self.opt_text(name, 2000)?;
        let lower = s.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://")) && !s.contains(char::is_whitespace) {
            Some(s)
        } else {
            self.push(name, ProblemKind::BadUrl(super::truncate(&s, 60)));
            None
        }
    }

    /// True when no problem was found in this record.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}
