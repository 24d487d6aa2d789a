//! Software authenticators for the integration tests: each one answers the options JSON the
//! server sends (`serde_json::to_string(&client_state)` of `webauthn_rp`, no `publicKey` wrapper,
//! binary values unpadded base64url) with the JSON body a browser would POST
//! (`JSON.stringify(cred.toJSON())`).
//!
//! - [`SecurityKey`] models a **health professional's or agency agent's security key**: a
//!   device-bound (BE=0, BS=0), cross-platform USB key with user verification (its PIN), one
//!   resident credential, and a signature counter. It is hand-rolled (deterministic Ed25519 from a
//!   seed, CTAP2 canonical CBOR written byte by byte) and reports
//!   `authenticatorAttachment: "cross-platform"`, `transports: ["usb"]` and
//!   `clientExtensionResults: {}`, exactly like Chromium's `toJSON()` for a USB key. It can also
//!   misbehave on purpose: no user verification, backup flags set, a counter that goes backwards,
//!   a wrong origin in `clientDataJSON` or a wrong RP ID in `rpIdHash`.
//! - [`Passkey`] models a **patient's synced passkey** (a phone's or password manager's
//!   platform authenticator), built on 1Password's `passkey-client` and `passkey-authenticator`
//!   0.6: one discoverable credential per "device", user always verified, a counter.
//!
//! Why `passkey-client` cannot play a security key: `passkey-authenticator` 0.6 hard-codes the
//! authenticator-data flags BE=1 and BS=1 (`Flags::default()` is `BE | BS`, with no setting to
//! clear them), so every credential it makes is "synced" and the professional policy
//! (`BackupReq::NotEligible`) rightly refuses it with `BackupEligible`; and `passkey-client` always
//! reports `authenticatorAttachment: "platform"`, which a `cross-platform` request refuses with
//! `AuthenticatorAttachmentMismatch`. The BE flag is signed, so it cannot be patched afterwards.
//!
//! The tests at the bottom (`authenticator::tests::…`) prove both against `webauthn_rp` directly,
//! with the same policies as the backend and with the browser JSON parsed strictly.

// Test code through and through; the marker also lets clippy's allow-*-in-tests settings apply
// to the helpers (unwrap, expect and panic stand for "the browser refused").

