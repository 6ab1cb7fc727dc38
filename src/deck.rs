//! Presentation decks: a list of explorer views ("slides"), each the query of one view, kept in
//! the URL so that a deck is a link.
//!
//! URL form, readable: `deck=<slide>|<slide>|…|` where a slide is its query pairs written
//! `key:value` joined with `;` (`deck=m:cooperatives;c:line|m:charter_capital;a:p34|`), every
//! slide followed by `|`; an empty slide is the explorer's default view. The current slide is
//! `i=<1-based>`. Keys and values use only `A–Z a–z 0–9 . _ , -`, so the value needs no
//! percent-encoding beyond what the router does anyway.

use crate::i18n::Lang;

/// Most slides a deck holds (more are left out, with a problem).
pub const MAX_SLIDES: usize = 40;
/// Most query pairs in one slide.
pub const MAX_PAIRS: usize = 20;
/// Longest encoded slide, in bytes.
pub const MAX_SLIDE_LEN: usize = 200;

/// One slide: the explorer's query pairs, in order (`[("m", "charter_capital"), ("a", "p34")]`).
pub type Slide = Vec<(String, String)>;

/// A presentation: a list of explorer views.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deck {
    /// The slides, in order.
    pub slides: Vec<Slide>,
    /// Where their figures come from (not in the `deck` parameter: the presentation link carries
    /// it as `data=` or `#d=`, see [`DeckData`]).
    pub data: DeckData,
}

/// Where a deck's figures come from: every slide of a deck shows the same dataset.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DeckData {
    /// The app's own data.
    #[default]
    Bundled,
    /// A data file opened with `?data=<address>`.
    File(String),
    /// A table carried by a chart maker link's fragment (`#d=<payload>`).
    Link(String),
}

impl DeckData {
    /// The data of a page: a `#d=` payload wins over `?data=`, as when the page loads it.
    pub fn of_page(data_param: Option<String>, link_payload: Option<String>) -> DeckData {
        match (link_payload, data_param) {
            (Some(p), _) => DeckData::Link(p),
            (None, Some(u)) => DeckData::File(u),
            (None, None) => DeckData::Bundled,
        }
    }

    /// As kept in local storage: `""`, `"data=<address>"` or `"d=<payload>"`.
    pub fn stored(&self) -> String {
        match self {
            DeckData::Bundled => String::new(),
            DeckData::File(u) => format!("data={u}"),
            DeckData::Link(p) => format!("d={p}"),
        }
    }

    /// The inverse of [`DeckData::stored`] (anything else is the bundled data).
    pub fn from_stored(s: &str) -> DeckData {
        if let Some(u) = s.strip_prefix("data=").filter(|u| !u.is_empty()) {
            DeckData::File(u.to_string())
        } else if let Some(p) = s.strip_prefix("d=").filter(|p| !p.is_empty()) {
            DeckData::Link(p.to_string())
        } else {
            DeckData::Bundled
        }
    }

    /// What a presentation link adds for this data: a query part (`&data=…`) and a fragment
    /// (`#d=…`), each empty when not needed.
    pub fn link_parts(&self) -> (String, String) {
        match self {
            DeckData::Bundled => (String::new(), String::new()),
            DeckData::File(u) => (format!("&{}", to_query(&[("data".to_string(), u.clone())])), String::new()),
            DeckData::Link(p) => (String::new(), format!("#{}{p}", crate::editor::fragment::PREFIX)),
        }
    }
}

/// Why a slide was not added to a deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddRefused {
    /// The deck has [`MAX_SLIDES`] slides.
    Full,
    /// The deck's slides show other data (another file, or the app's own).
    OtherData,
    /// The same view is already the slide at this position (1-based).
    AlreadyThere(usize),
}

/// Why a slide of a deck URL was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckReason {
    /// A pair without `:`.
    MissingColon,
    /// A pair with an empty key.
    EmptyKey,
    /// A key or value with characters outside `A–Z a–z 0–9 . _ , -`.
    BadCharacters,
    /// More than [`MAX_PAIRS`] pairs.
    TooManyPairs,
    /// Longer than [`MAX_SLIDE_LEN`] bytes.
    TooLong,
    /// Past the first [`MAX_SLIDES`] slides (this problem stands for all of them).
    TooManySlides,
}

impl DeckReason {
    /// The reason in words.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            DeckReason::MissingColon => lang.pick("không có dạng tên:giá trị (vd. m:members)", "not in the form name:value (e.g. m:members)"),
            DeckReason::EmptyKey => lang.pick("có cặp không có tên tham số", "a pair has an empty key"),
            DeckReason::BadCharacters => lang.pick(
                "có ký tự không hợp lệ (chỉ dùng chữ không dấu, số và . _ , -)",
                "has characters other than letters, digits and . _ , -",
            ),
            DeckReason::TooManyPairs => lang.pick("quá 20 tham số", "more than 20 parameters"),
            DeckReason::TooLong => lang.pick("dài quá 200 ký tự", "longer than 200 characters"),
            DeckReason::TooManySlides => lang.pick("quá 40 trang: các trang sau bị bỏ qua", "more than 40 slides: the rest are left out"),
        }
    }
}

