//! What the person reads about errors, codes and the server's state, in their language.
//!
//! Pure mappings from shared types and API outcomes to translated text; components call these
//! and never build message keys themselves.

use fluent_bundle::FluentValue;
use shared::api::health::{DatabaseEngine, HealthResponse};
use shared::{Category, NationalIdError, Profession};

use super::Translator;
use crate::api::{ApiFailure, Remote};

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
                let reference = tr.t_args(
                    "error-reference",
                    [("id", FluentValue::from(error.request_id.as_str()))],
                );
                format!("{message} ({reference})")
            }
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
#[cfg_attr(
    not(test),
    expect(
        dead_code,
        reason = "the national ID fields arrive with sign-in and the agency console"
    )
)]
pub fn national_id_error(tr: &Translator, error: NationalIdError) -> String {
    match error {
        NationalIdError::WrongLength(count) => {
            tr.t_args(error.message_key(), [("count", FluentValue::from(count))])
        }
        _ => tr.t(error.message_key()),
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
                ("database", FluentValue::from(engine_name(health.database))),
                ("migration", FluentValue::from(health.migration.as_str())),
            ],
        ),
        Remote::Ready(health) => {
            tr.t_args("footer-server-degraded", [("status", health.status.as_str().into())])
        }
        Remote::Failed(failure) => tr.t_args(
            "footer-server-error",
            [("message", FluentValue::from(api_failure(tr, failure)))],
        ),
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
