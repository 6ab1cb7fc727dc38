//! The embed's one-metric data files (`data/m/<metric>.json`, written by `htx-prerender`) show
//! exactly what the whole bundled file shows: for every metric of the bundled data and every chart
//! kind, mode, area set and sector breakdown an embed address can ask for, the view built from the
//! metric's file equals the view built from the whole file.

use htx_charts::explore::{self, ChartKind, Mode};
use htx_charts::i18n::Lang;
use htx_charts::metric_files;

fn bundled() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/htx.json")).expect("public/data/htx.json")
}

/// Debug text with the numbers after `record: ` and in `records: [...]` taken out.
fn without_record_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("record") {
        out.push_str(&rest[..i + "record".len()]);
        rest = &rest[i + "record".len()..];
        let skip = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, 's' | ':' | ' ' | '[' | ']' | ','))).unwrap_or(rest.len());
        rest = &rest[skip..];
    }
    out.push_str(rest);
    out
}

#[test]
fn each_metric_file_draws_what_the_whole_file_draws() {
    let text = bundled();
    let full = htx_charts::load::load(&text, "data/htx.json").expect("the bundled data loads");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let files = metric_files::all_files(&value);
    assert!(files.len() >= 10, "a file per metric of the bundled data: {}", files.len());
    let mut compared = 0;
    for (metric, json) in &files {
        let part = htx_charts::load::load(json, "data/m.json").unwrap_or_else(|e| panic!("{}: the file loads: {e}", metric.key()));
        assert!(part.observations.len() < full.observations.len(), "{}: a part of the data", metric.key());
        for c in ChartKind::ALL {
            for mode in Mode::ALL {
                for a in ["local", "p34", "regions", "vn"] {
                    for by in ["", "sector"] {
                        let q = [("m", metric.key()), ("c", c.key()), ("mode", mode.key()), ("a", a), ("by", by)];
                        let pairs = q.map(|(k, v)| (k.to_string(), v.to_string()));
                        let (sel_full, n_full) = explore::from_query(&pairs, &full);
                        let (sel_part, n_part) = explore::from_query(&pairs, &part);
                        assert_eq!(sel_full, sel_part, "{q:?}: the same selection");
                        assert_eq!(n_full, n_part, "{q:?}: the same notices");
                        let lang = if compared % 2 == 0 { Lang::Vi } else { Lang::En };
                        let (a, b) = (htx_charts::view::build(&full, &sel_full, lang), htx_charts::view::build(&part, &sel_part, lang));
                        // a figure's record number is its place in its file: the one thing that differs
                        let (a, b) = (without_record_numbers(&format!("{a:?}")), without_record_numbers(&format!("{b:?}")));
                        if a != b {
                            let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                            let near = |s: &str| s.chars().skip(at.saturating_sub(200)).take(400).collect::<String>();
                            panic!("{q:?}: the views differ at {at}:\n whole file: …{}…\n its file:   …{}…", near(&a), near(&b));
                        }
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 1000, "{compared} views compared");
}
