//! The chart maker's pure path: a pasted table with its source → problems at their cells → a
//! dataset drawn by `view::build`; and back (file → table, `#d=` payload round trips).

mod common;

use htx_charts::editor::{self, compile, fragment, import, store, Draft, Field, IssueKind, Place};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Qualifier, Unit, Value};

/// Areas names are matched to: five provinces, a former province and a city.
fn reference() -> Dataset {
    common::from_json(
        r#"{"format":"htx-charts/1","title":"ref","sources":[],"observations":[],"areas":[
        {"code":"P20","name":"Tỉnh Lạng Sơn","short":"Lạng Sơn","level":"province"},
        {"code":"P14","name":"Tỉnh Sơn La","short":"Sơn La","level":"province"},
        {"code":"P01","name":"Thành phố Hà Nội","short":"Hà Nội","level":"province"},
        {"code":"P46","name":"Thành phố Huế","short":"Huế","level":"province"},
        {"code":"P24","name":"Tỉnh Bắc Ninh","short":"Bắc Ninh","level":"province"},
        {"code":"F24","name":"Tỉnh Bắc Giang","short":"Bắc Giang","level":"former_province","part_of":"P24"},
        {"code":"C14-SONLA","name":"Thành phố Sơn La","short":"TP Sơn La","level":"city","part_of":"P14"}]}"#,
    )
}

fn sourced(text: &str) -> Draft {
    let mut d = Draft::default().paste(text);
    d.source.publisher = "Liên minh HTX tỉnh".into();
    d.source.title = "Báo cáo tổng kết năm 2024".into();
    d.source.published = "15/01/2025".into();
    d.source.quote = "Bảng 1: Số HTX đến 31/12/2024".into();
    d
}

const FIVE: &str = "Tỉnh/thành\tNăm\tSố HTX\nLạng Sơn\t2024\t478\nSơn Laa\t2024\thơn 1.000\nTP. Hà Nội\t2024\t2.374\nHuế\t2024\t12x\nBắc Giang\t2024\tkhoảng 600\n";

#[test]
fn two_problems_at_their_cells_then_fixed_a_chart() {
    let r = reference();
    let mut d = sourced(FIVE);
    let c = compile(&d, &r, "2025-02-01");
    let places: Vec<Place> = c.issues.iter().map(|i| i.place).collect();
    assert_eq!(places, vec![Place::Cell { row: 2, col: 0 }, Place::Cell { row: 4, col: 2 }], "{:?}", c.issues);
    assert!(matches!(&c.issues[0].kind, IssueKind::UnknownArea { suggestion: Some(s), .. } if s == "P14"));
    let words = editor::words::reason(&c.issues[0].kind, &r, Lang::Vi);
    assert!(words.contains("Sơn Laa") && words.contains("Tỉnh Sơn La"), "{words}");
    // the rows that can be read are drawn already
    assert_eq!(c.dataset.as_ref().unwrap().observations.len(), 3);

    d.set_cell(2, 0, "Sơn La");
    d.set_cell(4, 2, "120");
    let c = compile(&d, &r, "2025-02-01");
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    let ds = c.dataset.unwrap();
    assert_eq!(ds.observations.len(), 5);
    let son_la = ds.observations.iter().find(|o| o.area == "P14").unwrap();
    assert_eq!((son_la.value, son_la.qualifier), (Value::Point(1000.0), Qualifier::MoreThan));
    assert_eq!(ds.observations[2].value, Value::Point(2374.0));
    assert_eq!(ds.observations[4].area, "F24", "Bắc Giang is the former province");
    assert!(ds.area("P24").is_some(), "the province it is part of is in the file");
    let view = htx_charts::view::build(&ds, &editor::selection(&ds), Lang::Vi);
    assert_eq!(view.figures.len(), 5);
    assert!(view.source_line.contains("Liên minh HTX tỉnh"), "{}", view.source_line);
}

