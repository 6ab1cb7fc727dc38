//! A tile map of Vietnam's 34 provincial units (in force since 1 July 2025): one equal square per
//! province, laid out roughly as the country is, coloured by a metric on a colour-blind-safe
//! sequential scale (light yellow-green → dark blue), with a legend.
//!
//! A province with no figure of its own but with figures of former provinces that merged into it is
//! drawn apart ("chỉ có số liệu tỉnh cũ"): a former province's figure is never summed, reused or
//! coloured as the current province's.

mod classes;
mod legend;

pub use classes::{class_of, classify};
use legend::{draw_legend, former_mark, item_width, legend_items, legend_size, Item};

use super::scale::text_width;
use super::spec::{Mark, Rect};
use super::{DrawError, Theme};
use crate::format::{self, MoneyScale};
use crate::i18n::Lang;
use crate::model::Unit;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Grid position of each of the 34 provinces: (code, short label, row, col), north at the top.
///
/// ```text
///      0     1     2     3
///  0  LaiC  LàoC  TQua  CBằn
///  1  ĐBiê  PThọ  TNgu  LSơn
///  2  SơnL  HNội  BNin  QNin
///  3   .    NBìn  HYên  HPhò
///  4   .    THóa   .     .
///  5   .    NAn   HTĩn   .
///  6   .     .    QTrị   .
///  7   .     .    Huế   ĐNẵn
///  8   .     .     .    QNgã
///  9   .     .     .    GLai
/// 10   .     .     .    ĐLắk
/// 11   .     .    LĐồn  KHòa
/// 12  TNin  HCM   ĐNai   .
/// 13  AGia  ĐTháp VLon   .
/// 14  CMau  CThơ   .     .
/// ```
pub const TILES: [(&str, &str, u8, u8); 34] = [
    // the north-west and north-east mountains
    ("P12", "Lai Châu", 0, 0),
    ("P15", "Lào Cai", 0, 1),
    ("P08", "Tuyên Quang", 0, 2),
    ("P04", "Cao Bằng", 0, 3),
    ("P11", "Điện Biên", 1, 0),
    ("P25", "Phú Thọ", 1, 1),
    ("P19", "Thái Nguyên", 1, 2),
    ("P20", "Lạng Sơn", 1, 3),
    ("P14", "Sơn La", 2, 0),
    // the Red River delta
    ("P01", "Hà Nội", 2, 1),
    ("P24", "Bắc Ninh", 2, 2),
    ("P22", "Quảng Ninh", 2, 3),
    ("P37", "Ninh Bình", 3, 1),
    ("P33", "Hưng Yên", 3, 2),
    ("P31", "Hải Phòng", 3, 3),
    // the north-central and central coast
    ("P38", "Thanh Hóa", 4, 1),
    ("P40", "Nghệ An", 5, 1),
    ("P42", "Hà Tĩnh", 5, 2),
    ("P44", "Quảng Trị", 6, 2),
    ("P46", "Huế", 7, 2),
    ("P48", "Đà Nẵng", 7, 3),
    ("P51", "Quảng Ngãi", 8, 3),
    // the highlands and the south-central coast
    ("P52", "Gia Lai", 9, 3),
    ("P66", "Đắk Lắk", 10, 3),
    ("P68", "Lâm Đồng", 11, 2),
    ("P56", "Khánh Hòa", 11, 3),
    // the south-east
    ("P80", "Tây Ninh", 12, 0),
    ("P79", "TP HCM", 12, 1),
    ("P75", "Đồng Nai", 12, 2),
    // the Mekong delta
    ("P91", "An Giang", 13, 0),
    ("P82", "Đồng Tháp", 13, 1),
    ("P86", "Vĩnh Long", 13, 2),
    ("P96", "Cà Mau", 14, 0),
    ("P92", "Cần Thơ", 14, 1),
];

/// Rows of the grid.
pub const ROWS: u8 = 15;
/// Columns of the grid.
pub const COLS: u8 = 4;

/// The empty cells west of the central coast where the legend goes when it fits: columns 0–1,
/// rows 6–11 (Laos and Cambodia on a real map).
const GAP_ROWS: (u8, u8) = (6, 12);
const GAP_COLS: u8 = 2;

