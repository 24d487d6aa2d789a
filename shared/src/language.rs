//! The four languages in which everything a person reads exists.

use serde::{Deserialize, Serialize};

/// A language of the product: Luxembourgish, French, German or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Lëtzebuergesch.
    Lb,
    /// Français.
    #[default]
    Fr,
    /// Deutsch.
    De,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Self; 4] = [Self::Lb, Self::Fr, Self::De, Self::En];

    /// The BCP 47 tag (`lb`, `fr`, `de`, `en`).
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Lb => "lb",
            Self::Fr => "fr",
            Self::De => "de",
            Self::En => "en",
        }
    }

    /// The language's own name for itself.
    #[must_use]
    pub const fn endonym(self) -> &'static str {
        match self {
            Self::Lb => "Lëtzebuergesch",
            Self::Fr => "Français",
            Self::De => "Deutsch",
            Self::En => "English",
        }
    }

    /// Reads a tag such as `de`, `de-LU` or `EN_gb`; `None` for a language the product lacks.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first supported language of a preference list (e.g. `navigator.languages`).
    #[must_use]
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        preferences.into_iter().find_map(Self::from_tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Language::from_tag("de-LU"), Some(Language::De));
        assert_eq!(Language::from_tag("EN_gb"), Some(Language::En));
        assert_eq!(Language::from_tag("pt"), None);
    }

    #[test]
    fn negotiation_takes_the_first_supported() {
        assert_eq!(Language::negotiate(["pt-PT", "de-DE", "fr"]), Some(Language::De));
        assert_eq!(Language::negotiate(["pt", "es"]), None);
    }
}