/// A slide of a deck URL that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckProblem {
    /// Its position in the URL, 1-based.
    pub index: usize,
    /// Its text, cut to 40 characters.
    pub text: String,
    /// What is wrong.
    pub reason: DeckReason,
}

impl DeckProblem {
    /// "Trang 3 (“m:<script>”): có ký tự không hợp lệ …".
    pub fn describe(&self, lang: Lang) -> String {
        format!("{} {} (“{}”): {}", lang.pick("Trang", "Slide"), self.index, self.text, self.reason.text(lang))
    }
}

/// True for the characters a key or value may hold.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ',' | '-')
}

fn valid_pair(k: &str, v: &str) -> bool {
    !k.is_empty() && k.chars().all(allowed) && v.chars().all(allowed)
}

fn cut(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

fn encode_slide(slide: &[(String, String)]) -> String {
    slide.iter().map(|(k, v)| format!("{k}:{v}")).collect::<Vec<_>>().join(";")
}

/// The pairs of a slide that can be written in a deck URL: valid pairs only, at most
/// [`MAX_PAIRS`], within [`MAX_SLIDE_LEN`] once encoded.
fn clean(slide: Slide) -> Slide {
    let mut out: Slide = Vec::new();
    let mut len = 0;
    for (k, v) in slide {
        if !valid_pair(&k, &v) || out.len() == MAX_PAIRS {
            continue;
        }
        let add = k.len() + v.len() + 1 + usize::from(!out.is_empty());
        if len + add > MAX_SLIDE_LEN {
            continue;
        }
        len += add;
        out.push((k, v));
    }
    out
}

/// The value of the `deck` URL parameter: every slide followed by `|`. Uses only the characters
/// `a–z A–Z 0–9 . _ - , : ; |`: pairs that could not be read back (see [`decode`]) and slides past
/// [`MAX_SLIDES`] are left out, so `decode(&encode(d))` gives `d` back for every deck built with
/// [`Deck::push`].
pub fn encode(deck: &Deck) -> String {
    deck.slides.iter().take(MAX_SLIDES).map(|s| format!("{}|", encode_slide(&clean(s.clone())))).collect()
}

fn decode_slide(text: &str) -> Result<Slide, DeckReason> {
    if text.len() > MAX_SLIDE_LEN {
        return Err(DeckReason::TooLong);
    }
    let mut slide = Vec::new();
    for pair in text.split(';').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once(':').ok_or(DeckReason::MissingColon)?;
        if k.is_empty() {
            return Err(DeckReason::EmptyKey);
        }
        if !valid_pair(k, v) {
            return Err(DeckReason::BadCharacters);
        }
        slide.push((k.to_string(), v.to_string()));
        if slide.len() > MAX_PAIRS {
            return Err(DeckReason::TooManyPairs);
        }
    }
    Ok(slide)
}

/// Reads the value of the `deck` URL parameter. A slide that does not parse (a pair without `:`,
/// an empty key, a key or value with characters outside `A–Z a–z 0–9 . _ , -`, more than
/// [`MAX_PAIRS`] pairs, more than [`MAX_SLIDE_LEN`] bytes) is left out with a [`DeckProblem`];
/// slides past [`MAX_SLIDES`] are left out with one problem. A trailing `|` is optional; an empty
/// slide is the default view. Never panics.
pub fn decode(s: &str) -> (Deck, Vec<DeckProblem>) {
    let mut deck = Deck::default();
    let mut problems = Vec::new();
    if s.is_empty() {
        return (deck, problems);
    }
    let body = s.strip_suffix('|').unwrap_or(s);
    for (i, piece) in body.split('|').enumerate() {
        if deck.slides.len() == MAX_SLIDES {
            problems.push(DeckProblem { index: i + 1, text: cut(piece), reason: DeckReason::TooManySlides });
            break;
        }
        match decode_slide(piece) {
            Ok(slide) => deck.slides.push(slide),
            Err(reason) => problems.push(DeckProblem { index: i + 1, text: cut(piece), reason }),
        }
    }
    (deck, problems)
}

/// The current slide from the `i` URL parameter (1-based) as a 0-based index into a deck of
/// `len` slides: clamped to the deck, 0 when missing or not a number.
pub fn slide_index(i: &str, len: usize) -> usize {
    match i.trim().parse::<usize>() {
        Ok(n) if n >= 1 => (n - 1).min(len.saturating_sub(1)),
        _ => 0,
    }
}

fn pair(k: &str, v: &str) -> (String, String) {
    (k.to_string(), v.to_string())
}

