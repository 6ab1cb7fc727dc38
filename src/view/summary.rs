//! A written summary of a chart, read from its view model: what is compared, the largest and
//! smallest figures with their areas and dates, the span of dates, and the caveat that matters
//! most (dates that differ, sources that disagree, scopes that differ).
//!
//! [`Summary::of`] reads a [`ChartView`] into typed facts; [`Summary::vi`] and [`Summary::en`] put
//! them into words, nowhere else. Every number in a summary is a figure's own text as drawn (value
//! with qualifier and unit, date), a count of figures, areas, rows, lines or tiles, a year of the
//! figures' dates, or the difference of two exact figures of one line in one unit (to the
//! decimals of the figures). No average, sum or rounded figure is ever written (row totals only
//! pick the longest stacked row). A long chart's figures in its table only ([`ChartView::rest`])
//! count as much as those drawn.

use super::model::{ChartView, Figure};
use super::text::area_name;
use super::Caveat;
use crate::chart::tilemap::{TileMapSpec, TileState};
use crate::chart::{BarSpec, ChartSpec, SeriesSpec, StackAxis, StackSpec};
use crate::explore::Mode;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Qualifier, Unit, Value};
use std::collections::BTreeSet;

/// Lines named one by one; the others are counted.
const MAX_LINES: usize = 3;
/// Rows of a stacked chart listed one by one (more: only the longest row or highest share).
const LISTED_ROWS: usize = 3;
/// Parts of a stacked row listed.
const MAX_PARTS: usize = 3;
/// Figures with the same largest (or smallest) value named.
const MAX_TIED: usize = 3;
/// Places where sources disagree, named.
const MAX_DISAGREEMENTS: usize = 3;

/// When the figures are from.
#[derive(Debug, Clone, PartialEq)]
pub enum Dates {
    /// All of one date (as written: "2023", "12/2024").
    One(String),
    /// One year, several dates in it.
    Year(u16),
    /// Several years: the earliest and the latest.
    Span(u16, u16),
}

/// One figure as a summary names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Its label in the chart (area, maybe with sector or publisher; or the sector alone).
    pub name: String,
    /// The value as written, with qualifier and unit ("hơn 1.000 HTX", "3,8 – hơn 5,5 triệu
    /// đồng/người/tháng").
    pub value: String,
    /// Its date in words.
    pub date: String,
}

/// The largest (or smallest) figures: the first in chart order, and any other with the very same
/// value as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Extreme {
    /// The figures, at most three.
    pub figures: Vec<Named>,
    /// How many more share that value.
    pub more: usize,
}

impl Extreme {
    fn value(&self) -> &str {
        self.figures.first().map(|f| f.value.as_str()).unwrap_or_default()
    }

    fn count(&self) -> usize {
        self.figures.len() + self.more
    }
}

/// What the parts of one area are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// Sectors.
    Sector,
    /// Rating classes.
    Rating,
}

/// A figure with who reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    /// The value as written.
    pub value: String,
    /// The reporter or publisher, without its web address.
    pub who: String,
}

/// One area and date with figures from several sources that differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    /// The area's chart label.
    pub area: String,
    /// The date in words.
    pub date: String,
    /// The figures, in chart order.
    pub figures: Vec<Sourced>,
}

/// The first or last date of a line, with its figure (or the figures of several sources).
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    /// The date in words.
    pub date: String,
    /// One figure, or several (from different sources) when they differ.
    pub figures: Vec<Sourced>,
}

/// How a line changed from its first figure to its last.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Up; by how much, when both figures are exact and in one unit.
    Up(Option<String>),
    /// Down; by how much, when both figures are exact and in one unit.
    Down(Option<String>),
    /// Two exact figures, equal.
    Same,
    /// The qualifiers ("hơn", "gần", a range) do not say which way.
    Unknown,
}

/// One line of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its label.
    pub name: String,
    /// Its first date.
    pub first: End,
    /// Its last date.
    pub last: End,
    /// The change between them.
    pub change: Change,
}

/// One row of a stacked chart, its largest parts first.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its label.
    pub name: String,
    /// Its date in words.
    pub date: String,
    /// (part, value as written), largest first, at most three.
    pub parts: Vec<(String, String)>,
    /// How many more parts it has.
    pub more: usize,
}

