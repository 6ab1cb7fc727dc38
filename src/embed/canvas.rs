//! The embed's chart canvas: drawn by the shared [`crate::web::canvas::paint`] at its container's
//! width (redrawn when it resizes), with the tooltip of the mark under the pointer, finger or
//! keyboard focus, following the shared rules ([`crate::chart::Pointer`]).

use super::{dom, Page};
use crate::chart::{ChartSpec, Focus, KeyAction, Mark, Pointer};
use crate::i18n::Lang;
use crate::view::Figure;
use crate::web::canvas::{after_paint, paint, Look, Paint};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A drawn chart and what the reader points at.
struct Chart {
    spec: ChartSpec,
    figures: Vec<Figure>,
    lang: Lang,
    look: Look,
    width: f64,
    marks: Vec<Mark>,
    focus: Option<Focus>,
    canvas: web_sys::HtmlCanvasElement,
    wrap: web_sys::Element,
    announcer: web_sys::Element,
    /// "Drawing…" until the first paint, then the drawing error if there is one.
    status: web_sys::Element,
}

type Shared = Rc<RefCell<Chart>>;

impl Chart {
    fn pointer(&self) -> Pointer<'_> {
        Pointer { marks: &self.marks, focus: self.focus.as_ref() }
    }

    /// Draws at the current width, highlighting the focused mark.
    fn draw(&mut self) {
        if self.width < 10.0 {
            return;
        }
        let highlight = self.focus.as_ref().map(|f| f.mark.key.clone());
        match paint(&self.canvas, &self.spec, self.width, Paint { look: self.look, lang: self.lang, highlight, legend: true }) {
            Ok(m) => {
                after_paint(&self.canvas, &m);
                self.marks = m;
                self.status.remove();
            }
            Err(e) => {
                self.status.set_class_name("notice error");
                dom::attrs(&self.status, &[("role", "alert")]);
                self.status.set_text_content(Some(&e.to_string()));
            }
        }
    }

    /// Moves the focus: redraws when the highlighted mark changes, and shows its tooltip.
    fn set_focus(&mut self, next: Option<Focus>) {
        let key = |f: &Option<Focus>| f.as_ref().map(|f| f.mark.key.clone());
        let redraw = key(&self.focus) != key(&next);
        self.focus = next;
        if redraw {
            self.draw();
        }
        if let Some(old) = self.wrap.query_selector(".tooltip").ok().flatten() {
            old.remove();
        }
        let spoken = self.focus.as_ref().and_then(|f| f.spoken(&self.figures));
        self.announcer.set_text_content(spoken.as_deref());
        let Some(f) = &self.focus else { return };
        let Some(figure) = f.figure(&self.figures) else { return };
        let (left, top) = f.tooltip_at(self.width);
        let tip = dom::el("div", "tooltip");
        dom::attrs(&tip, &[("role", "tooltip"), ("data-testid", "tooltip"), ("style", &format!("left:{left}px;top:{top}px"))]);
        tip.set_inner_html(&crate::markup::tooltip(figure, self.lang, &crate::web::link_data::sources_page(self.lang)));
        let _ = self.wrap.insert_before(&tip, Some(&self.announcer));
        crate::web::page::keep_tooltip_on_screen(&self.wrap, f.x, f.y);
    }
}

/// Puts the chart's canvas in `wrap` (a `div.chart-canvas` in the page), draws it and wires the
/// pointer, keyboard and resize events.
pub fn start(wrap: &web_sys::Element, spec: ChartSpec, figures: Vec<Figure>, label: &str, page: &Page) {
    let canvas: web_sys::HtmlCanvasElement = dom::el("canvas", "").unchecked_into();
    dom::attrs(&canvas, &[("tabindex", "0"), ("role", "img"), ("aria-label", label), ("aria-describedby", "summary-embed")]);
    let announcer = dom::el("p", "visually-hidden");
    dom::attrs(&announcer, &[("aria-live", "polite"), ("data-testid", "mark-announcer")]);
    let status = dom::text("p", "status", page.lang.pick("Đang vẽ…", "Drawing…"));
    dom::append(wrap, &[&canvas, &announcer, &status]);
    let look = if page.dark { Look::Dark } else { Look::Light };
    let width = wrap.client_width() as f64;
    let chart = Chart { spec, figures, lang: page.lang, look, width, marks: Vec::new(), focus: None, canvas, wrap: wrap.clone(), announcer, status };
    let st: Shared = Rc::new(RefCell::new(chart));
    st.borrow_mut().draw();
    wire(&st);
}

/// Pointer, keyboard, focus and resize events.
fn wire(st: &Shared) {
    let (canvas, wrap) = { let c = st.borrow(); (c.canvas.clone(), c.wrap.clone()) };
    let offset = |ev: &web_sys::Event| ev.dyn_ref::<web_sys::MouseEvent>().map(|m| (m.offset_x() as f64, m.offset_y() as f64)).unwrap_or_default();
    let s = st.clone();
    dom::on(&canvas, "pointermove", move |ev| {
        if ev.dyn_ref::<web_sys::PointerEvent>().is_some_and(|p| p.pointer_type() == "touch") {
            return;
        }
        let (x, y) = offset(&ev);
        let next = s.borrow().pointer().moved(x, y);
        if let Some(next) = next {
            s.borrow_mut().set_focus(next);
        }
    });
    let s = st.clone();
    dom::on(&canvas, "pointerdown", move |ev| {
        let (x, y) = offset(&ev);
        let (next, _) = s.borrow().pointer().pressed(x, y);
        s.borrow_mut().set_focus(next);
    });
    let s = st.clone();
    dom::on(&canvas, "keydown", move |ev| {
        let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()).unwrap_or_default();
        let action = s.borrow().pointer().key(&key);
        if let KeyAction::Move(f) = action {
            ev.prevent_default();
            s.borrow_mut().set_focus(Some(f));
        }
    });
    let s = st.clone();
    dom::on(&canvas, "focus", move |_| {
        let entered = s.borrow().pointer().entered();
        if entered.is_some() {
            s.borrow_mut().set_focus(entered);
        }
    });
    let s = st.clone();
    let inside = wrap.clone();
    dom::on(&canvas, "blur", move |ev| {
        // keep the tooltip when the focus moves into it (its source link)
        let to = ev.dyn_ref::<web_sys::FocusEvent>().and_then(|f| f.related_target()).and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !to.is_some_and(|n| inside.contains(Some(&n))) {
            s.borrow_mut().set_focus(None);
        }
    });
    let s = st.clone();
    dom::on(&wrap, "pointerleave", move |_| {
        let pinned = s.borrow().pointer().pinned();
        if !pinned {
            s.borrow_mut().set_focus(None);
        }
    });
    let s = st.clone();
    dom::on(&crate::web::window(), "keydown", move |ev| {
        if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            s.borrow_mut().set_focus(None);
        }
    });
    let s = st.clone();
    dom::on_resize(&wrap, move || {
        let mut c = s.borrow_mut();
        let w = c.wrap.client_width() as f64;
        if (w - c.width).abs() >= 1.0 {
            c.width = w;
            c.draw();
        }
    });
}
