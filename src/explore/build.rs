//! From a [`Selection`] to what the explorer shows: the chart view, the choices that make sense,
//! the legend, the table rows and how each computed figure was computed.
//!
//! The data is the product: figures are drawn as reported. Shares and per-cooperative ratios are
//! computed only from figures of the same area and the same date (never across dates), and each
//! says how it was computed ([`Derived`]).

use super::search::fold;
use super::selection::{AreaSet, ChartKind, DatePick, Mode, Selection, SortBy};
use crate::chart::{BarRow, BarSpec, ChartSpec, Segment, SeriesPoint, SeriesSpec, StackAxis, StackRow, StackSpec, GREY};
use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Area, DateRef, Dataset, Level, Metric, Observation, Qualifier, Rating, Sector, Unit, Value};
use crate::query::views::{caveats_with, date_text, divisor, flagged, money_scale, notes_for, short_value, source_line};
use crate::query::{area_label, ChartView};
use std::collections::{BTreeMap, BTreeSet};

/// Everything the explorer shows for one selection.
#[derive(Debug, Clone, PartialEq)]
pub struct ExploreView {
    /// The chart to draw (title, caveats, unit line, spec, source line, notes, records).
    pub chart: ChartView,
    /// Chart kinds that make sense for this selection: Bars and Table always; Stacked and
    /// Stacked100 with a sector breakdown (Stacked100 only for rating shares); Line when some
    /// selected area has figures at several dates.
    pub kinds: Vec<ChartKind>,
    /// Modes available: Absolute always; Share with a sector breakdown, or for a subset of the
    /// cooperatives (operating, inactive, small) where a same-date count exists; PerCooperative
    /// for capital, assets, revenue, profit, members and workers where a same-date count exists.
    pub modes: Vec<Mode>,
    /// Years that have figures of this metric in the selected areas, ascending.
    pub years: Vec<u16>,
    /// The series of stacked and line charts (empty for bars and tables).
    pub legend: Vec<LegendItem>,
    /// Exactly the figures in the chart, in chart order.
    pub rows: Vec<TableRow>,
    /// The computed figures in the chart (shares, per-cooperative ratios) and how each was computed.
    pub derived: Vec<Derived>,
    /// Codes of every area (all levels) that has this metric in this unit, in dataset order.
    pub areas_with_data: Vec<String>,
    /// The chart kind actually drawn (the selection's, or Bars when it does not make sense here).
    pub chart_kind: ChartKind,
    /// The mode actually used (the selection's, or Absolute when it is not available here).
    pub mode: Mode,
    /// True when the selected areas have this metric by sector (the "by sector" switch applies).
    pub can_by_sector: bool,
    /// True when the chart is broken down by sector (asked for and possible).
    pub by_sector: bool,
}

/// One entry of the legend of a stacked or line chart; a click hides or shows its series
/// (see [`Selection::toggled`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendItem {
    /// Key written in `hide=` (a sector or rating key, or an area code for lines).
    pub key: String,
    /// Label.
    pub label: String,
    /// Palette index: 0–7 the theme's Okabe–Ito palette, 8 ([`crate::chart::GREY`]) a neutral
    /// grey (for “other”); [`crate::chart::Theme::series_colour`] gives the colour.
    pub colour: usize,
    /// True when the series is hidden (not drawn, not in the table).
    pub hidden: bool,
}

/// One figure of the chart, as a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The key of its mark in the chart.
    pub key: String,
    /// Area name; a former province says which current province it is now part of.
    pub area: String,
    /// What is measured (with sector or rating class; for a computed figure, what was computed),
    /// and what the figure covers in brackets when the source says so ("… (gồm cả QTDND)").
    pub metric: String,
    /// The value with qualifier and unit ("hơn 148 tỷ đồng", "2,129 tỷ đồng/HTX").
    pub value: String,
    /// The qualifier in words; for a computed figure "tính từ …" with both inputs.
    pub qualifier: String,
    /// The date.
    pub date: String,
    /// The source ("Publisher: Title (date)"); both sources for a computed figure.
    pub source: String,
    /// Link to the (first) source, when it has one.
    pub url: Option<String>,
    /// Record indexes of the figures it is (or is computed from).
    pub records: Vec<usize>,
    /// True for a computed figure (share, per-cooperative ratio).
    pub derived: bool,
}

/// A computed value in the chart and how it was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The mark key.
    pub key: String,
    /// The value as shown, with unit ("2,129 tỷ đồng/HTX", "69% ").
    pub value: String,
    /// How: "1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023".
    pub formula: String,
    /// The records it is computed from (the figure first).
    pub records: Vec<usize>,
    /// The sources of the inputs (one, or both joined by "; ").
    pub sources: String,
    /// The unrounded value (base units per cooperative, or percent).
    pub raw: f64,
}

/// The (metric, unit) pairs of the dataset with the number of areas (all levels) that have each,
/// in metric order.
pub fn metric_choices(ds: &Dataset) -> Vec<(Metric, Unit, usize)> {
    let mut m: BTreeMap<(Metric, Unit), BTreeSet<&str>> = BTreeMap::new();
    for o in &ds.observations {
        m.entry((o.metric, o.unit)).or_default().insert(&o.area);
    }
    m.into_iter().map(|((metric, unit), areas)| (metric, unit, areas.len())).collect()
}

// ---------------------------------------------------------------------------------------------
// parts: sectors and rating classes

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Sector(Sector),
    Rating(Rating),
}

const RATING_ORDER: [Rating; 5] = [Rating::Good, Rating::GoodOrFair, Rating::Fair, Rating::Average, Rating::Weak];

impl Part {
    fn key(self) -> &'static str {
        match self {
            Part::Sector(s) => s.key(),
            Part::Rating(r) => r.key(),
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Part::Sector(s) => s.label(lang),
            Part::Rating(r) => r.label(lang),
        }
    }

    /// Stable palette index.
    fn colour(self) -> usize {
        match self {
            Part::Sector(s) => sector_colour(s),
            Part::Rating(r) => match r {
                Rating::Good => 2,
                Rating::GoodOrFair => 0,
                Rating::Fair => 4,
                Rating::Average => 6,
                Rating::Weak => 5,
            },
        }
    }

    fn order(self) -> usize {
        match self {
            Part::Sector(s) => Sector::ALL.iter().position(|x| *x == s).unwrap_or(0),
            Part::Rating(r) => RATING_ORDER.iter().position(|x| *x == r).unwrap_or(0),
        }
    }
}

/// The stable palette index of a sector (Okabe–Ito; “other” grey, “non-agriculture” black).
pub fn sector_colour(s: Sector) -> usize {
    match s {
        Sector::Agriculture => 2,
        Sector::IndustryHandicraft => 0,
        Sector::Construction => 1,
        Sector::TradeServices => 3,
        Sector::Transport => 4,
        Sector::Credit => 5,
        Sector::General => 6,
        Sector::NonAgriculture => 7,
        Sector::Other => GREY,
    }
}