/// What a tile shows.
#[derive(Debug, Clone, PartialEq)]
pub enum TileState {
    /// The province's own figure.
    Value {
        /// The number the tile is coloured by (the high end of a range).
        value: f64,
        /// The figure as written on the tile, in the chart's scale: "478", ">1.000", "~293"
        /// (">" more than, "≥" at least, "~" nearly, about, estimate or preliminary).
        label: String,
        /// Record index of the figure.
        record: usize,
        /// Index into [`TileMapSpec::classes`].
        class: usize,
    },
    /// No figure of its own, but `count` former provinces that merged into it have figures.
    FormerOnly {
        /// How many former provinces have a figure.
        count: usize,
    },
    /// Nothing.
    NoData,
}

/// One province's tile.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    /// Province code ("P20").
    pub code: String,
    /// Short label from [`TILES`] ("Lạng Sơn", "TP HCM").
    pub short: String,
    /// Grid row (0 = north).
    pub row: u8,
    /// Grid column (0 = west).
    pub col: u8,
    /// What it shows.
    pub state: TileState,
    /// The area's chart label in the spec's language (for marks, tables and screen readers).
    pub name: String,
    /// For [`TileState::FormerOnly`]: the records of the former provinces' figures, latest first
    /// (one per former province). Empty otherwise.
    pub former_records: Vec<usize>,
}

impl Tile {
    /// The record a pointer or keyboard focus on this tile refers to, if any.
    pub fn record(&self) -> Option<usize> {
        match self.state {
            TileState::Value { record, .. } => Some(record),
            TileState::FormerOnly { .. } => self.former_records.first().copied(),
            TileState::NoData => None,
        }
    }
}

/// A tile map of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct TileMapSpec {
    /// Unit of every figure.
    pub unit: Unit,
    /// The 34 tiles, in [`TILES`] order.
    pub tiles: Vec<Tile>,
    /// Class ranges `[low, high)` (the last one closed), ascending, in base units.
    pub classes: Vec<(f64, f64)>,
    /// Class ranges as written in the legend, in the chart's scale ("84 – 199", "1.000 – 2.100").
    pub class_labels: Vec<String>,
    /// Divisor of the chart's scale (1, 10^6 or 10^9 for money).
    pub tick_divisor: f64,
}

impl TileMapSpec {
    /// True when no tile has a figure (own or former).
    pub fn is_empty(&self) -> bool {
        self.tiles.iter().all(|t| t.state == TileState::NoData)
    }
}

// ───────────────────────────── drawing ─────────────────────────────

const PAD: f64 = 8.0;
/// Space between tiles.
const GAP: f64 = 3.0;
/// Largest and smallest grid cell (tile + gap), logical pixels.
const CELL_MAX: f64 = 56.0;
const CELL_MIN: f64 = 22.0;
/// Smallest grid cell when a height must be kept (a slide).
const CELL_FIT_MIN: f64 = 16.0;
/// Below this tile size the code is written instead of the name.
const NAME_MIN: f64 = 38.0;

/// Five steps of a colour-blind-safe sequential scale, light yellow-green to dark blue
/// (ColorBrewer YlGnBu; lightness falls monotonically, so it reads in grey too).
pub const SCALE: [RGBColor; 5] = [RGBColor(224, 243, 178), RGBColor(150, 211, 180), RGBColor(65, 182, 196), RGBColor(34, 120, 180), RGBColor(37, 52, 148)];

/// The fill of class `i` of `n`: spread over the five steps.
pub fn class_colour(i: usize, n: usize) -> RGBColor {
    let step = match n {
        0 | 1 => 2,
        2 => [1, 3][i.min(1)],
        3 => [0, 2, 4][i.min(2)],
        4 => [0, 1, 3, 4][i.min(3)],
        _ => i.min(4),
    };
    SCALE[step]
}

