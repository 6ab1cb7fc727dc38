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

/// Draws the series.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, h_px) = area.dim_in_pixel();
    let (width, height) = (w_px as f64 / t.scale, h_px as f64 / t.scale);
    let font = |factor: f64, colour: &RGBColor, h: HPos, v: VPos| {
        (t.font, t.font_px(factor)).into_font().color(colour).pos(Pos::new(h, v))
    };
    if spec.points.is_empty() {
        return Ok(Vec::new());
    }
    let max = spec.points.iter().map(|p| p.y).fold(0.0, f64::max);
    let ticks = nice_ticks(max * 1.08, 5);
    let top_tick = *ticks.last().unwrap_or(&1.0);
    let tick_labels: Vec<String> = ticks.iter().map(|&v| tick_label(v, spec.tick_divisor, t)).collect();
    let left = PAD + tick_labels.iter().map(|l| text_width(l, t.text * 0.85)).fold(0.0, f64::max) + 6.0;
    let right = width - PAD * 2.0;
    let multi = spec.series.len() > 1;
    let series_colour = |i: usize| t.series_colour(spec.colours.get(i).copied().unwrap_or(i));
    let mut legend_bottom = 0.0;
    if multi && t.legend {
        let lh = t.row() + 4.0;
        let sw = t.text * 0.9;
        let (mut lx, mut ly) = (PAD, lh / 2.0);
        for (i, label) in spec.series.iter().enumerate() {
            let w = sw + 4.0 + text_width(label, t.text * 0.9) + 14.0;
            if lx + w > width && lx > PAD {
                lx = PAD;
                ly += lh;
            }
            area.draw(&Rectangle::new([t.pt(lx, ly - 1.5), t.pt(lx + sw, ly + 1.5)], series_colour(i).filled()))?;
            area.draw(&Circle::new(t.pt(lx + sw / 2.0, ly), t.px(3.0), series_colour(i).filled()))?;
            area.draw(&Text::new(label.clone(), t.pt(lx + sw + 4.0, ly), font(0.9, &t.ink, HPos::Left, VPos::Center)))?;
            lx += w;
        }
        legend_bottom = ly + lh / 2.0;
    }
    let top = PAD + t.text + legend_bottom;
    let bottom = height - AXIS;
    let x_lo = spec.points.iter().map(|p| p.x).fold(f64::INFINITY, f64::min).floor();
    let x_hi = spec.points.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max).ceil().max(x_lo + 1.0);
    let sx = |x: f64| left + (right - left) * (x - x_lo) / (x_hi - x_lo);
    let sy = |y: f64| bottom - (bottom - top) * y / top_tick;
    let thin = t.px(1.0).max(1) as u32;

    for (v, l) in ticks.iter().zip(&tick_labels) {
        let y = sy(*v);
        area.draw(&PathElement::new(vec![t.pt(left, y), t.pt(right, y)], t.grid.stroke_width(thin)))?;
        area.draw(&Text::new(l.clone(), t.pt(left - 6.0, y), font(0.85, &t.muted, HPos::Right, VPos::Center)))?;
    }
    let years = (x_hi - x_lo) as usize;
    let every = if (right - left) / years.max(1) as f64 > t.text * 3.2 { 1 } else { 2 };
    for i in 0..=years {
        let x = sx(x_lo + i as f64);
        area.draw(&PathElement::new(vec![t.pt(x, bottom), t.pt(x, bottom + 4.0)], t.muted.stroke_width(thin)))?;
        if i < years && i % every == 0 {
            let label = format!("{}", x_lo as i64 + i as i64);
            area.draw(&Text::new(label, t.pt(sx(x_lo + i as f64 + 0.5), bottom + AXIS / 2.0 + 2.0), font(0.85, &t.muted, HPos::Center, VPos::Center)))?;
        }
    }
    area.draw(&PathElement::new(vec![t.pt(left, bottom), t.pt(right, bottom)], t.ink.stroke_width(thin)))?;

    // the lines: in each series, each date's points joined to each of the next date's points
    let mut series_ids: Vec<usize> = spec.points.iter().map(|p| p.series).collect();
    series_ids.sort_unstable();
    series_ids.dedup();
    for &sid in &series_ids {
        let in_series = || spec.points.iter().filter(move |p| p.series == sid);
        let mut dates: Vec<f64> = in_series().map(|p| p.x).collect();
        dates.sort_by(f64::total_cmp);
        dates.dedup();
        let line = series_colour(sid);
        for w in dates.windows(2) {
            for a in in_series().filter(|p| p.x == w[0]) {
                for b in in_series().filter(|p| p.x == w[1]) {
                    let style = line.stroke_width(t.px(2.0) as u32);
                    area.draw(&PathElement::new(vec![t.pt(sx(a.x), sy(a.y)), t.pt(sx(b.x), sy(b.y))], style))?;
                }
            }
        }
    }
    // Labels: the last point first, then right to left; a label that would overlap one already
    // placed is left out (the tooltip still gives the figure).
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut show_label = vec![false; spec.points.len()];
    let lh = t.text * 0.85 * 1.2;
    for i in (0..spec.points.len()).rev() {
        let p = &spec.points[i];
        let (x, y) = (sx(p.x), sy(p.y));
        let half = text_width(&p.label, t.text * 0.85) / 2.0;
        let lx = x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0));
        let above = spec.points.iter().filter(|q| q.x == p.x && q.series == p.series).all(|q| q.y <= p.y);
        let (y0, y1) = if above { (y - 8.5 - lh, y - 8.5) } else { (y + 8.5, y + 8.5 + lh) };
        let rect = (lx - half - 3.0, y0, lx + half + 3.0, y1);
        if placed.iter().all(|o| rect.2 < o.0 || rect.0 > o.2 || rect.3 < o.1 || rect.1 > o.3) {
            placed.push(rect);
            show_label[i] = true;
        }
    }
    let mut marks = Vec::new();
    for (i, p) in spec.points.iter().enumerate() {
        let (x, y) = (sx(p.x), sy(p.y));
        // one series: a second report at the same date in the sixth palette colour
        let colour = if multi || p.rank_at_date == 0 { series_colour(p.series) } else { t.palette[5] };
        let r = 4.5;
        let highlighted = t.highlight.as_deref() == Some(p.key.as_str());
        if highlighted {
            area.draw(&Circle::new(t.pt(x, y), t.px(r + 4.0), t.grid.filled()))?;
        }
        if p.qualifier.is_exact() {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.filled()))?;
        } else {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), t.background.filled()))?;
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.stroke_width(t.px(2.0) as u32)))?;
        }
        let highest_at_date = spec.points.iter().filter(|q| q.x == p.x && q.series == p.series).all(|q| q.y <= p.y);
        let (ly, v) = if highest_at_date { (y - r - 4.0, VPos::Bottom) } else { (y + r + 4.0, VPos::Top) };
        if show_label[i] {
            let half = text_width(&p.label, t.text * 0.85) / 2.0;
            let lx = x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0));
            area.draw(&Text::new(p.label.clone(), t.pt(lx, ly), font(0.85, &t.ink, HPos::Center, v)))?;
        }
        let hit = Rect { x: x - 12.0, y: y - 12.0, w: 24.0, h: 24.0 };
        marks.push(Mark { key: p.key.clone(), label: p.date.clone(), record: p.record, hit, shape: Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r } });
    }
    Ok(marks)
}
