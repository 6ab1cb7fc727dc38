//! A view on a slide. A projector shows at most [`SLIDE_ROWS`] areas, and fewer when their bars
//! would only fit the screen in type too small to read from the back of a room. A table is shown
//! as bars, with the same limit, and so is a tile map (its tiles' text is too small for a room).

use super::{build, Caveat, ChartView};
use crate::chart::{self, ChartSpec, Theme};
use crate::explore::{AreaSet, ChartKind, Selection};
use crate::i18n::Lang;
use crate::model::Dataset;

/// The most areas a slide shows unless its `top` says otherwise.
pub const SLIDE_ROWS: u16 = 15;

/// The room a slide's chart has, in CSS pixels, and the smallest type that can be read there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlideRoom {
    /// Width of the chart.
    pub width: f64,
    /// Height left for the chart under the slide's title and above its source line.
    pub height: f64,
    /// Smallest base text size readable on the projector.
    pub min_text: f64,
}

impl SlideRoom {
    /// Whether the view's bars fit the room at the smallest readable type.
    fn holds(&self, v: &ChartView) -> bool {
        match v.spec {
            ChartSpec::Bars(_) | ChartSpec::Stacked(_) => chart::preferred_height(&v.spec, self.width, &Theme::projector(1.0, self.min_text, self.height)) <= self.height,
            _ => true,
        }
    }
}

/// The view of a slide's selection: its own `top` if it has one; otherwise up to [`SLIDE_ROWS`]
/// areas, as many as fit `room` (at least one). The areas left out are named by the view's
/// caveat, as on any chart with a `top`.
pub fn slide_view(ds: &Dataset, sel: &Selection, lang: Lang, room: Option<SlideRoom>) -> ChartView {
    let mut sel = sel.clone();
    if sel.chart == ChartKind::Table {
        sel.chart = ChartKind::Bars;
    }
    // a tile map on a projector is shown as bars, and says so: its tiles' names and values, in
    // type that fits a tile, are far smaller than a room can read (11 px at most, where a
    // 1080p slide's smallest text is 24 px)
    if sel.chart == ChartKind::Map && room.is_some() {
        (sel.chart, sel.areas) = (ChartKind::Bars, AreaSet::Provinces);
        let mut v = fitted(ds, sel, lang, room);
        v.caveats.insert(0, Caveat::MapTooSmall);
        v.caveat_text.insert(0, Caveat::MapTooSmall.text(ds, lang));
        return v;
    }
    fitted(ds, sel, lang, room)
}

/// The view with its own `top`, or as many areas (up to [`SLIDE_ROWS`]) as fit `room`.
fn fitted(ds: &Dataset, mut sel: Selection, lang: Lang, room: Option<SlideRoom>) -> ChartView {
    if sel.top.is_some() {
        return build(ds, &sel, lang);
    }
    sel.top = Some(SLIDE_ROWS);
    let v = build(ds, &sel, lang);
    let Some(room) = room else { return v };
    if room.holds(&v) {
        return v;
    }
    // the most areas that fit: `lo` fits (or is 1), `hi` does not
    let (mut lo, mut hi) = (1, SLIDE_ROWS);
    let mut best = None;
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        sel.top = Some(mid);
        let m = build(ds, &sel, lang);
        if room.holds(&m) {
            lo = mid;
            best = Some(m);
        } else {
            hi = mid;
        }
    }
    best.unwrap_or_else(|| {
        sel.top = Some(lo);
        build(ds, &sel, lang)
    })
}
