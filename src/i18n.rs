//! The two languages of the interface: Vietnamese first, English second.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese (vi-VN): the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The wire name (`vi`, `en`) used in URLs and the `lang` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a wire name.
    pub fn from_key(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
