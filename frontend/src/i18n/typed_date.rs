//! Dates that a person types, in the page's language rather than the browser's: day, month and
//! year with the separator the language writes (`25.11.2026` in Luxembourgish and German,
//! `25/11/2026` in French and English). The browser's `<input type=date>` shows the format of
//! the browser's locale whatever the page's language, so the app reads and writes the text itself.

use chrono::{Datelike, NaiveDate};
use shared::Language;

use crate::forms::parse_iso_date;

/// The separator between day, month and year in `language`.
#[must_use]
pub const fn separator(language: Language) -> char {
    match language {
        Language::Lb | Language::De => '.',
        Language::Fr | Language::En => '/',
    }
}

/// `date` as a person of `language` types it: `25.11.2026`, `25/11/2026`.
#[must_use]
pub fn typed_date(date: NaiveDate, language: Language) -> String {
    let sep = separator(language);
    format!("{:02}{sep}{:02}{sep}{:04}", date.day(), date.month(), date.year())
}

/// Reads a typed date: day, month and a four-digit year, in that order, separated by `.`, `/`,
/// `-` or spaces, whatever the language (a person may use another separator than the hint's);
/// `YYYY-MM-DD` is read too. `None` for anything else, including a day that does not exist.
#[must_use]
pub fn parse_typed_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso_date(text) {
        return Some(date);
    }
    let is_separator = |c: char| matches!(c, '.' | '/' | '-' | ' ');
    if !text.chars().all(|c| c.is_ascii_digit() || is_separator(c)) {
        return None;
    }
    let parts: Vec<&str> = text.split(is_separator).filter(|p| !p.is_empty()).collect();
    let [day, month, year] = parts.as_slice() else { return None };
    if day.len() > 2 || month.len() > 2 || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Translator;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_language_writes_day_month_year_with_its_separator() {
        let day = date(2026, 3, 5);
        assert_eq!(typed_date(day, Language::Lb), "05.03.2026");
        assert_eq!(typed_date(day, Language::De), "05.03.2026");
        assert_eq!(typed_date(day, Language::Fr), "05/03/2026");
        assert_eq!(typed_date(day, Language::En), "05/03/2026");
    }

    #[test]
    fn what_is_written_reads_back() {
        for language in Language::ALL {
            for day in [date(2026, 11, 25), date(1893, 12, 1), date(2024, 2, 29)] {
                assert_eq!(parse_typed_date(&typed_date(day, language)), Some(day));
            }
        }
    }

    #[test]
    fn day_comes_before_month_and_the_year_has_four_digits() {
        assert_eq!(parse_typed_date("5.3.2026"), Some(date(2026, 3, 5)));
        assert_eq!(parse_typed_date(" 05/03/2026 "), Some(date(2026, 3, 5)));
        assert_eq!(parse_typed_date("05-03-2026"), Some(date(2026, 3, 5)));
        assert_eq!(parse_typed_date("2026-03-05"), Some(date(2026, 3, 5)));
        assert_eq!(parse_typed_date("13/12/2026"), Some(date(2026, 12, 13)));
        for wrong in [
            "",
            "12/13/2026",
            "31.02.2026",
            "29.02.2025",
            "05.03.26",
            "05.03",
            "5 mars 2026",
            "05.03.2026.1",
            "005.03.2026",
            "05.03.20266",
            "a5.03.2026",
            "0.03.2026",
        ] {
            assert_eq!(parse_typed_date(wrong), None, "{wrong}");
        }
    }

    /// The hint and the error of every language show a date written the way that language
    /// writes it.
    #[test]
    fn the_hint_and_the_error_show_the_language_s_format() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let example = typed_date(date(2026, 11, 25), language);
            for key in ["date-format-hint", "field-invalid-date"] {
                let text = tr.t(key);
                assert!(text.contains(&example), "{}: {key}: {text}", language.tag());
            }
        }
    }
}