/// Dark or white text, whichever reads better on a fill.
fn text_on(fill: RGBColor) -> RGBColor {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(fill.0) + 0.7152 * lin(fill.1) + 0.0722 * lin(fill.2);
    // contrast with white (1.05 / (l + 0.05)) against contrast with near-black (l + 0.05) / 0.0587
    if 1.05 / (l + 0.05) > (l + 0.05) / 0.0587 {
        RGBColor(255, 255, 255)
    } else {
        RGBColor(33, 37, 41)
    }
}

fn mix(a: RGBColor, b: RGBColor, amount: f64) -> RGBColor {
    let m = |x: u8, y: u8| (x as f64 * (1.0 - amount) + y as f64 * amount).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

fn nodata_fill(t: &Theme) -> RGBColor {
    mix(t.background, t.muted, 0.16)
}

/// Shortens a text to fit a width, with an ellipsis.
fn fit(s: &str, max_w: f64, size: f64) -> String {
    if text_width(s, size) <= max_w {
        return s.to_string();
    }
    let mut out: String = s.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), size) > max_w {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// In the empty cells west of the central coast.
    Gap,
    /// Below the map, in `cols` columns.
    Below { cols: usize, col_w: f64 },
}

struct Layout {
    cell: f64,
    map_x: f64,
    map_y: f64,
    place: Place,
    legend_x: f64,
    legend_y: f64,
    legend_w: f64,
    items: Vec<Item>,
    height: f64,
}

fn layout(spec: &TileMapSpec, width: f64, t: &Theme) -> Layout {
    let items = legend_items(spec, t);
    let (_, line, _) = legend_size(t);
    let legend_w = items.iter().map(|i| item_width(i, t)).fold(0.0, f64::max);
    let legend_h = items.len() as f64 * line;
    let cols = COLS as f64;
    // on a slide (`fit_height`) the tiles are as small as it takes for the map to fit the height
    let fit = t.fit_height.map_or(f64::INFINITY, |h| ((h - 2.0 * PAD + GAP) / ROWS as f64).floor().max(CELL_FIT_MIN));
    let cell = ((width - 2.0 * PAD) / cols).floor().clamp(CELL_MIN, CELL_MAX).min(fit);
    let map_w = cell * cols - GAP;
    let map_h = cell * ROWS as f64 - GAP;
    let map_y = PAD;
    // the legend in the gap: its right edge a little left of column GAP_COLS, the map moved right
    // as far as needed (and possible)
    let gap_h = (GAP_ROWS.1 - GAP_ROWS.0) as f64 * cell - GAP;
    let centred = ((width - map_w) / 2.0).floor();
    let need = PAD + legend_w + 8.0 - GAP_COLS as f64 * cell;
    let map_x_gap = centred.max(need);
    if legend_h <= gap_h && map_x_gap + map_w <= width - PAD + 0.5 {
        let legend_x = map_x_gap + GAP_COLS as f64 * cell - 8.0 - legend_w;
        let legend_y = map_y + GAP_ROWS.0 as f64 * cell + (gap_h - legend_h) / 2.0;
        return Layout {
            cell,
            map_x: map_x_gap,
            map_y,
            place: Place::Gap,
            legend_x: legend_x.max(PAD),
            legend_y,
            legend_w,
            items,
            height: map_y + map_h + PAD,
        };
    }
    let map_x = centred.max(PAD);
    let col_w = legend_w + 16.0;
    let n_cols = (((width - 2.0 * PAD + 16.0) / col_w).floor() as usize).clamp(1, 2);
    let per_col = items.len().div_ceil(n_cols);
    let block_w = n_cols as f64 * col_w - 16.0;
    Layout {
        cell,
        map_x,
        map_y,
        place: Place::Below { cols: n_cols, col_w },
        legend_x: ((width - block_w) / 2.0).max(PAD),
        legend_y: map_y + map_h + PAD * 2.0,
        legend_w: legend_w.min(width - 2.0 * PAD),
        items,
        height: map_y + map_h + PAD * 2.0 + per_col as f64 * line + PAD,
    }
}

/// Height wanted at a width (tiles stay square).
pub fn height(spec: &TileMapSpec, width: f64, t: &Theme) -> f64 {
    layout(spec, width, t).height.ceil()
}

