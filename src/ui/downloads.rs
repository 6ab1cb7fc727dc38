//! Downloads of the chart in view: PNG and SVG drawn by the same chart functions with a printed
//! frame (title, source line, dates, the app's name), and CSV of exactly its figures.

use super::browser::{self, BrowserError};
use crate::chart::{DrawError, Theme};
use crate::export;
use crate::i18n::Lang;
use crate::view::ChartView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Why a download failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DownloadError {
    /// Drawing failed.
    #[error(transparent)]
    Draw(#[from] DrawError),
    /// The browser refused.
    #[error(transparent)]
    Browser(#[from] BrowserError),
}

/// A file name for the view: `htx-charts-<id>-<title words>.<ext>`.
pub fn file_name(view: &ChartView, ext: &str) -> String {
    let slug: String = crate::explore::fold(&view.title)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    format!("htx-charts-{slug}.{ext}")
}

/// The PNG: at least twice the on-screen resolution.
pub fn png(view: &ChartView, lang: Lang, css_width: f64, url: &str) -> Result<(), DownloadError> {
    let frame = export::frame_for(view, lang, url);
    let scale = window().device_pixel_ratio().max(1.0) * 2.0;
    let theme = Theme { lang, ..Theme::light(scale) };
    let height = export::frame_height(&view.spec, &frame, css_width, &theme).ceil();
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").map_err(|e| BrowserError(format!("{e:?}")))?.unchecked_into();
    canvas.set_width((css_width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    {
        use plotters::prelude::IntoDrawingArea;
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| DrawError("canvas 2D context unavailable".into()))?;
        let area = backend.into_drawing_area();
        export::draw_framed(&area, &view.spec, &frame, &theme)?;
        area.present().map_err(|e| DrawError(e.to_string()))?;
    }
    let data = canvas.to_data_url_with_type("image/png").map_err(|e| BrowserError(format!("{e:?}")))?;
    browser::download_data_url(&file_name(view, "png"), &data)?;
    Ok(())
}

/// The SVG, drawn through plotters' SVG backend by the same functions as the canvas.
pub fn svg(view: &ChartView, lang: Lang, css_width: f64, url: &str) -> Result<(), DownloadError> {
    let frame = export::frame_for(view, lang, url);
    let theme = Theme { lang, ..Theme::light(1.0) };
    let text = export::framed_svg(&view.spec, &frame, css_width.round() as u32, &theme)?;
    browser::download_bytes(&file_name(view, "svg"), "image/svg+xml;charset=utf-8", text.as_bytes())?;
    Ok(())
}

/// The CSV of exactly the chart's figures (with a byte-order mark, so spreadsheet programs read
/// Vietnamese text).
pub fn csv(view: &ChartView, lang: Lang) -> Result<(), DownloadError> {
    let text = export::figures_csv(view, lang);
    browser::download_bytes(&file_name(view, "csv"), "text/csv;charset=utf-8", text.as_bytes())?;
    Ok(())
}
