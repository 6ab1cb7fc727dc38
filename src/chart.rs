//! Chart specs, layout and drawing, generic over plotters' [`DrawingBackend`].
//!
//! The same functions draw on the browser canvas, into SVG for downloads, and into SVG strings in
//! native snapshot tests. Each returns the [`Mark`]s it drew, in logical pixels, for hit-testing.

mod bars;
mod focus;
mod scale;
mod series;
mod spec;
mod stacked;
mod theme;
pub mod tilemap;

pub use focus::{beside, marks_json, next_index, Focus, KeyAction, Pointer};
pub use scale::{nice_ticks, text_width};
pub use spec::{BarRow, BarSpec, ChartSpec, Mark, Rect, Segment, SeriesPoint, SeriesSpec, StackAxis, StackRow, StackSpec, GREY};
pub use theme::Theme;

use plotters::coord::Shift;
use plotters::prelude::*;

/// An error from the drawing backend, as text (backends have their own error types).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("lỗi khi vẽ biểu đồ: {0}")]
pub struct DrawError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

/// The height in logical pixels a chart wants at a given width.
pub fn preferred_height(spec: &ChartSpec, width: f64, theme: &Theme) -> f64 {
    match spec {
        ChartSpec::Bars(b) => bars::height(b, width, theme),
        ChartSpec::Stacked(s) => stacked::height(s, width, theme),
        ChartSpec::Series(_) => series::height(width, theme),
        ChartSpec::Map(m) => tilemap::height(m, width, theme),
    }
}

/// Draws a chart filling `area` (whose size is the logical size times `theme.scale`).
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &ChartSpec, theme: &Theme) -> Result<Vec<Mark>, DrawError> {
    area.fill(&theme.background)?;
    match spec {
        ChartSpec::Bars(b) => bars::draw(area, b, theme),
        ChartSpec::Stacked(s) => stacked::draw(area, s, theme),
        ChartSpec::Series(s) => series::draw(area, s, theme),
        ChartSpec::Map(m) => tilemap::draw(area, m, theme),
    }
}

/// Draws a chart into an SVG document of the given logical size.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32, theme: &Theme) -> Result<(String, Vec<Mark>), DrawError> {
    let mut out = String::new();
    let marks = {
        let backend = plotters_svg::SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        let theme = Theme { backend_font_factor: 1.24, ..theme.clone() };
        let marks = draw(&area, spec, &theme)?;
        area.present()?;
        marks
    };
    Ok((out, marks))
}

/// The mark under a point (logical pixels), if any.
pub fn hit(marks: &[Mark], x: f64, y: f64) -> Option<&Mark> {
    let dist = |m: &Mark| {
        let (cx, cy) = m.shape.centre();
        (cx - x).powi(2) + (cy - y).powi(2)
    };
    marks.iter().filter(|m| m.hit.contains(x, y)).min_by(|a, b| dist(a).total_cmp(&dist(b)))
}
