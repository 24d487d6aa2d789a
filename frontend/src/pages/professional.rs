//! The professional area's landing page: what the portal will let a health professional do.

use shared::Profession;
use yew::prelude::*;

use super::{area_overview, use_page};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;

/// See the module documentation.
#[component]
pub fn ProfessionalPage() -> Html {
    let i18n = use_i18n();
    use_page("professional-title");
    let abilities = vec![
        i18n.t("professional-find"),
        i18n.t("professional-read"),
        i18n.t("professional-file"),
        i18n.t("professional-signin"),
    ];
    html! {
        <article class="page">
            { area_overview(
                i18n.t("professional-heading"),
                i18n.t("professional-intro"),
                abilities,
                i18n.t("signin-coming"),
            ) }
            <section aria-labelledby="professions-heading">
                <h2 id="professions-heading">{ i18n.t("professional-professions-heading") }</h2>
                <ul class="columns">
                    { for Profession::ALL.into_iter().map(|p| html! {
                        <li data-profession={p.code()}>{ messages::profession_name(&i18n, p) }</li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
