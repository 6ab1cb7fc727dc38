//! The sources page (`nguon.html`, `/nguon`): every source with the body it reports for and every
//! figure read in it, each linking to the explorer view that shows it; searchable by publisher,
//! province and year, all kept in the URL (`?q=…&tinh=…&nam=…`). Journalists check here before
//! they print.

use super::context::{dataset, lang};
use super::dataset::with_dataset;
use super::shell::{Footer, Header};
use crate::i18n::Lang;
use crate::sources::{entries, SourceEntry, SourceQuery};
use leptos::prelude::*;
use leptos_router::hooks::{query_signal_with_options, use_query_map};

/// A search field kept in the URL.
fn param(key: &'static str) -> (Memo<Option<String>>, SignalSetter<Option<String>>) {
    query_signal_with_options::<String>(key, leptos_router::NavigateOptions { replace: true, ..super::browser::full_path_nav(true) })
}

/// The explorer address of a figure, keeping the data file and the language.
fn explorer_href(query: &[(String, String)], keep: &[(String, String)]) -> String {
    let mut pairs = query.to_vec();
    pairs.extend(keep.iter().cloned());
    // a chart maker table's sources page keeps its table (`#d=`)
    format!("./?{}{}", crate::deck::to_query(&pairs), crate::web::link_data::data_hash())
}

#[component]
fn Entry(entry: SourceEntry, keep: Vec<(String, String)>) -> impl IntoView {
    let l = lang().get_untracked();
    let s = entry.source;
    let title = match s.url.clone() {
        Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{s.title.clone()}</a> }.into_any(),
        None => view! { <span>{s.title.clone()}</span> }.into_any(),
    };
    let rows = entry.figures.into_iter().map(|f| {
        let href = explorer_href(&f.query, &keep);
        view! {
            <tr role="row">
                <th scope="row" role="rowheader">{f.area}</th>
                <td role="cell" data-label=l.pick("Chỉ tiêu", "Metric")>{f.metric}</td>
                <td class="num" role="cell" data-label=l.pick("Số liệu", "Figure")>{f.value}</td>
                <td class="date" role="cell" data-label=l.pick("Thời điểm", "Date")>{f.date}</td>
                <td class="quote" role="cell">{f.quote.map(|q| view! { <q lang="vi">{q}</q> })}</td>
                <td role="cell"><a href=href rel="external" data-testid="figure-in-explorer">{l.pick("Xem trên biểu đồ", "See it charted")}</a></td>
            </tr>
        }
    }).collect_view();
    view! {
        <article class="source-entry" id=entry.id.clone() data-testid="source-entry">
            <h3>{s.publisher.clone()}</h3>
            <p class="source-title">{title}{s.published.as_deref().map(|p| format!(" ({})", crate::view::text::published_text(p, l)))}</p>
            {s.reporter.clone().map(|r| view! { <p class="source-reporter">{l.pick("Số liệu của: ", "Figures of: ")}{r}</p> })}
            <div class="table-scroll"><table class="phone-rows" role="table">
                <caption>{l.pick("Các số liệu lấy từ nguồn này", "Figures read in this source")}</caption>
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">{l.pick("Địa bàn", "Area")}</th><th scope="col" role="columnheader">{l.pick("Chỉ tiêu", "Metric")}</th>
                    <th scope="col" role="columnheader">{l.pick("Số liệu", "Figure")}</th><th scope="col" role="columnheader">{l.pick("Thời điểm", "Date")}</th>
                    <th scope="col" role="columnheader">{l.pick("Câu trích", "Quote")}</th><th scope="col" role="columnheader"><span class="visually-hidden">{l.pick("Liên kết", "Link")}</span></th>
                </tr></thead>
                <tbody role="rowgroup">{rows}</tbody>
            </table></div>
        </article>
    }
}

