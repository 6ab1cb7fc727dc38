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
/// Radius of a point.
const POINT_R: f64 = 4.5;

/// Height wanted at a width (at most the theme's `fit_height`, never below 18 lines of text).
pub fn height(width: f64, t: &Theme) -> f64 {
    let h = (width * 0.5).clamp(t.text * 18.0, t.text * 30.0);
    t.fit_height.map_or(h, |fit| h.min(fit.max(t.text * 18.0)))
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

/// Grid lines with value ticks, and the time axis with one label per year (or every other year),
/// centred in its year, whose edges are faint vertical lines: a point dated 31/12/2018 is seen
/// inside 2018's band, not at the start of 2019's.
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
        if 0 < i && i < years {
            area.draw(&PathElement::new(vec![t.pt(x, p.top), t.pt(x, p.bottom)], t.grid.stroke_width(thin)))?;
        }
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

/// A box on the chart: left, top, right, bottom.
type Box = (f64, f64, f64, f64);

fn overlaps(a: &Box, b: &Box) -> bool {
    !(a.2 < b.0 || a.0 > b.2 || a.3 < b.1 || a.1 > b.3)
}

/// Whether the segment from `a` to `b` crosses the box (sampled every 2 px).
fn crosses(r: &Box, a: (f64, f64), b: (f64, f64)) -> bool {
    let steps = ((b.0 - a.0).hypot(b.1 - a.1) / 2.0).ceil().max(1.0) as usize;
    (0..=steps).any(|k| {
        let f = k as f64 / steps as f64;
        let (x, y) = (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
        x >= r.0 && x <= r.2 && y >= r.1 && y <= r.3
    })
}

/// Where a point's label is drawn: its anchor and whether it hangs below the point.
#[derive(Clone, Copy)]
struct LabelAt {
    x: f64,
    y: f64,
    below: bool,
}

/// The segments drawn by [`draw_lines`], in screen positions.
fn segments(spec: &SeriesSpec, p: &Plot) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    for a in &spec.points {
        let next = spec.points.iter().filter(|q| q.series == a.series && q.x > a.x).map(|q| q.x).fold(f64::INFINITY, f64::min);
        for b in spec.points.iter().filter(|q| q.series == a.series && q.x == next) {
            out.push(((p.sx(a.x), p.sy(a.y)), (p.sx(b.x), p.sy(b.y))));
        }
    }
    out
}

/// Where each point's label goes, if anywhere. The last point first, then right to left; a label
/// goes above its point, or below it when above would cross a line (the lower of two figures at
/// one date always below); centred on the point, or else ending or starting at it. A label that
/// would overlap another label or a point, or leave the plot, is left out (the tooltip and the
/// table still give the figure).
fn place_labels(spec: &SeriesSpec, p: &Plot, t: &Theme, width: f64) -> Vec<Option<LabelAt>> {
    let r = POINT_R;
    let mut taken: Vec<Box> = spec.points.iter().map(|q| (p.sx(q.x) - r, p.sy(q.y) - r, p.sx(q.x) + r, p.sy(q.y) + r)).collect();
    // the value axis' tick labels, left of the plot
    taken.push((0.0, 0.0, p.left - 3.0, p.bottom + AXIS));
    let lines = segments(spec, p);
    let mut out = vec![None; spec.points.len()];
    let lh = t.text * 0.85 * 1.2;
    for i in (0..spec.points.len()).rev() {
        let q = &spec.points[i];
        let (x, y) = (p.sx(q.x), p.sy(q.y));
        let half = text_width(&q.label, t.text * 0.85) / 2.0;
        let lx = x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0));
        let same_series = || spec.points.iter().filter(|o| o.series == q.series);
        let highest_at_date = same_series().filter(|o| o.x == q.x).all(|o| o.y <= q.y);
        let only_at_date = same_series().filter(|o| o.x == q.x).count() == 1;
        // two figures at one date keep their sides (the higher above); one goes above unless
        // that crosses a line
        let sides: &[bool] = match (only_at_date, highest_at_date) {
            (true, _) => &[false, true],
            (false, true) => &[false],
            (false, false) => &[true],
        };
        // centred on the point, else ending at it (a label crowded on its right), else starting at it
        let xs = [lx, (x - half).max(half + 2.0), (x + half).min((width - half - 2.0).max(half + 2.0))];
        let candidates: Vec<(bool, f64)> = sides.iter().flat_map(|&below| xs.iter().map(move |&cx| (below, cx))).collect();
        let rect = |(below, cx): (bool, f64)| -> Box {
            let (y0, y1) = if below { (y + r + 4.0, y + r + 4.0 + lh) } else { (y - r - 4.0 - lh, y - r - 4.0) };
            (cx - half - 3.0, y0, cx + half + 3.0, y1)
        };
        let free = |b: &Box| b.1 >= p.top - t.text && b.3 <= p.bottom && taken.iter().all(|o| !overlaps(b, o));
        let clear = |b: &Box| lines.iter().all(|(a, c)| !crosses(b, *a, *c));
        let boxes: Vec<((bool, f64), Box)> = candidates.into_iter().map(|c| (c, rect(c))).filter(|(_, b)| free(b)).collect();
        let pick = boxes.iter().find(|(_, b)| clear(b)).or(boxes.first()).copied();
        if let Some(((below, cx), b)) = pick {
            taken.push(b);
            let ly = if below { y + r + 4.0 } else { y - r - 4.0 };
            out[i] = Some(LabelAt { x: cx, y: ly, below });
        }
    }
    out
}

