//! The summary in Vietnamese ([`Summary::vi`]): one function per chart kind and per fact.

use super::facts::{Body, Change, Dates, Derived, Disagreement, End, Extreme, Line, PartKind, Row, StackDetail};
use super::words::{capital, dated, is_one_date, join, row_name, sourced};
use super::Summary;

impl Summary {
    /// In Vietnamese.
    pub fn vi(&self) -> String {
        let w = Vi::of(self);
        let mut out: Vec<String> = Vec::new();
        match &self.body {
            Body::Empty => return "Không có số liệu cho lựa chọn này.".into(),
            Body::One(n) => out.push(format!("{}: {} ({}).", n.name, n.value, n.date)),
            Body::Bars { figures, areas, dates, max, min } => out.extend(w.bars(*figures, *areas, dates, max, min)),
            Body::Parts { area, date, kind, parts, max, min } => out.extend(w.parts(area, date, *kind, *parts, max, min)),
            Body::Stacked { rows, areas, kind, classes, dates, detail } => out.extend(w.stacked(*rows, *areas, *kind, *classes, dates, detail)),
            Body::Lines { lines, more, left_out, dates } => out.extend(w.lines(lines, *more, *left_out, dates)),
            Body::Map { tiles: n, own, former, none, dates, max, min } => {
                out.push(tiles(*n, *own, *former, *none));
                out.extend(w.map(*own, dates.as_ref(), max.as_ref(), min.as_ref()));
            }
        }
        out.extend(disagreements(&self.disagreements, self.more_disagreements));
        if self.scopes {
            out.push("Phạm vi thống kê khác nhau giữa các nguồn.".into());
        }
        out.join(" ")
    }
}

/// What the words of every chart kind depend on: whether the values count things ("nhiều nhất")
/// or measure them ("cao nhất"), and whether they are computed.
struct Vi {
    /// "nhiều nhất" or "cao nhất".
    hi: &'static str,
    /// "ít nhất" or "thấp nhất".
    lo: &'static str,
    /// The values are computed.
    computed: Option<Derived>,
}

impl Vi {
    fn of(s: &Summary) -> Vi {
        Vi {
            hi: if s.counts { "nhiều nhất" } else { "cao nhất" },
            lo: if s.counts { "ít nhất" } else { "thấp nhất" },
            computed: s.computed,
        }
    }

    /// How computed values were computed.
    fn computed(&self) -> Option<String> {
        let d = self.computed?;
        let what = if d.share { "Tỷ lệ" } else { "Bình quân một HTX" };
        let from = if d.two { "hai số liệu" } else { "các số liệu" };
        Some(format!("{what} tính từ {from} cùng thời điểm của mỗi địa bàn."))
    }

    /// The largest and the smallest of `all` figures, or the value they all share.
    fn extremes(&self, max: &Extreme, min: &Extreme, all: usize, with_date: bool) -> String {
        if max.count() == all {
            format!("Tất cả đều {}.", max.value())
        } else {
            format!("{}: {}; {}: {}.", capital(self.hi), ext(max, with_date), self.lo, ext(min, with_date))
        }
    }

    /// Bars of several areas.
    fn bars(&self, figures: usize, areas: usize, d: &Dates, max: &Extreme, min: &Extreme) -> Vec<String> {
        let what = if figures == areas { format!("{areas} địa bàn") } else { format!("{figures} số liệu của {areas} địa bàn") };
        let mut out = vec![format!("{what}, {}.", dates(d))];
        out.extend(self.computed());
        out.push(self.extremes(max, min, figures, !is_one_date(d)));
        out
    }

    /// The parts of one area at one date.
    fn parts(&self, area: &str, date: &str, k: PartKind, parts: usize, max: &Extreme, min: &Extreme) -> Vec<String> {
        let (hi, lo) = (self.hi, self.lo);
        let first = if parts == 1 {
            format!("{area}, {date}: {}.", ext(max, false))
        } else if max.count() == parts {
            format!("{area}, {date}, {parts} {}: đều {}.", kind(k), max.value())
        } else {
            format!("{area}, {date}, {parts} {}: {hi} {}; {lo} {}.", kind(k), ext(max, false), ext(min, false))
        };
        let mut out = vec![first];
        out.extend(self.computed());
        out
    }

    /// Stacked rows: their counts, then the rows listed or the longest row or highest share.
    fn stacked(&self, rows: usize, areas: usize, k: PartKind, classes: usize, d: &Dates, detail: &StackDetail) -> Vec<String> {
        let what = if rows == areas { format!("{areas} địa bàn") } else { format!("{rows} hàng của {areas} địa bàn") };
        let mut out = vec![format!("{what}, {classes} {}, {}.", kind(k), dates(d))];
        out.extend(self.computed());
        out.push(self.detail(detail, k, !is_one_date(d)));
        out
    }

    /// What a stacked chart's summary says beyond its counts.
    fn detail(&self, detail: &StackDetail, k: PartKind, with_date: bool) -> String {
        let hi = self.hi;
        match detail {
            StackDetail::Rows(rows) => format!("{}.", rows.iter().map(|r| row(r, k, with_date)).collect::<Vec<_>>().join("; ")),
            StackDetail::Longest { row, date, part, value } => format!("Hàng dài nhất: {}, trong đó {hi} {part} {value}.", row_name(row, date, with_date)),
            StackDetail::Highest { row, date, part, value } => format!("Tỷ lệ cao nhất: {}, {part} {value}.", row_name(row, date, with_date)),
        }
    }

