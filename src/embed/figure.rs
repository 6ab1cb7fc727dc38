//! The embed's figure, read from the view model: title, unit line and first caveat, the chart (or
//! the table), the other caveats and the notes on the figures marked * (folded, never left out),
//! the written summary, the source line and the link back to the full view.

use super::{canvas, dom, table, Page, EMBED_PARAMS};
use crate::explore::{self, ChartKind};
use crate::model::Dataset;
use crate::web::page::base_url;

/// Builds the view of the page's selection and shows it in `<main>`.
pub fn show(page: &Page, ds: &Dataset) {
    let (sel, notices) = explore::from_query(&page.pairs, ds);
    let view = crate::view::build(ds, &sel, page.lang);
    crate::web::document().set_title(&format!("{} — HTX Charts", view.title));
    let fig = dom::el("figure", "chart embed-figure");
    dom::attrs(&fig, &[("data-chart", "embed")]);
    if page.show_title {
        dom::append(&fig, &[&dom::text("h1", "chart-title", &view.title)]);
    }
    let unit = dom::text("p", "chart-unit", &view.unit_line);
    if let Some(c) = view.caveat_text.first() {
        dom::append(&unit, &[&dom::text("span", "embed-caveat", &format!(" · {c}"))]);
    }
    dom::append(&fig, &[&unit]);
    // parameters not used as written (a typo in the embed code): said, as the explorer says it
    let mut lines: Vec<String> = notices.iter().map(|n| n.describe(page.lang)).collect();
    lines.extend(page.param("lang").and_then(|v| explore::bad_lang(v, page.lang)));
    lines.extend(EMBED_PARAMS.iter().filter_map(|&p| page.param(p).and_then(|v| explore::bad_embed_option(p, v, page.lang))));
    if !lines.is_empty() {
        let notice = dom::text("p", "notice warn embed-notice", &lines.join(" "));
        dom::attrs(&notice, &[("data-testid", "param-notice"), ("role", "status")]);
        dom::append(&fig, &[&notice]);
    }
    let is_table = view.chart_kind == ChartKind::Table;
    let body = if is_table { table::figures_table(&view.figures, &view.title, page.lang) } else { dom::el("div", "chart-canvas") };
    let more = more_notes(&view.caveat_text, &view.notes, page.lang);
    let summary = dom::text("p", "chart-summary embed-summary", &view.summary);
    dom::attrs(&summary, &[("id", "summary-embed"), ("data-testid", "chart-summary")]);
    let back = dom::text("a", "", page.lang.pick("Xem đầy đủ trên HTX Charts ↗", "Open in HTX Charts ↗"));
    let href = format!("{}{}{}", base_url(), page.query_without(&EMBED_PARAMS), crate::web::link_data::data_hash());
    dom::attrs(&back, &[("href", &href), ("target", "_blank"), ("rel", "noopener"), ("data-testid", "embed-back")]);
    let back_line = dom::el("p", "embed-back");
    dom::append(&back_line, &[&back]);
    dom::append(&fig, &[&body]);
    if let Some(m) = &more {
        dom::append(&fig, &[m]);
    }
    dom::append(&fig, &[&summary, &dom::text("figcaption", "source-line", &view.source_line), &back_line]);
    let _ = page.main.append_child(&fig);
    if !is_table {
        let label = format!("{}. {}", view.title, view.unit_line);
        canvas::start(&body, view.spec, view.figures, &label, page);
    }
}

/// The caveats after the first (shown with the unit) and the notes on figures marked *, folded
/// under one line that counts them; `None` when there is none.
fn more_notes(caveats: &[String], notes: &[String], lang: crate::i18n::Lang) -> Option<web_sys::Element> {
    let items: Vec<&String> = caveats.iter().skip(1).chain(notes).collect();
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let label = match lang {
        crate::i18n::Lang::Vi => format!("{n} lưu ý khác về số liệu"),
        crate::i18n::Lang::En => format!("{n} more note{} on the figures", if n == 1 { "" } else { "s" }),
    };
    let details = dom::el("details", "embed-notes");
    dom::attrs(&details, &[("data-testid", "embed-notes")]);
    let list = dom::el("ul", "caveats");
    for t in items {
        dom::append(&list, &[&dom::text("li", "", t)]);
    }
    dom::append(&details, &[&dom::text("summary", "", &label), &list]);
    Some(details)
}
