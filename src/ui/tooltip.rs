//! The tooltip of one figure, as the view model states it: exact value, qualifier, date, scope,
//! source and link; for a computed figure how it was computed and both sources.

use crate::view::Figure;
use leptos::prelude::*;

fn source_link(text: String, url: Option<String>) -> AnyView {
    match url {
        Some(u) => view! { <a class="source-link" href=u target="_blank" rel="noopener noreferrer">{text}</a> }.into_any(),
        None => view! { <span class="source-text">{text}</span> }.into_any(),
    }
}

/// A tooltip box positioned inside the chart's wrapper.
#[component]
pub fn TooltipBox(figure: Figure, left: f64, top: f64) -> impl IntoView {
    let l = super::context::lang().get_untracked();
    let style = format!("left:{left}px;top:{top}px");
    if let Some(formula) = figure.formula.clone() {
        let sources = figure
            .inputs
            .iter()
            .map(|i| view! { <li>{source_link(format!("{} — {} ({}): {}", i.area, i.value_text, i.date, i.citation), i.url.clone())}</li> })
            .collect_view();
        return view! {
            <div class="tooltip" role="tooltip" data-testid="tooltip" style=style>
                <p class="tt-area">{figure.area.clone()}</p>
                <p class="tt-value">{figure.value_text.clone()}</p>
                <p class="tt-metric">{l.pick("Số tính từ nguồn: ", "Computed from the sources: ")}{formula}</p>
                <ul class="tt-sources">{sources}</ul>
            </div>
        }
        .into_any();
    }
    let first = figure.inputs.first().cloned();
    let first_id = first.as_ref().map(|i| i.source.clone());
    let source = first.as_ref().map(|i| source_link(i.citation.clone(), i.url.clone()));
    let quote = first.and_then(|i| i.quote);
    let notes = figure.notes.clone();
    view! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" style=style>
            <p class="tt-area">{figure.area.clone()}</p>
            <p class="tt-metric">{figure.metric.clone()}</p>
            <p class="tt-value">{figure.value_text.clone()}</p>
            <dl>
                <dt>{l.pick("Mức chính xác", "Qualifier")}</dt><dd>{figure.qualifier_text.clone()}</dd>
                <dt>{l.pick("Thời điểm", "Date")}</dt><dd>{figure.date.clone()}</dd>
                {figure.scope.clone().map(|s| view! { <dt>{l.pick("Phạm vi", "Scope")}</dt><dd>{s}</dd> })}
                <dt>{l.pick("Nguồn", "Source")}</dt><dd>{source}{first_id.map(|id| view! { " · "<a class="source-entry-link" href=format!("nguon.html#{id}")>{l.pick("trong danh mục nguồn", "in the list of sources")}</a> })}</dd>
            </dl>
            {quote.map(|q| view! { <blockquote lang="vi">"“"{q}"”"</blockquote> })}
            {(!notes.is_empty()).then(|| view! { <ul class="tt-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
        </div>
    }
    .into_any()
}
