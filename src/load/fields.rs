//! Reading the fields of one record, collecting every problem instead of stopping at the first.

use super::raw::{same_key, Json, Record, MAX_FIELDS};
use crate::model::{DateRef, Problem, ProblemKind, Section, Ymd};
use std::cell::Cell;

/// Longest text accepted in a short field (names, codes, titles).
pub const SHORT_TEXT: usize = 400;
/// Longest text accepted in a long field (quotes, notes).
pub const LONG_TEXT: usize = 4000;

/// One record being read.
pub struct Fields<'a, 'k> {
    known: &'k [&'k str],
    /// The value of each known field (its last one), found once when the record is opened.
    slots: [Option<&'a Json<'a>>; MAX_FIELDS],
    section: Section,
    index: usize,
    /// Where the next field asked for is likely to be in `known` (they are asked for in order).
    next: Cell<usize>,
    /// Problems found so far in this record.
    pub problems: Vec<Problem>,
}

impl<'a, 'k> Fields<'a, 'k> {
    /// Starts reading a record; `None` (with a problem pushed) when it is not an object.
    pub fn open(json: &'a Json<'a>, section: Section, index: usize, known: &'k [&'k str], out: &mut Vec<Problem>) -> Option<Self> {
        let Some(obj) = json.as_object() else {
            out.push(Problem::new(section, index, None, ProblemKind::NotAnObject));
            return None;
        };
        assert!(known.len() <= MAX_FIELDS, "at most {MAX_FIELDS} fields");
        let mut f = Fields { known, slots: [None; MAX_FIELDS], section, index, next: Cell::new(0), problems: Vec::new() };
        let mut unknown = false;
        for (key, value) in obj.members() {
            match known.iter().position(|k| same_key(k, key)) {
                Some(i) => f.slots[i] = Some(value),
                None => unknown = true,
            }
        }
        if unknown {
            for key in obj.unknown_keys(known) {
                f.push(key, ProblemKind::UnknownField);
            }
        }
        Some(f)
    }

    /// Starts reading a record read straight into its `known` fields as the file was parsed.
    pub fn record(record: &'a Record<'a>, section: Section, index: usize, known: &'k [&'k str]) -> Self {
        let mut f = Fields { known, slots: [None; MAX_FIELDS], section, index, next: Cell::new(0), problems: Vec::new() };
        for (slot, value) in f.slots.iter_mut().zip(&record.values) {
            *slot = value.as_ref();
        }
        if !record.unknown.is_empty() {
            let mut unknown: Vec<&str> = record.unknown.iter().map(|k| k.as_ref()).collect();
            crate::sort::sort(&mut unknown);
            unknown.dedup();
            for key in unknown {
                f.push(key, ProblemKind::UnknownField);
            }
        }
        f
    }

    /// The position of a known field: where the last one was found plus one, when the fields are
    /// asked for in the order of `known`; else found by its name.
    #[inline(always)]
    fn slot(&self, name: &str) -> Option<usize> {
        let next = self.next.get();
        // the names asked for are usually the very literals of `known`: then the text is not compared
        let at = match self.known.get(next) {
            Some(k) if k.as_ptr() == name.as_ptr() && k.len() == name.len() || same_key(k, name) => Some(next),
            _ => self.known.iter().position(|k| same_key(k, name)),
        };
        self.next.set(at.map_or(0, |i| i + 1));
        at
    }

    /// Records a problem with a field.
    pub fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(self.section, self.index, Some(field), kind));
    }

    /// Index of the record.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The raw JSON of a field (a known one).
    pub fn raw(&self, name: &str) -> Option<&'a Json<'a>> {
        self.slot(name).and_then(|i| self.slots[i]).filter(|v| !v.is_null())
    }

    /// A required non-empty string.
    pub fn text(&mut self, name: &str, max: usize) -> Option<String> {
        self.text_ref(name, max).map(str::to_string)
    }

    /// An optional string (missing or null is fine; empty or too long is not).
    pub fn opt_text(&mut self, name: &str, max: usize) -> Option<String> {
        self.opt_text_ref(name, max).map(str::to_string)
    }

    /// [`Fields::text`], borrowed from the file.
    pub fn text_ref(&mut self, name: &str, max: usize) -> Option<&'a str> {
        match self.raw(name) {
            None => {
                self.push(name, ProblemKind::Missing);
                None
            }
            v => self.str_of(name, v, max),
        }
    }

    /// [`Fields::opt_text`], borrowed from the file.
    pub fn opt_text_ref(&mut self, name: &str, max: usize) -> Option<&'a str> {
        let v = self.raw(name);
        self.str_of(name, v, max)
    }

    fn str_of(&mut self, name: &str, v: Option<&'a Json<'a>>, max: usize) -> Option<&'a str> {
        let v = v?;
        let Some(s) = v.as_str() else {
            self.push(name, ProblemKind::WrongType("chuỗi / string"));
            return None;
        };
        let s = trim(s);
        if s.is_empty() {
            self.push(name, ProblemKind::Empty);
            None
        } else if s.len() > max && s.chars().count() > max {
            self.push(name, ProblemKind::TooLong(max));
            None
        } else {
            Some(s)
        }
    }

    /// A required string parsed by `parse` (an enum key); reports the value when not allowed.
    pub fn keyed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.text_ref(name, SHORT_TEXT)?;
        let v = parse(s);
        if v.is_none() {
            self.push(name, ProblemKind::NotAllowed(super::truncate(s, 40)));
        }
        v
    }

    /// An optional string parsed by `parse`.
    pub fn opt_keyed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
        let v = self.raw(name);
        match self.str_of(name, v, SHORT_TEXT) {
            None if v.is_some() => None,
            None => Some(None),
            Some(s) => match parse(s) {
                Some(v) => Some(Some(v)),
                None => {
                    self.push(name, ProblemKind::NotAllowed(super::truncate(s, 40)));
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

/// `str::trim`, with no work for text that starts and ends with a visible ASCII character.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `DateRef::parse`, read directly for the usual `YYYY`, `YYYY-MM` and `YYYY-MM-DD` (the same
/// result, without splitting the text).
pub fn date(s: &str) -> Option<DateRef> {
    let b = s.as_bytes();
    let num = |from: usize, to: usize| -> Option<u16> {
        b[from..to].iter().try_fold(0u16, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u16))
    };
    let (year, month, day) = match b.len() {
        4 => (num(0, 4)?, None, None),
        7 if b[4] == b'-' => (num(0, 4)?, Some(num(5, 7)?), None),
        10 if b[4] == b'-' && b[7] == b'-' => (num(0, 4)?, Some(num(5, 7)?), Some(num(8, 10)?)),
        _ => return DateRef::parse(s),
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        Some(4 | 6 | 9 | 11) => 30,
        Some(2) if leap => 29,
        Some(2) => 28,
        _ => 31,
    };
    let ok = (1900..=2100).contains(&year)
        && month.is_none_or(|m| (1..=12).contains(&m))
        && day.is_none_or(|d| (1..=days).contains(&d));
    ok.then(|| DateRef::Point(Ymd { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_dateref_parse_reads_them() {
        let mut texts = vec![String::new(), "2023/2024".into(), "2023-1".into(), "+023".into(), "2023-10-01-02".into(), "２０２３".into()];
        for y in (1890..=2110).step_by(1) {
            texts.push(format!("{y}"));
            for m in 0..=13 {
                texts.push(format!("{y}-{m:02}"));
                if (1896..=1904).contains(&y) || (1996..=2004).contains(&y) || (2096..=2104).contains(&y) {
                    for d in 0..=32 {
                        texts.push(format!("{y}-{m:02}-{d:02}"));
                    }
                }
            }
        }
        texts.extend(["20a3", "2023-0a", "2023-02-2x", "2023x10", "2023-10x01", "-023-10"].map(String::from));
        for t in &texts {
            assert_eq!(date(t), DateRef::parse(t), "{t:?}");
        }
    }
}
