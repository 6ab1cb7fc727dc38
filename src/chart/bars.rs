//! Horizontal bars: one row per figure, the value and its date written at the end of the bar.

use super::scale::{nice_ticks, text_width};
use super::spec::{BarRow, BarSpec, Mark, Rect};
use super::{DrawError, Theme};
use crate::model::{Qualifier, Value};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 8.0;
const AXIS: f64 = 24.0;
/// Space between a bar's value and its date.
const GAP: f64 = 5.0;

/// How far a label on its own line starts right of the axis line (narrow charts).
pub(super) const NARROW_INDENT: f64 = 5.0;
/// Below this width (logical pixels) each label stands on its own line above its bar.
pub const NARROW: f64 = 520.0;

/// Where things go in a bar chart of a given width.
struct Layout {
    narrow: bool,
    row: f64,
    /// Offset of the bar band inside a row (the label line above it when narrow).
    band_top: f64,
    band_h: f64,
    label_w: f64,
    x0: f64,
    x_max: f64,
}

fn layout(spec: &BarSpec, width: f64, t: &Theme) -> Layout {
    let size = t.text;
    let narrow = width < NARROW;
    let band_h = t.row();
    let (row, band_top) = if narrow { (band_h + size * 1.1, size * 1.1) } else { (band_h, 0.0) };
    let end_w = spec
        .rows
        .iter()
        .map(|r| {
            let (v, d) = end_label(&r.value_label, &r.date, r.flagged);
            text_width(&v, size) + GAP + text_width(&d, size * 0.9)
        })
        .fold(0.0, f64::max)
        .min(width * 0.5);
    let label_w = if narrow { 0.0 } else { spec.rows.iter().map(|r| text_width(&r.label, size)).fold(0.0, f64::max).min(width * 0.38) };
    let x0 = if narrow { PAD } else { PAD + label_w + PAD };
    let x_max = (width - end_w - PAD * 2.0).max(x0 + 40.0);
    Layout { narrow, row, band_top, band_h, label_w, x0, x_max }
}

/// Height wanted for these rows at a width.
pub fn height(spec: &BarSpec, width: f64, theme: &Theme) -> f64 {
    spec.rows.len() as f64 * layout(spec, width, theme).row + PAD + AXIS
}

/// The text written after a bar: "478" and "· 2023".
fn end_label(value_label: &str, date: &str, flagged: bool) -> (String, String) {
    let v = if flagged { format!("{value_label}*") } else { value_label.to_string() };
    (v, format!("· {date}"))
}

/// Shortens a label to fit a width.
pub(super) fn fit(label: &str, max_w: f64, size: f64) -> String {
    if text_width(label, size) <= max_w {
        return label.to_string();
    }
    let mut s: String = label.to_string();
    while !s.is_empty() && text_width(&format!("{s}…"), size) > max_w {
        s.pop();
    }
    format!("{}…", s.trim_end())
}

/// Ticks that fit the plot width without their labels touching.
pub(super) fn fitted_ticks(max: f64, plot_w: f64, divisor: f64, t: &Theme) -> Vec<f64> {
    for target in (2..=6).rev() {
        let ticks = nice_ticks(max, target);
        let widest = ticks.iter().map(|&v| text_width(&tick_label(v, divisor, t), t.text * 0.85)).fold(0.0, f64::max);
        if ticks.len() < 2 || plot_w / (ticks.len() - 1) as f64 > widest + 12.0 {
            return ticks;
        }
    }
    nice_ticks(max, 1)
}

/// Where the solid part of a bar ends: the value when it is exact (or a lower bound: "more
/// than", "at least"), the low end of a range; approximate values are drawn pale only.
fn solid_end(r: &BarRow) -> f64 {
    match r.value {
        Value::Point(v) if r.qualifier.is_exact() || r.qualifier == Qualifier::MoreThan || r.qualifier == Qualifier::AtLeast => v,
        Value::Point(_) => 0.0,
        Value::Range { low, .. } => low,
    }
}

/// One bar: solid to its solid end, pale with an outline to its end, an arrow when open-ended.
/// `xs` = (start, solid end, end), `ys` = (top, height). Returns whether it is open-ended.
fn draw_bar<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, r: &BarRow, t: &Theme, xs: (f64, f64, f64), ys: (f64, f64)) -> Result<bool, DrawError> {
    let ((x0, solid, end), (by, bh)) = (xs, ys);
    let main = t.palette[0];
    let pale = mix(main, t.background, 0.55);
    let thin = t.px(1.0).max(1) as u32;
    if end > solid {
        area.draw(&Rectangle::new([t.pt(x0, by), t.pt(end, by + bh)], pale.filled()))?;
        area.draw(&Rectangle::new([t.pt(x0, by), t.pt(end, by + bh)], main.stroke_width(thin)))?;
    }
    if solid > x0 {
        area.draw(&Rectangle::new([t.pt(x0, by), t.pt(solid, by + bh)], main.filled()))?;
    }
    let open = matches!(r.value, Value::Range { high_open: true, .. }) || r.qualifier == Qualifier::MoreThan;
    if open {
        area.draw(&Polygon::new(vec![t.pt(end, by), t.pt(end + bh * 0.5, by + bh / 2.0), t.pt(end, by + bh)], main.filled()))?;
    }
    Ok(open)
}

