//! The chart leaves the app: share the link, download PNG/SVG/CSV, embed it, add it to a deck.

use super::browser;
use super::downloads;
use crate::chart::{self, Theme};
use crate::deck::Deck;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query::ChartView;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// The working deck of the explorer (kept in local storage so it survives a reload).
pub fn use_deck() -> RwSignal<Deck> {
    if let Some(d) = use_context::<RwSignal<Deck>>() {
        return d;
    }
    let initial = browser::load("htx-deck").map(|s| crate::deck::decode(&s).0).unwrap_or_default();
    let deck = RwSignal::new(initial);
    Effect::new(move |_| browser::save("htx-deck", &crate::deck::encode(&deck.get())));
    provide_context(deck);
    deck
}

/// The toolbar under the explorer's chart.
#[component]
pub fn ShareBar(
    view: Signal<ChartView>,
    records: Signal<Vec<usize>>,
    ds: Arc<Dataset>,
    lang: Signal<Lang>,
    /// The explorer's query pairs for this view (what an embed or a slide shows).
    slide: Signal<Vec<(String, String)>>,
    figure: NodeRef<html::Figure>,
) -> impl IntoView {
    let status = RwSignal::new(None::<(bool, String)>);
    let embed_open = RwSignal::new(false);
    let deck = use_deck();
    let width = move || figure.get_untracked().map(|f| f.client_width() as f64 - 32.0).unwrap_or(800.0).max(320.0);
    let say = move |ok: bool, vi: &str, en: &str| status.set(Some((ok, lang.get_untracked().pick(vi, en).to_string())));
    let ds_png = ds.clone();
    let ds_svg = ds.clone();
    let ds_csv = ds.clone();
    let page_url = move || window().location().href().unwrap_or_default();

    let copy = move |_| {
        let url = page_url();
        leptos::task::spawn_local(async move {
            match browser::copy_text(&url).await {
                Ok(()) => say(true, "Đã chép liên kết tới đúng biểu đồ này.", "Link to this exact chart copied."),
                Err(e) => status.set(Some((false, format!("{}: {url}", lang.get_untracked().pick("Không chép được, hãy chép tay", "Could not copy; copy it by hand")) + &format!(" ({e})")))),
            }
        });
    };
    let share_sheet = move |_| {
        let url = page_url();
        let title = view.with_untracked(|v| v.title.clone());
        leptos::task::spawn_local(async move {
            if let Err(e) = browser::share(&title, &url).await {
                status.set(Some((false, e.to_string())));
            }
        });
    };
    let report = move |r: Result<(), downloads::DownloadError>, what: &'static str| match r {
        Ok(()) => status.set(Some((true, format!("{} {what}.", lang.get_untracked().pick("Đã tạo tệp", "Downloaded"))))),
        Err(e) => status.set(Some((false, format!("{} {what}: {e}", lang.get_untracked().pick("Không tạo được tệp", "Could not make the file"))))),
    };
    let add_slide = move |_| {
        let s = slide.get_untracked();
        let mut added = false;
        deck.update(|d| added = d.push(s));
        if added {
            say(true, "Đã thêm biểu đồ này vào trình chiếu.", "Chart added to the presentation.");
        } else {
            say(false, "Không thêm được (trình chiếu đã đủ số trang tối đa).", "Could not add it (the presentation is full).");
        }
    };

    view! {
        <div class="share-bar" role="toolbar" aria-label=move || lang.get().pick("Chia sẻ và tải về", "Share and download")>
            <button type="button" data-testid="copy-link" on:click=copy>{move || lang.get().pick("Chép liên kết", "Copy link")}</button>
            {browser::can_share().then(|| view! {
                <button type="button" data-testid="share-sheet" on:click=share_sheet>{move || lang.get().pick("Chia sẻ…", "Share…")}</button>
            })}
            <button type="button" data-testid="download-png" on:click=move |_| report(view.with_untracked(|v| downloads::png(v, &ds_png, lang.get_untracked(), width(), &page_url())), "PNG")>"PNG"</button>
            <button type="button" data-testid="download-svg" on:click=move |_| report(view.with_untracked(|v| downloads::svg(v, &ds_svg, lang.get_untracked(), width(), &page_url())), "SVG")>"SVG"</button>
            <button type="button" data-testid="download-csv" on:click=move |_| report(view.with_untracked(|v| downloads::csv(v, &records.get_untracked(), &ds_csv, lang.get_untracked())), "CSV")>"CSV"</button>
            <button type="button" data-testid="embed" aria-haspopup="dialog" on:click=move |_| embed_open.set(true)>{move || lang.get().pick("Nhúng", "Embed")}</button>
            <button type="button" data-testid="add-slide" on:click=add_slide>{move || lang.get().pick("+ Trình chiếu", "+ Presentation")}</button>
            <button type="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>{move || lang.get().pick("In", "Print")}</button>
        </div>
        <p class="share-status" role="status" aria-live="polite" data-testid="share-status">
            {move || status.get().map(|(ok, m)| view! { <span class:ok=ok class:bad=!ok>{m}</span> })}
        </p>
        <Show when=move || embed_open.get()>
            <EmbedDialog view=view slide=slide lang=lang open=embed_open />
        </Show>
    }
}

