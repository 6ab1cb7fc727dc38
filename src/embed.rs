//! The light embed (`embed.html?…`, the `htx-embed` bundle; also `/embed?…` in the full app): the
//! chart, its title, unit line, first caveat, written summary, source line and a link back; no
//! controls. Built with web-sys alone (no Leptos, no router), over the same pipeline as the app:
//! the selection read from the query ([`crate::explore::from_query`]), [`crate::view::build`], the
//! chart drawn by [`crate::web::canvas`], the tooltip and table markup of [`crate::markup`].
//! It tells a parent page its height (`{type: "htx-charts:height", height}`) whenever it changes.

mod canvas;
mod dom;
mod figure;
mod load;
mod table;

use crate::i18n::Lang;
use crate::web::{document, page};

/// Parameters of the embed itself, dropped from the link back to the full view.
pub const EMBED_PARAMS: [&str; 2] = ["title", "theme"];

/// What the address asks of the embed.
#[derive(Debug, Clone)]
pub struct Page {
    /// The query pairs, decoded, in order.
    pub pairs: Vec<(String, String)>,
    /// `lang=en`, else Vietnamese.
    pub lang: Lang,
    /// `theme=dark`, or `theme=auto` with a reader who prefers dark.
    pub dark: bool,
    /// False with `title=0`.
    pub show_title: bool,
    /// The `<main>` everything goes in.
    pub main: web_sys::Element,
}

impl Page {
    /// The value of a parameter (its first).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The query string without some parameters (with its `?`, or empty).
    pub fn query_without(&self, drop: &[&str]) -> String {
        let kept: Vec<(String, String)> = self.pairs.iter().filter(|(k, _)| !drop.contains(&k.as_str())).cloned().collect();
        let q = crate::deck::to_query(&kept);
        if q.is_empty() { q } else { format!("?{q}") }
    }
}

/// Mounts the embed on `<body>` and loads its data.
pub fn mount() {
    console_error_panic_hook::set_once();
    let doc = document();
    let pairs = page::query_pairs();
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let lang = get("lang").and_then(Lang::from_key).unwrap_or_default();
    let dark = match get("theme") {
        Some("dark") => true,
        Some("auto") => page::prefers_dark(),
        _ => false,
    };
    let show_title = get("title") != Some("0");
    if let Some(s) = doc.get_element_by_id("static-view") {
        s.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.key());
    }
    doc.set_title(lang.pick("HTX Charts — biểu đồ nhúng", "HTX Charts — embedded chart"));
    let main = dom::el("main", if dark { "embed dark" } else { "embed" });
    dom::attrs(&main, &[("id", "app"), ("data-testid", "embed")]);
    if let Some(body) = doc.body() {
        body.set_class_name(if dark { "embed-body dark" } else { "embed-body" });
        let _ = body.append_child(&main);
    }
    post_height_on_resize(&main);
    load::start(std::rc::Rc::new(Page { pairs, lang, dark, show_title, main }));
}

/// Tells the parent page the height of `main` whenever it changes.
fn post_height_on_resize(main: &web_sys::Element) {
    let target = main.clone();
    let post = move || page::post_height(target.scroll_height() as f64 + 2.0);
    post();
    dom::on_resize(main, post);
}
