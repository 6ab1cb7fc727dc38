//! The explorer: metric, areas, sector breakdown, mode, date, chart type, sort and legend, all kept
//! in the URL's query string (so every view has a link), over one chart or its table.

use super::chart_canvas::ChartCanvas;
use super::figures_table::FiguresTable;
use super::share_bar::ShareBar;
use crate::chart::{ChartSpec, Theme};
use crate::explore::{self, AreaSet, ChartKind, DatePick, ExploreView, Mode, Selection, SortBy};
use crate::i18n::Lang;
use crate::model::{Dataset, Level};
use crate::query::area_label;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// Query parameters that belong to other parts of the page and are kept as they are.
const KEPT: [&str; 4] = ["lang", "data", "metric", "sector"];

/// The selection read from the URL, with notices about parameters that were not understood.
pub type SelectionState = Memo<(Selection, Vec<explore::ParamNotice>)>;

/// The selection in the URL, and a way to change it (a new history entry, so back/forward work).
pub fn use_selection(ds: Arc<Dataset>) -> (SelectionState, impl Fn(Selection) + Clone + 'static) {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let state = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(String, String)> = q
                .into_iter()
                .filter(|(k, _)| !KEPT.contains(&k.as_ref()))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            explore::from_query(&pairs, &ds)
        })
    });
    let set = move |new: Selection| {
        let mut pairs = explore::to_query(&new);
        query.with_untracked(|q| {
            for k in KEPT {
                if let Some(v) = q.get(k) {
                    pairs.push((k.to_string(), v));
                }
            }
        });
        let map: ParamsMap = pairs.into_iter().collect();
        let url = format!("{}{}", location.pathname.get_untracked(), map.to_query_string());
        super::timing::change_started();
        navigate(&url, NavigateOptions { scroll: false, ..Default::default() });
    };
    (state, set)
}