/// The embed dialog: copy-ready iframe code, and the optional resize script.
#[component]
fn EmbedDialog(view: Signal<ChartView>, slide: Signal<Vec<(String, String)>>, lang: Signal<Lang>, open: RwSignal<bool>) -> impl IntoView {
    let show_title = RwSignal::new(true);
    let theme = RwSignal::new("light".to_string());
    let width = RwSignal::new("100%".to_string());
    let copied = RwSignal::new(None::<String>);
    let src = move || {
        let mut pairs = slide.get();
        if !show_title.get() {
            pairs.push(("title".into(), "0".into()));
        }
        if theme.get() != "light" {
            pairs.push(("theme".into(), theme.get()));
        }
        let q = crate::deck::to_query(&pairs);
        format!("{}embed.html{}{q}", browser::base_url(), if q.is_empty() { "" } else { "?" })
    };
    // The embed's height at the chosen width, estimated from the same text measures as the
    // charts (lines of title, unit and caveat, source line) plus the chart itself, with margin.
    let height = move || {
        let t = Theme::light(1.0);
        let w = match width.get().as_str() {
            "400" => 400.0,
            _ => 640.0,
        };
        let inner = w - 20.0;
        let lines = |text: &str, size: f64| (chart::text_width(text, size) / inner).ceil().max(1.0);
        view.with(|v| {
            let chart_w = inner;
            let chart_t = if chart_w < 480.0 { Theme { text: 12.0, ..t.clone() } } else { t.clone() };
            let mut h = 16.0 + chart::preferred_height(&v.spec, chart_w, &chart_t);
            if show_title.get() {
                h += lines(&v.title, 16.8) * 24.0 + 2.0;
            }
            let unit = format!("{} · {}", v.unit_line, v.caveats.first().cloned().unwrap_or_default());
            h += lines(&unit, 13.8) * 20.0 + 10.0;
            h += lines(&v.source_line, 13.1) * 19.0 + 16.0;
            h += 24.0; // the link back
            ((h * 1.06 / 10.0).ceil() * 10.0) as u32
        })
    };
    let iframe = move || {
        let title = view.with(|v| v.title.replace('"', "&quot;"));
        let style = match width.get().as_str() {
            "100%" => "border:0;width:100%".to_string(),
            w => format!("border:0;width:100%;max-width:{w}px"),
        };
        format!("<iframe src=\"{}\" title=\"{title}\" height=\"{}\" style=\"{style}\" loading=\"lazy\" data-htx-embed></iframe>", src(), height())
    };
    let script = move || format!("<script src=\"{}embed.js\" async></script>", browser::base_url());
    let copy = move |text: String, which: &'static str| {
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&text).await.is_ok();
            copied.set(Some(if ok { which.to_string() } else { String::new() }));
        });
    };
    let close = move |_| open.set(false);
    // Keyboard: focus moves into the dialog, Tab stays inside it, and returns to the Embed button.
    let dialog_ref = NodeRef::<html::Div>::new();
    let opener = document().active_element();
    Effect::new(move |_| {
        if let Some(d) = dialog_ref.get() {
            if let Ok(Some(first)) = d.query_selector("input, select, textarea, button") {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first) {
                    let _ = el.focus();
                }
            }
        }
    });
    let opener = send_wrapper::SendWrapper::new(opener);
    on_cleanup(move || {
        if let Some(el) = opener.take().and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
    let trap = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(d) = dialog_ref.get_untracked() else { return };
        let Ok(list) = d.query_selector_all("input, select, textarea, button, a[href]") else { return };
        let n = list.length();
        if n == 0 {
            return;
        }
        let first = list.item(0);
        let last = list.item(n - 1);
        let active: Option<web_sys::Node> = document().active_element().map(Into::into);
        let focus = |node: Option<web_sys::Node>| {
            if let Some(el) = node.and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok()) {
                let _ = el.focus();
            }
        };
        if ev.shift_key() && active == first {
            ev.prevent_default();
            focus(last);
        } else if !ev.shift_key() && active == last {
            ev.prevent_default();
            focus(first);
        }
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    });
    on_cleanup(move || esc.remove());
    view! {
        <div class="dialog-backdrop" on:click=close>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title" data-testid="embed-dialog" node_ref=dialog_ref on:keydown=trap on:click=|ev| ev.stop_propagation()>
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
                <p class="share-status" role="status">{move || copied.get().map(|w| if w.is_empty() { lang.get().pick("Không chép được: hãy chọn và chép tay.", "Could not copy: select and copy by hand.").to_string() } else { format!("{} {w}.", lang.get().pick("Đã chép", "Copied")) })}</p>
                <p><a href=src target="_blank" rel="noopener">{move || lang.get().pick("Xem trước bản nhúng", "Preview the embed")}</a></p>
                <button type="button" class="close" data-testid="embed-close" on:click=close>{move || lang.get().pick("Đóng", "Close")}</button>
            </div>
        </div>
    }
}
