//! Lines over time, one per series (area). Points of one series that share a date (two reports
//! of one figure) are both drawn, each with its own label, and the line forks through both: never
//! averaged. With several series a legend is drawn above the plot.

use super::bars::tick_label;
use super::scale::{nice_ticks, text_width};
use super::spec::{Mark, Rect, SeriesSpec};
use super::{DrawError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 10.0;
const AXIS: f64 = 26.0;

/// Height wanted at a width.
pub fn height(width: f64, t: &Theme) -> f64 {
    (width * 0.5).clamp(t.text * 18.0, t.text * 30.0)
}

/// The plot box and its scales.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x_lo: f64,
    x_hi: f64,
    top_tick: f64,
}

impl Plot {
    fn sx(&self, x: f64) -> f64 {
        self.left + (self.right - self.left) * (x - self.x_lo) / (self.x_hi - self.x_lo)
    }

    fn sy(&self, y: f64) -> f64 {
        self.bottom - (self.bottom - self.top) * y / self.top_tick
    }
}

fn font(t: &Theme, factor: f64, colour: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (t.font, t.font_px(factor)).into_font().color(colour).pos(Pos::new(h, v))
}

fn series_colour(spec: &SeriesSpec, t: &Theme, i: usize) -> RGBColor {
    t.series_colour(spec.colours.get(i).copied().unwrap_or(i))
}

/// The legend above the plot (several series only); returns its bottom.
fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, t: &Theme, width: f64) -> Result<f64, DrawError> {
    if spec.series.len() < 2 || !t.legend {
        return Ok(0.0);
    }
    let lh = t.row() + 4.0;
    let sw = t.text * 0.9;
    let (mut lx, mut ly) = (PAD, lh / 2.0);
    for (i, label) in spec.series.iter().enumerate() {
        let w = sw + 4.0 + text_width(label, t.text * 0.9) + 14.0;
        if lx + w > width && lx > PAD {
            lx = PAD;
            ly += lh;
        }
        let c = series_colour(spec, t, i);
        area.draw(&Rectangle::new([t.pt(lx, ly - 1.5), t.pt(lx + sw, ly + 1.5)], c.filled()))?;
        area.draw(&Circle::new(t.pt(lx + sw / 2.0, ly), t.px(3.0), c.filled()))?;
        area.draw(&Text::new(label.clone(), t.pt(lx + sw + 4.0, ly), font(t, 0.9, &t.ink, HPos::Left, VPos::Center)))?;
        lx += w;
    }
    Ok(ly + lh / 2.0)
}

/// Grid lines with value ticks, and the time axis with one label per year (or every other year).
fn draw_axes<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: &Plot, ticks: &[f64], tick_labels: &[String], t: &Theme) -> Result<(), DrawError> {
    let thin = t.px(1.0).max(1) as u32;
    for (v, l) in ticks.iter().zip(tick_labels) {
        let y = p.sy(*v);
        area.draw(&PathElement::new(vec![t.pt(p.left, y), t.pt(p.right, y)], t.grid.stroke_width(thin)))?;
        area.draw(&Text::new(l.clone(), t.pt(p.left - 6.0, y), font(t, 0.85, &t.muted, HPos::Right, VPos::Center)))?;
    }
    let years = (p.x_hi - p.x_lo) as usize;
    let every = if (p.right - p.left) / years.max(1) as f64 > t.text * 3.2 { 1 } else { 2 };
    for i in 0..=years {
        let x = p.sx(p.x_lo + i as f64);
        area.draw(&PathElement::new(vec![t.pt(x, p.bottom), t.pt(x, p.bottom + 4.0)], t.muted.stroke_width(thin)))?;
        if i < years && i % every == 0 {
            let label = format!("{}", p.x_lo as i64 + i as i64);
            area.draw(&Text::new(label, t.pt(p.sx(p.x_lo + i as f64 + 0.5), p.bottom + AXIS / 2.0 + 2.0), font(t, 0.85, &t.muted, HPos::Center, VPos::Center)))?;
        }
    }
    area.draw(&PathElement::new(vec![t.pt(p.left, p.bottom), t.pt(p.right, p.bottom)], t.ink.stroke_width(thin)))?;
    Ok(())
}

/// The lines: in each series, each date's points joined to each of the next date's points.
fn draw_lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, p: &Plot, t: &Theme) -> Result<(), DrawError> {
    let mut series_ids: Vec<usize> = spec.points.iter().map(|q| q.series).collect();
    crate::sort::sort(&mut series_ids);
    series_ids.dedup();
    for &sid in &series_ids {
        let in_series = || spec.points.iter().filter(move |q| q.series == sid);
        let mut dates: Vec<f64> = in_series().map(|q| q.x).collect();
        crate::sort::sort_by(&mut dates, f64::total_cmp);
        dates.dedup();
        let line = series_colour(spec, t, sid);
        for w in dates.windows(2) {
            for a in in_series().filter(|q| q.x == w[0]) {
                for b in in_series().filter(|q| q.x == w[1]) {
                    let style = line.stroke_width(t.px(2.0) as u32);
                    area.draw(&PathElement::new(vec![t.pt(p.sx(a.x), p.sy(a.y)), t.pt(p.sx(b.x), p.sy(b.y))], style))?;
                }
            }
        }
    }
    Ok(())
}

