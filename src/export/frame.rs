//! A "printed chart": the chart with its title, unit line, caveats, notes, source line, the span of
//! its dates and the app's address around it, for PNG and SVG downloads. A chart that leaves the
//! app keeps everything a reader needs to read it correctly.

use crate::chart::{self, text_width, ChartSpec, DrawError, Mark, Rect, Theme};
use crate::i18n::Lang;
use crate::view::ChartView;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Margin around the frame, logical pixels.
const PAD: f64 = 16.0;
/// Line height as a multiple of the font size (room for stacked Vietnamese diacritics).
const LINE: f64 = 1.35;
/// Space between blocks (header lines, chart, footer).
const GAP: f64 = 6.0;
/// Indent of caveat text after its bullet.
const BULLET: f64 = 12.0;
/// Estimated widening of bold text over the regular width estimate.
const BOLD: f64 = 1.08;

const TITLE: f64 = 1.35;
const SUBTITLE: f64 = 0.95;
const CAVEAT: f64 = 0.9;
const SMALL: f64 = 0.85;

/// The texts around a chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Title, bold, wrapped.
    pub title: String,
    /// The unit line ("Đơn vị: tỷ đồng").
    pub subtitle: String,
    /// Caveats, each wrapped, as a bulleted list above the chart.
    pub caveats: Vec<String>,
    /// Consistency notes ("* …"), below the chart: they explain the asterisks on its figures.
    pub notes: Vec<String>,
    /// "Nguồn: …", wrapped, below the chart.
    pub source_line: String,
    /// The span of the figures' dates ("Số liệu: 2016–2025").
    pub dates: String,
    /// "HTX Charts · https://…".
    pub footer: String,
    /// The chart's written summary (see [`crate::view::summary`]): not drawn; the SVG's `<desc>`
    /// (its `<title>` is the title), and with the title the PNG's alt text
    /// ([`crate::view::alt_text`]).
    pub summary: String,
}

/// Greedy word wrap: lines no wider than `max_w` at font size `size` (as measured by
/// [`chart::text_width`]), except a single word that is wider on its own. Line breaks in the text
/// are kept; runs of spaces collapse. Empty text gives no lines.
pub fn wrap(text: &str, max_w: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if line.is_empty() {
                line.push_str(word);
                continue;
            }
            let candidate = format!("{line} {word}");
            if text_width(&candidate, size) <= max_w {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// [`wrap`], with a word wider than a line on its own (a long link) broken where the line ends:
/// for the footer's address, which must not run off the picture.
pub fn wrap_link(text: &str, max_w: f64, size: f64) -> Vec<String> {
    wrap(text, max_w, size).into_iter().flat_map(|line| if text_width(&line, size) <= max_w { vec![line] } else { break_word(&line, max_w, size) }).collect()
}

/// A word in pieces no wider than `max_w` (at least one character each).
fn break_word(word: &str, max_w: f64, size: f64) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let last = pieces.last_mut().expect("never empty");
        last.push(c);
        if text_width(last, size) > max_w && last.chars().count() > 1 {
            last.pop();
            pieces.push(c.to_string());
        }
    }
    pieces
}

/// One line of text, positioned (logical pixels; `y` is the top of its line box).
struct Line {
    text: String,
    x: f64,
    y: f64,
    factor: f64,
    bold: bool,
    muted: bool,
    right: bool,
}

struct Layout {
    lines: Vec<Line>,
    chart: Rect,
    height: f64,
}

