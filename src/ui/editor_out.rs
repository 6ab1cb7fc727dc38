//! The chart maker's ways out, open once nothing is wrong: (1) a link carrying the whole dataset
//! in its fragment, to the explorer and to the embed (too large a table is told so, and offered
//! the file instead); (2) the `htx-charts/1` file, to publish next to the article and open with
//! `?data=`; (3) the embed code for either.

use super::browser;
use super::copy_button::CopyButton;
use super::context::lang;
use super::editor_state::ed;
use crate::editor::{self, fragment, words, Field, Place};
use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a problem is, in words: "Dòng 3, cột Địa bàn".
fn place_text(place: Place, roles: &[editor::columns::Role], lang: Lang) -> String {
    match place {
        Place::Cell { row, col } => {
            let role = roles.get(col).map(|r| r.label(lang)).unwrap_or("");
            format!("{} {}, {} {} ({role})", lang.pick("Dòng", "Row"), row + 1, lang.pick("cột", "column"), col + 1)
        }
        Place::Row(row) => format!("{} {}", lang.pick("Dòng", "Row"), row + 1),
        Place::Field(f) => words::field_label(f, lang).to_string(),
    }
}

/// The id of the input or menu where a problem can be fixed: the cell's input (a header cell's is
/// its column's menu, a row's its first cell), or the field's.
fn target_id(place: Place, first_row: usize) -> String {
    match place {
        Place::Cell { row, col } if row < first_row => format!("role-{col}"),
        Place::Cell { row, col } => format!("cell-{row}-{col}"),
        Place::Row(row) => format!("cell-{row}-0"),
        Place::Field(f) => match f {
            Field::Publisher => "publisher",
            Field::Title => "source-title",
            Field::Published => "published",
            Field::Url => "source-url",
            Field::Quote => "quote",
            Field::Date => "table-date",
            Field::Scale => "scale",
            Field::Columns => "role-0",
        }
        .to_string(),
    }
}

/// Scrolls the element with `id` to the upper third of the window and focuses it.
fn jump_to(id: &str) {
    let Some(el) = crate::web::document().get_element_by_id(id) else { return };
    let win = crate::web::window();
    let height = win.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let top = el.get_bounding_client_rect().top() + win.scroll_y().unwrap_or(0.0) - height / 3.0;
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(top.max(0.0));
    win.scroll_to_with_scroll_to_options(&opts);
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// A link made for the current file.
#[derive(Clone, PartialEq)]
enum Made {
    /// The payload (`d=…`) and its compressed size.
    Link(String),
    /// Too large for a link: its compressed size.
    TooLarge(usize),
    /// The browser could not compress it.
    Failed(String),
}

/// The embed code: the iframe (480 px high where the portal strips scripts) and the script that
/// fits each `data-htx-embed` iframe to its content (as the explorer's embed dialog gives it).
fn iframe(src: &str, title: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{}\" height=\"480\" style=\"border:0;width:100%\" loading=\"lazy\" data-htx-embed></iframe>\n<script src=\"{}embed.js\" async></script>",
        esc(src),
        esc(title),
        esc(&browser::base_url())
    )
}

