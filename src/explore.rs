//! The explorer's logic, free of the DOM: what the reader chose ([`Selection`]), how it lives in
//! the query string ([`from_query`], [`to_query`]) and finding areas by name ([`search_areas`]).
//! What a selection shows is built by [`crate::view::build`].

pub mod search;
pub mod selection;
pub mod url;

pub use search::{fold, now_part_of, search_areas};
pub use selection::{AreaSet, ChartKind, DatePick, Mode, Selection, SortBy};
pub use url::{bad_embed_option, bad_lang, from_query, to_query, NoticeReason, ParamNotice};
