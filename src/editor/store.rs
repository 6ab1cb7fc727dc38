//! The draft as text, kept in the browser's storage after every change so that a reload or a
//! closed tab loses nothing: `key=value` lines (escaped), then the table as tab-separated text.

use super::columns::Role;
use super::draft::{Draft, NewArea};
use super::number::NumberStyle;
use crate::model::{Metric, Qualifier, Unit};

const MAGIC: &str = "htx-editor/1";

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// The draft as text.
pub fn save(d: &Draft) -> String {
    let roles: Vec<&str> = d.roles.iter().map(|r| r.key()).collect();
    let mut lines = vec![
        MAGIC.to_string(),
        format!("metric={}", d.metric.key()),
        format!("unit={}", d.unit.key()),
        format!("scale={}", d.scale.map(|s| s.to_string()).unwrap_or_default()),
        format!("qualifier={}", d.qualifier.key()),
        format!("style={}", d.style.key()),
        format!("header={}", u8::from(d.header)),
        format!("roles={}", roles.join(",")),
    ];
    let texts = [
        ("date", &d.date),
        ("scope", &d.scope),
        ("title", &d.title),
        ("publisher", &d.source.publisher),
        ("source_title", &d.source.title),
        ("published", &d.source.published),
        ("url", &d.source.url),
        ("quote", &d.source.quote),
    ];
    lines.extend(texts.iter().map(|(k, v)| format!("{k}={}", escape(v))));
    lines.extend(d.new_areas.iter().map(|n| format!("new={}\t{}", escape(&n.name), n.parent)));
    lines.push("--".into());
    lines.join("\n") + "\n" + &d.table.to_tsv()
}

/// A draft read back from [`save`]'s text; `None` for any other text.
pub fn load(text: &str) -> Option<Draft> {
    let rest = text.strip_prefix(MAGIC)?.strip_prefix('\n')?;
    let (head, table) = rest.split_once("\n--\n").or_else(|| rest.strip_suffix("\n--").map(|h| (h, "")))?;
    let mut d = Draft { table: super::table::parse(table), ..Draft::default() };
    for line in head.lines() {
        let (k, v) = line.split_once('=')?;
        match k {
            "metric" => d.metric = Metric::from_key(v)?,
            "unit" => d.unit = Unit::from_key(v)?,
            "scale" if v.is_empty() => d.scale = None,
            "scale" => d.scale = Some(v.parse().ok().filter(|s| *s <= 12)?),
            "qualifier" => d.qualifier = Qualifier::from_key(v)?,
            "style" => d.style = NumberStyle::from_key(v)?,
            "header" => d.header = v == "1",
            "roles" => d.roles = v.split(',').filter(|r| !r.is_empty()).map(Role::from_key).collect::<Option<_>>()?,
            "date" => d.date = unescape(v),
            "scope" => d.scope = unescape(v),
            "title" => d.title = unescape(v),
            "publisher" => d.source.publisher = unescape(v),
            "source_title" => d.source.title = unescape(v),
            "published" => d.source.published = unescape(v),
            "url" => d.source.url = unescape(v),
            "quote" => d.source.quote = unescape(v),
            "new" => {
                let (name, parent) = v.split_once('\t')?;
                d.new_areas.push(NewArea { name: unescape(name), parent: parent.to_string() });
            }
            _ => {}
        }
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_a_reload() {
        let mut d = Draft::default().paste("Tỉnh\tSố HTX\nLạng Sơn\t478\n\"Sơn\tLa\"\thơn 1.000\n");
        d.source.quote = "dòng 1\ndòng 2 \\ gạch".into();
        d.source.publisher = "Báo Lạng Sơn".into();
        d.set_metric(Metric::CharterCapital);
        d.scale = Some(9);
        d.new_areas.push(NewArea { name: "Huyện Mộc Châu".into(), parent: "P14".into() });
        assert_eq!(load(&save(&d)), Some(d.clone()));
        assert_eq!(load("something else"), None);
        d.scale = None;
        assert_eq!(load(&save(&d)), Some(d), "a scale not chosen stays not chosen");
    }
}