/// Draws the bars.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &BarSpec, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, _) = area.dim_in_pixel();
    let width = w_px as f64 / t.scale;
    let size = t.text;
    let l = layout(spec, width, t);
    let (x0, x_max, row) = (l.x0, l.x_max, l.row);
    let max = spec.rows.iter().map(|r| r.value.extent()).fold(0.0, f64::max);
    let ticks = fitted_ticks(max, x_max - x0, spec.tick_divisor, t);
    let top_tick = *ticks.last().unwrap_or(&1.0);
    let sx = |v: f64| x0 + (x_max - x0) * (v / top_tick);
    let plot_h = spec.rows.len() as f64 * row;
    let top = PAD / 2.0;
    let thin = t.px(1.0).max(1) as u32;

    let font = |factor: f64, colour: &RGBColor, h: HPos| {
        (t.font, t.font_px(factor)).into_font().color(colour).pos(Pos::new(h, VPos::Center))
    };

    // grid and ticks
    for &tk in &ticks {
        let x = sx(tk);
        area.draw(&PathElement::new(vec![t.pt(x, top), t.pt(x, top + plot_h)], t.grid.stroke_width(thin)))?;
        let label = tick_label(tk, spec.tick_divisor, t);
        area.draw(&Text::new(label, t.pt(x, top + plot_h + AXIS / 2.0), font(0.85, &t.muted, HPos::Center)))?;
    }

    let mut marks = Vec::with_capacity(spec.rows.len());
    for (i, r) in spec.rows.iter().enumerate() {
        let y = top + i as f64 * row;
        let band_y = y + l.band_top;
        let highlighted = t.highlight.as_deref() == Some(r.key.as_str());
        if highlighted {
            area.draw(&Rectangle::new([t.pt(0.0, y), t.pt(width, y + row)], t.grid.filled()))?;
        }
        let bh = l.band_h * 0.62;
        let by = band_y + (l.band_h - bh) / 2.0;
        let end = r.value.extent();
        let open = draw_bar(area, r, t, (x0, sx(solid_end(r)), sx(end)), (by, bh))?;
        if highlighted {
            area.draw(&Rectangle::new([t.pt(x0 - 2.0, by - 2.0), t.pt(sx(end) + 2.0, by + bh + 2.0)], t.ink.stroke_width(t.px(2.0) as u32)))?;
        }
        if l.narrow {
            // clear of the axis line at x0
            let label = fit(&r.label, width - 2.0 * PAD - NARROW_INDENT, size);
            area.draw(&Text::new(label, t.pt(PAD + NARROW_INDENT, y + l.band_top / 2.0 + 1.0), font(1.0, &t.ink, HPos::Left)))?;
        } else {
            let label = fit(&r.label, l.label_w, size);
            area.draw(&Text::new(label, t.pt(x0 - PAD, y + row / 2.0), font(1.0, &t.ink, HPos::Right)))?;
        }
        let (v, d) = end_label(&r.value_label, &r.date, r.flagged);
        let lx = sx(end) + if open { bh * 0.5 + 4.0 } else { 4.0 };
        let ly = band_y + l.band_h / 2.0;
        area.draw(&Text::new(v.clone(), t.pt(lx, ly), font(1.0, &t.ink, HPos::Left)))?;
        area.draw(&Text::new(d, t.pt(lx + text_width(&v, size) + GAP, ly), font(0.9, &t.muted, HPos::Left)))?;
        marks.push(Mark {
            key: r.key.clone(),
            label: r.label.clone(),
            record: r.record,
            hit: Rect { x: 0.0, y, w: width, h: row },
            shape: Rect { x: x0, y: by, w: sx(end) - x0, h: bh },
        });
    }
    // baseline
    area.draw(&PathElement::new(vec![t.pt(x0, top), t.pt(x0, top + plot_h)], t.ink.stroke_width(thin)))?;
    Ok(marks)
}

/// A tick label in the chart's scale (money in millions or billions, as the unit line says); a
/// number of 10^9 or more in that scale in a short form ("1,2 tỷ", "1,0 × 10^300").
pub(super) fn tick_label(tk: f64, divisor: f64, t: &Theme) -> String {
    crate::format::compact(tk / divisor, t.lang)
}

/// Mixes two colours: `amount` of `b` into `a`.
pub(super) fn mix(a: RGBColor, b: RGBColor, amount: f64) -> RGBColor {
    let m = |x: u8, y: u8| (x as f64 * (1.0 - amount) + y as f64 * amount).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}
