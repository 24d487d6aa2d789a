//! The `navigator.credentials` glue: WebAuthn registration (`create`) and authentication
//! (`get`) from the server's JSON options, answering the credential's `toJSON()`.
//!
//! Owns its own `wasm_bindgen` bindings for `PublicKeyCredential.parseCreationOptionsFromJSON`,
//! `parseRequestOptionsFromJSON` and `toJSON` (web-sys has them only as unstable APIs), so no
//! base64url code exists here. It talks to nothing but `navigator.credentials`; what a failure
//! means for the person is decided in [`error`], which is plain Rust.

mod error;
pub mod flows;

use std::cell::RefCell;

use js_sys::{JSON, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, CredentialCreationOptions, CredentialRequestOptions, DomException};

pub use error::{CeremonyError, FlowError};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = PublicKeyCredential, js_name = parseCreationOptionsFromJSON)]
    fn parse_creation_options_from_json(json: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = PublicKeyCredential, js_name = parseRequestOptionsFromJSON)]
    fn parse_request_options_from_json(json: &JsValue) -> Result<JsValue, JsValue>;

    /// A `PublicKeyCredential`, as far as this module needs it.
    type PkCred;

    #[wasm_bindgen(catch, method, js_name = toJSON)]
    fn to_json(this: &PkCred) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// The ceremony waiting for an authenticator, so that a "Cancel" button can stop it.
    static PENDING: RefCell<Option<AbortController>> = const { RefCell::new(None) };
}

/// Whether this browser can run the ceremonies: a secure context with the WebAuthn JSON helpers.
#[must_use]
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !window.is_secure_context() {
        return false;
    }
    let Ok(class) = Reflect::get(&window, &JsValue::from_str("PublicKeyCredential")) else {
        return false;
    };
    ["parseCreationOptionsFromJSON", "parseRequestOptionsFromJSON"].iter().all(|name| {
        !class.is_undefined()
            && Reflect::get(&class, &JsValue::from_str(name)).is_ok_and(|f| f.is_function())
    })
}

/// Registers a new credential with `options` (`PublicKeyCredentialCreationOptionsJSON`) and
/// returns its `RegistrationResponseJSON`.
///
/// # Errors
/// Why the browser or the authenticator did not produce a credential.
pub async fn create(options: &serde_json::Value) -> Result<serde_json::Value, CeremonyError> {
    let public_key = parse_creation_options_from_json(&to_js(options)?).map_err(failure)?;
    let request = CredentialCreationOptions::new();
    Reflect::set(&request, &JsValue::from_str("publicKey"), &public_key).map_err(failure)?;
    let controller = watch(|signal| request.set_signal(signal))?;
    let promise = credentials()?.create_with_options(&request).map_err(failure);
    finish(controller, promise).await
}

/// Signs in with `options` (`PublicKeyCredentialRequestOptionsJSON`) and returns the
/// `AuthenticationResponseJSON`.
///
/// # Errors
/// Why the browser or the authenticator did not produce an assertion.
pub async fn get(options: &serde_json::Value) -> Result<serde_json::Value, CeremonyError> {
    let public_key = parse_request_options_from_json(&to_js(options)?).map_err(failure)?;
    let request = CredentialRequestOptions::new();
    Reflect::set(&request, &JsValue::from_str("publicKey"), &public_key).map_err(failure)?;
    let controller = watch(|signal| request.set_signal(signal))?;
    let promise = credentials()?.get_with_options(&request).map_err(failure);
    finish(controller, promise).await
}

/// Stops the ceremony that waits for an authenticator (it then fails with
/// [`CeremonyError::Aborted`]). Does nothing when none is waiting.
pub fn cancel() {
    if let Some(controller) = PENDING.with(|pending| pending.borrow_mut().take()) {
        controller.abort();
    }
}

fn credentials() -> Result<web_sys::CredentialsContainer, CeremonyError> {
    web_sys::window().map(|w| w.navigator().credentials()).ok_or(CeremonyError::Unsupported)
}

/// A fresh abort controller, remembered as the pending ceremony (an older one is cancelled).
fn watch(attach: impl FnOnce(&web_sys::AbortSignal)) -> Result<AbortController, CeremonyError> {
    cancel();
    let controller = AbortController::new().map_err(failure)?;
    attach(&controller.signal());
    PENDING.with(|pending| *pending.borrow_mut() = Some(controller.clone()));
    Ok(controller)
}

async fn finish(
    controller: AbortController,
    promise: Result<js_sys::Promise, CeremonyError>,
) -> Result<serde_json::Value, CeremonyError> {
    let result = match promise {
        Ok(promise) => JsFuture::from(promise).await.map_err(failure),
        Err(error) => Err(error),
    };
    PENDING.with(|pending| {
        let mut pending = pending.borrow_mut();
        let ours: &JsValue = controller.as_ref();
        if pending.as_ref().is_some_and(|p| AsRef::<JsValue>::as_ref(p) == ours) {
            *pending = None;
        }
    });
    let credential = result?;
    if credential.is_null() || credential.is_undefined() {
        return Err(CeremonyError::Cancelled);
    }
    let json = credential.unchecked_into::<PkCred>().to_json().map_err(failure)?;
    let text = JSON::stringify(&json).map_err(failure)?.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|_| CeremonyError::Other("toJSON".to_owned()))
}

fn to_js(value: &serde_json::Value) -> Result<JsValue, CeremonyError> {
    JSON::parse(&value.to_string()).map_err(failure)
}

/// Reads the `name` of a thrown `DOMException` (or other error) and classifies it.
fn failure(error: JsValue) -> CeremonyError {
    let name = error.dyn_ref::<DomException>().map(DomException::name).or_else(|| {
        Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string())
    });
    CeremonyError::from_dom_name(name.as_deref().unwrap_or("Error"))
}