use data_encoding::BASE64URL_NOPAD;
use ed25519_dalek::{Signer, SigningKey};
use passkey::authenticator::{Authenticator, UiHint, UserCheck, UserValidationMethod};
use passkey::client::{Client, DefaultClientData};
use passkey::crypto::rust_crypto::RustCryptoBackend;
use passkey::types::Passkey as StoredPasskey;
use passkey::types::ctap2::{Aaguid, Ctap2Error};
use passkey::types::webauthn::{
    AuthenticatorTransport, CredentialCreationOptions, CredentialRequestOptions,
    PublicKeyCredentialCreationOptions, PublicKeyCredentialRequestOptions,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::Url;

/// authenticatorData flag: user present.
const FLAG_UP: u8 = 0x01;
/// authenticatorData flag: user verified.
const FLAG_UV: u8 = 0x04;
/// authenticatorData flag: backup eligible.
const FLAG_BE: u8 = 0x08;
/// authenticatorData flag: backup state (backed up).
const FLAG_BS: u8 = 0x10;
/// authenticatorData flag: attested credential data included.
const FLAG_AT: u8 = 0x40;
/// authenticatorData flag: extension data included.
const FLAG_ED: u8 = 0x80;

/// COSE algorithm identifier of Ed25519 (EdDSA).
const ALG_EDDSA: i64 = -8;

fn b64(bytes: &[u8]) -> String {
    BASE64URL_NOPAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    BASE64URL_NOPAD
        .decode(text.as_bytes())
        .unwrap_or_else(|e| panic!("not unpadded base64url: {text:?}: {e}"))
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The header of a CBOR byte string (major type 2) of `len` bytes.
fn cbor_bytes_header(len: usize) -> Vec<u8> {
    match len {
        0..=23 => vec![0x40 | u8::try_from(len).unwrap()],
        24..=0xff => vec![0x58, u8::try_from(len).unwrap()],
        _ => {
            let mut header = vec![0x59];
            header.extend_from_slice(&u16::try_from(len).unwrap().to_be_bytes());
            header
        }
    }
}

/// The `clientDataJSON` a browser builds, with Chromium's key order.
fn client_data_json(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
    // The challenge goes out re-encoded from its bytes, as a browser does.
    let challenge = b64(&unb64(challenge));
    format!(
        r#"{{"type":{},"challenge":"{challenge}","origin":{},"crossOrigin":false}}"#,
        serde_json::to_string(kind).unwrap(),
        serde_json::to_string(origin).unwrap(),
    )
    .into_bytes()
}

/// The host of `origin`, the RP ID a browser uses when the options name none.
fn host_of(origin: &str) -> String {
    Url::parse(origin)
        .unwrap_or_else(|e| panic!("origin {origin:?}: {e}"))
        .host_str()
        .unwrap_or_else(|| panic!("origin {origin:?} has no host"))
        .to_owned()
}

fn str_field<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value.pointer(pointer).and_then(Value::as_str)
}

/// The one resident credential of a [`SecurityKey`].
#[derive(Debug)]
struct Resident {
    id: Vec<u8>,
    user_handle: Vec<u8>,
    key: SigningKey,
}

/// A professional's hand-rolled, device-bound USB security key (see the module docs).
///
/// A one-slot key: it holds at most one credential, and registering again replaces it with a new
/// one (new key pair, new id). When the options ask for `credentialProtectionPolicy`, it signs the
/// `credProtect` output into authenticatorData, as a CTAP 2.1 key does (so `webauthn_rp` stores
/// credProtect level 3 for the professional policy). Defaults: user verified, BE=0 and BS=0,
/// counter 0 before the registration (so the registration signs 1, then each assertion 2, 3, …),
/// origin and RP ID as the caller and the options say.
#[derive(Debug)]
pub struct SecurityKey {
    seed: u8,
    generation: u32,
    credential: Option<Resident>,
    counter: u32,
    user_verified: bool,
    backup_eligible: bool,
    backed_up: bool,
    origin: Option<String>,
    rp_id: Option<String>,
}

impl SecurityKey {
    /// A blank key; its credentials' key pairs and ids derive deterministically from `seed`.
    pub fn new(seed: u8) -> Self {
        Self {
            seed,
            generation: 0,
            credential: None,
            counter: 0,
            user_verified: true,
            backup_eligible: false,
            backed_up: false,
            origin: None,
            rp_id: None,
        }
    }

    /// Answers `navigator.credentials.create()` for `creation_options_json` (what the server sent)
    /// on a page of `origin`: returns the registration JSON a browser would POST.
    ///
    /// Panics like the browser would refuse: when the options do not offer Ed25519 (-8), or
    /// when this key's current credential is in `excludeCredentials` (`InvalidStateError`).
    pub fn register(&mut self, creation_options_json: &str, origin: &str) -> String {
        let options: Value = serde_json::from_str(creation_options_json)
            .unwrap_or_else(|e| panic!("creation options are not JSON: {e}"));
        let offers_ed25519 = options["pubKeyCredParams"].as_array().is_some_and(|params| {
            params.iter().any(|p| p["type"] == "public-key" && p["alg"] == ALG_EDDSA)
        });
        assert!(offers_ed25519, "NotSupportedError: the options do not offer Ed25519 (-8)");
        if let (Some(current), Some(excluded)) =
            (&self.credential, options["excludeCredentials"].as_array())
        {
            let current = b64(&current.id);
            assert!(
                !excluded.iter().any(|c| c["id"] == current.as_str()),
                "InvalidStateError: this security key already holds an excluded credential"
            );
        }
        let challenge = str_field(&options, "/challenge").expect("options without challenge");
        let user_handle = unb64(str_field(&options, "/user/id").expect("options without user.id"));
        let rp_id = self.rp_id.clone().unwrap_or_else(|| {
            str_field(&options, "/rp/id").map_or_else(|| host_of(origin), str::to_owned)
        });
        let origin = self.origin.clone().unwrap_or_else(|| origin.to_owned());
        // credProtect as a CTAP 2.1 key answers it: in the signed extension outputs only.
        let cred_protect = match str_field(&options, "/extensions/credentialProtectionPolicy") {
            None => None,
            Some("userVerificationOptional") => Some(1_u8),
            Some("userVerificationOptionalWithCredentialIDList") => Some(2),
            Some("userVerificationRequired") => Some(3),
            Some(other) => panic!("unknown credentialProtectionPolicy {other:?}"),
        };

        self.generation += 1;
        let mut material = b"dsp test security key".to_vec();
        material.push(self.seed);
        material.extend_from_slice(&self.generation.to_be_bytes());
        let key = SigningKey::from_bytes(&sha256(&material));
        material.extend_from_slice(b" credential id");
        let id = sha256(&material).to_vec();
        let public_key = key.verifying_key().to_bytes();
        self.counter = self.counter.wrapping_add(1);

        let mut flags = self.flags() | FLAG_AT;
        if cred_protect.is_some() {
            flags |= FLAG_ED;
        }
        let mut auth_data = self.auth_data_prefix(&rp_id, flags);
        auth_data.extend_from_slice(&[0; 16]); // AAGUID: zeroes, as Chromium sends with attestation "none"
        auth_data.extend_from_slice(&u16::try_from(id.len()).unwrap().to_be_bytes());
        auth_data.extend_from_slice(&id);
        // COSE_Key {1: 1 (OKP), 3: -8 (EdDSA), -1: 6 (Ed25519), -2: x}, canonical order.
        auth_data.extend_from_slice(&[0xa4, 0x01, 0x01, 0x03, 0x27, 0x20, 0x06, 0x21, 0x58, 0x20]);
        auth_data.extend_from_slice(&public_key);
        if let Some(level) = cred_protect {
            auth_data.extend_from_slice(&[0xa1, 0x6b]);
            auth_data.extend_from_slice(b"credProtect");
            auth_data.push(level);
        }

        // {"fmt": "none", "attStmt": {}, "authData": …}, canonical key order.
        let mut attestation_object = vec![0xa3, 0x63];
        attestation_object.extend_from_slice(b"fmt");
        attestation_object.push(0x64);
        attestation_object.extend_from_slice(b"none");
        attestation_object.push(0x67);
        attestation_object.extend_from_slice(b"attStmt");
        attestation_object.extend_from_slice(&[0xa0, 0x68]);
        attestation_object.extend_from_slice(b"authData");
        attestation_object.extend_from_slice(&cbor_bytes_header(auth_data.len()));
        attestation_object.extend_from_slice(&auth_data);

        // SubjectPublicKeyInfo of an Ed25519 key.
        let mut spki = vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
        spki.extend_from_slice(&public_key);

        let client_data = client_data_json("webauthn.create", challenge, &origin);
        let body = json!({
            "id": b64(&id),
            "rawId": b64(&id),
            "response": {
                "clientDataJSON": b64(&client_data),
                "authenticatorData": b64(&auth_data),
                "transports": ["usb"],
                "publicKey": b64(&spki),
                "publicKeyAlgorithm": ALG_EDDSA,
                "attestationObject": b64(&attestation_object),
            },
            "authenticatorAttachment": "cross-platform",
            "clientExtensionResults": {},
            "type": "public-key",
        });
        self.credential = Some(Resident { id, user_handle, key });
        body.to_string()
    }

    /// Answers `navigator.credentials.get()` for `request_options_json` on a page of `origin`:
    /// returns the authentication JSON a browser would POST, `userHandle` included (the
    /// credential is resident).
    ///
    /// Works for discoverable requests (empty `allowCredentials`) and username-first ones. Unlike a
    /// browser, it answers even when its credential is not in `allowCredentials`, and even when
    /// user verification is off although the credential was made with credProtect level 3, so
    /// that tests can check that the *server* refuses. Panics when the key holds no credential.
    pub fn authenticate(&mut self, request_options_json: &str, origin: &str) -> String {
        assert!(
            self.credential.is_some(),
            "NotAllowedError: this security key holds no credential"
        );
        let options: Value = serde_json::from_str(request_options_json)
            .unwrap_or_else(|e| panic!("request options are not JSON: {e}"));
        let challenge = str_field(&options, "/challenge").expect("options without challenge");
        let rp_id = self.rp_id.clone().unwrap_or_else(|| {
            str_field(&options, "/rpId").map_or_else(|| host_of(origin), str::to_owned)
        });
        let origin = self.origin.clone().unwrap_or_else(|| origin.to_owned());
        self.counter = self.counter.wrapping_add(1);
        let auth_data = self.auth_data_prefix(&rp_id, self.flags());
        let client_data = client_data_json("webauthn.get", challenge, &origin);
        let credential = self.credential.as_ref().expect("checked above");
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&sha256(&client_data));
        let signature = credential.key.sign(&signed).to_bytes();
        json!({
            "id": b64(&credential.id),
            "rawId": b64(&credential.id),
            "response": {
                "clientDataJSON": b64(&client_data),
                "authenticatorData": b64(&auth_data),
                "signature": b64(&signature),
                "userHandle": b64(&credential.user_handle),
            },
            "authenticatorAttachment": "cross-platform",
            "clientExtensionResults": {},
            "type": "public-key",
        })
        .to_string()
    }

    /// Whether the key verifies the user (sets UV). Default on.
    pub fn set_user_verified(&mut self, uv: bool) {
        self.user_verified = uv;
    }

    /// The backup flags it signs: BE (`eligible`) and BS (`backed_up`). Default both off. Not
    /// checked for consistency: BS without BE is possible, for tests of malformed answers.
    pub fn set_backup_flags(&mut self, eligible: bool, backed_up: bool) {
        self.backup_eligible = eligible;
        self.backed_up = backed_up;
    }

    /// Sets the counter's current value, as if the last signature had used `counter`: the next
    /// ceremony (registration or assertion) signs `counter + 1` (wrapping), like a real key that
    /// increments before signing. So after registering (counter 1) and one login (2),
    /// `set_counter(0)` makes the next assertion carry 1, a regression.
    pub fn set_counter(&mut self, counter: u32) {
        self.counter = counter;
    }

    /// Claims `origin` in `clientDataJSON` instead of the page's origin (`None`: the page's).
    pub fn override_origin(&mut self, origin: Option<String>) {
        self.origin = origin;
    }

    /// Hashes `rp_id` into `rpIdHash` instead of the options' RP ID (`None`: the options').
    pub fn override_rp_id(&mut self, rp_id: Option<String>) {
        self.rp_id = rp_id;
    }

    /// The id of the credential it holds, if any.
    pub fn credential_id(&self) -> Option<Vec<u8>> {
        self.credential.as_ref().map(|c| c.id.clone())
    }

    fn flags(&self) -> u8 {
        let mut flags = FLAG_UP;
        if self.user_verified {
            flags |= FLAG_UV;
        }
        if self.backup_eligible {
            flags |= FLAG_BE;
        }
        if self.backed_up {
            flags |= FLAG_BS;
        }
        flags
    }

    /// `rpIdHash ‖ flags ‖ signCount` (big-endian), the start of every authenticatorData.
    fn auth_data_prefix(&self, rp_id: &str, flags: u8) -> Vec<u8> {
        let mut auth_data = sha256(rp_id.as_bytes()).to_vec();
        auth_data.push(flags);
        auth_data.extend_from_slice(&self.counter.to_be_bytes());
        auth_data
    }
}

