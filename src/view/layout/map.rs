//! The tile map of the 34 provinces: each province's own figure (the [`pick`] rule; one figure per
//! tile, the first in the file among several at one date). A former province's figure is never
//! summed, reused or coloured as the current province's: such a tile is drawn apart.

use super::Laid;
use crate::chart::tilemap::{class_of, classify, Tile, TileMapSpec, TileState, TILES};
use crate::chart::ChartSpec;
use crate::explore::Selection;
use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Observation, Qualifier, Unit, Value};
use crate::view::caveat::Caveat;
use crate::view::derive::Fig;
use crate::view::text::{area_label, divisor, money_scale};
use crate::view::{filter, pick};
use std::collections::BTreeMap;

/// The figure as written on a tile: the number in the chart's scale with a one-character qualifier
/// (">" more than, "≥" at least, "~" nearly, about, estimate or preliminary).
pub fn tile_label(o: &Observation, scale: MoneyScale, lang: Lang) -> String {
    let pct = if o.unit == Unit::Percent { "%" } else { "" };
    let n = |x: f64| format!("{}{pct}", format::scaled(x, o.unit, scale, lang));
    let body = match o.value {
        Value::Point(x) => n(x),
        Value::Range { low, high, high_open } => format!("{}–{}{}", n(low), if high_open { ">" } else { "" }, n(high)),
    };
    let mark = match o.qualifier {
        Qualifier::Exact => "",
        Qualifier::MoreThan => ">",
        Qualifier::AtLeast => "≥",
        Qualifier::Nearly | Qualifier::About | Qualifier::Estimate | Qualifier::Preliminary => "~",
    };
    format!("{mark}{body}")
}

/// The legend's class ranges in the chart's scale ("84 – 199", "1.000 – 2.100").
fn class_labels(classes: &[(f64, f64)], whole: bool, unit: Unit, scale: MoneyScale, lang: Lang) -> Vec<String> {
    let n = |x: f64| format::scaled(x, unit, scale, lang);
    let pct = if unit == Unit::Percent { "%" } else { "" };
    let whole = whole && classes.iter().all(|&(a, b)| a.fract() == 0.0 && b.fract() == 0.0);
    classes
        .iter()
        .enumerate()
        .map(|(i, &(lo, hi))| {
            let last = i + 1 == classes.len();
            let hi = if whole && !last { hi - 1.0 } else { hi };
            if hi <= lo {
                format!("{}{pct}", n(lo))
            } else {
                format!("{}{pct} – {}{pct}", n(lo), n(hi))
            }
        })
        .collect()
}

fn tile(ds: &Dataset, best: &BTreeMap<&str, &Observation>, (code, short, row, col): (&str, &str, u8, u8), classes: &[(f64, f64)], scale: MoneyScale, lang: Lang) -> Tile {
    let name = ds.area(code).map(|a| area_label(a, lang)).unwrap_or_else(|| short.to_string());
    let (state, former_records) = match best.get(code) {
        Some(o) => {
            let value = o.value.extent();
            (TileState::Value { value, label: tile_label(o, scale, lang), record: o.record, class: class_of(classes, value) }, Vec::new())
        }
        None => {
            let mut former: Vec<&Observation> = ds
                .areas
                .iter()
                .filter(|a| a.level == Level::FormerProvince && a.part_of.as_deref() == Some(code))
                .filter_map(|a| best.get(a.code.as_str()).copied())
                .collect();
            crate::sort::sort_by(&mut former, |a, b| b.date.sort_key().cmp(&a.date.sort_key()).then(a.record.cmp(&b.record)));
            match former.is_empty() {
                true => (TileState::NoData, Vec::new()),
                false => (TileState::FormerOnly { count: former.len() }, former.iter().map(|o| o.record).collect()),
            }
        }
    };
    Tile { code: code.to_string(), short: short.to_string(), row, col, state, name, former_records }
}

/// Lays out the selection's metric as the tile map (whatever areas are selected).
pub fn lay_out<'a>(ds: &'a Dataset, sel: &Selection, lang: Lang) -> Laid<'a> {
    let picked = pick::dates(&filter::provincial_totals(ds, sel.metric, sel.unit), sel.date);
    let best = pick::first_per_area(&picked);
    let own: Vec<&Observation> = TILES.iter().filter_map(|(code, ..)| best.get(code).copied()).collect();
    let max = own.iter().map(|o| o.value.extent()).fold(0.0, f64::max);
    let scale = money_scale(sel.unit, max);
    let values: Vec<f64> = own.iter().map(|o| o.value.extent()).collect();
    let classes = classify(&values);
    let whole = sel.unit.is_count() && values.iter().all(|v| v.fract() == 0.0);
    let class_labels = class_labels(&classes, whole, sel.unit, scale, lang);
    let tiles: Vec<Tile> = TILES.iter().map(|&t| tile(ds, &best, t, &classes, scale, lang)).collect();
    let former = tiles.iter().filter(|t| matches!(t.state, TileState::FormerOnly { .. })).count();
    let figs: Vec<(String, Fig<'a>)> = TILES.iter().filter_map(|(code, ..)| best.get(code).map(|o| (code.to_string(), Fig::plain(o, None)))).collect();
    let spec = ChartSpec::Map(TileMapSpec { unit: sel.unit, tiles, classes, class_labels, tick_divisor: divisor(scale) });
    Laid { spec, figs, legend: Vec::new(), caveats: vec![Caveat::TileMap { former }], scale, rest: Vec::new() }
}
