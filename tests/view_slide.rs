//! A view on a slide: a table drawn as bars, at most 15 areas, fewer when their bars would only fit
//! the room in type too small for a projector; a slide's own `top` is kept.

mod common;

use common::{sel, small};
use htx_charts::chart::ChartSpec;
use htx_charts::explore::ChartKind;
use htx_charts::i18n::Lang;
use htx_charts::view::{slide_view, Caveat, SlideRoom};

fn rows(spec: &ChartSpec) -> usize {
    match spec {
        ChartSpec::Bars(b) => b.rows.len(),
        ChartSpec::Stacked(s) => s.rows.len(),
        _ => 0,
    }
}

#[test]
fn a_slide_shows_as_many_areas_as_fit_in_readable_type() {
    let ds = small();
    let s = sel(&ds, "c=table");
    let all = slide_view(&ds, &s, Lang::Vi, None);
    assert_eq!(all.chart_kind, ChartKind::Bars, "a table is shown as bars");
    let n = rows(&all.spec);
    assert!(n >= 4, "{n} rows in the fixture");
    // a room for about three rows of 16 px type
    let room = SlideRoom { width: 1216.0, height: 160.0, min_text: 16.0 };
    let cut = slide_view(&ds, &s, Lang::Vi, Some(room));
    let m = rows(&cut.spec);
    assert!(m >= 1 && m < n, "{m} of {n} rows fit");
    assert!(cut.caveats.iter().any(|c| matches!(c, Caveat::TopRows { shown, .. } if *shown == m)), "{:?}", cut.caveats);
    let t = htx_charts::chart::Theme::projector(1.0, 16.0, 160.0);
    assert!(htx_charts::chart::preferred_height(&cut.spec, 1216.0, &t) <= 160.0);
    // one area more would not fit
    let more = htx_charts::view::build(&ds, &sel(&ds, &format!("top={}", m + 1)), Lang::Vi);
    assert!(htx_charts::chart::preferred_height(&more.spec, 1216.0, &t) > 160.0, "the most that fit");
    // the slide's own `top` is kept
    let own = slide_view(&ds, &sel(&ds, "top=4"), Lang::Vi, Some(room));
    assert_eq!(rows(&own.spec), 4.min(n));
}

#[test]
fn a_tile_map_on_a_projector_is_shown_as_bars_and_says_so() {
    let ds = small();
    let s = sel(&ds, "c=map");
    // 1080p and 720p alike: a tile's text (11 px at most) is far below a slide's smallest
    for room in [SlideRoom { width: 1856.0, height: 760.0, min_text: 24.0 }, SlideRoom { width: 1216.0, height: 420.0, min_text: 16.0 }] {
        let v = slide_view(&ds, &s, Lang::Vi, Some(room));
        assert_eq!(v.chart_kind, ChartKind::Bars, "{room:?}");
        assert_eq!(v.caveats.first(), Some(&Caveat::MapTooSmall));
        assert!(v.caveat_text[0].starts_with("Trên màn chiếu, chữ trong các ô của bản đồ quá nhỏ để đọc"), "{:?}", v.caveat_text);
        assert_eq!(v.caveats.len(), v.caveat_text.len());
    }
    // without a projector's room (a slide's picture for a download), the map stays a map
    assert_eq!(slide_view(&ds, &s, Lang::Vi, None).chart_kind, ChartKind::Map);
}
