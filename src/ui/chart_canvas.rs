//! The chart canvas: draws a spec sharply at the screen's pixel ratio, redraws when its container
//! resizes, and shows the tooltip of the mark under the pointer, finger or keyboard focus.

use super::tooltip::TooltipBox;
use crate::chart::{self, ChartSpec, Mark, Theme};
use crate::i18n::Lang;
use crate::view::Figure;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

static FIRST_PAINT: AtomicBool = AtomicBool::new(false);

/// What the pointer or keyboard is on.
#[derive(Clone, Debug, PartialEq)]
struct Focus {
    mark: Mark,
    x: f64,
    y: f64,
    pinned: bool,
}

/// How a canvas looks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Look {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background (embeds with theme=dark).
    Dark,
    /// Large type and strong contrast for a projector, at this base text size.
    Projector(f64),
}

impl Look {
    /// The chart theme of this look at a pixel scale and width.
    pub fn theme(self, scale: f64, width: f64) -> Theme {
        let mut t = match self {
            Look::Light => Theme::light(scale),
            Look::Dark => Theme::dark(scale),
            Look::Projector(text) => {
                let mut t = Theme::light(scale);
                t.text = text;
                t.row_factor = 1.6;
                t.ink = plotters::style::RGBColor(0, 0, 0);
                t.muted = plotters::style::RGBColor(40, 40, 40);
                t.grid = plotters::style::RGBColor(200, 203, 208);
                t
            }
        };
        if width < 480.0 && !matches!(self, Look::Projector(_)) {
            t.text = 12.0;
        }
        t
    }
}

/// Draws `spec` on a canvas the width of its container.
fn paint(canvas: &web_sys::HtmlCanvasElement, spec: &ChartSpec, width: f64, highlight: Option<String>, lang: Lang, look: Look, legend: bool) -> Result<Vec<Mark>, chart::DrawError> {
    let dpr = window().device_pixel_ratio().max(1.0);
    let mut theme = look.theme(dpr, width);
    theme.legend = legend;
    theme.lang = lang;
    theme.highlight = highlight;
    let height = chart::preferred_height(spec, width, &theme).ceil();
    canvas.set_width((width * dpr).round() as u32);
    canvas.set_height((height * dpr).round() as u32);
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| chart::DrawError("canvas 2D context unavailable".into()))?;
    use plotters::prelude::IntoDrawingArea;
    let area = backend.into_drawing_area();
    let marks = chart::draw(&area, spec, &theme)?;
    area.present()?;
    Ok(marks)
}

fn marks_json(marks: &[Mark]) -> String {
    let v: Vec<serde_json::Value> = marks
        .iter()
        .map(|m| {
            serde_json::json!({"key": m.key, "label": m.label, "record": m.record,
                "x": m.shape.x, "y": m.shape.y, "w": m.shape.w, "h": m.shape.h,
                "hx": m.hit.x, "hy": m.hit.y, "hw": m.hit.w, "hh": m.hit.h})
        })
        .collect();
    serde_json::to_string(&v).unwrap_or_default()
}

/// Follows the width of an element (a ResizeObserver), in CSS pixels.
fn use_width(wrap_ref: NodeRef<html::Div>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0f64);
    Effect::new(move |observer: Option<Option<SendWrapper<web_sys::ResizeObserver>>>| {
        if let Some(Some(o)) = observer {
            return Some(o);
        }
        let div = wrap_ref.get()?;
        width.set(div.client_width() as f64);
        let target = div.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let w = target.client_width() as f64;
            if (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        });
        let ro = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
        ro.observe(&div);
        cb.forget();
        let keep = SendWrapper::new(ro.clone());
        on_cleanup(move || keep.disconnect());
        Some(SendWrapper::new(ro))
    });
    width
}

