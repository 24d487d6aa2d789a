//! The console's professional directory: search, add a professional, and issue an enrolment
//! code (shown once, with its link). A new code revokes the professional's registered keys, so
//! the console asks first when there are any.

use shared::api::agency::{EnrolmentCodeIssued, OrganisationSummary, ProfessionalSummary};
use shared::ids::ProfessionalId;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::helpdesk::ProfessionalHelpdesk;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::forms::{
    FormAction, ProfessionalField, ProfessionalForm, directory_professions, problem_of,
};
use crate::i18n::context::use_i18n;
use crate::i18n::{Translator, messages};

/// A code just issued, with whom it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Issued {
    name: String,
    code: EnrolmentCodeIssued,
}

/// Where the issuing of a code is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum IssueState {
    /// Waiting for the agent to confirm the revocation.
    Confirm(ProfessionalId),
    Busy(ProfessionalId),
    Failed(ProfessionalId, ApiFailure),
}

/// The professionals section of the console.
#[component]
pub fn ProfessionalsPanel() -> Html {
    let i18n = use_i18n();
    let search = use_state(String::new);
    let query = use_state(String::new);
    let list = use_state(|| Remote::<Vec<ProfessionalSummary>>::Loading);
    let organisations = use_state(|| Remote::<Vec<OrganisationSummary>>::Loading);
    let form = use_reducer(ProfessionalForm::default);
    let submitted = use_state(|| false);
    let creating = use_state(|| false);
    let create_error = use_state(|| None::<ApiFailure>);
    let created = use_state(|| None::<String>);
    let issue = use_state(|| None::<IssueState>);
    let issued = use_state(|| None::<Issued>);
    let copied = use_state(|| None::<String>);

    {
        let list = list.clone();
        use_effect_with((*query).clone(), move |q| {
            let q = q.clone();
            list.set(Remote::Loading);
            spawn_local(async move { list.set(api::agency::professionals(&q).await.into()) });
        });
    }
    {
        let organisations = organisations.clone();
        use_effect_with((), move |()| {
            spawn_local(
                async move { organisations.set(api::agency::organisations().await.into()) },
            );
        });
    }
    // The issued code takes focus, so that it is read out and can be copied at once.
    use_effect_with(issued.as_ref().map(|i| i.code.code.clone()), |code| {
        if code.is_some() {
            browser::focus_element("issued-enrolment-heading");
        }
    });

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
    let set = |field: ProfessionalField| {
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
                match api::agency::create_professional(&request).await {
                    Ok(professional) => {
                        created.set(Some(full_name(&professional)));
                        let mut rows = match &*list {
                            Remote::Ready(rows) => rows.clone(),
                            _ => Vec::new(),
                        };
                        rows.retain(|row| row.id != professional.id);
                        rows.insert(0, professional);
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

    // Issue a code: straight away for someone without keys or code, after a confirmation
    // otherwise (`confirmed`).
    let on_issue = {
        let issue = issue.clone();
        let issued = issued.clone();
        let list = list.clone();
        let copied = copied.clone();
        Callback::from(move |(professional, confirmed): (ProfessionalSummary, bool)| {
            if matches!(&*issue, Some(IssueState::Busy(_))) {
                return;
            }
            let revokes = professional.credentials > 0 || professional.enrolment_pending;
            if revokes && !confirmed {
                issue.set(Some(IssueState::Confirm(professional.id)));
                return;
            }
            issue.set(Some(IssueState::Busy(professional.id)));
            issued.set(None);
            copied.set(None);
            let issue = issue.clone();
            let issued = issued.clone();
            let list = list.clone();
            spawn_local(async move {
                match api::agency::issue_enrolment_code(professional.id).await {
                    Ok(code) => {
                        issue.set(None);
                        issued.set(Some(Issued { name: full_name(&professional), code }));
                        if let Remote::Ready(rows) = &*list {
                            let rows = rows.iter().map(|row| {
                                let mut row = row.clone();
                                if row.id == professional.id {
                                    row.credentials = 0;
                                    row.enrolment_pending = true;
                                }
                                row
                            });
                            list.set(Remote::Ready(rows.collect()));
                        }
                    }
                    Err(failure) => issue.set(Some(IssueState::Failed(professional.id, failure))),
                }
            });
        })
    };
    let on_cancel_issue = {
        let issue = issue.clone();
        Callback::from(move |()| issue.set(None))
    };
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |(what, text): (String, String)| {
            let copied = copied.clone();
            spawn_local(async move {
                let key = if browser::copy_text(&text).await { what } else { "failed".to_owned() };
                copied.set(Some(key));
            });
        })
    };
    let on_dismiss = {
        let issued = issued.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            issued.set(None);
            copied.set(None);
            browser::focus_element("professionals-heading");
        })
    };

    let problems =
        if *submitted { form.to_request().err().unwrap_or_default() } else { Vec::new() };
    let message = |field: ProfessionalField| {
        problem_of(&problems, field).map(|p| AttrValue::from(messages::field_problem(&i18n, p)))
    };
    let professions: Vec<Choice> = directory_professions()
        .into_iter()
        .map(|p| Choice { value: p.code().to_owned(), label: messages::profession_name(&i18n, p) })
        .collect();
    let organisation_choices: Vec<Choice> = match &*organisations {
        Remote::Ready(list) => {
            list.iter().map(|o| Choice { value: o.id.to_string(), label: o.name.clone() }).collect()
        }
        _ => Vec::new(),
    };
    let organisations_error = match &*organisations {
        Remote::Failed(failure) => Some(AttrValue::from(messages::api_failure(&i18n, failure))),
        _ => None,
    };

    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted" role="status">{ i18n.t("agency-no-professionals") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows" aria-labelledby="professionals-list-heading">
                { for rows.iter().map(|p| professional_row(&i18n, p, issue.as_ref(), &on_issue, &on_cancel_issue)) }
            </ul>
        },
    };

    let issued_panel = issued.as_ref().map(|issued| {
        let code = issued.code.code.clone();
        let link = issued.code.link.clone();
        let copy_code = on_copy.reform({
            let code = code.clone();
            move |_: MouseEvent| ("code".to_owned(), code.clone())
        });
        let copy_link = on_copy.reform({
            let link = link.clone();
            move |_: MouseEvent| ("link".to_owned(), link.clone())
        });
        let copied_text = match copied.as_deref() {
            Some("code") => Some(i18n.t("agency-copied-code")),
            Some("link") => Some(i18n.t("agency-copied-link")),
            Some(_) => Some(i18n.t("agency-copy-failed")),
            None => None,
        };
        html! {
            <section id="issued-enrolment" class="issued" aria-labelledby="issued-enrolment-heading">
                <h3 id="issued-enrolment-heading" tabindex="-1">
                    { i18n.t_args("agency-issued-heading", [("name", issued.name.clone().into())]) }
                </h3>
                <p class="warning">{ i18n.t("agency-issued-once") }</p>
                <dl class="facts issued-facts">
                    <div>
                        <dt>{ i18n.t("agency-issued-code") }</dt>
                        <dd>
                            <code id="issued-enrolment-code" class="code">{ code }</code>
                            <button type="button" class="button-secondary" onclick={copy_code}>
                                { i18n.t("agency-copy-code") }
                            </button>
                        </dd>
                    </div>
                    <div>
                        <dt>{ i18n.t("agency-issued-link") }</dt>
                        <dd>
                            <code id="issued-enrolment-link" class="link">{ link }</code>
                            <button type="button" class="button-secondary" onclick={copy_link}>
                                { i18n.t("agency-copy-link") }
                            </button>
                        </dd>
                    </div>
                    <div>
                        <dt>{ i18n.t("agency-issued-expires") }</dt>
                        <dd>{ messages::date_time(&i18n, issued.code.expires_at) }</dd>
                    </div>
                </dl>
                if issued.code.revoked_credentials > 0 {
                    <p>{ i18n.t_args("agency-issued-revoked", [("count", issued.code.revoked_credentials.into())]) }</p>
                }
                <StatusMessage text={copied_text.map(AttrValue::from)} />
                <button type="button" class="button-secondary" onclick={on_dismiss}>
                    { i18n.t("agency-issued-done") }
                </button>
            </section>
        }
    });

    html! {
        <section class="panel" aria-labelledby="professionals-heading">
            <h2 id="professionals-heading" tabindex="-1">{ i18n.t("agency-professionals-heading") }</h2>

            { issued_panel.unwrap_or_default() }

            <form class="search" role="search" onsubmit={on_search}>
                <TextField
                    id="professional-search"
                    label={i18n.t("agency-professional-search-label")}
                    value={(*search).clone()}
                    on_input={on_search_input}
                    input_type="search"
                    autocomplete="off"
                />
                <button type="submit" class="button-secondary">{ i18n.t("search-button") }</button>
            </form>
            <h3 id="professionals-list-heading" class="visually-hidden">{ i18n.t("agency-professionals-list") }</h3>
            { rows }

            <form class="form create" onsubmit={on_create} novalidate=true aria-labelledby="professional-create-heading">
                <h3 id="professional-create-heading">{ i18n.t("agency-professional-create-heading") }</h3>
                <div class="field-row">
                    <TextField
                        id={ProfessionalField::GivenName.id()}
                        label={i18n.t("field-given-name")}
                        value={form.given_name.clone()}
                        on_input={set(ProfessionalField::GivenName)}
                        message={message(ProfessionalField::GivenName)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                    />
                    <TextField
                        id={ProfessionalField::FamilyName.id()}
                        label={i18n.t("field-family-name")}
                        value={form.family_name.clone()}
                        on_input={set(ProfessionalField::FamilyName)}
                        message={message(ProfessionalField::FamilyName)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                    />
                </div>
                <div class="field-row">
                    <SelectField
                        id={ProfessionalField::Profession.id()}
                        label={i18n.t("field-profession")}
                        value={form.profession.clone()}
                        choices={professions}
                        on_change={set(ProfessionalField::Profession)}
                        placeholder={i18n.t("field-choose")}
                        message={message(ProfessionalField::Profession)}
                        required=true
                    />
                    <TextField
                        id={ProfessionalField::Licence.id()}
                        label={i18n.t("field-licence")}
                        value={form.licence.clone()}
                        on_input={set(ProfessionalField::Licence)}
                        message={message(ProfessionalField::Licence)}
                        tone={Tone::Error}
                        autocomplete="off"
                        required=true
                        code_like=true
                    />
                </div>
                <SelectField
                    id={ProfessionalField::Organisation.id()}
                    label={i18n.t("field-organisation")}
                    value={form.organisation.clone()}
                    choices={organisation_choices}
                    on_change={set(ProfessionalField::Organisation)}
                    placeholder={i18n.t("field-choose")}
                    message={message(ProfessionalField::Organisation).or(organisations_error)}
                    required=true
                />
                <div class="actions">
                    <button
                        id="professional-create-button"
                        type="submit"
                        class="button-primary"
                        disabled={*creating}
                        aria-describedby="professional-create-error"
                    >
                        { i18n.t("agency-professional-create-button") }
                    </button>
                </div>
                <ErrorMessage
                    id="professional-create-error"
                    text={(*create_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))}
                />
                <StatusMessage
                    id="professional-create-status"
                    text={(*created).as_ref().map(|name| AttrValue::from(
                        i18n.t_args("agency-professional-created", [("name", name.clone().into())])
                    ))}
                />
            </form>
        </section>
    }
}

