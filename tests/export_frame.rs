//! The "printed chart" frame: title, unit line, caveats, chart, source line, dates, app footer.

mod common;

use common::{small, view};
use htx_charts::chart::{self, text_width, Theme};
use htx_charts::export::{dates_line, frame_for, frame_height, framed_svg, wrap, Frame};
use htx_charts::i18n::Lang;
use htx_charts::view::ChartView;

const URL: &str = "https://htx-charts.example/?m=cooperatives";

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// (x, y, font size, text) of every text element.
fn texts(svg: &str) -> Vec<(f64, f64, f64, String)> {
    svg.split("<text")
        .skip(1)
        .map(|part| {
            let tag_end = part.find('>').unwrap();
            let tag = &part[..tag_end];
            let body = &part[tag_end + 1..part.find("</text>").unwrap()];
            let num = |n| attr(tag, n).unwrap().parse::<f64>().unwrap();
            (num("x"), num("y"), num("font-size"), body.trim().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""))
        })
        .collect()
}

/// The views of the small fixture the frame is tried on: bars, a line (English) and ratings.
fn views() -> Vec<(&'static str, ChartView)> {
    let ds = small();
    vec![("bars", view(&ds, "", Lang::Vi)), ("line", view(&ds, "a=vn&c=line", Lang::En)), ("ratings", view(&ds, "m=rating_share&c=pct", Lang::Vi))]
}

#[test]
fn framed_bar_chart_has_title_figures_source_and_footer() {
    let ds = small();
    let t = Theme::light(1.0);
    let view = view(&ds, "", Lang::Vi);
    let frame = frame_for(&view, Lang::Vi, URL);
    assert_eq!(frame.title, view.title);
    assert_eq!(frame.subtitle, "Đơn vị: HTX");
    assert_eq!(frame.caveats, view.caveat_text);
    assert_eq!(frame.notes, view.notes);
    assert_eq!(frame.source_line, view.source_line);
    assert_eq!(frame.dates, "Số liệu: 2019–2025", "the chart mixes years");
    assert_eq!(frame.footer, format!("HTX Charts · {URL}"));
    for width in [960u32, 640, 400] {
        let svg = framed_svg(&view.spec, &frame, width, &t).expect("draws");
        let h = frame_height(&view.spec, &frame, width as f64, &t);
        let head = &svg[..svg.find('>').unwrap()];
        assert_eq!(attr(head, "height").unwrap(), format!("{}", h.ceil() as u32), "width {width}");
        assert_eq!(attr(head, "width").unwrap(), width.to_string());
        let all: String = texts(&svg).into_iter().map(|t| t.3).collect::<Vec<_>>().join("\n");
        assert!(all.contains("Số hợp tác xã theo"), "title at {width}");
        assert!(all.contains("Số liệu: 2019–2025"), "dates at {width}");
        assert!(all.contains("2.087"), "the note on Bắc Ninh at {width}");
        assert!(all.contains("478"), "Lạng Sơn's 478 at {width}");
        assert!(all.contains("Nguồn:"), "source line at {width}");
        assert!(all.contains("HTX Charts"), "footer at {width}");
        assert!(all.contains("Đơn vị: HTX"), "unit line at {width}");
        // every text inside the picture, horizontally (by the shared width estimate) and vertically
        for (x, y, size, text) in texts(&svg) {
            assert!(y > 0.0 && y < h, "{text:?} at y {y} outside 0..{h}");
            assert!(x >= 0.0 && x <= width as f64, "{text:?} at x {x}");
            let _ = size;
        }
    }
}

#[test]
fn header_chart_and_footer_do_not_overlap() {
    let t = Theme::light(1.0);
    let width = 720u32;
    for (name, view) in views() {
        let frame = frame_for(&view, Lang::Vi, URL);
        let svg = framed_svg(&view.spec, &frame, width, &t).unwrap();
        let ts = texts(&svg);
        let title_y = ts.iter().find(|t| frame.title.starts_with(t.3.as_str())).expect("title drawn").1;
        let source_y = ts.iter().find(|t| t.3.starts_with("Nguồn") || t.3.starts_with("Sources")).expect("source drawn").1;
        let footer_y = ts.iter().find(|t| t.3.contains("HTX Charts")).expect("footer drawn").1;
        assert!(title_y < source_y && source_y < footer_y, "{name}");
        // chart texts lie strictly between the last header line and the first footer line
        let header: Vec<&str> = std::iter::once(frame.subtitle.as_str()).collect();
        let last_header_y = ts.iter().filter(|t| header.contains(&t.3.as_str()) || t.3 == "•").map(|t| t.1).fold(title_y, f64::max);
        let chart_h = chart::preferred_height(&view.spec, width as f64 - 32.0, &t);
        let h = frame_height(&view.spec, &frame, width as f64, &t);
        assert!(h > chart_h + (source_y - title_y).min(0.0), "{name}");
        assert!(source_y - last_header_y > chart_h, "{name}: the chart ({chart_h}) fits between header {last_header_y} and footer {source_y}");
    }
}

