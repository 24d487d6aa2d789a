//! The chosen language as a Yew context: every component reads its strings through
//! [`use_i18n`], so switching the language re-renders every visible string at once. [`load`]
//! fetches a language's catalogue (the app renders only once the first one is there, and
//! switches only once the next one is).

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use shared::Language;
use yew::prelude::*;

use super::{Translator, choice};
use crate::browser;

thread_local! {
    /// The catalogues fetched so far, each parsed once and kept for the life of the page.
    static LOADED: RefCell<Vec<Rc<Translator>>> = const { RefCell::new(Vec::new()) };
}

/// The translator of `language`: its catalogue (`/i18n/<tag>.ftl`, copied beside the app by
/// trunk) is fetched and parsed the first time; `None` when it cannot be fetched.
pub async fn load(language: Language) -> Option<Rc<Translator>> {
    let known =
        LOADED.with_borrow(|loaded| loaded.iter().find(|t| t.language() == language).cloned());
    if known.is_some() {
        return known;
    }
    let source = browser::fetch_text(&format!("/i18n/{}.ftl", language.tag())).await?;
    let translator = Rc::new(Translator::parse(language, &source));
    if translator.is_empty() {
        return None;
    }
    LOADED.with_borrow_mut(|loaded| loaded.push(Rc::clone(&translator)));
    Some(translator)
}

/// The translator in use and the way to switch to another language.
#[derive(Debug, Clone)]
pub struct I18n {
    translator: Rc<Translator>,
    switch: Callback<Language>,
}

impl I18n {
    /// The context for `translator`; `switch` is called when the person picks another language.
    #[must_use]
    pub fn new(translator: Rc<Translator>, switch: Callback<Language>) -> Self {
        Self { translator, switch }
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

/// The app's language context. Without a provider (a component shown on its own) it is the
/// first catalogue fetched, or none at all, so that every string shows its key.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| {
        let translator = LOADED
            .with_borrow(|loaded| loaded.first().cloned())
            .unwrap_or_else(|| Rc::new(Translator::parse(choice::FALLBACK, "")));
        I18n::new(translator, Callback::noop())
    })
}