/// Colours of line series, in order.
const SERIES_COLOURS: [usize; 8] = [0, 1, 2, 3, 4, 5, 7, 6];

// ---------------------------------------------------------------------------------------------
// figures

/// What a computed figure is divided by.
#[derive(Debug, Clone)]
enum Den<'a> {
    /// The number of cooperatives of the same area and date (per cooperative, or the share of a
    /// subset of cooperatives).
    Count(&'a Observation),
    /// The total the source reports for the same area, date and metric.
    Total(&'a Observation),
    /// The sum of the parts the source lists (no total reported).
    PartsSum(f64, Vec<&'a Observation>),
}

#[derive(Debug, Clone)]
struct Fig<'a> {
    obs: &'a Observation,
    part: Option<Part>,
    den: Option<Den<'a>>,
    /// The value drawn: base units, or percent for shares.
    value: Value,
    qualifier: Qualifier,
}

impl<'a> Fig<'a> {
    fn plain(obs: &'a Observation, part: Option<Part>) -> Fig<'a> {
        Fig { obs, part, den: None, value: obs.value, qualifier: obs.qualifier }
    }

    fn records(&self) -> Vec<usize> {
        let mut r = vec![self.obs.record];
        match &self.den {
            Some(Den::Count(o)) | Some(Den::Total(o)) => r.push(o.record),
            Some(Den::PartsSum(_, parts)) => r.extend(parts.iter().map(|p| p.record).filter(|x| *x != self.obs.record)),
            None => {}
        }
        r
    }

    fn inputs(&self) -> Vec<&'a Observation> {
        let mut v = vec![self.obs];
        match &self.den {
            Some(Den::Count(o)) | Some(Den::Total(o)) => v.push(o),
            Some(Den::PartsSum(_, parts)) => v.extend(parts.iter().filter(|p| p.record != self.obs.record)),
            None => {}
        }
        v
    }
}

/// The qualifier of a quotient: exact only when both are exact; a "more than" numerator over an
/// exact count stays "more than"; an estimate or preliminary figure keeps its word; otherwise
/// "about".
fn quotient_qualifier(num: Qualifier, den: Qualifier) -> Qualifier {
    use Qualifier::*;
    match (num, den) {
        (q, Exact) => q,
        (Exact, q @ (Estimate | Preliminary | About)) => q,
        (a, b) if a == b && matches!(a, Estimate | Preliminary) => a,
        _ => About,
    }
}

fn divide(num: Value, den: Value, factor: f64) -> Option<Value> {
    let (dl, dh) = (den.low(), den.extent());
    if dl <= 0.0 {
        return None;
    }
    Some(match (num, den) {
        (Value::Point(n), Value::Point(d)) => Value::Point(n / d * factor),
        (Value::Range { low, high, high_open }, Value::Point(d)) => Value::Range { low: low / d * factor, high: high / d * factor, high_open },
        (n, _) => Value::Range { low: n.low() / dh * factor, high: n.extent() / dl * factor, high_open: false },
    })
}

/// The cooperatives count of the same area at the same date, preferring the same source.
fn count_partner<'a>(ds: &'a Dataset, o: &Observation) -> Option<&'a Observation> {
    let same: Vec<&Observation> = ds
        .observations
        .iter()
        .filter(|p| p.metric == Metric::Cooperatives && p.unit == Unit::Cooperatives && p.sector.is_none() && p.rating.is_none())
        .filter(|p| p.area == o.area && p.date == o.date)
        .collect();
    same.iter().find(|p| p.source == o.source).or(same.first()).copied()
}

const PER_COOP_METRICS: [Metric; 7] =
    [Metric::CharterCapital, Metric::TotalCapital, Metric::TotalAssets, Metric::Revenue, Metric::Profit, Metric::Members, Metric::Workers];
const SUBSET_METRICS: [Metric; 3] = [Metric::CooperativesOperating, Metric::CooperativesInactive, Metric::CooperativesSmall];

/// Latest: per area the latest date (all sources at that date); Year: figures of that year.
fn pick_dates(obs: Vec<&Observation>, pick: DatePick) -> Vec<&Observation> {
    match pick {
        DatePick::Year(y) => obs.into_iter().filter(|o| o.date.year() == y).collect(),
        DatePick::Latest => {
            let mut latest: BTreeMap<&str, u32> = BTreeMap::new();
            for o in &obs {
                let k = latest.entry(&o.area).or_insert(0);
                *k = (*k).max(o.date.sort_key());
            }
            obs.into_iter().filter(|o| latest.get(o.area.as_str()) == Some(&o.date.sort_key())).collect()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// text

fn date_of(d: DateRef, lang: Lang) -> String {
    match lang {
        Lang::Vi => d.vi(),
        Lang::En => d.en(),
    }
}

/// A publisher without its web address in brackets, for bar labels.
fn short_publisher(ds: &Dataset, source: &str) -> String {
    let p = ds.source(source).map(|s| s.publisher.as_str()).unwrap_or(source);
    let p = p.split(" (").next().unwrap_or(p);
    crate::load::truncate_pub(p.trim())
}

/// The area as a table names it: the official name; a former province says where it is now.
fn area_text(ds: &Dataset, a: &Area, lang: Lang) -> String {
    let name = match lang {
        Lang::Vi => a.name.clone(),
        Lang::En => a.name_en.clone().unwrap_or_else(|| a.name.clone()),
    };
    let parent = a.part_of.as_deref().and_then(|p| ds.area(p)).map(|p| match lang {
        Lang::Vi => p.name.clone(),
        Lang::En => p.name_en.clone().unwrap_or_else(|| p.name.clone()),
    });
    match (a.level, parent) {
        (Level::FormerProvince, Some(p)) => format!("{name} ({}, {} {p})", lang.pick("cũ", "former"), lang.pick("nay thuộc", "now part of")),
        (Level::FormerProvince, None) => format!("{name} ({})", lang.pick("cũ", "former")),
        (Level::City, Some(p)) => format!("{name} ({} {p})", lang.pick("thuộc", "in")),
        _ => name,
    }
}

/// A number rounded for display: 3 decimals (or 3 significant digits below 1).
fn round_display(x: f64, decimals: i32) -> f64 {
    let d = if x != 0.0 && x.abs() < 1.0 { (decimals - 1).max(-(x.abs().log10().floor() as i32) + 2).min(10) } else { decimals };
    let p = 10f64.powi(d);
    (x * p).round() / p
}

/// How a computed value is written in the chart's scale, with qualifier words.
fn derived_label(v: Value, q: Qualifier, scale: MoneyScale, percent: bool, lang: Lang) -> String {
    let dec = if percent { 1 } else { 3 };
    let n = |x: f64| format::number(round_display(x / divisor(scale), dec), lang);
    let pct = if percent { "%" } else { "" };
    let body = match v {
        Value::Point(x) => format!("{}{pct}", n(x)),
        Value::Range { low, high, high_open } => {
            let open = if high_open { format!("{} ", lang.pick("hơn", "over")) } else { String::new() };
            format!("{}{pct}–{open}{}{pct}", n(low), n(high))
        }
    };
    let mut s = String::new();
    if let Some(p) = q.prefix(lang) {
        s.push_str(p);
        s.push(' ');
    }
    s.push_str(&body);
    if let Some(x) = q.suffix(lang) {
        s.push(' ');
        s.push_str(x);
    }
    s
}

/// The unit of a per-cooperative value: "tỷ đồng/HTX", "người/HTX".
fn per_coop_unit(unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{}/HTX", format::unit_text(unit, scale, lang)),
        Lang::En => format!("{} per cooperative", format::unit_text(unit, scale, lang)),
    }
}

fn metric_text(o: &Observation, lang: Lang) -> String {
    let mut m = Selection::metric_label(o.metric, o.unit, lang);
    if let Some(s) = o.sector {
        m.push_str(&format!(" — {}", s.label(lang)));
    }
    if let Some(r) = o.rating {
        m.push_str(&format!(" — {}", r.label(lang)));
    }
    m
}

fn citation(ds: &Dataset, source: &str) -> String {
    ds.source(source).map(|s| s.citation()).unwrap_or_else(|| source.to_string())
}

// ---------------------------------------------------------------------------------------------
// groups: what one bar row, stacked row or line series point stands for

#[derive(Debug)]
struct Group<'a> {
    area: &'a Area,
    date: DateRef,
    source: &'a str,
    /// The sector of a rating breakdown (rating shares of one sector's cooperatives).
    sector: Option<Sector>,
    figs: Vec<Fig<'a>>,
    key: String,
    label: String,
}

impl Group<'_> {
    fn total(&self) -> f64 {
        self.figs.iter().map(|f| f.value.extent()).sum()
    }
}

