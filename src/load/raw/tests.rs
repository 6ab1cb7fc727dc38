//! Tests of the streaming reader.
use super::*;

#[test]
fn reads_like_serde_json() {
    let text = r#"{"b": [1, -2, 2.5, true, null], "a": "x\u00e9", "b": "last", "c": {}}"#;
    let j = parse(text).unwrap();
    let o = j.as_object().unwrap();
    assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(o.get("b").and_then(Json::as_str), Some("last"));
    assert_eq!(o.get("a").and_then(Json::as_str), Some("xé"));
    assert_eq!(o.unknown_keys(&["a", "c"]), ["b"]);
    assert!(o.unknown_keys(&["a", "b", "c"]).is_empty());
    let a = parse("[1, -2, 2.5, 18446744073709551615]").unwrap();
    let v: serde_json::Value = serde_json::from_str("[1, -2, 2.5, 18446744073709551615]").unwrap();
    let xs: Vec<f64> = a.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    let ys: Vec<f64> = v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert_eq!(xs, ys);
}

#[derive(Default)]
struct Collect {
    seen_before: Vec<String>,
    items: Vec<String>,
    ended: bool,
}

impl<'a> Items<'a> for Collect {
    fn start(&mut self, before: &Map<'a>) -> bool {
        self.seen_before = before.keys().map(str::to_string).collect();
        true
    }
    fn item(&mut self, index: usize, item: Item<'_, 'a>) {
        self.items.push(match item {
            Item::Record(r) => format!("{index}: {:?} {:?}", r.values[..2].to_vec(), r.unknown),
            Item::Other(j) => format!("{index}: {j:?}"),
        });
    }
    fn end(&mut self) {
        self.ended = true;
    }
}

#[test]
fn items_are_handed_over_as_read() {
    let text = r#"{"a": 1, "obs": [{"x": 1, "z": [2], "x": 3, "y": null}, "two", [3]], "b": {"obs": [4]}}"#;
    let mut c = Collect::default();
    let j = parse_items(text, "obs", &["x", "y"], &mut c).unwrap();
    assert_eq!(c.seen_before, ["a"]);
    assert_eq!(c.items, [r#"0: [Some(Number(3.0)), Some(Null)] ["z"]"#, r#"1: String("two")"#, "2: Array([Number(3.0)])"]);
    assert!(c.ended);
    let o = j.as_object().unwrap();
    assert_eq!(o.get("obs"), Some(&Json::Array(Vec::new())));
    assert_eq!(o.get("b"), parse(text).unwrap().as_object().unwrap().get("b"));
    // not an array: read as a value, no end
    let mut c = Collect::default();
    let j = parse_items(r#"{"obs": {"k": [1]}}"#, "obs", &[], &mut c).unwrap();
    assert!(!c.ended && c.items.is_empty());
    assert_eq!(j, parse(r#"{"obs": {"k": [1]}}"#).unwrap());
    // not an object at the top
    assert_eq!(parse_items("[1, 2]", "obs", &[], &mut Collect::default()).unwrap(), parse("[1, 2]").unwrap());
}

#[test]
fn texts_compare_as_equal_strings() {
    let texts = [
        "", "a", "ab", "abc", "area", "arex", "value", "valuf", "metric", "source", "sector", "qualifier", "C20-X0001",
        "C20-X0002", "D20-X0001", "s-big-001-extra!", "s-big-001-extra?", "a much longer text than sixteen bytes",
        "a much longer text than sixteen byteZ", "Lạng", "Lạnh",
    ];
    for a in texts {
        for b in texts {
            assert_eq!(same_text(a, b), a == b, "{a} {b}");
            assert_eq!(same_key(a, b), a == b, "{a} {b}");
        }
    }
}

#[test]
fn same_errors_as_serde_json() {
    let deep = format!("{{\"x\": [{}", "[".repeat(200));
    for bad in ["{", "[1,]", "{\"a\" 1}", "1e999", "[1] x", "", "{\"a\": tru}", &"[".repeat(200), "{\"x\": [1, }", "{\"x\": [1] 2}", &deep,
        "{\"x\": [{\"a\": 1e999}]}", "{\"x\": [{\"b\": tru}]}", "{\"x\": [{\"b\": \"\\ud800\"}]}", "{\"x\": [{\"a\" 1}]}"] {
        let mine = parse(bad).unwrap_err().to_string();
        let streamed = parse_items(bad, "x", &["a"], &mut Collect::default()).unwrap_err().to_string();
        assert_eq!(mine, streamed, "{bad}");
        let theirs = serde_json::from_str::<serde_json::Value>(bad).unwrap_err().to_string();
        assert_eq!(mine, theirs, "{bad}");
    }
}
