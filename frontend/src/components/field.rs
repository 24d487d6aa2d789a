//! Labelled form fields: a `<label>`, an optional hint and a message line, both tied to the
//! control with `aria-describedby`. The message line is a polite live region, so what is said
//! about the value as the person types is read out without moving focus.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How the message under a field reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// A neutral remark (e.g. how many digits are still missing).
    #[default]
    Info,
    /// The value is wrong: the control is marked `aria-invalid`.
    Error,
    /// The value is right.
    Ok,
}

/// Props of [`TextField`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct TextFieldProps {
    /// The control's id (also the stem of the hint's and message's ids).
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// Called with the new value on every input.
    pub on_input: Callback<String>,
    /// Help shown under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// What is said about the value.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// How the message reads.
    #[prop_or_default]
    pub tone: Tone,
    /// `type` of the input.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// `autocomplete`.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// `inputmode` (e.g. `numeric`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Marks the field required.
    #[prop_or_default]
    pub required: bool,
    /// Turns off spelling and auto-capitalisation (codes, numbers).
    #[prop_or_default]
    pub code_like: bool,
    /// `maxlength`.
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// Greys the control out.
    #[prop_or_default]
    pub disabled: bool,
}

fn described_by(id: &str, hint: bool, message: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if message {
        ids.push(format!("{id}-message"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn message_line(id: &str, message: Option<&AttrValue>, tone: Tone) -> Html {
    let class = match tone {
        Tone::Info => "field-message",
        Tone::Error => "field-message field-error",
        Tone::Ok => "field-message field-ok",
    };
    html! {
        <p id={format!("{id}-message")} class={class} aria-live="polite">
            { message.cloned().unwrap_or_default() }
        </p>
    }
}

/// See the module documentation.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = props
        .on_input
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
    let invalid = props.tone == Tone::Error && props.message.is_some();
    let id = props.id.as_str();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p id={format!("{id}-hint")} class="field-hint">{ hint.clone() }</p>
            }
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                {oninput}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                maxlength={props.maxlength.clone()}
                required={props.required}
                disabled={props.disabled}
                spellcheck={props.code_like.then_some("false")}
                autocapitalize={props.code_like.then_some("characters")}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by(id, props.hint.is_some(), true)}
            />
            { message_line(id, props.message.as_ref(), props.tone) }
        </div>
    }
}

/// One choice of a [`SelectField`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// A labelled group of choices of a [`SelectField`] (an `<optgroup>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceGroup {
    /// The group's name.
    pub label: String,
    /// Its choices.
    pub choices: Vec<Choice>,
}

/// Props of [`SelectField`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SelectFieldProps {
    /// The control's id.
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The chosen value ("" for none).
    pub value: AttrValue,
    /// The choices.
    pub choices: Vec<Choice>,
    /// Groups of further choices, listed after `choices`.
    #[prop_or_default]
    pub groups: Vec<ChoiceGroup>,
    /// Called with the chosen value.
    pub on_change: Callback<String>,
    /// A first, empty choice ("Choose …") when nothing is chosen yet.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// What is said about the choice.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// Marks the field required.
    #[prop_or_default]
    pub required: bool,
}

fn option(choice: &Choice, current: &str) -> Html {
    html! {
        <option value={choice.value.clone()} selected={choice.value == current}>
            { choice.label.clone() }
        </option>
    }
}

/// A labelled `<select>` with the same message line as [`TextField`].
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let onchange = props
        .on_change
        .reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    let invalid = props.message.is_some();
    let id = props.id.as_str();
    let current = props.value.as_str();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select
                id={props.id.clone()}
                name={props.id.clone()}
                {onchange}
                required={props.required}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by(id, false, true)}
            >
                if let Some(placeholder) = &props.placeholder {
                    <option value="" selected={current.is_empty()}>{ placeholder.clone() }</option>
                }
                { for props.choices.iter().map(|choice| option(choice, current)) }
                { for props.groups.iter().map(|group| html! {
                    <optgroup label={group.label.clone()}>
                        { for group.choices.iter().map(|choice| option(choice, current)) }
                    </optgroup>
                }) }
            </select>
            { message_line(id, props.message.as_ref(), Tone::Error) }
        </div>
    }
}