/// Groups figures by area, date, source (and sector for rating shares), gives each a unique key
/// and a label that tells apart several groups of one area.
fn make_groups<'a>(ds: &'a Dataset, figs: Vec<Fig<'a>>, lang: Lang) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for f in figs {
        let Some(area) = ds.area(&f.obs.area) else { continue };
        let sector = if matches!(f.part, Some(Part::Rating(_))) { f.obs.sector } else { None };
        let with_parts = f.part.is_some();
        let found = groups.iter_mut().find(|g| {
            with_parts && g.area.code == area.code && g.date == f.obs.date && g.source == f.obs.source && g.sector == sector
        });
        match found {
            Some(g) => g.figs.push(f),
            None => groups.push(Group { area, date: f.obs.date, source: &f.obs.source, sector, figs: vec![f], key: String::new(), label: String::new() }),
        }
    }
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for g in &groups {
        *count.entry(g.area.code.clone()).or_default() += 1;
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..groups.len() {
        let code = groups[i].area.code.clone();
        let n = seen.entry(code.clone()).or_default();
        *n += 1;
        groups[i].key = if *n == 1 { code.clone() } else { format!("{code}#{n}") };
        let mut label = area_label(groups[i].area, lang);
        if let Some(s) = groups[i].sector {
            label = format!("{label} ({})", s.label(lang).to_lowercase());
        }
        if count[&code] > 1 {
            let same: Vec<&Group> = groups.iter().filter(|g| g.area.code == code).collect();
            let sources: BTreeSet<&str> = same.iter().map(|g| g.source).collect();
            let scopes: BTreeSet<Option<&str>> = same.iter().map(|g| g.figs[0].obs.scope.as_deref()).collect();
            let same_date = same.iter().filter(|g| g.date == groups[i].date).count() > 1;
            if sources.len() > 1 && same_date {
                label = format!("{label} ({})", short_publisher(ds, groups[i].source));
            } else if scopes.len() > 1 {
                if let Some(scope) = &groups[i].figs[0].obs.scope {
                    label = format!("{label} — {scope}");
                }
            }
        }
        groups[i].label = label;
    }
    groups
}

