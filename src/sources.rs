//! The sources page's content: every source with the body it reports for and every figure read in
//! it (area, date, value, quote), each with the explorer query that shows it; searchable by
//! publisher or title, by province (a former province or city counts for the province it is in
//! now) and by year.

use crate::explore::{fold, url::metric_key};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, Metric, Observation, Source};
use crate::view::text::{area_text, date_of, metric_text};

/// One figure read in a source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFigure {
    /// Area, with the province it is now part of.
    pub area: String,
    /// What is measured.
    pub metric: String,
    /// The value with qualifier and unit.
    pub value: String,
    /// Its date.
    pub date: String,
    /// The sentence it was read in.
    pub quote: Option<String>,
    /// The explorer query that shows it (`a=P20&m=cooperatives&d=2023`).
    pub query: Vec<(String, String)>,
}

/// One source and the figures read in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// Source id (the anchor of its entry).
    pub id: String,
    /// The source.
    pub source: Source,
    /// Its figures, in file order.
    pub figures: Vec<SourceFigure>,
}

/// What the reader searches for: words of a publisher or title, a province, a year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceQuery {
    /// Words of the publisher, title or reporter (diacritics optional).
    pub text: String,
    /// A province's name (diacritics optional), matching areas in it or merged into it.
    pub province: String,
    /// A year: of a figure, or of publication.
    pub year: Option<u16>,
}

/// The explorer query that shows one figure: its area, metric (and unit), year, breakdown.
pub fn explorer_query(o: &Observation) -> Vec<(String, String)> {
    let mut q = vec![("a".to_string(), o.area.clone()), ("m".to_string(), metric_key(o.metric, o.unit))];
    if o.metric == Metric::RatingShare {
        q.push(("c".into(), "pct".into()));
    } else if o.sector.is_some() {
        q.push(("by".into(), "sector".into()));
    }
    q.push(("d".into(), o.date.year().to_string()));
    q
}

/// Folded names of an area and every area above it (a former province's current province).
fn place_names(ds: &Dataset, code: &str) -> String {
    let mut names = String::new();
    let mut next = ds.area(code);
    for _ in 0..4 {
        let Some(a) = next else { break };
        names.push_str(&fold(&format!("{} {} ", a.name, a.short_name())));
        next = a.part_of.as_deref().and_then(|p| ds.area(p));
    }
    names
}

fn matches(ds: &Dataset, s: &Source, figs: &[&Observation], q: &SourceQuery) -> bool {
    let text = fold(&q.text);
    let about = fold(&format!("{} {} {}", s.publisher, s.title, s.reporter.as_deref().unwrap_or("")));
    let province = fold(&q.province);
    let year_ok = q.year.is_none_or(|y| figs.iter().any(|o| o.date.year() == y) || s.published.as_deref().is_some_and(|p| p.starts_with(&y.to_string())));
    let text_ok = text.split(' ').all(|w| about.contains(w));
    let place_ok = province.is_empty() || figs.iter().any(|o| place_names(ds, &o.area).contains(&province));
    text_ok && place_ok && year_ok
}

/// The sources matching a query, with their figures, in file order.
pub fn entries(ds: &Dataset, q: &SourceQuery, lang: Lang) -> Vec<SourceEntry> {
    ds.sources
        .iter()
        .filter_map(|s| {
            let figs: Vec<&Observation> = ds.observations.iter().filter(|o| o.source == s.id).collect();
            matches(ds, s, &figs, q).then(|| SourceEntry {
                id: s.id.clone(),
                source: s.clone(),
                figures: figs
                    .iter()
                    .map(|o| SourceFigure {
                        area: ds.area(&o.area).map(|a| area_text(ds, a, lang)).unwrap_or_else(|| o.area.clone()),
                        metric: metric_text(o, lang),
                        value: format::value(o.value, o.qualifier, o.unit, lang),
                        date: date_of(o.date, lang),
                        quote: o.quote.clone(),
                        query: explorer_query(o),
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"{"format":"htx-charts/1","title":"t","sources":[
        {"id":"s1","publisher":"Báo Lạng Sơn","title":"Đưa HTX phát triển","published":"2023-11","reporter":"Liên minh HTX tỉnh"},
        {"id":"s2","publisher":"Báo Bắc Giang","title":"Kinh tế tập thể","published":"2019"}],
      "areas":[{"code":"P20","name":"Tỉnh Lạng Sơn","short":"Lạng Sơn","level":"province"},
        {"code":"P24","name":"Tỉnh Bắc Ninh","short":"Bắc Ninh","level":"province"},
        {"code":"F24","name":"Tỉnh Bắc Giang","short":"Bắc Giang","level":"former_province","part_of":"P24"}],
      "observations":[
        {"area":"P20","date":"2023","metric":"cooperatives","value":478,"qualifier":"exact","unit":"cooperatives","source":"s1","quote":"…478 HTX…"},
        {"area":"F24","date":"2019","metric":"cooperatives","value":600,"qualifier":"more_than","unit":"cooperatives","source":"s2"}]}"#;

    #[test]
    fn every_source_with_its_figures_and_searches() {
        let ds = crate::load::load(FIXTURE, "t").unwrap();
        let all = entries(&ds, &SourceQuery::default(), Lang::Vi);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].figures[0].value, "478 HTX");
        assert_eq!(all[0].figures[0].quote.as_deref(), Some("…478 HTX…"));
        assert_eq!(crate::deck::to_query(&all[0].figures[0].query), "a=P20&m=cooperatives&d=2023");
        assert_eq!(all[1].figures[0].value, "hơn 600 HTX");
        let q = |text: &str, province: &str, year: Option<u16>| SourceQuery { text: text.into(), province: province.into(), year };
        let ids = |q: SourceQuery| entries(&ds, &q, Lang::Vi).into_iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(q("bao lang son", "", None)), ["s1"]);
        assert_eq!(ids(q("", "bac ninh", None)), ["s2"], "a former province counts for the province it is part of now");
        assert_eq!(ids(q("", "", Some(2023))), ["s1"]);
        assert_eq!(ids(q("", "", Some(2019))), ["s2"]);
        assert!(ids(q("khong co", "", None)).is_empty());
    }
}
