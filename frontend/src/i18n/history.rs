//! The patient's history in plain words: each audit action becomes a translated sentence about
//! who did what to which document or professional ("Claire Weber (Physician) filed “Discharge
//! letter” (Care reports).", "You blocked Marc Schmit (Nurse)."), with its refusal and why, the
//! rule it happened under, and its reference; and the filters become the API's query.
//!
//! Actions, rules, reasons and contexts the app does not know yet (the log grows with the
//! product) read neutrally — the code in words — never as a message key or an error.

use shared::ApiErrorCode;
use shared::api::auth::Role;
use shared::api::history::{
    DENIAL_REASONS, HistoryActor, HistoryDocument, HistoryEntry, HistoryOutcome,
    HistoryProfessional, HistoryQuery, KNOWN_ACTIONS, LINK_CONTEXTS, RULES,
};

use super::messages::{category_name, profession_name};
use super::{Arg, Translator};
use crate::forms::parse_iso_date;
use crate::router;

/// `prefix` + the code in kebab case, when `known` lists the code.
fn key_of(prefix: &str, known: &[&str], code: &str) -> Option<String> {
    known.contains(&code).then(|| format!("{prefix}-{}", code.replace('_', "-")))
}

/// The message key of a known action's sentence (`sign_in` → `history-action-sign-in`).
#[must_use]
pub fn action_key(action: &str) -> Option<String> {
    key_of("history-action", KNOWN_ACTIONS, action)
}

/// The message key of a known action's short name in the "what" filter
/// (`sign_in` → `history-what-sign-in`).
#[must_use]
pub fn what_key(action: &str) -> Option<String> {
    key_of("history-what", KNOWN_ACTIONS, action)
}

/// The message key of a group of actions in the "what" filter (`documents` →
/// `history-group-documents`).
#[must_use]
pub fn group_key(group: &str) -> String {
    format!("history-group-{}", group.replace('_', "-"))
}

/// The message key of a known access rule (`link_consultation` → `history-rule-link-consultation`).
#[must_use]
pub fn rule_key(rule: &str) -> Option<String> {
    key_of("history-rule", RULES, rule)
}

/// The message key of a known reason for a refusal (`blocked` → `history-denied-blocked`).
#[must_use]
pub fn denied_key(reason: &str) -> Option<String> {
    key_of("history-denied", DENIAL_REASONS, reason)
}

/// The message key of a known care context (`consultation` → `history-context-consultation`).
#[must_use]
pub fn context_key(context: &str) -> Option<String> {
    key_of("history-context", LINK_CONTEXTS, context)
}

/// A code the app has no words for, in words: `brand_new_rule` → `brand new rule`.
fn in_words(code: &str) -> String {
    code.replace(['_', '-'], " ")
}

/// A known code's message, else the code in words.
fn code_text(tr: &Translator, key: Option<String>, code: &str) -> String {
    key.map_or_else(|| in_words(code), |key| tr.t(&key))
}

/// The short name of an action for the "what" filter ("Documents read"); an unknown action in
/// words.
#[must_use]
pub fn action_label(tr: &Translator, action: &str) -> String {
    code_text(tr, what_key(action), action)
}

/// A professional as a sentence names them: "Marc Schmit (Physician)".
#[must_use]
pub fn professional_phrase(tr: &Translator, professional: &HistoryProfessional) -> String {
    match professional.profession {
        Some(profession) => tr.t_args(
            "history-actor-professional",
            [
                ("name", Arg::from(professional.display_name.clone())),
                ("profession", Arg::from(profession_name(tr, profession))),
            ],
        ),
        None => professional.display_name.clone(),
    }
}

