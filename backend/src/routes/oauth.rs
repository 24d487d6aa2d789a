//! Practice software (OAuth 2.0): the protocol endpoints software calls (`/oauth/*`, RFC 8414
//! metadata; outside `/api`: form bodies, the RFCs' JSON answers, no cookie, no CSRF check), and
//! the JSON API of the screens (approval, device code, connected software, the agency's
//! register of software).

use axum::Json;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use shared::ApiError;
use shared::api::oauth::{
    AuthorizationDecision, AuthorizationRedirect, AuthorizationRequest, AuthorizationView,
    ConnectedSoftware, DeviceDecision, DeviceView, RegisteredSoftwareClient, SoftwareClient,
    SoftwareClientForm,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentAgent, CurrentProfessional};
use crate::error::{ApiJson, AppError};
use crate::oauth::authorize::{self, Refusal};
use crate::oauth::clients;
use crate::oauth::device::{self, DeviceAuthorization, DeviceForm};
use crate::oauth::introspect::{self, TokenQueryForm};
use crate::oauth::protocol::{OAuthError, failures_limited};
use crate::oauth::token::{self, TokenForm};

/// The protocol endpoints (mounted at the root, outside `/api`).
pub fn protocol() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(oauth_metadata))
        .routes(routes!(oauth_authorize))
        .routes(routes!(oauth_token))
        .routes(routes!(oauth_device_authorization))
        .routes(routes!(oauth_introspect))
        .routes(routes!(oauth_revoke))
}

/// The screens' JSON API (under `/api`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(authorization_view, authorization_decide))
        .routes(routes!(device_view, device_decide))
        .routes(routes!(my_connected_software))
        .routes(routes!(disconnect_software))
        .routes(routes!(list_software_clients, register_software_client))
        .routes(routes!(change_software_client))
        .routes(routes!(disable_software_client))
        .routes(routes!(rotate_software_client_secret))
        .routes(routes!(software_client_grants))
        .routes(routes!(revoke_grant_by_agent))
}

/// The authorization server's metadata (RFC 8414).
#[utoipa::path(get, path = "/.well-known/oauth-authorization-server", tag = "oauth",
    responses((status = 200, description = "RFC 8414 metadata", content_type = "application/json", body = Object)))]
async fn oauth_metadata(State(state): State<AppState>) -> Response {
    let origin = state.config.public_origin.as_str();
    let body = serde_json::json!({
        "issuer": origin,
        "authorization_endpoint": format!("{origin}/oauth/authorize"),
        "token_endpoint": format!("{origin}/oauth/token"),
        "device_authorization_endpoint": format!("{origin}/oauth/device_authorization"),
        "introspection_endpoint": format!("{origin}/oauth/introspect"),
        "revocation_endpoint": format!("{origin}/oauth/revoke"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token", token::DEVICE_GRANT],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic"],
        "revocation_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
        "scopes_supported": [
            "user/DocumentReference.crs", "user/DocumentReference.rs", "user/DocumentReference.c",
            "user/Binary.r", "user/List.s", "user/Patient.rs", "user/AuditEvent.s"
        ],
    });
    ([(header::CACHE_CONTROL, "no-cache")], Json(body)).into_response()
}

/// The query of `/oauth/authorize` (all optional: what is missing is refused).
#[derive(Debug, Default, Deserialize)]
struct AuthorizeQuery {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

/// The page shown when the software cannot be told at its redirect URI (unknown software, a
/// redirect URI not registered): never redirect there (RFC 6749 §4.1.2.1).
fn authorize_error_page() -> Response {
    const PAGE: &str = "<!doctype html><html lang=\"lb\"><head><meta charset=\"utf-8\"><title>DSP</title></head><body>\
<p lang=\"lb\">Dës Software kann net mam DSP verbonne ginn: si ass net (oder net mat dëser Retouradress) registréiert. Kontaktéiert de Fournisseur vun Ärer Software.</p>\
<p lang=\"fr\">Ce logiciel ne peut pas être connecté au DSP : il n’est pas enregistré (ou pas avec cette adresse de retour). Contactez le fournisseur de votre logiciel.</p>\
<p lang=\"de\">Diese Software kann nicht mit dem DSP verbunden werden: Sie ist nicht (oder nicht mit dieser Rücksprungadresse) registriert. Wenden Sie sich an den Anbieter Ihrer Software.</p>\
<p lang=\"en\">This software cannot be connected to DSP: it is not registered (or not with this return address). Contact your software's supplier.</p>\
</body></html>";
    (
        StatusCode::BAD_REQUEST,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'"),
        ],
        PAGE,
    )
        .into_response()
}

