//! Live regions for the outcome of an action: an error (`role="alert"`, read out at once) and a
//! status (`role="status"`, read out politely). Both stay in the page while empty, so that
//! screen readers notice when text appears in them.

use yew::prelude::*;

/// Props of [`ErrorMessage`] and [`StatusMessage`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct MessageProps {
    /// The text; `None` leaves the region empty.
    pub text: Option<AttrValue>,
    /// Optional id (for `aria-describedby` or focus).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// An error about the last action.
#[component]
pub fn ErrorMessage(props: &MessageProps) -> Html {
    html! {
        <div id={props.id.clone()} class="alert" role="alert">
            if let Some(text) = &props.text { <p>{ text.clone() }</p> }
        </div>
    }
}

/// Progress or success of the last action.
#[component]
pub fn StatusMessage(props: &MessageProps) -> Html {
    html! {
        <div id={props.id.clone()} class="status" role="status">
            if let Some(text) = &props.text { <p>{ text.clone() }</p> }
        </div>
    }
}

/// "Loading…" while a list or a record is on its way (one copy for every page that waits).
pub fn loading(i18n: &crate::i18n::Translator) -> Html {
    html! { <p class="status" role="status">{ i18n.t("loading") }</p> }
}

/// Why a list or a record could not be loaded, as an [`ErrorMessage`] (one copy for every page).
pub fn failed(i18n: &crate::i18n::Translator, failure: &crate::api::ApiFailure) -> Html {
    html! { <ErrorMessage text={AttrValue::from(crate::i18n::messages::api_failure(i18n, failure))} /> }
}
