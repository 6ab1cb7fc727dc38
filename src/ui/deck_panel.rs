//! The presentation being prepared in the explorer: its slides, reordered and removed here, and
//! the link that opens it (the deck itself is a link).

use super::browser;
use super::share_bar::use_deck;
use crate::deck::{self, Deck};
use crate::explore;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The link that presents a deck.
pub fn present_url(d: &Deck, lang: Lang) -> String {
    let mut url = format!("{}present.html?deck={}", browser::base_url(), deck::encode(d));
    if lang == Lang::En {
        url.push_str("&lang=en");
    }
    url
}

/// The deck panel.
#[component]
pub fn DeckPanel() -> impl IntoView {
    let (ds, lang) = (super::context::dataset(), super::context::lang());
    let deck = use_deck();
    let d = ds.clone();
    let titles = Memo::new(move |_| {
        let l = lang.get();
        deck.with(|dk| {
            dk.slides
                .iter()
                .map(|s| {
                    let (sel, notes) = explore::from_query(s, &d);
                    let t = crate::view::build(&d, &sel, l).title;
                    if notes.is_empty() { t } else { format!("{t} ⚠") }
                })
                .collect::<Vec<_>>()
        })
    });
    let default_url = move || present_url(&deck::default_deck(), lang.get());
    view! {
        <details class="deck-panel" data-testid="deck-panel">
            <summary>{move || format!("{} ({})", lang.get().pick("Trình chiếu đang soạn", "Presentation being prepared"), deck.with(|d| d.len()))}</summary>
            <p class="hint">{move || lang.get().pick(
                "Bấm “+ Trình chiếu” dưới biểu đồ để thêm trang. Liên kết trình chiếu chứa cả bộ trang: soạn trên máy này, mở trên máy phòng họp. Phím: → ← PageUp PageDown, dấu cách, Home, End; F: toàn màn hình; Esc: thoát.",
                "Use “+ Presentation” under the chart to add a slide. The presentation link holds the whole deck: prepare it here, open it on the meeting-room computer. Keys: → ← PageUp PageDown, space, Home, End; F: fullscreen; Esc: leave.",
            )}</p>
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
                <button type="button" on:click=move |_| deck.set(Deck::default())>{move || lang.get().pick("Xoá hết", "Clear")}</button>
            </p>
        </details>
    }
}
