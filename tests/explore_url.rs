//! The explorer's choices in the query string: round trips, defaults left out, bad parameters.

mod common;

use common::{bundled, small};
use htx_charts::explore::url::{metric_key, NoticeReason, PARAMS};
use htx_charts::explore::{from_query, to_query, AreaSet, ChartKind, DatePick, Mode, ParamNotice, Selection, SortBy};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, Metric, Unit};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn parse(ds: &Dataset, list: &[(&str, &str)]) -> (Selection, Vec<ParamNotice>) {
    from_query(&pairs(list), ds)
}

fn round_trip(ds: &Dataset, s: &Selection) {
    let q = to_query(s);
    let (back, notices) = from_query(&q, ds);
    assert!(notices.is_empty(), "{q:?}: {notices:?}");
    assert_eq!(&back, s, "{q:?}");
    // written in the stable order, each at most once
    let names: Vec<usize> = q.iter().map(|(k, _)| PARAMS.iter().position(|p| p == k).expect("known name")).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "{q:?}");
}

#[test]
fn the_default_selection_writes_nothing() {
    let ds = bundled();
    assert!(to_query(&Selection::default()).is_empty());
    let (s, n) = from_query(&[], &ds);
    assert_eq!(s, Selection::default());
    assert!(n.is_empty());
}

