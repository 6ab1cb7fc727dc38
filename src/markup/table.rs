//! The table of a chart's figures, read from the view model: exactly what the chart draws, with
//! qualifiers, dates and sources, a page of rows at a time.

use super::{escape, push_element, push_link};
use crate::i18n::Lang;
use crate::view::Figure;

/// Rows shown on one page of a long table.
pub const PAGE: usize = 100;

/// The columns' names (Vietnamese, English).
const COLUMNS: [(&str, &str); 6] = [("Địa bàn", "Area"), ("Chỉ tiêu", "Metric"), ("Số liệu", "Figure"), ("Mức chính xác", "Qualifier"), ("Thời điểm", "Date"), ("Nguồn", "Source")];

/// The header row, as HTML (`<tr>` with one `<th scope="col">` per column). Rows and cells state
/// their roles: on a phone they are shown as blocks, which some screen readers would otherwise no
/// longer read as a table.
pub fn table_head(l: Lang) -> String {
    let mut out = String::from("<tr role=\"row\">");
    for (vi, en) in COLUMNS {
        push_element(&mut out, "th", " scope=\"col\" role=\"columnheader\"", l.pick(vi, en));
    }
    out.push_str("</tr>");
    out
}

/// The rows of page `page` (from 0) of the table, as HTML. Each cell names its column
/// (`data-label`): on a phone a row is a block of labelled lines, not six narrow columns.
pub fn table_rows(rows: &[Figure], page: usize, l: Lang) -> String {
    let label = |i: usize, class: &str| format!("{class} role=\"cell\" data-label=\"{}\"", l.pick(COLUMNS[i].0, COLUMNS[i].1));
    let mut out = String::new();
    for f in rows.iter().skip(page * PAGE).take(PAGE) {
        let derived = if f.formula.is_some() { " class=\"derived\"" } else { "" };
        out.push_str(&format!("<tr role=\"row\" data-key=\"{}\"{derived}>", escape(&f.key)));
        push_element(&mut out, "th", " scope=\"row\" role=\"rowheader\"", &f.area);
        push_element(&mut out, "td", &label(1, ""), &f.metric_with_scope());
        push_element(&mut out, "td", &label(2, " class=\"num\""), &f.value_text);
        push_element(&mut out, "td", &label(3, ""), &f.qualifier_text);
        push_element(&mut out, "td", &label(4, ""), &f.date);
        out.push_str(&format!("<td{}>", label(5, "")));
        push_link(&mut out, "", "", f.inputs.first().and_then(|i| i.url.as_deref()), &f.sources());
        out.push_str("</td></tr>");
    }
    out
}

/// "Trang 2/30 (2.950 dòng)": where a pager is, for a table of `rows` rows; `None` for one page.
pub fn pager_text(page: usize, rows: usize, l: Lang) -> Option<String> {
    let pages = rows.div_ceil(PAGE).max(1);
    (pages > 1).then(|| format!("{} {}/{} ({} {})", l.pick("Trang", "Page"), page + 1, pages, rows, l.pick("dòng", "rows")))
}

/// The labels of the pager's previous and next buttons.
pub fn pager_labels(l: Lang) -> [&'static str; 2] {
    [l.pick("‹ Trước", "‹ Previous"), l.pick("Sau ›", "Next ›")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_paged_and_escaped() {
        let mut f = crate::view::Figure::sample();
        f.key = "P20".into();
        f.area = "A & B".into();
        let rows = vec![f; PAGE + 3];
        let first = table_rows(&rows, 0, Lang::Vi);
        assert_eq!(first.matches("<tr ").count(), PAGE);
        assert!(first.starts_with("<tr role=\"row\" data-key=\"P20\"><th scope=\"row\" role=\"rowheader\">A &amp; B</th>"), "{first}");
        assert_eq!(table_rows(&rows, 1, Lang::En).matches("<tr ").count(), 3);
        assert_eq!(pager_text(1, rows.len(), Lang::En).as_deref(), Some("Page 2/2 (103 rows)"));
        assert_eq!(pager_text(0, PAGE, Lang::Vi), None);
        assert!(table_head(Lang::Vi).contains("<th scope=\"col\" role=\"columnheader\">Địa bàn</th>"));
        assert!(first.contains("<td class=\"num\" role=\"cell\" data-label=\"Số liệu\">"), "{first}");
        assert!(table_rows(&rows, 1, Lang::En).contains("<td role=\"cell\" data-label=\"Source\">"));
    }
}
