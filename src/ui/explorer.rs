//! The explorer page: one interactive chart whose every choice is in the URL, then the key figures.

use super::context::lang;
use super::dataset::with_dataset;
use super::deck_panel::DeckPanel;
use super::explore_panel::ExplorePanel;
use super::key_figures::KeyFigures;
use super::problems::DataProblems;
use super::shell::{Footer, Header};
use leptos::prelude::*;

/// The explorer page.
#[component]
pub fn Explorer() -> impl IntoView {
    let lang = lang();
    view! {
        <main id="app" class="page">
            <Header />
            {with_dataset(move || view! {
                <DataProblems />
                <p class="intro">{move || lang.get().pick(
                    "Mỗi số liệu ghi rõ nguồn, thời điểm và mức chính xác (hơn, khoảng, ước tính…). Di chuột, chạm hoặc dùng phím Tab và mũi tên trên biểu đồ để xem chi tiết và nguồn.",
                    "Every figure names its source, date and qualifier (more than, about, estimate…). Hover, tap, or Tab into a chart and use the arrow keys for the details and the source.",
                )}</p>
                <ExplorePanel />
                <DeckPanel />
                <KeyFigures />
            }.into_any())}
            <Footer />
        </main>
    }
}
