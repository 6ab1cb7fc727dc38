//! What was wrong with a record that was left out.

use crate::format;
use crate::i18n::Lang;
use crate::model::Unit;

/// The part of the file a record is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The top level of the file.
    File,
    /// `sources[]`.
    Sources,
    /// `areas[]`.
    Areas,
    /// `observations[]`.
    Observations,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::File => "file",
            Section::Sources => "sources",
            Section::Areas => "areas",
            Section::Observations => "observations",
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The record is not a JSON object.
    NotAnObject,
    /// A required field is missing.
    Missing,
    /// A field has the wrong JSON type.
    WrongType(&'static str),
    /// A field this format does not know.
    UnknownField,
    /// A text field is empty.
    Empty,
    /// A text field is too long.
    TooLong(usize),
    /// A value outside the allowed list.
    NotAllowed(String),
    /// An id or code used twice.
    Duplicate(String),
    /// A reference to an area or source that does not exist (or was left out).
    UnknownReference(String),
    /// A number that is not finite.
    NotFinite,
    /// A negative number.
    Negative,
    /// A count that is not a whole number.
    NotWhole,
    /// A share over 100 %.
    ShareOver100,
    /// A range whose low end is above its high end.
    RangeInverted,
    /// A unit the metric does not allow.
    UnitNotAllowed {
        /// The unit given.
        unit: String,
        /// The metric.
        metric: String,
    },
    /// A rating share without a rating class, or a rating class on another metric.
    Rating,
    /// A date that does not parse.
    BadDate(String),
    /// A URL that is not http or https.
    BadUrl(String),
    /// An observation that repeats an earlier one exactly (the record index of the first).
    DuplicateOf(usize),
    /// An observation dated after the file's `updated` date.
    AfterUpdated {
        /// The observation's date, as written.
        date: String,
        /// The file's `updated` date, as written.
        updated: String,
    },
    /// A value beyond any plausible size for its unit.
    Implausible {
        /// The largest plausible value.
        max: f64,
        /// The unit.
        unit: Unit,
    },
    /// An amount of money below any plausible size for its metric (a figure in tỷ or triệu
    /// đồng written as đồng).
    ImplausiblySmall {
        /// The smallest plausible value.
        min: f64,
        /// The unit.
        unit: Unit,
    },
    /// A range whose high end is more than 10 times its low end.
    RangeTooWide,
    /// Areas whose `part_of` links form a cycle ("A → B → A").
    PartOfCycle(String),
}

