//! `keyed_enum!`: an enum whose values have a stable word (for data files and URLs) and a label in
//! each interface language. Extra attributes (such as `#[derive(Default)]` with a `#[default]`
//! variant) pass through.

/// Declares a keyed enum (see the module documentation).
macro_rules! keyed_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal, $vi:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vdoc])* $variant,)+ }

        impl $name {
            /// Every value, in display (menu) order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The word used in data files and URLs.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// Parses that word.
            pub fn from_key(s: &str) -> Option<Self> {
                match s { $($key => Some($name::$variant),)+ _ => None }
            }

            /// Human label in the given language.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Vi) => $vi, ($name::$variant, Lang::En) => $en,)+
                }
            }
        }
    };
}

