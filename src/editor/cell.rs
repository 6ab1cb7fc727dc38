//! Reading one cell: a value with its qualifier ("hơn 1.000", "khoảng 60", "3,8 – 5,5"), a date
//! ("12/2024", "31/12/2024", "2024"), a sector ("Nông nghiệp"). Each failure is a typed reason.

use super::number::{read, Decimal, NumberStyle, GROUP_SPACES};
use crate::explore::search::fold;
use crate::model::{DateRef, Qualifier, Sector};

/// Why a cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellIssue {
    /// The cell is empty.
    Empty,
    /// Not a number in the table's style (the text as typed).
    NotANumber(String),
    /// A number below zero (the text as typed): no figure of the data format is negative.
    Negative(String),
    /// Words after the number that are not a unit or scale.
    UnknownWords(String),
    /// Not a date (`2024`, `12/2024`, `31/12/2024`, `2024-12-31`).
    NotADate(String),
    /// Not one of the sectors.
    UnknownSector(String),
    /// A range whose low end is above its high end.
    RangeBackwards,
    /// Too many digits to keep exactly.
    TooManyDigits,
}

/// A value read from a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellValue {
    /// The qualifier the cell says ("hơn" → more than), if any.
    pub qualifier: Option<Qualifier>,
    /// The number, or the low end of a range.
    pub low: Decimal,
    /// The high end of a range.
    pub high: Option<Decimal>,
    /// "… đến hơn 5,5": the source says more than the high end.
    pub high_open: bool,
    /// A scale word in the cell ("tỷ" = 9), overriding the table's.
    pub scale: Option<u32>,
}

/// Qualifier words, folded (without diacritics), longest first within a meaning.
const QUALIFIERS: [(&str, Qualifier); 22] = [
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("hon", Qualifier::MoreThan),
    ("tren", Qualifier::MoreThan),
    (">", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("it nhat", Qualifier::AtLeast),
    ("toi thieu", Qualifier::AtLeast),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("gan", Qualifier::Nearly),
    ("approximately", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("khoang", Qualifier::About),
    ("xap xi", Qualifier::About),
    ("~", Qualifier::About),
    ("estimated", Qualifier::Estimate),
    ("uoc dat", Qualifier::Estimate),
    ("uoc tinh", Qualifier::Estimate),
    ("uoc", Qualifier::Estimate),
    ("so bo", Qualifier::Preliminary),
];

/// Scale words, folded, with their power of ten (longest first where one starts another).
pub const SCALES: [(&str, u32); 9] =
    [("nghin ty", 12), ("ty", 9), ("trieu", 6), ("nghin", 3), ("ngan", 3), ("billion", 9), ("bn", 9), ("million", 6), ("thousand", 3)];

/// Unit words allowed after a number and ignored (the unit is the table's).
const UNIT_WORDS: [&str; 14] =
    ["dong", "vnd", "d", "%", "htx", "hop tac xa", "nguoi", "thanh vien", "lao dong", "dong/nguoi/thang", "dong/thang", "lop", "luot", "cooperatives"];

/// Range marks between two numbers, folded.
const RANGE_MARKS: [&str; 5] = [" den ", " to ", "–", "—", " - "];

fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(' ') || !word.chars().all(char::is_alphabetic)).then(|| rest.trim_start())
}

/// Reads a value cell in `style`. The qualifier comes before the number (or the range); a scale
/// word and a unit may follow ("1.017,52 tỷ đồng").
pub fn read_value(cell: &str, style: NumberStyle) -> Result<CellValue, CellIssue> {
    let folded = fold(cell);
    if folded.is_empty() {
        return Err(CellIssue::Empty);
    }
    let (qualifier, rest) = take_qualifier(&folded);
    let rest = rest.strip_prefix("tu ").or_else(|| rest.strip_prefix("from ")).unwrap_or(rest);
    let (low_text, high_text) = split_range(rest);
    let (low, low_scale) = number_and_scale(low_text, style, cell)?;
    let (high, high_open, scale) = match high_text {
        None => (None, false, low_scale),
        Some(h) => {
            let (q, h) = take_qualifier(h.trim());
            let (high, scale) = number_and_scale(h, style, cell)?;
            if low.to_f64() > high.to_f64() {
                return Err(CellIssue::RangeBackwards);
            }
            (Some(high), matches!(q, Some(Qualifier::MoreThan)), scale.or(low_scale))
        }
    };
    Ok(CellValue { qualifier, low, high, high_open, scale })
}

fn take_qualifier(s: &str) -> (Option<Qualifier>, &str) {
    for (word, q) in QUALIFIERS {
        if let Some(rest) = strip_word(s, word) {
            return (Some(q), rest);
        }
    }
    (None, s)
}

