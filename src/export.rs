//! Exports of a chart view: its figures as CSV, and the chart with its title, caveats, source and
//! dates around it (a "printed chart") as SVG or, on a canvas backend, PNG.
//!
//! Everything here is free of the DOM; the UI turns the results into downloads.

mod csv;
mod frame;

pub use csv::{figures_csv, COLUMNS};
pub use frame::{dates_line, draw_framed, slide_meta, frame_for, frame_height, framed_svg, wrap, Frame};
