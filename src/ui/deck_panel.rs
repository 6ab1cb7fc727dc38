//! The presentation being prepared in the explorer: its slides, reordered and removed here, and
//! the link that opens it (the deck itself is a link).

use super::browser;
use super::share_bar::use_deck;
use crate::deck::{self, Deck, DeckData};
use crate::explore;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The link that presents a deck.
pub fn present_url(d: &Deck, lang: Lang) -> String {
    let (query, fragment) = d.data.link_parts();
    let mut url = format!("{}present.html?deck={}{query}", browser::base_url(), deck::encode(d));
    if lang == Lang::En {
        url.push_str("&lang=en");
    }
    url + &fragment
}

/// The titles of a deck's slides. Slides of other data than this page's are named by their
/// query: they are not built from figures they do not show.
fn slide_titles(dk: &Deck, d: &crate::model::Dataset, l: Lang) -> Vec<String> {
    let here = dk.data == super::share_bar::page_data();
    dk.slides
        .iter()
        .map(|s| {
            if !here {
                let q = deck::to_query(s).replace('&', ", ");
                return if q.is_empty() { l.pick("(khung nhìn mặc định)", "(default view)").to_string() } else { q };
            }
            let (sel, notes) = explore::from_query(s, d);
            let t = crate::view::build(d, &sel, l).title;
            if notes.is_empty() { t } else { format!("{t} ⚠") }
        })
        .collect()
}

/// The deck panel.
#[component]
pub fn DeckPanel() -> impl IntoView {
    let (ds, lang) = (super::context::dataset(), super::context::lang());
    let deck = use_deck();
    let d = ds.clone();
    let titles = Memo::new(move |_| deck.with(|dk| slide_titles(dk, &d, lang.get())));
    let default_url = move || present_url(&deck::default_deck(), lang.get());
    // "Clear" can be undone until the next slide is added
    let cleared = RwSignal::new(None::<Deck>);
    let clear = move |_| {
        let old = deck.get_untracked();
        if !old.is_empty() {
            cleared.set(Some(old));
            deck.set(Deck::default());
        }
    };
    Effect::new(move |_| {
        if deck.with(|d| !d.is_empty()) {
            cleared.set(None);
        }
    });
    let data_line = move || {
        let l = lang.get();
        deck.with(|d| match &d.data {
            _ if d.is_empty() => None,
            DeckData::Bundled => None,
            DeckData::File(u) => Some(format!("{} {u}", l.pick("Số liệu của bộ này: tệp", "This deck's data: the file"))),
            DeckData::Link(_) => Some(l.pick("Số liệu của bộ này: bảng tự nhập trong liên kết của trang tạo biểu đồ.", "This deck's data: the table carried by a chart maker link.").to_string()),
        })
        .map(|t| view! { <p class="hint" data-testid="deck-data">{t}</p> })
    };
    view! {
        <details class="deck-panel" data-testid="deck-panel">
            <summary>{move || format!("{} ({})", lang.get().pick("Trình chiếu đang soạn", "Presentation being prepared"), deck.with(|d| d.len()))}</summary>
            <p class="hint">{move || lang.get().pick(
                "Bấm “+ Trình chiếu” dưới biểu đồ để thêm trang. Liên kết trình chiếu chứa cả bộ trang: soạn trên máy này, mở trên máy phòng họp. Phím: → ← PageUp PageDown, dấu cách, Home, End; F: toàn màn hình; Esc: thoát.",
                "Use “+ Presentation” under the chart to add a slide. The presentation link holds the whole deck: prepare it here, open it on the meeting-room computer. Keys: → ← PageUp PageDown, space, Home, End; F: fullscreen; Esc: leave.",
            )}</p>
            {data_line}
            <ol class="deck-list" data-testid="deck-list">
                {move || titles.get().into_iter().enumerate().map(|(i, t)| view! {
                    <li>
                        <span>{t}</span>
                        <button type="button" aria-label=move || format!("{} {}", lang.get().pick("Lên", "Move up"), i + 1) on:click=move |_| deck.update(|d| { d.move_up(i); })>"↑"</button>
                        <button type="button" aria-label=move || format!("{} {}", lang.get().pick("Xuống", "Move down"), i + 1) on:click=move |_| deck.update(|d| { d.move_down(i); })>"↓"</button>
                        <button type="button" data-testid="remove-slide" aria-label=move || format!("{} {}", lang.get().pick("Bỏ trang", "Remove slide"), i + 1) on:click=move |_| deck.update(|d| { d.remove(i); })>"×"</button>
                    </li>
                }).collect_view()}
            </ol>
            <p class="actions">
                <a class="button" rel="external" data-testid="present-deck" href=move || present_url(&deck.get(), lang.get()) class:disabled=move || deck.with(|d| d.is_empty())>
                    {move || lang.get().pick("▶ Trình chiếu bộ này", "▶ Present this deck")}
                </a>
                <a class="button" rel="external" data-testid="present-default" href=default_url>{move || lang.get().pick("▶ Bộ số liệu chính (mặc định)", "▶ Key figures (default deck)")}</a>
                <button type="button" data-testid="clear-deck" on:click=clear>{move || lang.get().pick("Xoá hết", "Clear")}</button>
            </p>
            {move || cleared.with(|c| c.as_ref().map(|c| c.len())).map(|n| view! {
                <p class="share-status" role="status">
                    {move || format!("{} {n} {}. ", lang.get().pick("Đã xoá", "Removed"), lang.get().pick("trang", if n == 1 { "slide" } else { "slides" }))}
                    <button type="button" data-testid="undo-clear" on:click=move |_| if let Some(d) = cleared.get_untracked() { deck.set(d); }>{move || lang.get().pick("Hoàn tác", "Undo")}</button>
                </p>
            })}
        </details>
    }
}