/// The problems left, then the three ways out.
#[component]
pub fn Outputs(
    /// The chart's title as the preview shows it (hers, or the one built in the page's
    /// language): the iframe's title.
    title: Signal<String>,
) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let issues = Memo::new(move |_| state.compiled.with(|c| c.issues.clone()));
    let ready = move || issues.with(|i| i.is_empty()) && state.compiled.with(|c| c.dataset.as_ref().is_some_and(|d| !d.observations.is_empty()));
    let made = RwSignal::new(None::<(String, Made)>);
    let make_link = move |_| {
        let json = state.compiled.with_untracked(|c| c.json.clone());
        leptos::task::spawn_local(async move {
            let result = match crate::web::link_data::pack(&json).await {
                Ok((payload, n)) if fragment::fits(n) => Made::Link(format!("{}{payload}", fragment::PREFIX)),
                Ok((_, n)) => Made::TooLarge(n),
                Err(e) => Made::Failed(e),
            };
            made.set(Some((json, result)));
        });
    };
    // a link made for an earlier version of the table is not shown
    let current = move || made.with(|m| m.as_ref().filter(|(j, _)| state.compiled.with(|c| &c.json == j)).map(|(_, r)| r.clone()));
    let query = move || state.compiled.with(|c| c.dataset.as_ref().map(|ds| crate::deck::to_query(&editor::query(ds))).unwrap_or_default());
    let download = move |_| {
        let json = state.compiled.with_untracked(|c| c.json.clone());
        let name = lang.get_untracked().pick("htx-charts-du-lieu.json", "htx-charts-data.json");
        let _ = browser::download_bytes(name, "application/json", json.as_bytes());
    };
    view! {
        <div class="editor-out">
            <Show when=move || !issues.with(|i| i.is_empty())>
                <div class="notice warn" data-testid="editor-issues" role="status">
                    <p><strong>{move || format!("{} {}", issues.with(|i| i.len()), lang.get().pick("chỗ cần sửa trước khi lấy biểu đồ:", "things to fix before the chart can be taken away:"))}</strong></p>
                    <ul>{move || {
                        let (roles, first) = state.draft.with(|d| (d.roles.clone(), d.first_row()));
                        let reference = state.reference.get_value();
                        // each problem takes her to the input where it is fixed
                        issues.get().into_iter().map(|i| {
                            let id = target_id(i.place, first);
                            view! { <li><button type="button" class="issue-jump" data-testid="issue-link" data-target=id.clone() on:click=move |_| jump_to(&id)>
                                {place_text(i.place, &roles, lang.get())}": "{words::reason(&i.kind, &reference, lang.get())}
                            </button></li> }
                        }).collect_view()
                    }}</ul>
                </div>
            </Show>
            <p class="actions">
                <button type="button" data-testid="make-link" disabled=move || !ready() on:click=make_link>{move || lang.get().pick("Tạo liên kết", "Make a link")}</button>
                <button type="button" data-testid="download-json" disabled=move || !ready() on:click=download>{move || lang.get().pick("Tải tệp dữ liệu (JSON)", "Download the data file (JSON)")}</button>
            </p>
            {move || current().map(|m| match m {
                Made::Link(hash) => {
                    let q = query();
                    let sep = if q.is_empty() { "" } else { "?" };
                    // every address in the language she is using
                    let l = lang.get();
                    let explorer = l.link(&format!("{}{sep}{q}#{hash}", browser::base_url()));
                    let embed = l.link(&format!("{}embed.html{sep}{q}#{hash}", browser::base_url()));
                    let edit = l.link(&format!("{}tao.html#{hash}", browser::base_url()));
                    view! { <LinkOut explorer=explorer embed=embed edit=edit title=title.get() /> }.into_any()
                }
                Made::TooLarge(n) => view! {
                    <p class="notice warn" data-testid="too-large" role="status">{move || lang.get().pick(
                        "Bảng quá lớn cho một liên kết (",
                        "The table is too large for a link (",
                    ).to_string() + &crate::format::number(n as f64, lang.get()) + lang.get().pick(" byte sau khi nén, tối đa 8.192). Hãy tải tệp dữ liệu, đăng cạnh bài viết và nhúng bằng địa chỉ của tệp (bên dưới).", " bytes compressed, at most 8,192). Download the data file, publish it next to the article and embed it by its address (below).")}</p>
                }.into_any(),
                Made::Failed(e) => view! { <p class="notice error" role="alert">{move || format!("{} ({e})", lang.get().pick("Trình duyệt này không nén được dữ liệu để tạo liên kết: hãy tải tệp dữ liệu.", "This browser could not compress the data for a link: download the data file instead."))}</p> }.into_any(),
            })}
            <FileEmbed title=title />
            <p class="hint">{move || lang.get().pick("Mở lại liên kết hoặc tệp tại trang này để sửa bảng.", "Open the link or the file again on this page to edit the table.")}</p>
        </div>
    }
}

