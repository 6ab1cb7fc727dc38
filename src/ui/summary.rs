//! The written summary of a chart: what it compares, its largest and smallest figures with their
//! areas and dates, the span of dates and the caveat that matters most. The canvas's accessible
//! description, and copyable.

use super::browser;
use leptos::prelude::*;

/// The summary paragraph (with `id`, for `aria-describedby`) and a copy button.
#[component]
pub fn ChartSummary(id: String, text: Signal<String>) -> impl IntoView {
    let lang = super::context::lang();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(browser::copy_text(&t).await.is_ok())) });
    };
    let said = move || {
        copied.get().map(|ok| if ok { lang.get().pick("Đã chép tóm tắt.", "Summary copied.") } else { lang.get().pick("Không chép được: hãy chọn và chép tay.", "Could not copy: select and copy by hand.") })
    };
    view! {
        <div class="chart-summary">
            <p id=id data-testid="chart-summary">{move || text.get()}</p>
            <button type="button" class="copy-summary" data-testid="copy-summary" on:click=copy>{move || lang.get().pick("Chép tóm tắt", "Copy summary")}</button>
            <span class="share-status" role="status">{said}</span>
        </div>
    }
}
