//! Writing a dataset in the `htx-charts/1` format, by hand (a few object shapes, no serializer).

/// A JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One JSON object written from its members: a text member is left out when empty; `raw` members
/// (numbers, objects) are written as given.
#[derive(Default)]
pub struct Object {
    members: Vec<String>,
}

impl Object {
    /// A text member, left out when `value` is empty.
    pub fn text(mut self, key: &str, value: &str) -> Object {
        if !value.is_empty() {
            self.members.push(format!("{}:{}", string(key), string(value)));
        }
        self
    }

    /// A member written as given (a number, an object, `true`).
    pub fn raw(mut self, key: &str, value: &str) -> Object {
        self.members.push(format!("{}:{}", string(key), value));
        self
    }

    /// The object's text.
    pub fn done(self) -> String {
        format!("{{{}}}", self.members.join(","))
    }
}

/// An array of written values, one per line.
pub fn array(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    format!("[\n  {}\n]", items.join(",\n  "))
}

/// An area record of the data format.
pub fn area(a: &crate::model::Area) -> String {
    Object::default()
        .text("code", &a.code)
        .text("name", &a.name)
        .text("short", a.short.as_deref().unwrap_or(""))
        .text("name_en", a.name_en.as_deref().unwrap_or(""))
        .text("level", a.level.key())
        .text("official_code", a.official_code.as_deref().unwrap_or(""))
        .text("part_of", a.part_of.as_deref().unwrap_or(""))
        .done()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
        let o = Object::default().text("a", "x").text("empty", "").raw("n", "3.8").done();
        assert_eq!(o, "{\"a\":\"x\",\"n\":3.8}");
        assert_eq!(array(&[]), "[]");
    }
}
