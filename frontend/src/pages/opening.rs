//! `/open`: the voluntary opening request (the pilot's form, online, no sign-in). A person gives
//! their name, national ID (explained as they type), a postal address or a phone number, an
//! optional e-mail and their language, reads and accepts the conditions, and gets a reference
//! and what happens next. Every field's problem shows under the field, with the API's stable
//! codes; nothing typed is lost.

use shared::api::agency::PostalAddress;
use shared::api::opening::{
    FieldProblem, LETTER_WITHIN_DAYS, OpeningField, OpeningRequestForm, OpeningRequestReceived,
};
use shared::{ApiErrorCode, Language};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use super::use_page;
use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::ErrorMessage;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// What the person typed, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Draft {
    given_name: String,
    family_name: String,
    national_id: String,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    phone: String,
    email: String,
    language: String,
    accepted: bool,
}

impl Draft {
    fn form(&self, fallback: Language) -> OpeningRequestForm {
        let address = [&self.street, &self.postal_code, &self.city]
            .iter()
            .any(|part| !part.trim().is_empty())
            .then(|| PostalAddress {
                street: self.street.clone(),
                postal_code: self.postal_code.clone(),
                city: self.city.clone(),
                country: self.country.clone(),
            });
        OpeningRequestForm {
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            national_id: self.national_id.clone(),
            birth_date: None,
            address,
            phone: Some(self.phone.clone()),
            email: Some(self.email.clone()),
            preferred_language: Language::from_tag(&self.language).unwrap_or(fallback),
            conditions_accepted: self.accepted,
        }
    }
}

/// The id of a field's control (the first problem takes focus).
const fn control_id(field: OpeningField) -> &'static str {
    match field {
        OpeningField::GivenName => "open-given-name",
        OpeningField::FamilyName => "open-family-name",
        OpeningField::NationalId | OpeningField::BirthDate => "open-national-id",
        OpeningField::Street | OpeningField::Contact => "open-street",
        OpeningField::PostalCode => "open-postal-code",
        OpeningField::City => "open-city",
        OpeningField::Country => "open-country",
        OpeningField::Phone => "open-phone",
        OpeningField::Email => "open-email",
        OpeningField::Conditions => "open-accept",
    }
}

/// The field a refusal of the server is about.
const fn field_of(code: ApiErrorCode) -> Option<OpeningField> {
    match code {
        ApiErrorCode::InvalidNationalId | ApiErrorCode::BirthDateMismatch => {
            Some(OpeningField::NationalId)
        }
        ApiErrorCode::ContactRequired => Some(OpeningField::Contact),
        ApiErrorCode::InvalidPhone => Some(OpeningField::Phone),
        ApiErrorCode::InvalidEmail => Some(OpeningField::Email),
        ApiErrorCode::ConditionsNotAccepted => Some(OpeningField::Conditions),
        _ => None,
    }
}

fn problem_text(i18n: &Translator, problem: &FieldProblem) -> String {
    i18n.t(&problem.code.message_key())
}

