//! Which language the app starts in: the person's saved choice, else the browser's preferences,
//! else French. Pure; the browser values are read in `crate::browser`.

use shared::Language;

/// The `localStorage` key under which the chosen language tag (`lb`, `fr`, `de`, `en`) is kept.
pub const STORAGE_KEY: &str = "dsp.lang";

/// The language used when neither a saved choice nor the browser names a supported one.
pub const FALLBACK: Language = Language::Fr;

/// The starting language from the saved value (if any) and `navigator.languages`.
#[must_use]
pub fn initial_language(stored: Option<&str>, preferences: &[String]) -> Language {
    stored
        .and_then(parse_stored)
        .or_else(|| Language::negotiate(preferences.iter().map(String::as_str)))
        .unwrap_or(FALLBACK)
}

/// A saved value is a bare tag; a JSON-quoted one (as some storage helpers write) is accepted too.
fn parse_stored(value: &str) -> Option<Language> {
    let tag = value.trim().trim_matches('"');
    Language::ALL.into_iter().find(|l| l.tag() == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn a_saved_choice_wins() {
        assert_eq!(initial_language(Some("lb"), &prefs(&["en-GB", "de"])), Language::Lb);
        assert_eq!(initial_language(Some("\"de\""), &prefs(&["en"])), Language::De);
    }

    #[test]
    fn the_browser_decides_when_nothing_valid_is_saved() {
        assert_eq!(initial_language(None, &prefs(&["pt-PT", "de-LU", "fr"])), Language::De);
        assert_eq!(initial_language(Some("xx"), &prefs(&["en-US"])), Language::En);
        assert_eq!(initial_language(Some(""), &prefs(&["lb-LU"])), Language::Lb);
    }

    #[test]
    fn french_is_the_fallback() {
        assert_eq!(initial_language(None, &[]), Language::Fr);
        assert_eq!(initial_language(None, &prefs(&["es", "it"])), Language::Fr);
    }
}
