//! The view model: everything shown or exported for one chart, and the last stage that puts it
//! together ([`finish`]).

use super::caveat::{Caveat, Reported};
use super::choices::{Computed, Plan};
use super::derive::Fig;
use super::filter::Scoped;
use super::layout::Laid;
use super::text::{notes_for, per_coop_unit, source_line, unit_line};
use crate::chart::ChartSpec;
use crate::explore::{AreaSet, ChartKind, Mode, Selection};
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Observation, Qualifier, Rating, Sector, Unit, Value};
use std::collections::{BTreeMap, BTreeSet};

/// One entry of the legend of a stacked or line chart; a click hides or shows its series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendItem {
    /// Key written in `hide=` (a sector or rating key, or an area code for lines).
    pub key: String,
    /// Label.
    pub label: String,
    /// Palette index (see [`crate::chart::Theme::series_colour`]).
    pub colour: usize,
    /// True when the series is hidden (not drawn, not in the table).
    pub hidden: bool,
}

/// A record a figure is (or is computed from), with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// Record index in the data file.
    pub record: usize,
    /// Area name.
    pub area: String,
    /// The value as reported, with qualifier and unit.
    pub value_text: String,
    /// Its date.
    pub date: String,
    /// Source id.
    pub source: String,
    /// Source publisher.
    pub publisher: String,
    /// The body that reported the figure when it is not the publisher (a cooperative alliance,
    /// a department, as the page says): the name the chart's source line gives.
    pub reporter: Option<String>,
    /// Source title.
    pub title: String,
    /// "Publisher: Title (date)".
    pub citation: String,
    /// Link to the source (http or https).
    pub url: Option<String>,
    /// When the source was published.
    pub published: Option<String>,
    /// The sentence the figure was read in.
    pub quote: Option<String>,
    /// The record's note.
    pub note: Option<String>,
}

/// One figure as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The key of its mark.
    pub key: String,
    /// Area code.
    pub area_code: String,
    /// Area name; a former province says which current province it is now part of.
    pub area: String,
    /// Area level.
    pub level: Level,
    /// The province a former province or city is now part of.
    pub now_part_of: Option<String>,
    /// What is measured (with sector or rating class; for a computed figure, what was computed).
    pub metric: String,
    /// Sector, in a breakdown.
    pub sector: Option<Sector>,
    /// Rating class, for rating shares.
    pub rating: Option<Rating>,
    /// The value as drawn: base units (per cooperative for such values), or percent.
    pub value: Value,
    /// The unit of `value` (percent for shares).
    pub unit: Unit,
    /// True when `value` is per cooperative.
    pub per_cooperative: bool,
    /// The value as written on the mark, in the chart's scale.
    pub label: String,
    /// The value with qualifier and unit ("hơn 148 tỷ đồng", "2,129 tỷ đồng/HTX").
    pub value_text: String,
    /// The qualifier of the value drawn.
    pub qualifier: Qualifier,
    /// The qualifier in words; for a computed figure "tính từ …" with both inputs.
    pub qualifier_text: String,
    /// The date in words.
    pub date: String,
    /// The date as written in the data file.
    pub date_key: String,
    /// What the figure covers, when the source says so.
    pub scope: Option<String>,
    /// How a computed figure was computed ("1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023").
    pub formula: Option<String>,
    /// The records it is or is computed from, the figure first.
    pub inputs: Vec<Input>,
    /// Notes: the record's own and consistency notes.
    pub notes: Vec<String>,
}

impl Figure {
    /// The metric, with the scope in brackets when there is one.
    pub fn metric_with_scope(&self) -> String {
        match &self.scope {
            Some(s) => format!("{} ({s})", self.metric),
            None => self.metric.clone(),
        }
    }

