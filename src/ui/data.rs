//! Fetching the dataset: typed errors, shown in the page.

use crate::i18n::Lang;
use crate::load::{self, LoadError};
use crate::model::Dataset;
use std::sync::Arc;

/// The bundled dataset, relative to the page.
pub const BUNDLED: &str = "data/htx.json";

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The request did not complete (offline, CORS, refused).
    #[error("Không tải được dữ liệu từ {url}: lỗi mạng ({detail})")]
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
            (FetchError::Network { url, detail }, Lang::En) => format!("Could not load the data from {url}: network error ({detail})"),
            (FetchError::Http { url, status }, Lang::En) => format!("Could not load the data from {url}: the server answered HTTP {status}"),
            (FetchError::Load { url, error }, Lang::En) => format!("Could not read the data from {url}: {}", error.message(Lang::En)),
        }
    }
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
