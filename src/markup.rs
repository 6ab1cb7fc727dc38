//! HTML text for the parts of a chart that the app and the light embed both show: the tooltip of a
//! figure ([`tooltip`]) and the rows of the table of figures ([`table_head`], [`table_rows`]).
//! Written once, escaped here, and set as `innerHTML` by either page.

mod table;
mod tooltip;

pub use table::{pager_labels, pager_text, table_head, table_rows, PAGE};
pub use tooltip::tooltip;

/// Appends text escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Text escaped for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `<tag attrs>text</tag>`; `attrs` is written as given (already escaped).
fn push_element(out: &mut String, tag: &str, attrs: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(attrs);
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Appends a link opening in a new tab (`class` may be empty), or the text alone in a
/// `<span>` of class `plain_class` when there is no address.
fn push_link(out: &mut String, class: &str, plain_class: &str, url: Option<&str>, text: &str) {
    let class_attr = |c: &str| if c.is_empty() { String::new() } else { format!(" class=\"{c}\"") };
    match url {
        Some(u) => push_element(out, "a", &format!("{} href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\"", class_attr(class), escape(u)), text),
        None => push_element(out, "span", &class_attr(plain_class), text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">Tom & 'Jerry'</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assert_eq!(escape("Hợp tác xã"), "Hợp tác xã");
    }
}
