//! Each stage of `view::build` on a tiny dataset of its own: filter (area sets) → pick (latest or
//! one year, one tie rule) → derive (as reported, share of a total, per cooperative) → group (what
//! one bar stands for) → layout (bars, stacked, line, map) — and the caveats in both languages.

mod common;

use common::{check_view, from_json, sel, view};
use htx_charts::chart::tilemap::TileState;
use htx_charts::chart::ChartSpec;
use htx_charts::explore::{AreaSet, ChartKind, DatePick, Mode, Selection};
use htx_charts::i18n::Lang;
use htx_charts::model::{Dataset, DateRef, Metric, Qualifier, Sector, Unit, Value};
use htx_charts::view::caveat::{AreaDate, LeftOut, Reported};
use htx_charts::view::choices::{self, Computed};
use htx_charts::view::derive::{self, Den, Fig};
use htx_charts::view::part::Part;
use htx_charts::view::{filter, group, layout, pick, Caveat};

/// Two sources at one date for Việt Nam and Bắc Ninh; sector parts with a total (Bắc Ninh), without
/// one (Hà Nội) and a single part (Lạng Sơn city); capital whose count is from another source
/// (Lạng Sơn) or at another date (Bắc Giang); a former province alone in its province (Hòa Bình).
const STAGES: &str = r#"{
  "format": "htx-charts/1", "title": "stages", "updated": "2026-01-01",
  "sources": [
    { "id": "s-a", "publisher": "Cục Thống kê (gso.gov.vn)", "title": "Niên giám thống kê" },
    { "id": "s-b", "publisher": "Liên minh HTX", "title": "Báo cáo tổng kết" },
    { "id": "s-c", "publisher": "Sở Tài chính", "title": "Vốn của HTX", "url": "https://example.org/von" }
  ],
  "areas": [
    { "code": "VN", "name": "Việt Nam", "name_en": "Viet Nam", "level": "country" },
    { "code": "R1", "name": "Vùng một", "level": "region" },
    { "code": "P01", "name": "Thành phố Hà Nội", "short": "Hà Nội", "level": "province", "official_code": "01" },
    { "code": "P20", "name": "Tỉnh Lạng Sơn", "short": "Lạng Sơn", "level": "province", "official_code": "20" },
    { "code": "P24", "name": "Tỉnh Bắc Ninh", "short": "Bắc Ninh", "level": "province", "official_code": "24" },
    { "code": "P25", "name": "Tỉnh Phú Thọ", "short": "Phú Thọ", "level": "province", "official_code": "25" },
    { "code": "F24", "name": "Tỉnh Bắc Giang", "short": "Bắc Giang", "level": "former_province", "official_code": "24", "part_of": "P24" },
    { "code": "F17", "name": "Tỉnh Hòa Bình", "short": "Hòa Bình", "level": "former_province", "official_code": "17", "part_of": "P25" },
    { "code": "C20-LS", "name": "Thành phố Lạng Sơn", "short": "TP Lạng Sơn", "level": "city", "part_of": "P20" }
  ],
  "observations": [
    { "area": "VN", "date": "2024-12", "metric": "cooperatives", "value": 33335, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "VN", "date": "2024-12", "metric": "cooperatives", "value": 33557, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "VN", "date": "2023", "metric": "cooperatives", "value": 31364, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "R1", "date": "2022", "metric": "cooperatives", "value": 7957, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P20", "date": "2021", "metric": "cooperatives", "value": 400, "qualifier": "about", "unit": "cooperatives", "source": "s-a" },
    { "area": "P20", "date": "2023", "metric": "cooperatives", "value": 478, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "P20", "date": "2023", "metric": "charter_capital", "value": 1017520000000, "qualifier": "exact", "unit": "vnd", "source": "s-c" },
    { "area": "P20", "date": "2023", "metric": "cooperatives_operating", "value": 430, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "good_or_fair", "value": 21, "qualifier": "exact", "unit": "percent", "source": "s-b" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "weak", "value": 15, "qualifier": "exact", "unit": "percent", "source": "s-b" },
    { "area": "P20", "date": "2023", "metric": "rating_share", "rating": "average", "value": 64, "qualifier": "exact", "unit": "percent", "source": "s-b" },
    { "area": "P20", "date": "2023", "metric": "income_per_worker", "value": 4500000, "qualifier": "about", "unit": "vnd_per_month", "source": "s-b" },
    { "area": "VN", "date": "2023", "metric": "income_per_worker", "value": 60000000, "qualifier": "exact", "unit": "vnd_per_year", "source": "s-a" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "value": 2086, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "sector": "agriculture", "value": 1439, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "sector": "non_agriculture", "value": 602, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "P24", "date": "2025", "metric": "cooperatives", "value": 2090, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "P01", "date": "2020-12", "metric": "cooperatives", "sector": "agriculture", "value": 293, "qualifier": "estimate", "unit": "cooperatives", "source": "s-a" },
    { "area": "P01", "date": "2020-12", "metric": "cooperatives", "sector": "non_agriculture", "value": 700, "qualifier": "estimate", "unit": "cooperatives", "source": "s-a" },
    { "area": "C20-LS", "date": "2024", "metric": "cooperatives", "sector": "trade_services", "value": 40, "qualifier": "exact", "unit": "cooperatives", "source": "s-b" },
    { "area": "F24", "date": "2019-05", "metric": "cooperatives", "value": 700, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "F24", "date": "2019", "metric": "charter_capital", "value": 1523000000000, "qualifier": "more_than", "unit": "vnd", "source": "s-a" },
    { "area": "F24", "date": "2020", "metric": "cooperatives", "value": 713, "qualifier": "exact", "unit": "cooperatives", "source": "s-a" },
    { "area": "F17", "date": "2022-12", "metric": "cooperatives", "value": 485, "qualifier": "exact", "unit": "cooperatives", "source": "s-a", "scope": "HTX, không gồm QTDND" }
  ]
}"#;

