//! The console's opening requests: the voluntary requests sent with the public form, oldest
//! first, flagged near the 7-day limit and overdue, saying whether a record already exists for
//! the national ID. An agent records the identity check and accepts (the record is created and
//! its activation letter downloads, to print) or rejects with a reason.

use shared::api::agency::PostalAddress;
use shared::api::opening::{
    AcceptOpening, IdentityCheck, OpeningRequestSummary, RejectOpening, RejectionReason, Urgency,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

const fn urgency_key(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::OnTime => "opening-urgency-on-time",
        Urgency::NearLimit => "opening-urgency-near-limit",
        Urgency::Overdue => "opening-urgency-overdue",
    }
}

const fn urgency_class(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::OnTime => "urgency-on-time",
        Urgency::NearLimit => "urgency-near-limit",
        Urgency::Overdue => "urgency-overdue",
    }
}

const fn reason_key(reason: RejectionReason) -> &'static str {
    match reason {
        RejectionReason::IdentityNotVerified => "opening-reason-identity-not-verified",
        RejectionReason::DataMismatch => "opening-reason-data-mismatch",
        RejectionReason::RecordExists => "opening-reason-record-exists",
        RejectionReason::DuplicateRequest => "opening-reason-duplicate-request",
        RejectionReason::Withdrawn => "opening-reason-withdrawn",
        RejectionReason::Other => "opening-reason-other",
    }
}

