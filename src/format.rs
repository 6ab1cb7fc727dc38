//! Number formatting: vi-VN (`1.017,52 tỷ đồng`) and English (`1,017.52 billion VND`).
//!
//! Figures are never rounded: decimals are shifted as text, so `1017520000000` đồng prints as
//! `1.017,52 tỷ đồng` exactly, with no floating-point division.

use crate::i18n::Lang;
use crate::model::{Qualifier, Unit, Value};

/// Numbers from this size on are written in scientific form ("1,2 × 10^21"): they are beyond any
/// figure a data file can hold (the loader's caps), and their digits would not be readable.
pub const SCIENTIFIC_FROM: f64 = 1e21;

/// Formats a plain number with the language's separators, keeping every significant digit (a
/// number of [`SCIENTIFIC_FROM`] or more in scientific form).
pub fn number(x: f64, lang: Lang) -> String {
    if x.abs() >= SCIENTIFIC_FROM {
        return scientific(x, lang);
    }
    let (int, frac) = split_decimal(&plain_decimal(x));
    punctuate(&int, &frac, lang, x < 0.0)
}

/// Scientific form with one decimal: "1,0 × 10^300" (vi), "2.5 × 10^21" (en).
pub fn scientific(x: f64, lang: Lang) -> String {
    if x == 0.0 || !x.is_finite() {
        return number(if x.is_finite() { x } else { 0.0 }, lang);
    }
    // the shortest digits ("2.5e21", "1e300", "1.26e21"), rounded to one decimal here: no
    // fixed-precision formatting (its machinery is several kilobytes of WebAssembly)
    let text = format!("{:e}", x.abs());
    let (digits, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let mut exp: i32 = exp.parse().unwrap_or(0);
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).chain([0, 0]).collect();
    let mut tenths = d[0] * 10 + d[1] + u32::from(d[2] >= 5);
    if tenths >= 100 {
        tenths /= 10;
        exp += 1;
    }
    let mantissa = format!("{}{}{}", tenths / 10, lang.pick(",", "."), tenths % 10);
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}{mantissa} × 10^{exp}")
}

/// A short axis label for a number of 10^9 or more ("1,2 tỷ", "3.5 bn", "2,5 nghìn tỷ"), or in
/// scientific form from 10^15; smaller numbers as [`number`] writes them.
pub fn compact(x: f64, lang: Lang) -> String {
    let a = x.abs();
    if a < 1e9 {
        number(x, lang)
    } else if a >= 1e15 {
        scientific(x, lang)
    } else {
        let (div, vi, en) = if a >= 1e12 { (1e12, "nghìn tỷ", "tn") } else { (1e9, "tỷ", "bn") };
        // at most three decimals, without float noise
        let v = (x / div * 1000.0).round() / 1000.0;
        format!("{} {}", number(v, lang), lang.pick(vi, en))
    }
}

/// Formats a number divided by 10^`shift` without floating-point error.
fn shifted(x: f64, shift: usize, lang: Lang) -> String {
    if x.abs() >= SCIENTIFIC_FROM * 10f64.powi(shift as i32) {
        return scientific(x / 10f64.powi(shift as i32), lang);
    }
    let (int, frac) = split_decimal(&plain_decimal(x));
    let digits = format!("{int}{frac}");
    let point = int.len() as isize - shift as isize;
    let (new_int, new_frac) = if point <= 0 {
        ("0".to_string(), format!("{}{}", "0".repeat((-point) as usize), digits))
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    };
    let new_int = new_int.trim_start_matches('0');
    let new_int = if new_int.is_empty() { "0" } else { new_int };
    punctuate(new_int, new_frac.trim_end_matches('0'), lang, x < 0.0)
}

/// The decimal digits of |x| with no exponent: the shortest text that reads back as x.
fn plain_decimal(x: f64) -> String {
    // Rust's Display never uses an exponent for f64
    format!("{}", x.abs())
}

fn split_decimal(s: &str) -> (String, String) {
    match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.to_string(), String::new()),
    }
}

fn punctuate(int: &str, frac: &str, lang: Lang, negative: bool) -> String {
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// The scale a money amount is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyScale {
    /// đồng
    One,
    /// triệu (10^6)
    Million,
    /// tỷ (10^9)
    Billion,
    /// nghìn tỷ (10^12), for amounts of 10^15 (a million tỷ) or more: smaller ones are written in
    /// tỷ ("68.013,075 tỷ đồng"), as sources write them.
    Trillion,
}

impl MoneyScale {
    /// The scale that reads best for an amount.
    pub fn for_amount(x: f64) -> MoneyScale {
        if x.abs() >= 1e15 {
            MoneyScale::Trillion
        } else if x.abs() >= 1e9 {
            MoneyScale::Billion
        } else if x.abs() >= 1e6 {
            MoneyScale::Million
        } else {
            MoneyScale::One
        }
    }

