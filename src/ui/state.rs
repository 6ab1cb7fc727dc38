//! View state that lives in the URL's query string, so every view has a link.

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_router::hooks::query_signal_with_options;

/// The language (`?lang=en`; Vietnamese when absent).
pub fn use_lang() -> (Signal<Lang>, Memo<Option<String>>, SignalSetter<Option<String>>) {
    let (raw, set) = query_signal_with_options::<String>("lang", super::browser::full_path_nav(false));
    let lang = Signal::derive(move || raw.get().as_deref().and_then(Lang::from_key).unwrap_or_default());
    (lang, raw, set)
}
