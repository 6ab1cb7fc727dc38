//! The embed view (`/embed?…`): the chart, its title, source line and a link back; no controls.
//! It tells a parent page its height (`{type: "htx-charts:height", height}`) whenever it changes.

use super::browser;
use super::chart_canvas::{ChartCanvas, Look};
use super::context::{dataset, lang, WithLang};
use super::dataset::{query_without, with_dataset};
use super::explore_panel::use_selection;
use super::figures_table::FiguresTable;
use crate::explore::ChartKind;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parameters of the embed itself, dropped from the link back to the full view.
pub const EMBED_PARAMS: [&str; 2] = ["title", "theme"];

/// The embed bundle's app: the embed page alone, at any address.
#[component]
pub fn EmbedApp() -> impl IntoView {
    view! {
        <Router base=browser::router_base()>
            <WithLang>
                <Routes fallback=EmbedPage>
                    <Route path=path!("/embed.html") view=EmbedPage />
                    <Route path=path!("/embed") view=EmbedPage />
                </Routes>
            </WithLang>
        </Router>
    }
}

/// Tells the parent page the height of `main` whenever it changes.
fn post_height_on_resize(main_ref: NodeRef<leptos::html::Main>) {
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
}

/// The embed page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let query = use_query_map();
    let show_title = Memo::new(move |_| query.with(|q| q.get("title").as_deref() != Some("0")));
    let dark = Memo::new(move |_| match query.with(|q| q.get("theme")).as_deref() {
        Some("dark") => true,
        Some("auto") => browser::prefers_dark(),
        _ => false,
    });
    let main_ref = NodeRef::<leptos::html::Main>::new();
    post_height_on_resize(main_ref);
    Effect::new(move |_| {
        if let Some(b) = document().body() {
            b.set_class_name(if dark.get() { "embed-body dark" } else { "embed-body" });
        }
    });
    view! {
        <main id="app" class="embed" class:dark=move || dark.get() node_ref=main_ref data-testid="embed">
            {with_dataset(move || view! { <EmbedChart show_title=show_title dark=dark /> }.into_any())}
        </main>
    }
}

#[component]
fn EmbedChart(show_title: Memo<bool>, dark: Memo<bool>) -> impl IntoView {
    let (ds, lang) = (dataset(), lang());
    let (state, _) = use_selection(ds.clone());
    let view = Memo::new(move |_| state.with(|(sel, _)| crate::view::build(&ds, sel, lang.get())));
    let query = use_query_map();
    let back = move || {
        let q = query.with(|q| query_without(q, &EMBED_PARAMS));
        format!("{}{}", browser::base_url(), if q == "?" { String::new() } else { q })
    };
    let spec = Signal::derive(move || view.with(|v| v.spec.clone()));
    let label = Signal::derive(move || view.with(|v| format!("{}. {}", v.title, v.unit_line)));
    let figures = Signal::derive(move || view.with(|v| v.figures.clone()));
    let title = Signal::derive(move || view.with(|v| v.title.clone()));
    let look = Signal::derive(move || if dark.get() { Look::Dark } else { Look::Light });
    let is_table = move || view.with(|v| v.chart_kind == ChartKind::Table);
    view! {
        <figure class="chart embed-figure" data-chart="embed">
            <Show when=move || show_title.get()>
                <h1 class="chart-title">{move || view.with(|v| v.title.clone())}</h1>
            </Show>
            <p class="chart-unit">{move || view.with(|v| v.unit_line.clone())}
                {move || view.with(|v| v.caveat_text.first().cloned()).map(|c| view! { <span class="embed-caveat">" · "{c}</span> })}
            </p>
            <Show when=move || !is_table() fallback=move || view! { <FiguresTable rows=figures caption=title open=true /> }>
                <ChartCanvas spec=spec figures=figures label=label look=look described_by="summary-embed" />
            </Show>
            <p class="chart-summary embed-summary" id="summary-embed" data-testid="chart-summary">{move || view.with(|v| v.summary.clone())}</p>
            <figcaption class="source-line">{move || view.with(|v| v.source_line.clone())}</figcaption>
            <p class="embed-back">
                <a href=back target="_blank" rel="noopener" data-testid="embed-back">
                    {move || lang.get().pick("Xem đầy đủ trên HTX Charts ↗", "Open in HTX Charts ↗")}
                </a>
            </p>
        </figure>
    }
}
