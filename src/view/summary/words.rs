//! Word helpers both languages share.

use super::facts::{Dates, Named, Sourced};

/// "A, B và C" / "A, B and C".
pub(super) fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} {and} {last}", head.join(", ")),
    }
}

/// A figure's name, with its date in brackets when asked.
pub(super) fn dated(n: &Named, with_date: bool) -> String {
    if with_date {
        format!("{} ({})", n.name, n.date)
    } else {
        n.name.clone()
    }
}

/// The figures are all of one date.
pub(super) fn is_one_date(d: &Dates) -> bool {
    matches!(d, Dates::One(_))
}

/// Figures with who reported each: "33.335 HTX (Bộ Kế hoạch và Đầu tư) và 33.557 HTX (…)".
pub(super) fn sourced(figures: &[Sourced], and: &str) -> String {
    join(&figures.iter().map(|s| format!("{} ({})", s.value, s.who)).collect::<Vec<_>>(), and)
}

/// The text with its first letter in upper case.
pub(super) fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(crate::case::upper(first)).chain(c).collect(),
        None => String::new(),
    }
}

/// A row's name, with its date in brackets when asked.
pub(super) fn row_name(name: &str, date: &str, with_date: bool) -> String {
    if with_date {
        format!("{name} ({date})")
    } else {
        name.to_string()
    }
}
