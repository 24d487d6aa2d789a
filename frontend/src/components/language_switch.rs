//! The language switch: one toggle button per language, each named in its own language.

use shared::Language;
use yew::prelude::*;

/// Props of [`LanguageSwitch`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct LanguageSwitchProps {
    /// The language in use.
    pub current: Language,
    /// Called with the language the person picks.
    pub on_select: Callback<Language>,
    /// The group's accessible name ("Language", in the language in use).
    pub label: AttrValue,
}

/// See the module documentation.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let buttons = Language::ALL.into_iter().map(|language| {
        let pressed = language == props.current;
        let onclick = props.on_select.reform(move |_: MouseEvent| language);
        html! {
            <button
                type="button"
                data-lang={language.tag()}
                lang={language.tag()}
                aria-pressed={if pressed { "true" } else { "false" }}
                {onclick}
            >
                { language.endonym() }
            </button>
        }
    });
    html! {
        <div class="language-switch" role="group" aria-label={props.label.clone()}>
            { for buttons }
        </div>
    }
}