/// See the module documentation.
#[component]
pub fn OpenPage() -> Html {
    let i18n = use_i18n();
    use_page("open-title");
    let draft = use_state(|| Draft { country: "LU".into(), ..Draft::default() });
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);
    let received = use_state(|| None::<OpeningRequestReceived>);
    let language = i18n.language();

    let problems = if *submitted {
        draft.form(language).check().err().unwrap_or_default()
    } else {
        Vec::new()
    };
    // A refusal of the server about a field shows under that field too.
    let server_problem = (*failure)
        .as_ref()
        .and_then(ApiFailure::code)
        .and_then(|code| field_of(code).map(|field| FieldProblem { field, code, detail: None }));
    let message = |field: OpeningField| -> Option<AttrValue> {
        problems
            .iter()
            .chain(server_problem.iter())
            .find(|p| p.field == field)
            .map(|p| AttrValue::from(problem_text(&i18n, p)))
    };

    let set = |apply: fn(&mut Draft, String)| {
        let draft = draft.clone();
        let failure = failure.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            apply(&mut next, value);
            draft.set(next);
            failure.set(None);
        })
    };
    let on_accept = {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let mut next = (*draft).clone();
            next.accepted = event.target_unchecked_into::<HtmlInputElement>().checked();
            draft.set(next);
        })
    };

    let onsubmit = {
        let draft = draft.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        let received = received.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            let form = draft.form(language);
            if let Err(problems) = form.check() {
                if let Some(first) = problems.first() {
                    browser::focus_element(control_id(first.field));
                }
                return;
            }
            busy.set(true);
            failure.set(None);
            let busy = busy.clone();
            let failure = failure.clone();
            let received = received.clone();
            spawn_local(async move {
                match api::auth::submit_opening_request(&form).await {
                    Ok(answer) => {
                        received.set(Some(answer));
                        browser::focus_element("open-received-heading");
                    }
                    Err(error) => {
                        if let Some(field) = error.code().and_then(field_of) {
                            browser::focus_element(control_id(field));
                        }
                        failure.set(Some(error));
                    }
                }
                busy.set(false);
            });
        })
    };

    if let Some(answer) = &*received {
        return html! {
            <article class="page">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("open-heading") }</h1>
                <section id="open-received" class="notice" role="status">
                    <h2 id="open-received-heading" tabindex="-1">{ i18n.t("open-received-heading") }</h2>
                    <p>
                        { i18n.t("open-reference") }{ " " }
                        <strong id="open-reference">{ answer.reference.clone() }</strong>
                    </p>
                    <p>{ i18n.t_args("open-received-at", [("date", Arg::from(messages::date_time(&i18n, answer.received_at)))]) }</p>
                    <h3>{ i18n.t("open-next-heading") }</h3>
                    <ol id="open-next">
                        <li>{ i18n.t("open-next-check") }</li>
                        <li>{ i18n.t_args("open-next-letter", [("days", Arg::from(answer.letter_within_days))]) }</li>
                        <li>{ i18n.t("open-next-activate") }</li>
                    </ol>
                    <p>{ i18n.t("open-next-helpdesk") }</p>
                </section>
            </article>
        };
    }

    let (id_message, id_tone) = messages::national_id_feedback(&i18n, &draft.national_id);
    let (id_message, id_tone) = match message(OpeningField::NationalId) {
        Some(problem) if id_tone != Tone::Error => (Some(problem.to_string()), Tone::Error),
        _ => (id_message, id_tone),
    };
    let languages: Vec<Choice> = Language::ALL
        .into_iter()
        .map(|l| Choice { value: l.tag().to_owned(), label: l.endonym().to_owned() })
        .collect();
    let chosen_language =
        if draft.language.is_empty() { language.tag().to_owned() } else { draft.language.clone() };
    let contact_message = message(OpeningField::Contact);
    let conditions_message = message(OpeningField::Conditions);
    // Failures that are not about one field (too many requests, the network).
    let general = (*failure)
        .as_ref()
        .filter(|f| f.code().and_then(field_of).is_none())
        .map(|f| AttrValue::from(messages::api_failure(&i18n, f)));

    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("open-heading") }</h1>
            <p class="lead">{ i18n.t("open-intro") }</p>
            <form class="form" {onsubmit} novalidate=true aria-labelledby="page-heading">
                <div class="field-row">
                    <TextField
                        id="open-given-name"
                        label={i18n.t("field-given-name")}
                        value={draft.given_name.clone()}
                        on_input={set(|d, v| d.given_name = v)}
                        message={message(OpeningField::GivenName)}
                        tone={Tone::Error}
                        autocomplete="given-name"
                        maxlength="200"
                        required=true
                    />
                    <TextField
                        id="open-family-name"
                        label={i18n.t("field-family-name")}
                        value={draft.family_name.clone()}
                        on_input={set(|d, v| d.family_name = v)}
                        message={message(OpeningField::FamilyName)}
                        tone={Tone::Error}
                        autocomplete="family-name"
                        maxlength="200"
                        required=true
                    />
                </div>
                <TextField
                    id="open-national-id"
                    label={i18n.t("field-national-id")}
                    hint={i18n.t("open-national-id-hint")}
                    value={draft.national_id.clone()}
                    on_input={set(|d, v| d.national_id = v)}
                    message={id_message}
                    tone={id_tone}
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="17"
                    required=true
                    code_like=true
                />
                <fieldset class="address" aria-describedby="open-contact-hint open-contact-message">
                    <legend>{ i18n.t("open-contact-legend") }</legend>
                    <p id="open-contact-hint" class="field-hint">{ i18n.t("open-contact-hint") }</p>
                    <TextField
                        id="open-street"
                        label={i18n.t("field-street")}
                        value={draft.street.clone()}
                        on_input={set(|d, v| d.street = v)}
                        message={message(OpeningField::Street)}
                        tone={Tone::Error}
                        autocomplete="street-address"
                        maxlength="200"
                    />
                    <div class="field-row">
                        <TextField
                            id="open-postal-code"
                            label={i18n.t("field-postal-code")}
                            value={draft.postal_code.clone()}
                            on_input={set(|d, v| d.postal_code = v)}
                            message={message(OpeningField::PostalCode)}
                            tone={Tone::Error}
                            autocomplete="postal-code"
                            maxlength="16"
                        />
                        <TextField
                            id="open-city"
                            label={i18n.t("field-city")}
                            value={draft.city.clone()}
                            on_input={set(|d, v| d.city = v)}
                            message={message(OpeningField::City)}
                            tone={Tone::Error}
                            autocomplete="address-level2"
                            maxlength="100"
                        />
                        <TextField
                            id="open-country"
                            label={i18n.t("field-country")}
                            hint={i18n.t("field-country-hint")}
                            value={draft.country.clone()}
                            on_input={set(|d, v| d.country = v)}
                            message={message(OpeningField::Country).map(|_| AttrValue::from(i18n.t("field-country-code")))}
                            tone={Tone::Error}
                            autocomplete="country"
                            maxlength="2"
                            code_like=true
                        />
                    </div>
                    <TextField
                        id="open-phone"
                        label={i18n.t("field-phone")}
                        hint={i18n.t("open-phone-hint")}
                        value={draft.phone.clone()}
                        on_input={set(|d, v| d.phone = v)}
                        message={message(OpeningField::Phone)}
                        tone={Tone::Error}
                        input_type="tel"
                        inputmode="tel"
                        autocomplete="tel"
                        maxlength="32"
                    />
                    <p id="open-contact-message" class="field-message field-error" aria-live="polite">
                        { contact_message.clone().unwrap_or_default() }
                    </p>
                </fieldset>
                <div class="field-row">
                    <TextField
                        id="open-email"
                        label={i18n.t("field-email")}
                        hint={i18n.t("field-email-hint")}
                        value={draft.email.clone()}
                        on_input={set(|d, v| d.email = v)}
                        message={message(OpeningField::Email)}
                        tone={Tone::Error}
                        input_type="email"
                        autocomplete="email"
                        maxlength="254"
                    />
                    <SelectField
                        id="open-language"
                        label={i18n.t("field-language")}
                        value={chosen_language}
                        choices={languages}
                        on_change={set(|d, v| d.language = v)}
                    />
                </div>
                <section class="conditions" aria-labelledby="open-conditions-heading">
                    <h2 id="open-conditions-heading">{ i18n.t("open-conditions-heading") }</h2>
                    <div id="open-conditions" class="conditions-text">
                        <p>{ i18n.t("open-conditions-what") }</p>
                        <p>{ i18n.t("open-conditions-letter") }</p>
                        <p>{ i18n.t("open-conditions-window") }</p>
                        <p>{ i18n.t("open-conditions-control") }</p>
                        <p>{ i18n.t("open-conditions-close") }</p>
                        <p>{ i18n.t("open-conditions-data") }</p>
                    </div>
                    <div class={classes!("field", "field-check", conditions_message.is_some().then_some("field-invalid"))}>
                        <input
                            type="checkbox"
                            id="open-accept"
                            checked={draft.accepted}
                            onchange={on_accept}
                            aria-invalid={conditions_message.is_some().then_some("true")}
                            aria-describedby="open-accept-message"
                        />
                        <label for="open-accept">{ i18n.t("open-accept") }</label>
                        <p id="open-accept-message" class="field-message field-error" aria-live="polite">
                            { conditions_message.unwrap_or_default() }
                        </p>
                    </div>
                </section>
                <div class="actions">
                    <button id="open-submit" type="submit" class="button-primary" disabled={*busy}
                        aria-describedby="open-error">
                        { i18n.t("open-submit") }
                    </button>
                </div>
                <p class="field-hint">{ i18n.t_args("open-after", [("days", Arg::from(LETTER_WITHIN_DAYS))]) }</p>
                <ErrorMessage id="open-error" text={general} />
            </form>
        </article>
    }
}
