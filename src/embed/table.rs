//! The embed's table view (`c=table`): the shared table markup, a hundred rows a page.

use super::dom;
use crate::i18n::Lang;
use crate::markup::{pager_labels, pager_text, table_head, table_rows};
use crate::view::Figure;
use std::cell::Cell;
use std::rc::Rc;

/// The table of `rows`, open (not folded), with a pager when it has more than one page.
pub fn figures_table(rows: &[Figure], caption: &str, l: Lang) -> web_sys::Element {
    let wrap = dom::el("div", "chart-table open");
    let scroll = dom::el("div", "table-scroll");
    let table = dom::el("table", "phone-rows");
    dom::attrs(&table, &[("data-testid", "figures-table"), ("role", "table")]);
    let head = dom::el("thead", "");
    dom::attrs(&head, &[("role", "rowgroup")]);
    head.set_inner_html(&table_head(l));
    let body = dom::el("tbody", "");
    dom::attrs(&body, &[("role", "rowgroup")]);
    body.set_inner_html(&table_rows(rows, 0, l));
    dom::append(&table, &[&dom::text("caption", "", caption), &head, &body]);
    dom::append(&scroll, &[&table]);
    dom::append(&wrap, &[&scroll]);
    if let Some(first) = pager_text(0, rows.len(), l) {
        dom::append(&wrap, &[&pager(rows.to_vec(), body, first, l)]);
    }
    wrap
}

/// "Trang 1/30" between previous and next buttons, turning the pages of `body`.
fn pager(rows: Vec<Figure>, body: web_sys::Element, first: String, l: Lang) -> web_sys::Element {
    let p = dom::el("p", "pager");
    dom::attrs(&p, &[("data-testid", "table-pager")]);
    let [prev_label, next_label] = pager_labels(l);
    let (prev, next, text) = (dom::button(prev_label, ""), dom::button(next_label, ""), dom::text("span", "", &first));
    dom::append(&p, &[&prev, &text, &next]);
    let state = Rc::new((Cell::new(0usize), rows, body, text, prev.clone(), next.clone()));
    let turn = move |by: isize| {
        let (page, rows, body, text, prev, next) = &*state;
        let last = rows.len().saturating_sub(1) / crate::markup::PAGE;
        let n = page.get().saturating_add_signed(by).min(last);
        page.set(n);
        body.set_inner_html(&table_rows(rows, n, l));
        text.set_text_content(pager_text(n, rows.len(), l).as_deref());
        let _ = prev.toggle_attribute_with_force("disabled", n == 0);
        let _ = next.toggle_attribute_with_force("disabled", n == last);
    };
    turn(0);
    let back = turn.clone();
    dom::on(&prev, "click", move |_| back(-1));
    dom::on(&next, "click", move |_| turn(1));
    p
}