fn layout(spec: &ChartSpec, frame: &Frame, width: f64, t: &Theme) -> Layout {
    let inner = (width - 2.0 * PAD).max(1.0);
    let mut lines = Vec::new();
    let mut y = PAD;
    let block = |lines: &mut Vec<Line>, y: &mut f64, texts: Vec<String>, x: f64, factor: f64, bold: bool, muted: bool| {
        let lh = t.text * factor * LINE;
        for text in texts {
            lines.push(Line { text, x, y: *y, factor, bold, muted, right: false });
            *y += lh;
        }
    };
    // header
    let title = wrap(&frame.title, inner / BOLD, t.text * TITLE);
    let had_title = !title.is_empty();
    block(&mut lines, &mut y, title, PAD, TITLE, true, false);
    let subtitle = wrap(&frame.subtitle, inner, t.text * SUBTITLE);
    if had_title && !subtitle.is_empty() {
        y += GAP / 2.0;
    }
    block(&mut lines, &mut y, subtitle, PAD, SUBTITLE, false, true);
    if !frame.caveats.is_empty() {
        y += GAP;
    }
    for c in &frame.caveats {
        let wrapped = wrap(c, inner - BULLET, t.text * CAVEAT);
        if !wrapped.is_empty() {
            lines.push(Line { text: "•".into(), x: PAD, y, factor: CAVEAT, bold: false, muted: false, right: false });
        }
        block(&mut lines, &mut y, wrapped, PAD + BULLET, CAVEAT, false, false);
    }
    y += GAP * 2.0;
    // chart
    let chart_h = chart::preferred_height(spec, inner, t).ceil();
    let chart = Rect { x: PAD, y, w: inner, h: chart_h };
    y += chart_h + GAP * 2.0;
    // footer
    for n in &frame.notes {
        block(&mut lines, &mut y, wrap(n, inner, t.text * SMALL), PAD, SMALL, false, true);
    }
    if !frame.notes.is_empty() {
        y += GAP / 2.0;
    }
    block(&mut lines, &mut y, wrap(&frame.source_line, inner, t.text * SMALL), PAD, SMALL, false, false);
    let size = t.text * SMALL;
    let (dates, footer) = (frame.dates.trim(), frame.footer.trim());
    let side_by_side = !dates.is_empty()
        && !footer.is_empty()
        && text_width(dates, size) + 3.0 * PAD + text_width(footer, size) <= inner;
    if side_by_side {
        lines.push(Line { text: dates.into(), x: PAD, y, factor: SMALL, bold: false, muted: true, right: false });
        lines.push(Line { text: footer.into(), x: width - PAD, y, factor: SMALL, bold: false, muted: true, right: true });
        y += size * LINE;
    } else {
        block(&mut lines, &mut y, wrap(dates, inner, size), PAD, SMALL, false, true);
        block(&mut lines, &mut y, wrap_link(footer, inner, size), PAD, SMALL, false, true);
    }
    Layout { lines, chart, height: (y + PAD).ceil() }
}

/// The height in logical pixels of a framed chart at a width: the header (title and subtitle,
/// caveats, wrapped), the chart at its preferred height, and the footer (notes, source line,
/// dates and the app's address).
pub fn frame_height(spec: &ChartSpec, frame: &Frame, width: f64, t: &Theme) -> f64 {
    layout(spec, frame, width, t).height
}

/// Draws a framed chart filling `area` (its size is the logical size times `t.scale`; its height
/// should be [`frame_height`]). Returns the chart's marks in the frame's logical pixels.
pub fn draw_framed<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, spec: &ChartSpec, frame: &Frame, t: &Theme) -> Result<Vec<Mark>, DrawError> {
    let (w_px, h_px) = area.dim_in_pixel();
    let width = w_px as f64 / t.scale;
    let l = layout(spec, frame, width, t);
    area.fill(&t.background)?;
    for line in &l.lines {
        let colour = if line.muted { t.muted } else { t.ink };
        let style = if line.bold { FontStyle::Bold } else { FontStyle::Normal };
        let h = if line.right { HPos::Right } else { HPos::Left };
        let font = (t.font, t.font_px(line.factor), style).into_font().color(&colour).pos(Pos::new(h, VPos::Center));
        let lh = t.text * line.factor * LINE;
        area.draw(&Text::new(line.text.clone(), t.pt(line.x, line.y + lh / 2.0), font))?;
    }
    let c = l.chart;
    let top = t.px(c.y).max(0);
    let left = t.px(c.x).max(0);
    let bottom = (h_px as i32 - t.px(c.y + c.h)).max(0);
    let sub = area.margin(top, bottom, left, left);
    let marks = chart::draw(&sub, spec, t)?;
    let shift = |r: Rect| Rect { x: r.x + c.x, y: r.y + c.y, ..r };
    Ok(marks.into_iter().map(|m| Mark { hit: shift(m.hit), shape: shift(m.shape), ..m }).collect())
}

