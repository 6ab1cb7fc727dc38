//! The figures of a chart as a table: what a screen reader reads and what copy-paste gets.

use crate::explore::TableRow;
use crate::i18n::Lang;
use leptos::prelude::*;

/// A table of figures with their qualifiers, dates and sources. `open`: shown directly (the
/// table view) rather than folded under the chart.
#[component]
pub fn FiguresTable(rows: Signal<Vec<TableRow>>, lang: Signal<Lang>, open: bool) -> impl IntoView {
    let table = move || {
        view! {
            <div class="table-scroll">
                <table data-testid="figures-table">
                    <thead><tr>
                        <th scope="col">{move || lang.get().pick("Địa bàn", "Area")}</th>
                        <th scope="col">{move || lang.get().pick("Chỉ tiêu", "Metric")}</th>
                        <th scope="col">{move || lang.get().pick("Số liệu", "Figure")}</th>
                        <th scope="col">{move || lang.get().pick("Mức chính xác", "Qualifier")}</th>
                        <th scope="col">{move || lang.get().pick("Thời điểm", "Date")}</th>
                        <th scope="col">{move || lang.get().pick("Nguồn", "Source")}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let src = match r.url.clone() {
                                Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{r.source.clone()}</a> }.into_any(),
                                None => view! { <span>{r.source.clone()}</span> }.into_any(),
                            };
                            view! {
                                <tr data-key=r.key.clone() class:derived=r.derived>
                                    <td>{r.area.clone()}</td>
                                    <td>{r.metric.clone()}</td>
                                    <td class="num">{r.value.clone()}</td>
                                    <td>{r.qualifier.clone()}</td>
                                    <td>{r.date.clone()}</td>
                                    <td>{src}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
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
