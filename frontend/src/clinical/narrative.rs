//! A narrative made inert: the XHTML of a FHIR resource's `text.div` and the text of a CDA
//! section, rebuilt from the parsed tree with a fixed set of structural and emphasis elements,
//! no attribute but a table cell's span (a small number), and text as text.
//!
//! What could act or load (scripts, styles, frames, forms, media, images) is left out with all
//! it holds; any other element, links included, gives only its content. The tags of the result
//! are this module's own strings, so nothing written in a document can become a tag, an
//! attribute, a link or an event handler; [`super::dom`] then creates the elements one by one
//! (never `innerHTML`). This holds whatever the upload checked.

use super::xml::{Element, Node};

/// Largest row or column span kept; a larger one is left out.
const MAX_SPAN: u16 = 1000;

/// A piece of narrative that can only be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inert {
    /// Text, shown as text.
    Text(String),
    /// One of the elements of [`tag_for`].
    Element {
        /// The tag.
        tag: &'static str,
        /// `colspan` and `rowspan` of a table cell.
        span: (Option<u16>, Option<u16>),
        /// The content.
        children: Vec<Inert>,
    },
}

/// A narrative as the viewer shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Narrative {
    /// None given.
    #[default]
    Absent,
    /// Made inert.
    Shown(Vec<Inert>),
    /// Given but not well-formed: the viewer says so.
    Unreadable,
}

/// A titled part of a document: a CDA section, a FHIR `Composition` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The title.
    pub title: Option<String>,
    /// The narrative.
    pub body: Narrative,
    /// Sections inside.
    pub sections: Vec<Section>,
}

/// Elements kept as they are, in XHTML and in a CDA narrative alike.
const KEPT: [&str; 27] = [
    "p", "br", "div", "span", "b", "strong", "i", "em", "u", "sub", "sup", "small", "ul", "ol",
    "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "pre",
];

/// Elements left out with their content: what runs, styles, loads or asks for input.
const DROPPED: [&str; 30] = [
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "template",
    "noscript",
    "head",
    "title",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "img",
    "picture",
    "audio",
    "video",
    "canvas",
    "map",
    // A CDA's references to multimedia and to footnotes elsewhere.
    "renderMultiMedia",
    "footnoteRef",
];

/// How an element of a narrative is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Treatment {
    Keep(&'static str),
    /// Its content only.
    Unwrap,
    Drop,
}

fn tag_for(element: &Element) -> Treatment {
    let name = element.name.as_str();
    let style = element.attribute("styleCode").unwrap_or_default();
    match name {
        // CDA narrative elements, as their HTML kin.
        "paragraph" => Treatment::Keep("p"),
        "item" => Treatment::Keep("li"),
        "list" if element.attribute("listType") == Some("ordered") => Treatment::Keep("ol"),
        "list" => Treatment::Keep("ul"),
        "content" if style.contains("Bold") => Treatment::Keep("strong"),
        "content" if style.contains("Italics") => Treatment::Keep("em"),
        "content" if style.contains("Underline") => Treatment::Keep("u"),
        // Headings stay below the viewer's own.
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Treatment::Keep("h4"),
        _ if DROPPED.contains(&name) => Treatment::Drop,
        _ => {
            KEPT.iter().find(|tag| **tag == name).map_or(Treatment::Unwrap, |t| Treatment::Keep(t))
        }
    }
}

fn span(element: &Element, name: &str) -> Option<u16> {
    element.attribute(name)?.trim().parse().ok().filter(|n| (2..=MAX_SPAN).contains(n))
}

/// The content of `element` made inert.
#[must_use]
pub fn inert(element: &Element) -> Vec<Inert> {
    let mut out = Vec::new();
    push_children(element, &mut out);
    out
}