/// The opening requests section of the console.
#[component]
pub fn OpeningPanel() -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<OpeningRequestSummary>>::Loading);
    let reload = use_state(|| 0_u32);
    let status = use_state(|| None::<String>);
    {
        let list = list.clone();
        use_effect_with(*reload, move |_| {
            spawn_local(async move { list.set(api::agency::opening_requests().await.into()) });
        });
    }
    let on_decided = {
        let reload = reload.clone();
        let status = status.clone();
        Callback::from(move |said: String| {
            status.set(Some(said));
            reload.set(*reload + 1);
        })
    };
    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p id="opening-empty">{ i18n.t("opening-queue-empty") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows" id="opening-queue">
                { for rows.iter().map(|request| html! {
                    <OpeningRow key={request.id.to_string()} request={request.clone()} on_decided={on_decided.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section aria-labelledby="opening-heading">
            <h2 id="opening-heading">{ i18n.t("opening-heading") }</h2>
            <p class="field-hint">{ i18n.t("opening-intro") }</p>
            <StatusMessage id="opening-status" text={(*status).clone().map(AttrValue::from)} />
            { rows }
        </section>
    }
}

/// Props of [`OpeningRow`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct OpeningRowProps {
    request: OpeningRequestSummary,
    on_decided: Callback<String>,
}

fn address_text(address: Option<&PostalAddress>, i18n: &Translator) -> String {
    address.map_or_else(
        || i18n.t("agency-contact-none"),
        |a| format!("{}, {} {} ({})", a.street, a.postal_code, a.city, a.country),
    )
}

/// One request: its facts, the identity check and the decision.
#[component]
fn OpeningRow(props: &OpeningRowProps) -> Html {
    let i18n = use_i18n();
    let request = &props.request;
    let stem = format!("opening-{}", request.id);
    let id_card = use_state(|| false);
    let social_card = use_state(|| false);
    let document_number = use_state(String::new);
    let note = use_state(String::new);
    let street = use_state(String::new);
    let postal_code = use_state(String::new);
    let city = use_state(String::new);
    let country = use_state(|| "LU".to_owned());
    let reason = use_state(String::new);
    let reject_note = use_state(String::new);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);
    let needs_address = request.address.is_none();

    let check = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            state.set(event.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let text = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let area = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };

    let on_accept = {
        let request = request.clone();
        let (id_card, social_card, document_number, note) =
            (id_card.clone(), social_card.clone(), document_number.clone(), note.clone());
        let (street, postal_code, city, country) =
            (street.clone(), postal_code.clone(), city.clone(), country.clone());
        let (busy, failure, on_decided) = (busy.clone(), failure.clone(), props.on_decided.clone());
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let optional = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
            let input = AcceptOpening {
                identity_check: IdentityCheck {
                    id_card: *id_card,
                    social_security_card: *social_card,
                    id_document_number: optional(&document_number),
                    note: optional(&note),
                },
                address: needs_address.then(|| PostalAddress {
                    street: (*street).clone(),
                    postal_code: (*postal_code).clone(),
                    city: (*city).clone(),
                    country: (*country).clone(),
                }),
            };
            busy.set(true);
            failure.set(None);
            let (busy, failure, on_decided, i18n) =
                (busy.clone(), failure.clone(), on_decided.clone(), i18n.clone());
            let (id, name, national_id) = (
                request.id,
                format!("{} {}", request.given_name, request.family_name),
                request.national_id.clone(),
            );
            spawn_local(async move {
                match api::agency::accept_opening(id, &input).await {
                    Ok(file) => {
                        let file_name = file
                            .filename
                            .clone()
                            .unwrap_or_else(|| format!("dsp-letter-{national_id}.pdf"));
                        browser::save_file(&file.bytes, &file_name, &file.content_type);
                        busy.set(false);
                        on_decided
                            .emit(i18n.t_args("opening-accepted", [("name", Arg::from(name))]));
                    }
                    Err(error) => {
                        busy.set(false);
                        failure.set(Some(error));
                    }
                }
            });
        })
    };

    let on_reject = {
        let request = request.clone();
        let (reason, reject_note) = (reason.clone(), reject_note.clone());
        let (busy, failure, on_decided) = (busy.clone(), failure.clone(), props.on_decided.clone());
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let Some(chosen) = RejectionReason::parse(&reason) else {
                failure.set(Some(ApiFailure::Api(shared::ApiError::new(
                    shared::ApiErrorCode::FieldRequired,
                    "",
                ))));
                return;
            };
            let input = RejectOpening {
                reason: chosen,
                note: (!reject_note.trim().is_empty()).then(|| reject_note.trim().to_owned()),
            };
            busy.set(true);
            failure.set(None);
            let (busy, failure, on_decided, i18n) =
                (busy.clone(), failure.clone(), on_decided.clone(), i18n.clone());
            let (id, name) =
                (request.id, format!("{} {}", request.given_name, request.family_name));
            spawn_local(async move {
                match api::agency::reject_opening(id, &input).await {
                    Ok(_) => {
                        busy.set(false);
                        on_decided
                            .emit(i18n.t_args("opening-rejected", [("name", Arg::from(name))]));
                    }
                    Err(error) => {
                        busy.set(false);
                        failure.set(Some(error));
                    }
                }
            });
        })
    };

    let reasons: Vec<Choice> = RejectionReason::ALL
        .into_iter()
        .map(|r| Choice { value: r.as_str().to_owned(), label: i18n.t(reason_key(r)) })
        .collect();
    let age = i18n.t_args(
        "opening-age",
        [
            ("days", Arg::from(request.age_days)),
            ("due", Arg::from(messages::date_only(&i18n, request.letter_due_at))),
        ],
    );
    let error = (*failure).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)));
    html! {
        <li class="row" data-opening-id={request.id.to_string()} data-national-id={request.national_id.clone()}
            data-urgency={urgency_class(request.urgency)}>
            <div class="row-main">
                <h4>{ format!("{} {}", request.given_name, request.family_name) }</h4>
                <p>
                    <span class={classes!("badge", urgency_class(request.urgency))}>{ i18n.t(urgency_key(request.urgency)) }</span>
                    { " " }
                    if request.record_exists {
                        <span class="badge record-exists">{ i18n.t("opening-record-exists") }</span>
                    }
                </p>
                <dl class="facts">
                    <div><dt>{ i18n.t("opening-reference") }</dt><dd class="mono opening-reference">{ request.reference.clone() }</dd></div>
                    <div><dt>{ i18n.t("opening-received") }</dt><dd>{ messages::date_time(&i18n, request.received_at) }</dd></div>
                    <div><dt>{ i18n.t("opening-age-label") }</dt><dd class="opening-age">{ age }</dd></div>
                    <div><dt>{ i18n.t("field-national-id") }</dt><dd class="mono">{ request.national_id.clone() }</dd></div>
                    <div><dt>{ i18n.t("field-birth-date") }</dt><dd>{ i18n.date(request.birth_date) }</dd></div>
                    <div><dt>{ i18n.t("field-language") }</dt><dd>{ request.preferred_language.endonym() }</dd></div>
                    <div><dt>{ i18n.t("field-address") }</dt><dd>{ address_text(request.address.as_ref(), &i18n) }</dd></div>
                    <div><dt>{ i18n.t("field-phone") }</dt><dd>{ request.phone.clone().unwrap_or_else(|| i18n.t("agency-contact-none")) }</dd></div>
                    <div><dt>{ i18n.t("field-email") }</dt><dd>{ request.email.clone().unwrap_or_else(|| i18n.t("agency-contact-none")) }</dd></div>
                </dl>
            </div>
            <details class="opening-decide">
                <summary>{ i18n.t("opening-decide") }</summary>
                <fieldset>
                    <legend>{ i18n.t("opening-check-legend") }</legend>
                    <div class="field field-check">
                        <input type="checkbox" id={format!("{stem}-id-card")} class="check-id-card"
                            checked={*id_card} onchange={check(&id_card)} />
                        <label for={format!("{stem}-id-card")}>{ i18n.t("opening-check-id-card") }</label>
                    </div>
                    <div class="field field-check">
                        <input type="checkbox" id={format!("{stem}-social-card")} class="check-social-card"
                            checked={*social_card} onchange={check(&social_card)} />
                        <label for={format!("{stem}-social-card")}>{ i18n.t("opening-check-social-card") }</label>
                    </div>
                    <TextField id={format!("{stem}-document-number")} label={i18n.t("opening-document-number")}
                        value={(*document_number).clone()} on_input={text(&document_number)} maxlength="64" autocomplete="off" />
                    <div class="field">
                        <label for={format!("{stem}-note")}>{ i18n.t("opening-check-note") }</label>
                        <textarea id={format!("{stem}-note")} value={(*note).clone()} oninput={area(&note)} maxlength="1000" />
                    </div>
                </fieldset>
                if needs_address {
                    <fieldset class="address">
                        <legend>{ i18n.t("opening-letter-address") }</legend>
                        <p class="field-hint">{ i18n.t("opening-letter-address-hint") }</p>
                        <TextField id={format!("{stem}-street")} label={i18n.t("field-street")}
                            value={(*street).clone()} on_input={text(&street)} maxlength="200" autocomplete="off" />
                        <div class="field-row">
                            <TextField id={format!("{stem}-postal-code")} label={i18n.t("field-postal-code")}
                                value={(*postal_code).clone()} on_input={text(&postal_code)} maxlength="16" autocomplete="off" />
                            <TextField id={format!("{stem}-city")} label={i18n.t("field-city")}
                                value={(*city).clone()} on_input={text(&city)} maxlength="100" autocomplete="off" />
                            <TextField id={format!("{stem}-country")} label={i18n.t("field-country")}
                                hint={i18n.t("field-country-hint")} value={(*country).clone()} on_input={text(&country)}
                                maxlength="2" code_like=true tone={Tone::Error} />
                        </div>
                    </fieldset>
                }
                <div class="actions">
                    <button type="button" class="button-primary accept-opening" onclick={on_accept} disabled={*busy}>
                        { i18n.t("opening-accept-button") }
                    </button>
                </div>
                <p class="field-hint">{ i18n.t("opening-accept-hint") }</p>
                <fieldset>
                    <legend>{ i18n.t("opening-reject-legend") }</legend>
                    <SelectField id={format!("{stem}-reason")} label={i18n.t("opening-reason")}
                        value={(*reason).clone()} choices={reasons} on_change={text(&reason)}
                        placeholder={i18n.t("field-choose")} />
                    <div class="field">
                        <label for={format!("{stem}-reject-note")}>{ i18n.t("opening-reject-note") }</label>
                        <textarea id={format!("{stem}-reject-note")} value={(*reject_note).clone()} oninput={area(&reject_note)} maxlength="1000" />
                    </div>
                    <div class="actions">
                        <button type="button" class="button-secondary reject-opening" onclick={on_reject} disabled={*busy}>
                            { i18n.t("opening-reject-button") }
                        </button>
                    </div>
                </fieldset>
                <ErrorMessage text={error} />
            </details>
        </li>
    }
}
