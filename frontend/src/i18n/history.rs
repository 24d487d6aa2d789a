//! The patient's history in plain words: each audit action becomes a translated sentence about
//! who did what ("The agency (Anne Weber) issued your activation letter", "You signed in"), with
//! its refusal, rule and reference; and the filters become the API's query.
//!
//! Actions the app does not know yet (the log grows with the product) read as a neutral sentence
//! naming the action, never as an error.

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use shared::ApiErrorCode;
use shared::api::auth::Role;
use shared::api::history::{
    HistoryActor, HistoryEntry, HistoryOutcome, HistoryQuery, KNOWN_ACTIONS,
};

use super::Translator;
use super::messages::profession_name;

/// The message key of a known action (`sign_in` → `history-action-sign-in`).
#[must_use]
pub fn action_key(action: &str) -> Option<String> {
    KNOWN_ACTIONS.contains(&action).then(|| format!("history-action-{}", action.replace('_', "-")))
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
        (Role::Agent, Some(name)) => {
            tr.t_args("history-actor-agent", [("name", FluentValue::from(name))])
        }
        (Role::Agent, None) => tr.t("history-actor-agency"),
        (Role::Professional, Some(name)) => match actor.profession {
            Some(profession) => tr.t_args(
                "history-actor-professional",
                [
                    ("name", FluentValue::from(name)),
                    ("profession", FluentValue::from(profession_name(tr, profession))),
                ],
            ),
            None => name,
        },
        (Role::Professional, None) => tr.t("history-actor-professional-unnamed"),
        (Role::Patient, _) => tr.t("history-actor-patient"),
    };
    (false, phrase)
}

/// The sentence for an entry: who did what.
#[must_use]
pub fn sentence(tr: &Translator, entry: &HistoryEntry) -> String {
    let (you, actor) = actor_phrase(tr, entry.actor.as_ref());
    let who = FluentValue::from(if you { "you" } else { "other" });
    match action_key(&entry.action) {
        Some(key) => tr.t_args(&key, [("who", who), ("actor", FluentValue::from(actor))]),
        None => tr.t_args(
            "history-action-other",
            [
                ("actor", FluentValue::from(actor)),
                ("action", FluentValue::from(entry.action.replace('_', " "))),
            ],
        ),
    }
}

/// What to add when the act was refused: "Refused" and, when the reason is one the app
/// knows, why.
#[must_use]
pub fn refusal(tr: &Translator, entry: &HistoryEntry) -> Option<String> {
    if entry.outcome != HistoryOutcome::Failure {
        return None;
    }
    let reason = entry
        .refused
        .as_deref()
        .and_then(|code| serde_json::from_value::<ApiErrorCode>(code.into()).ok())
        .map(|code| tr.t(&code.message_key()));
    Some(match reason {
        Some(reason) => {
            tr.t_args("history-refused-because", [("reason", FluentValue::from(reason))])
        }
        None => tr.t("history-refused"),
    })
}

/// The facts under the sentence: the rule and its context, a name given, the reference.
#[must_use]
pub fn details(tr: &Translator, entry: &HistoryEntry) -> Vec<String> {
    let mut lines = Vec::new();
    let mut add = |key: &str, name: &str, value: &Option<String>| {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            lines.push(tr.t_args(key, [(name, FluentValue::from(value.to_owned()))]));
        }
    };
    add("history-rule", "rule", &entry.rule);
    add("history-context", "context", &entry.context);
    add("history-label", "label", &entry.label);
    add("history-reference", "id", &entry.request_id);
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
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        HistoryQuery {
            before,
            limit: None,
            actor: text(&self.actor),
            action: text(&self.action),
            from: date(&self.from),
            to: date(&self.to),
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
        pairs.iter().map(|(name, value)| format!("{name}={}", encode(value))).collect();
    format!("{path}?{}", encoded.join("&"))
}

fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::api::history::HistoryTarget;
    use shared::{Language, Profession};
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
        }
    }

    fn you() -> Option<HistoryActor> {
        Some(HistoryActor {
            role: Role::Patient,
            id: Some(Uuid::nil()),
            display_name: Some("Léa Schroeder".into()),
            profession: None,
            is_you: true,
        })
    }

    fn agent() -> Option<HistoryActor> {
        Some(HistoryActor {
            role: Role::Agent,
            id: Some(Uuid::nil()),
            display_name: Some("Anne Weber".into()),
            profession: None,
            is_you: false,
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
    fn a_professional_is_named_with_their_profession() {
        let en = Translator::new(Language::En);
        let doctor = Some(HistoryActor {
            role: Role::Professional,
            id: Some(Uuid::nil()),
            display_name: Some("Paul Reuter".into()),
            profession: Some(Profession::Physician),
            is_you: false,
        });
        let text = sentence(&en, &entry("sign_in", doctor));
        assert!(text.starts_with("Paul Reuter ("), "{text}");
        assert!(text.ends_with(") signed in."), "{text}");
    }

    #[test]
    fn every_known_action_has_a_sentence_in_every_language() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut seen = std::collections::BTreeSet::new();
            for action in KNOWN_ACTIONS {
                for actor in [you(), agent(), None] {
                    let text = sentence(&tr, &entry(action, actor));
                    assert!(!text.starts_with("history-"), "{}: {action}", language.tag());
                    assert!(!text.contains("sample"), "{text}");
                }
                assert!(seen.insert(sentence(&tr, &entry(action, you()))), "{action} repeats");
            }
        }
    }

    #[test]
    fn an_unknown_action_reads_neutrally() {
        let en = Translator::new(Language::En);
        assert_eq!(action_key("document_read"), None);
        let mut doc = entry("document_read", agent());
        doc.target = Some(HistoryTarget { kind: "document".into(), id: "d1".into() });
        assert_eq!(sentence(&en, &doc), "The agency (Anne Weber): document read.");
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
    fn details_list_rule_label_and_reference() {
        let en = Translator::new(Language::En);
        let mut e = entry("credential_renamed", you());
        e.label = Some("Old phone".into());
        e.rule = Some("referent".into());
        assert_eq!(details(&en, &e), ["Rule: referent", "Name: Old phone", "Reference: req-1"]);
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
