//! A data request in flight, as the app's loading line follows it: the shared fetch
//! ([`crate::web::fetch`]) reporting to signals.

use crate::load::{FetchError, Progress};
use crate::model::Dataset;
use crate::web::fetch::{self, Report};
use leptos::prelude::*;
use std::sync::Arc;

/// A data request in flight: its progress, and a way to cancel it.
#[derive(Clone, Copy)]
pub struct Loading {
    /// The progress of the current request.
    pub progress: RwSignal<Progress>,
    abort: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
}

impl Loading {
    /// A handle for one page's requests.
    pub fn new() -> Loading {
        Loading { progress: RwSignal::new(Progress::default()), abort: StoredValue::new_local(None) }
    }

    /// Cancels the request in flight, if any.
    pub fn cancel(&self) {
        self.abort.with_value(|a| {
            if let Some(a) = a {
                a.abort_with_reason(&js_sys::Error::new("cancelled by the reader"));
            }
        });
    }
}

/// Fetches and validates a dataset, within the time limit, reporting progress to `loading`.
pub async fn fetch_dataset(url: String, loading: Loading) -> Result<Arc<Dataset>, FetchError> {
    let progress = move |p: Progress| loading.progress.set(p);
    let abort = move |a: Option<web_sys::AbortController>| loading.abort.set_value(a);
    fetch::fetch_dataset(&url, &Report { progress: &progress, abort: &abort, parse: crate::load::load }).await.map(Arc::new)
}
