//! The helpdesk's tools in a record's row (its letters, unlocking a locked activation, a recovery
//! letter after the identity check) and in a professional's row (licence suspension and
//! reinstatement, a recovery code after the identity check, the organisation they work for).

use shared::api::agency::{
    EnrolmentCodeIssued, OrganisationSummary, PatientSummary, ProfessionalSummary, RecordState,
};
use shared::api::helpdesk::{IdentityCheck, IdentityDocument, LetterKind, LetterRecord};
use shared::ids::OrganisationId;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// An act's progress: idle, on its way, done (with what to say), or failed.
#[derive(Debug, Clone, PartialEq)]
enum Act {
    Idle,
    Busy,
    Done(String),
    Failed(ApiFailure),
}

impl Act {
    fn status(&self, tr: &Translator) -> (Option<AttrValue>, Option<AttrValue>) {
        match self {
            Self::Idle => (None, None),
            Self::Busy => (Some(AttrValue::from(tr.t("loading"))), None),
            Self::Done(text) => (Some(AttrValue::from(text.clone())), None),
            Self::Failed(failure) => {
                (None, Some(AttrValue::from(messages::api_failure(tr, failure))))
            }
        }
    }
}

/// The name of an identity document.
fn document_name(tr: &Translator, document: IdentityDocument) -> String {
    tr.t(match document {
        IdentityDocument::IdCard => "helpdesk-doc-id-card",
        IdentityDocument::Passport => "helpdesk-doc-passport",
        IdentityDocument::ResidencePermit => "helpdesk-doc-residence-permit",
        IdentityDocument::DrivingLicence => "helpdesk-doc-driving-licence",
        IdentityDocument::SocialSecurityCard => "helpdesk-doc-social-security-card",
        IdentityDocument::ProfessionalCard => "helpdesk-doc-professional-card",
    })
}

#[derive(Properties, PartialEq)]
struct IdentityDocsProps {
    stem: AttrValue,
    selected: Vec<IdentityDocument>,
    on_change: Callback<Vec<IdentityDocument>>,
}

