//! Wide tables, the most common layout of a spreadsheet: areas in rows, one column per year or
//! date (`Tỉnh | 2022 | 2023 | 2024`). Such a table is read as long data: one figure per area and
//! date column, the column's header being the date and the cell the value; an empty cell is no
//! figure (not a zero). The table stays as she typed it, so every problem is at the cell she sees.

use super::cell::read_date;
use super::columns::{role_of_header, Role};
use super::draft::Draft;
use super::number::{read, NumberStyle};

/// The date a header names (`2024`, `12/2024`, `Năm 2024`, `31/12/2024`), read by the same reader
/// as a date cell ([`read_date`]); `None` for any other header.
pub fn header_date(header: &str) -> Option<String> {
    read_date(header).ok()
}

/// The date columns of a table whose first row is a header naming two or more distinct dates
/// beside a column of areas (one its header names, or one of names); `None` for any other table.
/// A table whose cells under those headers are dates too is a headerless long table, not a wide
/// one.
pub fn detect(rows: &[Vec<String>]) -> Option<Vec<usize>> {
    let (first, body) = rows.split_first()?;
    let body: Vec<&Vec<String>> = body.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
    let dates: Vec<(usize, String)> = first.iter().enumerate().filter_map(|(i, h)| header_date(h).map(|d| (i, d))).collect();
    let distinct = dates.iter().enumerate().all(|(i, (_, d))| dates[..i].iter().all(|(_, e)| e != d));
    if dates.len() < 2 || !distinct || body.is_empty() {
        return None;
    }
    let is_date_col = |c: usize| dates.iter().any(|(i, _)| *i == c);
    let cells = |c: usize| body.iter().map(move |r| r.get(c).map_or("", |t| t.trim())).filter(|t| !t.is_empty());
    // "2022 | 2023" above "2024 | 2025": rows of dates, not figures under dates
    if dates.iter().all(|(c, _)| cells(*c).all(|t| header_date(t).is_some())) {
        return None;
    }
    let is_number = |t: &str| read(t, NumberStyle::Vi).is_some() || read(t, NumberStyle::En).is_some();
    let areas = (0..first.len()).filter(|c| !is_date_col(*c)).any(|c| {
        role_of_header(&first[c]) == Some(Role::Area) || cells(c).any(|t| !is_number(t) && t.chars().any(char::is_alphabetic))
    });
    areas.then(|| dates.into_iter().map(|(c, _)| c).collect())
}

/// The columns of a draft read one per date (role [`Role::ByDate`]), in table order.
pub fn date_columns(draft: &Draft) -> Vec<usize> {
    draft.roles.iter().enumerate().filter(|(_, r)| **r == Role::ByDate).map(|(c, _)| c).collect()
}

/// Whether the draft is read as a wide table: a column is read one per date.
pub fn is_wide(draft: &Draft) -> bool {
    draft.roles.contains(&Role::ByDate)
}

/// The dates of the draft's date columns as their headers name them (an unreadable header is
/// left out: it is a problem at its header cell), for the line that says how the table was read.
pub fn dates(draft: &Draft) -> Vec<String> {
    if !draft.header {
        return Vec::new();
    }
    date_columns(draft).into_iter().filter_map(|c| header_date(draft.table.cell(0, c))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(t: &str) -> Vec<Vec<String>> {
        crate::editor::table::parse(t).rows
    }

    #[test]
    fn years_as_column_headers_beside_areas() {
        assert_eq!(detect(&rows("Tỉnh\t2022\t2023\t2024\nLạng Sơn\t120\t135\t150\n")), Some(vec![1, 2, 3]));
        // dates of other forms, an unnamed area column, a column of notes beside
        assert_eq!(detect(&rows("\tNăm 2023\t12/2024\tGhi chú\nSơn La\t1.056\t\tước\n")), Some(vec![1, 2]));
        assert_eq!(detect(&rows("STT\tĐịa bàn\t2023\t2024\n1\tHuế\t12\t13\n")), Some(vec![2, 3]));
    }

    #[test]
    fn long_and_odd_tables_are_not_wide() {
        assert_eq!(detect(&rows("Địa bàn\tNăm\tSố HTX\nLạng Sơn\t2024\t478\n")), None, "long, with a header");
        assert_eq!(detect(&rows("Lạng Sơn\t2024\t478\nSơn La\t2024\t1.056\n")), None, "long, no header");
        assert_eq!(detect(&rows("Tỉnh\t2024\nLạng Sơn\t478\n")), None, "one date column");
        assert_eq!(detect(&rows("Tỉnh\t2024\t2024\nLạng Sơn\t478\t479\n")), None, "the same date twice");
        assert_eq!(detect(&rows("Tỉnh\t2023\t2024\n")), None, "no rows of figures");
        assert_eq!(detect(&rows("Hà Nội\t2023\t2024\nSơn La\t2022\t2025\n")), None, "rows of dates");
        assert_eq!(detect(&rows("Mã\t2023\t2024\n101\t5\t6\n")), None, "no column of areas");
    }
}
