//! What each column of a pasted table holds, recognised by its header and changeable by hand.

use super::number::{read, NumberStyle};
use crate::explore::search::fold;

keyed_enum! {
    /// What a column holds.
    Role {
        /// The area's name (province, former province, city, district, commune) or code.
        Area = "area", "Địa bàn", "Area";
        /// The date the figure refers to.
        Date = "date", "Thời điểm", "Date";
        /// The figure, with its qualifier when the cell says one ("hơn 1.000").
        Value = "value", "Giá trị", "Value";
        /// The figures of the date its header names (a wide table: one column per year).
        ByDate = "by_date", "Giá trị của năm ở tiêu đề", "Value for the year in its header";
        /// The sector.
        Sector = "sector", "Lĩnh vực", "Sector";
        /// A note on the figure.
        Note = "note", "Ghi chú", "Note";
        /// Another publisher for this row's figure (overrides the table's source).
        Publisher = "publisher", "Đơn vị công bố (riêng dòng)", "Publisher (this row)";
        /// Another address for this row's source.
        Url = "url", "URL nguồn (riêng dòng)", "Source URL (this row)";
        /// This row's original sentence.
        Quote = "quote", "Câu gốc (riêng dòng)", "Original sentence (this row)";
        /// Not used.
        Ignore = "ignore", "Bỏ qua", "Ignore";
    }
}

use crate::i18n::Lang;

/// Header words (folded, matched at the start of the header) and the role they name; the first
/// match wins, so "đơn vị công bố" is a publisher before "đơn vị" is an area.
const WORDS: [(&str, Role); 30] = [
    ("don vi cong bo", Role::Publisher),
    ("nguon", Role::Publisher),
    ("publisher", Role::Publisher),
    ("source", Role::Publisher),
    ("url", Role::Url),
    ("link", Role::Url),
    ("duong dan", Role::Url),
    ("cau goc", Role::Quote),
    ("trich", Role::Quote),
    ("quote", Role::Quote),
    ("ghi chu", Role::Note),
    ("note", Role::Note),
    ("linh vuc", Role::Sector),
    ("nganh", Role::Sector),
    ("sector", Role::Sector),
    ("thoi diem", Role::Date),
    ("thoi gian", Role::Date),
    ("nam", Role::Date),
    ("ngay", Role::Date),
    ("date", Role::Date),
    ("year", Role::Date),
    ("dia ban", Role::Area),
    ("tinh", Role::Area),
    ("huyen", Role::Area),
    ("xa", Role::Area),
    ("don vi", Role::Area),
    ("khu vuc", Role::Area),
    ("area", Role::Area),
    ("province", Role::Area),
    ("gia tri", Role::Value),
];

/// The role a header names, if it names one. Any other header of a column of numbers ("Số HTX",
/// "Tổng vốn") is read as the value by [`guess`].
pub fn role_of_header(header: &str) -> Option<Role> {
    let h = fold(header);
    if h.starts_with("value") || h.starts_with("so ") || h == "so" {
        return Some(Role::Value);
    }
    WORDS.iter().find(|(w, _)| h.starts_with(w)).map(|(_, r)| *r)
}

