//! The WebAuthn relying party: options out, verification in, with `webauthn_rp`.
//!
//! Ceremony state is plain bytes that the caller stores in the database (several instances share
//! it); this module never keeps anything in memory. Two policies: a patient's **passkey**
//! (discoverable, user verification required, may be synced) and a professional's or agent's
//! **security key** (discoverable, user verification required, cross-platform, device-bound:
//! backup-eligible is refused at registration and at every sign-in).

use std::time::SystemTime;

use anyhow::{Context, anyhow};
use data_encoding::BASE64URL_NOPAD;
use webauthn_rp::bin::{Decode, Encode};
use webauthn_rp::request::auth::AuthenticationVerificationOptions;
use webauthn_rp::request::register::{
    AuthenticatorAttachmentReq, CredProtect, CrossPlatformHint, PublicKeyCredentialUserEntity,
    RegistrationVerificationOptions, UserHandle16,
};
use webauthn_rp::request::{
    AsciiDomain, BackupReq, ExtensionInfo, PublicKeyCredentialDescriptor, RpId, TimedCeremony,
};
use webauthn_rp::response::register::{DynamicState, StaticState};
use webauthn_rp::response::{AuthTransports, Backup, CredentialId};
use webauthn_rp::{
    AuthenticatedCredential, DiscoverableAuthentication16, DiscoverableAuthenticationServerState,
    DiscoverableCredentialRequestOptions, PublicKeyCredentialCreationOptions, Registration,
    RegistrationServerState,
};

/// Which authenticators a role may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Patients: any passkey, synced or not.
    Passkey,
    /// Professionals and agents: a device-bound, cross-platform security key.
    SecurityKey,
}

/// Why a ceremony failed, in terms a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CeremonyError {
    /// Too late (the 5 minutes passed) or already used.
    #[error("the ceremony expired or was already used")]
    Expired,
    /// A synced passkey where a device-bound key is required.
    #[error("a synced credential where a device-bound key is required")]
    Synced,
    /// The authenticator did not verify the user.
    #[error("user verification missing")]
    NotVerified,
    /// The signature counter did not increase.
    #[error("signature counter went backwards")]
    CounterRegression,
    /// Anything else: wrong origin or RP ID, wrong challenge, bad signature, malformed answer.
    #[error("the authenticator's answer did not verify: {0}")]
    Rejected(&'static str),
}

/// Who a new credential is for.
#[derive(Debug, Clone)]
pub struct Holder<'a> {
    /// The user handle: the patient's, professional's or agent's UUID.
    pub id: uuid::Uuid,
    /// A username-like name (no spaces), e.g. a licence number or the national ID.
    pub name: &'a str,
    /// The human name.
    pub display_name: &'a str,
}

/// A credential already registered, as stored.
#[derive(Debug, Clone)]
pub struct StoredCredential {
    /// base64url credential id.
    pub id: String,
    /// The owner's UUID (user handle).
    pub holder: uuid::Uuid,
    /// Encoded `StaticState`.
    pub static_state: Vec<u8>,
    /// Encoded `DynamicState`.
    pub dynamic_state: Vec<u8>,
    /// `AuthTransports` bits.
    pub transports: u8,
}

/// A credential that just passed registration.
#[derive(Debug, Clone)]
pub struct NewCredential {
    /// base64url credential id.
    pub id: String,
    /// Encoded `StaticState`.
    pub static_state: Vec<u8>,
    /// Encoded `DynamicState`.
    pub dynamic_state: Vec<u8>,
    /// The signature counter.
    pub sign_count: u32,
    /// `AuthTransports` bits.
    pub transports: u8,
    /// Whether the credential is backup-eligible (a synced passkey).
    pub synced: bool,
}

/// A started ceremony: what to store, and what to send.
#[derive(Debug, Clone)]
pub struct Started {
    /// Hex of the challenge: the key of the stored ceremony.
    pub challenge: String,
    /// The state to store.
    pub state: Vec<u8>,
    /// When it expires.
    pub expires_at: SystemTime,
    /// The options for the browser.
    pub options: serde_json::Value,
}