/// The points (hollow for non-exact figures) and their labels; returns the marks.
fn draw_points<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &SeriesSpec, p: &Plot, t: &Theme, width: f64) -> Result<Vec<Mark>, DrawError> {
    let labels = place_labels(spec, p, t, width);
    let multi = spec.series.len() > 1;
    let mut marks = Vec::new();
    for (q, at) in spec.points.iter().zip(labels) {
        let (x, y) = (p.sx(q.x), p.sy(q.y));
        // one series: a second report at the same date in the sixth palette colour
        let colour = if multi || q.rank_at_date == 0 { series_colour(spec, t, q.series) } else { t.palette[5] };
        let r = POINT_R;
        if t.highlight.as_deref() == Some(q.key.as_str()) {
            area.draw(&Circle::new(t.pt(x, y), t.px(r + 4.0), t.grid.filled()))?;
        }
        if q.qualifier.is_exact() {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.filled()))?;
        } else {
            area.draw(&Circle::new(t.pt(x, y), t.px(r), t.background.filled()))?;
            area.draw(&Circle::new(t.pt(x, y), t.px(r), colour.stroke_width(t.px(2.0) as u32)))?;
        }
        if let Some(at) = at {
            let v = if at.below { VPos::Top } else { VPos::Bottom };
            area.draw(&Text::new(q.label.clone(), t.pt(at.x, at.y), font(t, 0.85, &t.ink, HPos::Center, v)))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::SeriesPoint;
    use crate::model::{Qualifier, Unit};

    fn point(series: usize, x: f64, y: f64, label: &str) -> SeriesPoint {
        SeriesPoint { key: format!("{series}:{x}:{y}"), x, y, label: label.into(), date: String::new(), qualifier: Qualifier::Exact, record: 0, rank_at_date: 0, series }
    }

    fn spec(points: Vec<SeriesPoint>) -> SeriesSpec {
        let n = points.iter().map(|p| p.series + 1).max().unwrap_or(0);
        SeriesSpec { unit: Unit::Cooperatives, tick_divisor: 1.0, points, series: (0..n).map(|i| format!("S{i}")).collect(), colours: (0..n).collect() }
    }

    fn plot() -> Plot {
        Plot { left: 40.0, right: 620.0, top: 20.0, bottom: 380.0, x_lo: 2020.0, x_hi: 2026.0, top_tick: 3000.0 }
    }

    #[test]
    fn each_year_is_a_band_with_faint_edges_and_its_label_in_the_middle() {
        let s = spec(vec![point(0, 2018.99, 22861.0, "22.861"), point(0, 2020.99, 26040.0, "26.040")]);
        let mut out = String::new();
        {
            let area = plotters_svg::SVGBackend::with_string(&mut out, (640, 400)).into_drawing_area();
            draw(&area, &s, &Theme::light(1.0)).unwrap();
            area.present().unwrap();
        }
        // the points' years, 2018 to 2020 (x_lo 2018, x_hi 2021): two edges inside the plot
        let vertical_grid = out
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.contains("stroke=\"#E2E5E9\""))
            .filter_map(|l| l.split("points=\"").nth(1)?.split('"').next().map(str::to_owned))
            .filter(|pts| {
                let xs: Vec<&str> = pts.split_whitespace().map(|p| p.split(',').next().unwrap_or_default()).collect();
                xs.len() == 2 && xs[0] == xs[1]
            })
            .count();
        assert_eq!(vertical_grid, 2, "{out}");
        for year in ["2018", "2019", "2020"] {
            assert!(out.contains(&format!("\n{year}\n")), "{year} labelled");
        }
    }

    #[test]
    fn a_label_under_a_steep_drop_goes_below_its_point() {
        // 2.374 then 2.021 a few months later: above the second point, the label would sit on the line
        let s = spec(vec![point(0, 2022.5, 2374.0, "2.374"), point(0, 2022.6, 2021.0, "2.021")]);
        let at = place_labels(&s, &plot(), &Theme::light(1.0), 640.0);
        assert!(!at[0].expect("first label").below);
        assert!(at[1].expect("second label").below);
    }

    #[test]
    fn on_a_slide_a_line_chart_fills_the_height_given_instead_of_shrinking_its_text() {
        let t = Theme { text: 21.0, ..Theme::light(1.0) };
        assert_eq!(height(1216.0, &t), 608.0, "half its width, between 18 and 30 lines of text");
        let slide = Theme { fit_height: Some(380.0), ..t.clone() };
        assert_eq!(height(1216.0, &slide), 380.0);
        let tiny = Theme { fit_height: Some(100.0), ..t };
        assert_eq!(height(1216.0, &tiny), 21.0 * 18.0, "never below 18 lines of its text");
    }

    #[test]
    fn a_label_crowded_on_its_right_ends_at_its_point() {
        // two figures at one date just left of a wide last label: the higher one's label, which
        // can only go above, moves left instead of being left out
        let mut pair = point(0, 2025.0, 2780.0, "2.780");
        pair.rank_at_date = 1;
        let s = spec(vec![point(0, 2024.0, 2500.0, "2.500"), point(0, 2025.0, 2800.0, "2.800"), pair, point(0, 2025.5, 2900.0, "2.900 (sơ bộ)")]);
        let (p, t) = (plot(), Theme::light(1.0));
        let at = place_labels(&s, &p, &t, 640.0);
        let higher = at[1].expect("the higher figure at 2025 keeps its label");
        assert!(!higher.below);
        assert!(higher.x < p.sx(2025.0), "moved left of its point: {} vs {}", higher.x, p.sx(2025.0));
        assert!(at[2].is_some_and(|a| a.below) && at[3].is_some());
    }

    #[test]
    fn a_gentle_line_keeps_its_labels_above() {
        let s = spec(vec![point(0, 2021.5, 1000.0, "1.000"), point(0, 2022.5, 1100.0, "1.100"), point(0, 2023.5, 1200.0, "1.200")]);
        let at = place_labels(&s, &plot(), &Theme::light(1.0), 640.0);
        assert!(at.iter().all(|a| a.is_some_and(|a| !a.below)));
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_a_point() {
        let mut pts = Vec::new();
        for s in 0..4 {
            for k in 0..6 {
                pts.push(point(s, 2020.5 + k as f64 * 0.9, 400.0 + s as f64 * 40.0 + (k % 2) as f64 * 30.0, "12.345"));
            }
        }
        let s = spec(pts);
        let (p, t) = (plot(), Theme::light(1.0));
        let at = place_labels(&s, &p, &t, 640.0);
        let lh = t.text * 0.85 * 1.2;
        let boxes: Vec<Box> = s
            .points
            .iter()
            .zip(&at)
            .filter_map(|(q, a)| a.map(|a| (q, a)))
            .map(|(q, a)| {
                let half = text_width(&q.label, t.text * 0.85) / 2.0;
                let (y0, y1) = if a.below { (a.y, a.y + lh) } else { (a.y - lh, a.y) };
                (a.x - half, y0, a.x + half, y1)
            })
            .collect();
        assert!(boxes.len() >= 4, "some labels are placed");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} overlaps {b:?}");
            }
            for q in &s.points {
                let m = (p.sx(q.x) - POINT_R, p.sy(q.y) - POINT_R, p.sx(q.x) + POINT_R, p.sy(q.y) + POINT_R);
                assert!(!overlaps(a, &m), "{a:?} covers the point at {m:?}");
            }
            assert!(a.3 <= p.bottom, "{a:?} below the axis");
        }
    }
}
