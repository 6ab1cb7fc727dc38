//! HTX Charts: interactive charts of Vietnam's cooperative (hợp tác xã) statistics.
//!
//! Data flows one way: JSON → [`load`] (validated [`model::Dataset`]) → [`query`] (chart specs)
//! → [`chart`] (layout and drawing on any plotters backend). Everything here except [`ui`] is free
//! of the DOM and runs natively under `cargo test`.

#[macro_use]
mod keyed;

pub mod chart;
pub mod explore;
pub mod deck;
pub mod export;
pub mod format;
pub mod i18n;
pub mod load;
pub mod model;
pub mod query;

#[cfg(target_arch = "wasm32")]
pub mod ui;
