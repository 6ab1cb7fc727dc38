//! What the reader chose in the explorer: metric, areas, sector breakdown, mode, date, chart kind,
//! sort order and hidden legend series. Every choice has a short URL word (`key`) and a label in
//! both interface languages.

use crate::i18n::Lang;
use crate::model::{Metric, Unit};

/// Which areas to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AreaSet {
    /// Every area below the regions: provinces, former provinces, cities, unnamed provinces
    /// (`a=local`, the default).
    #[default]
    Local,
    /// The 34 provinces in force since 1 July 2025 (`a=p34`).
    Provinces,
    /// The six socio-economic regions (`a=regions`).
    Regions,
    /// The whole country (`a=vn`).
    Country,
    /// The listed area codes, in the order picked (`a=P20,F24`).
    Custom(Vec<String>),
}

impl AreaSet {
    /// The presets (every variant but [`AreaSet::Custom`]), in menu order.
    pub const PRESETS: [AreaSet; 4] = [AreaSet::Local, AreaSet::Provinces, AreaSet::Regions, AreaSet::Country];

    /// The URL word: `local`, `p34`, `regions`, `vn`, or the codes joined by commas.
    pub fn key(&self) -> String {
        match self {
            AreaSet::Local => "local".into(),
            AreaSet::Provinces => "p34".into(),
            AreaSet::Regions => "regions".into(),
            AreaSet::Country => "vn".into(),
            AreaSet::Custom(codes) => codes.join(","),
        }
    }

    /// Parses a URL word without looking at a dataset: a preset word, or a comma-separated list
    /// of codes (empty items dropped, duplicates kept once). `None` for an empty list. Use
    /// [`crate::explore::from_query`] to check the codes against a dataset.
    pub fn from_key(s: &str) -> Option<AreaSet> {
        match s {
            "local" => Some(AreaSet::Local),
            "p34" => Some(AreaSet::Provinces),
            "regions" => Some(AreaSet::Regions),
            "vn" => Some(AreaSet::Country),
            _ => {
                let mut codes: Vec<String> = Vec::new();
                for c in s.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    if !codes.iter().any(|k| k == c) {
                        codes.push(c.to_string());
                    }
                }
                (!codes.is_empty()).then_some(AreaSet::Custom(codes))
            }
        }
    }

    /// Label for the interface.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            AreaSet::Local => lang.pick("Các địa phương (tỉnh, tỉnh cũ, thành phố)", "All areas (provinces, former provinces, cities)").into(),
            AreaSet::Provinces => lang.pick("34 tỉnh, thành hiện nay", "The 34 current provinces").into(),
            AreaSet::Regions => lang.pick("6 vùng kinh tế - xã hội", "The six regions").into(),
            AreaSet::Country => lang.pick("Cả nước", "Whole country").into(),
            AreaSet::Custom(codes) => match lang {
                Lang::Vi => format!("{} địa bàn đã chọn", codes.len()),
                Lang::En => format!("{} chosen area{}", codes.len(), if codes.len() == 1 { "" } else { "s" }),
            },
        }
    }
}

keyed_enum! {
    /// How values are shown (`mode=`).
    #[derive(Default)]
    Mode {
        /// Values as reported (`abs`, the default).
        #[default]
        Absolute = "abs", "Số tuyệt đối", "Absolute values";
        /// Share of the area's total, in percent (`share`): a sector part of the reported total,
        /// or a subset of cooperatives (operating, inactive, small) of the number of cooperatives.
        Share = "share", "Tỷ lệ trong tổng số", "Share of the total";
        /// Per cooperative (`per_coop`): the value divided by the number of cooperatives of the
        /// same area at the same date.
        PerCooperative = "per_coop", "Bình quân một HTX", "Per cooperative";
    }
}

keyed_enum! {
    /// The kind of chart (`c=`).
    #[derive(Default)]
    ChartKind {
        /// Horizontal bars (`bars`, the default).
        #[default]
        Bars = "bars", "Thanh", "Bars";
        /// Stacked bars of absolute values by sector (`stacked`).
        Stacked = "stacked", "Thanh chồng", "Stacked bars";
        /// 100 % stacked bars: shares (`pct`).
        Stacked100 = "pct", "Thanh 100%", "100% bars";
        /// A line over time, one per area (`line`).
        Line = "line", "Đường theo thời gian", "Line over time";
        /// A table of the figures with qualifiers and sources (`table`).
        Table = "table", "Bảng", "Table";
        /// The tile map of the 34 provinces (`map`).
        Map = "map", "Bản đồ", "Map";
    }
}

impl AreaSet {
    /// Why a preset cannot be chosen for the metric (the greyed-out button's title).
    pub fn unavailable(lang: Lang) -> &'static str {
        lang.pick("Chỉ tiêu này không có số liệu của các địa bàn này.", "This metric has no figures for these areas.")
    }
}

impl Mode {
    /// Why the mode cannot be chosen for a selection (the greyed-out button's title).
    pub fn unavailable(self, lang: Lang) -> &'static str {
        match self {
            Mode::Absolute => "",
            Mode::Share => lang.pick(
                "Cần chia theo lĩnh vực, hoặc một chỉ tiêu là phần của số HTX (đang hoạt động, ngừng hoạt động, quy mô nhỏ) có số HTX cùng thời điểm.",
                "Needs the breakdown by sector, or a part of the cooperatives (operating, inactive, small) with the number of cooperatives at the same date.",
            ),
            Mode::PerCooperative => lang.pick(
                "Cần số HTX của cùng địa bàn, cùng thời điểm, cho vốn, tài sản, doanh thu, lợi nhuận, thành viên hoặc lao động (không chia theo lĩnh vực).",
                "Needs the number of cooperatives of the same area and date, for capital, assets, revenue, profit, members or workers (not by sector).",
            ),
        }
    }
}

