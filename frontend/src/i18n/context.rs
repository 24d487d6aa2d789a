//! The chosen language as a Yew context: every component reads its strings through
//! [`use_i18n`], so switching the language re-renders every visible string at once.

use std::ops::Deref;
use std::rc::Rc;

use shared::Language;
use yew::prelude::*;

use super::{Translator, choice};

/// The translator in use and the way to switch to another language.
#[derive(Debug, Clone)]
pub struct I18n {
    translator: Rc<Translator>,
    switch: Callback<Language>,
}

impl I18n {
    /// The context for `language`; `switch` is called when the person picks another one.
    #[must_use]
    pub fn new(language: Language, switch: Callback<Language>) -> Self {
        Self { translator: Translator::shared(language), switch }
    }

    /// What to call to switch the language.
    #[must_use]
    pub fn switch(&self) -> Callback<Language> {
        self.switch.clone()
    }
}

/// Consumers re-render when the language changes, not when a callback is re-created.
impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.translator.language() == other.translator.language()
    }
}

impl Deref for I18n {
    type Target = Translator;

    fn deref(&self) -> &Translator {
        &self.translator
    }
}

/// The app's language context (French without a provider, e.g. in an isolated component).
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(choice::FALLBACK, Callback::noop()))
}