/// The search fields.
#[component]
fn SourceSearch(text: (Memo<Option<String>>, SignalSetter<Option<String>>), province: (Memo<Option<String>>, SignalSetter<Option<String>>), year: (Memo<Option<String>>, SignalSetter<Option<String>>)) -> impl IntoView {
    let lang = lang();
    let field = move |(get, set): (Memo<Option<String>>, SignalSetter<Option<String>>), id: &'static str, vi: &'static str, en: &'static str| {
        view! {
            <label class="control" for=id><span>{move || lang.get().pick(vi, en)}</span>
                <input type="search" id=id data-testid=id inputmode=(id == "source-year").then_some("numeric") prop:value=move || get.get().unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); set.set((!v.trim().is_empty()).then_some(v)) } />
            </label>
        }
    };
    view! {
        <div class="controls source-search" role="search">
            {field(text, "source-text", "Nơi công bố, tiêu đề", "Publisher, title")}
            {field(province, "source-province", "Tỉnh, thành", "Province")}
            {field(year, "source-year", "Năm", "Year")}
        </div>
    }
}

#[component]
fn SourceList() -> impl IntoView {
    let (ds, lang) = (dataset(), lang());
    let (text, province, year) = (param("q"), param("tinh"), param("nam"));
    let query = use_query_map();
    let keep = Memo::new(move |_| query.with(|q| ["data", "lang"].iter().filter_map(|k| q.get(k).map(|v| (k.to_string(), v))).collect::<Vec<_>>()));
    let list = Memo::new(move |_| {
        let q = SourceQuery { text: text.0.get().unwrap_or_default(), province: province.0.get().unwrap_or_default(), year: year.0.get().and_then(|y| y.trim().parse().ok()) };
        entries(&ds, &q, lang.get())
    });
    // a link to one source (nguon.html#id) scrolls to it once the list is drawn
    Effect::new(move |_| {
        list.track();
        request_animation_frame(|| {
            let hash = window().location().hash().unwrap_or_default();
            if let Some(el) = hash.strip_prefix('#').and_then(|id| document().get_element_by_id(id)) {
                el.scroll_into_view();
            }
        });
    });
    let count = move || {
        let n = list.with(|l| l.len());
        match lang.get() {
            Lang::Vi => format!("{n} nguồn"),
            Lang::En => format!("{n} source{}", if n == 1 { "" } else { "s" }),
        }
    };
    // A year that is not a number filters nothing, and the line says so. (Its own text node: one
    // closure reading both `list` and the year was not re-run when only the year changed.)
    let bad_year = move || {
        let y = year.0.get().filter(|y| y.trim().parse::<u16>().is_err())?;
        Some(match lang.get() {
            Lang::Vi => format!(" (“{}” không phải một năm, nên chưa lọc theo năm)", y.trim()),
            Lang::En => format!(" (“{}” is not a year, so the list is not filtered by year)", y.trim()),
        })
    };
    view! {
        <SourceSearch text=text province=province year=year />
        <p class="status" role="status" data-testid="source-count">{count}{bad_year}</p>
        {move || list.get().into_iter().map(|e| view! { <Entry entry=e keep=keep.get() /> }).collect_view()}
    }
}

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let lang = lang();
    super::context::use_title("HTX Charts — Nguồn số liệu", "HTX Charts — Sources of the figures");
    view! {
        <main id="app" class="page sources-page">
            <Header content=true />
            <h1 class="section-title">{move || lang.get().pick("Nguồn số liệu", "Sources of the figures")}</h1>
            <p class="intro">{move || lang.get().pick(
                "Mọi nguồn của các số liệu trong ứng dụng: nơi công bố, tiêu đề, ngày, liên kết, đơn vị báo cáo và từng số liệu lấy từ đó kèm câu trích. Bấm “Xem trên biểu đồ” để mở số liệu trong trình khám phá.",
                "Every source of the app's figures: publisher, title, date, link, the body reporting, and each figure read in it with its quote. Use “See it charted” to open a figure in the explorer.",
            )}</p>
            {with_dataset(move || view! { <SourceList /> }.into_any())}
            <Footer />
        </main>
    }
}