/// What a stacked chart's summary says beyond its counts.
#[derive(Debug, Clone, PartialEq)]
pub enum StackDetail {
    /// A few rows, each listed.
    Rows(Vec<Row>),
    /// The longest row of a value axis, with its largest part.
    Longest {
        /// The row.
        row: String,
        /// Its date in words.
        date: String,
        /// Its largest part.
        part: String,
        /// That part's value as written.
        value: String,
    },
    /// The highest share of a 0–100 % axis.
    Highest {
        /// The row.
        row: String,
        /// Its date in words.
        date: String,
        /// The part.
        part: String,
        /// Its value as written.
        value: String,
    },
}

/// What is compared, by chart kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Nothing drawn.
    Empty,
    /// One figure.
    One(Named),
    /// Bars of several areas (or areas and parts).
    Bars {
        /// Figures drawn.
        figures: usize,
        /// Areas they are of.
        areas: usize,
        /// Their dates.
        dates: Dates,
        /// The largest.
        max: Extreme,
        /// The smallest.
        min: Extreme,
    },
    /// The parts of one area at one date (sectors, rating classes).
    Parts {
        /// The area's name.
        area: String,
        /// The date in words.
        date: String,
        /// Sectors or rating classes.
        kind: PartKind,
        /// How many parts.
        parts: usize,
        /// The largest.
        max: Extreme,
        /// The smallest.
        min: Extreme,
    },
    /// Stacked rows.
    Stacked {
        /// Rows drawn.
        rows: usize,
        /// Areas they are of.
        areas: usize,
        /// Sectors or rating classes.
        kind: PartKind,
        /// Classes drawn.
        classes: usize,
        /// Their dates.
        dates: Dates,
        /// Rows listed, or the longest row or highest share.
        detail: StackDetail,
    },
    /// Lines over time.
    Lines {
        /// The lines named.
        lines: Vec<Line>,
        /// How many more lines.
        more: usize,
        /// The span of their dates.
        dates: Dates,
    },
    /// The tile map.
    Map {
        /// Tiles.
        tiles: usize,
        /// Tiles with a figure of their own.
        own: usize,
        /// Tiles with figures of former provinces only.
        former: usize,
        /// Tiles without figures.
        none: usize,
        /// The dates of the tiles' own figures.
        dates: Option<Dates>,
        /// The largest of them.
        max: Option<Extreme>,
        /// The smallest (with two figures or more).
        min: Option<Extreme>,
    },
}

/// The values are computed, not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    /// Shares (else per cooperative).
    pub share: bool,
    /// Each from exactly two figures (else some from the listed parts).
    pub two: bool,
}

/// The facts a summary states.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// What is compared.
    pub body: Body,
    /// The values count things ("nhiều nhất"), rather than measure them ("cao nhất").
    pub counts: bool,
    /// The values are computed.
    pub computed: Option<Derived>,
    /// Areas and dates where sources give different figures (not already said at a line's ends).
    pub disagreements: Vec<Disagreement>,
    /// How many more such places.
    pub more_disagreements: usize,
    /// Scopes differ between sources.
    pub scopes: bool,
}

/// The summary of a view in words. `lang` must be the view's own language (the figures' texts,
/// quoted as they are, are in it); [`ChartView::summary`] holds this, filled by
/// [`crate::view::build`].
pub fn summary(view: &ChartView, ds: &Dataset, lang: Lang) -> String {
    Summary::of(view, ds, lang).text(lang)
}

/// The alternative text of a chart image (PNG or SVG frame): its title and its summary.
pub fn alt_text(view: &ChartView) -> String {
    let title = view.title.trim().trim_end_matches('.');
    match (title.is_empty(), view.summary.trim().is_empty()) {
        (_, true) => format!("{title}."),
        (true, false) => view.summary.clone(),
        (false, false) => format!("{title}. {}", view.summary),
    }
}

// ───────────────────────────── reading the view ─────────────────────────────

/// The label of a figure's sector or rating class, when it has one.
fn part_label(f: &Figure, lang: Lang) -> Option<&'static str> {
    match (f.rating, f.sector) {
        (Some(r), _) => Some(r.label(lang)),
        (None, Some(s)) => Some(s.label(lang)),
        _ => None,
    }
}

fn part_kind(figs: &[&Figure]) -> PartKind {
    if figs.iter().any(|f| f.rating.is_some()) {
        PartKind::Rating
    } else {
        PartKind::Sector
    }
}