/// What an assertion says about itself before verification, to find the stored ceremony and key.
#[derive(Debug, Clone)]
pub struct AssertionClaims {
    /// Hex of the challenge it answers.
    pub challenge: String,
    /// base64url credential id.
    pub credential_id: String,
    /// The user handle.
    pub holder: uuid::Uuid,
}

/// The dynamic state after a successful sign-in.
#[derive(Debug, Clone)]
pub struct Verified {
    /// Encoded new `DynamicState`.
    pub dynamic_state: Vec<u8>,
    /// The new counter.
    pub sign_count: u32,
}

/// The relying party for one public origin.
#[derive(Debug)]
pub struct RelyingParty {
    rp_id: RpId,
    origin: String,
}

fn challenge_hex(challenge: u128) -> String {
    format!("{challenge:032x}")
}

impl RelyingParty {
    /// The RP for `public_origin` (e.g. `https://dsp.example.lu`); the RP ID is its host.
    ///
    /// # Errors
    /// When the origin has no usable host.
    pub fn new(public_origin: &str) -> anyhow::Result<Self> {
        let host = public_origin
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split([':', '/']).next())
            .filter(|h| !h.is_empty())
            .context("DSP_PUBLIC_ORIGIN has no host")?;
        let domain = AsciiDomain::try_from(host.to_owned())
            .map_err(|e| anyhow!("DSP_PUBLIC_ORIGIN host {host} is not a domain: {e:?}"))?;
        Ok(Self { rp_id: RpId::Domain(domain), origin: public_origin.to_owned() })
    }

    /// Starts registering a new credential for `holder`; `exclude` are its existing ones.
    ///
    /// # Errors
    /// When the holder's names are not acceptable to WebAuthn.
    pub fn start_registration(
        &self,
        holder: &Holder<'_>,
        exclude: &[StoredCredential],
        policy: Policy,
    ) -> anyhow::Result<Started> {
        let user = UserHandle16::decode(*holder.id.as_bytes())
            .map_err(|e| anyhow!("user handle: {e:?}"))?;
        let entity = PublicKeyCredentialUserEntity {
            name: holder.name.try_into().map_err(|e| anyhow!("user name: {e:?}"))?,
            id: &user,
            display_name: Some(
                holder.display_name.try_into().map_err(|e| anyhow!("display name: {e:?}"))?,
            ),
        };
        let mut excluded = Vec::with_capacity(exclude.len());
        for credential in exclude {
            let id = BASE64URL_NOPAD.decode(credential.id.as_bytes())?;
            excluded.push(PublicKeyCredentialDescriptor {
                id: CredentialId::decode(id).map_err(|e| anyhow!("credential id: {e:?}"))?,
                transports: AuthTransports::decode(credential.transports)
                    .map_err(|e| anyhow!("transports: {e:?}"))?,
            });
        }
        let mut options =
            PublicKeyCredentialCreationOptions::passkey(&self.rp_id, entity, excluded);
        match policy {
            Policy::SecurityKey => {
                options.authenticator_selection.authenticator_attachment =
                    AuthenticatorAttachmentReq::CrossPlatform(CrossPlatformHint::SecurityKey);
            }
            Policy::Passkey => {
                // Platform authenticators may lack credProtect: ask, but do not make browsers refuse.
                options.extensions.cred_protect =
                    CredProtect::UserVerificationRequired(ExtensionInfo::AllowDontEnforceValue);
            }
        }
        let (server, client) =
            options.start_ceremony().map_err(|e| anyhow!("starting registration: {e:?}"))?;
        Ok(Started {
            challenge: challenge_hex(server.sent_challenge().0),
            expires_at: server.expiration(),
            state: server.encode().map_err(|e| anyhow!("encoding state: {e:?}"))?,
            options: serde_json::to_value(&client)?,
        })
    }

    /// The challenge a registration answers (to find its stored ceremony).
    ///
    /// # Errors
    /// When the answer is not a registration.
    pub fn registration_challenge(body: &[u8]) -> Result<String, CeremonyError> {
        let registration = Registration::from_json_relaxed(body)
            .map_err(|_| CeremonyError::Rejected("not a registration response"))?;
        let challenge = registration
            .challenge_relaxed()
            .map_err(|_| CeremonyError::Rejected("no challenge in clientDataJSON"))?;
        Ok(challenge_hex(challenge.0))
    }

    /// Verifies a registration against its stored state.
    ///
    /// # Errors
    /// See [`CeremonyError`].
    pub fn finish_registration(
        &self,
        state: &[u8],
        body: &[u8],
        policy: Policy,
    ) -> Result<NewCredential, CeremonyError> {
        let server = RegistrationServerState::<16>::decode(state)
            .map_err(|_| CeremonyError::Rejected("stored state unreadable"))?;
        let registration = Registration::from_json_relaxed(body)
            .map_err(|_| CeremonyError::Rejected("not a registration response"))?;
        let origins = [self.origin.as_str()];
        let options = RegistrationVerificationOptions::<&str, &str> {
            allowed_origins: &origins,
            backup_requirement: match policy {
                Policy::SecurityKey => BackupReq::NotEligible,
                Policy::Passkey => BackupReq::None,
            },
            ..Default::default()
        };
        let credential =
            server.verify(&self.rp_id, &registration, &options).map_err(registration_error)?;
        let (id, transports, _user, static_state, dynamic_state, _metadata) =
            credential.into_parts();
        let encode_err = |_| CeremonyError::Rejected("credential unencodable");
        Ok(NewCredential {
            id: BASE64URL_NOPAD.encode(id.as_ref()),
            static_state: static_state.encode().map_err(encode_err)?,
            dynamic_state: dynamic_state.encode().map_err(encode_err)?.to_vec(),
            sign_count: dynamic_state.sign_count,
            transports: transports.encode().map_err(encode_err)?,
            synced: !matches!(dynamic_state.backup, Backup::NotEligible),
        })
    }

    /// Starts a sign-in with any discoverable credential (no username).
    ///
    /// # Errors
    /// When the options cannot be built.
    pub fn start_authentication(&self) -> anyhow::Result<Started> {
        let (server, client) = DiscoverableCredentialRequestOptions::passkey(&self.rp_id)
            .start_ceremony()
            .map_err(|e| anyhow!("starting authentication: {e:?}"))?;
        Ok(Started {
            challenge: challenge_hex(server.sent_challenge().0),
            expires_at: server.expiration(),
            state: server.encode().map_err(|e| anyhow!("encoding state: {e:?}"))?,
            options: serde_json::to_value(&client)?,
        })
    }

    /// What an assertion claims (challenge, credential, user), before any verification.
    ///
    /// # Errors
    /// When the answer is not an assertion of a discoverable credential.
    pub fn assertion_claims(body: &[u8]) -> Result<AssertionClaims, CeremonyError> {
        let assertion = DiscoverableAuthentication16::from_json_relaxed(body)
            .map_err(|_| CeremonyError::Rejected("not an authentication response"))?;
        let challenge = assertion
            .challenge_relaxed()
            .map_err(|_| CeremonyError::Rejected("no challenge in clientDataJSON"))?;
        let holder = uuid::Uuid::from_bytes(
            assertion
                .response()
                .user_handle()
                .encode()
                .map_err(|_| CeremonyError::Rejected("user handle"))?,
        );
        Ok(AssertionClaims {
            challenge: challenge_hex(challenge.0),
            credential_id: BASE64URL_NOPAD.encode(assertion.raw_id().as_ref()),
            holder,
        })
    }

    /// Verifies an assertion against its stored state and the stored credential.
    ///
    /// # Errors
    /// See [`CeremonyError`].
    pub fn finish_authentication(
        &self,
        state: &[u8],
        body: &[u8],
        stored: &StoredCredential,
        policy: Policy,
    ) -> Result<Verified, CeremonyError> {
        let server = DiscoverableAuthenticationServerState::decode(state)
            .map_err(|_| CeremonyError::Rejected("stored state unreadable"))?;
        let assertion = DiscoverableAuthentication16::from_json_relaxed(body)
            .map_err(|_| CeremonyError::Rejected("not an authentication response"))?;
        let stored_err = |_| CeremonyError::Rejected("stored credential unreadable");
        let id_bytes = BASE64URL_NOPAD.decode(stored.id.as_bytes()).map_err(stored_err)?;
        let user = UserHandle16::decode(*stored.holder.as_bytes())
            .map_err(|_| CeremonyError::Rejected("stored user handle"))?;
        let dynamic: [u8; 7] = stored
            .dynamic_state
            .as_slice()
            .try_into()
            .map_err(|_| CeremonyError::Rejected("stored dynamic state"))?;
        let mut credential = AuthenticatedCredential::new(
            CredentialId::decode(id_bytes.as_slice())
                .map_err(|_| CeremonyError::Rejected("stored credential id"))?,
            &user,
            StaticState::decode(stored.static_state.as_slice())
                .map_err(|_| CeremonyError::Rejected("stored static state"))?,
            DynamicState::decode(dynamic)
                .map_err(|_| CeremonyError::Rejected("stored dynamic state"))?,
        )
        .map_err(|_| CeremonyError::Rejected("stored credential inconsistent"))?;
        let origins = [self.origin.as_str()];
        let options = AuthenticationVerificationOptions::<&str, &str> {
            allowed_origins: &origins,
            backup_requirement: match policy {
                Policy::SecurityKey => Some(BackupReq::NotEligible),
                Policy::Passkey => None,
            },
            update_uv: true,
            ..Default::default()
        };
        server
            .verify(&self.rp_id, &assertion, &mut credential, &options)
            .map_err(authentication_error)?;
        let dynamic_state = credential.dynamic_state();
        Ok(Verified {
            dynamic_state: dynamic_state
                .encode()
                .map_err(|_| CeremonyError::Rejected("dynamic state unencodable"))?
                .to_vec(),
            sign_count: dynamic_state.sign_count,
        })
    }
}