/// The key figures for a meeting: the national number over time, by region, by province, charter
/// capital, members, workers, income per worker per year and rating shares.
pub fn default_deck() -> Deck {
    Deck {
        slides: vec![
            vec![pair("m", "cooperatives"), pair("a", "vn"), pair("c", "line")],
            vec![pair("m", "cooperatives"), pair("a", "regions"), pair("d", "2022")],
            vec![pair("m", "cooperatives"), pair("a", "local"), pair("d", "latest")],
            vec![pair("m", "charter_capital")],
            vec![pair("m", "members")],
            vec![pair("m", "workers")],
            vec![pair("m", "income_per_worker.vnd_per_year")],
            vec![pair("m", "rating_share"), pair("c", "pct")],
        ],
        data: DeckData::Bundled,
    }
}

fn percent_encode(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// The explorer query of a slide: `m=charter_capital&a=p34` (no leading `?`), with every byte
/// outside `A–Z a–z 0–9 - . _ ~ , :` percent-encoded (so `&`, `=`, `#`, `%`, `+`, spaces and
/// non-ASCII text are safe).
pub fn to_query(slide: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in slide.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        percent_encode(k, &mut out);
        out.push('=');
        percent_encode(v, &mut out);
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The slide of an explorer query (`?m=charter_capital&a=p34` or without `?`): the inverse of
/// [`to_query`]. Pairs whose key or value cannot go into a deck URL are kept here; [`Deck::push`]
/// leaves them out.
pub fn from_query(q: &str) -> Slide {
    q.strip_prefix('?')
        .unwrap_or(q)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

impl Deck {
    /// Number of slides.
    pub fn len(&self) -> usize {
        self.slides.len()
    }

    /// True when there are no slides.
    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    /// Adds a slide at the end, keeping only the pairs a deck URL can hold (see [`encode`]).
    /// Returns false (and adds nothing) when the deck already has [`MAX_SLIDES`] slides.
    pub fn push(&mut self, slide: Slide) -> bool {
        if self.slides.len() >= MAX_SLIDES {
            return false;
        }
        self.slides.push(clean(slide));
        true
    }

    /// Adds a slide of a page showing `data`: the first slide sets the deck's data; a slide of
    /// other data, or one the deck already has, is refused. Returns the new slide's position
    /// (1-based).
    pub fn add(&mut self, slide: Slide, data: &DeckData) -> Result<usize, AddRefused> {
        if self.is_empty() {
            self.data = data.clone();
        } else if &self.data != data {
            return Err(AddRefused::OtherData);
        }
        let slide = clean(slide);
        if let Some(i) = self.slides.iter().position(|s| *s == slide) {
            return Err(AddRefused::AlreadyThere(i + 1));
        }
        if !self.push(slide) {
            return Err(AddRefused::Full);
        }
        Ok(self.len())
    }

    /// Removes the slide at `i` (0-based), if there is one.
    pub fn remove(&mut self, i: usize) -> Option<Slide> {
        (i < self.slides.len()).then(|| self.slides.remove(i))
    }

    /// Moves the slide at `i` (0-based) one place earlier; false when it is first or missing.
    pub fn move_up(&mut self, i: usize) -> bool {
        if i == 0 || i >= self.slides.len() {
            return false;
        }
        self.slides.swap(i - 1, i);
        true
    }

    /// Moves the slide at `i` (0-based) one place later; false when it is last or missing.
    pub fn move_down(&mut self, i: usize) -> bool {
        if i >= self.slides.len().saturating_sub(1) {
            return false;
        }
        self.slides.swap(i, i + 1);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_keeps_to_one_dataset_and_one_copy_of_a_view() {
        let file = DeckData::File("https://bao.example.vn/htx.json".into());
        let mut d = Deck::default();
        assert_eq!(d.add(vec![pair("m", "members")], &file), Ok(1));
        assert_eq!(d.data, file, "the first slide sets the deck's data");
        assert_eq!(d.add(vec![pair("m", "workers")], &DeckData::Bundled), Err(AddRefused::OtherData));
        assert_eq!(d.add(vec![pair("m", "members")], &file), Err(AddRefused::AlreadyThere(1)));
        assert_eq!(d.add(vec![pair("m", "workers")], &file), Ok(2));
        d.remove(0);
        d.remove(0);
        assert_eq!(d.add(vec![pair("m", "workers")], &DeckData::Bundled), Ok(1), "an emptied deck takes any data");
        assert_eq!(d.data, DeckData::Bundled);
    }

    #[test]
    fn a_decks_data_is_stored_and_linked() {
        for d in [DeckData::Bundled, DeckData::File("https://x.vn/a b.json".into()), DeckData::Link("AbC-_1".into())] {
            assert_eq!(DeckData::from_stored(&d.stored()), d);
        }
        assert_eq!(DeckData::from_stored("junk"), DeckData::Bundled);
        assert_eq!(DeckData::File("https://x.vn/a b.json".into()).link_parts(), ("&data=https:%2F%2Fx.vn%2Fa%20b.json".to_string(), String::new()));
        assert_eq!(DeckData::Link("AbC".into()).link_parts(), (String::new(), "#d=AbC".to_string()));
        assert_eq!(DeckData::of_page(Some("u".into()), Some("p".into())), DeckData::Link("p".into()), "the link's table wins, as when the page loads");
    }
}