impl ChartKind {
    /// Why the kind cannot be chosen for a selection (the greyed-out button's title).
    pub fn unavailable(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::Bars | ChartKind::Table => "",
            ChartKind::Stacked | ChartKind::Stacked100 => lang.pick(
                "Cần bật “Chia theo lĩnh vực” (khi các địa bàn đã chọn có số liệu theo lĩnh vực), hoặc chỉ tiêu xếp loại.",
                "Needs “Break down by sector” (where the chosen areas have figures by sector), or the ratings metric.",
            ),
            ChartKind::Line => lang.pick("Cần một địa bàn có số liệu ở nhiều thời điểm.", "Needs an area with figures at several dates."),
            ChartKind::Map => lang.pick("Chỉ tiêu này không có số liệu của tỉnh, thành hiện nay.", "This metric has no figures of current provinces."),
        }
    }
}

keyed_enum! {
    /// Sort order of bars (`sort=`).
    #[derive(Default)]
    SortBy {
        /// Largest first (`value`, the default).
        #[default]
        Value = "value", "Theo giá trị", "By value";
        /// Alphabetical (Vietnamese order of the folded name) (`name`).
        Name = "name", "Theo tên", "By name";
    }
}

/// Which date's figures (`d=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DatePick {
    /// The latest figure of each area, each bar saying its date (`latest`, the default).
    #[default]
    Latest,
    /// Figures whose date falls in this year (`2023`).
    Year(u16),
}

impl DatePick {
    /// The URL word: `latest` or the year.
    pub fn key(self) -> String {
        match self {
            DatePick::Latest => "latest".into(),
            DatePick::Year(y) => y.to_string(),
        }
    }

    /// Parses a URL word: `latest` or a four-digit year from 1900 to 2100.
    pub fn from_key(s: &str) -> Option<DatePick> {
        if s == "latest" {
            return Some(DatePick::Latest);
        }
        if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: u16 = s.parse().ok()?;
        (1900..=2100).contains(&y).then_some(DatePick::Year(y))
    }

    /// Label for the interface.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (DatePick::Latest, Lang::Vi) => "Số mới nhất của mỗi nơi".into(),
            (DatePick::Latest, Lang::En) => "Latest figure of each area".into(),
            (DatePick::Year(y), Lang::Vi) => format!("Năm {y}"),
            (DatePick::Year(y), Lang::En) => format!("Year {y}"),
        }
    }
}

/// Everything the reader chose; lives in the query string (see [`crate::explore::to_query`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The metric (`m=`).
    pub metric: Metric,
    /// Its unit (written in `m=` only when the metric allows several).
    pub unit: Unit,
    /// The areas (`a=`).
    pub areas: AreaSet,
    /// Break the figure down by sector (`by=sector`).
    pub by_sector: bool,
    /// Absolute, share or per cooperative (`mode=`).
    pub mode: Mode,
    /// Latest or one year (`d=`).
    pub date: DatePick,
    /// The chart kind (`c=`).
    pub chart: ChartKind,
    /// Sort order (`sort=`).
    pub sort: SortBy,
    /// How many rows (bars, stacked rows) or lines to draw at most (`top=10`); None: up to
    /// [`crate::view::layout::MAX_ROWS`]. The others are in the chart's table.
    pub top: Option<u16>,
    /// Legend keys of hidden series (`hide=key1,key2`).
    pub hidden: Vec<String>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            metric: Metric::Cooperatives,
            unit: Unit::Cooperatives,
            areas: AreaSet::Local,
            by_sector: false,
            mode: Mode::Absolute,
            date: DatePick::Latest,
            chart: ChartKind::Bars,
            sort: SortBy::Value,
            top: None,
            hidden: Vec::new(),
        }
    }
}

impl Selection {
    /// Label of the metric and unit for menus (see [`crate::view::text::metric_label`]).
    pub fn metric_label(metric: Metric, unit: Unit, lang: Lang) -> String {
        crate::view::text::metric_label(metric, unit, lang)
    }

    /// A copy with one legend key hidden or shown again (for a click on a legend entry).
    pub fn toggled(&self, key: &str) -> Selection {
        let mut s = self.clone();
        if let Some(i) = s.hidden.iter().position(|k| k == key) {
            s.hidden.remove(i);
        } else {
            s.hidden.push(key.to_string());
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_key(m.key()), Some(*m));
        }
        for c in ChartKind::ALL {
            assert_eq!(ChartKind::from_key(c.key()), Some(*c));
        }
        for s in SortBy::ALL {
            assert_eq!(SortBy::from_key(s.key()), Some(*s));
        }
        for a in AreaSet::PRESETS {
            assert_eq!(AreaSet::from_key(&a.key()), Some(a.clone()));
        }
        assert_eq!(AreaSet::from_key("P20,,F24,P20"), Some(AreaSet::Custom(vec!["P20".into(), "F24".into()])));
        assert_eq!(AreaSet::from_key(","), None);
        assert_eq!(DatePick::from_key("2023"), Some(DatePick::Year(2023)));
        assert_eq!(DatePick::from_key("1800"), None);
        assert_eq!(DatePick::from_key("+202"), None);
        assert_eq!(DatePick::Year(2022).key(), "2022");
        assert_eq!(ChartKind::from_key("map"), Some(ChartKind::Map));
    }

    #[test]
    fn toggling_a_legend_key() {
        let s = Selection::default().toggled("agriculture");
        assert_eq!(s.hidden, ["agriculture"]);
        assert!(s.toggled("agriculture").hidden.is_empty());
    }
}
