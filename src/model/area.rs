//! Areas: the country, regions, provinces before and after the 2025 merger, cities.

use serde::{Deserialize, Serialize};

/// The administrative level of an area. Figures of different levels are never silently mixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The whole country.
    Country,
    /// One of the six socio-economic regions.
    Region,
    /// One of the 34 provincial units in force since 1 July 2025.
    Province,
    /// One of the 63 provinces before the 1 July 2025 merger.
    FormerProvince,
    /// A city or district below a province.
    City,
    /// A province the source does not name.
    UnnamedProvince,
}

impl Level {
    /// All levels, in display order.
    pub const ALL: [Level; 6] = [
        Level::Country,
        Level::Region,
        Level::Province,
        Level::FormerProvince,
        Level::City,
        Level::UnnamedProvince,
    ];

    /// The wire name used in the data file and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Region => "region",
            Level::Province => "province",
            Level::FormerProvince => "former_province",
            Level::City => "city",
            Level::UnnamedProvince => "unnamed_province",
        }
    }

    /// Parses a wire name.
    pub fn from_key(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == s)
    }

    /// True for the levels below the country and regions (provinces, former provinces, cities).
    pub fn is_local(self) -> bool {
        !matches!(self, Level::Country | Level::Region)
    }
}

/// A place figures are reported for.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Stable code (`VN`, `R1`, `P20`, `F24`, `C14-SONLA`, …).
    pub code: String,
    /// Official Vietnamese name.
    pub name: String,
    /// Short chart label, when given.
    pub short: Option<String>,
    /// English label, when given.
    pub name_en: Option<String>,
    /// Administrative level.
    pub level: Level,
    /// Official two-digit code, when it has one.
    pub official_code: Option<String>,
    /// The area it belongs to (a former province → its current province; a city → its province).
    pub part_of: Option<String>,
}

impl Area {
    /// The short label, falling back to the official name.
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }

    /// The short label in a language: the English name where the data gives one ("Hung Yen").
    pub fn short_name_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => self.name_en.as_deref().unwrap_or_else(|| self.short_name()),
            crate::i18n::Lang::Vi => self.short_name(),
        }
    }
}