/// A user who always passes presence and verification (Face ID that always recognises).
#[derive(Debug)]
struct AlwaysVerified;

#[async_trait::async_trait]
impl UserValidationMethod for AlwaysVerified {
    type PasskeyItem = StoredPasskey;

    async fn check_user<'a>(
        &self,
        _hint: UiHint<'a, StoredPasskey>,
        presence: bool,
        verification: bool,
    ) -> Result<UserCheck, Ctap2Error> {
        Ok(UserCheck { presence, verification })
    }

    fn is_presence_enabled(&self) -> bool {
        true
    }

    fn is_verification_enabled(&self) -> Option<bool> {
        // Without `Some(true)`, a UV-required request fails with UnsupportedOption.
        Some(true)
    }
}

type SoftClient = Client<
    Option<StoredPasskey>,
    AlwaysVerified,
    RustCryptoBackend,
    public_suffix::PublicSuffixList,
    (),
>;

/// A patient's synced passkey: `passkey-client` over `passkey-authenticator` with a one-credential
/// store (`Option<Passkey>`, which, unlike `MemoryStore`, answers discoverable requests).
///
/// Signs BE=1 and BS=1 (hard-coded by the crate), reports `authenticatorAttachment: "platform"`
/// and `transports: ["internal"]`, always verifies the user, and counts signatures: 0 at
/// registration (the crate starts the counter at 0), then 1, 2, … at each login. Registering
/// again replaces the credential.
pub struct Passkey {
    client: SoftClient,
}

