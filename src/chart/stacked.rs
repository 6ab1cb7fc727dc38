//! Stacked bars: 100 % bars (rating shares, sector shares), segments drawn at the shares reported
//! or computed, never rescaled; or absolute values by sector on a value axis with nice ticks.

use super::bars::{fit, fitted_ticks, tick_label};
use super::scale::text_width;
use super::spec::{Mark, Rect, StackAxis, StackSpec};
use super::{DrawError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 8.0;
const AXIS: f64 = 24.0;

fn legend_h(t: &Theme) -> f64 {
    t.row() + 4.0
}

fn row_h(width: f64, t: &Theme) -> f64 {
    t.row() * 1.2 + if width < super::bars::NARROW { t.text * 1.2 } else { 0.0 }
}

fn legend_rows(spec: &StackSpec, width: f64, t: &Theme) -> usize {
    if !t.legend {
        return 0;
    }
    let mut rows = 1;
    let mut x = PAD;
    for c in &spec.classes {
        let w = t.text * 0.9 + 4.0 + text_width(c, t.text * 0.9) + 14.0;
        if x + w > width && x > PAD {
            rows += 1;
            x = PAD;
        }
        x += w;
    }
    rows
}

/// Height wanted for these rows at a width.
pub fn height(spec: &StackSpec, width: f64, t: &Theme) -> f64 {
    legend_h(t) * legend_rows(spec, width, t) as f64 + spec.rows.len() as f64 * row_h(width, t) + PAD + AXIS
}

/// The legend above the rows: one swatch per class, wrapped to the width.
fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &StackSpec, t: &Theme, width: f64) -> Result<(), DrawError> {
    let size = t.text;
    let mut lx = PAD;
    let mut ly = legend_h(t) / 2.0;
    for (i, c) in spec.classes.iter().enumerate().filter(|_| t.legend) {
        let sw = size * 0.9;
        if lx + sw + 4.0 + text_width(c, size * 0.9) + 14.0 > width && lx > PAD {
            lx = PAD;
            ly += legend_h(t);
        }
        let colour = t.series_colour(spec.colours.get(i).copied().unwrap_or(0));
        let style = (t.font, t.font_px(0.9)).into_font().color(&t.ink).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Rectangle::new([t.pt(lx, ly - sw / 2.0), t.pt(lx + sw, ly + sw / 2.0)], colour.filled()))?;
        area.draw(&Text::new(c.clone(), t.pt(lx + sw + 4.0, ly), style))?;
        lx += sw + 4.0 + text_width(c, size * 0.9) + 14.0;
    }
    Ok(())
}

/// The value axis: its ticks, their labels and the value at the right end.
fn axis(axis: StackAxis, sums: impl Iterator<Item = f64>, span: f64, t: &Theme) -> (Vec<f64>, Vec<String>, f64) {
    match axis {
        StackAxis::Percent => {
            let ticks = vec![0.0, 25.0, 50.0, 75.0, 100.0];
            let labels = ticks.iter().map(|&tk| format!("{}%", crate::format::number(tk, t.lang))).collect();
            (ticks, labels, sums.fold(100.0, f64::max))
        }
        StackAxis::Value { tick_divisor } => {
            let ticks = fitted_ticks(sums.fold(0.0, f64::max), span, tick_divisor, t);
            let labels = ticks.iter().map(|&tk| tick_label(tk, tick_divisor, t)).collect();
            let top_tick = ticks.last().copied().unwrap_or(1.0);
            (ticks, labels, top_tick)
        }
    }
}

