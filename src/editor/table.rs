//! Reading a pasted or opened table: tab-separated (what Excel, LibreOffice and Google Sheets put
//! on the clipboard) or CSV (`,` or `;`), with quoted cells, a byte-order mark and any line ending.

/// A table of text cells, as pasted; every row has as many cells as the widest row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The rows, the header (when there is one) first.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The number of columns.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The cell at `row`, `col`, or "" past the end of a short row.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(col)).map(String::as_str).unwrap_or("")
    }

    /// Writes the table as tab-separated text (cells holding a tab, a quote or a line break are
    /// quoted), which [`parse`] reads back to the same table.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|c| quote_if_needed(c)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }
}

fn quote_if_needed(c: &str) -> String {
    if c.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

/// The cell separator of a text: a tab if any line has one, else `;` when the first line has more
/// of them than of `,` (a spreadsheet's CSV in a language whose decimal mark is the comma), else `,`.
pub fn separator(text: &str) -> char {
    if text.contains('\t') {
        return '\t';
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    if count(';') > count(',') {
        ';'
    } else {
        ','
    }
}

/// Parses a table. Cells are trimmed; a cell may be quoted (`"…"`, with `""` for a quote) and
/// then hold separators and line breaks; blank lines are skipped; rows are padded to one width.
pub fn parse(text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            c if quoted => cell.push(c),
            c if c == sep => row.push(std::mem::take(&mut cell).trim().to_string()),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_row(&mut rows, &mut row, &mut cell);
            }
            c => cell.push(c),
        }
    }
    end_row(&mut rows, &mut row, &mut cell);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut rows {
        r.resize(width, String::new());
    }
    Table { rows }
}

fn end_row(rows: &mut Vec<Vec<String>>, row: &mut Vec<String>, cell: &mut String) {
    row.push(std::mem::take(cell).trim().to_string());
    let done = std::mem::take(row);
    if done.iter().any(|c| !c.is_empty()) {
        rows.push(done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_from_a_spreadsheet() {
        let t = parse("Tỉnh\tSố HTX\r\nLạng Sơn\t478\r\nSơn La\t1.056\r\n");
        assert_eq!(t.rows, vec![vec!["Tỉnh", "Số HTX"], vec!["Lạng Sơn", "478"], vec!["Sơn La", "1.056"]]);
    }

    #[test]
    fn csv_with_quotes_bom_and_semicolons() {
        let t = parse("\u{feff}area,value,note\n\"Hà Nội, thủ đô\",\"1,5\",\"say \"\"hi\"\"\"\n");
        assert_eq!(t.rows[1], vec!["Hà Nội, thủ đô", "1,5", "say \"hi\""]);
        let t = parse("Tỉnh;Giá trị\nHuế;3,8\n");
        assert_eq!(t.rows[1], vec!["Huế", "3,8"]);
    }

    #[test]
    fn quoted_line_breaks_blank_lines_and_short_rows() {
        let t = parse("a\tb\n\n\"x\ny\"\n");
        assert_eq!(t.rows, vec![vec!["a", "b"], vec!["x\ny", ""]]);
        assert_eq!(t.width(), 2);
        assert_eq!(t.cell(5, 5), "");
    }

    #[test]
    fn tsv_round_trip() {
        let t = Table { rows: vec![vec!["a\tb".into(), "c\"d".into()], vec!["e\nf".into(), "".into()]] };
        assert_eq!(parse(&t.to_tsv()).rows[0], t.rows[0]);
        assert_eq!(parse(&t.to_tsv()).rows[1], vec!["e\nf", ""]);
    }
}