fn ds() -> Dataset {
    from_json(STAGES)
}

/// The record of the only total of `metric` in `area` at `date` (from `source` when given).
fn rec(ds: &Dataset, area: &str, metric: Metric, date: &str, source: Option<&str>) -> usize {
    common::record_of(ds, |o| {
        o.area == area && o.metric == metric && o.date.to_string() == date && o.sector.is_none() && o.rating.is_none() && source.is_none_or(|s| o.source == s)
    })
}

fn part_rec(ds: &Dataset, area: &str, sector: Sector) -> usize {
    common::record_of(ds, |o| o.area == area && o.sector == Some(sector))
}

fn records(list: &[&htx_charts::model::Observation]) -> Vec<usize> {
    list.iter().map(|o| o.record).collect()
}

fn areas(list: &[&htx_charts::model::Observation]) -> Vec<String> {
    let mut a: Vec<String> = list.iter().map(|o| o.area.clone()).collect();
    a.dedup();
    a
}

fn date(s: &str) -> DateRef {
    DateRef::parse(s).unwrap()
}

// ───────────────────────────── filter ─────────────────────────────

#[test]
fn filter_keeps_the_metric_in_the_chosen_areas() {
    let ds = ds();
    let scoped = |areas: AreaSet| filter::scope(&ds, &Selection { areas, ..Selection::default() });
    // every area below the regions: provinces, former provinces, cities
    let local = scoped(AreaSet::Local);
    assert_eq!(areas(&local.totals), ["P20", "P24", "F24", "F17"]);
    assert_eq!(areas(&local.parts), ["P24", "P01", "C20-LS"]);
    assert!(local.ratings.is_empty(), "ratings are another metric");
    assert_eq!(local.years, [2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    // the 34 current provinces only
    let p34 = scoped(AreaSet::Provinces);
    assert_eq!(areas(&p34.totals), ["P20", "P24"]);
    assert_eq!(areas(&p34.parts), ["P24", "P01"]);
    assert_eq!(areas(&scoped(AreaSet::Regions).totals), ["R1"]);
    assert_eq!(areas(&scoped(AreaSet::Country).totals), ["VN"]);
    assert_eq!(scoped(AreaSet::Country).totals.len(), 3);
    let custom = scoped(AreaSet::Custom(vec!["F24".into(), "P20".into()]));
    assert_eq!(areas(&custom.totals), ["P20", "F24"], "file order");
    // whatever the areas, the picker lists every area with this metric, in dataset order
    assert_eq!(custom.areas_with_data, ["VN", "R1", "P01", "P20", "P24", "F24", "F17", "C20-LS"]);
    // the unit is part of the choice
    let month = filter::scope(&ds, &Selection { metric: Metric::IncomePerWorker, unit: Unit::VndPerMonth, ..Selection::default() });
    assert_eq!(areas(&month.totals), ["P20"]);
    assert_eq!(month.areas_with_data, ["P20"]);
    // the area presets that would chart something (the others are greyed out)
    let with = |codes: &[String]| AreaSet::PRESETS.iter().filter(|p| filter::preset_has_data(&ds, p, codes)).map(AreaSet::key).collect::<Vec<_>>();
    assert_eq!(with(&custom.areas_with_data), ["local", "p34", "regions", "vn"]);
    assert_eq!(with(&month.areas_with_data), ["local", "p34"]);
    // a metric without figures of the chosen preset opens on the first preset that has some
    let monthly = |areas| Selection { metric: Metric::IncomePerWorker, unit: Unit::VndPerMonth, areas, ..Selection::default() };
    assert_eq!(filter::areas_for_metric(&ds, &monthly(AreaSet::Regions)), AreaSet::Local);
    assert_eq!(filter::areas_for_metric(&ds, &monthly(AreaSet::Provinces)), AreaSet::Provinces);
    let chosen = AreaSet::Custom(vec!["R1".into()]);
    assert_eq!(filter::areas_for_metric(&ds, &monthly(chosen.clone())), chosen, "chosen areas are kept");
    let ratings = filter::scope(&ds, &Selection { metric: Metric::RatingShare, unit: Unit::Percent, ..Selection::default() });
    assert_eq!(ratings.ratings.len(), 3);
    assert!(ratings.totals.is_empty() && ratings.parts.is_empty());
    // the map's figures: provinces and former provinces, whatever areas are chosen
    let provincial = filter::provincial_totals(&ds, Metric::Cooperatives, Unit::Cooperatives);
    assert_eq!(areas(&provincial), ["P20", "P24", "F24", "F17"]);
    assert_eq!(provincial.len(), 7);
    // the metric choices with the number of areas
    let c = filter::metric_choices(&ds);
    assert!(c.contains(&(Metric::Cooperatives, Unit::Cooperatives, 8)), "{c:?}");
    assert!(c.contains(&(Metric::IncomePerWorker, Unit::VndPerMonth, 1)) && c.contains(&(Metric::IncomePerWorker, Unit::VndPerYear, 1)), "{c:?}");
    assert!(c.contains(&(Metric::CharterCapital, Unit::Vnd, 2)));
}

#[test]
fn area_sets_by_level() {
    let ds = ds();
    let is_in = |set: &AreaSet, code: &str| filter::in_set(set, ds.area(code).unwrap());
    for code in ["P20", "F24", "C20-LS"] {
        assert!(is_in(&AreaSet::Local, code), "{code} is local");
    }
    assert!(!is_in(&AreaSet::Local, "VN") && !is_in(&AreaSet::Local, "R1"));
    assert!(is_in(&AreaSet::Provinces, "P20") && !is_in(&AreaSet::Provinces, "F24") && !is_in(&AreaSet::Provinces, "C20-LS"));
    assert!(is_in(&AreaSet::Regions, "R1") && !is_in(&AreaSet::Regions, "VN"));
    assert!(is_in(&AreaSet::Country, "VN") && !is_in(&AreaSet::Country, "P20"));
    let custom = AreaSet::Custom(vec!["VN".into(), "F24".into()]);
    assert!(is_in(&custom, "VN") && is_in(&custom, "F24") && !is_in(&custom, "P24"));
}

// ───────────────────────────── pick ─────────────────────────────

#[test]
fn pick_latest_keeps_every_source_at_the_latest_date() {
    let ds = ds();
    let country = filter::scope(&ds, &Selection { areas: AreaSet::Country, ..Selection::default() });
    let latest = pick::dates(&country.totals, DatePick::Latest);
    assert_eq!(records(&latest), [rec(&ds, "VN", Metric::Cooperatives, "2024-12", Some("s-a")), rec(&ds, "VN", Metric::Cooperatives, "2024-12", Some("s-b"))]);
    assert_eq!(records(&pick::dates(&country.totals, DatePick::Year(2023))), [rec(&ds, "VN", Metric::Cooperatives, "2023", None)]);
    assert!(pick::dates(&country.totals, DatePick::Year(2022)).is_empty());
    // a bare year is its end: 2020 is later than 05/2019, and 2019 later than 05/2019
    let local = filter::scope(&ds, &Selection::default());
    let latest = pick::dates(&local.totals, DatePick::Latest);
    assert!(records(&latest).contains(&rec(&ds, "F24", Metric::Cooperatives, "2020", None)));
    assert!(!records(&latest).contains(&rec(&ds, "F24", Metric::Cooperatives, "2019-05", None)));
    assert!(date("2019").sort_key() > date("2019-05").sort_key());
    // a year keeps every figure dated in it, whatever the month
    assert_eq!(records(&pick::dates(&local.totals, DatePick::Year(2019))), [rec(&ds, "F24", Metric::Cooperatives, "2019-05", None)]);
    // where one figure per area can be drawn: the first in the file
    let first = pick::first_per_area(&latest);
    assert_eq!(first["P24"].record, rec(&ds, "P24", Metric::Cooperatives, "2025", Some("s-b")));
    assert_eq!(first["P24"].value, Value::Point(2086.0));
}

#[test]
fn the_tie_rule_is_the_same_for_bars_and_the_map() {
    let ds = ds();
    // bars: both of Bắc Ninh's 2025 figures, each with its publisher
    let v = view(&ds, "a=P24", Lang::Vi);
    check_view(&ds, "a=P24", &v);
    assert_eq!(v.figures.iter().map(|f| f.value.extent()).collect::<Vec<_>>(), [2090.0, 2086.0]);
    // the map: the first of them in the file, never their mean
    let m = view(&ds, "c=map", Lang::Vi);
    let ChartSpec::Map(spec) = &m.spec else { panic!("a map") };
    let p24 = spec.tiles.iter().find(|t| t.code == "P24").unwrap();
    assert!(matches!(p24.state, TileState::Value { value, record, .. } if value == 2086.0 && record == rec(&ds, "P24", Metric::Cooperatives, "2025", Some("s-b"))));
}

// ───────────────────────────── derive ─────────────────────────────

/// The figures and caveats of the derive stage for a query.
fn derived<'a>(ds: &'a Dataset, query: &str) -> (Vec<Fig<'a>>, Vec<Caveat>, choices::Plan) {
    let s = sel(ds, query);
    let scoped = filter::scope(ds, &s);
    let plan = choices::plan(ds, &s, &scoped);
    let (figs, caveats) = derive::figures(ds, &s, &scoped, &plan);
    (figs, caveats, plan)
}

#[test]
fn derive_share_of_the_total_the_source_reports() {
    let ds = ds();
    let (figs, caveats, plan) = derived(&ds, "a=P24&by=sector&mode=share");
    assert_eq!(plan.computed, Computed::Share);
    assert_eq!(figs.len(), 2);
    // the total of the same source (2086), not the other source's 2090
    let total = rec(&ds, "P24", Metric::Cooperatives, "2025", Some("s-b"));
    for f in &figs {
        assert!(matches!(f.den, Some(Den::Total(t)) if t.record == total), "{f:?}");
        assert_eq!(f.inputs().len(), 2);
    }
    let agri = figs.iter().find(|f| f.part == Some(Part::Sector(Sector::Agriculture))).unwrap();
    assert_eq!(agri.value, Value::Point(1439.0 / 2086.0 * 100.0));
    assert_eq!(agri.qualifier, Qualifier::Exact);
    assert_eq!(caveats, [Caveat::Computed]);
}

#[test]
fn derive_share_of_the_listed_parts_when_no_total_is_reported() {
    let ds = ds();
    let (figs, caveats, _) = derived(&ds, "a=P01&by=sector&mode=share");
    assert_eq!(figs.len(), 2);
    let agri = figs.iter().find(|f| f.part == Some(Part::Sector(Sector::Agriculture))).unwrap();
    let parts = [part_rec(&ds, "P01", Sector::Agriculture), part_rec(&ds, "P01", Sector::NonAgriculture)];
    match &agri.den {
        Some(Den::PartsSum(sum, listed)) => {
            assert_eq!(*sum, 993.0);
            assert_eq!(records(listed), parts);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(agri.value, Value::Point(293.0 / 993.0 * 100.0));
    assert_eq!(agri.qualifier, Qualifier::Estimate, "estimates stay estimates");
    assert_eq!(records(&agri.inputs()), parts, "the figure, then the other listed part");
    assert!(caveats.contains(&Caveat::SharesOfListedParts { areas: vec![AreaDate { area: "P01".into(), date: date("2020-12") }] }), "{caveats:?}");
    assert!(caveats.contains(&Caveat::Computed));
    // as the view states it
    let v = view(&ds, "a=P01&by=sector&mode=share", Lang::Vi);
    check_view(&ds, "listed parts", &v);
    let f = v.figure("P01:agriculture").unwrap();
    assert_eq!(f.formula.as_deref(), Some("293 HTX (ước tính) ÷ 993 HTX (tổng các lĩnh vực nguồn liệt kê: 293 + 700), cùng thời điểm 12/2020"));
    assert!(v.caveat_text.iter().any(|c| c.contains("Nguồn không nêu tổng số cho Hà Nội (12/2020)")), "{:?}", v.caveat_text);
    let total: f64 = v.figures.iter().map(|f| f.value.extent()).sum();
    assert!((total - 100.0).abs() < 1e-9);
}

#[test]
fn derive_one_listed_part_without_a_total_has_no_share() {
    let ds = ds();
    let (figs, caveats, _) = derived(&ds, "a=C20-LS&by=sector&mode=share");
    assert!(figs.is_empty());
    assert_eq!(caveats, [Caveat::OnePartNoTotal { areas: vec![AreaDate { area: "C20-LS".into(), date: date("2024") }] }]);
    let v = view(&ds, "a=C20-LS&by=sector&mode=share", Lang::En);
    assert!(v.caveat_text.iter().any(|c| c.contains("TP Lạng Sơn (2024)")), "{:?}", v.caveat_text);
    assert!(v.caveats.iter().any(|c| matches!(c, Caveat::NoFigures { .. })));
}

#[test]
fn derive_per_cooperative_from_two_records_of_one_date() {
    let ds = ds();
    let (figs, caveats, plan) = derived(&ds, "m=charter_capital&mode=per_coop");
    assert_eq!(plan.computed, Computed::PerCoop);
    // Lạng Sơn: capital (Sở Tài chính) ÷ cooperatives (Liên minh HTX), both 2023
    assert_eq!(figs.len(), 1);
    let f = &figs[0];
    let capital = common::record_of(&ds, |o| o.area == "P20" && o.metric == Metric::CharterCapital);
    let count = rec(&ds, "P20", Metric::Cooperatives, "2023", None);
    assert!(matches!(f.den, Some(Den::Count(c)) if c.record == count));
    assert_eq!(records(&f.inputs()), [capital, count]);
    assert_eq!(f.value, Value::Point(1_017_520_000_000.0 / 478.0));
    // Bắc Giang: capital 2019, cooperatives only at 05/2019 and 2020: never across dates
    let left_out = LeftOut { area: "F24".into(), date: date("2019"), counts_at: vec![date("2019-05"), date("2020")] };
    assert_eq!(caveats, [Caveat::NoCount { share: false, left_out: vec![left_out] }, Caveat::Computed]);
    // as the view states it: both records, both sources, the left-out caveat
    let v = view(&ds, "m=charter_capital&mode=per_coop", Lang::Vi);
    check_view(&ds, "per coop", &v);
    let f = v.figure("P20").unwrap();
    assert_eq!(f.records(), [capital, count]);
    assert_eq!(f.sources(), "Sở Tài chính: Vốn của HTX; Liên minh HTX: Báo cáo tổng kết");
    assert_eq!(f.value_text, "2,129 tỷ đồng/HTX");
    assert!(v.figure("F24").is_none());
    let cav = v.caveat_text.iter().find(|c| c.contains("đã bỏ ra")).expect("the left-out caveat");
    assert!(cav.contains("Bắc Giang (cũ) (2019: số HTX chỉ có ở thời điểm 05/2019, 2020)"), "{cav}");
    let en = view(&ds, "m=charter_capital&mode=per_coop", Lang::En);
    assert!(en.caveat_text.iter().any(|c| c.contains("Bac Giang (former) (2019: cooperatives counted only at May 2019, 2020)") || c.contains("Bắc Giang (former) (2019: cooperatives counted only at May 2019, 2020)")), "{:?}", en.caveat_text);
    assert_eq!(derive::count_partner(&ds, ds.observation(capital).unwrap()).map(|o| o.record), Some(count));
}

#[test]
fn derive_a_subset_as_a_share_of_all_cooperatives() {
    let ds = ds();
    let (figs, caveats, _) = derived(&ds, "m=cooperatives_operating&mode=share");
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].value, Value::Point(430.0 / 478.0 * 100.0));
    assert!(matches!(figs[0].den, Some(Den::Count(_))));
    assert_eq!(caveats, [Caveat::Computed]);
    let v = view(&ds, "m=cooperatives_operating&mode=share", Lang::Vi);
    assert_eq!(v.figures[0].formula.as_deref(), Some("430 HTX ÷ 478 HTX, cùng thời điểm 2023"));
    assert_eq!(v.figures[0].label, "90%");
}

// ───────────────────────────── group ─────────────────────────────

#[test]
fn group_two_sources_at_one_date_are_two_groups_named_by_publisher() {
    let ds = ds();
    let country = filter::scope(&ds, &Selection { areas: AreaSet::Country, ..Selection::default() });
    let figs: Vec<Fig> = pick::dates(&country.totals, DatePick::Latest).into_iter().map(|o| Fig::plain(o, None)).collect();
    let mut groups = group::make(&ds, figs, Lang::Vi);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["VN", "VN#2"]);
    assert_eq!(groups[0].label, "Việt Nam (Cục Thống kê)", "the publisher without its address");
    assert_eq!(groups[1].label, "Việt Nam (Liên minh HTX)");
    group::sort(&mut groups, htx_charts::explore::SortBy::Value);
    assert_eq!(groups[0].total(), 33557.0, "largest first");
    let en = group::make(&ds, pick::dates(&country.totals, DatePick::Latest).into_iter().map(|o| Fig::plain(o, None)).collect(), Lang::En);
    assert_eq!(en[0].label, "Viet Nam (Cục Thống kê)");
    // the parts of one area, date and source are one group; a figure without a part is its own
    let ratings = filter::scope(&ds, &Selection { metric: Metric::RatingShare, unit: Unit::Percent, ..Selection::default() });
    let figs: Vec<Fig> = ratings.ratings.iter().map(|o| Fig::plain(o, o.rating.map(Part::Rating))).collect();
    let groups = group::make(&ds, figs, Lang::Vi);
    assert_eq!(groups.len(), 1);
    assert_eq!((groups[0].key.as_str(), groups[0].label.as_str(), groups[0].figs.len()), ("P20", "Lạng Sơn", 3));
    assert_eq!(groups[0].total(), 100.0);
}

