//! Translation: the four Fluent catalogues (`frontend/i18n/*.ftl`), the lookup that never
//! panics, locale-aware dates, and the Yew context that carries the chosen language.
//!
//! The catalogues are not compiled in: trunk copies them beside the app (`/i18n/<tag>.ftl`) and
//! [`context::load`] fetches only the one the person reads, before the first render. Everything
//! here except [`context`] is plain Rust, tested natively by `cargo test -p frontend`. A missing
//! or broken message shows its key, so a gap is visible on screen but never fatal; the tests make
//! sure no catalogue has such a gap.

pub mod catalogue;
pub mod choice;
pub mod context;
pub mod history;
pub mod messages;
pub mod typed_date;

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use shared::Language;

pub use catalogue::Arg;
use catalogue::Catalogue;

/// The Fluent source of a language's catalogue (the app fetches it; the tests compile it in).
#[cfg(test)]
#[must_use]
pub const fn source(language: Language) -> &'static str {
    match language {
        Language::Lb => include_str!("../../i18n/lb.ftl"),
        Language::Fr => include_str!("../../i18n/fr.ftl"),
        Language::De => include_str!("../../i18n/de.ftl"),
        Language::En => include_str!("../../i18n/en.ftl"),
    }
}

/// The messages of one language, ready to format.
pub struct Translator {
    language: Language,
    catalogue: Catalogue,
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translator").field("language", &self.language).finish_non_exhaustive()
    }
}

impl Translator {
    /// Reads the catalogue `source` of `language`. What does not parse is left out (the
    /// catalogue tests reject it), so the app always starts.
    #[must_use]
    pub fn parse(language: Language, source: &str) -> Self {
        Self { language, catalogue: Catalogue::parse(source) }
    }

    /// The translator of `language`, from the catalogue compiled into the tests.
    #[cfg(test)]
    #[must_use]
    pub fn new(language: Language) -> Self {
        Self::parse(language, source(language))
    }

    /// Whether the catalogue had no message at all (not a catalogue).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.catalogue.is_empty()
    }

    /// The language of this translator.
    #[must_use]
    pub const fn language(&self) -> Language {
        self.language
    }

    /// The message `key` without arguments; the key itself when there is no such message.
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` with named arguments; the key itself when there is no such message.
    #[must_use]
    pub fn t_args<const N: usize>(&self, key: &str, args: [(&str, Arg<'_>); N]) -> String {
        self.format(key, &args)
    }

    /// A date written out in this language, e.g. `25 novembre 2026` or `25. November 2026`.
    #[must_use]
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.t(&format!("month-{}", date.month()));
        self.t_args(
            "date-long",
            [
                ("day", Arg::from(date.day())),
                ("month", Arg::from(month)),
                ("year", Arg::from(date.year())),
            ],
        )
    }

    /// A date and a 24-hour time, e.g. `25 novembre 2026 à 14:05`.
    #[must_use]
    pub fn date_time(&self, at: NaiveDateTime) -> String {
        self.t_args(
            "date-time",
            [
                ("date", Arg::from(self.date(at.date()))),
                ("time", Arg::from(format!("{:02}:{:02}", at.hour(), at.minute()))),
            ],
        )
    }

    fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.catalogue
            .format(key, args, self.language)
            .map_or_else(|| key.to_owned(), |(text, _complete)| text)
    }

    /// Like `t_args`, but reports missing messages and variables (for the tests).
    #[cfg(test)]
    fn try_format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Result<String, String> {
        match self.catalogue.format(key, args, self.language) {
            Some((text, true)) => Ok(text),
            Some((text, false)) => Err(format!("{key}: a variable has no value: {text}")),
            None => Err(format!("no message {key}")),
        }
    }
}

#[cfg(test)]
mod tests;
