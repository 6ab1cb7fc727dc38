//! Loading a data file over the network, in words: why it failed ([`FetchError`]), how far it is
//! ([`Progress`], [`loading_text`]) and when the copy shown was kept offline ([`cached_text`]).
//! The app and the light embed both say these.

use super::LoadError;
use crate::i18n::Lang;

/// The bundled dataset, relative to the page's base URL.
pub const BUNDLED: &str = "data/htx.json";

/// The folder of the one-metric files the light embed reads instead of [`BUNDLED`]
/// ([`crate::metric_files`]).
pub const METRIC_DIR: &str = "data/m";

/// The address of one metric's file (relative, like [`BUNDLED`]).
pub fn metric_url(metric: crate::model::Metric) -> String {
    format!("{METRIC_DIR}/{}.json", metric.key())
}

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
    /// The server did not answer, or did not send the whole file, within the time limit.
    #[error("Máy chủ dữ liệu {url} không trả lời hoặc chưa gửi xong dữ liệu sau {seconds} giây: đã dừng chờ")]
    Timeout {
        /// Address.
        url: String,
        /// The time limit.
        seconds: u32,
    },
    /// A `#d=` link's data could not be read (damaged, cut off); the browser's words, kept for
    /// debugging, are not shown to the reader.
    #[error("Liên kết chứa dữ liệu (#d=…) bị hỏng hoặc không đầy đủ, có thể do bị cắt khi sao chép. Hãy xin lại liên kết từ người gửi.")]
    Link(String),
    /// The reader cancelled the download.
    #[error("Đã huỷ tải dữ liệu từ {url}")]
    Cancelled {
        /// Address.
        url: String,
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
            (FetchError::Timeout { url, seconds }, Lang::En) => format!("The data server {url} did not answer, or did not send all the data, within {seconds} seconds: stopped waiting"),
            (FetchError::Cancelled { url }, Lang::En) => format!("Loading the data from {url} was cancelled"),
            (FetchError::Link(_), Lang::En) => "The link's data (#d=…) is damaged or incomplete, perhaps cut off when copied. Ask its sender for the link again.".into(),
            (FetchError::Load { url, error }, Lang::En) => format!("Could not read the data from {}: {}", origin_label(url, lang), error.message(Lang::En)),
        }
    }
}

/// The origin a `#d=` link's dataset is loaded with ([`crate::model::Dataset::origin`]): an
/// internal marker, compared with, never shown as such (see [`origin_label`]).
pub const LINK_ORIGIN: &str = "liên kết #d=";

/// Where a dataset came from, as the page shows it: its address, or for a `#d=` link's data
/// "liên kết #d=" / "link #d=".
pub fn origin_label(origin: &str, lang: Lang) -> &str {
    if origin == LINK_ORIGIN {
        lang.pick("liên kết #d=", "link #d=")
    } else {
        origin
    }
}

/// True for an address `?data=` may name: http(s), no spaces.
pub fn valid_data_url(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && u.len() > 8 && u.len() < 2000 && !u.chars().any(char::is_whitespace)
}

/// How far a download is: bytes received, and the total when the server says it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Bytes received.
    pub received: u64,
    /// Content-Length, when given.
    pub total: Option<u64>,
}

/// "1,2 MB" / "1.2 MB".
fn megabytes(bytes: u64, lang: Lang) -> String {
    let mb = (bytes as f64 / 1e5).round() / 10.0;
    format!("{} MB", crate::format::number(mb, lang))
}

/// The loading line: "Đang tải dữ liệu… 0,2 MB / 0,4 MB".
pub fn loading_text(p: Progress, l: Lang) -> String {
    let head = l.pick("Đang tải dữ liệu…", "Loading the data…");
    match (p.received, p.total) {
        (0, _) => head.to_string(),
        (r, Some(t)) if t > 0 => format!("{head} {} / {}", megabytes(r, l), megabytes(t, l)),
        (r, _) => format!("{head} {}", megabytes(r, l)),
    }
}

/// What to say when the data shown is a copy kept for use without a network: `at` is the
/// service worker's `x-htx-cached-at` header ("build", or the date it was saved).
pub fn cached_text(at: &str, l: Lang) -> String {
    match at {
        "build" => l.pick("Không có mạng: đang dùng dữ liệu kèm theo ứng dụng.", "Offline: showing the data that came with the app.").to_string(),
        d => {
            let day = d.get(..10).unwrap_or(d);
            match l {
                Lang::Vi => format!("Không có mạng: đang xem bản dữ liệu đã lưu ngày {day}."),
                Lang::En => format!("Offline: showing the copy of the data saved on {day}."),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_and_offline_copies_in_words() {
        assert_eq!(loading_text(Progress::default(), Lang::En), "Loading the data…");
        assert_eq!(loading_text(Progress { received: 200_000, total: Some(400_000) }, Lang::Vi), "Đang tải dữ liệu… 0,2 MB / 0,4 MB");
        assert_eq!(loading_text(Progress { received: 1_250_000, total: None }, Lang::En), "Loading the data… 1.3 MB");
        assert_eq!(cached_text("2026-01-02T10:00:00Z", Lang::Vi), "Không có mạng: đang xem bản dữ liệu đã lưu ngày 2026-01-02.");
        assert!(cached_text("build", Lang::En).starts_with("Offline"));
    }

    #[test]
    fn data_addresses_are_http_only() {
        assert!(valid_data_url("https://example.org/htx.json"));
        assert!(!valid_data_url("javascript:alert(1)"));
        assert!(!valid_data_url("https://a b"));
    }
}