fn sort_groups(groups: &mut [Group], sort: SortBy) {
    let name = |g: &Group| fold(&g.label);
    match sort {
        SortBy::Value => groups.sort_by(|a, b| {
            b.total().total_cmp(&a.total()).then_with(|| a.area.code.cmp(&b.area.code)).then_with(|| b.date.sort_key().cmp(&a.date.sort_key()))
        }),
        SortBy::Name => groups.sort_by(|a, b| {
            name(a).cmp(&name(b)).then_with(|| a.area.code.cmp(&b.area.code)).then_with(|| a.date.sort_key().cmp(&b.date.sort_key()))
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// the build

/// What the chart's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Computed {
    /// As reported.
    Reported,
    /// Value ÷ cooperatives of the same area and date.
    PerCoop,
    /// Percent of the total (reported total, sum of parts, or number of cooperatives).
    Share,
}

struct Out<'a> {
    spec: ChartSpec,
    rows: Vec<TableRow>,
    derived: Vec<Derived>,
    /// The figures drawn, in chart order (primary records).
    figs: Vec<(String, Fig<'a>)>,
    legend: Vec<LegendItem>,
}

/// Builds what the explorer shows for a selection. A chart kind or mode that does not make
/// sense for the selection falls back to bars or absolute values, with a caveat saying so.
pub fn build(ds: &Dataset, sel: &Selection, lang: Lang) -> ExploreView {
    let custom: Vec<&str> = match &sel.areas {
        AreaSet::Custom(c) => c.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let in_scope = |a: &Area| match &sel.areas {
        AreaSet::Local => a.level.is_local(),
        AreaSet::Provinces => a.level == Level::Province,
        AreaSet::Regions => a.level == Level::Region,
        AreaSet::Country => a.level == Level::Country,
        AreaSet::Custom(_) => custom.contains(&a.code.as_str()),
    };
    let metric_obs: Vec<&Observation> = ds.observations.iter().filter(|o| o.metric == sel.metric && o.unit == sel.unit).collect();
    let areas_with_data: Vec<String> =
        ds.areas.iter().filter(|a| metric_obs.iter().any(|o| o.area == a.code)).map(|a| a.code.clone()).collect();
    let scoped: Vec<&Observation> = metric_obs.iter().copied().filter(|o| ds.area(&o.area).is_some_and(in_scope)).collect();
    let mut years: Vec<u16> = scoped.iter().map(|o| o.date.year()).collect();
    years.sort_unstable();
    years.dedup();

    let is_rating = sel.metric == Metric::RatingShare;
    let totals: Vec<&Observation> = scoped.iter().copied().filter(|o| o.sector.is_none() && o.rating.is_none()).collect();
    let parts: Vec<&Observation> = scoped.iter().copied().filter(|o| o.sector.is_some() && o.rating.is_none()).collect();
    let ratings: Vec<&Observation> = scoped.iter().copied().filter(|o| o.rating.is_some() && o.value.point().is_some()).collect();
    let can_by_sector = !is_rating && !parts.is_empty();
    let by_sector = sel.by_sector && can_by_sector;

    // what is available
    let has_partner = |list: &[&Observation]| list.iter().any(|o| count_partner(ds, o).is_some());
    let subset_share = SUBSET_METRICS.contains(&sel.metric) && has_partner(&totals);
    let per_coop = PER_COOP_METRICS.contains(&sel.metric) && has_partner(&totals);
    let mut modes = vec![Mode::Absolute];
    if by_sector || (!sel.by_sector && subset_share) {
        modes.push(Mode::Share);
    }
    if !by_sector && per_coop {
        modes.push(Mode::PerCooperative);
    }
    let mut dates_per_area: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for o in &totals {
        dates_per_area.entry(&o.area).or_default().insert(o.date.sort_key());
    }
    let line_ok = !is_rating && dates_per_area.values().any(|d| d.len() > 1);
    let mut kinds = vec![ChartKind::Bars];
    if by_sector {
        kinds.extend([ChartKind::Stacked, ChartKind::Stacked100]);
    }
    if is_rating && !ratings.is_empty() {
        kinds.push(ChartKind::Stacked100);
    }
    if line_ok {
        kinds.push(ChartKind::Line);
    }
    let map_ok = !is_rating
        && ds.observations.iter().any(|o| {
            o.metric == sel.metric
                && o.unit == sel.unit
                && o.sector.is_none()
                && ds.area(&o.area).is_some_and(|a| matches!(a.level, Level::Province | Level::FormerProvince))
        });
    if map_ok {
        kinds.push(ChartKind::Map);
    }
    kinds.push(ChartKind::Table);

    let mut caveats: Vec<String> = Vec::new();
    let chart_kind = if kinds.contains(&sel.chart) {
        sel.chart
    } else if is_rating && sel.chart == ChartKind::Stacked && kinds.contains(&ChartKind::Stacked100) {
        ChartKind::Stacked100
    } else {
        caveats.push(match lang {
            Lang::Vi => format!("Dạng “{}” không dùng được cho lựa chọn này: hiển thị dạng thanh.", sel.chart.label(lang)),
            Lang::En => format!("“{}” does not apply to this selection: showing bars.", sel.chart.label(lang)),
        });
        ChartKind::Bars
    };
    if sel.by_sector && !can_by_sector {
        caveats.push(
            lang.pick(
                "Chỉ tiêu này không có số liệu theo lĩnh vực ở các địa bàn đã chọn: hiển thị tổng số.",
                "This metric has no figures by sector in the chosen areas: showing totals.",
            )
            .into(),
        );
    }
    let line = chart_kind == ChartKind::Line;
    let stacked_view = matches!(chart_kind, ChartKind::Stacked | ChartKind::Stacked100) && (by_sector || is_rating) && !line;
    let by_sector = by_sector && !line;
    let mode = if chart_kind == ChartKind::Stacked100 && by_sector {
        Mode::Share
    } else if modes.contains(&sel.mode) && !(line && sel.mode == Mode::Share && !subset_share) {
        sel.mode
    } else {
        if sel.mode != Mode::Absolute {
            caveats.push(match lang {
                Lang::Vi => format!("Cách tính “{}” không dùng được cho lựa chọn này: hiển thị số tuyệt đối.", sel.mode.label(lang)),
                Lang::En => format!("“{}” does not apply to this selection: showing absolute values.", sel.mode.label(lang)),
            });
        }
        Mode::Absolute
    };
    let computed = match mode {
        Mode::Absolute => Computed::Reported,
        Mode::Share => Computed::Share,
        Mode::PerCooperative => Computed::PerCoop,
    };

    // the figures
    let mut left_out: Vec<String> = Vec::new();
    let mut sum_based: Vec<String> = Vec::new();
    let mut no_total: Vec<String> = Vec::new();
    let figs: Vec<Fig> = if is_rating && !line {
        pick_dates(ratings.clone(), sel.date).into_iter().map(|o| Fig::plain(o, o.rating.map(Part::Rating))).collect()
    } else if by_sector {
        let picked = pick_dates(parts.clone(), sel.date);
        let plain: Vec<Fig> = picked.iter().map(|o| Fig::plain(o, o.sector.map(Part::Sector))).collect();
        if computed == Computed::Share {
            share_of_total(ds, &plain, &totals, &mut sum_based, &mut no_total, lang)
        } else {
            plain
        }
    } else {
        let picked = if line { totals.clone() } else { pick_dates(totals.clone(), sel.date) };
        match computed {
            Computed::Reported => picked.into_iter().map(|o| Fig::plain(o, None)).collect(),
            Computed::PerCoop | Computed::Share => {
                let factor = if computed == Computed::Share { 100.0 } else { 1.0 };
                let mut out = Vec::new();
                for o in picked {
                    match count_partner(ds, o).and_then(|c| divide(o.value, c.value, factor).map(|v| (c, v))) {
                        Some((c, v)) => out.push(Fig { obs: o, part: None, den: Some(Den::Count(c)), value: v, qualifier: quotient_qualifier(o.qualifier, c.qualifier) }),
                        None => left_out.push(left_out_reason(ds, o, lang)),
                    }
                }
                out
            }
        }
    };
    if by_sector {
        let with_parts: BTreeSet<&str> = figs.iter().map(|f| f.obs.area.as_str()).collect();
        let only_totals: BTreeSet<&str> = pick_dates(totals.clone(), sel.date).iter().map(|o| o.area.as_str()).filter(|a| !with_parts.contains(a)).collect();
        if !only_totals.is_empty() {
            caveats.push(match lang {
                Lang::Vi => format!("{} địa bàn khác chỉ có tổng số, không chia theo lĩnh vực, nên không có trong biểu đồ.", only_totals.len()),
                Lang::En => format!("{} other area(s) have only a total, not split by sector, and are not in the chart.", only_totals.len()),
            });
        }
    }
    if !left_out.is_empty() {
        caveats.push(match (computed, lang) {
            (Computed::Share, Lang::Vi) => format!("Không tính được tỷ lệ (thiếu số HTX cùng thời điểm), đã bỏ ra: {}.", left_out.join("; ")),
            (Computed::Share, Lang::En) => format!("No share could be computed (no number of cooperatives at the same date), left out: {}.", left_out.join("; ")),
            (_, Lang::Vi) => format!("Không tính được bình quân một HTX (thiếu số HTX cùng thời điểm), đã bỏ ra: {}.", left_out.join("; ")),
            (_, Lang::En) => format!("No per-cooperative value could be computed (no number of cooperatives at the same date), left out: {}.", left_out.join("; ")),
        });
    }
    if !sum_based.is_empty() {
        caveats.push(match lang {
            Lang::Vi => format!("Nguồn không nêu tổng số cho {}: tỷ lệ tính trên tổng các lĩnh vực nguồn liệt kê.", sum_based.join(", ")),
            Lang::En => format!("The source gives no total for {}: shares are of the sum of the sectors it lists.", sum_based.join(", ")),
        });
    }
    if !no_total.is_empty() {
        caveats.push(match lang {
            Lang::Vi => format!("Không tính được tỷ lệ (nguồn chỉ nêu một lĩnh vực, không nêu tổng số), đã bỏ ra: {}.", no_total.join(", ")),
            Lang::En => format!("No share could be computed (the source gives one sector and no total), left out: {}.", no_total.join(", ")),
        });
    }
    if computed != Computed::Reported && !figs.is_empty() {
        caveats.push(
            lang.pick(
                "Số tính toán từ hai số liệu của cùng địa bàn, cùng thời điểm (không ghép các thời điểm khác nhau): xem cách tính ở từng số.",
                "Computed from two figures of the same area and the same date (never across dates): see how each was computed.",
            )
            .into(),
        );
    }

    let mut groups = make_groups(ds, figs, lang);
    sort_groups(&mut groups, sel.sort);
    let percent = computed == Computed::Share || is_rating;
    let max = groups.iter().flat_map(|g| g.figs.iter().map(|f| f.value.extent())).fold(0.0, f64::max);
    let scale = if percent { MoneyScale::One } else { money_scale(sel.unit, max) };
    let cx = Cx { ds, lang, scale, computed, percent, unit: sel.unit };

    let out = if line {
        line_out(&cx, groups, sel, &mut caveats)
    } else if stacked_view {
        stacked_out(&cx, groups, sel, chart_kind == ChartKind::Stacked100 || is_rating)
    } else {
        bars_out(&cx, groups)
    };

    // the text around the chart
    let primary: Vec<&Observation> = out.figs.iter().map(|(_, f)| f.obs).collect();
    let mut all_inputs: Vec<&Observation> = Vec::new();
    for (_, f) in &out.figs {
        for o in f.inputs() {
            if !all_inputs.iter().any(|x| x.record == o.record) {
                all_inputs.push(o);
            }
        }
    }
    let mut cav = caveats_with(ds, &primary, !line, lang);
    cav.extend(same_date_caveats(ds, &out.figs, line, lang));
    if line && out.figs.iter().any(|(_, f)| !f.qualifier.is_exact()) {
        cav.push(lang.pick("Điểm rỗng: số ước tính, sơ bộ hoặc khoảng.", "Hollow points: estimates, preliminary or approximate figures.").into());
    }
    if is_rating {
        cav.push(
            lang.pick(
                "Các tỷ lệ vẽ đúng như nguồn công bố, không quy đổi cho tròn 100%. Tiêu chí xếp loại có thể khác nhau giữa các nguồn.",
                "Shares are drawn as published, not rescaled to 100%. Rating criteria may differ between sources.",
            )
            .into(),
        );
    }
    cav.extend(caveats);
    if out.figs.is_empty() {
        cav.push(match lang {
            Lang::Vi => format!("Không có số liệu “{}” cho các địa bàn và thời điểm đã chọn.", Selection::metric_label(sel.metric, sel.unit, lang)),
            Lang::En => format!("No figures of “{}” for the chosen areas and date.", Selection::metric_label(sel.metric, sel.unit, lang)),
        });
    }
    let records: Vec<usize> = primary.iter().map(|o| o.record).collect();
    let all_records: Vec<usize> = all_inputs.iter().map(|o| o.record).collect();
    let unit_line = match computed {
        Computed::PerCoop => format!("{}: {}", lang.pick("Đơn vị", "Unit"), per_coop_unit(sel.unit, scale, lang)),
        Computed::Share => lang.pick("Đơn vị: % (tỷ lệ trong tổng số)", "Unit: % of the total").into(),
        Computed::Reported => crate::query::views::unit_line(sel.unit, scale, lang),
    };
    let chart = ChartView {
        id: "explore".into(),
        title: title(ds, sel, by_sector, computed, line, lang),
        caveats: cav,
        unit_line,
        spec: out.spec,
        source_line: source_line(ds, &all_inputs, lang),
        notes: notes_for(ds, &all_records, lang),
        records,
    };
    let mut view = ExploreView {
        chart,
        kinds,
        modes,
        years,
        legend: out.legend,
        rows: out.rows,
        derived: out.derived,
        areas_with_data,
        chart_kind,
        mode,
        can_by_sector,
        by_sector,
    };
    if view.chart_kind == ChartKind::Map {
        map_view(ds, sel, lang, &mut view);
    }
    view
}

/// Why an area has no computed value: "Việt Nam (2022: không có số HTX cùng thời điểm; có 31/12/2022)".
fn left_out_reason(ds: &Dataset, o: &Observation, lang: Lang) -> String {
    let name = ds.area(&o.area).map(|a| area_label(a, lang)).unwrap_or_else(|| o.area.clone());
    let mut dates: Vec<DateRef> = ds
        .observations
        .iter()
        .filter(|p| p.area == o.area && p.metric == Metric::Cooperatives && p.unit == Unit::Cooperatives && p.sector.is_none() && p.rating.is_none())
        .map(|p| p.date)
        .collect();
    dates.sort_by_key(|d| d.sort_key());
    dates.dedup();
    let counts: Vec<String> = dates.into_iter().map(|d| date_of(d, lang)).collect();
    let date = date_of(o.date, lang);
    match (counts.is_empty(), lang) {
        (true, Lang::Vi) => format!("{name} ({date}: không có số HTX)"),
        (true, Lang::En) => format!("{name} ({date}: no number of cooperatives)"),
        (false, Lang::Vi) => format!("{name} ({date}: số HTX chỉ có ở thời điểm {})", counts.join(", ")),
        (false, Lang::En) => format!("{name} ({date}: cooperatives counted only at {})", counts.join(", ")),
    }
}

/// Shares of sector parts: each part ÷ the total the same source reports for the same area,
/// metric and date; without one, ÷ the sum of the listed parts (named in `sum_based`); a single
/// listed part without a total has no share (named in `no_total`).
fn share_of_total<'a>(
    ds: &'a Dataset,
    parts: &[Fig<'a>],
    totals: &[&'a Observation],
    sum_based: &mut Vec<String>,
    no_total: &mut Vec<String>,
    lang: Lang,
) -> Vec<Fig<'a>> {
    let mut out = Vec::new();
    for f in parts {
        let o = f.obs;
        let total = totals.iter().find(|t| t.area == o.area && t.date == o.date && t.source == o.source && t.value.point().is_some());
        let (den, den_value, den_q) = match total {
            Some(t) => (Den::Total(t), t.value, t.qualifier),
            None => {
                let group: Vec<&Observation> =
                    parts.iter().map(|p| p.obs).filter(|p| p.area == o.area && p.date == o.date && p.source == o.source).collect();
                if group.len() < 2 {
                    // one sector and no total: no share to compute
                    let name = ds.area(&o.area).map(|a| format!("{} ({})", area_label(a, lang), date_of(o.date, lang))).unwrap_or_default();
                    if !no_total.contains(&name) {
                        no_total.push(name);
                    }
                    continue;
                }
                let sum: f64 = group.iter().map(|p| p.value.extent()).sum();
                let q = if group.iter().all(|p| p.qualifier == group[0].qualifier) { group[0].qualifier } else { Qualifier::About };
                let name = ds.area(&o.area).map(|a| format!("{} ({})", area_label(a, lang), date_of(o.date, lang))).unwrap_or_default();
                if !sum_based.contains(&name) {
                    sum_based.push(name);
                }
                (Den::PartsSum(sum, group), Value::Point(sum), q)
            }
        };
        if let Some(v) = divide(o.value, den_value, 100.0) {
            out.push(Fig { obs: o, part: f.part, den: Some(den), value: v, qualifier: quotient_qualifier(o.qualifier, den_q) });
        }
    }
    out
}

/// "Việt Nam, 12/2024 có 2 số liệu từ các nguồn khác nhau: … Cả hai được vẽ, không lấy trung bình."
fn same_date_caveats(ds: &Dataset, figs: &[(String, Fig)], line: bool, lang: Lang) -> Vec<String> {
    let mut by: BTreeMap<(String, u32, Option<Part>), Vec<&Fig>> = BTreeMap::new();
    for (_, f) in figs {
        by.entry((f.obs.area.clone(), f.obs.date.sort_key(), f.part)).or_default().push(f);
    }
    let mut out = Vec::new();
    for ((area, _, _), same) in by {
        let sources: BTreeSet<&str> = same.iter().map(|f| f.obs.source.as_str()).collect();
        if same.len() < 2 || sources.len() < 2 {
            continue;
        }
        let name = ds.area(&area).map(|a| area_label(a, lang)).unwrap_or(area);
        let list = same
            .iter()
            .map(|f| {
                let who = ds.source(&f.obs.source).map(|s| s.reporter.clone().unwrap_or_else(|| s.publisher.clone())).unwrap_or_default();
                format!("{} ({who})", format::value(f.obs.value, f.obs.qualifier, f.obs.unit, lang))
            })
            .collect::<Vec<_>>()
            .join(lang.pick(" và ", " and "));
        let date = date_of(same[0].obs.date, lang);
        let n = same.len();
        let what = if line { lang.pick("điểm", "points") } else { lang.pick("thanh", "bars") };
        out.push(match lang {
            Lang::Vi => format!("{name}, thời điểm {date} có {n} số liệu từ các nguồn khác nhau: {list}. Cả hai được vẽ ({what} riêng), không lấy trung bình."),
            Lang::En => format!("{name}, {date} has {n} figures from different sources: {list}. Both are drawn ({what} of their own), not averaged."),
        });
    }
    out
}

fn title(ds: &Dataset, sel: &Selection, by_sector: bool, computed: Computed, line: bool, lang: Lang) -> String {
    let mut what = Selection::metric_label(sel.metric, sel.unit, lang);
    if computed == Computed::PerCoop {
        what.push_str(lang.pick(" bình quân một HTX", " per cooperative"));
    }
    if by_sector {
        what.push_str(lang.pick(" theo lĩnh vực", " by sector"));
    }
    if computed == Computed::Share {
        what.push_str(lang.pick(": tỷ lệ trong tổng số", ", share of the total"));
    }
    let single = match &sel.areas {
        AreaSet::Custom(c) if c.len() == 1 => ds.area(&c[0]).map(|a| a.name.clone()),
        AreaSet::Country => ds.areas.iter().find(|a| a.level == Level::Country).map(|a| a.name.clone()),
        _ => None,
    };
    let place = match (&sel.areas, &single) {
        (_, Some(name)) => format!("— {name}"),
        (AreaSet::Local, _) => lang.pick("theo địa phương", "by area").into(),
        (AreaSet::Provinces, _) => lang.pick("theo tỉnh, thành (34 đơn vị hiện nay)", "by province (the 34 current provinces)").into(),
        (AreaSet::Regions, _) => lang.pick("theo vùng kinh tế - xã hội", "by socio-economic region").into(),
        _ => lang.pick("theo địa bàn đã chọn", "in the chosen areas").into(),
    };
    let when = if line {
        lang.pick("qua các năm", "over time").to_string()
    } else {
        match (sel.date, single.is_some(), lang) {
            (DatePick::Latest, false, Lang::Vi) => "(số mới nhất của mỗi nơi)".into(),
            (DatePick::Latest, false, Lang::En) => "(latest figure of each)".into(),
            (DatePick::Latest, true, Lang::Vi) => "(số mới nhất)".into(),
            (DatePick::Latest, true, Lang::En) => "(latest figure)".into(),
            (DatePick::Year(y), _, Lang::Vi) => format!("năm {y}"),
            (DatePick::Year(y), _, Lang::En) => format!("in {y}"),
        }
    };
    format!("{what} {place} {when}")
}

// ---------------------------------------------------------------------------------------------
// layouts

struct Cx<'a> {
    ds: &'a Dataset,
    lang: Lang,
    scale: MoneyScale,
    computed: Computed,
    percent: bool,
    unit: Unit,
}

impl<'a> Cx<'a> {
    /// The value as written on a mark.
    fn short(&self, f: &Fig) -> String {
        if f.den.is_some() {
            derived_label(f.value, f.qualifier, self.scale, self.percent, self.lang)
        } else {
            short_value(f.obs, self.scale, self.lang)
        }
    }

    /// The full value with unit, for tables.
    fn full(&self, f: &Fig) -> String {
        match self.computed {
            _ if f.den.is_none() => format::value(f.obs.value, f.obs.qualifier, f.obs.unit, self.lang),
            Computed::PerCoop => format!("{} {}", self.short(f), per_coop_unit(self.unit, self.scale, self.lang)),
            _ => self.short(f),
        }
    }

    fn formula(&self, f: &Fig) -> String {
        let lang = self.lang;
        let v = |o: &Observation| format::value(o.value, o.qualifier, o.unit, lang);
        let date = date_of(f.obs.date, lang);
        let same = lang.pick("cùng thời điểm", "same date");
        match &f.den {
            Some(Den::Count(c)) => format!("{} ÷ {}, {same} {date}", v(f.obs), v(c)),
            Some(Den::Total(t)) => {
                format!("{} ÷ {} ({}), {same} {date}", v(f.obs), v(t), lang.pick("tổng số do nguồn nêu", "the total the source gives"))
            }
            Some(Den::PartsSum(sum, parts)) => {
                let list = parts.iter().map(|p| format::number(p.value.extent(), lang)).collect::<Vec<_>>().join(" + ");
                format!(
                    "{} ÷ {} ({}: {list}), {same} {date}",
                    v(f.obs),
                    format::amount(*sum, f.obs.unit, lang),
                    lang.pick("tổng các lĩnh vực nguồn liệt kê", "sum of the sectors the source lists")
                )
            }
            None => String::new(),
        }
    }

    fn sources(&self, f: &Fig) -> String {
        let mut ids: Vec<&str> = Vec::new();
        for o in f.inputs() {
            if !ids.contains(&o.source.as_str()) {
                ids.push(&o.source);
            }
        }
        ids.iter().map(|s| citation(self.ds, s)).collect::<Vec<_>>().join("; ")
    }

    fn derived_metric(&self, f: &Fig) -> String {
        let lang = self.lang;
        let base = metric_text(f.obs, lang);
        match self.computed {
            Computed::PerCoop => format!("{base} {}", lang.pick("bình quân một HTX", "per cooperative")),
            Computed::Share if matches!(f.den, Some(Den::Count(_))) => format!("{base}: {}", lang.pick("tỷ lệ trong tổng số HTX", "share of all cooperatives")),
            _ => format!("{base}: {}", lang.pick("tỷ lệ trong tổng số", "share of the total")),
        }
    }

    fn row(&self, key: &str, f: &Fig) -> TableRow {
        let lang = self.lang;
        let o = f.obs;
        let with_scope = |m: String| match &o.scope {
            Some(scope) => format!("{m} ({scope})"),
            None => m,
        };
        let area = self.ds.area(&o.area).map(|a| area_text(self.ds, a, lang)).unwrap_or_else(|| o.area.clone());
        let url = self.ds.source(&o.source).and_then(|s| s.url.clone());
        let date = date_text(o, lang);
        if f.den.is_some() {
            let mut q = format!("{} {}", lang.pick("tính từ", "computed from"), self.formula(f));
            if !f.qualifier.is_exact() {
                q = format!("{}; {q}", f.qualifier.label(lang));
            }
            TableRow {
                key: key.into(),
                area,
                metric: with_scope(self.derived_metric(f)),
                value: self.full(f),
                qualifier: q,
                date,
                source: self.sources(f),
                url,
                records: f.records(),
                derived: true,
            }
        } else {
            TableRow {
                key: key.into(),
                area,
                metric: with_scope(metric_text(o, lang)),
                value: self.full(f),
                qualifier: o.qualifier.label(lang).into(),
                date,
                source: citation(self.ds, &o.source),
                url,
                records: f.records(),
                derived: false,
            }
        }
    }

    fn derived(&self, key: &str, f: &Fig) -> Option<Derived> {
        f.den.as_ref()?;
        Some(Derived {
            key: key.into(),
            value: self.full(f),
            formula: self.formula(f),
            records: f.records(),
            sources: self.sources(f),
            raw: f.value.extent(),
        })
    }

    fn finish<'f>(&self, spec: ChartSpec, figs: Vec<(String, Fig<'f>)>, legend: Vec<LegendItem>) -> Out<'f> {
        let rows = figs.iter().map(|(k, f)| self.row(k, f)).collect();
        let derived = figs.iter().filter_map(|(k, f)| self.derived(k, f)).collect();
        Out { spec, rows, derived, figs, legend }
    }
}

