//! Drawing a chart spec on a canvas, sharply at the screen's pixel ratio, and the canvas's test
//! hooks (`data-marks`, `data-drawn`, `data-painted-at`) after each paint.

use super::{timing, window};
use crate::chart::{self, ChartSpec, Mark, Theme};
use crate::i18n::Lang;
use std::sync::atomic::{AtomicBool, Ordering};

static FIRST_PAINT: AtomicBool = AtomicBool::new(false);

/// How a canvas looks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Look {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background (embeds with theme=dark).
    Dark,
    /// Large type and strong contrast for a projector, at this base text size, in this height
    /// (see [`Theme::fit_height`]).
    Projector(f64, f64),
}

impl Look {
    /// The chart theme of this look at a pixel scale and width.
    pub fn theme(self, scale: f64, width: f64) -> Theme {
        let mut t = match self {
            Look::Light => Theme::light(scale),
            Look::Dark => Theme::dark(scale),
            Look::Projector(text, fit) => Theme::projector(scale, text, fit),
        };
        if width < 480.0 && !matches!(self, Look::Projector(..)) {
            t.text = 12.0;
        }
        t
    }
}

/// What a paint draws besides the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paint {
    /// Light, dark or projector.
    pub look: Look,
    /// The language of axis labels.
    pub lang: Lang,
    /// The key of the mark to highlight (the focused one).
    pub highlight: Option<String>,
    /// Draw the legend in the chart (the page shows none of its own).
    pub legend: bool,
}

/// Draws `spec` on a canvas `width` CSS pixels wide (its height is the chart's preferred one), and
/// returns the marks drawn.
pub fn paint(canvas: &web_sys::HtmlCanvasElement, spec: &ChartSpec, width: f64, p: Paint) -> Result<Vec<Mark>, chart::DrawError> {
    let dpr = window().device_pixel_ratio().max(1.0);
    let mut theme = p.look.theme(dpr, width);
    theme.legend = p.legend;
    theme.lang = p.lang;
    theme.highlight = p.highlight;
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

/// A number rounded to `decimals` places (0–3), as the shortest text that reads back as it (no
/// fixed-precision formatting machinery).
fn rounded(x: f64, decimals: i32) -> String {
    let f = 10f64.powi(decimals);
    format!("{}", (x * f).round() / f)
}

/// Marks the canvas as drawn (the page's test hooks) and the first chart of the page in the
/// performance timeline (`htx-first-chart`). True for the page's first chart.
pub fn after_paint(canvas: &web_sys::HtmlCanvasElement, m: &[Mark]) -> bool {
    let _ = canvas.set_attribute("data-marks", &chart::marks_json(m));
    let _ = canvas.set_attribute("data-drawn", "1");
    let _ = canvas.set_attribute("data-painted-at", &rounded(timing::now(), 1));
    if let Some(ms) = timing::painted() {
        let _ = canvas.set_attribute("data-redraw-ms", &rounded(ms, 2));
    }
    let first = !FIRST_PAINT.swap(true, Ordering::Relaxed);
    if first {
        if let Some(p) = window().performance() {
            let _ = p.mark("htx-first-chart");
        }
    }
    first
}
