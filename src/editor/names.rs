//! Area names as editors type them ("TP. Hà Nội", "tinh Lang Son", "Huyện Mộc Châu") matched to
//! the dataset's area codes, with or without diacritics and administrative prefixes.

use crate::explore::search::fold;
use crate::model::{Area, Level};
use std::collections::HashMap;

/// Administrative prefixes, folded, longest first; each says which levels it names.
const PREFIXES: [(&str, Hint); 12] = [
    ("thanh pho ", Hint::City),
    ("tp. ", Hint::City),
    ("tp.", Hint::City),
    ("tp ", Hint::City),
    ("tinh ", Hint::Province),
    ("huyen ", Hint::Local),
    ("quan ", Hint::Local),
    ("thi xa ", Hint::Local),
    ("tx. ", Hint::Local),
    ("thi tran ", Hint::Local),
    ("xa ", Hint::Local),
    ("phuong ", Hint::Local),
];

/// What a prefix says about the level of the named area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// "Thành phố": a province-level city or a city below a province.
    City,
    /// "Tỉnh".
    Province,
    /// A district, town or commune.
    Local,
    /// "(cũ)" after the name, as the app writes a province from before 1 July 2025.
    Former,
}

/// Marks after a name, folded, that say it is a former province ("Hà Giang (cũ)").
const FORMER: [&str; 3] = ["(cu)", "(former)", "(truoc sap nhap)"];

/// Names in common use for an area, folded and without prefix, and the name they stand for.
const ALIASES: [(&str, &str); 8] = [
    ("hcm", "ho chi minh"),
    ("tphcm", "ho chi minh"),
    ("tp.hcm", "ho chi minh"),
    ("sai gon", "ho chi minh"),
    ("thua thien hue", "hue"),
    ("thua thien - hue", "hue"),
    ("tt hue", "hue"),
    ("tt. hue", "hue"),
];

/// A name without its prefix, folded: `"TP. Hà Nội"` → `("ha noi", Some(City))`; a name in common
/// use becomes the one it stands for (`"TP.HCM"` → `"ho chi minh"`); a former province's mark
/// goes (`"Hà Giang (cũ)"` → `("ha giang", Some(Former))`).
fn key(name: &str) -> (String, Option<Hint>) {
    let f = fold(name);
    if let Some(rest) = FORMER.iter().find_map(|m| f.trim_end().strip_suffix(m)) {
        let (k, _) = key(rest.trim_end());
        return (k, Some(Hint::Former));
    }
    let (rest, hint) = PREFIXES
        .iter()
        .find_map(|(p, hint)| f.strip_prefix(p).map(|rest| (rest.trim().to_string(), Some(*hint))))
        .unwrap_or((f.clone(), None));
    match ALIASES.iter().find(|(a, _)| *a == rest || *a == f) {
        Some((_, canonical)) => (canonical.to_string(), hint.filter(|h| *h != Hint::City)),
        None => (rest, hint),
    }
}

/// What a typed name refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum NameMatch {
    /// One area of the dataset.
    Known(String),
    /// No area has this name; `suggestion` is the code of a close name (one or two letters off).
    Unknown {
        /// A likely intended area.
        suggestion: Option<String>,
    },
}

fn preference(level: Level, hint: Option<Hint>) -> u8 {
    match (hint, level) {
        (Some(Hint::Local), Level::City) | (Some(Hint::Former), Level::FormerProvince) => 0,
        (Some(Hint::City), Level::City) => 1,
        (_, Level::Province) => 2,
        (_, Level::FormerProvince) => 3,
        (_, Level::City) => 4,
        _ => 5,
    }
}

/// The names of a list of areas, folded once, for matching many typed names.
pub struct NameIndex<'a> {
    areas: &'a [Area],
    /// Folded name without prefix → positions of the areas that have it.
    by_key: HashMap<String, Vec<usize>>,
}

fn names(a: &Area) -> impl Iterator<Item = String> + '_ {
    [Some(a.name.as_str()), a.short.as_deref(), a.name_en.as_deref()].into_iter().flatten().map(|n| key(n).0)
}