fn bars_out<'a>(cx: &Cx, mut groups: Vec<Group<'a>>) -> Out<'a> {
    let single_group = groups.len() == 1;
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    let mut rows: Vec<BarRow> = Vec::new();
    for g in &mut groups {
        // sectors largest first; rating classes in their order
        if g.figs.iter().any(|f| matches!(f.part, Some(Part::Rating(_)))) {
            g.figs.sort_by_key(|f| f.part.map(Part::order));
        } else {
            g.figs.sort_by(|a, b| b.value.extent().total_cmp(&a.value.extent()).then(a.part.cmp(&b.part)));
        }
        for f in &g.figs {
            let (key, label) = match f.part {
                Some(p) if single_group => (format!("{}:{}", g.key, p.key()), p.label(cx.lang).to_string()),
                Some(p) => (format!("{}:{}", g.key, p.key()), format!("{} — {}", g.label, p.label(cx.lang))),
                None => (g.key.clone(), g.label.clone()),
            };
            rows.push(BarRow {
                key: key.clone(),
                label,
                date: date_text(f.obs, cx.lang),
                value: f.value,
                qualifier: f.qualifier,
                value_label: cx.short(f),
                record: f.obs.record,
                flagged: flagged(cx.ds, f.obs.record),
            });
            figs.push((key, f.clone()));
        }
    }
    let unit = if cx.percent { Unit::Percent } else { cx.unit };
    let spec = ChartSpec::Bars(BarSpec { unit, tick_divisor: divisor(cx.scale), rows });
    cx.finish(spec, figs, Vec::new())
}

