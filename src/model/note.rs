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
                "{area} ({date}): các tỷ lệ xếp loại cộng lại được {}, không phải 100% ({}).",
                format::amount(*sum, Unit::Percent, lang),
                why_not_100(*sum, lang)
            ),
            (NoteKind::SharesVs100 { sum }, Lang::En) => format!(
                "{area} ({date}): the rating shares add up to {}, not 100% ({}).",
                format::amount(*sum, Unit::Percent, lang),
                why_not_100(*sum, lang)
            ),
        }
    }
}

/// Why rating shares add up to `sum` % instead of 100, as far as the figures tell: rounding
/// within 2 points; below that, the source does not say what the rest is (a class it leaves out,
/// cooperatives not rated…); above, the shares are as the source gives them.
fn why_not_100(sum: f64, lang: Lang) -> &'static str {
    if (sum - 100.0).abs() <= 2.0 {
        lang.pick("số làm tròn của nguồn", "the source's rounding")
    } else if sum < 100.0 {
        lang.pick("nguồn không cho biết phần còn lại", "the source does not say what the rest is")
    } else {
        lang.pick("số liệu đúng như nguồn ghi", "as the source gives them")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_off_100_by_rounding_or_by_missing_classes() {
        assert_eq!(why_not_100(99.9, Lang::Vi), "số làm tròn của nguồn");
        assert_eq!(why_not_100(101.5, Lang::En), "the source's rounding");
        assert_eq!(why_not_100(40.4, Lang::Vi), "nguồn không cho biết phần còn lại");
        assert_eq!(why_not_100(110.0, Lang::En), "as the source gives them");
    }
}
