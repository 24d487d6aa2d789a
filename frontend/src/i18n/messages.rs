//! What the person reads about errors, codes and the server's state, in their language.
//!
//! Pure mappings from shared types and API outcomes to translated text; components call these
//! and never build message keys themselves.

use chrono::{DateTime, Local, Utc};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::api::health::{DatabaseEngine, HealthResponse};
use shared::{Category, NationalIdError, Profession};

use super::{Arg, Translator};
use crate::api::{ApiFailure, Remote};
use crate::auth::{CeremonyError, FlowError};
use crate::components::field::Tone;
use crate::forms::{FieldProblem, NationalIdFeedback, national_id_feedback as feedback_of};

/// [`api_failure`], but `not_found` said as `not_found_key`: what "not found" means on that page
/// (the rules no longer allow the act, no such patient, …).
#[must_use]
pub fn api_failure_or(tr: &Translator, failure: &ApiFailure, not_found_key: &str) -> String {
    if failure.is(shared::ApiErrorCode::NotFound) {
        tr.t(not_found_key)
    } else {
        api_failure(tr, failure)
    }
}

/// The message for a failed API call. Errors the server explains carry its request id, which
/// the helpdesk uses to find the request in the logs.
#[must_use]
pub fn api_failure(tr: &Translator, failure: &ApiFailure) -> String {
    match failure {
        ApiFailure::Api(error) => {
            let message = tr.t(&error.code.message_key());
            if error.request_id.is_empty() {
                message
            } else {
                let reference =
                    tr.t_args("error-reference", [("id", Arg::from(error.request_id.as_str()))]);
                format!("{message} ({reference})")
            }
        }
        ApiFailure::RateLimited { retry_after_seconds, .. } => {
            let minutes = retry_after_seconds.div_ceil(60).max(1);
            tr.t_args("error-rate-limited-wait", [("minutes", Arg::from(minutes))])
        }
        ApiFailure::Network => tr.t("error-network"),
        // Gateways (a proxy in front of a stopped server) answer these without our JSON body.
        ApiFailure::Http(502..=504) => tr.t("error-unavailable"),
        ApiFailure::Http(status) => tr.t_args("error-http", [("status", (*status).into())]),
        ApiFailure::Decode => tr.t("error-unexpected-response"),
    }
}

/// Exactly what is wrong with a typed national ID.
#[must_use]
pub fn national_id_error(tr: &Translator, error: NationalIdError) -> String {
    match error {
        NationalIdError::WrongLength(count) => {
            tr.t_args(error.message_key(), [("count", Arg::from(count))])
        }
        _ => tr.t(error.message_key()),
    }
}

/// What to say about a national ID as it is typed, and in which tone.
#[must_use]
pub fn national_id_feedback(tr: &Translator, input: &str) -> (Option<String>, Tone) {
    match feedback_of(input) {
        NationalIdFeedback::Empty => (None, Tone::Info),
        NationalIdFeedback::Incomplete(missing) => {
            (Some(tr.t_args("national-id-incomplete", [("count", Arg::from(missing))])), Tone::Info)
        }
        NationalIdFeedback::Invalid(error) => (Some(national_id_error(tr, error)), Tone::Error),
        NationalIdFeedback::Valid(id) => (
            Some(tr.t_args("national-id-valid", [("date", Arg::from(tr.date(id.birth_date())))])),
            Tone::Ok,
        ),
    }
}

/// What is wrong with a form field.
#[must_use]
pub fn field_problem(tr: &Translator, problem: FieldProblem) -> String {
    match problem {
        FieldProblem::NationalId(error) => national_id_error(tr, error),
        other => tr.t(other.message_key()),
    }
}

/// Why a ceremony (server → authenticator → server) stopped.
#[must_use]
pub fn flow_failure(tr: &Translator, failure: &FlowError) -> String {
    match failure {
        FlowError::Api(failure) => api_failure(tr, failure),
        FlowError::Ceremony(error) => ceremony_failure(tr, error),
    }
}

/// Why the browser or the authenticator produced no credential.
#[must_use]
pub fn ceremony_failure(tr: &Translator, error: &CeremonyError) -> String {
    match error {
        CeremonyError::Unsupported => tr.t("ceremony-unsupported"),
        CeremonyError::Cancelled => tr.t("ceremony-cancelled"),
        CeremonyError::Aborted => tr.t("ceremony-aborted"),
        CeremonyError::AlreadyRegistered => tr.t("ceremony-already-registered"),
        CeremonyError::AuthenticatorUnsuitable => tr.t("ceremony-unsuitable"),
        CeremonyError::Security => tr.t("ceremony-security"),
        CeremonyError::Other(name) => {
            tr.t_args("ceremony-other", [("name", Arg::from(name.as_str()))])
        }
    }
}