fn stacked_out<'a>(cx: &Cx, groups: Vec<Group<'a>>, sel: &Selection, percent_axis: bool) -> Out<'a> {
    let mut present: Vec<Part> = groups.iter().flat_map(|g| g.figs.iter().filter_map(|f| f.part)).collect();
    present.sort_by_key(|p| p.order());
    present.dedup();
    let legend: Vec<LegendItem> = present
        .iter()
        .map(|p| LegendItem { key: p.key().into(), label: p.label(cx.lang).into(), colour: p.colour(), hidden: sel.hidden.iter().any(|h| h == p.key()) })
        .collect();
    let visible: Vec<Part> = present.iter().zip(&legend).filter(|(_, l)| !l.hidden).map(|(p, _)| *p).collect();
    let mut groups = groups;
    for g in &mut groups {
        g.figs.retain(|f| f.part.is_some_and(|p| visible.contains(&p)));
        g.figs.sort_by_key(|f| f.part.map(Part::order));
    }
    groups.retain(|g| !g.figs.is_empty());
    // a hidden series changes the totals: sort again on what is drawn
    if sel.sort == SortBy::Value && !percent_axis {
        sort_groups(&mut groups, SortBy::Value);
    }
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    let mut rows: Vec<StackRow> = Vec::new();
    for g in &groups {
        let mut segments = Vec::new();
        for f in &g.figs {
            let p = f.part.unwrap_or(Part::Sector(Sector::Other));
            let key = format!("{}:{}", g.key, p.key());
            figs.push((key.clone(), f.clone()));
            segments.push(Segment {
                class: visible.iter().position(|v| *v == p).unwrap_or(0),
                value: f.value.extent(),
                label: cx.short(f),
                record: f.obs.record,
                key,
            });
        }
        rows.push(StackRow { label: g.label.clone(), date: date_of(g.date, cx.lang), segments });
    }
    let axis = if percent_axis { StackAxis::Percent } else { StackAxis::Value { tick_divisor: divisor(cx.scale) } };
    let spec = ChartSpec::Stacked(StackSpec {
        classes: visible.iter().map(|p| p.label(cx.lang).to_string()).collect(),
        colours: visible.iter().map(|p| p.colour()).collect(),
        rows,
        axis,
    });
    cx.finish(spec, figs, legend)
}

