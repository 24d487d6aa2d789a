//! The document viewer, checked on what a person sees: a demo physician files a two-page PDF
//! (blocks drawn in known colours), a PNG, a CDA and a FHIR observation into a demo patient's
//! record and reads each in English at 1280 px; the patient reads them in French on a 390 px
//! phone. The PDF and the image are checked on their pixels, the CDA and FHIR on their rendered
//! text (no raw XML); nothing the viewer does is refused by the page's Content-Security-Policy.

use chromiumoxide::page::Page;
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, eval, fill, wait_for_app, wait_for_path, wait_until,
};
use serde_json::Value;

const PDF_TITLE: &str = "Two coloured pages";
const PNG_TITLE: &str = "Red and blue image";
const CDA_TITLE: &str = "Lettre de sortie CDA";
const FHIR_TITLE: &str = "Haemoglobin result";

/// A4, two pages. Page 1: a black block over the upper half (x 10–90 %, y 7–50 % from the top), a
/// red block lower left (x 10–50 %, y 64–88 %), blue text between. Page 2: a green band over the
/// top (y 0–29 %).
fn two_page_pdf() -> Vec<u8> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    let pages = [(Ref::new(4), Ref::new(5)), (Ref::new(6), Ref::new(7))];
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(pages.map(|(page, _)| page)).count(2);
    for (page, content) in pages {
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(tree).contents(content);
        p.resources().fonts().pair(Name(b"F1"), font);
        p.finish();
    }
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    let mut first = Content::new();
    first.set_fill_rgb(0.0, 0.0, 0.0).rect(60.0, 421.0, 475.0, 359.0).fill_nonzero();
    first.set_fill_rgb(1.0, 0.0, 0.0).rect(60.0, 100.0, 237.0, 200.0).fill_nonzero();
    first.set_fill_rgb(0.0, 0.0, 1.0);
    first.begin_text().set_font(Name(b"F1"), 36.0).next_line(60.0, 350.0);
    first.show(Str(b"DSP viewer")).end_text();
    pdf.stream(pages[0].1, &first.finish());
    let mut second = Content::new();
    second.set_fill_rgb(0.0, 0.6, 0.0).rect(0.0, 600.0, 595.0, 242.0).fill_nonzero();
    pdf.stream(pages[1].1, &second.finish());
    pdf.finish()
}

/// A discharge letter naming its patient by national ID (`NATIONAL_ID` is replaced), as an upload
/// must.
const CDA: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <title>Lettre de sortie</title>
  <effectiveTime value="20261120"/>
  <recordTarget><patientRole><id root="urn:dsp:national-id" extension="NATIONAL_ID"/><patient><name><given>Marie</given> <family>Dupont</family></name></patient></patientRole></recordTarget>
  <author><assignedAuthor><assignedPerson><name><prefix>Dr</prefix> <given>Claire</given> <family>Weber</family></name></assignedPerson></assignedAuthor></author>
  <component><structuredBody>
    <component><section><title>Motif d'hospitalisation</title>
      <text><paragraph>Douleur abdominale depuis <content styleCode="Bold">deux jours</content>.</paragraph></text></section></component>
    <component><section><title>Traitement de sortie</title>
      <text><table><thead><tr><th>Médicament</th><th>Dose</th></tr></thead>
        <tbody><tr><td>Paracétamol</td><td>1 g</td></tr></tbody></table></text></section></component>
  </structuredBody></component>
</ClinicalDocument>"#;

