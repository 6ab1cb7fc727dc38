//! One chart as a figure, read from its view model: title, caveats, unit, legend, canvas (or the
//! table), notes, source line, and the table of its figures. The explorer's chart and every key
//! figure are this component.

use super::chart_canvas::ChartCanvas;
use super::figures_table::FiguresTable;
use super::legend::ChartLegend;
use super::share_bar::ShareBar;
use super::summary::ChartSummary;
use crate::chart::ChartSpec;
use crate::explore::ChartKind;
use crate::view::ChartView;
use leptos::html;
use leptos::prelude::*;

/// What a figure offers besides the chart.
#[derive(Clone, Copy, Default)]
pub struct FigureActions {
    /// Legend clicks (hide/show a series); without it the legend is drawn in the chart.
    pub toggle: Option<Callback<String>>,
    /// Clicks on a mark (a map tile selects its province).
    pub select: Option<Callback<String>>,
    /// The share, download, embed and presentation toolbar.
    pub share: bool,
    /// A link that opens this chart in the explorer.
    pub explore_link: bool,
}

/// A chart with everything a reader needs around it. `query` is the explorer query that shows it.
#[component]
pub fn ChartFigure(
    id: &'static str,
    view: Memo<ChartView>,
    query: Signal<Vec<(String, String)>>,
    #[prop(optional)] actions: FigureActions,
    #[prop(optional)] children: Option<Children>,
    // what to say when nothing is drawn, instead of "choose another metric, area or date" (the
    // chart maker, which has no such choices)
    #[prop(optional)] empty_text: Option<Signal<String>>,
) -> impl IntoView {
    let lang = super::context::lang();
    let spec = Signal::derive(move || view.with(|v| v.spec.clone()));
    let figures = Signal::derive(move || view.with(|v| v.figures.clone()));
    let table_rows = Signal::derive(move || view.with(|v| v.figures.iter().chain(&v.rest).cloned().collect::<Vec<_>>()));
    let label = Signal::derive(move || view.with(|v| format!("{}. {}", v.title, v.unit_line)));
    let title = Signal::derive(move || view.with(|v| v.title.clone()));
    let is_table = move || view.with(|v| v.chart_kind == ChartKind::Table);
    let empty = move || view.with(|v| v.spec.is_empty());
    let figure_ref = NodeRef::<html::Figure>::new();
    let params = leptos_router::hooks::use_query_map();
    let select = actions.select;
    let canvas = move || {
        view! {
            <ChartCanvas spec=spec figures=figures label=label html_legend=actions.toggle.is_some() described_by=format!("summary-{id}")
                on_select=Callback::new(move |key: String| if let (Some(cb), true) = (select, matches!(spec.with_untracked(|s| s.clone()), ChartSpec::Map(_))) { cb.run(key) }) />
        }
    };
    let link = move || {
        let mut pairs = query.get();
        for k in ["data", "lang"] {
            if let Some(v) = params.with(|q| q.get(k)) {
                pairs.push((k.into(), v));
            }
        }
        let q = crate::deck::to_query(&pairs);
        format!("./{}{q}", if q.is_empty() { "" } else { "?" })
    };
    view! {
        <figure class="chart" data-chart=id node_ref=figure_ref>
            <div class="chart-head">
                <h2 class="chart-title">{title}</h2>
                {children.map(|c| c())}
            </div>
            <ul class="caveats">{move || view.with(|v| v.caveat_text.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view())}</ul>
            <p class="chart-unit">{move || view.with(|v| v.unit_line.clone())}</p>
            {actions.toggle.map(|t| view! { <ChartLegend items=Signal::derive(move || view.with(|v| v.legend.clone())) on_toggle=t /> })}
            <Show when=move || !is_table() fallback=move || view! { <FiguresTable rows=table_rows caption=title open=true /> }>
                <Show when=move || !empty() fallback=move || view! {
                    <p class="notice info" data-testid="no-figures">{move || match empty_text {
                        Some(t) => t.get(),
                        None => lang.get().pick("Không có số liệu cho lựa chọn này: hãy chọn chỉ tiêu, địa bàn hoặc thời điểm khác.", "No figures for this choice: try another metric, area or date.").to_string(),
                    }}</p>
                }>{canvas}</Show>
            </Show>
            // with no figure, the notice above says it: no summary saying it again
            <Show when=move || !empty()>
                <ChartSummary id=format!("summary-{id}") text=Signal::derive(move || view.with(|v| v.summary.clone())) />
            </Show>
            <ul class="chart-notes">{move || view.with(|v| v.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
            <figcaption class="source-line">{move || view.with(|v| v.source_line.clone())}" "
                <a href=move || crate::web::link_data::sources_page(lang.get()) rel="external" data-testid="all-sources">{move || lang.get().pick("Danh mục nguồn →", "All sources →")}</a>
            </figcaption>
            {actions.share.then(|| view! { <ShareBar view=view slide=query figure=figure_ref /> })}
            {actions.explore_link.then(|| view! {
                <p class="explore-link"><a href=link data-testid="open-in-explorer">{move || lang.get().pick("Mở trong trình khám phá →", "Open in the explorer →")}</a></p>
            })}
            <Show when=move || !is_table()>
                <FiguresTable rows=table_rows caption=title open=false />
            </Show>
        </figure>
    }
}
