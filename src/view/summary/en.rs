//! The summary in English ([`Summary::en`]): one function per chart kind and per fact.

use super::facts::{Body, Change, Dates, Derived, Disagreement, End, Extreme, Line, PartKind, Row, StackDetail};
use super::words::{capital, dated, is_one_date, join, row_name, sourced};
use super::Summary;

impl Summary {
    /// In English.
    pub fn en(&self) -> String {
        let w = En::of(self);
        let mut out: Vec<String> = Vec::new();
        match &self.body {
            Body::Empty => return "No figures for this choice.".into(),
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
            out.push("Scopes differ between sources.".into());
        }
        out.join(" ")
    }
}

/// What the words of every chart kind depend on: whether the values count things ("largest")
/// or measure them ("highest"), and whether they are computed.
struct En {
    /// "largest" or "highest".
    hi: &'static str,
    /// "smallest" or "lowest".
    lo: &'static str,
    /// The values are computed.
    computed: Option<Derived>,
}

impl En {
    fn of(s: &Summary) -> En {
        En {
            hi: if s.counts { "largest" } else { "highest" },
            lo: if s.counts { "smallest" } else { "lowest" },
            computed: s.computed,
        }
    }

    /// How computed values were computed.
    fn computed(&self) -> Option<String> {
        let d = self.computed?;
        let what = if d.share { "Shares are" } else { "Per-cooperative values are" };
        let from = if d.two { "two figures" } else { "figures" };
        Some(format!("{what} computed from {from} of the same area and date."))
    }

    /// The largest and the smallest of `all` figures, or the value they all share.
    fn extremes(&self, max: &Extreme, min: &Extreme, all: usize, with_date: bool) -> String {
        if max.count() == all {
            format!("All are {}.", max.value())
        } else {
            format!("{}: {}; {}: {}.", capital(self.hi), ext(max, with_date), self.lo, ext(min, with_date))
        }
    }

    /// Bars of several areas.
    fn bars(&self, figures: usize, areas: usize, d: &Dates, max: &Extreme, min: &Extreme) -> Vec<String> {
        let what = if figures == areas { format!("{areas} {}", areas_word(areas)) } else { format!("{figures} figures for {areas} {}", areas_word(areas)) };
        let mut out = vec![format!("{}, {}.", capital(&what), dates(d))];
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
            format!("{area}, {date}, {parts} {}: all {}.", kind(k, parts), max.value())
        } else {
            format!("{area}, {date}, {parts} {}: {hi} {}; {lo} {}.", kind(k, parts), ext(max, false), ext(min, false))
        };
        let mut out = vec![first];
        out.extend(self.computed());
        out
    }

    /// Stacked rows: their counts, then the rows listed or the longest row or highest share.
    fn stacked(&self, rows: usize, areas: usize, k: PartKind, classes: usize, d: &Dates, detail: &StackDetail) -> Vec<String> {
        let what = if rows == areas { format!("{areas} {}", areas_word(areas)) } else { format!("{rows} rows for {areas} {}", areas_word(areas)) };
        let mut out = vec![format!("{what}, {classes} {}, {}.", kind(k, classes), dates(d))];
        out.extend(self.computed());
        out.push(self.detail(detail, k, !is_one_date(d)));
        out
    }

    /// What a stacked chart's summary says beyond its counts.
    fn detail(&self, detail: &StackDetail, k: PartKind, with_date: bool) -> String {
        let hi = self.hi;
        match detail {
            StackDetail::Rows(rows) => format!("{}.", rows.iter().map(|r| row(r, k, with_date)).collect::<Vec<_>>().join("; ")),
            StackDetail::Longest { row, date, part, value } => format!("Longest row: {}, its {hi} part {part} {value}.", row_name(row, date, with_date)),
            StackDetail::Highest { row, date, part, value } => format!("Highest share: {}, {part} {value}.", row_name(row, date, with_date)),
        }
    }

    /// Lines over time: how many, their dates, and each line named from its first to its last figure.
    fn lines(&self, lines: &[Line], more: usize, left_out: usize, d: &Dates) -> Vec<String> {
        let n = lines.len() + more;
        let span = match d {
            Dates::One(d) => format!("dated {d}"),
            Dates::Year(y) => format!("figures of {y}"),
            Dates::Span(a, b) => format!("figures from {a} to {b}"),
        };
        let not_drawn = match left_out {
            0 => String::new(),
            1 => "; 1 more area not drawn (see the table)".into(),
            k => format!("; {k} more areas not drawn (see the table)"),
        };
        let mut out = vec![format!("{n} {}, {span}{not_drawn}.", lines_word(n))];
        out.extend(self.computed());
        let mut list: Vec<String> = lines.iter().map(line).collect();
        if more > 0 {
            list.push(format!("and {more} more {}", lines_word(more)));
        }
        out.push(format!("{}.", list.join("; ")));
        out
    }

    /// The tile map after its tiles: the dates and the largest and smallest of the `own` figures.
    fn map(&self, own: usize, d: Option<&Dates>, max: Option<&Extreme>, min: Option<&Extreme>) -> Vec<String> {
        let mut out = Vec::new();
        match d {
            Some(Dates::One(d)) if own > 1 => out.push(format!("Figures all dated {d}.")),
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

/// Sectors or rating classes, `n` of them.
fn kind(k: PartKind, n: usize) -> &'static str {
    match (k, n == 1) {
        (PartKind::Sector, true) => "sector",
        (PartKind::Sector, false) => "sectors",
        (PartKind::Rating, true) => "rating class",
        (PartKind::Rating, false) => "rating classes",
    }
}

/// "area" or "areas".
fn areas_word(n: usize) -> &'static str {
    if n == 1 {
        "area"
    } else {
        "areas"
    }
}