    /// The sources of its inputs, joined by "; ".
    pub fn sources(&self) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for i in &self.inputs {
            if !seen.contains(&i.citation.as_str()) {
                seen.push(&i.citation);
            }
        }
        seen.join("; ")
    }

    /// The record indexes of its inputs.
    pub fn records(&self) -> Vec<usize> {
        self.inputs.iter().map(|i| i.record).collect()
    }

    /// A figure for tests: 478 cooperatives in Lạng Sơn in 2023, no inputs.
    #[cfg(test)]
    pub fn sample() -> Figure {
        Figure {
            key: "P20".into(),
            area_code: "P20".into(),
            area: "Lạng Sơn".into(),
            level: crate::model::Level::FormerProvince,
            now_part_of: None,
            metric: "Số HTX".into(),
            sector: None,
            rating: None,
            value: Value::Point(478.0),
            unit: Unit::Cooperatives,
            per_cooperative: false,
            label: "478".into(),
            value_text: "478 HTX".into(),
            qualifier: Qualifier::Exact,
            qualifier_text: "chính xác".into(),
            date: "2023".into(),
            date_key: "2023".into(),
            scope: None,
            formula: None,
            inputs: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Everything shown or exported for one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Title.
    pub title: String,
    /// What a reader must know, typed.
    pub caveats: Vec<Caveat>,
    /// The caveats in words, in the view's language.
    pub caveat_text: Vec<String>,
    /// "Đơn vị: tỷ đồng".
    pub unit_line: String,
    /// What to draw.
    pub spec: ChartSpec,
    /// "Nguồn: …".
    pub source_line: String,
    /// Consistency notes on the figures shown ("* …").
    pub notes: Vec<String>,
    /// Exactly the figures drawn, in chart order.
    pub figures: Vec<Figure>,
    /// Figures of a long chart that are not drawn (past its first rows), in sort order: listed in
    /// its table after the drawn ones.
    pub rest: Vec<Figure>,
    /// The series of stacked and line charts (empty for bars, maps and tables).
    pub legend: Vec<LegendItem>,
    /// Chart kinds that fit this selection.
    pub kinds: Vec<ChartKind>,
    /// Modes that fit this selection.
    pub modes: Vec<Mode>,
    /// Years with figures of this metric in the selected areas, ascending.
    pub years: Vec<u16>,
    /// Codes of every area that has this metric in this unit.
    pub areas_with_data: Vec<String>,
    /// The chart kind drawn.
    pub chart_kind: ChartKind,
    /// The mode used.
    pub mode: Mode,
    /// True when the selected areas have this metric by sector.
    pub can_by_sector: bool,
    /// True when the chart is broken down by sector.
    pub by_sector: bool,
    /// What the chart shows, in a few sentences in the view's language (see
    /// [`super::summary`]): under the chart, its accessible description, alt text.
    pub summary: String,
}

impl ChartView {
    /// The figure of a mark.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.key == key)
    }

    /// The years of the figures' dates, earliest and latest.
    pub fn year_span(&self) -> Option<(u16, u16)> {
        let years: Vec<u16> = self.figures.iter().flat_map(|f| f.date_key.split('/').filter_map(|d| d.get(..4)?.parse().ok())).collect();
        Some((*years.iter().min()?, *years.iter().max()?))
    }
}

/// Caveats about the figures themselves: dates, levels and scopes that differ.
/// `dates`: say so when the figures' years differ (not for lines); `tiles`: they are map tiles.
pub fn about(ds: &Dataset, obs: &[&Observation], dates: bool, tiles: bool) -> Vec<Caveat> {
    let mut out = Vec::new();
    let years: Vec<u16> = obs.iter().map(|o| o.date.year()).collect();
    if let (Some(&from), Some(&to), true) = (years.iter().min(), years.iter().max(), dates) {
        if from != to {
            out.push(if tiles { Caveat::TileDatesDiffer { from, to } } else { Caveat::DatesDiffer { from, to } });
        }
    }
    let levels: BTreeSet<Level> = crate::sort::set(obs.iter().filter_map(|o| ds.area(&o.area)).map(|a| a.level));
    if levels.len() > 1 {
        out.push(Caveat::LevelsDiffer);
    }
    if obs.iter().any(|o| o.scope.is_some()) {
        out.push(Caveat::ScopesDiffer);
    }
    out
}

/// One caveat for each area and date drawn with figures from several sources.
fn same_date(ds: &Dataset, figs: &[(String, Fig)], line: bool) -> Vec<Caveat> {
    let mut by: BTreeMap<(String, u32, Option<super::part::Part>), Vec<&Fig>> = BTreeMap::new();
    for (_, f) in figs {
        by.entry((f.obs.area.clone(), f.obs.date.sort_key(), f.part)).or_default().push(f);
    }
    let mut out = Vec::new();
    for ((area, _, _), same) in by {
        let sources: BTreeSet<&str> = crate::sort::set(same.iter().map(|f| f.obs.source.as_str()));
        if same.len() < 2 || sources.len() < 2 {
            continue;
        }
        let figures = same
            .iter()
            .map(|f| Reported {
                value: f.obs.value,
                qualifier: f.obs.qualifier,
                unit: f.obs.unit,
                who: ds.source(&f.obs.source).map(|s| s.reporter.clone().unwrap_or_else(|| s.publisher.clone())).unwrap_or_default(),
            })
            .collect();
        out.push(Caveat::SameDate { area, date: same[0].obs.date, figures, line });
    }
    out
}