/// The identity check: a box for each document the person may present.
#[component]
fn IdentityDocs(props: &IdentityDocsProps) -> Html {
    let i18n = use_i18n();
    html! {
        <fieldset class="identity-check">
            <legend>{ i18n.t("helpdesk-identity-legend") }</legend>
            { for IdentityDocument::ALL.into_iter().map(|document| {
                let id = format!("{}-{}", props.stem, document.as_str());
                let checked = props.selected.contains(&document);
                let onchange = {
                    let selected = props.selected.clone();
                    let on_change = props.on_change.clone();
                    Callback::from(move |event: Event| {
                        let on = event.target_unchecked_into::<HtmlInputElement>().checked();
                        let mut next: Vec<IdentityDocument> =
                            selected.iter().copied().filter(|d| *d != document).collect();
                        if on {
                            next.push(document);
                        }
                        on_change.emit(next);
                    })
                };
                html! {
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} data-document={document.as_str()} {checked} {onchange} />
                        { " " }{ document_name(&i18n, document) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

fn letter_kind(tr: &Translator, kind: LetterKind) -> String {
    tr.t(match kind {
        LetterKind::Activation => "helpdesk-letter-kind-activation",
        LetterKind::Reissue => "helpdesk-letter-kind-reissue",
        LetterKind::Recovery => "helpdesk-letter-kind-recovery",
    })
}

fn letter_line(tr: &Translator, letter: &LetterRecord) -> Html {
    let checked = (!letter.identity_check.is_empty()).then(|| {
        let names: Vec<String> =
            letter.identity_check.iter().map(|d| document_name(tr, *d)).collect();
        tr.t_args("helpdesk-letter-checked", [("documents", Arg::from(names.join(", ")))])
    });
    html! {
        <li class="letter" data-kind={format!("{:?}", letter.kind).to_lowercase()}>
            { tr.t_args("helpdesk-letter-row", [
                ("date", Arg::from(messages::date_time(tr, letter.issued_at))),
                ("kind", Arg::from(letter_kind(tr, letter.kind))),
            ]) }
            if let Some(checked) = checked {
                <br /><span class="muted">{ checked }</span>
            }
        </li>
    }
}

/// Props of [`RecordHelpdesk`].
#[derive(Properties, PartialEq)]
pub struct RecordHelpdeskProps {
    /// The record.
    pub patient: PatientSummary,
}

/// A record's helpdesk tools: its letters, unlocking a locked activation, a recovery letter.
#[component]
pub fn RecordHelpdesk(props: &RecordHelpdeskProps) -> Html {
    let i18n = use_i18n();
    let patient = &props.patient;
    let stem = format!("helpdesk-{}", patient.id);
    let letters = use_state(|| None::<Remote<Vec<LetterRecord>>>);
    let unlock = use_state(|| Act::Idle);
    let recovery = use_state(|| Act::Idle);
    let documents = use_state(Vec::<IdentityDocument>::new);

    let on_letters = {
        let letters = letters.clone();
        let id = patient.id;
        Callback::from(move |_: MouseEvent| {
            letters.set(Some(Remote::Loading));
            let letters = letters.clone();
            spawn_local(async move { letters.set(Some(api::helpdesk::letters(id).await.into())) });
        })
    };
    let on_unlock = {
        let unlock = unlock.clone();
        let id = patient.id;
        let done = i18n.t("helpdesk-unlocked");
        Callback::from(move |_: MouseEvent| {
            unlock.set(Act::Busy);
            let unlock = unlock.clone();
            let done = done.clone();
            spawn_local(async move {
                unlock.set(match api::helpdesk::unlock(id).await {
                    Ok(_) => Act::Done(done),
                    Err(failure) => Act::Failed(failure),
                });
            });
        })
    };
    let on_recovery = {
        let recovery = recovery.clone();
        let documents = documents.clone();
        let letters = letters.clone();
        let patient = patient.clone();
        let done = i18n.t("helpdesk-recovery-letter-done");
        Callback::from(move |_: MouseEvent| {
            if *recovery == Act::Busy {
                return;
            }
            recovery.set(Act::Busy);
            let recovery = recovery.clone();
            let letters = letters.clone();
            let check = IdentityCheck { documents: (*documents).clone() };
            let patient = patient.clone();
            let done = done.clone();
            spawn_local(async move {
                let outcome = match api::helpdesk::recovery_letter(patient.id, check).await {
                    Ok(file) => {
                        let name = file
                            .filename
                            .clone()
                            .unwrap_or_else(|| format!("dsp-letter-{}.pdf", patient.national_id));
                        if browser::save_file(&file.bytes, &name, &file.content_type) {
                            Act::Done(done)
                        } else {
                            Act::Failed(ApiFailure::Decode)
                        }
                    }
                    Err(failure) => Act::Failed(failure),
                };
                recovery.set(outcome);
                if letters.is_some() {
                    letters.set(Some(api::helpdesk::letters(patient.id).await.into()));
                }
            });
        })
    };
    let on_documents = {
        let documents = documents.clone();
        Callback::from(move |next: Vec<IdentityDocument>| documents.set(next))
    };

    let letters_view = match &*letters {
        None => html! {
            <button type="button" class="show-letters button-secondary" onclick={on_letters}>
                { i18n.t("helpdesk-letters-show") }
            </button>
        },
        Some(Remote::Loading) => crate::components::message::loading(&i18n),
        Some(Remote::Failed(failure)) => crate::components::message::failed(&i18n, failure),
        Some(Remote::Ready(rows)) if rows.is_empty() => {
            html! { <p class="muted letters">{ i18n.t("helpdesk-letters-none") }</p> }
        }
        Some(Remote::Ready(rows)) => html! {
            <ul class="letters">{ for rows.iter().map(|l| letter_line(&i18n, l)) }</ul>
        },
    };
    let (unlock_status, unlock_error) = unlock.status(&i18n);
    let (recovery_status, recovery_error) = recovery.status(&i18n);
    let unlocked = matches!(*unlock, Act::Done(_));
    html! {
        <details class="helpdesk-record">
            <summary>{ i18n.t("helpdesk-tools") }</summary>
            <h5>{ i18n.t("helpdesk-letters-heading") }</h5>
            { letters_view }
            if patient.activation_locked && !unlocked {
                <p class="field-hint" id={format!("{stem}-unlock-hint")}>{ i18n.t("helpdesk-unlock-hint") }</p>
                <button type="button" class="unlock-activation button-secondary" onclick={on_unlock}
                        aria-describedby={format!("{stem}-unlock-hint")}>
                    { i18n.t("helpdesk-unlock-button") }
                </button>
            }
            <StatusMessage text={unlock_status} />
            <ErrorMessage text={unlock_error} />
            if patient.record_state == RecordState::Activated {
                <h5>{ i18n.t("helpdesk-recovery-letter-heading") }</h5>
                <p class="field-hint">{ i18n.t("helpdesk-recovery-letter-hint") }</p>
                <IdentityDocs stem={format!("{stem}-doc")} selected={(*documents).clone()} on_change={on_documents} />
                <button type="button" class="recovery-letter button-secondary" onclick={on_recovery}
                        disabled={*recovery == Act::Busy}>
                    { i18n.t("helpdesk-recovery-letter-button") }
                </button>
                <StatusMessage text={recovery_status} />
                <ErrorMessage text={recovery_error} />
            }
        </details>
    }
}

/// Props of [`ProfessionalHelpdesk`].
#[derive(Properties, PartialEq)]
pub struct ProfessionalHelpdeskProps {
    /// The professional.
    pub professional: ProfessionalSummary,
}

/// A professional's helpdesk tools: licence suspension and reinstatement with a reason, a
/// recovery code after the identity check, their organisation.
#[component]
pub fn ProfessionalHelpdesk(props: &ProfessionalHelpdeskProps) -> Html {
    let i18n = use_i18n();
    let current = use_state(|| props.professional.clone());
    let professional = (*current).clone();
    let stem = format!("licence-{}", professional.id);
    let reason = use_state(String::new);
    let licence = use_state(|| Act::Idle);
    let documents = use_state(Vec::<IdentityDocument>::new);
    let recovery = use_state(|| Act::Idle);
    let issued = use_state(|| None::<EnrolmentCodeIssued>);
    let organisations = use_state(|| None::<Remote<Vec<OrganisationSummary>>>);
    let chosen = use_state(String::new);
    let assign = use_state(|| Act::Idle);
    let suspended = professional.state != "active";

    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |value: String| reason.set(value))
    };
    let on_licence = {
        let licence = licence.clone();
        let reason = reason.clone();
        let current = current.clone();
        let id = professional.id;
        let (done_suspended, done_reinstated) =
            (i18n.t("helpdesk-suspended-done"), i18n.t("helpdesk-reinstated-done"));
        Callback::from(move |_: MouseEvent| {
            if *licence == Act::Busy {
                return;
            }
            licence.set(Act::Busy);
            let licence = licence.clone();
            let reason = reason.clone();
            let current = current.clone();
            let (done_suspended, done_reinstated) =
                (done_suspended.clone(), done_reinstated.clone());
            spawn_local(async move {
                match api::helpdesk::change_licence(id, !suspended, (*reason).clone()).await {
                    Ok(fresh) => {
                        licence.set(Act::Done(if fresh.state == "active" {
                            done_reinstated
                        } else {
                            done_suspended
                        }));
                        reason.set(String::new());
                        current.set(fresh);
                    }
                    Err(failure) => licence.set(Act::Failed(failure)),
                }
            });
        })
    };
    let on_documents = {
        let documents = documents.clone();
        Callback::from(move |next: Vec<IdentityDocument>| documents.set(next))
    };
    let on_recovery = {
        let recovery = recovery.clone();
        let issued = issued.clone();
        let documents = documents.clone();
        let id = professional.id;
        Callback::from(move |_: MouseEvent| {
            if *recovery == Act::Busy {
                return;
            }
            recovery.set(Act::Busy);
            let recovery = recovery.clone();
            let issued = issued.clone();
            let check = IdentityCheck { documents: (*documents).clone() };
            spawn_local(async move {
                match api::helpdesk::professional_recovery(id, check).await {
                    Ok(code) => {
                        issued.set(Some(code));
                        recovery.set(Act::Idle);
                    }
                    Err(failure) => recovery.set(Act::Failed(failure)),
                }
            });
        })
    };
    let on_open_assign = {
        let organisations = organisations.clone();
        Callback::from(move |_: MouseEvent| {
            organisations.set(Some(Remote::Loading));
            let organisations = organisations.clone();
            spawn_local(async move {
                organisations.set(Some(api::agency::organisations().await.into()));
            });
        })
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |value: String| chosen.set(value))
    };
    let on_assign = {
        let assign = assign.clone();
        let chosen = chosen.clone();
        let current = current.clone();
        let id = professional.id;
        let tr = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(organisation) = chosen.parse::<uuid::Uuid>() else {
                return;
            };
            assign.set(Act::Busy);
            let assign = assign.clone();
            let current = current.clone();
            let tr = tr.clone();
            spawn_local(async move {
                match api::helpdesk::assign(id, OrganisationId(organisation)).await {
                    Ok(fresh) => {
                        let name =
                            fresh.organisation.as_ref().map(|o| o.name.clone()).unwrap_or_default();
                        assign.set(Act::Done(
                            tr.t_args("helpdesk-assigned", [("name", Arg::from(name))]),
                        ));
                        current.set(fresh);
                    }
                    Err(failure) => assign.set(Act::Failed(failure)),
                }
            });
        })
    };

    let (licence_status, licence_error) = licence.status(&i18n);
    let (_, recovery_error) = recovery.status(&i18n);
    let (assign_status, assign_error) = assign.status(&i18n);
    let issued_view = (*issued).as_ref().map(|code| html! {
        <div class="recovery-issued" role="status">
            <p class="warning">{ i18n.t("agency-issued-once") }</p>
            <dl class="facts">
                <div><dt>{ i18n.t("agency-issued-code") }</dt><dd><code class="code recovery-code">{ code.code.clone() }</code></dd></div>
                <div><dt>{ i18n.t("agency-issued-link") }</dt><dd><code class="link">{ code.link.clone() }</code></dd></div>
                <div><dt>{ i18n.t("agency-issued-expires") }</dt><dd>{ messages::date_time(&i18n, code.expires_at) }</dd></div>
            </dl>
            <p>{ i18n.t_args("agency-issued-revoked", [("count", code.revoked_credentials.into())]) }</p>
        </div>
    });
    let assign_view = match &*organisations {
        None => html! {
            <button type="button" class="open-assign button-secondary" onclick={on_open_assign}>
                { i18n.t("helpdesk-assign-open") }
            </button>
        },
        Some(Remote::Loading) => crate::components::message::loading(&i18n),
        Some(Remote::Failed(failure)) => crate::components::message::failed(&i18n, failure),
        Some(Remote::Ready(rows)) => {
            let choices: Vec<Choice> = rows
                .iter()
                .map(|o| Choice { value: o.id.to_string(), label: o.name.clone() })
                .collect();
            html! {
                <div class="assign">
                    <SelectField id={format!("{stem}-organisation")} label={i18n.t("helpdesk-assign-label")}
                        value={(*chosen).clone()} {choices} on_change={on_choose}
                        placeholder={i18n.t("field-choose")} />
                    <button type="button" class="assign-organisation button-secondary" onclick={on_assign}
                            disabled={chosen.is_empty() || *assign == Act::Busy}>
                        { i18n.t("helpdesk-assign-button") }
                    </button>
                </div>
            }
        }
    };
    html! {
        <details class="helpdesk-professional" data-licence-state={professional.state.clone()}>
            <summary>
                { i18n.t("helpdesk-tools") }{ " · " }
                <span class={classes!("badge", if suspended { "state-locked" } else { "state-activated" })}>
                    { i18n.t(if suspended { "helpdesk-licence-suspended" } else { "helpdesk-licence-active" }) }
                </span>
            </summary>
            <h5>{ i18n.t("helpdesk-licence-heading") }</h5>
            <p class="field-hint">{ i18n.t(if suspended { "helpdesk-reinstate-hint" } else { "helpdesk-suspend-hint" }) }</p>
            <TextField id={format!("{stem}-reason")} label={i18n.t("helpdesk-reason-label")}
                value={(*reason).clone()} on_input={on_reason} tone={Tone::Error} maxlength="500"
                autocomplete="off" required=true />
            <button type="button"
                    class={classes!(if suspended { "reinstate-licence" } else { "suspend-licence" },
                                    if suspended { "button-secondary" } else { "button-danger" })}
                    onclick={on_licence} disabled={reason.trim().is_empty() || *licence == Act::Busy}>
                { i18n.t(if suspended { "helpdesk-reinstate-button" } else { "helpdesk-suspend-button" }) }
            </button>
            <StatusMessage text={licence_status} />
            <ErrorMessage text={licence_error} />
            if !suspended {
                <h5>{ i18n.t("helpdesk-key-recovery-heading") }</h5>
                <p class="field-hint">{ i18n.t("helpdesk-key-recovery-hint") }</p>
                <IdentityDocs stem={format!("{stem}-doc")} selected={(*documents).clone()} on_change={on_documents} />
                <button type="button" class="key-recovery button-secondary" onclick={on_recovery}
                        disabled={*recovery == Act::Busy}>
                    { i18n.t("helpdesk-key-recovery-button") }
                </button>
                <ErrorMessage text={recovery_error} />
                { issued_view.unwrap_or_default() }
            }
            <h5>{ i18n.t("field-organisation") }</h5>
            <p class="current-organisation">{ professional.organisation.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "—".to_owned()) }</p>
            { assign_view }
            <StatusMessage text={assign_status} />
            <ErrorMessage text={assign_error} />
        </details>
    }
}
