//! The legend of a stacked or line chart, as buttons: a click hides or shows a series.

use crate::chart::Theme;
use crate::view::LegendItem;
use leptos::prelude::*;

fn css_colour(i: usize) -> String {
    let c = Theme::light(1.0).series_colour(i);
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// The legend; nothing when the chart has none.
#[component]
pub fn ChartLegend(items: Signal<Vec<LegendItem>>, on_toggle: Callback<String>) -> impl IntoView {
    let lang = super::context::lang();
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            view! {
                <div class="legend" data-testid="legend" role="group" aria-label=move || lang.get().pick("Chú giải (bấm để ẩn/hiện)", "Legend (click to hide/show)")>
                    {items.into_iter().map(|it| {
                        let key = it.key.clone();
                        view! {
                            <button type="button" class="legend-item" data-key=it.key.clone() aria-pressed=(!it.hidden).to_string() on:click=move |_| on_toggle.run(key.clone())>
                                <span class="swatch" style=format!("background:{}", css_colour(it.colour))></span>
                                {it.label.clone()}
                            </button>
                        }
                    }).collect_view()}
                </div>
            }
        })
    }
}
