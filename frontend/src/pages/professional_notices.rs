//! What the agency tells a signed-in professional: their security keys replaced after a lost-key
//! recovery, their licence reinstated. Shown on their home page, newest first.

use shared::api::helpdesk::ProfessionalNotice;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, Remote};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};

/// See the module documentation. Shows nothing when there is nothing to tell.
#[component]
pub fn ProfessionalNotices() -> Html {
    let i18n = use_i18n();
    let notices = use_state(|| Remote::<Vec<ProfessionalNotice>>::Loading);
    {
        let notices = notices.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { notices.set(api::helpdesk::notices().await.into()) });
        });
    }
    let Remote::Ready(rows) = &*notices else {
        return Html::default();
    };
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <section class="panel notices" aria-labelledby="professional-notices-heading">
            <h2 id="professional-notices-heading">{ i18n.t("helpdesk-notices-heading") }</h2>
            <ul>
                { for rows.iter().map(|n| {
                    let date = Arg::from(messages::date_time(&i18n, n.created_at));
                    let text = match n.kind.as_str() {
                        "key_recovery" => i18n.t_args("helpdesk-notice-key-recovery", [("date", date)]),
                        "licence_reinstated" => i18n.t_args("helpdesk-notice-licence-reinstated", [("date", date)]),
                        _ => n.kind.replace('_', " "),
                    };
                    html! { <li class="notice" data-kind={n.kind.clone()}>{ text }</li> }
                }) }
            </ul>
        </section>
    }
}