/// The years of a figure's date (both ends of a period).
fn years(f: &Figure) -> impl Iterator<Item = u16> + '_ {
    f.date_key.split('/').filter_map(|d| d.get(..4)?.parse().ok())
}

fn dates_of(figs: &[&Figure]) -> Option<Dates> {
    let keys: BTreeSet<&str> = figs.iter().map(|f| f.date_key.as_str()).collect();
    if keys.len() == 1 {
        return Some(Dates::One(figs[0].date.clone()));
    }
    let all: Vec<u16> = figs.iter().flat_map(|f| years(f)).collect();
    let (lo, hi) = (*all.iter().min()?, *all.iter().max()?);
    Some(if lo == hi { Dates::Year(lo) } else { Dates::Span(lo, hi) })
}

fn distinct_areas(figs: &[&Figure]) -> usize {
    figs.iter().map(|f| f.area_code.as_str()).collect::<BTreeSet<_>>().len()
}

/// The largest (`max`) or smallest figure, ordered by the number drawn (a range by its high end),
/// with every other of the very same value as written. Among equal numbers written differently
/// ("hơn 5,5" and "khoảng 5,5"), the largest is the first in chart order and the smallest the
/// last, so that one figure is never both.
fn extreme(items: &[(String, &Figure)], max: bool) -> Extreme {
    let key = |f: &Figure| f.value.extent();
    let mut best: Option<&(String, &Figure)> = None;
    for it in items {
        let better = match best {
            None => true,
            Some(b) if max => key(it.1) > key(b.1),
            Some(b) => key(it.1) <= key(b.1),
        };
        if better {
            best = Some(it);
        }
    }
    let Some(best) = best else { return Extreme { figures: Vec::new(), more: 0 } };
    let tied: Vec<Named> = items
        .iter()
        .filter(|it| key(it.1) == key(best.1) && it.1.value_text == best.1.value_text)
        .map(|(name, f)| Named { name: name.clone(), value: f.value_text.clone(), date: f.date.clone() })
        .collect();
    let more = tied.len().saturating_sub(MAX_TIED);
    Extreme { figures: tied.into_iter().take(MAX_TIED).collect(), more }
}

/// Who reported a figure: the source's reporter or publisher, without a web address in brackets.
fn who(ds: &Dataset, f: &Figure) -> String {
    let source = f.inputs.first().and_then(|i| ds.observation(i.record)).and_then(|o| ds.source(&o.source));
    let name = match source {
        Some(s) => s.reporter.clone().unwrap_or_else(|| s.publisher.clone()),
        None => f.inputs.first().map(|i| i.publisher.clone()).unwrap_or_default(),
    };
    let name = name.split(" (").next().unwrap_or(&name).trim().to_string();
    crate::load::truncate_pub(&name)
}

/// The figures of one place and date (and part) that come from different sources and differ.
fn differ(ds: &Dataset, same: &[&Figure]) -> Option<Vec<Sourced>> {
    let sources: BTreeSet<&str> = same.iter().filter_map(|f| f.inputs.first()).filter_map(|i| ds.observation(i.record)).map(|o| o.source.as_str()).collect();
    let values: BTreeSet<&str> = same.iter().map(|f| f.value_text.as_str()).collect();
    (same.len() > 1 && sources.len() > 1 && values.len() > 1).then(|| same.iter().map(|f| Sourced { value: f.value_text.clone(), who: who(ds, f) }).collect())
}

/// Places where several sources give different figures for one area, date and part.
fn disagreements(ds: &Dataset, figs: &[&Figure], lang: Lang, skip: &[(String, String)]) -> Vec<Disagreement> {
    let mut seen: Vec<(&str, &str, Option<&str>)> = Vec::new();
    let mut out = Vec::new();
    for f in figs {
        let id = (f.area_code.as_str(), f.date_key.as_str(), part_label(f, lang));
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        if skip.iter().any(|(a, d)| *a == f.area_code && *d == f.date_key) {
            continue;
        }
        let same: Vec<&Figure> = figs.iter().copied().filter(|g| (g.area_code.as_str(), g.date_key.as_str(), part_label(g, lang)) == id).collect();
        if let Some(figures) = differ(ds, &same) {
            let mut area = area_name(ds, &f.area_code, lang);
            if let Some(p) = id.2 {
                area = format!("{area} — {p}");
            }
            out.push(Disagreement { area, date: f.date.clone(), figures });
        }
    }
    out
}

