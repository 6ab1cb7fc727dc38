//! One chart as a figure: title, caveats, unit, canvas, notes, source line and its data table.

use super::chart_canvas::ChartCanvas;
use super::figures_table::FiguresTable;
use crate::explore::TableRow;
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
            <FiguresTable rows=Signal::derive(move || view.with(|v| rows_of(&ds_table, &v.records, lang.get()))) lang=lang open=false />
        </figure>
    }
}

/// The rows of the figures table for the records of a chart.
fn rows_of(ds: &Dataset, records: &[usize], lang: Lang) -> Vec<TableRow> {
    records
        .iter()
        .filter_map(|r| query::tooltip(ds, *r, lang).map(|t| (r, t)))
        .map(|(r, t)| TableRow {
            key: r.to_string(),
            area: t.area,
            metric: t.metric,
            value: t.value,
            qualifier: t.qualifier,
            date: t.date,
            source: t.source,
            url: t.url,
            records: vec![*r],
            derived: false,
        })
        .collect()
}
