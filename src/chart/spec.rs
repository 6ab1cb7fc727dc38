//! What a chart shows, before layout: rows of bars, stacked rows, or points over time.

use super::Theme;
use crate::model::{Qualifier, Unit, Value};
use plotters::style::RGBColor;

/// Palette index of the neutral grey used for “other” (one past the eight Okabe–Ito colours).
pub const GREY: usize = 8;

impl Theme {
    /// The colour of a palette index: 0–7 the Okabe–Ito palette, [`GREY`] (8) a neutral grey
    /// between ink and background (used for “other”); larger indexes wrap around.
    pub fn series_colour(&self, index: usize) -> RGBColor {
        let index = index % (GREY + 1);
        if index == GREY {
            let m = |a: u8, b: u8| ((a as u16 + b as u16) / 2) as u8;
            return RGBColor(m(self.ink.0, self.background.0), m(self.ink.1, self.background.1), m(self.ink.2, self.background.2));
        }
        self.palette[index % self.palette.len()]
    }
}

/// A rectangle in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// True when the point is inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }

    /// The centre.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A drawn data mark: what a tooltip or keyboard focus refers to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    /// Stable key (area code, `area:sector`, `area:rating`, …).
    pub key: String,
    /// Visible label.
    pub label: String,
    /// Record index of the observation.
    pub record: usize,
    /// The area that reacts to the pointer (the whole row band for a bar).
    pub hit: Rect,
    /// The drawn shape.
    pub shape: Rect,
}

/// One bar: one observation.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Stable key.
    pub key: String,
    /// Label left of the bar.
    pub label: String,
    /// The date, written after the value so that years are never mixed up.
    pub date: String,
    /// The value.
    pub value: Value,
    /// Its qualifier.
    pub qualifier: Qualifier,
    /// The value as written on the bar (number in the chart's scale, with qualifier words).
    pub value_label: String,
    /// Record index.
    pub record: usize,
    /// A footnote mark ("*") when a note concerns this figure.
    pub flagged: bool,
}

/// Horizontal bars, one per row, sorted as given.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    /// Unit of every row.
    pub unit: Unit,
    /// Divisor for axis ticks (1, 10^6 or 10^9 for money).
    pub tick_divisor: f64,
    /// Rows.
    pub rows: Vec<BarRow>,
}

/// One segment of a stacked row.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Index of its class in [`StackSpec::classes`].
    pub class: usize,
    /// Value (a percentage for 100 % bars).
    pub value: f64,
    /// Label drawn inside when it fits ("64%").
    pub label: String,
    /// Record index.
    pub record: usize,
    /// Key.
    pub key: String,
}

/// One stacked row.
#[derive(Debug, Clone, PartialEq)]
pub struct StackRow {
    /// Label.
    pub label: String,
    /// Date.
    pub date: String,
    /// Segments in class order.
    pub segments: Vec<Segment>,
}

/// The value axis of stacked bars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StackAxis {
    /// Shares on a 0–100 % axis (segments drawn as reported, never rescaled; a row whose shares
    /// add up to more than 100 widens the axis).
    Percent,
    /// Absolute values on a value axis from 0 with nice ticks.
    Value {
        /// Divisor for axis ticks (1, 10^6 or 10^9 for money).
        tick_divisor: f64,
    },
}

/// Stacked bars: one row per area (and date, source), one segment per class (rating class or
/// sector), on a 0–100 % axis or a value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct StackSpec {
    /// Class labels, in colour order (the legend drawn above the rows).
    pub classes: Vec<String>,
    /// Palette index of each class (see [`Theme::series_colour`]).
    pub colours: Vec<usize>,
    /// Rows.
    pub rows: Vec<StackRow>,
    /// The value axis.
    pub axis: StackAxis,
}

/// A point of a time series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// Key.
    pub key: String,
    /// Position on the time axis, in fractional years.
    pub x: f64,
    /// Value.
    pub y: f64,
    /// Label above the point.
    pub label: String,
    /// Date label.
    pub date: String,
    /// Qualifier (non-exact points are drawn hollow).
    pub qualifier: Qualifier,
    /// Record index.
    pub record: usize,
    /// Index among the points of its series that share this date (0 for the first source).
    pub rank_at_date: usize,
    /// Index of its series in [`SeriesSpec::series`].
    pub series: usize,
}

/// Points over time, one line per series (area), joined in date order; points of one series that
/// share a date are all drawn, never averaged.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    /// Unit.
    pub unit: Unit,
    /// Divisor for axis ticks.
    pub tick_divisor: f64,
    /// Points, sorted by series, then by x.
    pub points: Vec<SeriesPoint>,
    /// Series labels (a legend is drawn above the plot when there are several).
    pub series: Vec<String>,
    /// Palette index of each series (see [`Theme::series_colour`]); with a single series a
    /// second report at one date is drawn in the sixth palette colour.
    pub colours: Vec<usize>,
}

/// Any chart.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// Horizontal bars.
    Bars(BarSpec),
    /// 100 % stacked bars.
    Stacked(StackSpec),
    /// A line over time.
    Series(SeriesSpec),
    /// A tile map of the 34 provinces.
    Map(super::tilemap::TileMapSpec),
}

impl ChartSpec {
    /// True when there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        match self {
            ChartSpec::Bars(b) => b.rows.is_empty(),
            ChartSpec::Stacked(s) => s.rows.is_empty(),
            ChartSpec::Series(s) => s.points.is_empty(),
            ChartSpec::Map(m) => m.is_empty(),
        }
    }
}
