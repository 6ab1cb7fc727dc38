//! The CSV export of a chart view: BOM, header, one row per figure drawn in chart order, RFC 4180
//! quoting, formula guarding, values as drawn in base units, and computed values with every record
//! and source they come from.

mod common;

use common::{bundled, from_json, record_of, small, view};
use htx_charts::export::{figures_csv, COLUMNS};
use htx_charts::i18n::Lang;
use htx_charts::key_figures::for_dataset;
use htx_charts::model::{Dataset, Metric};

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
    from_json(json)
}

/// The CSV rows (header first) of a query's view.
fn rows_of(ds: &Dataset, query: &str, lang: Lang) -> Vec<Vec<String>> {
    let v = view(ds, query, lang);
    let rows = parse(body(&figures_csv(&v, lang)));
    assert_eq!(rows.len(), v.figures.len() + 1, "{query}: header + one row per figure");
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()), "{query}: {rows:?}");
    rows
}

#[test]
fn bom_header_and_one_row_per_figure_in_chart_order() {
    let ds = small();
    let v = view(&ds, "", Lang::Vi);
    let csv = figures_csv(&v, Lang::Vi);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n"));
    let rows = parse(body(&csv));
    assert_eq!(rows.len(), v.figures.len() + 1);
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()), "{rows:?}");
    assert_eq!(rows[0][0], "Mã địa bàn");
    let codes: Vec<&str> = rows[1..].iter().map(|r| r[col("area_code")].as_str()).collect();
    let keys: Vec<&str> = v.figures.iter().map(|f| f.area_code.as_str()).collect();
    assert_eq!(codes, keys, "the chart's order");
    assert_eq!(codes[0], "P24", "largest first");
    assert!(rows[1..].iter().all(|r| r[col("computed")] == "không" && r[col("computed_how")].is_empty()));
    let bg = rows.iter().find(|r| r[col("area_code")] == "F24").unwrap();
    assert_eq!(bg[col("level")], "tỉnh cũ (trước 1/7/2025)");
    assert_eq!(bg[col("now_part_of")], "Tỉnh Bắc Ninh");
    assert_eq!(bg[col("qualifier")], "hơn (nguồn ghi “hơn”, “trên”)");
    assert_eq!(bg[col("date")], "2019-12");

    let en = rows_of(&ds, "", Lang::En);
    assert_eq!(en[0][0], "Area code");
    assert_eq!(en[1][col("metric")], "Cooperatives");
    assert_eq!(en[1][col("unit")], "cooperatives");
    assert_eq!(en[1][col("computed")], "no");
    // an empty view: the header only
    let mut empty = v.clone();
    empty.figures.clear();
    assert_eq!(figures_csv(&empty, Lang::En).matches("\r\n").count(), 1, "header only");
}

#[test]
fn quotes_fields_with_commas_quotes_and_newlines() {
    let ds = tricky();
    let csv = figures_csv(&view(&ds, "m=charter_capital", Lang::Vi), Lang::Vi);
    assert!(csv.contains(",\"A, \"\"quoted\"\" title\","), "{csv}");
    assert!(csv.contains("\"https://example.org/a?b=1,2\""), "{csv}");
    let rows = parse(body(&csv));
    assert_eq!(rows[1][col("source_title")], "A, \"quoted\" title");
    assert_eq!(rows[1][col("quote")], "Vốn điều lệ 1.017,52 tỷ đồng, \"nhiều\"\nhơn");
}

#[test]
fn guards_formula_looking_text_but_not_numbers() {
    let ds = tricky();
    let mut rows = rows_of(&ds, "m=charter_capital", Lang::Vi);
    rows.extend(rows_of(&ds, "m=rating_share", Lang::Vi).into_iter().skip(1));
    rows.extend(rows_of(&ds, "m=income_per_worker", Lang::Vi).into_iter().skip(1));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1][col("source_publisher")], "'=HYPERLINK(\"http://evil\")");
    assert!(rows[1][col("note")].starts_with("'-1 là lỗi gõ"), "{}", rows[1][col("note")]);
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
    let capital = rows_of(&ds, "m=charter_capital", Lang::Vi);
    assert_eq!(capital[1][col("value")], "1017520000000");
    assert_eq!(capital[1][col("value_low")], "");
    assert_eq!(capital[1][col("unit")], "đồng");
    assert_eq!(capital[1][col("metric")], "Vốn điều lệ");
    let rating = rows_of(&ds, "m=rating_share", Lang::Vi);
    assert_eq!(rating[1][col("value")], "13.2");
    assert_eq!(rating[1][col("rating")], "Tốt");
    assert_eq!(rating[1][col("metric")], "Xếp loại HTX — Tốt");
    assert_eq!(rating[1][col("now_part_of")], "Tỉnh Bắc Ninh");
    assert_eq!(rating[1][col("qualifier")], "khoảng (số ước chừng)");
    assert_eq!(rating[1][col("unit")], "%");
    let income = rows_of(&ds, "m=income_per_worker", Lang::Vi);
    assert_eq!(income[1][col("value")], "");
    assert_eq!(income[1][col("value_low")], "3800000");
    assert_eq!(income[1][col("value_high")], "5500000");
    assert_eq!(income[1][col("high_open")], "có");
    assert_eq!(income[1][col("unit")], "đồng/người/tháng");
    assert_eq!(income[1][col("date")], "2022-01/2023-10");
    let en = rows_of(&ds, "m=charter_capital", Lang::En);
    assert_eq!(en[1][col("metric")], "Charter capital");
    assert_eq!(en[1][col("unit")], "VND");
}

