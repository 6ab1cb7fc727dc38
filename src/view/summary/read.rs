//! Reading a view into a summary's [`Body`], one function per chart kind.

use super::facts::{Body, Line, Named, Row, StackDetail};
use super::figures::{change, dates_of, distinct_areas, end, ends, extreme, part_kind, part_label};
use crate::chart::tilemap::{TileMapSpec, TileState};
use crate::chart::{BarSpec, SeriesSpec, StackAxis, StackSpec};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::view::model::{ChartView, Figure};
use crate::view::text::area_name;
use crate::view::Caveat;

/// Lines named one by one; the others are counted.
const MAX_LINES: usize = 3;
/// Rows of a stacked chart listed one by one (more: only the longest row or highest share).
const LISTED_ROWS: usize = 3;
/// Parts of a stacked row listed.
const MAX_PARTS: usize = 3;

/// The name of a figure a long chart does not draw (it is in the table only): its area, with its
/// sector or rating class.
fn undrawn_name(ds: &Dataset, f: &Figure, lang: Lang) -> String {
    let area = area_name(ds, &f.area_code, lang);
    match part_label(f, lang) {
        Some(p) => format!("{area} — {p}"),
        None => area,
    }
}

/// A bar chart: one figure, the parts of one area, or bars of several areas.
pub(super) fn bars(view: &ChartView, spec: &BarSpec, ds: &Dataset, lang: Lang) -> Body {
    let drawn: Vec<(String, &Figure)> = spec.rows.iter().filter_map(|r| Some((r.label.clone(), view.figure(&r.key)?))).collect();
    let parts_of_one = view.rest.is_empty() && drawn.iter().all(|(label, f)| part_label(f, lang) == Some(label.as_str()));
    let mut items = drawn;
    items.extend(view.rest.iter().map(|f| (undrawn_name(ds, f, lang), f)));
    let figs: Vec<&Figure> = items.iter().map(|(_, f)| *f).collect();
    if parts_of_one && !figs.is_empty() {
        let f = figs[0];
        let area = match ds.area(&f.area_code) {
            Some(a) => match lang {
                Lang::Vi => a.name.clone(),
                Lang::En => a.name_en.clone().unwrap_or_else(|| a.name.clone()),
            },
            None => f.area_code.clone(),
        };
        return Body::Parts { area, date: f.date.clone(), kind: part_kind(&figs), parts: items.len(), max: extreme(&items, true), min: extreme(&items, false) };
    }
    match (items.len(), dates_of(&figs)) {
        (1, _) => Body::One(Named { name: items[0].0.clone(), value: figs[0].value_text.clone(), date: figs[0].date.clone() }),
        (figures, Some(dates)) => Body::Bars { figures, areas: distinct_areas(&figs), dates, max: extreme(&items, true), min: extreme(&items, false) },
        (_, None) => Body::Empty,
    }
}

/// A stacked row as read: its label, its date, its (class, figure) parts.
type StackedRow<'a> = (String, String, Vec<(String, &'a Figure)>);

/// The parts of a row, largest first (equal ones in chart order).
fn by_size<'a>(parts: &[(String, &'a Figure)]) -> Vec<(String, &'a Figure)> {
    let mut p = parts.to_vec();
    crate::sort::sort_by(&mut p, |a, b| b.1.value.extent().total_cmp(&a.1.value.extent()));
    p
}

