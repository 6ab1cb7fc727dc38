//! The tooltip of one figure: exact value, qualifier, date, scope, source and link.

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query;
use leptos::prelude::*;
use std::sync::Arc;

/// A tooltip box positioned inside the chart's wrapper.
#[component]
pub fn TooltipBox(ds: Arc<Dataset>, record: usize, lang: Signal<Lang>, left: f64, top: f64, derived: Option<crate::explore::Derived>) -> impl IntoView {
    let l = lang.get_untracked();
    if let Some(d) = derived {
        let sources = d
            .records
            .iter()
            .filter_map(|r| query::tooltip(&ds, *r, l))
            .map(|t| {
                let cite = format!("{} — {} ({}): {}", t.area, t.value, t.date, t.source);
                match t.url {
                    Some(u) => view! { <li><a class="source-link" href=u target="_blank" rel="noopener noreferrer">{cite}</a></li> }.into_any(),
                    None => view! { <li><span class="source-text">{cite}</span></li> }.into_any(),
                }
            })
            .collect_view();
        return view! {
            <div class="tooltip" role="tooltip" data-testid="tooltip" style=format!("left:{left}px;top:{top}px")>
                <p class="tt-value">{d.value}</p>
                <p class="tt-metric">{l.pick("Số tính từ nguồn: ", "Computed from the sources: ")}{d.formula}</p>
                <ul class="tt-sources">{sources}</ul>
            </div>
        }
        .into_any();
    }
    let Some(t) = query::tooltip(&ds, record, l) else {
        return view! { <div class="tooltip" role="tooltip" data-testid="tooltip">"?"</div> }.into_any();
    };
    let source = match t.url.clone() {
        Some(url) => view! { <a class="source-link" href=url target="_blank" rel="noopener noreferrer">{t.source.clone()}</a> }.into_any(),
        None => view! { <span class="source-text">{t.source.clone()}</span> }.into_any(),
    };
    view! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" style=format!("left:{left}px;top:{top}px")>
            <p class="tt-area">{t.area}{t.now_part_of.map(|p| format!(" ({p})"))}</p>
            <p class="tt-metric">{t.metric}</p>
            <p class="tt-value">{t.value}</p>
            <dl>
                <dt>{l.pick("Mức chính xác", "Qualifier")}</dt><dd>{t.qualifier}</dd>
                <dt>{l.pick("Thời điểm", "Date")}</dt><dd>{t.date}</dd>
                {t.scope.map(|s| view! { <dt>{l.pick("Phạm vi", "Scope")}</dt><dd>{s}</dd> })}
                <dt>{l.pick("Nguồn", "Source")}</dt><dd>{source}</dd>
            </dl>
            {t.quote.map(|q| view! { <blockquote lang="vi">"“"{q}"”"</blockquote> })}
            {(!t.notes.is_empty()).then(|| view! { <ul class="tt-notes">{t.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
        </div>
    }
    .into_any()
}
