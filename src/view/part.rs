//! The parts a figure can be broken into: sectors and rating classes, with their stable order
//! and palette colours.

use crate::chart::GREY;
use crate::i18n::Lang;
use crate::model::{Rating, Sector};

/// A sector or a rating class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// A sector (by-sector breakdowns).
    Sector(Sector),
    /// A rating class (rating shares).
    Rating(Rating),
}

/// Rating classes from best to worst.
pub const RATING_ORDER: [Rating; 5] = [Rating::Good, Rating::GoodOrFair, Rating::Fair, Rating::Average, Rating::Weak];

impl Part {
    /// The URL and mark key (`agriculture`, `good`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Sector(s) => s.key(),
            Part::Rating(r) => r.key(),
        }
    }

    /// The label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Part::Sector(s) => s.label(lang),
            Part::Rating(r) => r.label(lang),
        }
    }

    /// Stable palette index.
    pub fn colour(self) -> usize {
        match self {
            Part::Sector(s) => sector_colour(s),
            Part::Rating(r) => match r {
                Rating::Good => 2,
                Rating::GoodOrFair => 0,
                Rating::Fair => 4,
                Rating::Average => 6,
                Rating::Weak => 5,
            },
        }
    }

    /// Position in the legend.
    pub fn order(self) -> usize {
        match self {
            Part::Sector(s) => Sector::ALL.iter().position(|x| *x == s).unwrap_or(0),
            Part::Rating(r) => RATING_ORDER.iter().position(|x| *x == r).unwrap_or(0),
        }
    }
}

/// The stable palette index of a sector (Okabe–Ito; “other” grey, “non-agriculture” black).
pub fn sector_colour(s: Sector) -> usize {
    match s {
        Sector::Agriculture => 2,
        Sector::IndustryHandicraft => 0,
        Sector::Construction => 1,
        Sector::TradeServices => 3,
        Sector::Transport => 4,
        Sector::Credit => 5,
        Sector::General => 6,
        Sector::NonAgriculture => 7,
        Sector::Other => GREY,
    }
}