fn push_children(element: &Element, out: &mut Vec<Inert>) {
    for node in &element.children {
        match node {
            Node::Text(text) => out.push(Inert::Text(text.clone())),
            Node::Element(child) => match tag_for(child) {
                Treatment::Drop => {}
                Treatment::Unwrap => push_children(child, out),
                Treatment::Keep(tag) => {
                    let cell = matches!(tag, "td" | "th");
                    let span = if cell {
                        (span(child, "colspan"), span(child, "rowspan"))
                    } else {
                        (None, None)
                    };
                    // `br` is void: Yew refuses content in it.
                    let children = if tag == "br" { Vec::new() } else { inert(child) };
                    out.push(Inert::Element { tag, span, children });
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml::tests::parse;
    use super::*;

    /// The narrative as markup, to read what would be built.
    fn markup(nodes: &[Inert]) -> String {
        nodes
            .iter()
            .map(|node| match node {
                Inert::Text(text) => text.replace('&', "&amp;").replace('<', "&lt;"),
                Inert::Element { tag, span, children } => {
                    let mut attributes = String::new();
                    if let Some(n) = span.0 {
                        attributes.push_str(&format!(" colspan=\"{n}\""));
                    }
                    if let Some(n) = span.1 {
                        attributes.push_str(&format!(" rowspan=\"{n}\""));
                    }
                    format!("<{tag}{attributes}>{}</{tag}>", markup(children))
                }
            })
            .collect()
    }

    fn tags(nodes: &[Inert], into: &mut Vec<&'static str>) {
        for node in nodes {
            if let Inert::Element { tag, children, .. } = node {
                into.push(tag);
                tags(children, into);
            }
        }
    }

    /// A FHIR narrative written to attack whoever shows it.
    const MALICIOUS: &str = r#"<div xmlns="http://www.w3.org/1999/xhtml" onload="alert(1)">
        <p onclick="steal()" style="background:url(https://evil.example/track)" class="x" id="main">Allergy to <b>penicillin</b></p>
        <script>alert('script')</script>
        <script src="https://evil.example/x.js"/>
        <style>body { display: none }</style>
        <img src="https://evil.example/pixel.png" onerror="alert(2)" alt="pixel"/>
        <a href="javascript:alert(3)">the record</a> <a href="https://evil.example/">elsewhere</a>
        <iframe src="javascript:alert(4)">frame text</iframe>
        <svg xmlns="http://www.w3.org/2000/svg" onload="alert(5)"><script>alert(6)</script></svg>
        <math><mi xlink:href="javascript:alert(7)" xmlns:xlink="http://www.w3.org/1999/xlink">x</mi></math>
        <form action="https://evil.example/"><input name="q" value="typed"/><button formaction="javascript:alert(8)">Send</button></form>
        <object data="evil.swf">object text</object><embed src="evil.swf"/>
        <table border="1"><tr><td colspan="2" onmouseover="alert(9)" rowspan="javascript:1">cell</td><td colspan="100000">wide</td></tr></table>
        <x-widget onfocus="alert(10)" tabindex="0">custom <em onmouseover="alert(11)">text</em></x-widget>
        <meta http-equiv="refresh" content="0;url=javascript:alert(12)"/>
        <base href="https://evil.example/"/><link rel="stylesheet" href="https://evil.example/s.css"/>
        <template><p>hidden</p></template><noscript>no script</noscript>
        &lt;script&gt;alert('as text')&lt;/script&gt;
    </div>"#;

    #[test]
    fn a_malicious_narrative_keeps_only_its_text_and_structure() {
        let inert = inert(&parse(MALICIOUS).unwrap());
        let shown = markup(&inert);
        for needle in [
            "alert(1)",
            "steal",
            "evil.example",
            "script'",
            "display: none",
            "pixel",
            "javascript:",
            "frame text",
            "alert(6)",
            "typed",
            "Send",
            "object text",
            "onmouseover",
            "onfocus",
            "tabindex",
            "hidden",
            "no script",
            "style",
            "class",
            "id=",
            "href",
            "src",
        ] {
            assert!(!shown.contains(needle), "{needle:?} got through: {shown}");
        }
        // What a reader needs is there: text, emphasis, links as plain text, the table.
        for kept in [
            "<p>Allergy to <b>penicillin</b></p>",
            "the record",
            "elsewhere",
            "<td colspan=\"2\">cell</td><td>wide</td>",
            "custom <em>text</em>",
            "&lt;script>alert('as text')&lt;/script>",
        ] {
            assert!(shown.contains(kept), "{kept:?} is missing: {shown}");
        }
        let mut all = Vec::new();
        tags(&inert, &mut all);
        assert!(all.iter().all(|t| KEPT.contains(t) || *t == "h4"), "{all:?}");
    }

    #[test]
    fn a_cda_narrative_becomes_its_html_kin() {
        let text = parse(
            r#"<text xmlns="urn:hl7-org:v3"><paragraph>Seen on <content styleCode="Bold">25 November</content>.</paragraph>
            <list listType="ordered"><item>first</item><item><content styleCode="Italics">second</content></item></list>
            <list><item>bullet</item></list>
            <table><thead><tr><th>Test</th><th>Result</th></tr></thead><tbody><tr><td>Hb</td><td>14<sub>g</sub></td></tr></tbody></table>
            <paragraph>line<br/>break <linkHtml href="javascript:x()">link text</linkHtml><footnoteRef IDREF="f1"/><renderMultiMedia referencedObject="img1"/></paragraph></text>"#,
        )
        .unwrap();
        let shown = markup(&inert(&text));
        assert!(shown.contains("<p>Seen on <strong>25 November</strong>.</p>"), "{shown}");
        assert!(shown.contains("<ol><li>first</li><li><em>second</em></li></ol>"), "{shown}");
        assert!(shown.contains("<ul><li>bullet</li></ul>"), "{shown}");
        assert!(shown.contains("<thead><tr><th>Test</th><th>Result</th></tr></thead>"), "{shown}");
        assert!(shown.contains("<td>14<sub>g</sub></td>"), "{shown}");
        assert!(shown.contains("<p>line<br></br>break link text</p>"), "{shown}");
    }

    #[test]
    fn headings_stay_below_the_viewer() {
        let div = parse("<div><h1>Big</h1><h6>small</h6></div>").unwrap();
        assert_eq!(markup(&inert(&div)), "<h4>Big</h4><h4>small</h4>");
    }
}