fn css_colour(i: usize) -> String {
    let c = Theme::light(1.0).series_colour(i);
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// The explorer panel.
#[component]
pub fn ExplorePanel(ds: Arc<Dataset>, lang: Signal<Lang>) -> impl IntoView {
    let (state, set_sel) = use_selection(ds.clone());
    let sel = Memo::new(move |_| state.with(|s| s.0.clone()));
    let d = ds.clone();
    let view: Memo<ExploreView> = Memo::new(move |_| explore::build(&d, &sel.get(), lang.get()));
    let set = StoredValue::new_local(set_sel);
    let update = move |f: &dyn Fn(&mut Selection)| {
        let mut s = sel.get_untracked();
        f(&mut s);
        if s != sel.get_untracked() {
            set.with_value(|set| set(s));
        }
    };

    let query_map = use_query_map();
    let raw_lang = Memo::new(move |_| query_map.with(|q| q.get("lang")));
    let notices = move || {
        let l = lang.get();
        let mut lines: Vec<String> = state.with(|(_, ns)| ns.iter().map(|n| n.describe(l)).collect());
        if let Some(v) = raw_lang.get().filter(|v| Lang::from_key(v).is_none()) {
            lines.push(match l {
                Lang::Vi => format!("Tham số lang=“{}” không hợp lệ (vi hoặc en): dùng tiếng Việt.", crate::load::truncate_pub(&v)),
                Lang::En => format!("Parameter lang=“{}” is not valid (vi or en): using Vietnamese.", crate::load::truncate_pub(&v)),
            });
        }
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice warn" data-testid="param-notice" role="status">
                    <ul>{lines.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };

    // metric
    let choices = explore::metric_choices(&ds);
    let ds_metric = ds.clone();
    let metric_select = view! {
        <label class="control">
            <span>{move || lang.get().pick("Chỉ tiêu", "Metric")}</span>
            <select data-testid="metric" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some((m, u)) = explore::url::parse_metric_key(&v, &ds_metric) {
                    update(&|s| {
                        s.metric = m;
                        s.unit = u;
                        s.mode = Mode::Absolute;
                        s.date = DatePick::Latest;
                        s.hidden.clear();
                    });
                }
            }>
                {choices.into_iter().map(|(m, u, n)| {
                    let key = explore::url::metric_key(m, u);
                    let label = move || {
                        let l = lang.get();
                        let per = match u {
                            crate::model::Unit::VndPerMonth => format!(" ({})", l.pick("theo tháng", "per month")),
                            crate::model::Unit::VndPerYear => format!(" ({})", l.pick("theo năm", "per year")),
                            _ => String::new(),
                        };
                        format!("{}{per} · {n} {}", m.label(l), l.pick("địa bàn", "areas"))
                    };
                    view! { <option value=key.clone() selected=move || sel.with(|s| s.metric == m && s.unit == u)>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    };

    // areas: presets, search, chips
    let presets = [AreaSet::Local, AreaSet::Provinces, AreaSet::Regions, AreaSet::Country];
    let preset_buttons = presets
        .into_iter()
        .map(|p| {
            let p2 = p.clone();
            let p3 = p.clone();
            view! {
                <button type="button" class="chip-button"
                    aria-pressed=move || sel.with(|s| (s.areas == p2).to_string())
                    on:click=move |_| { let p = p3.clone(); update(&|s| s.areas = p.clone()) }
                >{move || p.label(lang.get())}</button>
            }
        })
        .collect_view();
    let query_text = RwSignal::new(String::new());
    let d = ds.clone();
    let results = Memo::new(move |_| {
        let q = query_text.get();
        let with_data = view.with(|v| v.areas_with_data.clone());
        explore::search_areas(&d, &q)
            .into_iter()
            .take(8)
            .map(|a| {
                let l = lang.get_untracked();
                let mut label = area_label(a, l);
                if a.level == Level::FormerProvince {
                    if let Some(p) = a.part_of.as_deref().and_then(|p| d.area(p)) {
                        label = format!("{label} — {} {}", l.pick("nay thuộc", "now part of"), p.short_name());
                    }
                }
                (a.code.clone(), label, with_data.contains(&a.code))
            })
            .collect::<Vec<_>>()
    });
    let add_area = move |code: String| {
        update(&|s| {
            let mut list = match &s.areas {
                AreaSet::Custom(v) => v.clone(),
                _ => Vec::new(),
            };
            if !list.contains(&code) {
                list.push(code.clone());
            }
            s.areas = AreaSet::Custom(list);
        });
        query_text.set(String::new());
    };
    let d = ds.clone();
    let chips = move || {
        let l = lang.get();
        sel.with(|s| match &s.areas {
            AreaSet::Custom(codes) => codes
                .iter()
                .map(|c| {
                    let name = d.area(c).map(|a| area_label(a, l)).unwrap_or_else(|| c.to_string());
                    let code = c.clone();
                    view! {
                        <span class="chip">{name.clone()}
                            <button type="button" aria-label=format!("{} {name}", l.pick("Bỏ", "Remove"))
                                on:click=move |_| {
                                    let code = code.clone();
                                    update(&|s| if let AreaSet::Custom(v) = &mut s.areas {
                                        v.retain(|x| *x != code);
                                        if v.is_empty() { s.areas = AreaSet::Local; }
                                    })
                                }>"×"</button>
                        </span>
                    }
                })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    };
    let area_picker = view! {
        <div class="control area-picker">
            <span>{move || lang.get().pick("Địa bàn", "Areas")}</span>
            <div class="presets" role="group">{preset_buttons}</div>
            <div class="search">
                <input type="search" data-testid="area-search" role="combobox" aria-autocomplete="list"
                    aria-expanded=move || (!results.with(|r| r.is_empty())).to_string()
                    aria-controls="area-results"
                    placeholder=move || lang.get().pick("Tìm tỉnh, thành (vd. lang son)", "Find a province (e.g. lang son)")
                    prop:value=move || query_text.get()
                    on:input=move |ev| query_text.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            if let Some((code, _, _)) = results.with_untracked(|r| r.first().cloned()) {
                                ev.prevent_default();
                                add_area(code);
                            }
                        } else if ev.key() == "Escape" {
                            query_text.set(String::new());
                        }
                    }
                />
                <ul id="area-results" role="listbox" class="results" data-testid="area-results">
                    {move || results.get().into_iter().map(|(code, label, has)| {
                        let c = code.clone();
                        view! {
                            <li role="option" class:no-data=!has data-code=code.clone()
                                on:mousedown=move |ev: web_sys::MouseEvent| { ev.prevent_default(); add_area(c.clone()) }>
                                {label}
                                {(!has).then(|| view! { <small>{move || lang.get().pick(" · không có số liệu chỉ tiêu này", " · no figure for this metric")}</small> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
            <div class="chips" data-testid="area-chips">{chips}</div>
        </div>
    };

    // breakdown, mode, date, chart kind, sort
    let d = ds.clone();
    let has_sectors = Memo::new(move |_| sel.with(|s| d.observations.iter().any(|o| o.metric == s.metric && o.unit == s.unit && o.sector.is_some())));
    let sector_toggle = view! {
        <label class="control check">
            <input type="checkbox" data-testid="by-sector"
                prop:checked=move || sel.with(|s| s.by_sector)
                disabled=move || !has_sectors.get()
                on:change=move |ev| { let on = event_target_checked(&ev); update(&|s| { s.by_sector = on; if !on && matches!(s.chart, ChartKind::Stacked | ChartKind::Stacked100) { s.chart = ChartKind::Bars; } }) } />
            <span>{move || lang.get().pick("Chia theo lĩnh vực", "Break down by sector")}</span>
        </label>
    };
    let modes = [Mode::Absolute, Mode::Share, Mode::PerCooperative];
    let mode_buttons = modes
        .into_iter()
        .map(|m| {
            view! {
                <button type="button" class="chip-button" data-mode=m.key()
                    aria-pressed=move || sel.with(|s| (s.mode == m).to_string())
                    disabled=move || !view.with(|v| v.modes.contains(&m))
                    on:click=move |_| update(&|s| s.mode = m)
                >{move || m.label(lang.get())}</button>
            }
        })
        .collect_view();
    let date_select = view! {
        <label class="control">
            <span>{move || lang.get().pick("Thời điểm", "Date")}</span>
            <select data-testid="date" on:change=move |ev| {
                let v = event_target_value(&ev);
                let d = v.parse::<u16>().map(DatePick::Year).unwrap_or(DatePick::Latest);
                update(&|s| s.date = d);
            }>
                <option value="latest" selected=move || sel.with(|s| s.date == DatePick::Latest)>
                    {move || lang.get().pick("Mới nhất của mỗi nơi", "Latest for each area")}
                </option>
                {move || view.with(|v| v.years.clone()).into_iter().rev().map(|y| view! {
                    <option value=y.to_string() selected=move || sel.with(|s| s.date == DatePick::Year(y))>{y.to_string()}</option>
                }).collect_view()}
            </select>
        </label>
    };
    let kinds = [ChartKind::Bars, ChartKind::Stacked, ChartKind::Stacked100, ChartKind::Line, ChartKind::Map, ChartKind::Table];
    let kind_buttons = kinds
        .into_iter()
        .map(|k| {
            view! {
                <button type="button" class="chip-button" data-kind=k.key()
                    aria-pressed=move || sel.with(|s| (s.chart == k).to_string())
                    disabled=move || !view.with(|v| v.kinds.contains(&k))
                    on:click=move |_| update(&|s| s.chart = k)
                >{move || k.label(lang.get())}</button>
            }
        })
        .collect_view();
    let sort_select = view! {
        <label class="control">
            <span>{move || lang.get().pick("Sắp xếp", "Sort")}</span>
            <select data-testid="sort" on:change=move |ev| {
                let by = if event_target_value(&ev) == "name" { SortBy::Name } else { SortBy::Value };
                update(&|s| s.sort = by);
            }>
                <option value="value" selected=move || sel.with(|s| s.sort == SortBy::Value)>{move || SortBy::Value.label(lang.get())}</option>
                <option value="name" selected=move || sel.with(|s| s.sort == SortBy::Name)>{move || SortBy::Name.label(lang.get())}</option>
            </select>
        </label>
    };

    let legend = move || {
        view.with(|v| {
            (!v.legend.is_empty()).then(|| {
                let items = v.legend.clone();
                view! {
                    <div class="legend" data-testid="legend" role="group" aria-label=move || lang.get().pick("Chú giải (bấm để ẩn/hiện)", "Legend (click to hide/show)")>
                        {items.into_iter().map(|it| {
                            let key = it.key.clone();
                            view! {
                                <button type="button" class="legend-item" data-key=it.key.clone() aria-pressed=(!it.hidden).to_string()
                                    on:click=move |_| {
                                        let key = key.clone();
                                        update(&|s| if let Some(i) = s.hidden.iter().position(|h| *h == key) { s.hidden.remove(i); } else { s.hidden.push(key.clone()); })
                                    }>
                                    <span class="swatch" style=format!("background:{}", css_colour(it.colour))></span>
                                    {it.label.clone()}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                }
            })
        })
    };

    let spec = Signal::derive(move || view.with(|v| v.chart.spec.clone()));
    let label = Signal::derive(move || view.with(|v| format!("{}. {}", v.chart.title, v.chart.unit_line)));
    let derived = Signal::derive(move || view.with(|v| v.derived.clone()));
    let rows = Signal::derive(move || view.with(|v| v.rows.clone()));
    let is_table = move || sel.with(|s| s.chart == ChartKind::Table);
    let empty = move || view.with(|v| v.chart.spec.is_empty());
    let ds_canvas = StoredValue::new(ds.clone());
    let ds_share = ds.clone();
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    let chart_view = Signal::derive(move || view.with(|v| v.chart.clone()));
    let csv_records = Signal::derive(move || {
        view.with(|v| {
            let mut out: Vec<usize> = Vec::new();
            for r in v.rows.iter().flat_map(|r| r.records.iter()) {
                if !out.contains(r) {
                    out.push(*r);
                }
            }
            out
        })
    });
    let slide = Signal::derive(move || sel.with(explore::to_query));
    let select_area = move |code: String| {
        update(&|s| {
            s.areas = AreaSet::Custom(vec![code.clone()]);
            s.chart = ChartKind::Bars;
        })
    };

    // Printing shows the chart with its table and sources: open the folded table first.
    let before_print = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| {
        if let Ok(list) = document().query_selector_all("figure[data-chart=explorer] details.chart-table") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    });
    on_cleanup(move || before_print.remove());

    view! {
        <section class="explorer" aria-labelledby="explorer-title">
            <h2 class="section-title" id="explorer-title">{move || lang.get().pick("Khám phá số liệu", "Explore the figures")}</h2>
            {notices}
            <div class="controls" data-testid="controls">
                {metric_select}
                {area_picker}
                <div class="control-row">
                    {sector_toggle}
                    <div class="control" role="group"><span>{move || lang.get().pick("Cách tính", "Values")}</span>{mode_buttons}</div>
                    {date_select}
                    {sort_select}
                </div>
                <div class="control kinds" role="group"><span>{move || lang.get().pick("Dạng biểu đồ", "Chart")}</span>{kind_buttons}</div>
            </div>
            <figure class="chart" data-chart="explorer" node_ref=figure_ref>
                <div class="chart-head"><h2 class="chart-title">{move || view.with(|v| v.chart.title.clone())}</h2></div>
                <ul class="caveats">{move || view.with(|v| v.chart.caveats.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view())}</ul>
                <p class="chart-unit">{move || view.with(|v| v.chart.unit_line.clone())}</p>
                {legend}
                <Show when=move || !is_table() fallback=move || view! { <FiguresTable rows=rows lang=lang open=true /> }>
                    <Show when=move || !empty() fallback=move || view! {
                        <p class="notice info" data-testid="no-figures">{move || lang.get().pick("Không có số liệu cho lựa chọn này: hãy chọn chỉ tiêu, địa bàn hoặc thời điểm khác.", "No figures for this choice: try another metric, area or date.")}</p>
                    }>
                        <ChartCanvas spec=spec ds=ds_canvas.get_value() lang=lang label=label derived=derived html_legend=true on_select=Callback::new(move |code: String| {
                            if matches!(spec.with_untracked(|s| s.clone()), ChartSpec::Map(_)) { select_area(code) }
                        }) />
                    </Show>
                </Show>
                <ul class="chart-notes">{move || view.with(|v| v.chart.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
                <figcaption class="source-line">{move || view.with(|v| v.chart.source_line.clone())}</figcaption>
                <ShareBar view=chart_view records=csv_records ds=ds_share lang=lang slide=slide figure=figure_ref />
                <Show when=move || !is_table()>
                    <FiguresTable rows=rows lang=lang open=false />
                </Show>
            </figure>
        </section>
    }
}
