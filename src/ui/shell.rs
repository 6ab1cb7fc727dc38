//! The page shell: the site header (name, language switch) and footer.

use super::context::lang;
use super::state::use_lang;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Moves the keyboard to the first chart (without changing the address, which holds the view).
fn skip_to_chart(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let target = document().query_selector("figure.chart canvas, figure.chart table, main h1").ok().flatten();
    if let Some(el) = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        if el.tag_name() == "H1" {
            el.set_tab_index(-1);
        }
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The site header with the app's name and the language switch. Its skip link goes to the chart,
/// or on a page without one (`content`: the sources page, the chart maker) to the page's heading.
#[component]
pub fn Header(#[prop(optional)] content: bool) -> impl IntoView {
    let (lang, _, set_lang) = use_lang();
    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.get().key());
        }
    });
    view! {
        <header class="site-header">
            <a class="skip-link" href=if content { "#app" } else { "#explorer-title" } data-testid="skip-link" on:click=skip_to_chart>
                {move || if content { lang.get().pick("Bỏ qua, tới nội dung", "Skip to the content") } else { lang.get().pick("Bỏ qua, tới biểu đồ", "Skip to the chart") }}
            </a>
            <a class="brand" href=move || lang.get().link("./") rel="external">"HTX Charts"</a>
            <span class="tagline">
                {move || lang.get().pick("Thống kê hợp tác xã Việt Nam, mỗi số liệu kèm nguồn", "Viet Nam cooperative statistics, every figure with its source")}
            </span>
            <a class="make-chart" href=move || lang.get().link("tao.html") rel="external" data-testid="nav-editor">{move || lang.get().pick("Tạo biểu đồ", "Make a chart")}</a>
            <nav class="lang-switch" aria-label="Ngôn ngữ / Language">
                <button type="button" aria-pressed=move || (lang.get() == Lang::Vi).to_string() on:click=move |_| set_lang.set(None)>"Tiếng Việt"</button>
                <button type="button" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| set_lang.set(Some("en".into()))>"English"</button>
            </nav>
        </header>
    }
}

/// The page footer: the data file, its schema and the open format.
#[component]
pub fn Footer() -> impl IntoView {
    let lang = lang();
    view! {
        <footer class="site-footer">
            <p>
                {move || lang.get().pick("Dữ liệu kèm theo ứng dụng: ", "The app's own data: ")}<a href="data/htx.json">"htx.json"</a>" · "
                <a href="data/htx.schema.json">"JSON Schema"</a>" · "
                {move || lang.get().pick("Định dạng mở: một cổng thông tin tỉnh có thể đăng tệp riêng và mở bằng ?data=<địa chỉ>.", "Open format: a provincial portal can publish its own file and open it with ?data=<address>.")}
            </p>
        </footer>
    }
}

/// A page for addresses the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    if let Some(elsewhere) = other_page() {
        let loc = crate::web::window().location();
        let _ = match elsewhere {
            Elsewhere::Page(to) => loc.replace(&to),
            Elsewhere::Server => loc.reload(),
        };
        return view! { <p class="status" role="status">{move || lang().get().pick("Đang mở trang…", "Opening the page…")}</p> }.into_any();
    }
    not_found().into_any()
}

/// The site's pages, each its own bundle (`present` and `nguon` share one).
const PAGES: [&str; 4] = ["present", "nguon", "tao", "embed"];

/// Where an address this bundle has no route for is served from.
enum Elsewhere {
    /// A page of the site named without `.html` (on a host that serves one page for every path):
    /// its `.html` file, same query and fragment.
    Page(String),
    /// Any other address the router reached by a link it caught: the server's answer for it.
    Server,
}

/// Where this bundle's unknown address is served from; `None` for the address this page was
/// loaded at (a host serving the wrong file: no endless reloads), which is then not found.
fn other_page() -> Option<Elsewhere> {
    let loc = crate::web::window().location();
    let path = loc.pathname().ok()?;
    let (dir, last) = path.rsplit_once('/')?;
    if PAGES.contains(&last) {
        Some(Elsewhere::Page(format!("{dir}/{last}.html{}{}", loc.search().unwrap_or_default(), loc.hash().unwrap_or_default())))
    } else {
        (loaded_path().as_deref() != Some(path.as_str())).then_some(Elsewhere::Server)
    }
}

/// The path this page was loaded at (its navigation entry; the address bar changes with the
/// router).
fn loaded_path() -> Option<String> {
    use wasm_bindgen::JsCast;
    let perf = crate::web::window().performance()?;
    let by_type: js_sys::Function = js_sys::Reflect::get(&perf, &"getEntriesByType".into()).ok()?.dyn_into().ok()?;
    let entries = js_sys::Array::from(&by_type.call1(&perf, &"navigation".into()).ok()?);
    let name = js_sys::Reflect::get(&entries.get(0), &"name".into()).ok()?.as_string()?;
    web_sys::Url::new(&name).ok().map(|u| u.pathname())
}

/// The page for an unknown address.
fn not_found() -> impl IntoView {
    let lang = lang();
    view! {
        <main id="app" class="page">
            <Header />
            <div class="notice error" role="alert" data-testid="not-found">
                <p>{move || lang.get().pick("Không có trang này.", "There is no such page.")}</p>
                <p><a href=move || lang.get().link("./") rel="external">{move || lang.get().pick("Về trang biểu đồ", "Go to the charts")}</a></p>
            </div>
        </main>
    }
}
