//! An XML document as a plain tree of elements and text.
//!
//! [`parse`] uses the browser's own XML parser (`DOMParser`: no XML reader weighs on the wasm)
//! and copies the result out of the DOM, bounded in depth and in nodes. A document parsed so is
//! inert (no script runs, nothing loads), and a `<!DOCTYPE` is refused before parsing, as the
//! upload does, so no entity is ever expanded. The readers downstream work on this tree only; the
//! tests build it with quick-xml ([`tests::parse`]).

use wasm_bindgen::JsCast;

/// Deepest element kept; deeper content is left out.
pub const MAX_DEPTH: usize = 64;
/// Most nodes kept from one document.
pub const MAX_NODES: usize = 50_000;
/// The attributes the readers look at (the rest are left in the browser's copy).
pub const ATTRIBUTES: [&str; 5] = ["value", "styleCode", "listType", "colspan", "rowspan"];

/// An element's child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text (or a CDATA section), as written.
    Text(String),
}

/// An element, by its local name (no prefix, whatever its namespace).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The local name.
    pub name: String,
    /// (name, value) of its [`ATTRIBUTES`] (all of them, in the tests).
    pub attributes: Vec<(String, String)>,
    /// The content, in document order.
    pub children: Vec<Node>,
}

impl Element {
    /// The value of the attribute `name`.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The child elements called `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Self> {
        self.children.iter().filter_map(move |node| match node {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// The first child element at the end of `path` (each step the first child of that name).
    #[must_use]
    pub fn path(&self, path: &[&str]) -> Option<&Self> {
        path.iter().try_fold(self, |element, name| {
            element.children.iter().find_map(|node| match node {
                Node::Element(e) if e.name == *name => Some(e),
                _ => None,
            })
        })
    }

    /// The text inside, each piece trimmed and joined by one space: `<name><given>Marie</given>
    /// <family>Dupont</family></name>` reads `Marie Dupont`.
    #[must_use]
    pub fn text(&self) -> String {
        let mut words = String::new();
        self.collect_text(&mut words);
        words
    }

    fn collect_text(&self, words: &mut String) {
        for node in &self.children {
            match node {
                Node::Element(e) => e.collect_text(words),
                Node::Text(t) => {
                    for word in t.split_whitespace() {
                        if !words.is_empty() {
                            words.push(' ');
                        }
                        words.push_str(word);
                    }
                }
            }
        }
    }
}

/// Parses `text` with the browser's XML parser; `None` when it is not well-formed or declares a
/// DTD.
#[must_use]
pub fn parse(text: &str) -> Option<Element> {
    if text.contains("<!DOCTYPE") {
        return None;
    }
    let parser = web_sys::DomParser::new().ok()?;
    let document = parser.parse_from_string(text, web_sys::SupportedType::TextXml).ok()?;
    if document.get_elements_by_tag_name("parsererror").length() > 0 {
        return None;
    }
    let mut budget = MAX_NODES;
    Some(from_dom(&document.document_element()?, 0, &mut budget))
}

fn from_dom(element: &web_sys::Element, depth: usize, budget: &mut usize) -> Element {
    let mut copy = Element { name: element.local_name(), ..Element::default() };
    for name in ATTRIBUTES {
        if let Some(value) = element.get_attribute(name) {
            copy.attributes.push((name.to_owned(), value));
        }
    }
    let nodes = element.child_nodes();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE if depth < MAX_DEPTH => {
                if let Ok(child) = node.dyn_into::<web_sys::Element>() {
                    copy.children.push(Node::Element(from_dom(&child, depth + 1, budget)));
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                copy.children.push(Node::Text(node.node_value().unwrap_or_default()));
            }
            _ => {}
        }
    }
    copy
}

#[cfg(test)]
pub mod tests {
    use quick_xml::events::{BytesStart, Event};

    use super::*;

    /// The tree [`parse`] makes in a browser, made with quick-xml for native tests.
    pub fn parse(text: &str) -> Option<Element> {
        fn element(start: &BytesStart<'_>) -> Element {
            let name = start.local_name().into_inner().to_owned();
            let attributes = start
                .attributes()
                .filter_map(Result::ok)
                .map(|a| {
                    let key = a.key.local_name().into_inner().to_owned();
                    let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0);
                    (key, value.map(|v| v.into_owned()).unwrap_or_default())
                })
                .collect();
            Element { name, attributes, children: Vec::new() }
        }
        let mut reader = quick_xml::Reader::from_str(text);
        let mut stack: Vec<Element> = vec![Element::default()];
        loop {
            match reader.read_event().ok()? {
                Event::Start(start) => stack.push(element(&start)),
                Event::Empty(start) => {
                    stack.last_mut()?.children.push(Node::Element(element(&start)));
                }
                Event::End(_) => {
                    let done = stack.pop()?;
                    stack.last_mut()?.children.push(Node::Element(done));
                }
                Event::Text(t) => {
                    let text = t.xml10_content().into_owned();
                    stack.last_mut()?.children.push(Node::Text(text));
                }
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref().ok()? {
                        Some(c) => c.to_string(),
                        None => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())?
                            .to_owned(),
                    };
                    stack.last_mut()?.children.push(Node::Text(text));
                }
                Event::CData(t) => {
                    let text = t.into_inner().into_owned();
                    stack.last_mut()?.children.push(Node::Text(text));
                }
                Event::DocType(_) => return None,
                Event::Eof => break,
                _ => {}
            }
        }
        let root = stack.pop()?;
        root.children.into_iter().find_map(|node| match node {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    #[test]
    fn text_joins_the_pieces_with_single_spaces() {
        let name = parse(
            "<name>\n  <given>Marie</given><given>Anne</given>\n  <family>Dupont</family> </name>",
        )
        .unwrap();
        assert_eq!(name.text(), "Marie Anne Dupont");
        let root = parse("<a x='1'><b><c>deep</c></b><b>second</b></a>").unwrap();
        assert_eq!(root.path(&["b", "c"]).map(Element::text).as_deref(), Some("deep"));
        assert_eq!(root.children_named("b").count(), 2);
        assert_eq!(root.attribute("x"), Some("1"));
        assert_eq!(root.path(&["c"]), None);
    }
}