    /// Lines over time: how many, their dates, and each line named from its first to its last figure.
    fn lines(&self, lines: &[Line], more: usize, left_out: usize, d: &Dates) -> Vec<String> {
        let span = match d {
            Dates::One(d) => format!("thời điểm {d}"),
            Dates::Year(y) => format!("số liệu năm {y}"),
            Dates::Span(a, b) => format!("số liệu từ {a} đến {b}"),
        };
        let not_drawn = if left_out > 0 { format!("; {left_out} địa bàn khác không được vẽ (xem bảng)") } else { String::new() };
        let mut out = vec![format!("{} đường, {span}{not_drawn}.", lines.len() + more)];
        out.extend(self.computed());
        let mut list: Vec<String> = lines.iter().map(line).collect();
        if more > 0 {
            list.push(format!("và {more} đường khác"));
        }
        out.push(format!("{}.", list.join("; ")));
        out
    }

    /// The tile map after its tiles: the dates and the largest and smallest of the `own` figures.
    fn map(&self, own: usize, d: Option<&Dates>, max: Option<&Extreme>, min: Option<&Extreme>) -> Vec<String> {
        let mut out = Vec::new();
        match d {
            Some(Dates::One(d)) if own > 1 => out.push(format!("Số liệu cùng thời điểm {d}.")),
            Some(d) if own > 1 => out.push(format!("{}.", capital(&dates(d)))),
            _ => {}
        }
        let with_date = !d.is_some_and(is_one_date) || own == 1;
        match (max, min) {
            (Some(max), Some(min)) => out.push(self.extremes(max, min, own, with_date)),
            (Some(max), None) => out.push(format!("{}.", ext(max, true))),
            _ => {}
        }
        out
    }
}

/// Sectors or rating classes.
fn kind(k: PartKind) -> &'static str {
    match k {
        PartKind::Sector => "lĩnh vực",
        PartKind::Rating => "mức xếp loại",
    }
}

/// The largest (or smallest) figure with its value, or the figures that share it.
fn ext(e: &Extreme, with_date: bool) -> String {
    if e.count() == 1 {
        let n = &e.figures[0];
        if with_date {
            format!("{} {} ({})", n.name, n.value, n.date)
        } else {
            format!("{} {}", n.name, n.value)
        }
    } else {
        let mut names: Vec<String> = e.figures.iter().map(|n| dated(n, with_date)).collect();
        if e.more > 0 {
            names.push(format!("{} nơi khác", e.more));
        }
        format!("{} cùng {}", join(&names, "và"), e.value())
    }
}

/// When the figures are from.
fn dates(d: &Dates) -> String {
    match d {
        Dates::One(d) => format!("cùng thời điểm {d}"),
        Dates::Year(y) => format!("số liệu năm {y}"),
        Dates::Span(a, b) => format!("số liệu từ {a} đến {b}, không cùng thời điểm"),
    }
}

/// One stacked row with its largest parts.
fn row(r: &Row, k: PartKind, with_date: bool) -> String {
    let mut parts: Vec<String> = r.parts.iter().map(|(p, v)| format!("{p} {v}")).collect();
    if r.more > 0 {
        parts.push(format!("{} {} khác", r.more, kind(k)));
    }
    format!("{}: {}", row_name(&r.name, &r.date, with_date), join(&parts, "và"))
}

/// One end of a line: its figure and date, or the figures of several sources.
fn end(e: &End) -> String {
    match e.figures.as_slice() {
        [one] => format!("{} ({})", one.value, e.date),
        many => format!("{} cho {}", sourced(many, "và"), e.date),
    }
}

/// One line, from its first figure to its last.
fn line(l: &Line) -> String {
    let (a, b) = (end(&l.first), end(&l.last));
    let how = match &l.change {
        Change::Up(Some(by)) => format!("tăng {by}, từ {a} lên {b}"),
        Change::Up(None) => format!("tăng từ {a} lên {b}"),
        Change::Down(Some(by)) => format!("giảm {by}, từ {a} xuống {b}"),
        Change::Down(None) => format!("giảm từ {a} xuống {b}"),
        Change::Same => format!("không đổi, từ {a} đến {b}"),
        Change::Unknown => format!("từ {a} đến {b}"),
    };
    format!("{}: {how}", l.name)
}

/// The tiles of the map by what figures they have.
fn tiles(tiles: usize, own: usize, former: usize, none: usize) -> String {
    let mut parts = vec![format!("{own} tỉnh có số liệu riêng")];
    if former > 0 {
        parts.push(format!("{former} chỉ có số liệu tỉnh cũ"));
    }
    if none > 0 {
        parts.push(format!("{none} không có"));
    }
    format!("Bản đồ {tiles} tỉnh, thành: {}.", parts.join(", "))
}

/// Where sources give different figures.
fn disagreements(list: &[Disagreement], more: usize) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let mut list: Vec<String> = list.iter().map(|d| format!("{}, {}: {}", d.area, d.date, sourced(&d.figures, "và"))).collect();
    if more > 0 {
        list.push(format!("và {more} chỗ khác"));
    }
    Some(format!("Các nguồn ghi khác nhau cho {}.", list.join("; ")))
}