#[test]
fn the_source_is_required() {
    let d = Draft::default().paste(FIVE);
    let c = compile(&d, &reference(), "2025-02-01");
    let fields: Vec<Place> = c.issues.iter().map(|i| i.place).filter(|p| matches!(p, Place::Field(_))).collect();
    for f in [Field::Publisher, Field::Title, Field::Quote, Field::Published] {
        assert!(fields.contains(&Place::Field(f)), "{f:?} in {fields:?}");
    }
}

#[test]
fn the_value_header_names_the_metric_and_scale() {
    let d = Draft::default().paste("Địa bàn\tNăm\tVốn điều lệ (tỷ đồng)\nLạng Sơn\t2023\t1.017,52\n");
    assert_eq!((d.metric, d.unit, d.scale), (Metric::CharterCapital, Unit::Vnd, Some(9)));
    let d = Draft::default().paste("Huyện\tNăm\tSố thành viên\nMộc Châu\t2024\t1.230\n");
    assert_eq!(d.metric, Metric::Members);
    let d = Draft::default().paste("Tỉnh\tSố HTX\nHuế\t12\n");
    assert_eq!(d.metric, Metric::Cooperatives);
}

#[test]
fn a_repeated_area_and_date_is_a_slip() {
    let c = compile(&sourced("Địa bàn\tNăm\tSố HTX\nLạng Sơn\t2024\t478\ntinh lang son\t2024\t480\nLạng Sơn\t2023\t470\n"), &reference(), "2025-02-01");
    assert_eq!(c.issues.len(), 1, "{:?}", c.issues);
    assert_eq!((c.issues[0].place, &c.issues[0].kind), (Place::Cell { row: 2, col: 0 }, &IssueKind::RepeatedRow(1)));
}

#[test]
fn a_table_without_dates_needs_the_tables_date() {
    let mut d = sourced("Địa bàn\tSố HTX\nLạng Sơn\t478\n");
    let c = compile(&d, &reference(), "2025-02-01");
    assert_eq!(c.issues.iter().map(|i| i.place).collect::<Vec<_>>(), vec![Place::Field(Field::Date)], "{:?}", c.issues);
    d.date = "31/12/2024".into();
    assert!(compile(&d, &reference(), "2025-02-01").issues.is_empty());
}

#[test]
fn undecided_numbers_follow_the_pages_language() {
    let d = sourced("Area\tYear\tCooperatives\nLạng Sơn\t2024\tmore than 1,000\n");
    let en = editor::compile::compile_in(&d, &reference(), "2025-02-01", Lang::En);
    assert_eq!(en.dataset.unwrap().observations[0].value, Value::Point(1000.0));
}

#[test]
fn undecided_counts_are_read_as_whole_numbers_in_either_language() {
    // a count has no decimals: `2.374` groups thousands, as in a Vietnamese report
    let d = sourced("Area\tYear\tCooperatives\nHa Noi\t2024\t2.374\nLạng Sơn\t2024\t1.015\nSơn La\t2024\t478\n");
    for lang in [Lang::En, Lang::Vi] {
        let c = editor::compile::compile_in(&d, &reference(), "2025-02-01", lang);
        assert!(c.issues.is_empty(), "{lang:?}: {:?}", c.issues);
        let values: Vec<Value> = c.dataset.unwrap().observations.iter().map(|o| o.value).collect();
        assert!(values.contains(&Value::Point(2374.0)) && values.contains(&Value::Point(1015.0)), "{lang:?}: {values:?}");
    }
}

#[test]
fn loader_checks_land_at_cells() {
    // a share over 100 and a figure dated after the file's date: the loader's own checks
    let mut d = sourced("Địa bàn\tThời điểm\tGiá trị\nLạng Sơn\t2024\t120\nHuế\t2026\t5\n");
    d.set_metric(Metric::CooperativesEffectiveShare);
    let c = compile(&d, &reference(), "2025-02-01");
    let kinds: Vec<(Place, String)> = c.issues.iter().map(|i| (i.place, editor::words::reason(&i.kind, &reference(), Lang::En))).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert_eq!(kinds[0].0, Place::Cell { row: 1, col: 2 });
    assert!(kinds[0].1.contains("100"), "{kinds:?}");
    assert_eq!(kinds[1].0, Place::Cell { row: 2, col: 1 });
}

