//! From the editor's draft to an `htx-charts/1` file and its validated dataset: each row read
//! (area by name, date, value with its qualifier), written as JSON, then checked by the same
//! loader as any data file, every problem placed back at its cell.

use super::cell::{read_date, read_value, CellIssue, CellValue};
use super::columns::Role;
use super::draft::Draft;
use super::json_out::{array, string, Object};
use super::names::{new_code, NameIndex, NameMatch};
use super::number::{detect, NumberStyle};
use crate::i18n::Lang;
use crate::model::{Area, Dataset, ProblemKind, Section};

/// A field of the editor outside the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The source's publisher.
    Publisher,
    /// The source's title.
    Title,
    /// The source's publication date.
    Published,
    /// The source's address.
    Url,
    /// The sentence or table the figures come from.
    Quote,
    /// The table's date (when no column holds dates).
    Date,
    /// What the table's amounts of money are in (đồng, nghìn, triệu or tỷ đồng).
    Scale,
    /// The column roles.
    Columns,
}

/// Where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A cell of the table (row and column in the table, header included).
    Cell {
        /// Row.
        row: usize,
        /// Column.
        col: usize,
    },
    /// A whole row.
    Row(usize),
    /// A field outside the table.
    Field(Field),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// A cell that cannot be read.
    Cell(CellIssue),
    /// An area name no area has; `suggestion` is a close one's code.
    UnknownArea {
        /// The name as typed.
        typed: String,
        /// A likely intended area.
        suggestion: Option<String>,
    },
    /// A required field is empty.
    Missing,
    /// No column holds this role.
    NoColumn(Role),
    /// The table has no row of figures.
    NoRows,
    /// Columns of years (a wide table) in a table whose first row is not taken as the header.
    YearsWithoutHeader,
    /// The same area, date and sector as an earlier row of the table (its row).
    RepeatedRow(usize),
    /// Amounts of money in a table whose scale is not chosen (and not in their cells).
    NoScale,
    /// An amount of money too small for its metric in the unit it was read in.
    TooSmall(super::money::SmallMoney),
    /// What the loader found (the same checks as for any data file).
    Load(ProblemKind),
}

/// A problem and its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: IssueKind,
}

/// The result: the file (with the figures of the rows that could be read), its dataset, and
/// every problem. It may be shared only when `issues` is empty.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// The `htx-charts/1` file.
    pub json: String,
    /// The dataset the loader made of it.
    pub dataset: Option<Dataset>,
    /// Every problem, in table order.
    pub issues: Vec<Issue>,
    /// The table cell (row, column of its value) of each observation written.
    pub cells: Vec<(usize, usize)>,
}

/// Two results are the same when they write the same file with the same problems (the dataset
/// is made from the file).
impl PartialEq for Compiled {
    fn eq(&self, other: &Compiled) -> bool {
        self.json == other.json && self.issues == other.issues
    }
}

impl Compiled {
    /// The problems at one cell.
    pub fn at_cell(&self, row: usize, col: usize) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.place == Place::Cell { row, col })
    }

    /// The problems at one field.
    pub fn at_field(&self, f: Field) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.place == Place::Field(f))
    }
}

/// Placeholder for a missing source field, so the preview can be drawn; the missing field is an
/// issue, and nothing can be shared until it is filled.
fn missing(lang: Lang) -> &'static str {
    lang.pick("(chưa nhập)", "(not filled in)")
}

/// Compiles a draft (numbers the cells leave undecided, such as `1.000`, read in vi-VN form; see
/// [`compile_in`]).
pub fn compile(draft: &Draft, reference: &Dataset, today: &str) -> Compiled {
    compile_in(draft, reference, today, Lang::Vi)
}

