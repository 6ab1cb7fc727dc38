//! HTX Charts: interactive charts of Vietnam's cooperative (hợp tác xã) statistics.
//!
//! Data flows one way: JSON → [`load`] (validated [`model::Dataset`]) → [`explore::Selection`]
//! → [`view::build`] (the view model: chart spec, figures, caveats) → [`chart`] (drawing on any
//! plotters backend). Everything here except [`ui`] (the app, Leptos), [`embed`] (the light
//! embed, web-sys alone) and [`web`] (browser helpers both use) is free of the DOM and runs
//! natively under `cargo test`.

#[macro_use]
mod keyed;

pub mod case;
pub mod chart;
pub mod explore;
pub mod deck;
pub mod editor;
pub mod export;
pub mod format;
pub mod i18n;
pub mod key_figures;
pub mod load;
pub mod markup;
pub mod metric_files;
pub mod model;
pub mod prerender;
pub mod sort;
pub mod sources;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