impl<'a> NameIndex<'a> {
    /// Indexes the names of `areas`.
    pub fn new(areas: &'a [Area]) -> NameIndex<'a> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            for n in names(a) {
                let at = by_key.entry(n).or_default();
                if !at.contains(&i) {
                    at.push(i);
                }
            }
        }
        NameIndex { areas, by_key }
    }

    /// Matches a typed name to an area: the same name (official or short, folded, without
    /// prefix) or the same code; when several areas share it, the prefix decides ("TP Sơn La" the
    /// city, "tỉnh Sơn La" or "Sơn La" the province), then current provinces before former ones.
    pub fn find(&self, typed: &str) -> NameMatch {
        let (k, hint) = key(typed);
        if k.is_empty() {
            return NameMatch::Unknown { suggestion: None };
        }
        let by_code = self.areas.iter().position(|a| a.code.eq_ignore_ascii_case(typed.trim()));
        let found = self
            .by_key
            .get(&k)
            .into_iter()
            .flatten()
            .copied()
            .chain(by_code)
            .map(|i| &self.areas[i])
            .filter(|a| a.level != Level::Region || hint.is_none())
            .filter(|a| hint != Some(Hint::Province) || matches!(a.level, Level::Province | Level::FormerProvince))
            .filter(|a| hint != Some(Hint::Former) || a.level == Level::FormerProvince)
            // "TP. Lạng Sơn" is the city, not the province: "thành phố" names a province only
            // when the province is one ("TP. Hà Nội")
            .filter(|a| hint != Some(Hint::City) || a.level == Level::City || fold(&a.name).starts_with("thanh pho"))
            .min_by_key(|a| preference(a.level, hint));
        match found {
            Some(a) => NameMatch::Known(a.code.clone()),
            None => NameMatch::Unknown { suggestion: self.close_to(&k, hint) },
        }
    }

    /// The area whose name is one or two letters off (one for short names), if any.
    fn close_to(&self, k: &str, hint: Option<Hint>) -> Option<String> {
        let most = if k.chars().count() > 5 { 2 } else { 1 };
        self.by_key
            .iter()
            .map(|(n, at)| (distance(n, k), at))
            .filter(|(d, _)| *d <= most)
            .flat_map(|(d, at)| at.iter().map(move |&i| (d, i)))
            .min_by_key(|&(d, i)| (d, preference(self.areas[i].level, hint), i))
            .map(|(_, i)| self.areas[i].code.clone())
    }
}

/// Matches one typed name (see [`NameIndex::find`]).
pub fn match_name(areas: &[Area], typed: &str) -> NameMatch {
    NameIndex::new(areas).find(typed)
}

/// Edit distance (insertions, deletions, substitutions) between two short texts.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            row.push(sub.min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

