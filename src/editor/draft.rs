//! What the editor holds: the pasted table, what its columns are, the metric and unit, and the
//! source every figure cites. Kept as typed text, so nothing she typed is lost while it is wrong.

use super::columns::Role;
use super::number::NumberStyle;
use super::table::Table;
use crate::i18n::Lang;
use crate::model::{Metric, Qualifier, Unit};

/// The source of the table's figures (one for the whole table; a row may name its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceDraft {
    /// Who published the figures ("Đơn vị công bố").
    pub publisher: String,
    /// The title of the article or report ("Tiêu đề").
    pub title: String,
    /// When it was published (`2025-01-15`, `15/01/2025`).
    pub published: String,
    /// Where it can be read (optional).
    pub url: String,
    /// The sentence or table the figures come from.
    pub quote: String,
}

/// An area she confirmed as new: a name no area of the dataset has, placed below a province.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArea {
    /// The name as typed in the table.
    pub name: String,
    /// The code of the province it belongs to (`P14`).
    pub parent: String,
}

/// The editor's whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The table as pasted (and edited).
    pub table: Table,
    /// Whether the first row is a header.
    pub header: bool,
    /// What each column holds.
    pub roles: Vec<Role>,
    /// What the figures measure.
    pub metric: Metric,
    /// Their unit (one the metric allows).
    pub unit: Unit,
    /// The power of ten the value column is written in (9 for "tỷ đồng"), for amounts of money;
    /// `None` until she chooses it (or the header names it): an amount is never taken to be in
    /// đồng by default.
    pub scale: Option<u32>,
    /// The qualifier of a cell that says none.
    pub qualifier: Qualifier,
    /// How the numbers are written.
    pub style: NumberStyle,
    /// The date of every figure when the table has no date column.
    pub date: String,
    /// What the figures cover when it is not plain ("HTX đang hoạt động"), optional.
    pub scope: String,
    /// The chart's title (optional: the metric's name otherwise).
    pub title: String,
    /// The table's source.
    pub source: SourceDraft,
    /// New areas she confirmed.
    pub new_areas: Vec<NewArea>,
}

impl Default for Draft {
    fn default() -> Draft {
        Draft {
            table: Table::default(),
            header: true,
            roles: Vec::new(),
            metric: Metric::Cooperatives,
            unit: Unit::Cooperatives,
            scale: None,
            qualifier: Qualifier::Exact,
            style: NumberStyle::Auto,
            date: String::new(),
            scope: String::new(),
            title: String::new(),
            source: SourceDraft::default(),
            new_areas: Vec::new(),
        }
    }
}

impl Draft {
    /// A draft of a pasted text: the table, and its columns guessed from the header or cells.
    pub fn paste(&self, text: &str) -> Draft {
        let table = super::table::parse(text);
        let (header, roles) = super::columns::guess(&table.rows);
        let mut d = Draft { table, header, roles, ..self.clone() };
        d.metric_from_header();
        d
    }

    /// The metric (and, for money, the scale) the value column's header names: "Số thành viên",
    /// "Vốn điều lệ (tỷ đồng)". Nothing changes when it names none.
    fn metric_from_header(&mut self) {
        let Some(col) = self.column(Role::Value).filter(|_| self.header) else { return };
        let h = crate::explore::search::fold(self.table.cell(0, col));
        let named = Metric::ALL
            .iter()
            .flat_map(|m| [m.label(Lang::Vi), m.label(Lang::En)].map(|l| (crate::explore::search::fold(l), *m)))
            .filter(|(l, _)| h.contains(l.as_str()))
            .max_by_key(|(l, _)| l.len());
        if let Some((_, m)) = named {
            self.set_metric(m);
        }
        if self.unit.is_money() {
            // the cells' scale words, then plain "đồng"
            let words = super::cell::SCALES.iter().chain(&[("dong", 0)]);
            let has = |w: &str| h.split(|c: char| !c.is_alphanumeric()).collect::<Vec<_>>().windows(w.split(' ').count()).any(|ws| ws.join(" ") == w);
            if let Some((_, p)) = words.into_iter().find(|(w, _)| has(w)) {
                self.scale = Some(*p);
            }
        }
    }

    /// The first data row's index in the table.
    pub fn first_row(&self) -> usize {
        usize::from(self.header && !self.table.rows.is_empty())
    }

    /// The column holding `role`, if one does.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    /// Sets the metric, and the unit to its first allowed one when the current one does not fit;
    /// a metric that is not money forgets the scale (money again asks for it).
    pub fn set_metric(&mut self, metric: Metric) {
        self.metric = metric;
        if !metric.allowed_units().contains(&self.unit) {
            self.unit = metric.allowed_units()[0];
        }
        if !self.unit.is_money() {
            self.scale = None;
        }
    }

    /// Gives `col` the role `role`; the column that had it before is ignored (a role is held once,
    /// but for [`Role::ByDate`]). A table is long or wide: a column of values for the year in its
    /// header ends the value and date columns, and either of those ends the columns of years.
    pub fn set_role(&mut self, col: usize, role: Role) {
        if self.roles.len() < self.table.width() {
            self.roles.resize(self.table.width(), Role::Ignore);
        }
        let ends = |r: Role| match role {
            Role::Ignore => false,
            Role::ByDate => matches!(r, Role::Value | Role::Date),
            Role::Value | Role::Date => r == role || r == Role::ByDate,
            _ => r == role,
        };
        for r in self.roles.iter_mut().filter(|r| ends(**r)) {
            *r = Role::Ignore;
        }
        if let Some(r) = self.roles.get_mut(col) {
            *r = role;
        }
    }

    /// Removes a row of the table (her other rows keep their order).
    pub fn remove_row(&mut self, row: usize) {
        if row < self.table.rows.len() {
            self.table.rows.remove(row);
        }
    }

    /// Sets one cell's text.
    pub fn set_cell(&mut self, row: usize, col: usize, text: &str) {
        if let Some(c) = self.table.rows.get_mut(row).and_then(|r| r.get_mut(col)) {
            *c = text.to_string();
        }
    }
}

/// Scales a value column can be written in, for amounts of money: (power of ten, vi, en).
pub const MONEY_SCALES: [(u32, &str, &str); 4] =
    [(0, "đồng", "VND"), (3, "nghìn đồng", "thousand VND"), (6, "triệu đồng", "million VND"), (9, "tỷ đồng", "billion VND")];
