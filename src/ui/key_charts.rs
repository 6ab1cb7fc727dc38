//! The key figures: the six charts every visitor sees first.

use super::chart_figure::ChartFigure;
use crate::explore::url::{metric_key as metric_param, parse_metric_key};
use crate::i18n::Lang;
use crate::model::{Dataset, Metric, Unit};
use crate::query;
use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use std::sync::Arc;

/// A query parameter naming one of `allowed`; an unknown value falls back to `default` and says so.
fn choice_param(name: &'static str, default: String, valid: impl Fn(&str) -> bool + Send + Sync + 'static) -> (Signal<String>, SignalSetter<Option<String>>, Signal<Option<String>>) {
    let (raw, set) = query_signal::<String>(name);
    let value = Signal::derive({
        let default = default.clone();
        move || raw.get().filter(|v| valid(v)).unwrap_or_else(|| default.clone())
    });
    let bad = Signal::derive(move || raw.get().filter(|v| *v != value.get()));
    (value, set, bad)
}

/// The key figures: six fixed charts (their two choices live in `?sector=` and `?metric=`).
#[component]
pub fn KeyCharts(ds: Arc<Dataset>, lang: Signal<Lang>) -> impl IntoView {
    let d = ds.clone();
    let by_area = Memo::new(move |_| query::coops_by_area(&d, lang.get()));
    let d = ds.clone();
    let by_region = Memo::new(move |_| query::coops_by_region(&d, lang.get()));
    let d = ds.clone();
    let series = Memo::new(move |_| query::national_series(&d, lang.get()));
    let d = ds.clone();
    let ratings = Memo::new(move |_| query::rating_shares(&d, lang.get()));

    // Sector breakdown: ?sector=<area code>
    let sector_areas: Vec<(String, String)> = query::sector_areas(&ds).iter().map(|a| (a.code.clone(), a.name.clone())).collect();
    let default_area = sector_areas.iter().find(|(c, _)| c == "C14-SONLA").or(sector_areas.first()).map(|(c, _)| c.clone()).unwrap_or_default();
    let codes: Vec<String> = sector_areas.iter().map(|(c, _)| c.clone()).collect();
    let (sector_area, set_sector_area, bad_sector) = choice_param("sector", default_area.clone(), move |v| codes.contains(&v.to_string()));
    let d = ds.clone();
    let by_sector = Memo::new(move |_| query::coops_by_sector(&d, &sector_area.get(), lang.get()));

    // Any metric by area: ?metric=<metric[.unit]>
    let choices = query::metric_choices(&ds);
    let default_metric = metric_param(Metric::CharterCapital, Unit::Vnd);
    let valid: Vec<String> = choices.iter().map(|(m, u)| metric_param(*m, *u)).collect();
    let valid2 = valid.clone();
    let (metric, set_metric, bad_metric) = choice_param("metric", default_metric.clone(), move |v| valid2.contains(&v.to_string()));
    let d = ds.clone();
    let by_metric = Memo::new(move |_| {
        let (m, u) = parse_metric_key(&metric.get(), &d).unwrap_or((Metric::CharterCapital, Unit::Vnd));
        query::metric_by_area(&d, m, u, lang.get())
    });

    let bad_params = move || {
        let l = lang.get();
        let mut msgs = Vec::new();
        if let Some(v) = bad_sector.get() {
            msgs.push(format!("{} sector=“{}”", l.pick("Không có địa bàn", "No area"), crate::load::truncate_pub(&v)));
        }
        if let Some(v) = bad_metric.get() {
            msgs.push(format!("{} metric=“{}”", l.pick("Không có chỉ tiêu", "No metric"), crate::load::truncate_pub(&v)));
        }
        (!msgs.is_empty()).then(|| view! {
            <p class="notice warn" data-testid="param-notice" role="status">
                {msgs.join("; ")}{l.pick(": đang hiển thị lựa chọn mặc định.", ": showing the default instead.")}
            </p>
        })
    };

    let sector_select = {
        let areas = sector_areas.clone();
        view! {
            <label class="control">
                <span>{move || lang.get().pick("Địa bàn", "Area")}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_sector_area.set(Some(v));
                } prop:value=move || sector_area.get()>
                    {areas.into_iter().map(|(code, name)| {
                        let c2 = code.clone();
                        view! { <option value=code selected=move || sector_area.get() == c2>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let metric_select = {
        view! {
            <label class="control">
                <span>{move || lang.get().pick("Chỉ tiêu", "Metric")}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_metric.set(Some(v));
                } prop:value=move || metric.get()>
                    {choices.into_iter().filter(|(m, _)| *m != Metric::Cooperatives).map(|(m, u)| {
                        let key = metric_param(m, u);
                        let k2 = key.clone();
                        let label = move || {
                            let l = lang.get();
                            match u {
                                Unit::VndPerMonth => format!("{} ({})", m.label(l), l.pick("tháng", "per month")),
                                Unit::VndPerYear => format!("{} ({})", m.label(l), l.pick("năm", "per year")),
                                _ => m.label(l).to_string(),
                            }
                        };
                        view! { <option value=key selected=move || metric.get() == k2>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };

    view! {
        {bad_params}
        <h2 class="section-title" id="key-figures">{move || lang.get().pick("Số liệu chính", "Key figures")}</h2>
        <div class="charts">
            <ChartFigure view=by_area ds=ds.clone() lang=lang />
            <ChartFigure view=series ds=ds.clone() lang=lang />
            <ChartFigure view=by_region ds=ds.clone() lang=lang />
            <ChartFigure view=by_sector ds=ds.clone() lang=lang>{sector_select}</ChartFigure>
            <ChartFigure view=by_metric ds=ds.clone() lang=lang>{metric_select}</ChartFigure>
            <ChartFigure view=ratings ds=ds.clone() lang=lang />
        </div>
    }
}
