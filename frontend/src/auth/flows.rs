//! The ceremonies from end to end: the server's options, the authenticator, the server's
//! verdict. Pages call one function each and show what it returns.

use shared::ApiErrorCode;
use shared::api::auth::{
    ActivationOptions, ActivationStart, CeremonyFinish, EnrolmentStart, SessionInfo,
};
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

/// A patient's national ID and letter code: the options to register their passkey, and whether
/// the letter is a recovery letter (the page then asks before going on).
///
/// # Errors
/// Where the flow stopped.
pub async fn activation_options(start: &ActivationStart) -> Result<ActivationOptions, FlowError> {
    Ok(api::auth::activation_start(start).await?)
}

/// Registers the patient's passkey with the options of [`activation_options`]: the record is
/// activated (or, with a recovery letter, its other passkeys are replaced) and the patient is
/// signed in.
///
/// # Errors
/// Where the flow stopped.
pub async fn activate(options: &ActivationOptions) -> Result<SessionInfo, FlowError> {
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

/// Removes a credential, confirming first when the server asks.
///
/// # Errors
/// Where the flow stopped (`last_credential` for the last usable one).
pub async fn remove_credential(id: &str) -> Result<(), FlowError> {
    match api::me::remove_credential(id).await {
        Err(failure) if failure.is(ApiErrorCode::ReverificationRequired) => {
            reverify().await?;
            Ok(api::me::remove_credential(id).await?)
        }
        other => Ok(other?),
    }
}

/// Objects to one's record (deletes it for good), confirming first when the server asks.
///
/// # Errors
/// Where the flow stopped (`objection_window_closed` after the window).
pub async fn object_to_record() -> Result<api::Download, FlowError> {
    match api::me::object().await {
        Err(failure) if failure.is(ApiErrorCode::ReverificationRequired) => {
            reverify().await?;
            Ok(api::me::object().await?)
        }
        other => Ok(other?),
    }
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
