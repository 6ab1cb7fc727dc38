//! A button that copies a text (a link, embed code) and says whether it worked: "Đã chép ✓" on the
//! button, or, where the browser refuses, a status line asking to select and copy by hand.

use super::browser;
use super::context::lang;
use leptos::prelude::*;

/// Copies `text` when pressed. `label` is the button's words (Vietnamese, English); `testid` its
/// `data-testid`.
#[component]
pub fn CopyButton(text: Signal<String>, label: (&'static str, &'static str), testid: &'static str) -> impl IntoView {
    let lang = lang();
    let copied = RwSignal::new(None::<bool>);
    // A new text to copy (the table changed) is not copied yet.
    Effect::new(move |_| {
        text.track();
        copied.set(None);
    });
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(browser::copy_text(&t).await.is_ok())) });
    };
    let words = move || match copied.get() {
        Some(true) => lang.get().pick("Đã chép ✓", "Copied ✓"),
        _ => lang.get().pick(label.0, label.1),
    };
    let failed = move || (copied.get() == Some(false)).then(|| lang.get().pick("Không chép được: hãy chọn và chép tay.", "Could not copy: select and copy by hand."));
    view! {
        <button type="button" data-testid=testid on:click=copy>{words}</button>
        <span class="share-status" role="status">{failed}</span>
    }
}