/// The number of decimals of a figure as stored.
fn decimals(x: f64) -> i32 {
    let s = format!("{}", x.abs());
    s.split_once('.').map(|(_, f)| f.len() as i32).unwrap_or(0)
}

/// The difference of two exact figures in one unit, as written ("12.180 HTX"); none when either
/// is not exact, is a range or is computed.
fn difference(a: &Figure, b: &Figure, lang: Lang) -> Option<String> {
    let plain = |f: &Figure| f.qualifier.is_exact() && f.formula.is_none() && !f.per_cooperative;
    let (Value::Point(x), Value::Point(y)) = (a.value, b.value) else { return None };
    if !plain(a) || !plain(b) || a.unit != b.unit {
        return None;
    }
    let p = 10f64.powi(decimals(x).max(decimals(y)).min(10));
    let d = ((y - x).abs() * p).round() / p;
    Some(match a.unit {
        Unit::Percent => format!("{} {}", format::number(d, lang), lang.pick("điểm phần trăm", "percentage points")),
        unit => format::amount(d, unit, lang),
    })
}

/// What a figure may be, as an interval (approximate figures count as the number drawn).
fn bounds(f: &Figure) -> (f64, f64) {
    let (lo, hi) = match f.value {
        Value::Point(x) => (x, x),
        Value::Range { low, high, high_open } => (low, if high_open { f64::INFINITY } else { high }),
    };
    match f.qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => (lo, f64::INFINITY),
        Qualifier::Nearly => (f64::NEG_INFINITY, hi),
        _ => (lo, hi),
    }
}

fn change(first: &[&Figure], last: &[&Figure], lang: Lang) -> Change {
    // figures of several sources that agree count as one
    let one = |list: &[&Figure]| list.iter().all(|f| f.value_text == list[0].value_text && f.value == list[0].value);
    let first = if one(first) { &first[..1] } else { first };
    let last = if one(last) { &last[..1] } else { last };
    let mut up = true;
    let mut down = true;
    for a in first {
        for b in last {
            let ((alo, ahi), (blo, bhi)) = (bounds(a), bounds(b));
            up &= ahi < blo;
            down &= alo > bhi;
        }
    }
    let single = first.len() == 1 && last.len() == 1;
    let by = if single { difference(first[0], last[0], lang) } else { None };
    if up {
        Change::Up(by)
    } else if down {
        Change::Down(by)
    } else if single && first[0].value == last[0].value && by.is_some() {
        Change::Same
    } else {
        Change::Unknown
    }
}

/// One end of a line: its figures at one date (several only where sources differ).
fn end(ds: &Dataset, same: &[&Figure]) -> End {
    let figures = differ(ds, same).unwrap_or_else(|| vec![Sourced { value: same[0].value_text.clone(), who: who(ds, same[0]) }]);
    End { date: same[0].date.clone(), figures }
}

/// The figures of a list at its first and at its last date.
fn ends<'a>(figs: &[&'a Figure]) -> (Vec<&'a Figure>, Vec<&'a Figure>) {
    let first = figs.first().map(|f| f.date_key.as_str()).unwrap_or_default();
    let last = figs.last().map(|f| f.date_key.as_str()).unwrap_or_default();
    (figs.iter().copied().filter(|f| f.date_key == first).collect(), figs.iter().copied().filter(|f| f.date_key == last).collect())
}

impl Summary {
    /// The facts of a view's summary. `lang` is the view's language.
    pub fn of(view: &ChartView, ds: &Dataset, lang: Lang) -> Summary {
        // the figures drawn, then those of a long chart in its table only
        let figs: Vec<&Figure> = view.figures.iter().chain(&view.rest).collect();
        let computed = match view.mode {
            Mode::Absolute => None,
            _ if figs.iter().all(|f| f.formula.is_none()) => None,
            mode => Some(Derived { share: mode == Mode::Share, two: figs.iter().all(|f| f.inputs.len() <= 2) }),
        };
        let counts = figs.first().is_some_and(|f| f.unit.is_count());
        let scopes = view.caveats.contains(&Caveat::ScopesDiffer);
        let mut skip = Vec::new();
        let body = match &view.spec {
            _ if figs.is_empty() && !matches!(view.spec, ChartSpec::Map(_)) => Body::Empty,
            ChartSpec::Bars(b) => bars(view, b, ds, lang),
            ChartSpec::Stacked(s) => stacked(view, s, ds, lang),
            ChartSpec::Series(s) => lines(view, s, ds, lang, &mut skip),
            ChartSpec::Map(m) => map(view, m),
        };
        let all = if matches!(view.spec, ChartSpec::Map(_)) { Vec::new() } else { disagreements(ds, &figs, lang, &skip) };
        let more_disagreements = all.len().saturating_sub(MAX_DISAGREEMENTS);
        let disagreements = all.into_iter().take(MAX_DISAGREEMENTS).collect();
        let computed = if body == Body::Empty { None } else { computed };
        Summary { body, counts, computed, disagreements, more_disagreements, scopes: scopes && !figs.is_empty() }
    }

