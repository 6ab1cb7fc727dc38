//! The editor's problems in words, one place per language.

use super::cell::CellIssue;
use super::compile::{Field, IssueKind};
use super::money::{scale_words, SmallMoney};
use crate::i18n::Lang;
use crate::model::Dataset;

/// The label of a field outside the table, as the page shows it.
pub fn field_label(f: Field, lang: Lang) -> &'static str {
    match f {
        Field::Publisher => lang.pick("Đơn vị công bố", "Publisher"),
        Field::Title => lang.pick("Tiêu đề", "Title"),
        Field::Published => lang.pick("Ngày công bố", "Date published"),
        Field::Url => lang.pick("Địa chỉ (URL)", "Address (URL)"),
        Field::Quote => lang.pick("Câu hoặc bảng gốc chứa số liệu", "The sentence or table the figures come from"),
        Field::Date => lang.pick("Thời điểm của số liệu", "Date of the figures"),
        Field::Scale => lang.pick("Số trong bảng tính bằng", "The table's numbers are in"),
        Field::Columns => lang.pick("Cột", "Columns"),
    }
}

fn cell_reason(c: &CellIssue, lang: Lang) -> String {
    match (c, lang) {
        (CellIssue::Empty, Lang::Vi) => "ô trống".into(),
        (CellIssue::Empty, Lang::En) => "empty cell".into(),
        (CellIssue::NotANumber(t), Lang::Vi) => format!("“{t}” không phải là số (viết như 1.017,52 hoặc hơn 1.000)"),
        (CellIssue::NotANumber(t), Lang::En) => format!("“{t}” is not a number (write 1,017.52 or more than 1,000)"),
        (CellIssue::Negative(t), Lang::Vi) => format!("“{t}” là số âm: ở đây không nhận số âm (viết số từ 0 trở lên)"),
        (CellIssue::Negative(t), Lang::En) => format!("“{t}” is negative: negative values are not accepted here (write 0 or more)"),
        (CellIssue::UnknownWords(w), Lang::Vi) => format!("không hiểu “{w}” sau con số"),
        (CellIssue::UnknownWords(w), Lang::En) => format!("“{w}” after the number is not understood"),
        (CellIssue::NotADate(t), Lang::Vi) => format!("“{t}” không phải ngày (viết 2024, 12/2024 hoặc 31/12/2024)"),
        (CellIssue::NotADate(t), Lang::En) => format!("“{t}” is not a date (write 2024, 12/2024 or 31/12/2024)"),
        (CellIssue::UnknownSector(t), Lang::Vi) => format!("không có lĩnh vực “{t}”"),
        (CellIssue::UnknownSector(t), Lang::En) => format!("no sector is called “{t}”"),
        (CellIssue::RangeBackwards, Lang::Vi) => "khoảng có số đầu lớn hơn số cuối".into(),
        (CellIssue::RangeBackwards, Lang::En) => "the range's first number is above its last".into(),
        (CellIssue::TooManyDigits, Lang::Vi) => "số quá nhiều chữ số".into(),
        (CellIssue::TooManyDigits, Lang::En) => "too many digits".into(),
    }
}

