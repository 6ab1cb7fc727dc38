//! The key figures: named selections ([`crate::key_figures`]) drawn by the same component and the
//! same path as the explorer's chart, each with a link that opens it in the explorer.

use super::chart_figure::{ChartFigure, FigureActions};
use super::context::{dataset, lang};
use crate::key_figures;
use leptos::prelude::*;

/// The key figures the dataset can show.
#[component]
pub fn KeyFigures() -> impl IntoView {
    let ds = dataset();
    let lang = lang();
    let figures = key_figures::for_dataset(&ds)
        .into_iter()
        .map(|(k, sel)| {
            let d = ds.clone();
            let view = Memo::new(move |_| crate::view::build(&d, &sel, lang.get()));
            let actions = FigureActions { explore_link: true, ..Default::default() };
            view! { <ChartFigure id=k.id view=view query=Signal::stored(k.pairs()) actions=actions /> }
        })
        .collect_view();
    view! {
        <h2 class="section-title" id="key-figures">{move || lang.get().pick("Số liệu chính", "Key figures")}</h2>
        <div class="charts">{figures}</div>
    }
}
