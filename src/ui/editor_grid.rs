//! The chart maker's table: a select per column for what it holds, an input per cell, and each
//! problem written at its cell (with the fix for an unknown area: the suggested name, or a new
//! area confirmed in its province).

use super::context::lang;
use super::editor_state::ed;
use crate::editor::columns::Role;
use crate::editor::draft::NewArea;
use crate::editor::{words, IssueKind};
use crate::model::Level;
use leptos::prelude::*;

/// The table being edited.
#[component]
pub fn TableGrid() -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let width = Memo::new(move |_| state.draft.with(|d| d.table.width()));
    let rows = Memo::new(move |_| state.draft.with(|d| d.table.rows.len()));
    let first = Memo::new(move |_| state.draft.with(|d| d.first_row()));
    let empty = move || rows.get() == 0;
    view! {
        <Show when=move || !empty() fallback=move || view! {
            <p class="notice info" data-testid="no-table">{move || lang.get().pick("Chưa có bảng: dán một bảng hoặc mở một tệp.", "No table yet: paste one or open a file.")}</p>
        }>
            {move || state.draft.with(|d| words::wide_note(&crate::editor::wide::dates(d), lang.get())).map(|t| view! {
                <p class="notice info" data-testid="wide-note" role="status">{t}</p>
            })}
            <p class="grid-options">
                <label><input type="checkbox" data-testid="has-header" prop:checked=move || state.draft.with(|d| d.header)
                    on:change=move |ev| state.edit(|d| d.header = event_target_checked(&ev)) />
                    {move || lang.get().pick(" Dòng đầu là tiêu đề cột", " The first row holds column headers")}</label>
            </p>
            <div class="grid-scroll">
                <table class="editor-grid" data-testid="grid">
                    <thead><tr>
                        <th scope="col">{move || lang.get().pick("Dòng", "Row")}</th>
                        <For each=move || 0..width.get() key=|c| *c let:col>
                            <th scope="col"><RoleSelect col=col /></th>
                        </For>
                        <th scope="col"><span class="visually-hidden">{move || lang.get().pick("Xoá dòng", "Remove row")}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || first.get()..rows.get() key=|r| *r let:row>
                            <tr data-row=row>
                                <th scope="row">{row + 1}</th>
                                <For each=move || 0..width.get() key=|c| *c let:col>
                                    <Cell row=row col=col />
                                </For>
                                <td class="row-remove">
                                    <button type="button" data-testid="remove-row" aria-label=move || format!("{} {}", lang.get().pick("Xoá dòng", "Remove row"), row + 1)
                                        title=move || lang.get().pick("Xoá dòng này", "Remove this row") on:click=move |_| state.edit(|d| d.remove_row(row))>"×"</button>
                                </td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="actions">
                <button type="button" data-testid="add-row" on:click=move |_| state.edit(|d| {
                    let w = d.table.width().max(1);
                    d.table.rows.push(vec![String::new(); w]);
                })>{move || lang.get().pick("Thêm dòng", "Add a row")}</button>
            </p>
        </Show>
    }
}

#[component]
fn RoleSelect(col: usize) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let header = move || state.draft.with(|d| if d.header { d.table.cell(0, col).to_string() } else { String::new() });
    let current = move || state.draft.with(|d| d.roles.get(col).copied().unwrap_or(Role::Ignore));
    let on_change = move |ev| {
        if let Some(r) = Role::from_key(&event_target_value(&ev)) {
            state.edit(|d| d.set_role(col, r));
        }
    };
    // a header cell's problem (a column of years whose header is not a date) is under its menu
    let issues = Memo::new(move |_| state.compiled.with(|c| if state.draft.with(|d| d.header) { c.at_cell(0, col).map(|i| i.kind.clone()).collect() } else { Vec::new() }));
    let reason = move || issues.get().iter().map(|k| words::reason(k, &state.reference.get_value(), lang.get())).collect::<Vec<_>>().join("; ");
    view! {
        <span class="col-header">{header}</span>
        <select id=format!("role-{col}") data-testid=format!("role-{col}") aria-invalid=move || issues.with(|i| !i.is_empty()).to_string() aria-label=move || format!("{} {}", lang.get().pick("Cột", "Column"), col + 1) on:change=on_change>
            {Role::ALL.iter().map(|&r| view! { <option value=r.key() selected=move || current() == r>{move || r.label(lang.get())}</option> }).collect_view()}
        </select>
        <Show when=move || issues.with(|i| !i.is_empty())>
            <p class="cell-issue" data-testid="header-issue" role="note">{reason}</p>
        </Show>
    }
}

