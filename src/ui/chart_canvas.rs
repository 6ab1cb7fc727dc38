//! The chart canvas: draws a spec sharply at the screen's pixel ratio, redraws when its container
//! resizes, and shows the tooltip of the mark under the pointer, finger or keyboard focus.

use super::tooltip::TooltipBox;
use crate::chart::{ChartSpec, Focus, KeyAction, Mark, Pointer};
use crate::i18n::Lang;
use crate::view::Figure;
use crate::web::canvas::{after_paint, paint, Paint};
pub use crate::web::canvas::Look;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Esc closes the tooltip.
fn close_on_escape(focus: RwSignal<Option<Focus>>) {
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            focus.set(None);
        }
    });
    on_cleanup(move || esc.remove());
}

/// The marks drawn and the one the pointer or keyboard is on.
#[derive(Clone, Copy)]
struct Interaction {
    marks: RwSignal<Vec<Mark>>,
    focus: RwSignal<Option<Focus>>,
    on_select: Option<Callback<String>>,
    wrap: NodeRef<html::Div>,
    /// A finger is down on the chart: when it lifts without scrolling, the tooltip is shown.
    tap: StoredValue<bool>,
}

impl Interaction {
    /// Runs `f` on the pure rules ([`Pointer`]) over the current marks and focus.
    fn with<T>(&self, f: impl FnOnce(Pointer) -> T) -> T {
        self.marks.with(|marks| self.focus.with(|focus| f(Pointer { marks, focus: focus.as_ref() })))
    }

    fn pinned(&self) -> bool {
        self.with(|p| p.pinned())
    }

    fn on_move(&self, ev: web_sys::PointerEvent) {
        if ev.pointer_type() == "touch" {
            return;
        }
        if let Some(next) = self.with(|p| p.moved(ev.offset_x() as f64, ev.offset_y() as f64)) {
            self.focus.set(next);
        }
    }

    fn on_down(&self, ev: web_sys::PointerEvent) {
        let (next, pressed) = self.with(|p| p.pressed(ev.offset_x() as f64, ev.offset_y() as f64));
        if let (Some(cb), Some(key)) = (self.on_select, pressed) {
            cb.run(key);
        }
        self.focus.set(next);
        self.tap.set_value(ev.pointer_type() == "touch");
    }

    /// A tap ends: its tooltip scrolled into view (not on `pointerdown`, where a scroll of the
    /// page would fight the finger's own; a finger that scrolls gets `pointercancel`).
    fn on_up(&self) {
        if self.tap.get_value() {
            self.tap.set_value(false);
            self.reveal_tooltip();
        }
    }

    /// Scrolls the page, if needed, so that the tooltip of the focused mark is on screen (after
    /// a tap on a phone, or a key that moved to a mark out of view).
    fn reveal_tooltip(&self) {
        let wrap = self.wrap;
        request_animation_frame(move || {
            let Some(tip) = wrap.get_untracked().and_then(|w| w.query_selector(".tooltip").ok().flatten()) else { return };
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
            tip.scroll_into_view_with_scroll_into_view_options(&opts);
        });
    }

    /// Tab into the canvas, arrows move between marks, Enter selects.
    fn on_key(&self, ev: web_sys::KeyboardEvent) {
        match self.with(|p| p.key(&ev.key())) {
            KeyAction::Ignored => {}
            KeyAction::Choose(key) => {
                if let Some(cb) = self.on_select {
                    cb.run(key);
                }
            }
            KeyAction::Move(f) => {
                ev.prevent_default();
                self.focus.set(Some(f));
                self.reveal_tooltip();
            }
        }
    }

    fn on_focus(&self, canvas: NodeRef<html::Canvas>) {
        if let Some(f) = self.with(|p| p.entered()) {
            self.focus.set(Some(f));
        }
        // once the browser has scrolled the canvas into view
        request_animation_frame(move || {
            if let Some(c) = canvas.get_untracked() {
                crate::web::page::keep_title_on_focus(&c);
            }
        });
    }
}

/// A tall tooltip near the bottom of the window goes above its mark (once it is laid out).
fn keep_tip_on_screen(focus: RwSignal<Option<Focus>>, wrap: NodeRef<html::Div>) {
    Effect::new(move |_| {
        let Some((x, y)) = focus.with(|f| f.as_ref().map(|f| (f.x, f.y))) else { return };
        request_animation_frame(move || {
            if let Some(w) = wrap.get_untracked() {
                crate::web::page::keep_tooltip_on_screen(&w, x, y);
            }
        });
    });
}

/// The tooltip's last line on a map whose tiles open their area (see `chart_figure`): what a
/// click or a second tap does.
fn tile_hint(selects: bool, spec: &ChartSpec, area: &str, lang: Lang) -> Option<String> {
    (selects && matches!(spec, ChartSpec::Map(_))).then(|| match lang {
        Lang::Vi => format!("Bấm vào ô này để xem riêng {area}."),
        Lang::En => format!("Click or tap this tile to see {area} on its own."),
    })
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
        let Some(canvas) = canvas_ref.get().filter(|_| w >= 10.0) else { return };
        spec.with(|s| match paint(&canvas, s, w, Paint { look, lang, highlight, legend: !html_legend }) {
            Ok(m) => {
                if after_paint(&canvas, &m) {
                    super::static_view::reveal();
                }
                marks.set(m);
                error.set(None);
                drawn.set(true);
            }
            Err(e) => error.set(Some(e.to_string())),
        });
    });
    close_on_escape(focus);
    keep_tip_on_screen(focus, wrap_ref);

    let st = Interaction { marks, focus, on_select, wrap: wrap_ref, tap: StoredValue::new(false) };
    let on_blur = move |ev: web_sys::FocusEvent| {
        // Keep the tooltip when focus moves into it (its source link).
        let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|n| wrap_ref.get_untracked().is_some_and(|w| w.contains(Some(&n))));
        if !inside {
            focus.set(None);
        }
    };
    let spoken = move || focus.with(|f| f.as_ref().and_then(|f| figures.with(|fs| f.spoken(fs))));
    let tip = move || {
        let f = focus.get()?;
        let (left, top) = f.tooltip_at(width.get());
        let figure = figures.with(|fs| f.figure(fs).cloned())?;
        let hint = spec.with(|s| tile_hint(on_select.is_some(), s, &figure.area, lang.get()));
        Some(view! { <TooltipBox figure=figure left=left top=top hint=hint /> })
    };

    view! {
        <div class="chart-canvas" node_ref=wrap_ref on:pointerleave=move |_| if !st.pinned() { focus.set(None) }>
            <canvas node_ref=canvas_ref tabindex="0" role="img" aria-label=move || label.get() aria-describedby=described_by
                on:pointermove=move |ev| st.on_move(ev) on:pointerdown=move |ev| st.on_down(ev)
                on:pointerup=move |_| st.on_up() on:pointercancel=move |_| st.tap.set_value(false) on:keydown=move |ev| st.on_key(ev)
                on:focus=move |_| st.on_focus(canvas_ref) on:blur=on_blur></canvas>
            {tip}
            <p class="visually-hidden" aria-live="polite" data-testid="mark-announcer">{spoken}</p>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {move || (!drawn.get()).then(|| view! { <p class="status">{move || lang.get().pick("Đang vẽ…", "Drawing…")}</p> })}
        </div>
    }
}
