//! The CSV export of a chart's figures: BOM, header, one row per record, RFC 4180 quoting,
//! formula guarding, base units.

mod common;

use common::{bundled, record_of};
use htx_charts::export::{figures_csv, COLUMNS};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Value};
use htx_charts::query;

/// Parses RFC 4180 CSV (CRLF line ends) into rows of fields.
fn parse(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "a quote in the middle of an unquoted field: {field:?}");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside quotes"),
            _ => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(field.is_empty() && row.is_empty(), "last line has no CRLF");
    rows
}

fn body(csv: &str) -> &str {
    csv.strip_prefix('\u{feff}').expect("starts with a byte-order mark")
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

fn tricky() -> Dataset {
    let json = r#"{
      "format": "htx-charts/1", "title": "t", "updated": "2026-01-01",
      "sources": [{ "id": "s", "publisher": "=HYPERLINK(\"http://evil\")", "title": "A, \"quoted\" title", "url": "https://example.org/a?b=1,2" }],
      "areas": [{ "code": "P20", "name": "Tỉnh Lạng Sơn", "level": "province" },
                { "code": "F24", "name": "Tỉnh Bắc Giang", "level": "former_province", "part_of": "P24" },
                { "code": "P24", "name": "Tỉnh Bắc Ninh", "level": "province" }],
      "observations": [
        { "area": "P20", "date": "2023", "metric": "charter_capital", "value": 1017520000000, "qualifier": "exact", "unit": "vnd", "source": "s",
          "quote": "Vốn điều lệ 1.017,52 tỷ đồng, \"nhiều\"\nhơn", "note": "-1 là lỗi gõ" },
        { "area": "F24", "date": "2024", "metric": "rating_share", "rating": "good", "value": 13.2, "qualifier": "about", "unit": "percent", "source": "s", "scope": "+ HTX nông nghiệp" },
        { "area": "P20", "date": "2022-01/2023-10", "metric": "income_per_worker", "value": { "low": 3800000, "high": 5500000, "high_open": true }, "qualifier": "exact", "unit": "vnd_per_month", "source": "s", "scope": "@all" }
      ]
    }"#;
    htx_charts::load::load(json, "data/tricky.json").expect("loads")
}

#[test]
fn bom_header_and_one_row_per_record_in_order() {
    let ds = tricky();
    let csv = figures_csv(&ds, &[2, 0, 1, 0], Lang::Vi);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n"));
    let rows = parse(body(&csv));
    assert_eq!(rows.len(), 5, "header + 4 rows");
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()), "{rows:?}");
    assert_eq!(rows[0][0], "Mã địa bàn");
    assert_eq!(rows[1][col("date")], "2022-01/2023-10");
    assert_eq!(rows[2][col("metric")], "Vốn điều lệ");
    assert_eq!(rows[3][col("metric")], "Xếp loại HTX");
    assert_eq!(rows[2], rows[4]);

    let en = parse(body(&figures_csv(&ds, &[0], Lang::En)));
    assert_eq!(en[0][0], "Area code");
    assert_eq!(en[0].len(), COLUMNS.len());
    assert_eq!(en[1][col("metric")], "Charter capital");
    assert_eq!(en[1][col("unit")], "VND");
    assert_eq!(figures_csv(&ds, &[], Lang::En).matches("\r\n").count(), 1, "header only");
}

#[test]
fn quotes_fields_with_commas_quotes_and_newlines() {
    let ds = tricky();
    let csv = figures_csv(&ds, &[0], Lang::Vi);
    assert!(csv.contains(",\"A, \"\"quoted\"\" title\","), "{csv}");
    assert!(csv.contains("\"https://example.org/a?b=1,2\""), "{csv}");
    let rows = parse(body(&csv));
    assert_eq!(rows[1][col("source_title")], "A, \"quoted\" title");
    assert_eq!(rows[1][col("quote")], "Vốn điều lệ 1.017,52 tỷ đồng, \"nhiều\"\nhơn");
}

#[test]
fn guards_formula_looking_text_but_not_numbers() {
    let ds = tricky();
    let rows = parse(body(&figures_csv(&ds, &[0, 1, 2], Lang::Vi)));
    assert_eq!(rows[1][col("source_publisher")], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(rows[1][col("note")], "'-1 là lỗi gõ");
    assert_eq!(rows[2][col("scope")], "'+ HTX nông nghiệp");
    assert_eq!(rows[3][col("scope")], "'@all");
    for r in &rows[1..] {
        for (i, cell) in r.iter().enumerate() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "column {} starts a formula: {cell}", COLUMNS[i]);
        }
    }
}

#[test]
fn numbers_in_base_units_and_ranges() {
    let ds = tricky();
    let rows = parse(body(&figures_csv(&ds, &[0, 1, 2], Lang::Vi)));
    assert_eq!(rows[1][col("value")], "1017520000000");
    assert_eq!(rows[1][col("value_low")], "");
    assert_eq!(rows[1][col("unit")], "đồng");
    assert_eq!(rows[2][col("value")], "13.2");
    assert_eq!(rows[2][col("rating")], "Tốt");
    assert_eq!(rows[2][col("now_part_of")], "Tỉnh Bắc Ninh");
    assert_eq!(rows[2][col("qualifier")], "khoảng (số ước chừng)");
    assert_eq!(rows[3][col("value")], "");
    assert_eq!(rows[3][col("value_low")], "3800000");
    assert_eq!(rows[3][col("value_high")], "5500000");
    assert_eq!(rows[3][col("high_open")], "có");
    assert_eq!(rows[3][col("unit")], "đồng/người/tháng");
}

#[test]
fn a_missing_record_keeps_its_row() {
    let ds = tricky();
    let rows = parse(body(&figures_csv(&ds, &[0, 999], Lang::En)));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2][col("area_code")], "");
    assert!(rows[2][col("note")].contains("999"));
}

#[test]
fn bundled_chart_figures_with_their_sources() {
    let ds = bundled();
    let view = query::coops_by_area(&ds, Lang::Vi);
    let csv = figures_csv(&ds, &view.records, Lang::Vi);
    let rows = parse(body(&csv));
    assert_eq!(rows.len(), view.records.len() + 1);
    let ls = record_of(&ds, |o| o.area == "P20" && o.metric == Metric::Cooperatives && o.sector.is_none() && o.value == Value::Point(478.0));
    let pos = view.records.iter().position(|&r| r == ls).expect("Lạng Sơn 478 is in the chart");
    let row = &rows[pos + 1];
    assert_eq!(row[col("area_code")], "P20");
    assert_eq!(row[col("area")], "Tỉnh Lạng Sơn");
    assert_eq!(row[col("value")], "478");
    assert_eq!(row[col("date")], "2023");
    assert_eq!(row[col("scope")], "HTX đăng ký hoạt động");
    assert!(!row[col("source_publisher")].is_empty() || !row[col("source_url")].is_empty());
    assert!(row[col("quote")].contains("478 HTX"));
    // every figure of every key chart exports
    for v in [query::national_series(&ds, Lang::En), query::rating_shares(&ds, Lang::En), query::coops_by_region(&ds, Lang::En)] {
        let rows = parse(body(&figures_csv(&ds, &v.records, Lang::En)));
        assert_eq!(rows.len(), v.records.len() + 1, "{}", v.id);
        assert!(rows[1..].iter().all(|r| !r[col("source_publisher")].is_empty()), "{}", v.id);
    }
}