/// Starts an authorization (code + PKCE S256): the professional's browser goes on to the
/// approval page; unknown software or an unregistered redirect URI get an error page.
#[utoipa::path(get, path = "/oauth/authorize", tag = "oauth",
    params(
        ("response_type" = String, Query, description = "code"),
        ("client_id" = String, Query), ("redirect_uri" = String, Query), ("scope" = String, Query),
        ("state" = Option<String>, Query), ("code_challenge" = String, Query),
        ("code_challenge_method" = String, Query, description = "S256")),
    responses((status = 303, description = "To the approval page, or back to the software with an error"),
              (status = 400, description = "An error page (unknown software or redirect URI)", content_type = "text/html", body = String)))]
async fn oauth_authorize(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    query: Result<Query<AuthorizeQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(query)) = query else { return Ok(authorize_error_page()) };
    let (Some(client_id), Some(redirect_uri)) = (query.client_id, query.redirect_uri) else {
        return Ok(authorize_error_page());
    };
    let request = AuthorizationRequest {
        client_id,
        redirect_uri,
        scope: query.scope.unwrap_or_default(),
        state: query.state,
        code_challenge: query.code_challenge.unwrap_or_default(),
        code_challenge_method: query.code_challenge_method.unwrap_or_default(),
    };
    let back = |error: &str| {
        let mut pairs = vec![("error", error)];
        if let Some(s) = &request.state {
            pairs.push(("state", s.as_str()));
        }
        Redirect::to(&authorize::redirect_with(&request.redirect_uri, &pairs)).into_response()
    };
    match authorize::check(&state.db, &request).await? {
        Err(Refusal::NoRedirect(_)) => Ok(authorize_error_page()),
        Err(Refusal::Redirect(error, _)) => Ok(back(error)),
        Ok(_) if query.response_type.as_deref() != Some("code") => {
            Ok(back("unsupported_response_type"))
        }
        Ok(_) => Ok(Redirect::to(&format!("/professional/connect?{}", raw.unwrap_or_default()))
            .into_response()),
    }
}

/// Exchanges an authorization code (with its PKCE verifier), a refresh token (rotated) or an
/// approved device code for tokens.
#[utoipa::path(post, path = "/oauth/token", tag = "oauth",
    request_body(content = inline(TokenForm), content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Tokens (RFC 6749 §5.1)", content_type = "application/json", body = Object),
              (status = 400, description = "RFC 6749 §5.2 / RFC 8628 §3.5 error", content_type = "application/json", body = Object),
              (status = 401, description = "invalid_client", content_type = "application/json", body = Object),
              (status = 429, description = "slow_down: too many failed requests from this address (Retry-After)", content_type = "application/json", body = Object)))]
async fn oauth_token(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Result<Json<token::TokenResponse>, OAuthError> {
    let Ok(Form(form)) = form else { return Err(OAuthError::invalid_request()) };
    let answer = token::token(&state, &meta, &headers, &form);
    Ok(Json(failures_limited(&state, &meta.client_key(), answer).await?))
}

/// Starts a device authorization (RFC 8628).
#[utoipa::path(post, path = "/oauth/device_authorization", tag = "oauth",
    request_body(content = inline(DeviceForm), content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, body = inline(DeviceAuthorization)),
              (status = 400, description = "invalid_scope, invalid_request", content_type = "application/json", body = Object),
              (status = 401, description = "invalid_client", content_type = "application/json", body = Object)))]
async fn oauth_device_authorization(
    State(state): State<AppState>,
    meta: RequestMeta,
    form: Result<Form<DeviceForm>, FormRejection>,
) -> Result<Json<DeviceAuthorization>, OAuthError> {
    let Ok(Form(form)) = form else { return Err(OAuthError::invalid_request()) };
    Ok(Json(device::start(&state, &meta, &form).await?))
}