/// Compiles a draft. `reference` holds the areas names are matched to; `today` (`YYYY-MM-DD`) is
/// the file's `updated` date; numbers whose form the cells leave undecided (`1,000`) are read in
/// the form of `lang`, the page's language.
pub fn compile_in(draft: &Draft, reference: &Dataset, today: &str, lang: Lang) -> Compiled {
    let mut issues = Vec::new();
    let fallback = if lang == Lang::En { NumberStyle::En } else { NumberStyle::Vi };
    let style = match draft.style {
        NumberStyle::Auto => {
            let cells = value_cells(draft);
            detect(cells.iter().copied())
                .or_else(|| draft.unit.is_count().then(|| super::number::detect_counts(cells.iter().copied())).flatten())
                .unwrap_or(fallback)
        }
        s => s,
    };
    let wide = super::wide::is_wide(draft);
    if draft.column(Role::Date).is_none() && !wide {
        if let Err(e) = read_date(&draft.date) {
            let kind = if e == CellIssue::Empty { IssueKind::Missing } else { IssueKind::Cell(e) };
            issues.push(Issue { place: Place::Field(Field::Date), kind });
        }
    }
    let (area_col, value_col) = (draft.column(Role::Area), draft.column(Role::Value));
    for (role, col) in [(Role::Area, area_col), (Role::Value, value_col)] {
        if col.is_none() && !(wide && role == Role::Value) {
            issues.push(Issue { place: Place::Field(Field::Columns), kind: IssueKind::NoColumn(role) });
        }
    }
    let sources = source_fields(draft, lang, &mut issues);
    let names = NameIndex::new(&reference.areas);
    let mut b = Builder { draft, reference, names, lang, style, areas: Vec::new(), sources, obs: Vec::new(), cells: Vec::new(), seen: Vec::new(), unscaled: false };
    let figures = figure_columns(draft, &mut issues);
    if let (Some(ac), false) = (area_col, figures.is_empty()) {
        for row in draft.first_row()..draft.table.rows.len() {
            b.row(row, ac, &figures, &mut issues);
        }
        if b.unscaled {
            issues.push(Issue { place: Place::Field(Field::Scale), kind: IssueKind::NoScale });
        }
        if b.obs.is_empty() && issues.is_empty() {
            issues.push(Issue { place: Place::Field(Field::Columns), kind: IssueKind::NoRows });
        }
    }
    let json = b.json(today);
    let dataset = crate::load::load(&json, lang.pick("bảng của bạn", "your table")).ok();
    if let Some(ds) = &dataset {
        for p in &ds.problems {
            let place = place_of(draft, p.section, p.index, p.field.as_deref(), &b.cells);
            let text = |&(row, col): &(usize, usize)| draft.table.cell(row, col);
            let small = b.cells.get(p.index).filter(|_| p.section == Section::Observations).and_then(|c| super::money::small(&p.kind, text(c), draft, style));
            issues.push(Issue { place, kind: small.map_or_else(|| IssueKind::Load(p.kind.clone()), IssueKind::TooSmall) });
        }
    }
    crate::sort::sort_by_key(&mut issues, |i| match i.place {
        Place::Field(_) => (0, 0, 0),
        Place::Row(r) => (1, r, 0),
        Place::Cell { row, col } => (1, row, col + 1),
    });
    Compiled { json, dataset, issues, cells: b.cells }
}

/// The cells of every column of figures (the value column, or a wide table's columns of years).
fn value_cells(draft: &Draft) -> Vec<&str> {
    let cols = draft.column(Role::Value).into_iter().chain(super::wide::date_columns(draft));
    cols.flat_map(|col| (draft.first_row()..draft.table.rows.len()).map(move |r| draft.table.cell(r, col))).collect()
}

/// The columns whose cells are figures, each with the date its header names in a wide table
/// (`None`: the row's date cell, or the table's date). A header of years that is not a date is a
/// problem at its header cell; columns of years need the header row.
fn figure_columns(draft: &Draft, issues: &mut Vec<Issue>) -> Vec<(usize, Option<String>)> {
    if !super::wide::is_wide(draft) {
        return draft.column(Role::Value).map(|c| vec![(c, None)]).unwrap_or_default();
    }
    if !draft.header {
        issues.push(Issue { place: Place::Field(Field::Columns), kind: IssueKind::YearsWithoutHeader });
        return Vec::new();
    }
    let dated = |c: usize| match read_date(draft.table.cell(0, c)) {
        Ok(d) => Ok((c, Some(d))),
        Err(e) => Err(Issue { place: Place::Cell { row: 0, col: c }, kind: IssueKind::Cell(e) }),
    };
    let (ok, bad): (Vec<_>, Vec<_>) = super::wide::date_columns(draft).into_iter().map(dated).partition(Result::is_ok);
    issues.extend(bad.into_iter().filter_map(Result::err));
    ok.into_iter().filter_map(Result::ok).collect()
}

