//! The explorer's logic, free of the DOM: what the reader chose ([`Selection`]), how it lives in
//! the query string ([`from_query`], [`to_query`]), finding areas by name ([`search_areas`]) and
//! what to show for a selection ([`build`]).

pub mod build;
pub mod search;
pub mod selection;
pub mod url;

pub use build::{build, metric_choices, Derived, ExploreView, LegendItem, TableRow};
pub use search::{fold, now_part_of, search_areas};
pub use selection::{AreaSet, ChartKind, DatePick, Mode, Selection, SortBy};
pub use url::{from_query, to_query, NoticeReason, ParamNotice};
