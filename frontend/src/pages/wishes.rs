//! Declared wishes (organ donation, advance directives): how one reads ([`WishView`]), the
//! banner on a professional's record page ([`WishesBanner`]), and the patient's form for one
//! declaration ([`WishEditor`]): a choice, its limits, a trusted person with a phone number, the
//! date; saving files a new version, withdrawing too; earlier versions stay readable.

use shared::api::wishes::{
    PersonalWishes, TrustedPerson, WishChoice, WishError, WishForm, WishKind, WishVersion,
};
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::date_field::DateField;
use crate::components::field::{TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::forms::{iso_date, parse_iso_date};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The catalogue key of a declaration's name.
#[must_use]
pub const fn kind_key(kind: WishKind) -> &'static str {
    match kind {
        WishKind::OrganDonation => "wish-kind-organ-donation",
        WishKind::AdvanceDirective => "wish-kind-advance-directive",
    }
}

/// The catalogue key of a choice, as it reads for `kind`.
#[must_use]
pub const fn choice_key(kind: WishKind, choice: WishChoice) -> &'static str {
    match (kind, choice) {
        (_, WishChoice::DonateAll) => "wish-choice-donate-all",
        (_, WishChoice::DonateExcept) => "wish-choice-donate-except",
        (_, WishChoice::DonateOnly) => "wish-choice-donate-only",
        (_, WishChoice::DoNotDonate) => "wish-choice-do-not-donate",
        (WishKind::OrganDonation, WishChoice::TrustedPersonDecides) => {
            "wish-choice-trusted-person-decides-donation"
        }
        (WishKind::AdvanceDirective, WishChoice::TrustedPersonDecides) => {
            "wish-choice-trusted-person-decides-treatment"
        }
        (_, WishChoice::AllTreatment) => "wish-choice-all-treatment",
        (_, WishChoice::LimitTreatment) => "wish-choice-limit-treatment",
        (_, WishChoice::ComfortCareOnly) => "wish-choice-comfort-care-only",
    }
}

/// The message for a form the rules refuse (the same words as the server's code).
#[must_use]
pub fn form_error(tr: &Translator, error: WishError) -> String {
    tr.t(&error.code().message_key())
}

/// The form as typed, normalised: `None` until a choice and a valid date are given.
#[must_use]
pub fn form_of(
    choice: Option<WishChoice>,
    limits: &str,
    trusted: (&str, &str, &str),
    date: &str,
) -> Option<WishForm> {
    let (name, relation, phone) = trusted;
    let form = WishForm {
        choice: choice?,
        limits: limits.to_owned(),
        trusted_person: Some(TrustedPerson {
            name: name.to_owned(),
            relation: relation.to_owned(),
            phone: phone.to_owned(),
        }),
        signed_on: parse_iso_date(date)?,
    };
    Some(form.normalised())
}

/// Props of [`WishView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct WishViewProps {
    /// The version to show.
    pub version: WishVersion,
}

/// One declaration as it reads: the choice, its limits, the trusted person, the date and
/// version. A withdrawal says so.
#[component]
pub fn WishView(props: &WishViewProps) -> Html {
    let i18n = use_i18n();
    let v = &props.version;
    let meta = i18n.t_args(
        "wish-version-line",
        [
            ("version", Arg::from(v.version)),
            ("date", Arg::from(messages::date_only(&i18n, v.recorded_at))),
        ],
    );
    let Some(form) = &v.form else {
        return html! {
            <div class="wish-view">
                <p class="wish-choice">{ i18n.t("wish-withdrawn") }</p>
                <p class="muted">{ meta }</p>
            </div>
        };
    };
    let signed = i18n.t_args("wish-signed-on", [("date", Arg::from(i18n.date(form.signed_on)))]);
    html! {
        <div class="wish-view">
            <p class="wish-choice"><strong>{ i18n.t(choice_key(v.kind, form.choice)) }</strong></p>
            if !form.limits.is_empty() {
                <p class="wish-limits">
                    { i18n.t("wish-limits-label") }{ ": " }{ form.limits.clone() }
                </p>
            }
            if let Some(p) = &form.trusted_person {
                <p class="wish-trusted">
                    { i18n.t("wish-trusted-label") }{ ": " }{ p.name.clone() }
                    if !p.relation.is_empty() { { format!(" ({})", p.relation) } }
                    { " · " }
                    <a href={format!("tel:{}", p.phone.replace(' ', ""))}>{ p.phone.clone() }</a>
                </p>
            }
            <p class="muted">{ signed }{ " · " }{ meta }</p>
        </div>
    }
}