fn split_range(s: &str) -> (&str, Option<&str>) {
    for mark in RANGE_MARKS {
        if let Some((a, b)) = s.split_once(mark) {
            return (a.trim(), Some(b.trim()));
        }
    }
    // "3,8-5,5" without spaces
    match s.split_once('-') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() => (a.trim(), Some(b.trim())),
        _ => (s, None),
    }
}

/// Where the number at the start of `s` ends: digits, marks, and spaces between digits
/// (`1 234 tỷ`: a space grouping thousands; `12 HTX`: a space before a word).
fn number_end(s: &str) -> usize {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        let between_digits = GROUP_SPACES.contains(&c)
            && s[..i].ends_with(|p: char| p.is_ascii_digit())
            && s[next..].starts_with(|n: char| n.is_ascii_digit());
        if !(c.is_ascii_digit() || c == '.' || c == ',' || between_digits) {
            break;
        }
        end = next;
    }
    end
}

fn number_and_scale(s: &str, style: NumberStyle, cell: &str) -> Result<(Decimal, Option<u32>), CellIssue> {
    // "-12", "− 12": a number, but below zero
    if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
        if number_end(rest.trim_start()) > 0 {
            return Err(CellIssue::Negative(cell.trim().to_string()));
        }
    }
    let end = number_end(s);
    let (num, words) = (&s[..end], s[end..].trim());
    let n = read(num, style).ok_or_else(|| {
        if num.len() > 18 {
            CellIssue::TooManyDigits
        } else {
            CellIssue::NotANumber(cell.trim().to_string())
        }
    })?;
    let (mut scale, mut words) = (None, words);
    for (word, places) in SCALES {
        if let Some(rest) = strip_word(words, word) {
            (scale, words) = (Some(places), rest);
            break;
        }
    }
    if !words.is_empty() && !UNIT_WORDS.contains(&words) {
        return Err(CellIssue::UnknownWords(words.to_string()));
    }
    // "2.300.000.000 đồng" says its own unit: the table's scale does not apply
    if scale.is_none() && matches!(words, "dong" | "vnd" | "d") {
        scale = Some(0);
    }
    Ok((n, scale))
}

/// Reads a date cell into the data format's form (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a period
/// `A/B` of those): also `12/2024`, `31/12/2024`, `tháng 12/2024`, `năm 2024`.
pub fn read_date(cell: &str) -> Result<String, CellIssue> {
    let folded = fold(cell);
    if folded.is_empty() {
        return Err(CellIssue::Empty);
    }
    let s = ["nam ", "thang ", "ngay ", "t"].iter().fold(folded.as_str(), |s, w| s.strip_prefix(w).unwrap_or(s)).trim();
    let dmy: Vec<&str> = s.split(['/', '.']).collect();
    let iso = match dmy.as_slice() {
        [m, y] if m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}"),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => s.to_string(),
    };
    DateRef::parse(&iso).map(|_| iso).ok_or_else(|| CellIssue::NotADate(cell.trim().to_string()))
}

