//! Numbers as people type them: vi-VN (`1.017,52`) or English (`1,017.52`), kept as exact decimals
//! (digits and a decimal shift) so that scaling to đồng never adds floating-point noise.

/// How a table writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// Decide from the cells ([`detect`]); vi-VN when they do not tell.
    #[default]
    Auto,
    /// `1.017,52`: `.` groups thousands, `,` marks decimals.
    Vi,
    /// `1,017.52`: `,` groups thousands, `.` marks decimals.
    En,
}

impl NumberStyle {
    /// The word used in the editor's menus and links.
    pub fn key(self) -> &'static str {
        match self {
            NumberStyle::Auto => "auto",
            NumberStyle::Vi => "vi",
            NumberStyle::En => "en",
        }
    }

    /// Parses that word.
    pub fn from_key(s: &str) -> Option<NumberStyle> {
        [NumberStyle::Auto, NumberStyle::Vi, NumberStyle::En].into_iter().find(|n| n.key() == s)
    }
}

/// An exact decimal: `digits` × 10^-`shift`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// All the digits, without separators.
    pub digits: u64,
    /// How many of them are after the decimal mark.
    pub shift: u32,
}

impl Decimal {
    /// Multiplied by 10^`places` (a unit scale: 9 for tỷ đồng), exactly while it fits.
    pub fn times_ten_to(self, places: u32) -> Option<Decimal> {
        if places >= self.shift {
            let digits = self.digits.checked_mul(10u64.checked_pow(places - self.shift)?)?;
            Some(Decimal { digits, shift: 0 })
        } else {
            Some(Decimal { digits: self.digits, shift: self.shift - places }.trimmed())
        }
    }

    /// Without trailing zeros after the decimal mark.
    pub fn trimmed(mut self) -> Decimal {
        while self.shift > 0 && self.digits % 10 == 0 {
            self.digits /= 10;
            self.shift -= 1;
        }
        self
    }

    /// As a JSON number: `1017520000000`, `3.8`.
    pub fn json(self) -> String {
        let d = self.trimmed();
        let s = d.digits.to_string();
        if d.shift == 0 {
            return s;
        }
        let shift = d.shift as usize;
        let padded = format!("{}{s}", "0".repeat((shift + 1).saturating_sub(s.len())));
        let (int, frac) = padded.split_at(padded.len() - shift);
        format!("{int}.{frac}")
    }

    /// The value as a float (exact for every figure a data file can hold).
    pub fn to_f64(self) -> f64 {
        self.digits as f64 / 10f64.powi(self.shift as i32)
    }
}

/// Spaces that may group thousands in either style (`12 345 678`): a space, a no-break space
/// (U+00A0) and a narrow no-break space (U+202F), as French or Vietnamese spreadsheets export them.
pub const GROUP_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Reads a number written with the separators of `style` (`Auto` reads as vi-VN), or with spaces
/// grouping thousands ([`GROUP_SPACES`]: `1 234,5`); `None` when `text` is not one (stray
/// characters, a group of other than three digits, two decimal marks, both kinds of grouping).
pub fn read(text: &str, style: NumberStyle) -> Option<Decimal> {
    let (group, mark) = if style == NumberStyle::En { (',', '.') } else { ('.', ',') };
    let text = text.trim();
    let (int, frac) = match text.split_once(mark) {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let groups: Vec<&str> = if int.contains(GROUP_SPACES) { int.split(GROUP_SPACES).collect() } else { int.split(group).collect() };
    let groups_ok = groups.iter().enumerate().all(|(i, g)| {
        let digits = !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
        digits && (groups.len() == 1 || (i == 0 && g.len() <= 3) || g.len() == 3)
    });
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if !groups_ok || !frac_ok {
        return None;
    }
    let all: String = groups.concat() + frac.unwrap_or("");
    let digits = all.parse::<u64>().ok()?;
    Some(Decimal { digits, shift: frac.map_or(0, |f| f.len() as u32) })
}

/// Which style a column of number texts is written in: a text with both marks ends with the
/// decimal one; a mark repeated groups thousands; a single mark not followed by exactly three
/// digits is the decimal mark. `None` when nothing tells (`1.000`, `1,000`, `478`).
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<NumberStyle> {
    let (mut vi, mut en) = (0, 0);
    for t in texts {
        for token in number_tokens(t) {
            match vote(token) {
                Some(NumberStyle::Vi) => vi += 1,
                Some(NumberStyle::En) => en += 1,
                _ => {}
            }
        }
    }
    match (vi, en) {
        (0, 0) => None,
        (v, e) if e > v => Some(NumberStyle::En),
        _ => Some(NumberStyle::Vi),
    }
}

/// For whole counts, which the cells leave undecided (`2.374`, `1,015`): a single mark followed by
/// three digits can only group thousands, since a count has no decimals; `None` when no cell has
/// one, or cells have both marks so.
pub fn detect_counts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<NumberStyle> {
    let (mut dot, mut comma) = (false, false);
    for t in texts {
        for token in number_tokens(t) {
            let grouped = |m: char| token.matches(m).count() == 1 && token.rsplit(m).next().is_some_and(|d| d.len() == 3) && !token.starts_with(m);
            dot |= grouped('.');
            comma |= grouped(',');
        }
    }
    match (dot, comma) {
        (true, false) => Some(NumberStyle::Vi),
        (false, true) => Some(NumberStyle::En),
        _ => None,
    }
}

/// The runs of digits and marks in a cell that could tell its style (two characters or more).
fn number_tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).filter(|s| s.len() > 1)
}

