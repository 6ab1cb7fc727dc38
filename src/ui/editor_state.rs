//! The chart maker's state, shared with its parts through context: the draft (kept in the
//! browser's storage after every change), what it compiles to, and the areas names match.

use crate::editor::{self, Compiled, Draft};
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the draft is kept between visits.
pub const STORE_KEY: &str = "htx-editor-draft";

/// The chart maker's state.
#[derive(Clone, Copy)]
pub struct Ed {
    /// What she typed.
    pub draft: RwSignal<Draft>,
    /// What it compiles to (file, dataset, problems).
    pub compiled: Memo<Compiled>,
    /// The areas names are matched to (the bundled dataset).
    pub reference: StoredValue<Arc<Dataset>>,
}

impl Ed {
    /// A new state around a draft; every change is saved.
    pub fn new(reference: Arc<Dataset>, draft: Draft) -> Ed {
        let draft = RwSignal::new(draft);
        let r = reference.clone();
        let today = today();
        let lang = super::context::lang();
        let compiled = Memo::new(move |_| draft.with(|d| editor::compile::compile_in(d, &r, &today, lang.get())));
        Effect::new(move |_| draft.with(|d| super::browser::save(STORE_KEY, &editor::store::save(d))));
        Ed { draft, compiled, reference: StoredValue::new(reference) }
    }

    /// Changes the draft.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
    }
}

/// Today's date (`YYYY-MM-DD`), the file's `updated` date.
pub fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.chars().take(10).collect()
}

/// The chart maker's state from context.
pub fn ed() -> Ed {
    expect_context::<Ed>()
}
