//! Finding areas by name with or without diacritics.

mod common;

use common::bundled;
use htx_charts::explore::{fold, now_part_of, search_areas};
use htx_charts::i18n::Lang;
use htx_charts::model::Level;

fn codes(q: &str) -> Vec<String> {
    let ds = bundled();
    search_areas(&ds, q).iter().map(|a| a.code.clone()).collect()
}

#[test]
fn fold_removes_every_vietnamese_mark() {
    assert_eq!(fold("Lạng Sơn"), "lang son");
    assert_eq!(fold("ĐẮK LẮK"), "dak lak");
    assert_eq!(fold("Đắk Nông"), "dak nong");
    assert_eq!(fold("Hà   Nội"), "ha noi");
    assert_eq!(fold("THỪA THIÊN HUẾ"), "thua thien hue");
    assert_eq!(fold("Bạc Liêu"), "bac lieu");
    assert_eq!(fold("Hồ Chí Minh"), "ho chi minh");
    assert_eq!(fold("ỳỷỹỵÝ ữựửừứ ởỡợờớ"), "yyyyy uuuuu ooooo");
}

#[test]
fn lang_son_without_marks_finds_the_province_first() {
    let found = codes("lang son");
    assert_eq!(found[0], "P20");
    assert!(found.contains(&"F20".to_string()), "the former province too: {found:?}");
    assert_eq!(codes("Lạng Sơn")[0], "P20");
    assert_eq!(codes("LANG SON")[0], "P20");
}

#[test]
fn dak_lak_and_ha_noi() {
    let found = codes("dak lak");
    assert_eq!(found[0], "P66");
    assert!(found.contains(&"F66".to_string()));
    assert!(!found.contains(&"F67".to_string()), "Đắk Nông is not Đắk Lắk");
    let found = codes("ha noi");
    assert_eq!(found[0], "P01");
    assert!(found.contains(&"F01".to_string()));
}

#[test]
fn bac_finds_names_that_start_with_it_first() {
    let ds = bundled();
    let found = search_areas(&ds, "bac");
    let codes: Vec<&str> = found.iter().map(|a| a.code.as_str()).collect();
    for c in ["P24", "F24", "F27", "F06", "F95"] {
        assert!(codes.contains(&c), "{c} in {codes:?}");
    }
    let pos = |c: &str| codes.iter().position(|x| *x == c).unwrap();
    assert!(pos("P24") < pos("F24"), "Bắc Ninh before Bắc Giang (cũ): {codes:?}");
    // "Trung du và miền núi phía Bắc" matches at a word start, after the names that start with it
    assert!(pos("R1") > pos("F95"), "{codes:?}");
    assert!(found.iter().any(|a| a.level == Level::FormerProvince));
    let bac_giang = found.iter().find(|a| a.code == "F24").unwrap();
    assert_eq!(now_part_of(&ds, bac_giang, Lang::Vi).as_deref(), Some("nay thuộc Tỉnh Bắc Ninh"));
    assert_eq!(now_part_of(&ds, bac_giang, Lang::En).as_deref(), Some("now part of Bac Ninh"));
    assert_eq!(now_part_of(&ds, found[0], Lang::Vi), None);
}

#[test]
fn codes_english_names_and_substrings() {
    assert_eq!(codes("P20")[0], "P20");
    assert_eq!(codes("c14")[0], "C14-SONLA");
    assert_eq!(codes("Ho Chi Minh City")[0], "P79");
    assert!(codes("nguyen").contains(&"P19".to_string()), "Thái Nguyên by a word");
    assert!(codes("uyen").contains(&"P19".to_string()), "a substring anywhere");
    assert!(codes("").is_empty());
    assert!(codes("   ").is_empty());
    assert!(codes("zzzz").is_empty());
}