    /// In words.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }
}

/// The name of a figure a long chart does not draw (it is in the table only): its area, with its
/// sector or rating class.
fn undrawn_name(ds: &Dataset, f: &Figure, lang: Lang) -> String {
    let area = area_name(ds, &f.area_code, lang);
    match part_label(f, lang) {
        Some(p) => format!("{area} — {p}"),
        None => area,
    }
}

fn bars(view: &ChartView, spec: &BarSpec, ds: &Dataset, lang: Lang) -> Body {
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
    p.sort_by(|a, b| b.1.value.extent().total_cmp(&a.1.value.extent()));
    p
}

fn stacked(view: &ChartView, spec: &StackSpec, ds: &Dataset, lang: Lang) -> Body {
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

fn lines(view: &ChartView, spec: &SeriesSpec, ds: &Dataset, lang: Lang, skip: &mut Vec<(String, String)>) -> Body {
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
    let more = series.len().saturating_sub(MAX_LINES) + left_out;
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
    Body::Lines { lines, more, dates }
}

fn map(view: &ChartView, spec: &TileMapSpec) -> Body {
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

// ───────────────────────────── words ─────────────────────────────

/// "A, B và C" / "A, B and C".
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} {and} {last}", head.join(", ")),
    }
}

fn dated(n: &Named, with_date: bool) -> String {
    if with_date {
        format!("{} ({})", n.name, n.date)
    } else {
        n.name.clone()
    }
}

fn is_one_date(d: &Dates) -> bool {
    matches!(d, Dates::One(_))
}