#[test]
fn frame_without_extras_and_long_texts() {
    let t = Theme::light(2.0);
    let view = view(&small(), "a=vn&c=line", Lang::En);
    let bare = Frame { title: "T".into(), ..Frame::default() };
    let h_bare = frame_height(&view.spec, &bare, 600.0, &t);
    let long = Frame { title: "word ".repeat(80), caveats: vec!["caveat ".repeat(60)], source_line: "Source ".repeat(60), ..bare.clone() };
    let h_long = frame_height(&view.spec, &long, 600.0, &t);
    assert!(h_long > h_bare + 13.0 * 1.35 * 3.0, "{h_long} vs {h_bare}");
    let svg = framed_svg(&view.spec, &long, 600, &t).unwrap();
    for (x, _, size, text) in texts(&svg) {
        if text.starts_with("word") || text.starts_with("caveat") || text.starts_with("Source") {
            let factor = if text.starts_with("word") { 1.08 } else { 1.0 };
            assert!(x + text_width(&text, size) * factor <= 600.0 - 16.0 + 0.5, "{text:?} overflows");
        }
    }
    // a view without figures gives no dates line; no address, no " · "
    let mut empty = view.clone();
    empty.figures.clear();
    assert_eq!(frame_for(&empty, Lang::En, "").dates, "");
    assert_eq!(frame_for(&empty, Lang::En, "  ").footer, "HTX Charts");
    // one year only
    let mut one = view.clone();
    one.figures.truncate(1);
    assert_eq!(frame_for(&one, Lang::En, "").dates, "Data: 2022");
    assert_eq!(dates_line(&view, Lang::En), "Data: 2022–2025");
    assert_eq!(dates_line(&view, Lang::Vi), "Số liệu: 2022–2025");
}

#[test]
fn wrap_stays_within_width() {
    let texts = [
        "Số liệu có thời điểm khác nhau (2016–2025): mỗi số liệu ghi thời điểm của nó. Không so sánh như số cùng năm.",
        "Nguồn: Liên minh HTX Việt Nam; Tổng cục Thống kê; Báo Lạng Sơn; Cổng thông tin điện tử tỉnh và 12 nguồn khác (mỗi số liệu ghi nguồn riêng).",
        "a supercalifragilisticexpialidocious-and-then-some word in the middle",
        "",
        "   spaces    everywhere   ",
    ];
    for text in texts {
        for max_w in [40.0, 80.0, 150.0, 300.0, 1000.0] {
            for size in [10.0, 13.0, 17.55] {
                let lines = wrap(text, max_w, size);
                for line in &lines {
                    let w = text_width(line, size);
                    assert!(w <= max_w || !line.contains(' '), "{line:?} is {w} wide > {max_w}");
                }
                assert_eq!(lines.join(" "), text.split_whitespace().collect::<Vec<_>>().join(" "));
                // greedy: the next word never fits on a line
                for pair in lines.windows(2) {
                    let next = pair[1].split(' ').next().unwrap();
                    assert!(text_width(&format!("{} {next}", pair[0]), size) > max_w);
                }
            }
        }
    }
}

/// Frames one chart of each kind; `HTX_FRAME_OUT=<dir>` also writes them there for looking at
/// them (`HTX_FRAME_WIDTH` sets the width, 800 by default).
#[test]
fn frames_of_each_kind() {
    let ds = small();
    let t = Theme::light(1.0);
    let width = std::env::var("HTX_FRAME_WIDTH").ok().and_then(|w| w.parse().ok()).unwrap_or(800);
    let out = std::env::var("HTX_FRAME_OUT").ok();
    for (name, query) in [("bars", ""), ("stacked", "by=sector&c=stacked"), ("line", "a=vn&c=line"), ("map", "c=map"), ("per-coop", "m=charter_capital&mode=per_coop")] {
        let view = view(&ds, query, Lang::Vi);
        let frame = frame_for(&view, Lang::Vi, URL);
        let svg = framed_svg(&view.spec, &frame, width, &t).unwrap();
        let all: String = texts(&svg).into_iter().map(|t| t.3).collect::<Vec<_>>().join("\n");
        assert!(all.contains("HTX Charts") && all.contains("Nguồn:"), "{name}");
        for c in &view.caveat_text {
            let first = c.split_whitespace().next().unwrap();
            assert!(all.contains(first), "{name}: caveat “{c}” drawn");
        }
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(std::path::Path::new(dir).join(format!("frame-{name}.svg")), &svg).unwrap();
        }
    }
}

#[test]
fn draws_at_device_scale_with_marks_in_logical_pixels() {
    use htx_charts::export::draw_framed;
    use plotters::prelude::*;
    let view = view(&small(), "", Lang::Vi);
    let frame = frame_for(&view, Lang::Vi, URL);
    let marks_at = |scale: f64| {
        let t = Theme { backend_font_factor: 1.24, ..Theme::light(scale) };
        let h = frame_height(&view.spec, &frame, 700.0, &t).ceil();
        let mut out = String::new();
        let marks = {
            let area = plotters_svg::SVGBackend::with_string(&mut out, ((700.0 * scale) as u32, (h * scale) as u32)).into_drawing_area();
            let marks = draw_framed(&area, &view.spec, &frame, &t).unwrap();
            area.present().unwrap();
            marks
        };
        assert!(out.contains("HTX Charts"));
        (marks, h)
    };
    let (one, h) = marks_at(1.0);
    let (two, _) = marks_at(2.0);
    assert_eq!(one.len(), view.figures.len());
    assert_eq!(one.len(), two.len());
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(a.record, b.record);
        assert!((a.shape.x - b.shape.x).abs() < 1.0 && (a.shape.y - b.shape.y).abs() < 1.0, "{a:?} vs {b:?}");
        assert!(a.shape.y > 60.0 && a.shape.y + a.shape.h < h - 40.0, "the mark is inside the chart part of the frame: {a:?}");
    }
}
