//! Consistency notes on valid records: parts that do not add up to their total, rating shares
//! that do not make 100 %. The loader finds them (`crate::load`); charts show them.

use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, DateRef, Metric, Unit};

/// What a note is about.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    /// Sector parts whose sum differs from the reported total.
    PartsVsTotal {
        /// Sum of the parts.
        parts: f64,
        /// The reported total.
        total: f64,
        /// Unit of both.
        unit: Unit,
    },
    /// Rating shares that do not add up to 100 %.
    SharesVs100 {
        /// Their sum.
        sum: f64,
    },
}

/// A note on a group of valid records.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsistencyNote {
    /// Area code.
    pub area: String,
    /// Metric.
    pub metric: Metric,
    /// Date.
    pub date: DateRef,
    /// Source id.
    pub source: String,
    /// Records concerned (total first, then parts).
    pub records: Vec<usize>,
    /// What does not add up.
    pub kind: NoteKind,
}

impl ConsistencyNote {
    /// The note as a sentence.
    pub fn describe(&self, ds: &Dataset, lang: Lang) -> String {
        let area = ds.area(&self.area).map(|a| a.short_name_in(lang).to_string()).unwrap_or_else(|| self.area.clone());
        let date = match lang {
            Lang::Vi => self.date.vi(),
            Lang::En => self.date.en(),
        };
        match (&self.kind, lang) {
            (NoteKind::PartsVsTotal { parts, total, unit }, Lang::Vi) => format!(
                "{area} ({date}), {}: các phần theo lĩnh vực cộng lại được {}, tổng nguồn ghi là {}.",
                crate::case::to_lower(self.metric.label(lang)),
                format::amount(*parts, *unit, lang),
                format::amount(*total, *unit, lang)
            ),
            (NoteKind::PartsVsTotal { parts, total, unit }, Lang::En) => format!(
                "{area} ({date}), {}: the sector parts add up to {}, the source's total is {}.",
                crate::case::to_lower(self.metric.label(lang)),
                format::amount(*parts, *unit, lang),
                format::amount(*total, *unit, lang)
            ),
            (NoteKind::SharesVs100 { sum }, Lang::Vi) => format!(
                "{area} ({date}): các tỷ lệ xếp loại cộng lại được {}, không phải 100% (số làm tròn của nguồn).",
                format::amount(*sum, Unit::Percent, lang)
            ),
            (NoteKind::SharesVs100 { sum }, Lang::En) => format!(
                "{area} ({date}): the rating shares add up to {}, not 100% (the source's rounding).",
                format::amount(*sum, Unit::Percent, lang)
            ),
        }
    }
}
