//! The figures of a chart as a table, read from the view model: exactly what the chart draws, with
//! qualifiers, dates and sources. What a screen reader reads and what copy-paste gets.

use crate::view::Figure;
use leptos::prelude::*;

fn row(f: Figure) -> impl IntoView {
    let src = match f.inputs.first().and_then(|i| i.url.clone()) {
        Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{f.sources()}</a> }.into_any(),
        None => view! { <span>{f.sources()}</span> }.into_any(),
    };
    view! {
        <tr data-key=f.key.clone() class:derived=f.formula.is_some()>
            <th scope="row">{f.area.clone()}</th>
            <td>{f.metric_with_scope()}</td>
            <td class="num">{f.value_text.clone()}</td>
            <td>{f.qualifier_text.clone()}</td>
            <td>{f.date.clone()}</td>
            <td>{src}</td>
        </tr>
    }
}

/// A table of figures with their qualifiers, dates and sources. `open`: shown directly (the
/// table view) rather than folded under the chart.
#[component]
pub fn FiguresTable(rows: Signal<Vec<Figure>>, #[prop(optional, into)] caption: Option<Signal<String>>, open: bool) -> impl IntoView {
    let lang = super::context::lang();
    let table = move || {
        view! {
            <div class="table-scroll">
                <table data-testid="figures-table">
                    {caption.map(|c| view! { <caption>{move || c.get()}</caption> })}
                    <thead><tr>
                        <th scope="col">{move || lang.get().pick("Địa bàn", "Area")}</th>
                        <th scope="col">{move || lang.get().pick("Chỉ tiêu", "Metric")}</th>
                        <th scope="col">{move || lang.get().pick("Số liệu", "Figure")}</th>
                        <th scope="col">{move || lang.get().pick("Mức chính xác", "Qualifier")}</th>
                        <th scope="col">{move || lang.get().pick("Thời điểm", "Date")}</th>
                        <th scope="col">{move || lang.get().pick("Nguồn", "Source")}</th>
                    </tr></thead>
                    <tbody>{move || rows.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        }
    };
    if open {
        view! { <div class="chart-table open">{table}</div> }.into_any()
    } else {
        view! {
            <details class="chart-table">
                <summary>{move || lang.get().pick("Bảng số liệu và nguồn", "Table of figures and sources")}</summary>
                {table}
            </details>
        }
        .into_any()
    }
}
