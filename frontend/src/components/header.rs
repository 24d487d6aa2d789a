//! The site header: the product's name, the language switch and the main navigation.

use shared::Language;
use yew::prelude::*;

use super::language_switch::LanguageSwitch;
use super::route_link::RouteLink;
use crate::app::Route;
use crate::i18n::context::use_i18n;

/// Props of [`Header`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HeaderProps {
    /// The page being shown (`None` while the router has no match).
    pub current: Option<Route>,
    /// The language in use.
    pub language: Language,
    /// Called with the language the person picks.
    pub on_language: Callback<Language>,
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
    html! {
        <header class="site-header">
            <div class="header-bar">
                <RouteLink to={Route::Home} class="brand">
                    <span class="brand-mark">{ i18n.t("app-name") }</span>
                    <span class="brand-name">{ i18n.t("app-tagline") }</span>
                </RouteLink>
                <LanguageSwitch
                    current={props.language}
                    on_select={props.on_language.clone()}
                    label={i18n.t("language-label")}
                />
            </div>
            <nav class="main-nav" aria-label={i18n.t("nav-label")}>
                <ul>
                    { item(Route::Home, i18n.t("nav-home")) }
                    { item(Route::Patient, i18n.t("nav-patient")) }
                    { item(Route::Professional, i18n.t("nav-professional")) }
                    { item(Route::Agency, i18n.t("nav-agency")) }
                </ul>
            </nav>
        </header>
    }
}
