//! The figures of a chart as CSV: one row per observation, values in base units, every field a
//! reader needs to check the figure (qualifier, date, scope, source, the quoted sentence).

use crate::i18n::Lang;
use crate::model::{Dataset, Level, Value};

/// The column keys, in order (the header row is written in the export's language).
pub const COLUMNS: [&str; 21] = [
    "area_code",
    "area",
    "level",
    "now_part_of",
    "metric",
    "sector",
    "rating",
    "value",
    "value_low",
    "value_high",
    "high_open",
    "qualifier",
    "unit",
    "date",
    "scope",
    "source_publisher",
    "source_title",
    "source_url",
    "source_published",
    "quote",
    "note",
];

const HEADER_VI: [&str; 21] = [
    "Mã địa bàn",
    "Địa bàn",
    "Cấp",
    "Nay thuộc",
    "Chỉ tiêu",
    "Lĩnh vực",
    "Xếp loại",
    "Giá trị",
    "Giá trị thấp",
    "Giá trị cao",
    "Cao hơn mức cao",
    "Mức chính xác",
    "Đơn vị",
    "Thời điểm",
    "Phạm vi",
    "Nơi công bố",
    "Tiêu đề nguồn",
    "Địa chỉ nguồn",
    "Ngày công bố",
    "Trích dẫn",
    "Ghi chú",
];

const HEADER_EN: [&str; 21] = [
    "Area code",
    "Area",
    "Level",
    "Now part of",
    "Metric",
    "Sector",
    "Rating",
    "Value",
    "Value (low)",
    "Value (high)",
    "Above the high end",
    "Qualifier",
    "Unit",
    "Date",
    "Scope",
    "Source publisher",
    "Source title",
    "Source URL",
    "Source published",
    "Quote",
    "Note",
];

/// A cell: text (guarded against formula injection) or a number (written as is).
enum Cell {
    Text(String),
    Num(String),
}

fn level_label(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Country => lang.pick("cả nước", "country"),
        Level::Region => lang.pick("vùng", "region"),
        Level::Province => lang.pick("tỉnh, thành phố", "province"),
        Level::FormerProvince => lang.pick("tỉnh cũ (trước 1/7/2025)", "former province (before 1 July 2025)"),
        Level::City => lang.pick("cấp dưới tỉnh", "below a province"),
        Level::UnnamedProvince => lang.pick("tỉnh không nêu tên", "unnamed province"),
    }
}

/// A number in base units: plain digits, "." decimal, no exponent (1017520000000, 13.2).
fn plain(x: f64) -> String {
    // f64's Display never uses an exponent and prints the shortest text that reads back as x.
    format!("{x}")
}

/// Quotes a field when needed (RFC 4180): commas, quotes, CR or LF; quotes are doubled.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A text cell that a spreadsheet would read as a formula gets a leading apostrophe.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn write_row(out: &mut String, cells: &[Cell]) {
    let line = cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => quote(&guard(t)),
            Cell::Num(n) => quote(n),
        })
        .collect::<Vec<_>>()
        .join(",");
    out.push_str(&line);
    out.push_str("\r\n");
}

fn row(ds: &Dataset, record: usize, lang: Lang) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_string());
    let opt = |s: Option<&str>| Cell::Text(s.unwrap_or_default().to_string());
    let Some(o) = ds.observation(record) else {
        let mut cells: Vec<Cell> = (0..COLUMNS.len() - 1).map(|_| text("")).collect();
        cells.push(Cell::Text(match lang {
            Lang::Vi => format!("Không có bản ghi số {record} trong tệp dữ liệu"),
            Lang::En => format!("Record {record} is not in the data file"),
        }));
        return cells;
    };
    let area = ds.area(&o.area);
    let area_name = area.map(|a| match lang {
        Lang::Vi => a.name.as_str(),
        Lang::En => a.name_en.as_deref().unwrap_or(&a.name),
    });
    let now_part_of = area
        .filter(|a| matches!(a.level, Level::FormerProvince | Level::City))
        .and_then(|a| a.part_of.as_deref())
        .and_then(|p| ds.area(p))
        .map(|p| match lang {
            Lang::Vi => p.name.as_str(),
            Lang::En => p.name_en.as_deref().unwrap_or(&p.name),
        });
    let (value, low, high, open) = match o.value {
        Value::Point(x) => (Cell::Num(plain(x)), Cell::Num(String::new()), Cell::Num(String::new()), text("")),
        Value::Range { low, high, high_open } => (
            Cell::Num(String::new()),
            Cell::Num(plain(low)),
            Cell::Num(plain(high)),
            text(if high_open { lang.pick("có", "yes") } else { lang.pick("không", "no") }),
        ),
    };
    let src = ds.source(&o.source);
    vec![
        text(&o.area),
        opt(area_name),
        opt(area.map(|a| level_label(a.level, lang))),
        opt(now_part_of),
        text(o.metric.label(lang)),
        opt(o.sector.map(|s| s.label(lang))),
        opt(o.rating.map(|r| r.label(lang))),
        value,
        low,
        high,
        open,
        text(o.qualifier.label(lang)),
        text(o.unit.label(lang)),
        text(&o.date.to_string()),
        opt(o.scope.as_deref()),
        opt(src.map(|s| s.publisher.as_str())),
        opt(src.map(|s| s.title.as_str())),
        opt(src.and_then(|s| s.url.as_deref())),
        opt(src.and_then(|s| s.published.as_deref())),
        opt(o.quote.as_deref()),
        opt(o.note.as_deref()),
    ]
}

/// The figures with these record indexes as CSV, one row per record in the given order.
///
/// UTF-8 with a byte-order mark (so that spreadsheets read Vietnamese correctly), CRLF line ends,
/// RFC 4180 quoting. The header and the labels (level, metric, sector, rating, qualifier, unit)
/// are in `lang`; values are in base units as plain numbers (`1017520000000`, `13.2`); a point
/// value fills `value`, a range `value_low`, `value_high` and `high_open`; dates are written as in
/// the data file (`2023`, `2018-12-31`, `2022-01/2023-10`). A text cell that starts with `=`, `+`,
/// `-`, `@`, a tab or CR gets a leading apostrophe, so that no spreadsheet runs it as a formula.
/// A record index that is not in the dataset gives a row of empty cells whose note says so.
pub fn figures_csv(ds: &Dataset, records: &[usize], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header = match lang {
        Lang::Vi => HEADER_VI,
        Lang::En => HEADER_EN,
    };
    write_row(&mut out, &header.map(|h| Cell::Text(h.to_string())));
    for &r in records {
        write_row(&mut out, &row(ds, r, lang));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_guarding() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(quote("plain"), "plain");
        assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard("-1"), "'-1");
        assert_eq!(guard("@x"), "'@x");
        assert_eq!(guard("+x"), "'+x");
        assert_eq!(guard("x=1"), "x=1");
        assert_eq!(plain(1_017_520_000_000.0), "1017520000000");
        assert_eq!(plain(13.2), "13.2");
        assert_eq!(plain(478.0), "478");
        assert_eq!(HEADER_VI.len(), COLUMNS.len());
    }
}
