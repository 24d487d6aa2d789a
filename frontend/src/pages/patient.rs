//! The patient area's landing page: what the patient portal will let a holder do.

use shared::Category;
use yew::prelude::*;

use super::{area_overview, use_page};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;

/// See the module documentation.
#[component]
pub fn PatientPage() -> Html {
    let i18n = use_i18n();
    use_page("patient-title");
    let abilities = vec![
        i18n.t("patient-read"),
        i18n.t("patient-decide"),
        i18n.t("patient-traces"),
        i18n.t("patient-close"),
        i18n.t("patient-signin"),
    ];
    html! {
        <article class="page">
            { area_overview(
                i18n.t("patient-heading"),
                i18n.t("patient-intro"),
                abilities,
                i18n.t("signin-coming"),
            ) }
            <section aria-labelledby="categories-heading">
                <h2 id="categories-heading">{ i18n.t("patient-categories-heading") }</h2>
                <ul class="columns">
                    { for Category::ALL.into_iter().map(|c| html! {
                        <li data-category={c.code()}>{ messages::category_name(&i18n, c) }</li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