#[test]
fn a_new_local_area_once_confirmed() {
    let r = reference();
    let mut d = sourced("Địa bàn\tGiá trị\nHuyện Mộc Châu\t45\n");
    d.date = "2024".into();
    let c = compile(&d, &r, "2025-02-01");
    assert!(matches!(&c.issues[0].kind, IssueKind::UnknownArea { suggestion: None, .. }), "{:?}", c.issues);
    d.new_areas.push(editor::draft::NewArea { name: "Huyện Mộc Châu".into(), parent: "P14".into() });
    let c = compile(&d, &r, "2025-02-01");
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    let ds = c.dataset.unwrap();
    let a = ds.area("C14-MOCCHAU").expect("new area");
    assert_eq!(a.part_of.as_deref(), Some("P14"));
}

#[test]
fn money_in_billions_is_stored_in_dong_exactly() {
    let mut d = sourced("Địa bàn\tNăm\tVốn điều lệ (tỷ đồng)\nLạng Sơn\t2023\t1.017,52\nHuế\t2023\t3,8 – hơn 5,5\n");
    d.set_metric(Metric::CharterCapital);
    d.scale = Some(9);
    let c = compile(&d, &r(), "2025-02-01");
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    assert!(c.json.contains("\"value\":1017520000000"), "{}", c.json);
    let ds = c.dataset.unwrap();
    assert_eq!(ds.observations[1].value, Value::Range { low: 3.8e9, high: 5.5e9, high_open: true });
    assert_eq!(ds.observations[0].unit, Unit::Vnd);
}

#[test]
fn money_needs_its_unit_chosen_and_a_tiny_amount_names_the_likely_unit() {
    let mut d = sourced("Địa bàn\tNăm\tGiá trị\nLạng Sơn\t2024\t450\nHuế\t2024\t1.234,5\nHà Nội\t2024\t12 tỷ đồng\n");
    d.set_metric(Metric::CharterCapital);
    assert_eq!(d.scale, None, "no silent đồng");
    let c = compile(&d, &r(), "2025-02-01");
    assert_eq!(c.issues.iter().map(|i| (i.place, &i.kind)).collect::<Vec<_>>(), vec![(Place::Field(Field::Scale), &IssueKind::NoScale)]);
    assert_eq!(c.dataset.unwrap().observations.len(), 1, "only the cell that says its unit is drawn");
    d.scale = Some(0);
    let c = compile(&d, &r(), "2025-02-01");
    let told: Vec<(Place, String, String)> =
        c.issues.iter().map(|i| (i.place, editor::words::reason(&i.kind, &r(), Lang::Vi), editor::words::reason(&i.kind, &r(), Lang::En))).collect();
    assert_eq!(told.iter().map(|t| t.0).collect::<Vec<_>>(), vec![Place::Cell { row: 1, col: 2 }, Place::Cell { row: 2, col: 2 }], "{told:?}");
    assert!(told[1].1.starts_with("1.234,5 đồng là quá nhỏ cho “Vốn điều lệ”") && told[1].1.contains("1.234,5 tỷ đồng"), "{told:?}");
    assert!(told[1].2.contains("did you mean 1,234.5 million VND or 1,234.5 billion VND"), "{told:?}");
    assert!(c.json.contains("\"value\":450,") && c.json.contains("\"value\":1234.5,"), "her numbers are kept: {}", c.json);
    d.scale = Some(9);
    assert!(compile(&d, &r(), "2025-02-01").issues.is_empty());
}

