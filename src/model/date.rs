//! Reference dates: a year, a month, a day, or a period between two of those.

use std::fmt;

/// A calendar point at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ymd {
    /// Year, e.g. 2023.
    pub year: u16,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only with a month).
    pub day: Option<u8>,
}

impl Ymd {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Ymd> {
        let mut parts = s.split('-');
        let year = parse_fixed(parts.next()?, 4)? as u16;
        let month = match parts.next() {
            Some(m) => Some(parse_fixed(m, 2)? as u8),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_fixed(d, 2)? as u8),
            None => None,
        };
        if parts.next().is_some() || !(1900..=2100).contains(&year) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d < 1 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(Ymd { year, month, day })
    }

    /// The latest day this point can mean, as a sortable number (YYYYMMDD).
    pub fn end_key(self) -> u32 {
        let m = self.month.unwrap_or(12);
        let d = self.day.unwrap_or_else(|| days_in_month(self.year, m));
        self.year as u32 * 10_000 + m as u32 * 100 + d as u32
    }

    /// The position on a time axis in fractional years: the middle of its month (a bare year
    /// counts as December, as yearly figures are reported at the end of the year).
    pub fn axis_position(self) -> f64 {
        let m = self.month.unwrap_or(12) as f64;
        self.year as f64 + (m - 0.5) / 12.0
    }

    /// Vietnamese display: `2023`, `10/2023`, `31/12/2018`.
    pub fn vi(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// English display: `2023`, `Oct 2023`, `31 Dec 2018`.
    pub fn en(self) -> String {
        const MONTHS: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The date a figure refers to: a point, or a period for counts of activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRef {
    /// A stock at a point in time ("end of 2023").
    Point(Ymd),
    /// A flow over a period ("2022 to October 2023").
    Span(Ymd, Ymd),
}

impl DateRef {
    /// Parses `YYYY[-MM[-DD]]` or `START/END`.
    pub fn parse(s: &str) -> Option<DateRef> {
        match s.split_once('/') {
            Some((a, b)) => {
                let (a, b) = (Ymd::parse(a)?, Ymd::parse(b)?);
                (a.end_key() <= b.end_key()).then_some(DateRef::Span(a, b))
            }
            None => Ymd::parse(s).map(DateRef::Point),
        }
    }

    /// The end point (the point itself for a point date).
    pub fn end(self) -> Ymd {
        match self {
            DateRef::Point(p) | DateRef::Span(_, p) => p,
        }
    }

    /// The year the figure belongs to (the end year of a period).
    pub fn year(self) -> u16 {
        self.end().year
    }

    /// Sortable key: later dates are larger.
    pub fn sort_key(self) -> u32 {
        self.end().end_key()
    }

    /// Vietnamese display.
    pub fn vi(self) -> String {
        match self {
            DateRef::Point(p) => p.vi(),
            DateRef::Span(a, b) => format!("{}–{}", a.vi(), b.vi()),
        }
    }

    /// English display.
    pub fn en(self) -> String {
        match self {
            DateRef::Point(p) => p.en(),
            DateRef::Span(a, b) => format!("{}–{}", a.en(), b.en()),
        }
    }
}

impl fmt::Display for DateRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateRef::Point(p) => write!(f, "{p}"),
            DateRef::Span(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

fn parse_fixed(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_points_and_periods() {
        assert_eq!(DateRef::parse("2023").unwrap().vi(), "2023");
        assert_eq!(DateRef::parse("2023-10").unwrap().vi(), "10/2023");
        assert_eq!(DateRef::parse("2018-12-31").unwrap().vi(), "31/12/2018");
        assert_eq!(DateRef::parse("2022-01/2023-10").unwrap().vi(), "01/2022–10/2023");
        assert_eq!(DateRef::parse("2018-12-31").unwrap().en(), "31 Dec 2018");
        assert_eq!(DateRef::parse("2021/2025").unwrap().to_string(), "2021/2025");
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in ["", "23", "2023-13", "2023-02-30", "2023/2022", "2023-1", "abcd", "2023-10-01-02", "1800"] {
            assert!(DateRef::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn orders_by_end() {
        let y = DateRef::parse("2023").unwrap();
        let m = DateRef::parse("2023-10").unwrap();
        assert!(y.sort_key() > m.sort_key());
        assert!(DateRef::parse("2024-02-29").is_some());
    }
}
