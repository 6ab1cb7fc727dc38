//! The chart leaves the app: share the link, download PNG/SVG/CSV, embed it, add it to a deck.

use super::browser;
use super::downloads;
use super::embed_dialog::EmbedDialog;
use crate::deck::{AddRefused, Deck, DeckData};
use crate::view::ChartView;
use leptos::html;
use leptos::prelude::*;

/// The working deck of the explorer (kept in local storage so it survives a reload).
pub fn use_deck() -> RwSignal<Deck> {
    if let Some(d) = use_context::<RwSignal<Deck>>() {
        return d;
    }
    let mut initial: Deck = browser::load("htx-deck").map(|s| crate::deck::decode(&s).0).unwrap_or_default();
    initial.data = DeckData::from_stored(&browser::load("htx-deck-data").unwrap_or_default());
    let deck = RwSignal::new(initial);
    Effect::new(move |_| {
        deck.with(|d| {
            browser::save("htx-deck", &crate::deck::encode(d));
            browser::save("htx-deck-data", &d.data.stored());
        })
    });
    provide_context(deck);
    deck
}

/// The data this page shows (a chart maker link's table, a `?data=` file or the app's own).
pub fn page_data() -> DeckData {
    DeckData::of_page(crate::web::page::data_param(), crate::web::link_data::page_payload())
}

/// What "+ Presentation" did, in words, and whether it worked.
fn added_text(added: Result<usize, AddRefused>, l: crate::i18n::Lang) -> (bool, String) {
    match added {
        Ok(n) => (true, format!("{} {n}).", l.pick("Đã thêm biểu đồ này vào trình chiếu (trang", "Chart added to the presentation (slide"))),
        Err(AddRefused::AlreadyThere(n)) => (false, format!("{} {n}).", l.pick("Biểu đồ này đã có trong trình chiếu (trang", "This chart is already in the presentation (slide"))),
        Err(AddRefused::Full) => (false, l.pick("Không thêm được (trình chiếu đã đủ số trang tối đa).", "Could not add it (the presentation is full).").to_string()),
        Err(AddRefused::OtherData) => (false, l.pick(
            "Không thêm được: các trang của trình chiếu đang soạn dùng số liệu khác với trang này. Hãy xoá hết bộ đó (khung “Trình chiếu đang soạn”, có thể hoàn tác) rồi thêm lại, hoặc thêm từ trang có số liệu của bộ đó.",
            "Could not add it: the slides of the presentation being prepared show other data than this page. Clear that deck (“Presentation being prepared”; it can be undone) and add it again, or add from a page showing that deck's data.",
        ).to_string()),
    }
}

/// The toolbar under the explorer's chart.
#[component]
pub fn ShareBar(
    view: Memo<ChartView>,
    /// The explorer's query pairs for this view (what an embed or a slide shows).
    slide: Signal<Vec<(String, String)>>,
    figure: NodeRef<html::Figure>,
) -> impl IntoView {
    // a view with no figure has nothing to download, embed, present or print
    let nothing = move || view.with(|v| v.spec.is_empty());
    let lang = super::context::lang();
    let status = RwSignal::new(None::<(bool, String)>);
    // a message about the chart that was in view ("link copied") goes when the view or the
    // language changes
    super::context::clear_on_change(status, move || {
        view.track();
        lang.track();
    });
    let embed_open = RwSignal::new(false);
    let deck = use_deck();
    let width = move || figure.get_untracked().map(|f| f.client_width() as f64 - 32.0).unwrap_or(800.0).max(320.0);
    let say = move |ok: bool, vi: &str, en: &str| status.set(Some((ok, lang.get_untracked().pick(vi, en).to_string())));
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
        let mut added = Err(AddRefused::Full);
        deck.update(|d| added = d.add(s, &page_data()));
        status.set(Some(added_text(added, lang.get_untracked())));
    };

    view! {
        <div class="share-bar" role="toolbar" aria-label=move || lang.get().pick("Chia sẻ và tải về", "Share and download")>
            <button type="button" data-testid="copy-link" on:click=copy>{move || lang.get().pick("Chép liên kết", "Copy link")}</button>
            {browser::can_share().then(|| view! {
                <button type="button" data-testid="share-sheet" on:click=share_sheet>{move || lang.get().pick("Chia sẻ…", "Share…")}</button>
            })}
            <button type="button" data-testid="download-png" disabled=nothing on:click=move |_| report(view.with_untracked(|v| downloads::png(v, lang.get_untracked(), width(), &page_url())), "PNG")>"PNG"</button>
            <button type="button" data-testid="download-svg" disabled=nothing on:click=move |_| report(view.with_untracked(|v| downloads::svg(v, lang.get_untracked(), width(), &page_url())), "SVG")>"SVG"</button>
            <button type="button" data-testid="download-csv" disabled=nothing on:click=move |_| report(view.with_untracked(|v| downloads::csv(v, lang.get_untracked())), "CSV")>"CSV"</button>
            <button type="button" data-testid="embed" disabled=nothing aria-haspopup="dialog" on:click=move |_| embed_open.set(true)>{move || lang.get().pick("Nhúng", "Embed")}</button>
            <button type="button" data-testid="add-slide" disabled=nothing on:click=add_slide>{move || lang.get().pick("+ Trình chiếu", "+ Presentation")}</button>
            <button type="button" data-testid="print" disabled=nothing on:click=move |_| { let _ = window().print(); }>{move || lang.get().pick("In", "Print")}</button>
        </div>
        <p class="share-status" role="status" aria-live="polite" data-testid="share-status">
            {move || status.get().map(|(ok, m)| view! { <span class:ok=ok class:bad=!ok>{m}</span> })}
        </p>
        <Show when=move || embed_open.get()>
            <EmbedDialog view=view slide=slide open=embed_open />
        </Show>
    }
}