impl std::fmt::Debug for Passkey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passkey").field("credential_id", &self.credential_id()).finish()
    }
}

impl Default for Passkey {
    fn default() -> Self {
        Self::new()
    }
}

impl Passkey {
    /// A device without credentials.
    pub fn new() -> Self {
        let mut authenticator = Authenticator::new(
            Aaguid::new_empty(),
            None::<StoredPasskey>,
            AlwaysVerified,
            RustCryptoBackend,
        )
        .transports(vec![AuthenticatorTransport::Internal]);
        authenticator.set_make_credentials_with_signature_counter(true);
        Self { client: Client::new(authenticator).allows_insecure_localhost(true) }
    }

    /// Answers `navigator.credentials.create()` for `creation_options_json` on a page of `origin`.
    pub async fn register(&mut self, creation_options_json: &str, origin: &str) -> String {
        let public_key: PublicKeyCredentialCreationOptions =
            serde_json::from_str(creation_options_json)
                .unwrap_or_else(|e| panic!("passkey-types cannot read the creation options: {e}"));
        let origin = Url::parse(origin).unwrap();
        let created = self
            .client
            .register(&origin, CredentialCreationOptions { public_key }, DefaultClientData)
            .await
            .unwrap_or_else(|e| panic!("passkey-client refused to register: {e:?}"));
        serde_json::to_string(&created).unwrap()
    }

