//! The static first view: the default page's charts drawn at build time by the same pipeline and
//! chart functions (plotters' SVG backend) as HTML with inline SVG, so the HTML parser paints the
//! first chart before the WebAssembly has loaded. `src/bin/prerender.rs` writes it into
//! `dist/index.html` (and the default deck's first slide into `dist/present.html`); the app takes
//! over once its own first chart is painted. Shown only for the address it was rendered for (no
//! query string, the bundled data): an inline script hides it otherwise. On that address the
//! app's script and wasm are asked for only once the static view is painted
//! ([`load_after_paint`]), so that nothing shares the first paint's network and main thread.

use crate::chart::{self, Theme};
use crate::explore::Selection;
use crate::i18n::Lang;
use crate::key_figures;
use crate::model::Dataset;
use crate::view::{self, ChartView};

/// The width the SVGs are drawn at (they scale to their column).
pub const WIDTH: u32 = 860;

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The chart as an SVG element that scales to its column: plotters' fixed size replaced by the
/// column's width (its `viewBox`, which plotters writes, keeps the proportions).
fn svg(v: &ChartView, label: &str) -> String {
    let theme = Theme::light(1.0);
    let height = chart::preferred_height(&v.spec, WIDTH as f64, &theme).ceil() as u32;
    let Ok((svg, _)) = chart::to_svg(&v.spec, WIDTH, height, &theme) else { return String::new() };
    let head = format!(r#"<svg width="{WIDTH}" height="{height}""#);
    let open = format!(r#"<svg class="static-chart" role="img" aria-label="{}" width="100%""#, esc(label));
    svg.replacen(&head, &open, 1)
}

fn list(class: &str, items: &[String]) -> String {
    let li: String = items.iter().map(|c| format!("<li>{}</li>", esc(c))).collect();
    format!(r#"<ul class="{class}">{li}</ul>"#)
}

fn table(v: &ChartView, lang: Lang) -> String {
    let rows: String = v
        .figures
        .iter()
        .chain(&v.rest)
        .take(100)
        .map(|f| {
            format!(
                r#"<tr data-key="{}"><th scope="row">{}</th><td>{}</td><td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                esc(&f.key),
                esc(&f.area),
                esc(&f.metric_with_scope()),
                esc(&f.value_text),
                esc(&f.qualifier_text),
                esc(&f.date),
                esc(&f.sources())
            )
        })
        .collect();
    let head: String = [("Địa bàn", "Area"), ("Chỉ tiêu", "Metric"), ("Số liệu", "Figure"), ("Mức chính xác", "Qualifier"), ("Thời điểm", "Date"), ("Nguồn", "Source")]
        .iter()
        .map(|(vi, en)| format!(r#"<th scope="col">{}</th>"#, lang.pick(vi, en)))
        .collect();
    format!(
        r#"<details class="chart-table"><summary>{}</summary><div class="table-scroll"><table><caption>{}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>"#,
        lang.pick("Bảng số liệu và nguồn", "Table of figures and sources"),
        esc(&v.title)
    )
}

/// One chart as the app's figure markup, with its inline SVG.
pub fn figure(id: &str, v: &ChartView, lang: Lang) -> String {
    let keys: Vec<&str> = v.figures.iter().map(|f| f.key.as_str()).collect();
    format!(
        r#"<figure class="chart" data-static-chart="{id}" data-keys="{}"><div class="chart-head"><h2 class="chart-title">{}</h2></div>{}<p class="chart-unit">{}</p><div class="chart-canvas">{}</div><div class="chart-summary"><p>{}</p></div>{}<figcaption class="source-line">{}</figcaption>{}</figure>"#,
        esc(&keys.join(",")),
        esc(&v.title),
        list("caveats", &v.caveat_text),
        esc(&v.unit_line),
        svg(v, &format!("{}. {}", v.title, v.unit_line)),
        esc(&v.summary),
        list("chart-notes", &v.notes),
        esc(&v.source_line),
        table(v, lang)
    )
}

/// The explorer page's first view: header, the explorer's default chart, then the key figures.
/// Right after the first chart an inline script marks `htx-first-chart` in the performance
/// timeline (the same mark the app sets when it paints).
pub fn explorer_page(ds: &Dataset) -> String {
    let lang = Lang::Vi;
    let first = view::build(ds, &Selection::default(), lang);
    let keys: String = key_figures::for_dataset(ds).iter().map(|(k, sel)| figure(k.id, &view::build(ds, sel, lang), lang)).collect();
    format!(
        r#"<main class="page static-page"><header class="site-header"><a class="brand" href="./">HTX Charts</a><span class="tagline">Thống kê hợp tác xã Việt Nam, mỗi số liệu kèm nguồn</span></header><p class="intro explorer-intro">Mỗi số liệu ghi rõ nguồn, thời điểm và mức chính xác (hơn, khoảng, ước tính…).</p><section class="explorer"><h2 class="section-title">Khám phá số liệu</h2><div class="controls static-controls" aria-hidden="true"></div>{}<script>if(!document.documentElement.classList.contains('no-static'))performance.mark('htx-first-chart')</script></section><h2 class="section-title">Số liệu chính</h2><div class="charts">{keys}</div></main>"#,
        figure("explorer", &first, lang)
    )
}

/// The default deck's first slide.
pub fn first_slide(ds: &Dataset) -> String {
    let deck = crate::deck::default_deck();
    let Some(slide) = deck.slides.first() else { return String::new() };
    let (sel, _) = crate::explore::from_query(slide, ds);
    let mut sel = sel;
    sel.top.get_or_insert(15);
    let v = view::build(ds, &sel, Lang::Vi);
    format!(
        r#"<main class="present static-page"><div class="present-bar"><span class="brand">HTX Charts</span><span class="slide-counter">1 / {}</span></div><figure class="chart slide"><h1 class="slide-title">{}</h1><p class="slide-meta">{}</p><div class="chart-canvas">{}</div><figcaption class="source-line slide-source">{}</figcaption></figure><script>if(!document.documentElement.classList.contains('no-static'))performance.mark('htx-first-chart')</script></main>"#,
        deck.slides.len(),
        esc(&v.title),
        esc(&crate::export::slide_meta(&v, Lang::Vi)),
        svg(&v, &v.title),
        esc(&v.source_line)
    )
}

/// The test, in the page's scripts, of an address other than the one the static view was drawn
/// for (a query string or a fragment).
macro_rules! other_address {
    () => {
        "location.search.length>1||location.hash.length>1"
    };
}

/// The script that hides the static view on any other address (a query string: another view,
/// another dataset), placed before it in `<body>`.
pub const GUARD: &str = concat!("<script>if(", other_address!(), r#")document.documentElement.classList.add('no-static')</script>"#);

/// The first script of the page: at `/embed` (a host that serves the app for every path) it goes
/// to the light embed (`embed.html`, same query and fragment) before the app's files are asked for.
pub const TO_EMBED: &str = r#"<script>if(/\/embed$/.test(location.pathname))location.replace('embed.html'+location.search+location.hash)</script>"#;

/// Puts a static view into a built page: right after `<body>`, in `<div id="static-view">`, and
/// [`TO_EMBED`] first in `<head>`.
pub fn inject(page: &str, body: &str) -> Option<String> {
    let head = page.find("<head>")? + "<head>".len();
    let at = page.find("<body>")? + "<body>".len();
    (head < at).then(|| format!(r#"{}{TO_EMBED}{}{GUARD}<div id="static-view">{body}</div>{}"#, &page[..head], &page[head..at], &page[at..]))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    Some(&s[from..from + s[from..].find(end)?])
}

/// The app's loader for a page with a static first view: the app's script and wasm are asked for
/// once the frame holding the static view is on screen (the next frame has begun; at the latest
/// after a second, for a page opened in the background), so the first paint shares the network
/// and the main thread with nothing; on any other address (no static view to show) at once, with
/// preload hints.
fn loader(js: &str, wasm: &str) -> String {
    format!(
        r#"<script>if({other})for(const[r,h]of[['modulepreload','{js}'],['preload','{wasm}']]){{const l=document.createElement('link');l.rel=r;l.href=h;l.crossOrigin='anonymous';if(r==='preload'){{l.as='fetch';l.type='application/wasm'}}document.head.append(l)}}</script><script type="module">let started=false;const start=async()=>{{if(started)return;started=true;const{{default:init,...bindings}}=await import('{js}');const wasm=await init({{module_or_path:'{wasm}'}});window.wasmBindings=bindings;dispatchEvent(new CustomEvent('TrunkApplicationStarted',{{detail:{{wasm}}}}))}};if(document.getElementById('static-view')&&!document.documentElement.classList.contains('no-static')){{requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(start,0)));setTimeout(start,1000)}}else start()</script>"#,
        other = other_address!()
    )
}

/// Replaces trunk's loader of a built page (its module script and its preload links) by
/// [`loader`]. `None` when the page has no loader of the form trunk 0.21 writes.
pub fn load_after_paint(page: &str) -> Option<String> {
    const OPEN: &str = r#"<script type="module">"#;
    let at = page.find(OPEN)?;
    let end = at + page[at..].find("</script>")? + "</script>".len();
    let block = &page[at..end];
    let js = between(block, "import init, * as bindings from '", "'")?;
    let wasm = between(block, "module_or_path: '", "'")?;
    let mut out = format!("{}{}{}", &page[..at], loader(js, wasm), &page[end..]);
    for hint in [r#"<link rel="modulepreload""#, r#"<link rel="preload""#] {
        while let Some(i) = out.find(hint) {
            let close = i + out[i..].find('>')? + 1;
            out.replace_range(i..close, "");
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_files_are_asked_for_after_the_static_view_is_painted() {
        let trunk = "<html><head><script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><style>x</style><link rel=\"modulepreload\" href=\"./app-1.js\" integrity=\"a\"><link rel=\"preload\" href=\"./app-1_bg.wasm\" as=\"fetch\"></head><body></body></html>";
        let out = load_after_paint(trunk).unwrap();
        assert!(!out.contains("<link rel="), "no preload hint in the page: {out}");
        assert!(out.contains("await import('./app-1.js')") && out.contains("module_or_path:'./app-1_bg.wasm'"), "{out}");
        assert!(out.contains("requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(start,0)))"), "after the first frame is on screen");
        assert!(out.contains("['preload','./app-1_bg.wasm']"), "hints added on other addresses");
        assert!(out.ends_with("<style>x</style></head><body></body></html>"), "{out}");
        assert!(load_after_paint("<html><head></head><body></body></html>").is_none(), "no trunk loader: none");
    }

    #[test]
    fn a_static_chart_scales_to_its_column_with_one_view_box() {
        let ds = crate::load::load(include_str!("../tests/fixtures/small.json"), "small.json").unwrap();
        let v = view::build(&ds, &Selection::default(), Lang::Vi);
        let out = svg(&v, "a <label>");
        let open = &out[..out.find('>').unwrap()];
        assert!(open.starts_with(r#"<svg class="static-chart" role="img" aria-label="a &lt;label&gt;" width="100%""#), "{open}");
        assert_eq!(open.matches("viewBox=").count(), 1, "{open}");
        assert!(!open.contains("height="), "{open}");
    }

    #[test]
    fn injects_after_body_with_its_guard_and_the_embed_redirect_first() {
        let out = inject("<html><head></head><body><p>x</p></body></html>", "<b>v</b>").unwrap();
        assert!(out.starts_with(&format!("<html><head>{TO_EMBED}</head><body>{GUARD}")));
        assert!(out.contains(r#"<div id="static-view"><b>v</b></div><p>x</p>"#));
        assert!(inject("<html></html>", "v").is_none());
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
