//! Lines over time: one series per area with figures at two dates or more, points in date order;
//! several sources at one date are all drawn, never averaged.

use super::{Laid, MAX_SERIES};
use crate::chart::{ChartSpec, SeriesPoint, SeriesSpec};
use crate::explore::{fold, Selection, SortBy};
use crate::model::{Area, Unit};
use crate::view::caveat::Caveat;
use crate::view::choices::Computed;
use crate::view::derive::Fig;
use crate::view::figure::Cx;
use crate::view::group::Group;
use crate::view::model::LegendItem;
use crate::view::text::{area_label, date_of, divisor};
use std::collections::BTreeMap;

/// Colours of line series, in order.
const SERIES_COLOURS: [usize; 8] = [0, 1, 2, 3, 4, 5, 7, 6];

type Series<'a> = (&'a Area, Vec<Fig<'a>>);

fn dates(figs: &[Fig]) -> usize {
    crate::sort::set(figs.iter().map(|x| x.obs.date.sort_key())).len()
}

/// The mark key of a line's point (with its record when two points would share one).
fn point_key(area: &str, f: &Fig, taken: &[(String, Fig)]) -> String {
    let key = format!("{area}:{}:{}", f.obs.date, f.obs.source);
    if taken.iter().any(|(k, _)| *k == key) {
        format!("{key}#{}", f.obs.record)
    } else {
        key
    }
}

/// One series per area; areas with a single date are left out (named in a caveat). The lines past
/// the most a chart draws go to `rest` (the chart's table), their figures in date order.
fn series<'a>(cx: &Cx, groups: Vec<Group<'a>>, sel: &Selection, caveats: &mut Vec<Caveat>, rest: &mut Vec<(String, Fig<'a>)>) -> Vec<Series<'a>> {
    let mut series: Vec<Series<'a>> = Vec::new();
    for g in groups {
        match series.iter_mut().find(|(a, _)| a.code == g.area.code) {
            Some((_, figs)) => figs.extend(g.figs),
            None => series.push((g.area, g.figs)),
        }
    }
    let single: Vec<String> = series.iter().filter(|(_, f)| dates(f) < 2).map(|(a, _)| a.code.clone()).collect();
    series.retain(|(_, f)| dates(f) > 1);
    if !single.is_empty() {
        caveats.push(Caveat::OneDateOnly { areas: single });
    }
    for (_, figs) in &mut series {
        crate::sort::sort_by_key(figs, |f| (f.obs.date.sort_key(), f.obs.record));
    }
    let max_series = sel.top.map_or(MAX_SERIES, |n| (n as usize).min(MAX_SERIES));
    if series.len() > max_series {
        // the lines of the largest last figures, whatever the order asked for
        let last = |f: &[Fig]| f.last().map(|x| x.value.extent()).unwrap_or(0.0);
        crate::sort::sort_by(&mut series, |a, b| last(&b.1).total_cmp(&last(&a.1)).then(a.0.code.cmp(&b.0.code)));
        caveats.push(Caveat::TopSeries { shown: max_series, more: series.len() - max_series });
        for (a, figs) in series.drain(max_series..) {
            for f in figs {
                let key = point_key(&a.code, &f, rest);
                rest.push((key, f));
            }
        }
    }
    match sel.sort {
        SortBy::Name => crate::sort::sort_by(&mut series, |a, b| fold(&area_label(a.0, cx.lang)).cmp(&fold(&area_label(b.0, cx.lang))).then(a.0.code.cmp(&b.0.code))),
        SortBy::Value => {
            let last = |f: &[Fig]| f.last().map(|x| x.value.extent()).unwrap_or(0.0);
            crate::sort::sort_by(&mut series, |a, b| last(&b.1).total_cmp(&last(&a.1)).then(a.0.code.cmp(&b.0.code)))
        }
    }
    series
}

/// Lays out groups as lines over time.
pub fn lay_out<'a>(cx: &Cx, groups: Vec<Group<'a>>, sel: &Selection) -> Laid<'a> {
    let (mut caveats, mut rest) = (Vec::new(), Vec::new());
    let series = series(cx, groups, sel, &mut caveats, &mut rest);
    let legend: Vec<LegendItem> = series
        .iter()
        .enumerate()
        .map(|(i, (a, _))| LegendItem { key: a.code.clone(), label: area_label(a, cx.lang), colour: SERIES_COLOURS[i % SERIES_COLOURS.len()], hidden: sel.hidden.contains(&a.code) })
        .collect();
    let (mut labels, mut colours, mut points) = (Vec::new(), Vec::new(), Vec::new());
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    for ((a, list), item) in series.iter().zip(&legend).filter(|(_, item)| !item.hidden) {
        let sid = labels.len();
        labels.push(item.label.clone());
        colours.push(item.colour);
        let mut rank: BTreeMap<u32, usize> = BTreeMap::new();
        for f in list {
            let r = rank.entry(f.obs.date.sort_key()).or_default();
            let key = point_key(&a.code, f, &figs);
            points.push(SeriesPoint {
                key: key.clone(),
                x: f.obs.date.end().axis_position(),
                y: f.value.extent(),
                label: cx.label(f),
                date: date_of(f.obs.date, cx.lang),
                qualifier: f.qualifier,
                record: f.obs.record,
                rank_at_date: *r,
                series: sid,
            });
            *r += 1;
            figs.push((key, f.clone()));
        }
    }
    let unit = if cx.computed == Computed::Share { Unit::Percent } else { cx.unit };
    let spec = ChartSpec::Series(SeriesSpec { unit, tick_divisor: divisor(cx.scale), points, series: labels, colours });
    Laid { spec, figs, legend, caveats, scale: cx.scale, rest }
}
