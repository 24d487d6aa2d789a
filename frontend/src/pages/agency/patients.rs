//! The console's patients: search, open a record, see and change its phone and e-mail, and
//! download the information and activation letter (each download issues a new activation code
//! and voids the previous one).

use shared::Language;
use shared::api::agency::{PatientSummary, RecordState};
use shared::api::me::ContactData;
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::helpdesk::RecordHelpdesk;
use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::date_field::DateField;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::forms::{FormAction, PatientField, PatientForm, problem_of};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::pages::contact::{ContactForm, ContactOwner};

use super::life::RecordLifeDetails;

/// Where a row's letter download is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LetterState {
    Busy,
    Done,
    Failed(ApiFailure),
}

/// The patients section of the console.
#[component]
pub fn PatientsPanel() -> Html {
    let i18n = use_i18n();
    let search = use_state(String::new);
    let query = use_state(String::new);
    let list = use_state(|| Remote::<Vec<PatientSummary>>::Loading);
    let form = use_reducer(PatientForm::default);
    let submitted = use_state(|| false);
    let creating = use_state(|| false);
    let create_error = use_state(|| None::<ApiFailure>);
    let created = use_state(|| None::<String>);
    let letter = use_state(|| None::<(PatientId, LetterState)>);
    // The confirmation of the last postal objection (its record is gone; only this page has it).
    let gone = use_state(|| None::<std::rc::Rc<api::Download>>);

    {
        let list = list.clone();
        use_effect_with((*query).clone(), move |q| {
            let q = q.clone();
            list.set(Remote::Loading);
            spawn_local(async move { list.set(api::agency::patients(&q).await.into()) });
        });
    }

    let on_search_input = {
        let search = search.clone();
        Callback::from(move |value: String| search.set(value))
    };
    let on_search = {
        let search = search.clone();
        let query = query.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            query.set(search.trim().to_owned());
        })
    };

    let set = |field: PatientField| {
        let form = form.dispatcher();
        Callback::from(move |value: String| form.dispatch(FormAction::Set(field, value)))
    };

    let on_create = {
        let form = form.clone();
        let submitted = submitted.clone();
        let creating = creating.clone();
        let create_error = create_error.clone();
        let created = created.clone();
        let list = list.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *creating {
                return;
            }
            submitted.set(true);
            created.set(None);
            let request = match form.to_request() {
                Ok(request) => request,
                Err(problems) => {
                    if let Some((field, _)) = problems.first() {
                        browser::focus_element(field.id());
                    }
                    return;
                }
            };
            creating.set(true);
            create_error.set(None);
            let form = form.clone();
            let submitted = submitted.clone();
            let creating = creating.clone();
            let create_error = create_error.clone();
            let created = created.clone();
            let list = list.clone();
            spawn_local(async move {
                match api::agency::create_patient(&request).await {
                    Ok(patient) => {
                        created
                            .set(Some(format!("{} {}", patient.given_name, patient.family_name)));
                        let mut rows = match &*list {
                            Remote::Ready(rows) => rows.clone(),
                            _ => Vec::new(),
                        };
                        rows.retain(|row| row.id != patient.id);
                        rows.insert(0, patient);
                        list.set(Remote::Ready(rows));
                        form.dispatch(FormAction::Reset);
                        submitted.set(false);
                    }
                    Err(failure) => create_error.set(Some(failure)),
                }
                creating.set(false);
            });
        })
    };

    let on_letter = {
        let letter = letter.clone();
        let list = list.clone();
        Callback::from(move |patient: PatientSummary| {
            if matches!(&*letter, Some((_, LetterState::Busy))) {
                return;
            }
            letter.set(Some((patient.id, LetterState::Busy)));
            let letter = letter.clone();
            let list = list.clone();
            spawn_local(async move {
                let outcome = match api::agency::letter(patient.id).await {
                    Ok(file) => {
                        let name = file
                            .filename
                            .clone()
                            .unwrap_or_else(|| format!("dsp-letter-{}.pdf", patient.national_id));
                        if browser::save_file(&file.bytes, &name, &file.content_type) {
                            LetterState::Done
                        } else {
                            LetterState::Failed(ApiFailure::Decode)
                        }
                    }
                    Err(failure) => LetterState::Failed(failure),
                };
                letter.set(Some((patient.id, outcome)));
                // The letter changed the record (issue date, objection deadline).
                if let Ok(fresh) = api::agency::patient(patient.id).await
                    && let Remote::Ready(rows) = &*list
                {
                    let rows = rows
                        .iter()
                        .map(|r| if r.id == fresh.id { fresh.clone() } else { r.clone() });
                    list.set(Remote::Ready(rows.collect()));
                }
            });
        })
    };

    // A record's contact data saved in its row: the row shows what the server now holds.
    let on_contact = {
        let list = list.clone();
        Callback::from(move |(id, saved): (PatientId, ContactData)| {
            if let Remote::Ready(rows) = &*list {
                let rows = rows.iter().map(|r| {
                    let mut r = r.clone();
                    if r.id == id {
                        r.phone = saved.phone.clone();
                        r.email = saved.email.clone();
                    }
                    r
                });
                list.set(Remote::Ready(rows.collect()));
            }
        })
    };

    // A record deleted by a postal objection leaves the list.
    let on_gone = {
        let list = list.clone();
        let gone = gone.clone();
        Callback::from(move |(id, letter): (PatientId, api::Download)| {
            if let Remote::Ready(rows) = &*list {
                list.set(Remote::Ready(rows.iter().filter(|r| r.id != id).cloned().collect()));
            }
            gone.set(Some(std::rc::Rc::new(letter)));
        })
    };

    // Field messages: the national ID as typed; every field after a first try.
    let problems =
        if *submitted { form.to_request().err().unwrap_or_default() } else { Vec::new() };
    let message = |field: PatientField| {
        problem_of(&problems, field).map(|p| AttrValue::from(messages::field_problem(&i18n, p)))
    };
    let (id_message, id_tone) = messages::national_id_feedback(&i18n, &form.national_id);
    let (id_message, id_tone) = match message(PatientField::NationalId) {
        Some(text) if id_message.is_none() => (Some(text), Tone::Error),
        _ => (id_message.map(AttrValue::from), id_tone),
    };
    let languages: Vec<Choice> = Language::ALL
        .into_iter()
        .map(|l| Choice { value: l.tag().to_owned(), label: l.endonym().to_owned() })
        .collect();

    let gone_status = gone.is_some().then(|| AttrValue::from(i18n.t("agency-objection-done")));
    let again = gone.as_ref().map(|letter| {
        let letter = letter.clone();
        let download = Callback::from(move |_: MouseEvent| {
            crate::pages::objection::save_letter(&letter);
        });
        html! {
            <p class="objection-letter">
                { i18n.t("agency-objection-letter") }{ " " }
                <button type="button" id="objection-letter-again" class="button-secondary" onclick={download}>
                    { i18n.t("agency-objection-letter-again") }
                </button>
            </p>
        }
    });
    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted" role="status">{ i18n.t("agency-no-patients") }</p> }
        }
        Remote::Ready(rows) => html! {
            <>
            <ul class="rows" aria-labelledby="patients-list-heading">
                { for rows.iter().map(|patient| patient_row(&i18n, patient, letter.as_ref(), &on_letter, &on_contact, &on_gone)) }
            </ul>
            </>
        },
    };

    html! {
        <section class="panel" aria-labelledby="patients-heading">
            <h2 id="patients-heading" tabindex="-1">{ i18n.t("agency-patients-heading") }</h2>

            <form class="search" role="search" onsubmit={on_search}>
                <TextField
                    id="patient-search"
                    label={i18n.t("agency-patient-search-label")}
                    value={(*search).clone()}
                    on_input={on_search_input}
                    input_type="search"
                    autocomplete="off"
                />
                <button type="submit" class="button-secondary">{ i18n.t("search-button") }</button>
            </form>
            <h3 id="patients-list-heading" class="visually-hidden">{ i18n.t("agency-patients-list") }</h3>
            <StatusMessage id="objection-recorded" text={gone_status} />
            { for again }
            { rows }

            <form class="form create" onsubmit={on_create} novalidate=true aria-labelledby="patient-create-heading">
                <h3 id="patient-create-heading">{ i18n.t("agency-patient-create-heading") }</h3>
                <TextField
                    id={PatientField::NationalId.id()}
                    label={i18n.t("field-national-id")}
                    hint={i18n.t("agency-national-id-hint")}
                    value={form.national_id.clone()}
                    on_input={set(PatientField::NationalId)}
                    message={id_message}
                    tone={id_tone}
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="17"
                    required=true
                    code_like=true
                />
                <div class="field-row">
                    <TextField
                        id={PatientField::GivenName.id()}
                        label={i18n.t("field-given-name")}
                        value={form.given_name.clone()}
                        on_input={set(PatientField::GivenName)}
                        message={message(PatientField::GivenName)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                    />
                    <TextField
                        id={PatientField::FamilyName.id()}
                        label={i18n.t("field-family-name")}
                        value={form.family_name.clone()}
                        on_input={set(PatientField::FamilyName)}
                        message={message(PatientField::FamilyName)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                    />
                </div>
                <div class="field-row">
                    <DateField
                        id={PatientField::BirthDate.id()}
                        label={i18n.t("field-birth-date")}
                        hint={i18n.t("agency-birth-date-hint")}
                        value={form.birth_date.clone()}
                        on_input={set(PatientField::BirthDate)}
                        message={message(PatientField::BirthDate)}
                        tone={Tone::Error}
                        required=true
                    />
                    <SelectField
                        id={PatientField::Language.id()}
                        label={i18n.t("field-language")}
                        value={form.language.clone()}
                        choices={languages}
                        on_change={set(PatientField::Language)}
                    />
                </div>
                <fieldset class="address">
                    <legend>{ i18n.t("field-address") }</legend>
                    <TextField
                        id={PatientField::Street.id()}
                        label={i18n.t("field-street")}
                        value={form.street.clone()}
                        on_input={set(PatientField::Street)}
                        message={message(PatientField::Street)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                    />
                    <div class="field-row">
                        <TextField
                            id={PatientField::PostalCode.id()}
                            label={i18n.t("field-postal-code")}
                            value={form.postal_code.clone()}
                            on_input={set(PatientField::PostalCode)}
                            message={message(PatientField::PostalCode)}
                            tone={Tone::Error}
                            autocomplete="off"
                            required=true
                        />
                        <TextField
                            id={PatientField::City.id()}
                            label={i18n.t("field-city")}
                            value={form.city.clone()}
                            on_input={set(PatientField::City)}
                            message={message(PatientField::City)}
                            tone={Tone::Error}
                            autocomplete="off"
                            required=true
                        />
                        <TextField
                            id={PatientField::Country.id()}
                            label={i18n.t("field-country")}
                            hint={i18n.t("field-country-hint")}
                            value={form.country.clone()}
                            on_input={set(PatientField::Country)}
                            message={message(PatientField::Country)}
                            tone={Tone::Error}
                            autocomplete="off"
                            maxlength="2"
                            required=true
                            code_like=true
                        />
                    </div>
                </fieldset>
                <div class="field-row">
                    <TextField
                        id={PatientField::Phone.id()}
                        label={i18n.t("field-phone")}
                        hint={i18n.t("field-phone-hint")}
                        value={form.phone.clone()}
                        on_input={set(PatientField::Phone)}
                        message={message(PatientField::Phone)}
                        tone={Tone::Error}
                        input_type="tel"
                        inputmode="tel"
                        autocomplete="off"
                        maxlength="32"
                    />
                    <TextField
                        id={PatientField::Email.id()}
                        label={i18n.t("field-email")}
                        hint={i18n.t("field-email-hint")}
                        value={form.email.clone()}
                        on_input={set(PatientField::Email)}
                        message={message(PatientField::Email)}
                        tone={Tone::Error}
                        input_type="email"
                        autocomplete="off"
                        maxlength="254"
                    />
                </div>
                <div class="actions">
                    <button
                        id="patient-create-button"
                        type="submit"
                        class="button-primary"
                        disabled={*creating}
                        aria-describedby="patient-create-error"
                    >
                        { i18n.t("agency-patient-create-button") }
                    </button>
                </div>
                <ErrorMessage
                    id="patient-create-error"
                    text={(*create_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))}
                />
                <StatusMessage
                    id="patient-create-status"
                    text={(*created).as_ref().map(|name| AttrValue::from(
                        i18n.t_args("agency-patient-created", [("name", name.clone().into())])
                    ))}
                />
            </form>
        </section>
    }
}

fn patient_row(
    i18n: &crate::i18n::Translator,
    patient: &PatientSummary,
    letter: Option<&(PatientId, LetterState)>,
    on_letter: &Callback<PatientSummary>,
    on_contact: &Callback<(PatientId, ContactData)>,
    on_gone: &Callback<(PatientId, api::Download)>,
) -> Html {
    let id = patient.id.to_string();
    let note_id = format!("letter-note-{id}");
    let or_none =
        |value: Option<&str>| value.map_or_else(|| i18n.t("agency-contact-none"), str::to_owned);
    let on_contact = {
        let patient_id = patient.id;
        on_contact.reform(move |saved: ContactData| (patient_id, saved))
    };
    let practice_note_id = format!("practice-note-{id}");
    let state = letter.filter(|(pid, _)| *pid == patient.id).map(|(_, s)| s);
    let busy = matches!(state, Some(LetterState::Busy));
    let onclick = {
        let patient = patient.clone();
        on_letter.reform(move |_: MouseEvent| patient.clone())
    };
    let note = if patient.record_state == RecordState::Activated {
        i18n.t("agency-letter-recovery")
    } else if patient.letter_issued_at.is_some() {
        i18n.t("agency-letter-voids-previous")
    } else {
        i18n.t("agency-letter-new-code")
    };
    let letter_fact = match (patient.letter_issued_at, patient.objection_deadline) {
        (Some(issued), Some(deadline)) => i18n.t_args(
            "agency-letter-issued-until",
            [
                ("date", messages::date_time(i18n, issued).into()),
                ("deadline", messages::date_only(i18n, deadline).into()),
            ],
        ),
        (Some(issued), None) => messages::date_time(i18n, issued),
        (None, _) => i18n.t("agency-letter-none"),
    };
    let status = match state {
        Some(LetterState::Busy) => Some(i18n.t("agency-letter-busy")),
        Some(LetterState::Done) => Some(i18n.t("agency-letter-done")),
        _ => None,
    };
    let error = match state {
        Some(LetterState::Failed(failure)) => Some(messages::api_failure(i18n, failure)),
        _ => None,
    };
    html! {
        <li class="row" data-patient-id={id.clone()} data-national-id={patient.national_id.clone()}>
            <div class="row-main">
                <h4>{ format!("{} {}", patient.given_name, patient.family_name) }</h4>
                <dl class="facts">
                    <div><dt>{ i18n.t("field-national-id") }</dt><dd class="mono">{ patient.national_id.clone() }</dd></div>
                    <div><dt>{ i18n.t("field-birth-date") }</dt><dd>{ i18n.date(patient.birth_date) }</dd></div>
                    <div><dt>{ i18n.t("field-language") }</dt><dd>{ patient.preferred_language.endonym() }</dd></div>
                    <div>
                        <dt>{ i18n.t("agency-record-state") }</dt>
                        <dd>
                            <span class={classes!("badge", format!("state-{}", patient.record_state.as_str()))}>
                                { messages::record_state(i18n, patient.record_state) }
                            </span>
                            if patient.activation_locked {
                                { " " }<span class="badge state-locked">{ i18n.t("agency-code-locked") }</span>
                            }
                        </dd>
                    </div>
                    <div><dt>{ i18n.t("agency-letter") }</dt><dd>{ letter_fact }</dd></div>
                    <div><dt>{ i18n.t("field-phone") }</dt><dd class="contact-phone">{ or_none(patient.phone.as_deref()) }</dd></div>
                    <div><dt>{ i18n.t("field-email") }</dt><dd class="contact-email">{ or_none(patient.email.as_deref()) }</dd></div>
                </dl>
            </div>
            <div class="row-actions">
                // An activated record's letter is a recovery letter: it needs the identity check,
                // in the helpdesk tools below.
                if patient.record_state != RecordState::Activated {
                    <button
                        type="button"
                        class="download-letter button-secondary"
                        {onclick}
                        disabled={busy}
                        aria-describedby={format!("{note_id} {practice_note_id}")}
                    >
                        { i18n.t("agency-download-letter") }
                    </button>
                }
                <p id={note_id} class="field-hint">{ note }</p>
                <p id={practice_note_id} class="field-hint">{ i18n.t("agency-letter-practice") }</p>
                <StatusMessage text={status.map(AttrValue::from)} />
                <ErrorMessage text={error.map(AttrValue::from)} />
            </div>
            // After the letter's messages, so that the row's first status is the letter's.
            <details class="contact-edit">
                <summary>{ i18n.t("agency-contact-edit") }</summary>
                <ContactForm stem={format!("contact-{id}")} owner={ContactOwner::Patient(patient.id)}
                        current={ContactData { phone: patient.phone.clone(), email: patient.email.clone() }}
                        on_saved={on_contact.clone()} />
            </details>
            <RecordLifeDetails patient_id={patient.id} />
            <details class="objection-edit">
                <summary>{ i18n.t("agency-objection-summary") }</summary>
                <crate::pages::objection::PostalObjectionForm patient={patient.id} on_done={on_gone.clone()} />
            </details>
            <RecordHelpdesk key={format!("helpdesk-{id}-{}", patient.activation_locked)} patient={patient.clone()} />
        </li>
    }
}
