//! The catalogues are complete and consistent: every language has every key, every message
//! formats to non-empty text, the app's own reader formats every message exactly as Fluent's
//! reference implementation (`fluent-bundle`) does, and every key the code or the shared crate
//! relies on exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use shared::{ApiErrorCode, Category, Language, NationalIdError, Profession};

use super::{Arg, Translator, source};

/// Message id → the variables its pattern uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn catalogue(language: Language) -> Catalogue {
    let resource = match FluentResource::try_new(source(language).to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{} does not parse: {errors:?}", language.tag()),
    };
    let mut messages = Catalogue::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            let fresh = messages.insert(message.id.name.to_owned(), variables).is_none();
            assert!(fresh, "{}: {} is defined twice", language.tag(), message.id.name);
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        _ => {}
    }
}

/// Arguments for every message: each variable a catalogue uses, with a plausible value.
fn sample_args(catalogue: &Catalogue) -> Vec<(String, Arg<'static>)> {
    let names: BTreeSet<&String> = catalogue.values().flatten().collect();
    names
        .into_iter()
        .map(|name| match name.as_str() {
            "count" | "day" | "status" => (name.clone(), Arg::from(12)),
            _ => (name.clone(), Arg::from(format!("sample-{name}"))),
        })
        .collect()
}

fn borrowed<'a>(args: &'a [(String, Arg<'static>)]) -> Vec<(&'a str, Arg<'static>)> {
    args.iter().map(|(name, value)| (name.as_str(), value.clone())).collect()
}

/// The same arguments for `fluent-bundle`.
fn fluent_args(args: &[(&str, Arg<'_>)]) -> FluentArgs<'static> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent.set(name.to_string(), text.to_string()),
            Arg::Number(number) => fluent.set(name.to_string(), *number),
        }
    }
    fluent
}

/// What Fluent's reference implementation makes of `key` with `args`.
fn reference_format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: &FluentArgs<'_>,
) -> String {
    let pattern = bundle.get_message(key).and_then(|m| m.value()).unwrap();
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
    assert!(errors.is_empty(), "{key}: {errors:?}");
    text
}

fn reference_bundle(language: Language) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![language.tag().parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(source(language).to_owned()).unwrap()).unwrap();
    bundle
}

/// Every value a message selects on, with every variant key of the catalogues, numbers around
/// the plural boundaries, and a value that no key names (the default variant).
fn selector_values(language: Language) -> Vec<Arg<'static>> {
    let mut keys = BTreeSet::new();
    for line in source(language).lines() {
        let line = line.trim_start().trim_start_matches('*');
        if let Some(key) = line.strip_prefix('[').and_then(|rest| rest.split(']').next()) {
            keys.insert(key.trim().to_owned());
        }
    }
    let mut values: Vec<Arg<'static>> = keys.into_iter().map(Arg::from).collect();
    values.extend([0, 1, 2, 12, 1_000_000].map(Arg::from));
    values.push(Arg::from("no-such-variant"));
    values
}

/// The app reads the catalogues itself (see `catalogue`); for every message, with every
/// selector value, it must say exactly what Fluent says.
#[test]
fn every_message_reads_as_fluent_reads_it() {
    for language in Language::ALL {
        let messages = catalogue(language);
        let translator = Translator::new(language);
        let reference = reference_bundle(language);
        let base = sample_args(&messages);
        let mut checked = 0;
        for (key, variables) in &messages {
            let mut cases = vec![borrowed(&base)];
            for variable in variables {
                for value in selector_values(language) {
                    let mut args = borrowed(&base);
                    for (name, arg) in &mut args {
                        if name == variable {
                            *arg = value.clone();
                        }
                    }
                    cases.push(args);
                }
            }
            for args in cases {
                let ours = translator.try_format(key, &args).unwrap_or_else(|e| panic!("{e}"));
                let theirs = reference_format(&reference, key, &fluent_args(&args));
                assert_eq!(ours, theirs, "{}: {key} with {args:?}", language.tag());
                checked += 1;
            }
        }
        assert!(checked > messages.len(), "{}: only {checked} cases", language.tag());
    }
}

/// The reader leaves out no message that Fluent reads.
#[test]
fn the_reader_finds_every_message() {
    for language in Language::ALL {
        let ours: BTreeSet<String> =
            Translator::new(language).catalogue.ids().map(str::to_owned).collect();
        let theirs: BTreeSet<String> = catalogue(language).into_keys().collect();
        assert_eq!(ours, theirs, "{}", language.tag());
    }
}

