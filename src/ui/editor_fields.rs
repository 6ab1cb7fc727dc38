//! The chart maker's fields outside the table: what the figures measure (metric, unit, scale,
//! qualifier, number style, date) and their source (publisher, title, date, address, sentence),
//! each labelled, with its problem written under it.

use super::context::lang;
use super::editor_state::ed;
use crate::editor::columns::Role;
use crate::editor::draft::{Draft, MONEY_SCALES};
use crate::editor::number::NumberStyle;
use crate::editor::{words, Field};
use crate::i18n::Lang;
use crate::model::{Metric, Qualifier, Unit};
use leptos::prelude::*;

/// A labelled text field of the draft.
#[component]
fn TextField(
    id: &'static str,
    label: (&'static str, &'static str),
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft, String),
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    // an empty required field is not an error before the reader has been in it (the list
    // under "Lấy biểu đồ" still counts it)
    let touched = RwSignal::new(false);
    let issue = Memo::new(move |_| {
        field
            .and_then(|f| state.compiled.with(|c| c.at_field(f).next().map(|i| i.kind.clone())))
            .filter(|k| touched.get() || *k != crate::editor::IssueKind::Missing)
    });
    let reason = move || issue.get().map(|k| words::reason(&k, &state.reference.get_value(), lang.get()));
    let value = move || state.draft.with(|d| get(d).clone());
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        touched.set(true);
        state.edit(|d| set(d, v));
    };
    let on_blur = move |_| touched.set(true);
    let issue_id = format!("{id}-issue");
    let described = move || issue.with(|i| i.is_some()).then(|| format!("{id}-issue"));
    let input = if multiline {
        view! { <textarea id=id data-testid=id rows="3" prop:value=value on:input=on_input on:blur=on_blur aria-invalid=move || issue.with(|i| i.is_some()).to_string() aria-describedby=described></textarea> }.into_any()
    } else {
        view! { <input type="text" id=id data-testid=id prop:value=value on:input=on_input on:blur=on_blur aria-invalid=move || issue.with(|i| i.is_some()).to_string() aria-describedby=described /> }.into_any()
    };
    view! {
        <div class="field" class:bad=move || issue.with(|i| i.is_some())>
            <label for=id>{move || lang.get().pick(label.0, label.1)}</label>
            {input}
            {hint.map(|h| view! { <p class="hint">{move || lang.get().pick(h.0, h.1)}</p> })}
            <p class="field-issue" id=issue_id data-testid="field-issue" hidden=move || issue.with(|i| i.is_none())>{reason}</p>
        </div>
    }
}

