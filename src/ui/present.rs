//! Presentation mode (`/present?deck=…&slide=3`): one chart per slide, large type for a projector,
//! fullscreen, stepped with the keyboard or a presentation clicker. The deck and the slide are in
//! the URL, so a reload or a link on the meeting-room computer opens the same slide.

use super::browser;
use super::chart_canvas::{ChartCanvas, Look};
use super::dataset::with_dataset;
use super::context::{dataset, lang};
use crate::chart::{self, ChartSpec};
use crate::deck::{self, Slide};
use crate::explore::{self, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::view::{slide_view, ChartView, SlideRoom};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

/// The presentation page.
#[component]
pub fn PresentPage() -> impl IntoView {
    super::context::use_title("HTX Charts — Trình chiếu", "HTX Charts — Presentation");
    view! {
        <main id="app" class="present" data-testid="present">
            {with_dataset(move || view! { <Presentation /> }.into_any())}
        </main>
    }
}

/// The slides of a deck that are valid for this dataset, and a note for each slide skipped (or
/// shown with a default in place of a bad value).
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
        // a slide whose metric or areas cannot be shown is left out; any other bad value (`top:0`)
        // falls back to its default, as in the explorer, and is said
        let keep = notices.iter().all(|n| n.param != "m" && n.param != "a");
        if keep {
            // numbered as the counter shows it
            let shown = good.len() + 1;
            for n in &notices {
                skipped.push((pos, format!("{} {shown}: {}", lang.pick("Trang", "Slide"), n.describe_on_slide(lang))));
            }
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
        let t = Look::Projector(text, avail).theme(1.0, width);
        if chart::preferred_height(spec, width, &t) <= avail {
            break;
        }
        text -= 1.0;
    }
    text
}

/// The slides of a deck that can be shown, and a note on each slide left out.
type ValidSlides = (Vec<(Slide, Selection)>, Vec<String>);

/// The slides of the deck in the URL and the current one, and a way to go to another.
#[derive(Clone, Copy)]
struct Slides {
    list: Memo<ValidSlides>,
    index: Memo<usize>,
    go: StoredValue<Box<dyn Fn(usize)>, LocalStorage>,
}

impl Slides {
    fn count(&self) -> usize {
        self.list.with(|s| s.0.len())
    }

    fn step(&self, delta: i64) {
        let n = self.list.with_untracked(|s| s.0.len()) as i64;
        if n > 0 {
            let i = (self.index.get_untracked() as i64 + delta).clamp(0, n - 1) as usize;
            self.go.with_value(|g| g(i));
        }
    }

    fn jump(&self, i: usize) {
        self.go.with_value(|g| g(i));
    }
}

fn use_slides() -> Slides {
    let (ds, lang) = (dataset(), lang());
    let query = use_query_map();
    let navigate = use_navigate();
    let location = use_location();
    let list = Memo::new(move |_| valid_slides(&ds, query.with(|q| q.get("deck")).as_deref(), lang.get()));
    let index = Memo::new(move |_| deck::slide_index(&query.with(|q| q.get("slide")).unwrap_or_default(), list.with(|s| s.0.len())));
    let go = move |i: usize| {
        let mut map: ParamsMap = query.with_untracked(|q| q.into_iter().filter(|(k, _)| k.as_ref() != "slide").map(|(k, v)| (k.to_string(), v.to_string())).collect());
        map.insert("slide", (i + 1).to_string());
        // a chart maker link's table (`#d=`) stays in the address
        navigate(&format!("{}{}{}", location.pathname.get_untracked(), map.to_query_string(), crate::web::link_data::data_hash()), browser::full_path_nav(true));
    };
    Slides { list, index, go: StoredValue::new_local(Box::new(go)) }
}

