//! A patient's contact data — phone and e-mail, both optional — as a form: on the patient's
//! security page for their own, and on a record in the agency console. Each value is checked as
//! the server checks it (`shared::contact`) before it is sent, with the server's own error codes
//! as messages (`invalid_phone`, `invalid_email`); a refusal keeps what was typed.

use shared::ApiErrorCode;
use shared::api::me::ContactData;
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::field::{TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;

/// Whose contact data the form changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactOwner {
    /// The signed-in patient's own.
    Me,
    /// A record's, by an agent.
    Patient(PatientId),
}

/// What is wrong with the typed values: the code of each field that the server would refuse.
#[must_use]
pub fn contact_problems(phone: &str, email: &str) -> (Option<ApiErrorCode>, Option<ApiErrorCode>) {
    (shared::contact::normalise_phone(phone).err(), shared::contact::normalise_email(email).err())
}

/// Props of [`ContactForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ContactFormProps {
    /// The stem of the controls' ids (`{stem}-phone`, `{stem}-email`, `{stem}-save` …).
    pub stem: AttrValue,
    /// Whose data.
    pub owner: ContactOwner,
    /// The values as the server has them.
    pub current: ContactData,
    /// Called with the values as the server now has them.
    #[prop_or_default]
    pub on_saved: Callback<ContactData>,
}

/// See the module documentation.
#[component]
pub fn ContactForm(props: &ContactFormProps) -> Html {
    let i18n = use_i18n();
    let phone = use_state(|| props.current.phone.clone().unwrap_or_default());
    let email = use_state(|| props.current.email.clone().unwrap_or_default());
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<(), ApiFailure>>);
    let stem = props.stem.to_string();
    let (phone_problem, email_problem) = contact_problems(&phone, &email);
    let shown = |problem: Option<ApiErrorCode>| {
        problem.filter(|_| *submitted).map(|code| AttrValue::from(i18n.t(&code.message_key())))
    };
    let on_phone = {
        let phone = phone.clone();
        Callback::from(move |value: String| phone.set(value))
    };
    let on_email = {
        let email = email.clone();
        Callback::from(move |value: String| email.set(value))
    };
    let onsubmit = {
        let (phone, email, submitted, busy, outcome) =
            (phone.clone(), email.clone(), submitted.clone(), busy.clone(), outcome.clone());
        let (owner, on_saved, stem) = (props.owner, props.on_saved.clone(), stem.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            outcome.set(None);
            match contact_problems(&phone, &email) {
                (Some(_), _) => return browser::focus_element(&format!("{stem}-phone")),
                (None, Some(_)) => return browser::focus_element(&format!("{stem}-email")),
                (None, None) => {}
            }
            let body = ContactData {
                phone: Some(phone.trim().to_owned()),
                email: Some(email.trim().to_owned()),
            };
            busy.set(true);
            let (phone, email, busy, outcome, on_saved, stem) = (
                phone.clone(),
                email.clone(),
                busy.clone(),
                outcome.clone(),
                on_saved.clone(),
                stem.clone(),
            );
            spawn_local(async move {
                let result = match owner {
                    ContactOwner::Me => api::me::set_contact(&body).await,
                    ContactOwner::Patient(id) => api::agency::set_contact(id, &body)
                        .await
                        .map(|p| ContactData { phone: p.phone, email: p.email }),
                };
                busy.set(false);
                match result {
                    Ok(saved) => {
                        phone.set(saved.phone.clone().unwrap_or_default());
                        email.set(saved.email.clone().unwrap_or_default());
                        outcome.set(Some(Ok(())));
                        on_saved.emit(saved);
                    }
                    Err(failure) => outcome.set(Some(Err(failure))),
                }
                browser::focus_element(&format!("{stem}-result"));
            });
        })
    };
    let success =
        matches!(&*outcome, Some(Ok(()))).then(|| AttrValue::from(i18n.t("contact-saved")));
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(messages::api_failure(&i18n, failure))),
        _ => None,
    };
    html! {
        <form class="form contact" onsubmit={onsubmit} novalidate=true>
            <div class="field-row">
                <TextField
                    id={format!("{stem}-phone")}
                    label={i18n.t("field-phone")}
                    hint={i18n.t("field-phone-hint")}
                    value={(*phone).clone()}
                    on_input={on_phone}
                    message={shown(phone_problem)}
                    tone={Tone::Error}
                    input_type="tel"
                    autocomplete="tel"
                    inputmode="tel"
                    maxlength="32"
                />
                <TextField
                    id={format!("{stem}-email")}
                    label={i18n.t("field-email")}
                    hint={i18n.t("field-email-hint")}
                    value={(*email).clone()}
                    on_input={on_email}
                    message={shown(email_problem)}
                    tone={Tone::Error}
                    input_type="email"
                    autocomplete="email"
                    maxlength="254"
                />
            </div>
            <div class="actions">
                <button id={format!("{stem}-save")} type="submit" class="button-primary" disabled={*busy}>
                    { i18n.t("contact-save") }
                </button>
            </div>
            <div id={format!("{stem}-result")} tabindex="-1">
                <StatusMessage text={success} />
                <ErrorMessage text={failure} />
            </div>
        </form>
    }
}

/// The patient's own contact data, on their security page.
#[component]
pub fn MyContactPanel() -> Html {
    let i18n = use_i18n();
    let current = use_state(|| Remote::<ContactData>::Loading);
    {
        let current = current.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { current.set(api::me::contact().await.into()) });
        });
    }
    let body = match &*current {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(data) => html! {
            <ContactForm stem="my-contact" owner={ContactOwner::Me} current={data.clone()} />
        },
    };
    html! {
        <section class="panel" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{ i18n.t("contact-heading") }</h2>
            <p>{ i18n.t("contact-intro") }</p>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;
    use crate::i18n::Translator;

    #[test]
    fn problems_are_the_servers_codes_and_empty_is_fine() {
        assert_eq!(contact_problems("", ""), (None, None));
        assert_eq!(contact_problems("+352 621 123 456", "lea@example.lu"), (None, None));
        assert_eq!(
            contact_problems("621", "lea@"),
            (Some(ApiErrorCode::InvalidPhone), Some(ApiErrorCode::InvalidEmail))
        );
        for language in Language::ALL {
            let tr = Translator::new(language);
            for code in [ApiErrorCode::InvalidPhone, ApiErrorCode::InvalidEmail] {
                let text = tr.t(&code.message_key());
                assert!(!text.starts_with("error-"), "{language:?}: {text}");
            }
        }
    }
}
