//! What every component shares, provided once through Leptos context (as in Leptos' `router`
//! example): the dataset being shown and the interface language.

use super::state::use_lang;
use crate::i18n::Lang;
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// The language, as provided by [`WithLang`].
#[derive(Clone, Copy)]
struct LangCx(Signal<Lang>);

/// Provides the language (from `?lang=`) to everything inside the router.
#[component]
pub fn WithLang(children: Children) -> impl IntoView {
    let (lang, _, _) = use_lang();
    provide_context(LangCx(lang));
    children()
}

/// The interface language (Vietnamese outside [`WithLang`]).
pub fn lang() -> Signal<Lang> {
    use_context::<LangCx>().map(|c| c.0).unwrap_or_else(|| Signal::stored(Lang::Vi))
}

/// Provides a loaded dataset to everything rendered inside it.
#[component]
pub fn WithDataset(ds: Arc<Dataset>, children: Children) -> impl IntoView {
    provide_context(ds);
    children()
}

/// The dataset being shown (an empty one outside [`WithDataset`]).
pub fn dataset() -> Arc<Dataset> {
    use_context::<Arc<Dataset>>().unwrap_or_default()
}

/// Keeps the document's title (the browser tab's) in the interface language.
pub fn use_title(vi: &'static str, en: &'static str) {
    let lang = lang();
    Effect::new(move |_| crate::web::document().set_title(lang.get().pick(vi, en)));
}

/// Clears a message about what was on screen (a status line) whenever what `changes` reads
/// changes, not on the first run.
pub fn clear_on_change<T: Send + Sync + 'static>(message: RwSignal<Option<T>>, changes: impl Fn() + 'static) {
    Effect::new(move |prev: Option<()>| {
        changes();
        if prev.is_some() {
            message.set(None);
        }
    });
}