/// The embed code for the data file once she has published it at an address.
#[component]
fn FileEmbed(title: Signal<String>) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let file_url = RwSignal::new(String::new());
    view! {
        <div class="field">
            <label for="file-url">{move || lang.get().pick("Địa chỉ tệp dữ liệu sau khi đăng (https://…), để lấy mã nhúng", "The data file's address once published (https://…), for the embed code")}</label>
            <input type="url" id="file-url" data-testid="file-url" prop:value=move || file_url.get() on:input=move |ev| file_url.set(event_target_value(&ev)) />
            {move || {
                let u = file_url.get();
                if u.trim().is_empty() {
                    return None;
                }
                if !crate::load::valid_data_url(u.trim()) {
                    return Some(view! { <p class="field-issue" role="status">{move || lang.get().pick("Địa chỉ cần bắt đầu bằng https:// (hoặc http://) và không có dấu cách.", "The address must start with https:// (or http://) and have no spaces.")}</p> }.into_any());
                }
                let mut pairs = state.compiled.with(|c| c.dataset.as_ref().map(editor::query).unwrap_or_default());
                pairs.push(("data".into(), u.trim().to_string()));
                if lang.get() == Lang::En {
                    pairs.push(("lang".into(), "en".into()));
                }
                let src = format!("{}embed.html?{}", browser::base_url(), crate::deck::to_query(&pairs));
                let code = iframe(&src, &title.get());
                Some(view! {
                    <label for="file-embed">{move || lang.get().pick("Mã nhúng theo tệp (khung iframe; dòng script sau nó, tuỳ chọn, cho khung tự co giãn)", "Embed code for the file (the iframe; the script line after it, optional, sizes the frame)")}</label>
                    <textarea id="file-embed" readonly rows="3" data-testid="file-embed-code">{code.clone()}</textarea>
                    <p class="actions"><CopyButton text=Signal::stored(code) label=("Chép mã nhúng", "Copy the embed code") testid="copy-file-embed" /></p>
                }.into_any())
            }}
        </div>
    }
}

/// The link, the embed link and its code, with copy buttons.
#[component]
fn LinkOut(explorer: String, embed: String, edit: String, title: String) -> impl IntoView {
    let lang = lang();
    let code = iframe(&embed, &title);
    let link = Signal::stored(explorer.clone());
    let code_text = Signal::stored(code.clone());
    view! {
        <div class="link-out" data-testid="link-out">
            <label for="out-link">{move || lang.get().pick("Liên kết (mở trình khám phá với dữ liệu của bạn)", "Link (opens the explorer with your data)")}</label>
            <input id="out-link" data-testid="out-link" readonly prop:value=explorer.clone() />
            <p class="actions">
                <CopyButton text=link label=("Chép liên kết", "Copy the link") testid="copy-link" />
                <a href=explorer target="_blank" rel="noopener" data-testid="open-link">{move || lang.get().pick("Mở trong trình khám phá ↗", "Open in the explorer ↗")}</a>
                <a href=edit target="_blank" rel="noopener" data-testid="edit-link">{move || lang.get().pick("Liên kết để sửa lại bảng", "Link to edit the table again")}</a>
            </p>
            <label for="out-embed">{move || lang.get().pick("Mã nhúng (khung iframe; dòng script sau nó, tuỳ chọn, cho khung tự co giãn)", "Embed code (the iframe; the script line after it, optional, sizes the frame)")}</label>
            <textarea id="out-embed" data-testid="out-embed" readonly rows="3">{code}</textarea>
            <p class="actions"><CopyButton text=code_text label=("Chép mã nhúng", "Copy the embed code") testid="copy-embed" /></p>
        </div>
    }
}