/// The professionals an entry names, one after the other; none when it names none.
#[must_use]
pub fn professionals_phrase(
    tr: &Translator,
    professionals: &[HistoryProfessional],
) -> Option<String> {
    let names: Vec<String> = professionals
        .iter()
        .filter(|p| !p.display_name.trim().is_empty())
        .map(|p| professional_phrase(tr, p))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// A document as a sentence names it: "“Discharge letter” (Care reports)", or as much of it as
/// is known ("a document (Care reports)", "a document").
#[must_use]
pub fn document_phrase(tr: &Translator, document: Option<&HistoryDocument>) -> String {
    let title = document.and_then(|d| d.title.clone()).filter(|t| !t.trim().is_empty());
    let category = document.and_then(|d| d.category).map(|c| category_name(tr, c));
    match (title, category) {
        (Some(title), Some(category)) => tr.t_args(
            "history-document",
            [("title", Arg::from(title)), ("category", Arg::from(category))],
        ),
        (Some(title), None) => tr.t_args("history-document-titled", [("title", Arg::from(title))]),
        (None, Some(category)) => {
            tr.t_args("history-document-of-category", [("category", Arg::from(category))])
        }
        (None, None) => tr.t("history-document-unknown"),
    }
}

/// How an actor is named at the start of a sentence, and whether it is the reader.
#[must_use]
pub fn actor_phrase(tr: &Translator, actor: Option<&HistoryActor>) -> (bool, String) {
    let Some(actor) = actor else { return (false, tr.t("history-actor-unknown")) };
    if actor.is_you {
        return (true, tr.t("history-actor-you"));
    }
    let name = actor.display_name.clone().filter(|n| !n.trim().is_empty());
    let phrase = match (actor.role, name) {
        (Role::Agent, Some(name)) => tr.t_args("history-actor-agent", [("name", Arg::from(name))]),
        (Role::Agent, None) => tr.t("history-actor-agency"),
        (Role::Professional, Some(name)) => match actor.profession {
            Some(profession) => tr.t_args(
                "history-actor-professional",
                [
                    ("name", Arg::from(name)),
                    ("profession", Arg::from(profession_name(tr, profession))),
                ],
            ),
            None => name,
        },
        (Role::Professional, None) => tr.t("history-actor-professional-unnamed"),
        (Role::Patient, _) => tr.t("history-actor-patient"),
    };
    // Acting through practice software: "Dr X via <software>".
    let phrase = match actor.via.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        Some(software) => tr.t_args(
            "history-actor-via",
            [("actor", Arg::from(phrase)), ("software", Arg::from(software.to_owned()))],
        ),
        None => phrase,
    };
    (false, phrase)
}

/// The sentence for an entry: who did what, to which document or professional.
///
/// Every action's message gets the same arguments and picks what it needs: `who` (`you` or
/// `other`), `actor`, `outcome` (`success` or `failure`), `document`, `professional` and `named`
/// (`yes` when the entry names one), `organisation`, `holder` (the professional or else the
/// institution a link is for) and `context` (a link's care context, a restriction's mode).
#[must_use]
pub fn sentence(tr: &Translator, entry: &HistoryEntry) -> String {
    let (you, actor) = actor_phrase(tr, entry.actor.as_ref());
    let Some(key) = action_key(&entry.action) else {
        return tr.t_args(
            "history-action-other",
            [("actor", Arg::from(actor)), ("action", Arg::from(in_words(&entry.action)))],
        );
    };
    let named = professionals_phrase(tr, &entry.professionals);
    let organisation = entry.organisation.clone().filter(|o| !o.trim().is_empty());
    let holder = named
        .clone()
        .or_else(|| organisation.clone())
        .unwrap_or_else(|| tr.t("history-holder-unknown"));
    tr.t_args(
        &key,
        [
            ("who", Arg::from(if you { "you" } else { "other" })),
            ("actor", Arg::from(actor)),
            (
                "outcome",
                Arg::from(match entry.outcome {
                    HistoryOutcome::Success => "success",
                    HistoryOutcome::Failure => "failure",
                }),
            ),
            ("document", Arg::from(document_phrase(tr, entry.document.as_ref()))),
            ("named", Arg::from(if named.is_some() { "yes" } else { "no" })),
            (
                "professional",
                Arg::from(named.unwrap_or_else(|| tr.t("history-professional-unknown"))),
            ),
            (
                "organisation",
                Arg::from(organisation.unwrap_or_else(|| tr.t("history-organisation-unknown"))),
            ),
            ("holder", Arg::from(holder)),
            ("context", Arg::from(entry.context.clone().unwrap_or_default())),
        ],
    )
}

