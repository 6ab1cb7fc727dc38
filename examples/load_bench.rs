//! Benchmark (not a test): parse and validate a big dataset, and build views of it.
//!
//!     cargo run --release --example load_bench                 # target/big-50000.json, made if missing
//!     cargo run --release --example load_bench -- FILE [RUNS]  # another file, another number of runs
//!
//! Without a file it runs `python3 scripts/make-big-dataset.py 50000 target/big-50000.json` when
//! that file is missing. It loads the file RUNS times (default 20) with `htx_charts::load::load`
//! and prints the median, minimum and maximum time, then times `view::build` for the default
//! selection and for `m=members&mode=per_coop`.

use htx_charts::explore::{self, Selection};
use htx_charts::i18n::Lang;
use htx_charts::model::Dataset;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const DEFAULT_N: usize = 50_000;
const VIEW_RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = match args.first() {
        Some(p) => PathBuf::from(p),
        None => default_file(),
    };
    let runs: usize = args.get(1).map(|r| r.parse().expect("RUNS is a number")).unwrap_or(20).max(1);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));

    let mut times = Vec::with_capacity(runs);
    let mut ds = None;
    for _ in 0..runs {
        drop(ds.take()); // each run starts with the last one's dataset freed
        let t = Instant::now();
        let loaded = htx_charts::load::load(&text, "bench").unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message(Lang::En)));
        times.push(t.elapsed());
        ds = Some(loaded);
    }
    let ds = ds.expect("at least one run");
    println!(
        "load {} observations ({:.1} MB, {} bytes) from {}: {} over {runs} runs",
        ds.observations.len(),
        text.len() as f64 / 1e6,
        text.len(),
        path.display(),
        stats(&mut times)
    );
    println!("  {} areas, {} sources, {} problems, {} consistency notes", ds.areas.len(), ds.sources.len(), ds.problems.len(), ds.notes.len());
    if let Some(p) = ds.problems.first() {
        println!("  first problem: {}", p.describe(Lang::En));
    }

    view_bench(&ds, "default selection", Selection::default());
    let pairs = htx_charts::deck::from_query("m=members&mode=per_coop");
    let (sel, notices) = explore::from_query(&pairs, &ds);
    for n in &notices {
        println!("  notice: {}", n.describe(Lang::En));
    }
    view_bench(&ds, "m=members&mode=per_coop", sel);
}

fn view_bench(ds: &Dataset, what: &str, sel: Selection) {
    let mut times = Vec::with_capacity(VIEW_RUNS);
    let mut drawn = (0, 0);
    for _ in 0..VIEW_RUNS {
        let t = Instant::now();
        let v = htx_charts::view::build(ds, &sel, Lang::Vi);
        times.push(t.elapsed());
        drawn = (v.figures.len(), v.rest.len());
    }
    println!("view::build {what}: {} over {VIEW_RUNS} runs ({} figures drawn, {} more in the table)", stats(&mut times), drawn.0, drawn.1);
}

/// "median 45.1 ms (min 44.0 ms, max 47.9 ms)"
fn stats(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = if times.len() % 2 == 1 {
        ms(times[times.len() / 2])
    } else {
        (ms(times[times.len() / 2 - 1]) + ms(times[times.len() / 2])) / 2.0
    };
    format!("median {median:.1} ms (min {:.1} ms, max {:.1} ms)", ms(times[0]), ms(times[times.len() - 1]))
}

/// target/big-50000.json, made with the python script when missing.
fn default_file() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(format!("target/big-{DEFAULT_N}.json"));
    if !path.exists() {
        let script = root.join("scripts/make-big-dataset.py");
        println!("making {} with {}", path.display(), script.display());
        let status = Command::new("python3")
            .arg(&script)
            .arg(DEFAULT_N.to_string())
            .arg(&path)
            .status()
            .unwrap_or_else(|e| panic!("could not run python3 (needed to make {}): {e}", path.display()));
        assert!(status.success(), "{} failed: {status}", script.display());
    }
    path
}
