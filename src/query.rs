//! Queries: from a validated dataset to chart views (a spec to draw plus its title, unit line,
//! source line and notes), and the tooltip text of one figure.

mod labels;
mod select;
mod tooltip;
pub(crate) mod views;

pub use labels::area_label;
pub use select::{latest_per_area, metric_choices, sector_areas};
pub use tooltip::{tooltip, Tooltip};
pub use views::{coops_by_area, coops_by_region, coops_by_sector, metric_by_area, national_series, rating_shares, ChartView};