    /// Answers `navigator.credentials.get()` for `request_options_json` on a page of `origin`.
    pub async fn authenticate(&mut self, request_options_json: &str, origin: &str) -> String {
        let public_key: PublicKeyCredentialRequestOptions =
            serde_json::from_str(request_options_json)
                .unwrap_or_else(|e| panic!("passkey-types cannot read the request options: {e}"));
        let origin = Url::parse(origin).unwrap();
        let assertion = self
            .client
            .authenticate(&origin, CredentialRequestOptions { public_key }, DefaultClientData)
            .await
            .unwrap_or_else(|e| panic!("passkey-client refused to authenticate: {e:?}"));
        serde_json::to_string(&assertion).unwrap()
    }

    /// The id of the credential it holds, if any.
    pub fn credential_id(&self) -> Option<Vec<u8>> {
        self.client.authenticator().store().as_ref().map(|p| p.credential_id.to_vec())
    }
}

mod tests {
    use super::{Passkey, SecurityKey};
    use webauthn_rp::bin::{Decode, Encode};
    use webauthn_rp::request::auth::AuthenticationVerificationOptions;
    use webauthn_rp::request::register::{
        AuthenticatorAttachmentReq, CredProtect, CrossPlatformHint, PublicKeyCredentialUserEntity,
        RegistrationVerificationOptions, UserHandle16,
    };
    use webauthn_rp::request::{AsciiDomain, BackupReq, ExtensionInfo, RpId};
    use webauthn_rp::response::auth::error::AuthCeremonyErr;
    use webauthn_rp::response::register::error::RegCeremonyErr;
    use webauthn_rp::response::register::{CredentialProtectionPolicy, DynamicState, StaticState};
    use webauthn_rp::response::{AuthTransports, Backup, CredentialId};
    use webauthn_rp::{
        AuthenticatedCredential, DiscoverableAuthentication16,
        DiscoverableAuthenticationServerState, DiscoverableCredentialRequestOptions,
        PublicKeyCredentialCreationOptions, Registration, RegistrationServerState,
    };

    const ORIGIN: &str = "http://localhost:8080";

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Profile {
        Professional,
        Patient,
    }

    /// A credential row as the database holds it: bytes only.
    #[derive(Debug)]
    struct Row {
        id: Vec<u8>,
        user: [u8; 16],
        static_state: Vec<u8>,
        dynamic_state: [u8; 7],
        transports: u8,
    }

    impl Row {
        fn dynamic(&self) -> DynamicState {
            DynamicState::decode(self.dynamic_state).unwrap()
        }
    }

    fn rp_id() -> RpId {
        RpId::Domain(AsciiDomain::try_from("localhost".to_owned()).unwrap())
    }

    /// Starts a registration: (stored state bytes, options JSON for the browser).
    fn start_registration(profile: Profile, user: [u8; 16]) -> (Vec<u8>, String) {
        let rp_id = rp_id();
        let user = UserHandle16::decode(user).unwrap();
        let entity = PublicKeyCredentialUserEntity {
            name: "dr.house".try_into().unwrap(),
            id: &user,
            display_name: Some("Dr Gregory House".try_into().unwrap()),
        };
        let mut options = PublicKeyCredentialCreationOptions::passkey(&rp_id, entity, Vec::new());
        match profile {
            Profile::Professional => {
                options.authenticator_selection.authenticator_attachment =
                    AuthenticatorAttachmentReq::CrossPlatform(CrossPlatformHint::SecurityKey);
            }
            Profile::Patient => {
                options.extensions.cred_protect =
                    CredProtect::UserVerificationRequired(ExtensionInfo::AllowDontEnforceValue);
            }
        }
        let (server, client) = options.start_ceremony().unwrap();
        (server.encode().unwrap(), serde_json::to_string(&client).unwrap())
    }

