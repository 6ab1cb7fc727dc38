//! The explorer's controls: metric, areas (presets, search, chips), sector breakdown, mode, date,
//! sort and chart kind. Each reads and changes the selection in [`super::explore_panel::Explore`].

use super::context::{dataset, lang};
use super::explore_panel::use_explore;
use crate::explore::{self, AreaSet, ChartKind, DatePick, Mode, SortBy};
use crate::model::Level;
use crate::view::text::{area_label, metric_label};
use leptos::prelude::*;

/// The current choices in a few words, for the phone layout's bar: "Số hợp tác xã · Các địa
/// phương · Mới nhất · Thanh".
fn choices_summary(sel: &crate::explore::Selection, l: crate::i18n::Lang) -> String {
    let mut parts = vec![metric_label(sel.metric, sel.unit, l), sel.areas.label(l), sel.date.label(l), sel.chart.label(l).to_string()];
    if sel.by_sector {
        parts.insert(2, l.pick("theo lĩnh vực", "by sector").to_string());
    }
    if sel.mode != Mode::Absolute {
        parts.insert(2, sel.mode.label(l).to_string());
    }
    parts.join(" · ")
}

/// The groups of options that can say why one of theirs is greyed out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Areas,
    Values,
    Kinds,
}

/// Why the greyed-out option the reader last tried cannot be chosen, and its group: said under
/// that group, as a finger on a phone never sees a button's hover title. Cleared when the
/// selection changes.
#[derive(Clone, Copy)]
struct WhyOff(RwSignal<Option<(Group, &'static str)>>);

/// A greyed-out option: tapping it says why instead of doing nothing.
fn tried_off(group: Group, reason: &'static str) {
    if let Some(WhyOff(w)) = use_context::<WhyOff>() {
        w.set(Some((group, reason)));
    }
}

/// The line under a group that says why (always in the page, empty until then, so that screen
/// readers announce the words when they come).
fn why_line(why: RwSignal<Option<(Group, &'static str)>>, group: Group) -> impl IntoView {
    view! {
        <p class="why-off" role="status" data-testid="why-off">
            {move || why.get().filter(|(g, _)| *g == group).map(|(_, w)| w)}
        </p>
    }
}

/// Every control, in page order. On a phone the controls fold behind a bar that names the current
/// choices, so that the chart comes first.
#[component]
pub fn Controls() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    let open = RwSignal::new(false);
    let why = RwSignal::new(None::<(Group, &'static str)>);
    provide_context(WhyOff(why));
    super::context::clear_on_change(why, move || {
        ex.sel.track();
        lang.track();
    });
    view! {
        <div class="controls-bar">
            <span class="choice-summary" data-testid="choice-summary">{move || ex.sel.with(|s| choices_summary(s, lang.get()))}</span>
            <button type="button" data-testid="controls-toggle" aria-controls="explore-controls" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { lang.get().pick("Đóng tuỳ chọn", "Close options") } else { lang.get().pick("Tuỳ chọn biểu đồ", "Chart options") }}
            </button>
        </div>
        <div class="controls" class:open=move || open.get() id="explore-controls" data-testid="controls">
            <MetricSelect />
            <AreaPicker />
            {why_line(why, Group::Areas)}
            <div class="control-row">
                <SectorToggle />
                <div class="control" role="group"><span>{move || lang.get().pick("Cách tính", "Values")}</span><ModeButtons /></div>
                <DateSelect />
                <SortSelect />
            </div>
            {why_line(why, Group::Values)}
            <div class="control kinds" role="group"><span>{move || lang.get().pick("Dạng biểu đồ", "Chart")}</span><KindButtons /></div>
            {why_line(why, Group::Kinds)}
            // on a phone the open options fill the screen: this closes them and shows the chart
            <button type="button" class="see-chart" data-testid="see-chart" on:click=move |_| {
                open.set(false);
                if let Some(bar) = crate::web::document().query_selector(".explorer .controls-bar").ok().flatten() {
                    bar.scroll_into_view();
                }
            }>{move || lang.get().pick("Xem biểu đồ ↓", "See the chart ↓")}</button>
        </div>
    }
}

#[component]
fn MetricSelect() -> impl IntoView {
    let (ds, lang, ex) = (dataset(), lang(), use_explore());
    let choices = crate::view::metric_choices(&ds);
    let on_change = move |ev| {
        if let Some((m, u)) = explore::url::parse_metric_key(&event_target_value(&ev), &ds) {
            ex.update(|s| {
                s.metric = m;
                s.unit = u;
                s.areas = crate::view::filter::areas_for_metric(&ds, s);
                s.mode = Mode::Absolute;
                s.date = DatePick::Latest;
                s.hidden.clear();
            });
        }
    };
    view! {
        <label class="control">
            <span>{move || lang.get().pick("Chỉ tiêu", "Metric")}</span>
            <select data-testid="metric" on:change=on_change>
                {choices.into_iter().map(|(m, u, n)| {
                    let label = move || format!("{} · {n} {}", metric_label(m, u, lang.get()), lang.get().pick("địa bàn", if n == 1 { "area" } else { "areas" }));
                    view! { <option value=explore::url::metric_key(m, u) selected=move || ex.sel.with(|s| s.metric == m && s.unit == u)>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn AreaPresets() -> impl IntoView {
    let (ds, lang, ex) = (dataset(), lang(), use_explore());
    AreaSet::PRESETS
        .into_iter()
        .map(|p| {
            let (p2, p3, p4, key) = (p.clone(), p.clone(), p.clone(), p.key());
            let ds = ds.clone();
            let off = Memo::new(move |_| ex.view.with(|v| !crate::view::filter::preset_has_data(&ds, &p4, &v.areas_with_data)));
            view! {
                <button type="button" class="chip-button" data-areas=key aria-pressed=move || ex.sel.with(|s| (s.areas == p2).to_string())
                    aria-disabled=move || off.get().to_string()
                    title=move || off.get().then(|| AreaSet::unavailable(lang.get()))
                    on:click=move |_| {
                        if off.get_untracked() {
                            tried_off(Group::Areas, AreaSet::unavailable(lang.get_untracked()));
                        } else {
                            let p = p3.clone();
                            ex.update(|s| s.areas = p)
                        }
                    }>{move || p.label(lang.get())}</button>
            }
        })
        .collect_view()
}

#[component]
fn AreaChips() -> impl IntoView {
    let (ds, lang, ex) = (dataset(), lang(), use_explore());
    move || {
        let l = lang.get();
        let AreaSet::Custom(codes) = ex.sel.get().areas else { return ().into_any() };
        codes
            .into_iter()
            .map(|code| {
                let name = ds.area(&code).map(|a| area_label(a, l)).unwrap_or_else(|| code.clone());
                let remove = move |_| {
                    let code = code.clone();
                    ex.update(|s| {
                        if let AreaSet::Custom(v) = &mut s.areas {
                            v.retain(|x| *x != code);
                            if v.is_empty() {
                                s.areas = AreaSet::Local;
                            }
                        }
                    })
                };
                view! { <span class="chip">{name.clone()}<button type="button" aria-label=format!("{} {name}", l.pick("Bỏ", "Remove")) on:click=remove>"×"</button></span> }
            })
            .collect_view()
            .into_any()
    }
}

/// Areas matching the search text: (code, label, has a figure of the metric).
fn search_results(ds: &crate::model::Dataset, l: crate::i18n::Lang, with_data: &[String], query: &str) -> Vec<(String, String, bool)> {
    explore::search_areas(ds, query)
        .into_iter()
        .take(8)
        .map(|a| {
            let mut label = area_label(a, l);
            if let (Level::FormerProvince, Some(p)) = (a.level, a.part_of.as_deref().and_then(|p| ds.area(p))) {
                label = format!("{label} — {} {}", l.pick("nay thuộc", "now part of"), p.short_name());
            }
            (a.code.clone(), label, with_data.contains(&a.code))
        })
        .collect()
}

#[component]
fn AreaPicker() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    let query_text = RwSignal::new(String::new());
    let ds = dataset();
    let results = Memo::new(move |_| {
        let with_data = ex.view.with(|v| v.areas_with_data.clone());
        search_results(&ds, lang.get_untracked(), &with_data, &query_text.get())
    });
    let add_area = move |code: String| {
        ex.update(|s| {
            let mut list = match &s.areas {
                AreaSet::Custom(v) => v.clone(),
                _ => Vec::new(),
            };
            if !list.contains(&code) {
                list.push(code);
            }
            s.areas = AreaSet::Custom(list);
        });
        query_text.set(String::new());
    };
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            if let Some((code, _, _)) = results.with_untracked(|r| r.first().cloned()) {
                ev.prevent_default();
                add_area(code);
            }
        }
        "Escape" => query_text.set(String::new()),
        _ => {}
    };
    let options = move || {
        results.get().into_iter().map(|(code, label, has)| {
            let c = code.clone();
            view! {
                <li role="option" class:no-data=!has data-code=code on:mousedown=move |ev: web_sys::MouseEvent| { ev.prevent_default(); add_area(c.clone()) }>
                    {label}
                    {(!has).then(|| view! { <small>{move || lang.get().pick(" · không có số liệu chỉ tiêu này", " · no figure for this metric")}</small> })}
                </li>
            }
        }).collect_view()
    };
    view! {
        <div class="control area-picker">
            <span>{move || lang.get().pick("Địa bàn", "Areas")}</span>
            <div class="presets" role="group"><AreaPresets /></div>
            <div class="search">
                <input type="search" data-testid="area-search" role="combobox" aria-autocomplete="list" aria-controls="area-results"
                    aria-label=move || lang.get().pick("Tìm địa bàn", "Find an area")
                    aria-expanded=move || (!results.with(|r| r.is_empty())).to_string()
                    placeholder=move || lang.get().pick("Tìm tỉnh, thành (vd. lang son)", "Find a province (e.g. lang son)")
                    prop:value=move || query_text.get() on:input=move |ev| query_text.set(event_target_value(&ev)) on:keydown=on_key />
                <ul id="area-results" role="listbox" class="results" data-testid="area-results">{options}</ul>
                {move || {
                    let q = query_text.get();
                    let q = q.trim();
                    (!q.is_empty() && results.with(|r| r.is_empty())).then(|| {
                        let text = match lang.get() {
                            crate::i18n::Lang::Vi => format!("Không tìm thấy địa bàn nào khớp “{q}”."),
                            crate::i18n::Lang::En => format!("No area matches “{q}”."),
                        };
                        view! { <p class="results no-results" role="status" data-testid="area-no-results">{text}</p> }
                    })
                }}
            </div>
            <div class="chips" data-testid="area-chips"><AreaChips /></div>
        </div>
    }
}

#[component]
fn SectorToggle() -> impl IntoView {
    let (ds, lang, ex) = (dataset(), lang(), use_explore());
    let has_sectors = Memo::new(move |_| ex.sel.with(|s| ds.observations.iter().any(|o| o.metric == s.metric && o.unit == s.unit && o.sector.is_some())));
    let on_change = move |ev| {
        let on = event_target_checked(&ev);
        ex.update(|s| {
            s.by_sector = on;
            if !on && matches!(s.chart, ChartKind::Stacked | ChartKind::Stacked100) {
                s.chart = ChartKind::Bars;
            }
        })
    };
    view! {
        <label class="control check">
            <input type="checkbox" data-testid="by-sector" prop:checked=move || ex.sel.with(|s| s.by_sector) disabled=move || !has_sectors.get()
                title=move || (!has_sectors.get()).then(|| lang.get().pick("Các địa bàn đã chọn không có số liệu theo lĩnh vực.", "The chosen areas have no figures by sector."))
                on:change=on_change />
            <span>{move || lang.get().pick("Chia theo lĩnh vực", "Break down by sector")}</span>
        </label>
    }
}

#[component]
fn ModeButtons() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    Mode::ALL
        .iter()
        .map(|&m| {
            let off = move || !ex.view.with(|v| v.modes.contains(&m));
            view! {
                <button type="button" class="chip-button" data-mode=m.key() aria-pressed=move || ex.view.with(|v| (v.mode == m).to_string())
                    aria-disabled=move || off().to_string()
                    title=move || off().then(|| m.unavailable(lang.get()))
                    on:click=move |_| if off() { tried_off(Group::Values, m.unavailable(lang.get_untracked())) } else { ex.update(|s| s.mode = m) }>{move || m.label(lang.get())}</button>
            }
        })
        .collect_view()
}

#[component]
fn DateSelect() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    let on_change = move |ev| {
        let d = event_target_value(&ev).parse::<u16>().map(DatePick::Year).unwrap_or(DatePick::Latest);
        ex.update(|s| s.date = d);
    };
    view! {
        <label class="control">
            <span>{move || lang.get().pick("Thời điểm", "Date")}</span>
            <select data-testid="date" on:change=on_change>
                <option value="latest" selected=move || ex.sel.with(|s| s.date == DatePick::Latest)>{move || lang.get().pick("Mới nhất của mỗi nơi", "Latest for each area")}</option>
                {move || ex.view.with(|v| v.years.clone()).into_iter().rev().map(|y| view! {
                    <option value=y.to_string() selected=move || ex.sel.with(|s| s.date == DatePick::Year(y))>{y.to_string()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    let on_change = move |ev| {
        let by = if event_target_value(&ev) == "name" { SortBy::Name } else { SortBy::Value };
        ex.update(|s| s.sort = by);
    };
    view! {
        <label class="control">
            <span>{move || lang.get().pick("Sắp xếp", "Sort")}</span>
            <select data-testid="sort" on:change=on_change>
                <option value="value" selected=move || ex.sel.with(|s| s.sort == SortBy::Value)>{move || SortBy::Value.label(lang.get())}</option>
                <option value="name" selected=move || ex.sel.with(|s| s.sort == SortBy::Name)>{move || SortBy::Name.label(lang.get())}</option>
            </select>
        </label>
    }
}

#[component]
fn KindButtons() -> impl IntoView {
    let (lang, ex) = (lang(), use_explore());
    [ChartKind::Bars, ChartKind::Stacked, ChartKind::Stacked100, ChartKind::Line, ChartKind::Map, ChartKind::Table]
        .into_iter()
        .map(|k| {
            let off = move || !ex.view.with(|v| v.kinds.contains(&k));
            view! {
                <button type="button" class="chip-button" data-kind=k.key() aria-pressed=move || ex.view.with(|v| (v.chart_kind == k).to_string())
                    aria-disabled=move || off().to_string()
                    title=move || off().then(|| k.unavailable(lang.get()))
                    on:click=move |_| if off() { tried_off(Group::Kinds, k.unavailable(lang.get_untracked())) } else { ex.update(|s| s.chart = k) }>{move || k.label(lang.get())}</button>
            }
        })
        .collect_view()
}