impl Summary {
    /// In Vietnamese.
    pub fn vi(&self) -> String {
        let hi = if self.counts { "nhiều nhất" } else { "cao nhất" };
        let lo = if self.counts { "ít nhất" } else { "thấp nhất" };
        let kind = |k: PartKind| match k {
            PartKind::Sector => "lĩnh vực",
            PartKind::Rating => "mức xếp loại",
        };
        let ext = |e: &Extreme, with_date: bool| {
            if e.count() == 1 {
                let n = &e.figures[0];
                if with_date {
                    format!("{} {} ({})", n.name, n.value, n.date)
                } else {
                    format!("{} {}", n.name, n.value)
                }
            } else {
                let mut names: Vec<String> = e.figures.iter().map(|n| dated(n, with_date)).collect();
                if e.more > 0 {
                    names.push(format!("{} nơi khác", e.more));
                }
                format!("{} cùng {}", join(&names, "và"), e.value())
            }
        };
        let dates = |d: &Dates| match d {
            Dates::One(d) => format!("cùng thời điểm {d}"),
            Dates::Year(y) => format!("số liệu năm {y}"),
            Dates::Span(a, b) => format!("số liệu từ {a} đến {b}, không cùng thời điểm"),
        };
        let extremes = |max: &Extreme, min: &Extreme, all: usize, with_date: bool| {
            if max.count() == all {
                format!("Tất cả đều {}.", max.value())
            } else {
                format!("{}: {}; {lo}: {}.", capital(hi), ext(max, with_date), ext(min, with_date))
            }
        };
        let mut out: Vec<String> = Vec::new();
        match &self.body {
            Body::Empty => return "Không có số liệu cho lựa chọn này.".into(),
            Body::One(n) => out.push(format!("{}: {} ({}).", n.name, n.value, n.date)),
            Body::Bars { figures, areas, dates: d, max, min } => {
                let what = if figures == areas { format!("{areas} địa bàn") } else { format!("{figures} số liệu của {areas} địa bàn") };
                out.push(format!("{what}, {}.", dates(d)));
                out.extend(self.computed_vi());
                out.push(extremes(max, min, *figures, !is_one_date(d)));
            }
            Body::Parts { area, date, kind: k, parts, max, min } => {
                if *parts == 1 {
                    out.push(format!("{area}, {date}: {}.", ext(max, false)));
                } else if max.count() == *parts {
                    out.push(format!("{area}, {date}, {parts} {}: đều {}.", kind(*k), max.value()));
                } else {
                    out.push(format!("{area}, {date}, {parts} {}: {hi} {}; {lo} {}.", kind(*k), ext(max, false), ext(min, false)));
                }
                out.extend(self.computed_vi());
            }
            Body::Stacked { rows, areas, kind: k, classes, dates: d, detail } => {
                let what = if rows == areas { format!("{areas} địa bàn") } else { format!("{rows} hàng của {areas} địa bàn") };
                out.push(format!("{what}, {classes} {}, {}.", kind(*k), dates(d)));
                out.extend(self.computed_vi());
                let with_date = !is_one_date(d);
                let row_name = |name: &str, date: &str| if with_date { format!("{name} ({date})") } else { name.to_string() };
                out.push(match detail {
                    StackDetail::Rows(rows) => {
                        let list: Vec<String> = rows
                            .iter()
                            .map(|r| {
                                let mut parts: Vec<String> = r.parts.iter().map(|(p, v)| format!("{p} {v}")).collect();
                                if r.more > 0 {
                                    parts.push(format!("{} {} khác", r.more, kind(*k)));
                                }
                                format!("{}: {}", row_name(&r.name, &r.date), join(&parts, "và"))
                            })
                            .collect();
                        format!("{}.", list.join("; "))
                    }
                    StackDetail::Longest { row, date, part, value } => format!("Hàng dài nhất: {}, trong đó {hi} {part} {value}.", row_name(row, date)),
                    StackDetail::Highest { row, date, part, value } => format!("Tỷ lệ cao nhất: {}, {part} {value}.", row_name(row, date)),
                });
            }
            Body::Lines { lines, more, dates: d } => {
                let span = match d {
                    Dates::One(d) => format!("thời điểm {d}"),
                    Dates::Year(y) => format!("số liệu năm {y}"),
                    Dates::Span(a, b) => format!("số liệu từ {a} đến {b}"),
                };
                out.push(format!("{} đường, {span}.", lines.len() + more));
                out.extend(self.computed_vi());
                let end = |e: &End| match e.figures.as_slice() {
                    [one] => format!("{} ({})", one.value, e.date),
                    many => format!("{} cho {}", join(&many.iter().map(|s| format!("{} ({})", s.value, s.who)).collect::<Vec<_>>(), "và"), e.date),
                };
                let mut list: Vec<String> = lines
                    .iter()
                    .map(|l| {
                        let (a, b) = (end(&l.first), end(&l.last));
                        let how = match &l.change {
                            Change::Up(Some(by)) => format!("tăng {by}, từ {a} lên {b}"),
                            Change::Up(None) => format!("tăng từ {a} lên {b}"),
                            Change::Down(Some(by)) => format!("giảm {by}, từ {a} xuống {b}"),
                            Change::Down(None) => format!("giảm từ {a} xuống {b}"),
                            Change::Same => format!("không đổi, từ {a} đến {b}"),
                            Change::Unknown => format!("từ {a} đến {b}"),
                        };
                        format!("{}: {how}", l.name)
                    })
                    .collect();
                if *more > 0 {
                    list.push(format!("và {more} đường khác"));
                }
                out.push(format!("{}.", list.join("; ")));
            }
            Body::Map { tiles, own, former, none, dates: d, max, min } => {
                let mut parts = vec![format!("{own} tỉnh có số liệu riêng")];
                if *former > 0 {
                    parts.push(format!("{former} chỉ có số liệu tỉnh cũ"));
                }
                if *none > 0 {
                    parts.push(format!("{none} không có"));
                }
                out.push(format!("Bản đồ {tiles} tỉnh, thành: {}.", parts.join(", ")));
                match d {
                    Some(Dates::One(d)) if *own > 1 => out.push(format!("Số liệu cùng thời điểm {d}.")),
                    Some(d) if *own > 1 => out.push(format!("{}.", capital(&dates(d)))),
                    _ => {}
                }
                let with_date = !d.as_ref().is_some_and(is_one_date) || *own == 1;
                match (max, min) {
                    (Some(max), Some(min)) => out.push(extremes(max, min, *own, with_date)),
                    (Some(max), None) => out.push(format!("{}.", ext(max, true))),
                    _ => {}
                }
            }
        }
        if !self.disagreements.is_empty() {
            let mut list: Vec<String> = self
                .disagreements
                .iter()
                .map(|d| format!("{}, {}: {}", d.area, d.date, join(&d.figures.iter().map(|s| format!("{} ({})", s.value, s.who)).collect::<Vec<_>>(), "và")))
                .collect();
            if self.more_disagreements > 0 {
                list.push(format!("và {} chỗ khác", self.more_disagreements));
            }
            out.push(format!("Các nguồn ghi khác nhau cho {}.", list.join("; ")));
        }
        if self.scopes {
            out.push("Phạm vi thống kê khác nhau giữa các nguồn.".into());
        }
        out.join(" ")
    }

