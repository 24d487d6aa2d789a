//! A date that a person types in the page's language (see [`crate::i18n::typed_date`]), in place
//! of `<input type=date>`, whose format follows the browser's locale. The field shows the
//! language's format as a hint, rewrites a valid date when the language changes, and says what
//! is wrong with a value that is not a date once the person leaves the field (or has typed a
//! whole date). The page keeps `YYYY-MM-DD` when the text is a date, the text itself otherwise
//! (so that its own validation refuses it).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field::Tone;
use crate::forms::{iso_date, parse_iso_date};
use crate::i18n::context::use_i18n;
use crate::i18n::typed_date::{parse_typed_date, typed_date};

/// Props of [`DateField`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DateFieldProps {
    /// The control's id (also the stem of the hint's and message's ids).
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The page's value: `YYYY-MM-DD`, empty, or the text typed when it is not a date.
    pub value: AttrValue,
    /// Called with `YYYY-MM-DD` for a date, or the text typed otherwise.
    pub on_input: Callback<String>,
    /// Help shown under the label, before the format.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// What the page says about the value (shown before the field's own remark).
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// How the page's message reads.
    #[prop_or_default]
    pub tone: Tone,
    /// Marks the field required.
    #[prop_or_default]
    pub required: bool,
    /// Greys the control out.
    #[prop_or_default]
    pub disabled: bool,
}

/// What the person reads in the box for the page's `value`.
fn shown(value: &str, language: shared::Language) -> String {
    parse_iso_date(value).map_or_else(|| value.to_owned(), |date| typed_date(date, language))
}

/// What the page keeps for the typed `text`.
fn kept(text: &str) -> String {
    parse_typed_date(text).map_or_else(|| text.to_owned(), iso_date)
}

/// See the module documentation.
#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let i18n = use_i18n();
    let language = i18n.language();
    let text = use_state(|| shown(&props.value, language));
    let left = use_state(|| false);
    // The value this field last gave the page: another value comes from the page (a reset).
    let given = use_mut_ref(|| props.value.to_string());
    {
        let text = text.clone();
        let given = given.clone();
        use_effect_with((props.value.clone(), language), move |(value, language)| {
            if *given.borrow() != value.as_str() {
                *given.borrow_mut() = value.to_string();
                text.set(shown(value, *language));
            } else if let Some(date) = parse_typed_date(&text) {
                text.set(typed_date(date, *language));
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let left = left.clone();
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let typed = event.target_unchecked_into::<HtmlInputElement>().value();
            let value = kept(&typed);
            *given.borrow_mut() = value.clone();
            text.set(typed);
            left.set(false);
            on_input.emit(value);
        })
    };
    let onblur = {
        let left = left.clone();
        Callback::from(move |_: FocusEvent| left.set(true))
    };

    let wrong = !text.trim().is_empty()
        && parse_typed_date(&text).is_none()
        && (*left || text.trim().len() >= 10);
    let (message, tone) = match (&props.message, wrong) {
        (Some(message), _) => (Some(message.to_string()), props.tone),
        (None, true) => (Some(i18n.t("field-invalid-date")), Tone::Error),
        (None, false) => (None, Tone::Info),
    };
    let invalid = tone == Tone::Error && message.is_some();
    let format = i18n.t("date-format-hint");
    let hint =
        props.hint.as_ref().map_or_else(|| format.clone(), |hint| format!("{hint} {format}"));
    let id = props.id.as_str();
    let class = match tone {
        Tone::Info => "field-message",
        Tone::Error => "field-message field-error",
        Tone::Ok => "field-message field-ok",
    };
    html! {
        <div class={classes!("field", "date-field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <p id={format!("{id}-hint")} class="field-hint">{ hint }</p>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type="text"
                inputmode="numeric"
                autocomplete="off"
                maxlength="10"
                size="10"
                value={(*text).clone()}
                {oninput}
                {onblur}
                required={props.required}
                disabled={props.disabled}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={format!("{id}-hint {id}-message")}
            />
            <p id={format!("{id}-message")} class={class} aria-live="polite">
                { message.unwrap_or_default() }
            </p>
        </div>
    }
}
