//! One figure: an area's value of a metric at a date, with its qualifier and source.

use super::{DateRef, Metric, Rating, Sector, Unit};
use crate::i18n::Lang;

/// How exact a reported figure is. Shown with every value, never dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// As reported, exact.
    Exact,
    /// "hơn", "trên": more than the value.
    MoreThan,
    /// "ít nhất": at least the value.
    AtLeast,
    /// "gần": nearly the value.
    Nearly,
    /// "khoảng": about the value.
    About,
    /// "ước": an estimate.
    Estimate,
    /// "sơ bộ": a preliminary figure.
    Preliminary,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 7] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::Nearly,
        Qualifier::About,
        Qualifier::Estimate,
        Qualifier::Preliminary,
    ];

    /// The wire name.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::Estimate => "estimate",
            Qualifier::Preliminary => "preliminary",
        }
    }

    /// Parses a wire name.
    pub fn from_key(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.key() == s)
    }

    /// A word that stands before the number ("hơn 148"), if this qualifier has one.
    pub fn prefix(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Qualifier::MoreThan, Lang::Vi) => Some("hơn"),
            (Qualifier::MoreThan, Lang::En) => Some("more than"),
            (Qualifier::AtLeast, Lang::Vi) => Some("ít nhất"),
            (Qualifier::AtLeast, Lang::En) => Some("at least"),
            (Qualifier::Nearly, Lang::Vi) => Some("gần"),
            (Qualifier::Nearly, Lang::En) => Some("nearly"),
            (Qualifier::About, Lang::Vi) => Some("khoảng"),
            (Qualifier::About, Lang::En) => Some("about"),
            _ => None,
        }
    }

    /// A mark that follows the value ("(ước tính)"), if this qualifier has one.
    pub fn suffix(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Qualifier::Estimate, Lang::Vi) => Some("(ước tính)"),
            (Qualifier::Estimate, Lang::En) => Some("(estimate)"),
            (Qualifier::Preliminary, Lang::Vi) => Some("(sơ bộ)"),
            (Qualifier::Preliminary, Lang::En) => Some("(preliminary)"),
            _ => None,
        }
    }

    /// A full label for tooltips and tables.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Qualifier::Exact, Lang::Vi) => "số chính xác theo nguồn",
            (Qualifier::Exact, Lang::En) => "exact, as reported",
            (Qualifier::MoreThan, Lang::Vi) => "hơn (nguồn ghi “hơn”, “trên”)",
            (Qualifier::MoreThan, Lang::En) => "more than (as reported)",
            (Qualifier::AtLeast, Lang::Vi) => "ít nhất",
            (Qualifier::AtLeast, Lang::En) => "at least",
            (Qualifier::Nearly, Lang::Vi) => "gần (nguồn ghi “gần”)",
            (Qualifier::Nearly, Lang::En) => "nearly (as reported)",
            (Qualifier::About, Lang::Vi) => "khoảng (số ước chừng)",
            (Qualifier::About, Lang::En) => "about (approximate)",
            (Qualifier::Estimate, Lang::Vi) => "ước tính",
            (Qualifier::Estimate, Lang::En) => "estimate",
            (Qualifier::Preliminary, Lang::Vi) => "số sơ bộ",
            (Qualifier::Preliminary, Lang::En) => "preliminary",
        }
    }

    /// True for a figure reported exactly.
    pub fn is_exact(self) -> bool {
        self == Qualifier::Exact
    }
}

/// A reported value: one number, or a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// One number.
    Point(f64),
    /// A range from `low` to `high`; `high_open` when the source says "to more than" `high`.
    Range {
        /// Low end.
        low: f64,
        /// High end.
        high: f64,
        /// The source says "more than" the high end.
        high_open: bool,
    },
}

impl Value {
    /// The number a bar is drawn to: the point, or the high end of a range.
    pub fn extent(self) -> f64 {
        match self {
            Value::Point(v) => v,
            Value::Range { high, .. } => high,
        }
    }

    /// The low end (the point itself for a point).
    pub fn low(self) -> f64 {
        match self {
            Value::Point(v) => v,
            Value::Range { low, .. } => low,
        }
    }

    /// The single number, when this is not a range.
    pub fn point(self) -> Option<f64> {
        match self {
            Value::Point(v) => Some(v),
            Value::Range { .. } => None,
        }
    }
}

/// One validated figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Index of the record in the file's `observations` array (stable within one file).
    pub record: usize,
    /// Area code.
    pub area: String,
    /// Date the figure refers to.
    pub date: DateRef,
    /// What it measures.
    pub metric: Metric,
    /// Sector, when the figure is for one sector.
    pub sector: Option<Sector>,
    /// Rating class, for rating shares.
    pub rating: Option<Rating>,
    /// The value.
    pub value: Value,
    /// How exact it is.
    pub qualifier: Qualifier,
    /// The unit.
    pub unit: Unit,
    /// Source id.
    pub source: String,
    /// What the figure covers when it is not plain.
    pub scope: Option<String>,
    /// The original sentence it was read in.
    pub quote: Option<String>,
    /// Anything else a reader must know.
    pub note: Option<String>,
    /// Which listed part of a total it is, when the parts are not sectors ("đổi mới, hoàn thiện
    /// cơ chế, chính sách"): checked against the total of the same area, metric, date, source and
    /// scope, and named in its label.
    pub part: Option<String>,
}
