//! Back into the editor: a dataset (a downloaded file, or the one a `#d=` link carries) as a
//! draft whose table lists its figures, so that reopening either brings the table back.

use super::columns::Role;
use super::draft::{Draft, NewArea, SourceDraft, MONEY_SCALES};
use super::number::NumberStyle;
use super::table::Table;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Qualifier, Value};

/// The words a cell's qualifier is written with, which [`super::cell::read_value`] reads back.
fn qualifier_word(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "hơn ",
        Qualifier::AtLeast => "ít nhất ",
        Qualifier::Nearly => "gần ",
        Qualifier::About => "khoảng ",
        Qualifier::Estimate => "ước ",
        Qualifier::Preliminary => "sơ bộ ",
    }
}

/// A draft holding the dataset's figures: one row per observation (area name, date, value with
/// its qualifier, and sector, note, publisher or address when any figure has one); the first
/// source as the table's; areas `reference` does not have as confirmed new areas.
pub fn draft_of(ds: &Dataset, reference: &Dataset) -> Draft {
    let Some(first) = ds.observations.first() else { return Draft::default() };
    let table_source = ds.source(&first.source).cloned();
    let scale = scale_for(ds);
    let has = |f: &dyn Fn(&crate::model::Observation) -> bool| ds.observations.iter().any(f);
    let other_source = |o: &crate::model::Observation| o.source != first.source;
    let mut header = vec![Role::Area, Role::Date, Role::Value];
    if has(&|o| o.sector.is_some()) {
        header.push(Role::Sector);
    }
    if has(&|o| o.note.is_some()) {
        header.push(Role::Note);
    }
    if has(&other_source) {
        header.extend([Role::Publisher, Role::Url]);
    }
    if has(&|o| o.quote != first.quote) {
        header.push(Role::Quote);
    }
    let mut rows = vec![header.iter().map(|r| r.label(Lang::Vi).to_string()).collect::<Vec<_>>()];
    for o in &ds.observations {
        let source = ds.source(&o.source);
        let cell = |r: &Role| match r {
            Role::Area => ds.area(&o.area).map(|a| a.name.clone()).unwrap_or_else(|| o.area.clone()),
            Role::Date => o.date.to_string(),
            Role::Value => value_text(o.value, o.qualifier, scale.unwrap_or(0)),
            Role::Sector => o.sector.map(|s| s.label(Lang::Vi).to_string()).unwrap_or_default(),
            Role::Note => o.note.clone().unwrap_or_default(),
            Role::Publisher if other_source(o) => source.map(|s| s.publisher.clone()).unwrap_or_default(),
            Role::Url if other_source(o) => source.and_then(|s| s.url.clone()).unwrap_or_default(),
            Role::Quote => o.quote.clone().unwrap_or_default(),
            _ => String::new(),
        };
        rows.push(header.iter().map(cell).collect());
    }
    let source = table_source.map(|s| SourceDraft {
        publisher: s.publisher,
        title: s.title,
        published: s.published.unwrap_or_default(),
        url: s.url.unwrap_or_default(),
        quote: first.quote.clone().unwrap_or_default(),
    });
    let new_areas = ds
        .areas
        .iter()
        .filter(|a| reference.area(&a.code).is_none())
        .filter_map(|a| a.part_of.clone().map(|parent| NewArea { name: a.name.clone(), parent }))
        .collect();
    Draft {
        table: Table { rows },
        header: true,
        roles: header,
        metric: first.metric,
        unit: first.unit,
        scale,
        qualifier: Qualifier::Exact,
        style: NumberStyle::Vi,
        date: String::new(),
        scope: first.scope.clone().unwrap_or_default(),
        title: if ds.title == first.metric.label(Lang::Vi) { String::new() } else { ds.title.clone() },
        source: source.unwrap_or_default(),
        new_areas,
    }
}

/// For money, the largest scale every figure is at least one of (tỷ when all are billions);
/// `None` for other units.
fn scale_for(ds: &Dataset) -> Option<u32> {
    if !ds.observations.first().is_some_and(|o| o.unit.is_money()) {
        return None;
    }
    let smallest = ds.observations.iter().map(|o| o.value.low()).filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    Some(MONEY_SCALES.iter().rev().map(|(p, _, _)| *p).find(|p| smallest >= 10f64.powi(*p as i32)).unwrap_or(0))
}

/// A value as vi-VN text in the scale, with its qualifier word: "hơn 1.000", "3,8 – hơn 5,5".
fn value_text(v: Value, q: Qualifier, scale: u32) -> String {
    let n = |x: f64| format::number(x / 10f64.powi(scale as i32), Lang::Vi);
    let body = match v {
        Value::Point(x) => n(x),
        Value::Range { low, high, high_open } => format!("{} – {}{}", n(low), if high_open { "hơn " } else { "" }, n(high)),
    };
    format!("{}{body}", qualifier_word(q))
}
