//! Axis ticks: from 0, covering the maximum, evenly spaced, and printed without float noise.

use htx_charts::chart::{self, nice_ticks, BarRow, BarSpec, ChartSpec, Theme};
use htx_charts::format;
use htx_charts::i18n::Lang;
use htx_charts::model::{Qualifier, Unit, Value};

const MAXES: [f64; 12] = [0.7, 1.0, 3.0, 7.0, 73.0, 101.0, 478.0, 2086.0, 35041.0, 5.5e6, 1.01752e12, 6.8013075e13];

#[test]
fn ticks_start_at_zero_cover_the_max_and_are_even() {
    for max in MAXES {
        for target in 2..=6 {
            let t = nice_ticks(max, target);
            assert_eq!(t[0], 0.0, "{max}");
            assert!(*t.last().unwrap() >= max * (1.0 - 1e-12), "{max}/{target}: {t:?}");
            assert!(t.len() >= 2 && t.len() <= 2 * target + 2, "{max}/{target}: {t:?}");
            let step = t[1] - t[0];
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() <= step * 1e-9, "{max}/{target}: {t:?}");
            }
        }
    }
}

#[test]
fn degenerate_maxima() {
    assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(-3.0, 5), vec![0.0, 1.0]);
}

#[test]
fn tick_labels_have_no_float_noise() {
    for max in MAXES {
        for target in 2..=6 {
            for tk in nice_ticks(max, target) {
                let label = format::number(tk, Lang::En);
                let frac = label.split('.').nth(1).unwrap_or("");
                assert!(frac.len() <= 3, "{max}/{target}: tick {tk} prints as {label}");
            }
        }
    }
}

#[test]
fn bar_chart_of_small_values_prints_clean_ticks() {
    let rows = vec![BarRow {
        key: "P20".into(),
        label: "Lạng Sơn".into(),
        date: "2023".into(),
        value: Value::Point(1.0),
        qualifier: Qualifier::Exact,
        value_label: "1".into(),
        record: 0,
        flagged: false,
    }];
    let spec = ChartSpec::Bars(BarSpec { unit: Unit::Events, tick_divisor: 1.0, rows });
    let t = Theme::light(1.0);
    let h = chart::preferred_height(&spec, 640.0, &t).ceil() as u32;
    let (svg, _) = chart::to_svg(&spec, 640, h, &t).unwrap();
    // the drawn texts only (attributes such as font-size may carry float noise)
    let texts: Vec<&str> = svg.lines().filter(|l| !l.trim_start().starts_with('<')).collect();
    assert!(texts.iter().all(|t| !t.contains("0000000")), "{svg}");
}

/// The texts drawn in a bar chart of one value.
fn drawn_texts(value: f64, unit: Unit, tick_divisor: f64, lang: Lang) -> Vec<String> {
    let rows = vec![BarRow {
        key: "P20".into(),
        label: "Lạng Sơn".into(),
        date: "2023".into(),
        value: Value::Point(value),
        qualifier: Qualifier::Exact,
        value_label: format::number(value / tick_divisor, lang),
        record: 0,
        flagged: false,
    }];
    let spec = ChartSpec::Bars(BarSpec { unit, tick_divisor, rows });
    let t = Theme { lang, ..Theme::light(1.0) };
    let h = chart::preferred_height(&spec, 640.0, &t).ceil() as u32;
    let (svg, _) = chart::to_svg(&spec, 640, h, &t).unwrap();
    svg.lines().filter(|l| !l.trim_start().starts_with('<')).map(|l| l.trim().to_string()).collect()
}

#[test]
fn huge_values_draw_short_tick_labels() {
    // values past the loader's caps (a chart drawn on its own): ticks in words, then scientific
    let texts = drawn_texts(3.2e9, Unit::Persons, 1.0, Lang::Vi);
    assert!(texts.iter().any(|t| t == "2 tỷ" || t == "1 tỷ"), "{texts:?}");
    let texts = drawn_texts(3.2e9, Unit::Persons, 1.0, Lang::En);
    assert!(texts.iter().any(|t| t.ends_with(" bn")), "{texts:?}");
    let texts = drawn_texts(4.5e13, Unit::Cooperatives, 1.0, Lang::Vi);
    assert!(texts.iter().any(|t| t.ends_with(" nghìn tỷ")), "{texts:?}");
    for lang in [Lang::Vi, Lang::En] {
        let texts = drawn_texts(1e300, Unit::Cooperatives, 1.0, lang);
        assert!(texts.iter().any(|t| t.contains(" × 10^")), "{texts:?}");
        assert!(texts.iter().all(|t| t.chars().count() <= 40), "{texts:?}");
    }
    // money in nghìn tỷ from 10^15 đồng: ticks of the scale, short
    let texts = drawn_texts(3e15, Unit::Vnd, 1e12, Lang::Vi);
    assert!(texts.iter().all(|t| t.chars().count() <= 12), "{texts:?}");
}