#[test]
fn every_enum_value_round_trips() {
    let ds = bundled();
    let area_sets = [
        AreaSet::Local,
        AreaSet::Provinces,
        AreaSet::Regions,
        AreaSet::Country,
        AreaSet::Custom(vec!["P20".into()]),
        AreaSet::Custom(vec!["P20".into(), "F24".into(), "C14-SONLA".into()]),
        AreaSet::Custom(vec!["VN".into(), "R1".into(), "X-seed002".into()]),
    ];
    let dates = [DatePick::Latest, DatePick::Year(2022), DatePick::Year(2018)];
    let hidden: [Vec<String>; 3] = [vec![], vec!["agriculture".into()], vec!["P20".into(), "VN".into(), "non_agriculture".into()]];
    let mut n = 0;
    for areas in &area_sets {
        for by_sector in [false, true] {
            for &mode in Mode::ALL {
                for &date in &dates {
                    for &chart in ChartKind::ALL {
                        for &sort in SortBy::ALL {
                            for h in &hidden {
                                let s = Selection { areas: areas.clone(), by_sector, mode, date, chart, sort, hidden: h.clone(), ..Selection::default() };
                                round_trip(&ds, &s);
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(n > 3000);
}

#[test]
fn every_metric_of_the_data_round_trips() {
    let ds = bundled();
    for (metric, unit, areas) in htx_charts::view::metric_choices(&ds) {
        assert!(areas > 0);
        let s = Selection { metric, unit, ..Selection::default() };
        let s = Selection { areas: htx_charts::view::filter::areas_for_metric(&ds, &s), ..s };
        round_trip(&ds, &s);
        let q = to_query(&s);
        if (metric, unit) != (Metric::Cooperatives, Unit::Cooperatives) {
            assert_eq!(q[0], ("m".to_string(), metric_key(metric, unit)));
        }
    }
    let s = Selection { metric: Metric::IncomePerWorker, unit: Unit::VndPerMonth, ..Selection::default() };
    assert_eq!(to_query(&s), pairs(&[("m", "income_per_worker.vnd_per_month")]));
    let s = Selection { metric: Metric::CharterCapital, unit: Unit::Vnd, ..Selection::default() };
    assert_eq!(to_query(&s), pairs(&[("m", "charter_capital")]));
}

#[test]
fn short_readable_names() {
    let s = Selection {
        metric: Metric::Members,
        unit: Unit::Persons,
        areas: AreaSet::Custom(vec!["P20".into(), "F24".into()]),
        by_sector: true,
        mode: Mode::PerCooperative,
        date: DatePick::Year(2023),
        chart: ChartKind::Table,
        sort: SortBy::Name,
        top: Some(10),
        hidden: vec!["P20".into(), "VN".into()],
    };
    assert_eq!(
        to_query(&s),
        pairs(&[("m", "members"), ("a", "P20,F24"), ("by", "sector"), ("mode", "per_coop"), ("d", "2023"), ("c", "table"), ("sort", "name"), ("top", "10"), ("hide", "P20,VN")])
    );
}

#[test]
fn top_takes_1_to_40() {
    let ds = small();
    for bad in ["0", "41", "x", "-1", ""] {
        falls_back(&ds, "top", bad, NoticeReason::Invalid);
    }
    let (s, n) = parse(&ds, &[("top", "12")]);
    assert!(n.is_empty());
    assert_eq!(s.top, Some(12));
}

/// A bad value of one parameter gives one notice and that parameter's default.
fn falls_back(ds: &Dataset, param: &str, value: &str, reason: NoticeReason) {
    let (s, n) = parse(ds, &[(param, value), ("sort", "name")]);
    assert_eq!(n.len(), 1, "{param}={value}: {n:?}");
    assert_eq!(n[0].param, param);
    assert_eq!(n[0].reason, reason, "{param}={value}");
    assert_eq!(s, Selection { sort: SortBy::Name, ..Selection::default() }, "{param}={value}: the other parameters are kept");
    assert!(!n[0].describe(Lang::Vi).is_empty() && !n[0].describe(Lang::En).is_empty());
}

#[test]
fn bad_parameters_fall_back_with_a_notice() {
    let ds = bundled();
    falls_back(&ds, "m", "foo", NoticeReason::Invalid);
    falls_back(&ds, "m", "", NoticeReason::Invalid);
    falls_back(&ds, "m", "income_per_worker.vnd", NoticeReason::Invalid);
    falls_back(&ds, "m", "charter_capital.percent", NoticeReason::Invalid);
    falls_back(&ds, "a", "ZZ99", NoticeReason::Invalid);
    falls_back(&ds, "a", ",,", NoticeReason::Invalid);
    falls_back(&ds, "d", "1800", NoticeReason::Invalid);
    falls_back(&ds, "d", "1990", NoticeReason::NoDataForYear);
    falls_back(&ds, "d", "20x3", NoticeReason::Invalid);
    falls_back(&ds, "c", "pie", NoticeReason::Invalid);
    falls_back(&ds, "mode", "x", NoticeReason::Invalid);
    falls_back(&ds, "by", "area", NoticeReason::Invalid);
    falls_back(&ds, "hide", "<script>", NoticeReason::Invalid);

    let (s, n) = parse(&ds, &[("sort", "up")]);
    assert_eq!(s, Selection::default());
    assert_eq!(n[0].describe(Lang::Vi), "Tham số sort=“up” không hợp lệ: dùng mặc định (Theo giá trị).");
    let (_, n) = parse(&ds, &[("m", "foo")]);
    assert_eq!(n[0].describe(Lang::Vi), "Tham số m=“foo” không hợp lệ: dùng mặc định (Số hợp tác xã).");
    assert_eq!(n[0].describe(Lang::En), "Parameter m=“foo” is not valid: using the default (Cooperatives).");
}

#[test]
fn a_metric_absent_from_the_data() {
    let mut ds = bundled();
    ds.observations.retain(|o| o.metric != Metric::TotalCapital);
    let (s, n) = parse(&ds, &[("m", "total_capital")]);
    assert_eq!(s, Selection::default());
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].reason, NoticeReason::MetricAbsent);
    assert_eq!(n[0].describe(Lang::Vi), "Dữ liệu không có chỉ tiêu m=“total_capital”: dùng mặc định (Số hợp tác xã).");
    // a unit the metric allows but the data does not have
    let (s, n) = parse(&ds, &[("m", "income_per_member.vnd_per_month"), ("c", "table")]);
    assert_eq!((s.metric, s.chart), (Metric::IncomePerMember, ChartKind::Table), "{n:?}");
    let mut ds = bundled();
    ds.observations.retain(|o| !(o.metric == Metric::IncomePerMember && o.unit == Unit::VndPerMonth));
    let (s, n) = parse(&ds, &[("m", "income_per_member.vnd_per_month")]);
    assert_eq!(s.metric, Metric::Cooperatives);
    assert_eq!(n[0].reason, NoticeReason::MetricAbsent);
}

#[test]
fn unknown_area_codes_are_left_out_known_ones_kept() {
    let ds = bundled();
    let (s, n) = parse(&ds, &[("a", "P20,ZZ99,F24,QQ1")]);
    assert_eq!(s.areas, AreaSet::Custom(vec!["P20".into(), "F24".into()]));
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].reason, NoticeReason::UnknownAreas);
    assert_eq!(n[0].value, "ZZ99, QQ1");
    assert!(n[0].describe(Lang::Vi).contains("ZZ99"));
    // codes are matched without regard to case and written back as the data spells them
    let (s, n) = parse(&ds, &[("a", "p20,c14-sonla")]);
    assert!(n.is_empty());
    assert_eq!(s.areas, AreaSet::Custom(vec!["P20".into(), "C14-SONLA".into()]));
}

#[test]
fn duplicated_parameters_use_the_default() {
    let ds = bundled();
    let (s, n) = parse(&ds, &[("m", "members"), ("c", "table"), ("m", "workers")]);
    assert_eq!(s.metric, Metric::Cooperatives);
    assert_eq!(s.chart, ChartKind::Table);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].reason, NoticeReason::Duplicated);
    assert_eq!(n[0].value, "members, workers");
    let (s, n) = parse(&ds, &[("d", "2022"), ("d", "2022")]);
    assert_eq!(s.date, DatePick::Latest);
    assert_eq!(n[0].reason, NoticeReason::Duplicated);
}

#[test]
fn parameters_of_other_parts_are_ignored_unknown_ones_noticed() {
    let ds = bundled();
    let (s, n) = parse(
        &ds,
        &[("lang", "en"), ("data", "x.json"), ("deck", "1"), ("slide", "3"), ("embed", "1"), ("theme", "dark"), ("title", "x"), ("m", "members")],
    );
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.metric, Metric::Members);
    let (s, n) = parse(&ds, &[("foo", "bar"), ("c", "line")]);
    assert_eq!(s.chart, ChartKind::Line);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].reason, NoticeReason::UnknownParam);
    assert_eq!(n[0].param, "foo");
}