/// Keys: → PageDown Space ↓ next, ← PageUp ↑ Backspace previous, Home, End, F fullscreen.
fn slide_keys(slides: Slides) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_control = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if on_control {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " | "Spacebar" | "ArrowDown" => slides.step(1),
            "ArrowLeft" | "PageUp" | "ArrowUp" | "Backspace" => slides.step(-1),
            "Home" => slides.jump(0),
            "End" => slides.jump(slides.list.with_untracked(|s| s.0.len()).saturating_sub(1)),
            "f" | "F" => {
                let _ = browser::toggle_fullscreen();
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
}

fn viewport_size() -> (f64, f64) {
    let dim = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>, d: f64| v.ok().and_then(|v| v.as_f64()).unwrap_or(d);
    (dim(window().inner_width(), 1280.0), dim(window().inner_height(), 720.0))
}

/// The viewport's size, kept up to date.
fn use_viewport() -> RwSignal<(f64, f64)> {
    let viewport = RwSignal::new(viewport_size());
    let resize = window_event_listener(leptos::ev::resize, move |_| viewport.set(viewport_size()));
    on_cleanup(move || resize.remove());
    viewport
}

/// The height left for the slide's chart in a window `viewport_h` high, below its title, meta
/// line and notices and above its source line, as laid out now (`None` before the slide is).
fn measured_space(viewport_h: f64) -> Option<f64> {
    let doc = document();
    let wrap = doc.query_selector("figure[data-chart=slide] .chart-canvas").ok().flatten()?;
    let caption = doc.query_selector("figure[data-chart=slide] figcaption").ok().flatten()?;
    let top = wrap.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
    Some((viewport_h - top - caption.get_bounding_client_rect().height() - 24.0).max(160.0))
}

/// Texts that grow once the slide's rows are chosen (a figure with a note among them adds a line
/// to the meta line) take room from the chart: measured again after each change of the view, the
/// space only shrinks here, so the rows settle instead of going back and forth.
fn shrink_to_fit(view: Memo<Option<ChartView>>, viewport: RwSignal<(f64, f64)>, avail: RwSignal<Option<f64>>) {
    Effect::new(move |_| {
        view.track();
        request_animation_frame(move || {
            if let (Some(space), Some(a)) = (measured_space(viewport.get_untracked().1), avail.get_untracked()) {
                if space < a - 2.0 {
                    avail.set(Some(space));
                }
            }
        });
    });
}

/// The space the chart may take: measured on the page once the slide's texts are laid out (title,
/// meta line, notices, source line), so nothing falls below the screen.
fn use_chart_space(slides: Slides, viewport: RwSignal<(f64, f64)>) -> RwSignal<Option<f64>> {
    let lang = lang();
    let avail = RwSignal::new(None::<f64>);
    let measure = move || {
        let Some(space) = measured_space(viewport.get_untracked().1) else { return };
        if avail.get_untracked().is_none_or(|a| (a - space).abs() > 2.0) {
            avail.set(Some(space));
        }
    };
    Effect::new(move |_| {
        slides.index.track();
        lang.track();
        viewport.track();
        request_animation_frame(measure);
    });
    avail
}

/// The bar above the slide: counter, previous/next, fullscreen, back to the explorer.
#[component]
fn PresentBar(slides: Slides) -> impl IntoView {
    let lang = lang();
    let query = use_query_map();
    let fullscreen = RwSignal::new(false);
    let fs_listener = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"), move |_| fullscreen.set(browser::is_fullscreen()));
    on_cleanup(move || fs_listener.remove());
    let explorer_link = move || {
        let mut pairs = slides.list.with(|s| s.0.get(slides.index.get()).map(|(slide, _)| slide.clone()).unwrap_or_default());
        // the same data as the slide: a `?data=` file, a chart maker link's table
        pairs.extend(query.with(|q| q.get("data")).map(|u| ("data".to_string(), u)));
        let q = deck::to_query(&pairs);
        lang.get().link(&format!("{}{}{q}{}", browser::base_url(), if q.is_empty() { "" } else { "?" }, crate::web::link_data::data_hash()))
    };
    let counter = move || format!("{} / {}", if slides.count() == 0 { 0 } else { slides.index.get() + 1 }, slides.count());
    view! {
        <div class="present-bar">
            <span class="brand">"HTX Charts"</span>
            <button type="button" data-testid="prev" disabled=move || slides.count() < 2 aria-label=move || lang.get().pick("Trang trước", "Previous slide") on:click=move |_| slides.step(-1)>"◀"</button>
            <span class="slide-counter" data-testid="slide-counter" aria-live="polite">{counter}</span>
            <button type="button" data-testid="next" disabled=move || slides.count() < 2 aria-label=move || lang.get().pick("Trang sau", "Next slide") on:click=move |_| slides.step(1)>"▶"</button>
            <button type="button" data-testid="fullscreen" on:click=move |_| { let _ = browser::toggle_fullscreen(); }>
                {move || if fullscreen.get() { lang.get().pick("Thoát toàn màn hình (Esc)", "Exit fullscreen (Esc)") } else { lang.get().pick("Toàn màn hình (F)", "Fullscreen (F)") }}
            </button>
            <a href=explorer_link rel="external" data-testid="leave">{move || lang.get().pick("Mở trong trình khám phá", "Open in the explorer")}</a>
        </div>
    }
}

/// One slide: title, dates and unit, the chart in projector type, the source line.
#[component]
fn SlideFigure(view: Memo<Option<ChartView>>, viewport: RwSignal<(f64, f64)>, avail: RwSignal<Option<f64>>) -> impl IntoView {
    let lang = lang();
    let empty = ChartSpec::Bars(crate::chart::BarSpec { unit: crate::model::Unit::Cooperatives, tick_divisor: 1.0, rows: vec![] });
    let spec = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.spec.clone())).unwrap_or_else(|| empty.clone()));
    let figures = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.figures.clone())).unwrap_or_default());
    let title_px = Signal::derive(move || (viewport.get().1 / 24.0).clamp(22.0, 46.0));
    let look = Signal::derive(move || {
        let (w, h) = viewport.get();
        let space = avail.get().unwrap_or(h * 0.6);
        Look::Projector(spec.with(|s| fitted_text(s, (w - 64.0).max(320.0), space, (h / 28.0).clamp(16.0, 40.0))), space)
    });
    let label = Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.title.clone()).unwrap_or_default()));
    let meta = move || view.with(|v| v.as_ref().map(|v| crate::export::slide_meta(v, lang.get())));
    view! {
        <figure class="chart slide" data-chart="slide">
            <h1 class="slide-title" style=move || format!("font-size:{:.0}px", title_px.get())>{move || view.with(|v| v.as_ref().map(|v| v.title.clone()))}</h1>
            <p class="slide-meta">{meta}</p>
            <ChartCanvas spec=spec figures=figures label=label look=look described_by="summary-slide" />
            <figcaption class="source-line slide-source">
                <span class="slide-summary" id="summary-slide" data-testid="chart-summary">{move || view.with(|v| v.as_ref().map(|v| v.summary.clone()))}</span>
                {move || view.with(|v| v.as_ref().map(|v| v.source_line.clone()))}
            </figcaption>
        </figure>
    }
}

