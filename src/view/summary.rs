//! A written summary of a chart, read from its view model: what is compared, the largest and
//! smallest figures with their areas and dates, the span of dates, and the caveat that matters
//! most (dates that differ, sources that disagree, scopes that differ).
//!
//! [`Summary::of`] reads a [`ChartView`] into typed facts; [`Summary::vi`] and [`Summary::en`] put
//! them into words, nowhere else. Every number in a summary is a figure's own text as drawn (value
//! with qualifier and unit, date), a count of figures, areas, rows, lines or tiles, a year of the
//! figures' dates, or the difference of two exact figures of one line in one unit (to the
//! decimals of the figures). No average, sum or rounded figure is ever written (row totals only
//! pick the longest stacked row). A long chart's figures in its table only ([`ChartView::rest`])
//! count as much as those drawn.
//!
//! The parts: `facts` (the typed facts a summary states), `read` (reading a view into them, one
//! function per chart kind), `figures` (what those ask of the figures: dates, extremes, sources,
//! changes), `vi` and `en` (the words, one function per chart kind or fact) and `words` (word
//! helpers both languages share).

mod en;
mod facts;
mod figures;
mod read;
mod vi;
mod words;

pub use facts::{Body, Change, Dates, Derived, Disagreement, End, Extreme, Line, Named, PartKind, Row, Sourced, StackDetail};

use super::model::{ChartView, Figure};
use super::Caveat;
use crate::chart::ChartSpec;
use crate::explore::Mode;
use crate::i18n::Lang;
use crate::model::Dataset;

/// Places where sources disagree, named.
const MAX_DISAGREEMENTS: usize = 3;

/// The facts a summary states.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// What is compared.
    pub body: Body,
    /// The values count things ("nhiều nhất"), rather than measure them ("cao nhất").
    pub counts: bool,
    /// The values are computed.
    pub computed: Option<Derived>,
    /// Areas and dates where sources give different figures (not already said at a line's ends).
    pub disagreements: Vec<Disagreement>,
    /// How many more such places.
    pub more_disagreements: usize,
    /// Scopes differ between sources.
    pub scopes: bool,
}

/// The summary of a view in words. `lang` must be the view's own language (the figures' texts,
/// quoted as they are, are in it); [`ChartView::summary`] holds this, filled by
/// [`crate::view::build`].
pub fn summary(view: &ChartView, ds: &Dataset, lang: Lang) -> String {
    Summary::of(view, ds, lang).text(lang)
}

/// The alternative text of a chart image (PNG or SVG frame): its title and its summary.
pub fn alt_text(view: &ChartView) -> String {
    let title = view.title.trim().trim_end_matches('.');
    match (title.is_empty(), view.summary.trim().is_empty()) {
        (_, true) => format!("{title}."),
        (true, false) => view.summary.clone(),
        (false, false) => format!("{title}. {}", view.summary),
    }
}

impl Summary {
    /// The facts of a view's summary. `lang` is the view's language.
    pub fn of(view: &ChartView, ds: &Dataset, lang: Lang) -> Summary {
        // the figures drawn, then those of a long chart in its table only
        let figs: Vec<&Figure> = view.figures.iter().chain(&view.rest).collect();
        let computed = match view.mode {
            Mode::Absolute => None,
            _ if figs.iter().all(|f| f.formula.is_none()) => None,
            mode => Some(Derived { share: mode == Mode::Share, two: figs.iter().all(|f| f.inputs.len() <= 2) }),
        };
        let counts = figs.first().is_some_and(|f| f.unit.is_count());
        let scopes = view.caveats.contains(&Caveat::ScopesDiffer);
        let mut skip = Vec::new();
        let body = match &view.spec {
            _ if figs.is_empty() && !matches!(view.spec, ChartSpec::Map(_)) => Body::Empty,
            ChartSpec::Bars(b) => read::bars(view, b, ds, lang),
            ChartSpec::Stacked(s) => read::stacked(view, s, ds, lang),
            ChartSpec::Series(s) => read::lines(view, s, ds, lang, &mut skip),
            ChartSpec::Map(m) => read::map(view, m),
        };
        let all = if matches!(view.spec, ChartSpec::Map(_)) { Vec::new() } else { figures::disagreements(ds, &figs, lang, &skip) };
        let more_disagreements = all.len().saturating_sub(MAX_DISAGREEMENTS);
        let disagreements = all.into_iter().take(MAX_DISAGREEMENTS).collect();
        let computed = if body == Body::Empty { None } else { computed };
        Summary { body, counts, computed, disagreements, more_disagreements, scopes: scopes && !figs.is_empty() }
    }

    /// In words.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }
}
