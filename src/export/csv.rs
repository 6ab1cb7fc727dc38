//! The figures of a chart as CSV: exactly the chart, one row per figure drawn, in the chart's order,
//! with the value as drawn (a computed share or per-cooperative value has the columns that say how
//! it was computed, and names every record and source it comes from), and every field a reader
//! needs to check it (qualifier, date, scope, source, the quoted sentence).

use crate::i18n::Lang;
use crate::model::{Level, Value};
use crate::view::{ChartView, Figure};

/// The column keys, in order (the header row is written in the export's language).
pub const COLUMNS: [&str; 24] = [
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
    "computed",
    "computed_how",
    "records",
    "source_publisher",
    "source_title",
    "source_url",
    "source_published",
    "quote",
    "note",
];

const HEADER_VI: [&str; 24] = [
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
    "Số tính toán",
    "Cách tính",
    "Bản ghi",
    "Nơi công bố",
    "Tiêu đề nguồn",
    "Địa chỉ nguồn",
    "Ngày công bố",
    "Trích dẫn",
    "Ghi chú",
];

const HEADER_EN: [&str; 24] = [
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
    "Computed",
    "How it was computed",
    "Records",
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

/// The unit of the value as drawn: "HTX", "đồng/HTX" (per cooperative), "%".
fn unit_text(f: &Figure, lang: Lang) -> String {
    match (f.per_cooperative, lang) {
        (true, Lang::Vi) => format!("{}/HTX", f.unit.label(lang)),
        (true, Lang::En) => format!("{} per cooperative", f.unit.label(lang)),
        (false, _) => f.unit.label(lang).to_string(),
    }
}

/// Texts of the inputs joined by " | " (empty ones dropped, repeats once).
fn joined(f: &Figure, pick: impl Fn(&crate::view::Input) -> Option<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in f.inputs.iter().filter_map(pick) {
        if !s.is_empty() && !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join(" | ")
}

fn row(f: &Figure, lang: Lang) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_string());
    let (value, low, high, open) = match f.value {
        Value::Point(x) => (Cell::Num(plain(x)), Cell::Num(String::new()), Cell::Num(String::new()), text("")),
        Value::Range { low, high, high_open } => (
            Cell::Num(String::new()),
            Cell::Num(plain(low)),
            Cell::Num(plain(high)),
            text(if high_open { lang.pick("có", "yes") } else { lang.pick("không", "no") }),
        ),
    };
    let computed = f.formula.is_some();
    vec![
        text(&f.area_code),
        text(&f.area),
        text(level_label(f.level, lang)),
        text(f.now_part_of.as_deref().unwrap_or_default()),
        text(&f.metric),
        text(f.sector.map(|s| s.label(lang)).unwrap_or_default()),
        text(f.rating.map(|r| r.label(lang)).unwrap_or_default()),
        value,
        low,
        high,
        open,
        text(&f.qualifier_text),
        text(&unit_text(f, lang)),
        text(&f.date_key),
        text(f.scope.as_deref().unwrap_or_default()),
        text(if computed { lang.pick("có", "yes") } else { lang.pick("không", "no") }),
        text(f.formula.as_deref().unwrap_or_default()),
        text(&f.inputs.iter().map(|i| i.record.to_string()).collect::<Vec<_>>().join(" | ")),
        text(&joined(f, |i| Some(i.publisher.clone()))),
        text(&joined(f, |i| Some(i.title.clone()))),
        text(&joined(f, |i| i.url.clone())),
        text(&joined(f, |i| i.published.clone())),
        text(&joined(f, |i| i.quote.clone())),
        text(&f.notes.join(" | ")),
    ]
}

/// The figures of a chart view as CSV, one row per figure drawn, in the chart's order.
///
/// UTF-8 with a byte-order mark (so that spreadsheets read Vietnamese correctly), CRLF line ends,
/// RFC 4180 quoting. The header and the labels are in `lang`; values are as drawn, in base units
/// as plain numbers (`1017520000000`, `13.2`; a share in percent, a per-cooperative value per
/// cooperative); a point value fills `value`, a range `value_low`, `value_high` and `high_open`;
/// dates are written as in the data file (`2023`, `2018-12-31`, `2022-01/2023-10`). A computed
/// value says how it was computed and lists every record and source it comes from, joined by
/// " | ". A text cell that starts with `=`, `+`, `-`, `@`, a tab or CR gets a leading apostrophe,
/// so that no spreadsheet runs it as a formula.
pub fn figures_csv(view: &ChartView, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header = match lang {
        Lang::Vi => HEADER_VI,
        Lang::En => HEADER_EN,
    };
    write_row(&mut out, &header.map(|h| Cell::Text(h.to_string())));
    for f in &view.figures {
        write_row(&mut out, &row(f, lang));
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
        assert_eq!(HEADER_EN.len(), COLUMNS.len());
    }
}