/// Which points get a label: the last point first, then right to left; a label that would overlap
/// one already placed is left out (the tooltip still gives the figure).
fn labels_shown(spec: &SeriesSpec, p: &Plot, t: &Theme, width: f64) -> Vec<bool> {
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut show_label = vec![false; spec.points.len()];
    let lh = t.text * 0.85 * 1.2;
    for i in (0..spec.points.len()).rev() {
        let q = &spec.points[i];
        let (x, y) = (p.sx(q.x), p.sy(q.y));
        let half = text_width(&q.label, t.text * 0.85) / 2.0;
        let lx = x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0));
        let above = spec.points.iter().filter(|o| o.x == q.x && o.series == q.series).all(|o| o.y <= q.y);
        let (y0, y1) = if above { (y - 8.5 - lh, y - 8.5) } else { (y + 8.5, y + 8.5 + lh) };
        let rect = (lx - half - 3.0, y0, lx + half + 3.0, y1);
        if placed.iter().all(|o| rect.2 < o.0 || rect.0 > o.2 || rect.3 < o.1 || rect.1 > o.3) {
            placed.push(rect);
            show_label[i] = true;
        }
    }
    show_label
}

/// The points (hollow for non-exact figures) and their labels; returns the marks.
fn draw_points<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, p: &Plot, t: &Theme, width: f64) -> Result<Vec<Mark>, DrawError> {
    let show_label = labels_shown(spec, p, t, width);
    let multi = spec.series.len() > 1;
    let mut marks = Vec::new();
    for (i, q) in spec.points.iter().enumerate() {
        let (x, y) = (p.sx(q.x), p.sy(q.y));
        // one series: a second report at the same date in the sixth palette colour
        let colour = if multi || q.rank_at_date == 0 { series_colour(spec, t, q.series) } else { t.palette[5] };
        let r = 4.5;
        if t.highlight.as_deref() == Some(q.key.as_str()) {
            area.draw(&Circle::new(t.pt(x, y), t.px(r + 4.0), t.grid.filled()))?;
        }
        if q.qualifier.is_exact() {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.filled()))?;
        } else {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), t.background.filled()))?;
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.stroke_width(t.px(2.0) as u32)))?;
        }
        let highest_at_date = spec.points.iter().filter(|o| o.x == q.x && o.series == q.series).all(|o| o.y <= q.y);
        let (ly, v) = if highest_at_date { (y - r - 4.0, VPos::Bottom) } else { (y + r + 4.0, VPos::Top) };
        if show_label[i] {
            let half = text_width(&q.label, t.text * 0.85) / 2.0;
            let lx = x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0));
            area.draw(&Text::new(q.label.clone(), t.pt(lx, ly), font(t, 0.85, &t.ink, HPos::Center, v)))?;
        }
        let hit = Rect { x: x - 12.0, y: y - 12.0, w: 24.0, h: 24.0 };
        marks.push(Mark { key: q.key.clone(), label: q.date.clone(), record: q.record, hit, shape: Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r } });
    }
    Ok(marks)
}

/// Draws the series.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, h_px) = area.dim_in_pixel();
    let (width, height) = (w_px as f64 / t.scale, h_px as f64 / t.scale);
    if spec.points.is_empty() {
        return Ok(Vec::new());
    }
    let max = spec.points.iter().map(|q| q.y).fold(0.0, f64::max);
    let ticks = nice_ticks(max * 1.08, 5);
    let tick_labels: Vec<String> = ticks.iter().map(|&v| tick_label(v, spec.tick_divisor, t)).collect();
    let legend_bottom = draw_legend(area, spec, t, width)?;
    let x_lo = spec.points.iter().map(|q| q.x).fold(f64::INFINITY, f64::min).floor();
    let plot = Plot {
        left: PAD + tick_labels.iter().map(|l| text_width(l, t.text * 0.85)).fold(0.0, f64::max) + 6.0,
        right: width - PAD * 2.0,
        top: PAD + t.text + legend_bottom,
        bottom: height - AXIS,
        x_lo,
        x_hi: spec.points.iter().map(|q| q.x).fold(f64::NEG_INFINITY, f64::max).ceil().max(x_lo + 1.0),
        top_tick: *ticks.last().unwrap_or(&1.0),
    };
    draw_axes(area, &plot, &ticks, &tick_labels, t)?;
    draw_lines(area, spec, &plot, t)?;
    draw_points(area, spec, &plot, t, width)
}
