//! Loading the dataset (the bundled file, or `?data=<url>`): typed errors, shown in the page.

use super::context::WithDataset;
use crate::i18n::Lang;
use super::fetch::{fetch_dataset, Loading, Progress};
use crate::load::LoadError;
use crate::model::Dataset;
use std::sync::Arc;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

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
    /// The server did not answer within the time limit.
    #[error("Máy chủ dữ liệu {url} không trả lời sau {seconds} giây: đã dừng chờ")]
    Timeout {
        /// Address.
        url: String,
        /// The time limit.
        seconds: u32,
    },
    /// The reader cancelled the download.
    #[error("Đã huỷ tải dữ liệu từ {url}")]
    Cancelled {
        /// Address.
        url: String,
    },
    /// A `#d=` link's data could not be read (damaged, cut off).
    #[error("Liên kết chứa dữ liệu (#d=…) bị hỏng hoặc không đầy đủ, có thể do bị cắt khi sao chép ({0})")]
    Link(String),
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
            (FetchError::Timeout { url, seconds }, Lang::En) => format!("The data server {url} did not answer within {seconds} seconds: stopped waiting"),
            (FetchError::Cancelled { url }, Lang::En) => format!("Loading the data from {url} was cancelled"),
            (FetchError::Link(d), Lang::En) => super::link_data::unpack_error(d, Lang::En),
            (FetchError::Load { url, error }, Lang::En) => format!("Could not read the data from {url}: {}", error.message(Lang::En)),
        }
    }
}

/// True for an address `?data=` may name: http(s), no spaces.
pub fn valid_data_url(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && u.len() > 8 && u.len() < 2000 && !u.chars().any(char::is_whitespace)
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

/// Where a `#d=` link's data is said to come from, in source lines.
pub const LINK_ORIGIN: &str = "liên kết #d=";

/// The dataset a `#d=` link carries.
pub async fn from_link(payload: &str) -> Result<Arc<Dataset>, FetchError> {
    let text = super::link_data::unpack(payload).await.map_err(FetchError::Link)?;
    crate::load::load(&text, LINK_ORIGIN).map(Arc::new).map_err(|error| FetchError::Load { url: LINK_ORIGIN.into(), error })
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
            if let Some(payload) = super::link_data::page_payload().filter(|_| link) {
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

/// "1,2 MB" / "1.2 MB".
fn megabytes(bytes: u64, lang: Lang) -> String {
    let mb = (bytes as f64 / 1e5).round() / 10.0;
    format!("{} MB", crate::format::number(mb, lang))
}

/// The loading line: bytes received of the total, and a cancel button.
#[component]
fn LoadingLine(loading: Loading) -> impl IntoView {
    let lang = super::context::lang();
    let text = move || {
        let l = lang.get();
        let Progress { received, total } = loading.progress.get();
        let head = l.pick("Đang tải dữ liệu…", "Loading the data…");
        match (received, total) {
            (0, _) => head.to_string(),
            (r, Some(t)) if t > 0 => format!("{head} {} / {}", megabytes(r, l), megabytes(t, l)),
            (r, _) => format!("{head} {}", megabytes(r, l)),
        }
    };
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
        let text = move || {
            let l = lang.get();
            match at.as_str() {
                "build" => l.pick("Không có mạng: đang dùng dữ liệu kèm theo ứng dụng.", "Offline: showing the data that came with the app.").to_string(),
                d => {
                    let day = d.get(..10).unwrap_or(d);
                    match l {
                        Lang::Vi => format!("Không có mạng: đang xem bản dữ liệu đã lưu ngày {day}."),
                        Lang::En => format!("Offline: showing the copy of the data saved on {day}."),
                    }
                }
            }
        };
        view! { <p class="notice info" data-testid="cached-copy" role="status">{text}</p> }
    })
}