fn full_name(professional: &ProfessionalSummary) -> String {
    format!("{} {}", professional.given_name, professional.family_name)
}

fn professional_row(
    i18n: &Translator,
    professional: &ProfessionalSummary,
    issue: Option<&IssueState>,
    on_issue: &Callback<(ProfessionalSummary, bool)>,
    on_cancel: &Callback<()>,
) -> Html {
    let id = professional.id.to_string();
    let issue_click = {
        let professional = professional.clone();
        on_issue.reform(move |_: MouseEvent| (professional.clone(), false))
    };
    let confirm_click = {
        let professional = professional.clone();
        on_issue.reform(move |_: MouseEvent| (professional.clone(), true))
    };
    let cancel_click = on_cancel.reform(|_: MouseEvent| ());
    let confirming = matches!(issue, Some(IssueState::Confirm(pid)) if *pid == professional.id);
    let busy = matches!(issue, Some(IssueState::Busy(pid)) if *pid == professional.id);
    let error = match issue {
        Some(IssueState::Failed(pid, failure)) if *pid == professional.id => {
            Some(AttrValue::from(messages::api_failure(i18n, failure)))
        }
        _ => None,
    };
    let warning_id = format!("issue-warning-{id}");
    let warning = if professional.credentials > 0 {
        i18n.t_args("agency-issue-revokes", [("count", professional.credentials.into())])
    } else {
        i18n.t("agency-issue-replaces")
    };
    let enrolment = if professional.enrolment_pending {
        i18n.t("agency-enrolment-pending")
    } else {
        i18n.t("agency-enrolment-none")
    };
    html! {
        <li class="row" data-professional-id={id.clone()} data-licence={professional.licence_number.clone()}>
            <div class="row-main">
                <h4>{ full_name(professional) }</h4>
                <dl class="facts">
                    <div><dt>{ i18n.t("field-profession") }</dt><dd>{ messages::profession_name(i18n, professional.profession) }</dd></div>
                    <div><dt>{ i18n.t("field-licence") }</dt><dd class="mono">{ professional.licence_number.clone() }</dd></div>
                    <div>
                        <dt>{ i18n.t("field-organisation") }</dt>
                        <dd>{ professional.organisation.as_ref().map(|o| o.name.clone()).unwrap_or_else(|| "—".to_owned()) }</dd>
                    </div>
                    <div>
                        <dt>{ i18n.t("agency-keys") }</dt>
                        <dd>{ i18n.t_args("agency-keys-count", [("count", professional.credentials.into())]) }{ " · " }{ enrolment }</dd>
                    </div>
                </dl>
            </div>
            <div class="row-actions">
                if confirming {
                    <div class="confirm" role="group" aria-labelledby={warning_id.clone()}>
                        <p id={warning_id} class="warning">{ warning }</p>
                        <button type="button" class="confirm-issue-enrolment-code button-danger" onclick={confirm_click}>
                            { i18n.t("agency-issue-confirm") }
                        </button>
                        <button type="button" class="button-secondary" onclick={cancel_click}>
                            { i18n.t("cancel") }
                        </button>
                    </div>
                } else {
                    <button type="button" class="issue-enrolment-code button-secondary" onclick={issue_click} disabled={busy}>
                        { i18n.t("agency-issue-code") }
                    </button>
                }
                <StatusMessage text={busy.then(|| AttrValue::from(i18n.t("agency-issue-busy")))} />
                <ErrorMessage text={error} />
            </div>
            <ProfessionalHelpdesk key={format!("licence-{id}")} professional={professional.clone()} />
        </li>
    }
}