/// Draws the stacked rows and a legend above them.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &StackSpec, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, _) = area.dim_in_pixel();
    let width = w_px as f64 / t.scale;
    let size = t.text;
    let narrow = width < super::bars::NARROW;
    let row = row_h(width, t);
    let band_top = if narrow { t.text * 1.2 } else { 0.0 };
    let font = |factor: f64, colour: &RGBColor, h: HPos| {
        (t.font, t.font_px(factor)).into_font().color(colour).pos(Pos::new(h, VPos::Center))
    };
    let colour = |class: usize| t.series_colour(spec.colours.get(class).copied().unwrap_or(0));

    draw_legend(area, spec, t, width)?;

    let top = legend_h(t) * legend_rows(spec, width, t) as f64;
    let labels: Vec<String> = spec.rows.iter().map(|r| format!("{} · {}", r.label, r.date)).collect();
    let label_w = if narrow { 0.0 } else { labels.iter().map(|l| text_width(l, size)).fold(0.0, f64::max).min(width * 0.4) };
    let x0 = if narrow { PAD } else { PAD + label_w + PAD };
    let sums = spec.rows.iter().map(|r| r.segments.iter().map(|s| s.value).sum::<f64>());
    let x_max = width - PAD * 3.0;
    let (ticks, tick_labels, axis_max) = axis(spec.axis, sums, x_max - x0, t);
    let sx = |v: f64| x0 + (x_max - x0) * v / axis_max;
    let plot_h = spec.rows.len() as f64 * row;
    for (&tk, label) in ticks.iter().zip(tick_labels) {
        let x = sx(tk);
        area.draw(&PathElement::new(vec![t.pt(x, top), t.pt(x, top + plot_h)], t.grid.stroke_width(t.px(1.0).max(1) as u32)))?;
        area.draw(&Text::new(label, t.pt(x, top + plot_h + AXIS / 2.0), font(0.85, &t.muted, HPos::Center)))?;
    }
    let mut marks = Vec::new();
    for (i, r) in spec.rows.iter().enumerate() {
        let y = top + i as f64 * row;
        let band = row - band_top;
        let bh = band * 0.66;
        let by = y + band_top + (band - bh) / 2.0;
        if narrow {
            let indent = super::bars::NARROW_INDENT;
            area.draw(&Text::new(fit(&labels[i], width - 2.0 * PAD - indent, size), t.pt(PAD + indent, y + band_top / 2.0 + 1.0), font(1.0, &t.ink, HPos::Left)))?;
        } else {
            area.draw(&Text::new(fit(&labels[i], label_w, size), t.pt(x0 - PAD, y + row / 2.0), font(1.0, &t.ink, HPos::Right)))?;
        }
        let mut acc = 0.0;
        for s in &r.segments {
            let (a, b) = (sx(acc), sx(acc + s.value));
            let c = colour(s.class);
            let highlighted = t.highlight.as_deref() == Some(s.key.as_str());
            area.draw(&Rectangle::new([t.pt(a, by), t.pt(b, by + bh)], c.filled()))?;
            area.draw(&Rectangle::new([t.pt(a, by), t.pt(b, by + bh)], t.background.stroke_width(t.px(1.0).max(1) as u32)))?;
            if highlighted {
                area.draw(&Rectangle::new([t.pt(a, by - 2.0), t.pt(b, by + bh + 2.0)], t.ink.stroke_width(t.px(2.0) as u32)))?;
            }
            if text_width(&s.label, size * 0.9) + 6.0 < b - a {
                let ink = if luminance(c) > 0.55 { RGBColor(20, 20, 20) } else { RGBColor(255, 255, 255) };
                area.draw(&Text::new(s.label.clone(), t.pt((a + b) / 2.0, by + bh / 2.0), font(0.9, &ink, HPos::Center)))?;
            }
            marks.push(Mark {
                key: s.key.clone(),
                label: r.label.clone(),
                record: s.record,
                hit: Rect { x: a, y, w: b - a, h: row },
                shape: Rect { x: a, y: by, w: b - a, h: bh },
            });
            acc += s.value;
        }
    }
    Ok(marks)
}

fn luminance(c: RGBColor) -> f64 {
    (0.2126 * c.0 as f64 + 0.7152 * c.1 as f64 + 0.0722 * c.2 as f64) / 255.0
}
