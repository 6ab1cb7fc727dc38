//! What a reader must know to read a chart, as typed values. [`Caveat::text`] turns them into
//! words: Vietnamese in [`Caveat::vi`], English in [`Caveat::en`], nowhere else.

use super::text::{area_name, date_of, metric_label};
use crate::explore::{ChartKind, Mode};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Dataset, DateRef, Metric, Qualifier, Unit, Value};

/// An area at a date.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaDate {
    /// Area code.
    pub area: String,
    /// Date.
    pub date: DateRef,
}

/// A figure that could not be divided by a number of cooperatives of the same date.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// Area code.
    pub area: String,
    /// The figure's date.
    pub date: DateRef,
    /// The dates the area has a number of cooperatives at.
    pub counts_at: Vec<DateRef>,
}

/// One reported figure, for caveats that name figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// Value.
    pub value: Value,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// Unit.
    pub unit: Unit,
    /// Who reported it (the source's reporter, or its publisher).
    pub who: String,
}

/// A caveat.
#[derive(Debug, Clone, PartialEq)]
pub enum Caveat {
    /// Figures from different years, side by side.
    DatesDiffer {
        /// Earliest year.
        from: u16,
        /// Latest year.
        to: u16,
    },
    /// The tiles of a map show figures from different years.
    TileDatesDiffer {
        /// Earliest year.
        from: u16,
        /// Latest year.
        to: u16,
    },
    /// Areas of different levels (provinces, former provinces, cities).
    LevelsDiffer,
    /// Some figures have a scope of their own (with or without credit funds, operating only, …).
    ScopesDiffer,
    /// The chart kind asked for does not fit: bars are drawn.
    KindFallback {
        /// The kind asked for.
        asked: ChartKind,
    },
    /// No sector breakdown in the chosen areas: totals are drawn.
    NoSectors,
    /// The mode asked for does not fit: absolute values are drawn.
    ModeFallback {
        /// The mode asked for.
        asked: Mode,
    },
    /// Areas with a total only, left out of a sector breakdown.
    OnlyTotals {
        /// How many.
        count: usize,
    },
    /// Figures left out because no number of cooperatives of the same date exists.
    NoCount {
        /// True for shares, false for per-cooperative values.
        share: bool,
        /// The figures left out.
        left_out: Vec<LeftOut>,
    },
    /// Shares of the sum of the listed sectors (the source gives no total).
    SharesOfListedParts {
        /// Where.
        areas: Vec<AreaDate>,
    },
    /// One sector and no total: no share.
    OnePartNoTotal {
        /// Where.
        areas: Vec<AreaDate>,
    },
    /// Values computed from two figures of the same area and date.
    Computed,
    /// One area and date with figures from several sources: all drawn, never averaged.
    SameDate {
        /// Area code.
        area: String,
        /// Date.
        date: DateRef,
        /// The figures.
        figures: Vec<Reported>,
        /// Drawn as points of a line (else bars).
        line: bool,
    },
    /// Hollow points are estimates, preliminary or approximate.
    HollowPoints,
    /// Rating shares are drawn as published.
    RatingsAsPublished,
    /// Nothing to draw.
    NoFigures {
        /// Metric.
        metric: Metric,
        /// Unit.
        unit: Unit,
    },
    /// Areas with one date only, left out of a line chart (area codes).
    OneDateOnly {
        /// Area codes.
        areas: Vec<String>,
    },
    /// Areas of the chosen set (a list of areas, the 34 provinces, the six regions) without any
    /// figure of the metric: not drawn, and said.
    NoFigureOf {
        /// Their codes.
        areas: Vec<String>,
        /// How many areas the set has.
        of: usize,
    },
    /// A long chart draws its first rows only; the others are in its table.
    TopRows {
        /// Rows drawn.
        shown: usize,
        /// Rows in the table only.
        more: usize,
    },
    /// A line chart draws the lines of the largest last figures only.
    TopSeries {
        /// Lines drawn.
        shown: usize,
        /// Areas left out.
        more: usize,
    },
    /// The tile map's rules.
    TileMap {
        /// Tiles with figures of former provinces only.
        former: usize,
    },
    /// A tile map on a projector: its tiles' text would be too small to read, bars instead.
    MapTooSmall,
}