/// Marks the canvas as drawn (the page's test hooks) and the first chart in the performance timeline.
fn after_paint(canvas: &web_sys::HtmlCanvasElement, m: &[Mark]) {
    let _ = canvas.set_attribute("data-marks", &marks_json(m));
    let _ = canvas.set_attribute("data-drawn", "1");
    let _ = canvas.set_attribute("data-painted-at", &format!("{:.1}", super::timing::now()));
    if let Some(ms) = super::timing::painted() {
        let _ = canvas.set_attribute("data-redraw-ms", &format!("{ms:.2}"));
    }
    if !FIRST_PAINT.swap(true, Ordering::Relaxed) {
        super::static_view::reveal();
        if let Some(p) = window().performance() {
            let _ = p.mark("htx-first-chart");
        }
    }
}

/// The mark a key moves the focus to, from the current one (of `n`).
fn next_index(key: &str, current: Option<usize>, n: usize) -> Option<usize> {
    match key {
        "ArrowDown" | "ArrowRight" => Some(current.map_or(0, |i| (i + 1).min(n - 1))),
        "ArrowUp" | "ArrowLeft" => Some(current.map_or(0, |i| i.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// Focus on a mark, as the keyboard puts it: pinned, at the mark's end.
fn keyboard_focus(mark: Mark) -> Focus {
    let (_, y) = mark.shape.centre();
    Focus { x: mark.shape.x + mark.shape.w, y, mark, pinned: true }
}

/// Esc closes the tooltip.
fn close_on_escape(focus: RwSignal<Option<Focus>>) {
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            focus.set(None);
        }
    });
    on_cleanup(move || esc.remove());
}

/// What a screen reader hears when the keyboard moves to a mark: "Lạng Sơn: 478 HTX (2023)".
fn spoken(focus: RwSignal<Option<Focus>>, figures: Signal<Vec<Figure>>) -> Option<String> {
    let f = focus.get().filter(|f| f.pinned)?;
    Some(figures.with(|fs| match fs.iter().find(|x| x.key == f.mark.key) {
        Some(x) => format!("{}: {} ({})", f.mark.label, x.value_text, x.date),
        None => f.mark.label.clone(),
    }))
}

/// The marks drawn and the one the pointer or keyboard is on.
#[derive(Clone, Copy)]
struct Interaction {
    marks: RwSignal<Vec<Mark>>,
    focus: RwSignal<Option<Focus>>,
    on_select: Option<Callback<String>>,
}

impl Interaction {
    fn at(&self, x: f64, y: f64) -> Option<Mark> {
        self.marks.with(|ms| chart::hit(ms, x, y).cloned())
    }

    fn pinned(&self) -> bool {
        self.focus.with(|f| f.as_ref().is_some_and(|f| f.pinned))
    }

    fn on_move(&self, ev: web_sys::PointerEvent) {
        if ev.pointer_type() == "touch" || self.pinned() {
            return;
        }
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let next = self.at(x, y).map(|mark| Focus { mark, x, y, pinned: false });
        if self.focus.with(|f| f.as_ref().map(|f| &f.mark.key) != next.as_ref().map(|n| &n.mark.key)) || next.is_some() {
            self.focus.set(next);
        }
    }

    fn on_down(&self, ev: web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let Some(mark) = self.at(x, y) else { return self.focus.set(None) };
        if let Some(cb) = self.on_select {
            cb.run(mark.key.clone());
        }
        let same = self.focus.with(|f| f.as_ref().is_some_and(|f| f.pinned && f.mark.key == mark.key));
        self.focus.set(if same { None } else { Some(Focus { mark, x, y, pinned: true }) });
    }

    /// Tab into the canvas, arrows move between marks, Enter selects.
    fn on_key(&self, ev: web_sys::KeyboardEvent) {
        let n = self.marks.with(|m| m.len());
        if n == 0 {
            return;
        }
        if ev.key() == "Enter" {
            if let (Some(cb), Some(key)) = (self.on_select, self.focus.with(|f| f.as_ref().map(|f| f.mark.key.clone()))) {
                cb.run(key);
            }
            return;
        }
        let current = self.focus.with(|f| f.as_ref().and_then(|f| self.marks.with(|m| m.iter().position(|x| x.key == f.mark.key))));
        if let Some(i) = next_index(&ev.key(), current, n) {
            ev.prevent_default();
            self.focus.set(Some(keyboard_focus(self.marks.with(|m| m[i].clone()))));
        }
    }

    fn on_focus(&self) {
        if self.focus.with(|f| f.is_none()) {
            if let Some(mark) = self.marks.with(|m| m.first().cloned()) {
                self.focus.set(Some(keyboard_focus(mark)));
            }
        }
    }
}

/// The canvas of one chart, with its tooltip (the figure of the mark under the pointer, finger or
/// keyboard focus, as the view model states it).
#[component]
pub fn ChartCanvas(
    spec: Signal<ChartSpec>,
    /// The figures of the view, for tooltips (by mark key).
    figures: Signal<Vec<Figure>>,
    #[prop(into)] label: Signal<String>,
    /// Called with a mark's key when it is clicked or chosen with Enter.
    #[prop(optional)]
    on_select: Option<Callback<String>>,
    /// Light, dark or projector.
    #[prop(optional, into)]
    look: Option<Signal<Look>>,
    /// The page shows its own legend: don't draw one in the chart.
    #[prop(optional)]
    html_legend: bool,
    /// The id of the element that describes the chart in words (its written summary).
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let lang = super::context::lang();
    let look = look.unwrap_or_else(|| Signal::stored(Look::Light));
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = use_width(wrap_ref);
    let marks = RwSignal::new(Vec::<Mark>::new());
    let focus = RwSignal::new(None::<Focus>);
    let error = RwSignal::new(None::<String>);
    let drawn = RwSignal::new(false);

    // Draw whenever the spec, the width, the language or the focused mark changes.
    Effect::new(move |_| {
        let w = width.get();
        let highlight = focus.with(|f| f.as_ref().map(|f| f.mark.key.clone()));
        let (lang, look) = (lang.get(), look.get());
        let Some(canvas) = canvas_ref.get() else { return };
        if w < 10.0 {
            return;
        }
        spec.with(|s| match paint(&canvas, s, w, highlight, lang, look, !html_legend) {
            Ok(m) => {
                after_paint(&canvas, &m);
                marks.set(m);
                error.set(None);
                drawn.set(true);
            }
            Err(e) => error.set(Some(e.to_string())),
        });
    });
    close_on_escape(focus);

    let st = Interaction { marks, focus, on_select };
    let on_blur = move |ev: web_sys::FocusEvent| {
        // Keep the tooltip when focus moves into it (its source link).
        let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|n| wrap_ref.get_untracked().is_some_and(|w| w.contains(Some(&n))));
        if !inside {
            focus.set(None);
        }
    };
    let spoken = move || spoken(focus, figures);
    let tip = move || {
        let f = focus.get()?;
        let left = (f.x + 14.0).min((width.get() - 300.0).max(0.0));
        let figure = figures.with(|fs| fs.iter().find(|x| x.key == f.mark.key).cloned())?;
        Some(view! { <TooltipBox figure=figure left=left top=f.y + 14.0 /> })
    };

    view! {
        <div class="chart-canvas" node_ref=wrap_ref on:pointerleave=move |_| if !st.pinned() { focus.set(None) }>
            <canvas node_ref=canvas_ref tabindex="0" role="img" aria-label=move || label.get() aria-describedby=described_by
                on:pointermove=move |ev| st.on_move(ev) on:pointerdown=move |ev| st.on_down(ev) on:keydown=move |ev| st.on_key(ev)
                on:focus=move |_| st.on_focus() on:blur=on_blur></canvas>
            {tip}
            <p class="visually-hidden" aria-live="polite" data-testid="mark-announcer">{spoken}</p>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {move || (!drawn.get()).then(|| view! { <p class="status">{move || lang.get().pick("Đang vẽ…", "Drawing…")}</p> })}
        </div>
    }
}
