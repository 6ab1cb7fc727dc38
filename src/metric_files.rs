//! One data file per metric for the light embed (`data/m/<metric>.json`): an embed draws one metric,
//! so it downloads that metric's figures (and the numbers of cooperatives it may be divided by)
//! instead of the whole bundled file. Written at build time by `htx-prerender` from the bundled
//! file, record for record (nothing rewritten, nothing rounded): the same `htx-charts/1` format,
//! every area, and the sources its figures cite. The embed falls back to the whole file when a
//! metric has none (see [`crate::load::remote::metric_url`]).

use crate::model::Metric;
use crate::view::choices::{PER_COOP_METRICS, SUBSET_METRICS};
use serde_json::Value;
use std::collections::BTreeSet;

/// The metrics whose figures a view of `metric` reads: itself, and the number of cooperatives
/// when its values may be divided by it (per cooperative, or a subset's share).
pub fn metrics_read(metric: Metric) -> Vec<Metric> {
    let mut out = vec![metric];
    if metric != Metric::Cooperatives && (PER_COOP_METRICS.contains(&metric) || SUBSET_METRICS.contains(&metric)) {
        out.push(Metric::Cooperatives);
    }
    out
}

/// The file of `metric` cut from a whole dataset file (parsed), or `None` when the file has no
/// figure of it or is not an object with `observations` and `sources` lists.
pub fn file_of(full: &Value, metric: Metric) -> Option<Value> {
    let all = full.get("observations")?.as_array()?;
    let str_of = |o: &Value, field: &str| o.get(field).and_then(Value::as_str).map(str::to_owned);
    let own: BTreeSet<String> = all.iter().filter(|o| str_of(o, "metric").as_deref() == Some(metric.key())).filter_map(|o| str_of(o, "area")).collect();
    if own.is_empty() {
        return None;
    }
    // its own figures, and the divisors of the areas that have one (of every date: a view names the
    // dates an area has a count at when none matches)
    let keys: Vec<&str> = metrics_read(metric).into_iter().map(Metric::key).collect();
    let obs: Vec<Value> = all
        .iter()
        .filter(|o| {
            let m = str_of(o, "metric");
            m.as_deref() == Some(metric.key()) || (m.as_deref().is_some_and(|m| keys.contains(&m)) && str_of(o, "area").is_some_and(|a| own.contains(&a)))
        })
        .cloned()
        .collect();
    let cited: BTreeSet<&str> = obs.iter().filter_map(|o| o.get("source").and_then(Value::as_str)).collect();
    let sources: Vec<Value> = full
        .get("sources")?
        .as_array()?
        .iter()
        .filter(|s| s.get("id").and_then(Value::as_str).is_some_and(|id| cited.contains(id)))
        .cloned()
        .collect();
    let mut out = full.as_object()?.clone();
    out.insert("sources".into(), Value::Array(sources));
    out.insert("observations".into(), Value::Array(obs));
    Some(Value::Object(out))
}

/// Every metric's file: (metric, compact JSON text), for the metrics the dataset has figures of.
pub fn all_files(full: &Value) -> Vec<(Metric, String)> {
    Metric::ALL.iter().filter_map(|&m| Some((m, serde_json::to_string(&file_of(full, m)?).ok()?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixture() -> Value {
        json!({
            "format": "htx-charts/1", "title": "t", "updated": "2025-01-01",
            "sources": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "areas": [{"code": "VN"}, {"code": "P01"}, {"code": "P02"}],
            "observations": [
                {"area": "P01", "metric": "members", "source": "a", "value": 10},
                {"area": "P01", "metric": "cooperatives", "source": "b", "value": 2},
                {"area": "P01", "metric": "unions", "source": "c", "value": 1},
                {"area": "P02", "metric": "cooperatives", "source": "c", "value": 5}
            ]
        })
    }

    #[test]
    fn a_metric_divided_by_the_count_brings_the_counts_of_its_areas_and_their_sources() {
        let f = file_of(&fixture(), Metric::Members).unwrap();
        let metrics: Vec<&str> = f["observations"].as_array().unwrap().iter().map(|o| o["metric"].as_str().unwrap()).collect();
        assert_eq!(metrics, ["members", "cooperatives"]);
        assert_eq!(f["sources"], json!([{"id": "a"}, {"id": "b"}]));
        assert_eq!(f["areas"], fixture()["areas"], "every area is kept");
        assert_eq!(f["title"], "t");
    }

    #[test]
    fn a_plain_metric_brings_only_itself_and_a_missing_one_has_no_file() {
        let f = file_of(&fixture(), Metric::Unions).unwrap();
        assert_eq!(f["observations"].as_array().unwrap().len(), 1);
        assert_eq!(f["sources"], json!([{"id": "c"}]));
        assert!(file_of(&fixture(), Metric::Workers).is_none(), "no figure of it: no file");
        assert!(file_of(&json!([1, 2]), Metric::Members).is_none());
        let mut names: Vec<&str> = all_files(&fixture()).into_iter().map(|(m, _)| m.key()).collect();
        names.sort_unstable();
        assert_eq!(names, ["cooperatives", "members", "unions"]);
    }
}