// ───────────────────────────── layout ─────────────────────────────

fn laid_out<'a>(ds: &'a Dataset, query: &str) -> layout::Laid<'a> {
    let s = sel(ds, query);
    let scoped = filter::scope(ds, &s);
    let plan = choices::plan(ds, &s, &scoped);
    let (figs, _) = derive::figures(ds, &s, &scoped, &plan);
    layout::lay_out(ds, &s, &plan, figs, Lang::Vi)
}

fn keys(l: &layout::Laid) -> Vec<String> {
    l.figs.iter().map(|(k, _)| k.clone()).collect()
}

#[test]
fn layout_bars_largest_first_and_parts_in_order() {
    let ds = ds();
    let l = laid_out(&ds, "");
    assert_eq!(keys(&l), ["P24#2", "P24", "F24", "F17", "P20"]);
    let ChartSpec::Bars(b) = &l.spec else { panic!("bars") };
    assert_eq!(b.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Bắc Ninh (Cục Thống kê)", "Bắc Ninh (Liên minh HTX)", "Bắc Giang (cũ)", "Hòa Bình (cũ)", "Lạng Sơn"]);
    assert_eq!(b.rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>(), keys(&l));
    // by name (Bắc Giang, Bắc Ninh (Cục …), Bắc Ninh (Liên …), Hòa Bình, Lạng Sơn)
    assert_eq!(keys(&laid_out(&ds, "sort=name")), ["F24", "P24#2", "P24", "F17", "P20"]);
    // parts of one group: largest first, labelled by sector only
    let l = laid_out(&ds, "a=P24&by=sector");
    assert_eq!(keys(&l), ["P24:agriculture", "P24:non_agriculture"]);
    let ChartSpec::Bars(b) = &l.spec else { panic!("bars") };
    assert_eq!(b.rows[0].label, "Nông, lâm, ngư nghiệp");
    // rating classes in their order, best first, whatever the file order
    assert_eq!(keys(&laid_out(&ds, "m=rating_share")), ["P20:good_or_fair", "P20:average", "P20:weak"]);
}

#[test]
fn layout_stacked_leaves_hidden_series_out_and_sorts_on_what_is_drawn() {
    let ds = ds();
    let l = laid_out(&ds, "by=sector&c=stacked");
    let ChartSpec::Stacked(s) = &l.spec else { panic!("stacked") };
    assert_eq!(s.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Bắc Ninh", "Hà Nội", "TP Lạng Sơn"]);
    assert_eq!(s.classes, ["Nông, lâm, ngư nghiệp", "Thương mại, dịch vụ", "Phi nông nghiệp"]);
    assert_eq!(l.legend.iter().map(|i| (i.key.as_str(), i.hidden)).collect::<Vec<_>>(), [("agriculture", false), ("trade_services", false), ("non_agriculture", false)]);
    // agriculture hidden: not drawn, not a class, still in the legend; Hà Nội (700) now before Bắc Ninh (602)
    let l = laid_out(&ds, "by=sector&c=stacked&hide=agriculture");
    let ChartSpec::Stacked(s) = &l.spec else { panic!("stacked") };
    assert_eq!(s.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Hà Nội", "Bắc Ninh", "TP Lạng Sơn"]);
    assert_eq!(s.classes, ["Thương mại, dịch vụ", "Phi nông nghiệp"]);
    assert!(l.legend.iter().any(|i| i.key == "agriculture" && i.hidden));
    assert!(keys(&l).iter().all(|k| !k.ends_with(":agriculture")));
    assert!(s.rows.iter().flat_map(|r| &r.segments).all(|g| s.classes[g.class] != "Nông, lâm, ngư nghiệp"));
    // every series hidden: nothing drawn
    let l = laid_out(&ds, "by=sector&c=stacked&hide=agriculture,trade_services,non_agriculture");
    assert!(l.spec.is_empty() && l.figs.is_empty());
}

#[test]
fn layout_line_drops_areas_with_one_date_and_says_so() {
    let ds = ds();
    let l = laid_out(&ds, "c=line");
    let ChartSpec::Series(s) = &l.spec else { panic!("a series") };
    assert_eq!(s.series, ["Bắc Giang (cũ)", "Lạng Sơn"], "largest last figure first");
    assert_eq!(l.legend.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["F24", "P20"]);
    assert!(s.points.windows(2).all(|w| w[0].series < w[1].series || (w[0].series == w[1].series && w[0].x < w[1].x)), "by series, then by date");
    let Caveat::OneDateOnly { areas } = l.caveats.iter().find(|c| matches!(c, Caveat::OneDateOnly { .. })).expect("a caveat") else { unreachable!() };
    let mut areas = areas.clone();
    areas.sort();
    assert_eq!(areas, ["F17", "P24"], "Bắc Ninh's two figures are of one date");
    // the view says it in words, and the points keep their qualifiers (Lạng Sơn 2021 is "about")
    let v = view(&ds, "c=line", Lang::Vi);
    check_view(&ds, "c=line", &v);
    assert!(v.caveat_text.iter().any(|c| c.contains("Bắc Ninh") && c.contains("Hòa Bình (cũ)")), "{:?}", v.caveat_text);
    assert!(v.caveats.contains(&Caveat::HollowPoints));
    assert!(s.points.iter().any(|p| p.qualifier == Qualifier::About && p.label == "khoảng 400"));
}

#[test]
fn layout_map_draws_a_former_province_apart() {
    let ds = ds();
    let l = laid_out(&ds, "c=map");
    let ChartSpec::Map(m) = &l.spec else { panic!("a map") };
    let tile = |code: &str| m.tiles.iter().find(|t| t.code == code).unwrap();
    let hb = rec(&ds, "F17", Metric::Cooperatives, "2022-12", None);
    assert_eq!(tile("P25").state, TileState::FormerOnly { count: 1 });
    assert_eq!(tile("P25").former_records, [hb]);
    // Bắc Ninh has its own figure: Bắc Giang's is neither added nor shown in its place
    assert!(matches!(tile("P24").state, TileState::Value { value, .. } if value == 2086.0));
    assert!(tile("P24").former_records.is_empty());
    assert_eq!(tile("P20").state, TileState::Value { value: 478.0, label: "478".into(), record: rec(&ds, "P20", Metric::Cooperatives, "2023", None), class: 0 });
    assert_eq!(tile("P01").state, TileState::NoData, "Hà Nội has parts only");
    assert_eq!(keys(&l), ["P20", "P24"], "the figures are the provinces' own, in tile order");
    assert_eq!(l.caveats, [Caveat::TileMap { former: 1 }]);
}

// ───────────────────────────── choices ─────────────────────────────

#[test]
fn choices_offer_what_fits_and_fall_back_with_a_caveat() {
    let ds = ds();
    let plan = |q: &str| {
        let s = sel(&ds, q);
        choices::plan(&ds, &s, &filter::scope(&ds, &s))
    };
    let p = plan("");
    assert_eq!(p.kinds, [ChartKind::Bars, ChartKind::Line, ChartKind::Map, ChartKind::Table]);
    assert_eq!(p.modes, [Mode::Absolute]);
    assert!(p.can_by_sector && !p.by_sector && p.fallbacks.is_empty());
    let p = plan("by=sector");
    assert_eq!(p.kinds, [ChartKind::Bars, ChartKind::Stacked, ChartKind::Stacked100, ChartKind::Line, ChartKind::Map, ChartKind::Table]);
    assert_eq!(p.modes, [Mode::Absolute, Mode::Share]);
    let p = plan("m=charter_capital");
    assert_eq!(p.modes, [Mode::Absolute, Mode::PerCooperative]);
    let p = plan("m=cooperatives_operating");
    assert_eq!(p.modes, [Mode::Absolute, Mode::Share]);
    let p = plan("m=rating_share&c=stacked");
    assert_eq!((p.chart_kind, p.is_rating, p.stacked), (ChartKind::Stacked100, true, true));
    assert!(p.fallbacks.is_empty());
    let p = plan("a=R1&c=line&mode=per_coop&by=sector");
    assert_eq!((p.chart_kind, p.mode), (ChartKind::Bars, Mode::Absolute));
    assert_eq!(p.fallbacks, [Caveat::KindFallback { asked: ChartKind::Line }, Caveat::NoSectors, Caveat::ModeFallback { asked: Mode::PerCooperative }]);
    let p = plan("by=sector&c=pct");
    assert_eq!((p.chart_kind, p.mode, p.computed), (ChartKind::Stacked100, Mode::Share, Computed::Share));
}

// ───────────────────────────── caveats ─────────────────────────────

/// The name of a variant; the match lists every variant, so a new one must be added here (and a
/// sample of it to `every_caveat` below).
fn variant(c: &Caveat) -> &'static str {
    match c {
        Caveat::DatesDiffer { .. } => "DatesDiffer",
        Caveat::TileDatesDiffer { .. } => "TileDatesDiffer",
        Caveat::LevelsDiffer => "LevelsDiffer",
        Caveat::ScopesDiffer => "ScopesDiffer",
        Caveat::KindFallback { .. } => "KindFallback",
        Caveat::NoSectors => "NoSectors",
        Caveat::ModeFallback { .. } => "ModeFallback",
        Caveat::OnlyTotals { .. } => "OnlyTotals",
        Caveat::NoCount { .. } => "NoCount",
        Caveat::SharesOfListedParts { .. } => "SharesOfListedParts",
        Caveat::OnePartNoTotal { .. } => "OnePartNoTotal",
        Caveat::Computed => "Computed",
        Caveat::SameDate { .. } => "SameDate",
        Caveat::HollowPoints => "HollowPoints",
        Caveat::RatingsAsPublished => "RatingsAsPublished",
        Caveat::NoFigures { .. } => "NoFigures",
        Caveat::OneDateOnly { .. } => "OneDateOnly",
        Caveat::NoFigureOf { .. } => "NoFigureOf",
        Caveat::TopRows { .. } => "TopRows",
        Caveat::TopSeries { .. } => "TopSeries",
        Caveat::TileMap { .. } => "TileMap",
        Caveat::MapTooSmall => "MapTooSmall",
    }
}

const VARIANTS: usize = 22;

fn every_caveat() -> Vec<Caveat> {
    let here = |area: &str, d: &str| AreaDate { area: area.into(), date: date(d) };
    let reported = |v: f64, who: &str| Reported { value: Value::Point(v), qualifier: Qualifier::Exact, unit: Unit::Cooperatives, who: who.into() };
    vec![
        Caveat::DatesDiffer { from: 2019, to: 2025 },
        Caveat::TileDatesDiffer { from: 2019, to: 2025 },
        Caveat::LevelsDiffer,
        Caveat::ScopesDiffer,
        Caveat::KindFallback { asked: ChartKind::Line },
        Caveat::NoSectors,
        Caveat::ModeFallback { asked: Mode::PerCooperative },
        Caveat::OnlyTotals { count: 3 },
        Caveat::NoCount { share: false, left_out: vec![LeftOut { area: "F24".into(), date: date("2019"), counts_at: vec![date("2020")] }] },
        Caveat::NoCount { share: true, left_out: vec![LeftOut { area: "P24".into(), date: date("2025"), counts_at: vec![] }] },
        Caveat::SharesOfListedParts { areas: vec![here("P01", "2020-12")] },
        Caveat::OnePartNoTotal { areas: vec![here("C20-LS", "2024"), here("P01", "2020-12")] },
        Caveat::Computed,
        Caveat::SameDate { area: "VN".into(), date: date("2024-12"), figures: vec![reported(33335.0, "Cục Thống kê"), reported(33557.0, "Liên minh HTX")], line: true },
        Caveat::SameDate { area: "P24".into(), date: date("2025"), figures: vec![reported(2086.0, "A"), reported(2090.0, "B")], line: false },
        Caveat::HollowPoints,
        Caveat::RatingsAsPublished,
        Caveat::NoFigures { metric: Metric::CharterCapital, unit: Unit::Vnd },
        Caveat::OneDateOnly { areas: vec!["P24".into(), "F17".into()] },
        Caveat::OneDateOnly { areas: (0..9).map(|i| format!("X{i}")).collect() },
        Caveat::TileMap { former: 1 },
        Caveat::MapTooSmall,
        Caveat::NoFigureOf { areas: vec!["F24".into()], of: 2 },
        Caveat::NoFigureOf { areas: (0..20).map(|i| format!("X{i}")).collect(), of: 34 },
        Caveat::TopRows { shown: 40, more: 2994 },
        Caveat::TopSeries { shown: 8, more: 7 },
    ]
}

#[test]
fn chosen_areas_without_a_figure_are_named() {
    let ds = ds();
    let no_figure = |q: &str| view(&ds, q, Lang::Vi).caveats.into_iter().find(|c| matches!(c, Caveat::NoFigureOf { .. }));
    // Phú Thọ has no number of cooperatives
    assert_eq!(no_figure("a=p34"), Some(Caveat::NoFigureOf { areas: vec!["P25".into()], of: 4 }));
    assert_eq!(no_figure("a=P20,P25"), Some(Caveat::NoFigureOf { areas: vec!["P25".into()], of: 2 }));
    assert_eq!(view(&ds, "a=P20,P25", Lang::Vi).caveat_text.last().map(String::as_str), Some("1 trong 2 địa bàn đã chọn không có số liệu chỉ tiêu này: Phú Thọ."));
    assert_eq!(view(&ds, "a=P20,P25", Lang::En).caveat_text.last().map(String::as_str), Some("1 of the 2 chosen areas has no figure for this metric: Phú Thọ."));
    // every area has one; all the local areas, the country, the map: nothing to say
    for q in ["a=P20,P24", "a=regions", "", "a=vn", "a=p34&c=map"] {
        assert_eq!(no_figure(q), None, "{q}");
    }
}

#[test]
fn every_caveat_has_words_in_both_languages() {
    let ds = ds();
    let all = every_caveat();
    let names: std::collections::BTreeSet<&str> = all.iter().map(variant).collect();
    assert_eq!(names.len(), VARIANTS, "a sample of every variant: {names:?}");
    for c in &all {
        let vi = c.text(&ds, Lang::Vi);
        let en = c.text(&ds, Lang::En);
        assert_eq!(vi, c.vi(&ds));
        assert_eq!(en, c.en(&ds));
        for (lang, t) in [("vi", &vi), ("en", &en)] {
            assert!(!t.trim().is_empty(), "{c:?} {lang}");
            assert!(t.ends_with('.'), "{c:?} {lang}: a sentence: {t}");
            assert!(!t.contains('{') && !t.contains("  "), "{c:?} {lang}: {t}");
            assert!(!t.contains("C20-LS") && !t.contains("F24") && !t.contains("P01"), "{c:?} {lang}: names, not codes: {t}");
        }
        assert_ne!(vi, en, "{c:?}");
    }
    // what the words say
    let vi = |c: &Caveat| c.text(&ds, Lang::Vi);
    let en = |c: &Caveat| c.text(&ds, Lang::En);
    let same = &all[13];
    assert!(vi(same).contains("33.335 HTX (Cục Thống kê) và 33.557 HTX (Liên minh HTX)") && vi(same).contains("điểm riêng"), "{}", vi(same));
    assert!(en(same).contains("33,335 cooperatives (Cục Thống kê) and 33,557 cooperatives (Liên minh HTX)") && en(same).contains("points of their own"), "{}", en(same));
    assert!(vi(&all[14]).contains("thanh riêng") && en(&all[14]).contains("bars of their own"));
    assert!(vi(&all[8]).contains("Bắc Giang (cũ) (2019: số HTX chỉ có ở thời điểm 2020)"), "{}", vi(&all[8]));
    assert!(vi(&all[9]).contains("tỷ lệ") && vi(&all[9]).contains("không có số HTX"), "{}", vi(&all[9]));
    assert!(en(&all[9]).contains("no number of cooperatives"), "{}", en(&all[9]));
    assert!(vi(&all[11]).contains("TP Lạng Sơn (2024), Hà Nội (12/2020)"), "{}", vi(&all[11]));
    assert!(en(&all[11]).contains("TP Lạng Sơn (2024), Hà Nội (Dec 2020)"), "{}", en(&all[11]));
    assert!(vi(&all[18]).contains("Bắc Ninh, Hòa Bình (cũ)") && en(&all[18]).contains("Bắc Ninh, Hòa Bình (former)"));
    assert!(vi(&all[19]).contains("9 địa bàn") && en(&all[19]).contains("9 areas"), "a long list is counted");
    assert!(vi(&all[17]).contains("Vốn điều lệ") && en(&all[17]).contains("Charter capital"));
    assert!(vi(&all[1]).contains("2019–2025") && en(&all[1]).contains("2019–2025"));
    assert!(vi(&all[4]).contains("Đường theo thời gian") && en(&all[4]).contains("Line over time"));
    assert!(vi(&all[6]).contains("Bình quân một HTX") && en(&all[6]).contains("Per cooperative"));
    assert!(vi(&all[20]).contains("1 ô chỉ có số liệu của tỉnh cũ"), "{}", vi(&all[20]));
    assert!(en(&all[20]).contains("1 tile has only figures of former provinces"), "{}", en(&all[20]));
    assert!(en(&Caveat::TileMap { former: 2 }).contains("2 tiles have only"));
}
