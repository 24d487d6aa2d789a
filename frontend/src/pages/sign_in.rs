//! `/sign-in`: one button for a discoverable sign-in with a passkey or security key; then to the
//! area of the person's role. Says so when a session has just ended or the person signed out.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{CeremonyProgress, use_page};
use crate::app::Route;
use crate::auth::{self, FlowError, flows};
use crate::components::message::ErrorMessage;
use crate::components::route_link::RouteLink;
use crate::forms::query_flag;
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::router::{use_location, use_navigator};
use crate::session::{SessionState, home_of, use_session};

/// See the module documentation.
#[component]
pub fn SignInPage() -> Html {
    let i18n = use_i18n();
    use_page("sign-in-title");
    let session = use_session();
    let navigator = use_navigator();
    let query = use_location().map(|l| l.query_str().to_owned()).unwrap_or_default();
    let busy = use_state(|| false);
    let error = use_state(|| None::<FlowError>);
    let supported = use_memo((), |()| auth::supported());

    let expired = query_flag(&query, "expired")
        || matches!(session.state(), SessionState::SignedOut { expired: true });
    let notice = if expired {
        Some(i18n.t("sign-in-expired"))
    } else if query_flag(&query, "signed-out") {
        Some(i18n.t("sign-in-signed-out"))
    } else {
        None
    };

    let onclick = {
        let busy = busy.clone();
        let error = error.clone();
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                match flows::sign_in().await {
                    Ok(info) => {
                        let home = home_of(info.role);
                        session.signed_in(info);
                        busy.set(false);
                        if let Some(navigator) = navigator {
                            navigator.push(&home);
                        }
                    }
                    Err(failure) => {
                        error.set(Some(failure));
                        busy.set(false);
                    }
                }
            });
        })
    };
    let error_text = (*error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)));
    let unsupported = (!*supported).then(|| AttrValue::from(i18n.t("ceremony-unsupported")));

    html! {
        <article class="page narrow">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("sign-in-heading") }</h1>
            if let Some(notice) = notice {
                <p class="notice" role="status" id="sign-in-notice">{ notice }</p>
            }
            if let Some(info) = session.info() {
                <p class="notice">
                    { i18n.t_args("sign-in-already", [("name", info.display_name.clone().into())]) }
                    { " " }
                    <RouteLink to={home_of(info.role)}>{ i18n.t("sign-in-go-to-area") }</RouteLink>
                </p>
            }
            <p class="lead">{ i18n.t("sign-in-intro") }</p>
            <div class="actions">
                <button
                    id="sign-in-button"
                    type="button"
                    class="button-primary"
                    {onclick}
                    disabled={*busy}
                    aria-describedby="sign-in-error"
                >
                    { i18n.t("sign-in-button") }
                </button>
            </div>
            <CeremonyProgress busy={*busy} />
            <ErrorMessage id="sign-in-error" text={error_text.or(unsupported)} />
            <section class="help" aria-labelledby="sign-in-first-time">
                <h2 id="sign-in-first-time">{ i18n.t("sign-in-first-time") }</h2>
                <ul class="link-list">
                    <li>
                        <RouteLink to={Route::Activate}>{ i18n.t("sign-in-activate-link") }</RouteLink>
                        <span class="muted">{ " — " }{ i18n.t("sign-in-activate-text") }</span>
                    </li>
                    <li>
                        <RouteLink to={Route::Enrol}>{ i18n.t("sign-in-enrol-link") }</RouteLink>
                        <span class="muted">{ " — " }{ i18n.t("sign-in-enrol-text") }</span>
                    </li>
                </ul>
            </section>
        </article>
    }
}
