//! The explorer page: one interactive chart whose every choice is in the URL, then the key figures.

use super::app::{Footer, Header};
use super::dataset::with_dataset;
use super::deck_panel::DeckPanel;
use super::explore_panel::ExplorePanel;
use super::key_charts::KeyCharts;
use super::problems::DataProblems;
use super::state::use_lang;
use leptos::prelude::*;

/// The explorer page.
#[component]
pub fn Explorer() -> impl IntoView {
    let (lang, _, _) = use_lang();
    view! {
        <main id="app" class="page">
            <Header />
            {with_dataset(move |ds| view! {
                <DataProblems ds=ds.clone() lang=lang />
                <p class="intro">{move || lang.get().pick(
                    "Mỗi số liệu ghi rõ nguồn, thời điểm và mức chính xác (hơn, khoảng, ước tính…). Di chuột, chạm hoặc dùng phím Tab và mũi tên trên biểu đồ để xem chi tiết và nguồn.",
                    "Every figure names its source, date and qualifier (more than, about, estimate…). Hover, tap, or Tab into a chart and use the arrow keys for the details and the source.",
                )}</p>
                <ExplorePanel ds=ds.clone() lang=lang />
                <DeckPanel ds=ds.clone() lang=lang />
                <KeyCharts ds=ds lang=lang />
            }.into_any())}
            <Footer />
        </main>
    }
}
