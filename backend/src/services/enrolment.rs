//! A professional or agent registers a security key with the enrolment code the agency issued.

use axum::http::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::ApiErrorCode;
use shared::api::auth::{CeremonyOptions, EnrolmentStart, Role};

use super::{Registered, verify_registration};
use super::{
    SignedIn, audited, insert_credential, open_session, refuse, stored_credentials,
    subject_is_active,
};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::ceremony::{self, Purpose};
use crate::auth::webauthn::{Holder, Policy};
use crate::auth::{codes, rate_limit};
use crate::entity::{agent, enrolment_code, professional};
use crate::error::AppError;

/// Checks the code and starts registering a security key.
///
/// # Errors
/// `enrolment_code_invalid`, rate limits; audited.
pub async fn start(
    state: &AppState,
    meta: &RequestMeta,
    input: &EnrolmentStart,
) -> Result<CeremonyOptions, AppError> {
    let now = state.clock.now();
    rate_limit::hit(
        &state.db,
        &format!("enrolment:{}", meta.client_key()),
        rate_limit::ENROLMENT_PER_CLIENT,
        now,
    )
    .await?;
    let code_hash = codes::hash_code(&input.code);
    rate_limit::hit(
        &state.db,
        &format!("enrolment-code:{code_hash}"),
        rate_limit::ENROLMENT_PER_CODE,
        now,
    )
    .await?;
    audited(
        state,
        meta,
        Event::new("enrolment_attempt", Outcome::Success, None),
        async |txn, event| {
            let invalid = || refuse(StatusCode::BAD_REQUEST, ApiErrorCode::EnrolmentCodeInvalid);
            let code = enrolment_code::Entity::find_by_id(code_hash.clone())
                .one(txn)
                .await?
                .filter(|c| c.used_at.is_none() && c.expires_at > now)
                .ok_or_else(invalid)?;
            let role = Role::parse(&code.subject_kind)
                .filter(|r| *r != Role::Patient)
                .ok_or_else(invalid)?;
            event.actor = Some((role, code.subject_id));
            if !subject_is_active(txn, role, code.subject_id).await? {
                return Err(invalid());
            }
            let (name, display) = match role {
                Role::Professional => {
                    let p = professional::Entity::find_by_id(code.subject_id)
                        .one(txn)
                        .await?
                        .ok_or_else(invalid)?;
                    (p.licence_number.clone(), format!("{} {}", p.given_name, p.family_name))
                }
                _ => {
                    let a = agent::Entity::find_by_id(code.subject_id)
                        .one(txn)
                        .await?
                        .ok_or_else(invalid)?;
                    (format!("agent-{}", code.subject_id.simple()), a.display_name)
                }
            };
            let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
            let holder = Holder { id: code.subject_id, name: &name, display_name: &display };
            let existing = stored_credentials(txn, code.subject_id).await?;
            let started = state.rp.start_registration(&holder, &existing, Policy::SecurityKey)?;
            ceremony::store(
                txn,
                &started,
                Purpose::Enrol,
                Some((role, code.subject_id)),
                Some(code_hash.clone()),
                state.clock.now(),
            )
            .await?;
            Ok(CeremonyOptions { public_key: started.options })
        },
    )
    .await
}

/// Registers the security key (device-bound, user-verifying), uses up the code, signs in.
///
/// # Errors
/// `synced_credential_refused`, `user_verification_required`, `ceremony_expired`, …; audited.
pub async fn finish(
    state: &AppState,
    meta: &RequestMeta,
    previous_token: Option<&str>,
    body: &[u8],
    name: Option<String>,
) -> Result<SignedIn, AppError> {
    let now = state.clock.now();
    audited(state, meta, Event::new("enrolment", Outcome::Success, None), async |txn, event| {
        let registered = verify_registration(txn, state, body, Purpose::Enrol, event).await?;
        let used = enrolment_code::Entity::update_many()
            .col_expr(enrolment_code::Column::UsedAt, Expr::value(now))
            .filter(
                enrolment_code::Column::CodeHash.eq(registered.binding.clone().unwrap_or_default()),
            )
            .filter(enrolment_code::Column::UsedAt.is_null())
            .exec(txn)
            .await?;
        if used.rows_affected != 1 {
            return Err(refuse(StatusCode::BAD_REQUEST, ApiErrorCode::EnrolmentCodeInvalid));
        }
        let Registered { role, subject_id, credential, .. } = registered;
        let credential = insert_credential(txn, role, subject_id, &credential, name, now).await?;
        *event = event.clone().target("credential", credential.id.clone());
        open_session(txn, state, meta, previous_token, role, subject_id, &credential.id).await
    })
    .await
}
