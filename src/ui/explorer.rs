//! The explorer page: one interactive chart whose every choice is in the URL, then the key figures.

use super::context::lang;
use super::dataset::with_dataset;
use super::deck_panel::DeckPanel;
use super::explore_panel::ExplorePanel;
use super::key_figures::KeyFigures;
use super::problems::DataProblems;
use super::shell::{Footer, Header};
use leptos::prelude::*;

/// True when the dataset shown came in a `#d=` link (a table made in the chart maker): the key
/// figures and the deck builder, made for the bundled data, are not shown.
fn from_link() -> bool {
    super::context::dataset().origin == crate::web::link_data::LINK_ORIGIN
}

/// Says that the figures came in the link, with a way to edit their table.
#[component]
fn LinkNotice() -> impl IntoView {
    let lang = lang();
    from_link().then(|| {
        let edit = move || lang.get().link(&format!("tao.html{}", crate::web::link_data::data_hash()));
        view! {
            <p class="notice info" data-testid="link-data" role="status">
                {move || lang.get().pick("Biểu đồ này vẽ từ bảng số liệu chứa trong liên kết (không tải từ máy chủ nào). ", "This chart is drawn from a table carried in the link (loaded from no server). ")}
                <a href=edit rel="external" data-testid="edit-in-maker">{move || lang.get().pick("Mở bảng trong trình tạo biểu đồ để sửa", "Open the table in the chart maker to edit it")}</a>
            </p>
        }
    })
}

/// The explorer page.
#[component]
pub fn Explorer() -> impl IntoView {
    let lang = lang();
    super::context::use_title("HTX Charts — Thống kê hợp tác xã Việt Nam", "HTX Charts — Statistics of Viet Nam's cooperatives");
    view! {
        <main id="app" class="page">
            <Header />
            {with_dataset(move || view! {
                <DataProblems />
                <p class="intro explorer-intro">{move || lang.get().pick(
                    "Mỗi số liệu ghi rõ nguồn, thời điểm và mức chính xác (hơn, khoảng, ước tính…). Di chuột, chạm hoặc dùng phím Tab và mũi tên trên biểu đồ để xem chi tiết và nguồn.",
                    "Every figure names its source, date and qualifier (more than, about, estimate…). Hover, tap, or Tab into a chart and use the arrow keys for the details and the source.",
                )}</p>
                <LinkNotice />
                <ExplorePanel />
                <DeckPanel />
                {(!from_link()).then(|| view! { <KeyFigures /> })}
            }.into_any())}
            <Footer />
        </main>
    }
}
