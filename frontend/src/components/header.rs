//! The site header: the product's name, the language switch, who is signed in (with the
//! sign-out button) and the main navigation.

use shared::Language;
use shared::api::auth::Role;
use yew::prelude::*;

use super::language_switch::LanguageSwitch;
use super::route_link::RouteLink;
use crate::app::Route;
use crate::i18n::context::use_i18n;
use crate::i18n::messages;

/// The signed-in person, as the header shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The name to show.
    pub display_name: String,
    /// Their role.
    pub role: Role,
}

/// Props of [`Header`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HeaderProps {
    /// The page being shown (`None` while the router has no match).
    pub current: Option<Route>,
    /// The language in use.
    pub language: Language,
    /// Called with the language the person picks.
    pub on_language: Callback<Language>,
    /// Who is signed in (`None`: nobody, or not known yet).
    #[prop_or_default]
    pub account: Option<Account>,
    /// Whether the session is still being checked (no sign-in link flashes meanwhile).
    #[prop_or_default]
    pub checking: bool,
    /// Called when the person signs out.
    #[prop_or_default]
    pub on_sign_out: Callback<()>,
    /// A sign-out is on its way.
    #[prop_or_default]
    pub signing_out: bool,
}

/// See the module documentation.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let item = |to: Route, label: String| {
        html! {
            <li>
                <RouteLink {to} current={props.current == Some(to)}>{ label }</RouteLink>
            </li>
        }
    };
    let account = match (&props.account, props.checking) {
        (Some(account), _) => {
            let onclick = props.on_sign_out.reform(|_: MouseEvent| ());
            html! {
                <div class="account">
                    <p class="account-name">
                        <span class="visually-hidden">{ i18n.t("account-signed-in-as") }{ " " }</span>
                        <span id="signed-in-as">{ account.display_name.clone() }</span>
                        <span class="account-role">{ messages::role_name(&i18n, account.role) }</span>
                    </p>
                    <button
                        id="sign-out-button"
                        type="button"
                        class="button-light"
                        {onclick}
                        disabled={props.signing_out}
                    >
                        { i18n.t("account-sign-out") }
                    </button>
                </div>
            }
        }
        (None, true) => html! {},
        (None, false) => html! {
            <div class="account">
                <RouteLink to={Route::SignIn} class="button-light" current={props.current == Some(Route::SignIn)}>
                    { i18n.t("account-sign-in") }
                </RouteLink>
            </div>
        },
    };
    html! {
        <header class="site-header">
            <div class="header-bar">
                <RouteLink to={Route::Home} class="brand">
                    <span class="brand-mark">{ i18n.t("app-name") }</span>
                    <span class="brand-name">{ i18n.t("app-tagline") }</span>
                </RouteLink>
                <div class="header-tools">
                    <LanguageSwitch
                        current={props.language}
                        on_select={props.on_language.clone()}
                        label={i18n.t("language-label")}
                    />
                    { account }
                </div>
            </div>
            <nav class="main-nav" aria-label={i18n.t("nav-label")}>
                <ul>
                    { item(Route::Home, i18n.t("nav-home")) }
                    { item(Route::Patient, i18n.t("nav-patient")) }
                    { item(Route::Professional, i18n.t("nav-professional")) }
                    { item(Route::Agency, i18n.t("nav-agency")) }
                    if props.account.is_some() {
                        { item(Route::Security, i18n.t("nav-security")) }
                    }
                </ul>
            </nav>
        </header>
    }
}