#[test]
fn map_and_lenient_forms() {
    let ds = bundled();
    let (s, n) = parse(&ds, &[("c", "map"), ("m", "income_per_worker"), ("hide", "agriculture,,agriculture,P20")]);
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.chart, ChartKind::Map);
    assert_eq!((s.metric, s.unit), (Metric::IncomePerWorker, Unit::VndPerMonth));
    assert_eq!(s.hidden, ["agriculture", "P20"]);
    // a key no legend has is named, the others kept
    let (s, n) = parse(&ds, &[("hide", "P20,zzz")]);
    assert_eq!(s.hidden, ["P20"]);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!((n[0].param.as_str(), n[0].value.as_str(), n[0].reason), ("hide", "zzz", NoticeReason::Invalid));
}

/// Two metrics: cooperatives in a province, profit of the whole country only.
const NATIONAL_ONLY: &str = r#"{"format": "htx-charts/1", "title": "t", "updated": "2026-01-01",
  "sources": [{"id": "s", "publisher": "Báo A", "title": "Bài", "published": "2024"}],
  "areas": [{"code": "VN", "name": "Việt Nam", "short": "Việt Nam", "name_en": "Viet Nam", "level": "country"},
            {"code": "P20", "name": "Lạng Sơn", "short": "Lạng Sơn", "name_en": "Lang Son", "level": "province"}],
  "observations": [
    {"area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s", "quote": "có 478 HTX"},
    {"area": "VN", "date": "2023", "metric": "profit", "value": 5000000000, "qualifier": "exact", "unit": "vnd", "source": "s", "quote": "lãi 5 tỷ đồng"}]}"#;

#[test]
fn a_metric_without_figures_of_the_default_areas_opens_on_a_preset_that_has_some() {
    let ds = common::from_json(NATIONAL_ONLY);
    let (s, notices) = parse(&ds, &[("m", "profit")]);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.areas, AreaSet::Country);
    assert_eq!(to_query(&s), pairs(&[("m", "profit"), ("a", "vn")]));
    // areas asked for are kept, even without figures (the chart says so)
    assert_eq!(parse(&ds, &[("m", "profit"), ("a", "p34")]).0.areas, AreaSet::Provinces);
    assert_eq!(parse(&ds, &[]).0.areas, AreaSet::Local);
    // `a=` given twice: the default, as its notice says
    let (s, notices) = parse(&ds, &[("m", "profit"), ("a", "vn"), ("a", "p34")]);
    assert_eq!(s.areas, AreaSet::Local);
    assert_eq!(notices.iter().map(|n| n.reason).collect::<Vec<_>>(), [NoticeReason::Duplicated]);
}

#[test]
fn a_file_without_the_default_metric_opens_on_its_first_metric() {
    // the small fixture without its cooperative counts: the metric menu's first entry is shown
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(common::root("tests/fixtures/small.json")).unwrap()).unwrap();
    json["observations"].as_array_mut().unwrap().retain(|o| o["metric"] != "cooperatives");
    let ds = common::from_json(&json.to_string());
    let first = htx_charts::view::metric_choices(&ds)[0];
    let (s, n) = from_query(&[], &ds);
    assert!(n.is_empty(), "{n:?}");
    assert_eq!((s.metric, s.unit), (first.0, first.1));
    assert!(ds.observations.iter().any(|o| o.metric == s.metric && o.unit == s.unit));
    // an `m=` of the file still wins
    let (s, _) = parse(&ds, &[("m", "rating_share")]);
    assert_eq!(s.metric, Metric::RatingShare);
}