/// A problem's reason in a language; `areas` names a suggested area.
pub fn reason(kind: &IssueKind, areas: &Dataset, lang: Lang) -> String {
    match (kind, lang) {
        (IssueKind::Cell(c), _) => cell_reason(c, lang),
        (IssueKind::UnknownArea { typed, suggestion }, _) => {
            let name = suggestion.as_deref().and_then(|c| areas.area(c)).map(|a| a.name.clone());
            match (name, lang) {
                (Some(n), Lang::Vi) => format!("không có địa bàn “{typed}”: có phải “{n}”? Hoặc xác nhận đây là địa bàn mới"),
                (Some(n), Lang::En) => format!("no area is called “{typed}”: did you mean “{n}”? Or confirm it as a new area"),
                (None, Lang::Vi) => format!("không có địa bàn “{typed}”: sửa tên, hoặc xác nhận đây là địa bàn mới và chọn tỉnh của nó"),
                (None, Lang::En) => format!("no area is called “{typed}”: correct the name, or confirm it as a new area in its province"),
            }
        }
        (IssueKind::Missing, Lang::Vi) => "bắt buộc, chưa nhập".into(),
        (IssueKind::Missing, Lang::En) => "required, still empty".into(),
        (IssueKind::NoColumn(r), Lang::Vi) => format!("chưa có cột “{}”: chọn vai trò của các cột", r.label(lang)),
        (IssueKind::NoColumn(r), Lang::En) => format!("no “{}” column: choose what each column holds", r.label(lang)),
        (IssueKind::NoRows, Lang::Vi) => "bảng chưa có dòng số liệu nào".into(),
        (IssueKind::NoRows, Lang::En) => "the table has no row of figures".into(),
        (IssueKind::YearsWithoutHeader, Lang::Vi) => "các cột năm cần dòng tiêu đề: đánh dấu “Dòng đầu là tiêu đề cột”".into(),
        (IssueKind::YearsWithoutHeader, Lang::En) => "columns of years need the header row: tick “The first row holds column headers”".into(),
        (IssueKind::RepeatedRow(r), Lang::Vi) => format!("dòng {} đã có số liệu của địa bàn này, cùng thời điểm và lĩnh vực", r + 1),
        (IssueKind::RepeatedRow(r), Lang::En) => format!("row {} already has a figure for this area, date and sector", r + 1),
        (IssueKind::NoScale, Lang::Vi) => "chọn đơn vị của các số trong bảng: đồng, nghìn, triệu hay tỷ đồng (số tiền không được tự hiểu là đồng)".into(),
        (IssueKind::NoScale, Lang::En) => "choose what the table's numbers are in: VND, thousand, million or billion VND (amounts are never taken as VND by default)".into(),
        (IssueKind::TooSmall(s), _) => too_small(s, lang),
        (IssueKind::Load(p), _) => p.reason(lang),
    }
}

/// An amount too small for its metric, with the units she likely meant: "1.234,5 đồng là quá nhỏ
/// cho Vốn điều lệ (ít nhất 1 triệu đồng): có phải 1.234,5 triệu đồng hoặc 1.234,5 tỷ đồng? …".
fn too_small(s: &SmallMoney, lang: Lang) -> String {
    let n = |x: f64| crate::format::number(x, lang);
    let typed = match s.high {
        Some(h) => format!("{} – {}", n(s.low), n(h)),
        None => n(s.low),
    };
    let min = crate::format::amount(s.min, s.unit, lang);
    let metric = s.metric.label(lang);
    let (or, now) = (lang.pick(" hoặc ", " or "), scale_words(s.scale, lang));
    let meant = s.likely.iter().map(|p| format!("{typed} {}", scale_words(*p, lang))).collect::<Vec<_>>().join(or);
    let meant = match (meant.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Vi) => format!(" có phải {meant}?"),
        (false, Lang::En) => format!(" did you mean {meant}?"),
    };
    let fix = match (s.in_cell, lang) {
        (true, Lang::Vi) => "Sửa đơn vị ghi trong ô".to_string(),
        (true, Lang::En) => "Correct the unit written in the cell".to_string(),
        (false, Lang::Vi) => format!("Chọn đơn vị ở “{}”", field_label(Field::Scale, lang)),
        (false, Lang::En) => format!("Choose the unit in “{}”", field_label(Field::Scale, lang)),
    };
    match lang {
        Lang::Vi => format!("{typed} {now} là quá nhỏ cho “{metric}” (ít nhất {min}):{meant} {fix}"),
        Lang::En => format!("{typed} {now} is too small for “{metric}” (at least {min}):{meant} {fix}"),
    }
}

/// How a wide table was read, for the line above it: "one column per year" (or per date when a
/// header is not a plain year), naming the columns' dates; `None` for a long table.
pub fn wide_note(dates: &[String], lang: Lang) -> Option<String> {
    if dates.is_empty() {
        return None;
    }
    let years = dates.iter().all(|d| d.len() == 4);
    let list = dates.join(", ");
    Some(match (years, lang) {
        (true, Lang::Vi) => format!("Bảng được đọc theo dạng mỗi cột một năm ({list}): mỗi ô là số liệu của địa bàn trong năm ở tiêu đề; ô trống là không có số liệu."),
        (false, Lang::Vi) => format!("Bảng được đọc theo dạng mỗi cột một thời điểm ({list}): mỗi ô là số liệu của địa bàn tại thời điểm ở tiêu đề; ô trống là không có số liệu."),
        (true, Lang::En) => format!("Read as one column per year ({list}): each cell is the area's figure for the year in its header; an empty cell is no figure."),
        (false, Lang::En) => format!("Read as one column per date ({list}): each cell is the area's figure at the date in its header; an empty cell is no figure."),
    })
}