#[component]
fn Cell(row: usize, col: usize) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let issue_id = format!("cell-{row}-{col}-issue");
    let issues = Memo::new(move |_| state.compiled.with(|c| c.at_cell(row, col).map(|i| i.kind.clone()).collect::<Vec<_>>()));
    let bad = move || issues.with(|i| !i.is_empty());
    let role_label = move || state.draft.with(|d| d.roles.get(col).copied().unwrap_or(Role::Ignore).label(lang.get()));
    let label = move || format!("{} {}, {}", lang.get().pick("Dòng", "Row"), row + 1, role_label());
    view! {
        <td class:bad=bad data-cell=format!("{row}-{col}")>
            <input type="text" id=format!("cell-{row}-{col}") aria-label=label aria-invalid=move || bad().to_string() aria-describedby=move || bad().then(|| issue_id.clone())
                prop:value=move || state.draft.with(|d| d.table.cell(row, col).to_string())
                on:input=move |ev| state.edit(|d| d.set_cell(row, col, &event_target_value(&ev))) />
            <Show when=bad>
                <div class="cell-issue" id=format!("cell-{row}-{col}-issue") data-testid="cell-issue" role="note">
                    {move || issues.get().into_iter().map(|k| view! { <IssueText kind=k row=row col=col /> }).collect_view()}
                </div>
            </Show>
        </td>
    }
}

#[component]
fn IssueText(kind: IssueKind, row: usize, col: usize) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let text = {
        let kind = kind.clone();
        move || words::reason(&kind, &state.reference.get_value(), lang.get())
    };
    let fix = match kind {
        IssueKind::UnknownArea { typed, suggestion } => Some(view! { <AreaFix typed=typed suggestion=suggestion row=row col=col /> }),
        _ => None,
    };
    view! { <p>{text}</p>{fix} }
}

/// The two ways out of an unknown area name: the suggested area, or a new one in a province.
#[component]
fn AreaFix(typed: String, suggestion: Option<String>, row: usize, col: usize) -> impl IntoView {
    let (lang, state) = (lang(), ed());
    let reference = state.reference.get_value();
    let suggested = suggestion.and_then(|c| reference.area(&c).map(|a| a.name.clone()));
    let provinces: Vec<(String, String)> =
        reference.areas.iter().filter(|a| a.level == Level::Province).map(|a| (a.code.clone(), a.name.clone())).collect();
    let parent = RwSignal::new(String::new());
    let confirm = move |_| {
        let p = parent.get_untracked();
        if !p.is_empty() {
            let name = typed.clone();
            state.edit(|d| d.new_areas.push(NewArea { name, parent: p }));
        }
    };
    view! {
        <div class="area-fix">
            {suggested.map(|name| {
                let n = name.clone();
                view! { <button type="button" data-testid="use-suggestion" on:click=move |_| state.edit(|d| d.set_cell(row, col, &n))>
                    {move || format!("{} “{}”", lang.get().pick("Dùng", "Use"), name)}</button> }
            })}
            <label>{move || lang.get().pick("Địa bàn mới thuộc ", "New area in ")}
                <select data-testid="new-area-parent" on:change=move |ev| parent.set(event_target_value(&ev))>
                    <option value="">{move || lang.get().pick("— chọn tỉnh, thành phố —", "— choose a province —")}</option>
                    {provinces.into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="confirm-new-area" on:click=confirm>{move || lang.get().pick("Xác nhận địa bàn mới", "Confirm the new area")}</button>
        </div>
    }
}
