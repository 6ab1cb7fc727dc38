//! The notice that lists records left out of the dataset, and the consistency notes.

use crate::i18n::Lang;
use leptos::prelude::*;

/// "N records were left out", with each problem; nothing when the file is clean.
#[component]
pub fn DataProblems() -> impl IntoView {
    let (ds, lang) = (super::context::dataset(), super::context::lang());
    let ds2 = ds.clone();
    move || {
        let l = lang.get();
        let problems = (!ds.problems.is_empty()).then(|| {
            let n = ds.problems.len();
            view! {
                <details class="notice warn" data-testid="data-problems" open=n <= 5>
                    <summary>{match l {
                        Lang::Vi => format!("Dữ liệu có {n} lỗi: các bản ghi lỗi đã được bỏ ra, các số liệu hợp lệ vẫn được vẽ."),
                        Lang::En => format!("The data has {n} problems: records with errors were left out, every valid figure is still charted."),
                    }}</summary>
                    <ul>{ds.problems.iter().map(|p| view! { <li>{p.describe(l)}</li> }).collect_view()}</ul>
                </details>
            }
        });
        let notes = (!ds2.notes.is_empty()).then(|| {
            view! {
                <details class="notice info" data-testid="data-notes">
                    <summary>{match l {
                        Lang::Vi => format!("{} ghi chú về số liệu không khớp trong nguồn (vẫn giữ nguyên như nguồn công bố)", ds2.notes.len()),
                        Lang::En => format!("{} notes on figures that do not add up in their sources (kept as published)", ds2.notes.len()),
                    }}</summary>
                    <ul>{ds2.notes.iter().map(|n| view! { <li>{n.describe(&ds2, l)}</li> }).collect_view()}</ul>
                </details>
            }
        });
        view! { {problems}{notes} }
    }
}
