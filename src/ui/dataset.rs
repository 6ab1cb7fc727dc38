//! Loading the dataset (the bundled file, or `?data=<url>`): typed errors, shown in the page.

use super::context::WithDataset;
use super::fetch::{fetch_dataset, Loading};
use crate::load::remote::{cached_text, loading_text, BUNDLED};
use crate::load::{valid_data_url, FetchError};
use crate::model::Dataset;
use std::sync::Arc;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

/// The current query string without some parameters.
pub fn query_without(q: &ParamsMap, drop: &[&str]) -> String {
    let kept: ParamsMap = q
        .into_iter()
        .filter(|(k, _)| !drop.contains(&k.as_ref()))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let s = kept.to_query_string();
    if s.is_empty() {
        "?".to_string()
    } else {
        s
    }
}

/// The dataset a `#d=` link carries (see [`crate::web::link_data`]).
pub async fn from_link(payload: &str) -> Result<Arc<Dataset>, FetchError> {
    crate::web::link_data::from_link(payload, crate::load::load).await.map(Arc::new)
}

/// Loads the dataset carried by a `#d=` link, or named by `?data=` (or the bundled one) once per address, provides it as
/// context ([`super::context::dataset`]) and renders `render` inside; while loading a status line,
/// on failure a clear message with a retry and, for `?data=`, a link back to the bundled data.
pub fn with_dataset<F>(render: F) -> impl IntoView
where
    F: Fn() -> AnyView + Clone + Send + Sync + 'static,
{
    with_dataset_from(render, true)
}

/// As [`with_dataset`]; a `#d=` link's data is read only when `link` is true (the chart maker
/// matches names against the bundled data whatever its address carries).
pub fn with_dataset_from<F>(render: F, link: bool) -> impl IntoView
where
    F: Fn() -> AnyView + Clone + Send + Sync + 'static,
{
    let lang = super::context::lang();
    let query = use_query_map();
    let data_param = Memo::new(move |_| query.with(|q| q.get("data")));
    let loading = Loading::new();
    let data = LocalResource::new(move || {
        let param = data_param.get();
        async move {
            if let Some(payload) = crate::web::link_data::page_payload().filter(|_| link) {
                return from_link(&payload).await;
            }
            match param {
                None => fetch_dataset(BUNDLED.to_string(), loading).await,
                Some(u) if valid_data_url(&u) => fetch_dataset(u, loading).await,
                Some(u) => Err(FetchError::BadUrl(crate::load::truncate_pub(&u))),
            }
        }
    });
    let navigate = use_navigate();
    view! {
        <Suspense fallback=move || view! { <LoadingLine loading=loading /> }>
            {
                let render = render.clone();
                let navigate = navigate.clone();
                move || {
                    let render = render.clone();
                    let navigate = navigate.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(ds) => view! { <WithDataset ds=ds><CachedNotice />{render()}</WithDataset> }.into_any(),
                            Err(e) => {
                                super::static_view::reveal();
                                let custom = data_param.get_untracked().is_some();
                                let back = move |_| {
                                    let qs = query.with_untracked(|q| query_without(q, &["data"]));
                                    let path = window().location().pathname().unwrap_or_default();
                                    navigate(&format!("{path}{qs}"), super::browser::full_path_nav(false));
                                };
                                view! {
                                    <div class="notice error" role="alert" data-testid="load-error">
                                        <p><strong>{move || lang.get().pick("Không tải được dữ liệu.", "The data could not be loaded.")}</strong></p>
                                        <p>{let e = e.clone(); move || e.message(lang.get())}</p>
                                        <p class="actions">
                                            <button type="button" on:click=move |_| data.refetch()>{move || lang.get().pick("Thử lại", "Try again")}</button>
                                            {custom.then(|| view! {
                                                <button type="button" data-testid="use-bundled" on:click=back.clone()>
                                                    {move || lang.get().pick("Dùng dữ liệu kèm theo ứng dụng", "Use the app's own data")}
                                                </button>
                                            })}
                                        </p>
                                    </div>
                                }
                                .into_any()
                            }
                        }
                    })
                }
            }
        </Suspense>
    }
}

/// The loading line: bytes received of the total, and a cancel button.
#[component]
fn LoadingLine(loading: Loading) -> impl IntoView {
    let lang = super::context::lang();
    let text = move || loading_text(loading.progress.get(), lang.get());
    view! {
        <p class="status" data-testid="loading" role="status">
            <span data-testid="loading-progress">{text}</span>" "
            <button type="button" data-testid="cancel-loading" on:click=move |_| loading.cancel()>{move || lang.get().pick("Huỷ", "Cancel")}</button>
        </p>
    }
}

/// Says when the data shown is a copy the app kept for use without a network.
#[component]
fn CachedNotice() -> impl IntoView {
    let (ds, lang) = (super::context::dataset(), super::context::lang());
    ds.cached_at.clone().map(|at| {
        view! { <p class="notice info" data-testid="cached-copy" role="status">{move || cached_text(&at, lang.get())}</p> }
    })
}
