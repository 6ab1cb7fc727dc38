//! One chart as a figure: title, caveats, unit, canvas, notes, source line and its data table.

use super::chart_canvas::ChartCanvas;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query::{self, ChartView};
use leptos::prelude::*;
use std::sync::Arc;

/// A chart with everything a reader needs around it.
#[component]
pub fn ChartFigure(view: Memo<ChartView>, ds: Arc<Dataset>, lang: Signal<Lang>, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let id = view.with_untracked(|v| v.id.clone());
    let spec = Signal::derive(move || view.with(|v| v.spec.clone()));
    let label = Signal::derive(move || view.with(|v| format!("{}. {}", v.title, v.unit_line)));
    let empty = move || view.with(|v| v.spec.is_empty());
    let ds_table = ds.clone();
    view! {
        <figure class="chart" data-chart=id>
            <div class="chart-head">
                <h2 class="chart-title">{move || view.with(|v| v.title.clone())}</h2>
                {children.map(|c| c())}
            </div>
            <ul class="caveats">{move || view.with(|v| v.caveats.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view())}</ul>
            <p class="chart-unit">{move || view.with(|v| v.unit_line.clone())}</p>
            <Show
                when=move || !empty()
                fallback=move || view! { <p class="notice info">{move || lang.get().pick("Không có số liệu cho lựa chọn này.", "No figures for this choice.")}</p> }
            >
                <ChartCanvas spec=spec ds=ds.clone() lang=lang label=label />
            </Show>
            <ul class="chart-notes">{move || view.with(|v| v.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
            <figcaption class="source-line">{move || view.with(|v| v.source_line.clone())}</figcaption>
            <DataTable view=view ds=ds_table lang=lang />
        </figure>
    }
}

/// The figures of a chart as a table (for screen readers and copy-paste).
#[component]
fn DataTable(view: Memo<ChartView>, ds: Arc<Dataset>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <details class="chart-table">
            <summary>{move || lang.get().pick("Bảng số liệu và nguồn", "Table of figures and sources")}</summary>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{move || lang.get().pick("Địa bàn", "Area")}</th>
                        <th scope="col">{move || lang.get().pick("Chỉ tiêu", "Metric")}</th>
                        <th scope="col">{move || lang.get().pick("Số liệu", "Figure")}</th>
                        <th scope="col">{move || lang.get().pick("Thời điểm", "Date")}</th>
                        <th scope="col">{move || lang.get().pick("Nguồn", "Source")}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = lang.get();
                            view.with(|v| v.records.iter().filter_map(|r| query::tooltip(&ds, *r, l)).map(|t| {
                                let src = match t.url {
                                    Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{t.source}</a> }.into_any(),
                                    None => view! { <span>{t.source}</span> }.into_any(),
                                };
                                view! { <tr><td>{t.area}</td><td>{t.metric}</td><td>{t.value}</td><td>{t.date}</td><td>{src}</td></tr> }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
