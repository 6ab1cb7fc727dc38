//! Presentation decks in the URL: encode/decode round trips, hostile input, editing.

use htx_charts::deck::{self, decode, default_deck, encode, from_query, slide_index, to_query, Deck, DeckReason, MAX_SLIDES};
use htx_charts::i18n::Lang;

fn slide(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn allowed_in_url(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-,:;|".contains(c)
}

#[test]
fn default_deck_round_trips_and_reads() {
    let d = default_deck();
    assert!(d.len() >= 8);
    let s = encode(&d);
    assert!(s.chars().all(allowed_in_url), "{s}");
    assert!(s.starts_with("m:cooperatives;a:vn;c:line|"), "{s}");
    assert!(s.contains("|m:charter_capital|"));
    assert!(s.contains("m:income_per_worker.vnd_per_year"));
    let (back, problems) = decode(&s);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, d);
    assert_eq!(to_query(&d.slides[0]), "m=cooperatives&a=vn&c=line");
}

#[test]
fn the_brief_example_reads() {
    let (d, p) = decode("m:cooperatives;c:line|m:charter_capital;a:p34|");
    assert!(p.is_empty());
    assert_eq!(d.slides, vec![slide(&[("m", "cooperatives"), ("c", "line")]), slide(&[("m", "charter_capital"), ("a", "p34")])]);
    // the trailing bar is optional
    assert_eq!(decode("m:cooperatives;c:line|m:charter_capital;a:p34").0, d);
    // an empty slide is the default view
    let (d, p) = decode("|m:members|");
    assert!(p.is_empty());
    assert_eq!(d.slides, vec![vec![], slide(&[("m", "members")])]);
    assert_eq!(decode("").0, Deck::default());
    assert_eq!(encode(&Deck::default()), "");
    assert_eq!(decode(&encode(&Deck { slides: vec![vec![]], ..Default::default() })).0.slides, vec![Vec::<(String, String)>::new()]);
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn word(&mut self, min: usize, max: usize) -> String {
        const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCXYZ0123456789._,-";
        let len = min + self.below(max - min + 1);
        (0..len).map(|_| CHARS[self.below(CHARS.len())] as char).collect()
    }
}

#[test]
fn random_decks_round_trip() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..500 {
        let mut d = Deck::default();
        for _ in 0..rng.below(MAX_SLIDES + 1) {
            let s: Vec<(String, String)> = (0..rng.below(6)).map(|_| (rng.word(1, 6), rng.word(0, 12))).collect();
            assert!(d.push(s));
        }
        let s = encode(&d);
        assert!(s.chars().all(allowed_in_url), "{s}");
        let (back, problems) = decode(&s);
        assert!(problems.is_empty(), "{s}: {problems:?}");
        assert_eq!(back, d, "{s}");
        let i = rng.below(d.len().max(1));
        assert_eq!(slide_index(&(i + 1).to_string(), d.len()), i);
    }
}

#[test]
fn hostile_input_is_skipped_with_problems_never_panics() {
    let long = "a".repeat(100_000);
    let many_bars = "|".repeat(10_000);
    let many_pairs = (0..30).map(|i| format!("k{i}:v")).collect::<Vec<_>>().join(";");
    let cases: Vec<(String, Option<DeckReason>)> = vec![
        (long.clone(), Some(DeckReason::TooLong)),
        (format!("m:{}", "x".repeat(250)), Some(DeckReason::TooLong)),
        ("m:Hà_Nội".into(), Some(DeckReason::BadCharacters)),
        ("<script>alert(1)</script>".into(), Some(DeckReason::MissingColon)),
        ("m:<script>".into(), Some(DeckReason::BadCharacters)),
        (":::".into(), Some(DeckReason::EmptyKey)),
        ("m:a:b".into(), Some(DeckReason::BadCharacters)),
        ("m".into(), Some(DeckReason::MissingColon)),
        ("m:x y".into(), Some(DeckReason::BadCharacters)),
        ("m:x&a=1".into(), Some(DeckReason::BadCharacters)),
        ("m:%41".into(), Some(DeckReason::BadCharacters)),
        (many_pairs, Some(DeckReason::TooManyPairs)),
        ("😀:😀".into(), Some(DeckReason::BadCharacters)),
        ("m:ok;;c:line;".into(), None),
    ];
    for (text, reason) in &cases {
        let input = format!("m:members|{text}|m:workers|");
        let (d, problems) = decode(&input);
        match reason {
            Some(r) => {
                assert_eq!(d.slides, vec![slide(&[("m", "members")]), slide(&[("m", "workers")])], "{}", &text[..text.len().min(60)]);
                assert_eq!(problems.len(), 1);
                assert_eq!(problems[0].index, 2);
                assert_eq!(problems[0].reason, *r, "{}", &text[..text.len().min(60)]);
                assert!(problems[0].text.chars().count() <= 41);
                assert!(!problems[0].describe(Lang::Vi).is_empty() && problems[0].describe(Lang::En).starts_with("Slide 2"));
            }
            None => assert!(problems.is_empty() && d.len() == 3),
        }
    }
    // too many slides: the first 40 are kept, one problem for the rest
    let (d, p) = decode(&many_bars);
    assert_eq!(d.len(), MAX_SLIDES);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].reason, DeckReason::TooManySlides);
    assert_eq!(p[0].index, MAX_SLIDES + 1);
    let (d, p) = decode("|||");
    assert_eq!(d.len(), 3);
    assert!(p.is_empty());
    // odd bytes everywhere: no panic, every kept slide valid
    let mut rng = Rng(42);
    let alphabet: Vec<char> = "ab:;|=&%\u{0}\u{feff}é😀<>\"' \n.,_-".chars().collect();
    for _ in 0..2000 {
        let s: String = (0..rng.below(80)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
        let (d, problems) = decode(&s);
        assert!(d.len() <= MAX_SLIDES);
        assert_eq!(decode(&encode(&d)).0, d, "{s:?}");
        assert!(problems.iter().all(|p| p.index >= 1 && p.text.chars().count() <= 41));
    }
}