/// The translated name of a role.
#[must_use]
pub fn role_name(tr: &Translator, role: Role) -> String {
    match role {
        Role::Patient => tr.t("role-patient"),
        Role::Professional => tr.t("role-professional"),
        Role::Agent => tr.t("role-agent"),
    }
}

/// The translated state of a record.
#[must_use]
pub fn record_state(tr: &Translator, state: RecordState) -> String {
    match state {
        RecordState::Created => tr.t("record-state-created"),
        RecordState::Activated => tr.t("record-state-activated"),
        RecordState::Closed => tr.t("record-state-closed"),
    }
}

/// A moment in the browser's time zone, with date and time.
#[must_use]
pub fn date_time(tr: &Translator, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local).naive_local();
    tr.date_time(local)
}

/// The day of a moment in the browser's time zone.
#[must_use]
pub fn date_only(tr: &Translator, at: DateTime<Utc>) -> String {
    tr.date(at.with_timezone(&Local).date_naive())
}

/// "Firefox on Windows" from a `User-Agent` string.
#[must_use]
pub fn browser_name(tr: &Translator, user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|ua| !ua.trim().is_empty()) else {
        return tr.t("browser-unknown");
    };
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Chromium"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| ua.contains(marker))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| ua.contains(marker))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(browser), Some(system)) => tr.t_args(
            "browser-on-system",
            [("browser", Arg::from(browser)), ("system", Arg::from(system))],
        ),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => tr.t("browser-unknown"),
    }
}

/// The translated name of a document category.
#[must_use]
pub fn category_name(tr: &Translator, category: Category) -> String {
    tr.t(&format!("category-{}", category.code()))
}

/// The translated name of a profession.
#[must_use]
pub fn profession_name(tr: &Translator, profession: Profession) -> String {
    tr.t(&format!("profession-{}", profession.code()))
}

/// The footer's line about the server: checking, online (engine and newest migration), or why not.
#[must_use]
pub fn server_status(tr: &Translator, health: &Remote<HealthResponse>) -> String {
    match health {
        Remote::Loading => tr.t("footer-server-checking"),
        Remote::Ready(health) if health.status == "ok" => tr.t_args(
            "footer-server-online",
            [
                ("database", Arg::from(engine_name(health.database))),
                ("migration", Arg::from(health.migration.as_str())),
            ],
        ),
        Remote::Ready(health) => {
            tr.t_args("footer-server-degraded", [("status", health.status.as_str().into())])
        }
        Remote::Failed(failure) => {
            tr.t_args("footer-server-error", [("message", Arg::from(api_failure(tr, failure)))])
        }
    }
}

/// Product names, the same in every language.
const fn engine_name(engine: DatabaseEngine) -> &'static str {
    match engine {
        DatabaseEngine::Sqlite => "SQLite",
        DatabaseEngine::Postgres => "PostgreSQL",
    }
}

#[cfg(test)]
mod tests {
    use shared::{ApiError, ApiErrorCode, Language};

    use super::*;

    fn health(status: &str) -> HealthResponse {
        HealthResponse {
            status: status.to_owned(),
            version: "0.1.0".to_owned(),
            database: DatabaseEngine::Sqlite,
            migration: "m20261125_000001_create_records".to_owned(),
            migrations_applied: 1,
        }
    }