/// A framed chart as an SVG document of the given logical width and [`frame_height`].
pub fn framed_svg(spec: &ChartSpec, frame: &Frame, width: u32, t: &Theme) -> Result<String, DrawError> {
    let height = frame_height(spec, frame, width as f64, t).ceil() as u32;
    let mut out = String::new();
    {
        let backend = plotters_svg::SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        // plotters' SVG backend writes font-size = size / 1.24; compensate as chart::to_svg does.
        let t = Theme { backend_font_factor: 1.24, scale: 1.0, ..t.clone() };
        draw_framed(&area, spec, frame, &t)?;
        area.present()?;
    }
    Ok(with_description(out, &frame.title, &frame.summary))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The SVG with a `<title>` and a `<desc>` as the first children of its root, for screen readers
/// and search (each only when there is text for it).
fn with_description(svg: String, title: &str, summary: &str) -> String {
    let (title, summary) = (title.trim(), summary.trim());
    let Some(end) = svg.find("<svg").and_then(|i| svg[i..].find('>').map(|j| i + j + 1)) else { return svg };
    let mut head = String::new();
    if !title.is_empty() {
        head.push_str(&format!("\n<title>{}</title>", xml_escape(title)));
    }
    if !summary.is_empty() {
        head.push_str(&format!("\n<desc>{}</desc>", xml_escape(summary)));
    }
    let mut out = svg;
    out.insert_str(end, &head);
    out
}

/// The frame of a chart view: its title, unit line, caveats, notes and source line, the span of
/// the years of its figures ("Số liệu: 2016–2025"), "HTX Charts · {url}" and its summary.
pub fn frame_for(view: &ChartView, lang: Lang, url: &str) -> Frame {
    let url = url.trim();
    Frame {
        title: view.title.clone(),
        subtitle: view.unit_line.clone(),
        caveats: view.caveat_text.clone(),
        notes: view.notes.clone(),
        source_line: view.source_line.clone(),
        dates: dates_line(view, lang),
        footer: if url.is_empty() { "HTX Charts".into() } else { format!("HTX Charts · {url}") },
        summary: view.summary.clone(),
    }
}

/// The span of the years of a view's figures: "Số liệu: 2023" or "Số liệu: 2016–2025".
pub fn dates_line(view: &ChartView, lang: Lang) -> String {
    let head = lang.pick("Số liệu", "Data");
    match view.year_span() {
        Some((lo, hi)) if lo == hi => format!("{head}: {lo}"),
        Some((lo, hi)) => format!("{head}: {lo}–{hi}"),
        None => String::new(),
    }
}

/// The line under a slide's title: the span of years, the unit, the first caveat and, as a slide
/// has no table under it, how many rows or lines the chart leaves out, in a few words (in place
/// of that caveat's "see the table" when it is the first). The same on the static first slide and
/// in the app.
pub fn slide_meta(view: &ChartView, lang: Lang) -> String {
    let mut parts = vec![dates_line(view, lang), view.unit_line.clone()];
    if let (Some(first), Some(text)) = (view.caveats.first(), view.caveat_text.first()) {
        parts.push(first.cut_short(lang).unwrap_or_else(|| text.clone()));
    }
    parts.extend(view.caveats.iter().skip(1).find_map(|c| c.cut_short(lang)));
    // a slide has no room for the notes themselves: the mark on its figures is still explained
    if !view.notes.is_empty() {
        parts.push(lang.pick("* số có ghi chú: xem trong trình khám phá", "* a figure with a note: see it in the explorer").to_string());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_greedily() {
        assert!(wrap("", 100.0, 13.0).is_empty());
        assert_eq!(wrap("a b c", 1000.0, 13.0), vec!["a b c"]);
        let lines = wrap("one two three four five six seven", 60.0, 13.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.join(" "), "one two three four five six seven");
        assert_eq!(wrap("x\ny", 1000.0, 13.0), vec!["x", "y"]);
    }

    #[test]
    fn a_link_longer_than_a_line_is_broken_where_the_line_ends() {
        let url = "http://127.0.0.1:8790/?m=charter_capital&a=p34&c=bars&sort=name&top=10";
        let text = format!("HTX Charts · {url}");
        let lines = wrap_link(&text, 200.0, 11.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 11.0) <= 200.0), "{lines:?}");
        assert_eq!(lines[0], "HTX Charts ·");
        assert_eq!(lines[1..].concat(), url, "the whole link, in order");
        assert_eq!(wrap_link("a verylongword b", 1000.0, 11.0), vec!["a verylongword b"]);
        assert_eq!(wrap(&text, 200.0, 11.0)[1], url, "plain wrap keeps words whole");
    }
}