#[test]
fn a_negative_figure_is_told_as_negative() {
    let d = sourced("Địa bàn\tNăm\tSố HTX\nLạng Sơn\t2024\t-12\n");
    let c = compile(&d, &r(), "2025-02-01");
    let why = |lang| editor::words::reason(&c.issues[0].kind, &r(), lang);
    assert_eq!(c.issues[0].place, Place::Cell { row: 1, col: 2 });
    assert!(why(Lang::Vi).contains("số âm") && !why(Lang::Vi).contains("không phải là số"), "{}", why(Lang::Vi));
    assert!(why(Lang::En).contains("negative values are not accepted"), "{}", why(Lang::En));
}

fn r() -> Dataset {
    reference()
}

/// Tables of every shape the generator makes: reopening the file gives the same file again.
#[test]
fn file_and_link_round_trips_on_generated_tables() {
    let names = ["Lạng Sơn", "Sơn La", "Hà Nội", "Huế", "Bắc Ninh", "Bắc Giang", "TP Sơn La"];
    let values = ["478", "hơn 1.000", "khoảng 60", "380 – hơn 550", "gần 12", "ước 7", "1.234.567"];
    for n in 1..=7 {
        let mut text = String::from("Địa bàn\tNăm\tGiá trị\tGhi chú\n");
        for i in 0..n {
            text.push_str(&format!("{}\t{}\t{}\tghi chú {i}\n", names[i], 2018 + i, values[(i * 3 + n) % values.len()]));
        }
        let mut d = sourced(&text);
        d.set_metric(Metric::Members);
        d.source.url = "https://example.org/bao-cao".into();
        let first = compile(&d, &r(), "2025-02-01");
        assert!(first.issues.is_empty(), "{n}: {:?}", first.issues);
        // the file, as a link's payload (compression is the browser's) and back
        let payload = fragment::encode(first.json.as_bytes());
        let bytes = fragment::decode(&payload).unwrap();
        let ds = htx_charts::load::load(std::str::from_utf8(&bytes).unwrap(), "link").unwrap();
        let again = compile(&import::draft_of(&ds, &r()), &r(), "2025-02-01");
        assert!(again.issues.is_empty(), "{n}: {:?}", again.issues);
        assert_eq!(again.json, first.json, "table of {n} rows");
        // and the draft survives the browser's storage
        assert_eq!(store::load(&store::save(&d)), Some(d));
    }
}

#[test]
fn the_link_size_limit() {
    assert!(fragment::fits(fragment::LINK_LIMIT));
    assert!(!fragment::fits(fragment::LINK_LIMIT + 1));
}

/// A wide table: provinces in rows, one column per year; one empty cell, one bad number.
const WIDE: &str = "Tỉnh\t2022\t2023\t2024\nLạng Sơn\t120\t135\t150\nSơn La\t1 056\t\t1.100\nHuế\t12\t13x\t14\n";

