//! View state that lives in the URL's query string, so every view has a link.

use crate::i18n::Lang;
use crate::model::{Metric, Unit};
use leptos::prelude::*;
use leptos_router::hooks::query_signal;

/// The language (`?lang=en`; Vietnamese when absent).
pub fn use_lang() -> (Signal<Lang>, Memo<Option<String>>, SignalSetter<Option<String>>) {
    let (raw, set) = query_signal::<String>("lang");
    let lang = Signal::derive(move || raw.get().as_deref().and_then(Lang::from_key).unwrap_or_default());
    (lang, raw, set)
}

/// A metric and unit as written in the URL: `charter_capital` or `income_per_worker.vnd_per_month`.
pub fn parse_metric(s: &str) -> Option<(Metric, Unit)> {
    let (m, u) = match s.split_once('.') {
        Some((m, u)) => (Metric::from_key(m)?, Unit::from_key(u)?),
        None => {
            let m = Metric::from_key(s)?;
            (m, m.allowed_units()[0])
        }
    };
    m.allowed_units().contains(&u).then_some((m, u))
}

/// The URL form of a metric and unit (the unit is written only when the metric has several).
pub fn metric_param(m: Metric, u: Unit) -> String {
    if m.allowed_units().len() > 1 {
        format!("{}.{}", m.key(), u.key())
    } else {
        m.key().to_string()
    }
}