/// The table's source fields, checked; missing ones become issues (and placeholders).
fn source_fields(draft: &Draft, lang: Lang, issues: &mut Vec<Issue>) -> Vec<String> {
    let s = &draft.source;
    let mut need = |text: &str, field: Field| -> String {
        if text.trim().is_empty() {
            issues.push(Issue { place: Place::Field(field), kind: IssueKind::Missing });
            missing(lang).to_string()
        } else {
            text.trim().to_string()
        }
    };
    let publisher = need(&s.publisher, Field::Publisher);
    let title = need(&s.title, Field::Title);
    need(&s.quote, Field::Quote);
    let published = match read_date(&s.published) {
        Ok(d) => d,
        Err(e) => {
            let kind = if e == CellIssue::Empty { IssueKind::Missing } else { IssueKind::Cell(e) };
            issues.push(Issue { place: Place::Field(Field::Published), kind });
            String::new()
        }
    };
    let table = Object::default()
        .text("id", "s1")
        .text("publisher", &publisher)
        .text("title", &title)
        .text("url", s.url.trim())
        .text("published", &published)
        .done();
    vec![table]
}

/// One figure of a row, read: where it is, and what it says.
struct Figure {
    row: usize,
    /// The column of its value.
    col: usize,
    area_col: usize,
    area: String,
    date: String,
    sector: Option<crate::model::Sector>,
    value: CellValue,
}

struct Builder<'a> {
    draft: &'a Draft,
    reference: &'a Dataset,
    names: NameIndex<'a>,
    lang: Lang,
    style: NumberStyle,
    /// Codes of the areas used, with the area records to write.
    areas: Vec<Area>,
    sources: Vec<String>,
    obs: Vec<String>,
    cells: Vec<(usize, usize)>,
    /// (area, date, sector) of each row written, with its row.
    seen: Vec<(String, String, Option<crate::model::Sector>, usize)>,
    /// Whether an amount of money was left out for want of its scale.
    unscaled: bool,
}