/// Props of [`WishesBanner`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct WishesBannerProps {
    /// The record.
    pub patient: PatientId,
    /// Changes when the record's access may have changed (after an emergency access).
    #[prop_or_default]
    pub generation: u32,
}

/// On a professional's record page: the patient's declared wishes in force, at the top. Shows
/// nothing when the record is out of reach (the page says so).
#[component]
pub fn WishesBanner(props: &WishesBannerProps) -> Html {
    let i18n = use_i18n();
    let wishes = use_state(|| Remote::<PersonalWishes>::Loading);
    {
        let wishes = wishes.clone();
        use_effect_with((props.patient, props.generation), move |(patient, _)| {
            let patient = *patient;
            spawn_local(async move { wishes.set(api::wishes::for_record(patient).await.into()) });
        });
    }
    let Remote::Ready(found) = &*wishes else { return Html::default() };
    let declared: Vec<&WishVersion> = WishKind::ALL.iter().filter_map(|k| found.of(*k)).collect();
    html! {
        <section id="wishes-banner" class="panel wishes-banner" aria-labelledby="wishes-banner-heading">
            <h2 id="wishes-banner-heading">{ i18n.t("wishes-banner-heading") }</h2>
            if declared.is_empty() {
                <p class="muted">{ i18n.t("wishes-banner-none") }</p>
            }
            { for declared.into_iter().map(|v| html! {
                <div class="wish" data-wish={v.kind.code()}>
                    <h3>{ i18n.t(kind_key(v.kind)) }</h3>
                    <WishView version={v.clone()} />
                </div>
            }) }
        </section>
    }
}

/// Props of [`WishEditor`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct WishEditorProps {
    /// Which declaration.
    pub kind: WishKind,
    /// Its newest version, if any.
    pub current: Option<WishVersion>,
    /// Called with the version the server filed.
    pub on_saved: Callback<WishVersion>,
}