#[component]
fn Presentation() -> impl IntoView {
    let (ds, lang) = (dataset(), lang());
    let slides = use_slides();
    slide_keys(slides);
    let viewport = use_viewport();
    let avail = use_chart_space(slides, viewport);
    // a projector shows fewer rows than a screen: 15, or as many as fit in readable type,
    // unless the slide says `top:` (the room only changes when the space measured does)
    let room = Memo::new(move |_| {
        let (w, h) = viewport.get();
        avail.get().map(|space| SlideRoom { width: (w - 64.0).max(320.0), height: space, min_text: (h / 45.0).clamp(14.0, 24.0) })
    });
    let view = Memo::new(move |_| slides.list.with(|s| s.0.get(slides.index.get()).map(|(_, sel)| slide_view(&ds, sel, lang.get(), room.get()))));
    shrink_to_fit(view, viewport, avail);
    view! {
        <PresentBar slides=slides />
        {move || slides.list.with(|s| (!s.1.is_empty()).then(|| view! {
            <div class="notice warn" data-testid="deck-notice" role="status"><ul>{s.1.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul></div>
        }))}
        <Show when=move || { slides.count() != 0 } fallback=move || view! {
            <p class="notice error" role="alert">
                {move || lang.get().pick("Bộ trình chiếu trong liên kết này không có trang nào dùng được. ", "The deck in this link has no usable slide. ")}
                <a href=move || lang.get().link("./present.html") rel="external" data-testid="default-deck">
                    {move || lang.get().pick("Mở bộ trình chiếu mặc định", "Open the default deck")}
                </a>
            </p>
        }>
            <SlideFigure view=view viewport=viewport avail=avail />
        </Show>
    }
}
