//! The console's bulk opening: upload the insured-persons file, read the per-row report (a file
//! with an invalid row imports nothing), start, stop and resume the import, watch its progress
//! (polled every two seconds while it runs), and download the letters, one PDF per chunk.

use shared::api::imports::{
    ImportBatch, ImportBatchDetail, ImportRowError, ImportRowErrorCode, ImportState,
};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The message key of a batch's state.
#[must_use]
pub const fn state_key(state: ImportState) -> &'static str {
    match state {
        ImportState::Invalid => "import-state-invalid",
        ImportState::Ready => "import-state-ready",
        ImportState::Running => "import-state-running",
        ImportState::Paused => "import-state-paused",
        ImportState::Done => "import-state-done",
    }
}

/// The message key of a row error.
#[must_use]
pub const fn error_key(code: ImportRowErrorCode) -> &'static str {
    match code {
        ImportRowErrorCode::WrongFieldCount => "import-error-wrong-field-count",
        ImportRowErrorCode::Missing => "import-error-missing",
        ImportRowErrorCode::TooLong => "import-error-too-long",
        ImportRowErrorCode::NationalIdNotDigits => "import-error-national-id-not-digits",
        ImportRowErrorCode::NationalIdWrongLength => "import-error-national-id-wrong-length",
        ImportRowErrorCode::NationalIdInvalidBirthDate => {
            "import-error-national-id-invalid-birth-date"
        }
        ImportRowErrorCode::NationalIdLuhnMismatch => "import-error-national-id-luhn-mismatch",
        ImportRowErrorCode::NationalIdVerhoeffMismatch => {
            "import-error-national-id-verhoeff-mismatch"
        }
        ImportRowErrorCode::DuplicateInFile => "import-error-duplicate-in-file",
        ImportRowErrorCode::InvalidCountry => "import-error-invalid-country",
        ImportRowErrorCode::InvalidLanguage => "import-error-invalid-language",
    }
}

/// The message key of a column of the file.
#[must_use]
pub fn column_key(column: &str) -> &'static str {
    match column {
        "national_id" => "import-column-national-id",
        "given_name" => "import-column-given-name",
        "family_name" => "import-column-family-name",
        "street" => "import-column-street",
        "postal_code" => "import-column-postal-code",
        "city" => "import-column-city",
        "country" => "import-column-country",
        "language" => "import-column-language",
        _ => "import-column-row",
    }
}

/// What a batch's progress says: processed of valid rows, created, already there.
#[must_use]
pub fn progress_sentence(tr: &Translator, batch: &ImportBatch) -> String {
    tr.t_args(
        "import-progress",
        [
            ("processed", Arg::from(batch.processed)),
            ("rows", Arg::from(batch.rows)),
            ("created", Arg::from(batch.created)),
            ("existing", Arg::from(batch.already_there)),
        ],
    )
}

/// One refused value, as the report's row says it.
#[must_use]
pub fn error_sentence(tr: &Translator, error: &ImportRowError) -> String {
    tr.t(error_key(error.code))
}

