//! The embed view (`/embed?…`): the chart, its title, source line and a link back; no controls.
//! It tells a parent page its height (`{type: "htx-charts:height", height}`) whenever it changes.

use super::browser;
use super::chart_canvas::{ChartCanvas, Look};
use super::dataset::{query_without, with_dataset};
use super::explore_panel::use_selection;
use super::figures_table::FiguresTable;
use super::state::use_lang;
use crate::explore::{self, ChartKind};
use crate::i18n::Lang;
use crate::model::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use send_wrapper::SendWrapper;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parameters of the embed itself, dropped from the link back to the full view.
pub const EMBED_PARAMS: [&str; 2] = ["title", "theme"];

/// The embed page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let (lang, _, _) = use_lang();
    let query = use_query_map();
    let show_title = Memo::new(move |_| query.with(|q| q.get("title").as_deref() != Some("0")));
    let dark = Memo::new(move |_| match query.with(|q| q.get("theme")).as_deref() {
        Some("dark") => true,
        Some("auto") => browser::prefers_dark(),
        _ => false,
    });
    // Tell the parent page our height whenever the content resizes.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    Effect::new(move |prev: Option<Option<SendWrapper<web_sys::ResizeObserver>>>| {
        if let Some(Some(o)) = prev {
            return Some(o);
        }
        let el = main_ref.get()?;
        let target = el.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_e: js_sys::Array| {
            browser::post_height(target.scroll_height() as f64 + 2.0);
        });
        let ro = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
        ro.observe(&el);
        cb.forget();
        browser::post_height(el.scroll_height() as f64 + 2.0);
        let keep = SendWrapper::new(ro.clone());
        on_cleanup(move || keep.disconnect());
        Some(SendWrapper::new(ro))
    });
    Effect::new(move |_| {
        if let Some(b) = document().body() {
            b.set_class_name(if dark.get() { "embed-body dark" } else { "embed-body" });
        }
    });
    view! {
        <main id="app" class="embed" class:dark=move || dark.get() node_ref=main_ref data-testid="embed">
            {with_dataset(move |ds| view! { <EmbedChart ds=ds lang=lang show_title=show_title dark=dark /> }.into_any())}
        </main>
    }
}

#[component]
fn EmbedChart(ds: Arc<Dataset>, lang: Signal<Lang>, show_title: Memo<bool>, dark: Memo<bool>) -> impl IntoView {
    let (state, _) = use_selection(ds.clone());
    let d = ds.clone();
    let view = Memo::new(move |_| state.with(|(sel, _)| explore::build(&d, sel, lang.get())));
    let query = use_query_map();
    let back = move || {
        let q = query.with(|q| query_without(q, &EMBED_PARAMS));
        format!("{}{}", browser::base_url(), if q == "?" { String::new() } else { q })
    };
    let spec = Signal::derive(move || view.with(|v| v.chart.spec.clone()));
    let label = Signal::derive(move || view.with(|v| format!("{}. {}", v.chart.title, v.chart.unit_line)));
    let derived = Signal::derive(move || view.with(|v| v.derived.clone()));
    let rows = Signal::derive(move || view.with(|v| v.rows.clone()));
    let look = Signal::derive(move || if dark.get() { Look::Dark } else { Look::Light });
    let is_table = move || view.with(|v| v.chart_kind == ChartKind::Table);
    let ds2 = StoredValue::new(ds.clone());
    view! {
        <figure class="chart embed-figure" data-chart="embed">
            <Show when=move || show_title.get()>
                <h1 class="chart-title">{move || view.with(|v| v.chart.title.clone())}</h1>
            </Show>
            <p class="chart-unit">{move || view.with(|v| v.chart.unit_line.clone())}
                {move || view.with(|v| v.chart.caveats.first().cloned()).map(|c| view! { <span class="embed-caveat">" · "{c}</span> })}
            </p>
            <Show when=move || !is_table() fallback=move || view! { <FiguresTable rows=rows lang=lang open=true /> }>
                <ChartCanvas spec=spec ds=ds2.get_value() lang=lang label=label derived=derived look=look />
            </Show>
            <figcaption class="source-line">{move || view.with(|v| v.chart.source_line.clone())}</figcaption>
            <p class="embed-back">
                <a href=back target="_blank" rel="noopener" data-testid="embed-back">
                    {move || lang.get().pick("Xem đầy đủ trên HTX Charts ↗", "Open in HTX Charts ↗")}
                </a>
            </p>
        </figure>
    }
}