/// What to add when the act was refused: "Refused" and why — in the access rules' words when
/// they refused ("you blocked this professional"), else the error's message when the app knows
/// its code.
#[must_use]
pub fn refusal(tr: &Translator, entry: &HistoryEntry) -> Option<String> {
    if entry.outcome != HistoryOutcome::Failure {
        return None;
    }
    let denied = entry.denied.as_deref().and_then(denied_key).map(|key| tr.t(&key));
    let reason = denied.or_else(|| {
        entry
            .refused
            .as_deref()
            .and_then(|code| ApiErrorCode::ALL.into_iter().find(|known| known.as_str() == code))
            .map(|code| tr.t(&code.message_key()))
    });
    Some(match reason {
        Some(reason) => tr.t_args("history-refused-because", [("reason", Arg::from(reason))]),
        None => tr.t("history-refused"),
    })
}

/// Actions whose sentence already says their context.
const CONTEXT_IN_SENTENCE: &[&str] =
    &["link_opened", "link_granted", "document_restricted", "emergency_access_reviewed"];

/// The facts under the sentence: the rule it happened under, its context, the reason the actor
/// gave, a name given, the reference.
#[must_use]
pub fn details(tr: &Translator, entry: &HistoryEntry) -> Vec<String> {
    let mut lines = Vec::new();
    let mut add = |key: &str, name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            lines.push(tr.t_args(key, [(name, Arg::from(value))]));
        }
    };
    let rule = entry.rule.as_deref().map(|rule| code_text(tr, rule_key(rule), rule));
    add("history-rule", "rule", rule);
    let context = entry
        .context
        .as_deref()
        .filter(|_| !CONTEXT_IN_SENTENCE.contains(&entry.action.as_str()))
        .map(|context| code_text(tr, context_key(context), context));
    add("history-context", "context", context);
    add("history-stated-reason", "reason", entry.stated_reason.clone());
    add("history-label", "label", entry.label.clone());
    add("history-reference", "id", entry.request_id.clone());
    lines
}

/// The filters as the person set them in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// `""` (everyone), `patient`, `professional`, `agent` or one professional's id.
    pub actor: String,
    /// `""` (all) or an action name.
    pub action: String,
    /// `YYYY-MM-DD` or empty.
    pub from: String,
    /// `YYYY-MM-DD` or empty.
    pub to: String,
}

impl Filters {
    /// The API query for these filters, from `before` on (none: the newest page).
    #[must_use]
    pub fn query(&self, before: Option<i64>) -> HistoryQuery {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        HistoryQuery {
            before,
            limit: None,
            actor: text(&self.actor),
            action: text(&self.action),
            from: parse_iso_date(&self.from),
            to: parse_iso_date(&self.to),
        }
    }
}