    #[test]
    fn every_api_error_code_has_its_own_message_in_every_language() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut seen = std::collections::BTreeSet::new();
            for code in ApiErrorCode::ALL {
                let text = api_failure(&tr, &ApiFailure::Api(ApiError::new(code, "")));
                assert_ne!(text, code.message_key(), "{}: {code:?}", language.tag());
                assert!(seen.insert(text), "{}: {code:?} repeats a message", language.tag());
            }
        }
    }

    #[test]
    fn server_errors_show_the_request_id() {
        let tr = Translator::new(Language::Fr);
        let failure = ApiFailure::Api(ApiError::new(ApiErrorCode::Internal, "req-42"));
        let text = api_failure(&tr, &failure);
        assert!(text.starts_with("Une erreur s’est produite"), "{text}");
        assert!(text.ends_with("(Référence\u{a0}: req-42)"), "{text}");
    }

    #[test]
    fn transport_failures_are_explained() {
        let tr = Translator::new(Language::En);
        assert_eq!(
            api_failure(&tr, &ApiFailure::Network),
            "The server cannot be reached. Check your connection and try again."
        );
        assert_eq!(
            api_failure(&tr, &ApiFailure::Http(404)),
            "The server answered with an unexpected error (HTTP 404)."
        );
        assert_eq!(api_failure(&tr, &ApiFailure::Http(502)), tr.t("error-unavailable"));
        assert_eq!(api_failure(&tr, &ApiFailure::Decode), tr.t("error-unexpected-response"));
    }

    #[test]
    fn the_server_line_follows_the_state() {
        let tr = Translator::new(Language::En);
        assert_eq!(server_status(&tr, &Remote::Loading), "Server: checking…");
        assert_eq!(
            server_status(&tr, &Remote::Ready(health("ok"))),
            "Server: online · SQLite · migration m20261125_000001_create_records"
        );
        assert_eq!(
            server_status(&tr, &Remote::Ready(health("degraded"))),
            "Server: status “degraded”"
        );
        assert_eq!(
            server_status(&Translator::new(Language::De), &Remote::Failed(ApiFailure::Network)),
            "Server: Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen \
             Sie es erneut."
        );
    }

    #[test]
    fn national_id_errors_say_what_is_wrong() {
        let tr = Translator::new(Language::Lb);
        assert_eq!(
            national_id_error(&tr, NationalIdError::WrongLength(11)),
            "Eng Matrikelnummer huet 13 Zifferen, dës huet der 11."
        );
        let tr = Translator::new(Language::Fr);
        assert_eq!(
            national_id_error(&tr, NationalIdError::NotDigits),
            "Un matricule ne contient que des chiffres."
        );
    }

    #[test]
    fn a_rate_limit_says_how_long_to_wait() {
        let tr = Translator::new(Language::En);
        let failure = ApiFailure::RateLimited {
            error: ApiError::new(ApiErrorCode::RateLimited, "r"),
            retry_after_seconds: 61,
        };
        assert_eq!(api_failure(&tr, &failure), "Too many attempts. Please try again in 2 min.");
    }

    #[test]
    fn the_national_id_is_explained_while_typing() {
        let tr = Translator::new(Language::En);
        assert_eq!(national_id_feedback(&tr, ""), (None, Tone::Info));
        assert_eq!(
            national_id_feedback(&tr, "18931201"),
            (Some("Digits still missing: 5 of 13.".to_owned()), Tone::Info)
        );
        assert_eq!(
            national_id_feedback(&tr, "1893120105742").1,
            Tone::Error,
            "a wrong check digit is an error"
        );
        let (text, tone) = national_id_feedback(&Translator::new(Language::Fr), "1893120105732");
        assert_eq!(tone, Tone::Ok);
        assert!(text.unwrap().contains("1er décembre 1893"));
    }

    #[test]
    fn ceremony_failures_have_their_own_messages() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let errors = [
                CeremonyError::Unsupported,
                CeremonyError::Cancelled,
                CeremonyError::Aborted,
                CeremonyError::AlreadyRegistered,
                CeremonyError::AuthenticatorUnsuitable,
                CeremonyError::Security,
                CeremonyError::Other("TypeError".into()),
            ];
            let texts: std::collections::BTreeSet<String> =
                errors.iter().map(|e| ceremony_failure(&tr, e)).collect();
            assert_eq!(texts.len(), errors.len(), "{}", language.tag());
            assert!(texts.iter().all(|t| !t.starts_with("ceremony-")));
        }
        let tr = Translator::new(Language::De);
        let synced = FlowError::Api(ApiFailure::Api(ApiError::new(
            ApiErrorCode::SyncedCredentialRefused,
            "",
        )));
        assert!(flow_failure(&tr, &synced).contains("Sicherheitsschlüssel"));
    }

    #[test]
    fn browsers_are_named() {
        let tr = Translator::new(Language::En);
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(browser_name(&tr, Some(chrome)), "Chrome on Linux");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120 Safari/537.36 Edg/120";
        assert_eq!(browser_name(&Translator::new(Language::Fr), Some(edge)), "Edge sous Windows");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1";
        assert_eq!(browser_name(&tr, Some(iphone)), "Safari on iOS");
        assert_eq!(browser_name(&tr, None), tr.t("browser-unknown"));
    }

    #[test]
    fn roles_and_record_states_are_translated() {
        let tr = Translator::new(Language::Lb);
        for role in [Role::Patient, Role::Professional, Role::Agent] {
            assert!(!role_name(&tr, role).starts_with("role-"));
        }
        for state in [RecordState::Created, RecordState::Activated, RecordState::Closed] {
            assert!(!record_state(&tr, state).starts_with("record-state-"));
        }
    }

    #[test]
    fn names_of_categories_and_professions_are_translated() {
        let tr = Translator::new(Language::De);
        assert_eq!(category_name(&tr, Category::LabAnalyses), "Laboranalysen");
        assert_eq!(profession_name(&tr, Profession::Midwife), "Hebamme");
        for language in Language::ALL {
            let tr = Translator::new(language);
            for category in Category::ALL {
                assert!(!category_name(&tr, category).starts_with("category-"));
            }
            for profession in Profession::ALL {
                assert!(!profession_name(&tr, profession).starts_with("profession-"));
            }
        }
    }
}