fn line_out<'a>(cx: &Cx, groups: Vec<Group<'a>>, sel: &Selection, caveats: &mut Vec<String>) -> Out<'a> {
    // one series per area, with at least two dates
    let mut series: Vec<(&'a Area, Vec<Fig<'a>>)> = Vec::new();
    for g in groups {
        match series.iter_mut().find(|(a, _)| a.code == g.area.code) {
            Some((_, figs)) => figs.extend(g.figs),
            None => series.push((g.area, g.figs)),
        }
    }
    let single_date: Vec<String> = series
        .iter()
        .filter(|(_, f)| f.iter().map(|x| x.obs.date.sort_key()).collect::<BTreeSet<_>>().len() < 2)
        .map(|(a, _)| area_label(a, cx.lang))
        .collect();
    series.retain(|(_, f)| f.iter().map(|x| x.obs.date.sort_key()).collect::<BTreeSet<_>>().len() > 1);
    if !single_date.is_empty() {
        let list = if single_date.len() <= 8 { single_date.join(", ") } else { format!("{} {}", single_date.len(), cx.lang.pick("địa bàn", "areas")) };
        caveats.push(match cx.lang {
            Lang::Vi => format!("Chỉ vẽ đường cho địa bàn có số liệu ở nhiều thời điểm; chỉ có một thời điểm (xem dạng thanh): {list}."),
            Lang::En => format!("Lines only for areas with figures at several dates; one date only (see the bars): {list}."),
        });
    }
    for (_, figs) in &mut series {
        figs.sort_by_key(|f| (f.obs.date.sort_key(), f.obs.record));
    }
    match sel.sort {
        SortBy::Name => series.sort_by(|a, b| fold(&area_label(a.0, cx.lang)).cmp(&fold(&area_label(b.0, cx.lang))).then(a.0.code.cmp(&b.0.code))),
        SortBy::Value => {
            let last = |f: &[Fig]| f.last().map(|x| x.value.extent()).unwrap_or(0.0);
            series.sort_by(|a, b| last(&b.1).total_cmp(&last(&a.1)).then(a.0.code.cmp(&b.0.code)))
        }
    }
    let legend: Vec<LegendItem> = series
        .iter()
        .enumerate()
        .map(|(i, (a, _))| LegendItem {
            key: a.code.clone(),
            label: area_label(a, cx.lang),
            colour: SERIES_COLOURS[i % SERIES_COLOURS.len()],
            hidden: sel.hidden.contains(&a.code),
        })
        .collect();
    let mut labels = Vec::new();
    let mut colours = Vec::new();
    let mut points = Vec::new();
    let mut figs: Vec<(String, Fig<'a>)> = Vec::new();
    for ((a, list), item) in series.iter().zip(&legend) {
        if item.hidden {
            continue;
        }
        let sid = labels.len();
        labels.push(item.label.clone());
        colours.push(item.colour);
        let mut rank: BTreeMap<u32, usize> = BTreeMap::new();
        for f in list {
            let r = rank.entry(f.obs.date.sort_key()).or_default();
            let mut key = format!("{}:{}:{}", a.code, f.obs.date, f.obs.source);
            if figs.iter().any(|(k, _)| *k == key) {
                key = format!("{key}#{}", f.obs.record);
            }
            points.push(SeriesPoint {
                key: key.clone(),
                x: f.obs.date.end().axis_position(),
                y: f.value.extent(),
                label: cx.short(f),
                date: date_text(f.obs, cx.lang),
                qualifier: f.qualifier,
                record: f.obs.record,
                rank_at_date: *r,
                series: sid,
            });
            *r += 1;
            figs.push((key, f.clone()));
        }
    }
    let unit = if cx.percent { Unit::Percent } else { cx.unit };
    let spec = ChartSpec::Series(SeriesSpec { unit, tick_divisor: divisor(cx.scale), points, series: labels, colours });
    cx.finish(spec, figs, legend)
}