/// `path?name=value&…` with the values percent-encoded.
#[must_use]
pub fn url(path: &str, query: &HistoryQuery) -> String {
    let pairs = query.pairs();
    if pairs.is_empty() {
        return path.to_owned();
    }
    let encoded: Vec<String> =
        pairs.iter().map(|(name, value)| format!("{name}={}", router::encode(value))).collect();
    format!("{path}?{}", encoded.join("&"))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::api::history::{ACTION_GROUPS, HistoryTarget};
    use shared::{Category, Language, Profession};
    use uuid::Uuid;

    use super::*;

    fn entry(action: &str, actor: Option<HistoryActor>) -> HistoryEntry {
        HistoryEntry {
            id: 7,
            occurred_at: Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap(),
            actor,
            action: action.to_owned(),
            outcome: HistoryOutcome::Success,
            target: None,
            rule: None,
            context: None,
            refused: None,
            label: None,
            request_id: Some("req-1".into()),
            denied: None,
            document: None,
            professionals: Vec::new(),
            organisation: None,
            stated_reason: None,
        }
    }

    fn you() -> Option<HistoryActor> {
        Some(HistoryActor {
            role: Role::Patient,
            id: Some(Uuid::nil()),
            display_name: Some("Léa Schroeder".into()),
            profession: None,
            is_you: true,
            via: None,
        })
    }

    fn agent() -> Option<HistoryActor> {
        Some(HistoryActor {
            role: Role::Agent,
            id: Some(Uuid::nil()),
            display_name: Some("Anne Weber".into()),
            profession: None,
            is_you: false,
            via: None,
        })
    }

    fn doctor(name: &str) -> Option<HistoryActor> {
        Some(HistoryActor {
            role: Role::Professional,
            id: Some(Uuid::from_u128(1)),
            display_name: Some(name.into()),
            profession: Some(Profession::Physician),
            is_you: false,
            via: None,
        })
    }

    fn named(name: &str, profession: Profession) -> HistoryProfessional {
        HistoryProfessional {
            id: Uuid::from_u128(2),
            display_name: name.into(),
            profession: Some(profession),
        }
    }

    fn letter() -> Option<HistoryDocument> {
        Some(HistoryDocument {
            title: Some("Discharge letter".into()),
            category: Some(Category::CareReports),
        })
    }

    #[test]
    fn actions_read_as_sentences() {
        let en = Translator::new(Language::En);
        assert_eq!(sentence(&en, &entry("sign_in", you())), "You signed in.");
        assert_eq!(
            sentence(&en, &entry("letter_issued", agent())),
            "The agency (Anne Weber) issued your information and activation letter."
        );
        let fr = Translator::new(Language::Fr);
        assert_eq!(sentence(&fr, &entry("sign_in", you())), "Vous vous êtes connecté.");
        let de = Translator::new(Language::De);
        assert_eq!(
            sentence(&de, &entry("patient_created", agent())),
            "Die Agentur (Anne Weber) hat Ihre Akte angelegt."
        );
        let lb = Translator::new(Language::Lb);
        assert_eq!(sentence(&lb, &entry("sign_out", you())), "Dir hutt Iech ofgemellt.");
    }

    #[test]
    fn a_recovery_reads_in_plain_words_in_every_language() {
        let en = Translator::new(Language::En);
        assert_eq!(
            sentence(&en, &entry("recovery_letter_issued", agent())),
            "The agency (Anne Weber) issued a recovery letter: its code replaces your passkeys."
        );
        for language in Language::ALL {
            let tr = Translator::new(language);
            let letter = sentence(&tr, &entry("recovery_letter_issued", agent()));
            let plain = sentence(&tr, &entry("letter_issued", agent()));
            assert!(letter.contains("Anne Weber") && letter != plain, "{language:?}: {letter}");
            let used = sentence(&tr, &entry("credential_recovery", you()));
            let removed = sentence(&tr, &entry("credential_removed", you()));
            assert!(!used.is_empty() && used != removed, "{language:?}: {used}");
            for text in [&letter, &used] {
                assert!(!text.contains("history-") && !text.contains('_'), "{language:?}: {text}");
            }
            let what = action_label(&tr, "credential_recovery");
            assert_ne!(what, "credential recovery", "{language:?}");
        }
    }

    #[test]
    fn the_agencys_review_of_an_emergency_access_says_its_outcome() {
        let mut reviewed = entry("emergency_access_reviewed", agent());
        reviewed.professionals = vec![named("Claire Weber", Profession::Physician)];
        reviewed.stated_reason = Some("Confirmed with the hospital".into());
        let en = Translator::new(Language::En);
        reviewed.context = Some("justified".into());
        assert_eq!(
            sentence(&en, &reviewed),
            "The agency (Anne Weber) reviewed the emergency access of Claire Weber (Physician) to \
             your record and found it justified."
        );
        assert_eq!(details(&en, &reviewed)[0], "Reason given: Confirmed with the hospital");
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut seen = Vec::new();
            for outcome in shared::api::history::DISPOSITIONS {
                reviewed.context = Some((*outcome).into());
                let text = sentence(&tr, &reviewed);
                assert!(text.contains("Anne Weber") && text.contains("Claire Weber"), "{text}");
                assert!(!text.contains("history-") && !text.contains('_'), "{language:?}: {text}");
                assert!(!seen.contains(&text), "{language:?}: {text}");
                seen.push(text);
            }
            assert_ne!(action_label(&tr, "emergency_access_reviewed"), "emergency access reviewed");
        }
    }

    #[test]
    fn a_filed_document_is_named_with_its_title_and_category() {
        let mut filed = entry("document_filed", doctor("Claire Weber"));
        filed.document = letter();
        filed.rule = Some("link_consultation".into());
        let en = Translator::new(Language::En);
        assert_eq!(
            sentence(&en, &filed),
            "Claire Weber (Physician) filed “Discharge letter” (Care reports)."
        );
        assert_eq!(details(&en, &filed)[0], "Under: consultation link (connection code)");
        let fr = Translator::new(Language::Fr);
        assert_eq!(
            sentence(&fr, &filed),
            "Claire Weber (Médecin) a déposé « Discharge letter » (Comptes rendus de soins)."
        );
        assert_eq!(
            details(&fr, &filed)[0],
            "Au titre de : lien de consultation (code de connexion)"
        );
        // As much as is known, never a key.
        filed.document =
            Some(HistoryDocument { title: None, category: Some(Category::CareReports) });
        assert_eq!(
            sentence(&en, &filed),
            "Claire Weber (Physician) filed a document (Care reports)."
        );
        filed.document = None;
        assert_eq!(sentence(&en, &filed), "Claire Weber (Physician) filed a document.");
    }

    #[test]
    fn a_refused_read_says_why_in_the_rules_words() {
        let mut read = entry("document_read", doctor("Marc Schmit"));
        read.document = letter();
        read.outcome = HistoryOutcome::Failure;
        read.refused = Some("not_found".into());
        read.denied = Some("restricted".into());
        let en = Translator::new(Language::En);
        assert_eq!(
            sentence(&en, &read),
            "Marc Schmit (Physician) tried to read “Discharge letter” (Care reports)."
        );
        assert_eq!(
            refusal(&en, &read).unwrap(),
            "Refused: you hid this document from this professional"
        );
        let de = Translator::new(Language::De);
        assert_eq!(
            refusal(&de, &read).unwrap(),
            "Abgelehnt: Sie haben dieses Dokument vor dieser Fachperson verborgen"
        );
        let mut opened = entry("record_opened", doctor("Marc Schmit"));
        opened.outcome = HistoryOutcome::Failure;
        opened.denied = Some("blocked".into());
        assert_eq!(refusal(&en, &opened).unwrap(), "Refused: you blocked this professional");
        assert_eq!(sentence(&en, &opened), "Marc Schmit (Physician) tried to open your record.");
        let lb = Translator::new(Language::Lb);
        assert_eq!(
            refusal(&lb, &opened).unwrap(),
            "Refuséiert: Dir hutt dëse Professionnel gespaart"
        );
    }

    #[test]
    fn acts_on_a_professional_name_them() {
        let en = Translator::new(Language::En);
        let fr = Translator::new(Language::Fr);
        let mut blocked = entry("professional_blocked", you());
        blocked.professionals = vec![named("Marc Schmit", Profession::Physician)];
        assert_eq!(
            sentence(&en, &blocked),
            "You blocked Marc Schmit (Physician): they can no longer reach your record."
        );
        assert_eq!(
            sentence(&fr, &blocked),
            "Vous avez bloqué Marc Schmit (Médecin) : il ne peut plus accéder à votre dossier."
        );
        let mut hidden = entry("document_restricted", you());
        hidden.document = letter();
        hidden.context = Some("hidden_from".into());
        hidden.professionals = vec![named("Marc Schmit", Profession::Physician)];
        assert_eq!(
            sentence(&en, &hidden),
            "You hid “Discharge letter” (Care reports) from Marc Schmit (Physician)."
        );
        assert!(details(&en, &hidden).iter().all(|line| !line.contains("hidden")));
        hidden.professionals.clear();
        assert_eq!(
            sentence(&en, &hidden),
            "You hid “Discharge letter” (Care reports) from some professionals."
        );
        let mut removed = entry("referent_removed", you());
        assert_eq!(sentence(&en, &removed), "You removed your médecin référent.");
        removed.professionals = vec![named("Claire Weber", Profession::Physician)];
        assert_eq!(
            sentence(&en, &removed),
            "You removed Claire Weber (Physician) as your médecin référent."
        );
        let opened = entry("record_opened", doctor("Claire Weber"));
        assert_eq!(sentence(&en, &opened), "Claire Weber (Physician) opened your record.");
        assert_eq!(sentence(&fr, &opened), "Claire Weber (Médecin) a ouvert votre dossier.");
        let mut ended = entry("link_ended", you());
        ended.organisation = Some("Hôpital Kirchberg".into());
        assert_eq!(
            sentence(&en, &ended),
            "You ended the access of Hôpital Kirchberg to your record."
        );
    }

    #[test]
    fn a_link_says_its_care_context() {
        let en = Translator::new(Language::En);
        let mut link = entry("link_opened", doctor("Claire Weber"));
        link.context = Some("consultation".into());
        assert_eq!(
            sentence(&en, &link),
            "Claire Weber (Physician) opened your record with your connection code: a \
             consultation link for 15 days."
        );
        assert!(details(&en, &link).iter().all(|line| !line.starts_with("Context")));
        link.context = Some("institution_stay".into());
        link.organisation = Some("Hôpital Kirchberg".into());
        assert!(sentence(&en, &link).contains("your stay at Hôpital Kirchberg"));
        let mut ended = entry("link_ended", you());
        ended.context = Some("consultation".into());
        assert_eq!(details(&en, &ended)[0], "Context: a consultation (connection code, 15 days)");
    }

    #[test]
    fn unknown_codes_read_as_words_never_as_keys() {
        let en = Translator::new(Language::En);
        assert_eq!(action_key("brand_new_act"), None);
        let mut odd = entry("brand_new_act", agent());
        odd.target = Some(HistoryTarget { kind: "document".into(), id: "d1".into() });
        odd.rule = Some("brand_new_rule".into());
        odd.context = Some("moon_base".into());
        assert_eq!(sentence(&en, &odd), "The agency (Anne Weber): brand new act.");
        assert_eq!(
            details(&en, &odd),
            ["Under: brand new rule", "Context: moon base", "Reference: req-1"]
        );
        odd.outcome = HistoryOutcome::Failure;
        odd.denied = Some("brand_new_reason".into());
        odd.refused = Some("not_found".into());
        let text = refusal(&en, &odd).unwrap();
        assert!(text.starts_with("Refused: ") && !text.contains("history-"), "{text}");
        assert_eq!(action_label(&en, "brand_new_act"), "brand new act");
    }

    #[test]
    fn a_professional_is_named_with_their_profession() {
        let en = Translator::new(Language::En);
        let doctor = Some(HistoryActor {
            role: Role::Professional,
            id: Some(Uuid::nil()),
            display_name: Some("Paul Reuter".into()),
            profession: Some(Profession::Physician),
            is_you: false,
            via: None,
        });
        let text = sentence(&en, &entry("sign_in", doctor));
        assert!(text.starts_with("Paul Reuter ("), "{text}");
        assert!(text.ends_with(") signed in."), "{text}");
    }

    #[test]
    fn a_professional_through_practice_software_is_named_with_it() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut doctor = doctor("Claire Weber");
            if let Some(actor) = doctor.as_mut() {
                actor.via = Some("MediPrax".into());
            }
            let text = sentence(&tr, &entry("document_read", doctor));
            assert!(text.contains("Claire Weber") && text.contains("MediPrax"), "{text}");
            assert!(!text.contains("history-") && !text.contains('{'), "{text}");
        }
    }

    /// Every known action reads as its own sentence in every language, whoever did it, however
    /// it ended, whatever it names.
    #[test]
    fn every_known_action_has_a_sentence_in_every_language() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut seen = std::collections::BTreeSet::new();
            for action in KNOWN_ACTIONS {
                for actor in [you(), agent(), doctor("Claire Weber"), None] {
                    for outcome in [HistoryOutcome::Success, HistoryOutcome::Failure] {
                        for context in [None, Some("consultation"), Some("hidden_from")] {
                            let mut e = entry(action, actor.clone());
                            e.outcome = outcome;
                            e.context = context.map(str::to_owned);
                            e.document = letter();
                            e.professionals = vec![named("Marc Schmit", Profession::Nurse)];
                            let text = sentence(&tr, &e);
                            assert!(!text.contains("history-"), "{}: {action}", language.tag());
                            assert!(!text.contains('{') && !text.contains('$'), "{text}");
                            assert!(!text.contains("sample"), "{text}");
                        }
                    }
                }
                assert!(seen.insert(sentence(&tr, &entry(action, you()))), "{action} repeats");
                let label = action_label(&tr, action);
                assert!(!label.starts_with("history-") && !label.is_empty(), "{action}");
            }
        }
    }

    /// The key-coverage check for what the history translates at run time: every action (its
    /// sentence and its filter name), group, rule, reason and context has a non-empty message
    /// in every language. It fails as soon as one is missing.
    #[test]
    fn every_history_code_has_a_message_in_every_language() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(KNOWN_ACTIONS.iter().map(|a| action_key(a).unwrap()));
        keys.extend(KNOWN_ACTIONS.iter().map(|a| what_key(a).unwrap()));
        keys.extend(ACTION_GROUPS.iter().map(|(group, _)| group_key(group)));
        keys.extend(RULES.iter().map(|r| rule_key(r).unwrap()));
        keys.extend(DENIAL_REASONS.iter().map(|r| denied_key(r).unwrap()));
        keys.extend(LINK_CONTEXTS.iter().map(|c| context_key(c).unwrap()));
        assert!(keys.len() > 100, "{}", keys.len());
        for language in Language::ALL {
            let tr = Translator::new(language);
            for key in &keys {
                let text = tr.t_args(key, [("actor", Arg::from("X"))]);
                assert_ne!(&text, key, "{}: no message {key}", language.tag());
                assert!(!text.trim().is_empty(), "{}: {key} is empty", language.tag());
            }
        }
    }

    #[test]
    fn the_filter_names_each_action_briefly() {
        let en = Translator::new(Language::En);
        assert_eq!(action_label(&en, "document_read"), "Documents read");
        assert_eq!(en.t(&group_key("documents")), "Documents");
        let de = Translator::new(Language::De);
        assert_eq!(action_label(&de, "professional_blocked"), "Gesperrte Fachpersonen");
    }

    #[test]
    fn refusals_say_why() {
        let en = Translator::new(Language::En);
        let mut failed = entry("activation_attempt", you());
        assert_eq!(refusal(&en, &failed), None);
        failed.outcome = HistoryOutcome::Failure;
        failed.refused = Some("activation_failed".into());
        let text = refusal(&en, &failed).unwrap();
        assert!(text.starts_with("Refused: "), "{text}");
        assert!(!text.contains("error-"), "{text}");
        failed.refused = Some("brand_new_code".into());
        assert_eq!(refusal(&en, &failed).unwrap(), "Refused.");
    }

    #[test]
    fn details_list_rule_reason_label_and_reference() {
        let en = Translator::new(Language::En);
        let mut e = entry("credential_renamed", you());
        e.label = Some("Old phone".into());
        e.rule = Some("referent".into());
        assert_eq!(
            details(&en, &e),
            ["Under: médecin référent", "Name: Old phone", "Reference: req-1"]
        );
        let mut emergency = entry("emergency_access_opened", doctor("Claire Weber"));
        emergency.rule = Some("emergency_access_opening".into());
        emergency.stated_reason = Some("Unconscious at the ER".into());
        assert_eq!(
            details(&en, &emergency),
            [
                "Under: emergency access allowed on your record",
                "Reason given: Unconscious at the ER",
                "Reference: req-1"
            ]
        );
    }

    #[test]
    fn filters_become_an_encoded_query() {
        let filters = Filters {
            actor: "agent".into(),
            action: String::new(),
            from: "2026-11-01".into(),
            to: "not a date".into(),
        };
        let query = filters.query(Some(40));
        assert_eq!(
            url("/api/me/history", &query),
            "/api/me/history?before=40&actor=agent&from=2026-11-01"
        );
        assert_eq!(
            url("/api/me/history.csv", &Filters::default().query(None)),
            "/api/me/history.csv"
        );
        let odd = HistoryQuery { action: Some("a b&c".into()), ..HistoryQuery::default() };
        assert_eq!(url("/x", &odd), "/x?action=a%20b%26c");
    }
}