/// A code for a new local area below `parent` (`P14`): `C14-MOCCHAU` from "Huyện Mộc Châu",
/// unique among `taken`.
pub fn new_code(parent: &str, typed: &str, taken: &[String]) -> String {
    let digits = parent.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let slug: String = key(typed).0.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).take(24).collect();
    let slug = if slug.is_empty() { "AREA".to_string() } else { slug };
    let base = format!("C{digits}-{slug}");
    let mut code = base.clone();
    let mut n = 2;
    while taken.contains(&code) {
        code = format!("{base}{n}");
        n += 1;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, name: &str, short: &str, level: Level) -> Area {
        Area { code: code.into(), name: name.into(), short: Some(short.into()), name_en: None, level, official_code: None, part_of: None }
    }

    fn areas() -> Vec<Area> {
        vec![
            area("P20", "Tỉnh Lạng Sơn", "Lạng Sơn", Level::Province),
            area("P14", "Tỉnh Sơn La", "Sơn La", Level::Province),
            area("C14-SONLA", "Thành phố Sơn La", "TP Sơn La", Level::City),
            area("P01", "Thành phố Hà Nội", "Hà Nội", Level::Province),
            area("F24", "Tỉnh Bắc Giang", "Bắc Giang", Level::FormerProvince),
            area("P24", "Tỉnh Bắc Ninh", "Bắc Ninh", Level::Province),
            area("P46", "Thành phố Huế", "Huế", Level::Province),
            area("P79", "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", Level::Province),
        ]
    }

    fn known(typed: &str) -> Option<String> {
        match match_name(&areas(), typed) {
            NameMatch::Known(c) => Some(c),
            NameMatch::Unknown { .. } => None,
        }
    }

    #[test]
    fn names_with_or_without_diacritics_and_prefixes() {
        assert_eq!(known("Lạng Sơn").as_deref(), Some("P20"));
        assert_eq!(known("tinh lang son").as_deref(), Some("P20"));
        assert_eq!(known("LẠNG SƠN").as_deref(), Some("P20"));
        assert_eq!(known("TP. Hà Nội").as_deref(), Some("P01"));
        assert_eq!(known("Hà Nội").as_deref(), Some("P01"));
        assert_eq!(known("Bắc Giang").as_deref(), Some("F24"));
        assert_eq!(known("p24").as_deref(), Some("P24"));
    }

    #[test]
    fn a_former_province_named_as_the_app_writes_it() {
        let mut list = areas();
        list.push(area("F02", "Tỉnh Hà Giang", "Hà Giang", Level::FormerProvince));
        list.push(area("F79", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", Level::FormerProvince));
        let known = |typed: &str| match match_name(&list, typed) {
            NameMatch::Known(c) => Some(c),
            NameMatch::Unknown { .. } => None,
        };
        for (typed, code) in [("Hà Giang (cũ)", "F02"), ("Tỉnh Hà Giang (cũ)", "F02"), ("ha giang (cu)", "F02"), ("Bắc Giang (cũ)", "F24"), ("Ha Giang (former)", "F02")] {
            assert_eq!(known(typed).as_deref(), Some(code), "{typed}");
        }
        assert_eq!(known("Hồ Chí Minh (cũ)").as_deref(), Some("F79"), "the former city, not today's");
        assert_eq!(known("TP. Hồ Chí Minh").as_deref(), Some("P79"));
        assert_eq!(known("Lạng Sơn (cũ)"), None, "Lạng Sơn was not merged: no former province");
        assert_eq!(match_name(&list, "Hà Giangg (cũ)"), NameMatch::Unknown { suggestion: Some("F02".into()) });
    }

    #[test]
    fn the_prefix_decides_between_a_province_and_its_city() {
        assert_eq!(known("Sơn La").as_deref(), Some("P14"));
        assert_eq!(known("Tỉnh Sơn La").as_deref(), Some("P14"));
        assert_eq!(known("TP Sơn La").as_deref(), Some("C14-SONLA"));
        assert_eq!(known("Thành phố Sơn La").as_deref(), Some("C14-SONLA"));
        assert_eq!(known("TP. Lạng Sơn"), None, "a provincial city is not its province");
        for (typed, code) in [("Thừa Thiên - Huế", "P46"), ("TT Huế", "P46"), ("TP.HCM", "P79"), ("HCM", "P79"), ("TP. Hồ Chí Minh", "P79")] {
            assert_eq!(known(typed).as_deref(), Some(code), "{typed}");
        }
    }

    #[test]
    fn unknown_names_get_a_suggestion_when_close() {
        assert_eq!(match_name(&areas(), "Lang Sonn"), NameMatch::Unknown { suggestion: Some("P20".into()) });
        assert_eq!(match_name(&areas(), "Huyện Mộc Châu"), NameMatch::Unknown { suggestion: None });
        assert_eq!(match_name(&areas(), "  "), NameMatch::Unknown { suggestion: None });
    }

    #[test]
    fn new_local_codes_are_unique() {
        assert_eq!(new_code("P14", "Huyện Mộc Châu", &[]), "C14-MOCCHAU");
        assert_eq!(new_code("P14", "Mộc Châu", &["C14-MOCCHAU".into()]), "C14-MOCCHAU2");
        assert_eq!(distance("lang sonn", "lang son"), 1);
    }
}