/// Splits a name into at most two lines that fit a width, shortening when needed.
fn name_lines(name: &str, max_w: f64, size: f64) -> Vec<String> {
    if text_width(name, size) <= max_w || !name.contains(' ') {
        return vec![fit(name, max_w, size)];
    }
    let words: Vec<&str> = name.split(' ').collect();
    let best = (1..words.len())
        .map(|i| (words[..i].join(" "), words[i..].join(" ")))
        .min_by(|a, b| {
            let wa = text_width(&a.0, size).max(text_width(&a.1, size));
            let wb = text_width(&b.0, size).max(text_width(&b.1, size));
            wa.total_cmp(&wb)
        })
        .unwrap_or_else(|| (name.to_string(), String::new()));
    vec![fit(&best.0, max_w, size), fit(&best.1, max_w, size)]
}

/// The text of a tile: the name on one line or two (the code on small tiles), and the value in
/// bold when it fits (smaller when it is long, a range; left out when it cannot fit).
fn draw_tile_text<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, tile: &Tile, (x, y, q): (f64, f64, f64), ink: RGBColor, value_text: Option<String>, t: &Theme) -> Result<(), DrawError> {
    let font =
        |size: f64, colour: RGBColor, h: HPos| (t.font, size * t.scale * t.backend_font_factor).into_font().color(&colour).pos(Pos::new(h, VPos::Center));
    let bold = |size: f64, colour: RGBColor| {
        (t.font, size * t.scale * t.backend_font_factor, FontStyle::Bold).into_font().color(&colour).pos(Pos::new(HPos::Center, VPos::Center))
    };
    let name_size = (q * 0.19).clamp(8.0, 11.0);
    let value_size = (q * 0.23).clamp(8.5, 13.0);
    // the text block: the name on one line or two,
    // the code on small tiles, and the value when it fits
    let inner = q - 3.0;
    let (lines, ns) = if q < NAME_MIN {
        (vec![tile.code.clone()], name_size)
    } else {
        if text_width(&tile.short, name_size) <= inner {
            (vec![tile.short.clone()], name_size)
        } else {
            (name_lines(&tile.short, inner, name_size), name_size)
        }
    };
    let lh = ns * 1.12;
    // the value in bold, smaller when it is long (a range), left out when it cannot fit
    let vs = value_text.as_ref().map_or(value_size, |v| (inner / (text_width(v, 1.0) * 1.08)).min(value_size));
    let value_fits = value_text.is_some() && vs >= 8.0;
    let vh = vs * 1.2;
    let block = |n: usize, v: bool| n as f64 * lh + if v { vh } else { 0.0 };
    let lines = if block(lines.len(), value_fits) > inner && lines.len() > 1 { vec![fit(&tile.short, inner, ns)] } else { lines };
    let value_fits = value_fits && block(lines.len(), true) <= q;
    let mut cy = y + (q - block(lines.len(), value_fits)) / 2.0 + lh / 2.0;
    for line in &lines {
        area.draw(&Text::new(line.clone(), t.pt(x + q / 2.0, cy), font(ns, ink, HPos::Center)))?;
        cy += lh;
    }
    if value_fits {
        let v = value_text.unwrap_or_default();
        let vy = cy - lh / 2.0 + vh / 2.0;
        area.draw(&Text::new(v, t.pt(x + q / 2.0, vy), bold(vs, ink)))?;
    }

    Ok(())
}

