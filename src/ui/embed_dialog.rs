//! The embed dialog: copy-ready iframe code (title on/off, theme, width presets) and the optional
//! resize script. Focus moves into the dialog, Tab stays inside it, Esc closes it and focus returns
//! to the button that opened it.

use super::browser;
use crate::chart::{self, Theme};
use crate::view::ChartView;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The embed's address for a view's query pairs, in the language the reader is using.
fn embed_src(mut pairs: Vec<(String, String)>, show_title: bool, theme: &str, lang: crate::i18n::Lang) -> String {
    if lang != crate::i18n::Lang::default() {
        pairs.push(("lang".into(), lang.key().into()));
    }
    if !show_title {
        pairs.push(("title".into(), "0".into()));
    }
    if theme != "light" {
        pairs.push(("theme".into(), theme.into()));
    }
    let q = crate::deck::to_query(&pairs);
    format!("{}embed.html{}{q}{}", browser::base_url(), if q.is_empty() { "" } else { "?" }, crate::web::link_data::data_hash())
}

/// The embed's height at a width preset, estimated from the same text measures as the charts
/// (lines of title, unit and caveat, source line) plus the chart itself, with margin.
fn estimated_height(v: &ChartView, width: &str, show_title: bool) -> u32 {
    let t = Theme::light(1.0);
    let inner = match width {
        "400" => 400.0,
        _ => 640.0,
    } - 20.0;
    let lines = |text: &str, size: f64| (chart::text_width(text, size) / inner).ceil().max(1.0);
    let chart_t = if inner < 480.0 { Theme { text: 12.0, ..t.clone() } } else { t };
    let mut h = 16.0 + chart::preferred_height(&v.spec, inner, &chart_t);
    if show_title {
        h += lines(&v.title, 16.8) * 24.0 + 2.0;
    }
    let unit = format!("{} · {}", v.unit_line, v.caveat_text.first().cloned().unwrap_or_default());
    h += lines(&unit, 13.8) * 20.0 + 10.0;
    h += lines(&v.summary, 13.6) * 20.0 + 8.0;
    h += lines(&v.source_line, 13.1) * 19.0 + 16.0;
    h += 24.0; // the link back
    ((h * 1.06 / 10.0).ceil() * 10.0) as u32
}

fn focus(node: Option<web_sys::Node>) {
    if let Some(el) = node.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Keeps Tab inside the dialog.
fn trap_tab(dialog: NodeRef<html::Div>, ev: web_sys::KeyboardEvent) {
    let Some(d) = dialog.get_untracked().filter(|_| ev.key() == "Tab") else { return };
    let Ok(list) = d.query_selector_all("input, select, textarea, button, a[href]") else { return };
    let n = list.length();
    if n == 0 {
        return;
    }
    let (first, last) = (list.item(0), list.item(n - 1));
    let active: Option<web_sys::Node> = document().active_element().map(Into::into);
    if ev.shift_key() && active == first {
        ev.prevent_default();
        focus(last);
    } else if !ev.shift_key() && active == last {
        ev.prevent_default();
        focus(first);
    }
}

/// Focus into the dialog when it opens, back to the opener when it closes; Esc closes it.
fn manage_focus(dialog: NodeRef<html::Div>, open: RwSignal<bool>) {
    let opener = send_wrapper::SendWrapper::new(document().active_element());
    Effect::new(move |_| {
        if let Some(first) = dialog.get().and_then(|d| d.query_selector("input, select, textarea, button").ok().flatten()) {
            focus(Some(first.into()));
        }
    });
    on_cleanup(move || focus(opener.take().map(Into::into)));
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    });
    on_cleanup(move || esc.remove());
}