    fn finish_registration(
        profile: Profile,
        state: &[u8],
        body: &str,
    ) -> Result<Row, RegCeremonyErr> {
        let server = RegistrationServerState::<16>::decode(state).unwrap();
        let registration: Registration = serde_json::from_str(body)
            .unwrap_or_else(|e| panic!("strict parse of the registration failed: {e}\n{body}"));
        let origins = [ORIGIN];
        let options = RegistrationVerificationOptions::<&str, &str> {
            allowed_origins: &origins,
            backup_requirement: match profile {
                Profile::Professional => BackupReq::NotEligible,
                Profile::Patient => BackupReq::None,
            },
            ..Default::default()
        };
        let credential = server.verify(&rp_id(), &registration, &options)?;
        let (id, transports, user, static_state, dynamic_state, _metadata) =
            credential.into_parts();
        Ok(Row {
            id: id.as_ref().to_vec(),
            user: user.encode().unwrap(),
            static_state: static_state.encode().unwrap(),
            dynamic_state: dynamic_state.encode().unwrap(),
            transports: transports.encode().unwrap(),
        })
    }

    /// Starts a discoverable (passkey) login: (stored state bytes, options JSON).
    fn start_login() -> (Vec<u8>, String) {
        let rp_id = rp_id();
        let (server, client) =
            DiscoverableCredentialRequestOptions::passkey(&rp_id).start_ceremony().unwrap();
        (server.encode().unwrap(), serde_json::to_string(&client).unwrap())
    }

    /// Verifies a discoverable login against the stored row and persists the new dynamic state.
    fn finish_login(state: &[u8], body: &str, row: &mut Row) -> Result<bool, AuthCeremonyErr> {
        let server = DiscoverableAuthenticationServerState::decode(state).unwrap();
        let assertion: DiscoverableAuthentication16 = serde_json::from_str(body)
            .unwrap_or_else(|e| panic!("strict parse of the assertion failed: {e}\n{body}"));
        assert_eq!(assertion.raw_id().as_ref(), row.id.as_slice(), "looked up by credential id");
        assert_eq!(assertion.response().user_handle().encode().unwrap(), row.user);
        let user = UserHandle16::decode(row.user).unwrap();
        let mut credential = AuthenticatedCredential::new(
            CredentialId::decode(row.id.as_slice()).unwrap(),
            &user,
            StaticState::decode(row.static_state.as_slice()).unwrap(),
            DynamicState::decode(row.dynamic_state).unwrap(),
        )
        .unwrap();
        let origins = [ORIGIN];
        let options = AuthenticationVerificationOptions::<&str, &str> {
            allowed_origins: &origins,
            backup_requirement: None, // as registered: NotEligible stays NotEligible
            update_uv: true,
            ..Default::default()
        };
        let changed = server.verify(&rp_id(), &assertion, &mut credential, &options)?;
        if changed {
            row.dynamic_state = credential.dynamic_state().encode().unwrap();
        }
        Ok(changed)
    }

    fn register_professional(key: &mut SecurityKey) -> Row {
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = key.register(&options, ORIGIN);
        finish_registration(Profile::Professional, &state, &body).unwrap()
    }

    fn login(key: &mut SecurityKey, row: &mut Row) -> Result<bool, AuthCeremonyErr> {
        let (state, options) = start_login();
        let body = key.authenticate(&options, ORIGIN);
        finish_login(&state, &body, row)
    }