    fn shift(self) -> usize {
        match self {
            MoneyScale::One => 0,
            MoneyScale::Million => 6,
            MoneyScale::Billion => 9,
            MoneyScale::Trillion => 12,
        }
    }

    /// What amounts are divided by in this scale (10^6 for millions, …).
    pub fn divisor(self) -> f64 {
        10f64.powi(self.shift() as i32)
    }

    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MoneyScale::One, _) => "",
            (MoneyScale::Million, Lang::Vi) => "triệu ",
            (MoneyScale::Billion, Lang::Vi) => "tỷ ",
            (MoneyScale::Million, Lang::En) => "million ",
            (MoneyScale::Billion, Lang::En) => "billion ",
            (MoneyScale::Trillion, Lang::Vi) => "nghìn tỷ ",
            (MoneyScale::Trillion, Lang::En) => "trillion ",
        }
    }
}

/// The unit text after a number ("HTX", "tỷ đồng", "triệu đồng/người/tháng").
pub fn unit_text(unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    if unit.is_money() {
        format!("{}{}", scale.word(lang), unit.label(lang))
    } else {
        unit.label(lang).to_string()
    }
}

/// Formats an amount in a unit, without qualifier: "478 HTX", "1.017,52 tỷ đồng", "21%".
pub fn amount(x: f64, unit: Unit, lang: Lang) -> String {
    let scale = if unit.is_money() { MoneyScale::for_amount(x) } else { MoneyScale::One };
    join_unit(&scaled(x, unit, scale, lang), &unit_text(unit, scale, lang), unit)
}

/// A number in a given money scale (the unit is not written).
pub fn scaled(x: f64, unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    if unit.is_money() {
        shifted(x, scale.shift(), lang)
    } else {
        number(x, lang)
    }
}

fn join_unit(num: &str, unit_text: &str, unit: Unit) -> String {
    if unit == Unit::Percent {
        format!("{num}%")
    } else if num == "1" && unit_text == unit.label(Lang::En) {
        format!("1 {}", english_singular(unit_text))
    } else {
        format!("{num} {unit_text}")
    }
}

/// One of an English count unit: "cooperative", "person", "class".
fn english_singular(plural: &str) -> &str {
    match plural {
        "people" => "person",
        "classes" => "class",
        p => p.strip_suffix('s').unwrap_or(p),
    }
}

/// Formats a reported value with its qualifier and unit: "hơn 148 tỷ đồng",
/// "3,8 – hơn 5,5 triệu đồng/người/tháng", "293 HTX (ước tính)".
pub fn value(v: Value, q: Qualifier, unit: Unit, lang: Lang) -> String {
    let body = match v {
        Value::Point(x) => amount(x, unit, lang),
        Value::Range { low, high, high_open } => {
            let scale = if unit.is_money() { MoneyScale::for_amount(high) } else { MoneyScale::One };
            let lo = scaled(low, unit, scale, lang);
            let hi = scaled(high, unit, scale, lang);
            let open = if high_open { format!("{} ", Qualifier::MoreThan.prefix(lang).unwrap_or_default()) } else { String::new() };
            let nums = if unit == Unit::Percent {
                format!("{lo}% – {open}{hi}")
            } else {
                format!("{lo} – {open}{hi}")
            };
            join_unit(&nums, &unit_text(unit, scale, lang), unit)
        }
    };
    qualified(&body, q, lang)
}

/// A number (with or without unit) with its qualifier's words: "hơn 148", "293 HTX (ước tính)".
pub fn qualified(body: &str, q: Qualifier, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(p) = q.prefix(lang) {
        out.push_str(p);
        out.push(' ');
    }
    out.push_str(body);
    if let Some(s) = q.suffix(lang) {
        out.push(' ');
        out.push_str(s);
    }
    out
}