/// A stacked chart: its counts, and its rows listed or its longest row or highest share.
pub(super) fn stacked(view: &ChartView, spec: &StackSpec, ds: &Dataset, lang: Lang) -> Body {
    let mut rows: Vec<StackedRow> = spec
        .rows
        .iter()
        .map(|r| {
            let parts: Vec<(String, &Figure)> = r.segments.iter().filter_map(|s| Some((spec.classes.get(s.class)?.clone(), view.figure(&s.key)?))).collect();
            (r.label.clone(), r.date.clone(), parts)
        })
        .filter(|r| !r.2.is_empty())
        .collect();
    // the rows of a long chart that are in its table only ("{row key}:{part}")
    let mut undrawn: Vec<(&str, StackedRow)> = Vec::new();
    for f in &view.rest {
        let row = f.key.rsplit_once(':').map(|(k, _)| k).unwrap_or(&f.key);
        let part = (part_label(f, lang).unwrap_or_default().to_string(), f);
        match undrawn.iter_mut().find(|(k, _)| *k == row) {
            Some((_, r)) => r.2.push(part),
            None => undrawn.push((row, (area_name(ds, &f.area_code, lang), f.date.clone(), vec![part]))),
        }
    }
    rows.extend(undrawn.into_iter().map(|(_, r)| r));
    let figs: Vec<&Figure> = rows.iter().flat_map(|(_, _, p)| p.iter().map(|(_, f)| *f)).collect();
    let Some(dates) = dates_of(&figs) else { return Body::Empty };
    let detail = if rows.len() <= LISTED_ROWS {
        StackDetail::Rows(
            rows.iter()
                .map(|(name, date, parts)| {
                    let sorted = by_size(parts);
                    Row {
                        name: name.clone(),
                        date: date.clone(),
                        parts: sorted.iter().take(MAX_PARTS).map(|(c, f)| (c.clone(), f.value_text.clone())).collect(),
                        more: sorted.len().saturating_sub(MAX_PARTS),
                    }
                })
                .collect(),
        )
    } else if spec.axis == StackAxis::Percent {
        let mut best = (&rows[0].0, &rows[0].1, &rows[0].2[0]);
        for (name, date, parts) in &rows {
            for p in parts {
                if p.1.value.extent() > best.2 .1.value.extent() {
                    best = (name, date, p);
                }
            }
        }
        StackDetail::Highest { row: best.0.to_string(), date: best.1.to_string(), part: best.2 .0.clone(), value: best.2 .1.value_text.clone() }
    } else {
        let total = |parts: &[(String, &Figure)]| parts.iter().map(|p| p.1.value.extent()).sum::<f64>();
        let mut longest = &rows[0];
        for r in &rows {
            if total(&r.2) > total(&longest.2) {
                longest = r;
            }
        }
        let top = by_size(&longest.2).into_iter().next().expect("a row has parts");
        StackDetail::Longest { row: longest.0.clone(), date: longest.1.clone(), part: top.0, value: top.1.value_text.clone() }
    };
    Body::Stacked { rows: rows.len(), areas: distinct_areas(&figs), kind: part_kind(&figs), classes: spec.classes.len(), dates, detail }
}

/// A line chart: its first lines with their ends and change. Their ends go to `skip` (a
/// disagreement there is said with the line).
pub(super) fn lines(view: &ChartView, spec: &SeriesSpec, ds: &Dataset, lang: Lang, skip: &mut Vec<(String, String)>) -> Body {
    let mut series: Vec<(String, Vec<&Figure>)> = spec.series.iter().map(|s| (s.clone(), Vec::new())).collect();
    for p in &spec.points {
        if let (Some(s), Some(f)) = (series.get_mut(p.series), view.figure(&p.key)) {
            s.1.push(f);
        }
    }
    series.retain(|(_, f)| !f.is_empty());
    let figs: Vec<&Figure> = series.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    let Some(dates) = dates_of(&figs) else { return Body::Empty };
    // lines not drawn at all (a chart of many areas draws the largest only)
    let left_out: usize = view.caveats.iter().map(|c| if let Caveat::TopSeries { more, .. } = c { *more } else { 0 }).sum();
    let more = series.len().saturating_sub(MAX_LINES);
    let lines = series
        .iter()
        .take(MAX_LINES)
        .map(|(name, figs)| {
            let (first, last) = ends(figs);
            for f in first.iter().chain(&last) {
                skip.push((f.area_code.clone(), f.date_key.clone()));
            }
            Line { name: name.clone(), first: end(ds, &first), last: end(ds, &last), change: change(&first, &last, lang) }
        })
        .collect();
    Body::Lines { lines, more, left_out, dates }
}

/// The tile map: its tiles by what figures they have, and the largest and smallest own figure.
pub(super) fn map(view: &ChartView, spec: &TileMapSpec) -> Body {
    let count = |pred: fn(&TileState) -> bool| spec.tiles.iter().filter(|t| pred(&t.state)).count();
    let items: Vec<(String, &Figure)> =
        view.figures.iter().map(|f| (spec.tiles.iter().find(|t| t.code == f.area_code).map(|t| t.name.clone()).unwrap_or_else(|| f.area.clone()), f)).collect();
    let figs: Vec<&Figure> = view.figures.iter().collect();
    let (own, former, none) = (
        count(|s| matches!(s, TileState::Value { .. })),
        count(|s| matches!(s, TileState::FormerOnly { .. })),
        count(|s| matches!(s, TileState::NoData)),
    );
    if own + former == 0 {
        return Body::Empty;
    }
    Body::Map {
        tiles: spec.tiles.len(),
        own,
        former,
        none,
        dates: dates_of(&figs),
        max: (!items.is_empty()).then(|| extreme(&items, true)),
        min: (items.len() > 1).then(|| extreme(&items, false)),
    }
}
