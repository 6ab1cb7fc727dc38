//! The typed facts a summary states: what is compared by chart kind ([`Body`]), with the figures
//! named as drawn. Read from a view by `read`; put into words by `vi` and `en`.

/// When the figures are from.
#[derive(Debug, Clone, PartialEq)]
pub enum Dates {
    /// All of one date (as written: "2023", "12/2024").
    One(String),
    /// One year, several dates in it.
    Year(u16),
    /// Several years: the earliest and the latest.
    Span(u16, u16),
}

/// One figure as a summary names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Its label in the chart (area, maybe with sector or publisher; or the sector alone).
    pub name: String,
    /// The value as written, with qualifier and unit ("hơn 1.000 HTX", "3,8 – hơn 5,5 triệu
    /// đồng/người/tháng").
    pub value: String,
    /// Its date in words.
    pub date: String,
}

/// The largest (or smallest) figures: the first in chart order, and any other with the very same
/// value as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Extreme {
    /// The figures, at most three.
    pub figures: Vec<Named>,
    /// How many more share that value.
    pub more: usize,
}

impl Extreme {
    /// The value the figures share, as written.
    pub(super) fn value(&self) -> &str {
        self.figures.first().map(|f| f.value.as_str()).unwrap_or_default()
    }

    /// How many figures share it.
    pub(super) fn count(&self) -> usize {
        self.figures.len() + self.more
    }
}

/// What the parts of one area are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// Sectors.
    Sector,
    /// Rating classes.
    Rating,
}

/// A figure with who reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    /// The value as written.
    pub value: String,
    /// The reporter or publisher, without its web address.
    pub who: String,
}

/// One area and date with figures from several sources that differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    /// The area's chart label.
    pub area: String,
    /// The date in words.
    pub date: String,
    /// The figures, in chart order.
    pub figures: Vec<Sourced>,
}

/// The first or last date of a line, with its figure (or the figures of several sources).
#[derive(Debug, Clone, PartialEq)]
pub struct End {
    /// The date in words.
    pub date: String,
    /// One figure, or several (from different sources) when they differ.
    pub figures: Vec<Sourced>,
}

/// How a line changed from its first figure to its last.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Up; by how much, when both figures are exact and in one unit.
    Up(Option<String>),
    /// Down; by how much, when both figures are exact and in one unit.
    Down(Option<String>),
    /// Two exact figures, equal.
    Same,
    /// The qualifiers ("hơn", "gần", a range) do not say which way.
    Unknown,
}

/// One line of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its label.
    pub name: String,
    /// Its first date.
    pub first: End,
    /// Its last date.
    pub last: End,
    /// The change between them.
    pub change: Change,
}

/// One row of a stacked chart, its largest parts first.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its label.
    pub name: String,
    /// Its date in words.
    pub date: String,
    /// (part, value as written), largest first, at most three.
    pub parts: Vec<(String, String)>,
    /// How many more parts it has.
    pub more: usize,
}

/// What a stacked chart's summary says beyond its counts.
#[derive(Debug, Clone, PartialEq)]
pub enum StackDetail {
    /// A few rows, each listed.
    Rows(Vec<Row>),
    /// The longest row of a value axis, with its largest part.
    Longest {
        /// The row.
        row: String,
        /// Its date in words.
        date: String,
        /// Its largest part.
        part: String,
        /// That part's value as written.
        value: String,
    },
    /// The highest share of a 0–100 % axis.
    Highest {
        /// The row.
        row: String,
        /// Its date in words.
        date: String,
        /// The part.
        part: String,
        /// Its value as written.
        value: String,
    },
}

/// What is compared, by chart kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Nothing drawn.
    Empty,
    /// One figure.
    One(Named),
    /// Bars of several areas (or areas and parts).
    Bars {
        /// Figures drawn.
        figures: usize,
        /// Areas they are of.
        areas: usize,
        /// Their dates.
        dates: Dates,
        /// The largest.
        max: Extreme,
        /// The smallest.
        min: Extreme,
    },
    /// The parts of one area at one date (sectors, rating classes).
    Parts {
        /// The area's name.
        area: String,
        /// The date in words.
        date: String,
        /// Sectors or rating classes.
        kind: PartKind,
        /// How many parts.
        parts: usize,
        /// The largest.
        max: Extreme,
        /// The smallest.
        min: Extreme,
    },
    /// Stacked rows.
    Stacked {
        /// Rows drawn.
        rows: usize,
        /// Areas they are of.
        areas: usize,
        /// Sectors or rating classes.
        kind: PartKind,
        /// Classes drawn.
        classes: usize,
        /// Their dates.
        dates: Dates,
        /// Rows listed, or the longest row or highest share.
        detail: StackDetail,
    },
    /// Lines over time.
    Lines {
        /// The lines named.
        lines: Vec<Line>,
        /// How many more lines are drawn (not described one by one).
        more: usize,
        /// How many areas of the selection have no line (a chart draws the largest only).
        left_out: usize,
        /// The span of their dates.
        dates: Dates,
    },
    /// The tile map.
    Map {
        /// Tiles.
        tiles: usize,
        /// Tiles with a figure of their own.
        own: usize,
        /// Tiles with figures of former provinces only.
        former: usize,
        /// Tiles without figures.
        none: usize,
        /// The dates of the tiles' own figures.
        dates: Option<Dates>,
        /// The largest of them.
        max: Option<Extreme>,
        /// The smallest (with two figures or more).
        min: Option<Extreme>,
    },
}

/// The values are computed, not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    /// Shares (else per cooperative).
    pub share: bool,
    /// Each from exactly two figures (else some from the listed parts).
    pub two: bool,
}