fn names(ds: &Dataset, list: &[AreaDate], lang: Lang) -> String {
    list.iter().map(|a| format!("{} ({})", area_name(ds, &a.area, lang), date_of(a.date, lang))).collect::<Vec<_>>().join(", ")
}

fn left_out_text(ds: &Dataset, l: &LeftOut, lang: Lang) -> String {
    let name = area_name(ds, &l.area, lang);
    let date = date_of(l.date, lang);
    let counts = l.counts_at.iter().map(|d| date_of(*d, lang)).collect::<Vec<_>>().join(", ");
    match (counts.is_empty(), lang) {
        (true, Lang::Vi) => format!("{name} ({date}: không có số HTX)"),
        (true, Lang::En) => format!("{name} ({date}: no number of cooperatives)"),
        (false, Lang::Vi) => format!("{name} ({date}: số HTX chỉ có ở thời điểm {counts})"),
        (false, Lang::En) => format!("{name} ({date}: cooperatives counted only at {counts})"),
    }
}

fn reported_list(figures: &[Reported], lang: Lang) -> String {
    figures
        .iter()
        .map(|f| format!("{} ({})", format::value(f.value, f.qualifier, f.unit, lang), f.who))
        .collect::<Vec<_>>()
        .join(lang.pick(" và ", " and "))
}

fn area_list(ds: &Dataset, areas: &[String], lang: Lang) -> String {
    if areas.len() <= 8 {
        areas.iter().map(|a| area_name(ds, a, lang)).collect::<Vec<_>>().join(", ")
    } else {
        format!("{} {}", areas.len(), lang.pick("địa bàn", "areas"))
    }
}

/// ": " and the names of a few areas (none past eight: the count says it).
fn named(ds: &Dataset, areas: &[String], lang: Lang) -> String {
    if areas.len() <= 8 {
        format!(": {}", area_list(ds, areas, lang))
    } else {
        String::new()
    }
}

impl Caveat {
    /// For a chart shown without its table (a slide): how many rows or lines it leaves out, in
    /// a few words ("15 hàng đầu; 30 địa bàn khác không có trên trang này"); `None` for other caveats.
    pub fn cut_short(&self, lang: Lang) -> Option<String> {
        let (shown, more, lines) = match self {
            Caveat::TopRows { shown, more } => (*shown, *more, false),
            Caveat::TopSeries { shown, more } => (*shown, *more, true),
            _ => return None,
        };
        let more = format::number(more as f64, lang);
        Some(match (lang, lines) {
            (Lang::Vi, false) => format!("{shown} hàng đầu; {more} địa bàn khác không có trên trang này"),
            (Lang::Vi, true) => format!("{shown} đường có số cuối lớn nhất; {more} địa bàn khác không có trên trang này"),
            (Lang::En, false) => format!("first {shown} rows; {more} more areas not on this slide"),
            (Lang::En, true) => format!("{shown} lines with the largest last figure; {more} more areas not on this slide"),
        })
    }