/// The patient's form for one declaration.
#[component]
pub fn WishEditor(props: &WishEditorProps) -> Html {
    let i18n = use_i18n();
    let kind = props.kind;
    let code = kind.code();
    let in_force = props.current.as_ref().and_then(|v| v.form.clone());
    let choice = use_state(|| in_force.as_ref().map(|f| f.choice));
    let limits = use_state(|| in_force.as_ref().map(|f| f.limits.clone()).unwrap_or_default());
    let person = in_force.as_ref().and_then(|f| f.trusted_person.clone());
    let name = use_state(|| person.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let relation = use_state(|| person.as_ref().map(|p| p.relation.clone()).unwrap_or_default());
    let phone = use_state(|| person.as_ref().map(|p| p.phone.clone()).unwrap_or_default());
    let date =
        use_state(|| iso_date(in_force.as_ref().map_or_else(browser::today, |f| f.signed_on)));
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<&'static str, String>>);
    let versions = use_state(|| None::<Remote<Vec<WishVersion>>>);

    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let on_limits = {
        let limits = limits.clone();
        Callback::from(move |e: InputEvent| {
            limits.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let finish = {
        let busy = busy.clone();
        let outcome = outcome.clone();
        let versions = versions.clone();
        let on_saved = props.on_saved.clone();
        let i18n = i18n.clone();
        move |result: Result<WishVersion, ApiFailure>, done: &'static str| {
            match result {
                Ok(saved) => {
                    outcome.set(Some(Ok(done)));
                    versions.set(None);
                    on_saved.emit(saved);
                }
                Err(failure) => outcome.set(Some(Err(messages::api_failure(&i18n, &failure)))),
            }
            busy.set(false);
        }
    };
    let onsubmit = {
        let (choice, limits, name, relation, phone, date) = (
            choice.clone(),
            limits.clone(),
            name.clone(),
            relation.clone(),
            phone.clone(),
            date.clone(),
        );
        let busy = busy.clone();
        let outcome = outcome.clone();
        let i18n = i18n.clone();
        let finish = finish.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let Some(form) = form_of(*choice, &limits, (&name, &relation, &phone), &date) else {
                let key =
                    if choice.is_none() { "wish-choice-required" } else { "field-invalid-date" };
                outcome.set(Some(Err(i18n.t(key))));
                return;
            };
            // The server says the same; checking here keeps the person on their words.
            if let Err(error) = form.check(kind, browser::today()) {
                outcome.set(Some(Err(form_error(&i18n, error))));
                return;
            }
            busy.set(true);
            outcome.set(None);
            let finish = finish.clone();
            spawn_local(async move {
                finish(api::wishes::record(kind, &form).await, "wish-saved");
            });
        })
    };
    let on_withdraw = {
        let busy = busy.clone();
        let finish = finish.clone();
        let choice = choice.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let finish = finish.clone();
            let choice = choice.clone();
            spawn_local(async move {
                let result = api::wishes::withdraw(kind).await;
                if result.is_ok() {
                    choice.set(None);
                }
                finish(result, "wish-withdrawn-done");
            });
        })
    };
    let on_versions = {
        let versions = versions.clone();
        Callback::from(move |_: MouseEvent| {
            versions.set(Some(Remote::Loading));
            let versions = versions.clone();
            spawn_local(
                async move { versions.set(Some(api::wishes::versions(kind).await.into())) },
            );
        })
    };
    let status = match &*outcome {
        Some(Ok(key)) => Some(AttrValue::from(i18n.t(key))),
        _ => None,
    };
    let error = match &*outcome {
        Some(Err(text)) => Some(AttrValue::from(text.clone())),
        _ => None,
    };
    let limits_id = format!("wish-{code}-limits");
    let date_id = format!("wish-{code}-date");
    let history = match &*versions {
        None => Html::default(),
        Some(Remote::Loading) => html! { <p role="status">{ i18n.t("loading") }</p> },
        Some(Remote::Failed(f)) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, f))} /> }
        }
        Some(Remote::Ready(list)) => html! {
            <ol class="wish-versions" aria-label={i18n.t("wish-versions-heading")}>
                { for list.iter().map(|v| html! {
                    <li data-version={v.version.to_string()}><WishView version={v.clone()} /></li>
                }) }
            </ol>
        },
    };
    html! {
        <section class="panel wish-editor" data-wish={code} aria-labelledby={format!("wish-{code}-heading")}>
            <h2 id={format!("wish-{code}-heading")}>{ i18n.t(kind_key(kind)) }</h2>
            <p>{ i18n.t(match kind {
                WishKind::OrganDonation => "wish-organ-donation-explain",
                WishKind::AdvanceDirective => "wish-advance-directive-explain",
            }) }</p>
            if let Some(current) = &props.current {
                <div class="wish-current">
                    <h3>{ i18n.t("wish-current-heading") }</h3>
                    <WishView version={current.clone()} />
                </div>
            }
            <form class="form" {onsubmit} novalidate=true>
                <fieldset class="choices">
                    <legend>{ i18n.t("wish-choice-legend") }</legend>
                    { for kind.choices().iter().map(|c| {
                        let id = format!("wish-{code}-{}", c.code());
                        let onchange = {
                            let choice = choice.clone();
                            let c = *c;
                            Callback::from(move |_: Event| choice.set(Some(c)))
                        };
                        html! {
                            <div class="choice">
                                <input type="radio" id={id.clone()} name={format!("wish-{code}-choice")}
                                    value={c.code()} checked={*choice == Some(*c)} {onchange} />
                                <label for={id}>{ i18n.t(choice_key(kind, *c)) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <div class="field">
                    <label for={limits_id.clone()}>{ i18n.t("wish-limits-label") }</label>
                    <p id={format!("{limits_id}-hint")} class="field-hint">{ i18n.t(match kind {
                        WishKind::OrganDonation => "wish-limits-hint-donation",
                        WishKind::AdvanceDirective => "wish-limits-hint-treatment",
                    }) }</p>
                    <textarea id={limits_id.clone()} rows="3" maxlength="2000"
                        aria-describedby={format!("{limits_id}-hint")}
                        value={(*limits).clone()} oninput={on_limits} />
                </div>
                <fieldset class="trusted">
                    <legend>{ i18n.t("wish-trusted-legend") }</legend>
                    <TextField id={format!("wish-{code}-trusted-name")} label={i18n.t("wish-trusted-name")}
                        value={(*name).clone()} on_input={set(&name)} autocomplete="off" maxlength="120" />
                    <TextField id={format!("wish-{code}-trusted-relation")} label={i18n.t("wish-trusted-relation")}
                        value={(*relation).clone()} on_input={set(&relation)} maxlength="120" />
                    <TextField id={format!("wish-{code}-trusted-phone")} label={i18n.t("wish-trusted-phone")}
                        value={(*phone).clone()} on_input={set(&phone)} input_type="tel"
                        autocomplete="off" maxlength="32" />
                </fieldset>
                <DateField id={date_id} label={i18n.t("wish-date-label")} value={(*date).clone()}
                    on_input={set(&date)} tone={Tone::Error} required=true />
                <div class="actions">
                    <button type="submit" class="button-primary wish-save" disabled={*busy}>
                        { i18n.t("wish-save") }
                    </button>
                    if in_force.is_some() {
                        <button type="button" class="button-secondary wish-withdraw" disabled={*busy}
                            onclick={on_withdraw}>
                            { i18n.t("wish-withdraw") }
                        </button>
                    }
                    if props.current.is_some() {
                        <button type="button" class="button-secondary wish-history" onclick={on_versions}>
                            { i18n.t("wish-versions-heading") }
                        </button>
                    }
                </div>
            </form>
            <StatusMessage text={status} />
            <ErrorMessage text={error} />
            { history }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;

    #[test]
    fn every_choice_reads_in_every_language() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            for kind in WishKind::ALL {
                assert_ne!(tr.t(kind_key(kind)), kind_key(kind));
                for choice in kind.choices() {
                    let key = choice_key(kind, *choice);
                    assert_ne!(tr.t(key), key, "{language:?} {key}");
                }
            }
            for error in [
                WishError::ChoiceOfAnotherKind,
                WishError::LimitsRequired,
                WishError::TrustedPersonIncomplete,
                WishError::DateInFuture,
            ] {
                assert!(!form_error(&tr, error).starts_with("error-"), "{language:?} {error:?}");
            }
        }
    }

    #[test]
    fn the_typed_form_becomes_the_request() {
        assert_eq!(form_of(None, "", ("", "", ""), "2026-11-30"), None);
        assert_eq!(form_of(Some(WishChoice::DonateAll), "", ("", "", ""), "30.11.2026"), None);
        let form =
            form_of(Some(WishChoice::DonateOnly), " reins ", ("", " ", ""), "2026-11-30").unwrap();
        assert_eq!(form.limits, "reins");
        assert_eq!(form.trusted_person, None);
        let form = form_of(
            Some(WishChoice::TrustedPersonDecides),
            "",
            ("Anne Weber", "sœur", "+352 621 123 456"),
            "2026-11-30",
        )
        .unwrap();
        assert_eq!(form.trusted_person.unwrap().phone, "+352 621 123 456");
    }
}