#[test]
fn a_wide_table_is_read_one_figure_per_area_and_year() {
    let r = reference();
    let mut d = sourced(WIDE);
    assert!(d.header, "a header of years");
    let c = compile(&d, &r, "2025-02-01");
    // the bad cell is the one she typed, in the table as she sees it
    let places: Vec<Place> = c.issues.iter().map(|i| i.place).collect();
    assert_eq!(places, vec![Place::Cell { row: 3, col: 2 }], "{:?}", c.issues);
    assert_eq!(c.issues[0].kind, IssueKind::Cell(editor::cell::CellIssue::UnknownWords("x".into())));
    let ds = c.dataset.as_ref().unwrap();
    let got: Vec<(&str, String, Value)> = ds.observations.iter().map(|o| (o.area.as_str(), o.date.to_string(), o.value)).collect();
    assert_eq!(
        got,
        vec![
            ("P20", "2022".into(), Value::Point(120.0)),
            ("P20", "2023".into(), Value::Point(135.0)),
            ("P20", "2024".into(), Value::Point(150.0)),
            ("P14", "2022".into(), Value::Point(1056.0)),
            ("P14", "2024".into(), Value::Point(1100.0)),
            ("P46", "2022".into(), Value::Point(12.0)),
            ("P46", "2024".into(), Value::Point(14.0)),
        ],
        "an empty cell is no figure, not a zero"
    );
    assert_eq!(c.cells[4], (2, 3), "each figure remembers its cell");
    let years: Vec<String> = ["2022", "2023", "2024"].map(String::from).to_vec();
    assert_eq!(editor::wide::dates(&d), years);
    let note = editor::words::wide_note(&years, Lang::Vi).unwrap();
    assert!(note.contains("mỗi cột một năm") && note.contains("2022, 2023, 2024"), "{note}");
    assert!(editor::words::wide_note(&years, Lang::En).unwrap().contains("one column per year"));

    d.set_cell(3, 2, "13");
    let c = compile(&d, &r, "2025-02-01");
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    // years of each area: the preview and the link draw lines
    let ds = c.dataset.as_ref().unwrap();
    assert!(editor::query(ds).contains(&("c".to_string(), "line".to_string())), "{:?}", editor::query(ds));
    let view = htx_charts::view::build(ds, &editor::selection(ds), Lang::Vi);
    assert_eq!(view.figures.len(), 8, "every figure drawn (Sơn La has no 2023)");
    // round trip: the file back in the editor is a long table, and compiles to the same file
    let ds = htx_charts::load::load(&c.json, "file").unwrap();
    let back = import::draft_of(&ds, &r);
    assert!(!editor::wide::is_wide(&back));
    assert_eq!(compile(&back, &r, "2025-02-01").json, c.json);
    assert_eq!(store::load(&store::save(&d)), Some(d));
}

#[test]
fn wide_table_problems_land_at_their_cells() {
    let r = reference();
    // an unknown area is at its name; a share over 100 at its value; a year after the file's date
    // at each of its cells; a repeated province once, at its name
    let mut d = sourced("Địa bàn\tNăm 2024\t2026\nSơn Laa\t5\t6\nHuế\t120\t7\nhue\t8\t\n");
    d.set_metric(Metric::CooperativesEffectiveShare);
    let c = compile(&d, &r, "2025-02-01");
    let places: Vec<Place> = c.issues.iter().map(|i| i.place).collect();
    assert_eq!(
        places,
        vec![Place::Cell { row: 1, col: 0 }, Place::Cell { row: 2, col: 1 }, Place::Cell { row: 2, col: 2 }, Place::Cell { row: 3, col: 0 }],
        "{:?}",
        c.issues
    );
    assert_eq!(c.issues[3].kind, IssueKind::RepeatedRow(2));
    // a column of years whose header is not a date is a problem at its header; so is no header
    d.set_role(1, editor::columns::Role::Note);
    d.set_role(1, editor::columns::Role::ByDate);
    d.set_cell(0, 1, "Ghi chú");
    let c = compile(&d, &r, "2025-02-01");
    assert!(c.issues.iter().any(|i| i.place == Place::Cell { row: 0, col: 1 }), "{:?}", c.issues);
    d.header = false;
    let c = compile(&d, &r, "2025-02-01");
    assert!(c.issues.iter().any(|i| i.kind == IssueKind::YearsWithoutHeader), "{:?}", c.issues);
    // a value column makes it long again: its columns of years are ignored
    d.set_role(2, editor::columns::Role::Value);
    assert!(!editor::wide::is_wide(&d));
}

#[test]
fn a_row_removed_leaves_the_others_in_order() {
    let mut d = Draft::default().paste("Tỉnh\tSố HTX\nHuế\t12\nLạng Sơn\t478\nSơn La\t1.000\n");
    d.remove_row(2);
    assert_eq!(d.table.rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["Tỉnh", "Huế", "Sơn La"]);
    d.remove_row(9);
    assert_eq!(d.table.rows.len(), 3, "a row that is not there: nothing removed");
}