impl Builder<'_> {
    fn cell(&self, row: usize, role: Role) -> Option<(usize, &str)> {
        self.draft.column(role).map(|c| (c, self.draft.table.cell(row, c).trim()))
    }

    /// Reads one row: its area and sector, then the value and date of each column of figures
    /// (`figures`, see [`figure_columns`]; an empty cell of a wide table is no figure). A row whose
    /// cells are all empty is skipped; each problem is at its cell.
    fn row(&mut self, row: usize, area_col: usize, figures: &[(usize, Option<String>)], issues: &mut Vec<Issue>) {
        if self.draft.table.rows[row].iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let mut fail = |col: usize, kind: IssueKind| issues.push(Issue { place: Place::Cell { row, col }, kind });
        let area = self.area(self.draft.table.cell(row, area_col)).map_err(|k| fail(area_col, k)).ok();
        let sector = match self.cell(row, Role::Sector) {
            Some((_, "")) | None => Some(None),
            Some((col, text)) => super::cell::read_sector(text).map(Some).map_err(|e| fail(col, IssueKind::Cell(e))).ok(),
        };
        let mut read = Vec::new();
        for (col, header_date) in figures {
            let text = self.draft.table.cell(row, *col);
            if header_date.is_some() && text.trim().is_empty() {
                continue;
            }
            let value = read_value(text, self.style).map_err(|e| fail(*col, IssueKind::Cell(e))).ok();
            let date = match (header_date, self.cell(row, Role::Date)) {
                (Some(d), _) => Some(d.clone()),
                (None, Some((c, text))) => read_date(text).map_err(|e| fail(c, IssueKind::Cell(e))).ok(),
                (None, None) => read_date(&self.draft.date).ok(),
            };
            read.push((*col, value, date));
        }
        let (Some(area), Some(sector)) = (area, sector) else { return };
        for (col, value, date) in read {
            if let (Some(value), Some(date)) = (value, date) {
                self.figure(Figure { row, col, area_col, area: area.clone(), date, sector, value }, issues);
            }
        }
    }

    /// Writes one figure, unless an earlier one has the same area, date and sector.
    fn figure(&mut self, f: Figure, issues: &mut Vec<Issue>) {
        let Figure { row, col, area_col, area, date, sector, value } = f;
        // one table, one source: a second figure for the same area, date and sector is a slip
        if let Some(&(_, _, _, first)) = self.seen.iter().find(|(a, d, s, _)| *a == area && *d == date && *s == sector) {
            let issue = Issue { place: Place::Cell { row, col: area_col }, kind: IssueKind::RepeatedRow(first) };
            if !issues.contains(&issue) {
                issues.push(issue);
            }
            return;
        }
        self.seen.push((area.clone(), date.clone(), sector, row));
        // an amount whose scale nobody said is not guessed (the scale menu says so)
        if super::money::unscaled(self.draft, &value) {
            self.unscaled = true;
            return;
        }
        let Some(value_json) = self.value_json(&value) else {
            issues.push(Issue { place: Place::Cell { row, col }, kind: IssueKind::Cell(CellIssue::TooManyDigits) });
            return;
        };
        let source = self.row_source(row);
        let quote = self.cell(row, Role::Quote).map(|(_, q)| q).filter(|q| !q.is_empty()).unwrap_or(self.draft.source.quote.trim());
        let o = Object::default()
            .text("area", &area)
            .text("date", &date)
            .text("metric", self.draft.metric.key())
            .text("sector", sector.map(|s| s.key()).unwrap_or(""))
            .raw("value", &value_json)
            .text("qualifier", value.qualifier.unwrap_or(self.draft.qualifier).key())
            .text("unit", self.draft.unit.key())
            .text("source", &source)
            .text("scope", self.draft.scope.trim())
            .text("quote", quote)
            .text("note", self.cell(row, Role::Note).map(|(_, n)| n).unwrap_or(""));
        self.obs.push(o.done());
        self.cells.push((row, col));
    }

    fn value_json(&self, v: &CellValue) -> Option<String> {
        let scale = v.scale.or(self.draft.scale).unwrap_or(0);
        let scale = if self.draft.unit.is_money() { scale } else { v.scale.map_or(0, |_| scale) };
        let low = v.low.times_ten_to(scale)?.json();
        Some(match v.high {
            None => low,
            Some(h) => {
                let high = h.times_ten_to(scale)?.json();
                let open = if v.high_open { ",\"high_open\":true" } else { "" };
                format!("{{\"low\":{low},\"high\":{high}{open}}}")
            }
        })
    }

    /// The source id of a row: the table's (`s1`), or one made of the row's own publisher or URL.
    fn row_source(&mut self, row: usize) -> String {
        let publisher = self.cell(row, Role::Publisher).map(|(_, p)| p.to_string()).unwrap_or_default();
        let url = self.cell(row, Role::Url).map(|(_, u)| u.to_string()).unwrap_or_default();
        if publisher.is_empty() && url.is_empty() {
            return "s1".into();
        }
        let s = &self.draft.source;
        let publisher = if publisher.is_empty() { s.publisher.trim().to_string() } else { publisher };
        let url = if url.is_empty() { s.url.trim().to_string() } else { url };
        let title = if s.title.trim().is_empty() { missing(self.lang) } else { s.title.trim() };
        let body = |id: &str| {
            let published = read_date(&s.published).unwrap_or_default();
            Object::default().text("id", id).text("publisher", &publisher).text("title", title).text("url", &url).text("published", &published).done()
        };
        if let Some(i) = (1..self.sources.len()).find(|&i| self.sources[i] == body(&format!("s{}", i + 1))) {
            return format!("s{}", i + 1);
        }
        let id = format!("s{}", self.sources.len() + 1);
        self.sources.push(body(&id));
        id
    }

    /// The code of a typed area name, adding it (and the areas it is part of) to the file.
    fn area(&mut self, typed: &str) -> Result<String, IssueKind> {
        if typed.trim().is_empty() {
            return Err(IssueKind::Cell(CellIssue::Empty));
        }
        let code = match self.names.find(typed) {
            NameMatch::Known(code) => code,
            NameMatch::Unknown { suggestion } => {
                let folded = crate::explore::search::fold(typed);
                let Some(new) = self.draft.new_areas.iter().find(|n| crate::explore::search::fold(&n.name) == folded) else {
                    return Err(IssueKind::UnknownArea { typed: typed.trim().to_string(), suggestion });
                };
                return self.add_new(typed.trim(), &new.parent.clone());
            }
        };
        self.add_known(&code);
        Ok(code)
    }

    fn add_known(&mut self, code: &str) {
        let mut next = Some(code.to_string());
        while let Some(c) = next.take() {
            if self.areas.iter().any(|a| a.code == c) {
                return;
            }
            let Some(a) = self.reference.area(&c) else { return };
            next.clone_from(&a.part_of);
            self.areas.push(a.clone());
        }
    }

    fn add_new(&mut self, typed: &str, parent: &str) -> Result<String, IssueKind> {
        if self.reference.area(parent).is_none() {
            return Err(IssueKind::UnknownArea { typed: typed.to_string(), suggestion: None });
        }
        if let Some(a) = self.areas.iter().find(|a| a.name == typed && a.part_of.as_deref() == Some(parent)) {
            return Ok(a.code.clone());
        }
        let taken: Vec<String> = self.areas.iter().map(|a| a.code.clone()).chain(self.reference.areas.iter().map(|a| a.code.clone())).collect();
        let code = new_code(parent, typed, &taken);
        self.add_known(parent);
        let level = crate::model::Level::City;
        self.areas.push(Area { code: code.clone(), name: typed.to_string(), short: None, name_en: None, level, official_code: None, part_of: Some(parent.into()) });
        Ok(code)
    }

    fn json(&self, today: &str) -> String {
        let areas: Vec<String> = self.areas.iter().map(super::json_out::area).collect();
        let title = if self.draft.title.trim().is_empty() { self.draft.metric.label(crate::i18n::Lang::Vi) } else { self.draft.title.trim() };
        format!(
            "{{\n\"format\": \"htx-charts/1\",\n\"title\": {},\n\"updated\": {},\n\"sources\": {},\n\"areas\": {},\n\"observations\": {}\n}}\n",
            string(title),
            string(today),
            array(&self.sources),
            array(&areas),
            array(&self.obs)
        )
    }
}