/// Reads a sector cell by its Vietnamese or English name or key, folded ("nong nghiep",
/// "Thương mại - dịch vụ", "trade_services").
pub fn read_sector(cell: &str) -> Result<Sector, CellIssue> {
    let f = fold(cell).replace([',', '-', '&', '(', ')'], " ");
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    const WORDS: [(&str, Sector); 12] = [
        ("nong", Sector::Agriculture),
        ("agri", Sector::Agriculture),
        ("phi nong", Sector::NonAgriculture),
        ("non agri", Sector::NonAgriculture),
        ("cong nghiep", Sector::IndustryHandicraft),
        ("industry", Sector::IndustryHandicraft),
        ("xay dung", Sector::Construction),
        ("thuong mai", Sector::TradeServices),
        ("van tai", Sector::Transport),
        ("tin dung", Sector::Credit),
        ("tong hop", Sector::General),
        ("khac", Sector::Other),
    ];
    if let Some(s) = Sector::ALL.iter().find(|s| s.key() == cell.trim() || fold(s.label(crate::i18n::Lang::En)) == f) {
        return Ok(*s);
    }
    // "phi nông nghiệp" before "nông nghiệp": the longest word that starts the cell wins
    WORDS
        .iter()
        .filter(|(w, _)| f.starts_with(w) || f.contains(&format!(" {w}")) && *w != "nong")
        .max_by_key(|(w, _)| w.len())
        .map(|(_, s)| *s)
        .ok_or_else(|| CellIssue::UnknownSector(cell.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::Vi;

    #[test]
    fn qualifiers_in_cells() {
        let v = read_value("hơn 1.000", Vi).unwrap();
        assert_eq!((v.qualifier, v.low.json()), (Some(Qualifier::MoreThan), "1000".into()));
        assert_eq!(read_value("khoảng 60", Vi).unwrap().qualifier, Some(Qualifier::About));
        assert_eq!(read_value("Ước đạt 12,5", Vi).unwrap().qualifier, Some(Qualifier::Estimate));
        assert_eq!(read_value("gần 200", Vi).unwrap().qualifier, Some(Qualifier::Nearly));
        assert_eq!(read_value("478", Vi).unwrap().qualifier, None);
        assert_eq!(read_value("more than 1,000", NumberStyle::En).unwrap().low.json(), "1000");
    }

    #[test]
    fn ranges_and_scales() {
        let v = read_value("3,8 – 5,5", Vi).unwrap();
        assert_eq!((v.low.json(), v.high.unwrap().json(), v.high_open), ("3.8".into(), "5.5".into(), false));
        let v = read_value("từ 3,8 đến hơn 5,5 triệu đồng", Vi).unwrap();
        assert_eq!((v.high_open, v.scale), (true, Some(6)));
        assert_eq!(read_value("3,8-5,5", Vi).unwrap().high.unwrap().json(), "5.5");
        assert_eq!(read_value("1.017,52 tỷ đồng", Vi).unwrap().scale, Some(9));
        assert_eq!(read_value("2.300.000.000 đồng", Vi).unwrap().scale, Some(0));
        assert_eq!(read_value("9 – 5", Vi), Err(CellIssue::RangeBackwards));
    }

    #[test]
    fn spaces_grouping_thousands_in_cells() {
        assert_eq!(read_value("12 345 678", Vi).unwrap().low.json(), "12345678");
        assert_eq!(read_value("1\u{a0}234", NumberStyle::En).unwrap().low.json(), "1234");
        let v = read_value("khoảng 1\u{202f}234,5 tỷ đồng", Vi).unwrap();
        assert_eq!((v.qualifier, v.low.json(), v.scale), (Some(Qualifier::About), "1234.5".into(), Some(9)));
        assert_eq!(read_value("1 234 – 2 345", Vi).unwrap().high.unwrap().json(), "2345");
        assert_eq!(read_value("12 HTX", Vi).unwrap().low.json(), "12");
        assert_eq!(read_value("1 2", Vi), Err(CellIssue::NotANumber("1 2".into())));
    }

    #[test]
    fn bad_values_say_why() {
        assert_eq!(read_value("", Vi), Err(CellIssue::Empty));
        assert_eq!(read_value("12x5", Vi), Err(CellIssue::UnknownWords("x5".into())));
        assert_eq!(read_value("n/a", Vi), Err(CellIssue::NotANumber("n/a".into())));
        assert_eq!(read_value("1.00", Vi), Err(CellIssue::NotANumber("1.00".into())));
        for minus in ["-12", " -12 ", "\u{2212}12", "- 12", "khoảng -1.234,5 tỷ đồng", "-3,8 – 5,5", "3,8 - -5,5"] {
            assert_eq!(read_value(minus, Vi), Err(CellIssue::Negative(minus.trim().into())), "{minus:?}");
        }
        assert_eq!(read_value("-", Vi), Err(CellIssue::NotANumber("-".into())));
        assert_eq!(read_value("3,8-5,5", Vi).unwrap().low.json(), "3.8", "a range is not a negative number");
    }

    #[test]
    fn dates_in_vietnamese_forms() {
        assert_eq!(read_date("2024").unwrap(), "2024");
        assert_eq!(read_date("12/2024").unwrap(), "2024-12");
        assert_eq!(read_date("31/12/2024").unwrap(), "2024-12-31");
        assert_eq!(read_date("Tháng 6/2025").unwrap(), "2025-06");
        assert_eq!(read_date("năm 2023").unwrap(), "2023");
        assert_eq!(read_date("2024-12-31").unwrap(), "2024-12-31");
        assert!(matches!(read_date("31/13/2024"), Err(CellIssue::NotADate(_))));
        assert!(matches!(read_date("hôm qua"), Err(CellIssue::NotADate(_))));
    }

    #[test]
    fn sectors_by_name() {
        assert_eq!(read_sector("Nông nghiệp"), Ok(Sector::Agriculture));
        assert_eq!(read_sector("Phi nông nghiệp"), Ok(Sector::NonAgriculture));
        assert_eq!(read_sector("Thương mại - dịch vụ"), Ok(Sector::TradeServices));
        assert_eq!(read_sector("Công nghiệp, TTCN"), Ok(Sector::IndustryHandicraft));
        assert_eq!(read_sector("trade_services"), Ok(Sector::TradeServices));
        assert!(read_sector("vũ trụ").is_err());
    }
}