fn observation(patient_id: &str) -> String {
    serde_json::json!({
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin"}]},
        "subject": {"reference": format!("Patient/{patient_id}"), "display": "Marie Dupont"},
        "effectiveDateTime": "2026-11-25",
        "valueQuantity": {"value": 13.5, "unit": "g/dL"},
        "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Haemoglobin <b>13.5 g/dL</b>, within range.</p></div>"}
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_format_is_shown_to_a_physician_and_to_the_patient_on_a_phone() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) = demo
        .patient_codes
        .iter()
        .find(|(name, ..)| name == "Marie Dupont")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no Marie Dupont"))?;
    let (_, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(name, ..)| name == "Claire Weber")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no Claire Weber"))?;

    // The patient activates her record (until then it is closed to professionals), on a phone,
    // in French.
    let patient_browser = Chromium::launch("fr-FR").await?;
    let patient = patient_browser.open("about:blank").await?;
    emulate_phone(&patient).await?;
    patient.goto(format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    assert_eq!(eval(&patient, "window.innerWidth").await?, 390, "a phone's width");
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;

    // Dr Weber (a consultation link to Marie Dupont) enrols, finds her record, files and reads.
    let professional_browser = Chromium::launch("en-GB").await?;
    let professional = professional_browser.open(&enrol_link).await?;
    wait_for_app(&professional).await?;
    add_authenticator(&professional, Authenticator::SecurityKey).await?;
    click(&professional, "#enrol-button").await?;
    wait_for_path(&professional, "/professional").await?;
    wait_until(&professional, "document.getElementById('find-national-id')").await?;
    fill(&professional, "#find-national-id", &national_id).await?;
    click(&professional, "#find-button").await?;
    click(&professional, "#find-result a.record-link").await?;
    wait_until(&professional, "document.getElementById('upload-button')").await?;
    let patient_id = eval(&professional, "location.pathname.split('/').pop()").await?;
    let patient_id = patient_id.as_str().unwrap_or_default().to_owned();
    watch_policy(&professional).await?;
    let files: [(&str, &str, &str, String); 4] = [
        (PDF_TITLE, "care-reports", "application/pdf", bytes_expression(&two_page_pdf())),
        (PNG_TITLE, "medical-imaging", "image/png", PNG_EXPRESSION.to_owned()),
        (
            CDA_TITLE,
            "summaries",
            "application/xml",
            bytes_expression(CDA.replace("NATIONAL_ID", &national_id).as_bytes()),
        ),
        (
            FHIR_TITLE,
            "lab-analyses",
            "application/fhir+json",
            bytes_expression(observation(&patient_id).as_bytes()),
        ),
    ];
    for (title, category, media_type, bytes) in &files {
        file(&professional, title, category, media_type, bytes).await?;
        wait_until(
            &professional,
            &format!(
                "Array.from(document.querySelectorAll('.document-title')).some(t => t.innerText.trim() === {}) \
                 && !document.getElementById('upload-button').disabled",
                serde_json::to_string(title)?
            ),
        )
        .await?;
    }
    read_every_format(&professional, "en", false).await?;
    assert_policy_kept(&professional).await?;
    professional_browser.close().await?;

    // The patient reads the same documents.
    patient.goto(format!("{}/patient/documents", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, &format!("{ROWS} === 5")).await?;
    watch_policy(&patient).await?;
    read_every_format(&patient, "fr", true).await?;
    assert_policy_kept(&patient).await?;
    patient_browser.close().await
}

/// The rows of the document list.
const ROWS: &str = "document.querySelectorAll('[data-document-id]').length";

/// A JavaScript expression for `bytes` as a `Uint8Array`.
fn bytes_expression(bytes: &[u8]) -> String {
    format!("new Uint8Array({})", serde_json::to_string(bytes).unwrap_or_default())
}

/// A 120 × 80 PNG drawn by the browser: red on the left half, blue on the right.
const PNG_EXPRESSION: &str = "(() => { const c = document.createElement('canvas'); \
    c.width = 120; c.height = 80; const x = c.getContext('2d'); \
    x.fillStyle = '#ff0000'; x.fillRect(0, 0, 60, 80); x.fillStyle = '#0000ff'; x.fillRect(60, 0, 60, 80); \
    const b = atob(c.toDataURL('image/png').split(',')[1]); \
    return Uint8Array.from(b, ch => ch.charCodeAt(0)); })()";

/// Files a document through the record page's upload form.
async fn file(
    page: &Page,
    title: &str,
    category: &str,
    media_type: &str,
    bytes: &str,
) -> anyhow::Result<()> {
    let attached = eval(
        page,
        &format!(
            "(() => {{ const dt = new DataTransfer(); \
             dt.items.add(new File([{bytes}], 'document', {{ type: {media_type} }})); \
             const input = document.getElementById('upload-file'); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); return input.files.length; }})()",
            media_type = serde_json::to_string(media_type)?,
        ),
    )
    .await?;
    assert_eq!(attached, 1);
    fill(page, "#upload-category", category).await?;
    fill(page, "#upload-title", title).await?;
    fill(page, "#upload-date", "2026-11-25").await?;
    click(page, "#upload-button").await
}

/// Opens the viewer on the document titled `title`.
async fn view(page: &Page, title: &str) -> anyhow::Result<()> {
    let opened = eval(
        page,
        &format!(
            "(() => {{ const row = Array.from(document.querySelectorAll('[data-document-id]')) \
             .find(r => r.querySelector('.document-title').innerText.trim() === {title}); \
             if (!row) return false; row.querySelector('button.view-document').click(); \
             return row.dataset.documentId; }})()",
            title = serde_json::to_string(title)?,
        ),
    )
    .await?;
    let Some(id) = opened.as_str() else {
        let titles = eval(
            page,
            "Array.from(document.querySelectorAll('.document-title')).map(t => t.innerText)",
        );
        anyhow::bail!("no document {title:?} among {}", titles.await?);
    };
    wait_until(page, &format!("document.querySelector('#document-viewer [data-viewing=\"{id}\"]')"))
        .await
}

/// The colour at (`x`, `y`), fractions of the width and height, of the viewer's PDF canvas.
const PDF_PIXELS: &str = "((points) => { const c = document.querySelector('#document-viewer canvas.document-page'); \
    const x = c.getContext('2d'); return points.map(([fx, fy]) => Array.from(x.getImageData( \
    Math.floor(fx * c.width), Math.floor(fy * c.height), 1, 1).data).slice(0, 3)); })";

async fn pdf_pixels(page: &Page, points: &str) -> anyhow::Result<Vec<[u8; 3]>> {
    let value = eval(page, &format!("{PDF_PIXELS}({points})")).await?;
    Ok(serde_json::from_value(value)?)
}

fn near(pixel: [u8; 3], colour: [u8; 3]) -> bool {
    pixel.iter().zip(colour).all(|(a, b)| a.abs_diff(b) <= 40)
}

async fn read_every_format(page: &Page, lang: &str, phone: bool) -> anyhow::Result<()> {
    let page_label = |n: u32| -> anyhow::Result<String> {
        Ok(catalogue_message(lang, "documents-page")?
            .replace("{ $page }", &n.to_string())
            .replace("{ $pages }", "2"))
    };
    let viewer_text = "document.querySelector('#document-viewer').innerText";

    // The PDF: drawn by pdf.js, as wide as the viewer, on its pixels.
    view(page, PDF_TITLE).await?;
    wait_until(
        page,
        "document.querySelector('#document-viewer canvas.document-page[data-rendered=\"1\"]')",
    )
    .await?;
    let canvas = eval(
        page,
        "(() => { const c = document.querySelector('#document-viewer canvas.document-page'); \
         const r = c.getBoundingClientRect(); return { width: c.width, height: c.height, css: r.width, right: r.right, \
         viewer: c.parentElement.getBoundingClientRect().width, screen: window.innerWidth, \
         ratio: window.devicePixelRatio, label: c.getAttribute('aria-label'), role: c.getAttribute('role') }; })()",
    )
    .await?;
    assert_eq!(canvas["label"], page_label(1)?, "{canvas}");
    assert_eq!(canvas["role"], "img");
    // As wide as the viewer, within the screen, drawn at the screen's pixel density.
    let number = |key: &str| canvas[key].as_f64().unwrap_or_default();
    assert!((number("css") - number("viewer")).abs() < 1.0, "zoomed to width: {canvas}");
    assert!(number("right") <= number("screen"), "{canvas}");
    if phone {
        assert!(number("screen") == 390.0 && number("ratio") == 2.0, "{canvas}");
    }
    assert!((number("width") - number("css") * number("ratio")).abs() <= 1.0, "{canvas}");
    // An A4 page keeps its shape.
    let ratio = number("height") / number("width");
    assert!((ratio - 842.0 / 595.0).abs() < 0.02, "{canvas}");
    let pixels = pdf_pixels(page, "[[0.5, 0.25], [0.3, 0.76], [0.75, 0.76], [0.5, 0.03]]").await?;
    assert!(near(pixels[0], [0, 0, 0]), "black block: {pixels:?}");
    assert!(near(pixels[1], [255, 0, 0]), "red block: {pixels:?}");
    assert!(near(pixels[2], [255, 255, 255]), "white paper: {pixels:?}");
    assert!(near(pixels[3], [255, 255, 255]), "white margin: {pixels:?}");
    let status =
        eval(page, "document.querySelector('#document-viewer .pdf-page-number').innerText").await?;
    assert_eq!(status.as_str(), Some(page_label(1)?.as_str()));
    assert_eq!(
        eval(page, "document.querySelector('#document-viewer .pdf-previous').disabled").await?,
        true
    );
    click(page, "#document-viewer .pdf-next").await?;
    wait_until(
        page,
        "document.querySelector('#document-viewer canvas.document-page[data-rendered=\"2\"]')",
    )
    .await?;
    let pixels = pdf_pixels(page, "[[0.5, 0.15], [0.5, 0.6]]").await?;
    assert!(near(pixels[0], [0, 153, 0]), "green band on page 2: {pixels:?}");
    assert!(near(pixels[1], [255, 255, 255]), "{pixels:?}");
    assert_eq!(
        eval(page, "document.querySelector('#document-viewer canvas.document-page').getAttribute('aria-label')").await?,
        page_label(2)?
    );
    assert_eq!(
        eval(page, "document.querySelector('#document-viewer .pdf-next').disabled").await?,
        true
    );

    // The image: an <img> of the bytes, on its pixels.
    view(page, PNG_TITLE).await?;
    wait_until(page, "(() => { const i = document.querySelector('#document-viewer img.document-image'); return i && i.complete && i.naturalWidth === 120; })()").await?;
    let image: Value = eval(
        page,
        "(() => { const i = document.querySelector('#document-viewer img.document-image'); \
         const c = document.createElement('canvas'); c.width = 120; c.height = 80; const x = c.getContext('2d'); \
         x.drawImage(i, 0, 0); const at = (px, py) => Array.from(x.getImageData(px, py, 1, 1).data).slice(0, 3); \
         return { left: at(20, 40), right: at(100, 40), alt: i.alt, right_edge: i.getBoundingClientRect().right }; })()",
    )
    .await?;
    assert_eq!(image["left"], serde_json::json!([255, 0, 0]), "{image}");
    assert_eq!(image["right"], serde_json::json!([0, 0, 255]), "{image}");
    assert_eq!(image["alt"], PNG_TITLE);
    assert!(image["right_edge"].as_f64() <= Some(number("screen")), "{image}");

    // The CDA: its header and sections as text, in the reader's language; no XML.
    view(page, CDA_TITLE).await?;
    wait_until(page, "document.querySelector('#document-viewer .clinical')").await?;
    let text = eval(page, viewer_text).await?.as_str().unwrap_or_default().to_owned();
    for shown in [
        "Lettre de sortie",
        "Marie Dupont",
        "Dr Claire Weber",
        "Douleur abdominale depuis deux jours.",
        "Paracétamol",
        catalogue_message(lang, "documents-clinical-patient")?.as_str(),
        catalogue_message(lang, "documents-clinical-author")?.as_str(),
    ] {
        assert!(text.contains(shown), "{shown:?} is not shown: {text}");
    }
    for raw in ["<", "ClinicalDocument", "urn:hl7-org", "styleCode"] {
        assert!(!text.contains(raw), "{raw:?} is shown: {text}");
    }
    let headings = eval(
        page,
        "Array.from(document.querySelectorAll('#document-viewer .clinical h3')).map(h => h.innerText)",
    )
    .await?;
    assert_eq!(headings, serde_json::json!(["Motif d'hospitalisation", "Traitement de sortie"]));
    assert_eq!(
        eval(page, "document.querySelectorAll('#document-viewer .clinical td').length").await?,
        2
    );
    assert_eq!(
        eval(page, "document.querySelector('#document-viewer .clinical strong').innerText").await?,
        "deux jours"
    );

    // The FHIR observation: type, facts and narrative.
    view(page, FHIR_TITLE).await?;
    wait_until(page, "document.querySelector('#document-viewer [data-resource-type=Observation]')")
        .await?;
    let text = eval(page, viewer_text).await?.as_str().unwrap_or_default().to_owned();
    for shown in [
        "Observation",
        "Hemoglobin",
        "final",
        if lang == "en" { "13.5 g/dL" } else { "13,5 g/dL" },
        "Marie Dupont",
        "Haemoglobin 13.5 g/dL, within range.",
        catalogue_message(lang, "documents-fhir-result")?.as_str(),
    ] {
        assert!(text.contains(shown), "{shown:?} is not shown: {text}");
    }
    for raw in ["resourceType", "{", "<div", "xmlns"] {
        assert!(!text.contains(raw), "{raw:?} is shown: {text}");
    }
    Ok(())
}

/// Records every refusal of the page's Content-Security-Policy from now on.
async fn watch_policy(page: &Page) -> anyhow::Result<()> {
    eval(
        page,
        "window.refusals = []; document.addEventListener('securitypolicyviolation', \
         e => window.refusals.push(e.violatedDirective + ' ' + e.blockedURI)); true",
    )
    .await?;
    Ok(())
}

async fn assert_policy_kept(page: &Page) -> anyhow::Result<()> {
    assert_eq!(eval(page, "window.refusals").await?, serde_json::json!([]));
    Ok(())
}