/// No syntax errors, no key defined twice (`catalogue` panics on either).
#[test]
fn catalogues_parse_cleanly() {
    for language in Language::ALL {
        assert!(!catalogue(language).is_empty());
    }
}

#[test]
fn every_language_has_the_same_keys_and_variables() {
    let reference = catalogue(Language::En);
    for language in Language::ALL {
        let other = catalogue(language);
        let missing: Vec<_> = reference.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
        assert!(extra.is_empty(), "{} has keys that en lacks: {extra:?}", language.tag());
        for (key, variables) in &reference {
            assert_eq!(
                other.get(key),
                Some(variables),
                "{}: {key} must use the same variables as in en",
                language.tag()
            );
        }
    }
}

#[test]
fn every_message_formats_to_non_empty_text() {
    for language in Language::ALL {
        let messages = catalogue(language);
        let args = sample_args(&messages);
        let translator = Translator::new(language);
        for key in messages.keys() {
            let text =
                translator.try_format(key, &borrowed(&args)).unwrap_or_else(|e| panic!("{e}"));
            assert!(!text.trim().is_empty(), "{}: {key} is empty", language.tag());
            assert!(!text.contains(['\u{2068}', '\u{2069}']), "{key} has isolation marks");
        }
    }
}

fn assert_key_everywhere(key: &str) {
    for language in Language::ALL {
        assert!(
            catalogue(language).contains_key(key),
            "{}: missing key {key} required by the code",
            language.tag()
        );
    }
}

#[test]
fn every_shared_code_has_a_message() {
    for code in ApiErrorCode::ALL {
        assert_key_everywhere(&code.message_key());
    }
    for category in Category::ALL {
        assert_key_everywhere(&format!("category-{}", category.code()));
    }
    for profession in Profession::ALL {
        assert_key_everywhere(&format!("profession-{}", profession.code()));
    }
    for error in [
        NationalIdError::NotDigits,
        NationalIdError::WrongLength(12),
        NationalIdError::InvalidBirthDate,
        NationalIdError::LuhnMismatch,
        NationalIdError::VerhoeffMismatch,
    ] {
        assert_key_everywhere(error.message_key());
    }
    for month in 1..=12 {
        assert_key_everywhere(&format!("month-{month}"));
    }
}

/// Every literal key passed to `.t("…")`, `.t_args("…", …)` or `use_page("…")` in the sources exists.
#[test]
fn every_key_used_in_the_code_exists() {
    let mut keys = BTreeSet::new();
    collect_literal_keys(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut keys);
    assert!(keys.len() > 30, "the scan found too few keys: {keys:?}");
    for key in &keys {
        assert_key_everywhere(key);
    }
}

fn collect_literal_keys(dir: &Path, keys: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_literal_keys(&path, keys);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Method calls only (`i18n.t("…")`), not any function whose name ends in `t`.
            for call in [".t(\"", ".t_args(\"", "use_page(\""] {
                for (at, _) in text.match_indices(call) {
                    let rest = &text[at + call.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    let key_like =
                        |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
                    if !key.is_empty() && key.chars().all(key_like) {
                        keys.insert(key.to_owned());
                    }
                }
            }
        }
    }
}

/// Keys the code picks at run time (kept as data, so the literal scan cannot see them).
#[test]
fn keys_chosen_at_run_time_exist() {
    for key in ["security-renamed", "security-removed", "security-added"] {
        assert_key_everywhere(key);
    }
    use super::history::{action_key, context_key, denied_key, group_key, rule_key, what_key};
    use shared::api::history::{
        ACTION_GROUPS, DENIAL_REASONS, KNOWN_ACTIONS, LINK_CONTEXTS, RULES,
    };
    for action in KNOWN_ACTIONS {
        assert_key_everywhere(&action_key(action).unwrap());
        assert_key_everywhere(&what_key(action).unwrap());
    }
    for (group, _) in ACTION_GROUPS {
        assert_key_everywhere(&group_key(group));
    }
    for rule in RULES {
        assert_key_everywhere(&rule_key(rule).unwrap());
    }
    for reason in DENIAL_REASONS {
        assert_key_everywhere(&denied_key(reason).unwrap());
    }
    for context in LINK_CONTEXTS {
        assert_key_everywhere(&context_key(context).unwrap());
    }
}

