//! A drawn figure as the view model states it: its value as drawn, how it was computed, and the
//! records and sources it comes from.

use super::choices::Computed;
use super::derive::{Den, Fig};
use super::model::{Figure, Input};
use super::text::{area_text, citation, date_of, mark_label, metric_text, now_part_of, per_coop_unit};
use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Dataset, Level, Observation, Unit};

/// What every figure of one chart shares.
pub struct Cx<'a> {
    /// The dataset.
    pub ds: &'a Dataset,
    /// The language.
    pub lang: Lang,
    /// The chart's money scale.
    pub scale: MoneyScale,
    /// What the values are.
    pub computed: Computed,
    /// The selected unit.
    pub unit: Unit,
}

impl Cx<'_> {
    /// The unit of a figure's value as drawn.
    fn drawn_unit(&self, f: &Fig) -> Unit {
        if f.den.is_some() && self.computed == Computed::Share {
            Unit::Percent
        } else {
            f.obs.unit
        }
    }

    /// The value as written on a mark.
    pub fn label(&self, f: &Fig) -> String {
        let unit = self.drawn_unit(f);
        let scale = if unit == Unit::Percent { MoneyScale::One } else { self.scale };
        mark_label(f.value, f.qualifier, unit, scale, f.den.is_some(), self.lang)
    }

    fn value_text(&self, f: &Fig) -> String {
        match (&f.den, self.computed) {
            (None, _) => format::value(f.obs.value, f.obs.qualifier, f.obs.unit, self.lang),
            (Some(_), Computed::PerCoop) => format!("{} {}", self.label(f), per_coop_unit(self.unit, self.scale, self.lang)),
            (Some(_), _) => self.label(f),
        }
    }

    fn formula(&self, f: &Fig) -> Option<String> {
        let lang = self.lang;
        let v = |o: &Observation| format::value(o.value, o.qualifier, o.unit, lang);
        let date = date_of(f.obs.date, lang);
        let same = lang.pick("cùng thời điểm", "same date");
        Some(match f.den.as_ref()? {
            Den::Count(c) => format!("{} ÷ {}, {same} {date}", v(f.obs), v(c)),
            Den::Total(t) => format!("{} ÷ {} ({}), {same} {date}", v(f.obs), v(t), lang.pick("tổng số do nguồn nêu", "the total the source gives")),
            Den::PartsSum(sum, parts) => {
                let list = parts.iter().map(|p| format::number(p.value.extent(), lang)).collect::<Vec<_>>().join(" + ");
                let what = lang.pick("tổng các lĩnh vực nguồn liệt kê", "sum of the sectors the source lists");
                format!("{} ÷ {} ({what}: {list}), {same} {date}", v(f.obs), format::amount(*sum, f.obs.unit, lang))
            }
        })
    }

    fn metric(&self, f: &Fig) -> String {
        let base = metric_text(f.obs, self.lang);
        let l = self.lang;
        match (&f.den, self.computed) {
            (None, _) => base,
            (Some(_), Computed::PerCoop) => format!("{base} {}", l.pick("bình quân một HTX", "per cooperative")),
            (Some(Den::Count(_)), _) => format!("{base}: {}", l.pick("tỷ lệ trong tổng số HTX", "share of all cooperatives")),
            (Some(_), _) => format!("{base}: {}", l.pick("tỷ lệ trong tổng số", "share of the total")),
        }
    }

    fn input(&self, o: &Observation) -> Input {
        let src = self.ds.source(&o.source);
        Input {
            record: o.record,
            area: self.ds.area(&o.area).map(|a| area_text(self.ds, a, self.lang)).unwrap_or_else(|| o.area.clone()),
            value_text: format::value(o.value, o.qualifier, o.unit, self.lang),
            date: date_of(o.date, self.lang),
            source: o.source.clone(),
            publisher: src.map(|s| s.publisher.clone()).unwrap_or_default(),
            reporter: src.and_then(|s| s.reporter.clone().filter(|r| *r != s.publisher)),
            title: src.map(|s| s.title.clone()).unwrap_or_default(),
            citation: citation(self.ds, &o.source, self.lang),
            url: src.and_then(|s| s.url.clone()),
            published: src.and_then(|s| s.published.clone()),
            quote: o.quote.clone(),
            note: o.note.clone(),
        }
    }

    /// The figure of a mark.
    pub fn figure(&self, key: &str, f: &Fig) -> Figure {
        let o = f.obs;
        let area = self.ds.area(&o.area);
        let inputs: Vec<Input> = f.inputs().into_iter().map(|i| self.input(i)).collect();
        let formula = self.formula(f);
        let qualifier_text = match &formula {
            Some(how) if f.qualifier.is_exact() => format!("{} {how}", self.lang.pick("tính từ", "computed from")),
            Some(how) => format!("{}; {} {how}", f.qualifier.label(self.lang), self.lang.pick("tính từ", "computed from")),
            None => o.qualifier.label(self.lang).to_string(),
        };
        let mut notes: Vec<String> = o.note.iter().cloned().collect();
        for i in f.inputs() {
            notes.extend(self.ds.notes_for(i.record).map(|n| n.describe(self.ds, self.lang)));
        }
        notes.dedup();
        Figure {
            key: key.to_string(),
            area_code: o.area.clone(),
            area: area.map(|a| area_text(self.ds, a, self.lang)).unwrap_or_else(|| o.area.clone()),
            level: area.map(|a| a.level).unwrap_or(Level::City),
            now_part_of: area.and_then(|a| now_part_of(self.ds, a, self.lang)),
            metric: self.metric(f),
            sector: o.sector,
            rating: o.rating,
            value: f.value,
            unit: self.drawn_unit(f),
            per_cooperative: f.den.is_some() && self.computed == Computed::PerCoop,
            label: self.label(f),
            value_text: self.value_text(f),
            qualifier: f.qualifier,
            qualifier_text,
            date: date_of(o.date, self.lang),
            date_key: o.date.to_string(),
            scope: o.scope.clone(),
            formula,
            inputs,
            notes,
        }
    }
}