fn vote(token: &str) -> Option<NumberStyle> {
    let (dots, commas) = (token.matches('.').count(), token.matches(',').count());
    let style = |decimal_is_comma: bool| if decimal_is_comma { NumberStyle::Vi } else { NumberStyle::En };
    match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => Some(style(token.rfind(',') > token.rfind('.'))),
        (d, 0) if d > 1 => Some(NumberStyle::Vi),
        (0, c) if c > 1 => Some(NumberStyle::En),
        _ => {
            let after = token.rsplit(['.', ',']).next().unwrap_or("");
            (after.len() != 3).then(|| style(commas == 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(digits: u64, shift: u32) -> Decimal {
        Decimal { digits, shift }
    }

    #[test]
    fn reads_both_styles_exactly() {
        assert_eq!(read("1.017,52", NumberStyle::Vi), Some(d(101752, 2)));
        assert_eq!(read("1,017.52", NumberStyle::En), Some(d(101752, 2)));
        assert_eq!(read("478", NumberStyle::Auto), Some(d(478, 0)));
        assert_eq!(read("1.000.000", NumberStyle::Vi), Some(d(1_000_000, 0)));
        assert_eq!(read("3,8", NumberStyle::Vi), Some(d(38, 1)));
        for bad in ["1.00", "12a", "", "1,2,3", "1..0", ",5", "1.0000", "-5"] {
            assert_eq!(read(bad, NumberStyle::Vi), None, "{bad}");
        }
    }

    #[test]
    fn spaces_group_thousands_in_both_styles() {
        for style in [NumberStyle::Vi, NumberStyle::En] {
            for space in [" ", "\u{a0}", "\u{202f}"] {
                let t = |s: &str| s.replace(' ', space);
                assert_eq!(read(&t("1 234"), style), Some(d(1234, 0)), "{style:?} {space:?}");
                assert_eq!(read(&t("12 345 678"), style), Some(d(12_345_678, 0)), "{style:?} {space:?}");
                for bad in ["1 2", "1 23", "12 3456", "1  234", "1 234 5", " 234 1"] {
                    assert_eq!(read(&t(bad), style), None, "{style:?} {bad:?}");
                }
            }
        }
        assert_eq!(read("1 234,5", NumberStyle::Vi), Some(d(12345, 1)));
        assert_eq!(read("1\u{202f}234,5", NumberStyle::Vi), Some(d(12345, 1)));
        assert_eq!(read("1 234.5", NumberStyle::En), Some(d(12345, 1)));
        // a space and the style's own grouping mark together are not a number
        assert_eq!(read("1 234.567", NumberStyle::Vi), None);
        assert_eq!(read("1 234,567", NumberStyle::En), None);
        assert_eq!(detect(["1 234,5", "12 345"]), Some(NumberStyle::Vi));
    }

    #[test]
    fn scales_without_float_noise() {
        let tỷ = read("1.017,52", NumberStyle::Vi).unwrap().times_ten_to(9).unwrap();
        assert_eq!(tỷ.json(), "1017520000000");
        assert_eq!(d(38, 1).json(), "3.8");
        assert_eq!(d(5, 3).json(), "0.005");
        assert_eq!(d(2100, 2).json(), "21");
        assert_eq!(d(u64::MAX, 0).times_ten_to(3), None);
    }

    #[test]
    fn detects_the_style_of_a_column() {
        assert_eq!(detect(["1.017,52", "478"]), Some(NumberStyle::Vi));
        assert_eq!(detect(["1,017.52", "478"]), Some(NumberStyle::En));
        assert_eq!(detect(["3.8", "12"]), Some(NumberStyle::En));
        assert_eq!(detect(["2.374", "1.015", "478"]), None, "undecided");
        assert_eq!(detect_counts(["2.374", "1.015", "478"]), Some(NumberStyle::Vi), "a count has no decimals");
        assert_eq!(detect_counts(["hơn 2,374", "478"]), Some(NumberStyle::En));
        assert_eq!(detect_counts(["2.374", "1,015"]), None, "both marks");
        assert_eq!(detect_counts(["478", "12"]), None);
        assert_eq!(detect(["3,8", "12"]), Some(NumberStyle::Vi));
        assert_eq!(detect(["1.000.000", "2.500"]), Some(NumberStyle::Vi));
        assert_eq!(detect(["1,000,000"]), Some(NumberStyle::En));
        assert_eq!(detect(["hơn 1.000", "khoảng 60"]), None, "undecided: the page's language decides");
    }
}
