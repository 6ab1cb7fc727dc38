//! Writes the static first view into a built site: `htx-prerender DIST` reads `DIST/data/htx.json`
//! and puts the default page's charts into `DIST/index.html` and the default deck's first slide
//! into `DIST/present.html` (see `htx_charts::prerender`). Run by `scripts/build.sh`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use htx_charts::prerender;
    let dist = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let fail = |m: String| -> ! {
        eprintln!("htx-prerender: {m}");
        std::process::exit(1)
    };
    let text = std::fs::read_to_string(dist.join("data/htx.json")).unwrap_or_else(|e| fail(format!("cannot read data/htx.json: {e}")));
    let ds = htx_charts::load::load(&text, "data/htx.json").unwrap_or_else(|e| fail(format!("the bundled data does not load: {e}")));
    for (page, body) in [("index.html", prerender::explorer_page(&ds)), ("present.html", prerender::first_slide(&ds))] {
        let path = dist.join(page);
        let html = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("cannot read {page}: {e}")));
        let out = prerender::inject(&html, &body).unwrap_or_else(|| fail(format!("{page} has no <head> and <body>")));
        let out = prerender::load_after_paint(&out).unwrap_or_else(|| fail(format!("{page} has no loader of the form trunk 0.21 writes")));
        std::fs::write(&path, &out).unwrap_or_else(|e| fail(format!("cannot write {page}: {e}")));
        println!("htx-prerender: {page}: static first view of {} bytes", body.len());
    }
    // the embed's one-metric files (htx_charts::metric_files)
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| fail(format!("data/htx.json: {e}")));
    let dir = dist.join(htx_charts::load::remote::METRIC_DIR);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(format!("cannot create {}: {e}", dir.display())));
    let files = htx_charts::metric_files::all_files(&value);
    for (metric, json) in &files {
        let path = dist.join(htx_charts::load::remote::metric_url(*metric));
        std::fs::write(&path, json).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", path.display())));
    }
    println!("htx-prerender: {} one-metric data files for embeds in {}", files.len(), dir.display());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