/// Where a loader problem is in the editor: an observation's field at its cell (`cells`: the
/// row and value column of each observation; a wide table's date is its value's cell too).
fn place_of(draft: &Draft, section: Section, index: usize, field: Option<&str>, cells: &[(usize, usize)]) -> Place {
    let field_place = |f: Field| Place::Field(f);
    match section {
        Section::Observations => {
            let Some(&(row, value_col)) = cells.get(index) else { return field_place(Field::Columns) };
            let role = match field {
                Some("area") => Some(Role::Area),
                Some("date") => Some(Role::Date),
                Some("sector") => Some(Role::Sector),
                Some("note") => Some(Role::Note),
                Some("quote") => Some(Role::Quote),
                _ => None,
            };
            let wide = super::wide::is_wide(draft);
            match (role.and_then(|r| draft.column(r)), field) {
                (_, Some("value" | "unit" | "qualifier")) => Place::Cell { row, col: value_col },
                (_, Some("date")) if wide => Place::Cell { row, col: value_col },
                (Some(col), _) => Place::Cell { row, col },
                (None, Some("date")) => field_place(Field::Date),
                (None, Some("quote")) => field_place(Field::Quote),
                _ => Place::Row(row),
            }
        }
        Section::Sources => match field {
            Some("publisher") => field_place(Field::Publisher),
            Some("title") => field_place(Field::Title),
            Some("url") => field_place(Field::Url),
            Some("published") => field_place(Field::Published),
            _ => field_place(Field::Publisher),
        },
        _ => field_place(Field::Columns),
    }
}