/// The embed dialog.
#[component]
pub fn EmbedDialog(view: Memo<ChartView>, slide: Signal<Vec<(String, String)>>, open: RwSignal<bool>) -> impl IntoView {
    let lang = super::context::lang();
    let show_title = RwSignal::new(true);
    let theme = RwSignal::new("light".to_string());
    let width = RwSignal::new("100%".to_string());
    let copied = RwSignal::new(None::<String>);
    let src = move || embed_src(slide.get(), show_title.get(), &theme.get(), lang.get());
    let iframe = move || {
        let title = view.with(|v| v.title.replace('"', "&quot;"));
        let style = match width.get().as_str() {
            "100%" => "border:0;width:100%".to_string(),
            w => format!("border:0;width:100%;max-width:{w}px"),
        };
        let height = view.with(|v| estimated_height(v, &width.get(), show_title.get()));
        format!("<iframe src=\"{}\" title=\"{title}\" height=\"{height}\" style=\"{style}\" loading=\"lazy\" data-htx-embed></iframe>", src())
    };
    let script = move || format!("<script src=\"{}embed.js\" async></script>", browser::base_url());
    let copy = move |text: String, which: &'static str| {
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&text).await.is_ok();
            copied.set(Some(if ok { which.to_string() } else { String::new() }));
        });
    };
    let copied_text = move || {
        copied.get().map(|w| if w.is_empty() { lang.get().pick("Không chép được: hãy chọn và chép tay.", "Could not copy: select and copy by hand.").to_string() } else { format!("{} {w}.", lang.get().pick("Đã chép", "Copied")) })
    };
    let close = move |_| open.set(false);
    let dialog_ref = NodeRef::<html::Div>::new();
    manage_focus(dialog_ref, open);
    view! {
        <div class="dialog-backdrop" on:click=close>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title" data-testid="embed-dialog" node_ref=dialog_ref
                on:keydown=move |ev| trap_tab(dialog_ref, ev) on:click=|ev| ev.stop_propagation()>
                <h2 id="embed-title">{move || lang.get().pick("Nhúng biểu đồ vào trang của bạn", "Embed this chart in your page")}</h2>
                <div class="control-row">
                    <label class="control check"><input type="checkbox" data-testid="embed-title" prop:checked=move || show_title.get() on:change=move |ev| show_title.set(event_target_checked(&ev)) />
                        <span>{move || lang.get().pick("Hiện tiêu đề", "Show the title")}</span></label>
                    <label class="control"><span>{move || lang.get().pick("Giao diện", "Theme")}</span>
                        <select data-testid="embed-theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                            <option value="light">{move || lang.get().pick("Sáng", "Light")}</option>
                            <option value="dark">{move || lang.get().pick("Tối", "Dark")}</option>
                            <option value="auto">{move || lang.get().pick("Theo máy người đọc", "Reader's setting")}</option>
                        </select></label>
                    <label class="control"><span>{move || lang.get().pick("Chiều rộng", "Width")}</span>
                        <select data-testid="embed-width" on:change=move |ev| width.set(event_target_value(&ev))>
                            <option value="100%">{move || lang.get().pick("Toàn cột", "Full column")}</option>
                            <option value="640">"640 px"</option>
                            <option value="400">{move || lang.get().pick("400 px (điện thoại)", "400 px (phone)")}</option>
                        </select></label>
                </div>
                <label class="code-label" for="embed-code">{move || lang.get().pick("Mã iframe (chạy cả khi cổng thông tin chặn script):", "Iframe code (works where a portal strips scripts):")}</label>
                <textarea id="embed-code" data-testid="embed-code" readonly rows="4" prop:value=iframe></textarea>
                <button type="button" on:click=move |_| copy(iframe(), "iframe")>{move || lang.get().pick("Chép mã iframe", "Copy the iframe code")}</button>
                <label class="code-label" for="embed-script">{move || lang.get().pick("Tuỳ chọn: thêm script này một lần vào trang để khung tự co giãn theo nội dung:", "Optional: add this script once to the page so the frame sizes itself:")}</label>
                <textarea id="embed-script" data-testid="embed-script" readonly rows="2" prop:value=script></textarea>
                <button type="button" on:click=move |_| copy(script(), "script")>{move || lang.get().pick("Chép script", "Copy the script")}</button>
                <p class="share-status" role="status">{copied_text}</p>
                <p><a href=src target="_blank" rel="noopener">{move || lang.get().pick("Xem trước bản nhúng", "Preview the embed")}</a></p>
                <button type="button" class="close" data-testid="embed-close" on:click=close>{move || lang.get().pick("Đóng", "Close")}</button>
            </div>
        </div>
    }
}