/// The bulk-opening section of the console.
#[component]
pub fn ImportsPanel() -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<ImportBatch>>::Loading);
    let reload = use_state(|| 0u32);
    let open = use_state(|| None::<Uuid>);
    let sending = use_state(|| None::<(f64, f64)>);
    let upload_error = use_state(|| None::<ApiFailure>);
    let input = use_node_ref();

    {
        let list = list.clone();
        use_effect_with(*reload, move |_| {
            spawn_local(async move { list.set(api::imports::batches().await.into()) });
        });
    }

    let on_submit = {
        let input = input.clone();
        let sending = sending.clone();
        let upload_error = upload_error.clone();
        let open = open.clone();
        let reload = reload.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(file) = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|files| files.get(0))
            else {
                upload_error.set(Some(ApiFailure::Network));
                return;
            };
            let sending = sending.clone();
            let upload_error = upload_error.clone();
            let open = open.clone();
            let reload = reload.clone();
            sending.set(Some((0.0, file.size())));
            upload_error.set(None);
            spawn_local(async move {
                let progress = {
                    let sending = sending.clone();
                    Callback::from(move |p: (f64, f64)| sending.set(Some(p)))
                };
                let result = api::imports::upload(&file, progress).await;
                sending.set(None);
                match result {
                    Ok(batch) => {
                        open.set(Some(batch.id));
                        reload.set(*reload + 1);
                    }
                    Err(failure) => upload_error.set(Some(failure)),
                }
            });
        })
    };

    let batches = match &*list {
        Remote::Loading => html! { <p>{ i18n.t("import-loading") }</p> },
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(batches) if batches.is_empty() => html! { <p>{ i18n.t("import-none") }</p> },
        Remote::Ready(batches) => html! {
            <table class="import-batches">
                <caption>{ i18n.t("import-batches") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("import-file") }</th>
                    <th scope="col">{ i18n.t("import-uploaded") }</th>
                    <th scope="col">{ i18n.t("import-state") }</th>
                    <th scope="col">{ i18n.t("import-progress-heading") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("import-open") }</span></th>
                </tr></thead>
                <tbody>
                    { for batches.iter().map(|b| {
                        let id = b.id;
                        let on_open = { let open = open.clone(); Callback::from(move |_| open.set(Some(id))) };
                        html! {
                            <tr key={id.to_string()}>
                                <td>{ b.file_name.clone() }</td>
                                <td>{ messages::date_time(&i18n, b.uploaded_at) }</td>
                                <td>{ i18n.t(state_key(b.state)) }</td>
                                <td>{ progress_sentence(&i18n, b) }</td>
                                <td><button type="button" class="secondary" onclick={on_open}>{ i18n.t("import-open") }</button></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };

    let sending_status = (*sending).map(|(sent, total)| {
        let percent = if total > 0.0 { (sent / total * 100.0).round() } else { 0.0 };
        // Whole and within 0..=100: written as an integer (without the float formatter).
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0..=100")]
        let percent = percent as u32;
        i18n.t_args("import-sending", [("percent", Arg::from(percent.to_string()))])
    });

    html! {
        <section aria-labelledby="imports-heading">
            <h2 id="imports-heading">{ i18n.t("import-heading") }</h2>
            <p>{ i18n.t("import-intro") }</p>
            <p><code>{ shared::api::imports::COLUMNS.join(";") }</code></p>
            <p>{ i18n.t("import-rule") }</p>
            <form onsubmit={on_submit}>
                <label for="import-file">{ i18n.t("import-choose") }</label>
                <input id="import-file" type="file" accept=".csv,text/csv" ref={input} required=true />
                <button id="import-upload" type="submit" disabled={sending.is_some()}>{ i18n.t("import-upload") }</button>
            </form>
            <StatusMessage text={sending_status.map(AttrValue::from)} />
            <ErrorMessage text={(*upload_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
            if let Some(id) = *open {
                <BatchView key={id.to_string()} {id} on_change={
                    let reload = reload.clone();
                    Callback::from(move |()| reload.set(*reload + 1))
                } />
            }
            { batches }
        </section>
    }
}

/// Props of [`BatchView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct BatchViewProps {
    /// The batch shown.
    pub id: Uuid,
    /// Called when the batch moved (the list reloads).
    pub on_change: Callback<()>,
}

/// One batch: progress, actions, report, letters. Polls while the import runs.
#[component]
pub fn BatchView(props: &BatchViewProps) -> Html {
    let i18n = use_i18n();
    let detail = use_state(|| Remote::<ImportBatchDetail>::Loading);
    let tick = use_state(|| 0u32);
    let acting = use_state(|| false);
    let act_error = use_state(|| None::<ApiFailure>);
    let id = props.id;
    {
        let detail = detail.clone();
        use_effect_with((id, *tick), move |_| {
            spawn_local(async move { detail.set(api::imports::batch(id).await.into()) });
        });
    }
    let running = matches!(&*detail, Remote::Ready(d) if d.batch.state == ImportState::Running);
    {
        let tick = tick.clone();
        use_effect_with(running, move |running| {
            let tick = tick.clone();
            let interval = running
                .then(|| browser::Interval::every(2000, move || tick.set(*tick + 1)))
                .flatten();
            move || drop(interval)
        });
    }
    let act = |pause: bool| {
        let acting = acting.clone();
        let act_error = act_error.clone();
        let tick = tick.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_| {
            let acting = acting.clone();
            let act_error = act_error.clone();
            let tick = tick.clone();
            let on_change = on_change.clone();
            acting.set(true);
            spawn_local(async move {
                let result = if pause {
                    api::imports::pause(id).await
                } else {
                    api::imports::start(id).await
                };
                acting.set(false);
                act_error.set(result.err());
                tick.set(*tick + 1);
                on_change.emit(());
            });
        })
    };
    let body = match &*detail {
        Remote::Loading => html! { <p>{ i18n.t("import-loading") }</p> },
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(d) => {
            let b = &d.batch;
            let action = match b.state {
                ImportState::Ready => html! {
                    <button id="import-start" type="button" disabled={*acting} onclick={act(false)}>{ i18n.t("import-start") }</button>
                },
                ImportState::Paused => html! {
                    <button id="import-resume" type="button" disabled={*acting} onclick={act(false)}>{ i18n.t("import-resume") }</button>
                },
                ImportState::Running => html! {
                    <button id="import-pause" type="button" class="secondary" disabled={*acting} onclick={act(true)}>{ i18n.t("import-pause") }</button>
                },
                ImportState::Invalid | ImportState::Done => html! {},
            };
            let report = if d.errors.is_empty() {
                html! {}
            } else {
                html! {
                    <>
                    <p>{ i18n.t_args("import-report-summary", [
                        ("invalid", Arg::from(b.invalid_rows)),
                        ("errors", Arg::from(b.errors)),
                        ("shown", Arg::from(d.errors.len())),
                    ]) }</p>
                    <table class="import-report">
                        <caption>{ i18n.t("import-report") }</caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("import-row") }</th>
                            <th scope="col">{ i18n.t("import-column") }</th>
                            <th scope="col">{ i18n.t("import-problem") }</th>
                        </tr></thead>
                        <tbody>
                            { for d.errors.iter().map(|e| html! {
                                <tr>
                                    <td>{ e.row }</td>
                                    <td>{ i18n.t(column_key(&e.column)) }</td>
                                    <td data-code={e.code.as_str()}>{ error_sentence(&i18n, e) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </>
                }
            };
            let letters = if d.letters.is_empty() {
                html! {}
            } else {
                html! {
                    <>
                    <h4>{ i18n.t("import-letters") }</h4>
                    <ul class="import-letters">
                        { for d.letters.iter().map(|p| html! {
                            <li><a href={api::imports::letters_url(id, p.chunk)} download="">
                                { i18n.t_args("import-letters-pack", [
                                    ("chunk", Arg::from(p.chunk)),
                                    ("letters", Arg::from(p.letters)),
                                ]) }
                            </a></li>
                        }) }
                    </ul>
                    </>
                }
            };
            html! {
                <>
                <p><strong id="import-state" data-state={b.state.as_str()}>{ i18n.t(state_key(b.state)) }</strong>{ " · " }{ i18n.t_args("import-rows", [("rows", Arg::from(b.rows))]) }</p>
                if b.state != ImportState::Invalid {
                    <progress id="import-progress" max={b.rows.max(1).to_string()} value={b.processed.to_string()}
                        aria-label={i18n.t("import-progress-heading")} />
                    <p id="import-progress-text" role="status">{ progress_sentence(&i18n, b) }</p>
                }
                { action }
                <ErrorMessage text={(*act_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                { report }
                { letters }
                </>
            }
        }
    };
    let title = match &*detail {
        Remote::Ready(d) => d.batch.file_name.clone(),
        _ => String::new(),
    };
    html! {
        <section class="import-batch" aria-labelledby="import-batch-heading">
            <h3 id="import-batch-heading">{ i18n.t_args("import-batch-heading", [("file", Arg::from(title))]) }</h3>
            { body }
        </section>
    }
}