/// Token introspection (RFC 7662) for a confidential client (HTTP Basic) of the token's
/// organisation; any other token is `{"active": false}`.
#[utoipa::path(post, path = "/oauth/introspect", tag = "oauth",
    request_body(content = inline(TokenQueryForm), content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "RFC 7662 answer", content_type = "application/json", body = Object),
              (status = 401, description = "invalid_client", content_type = "application/json", body = Object),
              (status = 429, description = "slow_down: too many failed requests from this address (Retry-After)", content_type = "application/json", body = Object)))]
async fn oauth_introspect(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    form: Result<Form<TokenQueryForm>, FormRejection>,
) -> Result<Json<introspect::Introspection>, OAuthError> {
    let Ok(Form(form)) = form else { return Err(OAuthError::invalid_request()) };
    let answer = introspect::introspect(&state, &headers, &form);
    Ok(Json(failures_limited(&state, &meta.client_key(), answer).await?))
}

/// Token revocation (RFC 7009): a refresh token ends its grant.
#[utoipa::path(post, path = "/oauth/revoke", tag = "oauth",
    request_body(content = inline(TokenQueryForm), content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Revoked (or unknown)"),
              (status = 400, description = "invalid_request", content_type = "application/json", body = Object),
              (status = 401, description = "invalid_client", content_type = "application/json", body = Object),
              (status = 429, description = "slow_down: too many failed requests from this address (Retry-After)", content_type = "application/json", body = Object)))]
async fn oauth_revoke(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    form: Result<Form<TokenQueryForm>, FormRejection>,
) -> Result<StatusCode, OAuthError> {
    let Ok(Form(form)) = form else { return Err(OAuthError::invalid_request()) };
    let revoked = introspect::revoke(&state, &meta, &headers, &form);
    failures_limited(&state, &meta.client_key(), revoked).await?;
    Ok(StatusCode::OK)
}

/// What the professional is asked to approve (the query of `/oauth/authorize`).
#[utoipa::path(get, path = "/oauth/authorization", tag = "oauth",
    params(("client_id" = String, Query), ("redirect_uri" = String, Query), ("scope" = String, Query),
           ("state" = Option<String>, Query), ("code_challenge" = String, Query),
           ("code_challenge_method" = String, Query)),
    responses((status = 200, body = AuthorizationView), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "authorization_request_invalid, redirect_uri_invalid, scope_invalid")))]
async fn authorization_view(
    State(state): State<AppState>,
    _professional: CurrentProfessional,
    Query(request): Query<AuthorizationRequest>,
) -> Result<Json<AuthorizationView>, AppError> {
    Ok(Json(authorize::view(&state, &request).await?))
}

/// The professional approves or refuses; answers where the browser goes next.
#[utoipa::path(post, path = "/oauth/authorization", tag = "oauth", request_body = AuthorizationDecision,
    responses((status = 200, body = AuthorizationRedirect), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "authorization_request_invalid, redirect_uri_invalid, scope_invalid")))]
async fn authorization_decide(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(decision): ApiJson<AuthorizationDecision>,
) -> Result<Json<AuthorizationRedirect>, AppError> {
    Ok(Json(authorize::decide(&state, &meta, &professional, &decision).await?))
}

/// The device query.
#[derive(Debug, Deserialize)]
struct UserCodeQuery {
    user_code: String,
}

/// The device authorization of a typed user code (rate-limited).
#[utoipa::path(get, path = "/oauth/device", tag = "oauth", params(("user_code" = String, Query)),
    responses((status = 200, body = DeviceView), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "user_code_invalid"), (status = 429, body = ApiError)))]
async fn device_view(
    State(state): State<AppState>,
    professional: CurrentProfessional,
    Query(query): Query<UserCodeQuery>,
) -> Result<Json<DeviceView>, AppError> {
    Ok(Json(device::view(&state, &professional, &query.user_code).await?))
}

/// The professional approves or refuses a device authorization.
#[utoipa::path(post, path = "/oauth/device", tag = "oauth", request_body = DeviceDecision,
    responses((status = 204, description = "Decided"), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "user_code_invalid"), (status = 429, body = ApiError)))]
