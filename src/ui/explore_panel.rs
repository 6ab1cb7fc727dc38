//! The explorer: the selection lives in the URL's query string (so every view has a link, and
//! back/forward step through changes); the controls change it; one chart shows it.

use super::chart_figure::{ChartFigure, FigureActions};
use super::context::{dataset, lang};
use super::explore_controls::Controls;
use crate::explore::{self, AreaSet, ChartKind, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::view::ChartView;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use std::sync::Arc;

/// Query parameters that belong to the page rather than the selection, kept as they are.
const KEPT: [&str; 2] = ["lang", "data"];

/// The selection read from the URL, with notices about parameters that were not understood.
pub type SelectionState = Memo<(Selection, Vec<explore::ParamNotice>)>;

/// The selection in the URL, and a way to change it (a new history entry, so back/forward work).
pub fn use_selection(ds: Arc<Dataset>) -> (SelectionState, impl Fn(Selection) + Clone + 'static) {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let state = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(String, String)> = q.into_iter().filter(|(k, _)| !KEPT.contains(&k.as_ref())).map(|(k, v)| (k.to_string(), v.to_string())).collect();
            explore::from_query(&pairs, &ds)
        })
    });
    let set = move |new: Selection| {
        let mut pairs = explore::to_query(&new);
        query.with_untracked(|q| pairs.extend(KEPT.iter().filter_map(|k| q.get(k).map(|v| (k.to_string(), v)))));
        let map: ParamsMap = pairs.into_iter().collect();
        let url = format!("{}{}{}", location.pathname.get_untracked(), map.to_query_string(), crate::web::link_data::data_hash());
        crate::web::timing::change_started();
        navigate(&url, super::browser::full_path_nav(false));
    };
    (state, set)
}

/// The explorer's state, shared with its controls through context.
#[derive(Clone, Copy)]
pub struct Explore {
    /// The selection.
    pub sel: Memo<Selection>,
    /// Its view.
    pub view: Memo<ChartView>,
    set: StoredValue<Box<dyn Fn(Selection)>, LocalStorage>,
}

impl Explore {
    /// Changes the selection (a new history entry when it differs).
    pub fn update(&self, f: impl FnOnce(&mut Selection)) {
        let mut s = self.sel.get_untracked();
        f(&mut s);
        if s != self.sel.get_untracked() {
            self.set.with_value(|set| set(s));
        }
    }
}

/// The explorer's state from context (inside [`ExplorePanel`]).
pub fn use_explore() -> Explore {
    expect_context::<Explore>()
}

/// Notices about URL parameters that were not used as written.
#[component]
fn ParamNotices(state: SelectionState) -> impl IntoView {
    let lang = lang();
    let raw_lang = Memo::new(move |_| use_query_map().with(|q| q.get("lang")));
    move || {
        let l = lang.get();
        let mut lines: Vec<String> = state.with(|(_, ns)| ns.iter().map(|n| n.describe(l)).collect());
        lines.extend(raw_lang.get().and_then(|v| explore::bad_lang(&v, l)));
        (!lines.is_empty()).then(|| view! {
            <div class="notice warn" data-testid="param-notice" role="status">
                <ul>{lines.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        })
    }
}

/// Printing shows the chart with its table and sources: open the folded table first.
fn open_tables_before_print() {
    let before_print = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| {
        if let Ok(list) = document().query_selector_all("figure[data-chart=explorer] details.chart-table") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    });
    on_cleanup(move || before_print.remove());
}

/// The explorer panel.
#[component]
pub fn ExplorePanel() -> impl IntoView {
    let ds = dataset();
    let lang = lang();
    let (state, set_sel) = use_selection(ds.clone());
    let sel = Memo::new(move |_| state.with(|s| s.0.clone()));
    let view = Memo::new(move |_| crate::view::build(&ds, &sel.get(), lang.get()));
    let explore = Explore { sel, view, set: StoredValue::new_local(Box::new(set_sel)) };
    provide_context(explore);
    open_tables_before_print();
    let actions = FigureActions {
        toggle: Some(Callback::new(move |key: String| explore.update(|s| *s = s.toggled(&key)))),
        select: Some(Callback::new(move |code: String| {
            explore.update(|s| {
                s.areas = AreaSet::Custom(vec![code]);
                s.chart = ChartKind::Bars;
            })
        })),
        share: true,
        explore_link: false,
    };
    let query = Signal::derive(move || sel.with(explore::to_query));
    // a change of view is announced once: "Đang hiển thị: vốn điều lệ theo địa phương, 9 địa bàn"
    let announce = move || {
        view.with(|v| {
            let n = v.figures.iter().map(|f| f.area_code.as_str()).collect::<std::collections::BTreeSet<_>>().len() + v.rest.len();
            match lang.get() {
                Lang::Vi => format!("Đang hiển thị: {}, {n} địa bàn.", v.title),
                Lang::En => format!("Showing: {}, {n} area{}.", v.title, if n == 1 { "" } else { "s" }),
            }
        })
    };
    view! {
        <section class="explorer" aria-labelledby="explorer-title">
            <h2 class="section-title" id="explorer-title">{move || lang.get().pick("Khám phá số liệu", "Explore the figures")}</h2>
            <ParamNotices state=state />
            <p class="visually-hidden" aria-live="polite" data-testid="view-announcer">{announce}</p>
            <Controls />
            <ChartFigure id="explorer" view=view query=query actions=actions />
        </section>
    }
}