    #[test]
    fn security_key_registers_under_the_professional_policy_and_logs_in_with_counters() {
        let mut key = SecurityKey::new(7);
        assert_eq!(key.credential_id(), None);
        let user = UserHandle16::new().encode().unwrap();
        let (state, options) = start_registration(Profile::Professional, user);
        assert!(options.contains(r#""authenticatorAttachment":"cross-platform""#), "{options}");
        assert!(options.contains(r#""hints":["security-key"]"#), "{options}");
        let body = key.register(&options, ORIGIN);
        let mut row = finish_registration(Profile::Professional, &state, &body).unwrap();
        assert_eq!(Some(row.id.clone()), key.credential_id());
        assert_eq!(row.user, user);
        let dynamic = row.dynamic();
        assert_eq!(dynamic.sign_count, 1);
        assert!(dynamic.user_verified);
        assert!(matches!(dynamic.backup, Backup::NotEligible));
        assert_eq!(row.transports, 0x20, "usb");
        let static_state = StaticState::decode(row.static_state.as_slice()).unwrap();
        assert!(
            matches!(
                static_state.extensions.cred_protect,
                CredentialProtectionPolicy::UserVerificationRequired
            ),
            "credProtect level 3, signed by the key like a CTAP 2.1 key does"
        );

        for expected in [2, 3, 4] {
            assert!(login(&mut key, &mut row).unwrap(), "counter changed: persisted");
            assert_eq!(row.dynamic().sign_count, expected);
        }
    }

    #[test]
    fn security_key_is_deterministic_per_seed() {
        let a = register_professional(&mut SecurityKey::new(1));
        let b = register_professional(&mut SecurityKey::new(1));
        let c = register_professional(&mut SecurityKey::new(2));
        assert_eq!(a.id, b.id);
        assert_eq!(a.static_state, b.static_state);
        assert_ne!(a.id, c.id);
    }

    #[test]
    #[should_panic(expected = "InvalidStateError")]
    fn security_key_refuses_an_excluded_credential_like_a_browser() {
        let mut key = SecurityKey::new(3);
        let row = register_professional(&mut key);
        let rp_id = rp_id();
        let user = UserHandle16::decode(row.user).unwrap();
        let entity = PublicKeyCredentialUserEntity {
            name: "dr.house".try_into().unwrap(),
            id: &user,
            display_name: None,
        };
        let exclude = vec![webauthn_rp::request::PublicKeyCredentialDescriptor {
            id: CredentialId::decode(row.id.clone()).unwrap(),
            transports: AuthTransports::decode(row.transports).unwrap(),
        }];
        let (_, client) = PublicKeyCredentialCreationOptions::passkey(&rp_id, entity, exclude)
            .start_ceremony()
            .unwrap();
        key.register(&serde_json::to_string(&client).unwrap(), ORIGIN);
    }

    #[test]
    fn security_key_without_user_verification_is_refused() {
        let mut key = SecurityKey::new(4);
        key.set_user_verified(false);
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = key.register(&options, ORIGIN);
        assert!(matches!(
            finish_registration(Profile::Professional, &state, &body),
            Err(RegCeremonyErr::UserNotVerified)
        ));

        key.set_user_verified(true);
        let mut row = register_professional(&mut key);
        key.set_user_verified(false);
        assert!(matches!(login(&mut key, &mut row), Err(AuthCeremonyErr::UserNotVerified)));
    }

    #[test]
    fn backup_eligible_key_is_refused_for_professionals() {
        let mut key = SecurityKey::new(5);
        key.set_backup_flags(true, false);
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = key.register(&options, ORIGIN);
        assert!(matches!(
            finish_registration(Profile::Professional, &state, &body),
            Err(RegCeremonyErr::BackupEligible)
        ));

        // Registered device-bound, later claims to be synced: refused at login too.
        key.set_backup_flags(false, false);
        let mut row = register_professional(&mut key);
        key.set_backup_flags(true, true);
        assert!(matches!(login(&mut key, &mut row), Err(AuthCeremonyErr::BackupEligible)));
    }

    #[test]
    fn counter_regression_is_refused() {
        let mut key = SecurityKey::new(6);
        let mut row = register_professional(&mut key);
        assert!(login(&mut key, &mut row).unwrap());
        assert_eq!(row.dynamic().sign_count, 2);
        key.set_counter(1); // the next assertion signs 2: not greater than the stored 2
        assert!(matches!(login(&mut key, &mut row), Err(AuthCeremonyErr::SignatureCounter)));
        assert_eq!(row.dynamic().sign_count, 2, "nothing persisted");
        key.set_counter(2);
        assert!(login(&mut key, &mut row).unwrap());
        assert_eq!(row.dynamic().sign_count, 3);

        // Counters need only increase: a jump ahead is fine.
        key.set_counter(99);
        assert!(login(&mut key, &mut row).unwrap());
        assert_eq!(row.dynamic().sign_count, 100);
    }

    #[test]
    fn wrong_origin_is_refused() {
        let mut key = SecurityKey::new(8);
        key.override_origin(Some("http://localhost:8081".to_owned()));
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = key.register(&options, ORIGIN);
        assert!(matches!(
            finish_registration(Profile::Professional, &state, &body),
            Err(RegCeremonyErr::OriginMismatch)
        ));

        key.override_origin(None);
        let mut row = register_professional(&mut key);
        key.override_origin(Some("https://evil.example".to_owned()));
        assert!(matches!(login(&mut key, &mut row), Err(AuthCeremonyErr::OriginMismatch)));
        // The page's origin, passed in, is what the key claims by default.
        key.override_origin(None);
        let (state, options) = start_login();
        let body = key.authenticate(&options, "http://localhost:9999");
        assert!(matches!(
            finish_login(&state, &body, &mut row),
            Err(AuthCeremonyErr::OriginMismatch)
        ));
        assert!(login(&mut key, &mut row).unwrap());
    }

    #[test]
    fn wrong_rp_id_is_refused() {
        let mut key = SecurityKey::new(9);
        key.override_rp_id(Some("evil.example".to_owned()));
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = key.register(&options, ORIGIN);
        assert!(matches!(
            finish_registration(Profile::Professional, &state, &body),
            Err(RegCeremonyErr::RpIdHashMismatch)
        ));

        key.override_rp_id(None);
        let mut row = register_professional(&mut key);
        key.override_rp_id(Some("example.org".to_owned()));
        assert!(matches!(login(&mut key, &mut row), Err(AuthCeremonyErr::RpIdHashMismatch)));
        key.override_rp_id(None);
        assert!(login(&mut key, &mut row).unwrap());
    }

    #[test]
    fn security_key_answers_a_username_first_request() {
        use webauthn_rp::request::auth::{
            AllowedCredentials, NonDiscoverableCredentialRequestOptions,
        };
        use webauthn_rp::request::{
            Credentials, PublicKeyCredentialDescriptor, UserVerificationRequirement,
        };
        use webauthn_rp::{
            NonDiscoverableAuthentication16, NonDiscoverableAuthenticationServerState,
        };

        let mut key = SecurityKey::new(10);
        let row = register_professional(&mut key);
        let rp_id = rp_id();
        let mut allowed = AllowedCredentials::with_capacity(1);
        allowed.push(
            PublicKeyCredentialDescriptor {
                id: CredentialId::decode(row.id.clone()).unwrap(),
                transports: AuthTransports::decode(row.transports).unwrap(),
            }
            .into(),
        );
        let mut request =
            NonDiscoverableCredentialRequestOptions::second_factor(&rp_id, allowed).unwrap();
        request.options().user_verification = UserVerificationRequirement::Required;
        let (server, client) = request.start_ceremony().unwrap();
        let state = server.encode().unwrap();
        let body = key.authenticate(&serde_json::to_string(&client).unwrap(), ORIGIN);

        let assertion: NonDiscoverableAuthentication16 = serde_json::from_str(&body).unwrap();
        let user = UserHandle16::decode(row.user).unwrap();
        let mut credential = AuthenticatedCredential::new(
            CredentialId::decode(row.id.as_slice()).unwrap(),
            &user,
            StaticState::decode(row.static_state.as_slice()).unwrap(),
            DynamicState::decode(row.dynamic_state).unwrap(),
        )
        .unwrap();
        let origins = [ORIGIN];
        let options = AuthenticationVerificationOptions::<&str, &str> {
            allowed_origins: &origins,
            update_uv: true,
            ..Default::default()
        };
        let changed = NonDiscoverableAuthenticationServerState::decode(state.as_slice())
            .unwrap()
            .verify(&rp_id, &assertion, &mut credential, &options)
            .unwrap();
        assert!(changed);
        assert_eq!(credential.dynamic_state().sign_count, 2);
    }

    #[tokio::test]
    async fn passkey_registers_under_the_patient_policy_and_logs_in() {
        let mut passkey = Passkey::new();
        assert_eq!(passkey.credential_id(), None);
        let user = UserHandle16::new().encode().unwrap();
        let (state, options) = start_registration(Profile::Patient, user);
        let body = passkey.register(&options, ORIGIN).await;
        let mut row = finish_registration(Profile::Patient, &state, &body).unwrap();
        assert_eq!(Some(row.id.clone()), passkey.credential_id());
        assert_eq!(row.user, user);
        let dynamic = row.dynamic();
        assert!(matches!(dynamic.backup, Backup::Exists), "synced");
        assert!(dynamic.user_verified);
        assert_eq!(dynamic.sign_count, 0, "passkey-authenticator starts its counter at 0");

        for expected in [1, 2] {
            let (state, options) = start_login();
            let body = passkey.authenticate(&options, ORIGIN).await;
            assert!(finish_login(&state, &body, &mut row).unwrap());
            assert_eq!(row.dynamic().sign_count, expected);
        }
    }

    #[tokio::test]
    async fn passkey_is_refused_under_the_professional_policy() {
        let mut passkey = Passkey::new();
        let (state, options) =
            start_registration(Profile::Professional, UserHandle16::new().encode().unwrap());
        let body = passkey.register(&options, ORIGIN).await;
        // Both reasons of the module docs: hard-coded BE=1 (signed) and attachment "platform".
        assert!(body.contains(r#""authenticatorAttachment":"platform""#), "{body}");
        assert!(matches!(
            finish_registration(Profile::Professional, &state, &body),
            Err(RegCeremonyErr::BackupEligible)
        ));
    }
}