/// Draws the tile map and its legend.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &TileMapSpec, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, _) = area.dim_in_pixel();
    let width = w_px as f64 / t.scale;
    let l = layout(spec, width, t);
    let q = l.cell - GAP;
    let n_classes = spec.classes.len();
    let font =
        |size: f64, colour: RGBColor, h: HPos| (t.font, size * t.scale * t.backend_font_factor).into_font().color(&colour).pos(Pos::new(h, VPos::Center));
    let mut marks = Vec::new();

    for tile in &spec.tiles {
        let x = l.map_x + tile.col as f64 * l.cell;
        let y = l.map_y + tile.row as f64 * l.cell;
        let rect = [t.pt(x, y), t.pt(x + q, y + q)];
        let (fill, ink, value_text) = match &tile.state {
            TileState::Value { label, class, .. } => {
                let f = class_colour(*class, n_classes);
                (f, text_on(f), Some(label.clone()))
            }
            TileState::FormerOnly { .. } => (t.background, t.ink, None),
            TileState::NoData => (nodata_fill(t), t.muted, Some("–".to_string())),
        };
        area.draw(&Rectangle::new(rect, fill.filled()))?;
        match &tile.state {
            TileState::NoData => hatch(area, x, y, q, mix(nodata_fill(t), t.muted, 0.22), t)?,
            TileState::FormerOnly { .. } => {
                dashed_square(area, x + 0.5, y + 0.5, q - 1.0, t.muted, t)?;
                let s = (q * 0.18).clamp(7.5, 10.0);
                let mark = former_mark(t.lang);
                area.draw(&Text::new(mark, t.pt(x + q - 3.0, y + s * 0.7 + 2.0), font(s, t.muted, HPos::Right)))?;
            }
            TileState::Value { .. } => {}
        }

        draw_tile_text(area, tile, (x, y, q), ink, value_text, t)?;

        if t.highlight.as_deref() == Some(tile.code.as_str()) {
            // a path, not a rectangle: the SVG backend drops a rectangle's stroke width
            let hw = t.px(3.0).max(2) as u32;
            let (a, b) = (-1.5, q + 1.5);
            let ring = [(a, a), (b, a), (b, b), (a, b), (a, a), (b, a)].map(|(dx, dy)| t.pt(x + dx, y + dy));
            area.draw(&PathElement::new(ring.to_vec(), t.ink.stroke_width(hw)))?;
        }
        if let Some(record) = tile.record() {
            let r = Rect { x, y, w: q, h: q };
            marks.push(Mark { key: tile.code.clone(), label: tile.name.clone(), record, hit: r, shape: r });
        }
    }

    draw_legend(area, &l, spec, t)?;
    Ok(marks)
}

/// Diagonal hatching inside a square.
fn hatch<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, x: f64, y: f64, q: f64, colour: RGBColor, t: &Theme) -> Result<(), DrawError> {
    let step = 7.0;
    let stroke = colour.stroke_width(t.px(1.0).max(1) as u32);
    let mut d = step;
    while d < 2.0 * q {
        let (a, b) = if d <= q { ((x + d, y), (x, y + d)) } else { ((x + q, y + d - q), (x + d - q, y + q)) };
        area.draw(&PathElement::new(vec![t.pt(a.0, a.1), t.pt(b.0, b.1)], stroke))?;
        d += step;
    }
    Ok(())
}

/// A dashed outline of a square.
fn dashed_square<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, x: f64, y: f64, q: f64, colour: RGBColor, t: &Theme) -> Result<(), DrawError> {
    let stroke = colour.stroke_width(t.px(1.2).max(1) as u32);
    let (dash, gap) = (4.0, 3.0);
    let sides = [((x, y), (1.0, 0.0)), ((x + q, y), (0.0, 1.0)), ((x + q, y + q), (-1.0, 0.0)), ((x, y + q), (0.0, -1.0))];
    for ((x0, y0), (dx, dy)) in sides {
        let mut s = 0.0;
        while s < q {
            let e = (s + dash).min(q);
            area.draw(&PathElement::new(vec![t.pt(x0 + dx * s, y0 + dy * s), t.pt(x0 + dx * e, y0 + dy * e)], stroke))?;
            s += dash + gap;
        }
    }
    Ok(())
}

/// Draws a tile map into an SVG document of the given logical size (for downloads and tests).
pub fn to_svg(spec: &TileMapSpec, width: u32, height: u32, theme: &Theme) -> Result<(String, Vec<Mark>), DrawError> {
    let mut out = String::new();
    let marks = {
        let backend = plotters_svg::SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        let theme = Theme { backend_font_factor: 1.24, ..theme.clone() };
        area.fill(&theme.background)?;
        let marks = draw(&area, spec, &theme)?;
        area.present()?;
        marks
    };
    Ok((out, marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast() {
        assert_eq!(text_on(SCALE[0]), RGBColor(33, 37, 41));
        assert_eq!(text_on(SCALE[4]), RGBColor(255, 255, 255));
    }
}