impl ProblemKind {
    /// What is wrong, without where, in the given language ("số âm").
    pub fn reason(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (self, lang) {
            (NotAnObject, Lang::Vi) => "bản ghi không phải đối tượng JSON".to_string(),
            (NotAnObject, Lang::En) => "record is not a JSON object".to_string(),
            (Missing, Lang::Vi) => "thiếu trường bắt buộc".to_string(),
            (Missing, Lang::En) => "required field missing".to_string(),
            (WrongType(t), Lang::Vi) => format!("sai kiểu, cần {t}"),
            (WrongType(t), Lang::En) => format!("wrong type, expected {t}"),
            (UnknownField, Lang::Vi) => "trường không có trong định dạng".to_string(),
            (UnknownField, Lang::En) => "field not in the format".to_string(),
            (Empty, Lang::Vi) => "để trống".to_string(),
            (Empty, Lang::En) => "empty".to_string(),
            (TooLong(n), Lang::Vi) => format!("quá dài (tối đa {n} ký tự)"),
            (TooLong(n), Lang::En) => format!("too long (at most {n} characters)"),
            (NotAllowed(v), Lang::Vi) => format!("giá trị “{v}” không hợp lệ"),
            (NotAllowed(v), Lang::En) => format!("value “{v}” is not allowed"),
            (Duplicate(v), Lang::Vi) => format!("mã “{v}” bị trùng"),
            (Duplicate(v), Lang::En) => format!("“{v}” is used twice"),
            (UnknownReference(v), Lang::Vi) => format!("không tìm thấy “{v}”"),
            (UnknownReference(v), Lang::En) => format!("“{v}” does not exist"),
            (NotFinite, Lang::Vi) => "không phải số hữu hạn".to_string(),
            (NotFinite, Lang::En) => "not a finite number".to_string(),
            (Negative, Lang::Vi) => "số âm".to_string(),
            (Negative, Lang::En) => "negative".to_string(),
            (NotWhole, Lang::Vi) => "số đếm phải là số nguyên".to_string(),
            (NotWhole, Lang::En) => "a count must be a whole number".to_string(),
            (ShareOver100, Lang::Vi) => "tỷ lệ lớn hơn 100%".to_string(),
            (ShareOver100, Lang::En) => "share over 100%".to_string(),
            (RangeInverted, Lang::Vi) => "khoảng có cận dưới lớn hơn cận trên".to_string(),
            (RangeInverted, Lang::En) => "range low end above high end".to_string(),
            (UnitNotAllowed { unit, metric }, Lang::Vi) => format!("đơn vị “{unit}” không dùng cho chỉ tiêu “{metric}”"),
            (UnitNotAllowed { unit, metric }, Lang::En) => format!("unit “{unit}” not allowed for metric “{metric}”"),
            (Rating, Lang::Vi) => "rating_share cần trường rating (và chỉ rating_share có rating)".to_string(),
            (Rating, Lang::En) => "rating_share needs a rating (and only rating_share has one)".to_string(),
            (BadDate(v), Lang::Vi) => format!("ngày “{v}” không hợp lệ (YYYY, YYYY-MM, YYYY-MM-DD hoặc BẮT ĐẦU/KẾT THÚC)"),
            (BadDate(v), Lang::En) => format!("date “{v}” is not valid (YYYY, YYYY-MM, YYYY-MM-DD or START/END)"),
            (BadUrl(v), Lang::Vi) => format!("địa chỉ “{v}” không phải http(s)"),
            (BadUrl(v), Lang::En) => format!("address “{v}” is not http(s)"),
            (DuplicateOf(k), Lang::Vi) => format!("bản ghi trùng với bản ghi #{k} (observations[{k}])"),
            (DuplicateOf(k), Lang::En) => format!("same record as #{k} (observations[{k}])"),
            (AfterUpdated { date, updated }, Lang::Vi) => format!("ngày “{date}” muộn hơn ngày cập nhật của tệp ({updated})"),
            (AfterUpdated { date, updated }, Lang::En) => format!("date “{date}” is after the file's updated date ({updated})"),
            (Implausible { max, unit }, Lang::Vi) => {
                format!("giá trị lớn quá mức có thể có (tối đa {})", format::amount(*max, *unit, lang))
            }
            (Implausible { max, unit }, Lang::En) => {
                format!("value beyond any plausible size (at most {})", format::amount(*max, *unit, lang))
            }
            (ImplausiblySmall { min, unit }, Lang::Vi) => {
                format!("giá trị nhỏ quá mức có thể có (ít nhất {}): số có bị ghi thiếu đơn vị (nghìn, triệu, tỷ đồng) không?", format::amount(*min, *unit, lang))
            }
            (ImplausiblySmall { min, unit }, Lang::En) => {
                format!("value below any plausible size (at least {}): are the figures in thousands, millions or billions of VND?", format::amount(*min, *unit, lang))
            }
            (RangeTooWide, Lang::Vi) => "khoảng quá rộng: cận trên lớn hơn 10 lần cận dưới".to_string(),
            (RangeTooWide, Lang::En) => "range too wide: high end more than 10 times the low end".to_string(),
            (PartOfCycle(c), Lang::Vi) => format!("part_of tạo thành vòng lặp: {c}"),
            (PartOfCycle(c), Lang::En) => format!("part_of forms a cycle: {c}"),
        }
    }
}

/// One problem found on load.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Section of the file.
    pub section: Section,
    /// Index of the record in its section.
    pub index: usize,
    /// The field at fault, if one.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A new problem.
    pub fn new(section: Section, index: usize, field: Option<&str>, kind: ProblemKind) -> Problem {
        Problem { section, index, field: field.map(str::to_string), kind }
    }

    /// Where it is: "observations[12].value".
    pub fn location(&self) -> String {
        match (&self.section, &self.field) {
            (Section::File, Some(f)) => f.clone(),
            (Section::File, None) => "file".into(),
            (s, Some(f)) => format!("{}[{}].{}", s.name(), self.index, f),
            (s, None) => format!("{}[{}]", s.name(), self.index),
        }
    }

    /// A full sentence in the given language.
    pub fn describe(&self, lang: Lang) -> String {
        let what = self.kind.reason(lang);
        let record = match (self.section, lang) {
            (Section::File, Lang::Vi) => format!("tệp, trường {}", self.location()),
            (Section::File, Lang::En) => format!("file, field {}", self.location()),
            (_, Lang::Vi) => format!("bản ghi {}", self.location()),
            (_, Lang::En) => format!("record {}", self.location()),
        };
        format!("{record}: {what}")
    }
}
