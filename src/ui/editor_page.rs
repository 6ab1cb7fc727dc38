//! The chart maker page ("Tạo biểu đồ", `/tao`, `tao.html`): paste a table or open a file, say
//! what its columns are and where the figures come from, see the chart as it will be drawn, and
//! take it away as a link, a file or an embed. A `#d=` link or an opened file brings the table
//! back for editing; the draft is kept in the browser between visits.

use super::chart_figure::ChartFigure;
use super::context::{dataset, lang};
use super::dataset::{from_link, with_dataset_from};
use super::editor_fields::{MetricFields, SourceFields};
use super::editor_grid::TableGrid;
use super::editor_out::Outputs;
use super::editor_state::{ed, Ed, STORE_KEY};
use super::shell::{Footer, Header, NotFound};
use crate::editor::{self, Draft};
use crate::explore::Selection;
use crate::i18n::Lang;
use crate::model::Dataset;
use super::context::WithLang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen_futures::JsFuture;

/// The chart maker bundle's app: the chart maker at `tao.html` (or `tao`); a link to another page
/// of the site (the explorer, the sources) is loaded from the server, which has that page.
#[component]
pub fn EditorApp() -> impl IntoView {
    view! {
        <Router base=super::browser::router_base()>
            <WithLang>
                <Routes fallback=NotFound>
                    <Route path=path!("/tao.html") view=EditorPage />
                    <Route path=path!("/tao") view=EditorPage />
                </Routes>
            </WithLang>
        </Router>
    }
}

/// The page.
#[component]
pub fn EditorPage() -> impl IntoView {
    let lang = lang();
    super::context::use_title("HTX Charts — Tạo biểu đồ từ bảng số liệu của bạn", "HTX Charts — Make a chart from your own table");
    view! {
        <main id="app" class="page editor-page">
            <Header content=true />
            <h1 class="section-title" id="editor-title">{move || lang.get().pick("Tạo biểu đồ từ bảng số liệu của bạn", "Make a chart from your own table")}</h1>
            <p class="intro">{move || lang.get().pick(
                "Dán một bảng từ Excel, LibreOffice hay Google Sheets (hoặc mở tệp CSV, JSON), ghi rõ nguồn, rồi lấy liên kết, tệp dữ liệu hoặc mã nhúng. Dữ liệu chỉ nằm trong trình duyệt của bạn và trong liên kết: không gửi lên máy chủ nào.",
                "Paste a table from Excel, LibreOffice or Google Sheets (or open a CSV or JSON file), say where the figures come from, then take a link, a data file or an embed code. The data stays in your browser and in the link: it is sent to no server.",
            )}</p>
            {with_dataset_from(move || view! { <EditorBody /> }.into_any(), false)}
            <Footer />
        </main>
    }
}

/// The draft to start from: the one kept from the last visit, or an empty one.
fn stored_draft() -> Draft {
    super::browser::load(STORE_KEY).and_then(|t| editor::store::load(&t)).unwrap_or_default()
}

#[component]
fn EditorBody() -> impl IntoView {
    let lang = lang();
    let reference = dataset();
    let state = Ed::new(reference.clone(), stored_draft());
    provide_context(state);
    let link_error = RwSignal::new(None::<String>);
    open_link(state, link_error);
    // a link pasted into the address bar of an open chart maker changes only the fragment
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| open_link(state, link_error));
    on_cleanup(move || on_hash.remove());
    let preview = Memo::new(move |_| {
        let mut v = state.compiled.with(|c| match c.dataset.as_ref().filter(|ds| !ds.observations.is_empty()) {
            Some(ds) => crate::view::build(ds, &editor::selection(ds), lang.get()),
            None => {
                // nothing to draw yet: the metric she chose, without the caveats of an empty
                // chart (the line under it says what to do)
                let sel = state.draft.with(|d| Selection { metric: d.metric, unit: d.unit, ..Selection::default() });
                let mut v = crate::view::build(&Dataset::default(), &sel, lang.get());
                v.caveats.clear();
                v.caveat_text.clear();
                v
            }
        });
        // the title she gave her chart, where she gave one
        if let Some(t) = state.draft.with(|d| Some(d.title.trim().to_string()).filter(|t| !t.is_empty())) {
            v.title = t;
        }
        v
    });
    let query = Signal::derive(move || state.compiled.with(|c| c.dataset.as_ref().map(editor::query).unwrap_or_default()));
    let empty_text = Signal::derive(move || {
        let blank = state.draft.with(|d| d.table.rows.iter().flatten().all(|c| c.trim().is_empty()));
        // a blank table's issues (no area column, no value…) are not what she has to do first
        let n = if blank { 0 } else { state.compiled.with(|c| c.issues.len()) };
        match (lang.get(), n) {
            (Lang::Vi, 0) => "Chưa có số liệu để vẽ: hãy dán hoặc nhập bảng ở mục 1.".to_string(),
            (Lang::En, 0) => "No figures to draw yet: paste or type a table in step 1.".to_string(),
            (Lang::Vi, n) => format!("Chưa vẽ được số liệu nào: còn {n} chỗ cần sửa, xem danh sách ở mục 5."),
            (Lang::En, 1) => "Nothing can be drawn yet: one thing to fix, listed in step 5.".to_string(),
            (Lang::En, n) => format!("Nothing can be drawn yet: {n} things to fix, listed in step 5."),
        }
    });
    view! {
        {move || link_error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="link-error">{e}</p> })}
        <section class="editor-step" aria-labelledby="step-table">
            <h2 id="step-table">{move || lang.get().pick("1. Bảng số liệu", "1. The table")}</h2>
            <PasteBox />
            <TableGrid />
        </section>
        <section class="editor-step" aria-labelledby="step-metric">
            <h2 id="step-metric">{move || lang.get().pick("2. Số liệu đo gì", "2. What the figures measure")}</h2>
            <MetricFields />
        </section>
        <section class="editor-step" aria-labelledby="step-source">
            <h2 id="step-source">{move || lang.get().pick("3. Nguồn (bắt buộc)", "3. The source (required)")}</h2>
            <SourceFields />
        </section>
        <section class="editor-step" aria-labelledby="step-preview" data-testid="editor-preview">
            <h2 id="step-preview">{move || lang.get().pick("4. Xem trước", "4. Preview")}</h2>
            <ChartFigure id="editor" view=preview query=query empty_text=empty_text />
        </section>
        <section class="editor-step" aria-labelledby="step-out">
            <h2 id="step-out">{move || lang.get().pick("5. Lấy biểu đồ", "5. Take the chart away")}</h2>
            <Outputs title=Signal::derive(move || preview.with(|v| v.title.clone())) />
        </section>
    }
}

