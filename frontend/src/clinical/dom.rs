//! A [`Document`] as DOM nodes, for the viewer to show (Yew inserts the finished node): each
//! element created one by one with `createElement`, each text as a text node, never `innerHTML`.
//! Tags and classes are this crate's own strings ([`super::narrative`] chose the narrative's), the
//! only attributes a table cell's span (a number) and a resource's type; the labels are the
//! reader's language.
//!
//! Built with the browser's DOM rather than Yew's `html!`: the same elements for a fraction of the
//! wasm (each `html!` site adds its own element code).

use web_sys::{Element, Node};

use super::narrative::{Inert, Narrative, Section};
use super::{Document, Fact, FactValue};
use crate::i18n::Translator;

/// The catalogue key of a fact's label.
#[must_use]
pub const fn fact_key(fact: Fact) -> &'static str {
    match fact {
        Fact::Title => "documents-clinical-title",
        Fact::About => "documents-fhir-about",
        Fact::Status => "documents-fhir-status",
        Fact::Date => "documents-date",
        Fact::Patient => "documents-clinical-patient",
        Fact::Author => "documents-clinical-author",
        Fact::Result => "documents-fhir-result",
    }
}

/// `<div class="clinical">` holding `document`; `None` when the browser refuses.
#[must_use]
pub fn build(tr: &Translator, document: &Document) -> Option<Node> {
    let dom = Dom(web_sys::window()?.document()?);
    let root = dom.create("div", "clinical")?;
    dom.document(&root, tr, document, 3);
    Some(root.into())
}

struct Dom(web_sys::Document);

impl Dom {
    fn create(&self, tag: &str, class: &str) -> Option<Element> {
        let element = self.0.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Some(element)
    }

    /// A new `<tag class>` at the end of `parent`.
    fn add(&self, parent: &Node, tag: &str, class: &str) -> Option<Element> {
        let element = self.create(tag, class)?;
        parent.append_child(&element).ok()?;
        Some(element)
    }

    fn text(&self, parent: &Node, text: &str) {
        let _ = parent.append_child(&self.0.create_text_node(text));
    }

    /// `<tag class>text</tag>` at the end of `parent`.
    fn add_text(&self, parent: &Node, tag: &str, class: &str, text: &str) {
        if let Some(element) = self.add(parent, tag, class) {
            self.text(&element, text);
        }
    }

    /// `<h3>` to `<h6>`: sections nest below the viewer's `<h2>`.
    fn heading(&self, parent: &Node, level: u8, text: &str) {
        let tag = match level {
            0..=3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        };
        self.add_text(parent, tag, "", text);
    }

    fn inert(&self, parent: &Node, nodes: &[Inert]) {
        for node in nodes {
            match node {
                Inert::Text(text) => self.text(parent, text),
                Inert::Element { tag, span: (colspan, rowspan), children } => {
                    let Some(element) = self.add(parent, tag, "") else { continue };
                    for (name, span) in [("colspan", colspan), ("rowspan", rowspan)] {
                        if let Some(n) = span {
                            let _ = element.set_attribute(name, &n.to_string());
                        }
                    }
                    self.inert(&element, children);
                }
            }
        }
    }

    fn narrative(&self, parent: &Node, tr: &Translator, narrative: &Narrative) {
        match narrative {
            Narrative::Absent => {}
            Narrative::Shown(nodes) => {
                if let Some(div) = self.add(parent, "div", "narrative") {
                    self.inert(&div, nodes);
                }
            }
            Narrative::Unreadable => {
                self.add_text(parent, "p", "notice", &tr.t("documents-clinical-unreadable"));
            }
        }
    }

    fn sections(&self, parent: &Node, tr: &Translator, sections: &[Section], level: u8) {
        for section in sections {
            let Some(element) = self.add(parent, "section", "clinical-section") else { continue };
            if let Some(title) = &section.title {
                self.heading(&element, level, title);
            }
            self.narrative(&element, tr, &section.body);
            self.sections(&element, tr, &section.sections, level + 1);
        }
    }

    /// A CDA document (its facts, then its sections) or a FHIR resource (its type as a heading,
    /// its facts, narrative, sections and entries).
    fn document(&self, parent: &Node, tr: &Translator, document: &Document, level: u8) {
        let Some(element) = self.add(parent, "section", "clinical-section") else { return };
        let mut inner = level;
        if let Some(kind) = &document.kind {
            let _ = element.set_attribute("data-resource-type", kind);
            self.heading(&element, level, kind);
            inner += 1;
        }
        if let Some(facts) = self.add(&element, "dl", "facts") {
            for (fact, value) in &document.facts {
                let value = match value {
                    FactValue::Text(text) => text.clone(),
                    FactValue::Date(day) => tr.date(*day),
                    FactValue::Quantity(number, unit) => {
                        let number =
                            js_sys::Number::from(*number).to_locale_string(tr.language().tag());
                        format!("{} {unit}", String::from(number)).trim_end().to_owned()
                    }
                };
                let Some(pair) = self.add(&facts, "div", "") else { continue };
                self.add_text(&pair, "dt", "", &tr.t(fact_key(*fact)));
                self.add_text(&pair, "dd", "", &value);
            }
        }
        if document.attachment {
            self.add_text(&element, "p", "notice", &tr.t("documents-clinical-attachment"));
        }
        self.narrative(&element, tr, &document.narrative);
        self.sections(&element, tr, &document.sections, inner);
        for entry in &document.entries {
            self.document(&element, tr, entry, inner);
        }
    }
}