#[test]
fn encode_leaves_out_what_cannot_be_read_back() {
    let d = Deck { slides: vec![slide(&[("m", "charter_capital"), ("x", "Hà Nội"), ("", "v"), ("a", "p34")])], ..Default::default() };
    assert_eq!(encode(&d), "m:charter_capital;a:p34|");
    let mut d = Deck::default();
    assert!(d.push(slide(&[("m", "a&b"), ("c", "line")])));
    assert_eq!(d.slides[0], slide(&[("c", "line")]));
    for _ in 1..MAX_SLIDES {
        assert!(d.push(vec![]));
    }
    assert!(!d.push(vec![]), "a 41st slide is refused");
    assert_eq!(d.len(), MAX_SLIDES);
    let big = Deck { slides: vec![vec![]; 50], ..Default::default() };
    assert_eq!(decode(&encode(&big)).0.len(), MAX_SLIDES);
}

#[test]
fn queries() {
    assert_eq!(to_query(&slide(&[("m", "charter_capital"), ("a", "p34")])), "m=charter_capital&a=p34");
    assert_eq!(to_query(&[]), "");
    let odd = slide(&[("q", "a&b=c#d%e f+g"), ("n", "Hà Nội"), ("a", "p01,p79")]);
    let q = to_query(&odd);
    assert_eq!(q, "q=a%26b%3Dc%23d%25e%20f%2Bg&n=H%C3%A0%20N%E1%BB%99i&a=p01,p79");
    assert!(q.is_ascii());
    assert_eq!(from_query(&q), odd);
    assert_eq!(from_query("?m=members&&lang"), slide(&[("m", "members"), ("lang", "")]));
    assert_eq!(from_query("x=%zz%4"), slide(&[("x", "%zz%4")]));
    assert_eq!(from_query(""), vec![]);
}

#[test]
fn editing_is_bounds_safe() {
    let mut d = default_deck();
    let n = d.len();
    let first = d.slides[0].clone();
    let second = d.slides[1].clone();
    assert!(!d.move_up(0));
    assert!(!d.move_up(n));
    assert!(!d.move_up(usize::MAX));
    assert!(!d.move_down(n - 1));
    assert!(!d.move_down(n));
    assert!(!d.move_down(usize::MAX));
    assert!(d.move_down(0));
    assert_eq!(d.slides[0], second);
    assert_eq!(d.slides[1], first);
    assert!(d.move_up(1));
    assert_eq!(d.slides[0], first);
    assert_eq!(d.remove(n), None);
    assert_eq!(d.remove(usize::MAX), None);
    assert_eq!(d.remove(0), Some(first));
    assert_eq!(d.len(), n - 1);
    let mut empty = Deck::default();
    assert!(!empty.move_up(0) && !empty.move_down(0) && empty.remove(0).is_none());
    assert_eq!(slide_index("", 5), 0);
    assert_eq!(slide_index("0", 5), 0);
    assert_eq!(slide_index("3", 5), 2);
    assert_eq!(slide_index("99", 5), 4);
    assert_eq!(slide_index("-1", 5), 0);
    assert_eq!(slide_index("2", 0), 0);
    assert_eq!(slide_index("99999999999999999999999", 5), 0);
    let _ = deck::MAX_PAIRS;
}

/// Every slide of the default deck is a valid explorer view of the bundled data (no notice), and
/// the explorer writes it back in a form the deck keeps.
#[test]
fn default_deck_is_valid_in_the_explorer() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/htx.json")).unwrap();
    let ds = htx_charts::load::load(&text, "data/htx.json").unwrap();
    for s in default_deck().slides {
        let (sel, notices) = htx_charts::explore::from_query(&s, &ds);
        assert!(notices.is_empty(), "{s:?}: {notices:?}");
        let written = htx_charts::explore::to_query(&sel);
        let mut d = Deck::default();
        d.push(written.clone());
        assert_eq!(d.slides[0], written, "the deck keeps every pair the explorer writes for {s:?}");
        let (again, _) = htx_charts::explore::from_query(&from_query(&to_query(&s)), &ds);
        assert_eq!(again, sel);
        // and it shows what it asks for
        let v = htx_charts::view::build(&ds, &sel, Lang::Vi);
        assert!(!v.figures.is_empty(), "{s:?}: nothing drawn");
        assert_eq!(v.chart_kind, sel.chart, "{s:?}: {:?}", v.caveat_text);
        let fallback = |c: &htx_charts::view::Caveat| matches!(c, htx_charts::view::Caveat::ModeFallback { .. } | htx_charts::view::Caveat::NoSectors);
        assert!(!v.caveats.iter().any(fallback), "{s:?}: {:?}", v.caveat_text);
    }
}
