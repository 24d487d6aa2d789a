//! The ceremonies from end to end: the server's options, the authenticator, the server's
//! verdict. Pages call one function each and show what it returns.

use shared::ApiErrorCode;
use shared::api::auth::{ActivationStart, CeremonyFinish, EnrolmentStart, SessionInfo};
use shared::api::me::CredentialSummary;

use super::{FlowError, create, get};
use crate::api;

/// Discoverable sign-in: no user name, the authenticator offers its credentials.
///
/// # Errors
/// Where the flow stopped.
pub async fn sign_in() -> Result<SessionInfo, FlowError> {
    let options = api::auth::sign_in_start().await?;
    let credential = get(&options.public_key).await?;
    Ok(api::auth::sign_in_finish(&CeremonyFinish { credential, name: None }).await?)
}

/// A patient activates their record and registers a passkey.
///
/// # Errors
/// Where the flow stopped.
pub async fn activate(start: &ActivationStart) -> Result<SessionInfo, FlowError> {
    let options = api::auth::activation_start(start).await?;
    let credential = create(&options.public_key).await?;
    Ok(api::auth::activation_finish(&CeremonyFinish { credential, name: None }).await?)
}

/// A professional or agent registers a security key with an enrolment code.
///
/// # Errors
/// Where the flow stopped.
pub async fn enrol(start: &EnrolmentStart) -> Result<SessionInfo, FlowError> {
    let options = api::auth::enrolment_start(start).await?;
    let credential = create(&options.public_key).await?;
    Ok(api::auth::enrolment_finish(&CeremonyFinish { credential, name: None }).await?)
}

/// Confirms with an existing credential that it is still the person.
///
/// # Errors
/// Where the flow stopped.
pub async fn reverify() -> Result<(), FlowError> {
    let options = api::me::reverify_start().await?;
    let credential = get(&options.public_key).await?;
    Ok(api::me::reverify_finish(&CeremonyFinish { credential, name: None }).await?)
}

/// Registers one more credential under `name`, confirming first when the server asks.
///
/// # Errors
/// Where the flow stopped.
pub async fn add_credential(name: &str) -> Result<CredentialSummary, FlowError> {
    let options = match api::me::add_credential_start().await {
        Err(failure) if failure.is(ApiErrorCode::ReverificationRequired) => {
            reverify().await?;
            api::me::add_credential_start().await?
        }
        other => other?,
    };
    let credential = create(&options.public_key).await?;
    let name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    Ok(api::me::add_credential_finish(&CeremonyFinish { credential, name }).await?)
}
