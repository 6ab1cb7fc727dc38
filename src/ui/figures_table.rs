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

/// Rows shown on one page of a long table.
const PAGE: usize = 100;

/// "Trang 2/30" with previous and next buttons; nothing for a table of one page.
#[component]
fn Pager(page: RwSignal<usize>, rows: Signal<usize>) -> impl IntoView {
    let lang = super::context::lang();
    let pages = move || rows.get().div_ceil(PAGE).max(1);
    move || {
        (pages() > 1).then(|| {
            let l = lang.get();
            view! {
                <p class="pager" data-testid="table-pager">
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{l.pick("‹ Trước", "‹ Previous")}</button>
                    <span>{move || format!("{} {}/{} ({} {})", lang.get().pick("Trang", "Page"), page.get() + 1, pages(), rows.get(), lang.get().pick("dòng", "rows"))}</span>
                    <button type="button" disabled=move || page.get() + 1 >= pages() on:click=move |_| page.update(|p| *p += 1)>{l.pick("Sau ›", "Next ›")}</button>
                </p>
            }
        })
    }
}

/// A table of figures with their qualifiers, dates and sources, a hundred rows a page. `open`:
/// shown directly (the table view) rather than folded under the chart.
#[component]
pub fn FiguresTable(rows: Signal<Vec<Figure>>, #[prop(optional, into)] caption: Option<Signal<String>>, open: bool) -> impl IntoView {
    let lang = super::context::lang();
    let page = RwSignal::new(0usize);
    let count = Signal::derive(move || rows.with(|r| r.len()));
    Effect::new(move |_| {
        // a new view starts on its first page
        rows.track();
        page.set(0);
    });
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
                    <tbody>{move || rows.with(|r| r.iter().skip(page.get() * PAGE).take(PAGE).cloned().map(row).collect_view())}</tbody>
                </table>
            </div>
            <Pager page=page rows=count />
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