/// The areas of the chosen set without any figure of the metric (not for every local area, which
/// no metric covers, nor for the whole country).
fn no_figure_of(ds: &Dataset, sel: &Selection, with_data: &[String]) -> Option<Caveat> {
    let set: Vec<String> = match &sel.areas {
        AreaSet::Custom(codes) => codes.clone(),
        AreaSet::Provinces | AreaSet::Regions => ds.areas.iter().filter(|a| super::filter::in_set(&sel.areas, a)).map(|a| a.code.clone()).collect(),
        AreaSet::Local | AreaSet::Country => return None,
    };
    let missing: Vec<String> = set.iter().filter(|c| !with_data.contains(c)).cloned().collect();
    (!missing.is_empty()).then_some(Caveat::NoFigureOf { of: set.len(), areas: missing })
}

fn caveats(ds: &Dataset, sel: &Selection, plan: &Plan, laid: &Laid, primary: &[&Observation], derived: Vec<Caveat>, with_data: &[String]) -> Vec<Caveat> {
    let mut cav = about(ds, primary, !plan.line, plan.chart_kind == ChartKind::Map);
    if plan.chart_kind != ChartKind::Map {
        cav.extend(same_date(ds, &laid.figs, plan.line));
        if plan.line && laid.figs.iter().any(|(_, f)| !f.qualifier.is_exact()) {
            cav.push(Caveat::HollowPoints);
        }
        if plan.is_rating {
            cav.push(Caveat::RatingsAsPublished);
        }
    }
    // why the kind or mode asked for was not used, and what could not be computed
    cav.extend(derived);
    cav.extend(laid.caveats.iter().cloned());
    if laid.figs.is_empty() && !matches!(laid.spec, ChartSpec::Map(_)) {
        cav.push(Caveat::NoFigures { metric: sel.metric, unit: sel.unit });
    } else if plan.chart_kind != ChartKind::Map {
        cav.extend(no_figure_of(ds, sel, with_data));
    }
    cav
}

/// The date every figure of the chart (drawn or in its table) has, if they all have one.
fn one_date(laid: &Laid) -> Option<crate::model::DateRef> {
    let mut dates = laid.figs.iter().chain(&laid.rest).map(|(_, f)| f.obs.date);
    let first = dates.next()?;
    dates.all(|d| d == first).then_some(first)
}

/// The last stage: the text around the chart, and the figures as the view model states them.
pub fn finish(ds: &Dataset, sel: &Selection, sc: &Scoped, plan: Plan, laid: Laid, derived: Vec<Caveat>, lang: Lang) -> ChartView {
    let primary: Vec<&Observation> = laid.figs.iter().map(|(_, f)| f.obs).collect();
    let mut inputs: Vec<&Observation> = Vec::new();
    for (_, f) in &laid.figs {
        for o in f.inputs() {
            if !inputs.iter().any(|x| x.record == o.record) {
                inputs.push(o);
            }
        }
    }
    let caveats = caveats(ds, sel, &plan, &laid, &primary, derived, &sc.areas_with_data);
    let records: Vec<usize> = inputs.iter().map(|o| o.record).collect();
    let unit_line = match plan.computed {
        Computed::PerCoop => format!("{}: {}", lang.pick("Đơn vị", "Unit"), per_coop_unit(sel.unit, laid.scale, lang)),
        Computed::Share => lang.pick("Đơn vị: % (tỷ lệ trong tổng số)", "Unit: % of the total").into(),
        Computed::Reported => unit_line(if plan.is_rating { Unit::Percent } else { sel.unit }, laid.scale, lang),
    };
    let cx = super::figure::Cx { ds, lang, scale: laid.scale, computed: plan.computed, unit: sel.unit };
    let mut view = ChartView {
        title: super::title::title(ds, sel, &plan, one_date(&laid), lang),
        caveat_text: caveats.iter().map(|c| c.text(ds, lang)).collect(),
        caveats,
        unit_line,
        source_line: source_line(ds, &inputs, lang),
        notes: notes_for(ds, &records, lang),
        figures: laid.figs.iter().map(|(k, f)| cx.figure(k, f)).collect(),
        rest: laid.rest.iter().map(|(k, f)| cx.figure(k, f)).collect(),
        spec: laid.spec,
        legend: laid.legend,
        kinds: plan.kinds,
        modes: plan.modes,
        years: sc.years.clone(),
        areas_with_data: sc.areas_with_data.clone(),
        chart_kind: plan.chart_kind,
        mode: plan.mode,
        can_by_sector: plan.can_by_sector,
        by_sector: plan.by_sector,
        summary: String::new(),
    };
    view.summary = super::summary::summary(&view, ds, lang);
    view
}
