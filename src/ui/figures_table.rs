//! The figures of a chart as a table, read from the view model: exactly what the chart draws, with
//! qualifiers, dates and sources. What a screen reader reads and what copy-paste gets.

use crate::markup::{pager_labels, pager_text, table_head, table_rows, PAGE};
use crate::view::Figure;
use leptos::prelude::*;

/// "Trang 2/30" with previous and next buttons; nothing for a table of one page.
#[component]
fn Pager(page: RwSignal<usize>, rows: Signal<usize>) -> impl IntoView {
    let lang = super::context::lang();
    let pages = move || rows.get().div_ceil(PAGE).max(1);
    move || {
        (pages() > 1).then(|| {
            let [previous, next] = pager_labels(lang.get());
            view! {
                <p class="pager" data-testid="table-pager">
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{previous}</button>
                    <span>{move || pager_text(page.get(), rows.get(), lang.get())}</span>
                    <button type="button" disabled=move || page.get() + 1 >= pages() on:click=move |_| page.update(|p| *p += 1)>{next}</button>
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
                <table class="phone-rows" role="table" data-testid="figures-table">
                    {caption.map(|c| view! { <caption>{move || c.get()}</caption> })}
                    <thead role="rowgroup" inner_html=move || table_head(lang.get())></thead>
                    <tbody role="rowgroup" inner_html=move || rows.with(|r| table_rows(r, page.get(), lang.get()))></tbody>
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
