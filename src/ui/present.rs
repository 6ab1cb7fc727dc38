//! Presentation mode (`/present?deck=…&slide=3`): one chart per slide, large type for a projector,
//! fullscreen, stepped with the keyboard or a presentation clicker. The deck and the slide are in
//! the URL, so a reload or a link on the meeting-room computer opens the same slide.

use super::browser;
use super::chart_canvas::{ChartCanvas, Look};
use super::dataset::with_dataset;
use super::state::use_lang;
use crate::chart::{self, ChartSpec};
use crate::deck::{self, Slide};
use crate::explore::{self, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The presentation page.
#[component]
pub fn PresentPage() -> impl IntoView {
    let (lang, _, _) = use_lang();
    view! {
        <main id="app" class="present" data-testid="present">
            {with_dataset(move |ds| view! { <Presentation ds=ds lang=lang /> }.into_any())}
        </main>
    }
}

/// The slides of a deck that are valid for this dataset, and a note for each slide skipped.
fn valid_slides(ds: &Dataset, deck_param: Option<&str>, lang: Lang) -> (Vec<(Slide, Selection)>, Vec<String>) {
    let (deck, problems) = match deck_param {
        Some(s) => deck::decode(s),
        None => (deck::default_deck(), Vec::new()),
    };
    // positions in the link of the slides that parsed (the others are in `problems`)
    let bad: Vec<usize> = problems.iter().map(|p| p.index).collect();
    let positions = (1..).filter(|i| !bad.contains(i));
    let mut skipped: Vec<(usize, String)> = problems.iter().map(|p| (p.index, p.describe(lang))).collect();
    let mut good = Vec::new();
    for (s, pos) in deck.slides.iter().zip(positions) {
        let (sel, notices) = explore::from_query(s, ds);
        if notices.is_empty() {
            good.push((s.clone(), sel));
        } else {
            let what = notices
                .iter()
                .map(|n| format!("{}=“{}”", n.param, crate::load::truncate_pub(&n.value)))
                .collect::<Vec<_>>()
                .join(", ");
            skipped.push((
                pos,
                match lang {
                    Lang::Vi => format!("Bỏ qua trang {pos}: {what} không dùng được với dữ liệu này."),
                    Lang::En => format!("Skipped slide {pos}: {what} cannot be used with this data."),
                },
            ));
        }
    }
    skipped.sort_by_key(|s| s.0);
    (good, skipped.into_iter().map(|s| s.1).collect())
}

/// The largest text size (11 px up to `max`) at which the chart fits the space left on the screen.
fn fitted_text(spec: &ChartSpec, width: f64, avail: f64, max: f64) -> f64 {
    let mut text = max;
    while text > 11.0 {
        let t = Look::Projector(text).theme(1.0, width);
        if chart::preferred_height(spec, width, &t) <= avail {
            break;
        }
        text -= 1.0;
    }
    text
}

#[component]
fn Presentation(ds: Arc<Dataset>, lang: Signal<Lang>) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let location = use_location();
    let d = ds.clone();
    let slides = Memo::new(move |_| {
        let param = query.with(|q| q.get("deck"));
        valid_slides(&d, param.as_deref(), lang.get())
    });
    let count = move || slides.with(|s| s.0.len());
    let index = Memo::new(move |_| {
        let n = slides.with(|s| s.0.len());
        deck::slide_index(&query.with(|q| q.get("slide")).unwrap_or_default(), n)
    });
    let go = StoredValue::new_local(move |i: usize| {
        let mut map: ParamsMap = query.with_untracked(|q| q.into_iter().filter(|(k, _)| k.as_ref() != "slide").map(|(k, v)| (k.to_string(), v.to_string())).collect());
        map.insert("slide", (i + 1).to_string());
        navigate(&format!("{}{}", location.pathname.get_untracked(), map.to_query_string()), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    let step = move |delta: i64| {
        let n = slides.with_untracked(|s| s.0.len()) as i64;
        if n == 0 {
            return;
        }
        let i = (index.get_untracked() as i64 + delta).clamp(0, n - 1) as usize;
        go.with_value(|g| g(i));
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let target_is_control = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if target_is_control {
            return;
        }
        let handled = match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " | "Spacebar" | "ArrowDown" => {
                step(1);
                true
            }
            "ArrowLeft" | "PageUp" | "ArrowUp" | "Backspace" => {
                step(-1);
                true
            }
            "Home" => {
                go.with_value(|g| g(0));
                true
            }
            "End" => {
                let n = slides.with_untracked(|s| s.0.len());
                go.with_value(|g| g(n.saturating_sub(1)));
                true
            }
            "f" | "F" => {
                let _ = browser::toggle_fullscreen();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    // The viewport, for type sizes that fit the screen.
    let viewport = RwSignal::new((window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1280.0), window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(720.0)));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        viewport.set((window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1280.0), window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(720.0)));
    });
    on_cleanup(move || resize.remove());
    let fullscreen = RwSignal::new(false);
    let fs_listener = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"), move |_| fullscreen.set(browser::is_fullscreen()));
    on_cleanup(move || fs_listener.remove());

    let d = ds.clone();
    let view = Memo::new(move |_| {
        let i = index.get();
        slides.with(|s| s.0.get(i).map(|(_, sel)| explore::build(&d, sel, lang.get())))
    });
    let spec = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.chart.spec.clone())).unwrap_or(ChartSpec::Bars(crate::chart::BarSpec { unit: crate::model::Unit::Cooperatives, tick_divisor: 1.0, rows: vec![] })));
    let title_px = Signal::derive(move || (viewport.get().1 / 24.0).clamp(22.0, 46.0));
    // The space the chart may take: measured on the page once the slide's texts are laid out
    // (title, meta line, notices, source line), so nothing falls below the screen.
    let avail = RwSignal::new(None::<f64>);
    let measure = move || {
        let doc = document();
        let (Some(wrap), Some(caption)) = (
            doc.query_selector("figure[data-chart=slide] .chart-canvas").ok().flatten(),
            doc.query_selector("figure[data-chart=slide] figcaption").ok().flatten(),
        ) else {
            return;
        };
        let h = viewport.get_untracked().1;
        let top = wrap.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        let caption_h = caption.get_bounding_client_rect().height();
        let space = (h - top - caption_h - 24.0).max(160.0);
        if avail.get_untracked().is_none_or(|a| (a - space).abs() > 2.0) {
            avail.set(Some(space));
        }
    };
    Effect::new(move |_| {
        // re-measure when the slide, the language or the screen changes
        index.track();
        lang.track();
        viewport.track();
        request_animation_frame(measure);
    });
    let look = Signal::derive(move || {
        let (w, h) = viewport.get();
        let chart_w = (w - 64.0).max(320.0);
        let max = (h / 28.0).clamp(16.0, 40.0);
        let space = avail.get().unwrap_or(h * 0.6);
        Look::Projector(spec.with(|s| fitted_text(s, chart_w, space, max)))
    });
    let label = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.chart.title.clone()).unwrap_or_default()));
    let derived = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.derived.clone()).unwrap_or_default()));
    let explorer_link = move || {
        let q = slides.with(|s| s.0.get(index.get()).map(|(slide, _)| deck::to_query(slide)).unwrap_or_default());
        format!("{}{}{q}", browser::base_url(), if q.is_empty() { "" } else { "?" })
    };
    let ds2 = StoredValue::new(ds.clone());
    let ds3 = StoredValue::new(ds.clone());

    view! {
        <div class="present-bar">
            <span class="brand">"HTX Charts"</span>
            <button type="button" data-testid="prev" aria-label=move || lang.get().pick("Trang trước", "Previous slide") on:click=move |_| step(-1)>"◀"</button>
            <span class="slide-counter" data-testid="slide-counter" aria-live="polite">{move || format!("{} / {}", if count() == 0 { 0 } else { index.get() + 1 }, count())}</span>
            <button type="button" data-testid="next" aria-label=move || lang.get().pick("Trang sau", "Next slide") on:click=move |_| step(1)>"▶"</button>
            <button type="button" data-testid="fullscreen" on:click=move |_| { let _ = browser::toggle_fullscreen(); }>
                {move || if fullscreen.get() { lang.get().pick("Thoát toàn màn hình (Esc)", "Exit fullscreen (Esc)") } else { lang.get().pick("Toàn màn hình (F)", "Fullscreen (F)") }}
            </button>
            <a href=explorer_link data-testid="leave">{move || lang.get().pick("Mở trong trình khám phá", "Open in the explorer")}</a>
        </div>
        {move || slides.with(|s| (!s.1.is_empty()).then(|| view! {
            <div class="notice warn" data-testid="deck-notice" role="status"><ul>{s.1.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul></div>
        }))}
        <Show when=move || { count() != 0 } fallback=move || view! {
            <p class="notice error" role="alert">{move || lang.get().pick("Bộ trình chiếu không có trang nào dùng được.", "The deck has no usable slide.")}</p>
        }>
            <figure class="chart slide" data-chart="slide">
                <h1 class="slide-title" style=move || format!("font-size:{:.0}px", title_px.get())>{move || view.with(|v| v.as_ref().map(|v| v.chart.title.clone()))}</h1>
                <p class="slide-meta">{move || view.with(|v| v.as_ref().map(|v| {
                    let mut parts = vec![ds3.with_value(|d| crate::export::dates_line(&v.chart, d, lang.get())), v.chart.unit_line.clone()];
                    parts.extend(v.chart.caveats.first().cloned());
                    parts.join(" · ")
                }))}</p>
                <ChartCanvas spec=spec ds=ds2.get_value() lang=lang label=label derived=derived look=look />
                <figcaption class="source-line slide-source">{move || view.with(|v| v.as_ref().map(|v| v.chart.source_line.clone()))}</figcaption>
            </figure>
        </Show>
    }
}
