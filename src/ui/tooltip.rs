//! The tooltip box of one figure, positioned inside the chart's wrapper; its content is the
//! shared markup ([`crate::markup::tooltip`]).

use crate::view::Figure;
use leptos::prelude::*;

/// A tooltip box positioned inside the chart's wrapper; `hint`, a last line saying what a click
/// on the mark does.
#[component]
pub fn TooltipBox(figure: Figure, left: f64, top: f64, #[prop(default = None)] hint: Option<String>) -> impl IntoView {
    let lang = super::context::lang().get_untracked();
    let html = crate::markup::tooltip(&figure, lang, &crate::web::link_data::sources_page(lang));
    let style = format!("left:{left}px;top:{top}px");
    let hint = hint.map(|h| view! { <p class="tt-hint" data-testid="tooltip-hint">{h}</p> });
    view! { <div class="tooltip" role="tooltip" data-testid="tooltip" style=style><div inner_html=html></div>{hint}</div> }
}
