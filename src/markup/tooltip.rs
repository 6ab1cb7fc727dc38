//! The tooltip of one figure, as the view model states it: exact value, qualifier, date, scope,
//! source and link; for a computed figure how it was computed and both sources.

use super::{escape, push_element, push_link};
use crate::i18n::Lang;
use crate::view::Figure;

/// The inside of a figure's tooltip box, as HTML. `sources` is the address of the sources page
/// for this data; the source's anchor is added unless it has a fragment already.
pub fn tooltip(figure: &Figure, l: Lang, sources: &str) -> String {
    let mut out = String::new();
    push_element(&mut out, "p", " class=\"tt-area\"", &figure.area);
    if let Some(formula) = &figure.formula {
        push_element(&mut out, "p", " class=\"tt-value\"", &figure.value_text);
        push_element(&mut out, "p", " class=\"tt-metric\"", &format!("{}{formula}", l.pick("Số tính từ nguồn: ", "Computed from the sources: ")));
        out.push_str("<ul class=\"tt-sources\">");
        for i in &figure.inputs {
            out.push_str("<li>");
            push_link(&mut out, "source-link", "source-text", i.url.as_deref(), &format!("{} — {} ({}): {}", i.area, i.value_text, i.date, i.citation));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        return out;
    }
    push_element(&mut out, "p", " class=\"tt-metric\"", &figure.metric);
    push_element(&mut out, "p", " class=\"tt-value\"", &figure.value_text);
    out.push_str("<dl>");
    let mut row = |dt: &str, dd: &str| {
        push_element(&mut out, "dt", "", dt);
        push_element(&mut out, "dd", "", dd);
    };
    row(l.pick("Mức chính xác", "Qualifier"), &figure.qualifier_text);
    row(l.pick("Thời điểm", "Date"), &figure.date);
    if let Some(s) = &figure.scope {
        row(l.pick("Phạm vi", "Scope"), s);
    }
    let first = figure.inputs.first();
    // the name the chart's source line gives, where the page reports another body's figures
    if let Some(r) = first.and_then(|i| i.reporter.as_deref()) {
        row(l.pick("Đơn vị báo cáo", "Reported by"), r);
    }
    push_element(&mut out, "dt", "", l.pick("Nguồn", "Source"));
    out.push_str("<dd>");
    if let Some(i) = first {
        push_link(&mut out, "source-link", "source-text", i.url.as_deref(), &i.citation);
        out.push_str(" · ");
        let page = if sources.contains('#') { escape(sources) } else { format!("{}#{}", escape(sources), escape(&i.source)) };
        let href = format!(" class=\"source-entry-link\" href=\"{page}\"");
        push_element(&mut out, "a", &href, l.pick("trong danh mục nguồn", "in the list of sources"));
    }
    out.push_str("</dd></dl>");
    if let Some(q) = first.and_then(|i| i.quote.as_deref()) {
        push_element(&mut out, "blockquote", " lang=\"vi\"", &format!("“{q}”"));
    }
    if !figure.notes.is_empty() {
        out.push_str("<ul class=\"tt-notes\">");
        for n in &figure.notes {
            push_element(&mut out, "li", "", n);
        }
        out.push_str("</ul>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Input;

    fn input(url: Option<&str>) -> Input {
        Input {
            record: 0,
            area: "Lạng Sơn".into(),
            value_text: "478 HTX".into(),
            date: "2023".into(),
            source: "s1".into(),
            publisher: "P".into(),
            reporter: None,
            title: "T".into(),
            citation: "P: T <2023>".into(),
            url: url.map(Into::into),
            published: None,
            quote: Some("có 478 HTX".into()),
            note: None,
        }
    }

    #[test]
    fn a_reported_figure_says_qualifier_date_source_and_quote() {
        let mut f = crate::view::Figure::sample();
        f.inputs = vec![input(Some("https://example.org/?a=1&b=2"))];
        let html = tooltip(&f, Lang::En, "nguon.html");
        assert!(html.starts_with("<p class=\"tt-area\">"), "{html}");
        assert!(html.contains("<dt>Qualifier</dt>"), "{html}");
        assert!(html.contains("href=\"https://example.org/?a=1&amp;b=2\" target=\"_blank\""), "{html}");
        assert!(html.contains("P: T &lt;2023&gt;</a> · <a class=\"source-entry-link\" href=\"nguon.html#s1\">"), "{html}");
        assert!(html.contains("<blockquote lang=\"vi\">“có 478 HTX”</blockquote>"), "{html}");
        assert!(!html.contains("Reported by"), "{html}");
        f.inputs[0].reporter = Some("Liên minh HTX tỉnh Lạng Sơn".into());
        let reported = tooltip(&f, Lang::En, "nguon.html");
        assert!(reported.contains("<dt>Reported by</dt><dd>Liên minh HTX tỉnh Lạng Sơn</dd><dt>Source</dt>"), "{reported}");
        // another data file's sources page; a chart maker table's (its fragment holds the table)
        assert!(tooltip(&f, Lang::En, "nguon.html?data=https:%2F%2Fx.vn%2Fa.json").contains("href=\"nguon.html?data=https:%2F%2Fx.vn%2Fa.json#s1\""));
        assert!(tooltip(&f, Lang::En, "nguon.html#d=AbC").contains("href=\"nguon.html#d=AbC\">"));
    }

    #[test]
    fn a_computed_figure_lists_its_sources() {
        let mut f = crate::view::Figure::sample();
        f.formula = Some("a ÷ b".into());
        f.inputs = vec![input(None), input(Some("https://example.org/"))];
        let html = tooltip(&f, Lang::Vi, "nguon.html");
        assert!(html.contains("Số tính từ nguồn: a ÷ b"), "{html}");
        assert!(html.contains("<li><span class=\"source-text\">Lạng Sơn — 478 HTX (2023): P: T &lt;2023&gt;</span></li>"), "{html}");
        assert!(html.contains("<li><a class=\"source-link\" href=\"https://example.org/\""), "{html}");
    }
}
