//! Upper and lower case of the letters Vietnamese and English text use: ASCII, Latin-1, Latin
//! Extended-A, ơ and ư, and the Vietnamese letters with tone marks (U+1E00–U+1EFF), without the
//! standard library's Unicode case tables (about 15 KB of WebAssembly, 3 KB brotli'd, in the
//! embed). Other characters are left as they are.

/// The lower-case form of a letter (itself when it has none here).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5a => u + 32,
        0xc0..=0xde if u != 0xd7 => u + 32,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 | 0x1e00..=0x1e95 | 0x1ea0..=0x1eff if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        0x1a0 | 0x1af => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The upper-case form of a letter (itself when it has none here).
pub fn upper(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x61..=0x7a => u - 32,
        0xe0..=0xfe if u != 0xf7 => u - 32,
        0xff => 0x178,
        0x101..=0x12f | 0x133..=0x137 | 0x14b..=0x177 | 0x1e01..=0x1e95 | 0x1ea1..=0x1eff if u % 2 == 1 => u - 1,
        0x13a..=0x148 | 0x17a..=0x17e if u % 2 == 0 => u - 1,
        0x1a1 | 0x1b0 => u - 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The text in lower case.
pub fn to_lower(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters this module maps: as the standard library maps them (where it gives one
    /// character), and unchanged outside them.
    #[test]
    fn as_the_standard_library_for_vietnamese_and_latin_letters() {
        let covered = (0x20..0x250).chain(0x1e00..0x1f00).filter_map(char::from_u32);
        for c in covered {
            let (l, u): (Vec<char>, Vec<char>) = (c.to_lowercase().collect(), c.to_uppercase().collect());
            let special = matches!(c as u32, 0x130 | 0x131 | 0x149 | 0x17f | 0x180..=0x19f | 0x1a2..=0x1ae | 0x1b1..=0x24f | 0x1e96..=0x1e9f | 0xb5);
            if special {
                continue;
            }
            if l.len() == 1 {
                assert_eq!(lower(c), l[0], "lower of {c} (U+{:04X})", c as u32);
            }
            if u.len() == 1 {
                assert_eq!(upper(c), u[0], "upper of {c} (U+{:04X})", c as u32);
            }
        }
        assert_eq!(to_lower("ĐẮK LẮK, Thừa Thiên Huế, ƠƯ"), "đắk lắk, thừa thiên huế, ơư");
        assert_eq!(upper('ư'), 'Ư');
        assert_eq!(upper('ß'), 'ß', "no one-letter upper case: unchanged");
        assert_eq!(lower('Ж'), 'Ж', "outside: unchanged");
    }
}
