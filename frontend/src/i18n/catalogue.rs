//! The part of Fluent (<https://projectfluent.org>) that the catalogues use, read and formatted
//! by a few hundred lines instead of the `fluent` crates (their run-time parser, plural rules and
//! number formatting were a tenth of the app's download).
//!
//! Supported: messages whose value is text with `{ $variable }` placeables and
//! `{ $variable -> [key] … *[default] … }` selections, nested, matched on strings, on exact
//! numbers (`[1]`) or on the plural category of a number (`[one]`); comments and terms are
//! skipped. A message that uses anything else is left out, so it shows its key. The tests format
//! every message of every catalogue with `fluent-bundle` as well and require the same text.

use std::borrow::Cow;
use std::fmt::Write as _;

use shared::Language;

use crate::order;

/// The value of a message's `$variable`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Inserted as is; selects the variant whose key is the same text.
    Text(Cow<'a, str>),
    /// Written in digits, without grouping; selects `[12]` or its plural category (`[one]`).
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

macro_rules! number_args {
    ($($int:ty),*) => {$(
        impl From<$int> for Arg<'_> {
            fn from(number: $int) -> Self {
                Self::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}

number_args!(i32, i64, u8, u16, u32, u64, usize);

/// A message value: text and placeables.
type Pattern = Vec<Part>;

#[derive(Debug)]
enum Part {
    Text(String),
    Variable(String),
    Select { selector: String, variants: Vec<(String, Pattern)>, default: usize },
}

/// The messages of one catalogue, ready to format.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// Sorted by id; the first definition of an id wins.
    messages: Vec<(String, Pattern)>,
}

impl Catalogue {
    /// Reads a catalogue. What it cannot read is left out; it never fails.
    #[must_use]
    pub fn parse(source: &str) -> Self {
        let source = source.replace("\r\n", "\n");
        let mut reader = Reader { rest: &source };
        let mut messages = Vec::new();
        if !reader.at_message() {
            reader.next_message();
        }
        while !reader.rest.is_empty() {
            if let Some(message) = reader.message() {
                messages.push(message);
            }
            reader.next_message();
        }
        // A stable sort keeps the definitions of an id in file order; `dedup` keeps the first.
        order::sort_by(&mut messages, |a, b| a.0.cmp(&b.0));
        messages.dedup_by(|later, first| later.0 == first.0);
        Self { messages }
    }

    /// Whether the catalogue has no message.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The message `id` with `args`, in `language` (for plural categories), and whether every
    /// variable it uses had a value (a missing one is written `{$name}`, as Fluent does).
    #[must_use]
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, Arg<'_>)],
        language: Language,
    ) -> Option<(String, bool)> {
        let at = self.messages.binary_search_by(|(key, _)| key.as_str().cmp(id)).ok()?;
        let mut text = String::new();
        let complete = write(&self.messages[at].1, args, language, &mut text);
        Some((text, complete))
    }

    /// Every message id, sorted (for the tests).
    #[cfg(test)]
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(id, _)| id.as_str())
    }
}

fn write(pattern: &[Part], args: &[(&str, Arg<'_>)], language: Language, out: &mut String) -> bool {
    let lookup = |name: &str| args.iter().find(|(key, _)| *key == name).map(|(_, value)| value);
    let mut complete = true;
    for part in pattern {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Variable(name) => match lookup(name) {
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Number(number)) => {
                    let _ = write!(out, "{number}");
                }
                None => {
                    complete = false;
                    let _ = write!(out, "{{${name}}}");
                }
            },
            Part::Select { selector, variants, default } => {
                let value = lookup(selector);
                complete &= value.is_some();
                let chosen = variants
                    .iter()
                    .position(|(key, _)| value.is_some_and(|v| selects(v, key, language)))
                    .unwrap_or(*default);
                complete &= write(&variants[chosen].1, args, language, out);
            }
        }
    }
    complete
}

/// Whether `value` selects the variant `[key]`. As in Fluent, a numeric key matches an equal
/// number, a name matches equal text or the plural category of a number.
fn selects(value: &Arg<'_>, key: &str, language: Language) -> bool {
    let numeric_key = key.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    match value {
        Arg::Text(text) => !numeric_key && text == key,
        Arg::Number(number) if numeric_key => key.parse() == Ok(*number),
        Arg::Number(number) => key == plural_category(language, *number),
    }
}

/// The CLDR cardinal plural category of a whole number.
const fn plural_category(language: Language, number: i64) -> &'static str {
    let n = number.unsigned_abs();
    match language {
        Language::Fr if n <= 1 => "one",
        Language::Fr if n.is_multiple_of(1_000_000) => "many",
        Language::Lb | Language::De | Language::En if n == 1 => "one",
        _ => "other",
    }
}

/// A cursor over a catalogue's text; every method returns `None` on what it cannot read.
struct Reader<'s> {
    rest: &'s str,
}

impl<'s> Reader<'s> {
    fn at_message(&self) -> bool {
        self.rest.starts_with(|c: char| c.is_ascii_alphabetic())
    }

    /// Moves to the start of the next line that begins a message (skipping comments, terms, the
    /// lines of the message just read and anything unreadable).
    fn next_message(&mut self) {
        loop {
            match self.rest.find('\n') {
                Some(end) => self.rest = &self.rest[end + 1..],
                None => self.rest = "",
            }
            if self.rest.is_empty() || self.at_message() {
                return;
            }
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        let eaten = self.rest.strip_prefix(token);
        if let Some(rest) = eaten {
            self.rest = rest;
        }
        eaten.is_some()
    }

    fn skip_spaces(&mut self) {
        self.rest = self.rest.trim_start_matches(' ');
    }

    fn skip_blank(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\n']);
    }

    fn identifier(&mut self) -> &'s str {
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(self.rest.len());
        let (identifier, rest) = self.rest.split_at(end);
        self.rest = rest;
        identifier
    }

