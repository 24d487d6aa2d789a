//! What the interface supports, and nothing more: the `CapabilityStatement` (`metadata`) and the
//! SMART configuration that tells software where to get its tokens.

use axum::extract::State;
use axum::response::Response;
use serde_json::{Value, json};

use super::{FHIR_JSON, base_url, resource};
use crate::app::AppState;

/// The software's release date, as the statement's `date`.
const RELEASED: &str = "2026-12-05";

fn search_param(name: &str, kind: &str, documentation: &str) -> Value {
    json!({ "name": name, "type": kind, "documentation": documentation })
}

fn interactions(codes: &[&str]) -> Value {
    Value::Array(codes.iter().map(|c| json!({ "code": c })).collect())
}

/// The OAuth endpoints, absolute.
fn oauth_url(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_origin.trim_end_matches('/'))
}

/// `GET /fhir/R4/metadata`: the CapabilityStatement (no token needed, as FHIR requires).
pub(super) async fn metadata(State(state): State<AppState>) -> Response {
    let documents_search = vec![
        search_param(
            "patient",
            "reference",
            "The record: Patient/<id>. Required (or patient.identifier).",
        ),
        search_param(
            "patient.identifier",
            "token",
            "The record by national ID: urn:oid:1.3.182.4.4|<matricule>.",
        ),
        search_param("status", "token", "current (a professional sees current documents only)."),
        search_param(
            "date",
            "date",
            "When the document was filed (prefixes eq, ne, gt, lt, ge, le, sa, eb).",
        ),
        search_param("category", "token", "https://dsp.lu/fhir/CodeSystem/category|<code>."),
        search_param(
            "type",
            "token",
            "https://dsp.lu/fhir/CodeSystem/document-format|<pdf, cda_xml, fhir_json, png, jpeg>.",
        ),
    ];
    let statement = json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": RELEASED,
        "publisher": "DSP",
        "kind": "instance",
        "instantiates": [
            "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentResponder",
            "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentRecipient",
            "https://profiles.ihe.net/ITI/PDQm/CapabilityStatement/IHE.PDQm.Supplier",
        ],
        "software": { "name": "DSP" },
        "implementation": {
            "description": "DSP, the national shared care record: documents of a record for practice and hospital software (IHE MHD, PDQm), on a professional's behalf",
            "url": base_url(&state),
        },
        "fhirVersion": "4.0.1",
        "format": [FHIR_JSON.split(';').next().unwrap_or(FHIR_JSON)],
        "rest": [{
            "mode": "server",
            "documentation": "Every request carries a bearer token issued to practice software that a professional connected with their security key (SMART on FHIR user/ scopes); the professional's rights, decided as in the portal, apply to every act, and every act is audited naming the software.",
            "security": {
                "cors": false,
                "service": [{ "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                    "code": "SMART-on-FHIR",
                }] }],
                "extension": [{
                    "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                    "extension": [
                        { "url": "authorize", "valueUri": oauth_url(&state, "/oauth/authorize") },
                        { "url": "token", "valueUri": oauth_url(&state, "/oauth/token") },
                        { "url": "introspect", "valueUri": oauth_url(&state, "/oauth/introspect") },
                        { "url": "revoke", "valueUri": oauth_url(&state, "/oauth/revoke") },
                    ],
                }],
            },
            "resource": [
                {
                    "type": "DocumentReference",
                    "interaction": interactions(&["read", "vread", "search-type"]),
                    "searchParam": documents_search,
                },
                { "type": "Binary", "interaction": interactions(&["read", "vread"]) },
                {
                    "type": "List",
                    "interaction": interactions(&["search-type"]),
                    "searchParam": [
                        search_param("patient", "reference", "The record: Patient/<id>."),
                        search_param("patient.identifier", "token", "The record by national ID."),
                        search_param("code", "token", "submissionset (DSP keeps no folders)."),
                        search_param("status", "token", "current."),
                    ],
                },
                {
                    "type": "Patient",
                    "interaction": interactions(&["read", "search-type"]),
                    "searchParam": [search_param("identifier", "token", "urn:oid:1.3.182.4.4|<matricule>: only a patient whose record the professional reaches now.")],
                },
                {
                    "type": "AuditEvent",
                    "interaction": interactions(&["search-type"]),
                    "searchParam": [
                        search_param("patient", "reference", "The record whose access history to read: for its médecin référent only, as in the portal."),
                        search_param("patient.identifier", "token", "The record by national ID."),
                    ],
                },
            ],
            "interaction": [{
                "code": "transaction",
                "documentation": "ITI-65 Provide Document Bundle: a SubmissionSet List, its DocumentReferences and their Binaries, filed all or nothing.",
            }],
        }],
    });
    resource(&statement)
}

/// `GET /fhir/R4/.well-known/smart-configuration`: where software gets its tokens.
pub(super) async fn smart_configuration(State(state): State<AppState>) -> Response {
    let config = json!({
        "issuer": state.config.public_origin.trim_end_matches('/'),
        "authorization_endpoint": oauth_url(&state, "/oauth/authorize"),
        "token_endpoint": oauth_url(&state, "/oauth/token"),
        "introspection_endpoint": oauth_url(&state, "/oauth/introspect"),
        "revocation_endpoint": oauth_url(&state, "/oauth/revoke"),
        "device_authorization_endpoint": oauth_url(&state, "/oauth/device_authorization"),
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
        "grant_types_supported": [
            "authorization_code",
            "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code",
        ],
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": [
            "user/DocumentReference.rs",
            "user/DocumentReference.c",
            "user/Binary.r",
            "user/List.s",
            "user/Patient.rs",
            "user/AuditEvent.s",
        ],
        "capabilities": [
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "permission-user",
            "permission-v2",
        ],
    });
    let mut response = resource(&config);
    response.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json"),
    );
    response
}