    /// The caveat in words.
    pub fn text(&self, ds: &Dataset, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(ds),
            Lang::En => self.en(ds),
        }
    }

    /// In Vietnamese.
    pub fn vi(&self, ds: &Dataset) -> String {
        let l = Lang::Vi;
        match self {
            Caveat::DatesDiffer { from, to } => format!("Số liệu có thời điểm khác nhau ({from}–{to}): mỗi số liệu ghi thời điểm của nó. Không so sánh như số cùng năm."),
            Caveat::TileDatesDiffer { from, to } => format!("Các ô có số liệu ở thời điểm khác nhau ({from}–{to}): xem thời điểm của từng ô trong bảng hoặc khi trỏ vào ô. Không so sánh như số cùng năm."),
            Caveat::LevelsDiffer => "Gồm các cấp khác nhau: tỉnh, thành hiện nay (34 đơn vị từ 1/7/2025), tỉnh cũ trước sáp nhập (ghi “cũ”) và cấp dưới tỉnh.".into(),
            Caveat::ScopesDiffer => "Phạm vi thống kê khác nhau theo nguồn (có nơi gồm cả liên hiệp HTX, quỹ tín dụng nhân dân; có nơi chỉ tính HTX đang hoạt động): xem chi tiết ở từng số liệu.".into(),
            Caveat::KindFallback { asked } => format!("Dạng “{}” không dùng được cho lựa chọn này: hiển thị dạng thanh.", asked.label(l)),
            Caveat::NoSectors => "Chỉ tiêu này không có số liệu theo lĩnh vực ở các địa bàn đã chọn: hiển thị tổng số.".into(),
            Caveat::ModeFallback { asked } => format!("Cách tính “{}” không dùng được cho lựa chọn này: hiển thị số tuyệt đối.", asked.label(l)),
            Caveat::OnlyTotals { count } => format!("{count} địa bàn khác chỉ có tổng số, không chia theo lĩnh vực, nên không có trong biểu đồ."),
            Caveat::NoCount { share, left_out } => {
                let list = left_out.iter().map(|x| left_out_text(ds, x, l)).collect::<Vec<_>>().join("; ");
                let what = if *share { "tỷ lệ" } else { "bình quân một HTX" };
                format!("Không tính được {what} (thiếu số HTX cùng thời điểm), đã bỏ ra: {list}.")
            }
            Caveat::SharesOfListedParts { areas } => format!("Nguồn không nêu tổng số cho {}: tỷ lệ tính trên tổng các lĩnh vực nguồn liệt kê.", names(ds, areas, l)),
            Caveat::OnePartNoTotal { areas } => format!("Không tính được tỷ lệ (nguồn chỉ nêu một lĩnh vực, không nêu tổng số), đã bỏ ra: {}.", names(ds, areas, l)),
            Caveat::Computed => "Số tính toán từ hai số liệu của cùng địa bàn, cùng thời điểm (không ghép các thời điểm khác nhau): xem cách tính ở từng số.".into(),
            Caveat::SameDate { area, date, figures, line } => format!(
                "{}, thời điểm {} có {} số liệu từ các nguồn khác nhau: {}. Cả hai được vẽ ({} riêng), không lấy trung bình.",
                area_name(ds, area, l),
                date_of(*date, l),
                figures.len(),
                reported_list(figures, l),
                if *line { "điểm" } else { "thanh" }
            ),
            Caveat::HollowPoints => "Điểm rỗng: số ước tính, sơ bộ hoặc khoảng.".into(),
            Caveat::RatingsAsPublished => "Các tỷ lệ vẽ đúng như nguồn công bố, không quy đổi cho tròn 100%. Tiêu chí xếp loại có thể khác nhau giữa các nguồn.".into(),
            Caveat::NoFigures { metric, unit } => format!("Không có số liệu “{}” cho các địa bàn và thời điểm đã chọn.", metric_label(*metric, *unit, l)),
            Caveat::OneDateOnly { areas } => format!("Chỉ vẽ đường cho địa bàn có số liệu ở nhiều thời điểm; chỉ có một thời điểm (xem dạng thanh): {}.", area_list(ds, areas, l)),
            Caveat::NoFigureOf { areas, of } => format!("{} trong {of} địa bàn đã chọn không có số liệu chỉ tiêu này{}.", areas.len(), named(ds, areas, l)),
            Caveat::TopRows { shown, more } => format!("Biểu đồ vẽ {shown} hàng đầu theo thứ tự đã chọn; {} địa bàn khác có trong bảng (hoặc tìm và chọn địa bàn để vẽ riêng).", format::number(*more as f64, l)),
            Caveat::TopSeries { shown, more } => format!("Chỉ vẽ {shown} đường có số cuối lớn nhất; {} địa bàn khác — xem bảng, hoặc chọn địa bàn để so sánh.", format::number(*more as f64, l)),
            Caveat::TileMap { former } => format!("Bản đồ ô: mỗi ô là một tỉnh, thành (34 đơn vị từ 1/7/2025), không theo diện tích. Chỉ tô màu số liệu của chính tỉnh, thành đó; {former} ô chỉ có số liệu của tỉnh cũ trước sáp nhập (viền đứt), không cộng dồn."),
            Caveat::MapTooSmall => "Trên màn chiếu, chữ trong các ô của bản đồ quá nhỏ để đọc: hiển thị dạng thanh.".into(),
        }
    }

    /// In English.
    pub fn en(&self, ds: &Dataset) -> String {
        let l = Lang::En;
        match self {
            Caveat::DatesDiffer { from, to } => format!("Figures are from different dates ({from}–{to}): each figure states its date. Do not compare them as one year."),
            Caveat::TileDatesDiffer { from, to } => format!("The tiles show figures from different dates ({from}–{to}): see each tile's date in the table or by pointing at it. Do not compare them as one year."),
            Caveat::LevelsDiffer => "Mixes levels: current provinces (34 units since 1 July 2025), former provinces before the merger (marked “former”) and units below a province.".into(),
            Caveat::ScopesDiffer => "Scopes differ between sources (some include unions and people's credit funds, some count only operating cooperatives): see each figure.".into(),
            Caveat::KindFallback { asked } => format!("“{}” does not apply to this selection: showing bars.", asked.label(l)),
            Caveat::NoSectors => "This metric has no figures by sector in the chosen areas: showing totals.".into(),
            Caveat::ModeFallback { asked } => format!("“{}” does not apply to this selection: showing absolute values.", asked.label(l)),
            Caveat::OnlyTotals { count } => format!("{count} other area(s) have only a total, not split by sector, and are not in the chart."),
            Caveat::NoCount { share, left_out } => {
                let list = left_out.iter().map(|x| left_out_text(ds, x, l)).collect::<Vec<_>>().join("; ");
                let what = if *share { "share" } else { "per-cooperative value" };
                format!("No {what} could be computed (no number of cooperatives at the same date), left out: {list}.")
            }
            Caveat::SharesOfListedParts { areas } => format!("The source gives no total for {}: shares are of the sum of the sectors it lists.", names(ds, areas, l)),
            Caveat::OnePartNoTotal { areas } => format!("No share could be computed (the source gives one sector and no total), left out: {}.", names(ds, areas, l)),
            Caveat::Computed => "Computed from two figures of the same area and the same date (never across dates): see how each was computed.".into(),
            Caveat::SameDate { area, date, figures, line } => format!(
                "{}, {} has {} figures from different sources: {}. Both are drawn ({} of their own), not averaged.",
                area_name(ds, area, l),
                date_of(*date, l),
                figures.len(),
                reported_list(figures, l),
                if *line { "points" } else { "bars" }
            ),
            Caveat::HollowPoints => "Hollow points: estimates, preliminary or approximate figures.".into(),
            Caveat::RatingsAsPublished => "Shares are drawn as published, not rescaled to 100%. Rating criteria may differ between sources.".into(),
            Caveat::NoFigures { metric, unit } => format!("No figures of “{}” for the chosen areas and date.", metric_label(*metric, *unit, l)),
            Caveat::OneDateOnly { areas } => format!("Lines only for areas with figures at several dates; one date only (see the bars): {}.", area_list(ds, areas, l)),
            Caveat::NoFigureOf { areas, of } => {
                let n = areas.len();
                format!("{n} of the {of} chosen areas {} no figure for this metric{}.", if n == 1 { "has" } else { "have" }, named(ds, areas, l))
            }
            Caveat::TopRows { shown, more } => format!("The chart draws the first {shown} rows in the chosen order; {} more areas are in the table (or search for areas and pick them to chart them on their own).", format::number(*more as f64, l)),
            Caveat::TopSeries { shown, more } => format!("Only the {shown} lines with the largest last figure are drawn; {} more areas — see the table, or choose areas to compare.", format::number(*more as f64, l)),
            Caveat::TileMap { former } => {
                let tiles = if *former == 1 { "1 tile has".to_string() } else { format!("{former} tiles have") };
                format!("Tile map: one equal tile per province (34 units since 1 July 2025), not by area. Only a province's own figure is coloured; {tiles} only figures of former provinces from before the merger (dashed outline), never summed.")
            }
            Caveat::MapTooSmall => "On a projector the tile map's text is too small to read: showing bars.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_chart_says_how_much_it_leaves_out() {
        let rows = Caveat::TopRows { shown: 15, more: 1234 };
        assert_eq!(rows.cut_short(Lang::Vi).as_deref(), Some("15 hàng đầu; 1.234 địa bàn khác không có trên trang này"));
        assert_eq!(rows.cut_short(Lang::En).as_deref(), Some("first 15 rows; 1,234 more areas not on this slide"));
        let lines = Caveat::TopSeries { shown: 8, more: 3 };
        assert!(lines.cut_short(Lang::En).unwrap().starts_with("8 lines"));
        assert_eq!(Caveat::HollowPoints.cut_short(Lang::Vi), None);
    }
}