/// Charter capital from one source, the number of cooperatives from another, same area and date.
const TWO_SOURCES: &str = r#"{
  "format": "htx-charts/1", "title": "t", "updated": "2026-01-01",
  "sources": [
    { "id": "s-cap", "publisher": "Sở Tài chính tỉnh Lạng Sơn", "title": "Báo cáo vốn HTX", "url": "https://example.org/von", "published": "2024-01" },
    { "id": "s-count", "publisher": "Liên minh HTX tỉnh Lạng Sơn", "title": "Đưa HTX phát triển", "url": "https://example.org/htx", "published": "2023-11" }
  ],
  "areas": [{ "code": "P20", "name": "Tỉnh Lạng Sơn", "short": "Lạng Sơn", "level": "province" }],
  "observations": [
    { "area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s-count", "quote": "tỉnh có 478 HTX" },
    { "area": "P20", "date": "2023", "metric": "charter_capital", "value": 1017520000000, "qualifier": "exact", "unit": "vnd", "source": "s-cap", "quote": "vốn điều lệ 1.017,52 tỷ đồng" }
  ]
}"#;

#[test]
fn a_per_cooperative_value_names_both_records_and_both_sources() {
    let ds = from_json(TWO_SOURCES);
    let rows = rows_of(&ds, "m=charter_capital&mode=per_coop", Lang::Vi);
    assert_eq!(rows.len(), 2);
    let r = &rows[1];
    let value: f64 = r[col("value")].parse().expect("a plain number");
    assert_eq!(value, 1_017_520_000_000.0 / 478.0, "the value as drawn, in đồng per cooperative");
    assert_eq!(r[col("value")], format!("{}", 1_017_520_000_000.0 / 478.0));
    assert_eq!(r[col("unit")], "đồng/HTX");
    assert_eq!(r[col("metric")], "Vốn điều lệ bình quân một HTX");
    assert_eq!(r[col("computed")], "có");
    assert_eq!(r[col("computed_how")], "1.017,52 tỷ đồng ÷ 478 HTX, cùng thời điểm 2023");
    assert!(r[col("qualifier")].contains("tính từ 1.017,52 tỷ đồng ÷ 478 HTX"), "{}", r[col("qualifier")]);
    assert_eq!(r[col("records")], "1 | 0", "the capital first, then the count");
    assert_eq!(r[col("source_publisher")], "Sở Tài chính tỉnh Lạng Sơn | Liên minh HTX tỉnh Lạng Sơn");
    assert_eq!(r[col("source_title")], "Báo cáo vốn HTX | Đưa HTX phát triển");
    assert_eq!(r[col("source_url")], "https://example.org/von | https://example.org/htx");
    assert_eq!(r[col("source_published")], "2024-01 | 2023-11");
    assert_eq!(r[col("quote")], "vốn điều lệ 1.017,52 tỷ đồng | tỉnh có 478 HTX");
    let en = rows_of(&ds, "m=charter_capital&mode=per_coop", Lang::En);
    assert_eq!(en[1][col("unit")], "VND per cooperative");
    assert_eq!(en[1][col("computed")], "yes");
    assert_eq!(en[1][col("computed_how")], "1,017.52 billion VND ÷ 478 cooperatives, same date 2023");
    // as reported: one record, one source
    let plain = rows_of(&ds, "m=charter_capital", Lang::Vi);
    assert_eq!(plain[1][col("value")], "1017520000000");
    assert_eq!(plain[1][col("records")], "1");
    assert_eq!(plain[1][col("source_publisher")], "Sở Tài chính tỉnh Lạng Sơn");
}

#[test]
fn a_share_is_in_percent_with_its_total() {
    let ds = small();
    let rows = rows_of(&ds, "a=P24&by=sector&mode=share", Lang::Vi);
    let agri = rows.iter().find(|r| r[col("sector")] == "Nông, lâm, ngư nghiệp").expect("agriculture");
    assert_eq!(agri[col("value")], format!("{}", 1439.0 / 2086.0 * 100.0));
    assert_eq!(agri[col("unit")], "%");
    assert_eq!(agri[col("computed_how")], "1.439 HTX ÷ 2.086 HTX (tổng số do nguồn nêu), cùng thời điểm 2025");
    let part = record_of(&ds, |o| o.area == "P24" && o.sector == Some(htx_charts::model::Sector::Agriculture));
    let total = record_of(&ds, |o| o.area == "P24" && o.metric == Metric::Cooperatives && o.sector.is_none());
    assert_eq!(agri[col("records")], format!("{part} | {total}"));
    assert_eq!(agri[col("source_publisher")], "Báo Bắc Ninh", "one source, named once");
    assert!(agri[col("note")].contains("2.087"), "{}", agri[col("note")]);
}

#[test]
fn bundled_figures_with_their_sources() {
    let ds = bundled();
    let rows = rows_of(&ds, "a=P20&d=2023", Lang::Vi);
    let row = rows.iter().find(|r| r[col("area_code")] == "P20" && r[col("value")] == "478").expect("Lạng Sơn 478 in 2023");
    assert_eq!(row[col("area")], "Tỉnh Lạng Sơn");
    assert_eq!(row[col("date")], "2023");
    assert_eq!(row[col("scope")], "HTX đăng ký hoạt động");
    assert!(!row[col("source_publisher")].is_empty());
    assert!(row[col("quote")].contains("478 HTX"));
    // every figure of every key figure exports with its source
    for (k, sel) in for_dataset(&ds) {
        let v = htx_charts::view::build(&ds, &sel, Lang::En);
        let rows = parse(body(&figures_csv(&v, Lang::En)));
        assert_eq!(rows.len(), v.figures.len() + 1, "{}", k.id);
        assert!(rows[1..].iter().all(|r| !r[col("source_publisher")].is_empty() && !r[col("records")].is_empty()), "{}", k.id);
    }
}
