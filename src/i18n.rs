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

    /// An address of the app's own pages for a reader of this language: for English, `lang=en`
    /// added to its query (before a `#` fragment), so that following it keeps the language; an
    /// address that names a language already, and any address in Vietnamese (the default), are
    /// left as they are.
    pub fn link(self, href: &str) -> String {
        let (path, fragment) = href.split_at(href.find('#').unwrap_or(href.len()));
        let named = path.split_once('?').is_some_and(|(_, q)| q.split('&').any(|p| p.starts_with("lang=")));
        if self == Lang::Vi || named {
            return href.to_string();
        }
        let sep = match path.find('?') {
            None => "?",
            Some(_) if path.ends_with('?') || path.ends_with('&') => "",
            Some(_) => "&",
        };
        format!("{path}{sep}lang=en{fragment}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_english_readers_links_keep_the_language() {
        assert_eq!(Lang::En.link("./"), "./?lang=en");
        assert_eq!(Lang::En.link("tao.html"), "tao.html?lang=en");
        assert_eq!(Lang::En.link("nguon.html?data=a.json#d=xyz"), "nguon.html?data=a.json&lang=en#d=xyz");
        assert_eq!(Lang::En.link("http://h/?m=x&a=vn#d=q"), "http://h/?m=x&a=vn&lang=en#d=q");
        assert_eq!(Lang::En.link("tao.html#d=q"), "tao.html?lang=en#d=q");
        assert_eq!(Lang::En.link("./?"), "./?lang=en");
        assert_eq!(Lang::En.link("./?m=x&lang=vi"), "./?m=x&lang=vi", "a language already named");
        assert_eq!(Lang::Vi.link("tao.html#d=q"), "tao.html#d=q");
    }
}