/// The roles of a table's columns, and whether its first row is a header: it is when one of its
/// cells names a role and none is a number, or when it names dates beside a column of areas (a
/// wide table, [`super::wide::detect`]: those columns are [`Role::ByDate`]). Columns no header
/// names: the first column of numbers is the value, the first of text the area (in a wide table
/// only the area); the rest are ignored. A role is given once, but for [`Role::ByDate`].
pub fn guess(rows: &[Vec<String>]) -> (bool, Vec<Role>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let first = rows.first().cloned().unwrap_or_default();
    let is_number = |c: &str| read(c, NumberStyle::Vi).is_some() || read(c, NumberStyle::En).is_some();
    let wide = super::wide::detect(rows);
    // in a wide table the headers of years say the dates and the cells are the values
    let fits = |r: Role| wide.is_none() || !matches!(r, Role::Value | Role::Date);
    let header = wide.is_some() || first.iter().any(|c| role_of_header(c).is_some()) && !first.iter().any(|c| is_number(c));
    let mut roles = vec![Role::Ignore; width];
    for &c in wide.iter().flatten() {
        roles[c] = Role::ByDate;
    }
    if header {
        for (i, c) in first.iter().enumerate() {
            if let Some(r) = role_of_header(c).filter(|r| !roles.contains(r) && roles[i] == Role::Ignore && fits(*r)) {
                roles[i] = r;
            }
        }
    }
    let body = &rows[usize::from(header)..];
    let cells = |col: usize| -> Vec<&str> { body.iter().filter_map(|r| r.get(col)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect() };
    let named = |col: usize| header && first.get(col).is_some_and(|h| !h.trim().is_empty());
    for col in 0..width {
        let c = cells(col);
        if roles[col] != Role::Ignore || c.is_empty() || (named(col) && is_row_number_header(&first[col])) {
            continue;
        }
        let want = if is_row_numbers(&c) {
            Role::Ignore
        } else if c.iter().all(|t| looks_like_date(t)) {
            Role::Date
        } else if c.iter().filter(|t| t.chars().any(|ch| ch.is_ascii_digit())).count() * 2 > c.len() {
            Role::Value
        } else {
            Role::Area
        };
        if !roles.contains(&want) && fits(want) {
            roles[col] = want;
        }
    }
    (header, roles)
}

/// "STT", "TT", "No.": a column of row numbers.
fn is_row_number_header(h: &str) -> bool {
    matches!(fold(h).trim_end_matches('.'), "stt" | "tt" | "no" | "#" | "so tt")
}

/// 1, 2, 3, …: row numbers, not figures.
fn is_row_numbers(cells: &[&str]) -> bool {
    cells.len() > 1 && cells.iter().enumerate().all(|(i, c)| c.trim_end_matches('.').parse::<usize>().ok() == Some(i + 1))
}

/// A year (1950–2100) or a date with `/` or `-` that [`super::cell::read_date`] reads.
fn looks_like_date(t: &str) -> bool {
    let year = t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1950..=2100).contains(&y));
    (year || t.contains(['/', '-'])) && super::cell::read_date(t).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(t: &str) -> Vec<Vec<String>> {
        crate::editor::table::parse(t).rows
    }

    #[test]
    fn headers_in_vietnamese_and_english() {
        let (header, roles) = guess(&rows("Địa bàn\tNăm\tGiá trị\tLĩnh vực\tGhi chú\nLạng Sơn\t2024\t478\tNông nghiệp\t\n"));
        assert!(header);
        assert_eq!(roles, vec![Role::Area, Role::Date, Role::Value, Role::Sector, Role::Note]);
        let (_, roles) = guess(&rows("province,date,value,source\nHuế,2024,12,Báo Huế\n"));
        assert_eq!(roles, vec![Role::Area, Role::Date, Role::Value, Role::Publisher]);
    }

    #[test]
    fn a_wide_table_has_a_header_and_one_column_per_year() {
        let (header, roles) = guess(&rows("Tỉnh\t2022\t2023\t2024\nLạng Sơn\t120\t135\t150\n"));
        assert!(header, "years are numbers, yet this row is a header");
        assert_eq!(roles, vec![Role::Area, Role::ByDate, Role::ByDate, Role::ByDate]);
        let (_, roles) = guess(&rows("STT\t\t2023\t2024\tTổng\n1\tHuế\t12\t13\t25\n2\tSơn La\t1\t2\t3\n"));
        assert_eq!(roles, vec![Role::Ignore, Role::Area, Role::ByDate, Role::ByDate, Role::Ignore], "no value column beside the years");
    }

    #[test]
    fn a_count_header_is_the_value() {
        let (header, roles) = guess(&rows("Tỉnh/thành\tSố HTX\nLạng Sơn\t478\n"));
        assert!(header);
        assert_eq!(roles, vec![Role::Area, Role::Value]);
    }

    #[test]
    fn no_header_guessed_from_the_cells() {
        let (header, roles) = guess(&rows("Lạng Sơn\t478\nSơn La\thơn 1.000\n"));
        assert!(!header);
        assert_eq!(roles, vec![Role::Area, Role::Value]);
        // a year column is the date, not the value; row numbers are not figures
        let (_, roles) = guess(&rows("1\tLạng Sơn\t2024\t478\n2\tCao Bằng\t2024\t312\n3\tHà Nội\t2024\t2.345\n"));
        assert_eq!(roles, vec![Role::Ignore, Role::Area, Role::Date, Role::Value]);
        let (_, roles) = guess(&rows("STT\tHuyện\tSố HTX\n1\tMộc Châu\t45\n2\tYên Châu\t30\n"));
        assert_eq!(roles, vec![Role::Ignore, Role::Area, Role::Value]);
    }
}
