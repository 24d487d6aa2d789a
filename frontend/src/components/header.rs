//! The site header: the product's name, the language switch, who is signed in (with the
//! sign-out button) and the main navigation: a visitor's way to the three areas, a signed-in
//! person's pages of their own role only ([`nav_items`]), the page being shown marked.

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

/// The main navigation's items, with their labels' keys: a visitor's way to the three areas;
/// a signed-in person's own pages only (a patient is not offered the professionals' and agency's
/// pages, nor they the patient's); nothing while the session is being checked, so that no other
/// area's link flashes.
#[must_use]
pub fn nav_items(role: Option<Role>, checking: bool) -> Vec<(Route, &'static str)> {
    match (role, checking) {
        (None, true) => Vec::new(),
        (None, false) => vec![
            (Route::Home, "nav-home"),
            (Route::Patient, "nav-patient"),
            (Route::Professional, "nav-professional"),
            (Route::Agency, "nav-agency"),
        ],
        (Some(Role::Patient), _) => vec![
            (Route::Patient, "patient-heading"),
            (Route::PatientDocuments, "documents-title"),
            (Route::PatientAccess, "care-title"),
            (Route::PatientHistory, "history-title"),
            (Route::PatientPersonalSpace, "personal-title"),
            (Route::PatientRecordLife, "life-nav"),
            (Route::Security, "nav-security"),
        ],
        (Some(Role::Professional), _) => {
            vec![
                (Route::Professional, "professional-heading"),
                (Route::ProfessionalWorklist, "worklist-title"),
                (Route::ProfessionalSoftware, "oauth-software-title"),
                (Route::Security, "nav-security"),
            ]
        }
        (Some(Role::Agent), _) => {
            vec![(Route::Agency, "agency-heading"), (Route::Security, "nav-security")]
        }
    }
}

/// See the module documentation.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let role = props.account.as_ref().map(|account| account.role);
    // A signed-in person's brand link leads to their own area, not to the page of all three.
    let brand = role.map_or(Route::Home, crate::session::home_of);
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
                <RouteLink to={brand} class="brand">
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
                    { for nav_items(role, props.checking).into_iter().map(|(to, key)| item(to, i18n.t(key))) }
                </ul>
            </nav>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(role: Option<Role>) -> Vec<Route> {
        nav_items(role, false).into_iter().map(|(route, _)| route).collect()
    }

    #[test]
    fn each_role_is_offered_its_own_pages_only() {
        let areas = [Route::Patient, Route::Professional, Route::Agency];
        assert_eq!(routes(None), [Route::Home, Route::Patient, Route::Professional, Route::Agency]);
        for (role, own) in [
            (Role::Patient, Route::Patient),
            (Role::Professional, Route::Professional),
            (Role::Agent, Route::Agency),
        ] {
            let offered = routes(Some(role));
            assert_eq!(offered[0], crate::session::home_of(role), "{role:?}");
            assert!(offered.contains(&Route::Security), "{role:?}");
            assert!(!offered.contains(&Route::Home), "{role:?}: the page of all three areas");
            for area in areas.into_iter().filter(|area| *area != own) {
                assert!(!offered.contains(&area), "{role:?} is offered {area:?}");
            }
            for route in offered {
                assert!(!route.is_public() || route == own, "{role:?}: {route:?}");
                if role != Role::Patient {
                    assert!(!matches!(
                        route,
                        Route::PatientDocuments | Route::PatientAccess | Route::PatientHistory
                    ));
                }
            }
        }
        assert!(nav_items(None, true).is_empty(), "no link before the session is known");
    }
}
