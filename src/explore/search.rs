//! Finding areas by name, with or without Vietnamese diacritics.

use crate::i18n::Lang;
use crate::model::{Area, Dataset, Level};

/// The base letter of a Vietnamese lower-case letter with diacritics (tone marks, ă â ê ô ơ ư, đ).
fn base(c: char) -> Option<char> {
    const GROUPS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    GROUPS.iter().find(|(_, set)| set.contains(c)).map(|(b, _)| *b)
}

/// Lower-cases and removes Vietnamese diacritics (every tone mark and ă â ê ô ơ ư; đ → d), for
/// upper-case letters too and for decomposed text (combining marks are dropped); runs of
/// whitespace become one space and the ends are trimmed. `"Lạng Sơn"` → `"lang son"`,
/// `"ĐẮK LẮK"` → `"dak lak"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(crate::case::lower) {
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        out.push(base(c).unwrap_or(c));
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a folded field matches a folded query: 0 the whole field, 1 the field's start, 2 the
/// start of a word in it, 3 anywhere in it.
fn rank(field: &str, q: &str) -> Option<u8> {
    if field == q {
        return Some(0);
    }
    if field.starts_with(q) {
        return Some(1);
    }
    let word_start = field.match_indices(q).any(|(i, _)| {
        let before = field[..i].chars().next_back();
        // folded text is ASCII but for other scripts' letters, which count as letters (no
        // Unicode tables needed)
        before.is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    });
    if word_start {
        return Some(2);
    }
    field.contains(q).then_some(3)
}

/// Areas whose name, short name, English name or code matches `query`, compared folded (so
/// "lang son" finds Lạng Sơn and "ĐẮK" finds Đắk Lắk). Whole-name and name-start matches come
/// first, then matches at the start of a word, then matches anywhere; ties keep the dataset's
/// order (country, regions, current provinces, former provinces, cities). Former provinces are
/// included. An empty query gives nothing.
pub fn search_areas<'a>(ds: &'a Dataset, query: &str) -> Vec<&'a Area> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u8, usize, &Area)> = ds
        .areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let fields = [Some(a.name.as_str()), a.short.as_deref(), a.name_en.as_deref(), Some(a.code.as_str())];
            fields.iter().flatten().filter_map(|f| rank(&fold(f), &q)).min().map(|r| (r, i, a))
        })
        .collect();
    crate::sort::sort_by_key(&mut found, |(r, i, _)| (*r, *i));
    found.into_iter().map(|(_, _, a)| a).collect()
}

/// For a former province, where it is now: "nay thuộc Tỉnh Bắc Ninh" / "now part of Bac Ninh"
/// (for the area picker's results); for a city, the province it is in; otherwise `None`.
pub fn now_part_of(ds: &Dataset, a: &Area, lang: Lang) -> Option<String> {
    let p = ds.area(a.part_of.as_deref()?)?;
    let name = match lang {
        Lang::Vi => p.name.as_str(),
        Lang::En => p.name_en.as_deref().unwrap_or(&p.name),
    };
    match a.level {
        Level::FormerProvince => Some(format!("{} {name}", lang.pick("nay thuộc", "now part of"))),
        Level::City => Some(format!("{} {name}", lang.pick("thuộc", "in"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Lạng Sơn"), "lang son");
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
        assert_eq!(fold("  Thừa   Thiên\tHuế "), "thua thien hue");
        assert_eq!(fold("Bà Rịa - Vũng Tàu"), "ba ria - vung tau");
        assert_eq!(fold("La\u{0323}ng So\u{031b}n"), "lang son");
        assert_eq!(fold("ƯỚC TÍNH ỨNG ỬNG ỮNG ỰNG"), "uoc tinh ung ung ung ung");
        assert_eq!(fold(""), "");
    }
}
