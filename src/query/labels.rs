//! Labels of areas in charts.

use crate::i18n::Lang;
use crate::model::{Area, Level};

/// The chart label of an area: its short name, marked "(cũ)" for a former province.
pub fn area_label(a: &Area, lang: Lang) -> String {
    let name = match lang {
        Lang::En => a.name_en.as_deref().unwrap_or_else(|| a.short_name()),
        Lang::Vi => a.short_name(),
    };
    match a.level {
        Level::FormerProvince => format!("{name} {}", lang.pick("(cũ)", "(former)")),
        _ => name.to_string(),
    }
}