/// Brings the table a `#d=` link carries into the page, then drops the fragment from the address,
/// so that a reload keeps her edits (kept in the browser) rather than the link's first version.
fn open_link(state: Ed, link_error: RwSignal<Option<String>>) {
    let Some(payload) = crate::web::link_data::page_payload() else { return };
    let lang = lang().get_untracked();
    leptos::task::spawn_local(async move {
        match from_link(&payload).await {
            Ok(ds) => {
                state.draft.set(editor::import::draft_of(&ds, &state.reference.get_value()));
                link_error.set(None);
                if let Ok(h) = crate::web::window().history() {
                    let loc = crate::web::window().location();
                    let here = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
                    let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
                }
            }
            Err(e) => link_error.set(Some(e.message(lang))),
        }
    });
}

/// Reads an opened file: one of our JSON files back into the table, or a CSV/TSV table.
async fn open_file(file: web_sys::File, state: Ed) -> Result<(), String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| "?".to_string())?.as_string().unwrap_or_default();
    if text.trim_start().starts_with('[') {
        return Err(lang().get_untracked().pick(
            "Tệp JSON này không theo định dạng htx-charts/1 (nó là một mảng). Hãy mở tệp CSV, hoặc dán bảng.",
            "This JSON file is not in the htx-charts/1 format (it is an array). Open a CSV file, or paste the table.",
        ).to_string());
    }
    if text.trim_start().starts_with('{') {
        let ds = crate::load::load(&text, &file.name()).map_err(|e| e.message(lang().get_untracked()))?;
        let reference = state.reference.get_value();
        state.draft.set(editor::import::draft_of(&ds, &reference));
    } else {
        state.edit(|d| *d = d.paste(&text));
    }
    Ok(())
}

#[component]
fn PasteBox() -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let text = RwSignal::new(String::new());
    let file_error = RwSignal::new(None::<String>);
    let read = move |_| {
        let t = text.get_untracked();
        if !t.trim().is_empty() {
            state.edit(|d| *d = d.paste(&t));
            text.set(String::new());
        }
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        if let Some(t) = ev.clipboard_data().and_then(|c| c.get_data("text/plain").ok()).filter(|t| t.contains(['\t', '\n', ',', ';'])) {
            ev.prevent_default();
            state.edit(|d| *d = d.paste(&t));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            leptos::task::spawn_local(async move { file_error.set(open_file(file, state).await.err()) });
        }
    };
    view! {
        <div class="paste-box">
            <label for="paste">{move || lang.get().pick("Dán bảng vào đây (thay cho bảng hiện có)", "Paste a table here (replaces the current one)")}</label>
            <textarea id="paste" data-testid="paste" rows="4" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) on:paste=on_paste
                placeholder=move || lang.get().pick("Địa bàn\tNăm\tSố HTX\nLạng Sơn\t2024\t478", "Area\tYear\tCooperatives\nLang Son\t2024\t478")></textarea>
            <p class="actions">
                <button type="button" data-testid="read-table" on:click=read>{move || lang.get().pick("Đọc bảng", "Read the table")}</button>
                <label class="file-open">{move || lang.get().pick("Mở tệp CSV hoặc JSON: ", "Open a CSV or JSON file: ")}
                    <input type="file" data-testid="open-file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" on:change=on_file />
                </label>
            </p>
            {move || file_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </div>
    }
}