/// A labelled menu of the draft; with `field`, the problem there is written under it, and with
/// `placeholder`, a first option for "not chosen yet" (the empty key).
#[component]
fn Menu(
    id: &'static str,
    label: (&'static str, &'static str),
    options: Signal<Vec<(String, String)>>,
    current: Signal<String>,
    set: Callback<String>,
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] placeholder: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let issue = Memo::new(move |_| field.and_then(|f| state.compiled.with(|c| c.at_field(f).next().map(|i| i.kind.clone()))));
    let reason = move || issue.get().map(|k| words::reason(&k, &state.reference.get_value(), lang.get()));
    let described = move || issue.with(|i| i.is_some()).then(|| format!("{id}-issue"));
    view! {
        <div class="field" class:bad=move || issue.with(|i| i.is_some())>
            <label for=id>{move || lang.get().pick(label.0, label.1)}</label>
            <select id=id data-testid=id on:change=move |ev| set.run(event_target_value(&ev))
                aria-invalid=move || issue.with(|i| i.is_some()).to_string() aria-describedby=described>
                {placeholder.map(|p| view! {
                    <option value="" disabled=true selected=move || current.get().is_empty()>{move || lang.get().pick(p.0, p.1)}</option>
                })}
                {move || options.get().into_iter().map(|(k, text)| {
                    let key = k.clone();
                    view! { <option value=k selected=move || current.get() == key>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-issue" id=format!("{id}-issue") data-testid="field-issue" hidden=move || issue.with(|i| i.is_none())>{reason}</p>
        </div>
    }
}

fn unit_label(u: Unit, lang: Lang) -> String {
    u.label(lang).to_string()
}

/// Metric, unit, scale, qualifier, number style, date, scope and title.
#[component]
pub fn MetricFields() -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let d = state.draft;
    let metrics = Signal::derive(move || Metric::ALL.iter().map(|m| (m.key().to_string(), m.label(lang.get()).to_string())).collect());
    let units = Signal::derive(move || d.with(|d| d.metric.allowed_units().iter().map(|u| (u.key().to_string(), unit_label(*u, lang.get()))).collect()));
    let scales = Signal::derive(move || MONEY_SCALES.iter().map(|(p, vi, en)| (p.to_string(), lang.get().pick(vi, en).to_string())).collect());
    let qualifiers = Signal::derive(move || Qualifier::ALL.iter().map(|q| (q.key().to_string(), q.label(lang.get()).to_string())).collect());
    let styles = Signal::derive(move || {
        let l = lang.get();
        vec![
            ("auto".into(), l.pick("Tự nhận biết", "Detect").into()),
            ("vi".into(), l.pick("1.017,52 (Việt Nam)", "1.017,52 (Vietnamese)").into()),
            ("en".into(), l.pick("1,017.52 (tiếng Anh)", "1,017.52 (English)").into()),
        ]
    });
    let money = move || d.with(|d| d.unit.is_money());
    // a wide table's dates are its headers of years
    let no_date_column = move || d.with(|d| d.column(Role::Date).is_none() && !crate::editor::wide::is_wide(d));
    view! {
        <div class="field-grid">
            <Menu id="metric" label=("Chỉ tiêu", "Metric") options=metrics current=Signal::derive(move || d.with(|d| d.metric.key().to_string()))
                set=Callback::new(move |k: String| if let Some(m) = Metric::from_key(&k) { state.edit(|d| d.set_metric(m)) }) />
            <Menu id="unit" label=("Đơn vị", "Unit") options=units current=Signal::derive(move || d.with(|d| d.unit.key().to_string()))
                set=Callback::new(move |k: String| if let Some(u) = Unit::from_key(&k) { state.edit(|d| d.unit = u) }) />
            <Show when=money>
                <Menu id="scale" label=("Số trong bảng tính bằng", "The table's numbers are in") options=scales
                    current=Signal::derive(move || d.with(|d| d.scale.map(|s| s.to_string()).unwrap_or_default()))
                    set=Callback::new(move |k: String| if let Ok(s) = k.parse() { state.edit(|d| d.scale = Some(s)) })
                    field=Field::Scale placeholder=("— Chọn: đồng, nghìn, triệu hay tỷ đồng —", "— Choose: VND, thousand, million or billion —") />
            </Show>
            <Menu id="qualifier" label=("Mức chính xác (khi ô không ghi)", "Qualifier (when a cell says none)") options=qualifiers
                current=Signal::derive(move || d.with(|d| d.qualifier.key().to_string()))
                set=Callback::new(move |k: String| if let Some(q) = Qualifier::from_key(&k) { state.edit(|d| d.qualifier = q) }) />
            <Menu id="number-style" label=("Cách viết số", "Number format") options=styles current=Signal::derive(move || d.with(|d| d.style.key().to_string()))
                set=Callback::new(move |k: String| if let Some(s) = NumberStyle::from_key(&k) { state.edit(|d| d.style = s) }) />
            <Show when=no_date_column>
                <TextField id="table-date" label=("Thời điểm của số liệu", "Date of the figures") get=|d| &d.date set=|d, v| d.date = v field=Field::Date
                    hint=("Bảng không có cột thời điểm: viết 2024, 12/2024 hoặc 31/12/2024.", "The table has no date column: write 2024, 12/2024 or 31/12/2024.") />
            </Show>
            <TextField id="scope" label=("Phạm vi (nếu cần)", "Scope (if needed)") get=|d| &d.scope set=|d, v| d.scope = v
                hint=("Ví dụ: HTX đang hoạt động; gồm cả QTDND.", "For example: operating cooperatives only.") />
            <TextField id="chart-title" label=("Tên biểu đồ (nếu muốn)", "Chart title (optional)") get=|d| &d.title set=|d, v| d.title = v />
        </div>
    }
}

/// The table's source: every field but the address is required.
#[component]
pub fn SourceFields() -> impl IntoView {
    view! {
        <div class="field-grid source-fields">
            <TextField id="publisher" label=("Đơn vị công bố", "Publisher") get=|d| &d.source.publisher set=|d, v| d.source.publisher = v field=Field::Publisher
                hint=("Báo, cơ quan thống kê, Liên minh HTX… đã công bố các số liệu.", "The paper, statistics office or alliance that published the figures.") />
            <TextField id="source-title" label=("Tiêu đề", "Title") get=|d| &d.source.title set=|d, v| d.source.title = v field=Field::Title />
            <TextField id="published" label=("Ngày công bố", "Date published") get=|d| &d.source.published set=|d, v| d.source.published = v field=Field::Published
                hint=("Ví dụ 15/01/2025 hoặc 2025-01-15.", "For example 2025-01-15 or 15/01/2025.") />
            <TextField id="source-url" label=("Địa chỉ (URL, nếu có)", "Address (URL, if any)") get=|d| &d.source.url set=|d, v| d.source.url = v field=Field::Url />
            <TextField id="quote" label=("Câu hoặc bảng gốc chứa số liệu", "The sentence or table the figures come from") get=|d| &d.source.quote set=|d, v| d.source.quote = v field=Field::Quote multiline=true />
        </div>
    }
}