fn registration_error(e: webauthn_rp::response::register::error::RegCeremonyErr) -> CeremonyError {
    use webauthn_rp::response::register::error::RegCeremonyErr as E;
    match e {
        E::Timeout => CeremonyError::Expired,
        E::UserNotVerified => CeremonyError::NotVerified,
        E::BackupEligible | E::BackupDoesNotExist => CeremonyError::Synced,
        E::OriginMismatch | E::CrossOrigin | E::TopOriginMismatch => {
            CeremonyError::Rejected("wrong origin")
        }
        E::RpIdHashMismatch => CeremonyError::Rejected("wrong RP ID"),
        E::ChallengeMismatch => CeremonyError::Rejected("wrong challenge"),
        E::AuthenticatorAttachmentMismatch | E::MissingAuthenticatorAttachment => {
            CeremonyError::Rejected("not a cross-platform security key")
        }
        _ => CeremonyError::Rejected("registration did not verify"),
    }
}

fn authentication_error(e: webauthn_rp::response::auth::error::AuthCeremonyErr) -> CeremonyError {
    use webauthn_rp::response::auth::error::AuthCeremonyErr as E;
    match e {
        E::Timeout => CeremonyError::Expired,
        E::UserNotVerified => CeremonyError::NotVerified,
        E::BackupEligible | E::BackupDoesNotExist => CeremonyError::Synced,
        E::SignatureCounter => CeremonyError::CounterRegression,
        E::OriginMismatch | E::CrossOrigin | E::TopOriginMismatch => {
            CeremonyError::Rejected("wrong origin")
        }
        E::RpIdHashMismatch => CeremonyError::Rejected("wrong RP ID"),
        E::ChallengeMismatch => CeremonyError::Rejected("wrong challenge"),
        E::AssertionSignature => CeremonyError::Rejected("bad signature"),
        E::UserHandleMismatch | E::CredentialIdMismatch => {
            CeremonyError::Rejected("credential does not match")
        }
        _ => CeremonyError::Rejected("assertion did not verify"),
    }
}
