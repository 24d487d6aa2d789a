//! Translation: the four Fluent catalogues (`frontend/i18n/*.ftl`, compiled in), the lookup that
//! never panics, locale-aware dates, and the Yew context that carries the chosen language.
//!
//! Everything here except [`context`] is plain Rust, tested natively by `cargo test -p frontend`.
//! A missing or broken message shows its key, so a gap is visible on screen but never fatal; the
//! tests make sure no catalogue has such a gap.

pub mod choice;
pub mod context;
pub mod history;
pub mod messages;

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use shared::Language;
use unic_langid::LanguageIdentifier;

/// The Fluent source of a language's catalogue.
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
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translator").field("language", &self.language).finish_non_exhaustive()
    }
}

thread_local! {
    /// One translator per language, built on first use and kept for the life of the page.
    static TRANSLATORS: [OnceCell<Rc<Translator>>; 4] = const { [const { OnceCell::new() }; 4] };
}

impl Translator {
    /// Parses the catalogue of `language`. Syntax errors and duplicate keys keep what parses
    /// (the catalogue tests reject both), so the app always starts.
    #[must_use]
    pub fn new(language: Language) -> Self {
        let locale: LanguageIdentifier = language.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // Isolation marks (U+2068/U+2069) around arguments would be invisible noise in our
        // left-to-right languages and would break text matching in tests.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source(language).to_owned())
            .unwrap_or_else(|(partial, _errors)| partial);
        // On duplicate keys the first definition wins; `catalogues_parse_cleanly` rejects them.
        let _ = bundle.add_resource(resource);
        Self { language, bundle }
    }

    /// The shared translator of `language` (built once per page load).
    #[must_use]
    pub fn shared(language: Language) -> Rc<Self> {
        let index = match language {
            Language::Lb => 0,
            Language::Fr => 1,
            Language::De => 2,
            Language::En => 3,
        };
        TRANSLATORS
            .with(|cells| Rc::clone(cells[index].get_or_init(|| Rc::new(Self::new(language)))))
    }

    /// The language of this translator.
    #[must_use]
    pub const fn language(&self) -> Language {
        self.language
    }

    /// The message `key` without arguments; the key itself when there is no such message.
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        self.format(key, None).unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with named arguments; the key itself when there is no such message.
    #[must_use]
    pub fn t_args<'a>(
        &self,
        key: &str,
        args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
    ) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name, value);
        }
        self.format(key, Some(&fluent_args)).unwrap_or_else(|| key.to_owned())
    }

    /// A date written out in this language, e.g. `25 novembre 2026` or `25. November 2026`.
    #[must_use]
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.t(&format!("month-{}", date.month()));
        self.t_args(
            "date-long",
            [
                ("day", FluentValue::from(date.day())),
                ("month", FluentValue::from(month)),
                // A string, so that no locale ever groups the digits of a year.
                ("year", FluentValue::from(date.year().to_string())),
            ],
        )
    }

    /// A date and a 24-hour time, e.g. `25 novembre 2026 à 14:05`.
    #[must_use]
    pub fn date_time(&self, at: NaiveDateTime) -> String {
        self.t_args(
            "date-time",
            [
                ("date", FluentValue::from(self.date(at.date()))),
                ("time", FluentValue::from(format!("{:02}:{:02}", at.hour(), at.minute()))),
            ],
        )
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// Like `t_args`, but reports formatting errors and missing messages (for the tests).
    #[cfg(test)]
    fn try_format(&self, key: &str, args: &FluentArgs<'_>) -> Result<String, String> {
        let message = self.bundle.get_message(key).ok_or_else(|| format!("no message {key}"))?;
        let pattern = message.value().ok_or_else(|| format!("{key} has no value"))?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        if errors.is_empty() { Ok(text.into_owned()) } else { Err(format!("{key}: {errors:?}")) }
    }
}

/// `date` written out in `language`, with the month names of the catalogues.
#[must_use]
pub fn format_date(date: NaiveDate, language: Language) -> String {
    Translator::shared(language).date(date)
}

#[cfg(test)]
mod tests;
