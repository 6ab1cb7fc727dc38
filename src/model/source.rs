//! Where a figure was published.

/// A publication figures were read in.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Unique id, referenced by observations.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Article or report title.
    pub title: String,
    /// Web address, when known (always http or https).
    pub url: Option<String>,
    /// Publication date as written (`YYYY[-MM[-DD]]`), when known.
    pub published: Option<String>,
    /// The body the figures are attributed to, when named.
    pub reporter: Option<String>,
}