/// "line" or "lines".
fn lines_word(n: usize) -> &'static str {
    if n == 1 {
        "line"
    } else {
        "lines"
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
            names.push(format!("{} more", e.more));
        }
        format!("{}, {} each", join(&names, "and"), e.value())
    }
}

/// When the figures are from.
fn dates(d: &Dates) -> String {
    match d {
        Dates::One(d) => format!("all dated {d}"),
        Dates::Year(y) => format!("figures of {y}"),
        Dates::Span(a, b) => format!("figures from {a} to {b}, not of one date"),
    }
}

/// One stacked row with its largest parts.
fn row(r: &Row, k: PartKind, with_date: bool) -> String {
    let mut parts: Vec<String> = r.parts.iter().map(|(p, v)| format!("{p} {v}")).collect();
    if r.more > 0 {
        parts.push(format!("{} more {}", r.more, kind(k, r.more)));
    }
    format!("{}: {}", row_name(&r.name, &r.date, with_date), join(&parts, "and"))
}

/// One end of a line: its figure and date, or the figures of several sources.
fn end(e: &End) -> String {
    match e.figures.as_slice() {
        [one] => format!("{} ({})", one.value, e.date),
        many => format!("{} for {}", sourced(many, "and"), e.date),
    }
}

/// One line, from its first figure to its last.
fn line(l: &Line) -> String {
    let (a, b) = (end(&l.first), end(&l.last));
    let how = match &l.change {
        Change::Up(Some(by)) => format!("up {by}, from {a} to {b}"),
        Change::Up(None) => format!("up from {a} to {b}"),
        Change::Down(Some(by)) => format!("down {by}, from {a} to {b}"),
        Change::Down(None) => format!("down from {a} to {b}"),
        Change::Same => format!("unchanged, from {a} to {b}"),
        Change::Unknown => format!("from {a} to {b}"),
    };
    format!("{}: {how}", l.name)
}

/// The tiles of the map by what figures they have.
fn tiles(tiles: usize, own: usize, former: usize, none: usize) -> String {
    let mut parts = vec![format!("{own} with figures of their own")];
    if former > 0 {
        parts.push(format!("{former} with figures of former provinces only"));
    }
    if none > 0 {
        parts.push(format!("{none} with none"));
    }
    format!("Map of the {tiles} provinces: {}.", parts.join(", "))
}

/// Where sources give different figures.
fn disagreements(list: &[Disagreement], more: usize) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let mut list: Vec<String> = list.iter().map(|d| format!("{}, {}: {}", d.area, d.date, sourced(&d.figures, "and"))).collect();
    if more > 0 {
        list.push(format!("and {more} more"));
    }
    Some(format!("Sources differ for {}.", list.join("; ")))
}
