//! Loading the dataset (the bundled file, or `?data=<url>`): typed errors, shown in the page.

use super::context::WithDataset;
use crate::i18n::Lang;
use crate::load::{self, LoadError};
use crate::model::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use std::sync::Arc;

/// The bundled dataset, relative to the page's base URL.
pub const BUNDLED: &str = "data/htx.json";

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// `?data=` is not an http(s) address.
    #[error("Địa chỉ dữ liệu “{0}” không hợp lệ: chỉ nhận địa chỉ http:// hoặc https://")]
    BadUrl(String),
    /// The request did not complete (offline, CORS, refused).
    #[error("Không tải được dữ liệu từ {url}: lỗi mạng hoặc máy chủ không cho phép tải từ trang khác (CORS) ({detail})")]
    Network {
        /// Address.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("Không tải được dữ liệu từ {url}: máy chủ trả về HTTP {status}")]
    Http {
        /// Address.
        url: String,
        /// HTTP status.
        status: u16,
    },
    /// The file is not a valid dataset.
    #[error("Không đọc được dữ liệu từ {url}: {error}")]
    Load {
        /// Address.
        url: String,
        /// What is wrong.
        error: LoadError,
    },
}

impl FetchError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Vi) => self.to_string(),
            (FetchError::BadUrl(u), Lang::En) => format!("The data address “{u}” is not valid: only http:// or https:// addresses are accepted"),
            (FetchError::Network { url, detail }, Lang::En) => {
                format!("Could not load the data from {url}: network error, or the server does not allow loading from another site (CORS) ({detail})")
            }
            (FetchError::Http { url, status }, Lang::En) => format!("Could not load the data from {url}: the server answered HTTP {status}"),
            (FetchError::Load { url, error }, Lang::En) => format!("Could not read the data from {url}: {}", error.message(Lang::En)),
        }
    }
}

/// True for an address `?data=` may name: http(s), no spaces.
pub fn valid_data_url(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && u.len() > 8 && u.len() < 2000 && !u.chars().any(char::is_whitespace)
}

/// Fetches and validates a dataset.
pub async fn fetch_dataset(url: String) -> Result<Arc<Dataset>, FetchError> {
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| FetchError::Network { url: url.clone(), detail: e.to_string() })?;
    if !resp.ok() {
        return Err(FetchError::Http { url, status: resp.status() });
    }
    let text = resp.text().await.map_err(|e| FetchError::Network { url: url.clone(), detail: e.to_string() })?;
    load::load(&text, &url).map(Arc::new).map_err(|error| FetchError::Load { url, error })
}

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

/// Loads the dataset named by `?data=` (or the bundled one) once per address, provides it as
/// context ([`super::context::dataset`]) and renders `render` inside; while loading a status line,
/// on failure a clear message with a retry and, for `?data=`, a link back to the bundled data.
pub fn with_dataset<F>(render: F) -> impl IntoView
where
    F: Fn() -> AnyView + Clone + Send + Sync + 'static,
{
    let lang = super::context::lang();
    let query = use_query_map();
    let data_param = Memo::new(move |_| query.with(|q| q.get("data")));
    let data = LocalResource::new(move || {
        let param = data_param.get();
        async move {
            match param {
                None => fetch_dataset(BUNDLED.to_string()).await,
                Some(u) if valid_data_url(&u) => fetch_dataset(u).await,
                Some(u) => Err(FetchError::BadUrl(crate::load::truncate_pub(&u))),
            }
        }
    });
    let navigate = use_navigate();
    view! {
        <Suspense fallback=move || view! {
            <p class="status" data-testid="loading">{move || lang.get().pick("Đang tải dữ liệu…", "Loading the data…")}</p>
        }>
            {
                let render = render.clone();
                let navigate = navigate.clone();
                move || {
                    let render = render.clone();
                    let navigate = navigate.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(ds) => view! { <WithDataset ds=ds>{render()}</WithDataset> }.into_any(),
                            Err(e) => {
                                let custom = data_param.get_untracked().is_some();
                                let back = move |_| {
                                    let qs = query.with_untracked(|q| query_without(q, &["data"]));
                                    navigate(&qs, Default::default());
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
