//! What a tooltip (and a table row) says about one figure: value, qualifier, date, source.

use crate::format;
use crate::i18n::Lang;
use crate::model::Dataset;

/// Everything a reader is told about one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Tooltip {
    /// Area name ("Tỉnh Lạng Sơn").
    pub area: String,
    /// What is measured, with sector or rating class.
    pub metric: String,
    /// The value with qualifier and unit ("478 HTX").
    pub value: String,
    /// The qualifier in words.
    pub qualifier: String,
    /// The date.
    pub date: String,
    /// Scope, when not plain.
    pub scope: Option<String>,
    /// "Publisher: Title (date)".
    pub source: String,
    /// Link to the source, when it has one (always http or https).
    pub url: Option<String>,
    /// The original sentence.
    pub quote: Option<String>,
    /// Notes: the record's own and consistency notes.
    pub notes: Vec<String>,
    /// Where the area is now, for a former province ("nay thuộc Tỉnh Bắc Ninh").
    pub now_part_of: Option<String>,
}

/// The tooltip of the observation with this record index.
pub fn tooltip(ds: &Dataset, record: usize, lang: Lang) -> Option<Tooltip> {
    let o = ds.observation(record)?;
    let area = ds.area(&o.area)?;
    let src = ds.source(&o.source)?;
    let mut metric = o.metric.label(lang).to_string();
    if let Some(s) = o.sector {
        metric.push_str(&format!(" — {}", s.label(lang)));
    }
    if let Some(r) = o.rating {
        metric.push_str(&format!(" — {}", r.label(lang)));
    }
    let mut notes: Vec<String> = o.note.iter().cloned().collect();
    notes.extend(ds.notes_for(record).map(|n| n.describe(ds, lang)));
    let now_part_of = match area.level {
        crate::model::Level::FormerProvince | crate::model::Level::City => area
            .part_of
            .as_deref()
            .and_then(|p| ds.area(p))
            .map(|p| format!("{} {}", lang.pick("nay thuộc", "now part of"), p.name)),
        _ => None,
    };
    Some(Tooltip {
        area: area.name.clone(),
        metric,
        value: format::value(o.value, o.qualifier, o.unit, lang),
        qualifier: o.qualifier.label(lang).to_string(),
        date: match lang {
            Lang::Vi => o.date.vi(),
            Lang::En => o.date.en(),
        },
        scope: o.scope.clone(),
        source: src.citation(),
        url: src.url.clone(),
        quote: o.quote.clone(),
        notes,
        now_part_of,
    })
}