#[test]
fn a_missing_key_shows_itself() {
    let translator = Translator::new(Language::De);
    assert_eq!(translator.t("no-such-key"), "no-such-key");
    assert_eq!(translator.t_args("no-such-key", [("x", 1.into())]), "no-such-key");
}

#[test]
fn the_home_heading_differs_in_each_language() {
    let headings: BTreeSet<String> =
        Language::ALL.into_iter().map(|l| Translator::new(l).t("home-heading")).collect();
    assert_eq!(headings.len(), 4, "{headings:?}");
}

#[test]
fn arguments_are_inserted_without_isolation_marks() {
    let translator = Translator::new(Language::En);
    assert_eq!(
        translator.t_args("national-id-wrong-length", [("count", 12.into())]),
        "A national ID has 13 digits; this one has 12."
    );
}

fn format_date(date: NaiveDate, language: Language) -> String {
    Translator::new(language).date(date)
}

#[test]
fn dates_follow_the_language() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert_eq!(format_date(date, Language::En), "25 November 2026");
    assert_eq!(format_date(date, Language::Fr), "25 novembre 2026");
    assert_eq!(format_date(date, Language::De), "25. November 2026");
    assert_eq!(format_date(date, Language::Lb), "25. November 2026");

    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(format_date(first, Language::Fr), "1er janvier 2027");
    assert_eq!(format_date(first, Language::En), "1 January 2027");

    let march = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    assert_eq!(format_date(march, Language::Lb), "3. Mäerz 2026");
    assert_eq!(format_date(march, Language::De), "3. März 2026");
    assert_eq!(format_date(march, Language::Fr), "3 mars 2026");

    let late = NaiveDate::from_ymd_opt(9999, 8, 15).unwrap();
    assert_eq!(format_date(late, Language::Fr), "15 août 9999");
}

/// The string literals of the Rust sources under `dir`, test modules left out (a key that only
/// a test names is not used by the app).
fn string_literals(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            string_literals(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or_default();
            literals_of(code, out);
        }
    }
}

/// The contents of the string literals of Rust `code`: a `"` inside a character literal or
/// escaped inside a string does not open or close one (raw strings do not occur in keys).
fn literals_of(code: &str, out: &mut BTreeSet<String>) {
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // A character literal ('"', '\\'', …) or a lifetime ('a): skip the literal only.
                let rest: String = chars.clone().take(12).collect();
                if rest.starts_with('\\') {
                    let end = rest.char_indices().skip(2).find(|(_, c)| *c == '\'').map(|(i, _)| i);
                    if let Some(end) = end {
                        for _ in 0..=end {
                            chars.next();
                        }
                    }
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.next();
                    chars.next();
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => literal.extend(chars.next()),
                        '"' => break,
                        _ => literal.push(c),
                    }
                }
                out.insert(literal);
            }
            _ => {}
        }
    }
}

/// The keys the code builds at run time, family by family: each prefix names exactly the keys
/// its generator makes, so a key under a listed prefix that no value produces is unused too.
fn keys_built_at_run_time() -> Vec<(&'static str, BTreeSet<String>)> {
    use super::history::{action_key, context_key, denied_key, group_key, rule_key, what_key};
    use shared::api::care::Disposition;
    use shared::api::history::{
        ACTION_GROUPS, DENIAL_REASONS, KNOWN_ACTIONS, LINK_CONTEXTS, RULES,
    };
    let set = |keys: Vec<String>| keys.into_iter().collect::<BTreeSet<_>>();
    vec![
        ("error-", set(ApiErrorCode::ALL.iter().map(|c| c.message_key()).collect())),
        (
            "category-",
            set(Category::ALL.iter().map(|c| format!("category-{}", c.code())).collect()),
        ),
        (
            "profession-",
            set(Profession::ALL.iter().map(|p| format!("profession-{}", p.code())).collect()),
        ),
        ("month-", set((1..=12).map(|m| format!("month-{m}")).collect())),
        (
            "agency-emergency-disposition-",
            set(Disposition::ALL
                .iter()
                .map(|d| format!("agency-emergency-disposition-{}", d.as_str()))
                .collect()),
        ),
        ("history-action-", set(KNOWN_ACTIONS.iter().filter_map(|a| action_key(a)).collect())),
        ("history-what-", set(KNOWN_ACTIONS.iter().filter_map(|a| what_key(a)).collect())),
        ("history-group-", set(ACTION_GROUPS.iter().map(|(g, _)| group_key(g)).collect())),
        ("history-rule-", set(RULES.iter().filter_map(|r| rule_key(r)).collect())),
        ("history-denied-", set(DENIAL_REASONS.iter().filter_map(|r| denied_key(r)).collect())),
        ("history-context-", set(LINK_CONTEXTS.iter().filter_map(|c| context_key(c)).collect())),
    ]
}

