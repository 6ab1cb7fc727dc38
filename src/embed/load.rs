//! Loading the embed's data (a `#d=` link's, the bundled file, or `?data=<url>`) with the shared fetch: a loading
//! line with the bytes received and a cancel button, then the chart, or a clear message with a
//! retry and, for `?data=`, a way back to the bundled data. Never blank, never an endless spinner.

use super::{dom, figure, Page};
use crate::load::remote::{cached_text, loading_text, metric_url, BUNDLED};
use crate::model::Metric;
use crate::load::{valid_data_url, FetchError, Progress};
use crate::web::fetch::{fetch_dataset, Report};
use std::cell::RefCell;
use std::rc::Rc;

/// Loads the data and shows the chart (or why it cannot be shown) in the page's `<main>`.
pub fn start(page: Rc<Page>) {
    page.main.set_inner_html("");
    let (line, progress) = loading_line(&page);
    let _ = page.main.append_child(&line);
    let abort: Rc<RefCell<Option<web_sys::AbortController>>> = Rc::default();
    let cancel = abort.clone();
    if let Some(b) = line.query_selector("button").ok().flatten() {
        dom::on(&b, "click", move |_| {
            if let Some(a) = cancel.borrow().as_ref() {
                a.abort_with_reason(&js_sys::Error::new("cancelled by the reader"));
            }
        });
    }
    wasm_bindgen_futures::spawn_local(async move {
        let lang = page.lang;
        let on_progress = move |p: Progress| progress.set_text_content(Some(&loading_text(p, lang)));
        let on_abort = move |a: Option<web_sys::AbortController>| *abort.borrow_mut() = a;
        let report = Report { progress: &on_progress, abort: &on_abort, parse: crate::web::json::load };
        let link = crate::web::link_data::page_payload();
        let result = match page.param("data") {
            _ if link.is_some() => crate::web::link_data::from_link(link.as_deref().unwrap_or_default(), crate::web::json::load).await,
            None => bundled(&page, &report).await,
            Some(u) if valid_data_url(u) => fetch_dataset(u, &report).await,
            Some(u) => Err(FetchError::BadUrl(crate::load::truncate_pub(u))),
        };
        page.main.set_inner_html("");
        match result {
            Ok(ds) => {
                if let Some(at) = &ds.cached_at {
                    let notice = dom::text("p", "notice info", &cached_text(at, lang));
                    dom::attrs(&notice, &[("data-testid", "cached-copy"), ("role", "status")]);
                    let _ = page.main.append_child(&notice);
                }
                figure::show(&page, &ds);
            }
            Err(e) => show_error(&page, &e),
        }
    });
}

/// The bundled data: the file of the address's metric (a few KB, [`crate::metric_files`]) or,
/// when there is none (an unknown or absent metric, an older build, a network error),
/// the whole file.
async fn bundled(page: &Page, report: &Report<'_>) -> Result<crate::model::Dataset, FetchError> {
    let ms: Vec<&str> = page.pairs.iter().filter(|(k, _)| k == "m").map(|(_, v)| v.as_str()).collect();
    let metric = match ms.as_slice() {
        [] => Some(crate::explore::Selection::default().metric),
        [m] => Metric::from_key(m.trim().split('.').next().unwrap_or_default()),
        _ => None,
    };
    if let Some(m) = metric {
        match fetch_dataset(&metric_url(m), report).await {
            Err(FetchError::Http { .. } | FetchError::Network { .. } | FetchError::Load { .. }) => {}
            done => return done,
        }
    }
    fetch_dataset(BUNDLED, report).await
}

/// The loading line and its text element.
fn loading_line(page: &Page) -> (web_sys::Element, web_sys::Element) {
    let line = dom::el("p", "status");
    dom::attrs(&line, &[("data-testid", "loading"), ("role", "status")]);
    let progress = dom::text("span", "", &loading_text(Progress::default(), page.lang));
    dom::attrs(&progress, &[("data-testid", "loading-progress")]);
    let cancel = dom::button(page.lang.pick("Huỷ", "Cancel"), "cancel-loading");
    dom::append(&line, &[&progress, &crate::web::document().create_text_node(" "), &cancel]);
    (line, progress)
}

/// Why the data could not be loaded, with a retry and (for `?data=`) the bundled data.
fn show_error(page: &Rc<Page>, e: &FetchError) {
    let l = page.lang;
    let div = dom::el("div", "notice error");
    dom::attrs(&div, &[("role", "alert"), ("data-testid", "load-error")]);
    let head = dom::el("p", "");
    dom::append(&head, &[&dom::text("strong", "", l.pick("Không tải được dữ liệu.", "The data could not be loaded."))]);
    let actions = dom::el("p", "actions");
    let retry = dom::button(l.pick("Thử lại", "Try again"), "");
    let again = page.clone();
    dom::on(&retry, "click", move |_| start(again.clone()));
    dom::append(&actions, &[&retry]);
    if page.param("data").is_some() {
        let bundled = dom::button(l.pick("Dùng dữ liệu kèm theo ứng dụng", "Use the app's own data"), "use-bundled");
        let query = page.query_without(&["data"]);
        dom::on(&bundled, "click", move |_| {
            let loc = crate::web::window().location();
            let path = loc.pathname().unwrap_or_default();
            let _ = loc.set_href(&format!("{path}{query}"));
        });
        dom::append(&actions, &[&bundled]);
    }
    dom::append(&div, &[&head, &dom::text("p", "", &e.message(l)), &actions]);
    let _ = page.main.append_child(&div);
}