/// Replaces the chart with the tile map of the 34 provinces: each province's own figure only
/// (former provinces' figures are never summed or reused for the province they merged into).
fn map_view(ds: &Dataset, sel: &Selection, lang: Lang, view: &mut ExploreView) {
    use crate::chart::tilemap::{self, TileState};
    let year = match sel.date {
        DatePick::Latest => None,
        DatePick::Year(y) => Some(y),
    };
    let spec = tilemap::spec(ds, sel.metric, sel.unit, year, lang);
    let records: Vec<usize> = spec
        .tiles
        .iter()
        .filter_map(|t| match t.state {
            TileState::Value { record, .. } => Some(record),
            _ => None,
        })
        .collect();
    let former = spec.tiles.iter().filter(|t| matches!(t.state, TileState::FormerOnly { .. })).count();
    view.rows.retain(|_| false);
    for (t, r) in spec.tiles.iter().filter_map(|t| match t.state {
        TileState::Value { record, .. } => Some((t, record)),
        _ => None,
    }) {
        if let Some(tt) = crate::query::tooltip(ds, r, lang) {
            view.rows.push(TableRow {
                key: t.code.clone(),
                area: tt.area,
                metric: tt.metric,
                value: tt.value,
                qualifier: tt.qualifier,
                date: tt.date,
                source: tt.source,
                url: tt.url,
                records: vec![r],
                derived: false,
            });
        }
    }
    let obs: Vec<&Observation> = records.iter().filter_map(|r| ds.observation(*r)).collect();
    let mut caveats = caveats_with(ds, &obs, true, lang);
    caveats.push(match lang {
        Lang::Vi => format!(
            "Bản đồ ô: mỗi ô là một tỉnh, thành (34 đơn vị từ 1/7/2025), không theo diện tích. Chỉ tô màu số liệu của chính tỉnh, thành đó; {former} ô chỉ có số liệu của tỉnh cũ trước sáp nhập (viền đứt), không cộng dồn."
        ),
        Lang::En => format!(
            "Tile map: one equal tile per province (34 units since 1 July 2025), not by area. Only a province's own figure is coloured; {former} tiles have only figures of former provinces from before the merger (dashed outline), never summed."
        ),
    });
    view.chart.title = format!("{} — {}", view.chart.title, lang.pick("bản đồ ô 34 tỉnh, thành", "tile map of the 34 provinces"));
    view.chart.caveats = caveats;
    view.chart.source_line = source_line(ds, &obs, lang);
    view.chart.notes = notes_for(ds, &records, lang);
    view.chart.records = records;
    view.chart.spec = ChartSpec::Map(spec);
    view.legend.clear();
    view.derived.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotient_qualifiers() {
        use Qualifier::*;
        assert_eq!(quotient_qualifier(Exact, Exact), Exact);
        assert_eq!(quotient_qualifier(About, Exact), About);
        assert_eq!(quotient_qualifier(MoreThan, Exact), MoreThan);
        assert_eq!(quotient_qualifier(Exact, MoreThan), About);
        assert_eq!(quotient_qualifier(Exact, Estimate), Estimate);
        assert_eq!(quotient_qualifier(Estimate, Estimate), Estimate);
        assert_eq!(quotient_qualifier(MoreThan, About), About);
    }

    #[test]
    fn display_rounding() {
        assert_eq!(round_display(2.128702928870293, 3), 2.129);
        assert_eq!(round_display(12.0334728, 3), 12.033);
        assert_eq!(round_display(0.012345, 3), 0.0123);
        assert_eq!(round_display(68.98370086, 1), 69.0);
    }
}