/// A short axis tick label in a given scale ("1.000", "2,5").
pub fn tick(x: f64, unit: Unit, scale: MoneyScale, lang: Lang) -> String {
    scaled(x, unit, scale, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    #[test]
    fn one_of_a_count_is_singular_in_english() {
        assert_eq!(amount(1.0, Unit::Cooperatives, En), "1 cooperative");
        assert_eq!(amount(1.0, Unit::Persons, En), "1 person");
        assert_eq!(amount(1.0, Unit::Classes, En), "1 class");
        assert_eq!(amount(2.0, Unit::Cooperatives, En), "2 cooperatives");
        assert_eq!(amount(1.0, Unit::Cooperatives, Vi), "1 HTX");
        assert_eq!(amount(1.0, Unit::Percent, En), "1%");
    }

    #[test]
    fn vi_numbers() {
        assert_eq!(number(5752.0, Vi), "5.752");
        assert_eq!(number(478.0, Vi), "478");
        assert_eq!(number(1017.52, Vi), "1.017,52");
        assert_eq!(number(13.2, Vi), "13,2");
        assert_eq!(number(0.0, Vi), "0");
        assert_eq!(number(1234567.0, En), "1,234,567");
        assert_eq!(number(-1500.5, Vi), "-1.500,5");
    }

    #[test]
    fn money_is_shifted_exactly() {
        assert_eq!(amount(1_017_520_000_000.0, Unit::Vnd, Vi), "1.017,52 tỷ đồng");
        assert_eq!(amount(68_013_075_000_000.0, Unit::Vnd, Vi), "68.013,075 tỷ đồng");
        assert_eq!(amount(203_400_000.0, Unit::Vnd, Vi), "203,4 triệu đồng");
        assert_eq!(amount(2_027_000_000.0, Unit::Vnd, En), "2.027 billion VND");
        assert_eq!(amount(500_000.0, Unit::Vnd, Vi), "500.000 đồng");
        assert_eq!(amount(60_000_000.0, Unit::VndPerYear, Vi), "60 triệu đồng/người/năm");
    }

    #[test]
    fn counts_and_shares() {
        assert_eq!(amount(478.0, Unit::Cooperatives, Vi), "478 HTX");
        assert_eq!(amount(5752.0, Unit::Persons, Vi), "5.752 người");
        assert_eq!(amount(21.0, Unit::Percent, Vi), "21%");
        assert_eq!(amount(13.2, Unit::Percent, Vi), "13,2%");
    }

    #[test]
    fn qualifiers_and_ranges() {
        assert_eq!(value(Value::Point(148e9), Qualifier::MoreThan, Unit::Vnd, Vi), "hơn 148 tỷ đồng");
        assert_eq!(value(Value::Point(293.0), Qualifier::Estimate, Unit::Cooperatives, Vi), "293 HTX (ước tính)");
        assert_eq!(value(Value::Point(60e6), Qualifier::About, Unit::VndPerYear, En), "about 60 million VND per person per year");
        let r = Value::Range { low: 3.8e6, high: 5.5e6, high_open: true };
        assert_eq!(value(r, Qualifier::Exact, Unit::VndPerMonth, Vi), "3,8 – hơn 5,5 triệu đồng/người/tháng");
        assert_eq!(value(Value::Point(35041.0), Qualifier::Preliminary, Unit::Cooperatives, Vi), "35.041 HTX (sơ bộ)");
    }

    #[test]
    fn huge_amounts() {
        assert_eq!(amount(68_013_075_000_000.0, Unit::Vnd, Vi), "68.013,075 tỷ đồng");
        assert_eq!(amount(999_000_000_000_000.0, Unit::Vnd, Vi), "999.000 tỷ đồng");
        assert_eq!(amount(1e16, Unit::Vnd, Vi), "10.000 nghìn tỷ đồng");
        assert_eq!(amount(2.5e15, Unit::Vnd, En), "2,500 trillion VND");
        assert_eq!(MoneyScale::Trillion.divisor(), 1e12);
        assert_eq!(number(1e300, Vi), "1,0 × 10^300");
        assert_eq!(number(-2.5e21, En), "-2.5 × 10^21");
        assert_eq!(number(9.96e21, En), "1.0 × 10^22");
        assert_eq!(number(1.04e25, Vi), "1,0 × 10^25");
        assert_eq!(number(1.06e25, Vi), "1,1 × 10^25");
        assert_eq!(number(1e20, En), "100,000,000,000,000,000,000");
        assert_eq!(amount(1e300, Unit::Vnd, Vi), "1,0 × 10^288 nghìn tỷ đồng");
    }

    #[test]
    fn compact_ticks() {
        assert_eq!(compact(500_000_000.0, Vi), "500.000.000");
        assert_eq!(compact(1.2e9, Vi), "1,2 tỷ");
        assert_eq!(compact(1.2e9, En), "1.2 bn");
        assert_eq!(compact(2.5e12, Vi), "2,5 nghìn tỷ");
        assert_eq!(compact(750e12, En), "750 tn");
        assert_eq!(compact(1e15, Vi), "1,0 × 10^15");
        assert_eq!(compact(1e300, Vi), "1,0 × 10^300");
        assert_eq!(compact(0.0, Vi), "0");
    }

    #[test]
    fn tiny_and_fractional_shifts() {
        assert_eq!(shifted(1_500.0, 6, Vi), "0,0015");
        assert_eq!(shifted(0.5, 0, En), "0.5");
    }
}