/// Every message of the catalogues is shown somewhere: its key is a string literal of the app
/// or of the shared crate, or one of the keys a listed family builds at run time. A message
/// that nothing shows any more is a sentence nobody checks; delete it.
#[test]
fn every_catalogue_key_is_used_by_the_code() {
    let mut seen = BTreeSet::new();
    literals_of(
        r#"match c { '"' => "a", '\'' => "b\"c", '\u{22}' => "d" } fn f<'a>() { "e" }"#,
        &mut seen,
    );
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), ["a", "b\"c", "d", "e"].map(String::from));
    let mut literals = BTreeSet::new();
    string_literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut literals);
    string_literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/src"), &mut literals);
    let families = keys_built_at_run_time();
    for (prefix, keys) in &families {
        assert!(!keys.is_empty(), "the family {prefix} builds no key");
        assert!(keys.iter().all(|k| k.starts_with(prefix)), "{prefix}: {keys:?}");
    }
    for language in Language::ALL {
        let unused: Vec<String> = catalogue(language)
            .into_keys()
            .filter(|key| {
                let built = families.iter().find(|(prefix, _)| key.starts_with(prefix));
                // A literal (e.g. `"error-network"`) counts inside a family too.
                !literals.contains(key) && built.is_none_or(|(_, keys)| !keys.contains(key))
            })
            .collect();
        assert!(unused.is_empty(), "{}: keys no code uses: {unused:?}", language.tag());
    }
}

/// The check above would find a key that nothing uses.
#[test]
fn the_unused_key_check_sees_a_stray_key() {
    let mut literals = BTreeSet::new();
    string_literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut literals);
    assert!(literals.contains("home-heading"));
    assert!(!literals.contains("error-"), "the scan must not read format strings as keys");
    let families = keys_built_at_run_time();
    for stray in ["history-action-no-such-act", "error-no-such-code", "month-13"] {
        let (_, keys) = families.iter().find(|(prefix, _)| stray.starts_with(prefix)).unwrap();
        assert!(!keys.contains(stray) && !literals.contains(stray), "{stray}");
    }
}

/// Phrases that promise what the product does not do yet, per language. A sentence of the
/// product says what it does today.
const PROMISES: [(Language, &[&str]); 4] = [
    (
        Language::En,
        &[
            "next version",
            "coming soon",
            "soon",
            "future version",
            "later version",
            "in the future",
            "will be able to",
            "not yet available",
            "not available yet",
            "under construction",
        ],
    ),
    (
        Language::Fr,
        &[
            "prochaine version",
            "version future",
            "future version",
            "bientôt",
            "prochainement",
            "à venir",
            "vous pourrez",
            "pas encore disponible",
            "en construction",
        ],
    ),
    (
        Language::De,
        &[
            "nächsten version",
            "nächste version",
            "künftigen version",
            "demnächst",
            "bald",
            "in zukunft",
            "noch nicht verfügbar",
            "werden sie:",
            "im aufbau",
        ],
    ),
    (
        Language::Lb,
        &[
            "nächster versioun",
            "nächst versioun",
            "nächsten versioun",
            "geschwënn",
            "demnächst",
            "spéider",
            "an der zukunft",
            "nach net disponibel",
            "kënnt dir spéider",
        ],
    ),
];

/// Whether `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_catalogue_promises_what_is_not_there() {
    assert!(contains_words("arrive bientôt.", "bientôt"));
    assert!(!contains_words("baldigst", "bald"));
    assert!(contains_words("comes with the next version of dsp", "next version"));
    for (language, phrases) in PROMISES {
        let mut found = Vec::new();
        let mut key = String::new();
        for line in source(language).lines() {
            if let Some((id, _)) = line.split_once(" = ")
                && !id.starts_with(' ')
            {
                id.clone_into(&mut key);
            }
            if line.trim_start().starts_with('#') {
                continue;
            }
            let text = line.to_lowercase();
            for phrase in phrases {
                if contains_words(&text, phrase) {
                    found.push(format!("{key}: “{phrase}”"));
                }
            }
        }
        assert!(found.is_empty(), "{} promises: {found:?}", language.tag());
    }
}
