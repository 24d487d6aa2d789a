//! The agency area's landing page: what the console will let the agency's agents do.

use yew::prelude::*;

use super::{area_overview, use_page};
use crate::i18n::context::use_i18n;

/// See the module documentation.
#[component]
pub fn AgencyPage() -> Html {
    let i18n = use_i18n();
    use_page("agency-title");
    let abilities = vec![
        i18n.t("agency-open"),
        i18n.t("agency-directory"),
        i18n.t("agency-close"),
        i18n.t("agency-recover"),
        i18n.t("agency-signin"),
    ];
    html! {
        <article class="page">
            { area_overview(
                i18n.t("agency-heading"),
                i18n.t("agency-intro"),
                abilities,
                i18n.t("signin-coming"),
            ) }
        </article>
    }
}