    fn computed_vi(&self) -> Option<String> {
        let d = self.computed?;
        let what = if d.share { "Tỷ lệ" } else { "Bình quân một HTX" };
        let from = if d.two { "hai số liệu" } else { "các số liệu" };
        Some(format!("{what} tính từ {from} cùng thời điểm của mỗi địa bàn."))
    }

    /// In English.
    pub fn en(&self) -> String {
        let hi = if self.counts { "largest" } else { "highest" };
        let lo = if self.counts { "smallest" } else { "lowest" };
        let kind = |k: PartKind, n: usize| match (k, n == 1) {
            (PartKind::Sector, true) => "sector",
            (PartKind::Sector, false) => "sectors",
            (PartKind::Rating, true) => "rating class",
            (PartKind::Rating, false) => "rating classes",
        };
        let areas_word = |n: usize| if n == 1 { "area" } else { "areas" };
        let ext = |e: &Extreme, with_date: bool| {
            if e.count() == 1 {
                let n = &e.figures[0];
                if with_date {
                    format!("{} {} ({})", n.name, n.value, n.date)
                } else {
                    format!("{} {}", n.name, n.value)
                }
            } else {
                let mut names: Vec<String> = e.figures.iter().map(|n| dated(n, with_date)).collect();
                if e.more > 0 {
                    names.push(format!("{} more", e.more));
                }
                format!("{}, {} each", join(&names, "and"), e.value())
            }
        };
        let dates = |d: &Dates| match d {
            Dates::One(d) => format!("all dated {d}"),
            Dates::Year(y) => format!("figures of {y}"),
            Dates::Span(a, b) => format!("figures from {a} to {b}, not of one date"),
        };
        let extremes = |max: &Extreme, min: &Extreme, all: usize, with_date: bool| {
            if max.count() == all {
                format!("All are {}.", max.value())
            } else {
                format!("{}: {}; {lo}: {}.", capital(hi), ext(max, with_date), ext(min, with_date))
            }
        };
        let mut out: Vec<String> = Vec::new();
        match &self.body {
            Body::Empty => return "No figures for this choice.".into(),
            Body::One(n) => out.push(format!("{}: {} ({}).", n.name, n.value, n.date)),
            Body::Bars { figures, areas, dates: d, max, min } => {
                let what = if figures == areas { format!("{areas} {}", areas_word(*areas)) } else { format!("{figures} figures for {areas} {}", areas_word(*areas)) };
                out.push(format!("{}, {}.", capital(&what), dates(d)));
                out.extend(self.computed_en());
                out.push(extremes(max, min, *figures, !is_one_date(d)));
            }
            Body::Parts { area, date, kind: k, parts, max, min } => {
                if *parts == 1 {
                    out.push(format!("{area}, {date}: {}.", ext(max, false)));
                } else if max.count() == *parts {
                    out.push(format!("{area}, {date}, {parts} {}: all {}.", kind(*k, *parts), max.value()));
                } else {
                    out.push(format!("{area}, {date}, {parts} {}: {hi} {}; {lo} {}.", kind(*k, *parts), ext(max, false), ext(min, false)));
                }
                out.extend(self.computed_en());
            }
            Body::Stacked { rows, areas, kind: k, classes, dates: d, detail } => {
                let what = if rows == areas {
                    format!("{areas} {}", areas_word(*areas))
                } else {
                    format!("{rows} rows for {areas} {}", areas_word(*areas))
                };
                out.push(format!("{what}, {classes} {}, {}.", kind(*k, *classes), dates(d)));
                out.extend(self.computed_en());
                let with_date = !is_one_date(d);
                let row_name = |name: &str, date: &str| if with_date { format!("{name} ({date})") } else { name.to_string() };
                out.push(match detail {
                    StackDetail::Rows(rows) => {
                        let list: Vec<String> = rows
                            .iter()
                            .map(|r| {
                                let mut parts: Vec<String> = r.parts.iter().map(|(p, v)| format!("{p} {v}")).collect();
                                if r.more > 0 {
                                    parts.push(format!("{} more {}", r.more, kind(*k, r.more)));
                                }
                                format!("{}: {}", row_name(&r.name, &r.date), join(&parts, "and"))
                            })
                            .collect();
                        format!("{}.", list.join("; "))
                    }
                    StackDetail::Longest { row, date, part, value } => format!("Longest row: {}, its {hi} part {part} {value}.", row_name(row, date)),
                    StackDetail::Highest { row, date, part, value } => format!("Highest share: {}, {part} {value}.", row_name(row, date)),
                });
            }
            Body::Lines { lines, more, dates: d } => {
                let n = lines.len() + more;
                let span = match d {
                    Dates::One(d) => format!("dated {d}"),
                    Dates::Year(y) => format!("figures of {y}"),
                    Dates::Span(a, b) => format!("figures from {a} to {b}"),
                };
                out.push(format!("{n} {}, {span}.", if n == 1 { "line" } else { "lines" }));
                out.extend(self.computed_en());
                let end = |e: &End| match e.figures.as_slice() {
                    [one] => format!("{} ({})", one.value, e.date),
                    many => format!("{} for {}", join(&many.iter().map(|s| format!("{} ({})", s.value, s.who)).collect::<Vec<_>>(), "and"), e.date),
                };
                let mut list: Vec<String> = lines
                    .iter()
                    .map(|l| {
                        let (a, b) = (end(&l.first), end(&l.last));
                        let how = match &l.change {
                            Change::Up(Some(by)) => format!("up {by}, from {a} to {b}"),
                            Change::Up(None) => format!("up from {a} to {b}"),
                            Change::Down(Some(by)) => format!("down {by}, from {a} to {b}"),
                            Change::Down(None) => format!("down from {a} to {b}"),
                            Change::Same => format!("unchanged, from {a} to {b}"),
                            Change::Unknown => format!("from {a} to {b}"),
                        };
                        format!("{}: {how}", l.name)
                    })
                    .collect();
                if *more > 0 {
                    list.push(format!("and {more} more {}", if *more == 1 { "line" } else { "lines" }));
                }
                out.push(format!("{}.", list.join("; ")));
            }
            Body::Map { tiles, own, former, none, dates: d, max, min } => {
                let mut parts = vec![format!("{own} with figures of their own")];
                if *former > 0 {
                    parts.push(format!("{former} with figures of former provinces only"));
                }
                if *none > 0 {
                    parts.push(format!("{none} with none"));
                }
                out.push(format!("Map of the {tiles} provinces: {}.", parts.join(", ")));
                match d {
                    Some(Dates::One(d)) if *own > 1 => out.push(format!("Figures all dated {d}.")),
                    Some(d) if *own > 1 => out.push(format!("{}.", capital(&dates(d)))),
                    _ => {}
                }
                let with_date = !d.as_ref().is_some_and(is_one_date) || *own == 1;
                match (max, min) {
                    (Some(max), Some(min)) => out.push(extremes(max, min, *own, with_date)),
                    (Some(max), None) => out.push(format!("{}.", ext(max, true))),
                    _ => {}
                }
            }
        }
        if !self.disagreements.is_empty() {
            let mut list: Vec<String> = self
                .disagreements
                .iter()
                .map(|d| format!("{}, {}: {}", d.area, d.date, join(&d.figures.iter().map(|s| format!("{} ({})", s.value, s.who)).collect::<Vec<_>>(), "and")))
                .collect();
            if self.more_disagreements > 0 {
                list.push(format!("and {} more", self.more_disagreements));
            }
            out.push(format!("Sources differ for {}.", list.join("; ")));
        }
        if self.scopes {
            out.push("Scopes differ between sources.".into());
        }
        out.join(" ")
    }

    fn computed_en(&self) -> Option<String> {
        let d = self.computed?;
        let what = if d.share { "Shares are" } else { "Per-cooperative values are" };
        let from = if d.two { "two figures" } else { "figures" };
        Some(format!("{what} computed from {from} of the same area and date."))
    }
}

/// The text with its first letter in upper case.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