async fn device_decide(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(decision): ApiJson<DeviceDecision>,
) -> Result<StatusCode, AppError> {
    device::decide(&state, &meta, &professional, &decision).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The software the professional has connected.
#[utoipa::path(get, path = "/me/connected-software", tag = "oauth",
    responses((status = 200, body = Vec<ConnectedSoftware>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn my_connected_software(
    State(state): State<AppState>,
    professional: CurrentProfessional,
) -> Result<Json<Vec<ConnectedSoftware>>, AppError> {
    Ok(Json(clients::mine(&state, &professional).await?))
}

/// The professional disconnects software: its tokens end at once.
#[utoipa::path(delete, path = "/me/connected-software/{grant_id}", tag = "oauth", params(("grant_id" = Uuid, Path)),
    responses((status = 204, description = "Disconnected"), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn disconnect_software(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    Path(grant_id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    clients::disconnect(&state, &meta, &professional, grant_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The registered software clients, with how many professionals have each connected.
#[utoipa::path(get, path = "/agency/software-clients", tag = "agency",
    responses((status = 200, body = Vec<SoftwareClient>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn list_software_clients(
    State(state): State<AppState>,
    agent: CurrentAgent,
) -> Result<Json<Vec<SoftwareClient>>, AppError> {
    Ok(Json(clients::list(&state, &agent).await?))
}

/// Registers software for an organisation; its secret (if confidential) is shown this once.
#[utoipa::path(post, path = "/agency/software-clients", tag = "agency", request_body = SoftwareClientForm,
    responses((status = 201, body = RegisteredSoftwareClient), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError, description = "No such organisation"),
              (status = 422, body = ApiError, description = "field_required, redirect_uri_invalid, scope_invalid")))]
async fn register_software_client(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    ApiJson(form): ApiJson<SoftwareClientForm>,
) -> Result<(StatusCode, Json<RegisteredSoftwareClient>), AppError> {
    Ok((StatusCode::CREATED, Json(clients::register(&state, &meta, &agent, &form).await?)))
}

/// Changes a client (its organisation stays); grants beyond the new scopes end.
#[utoipa::path(put, path = "/agency/software-clients/{client_id}", tag = "agency", params(("client_id" = String, Path)),
    request_body = SoftwareClientForm,
    responses((status = 200, body = SoftwareClient), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError, description = "field_required, redirect_uri_invalid, scope_invalid")))]
async fn change_software_client(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(client_id): Path<String>,
    ApiJson(form): ApiJson<SoftwareClientForm>,
) -> Result<Json<SoftwareClient>, AppError> {
    Ok(Json(clients::change(&state, &meta, &agent, &client_id, &form).await?))
}

/// Disables a client: every connection of it ends.
#[utoipa::path(post, path = "/agency/software-clients/{client_id}/disable", tag = "agency", params(("client_id" = String, Path)),
    responses((status = 200, body = SoftwareClient), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn disable_software_client(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(client_id): Path<String>,
) -> Result<Json<SoftwareClient>, AppError> {
    Ok(Json(clients::disable(&state, &meta, &agent, &client_id).await?))
}

/// Gives a client a new secret, shown this once.
#[utoipa::path(post, path = "/agency/software-clients/{client_id}/secret", tag = "agency", params(("client_id" = String, Path)),
    responses((status = 200, body = RegisteredSoftwareClient), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn rotate_software_client_secret(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(client_id): Path<String>,
) -> Result<Json<RegisteredSoftwareClient>, AppError> {
    Ok(Json(clients::rotate_secret(&state, &meta, &agent, &client_id).await?))
}

/// The professionals who have a client connected now.
#[utoipa::path(get, path = "/agency/software-clients/{client_id}/grants", tag = "agency", params(("client_id" = String, Path)),
    responses((status = 200, body = Vec<ConnectedSoftware>), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn software_client_grants(
    State(state): State<AppState>,
    agent: CurrentAgent,
    Path(client_id): Path<String>,
) -> Result<Json<Vec<ConnectedSoftware>>, AppError> {
    Ok(Json(clients::client_grants(&state, &agent, &client_id).await?))
}

/// Ends a professional's connection of software.
#[utoipa::path(delete, path = "/agency/grants/{grant_id}", tag = "agency", params(("grant_id" = Uuid, Path)),
    responses((status = 204, description = "Ended"), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn revoke_grant_by_agent(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(grant_id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    clients::revoke_by_agent(&state, &meta, &agent, grant_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
