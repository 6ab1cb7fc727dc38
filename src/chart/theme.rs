//! Colours, type sizes and the pixel scale of a drawing.

use plotters::style::RGBColor;

/// How a chart looks. Sizes are logical pixels; `scale` maps them to device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Device pixels per logical pixel (the screen's devicePixelRatio, or 2 for PNG export).
    pub scale: f64,
    /// Font family.
    pub font: &'static str,
    /// Base text size.
    pub text: f64,
    /// Background.
    pub background: RGBColor,
    /// Text and axes.
    pub ink: RGBColor,
    /// Secondary text (dates, ticks).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Colour-blind-safe palette (Okabe–Ito).
    pub palette: [RGBColor; 8],
    /// Key of a highlighted mark (keyboard focus or hover).
    pub highlight: Option<String>,
    /// Language of tick labels.
    pub lang: crate::i18n::Lang,
    /// Corrects a backend's font size: plotters' SVG backend writes `size / 1.24`, the canvas
    /// backend the size itself. Set by [`crate::chart::to_svg`].
    pub backend_font_factor: f64,
    /// Draw the legend of stacked and multi-series charts inside the chart (off where the page
    /// shows its own clickable legend; on for downloads, so an image is complete).
    pub legend: bool,
    /// Row height of bar charts as a multiple of the text size (tighter on a projector, where
    /// larger type matters more than space between bars).
    pub row_factor: f64,
    /// The most height a chart may take where the screen sets it (a slide): a line chart, whose
    /// height is free, fills up to it instead of growing with its text.
    pub fit_height: Option<f64>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light(1.0)
    }
}

impl Theme {
    /// The light theme at a pixel scale.
    pub fn light(scale: f64) -> Theme {
        Theme {
            scale,
            font: "sans-serif",
            text: 13.0,
            background: RGBColor(255, 255, 255),
            ink: RGBColor(33, 37, 41),
            muted: RGBColor(96, 103, 112),
            grid: RGBColor(226, 229, 233),
            palette: [
                RGBColor(0, 114, 178),
                RGBColor(230, 159, 0),
                RGBColor(0, 158, 115),
                RGBColor(204, 121, 167),
                RGBColor(86, 180, 233),
                RGBColor(213, 94, 0),
                RGBColor(240, 228, 66),
                RGBColor(0, 0, 0),
            ],
            highlight: None,
            lang: crate::i18n::Lang::Vi,
            backend_font_factor: 1.0,
            legend: true,
            row_factor: 2.0,
            fit_height: None,
        }
    }

    /// The dark theme at a pixel scale. Its first colour is the palette's sky blue (the light
    /// theme's blue is too dark on a dark background, and its pale "about" bars vanished), its
    /// last a light grey instead of black.
    pub fn dark(scale: f64) -> Theme {
        let light = Theme::light(scale);
        let mut palette = light.palette;
        palette.swap(0, 4);
        // and no black series on a dark background
        palette[7] = RGBColor(200, 204, 208);
        Theme {
            palette,
            background: RGBColor(24, 26, 29),
            ink: RGBColor(236, 238, 240),
            muted: RGBColor(170, 176, 184),
            grid: RGBColor(58, 62, 68),
            ..light
        }
    }

    /// Large type and strong contrast for a projector: base text `text`, at most `fit` high (see
    /// [`Theme::fit_height`]), tighter bar rows.
    pub fn projector(scale: f64, text: f64, fit: f64) -> Theme {
        Theme {
            text,
            fit_height: Some(fit),
            row_factor: 1.6,
            ink: RGBColor(0, 0, 0),
            muted: RGBColor(40, 40, 40),
            grid: RGBColor(200, 203, 208),
            ..Theme::light(scale)
        }
    }

    /// Logical to device pixels.
    pub fn px(&self, x: f64) -> i32 {
        (x * self.scale).round() as i32
    }

    /// A point in device pixels.
    pub fn pt(&self, x: f64, y: f64) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    /// A font size in device pixels for a multiple of the base size, to a hundredth of a pixel
    /// (an SVG download says `font-size="11.05"`, not `11.049999999999999`).
    pub fn font_px(&self, factor: f64) -> f64 {
        (self.text * factor * self.scale * self.backend_font_factor * 100.0).round() / 100.0
    }

    /// Row height of bar charts, logical pixels.
    pub fn row(&self) -> f64 {
        self.text * self.row_factor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_are_whole_hundredths_of_a_pixel() {
        let t = Theme::light(1.0);
        assert_eq!(t.font_px(0.85), 11.05);
        assert_eq!(t.font_px(0.9), 11.7);
        assert_eq!(format!("{}", t.font_px(1.0 / 1.3 * 1.3)), "13");
        assert_eq!(Theme::light(2.0).font_px(0.85), 22.1);
    }
}