    /// `id = pattern`.
    fn message(&mut self) -> Option<(String, Pattern)> {
        let id = self.identifier().to_owned();
        self.skip_spaces();
        if !self.eat("=") {
            return None;
        }
        self.skip_spaces();
        let pattern = self.pattern()?;
        Some((id, pattern))
    }

    /// Text and placeables, up to the end of the message or of a variant. Continuation lines
    /// are indented; their indentation is dropped, as are blank lines and spaces at either end.
    fn pattern(&mut self) -> Option<Pattern> {
        let mut parts = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.rest.chars().next() {
            match c {
                '{' => {
                    self.rest = &self.rest[1..];
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(self.placeable()?);
                }
                '}' => return None,
                '\n' => {
                    let line = &self.rest[1..];
                    let body = line.trim_start_matches(' ');
                    let continues = match body.chars().next() {
                        None | Some('[' | '*' | '}') => false,
                        Some('\n') => true,
                        Some(_) => body.len() < line.len(),
                    };
                    if !continues {
                        break;
                    }
                    if !parts.is_empty() || !text.is_empty() {
                        text.push('\n');
                    }
                    self.rest = body;
                }
                _ => {
                    text.push(c);
                    self.rest = &self.rest[c.len_utf8()..];
                }
            }
        }
        text.truncate(text.trim_end_matches([' ', '\n']).len());
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Some(parts)
    }

    /// After `{`: `$name }` or `$name -> variants }`.
    fn placeable(&mut self) -> Option<Part> {
        self.skip_blank();
        if !self.eat("$") {
            return None;
        }
        let name = self.identifier().to_owned();
        if name.is_empty() {
            return None;
        }
        self.skip_blank();
        let part = if self.eat("->") {
            let mut variants = Vec::new();
            let mut default = None;
            loop {
                self.skip_blank();
                let is_default = self.eat("*");
                if !self.eat("[") {
                    if is_default {
                        return None;
                    }
                    break;
                }
                self.skip_spaces();
                let end = self.rest.find([']', '\n'])?;
                let key = self.rest[..end].trim_end_matches(' ').to_owned();
                self.rest = self.rest[end..].strip_prefix(']')?;
                self.skip_spaces();
                if is_default {
                    if default.is_some() {
                        return None;
                    }
                    default = Some(variants.len());
                }
                variants.push((key, self.pattern()?));
            }
            Part::Select { selector: name, variants, default: default? }
        } else {
            Part::Variable(name)
        };
        self.skip_blank();
        self.eat("}").then_some(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(source: &str, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        Catalogue::parse(source).format(id, args, Language::En).map(|(text, _)| text)
    }

    #[test]
    fn reads_text_variables_and_nested_selections() {
        let source = "# comment\n\
                      -term = skipped\n\
                      plain = Hello  \n\
                      greet = Hi { $name }, { $n } new.\n\
                      pick = { $who ->\n    [you] You { $outcome ->\n        [failure] failed\n       *[success] did it\n    }.\n   *[other] { $name } did.\n}\n\
                      after = { $day ->\n    [1] first\n   *[other] { $day }\n} of May\n";
        assert_eq!(format(source, "plain", &[]).as_deref(), Some("Hello"));
        let args = [("name", Arg::from("Ana")), ("n", Arg::from(3_u32))];
        assert_eq!(format(source, "greet", &args).as_deref(), Some("Hi Ana, 3 new."));
        let you = [("who", Arg::from("you")), ("outcome", Arg::from("failure"))];
        assert_eq!(format(source, "pick", &you).as_deref(), Some("You failed."));
        let other = [("who", Arg::from("them")), ("name", Arg::from("Bo"))];
        assert_eq!(format(source, "pick", &other).as_deref(), Some("Bo did."));
        assert_eq!(format(source, "after", &[("day", 1.into())]).as_deref(), Some("first of May"));
        assert_eq!(format(source, "after", &[("day", 2.into())]).as_deref(), Some("2 of May"));
        assert_eq!(format(source, "term", &[]), None);
    }

    #[test]
    fn a_missing_variable_shows_its_name_and_is_reported() {
        let catalogue = Catalogue::parse("greet = Hi { $name }!\n");
        assert_eq!(
            catalogue.format("greet", &[], Language::Fr),
            Some(("Hi {$name}!".to_owned(), false))
        );
    }

    #[test]
    fn unreadable_messages_are_left_out_and_the_rest_is_kept() {
        let catalogue =
            Catalogue::parse("a = { NUMBER($x) }\nb = text } here\nc = fine\nc = second\n");
        assert_eq!(catalogue.ids().collect::<Vec<_>>(), ["c"]);
        assert_eq!(catalogue.format("c", &[], Language::De), Some(("fine".to_owned(), true)));
    }

    #[test]
    fn plural_categories_follow_the_language() {
        let source = "n = { $n ->\n    [one] one\n    [many] many\n   *[other] other\n}\n";
        let catalogue = Catalogue::parse(source);
        let say = |language, n: i64| catalogue.format("n", &[("n", n.into())], language).unwrap().0;
        assert_eq!(say(Language::Fr, 0), "one");
        assert_eq!(say(Language::En, 0), "other");
        assert_eq!(say(Language::De, 1), "one");
        assert_eq!(say(Language::Fr, 2_000_000), "many");
        assert_eq!(say(Language::Lb, 2), "other");
    }
}
