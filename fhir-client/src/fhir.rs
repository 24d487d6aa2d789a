//! Talking FHIR R4 to DSP with the saved tokens: ITI-65 (provide a bundle), ITI-67 (find document references, following `next` links) and ITI-68
//! (retrieve a document's content). The access token is refreshed before it expires, and once
//! more if the server says it is no longer valid; the rotated tokens are saved at once.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::Utc;
use reqwest::{Method, StatusCode, header};
use serde_json::Value;
use url::Url;

use crate::auth;
use crate::bundle::MATRICULE_SYSTEM;
use crate::tokens::{self, Tokens};

/// The FHIR media type.
pub const FHIR_JSON: &str = "application/fhir+json";

/// How the command line names a patient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatientArg {
    /// DSP's id of the patient (`Patient/<id>`).
    Id(String),
    /// The national identification number.
    Matricule(String),
}

/// A connection to DSP's FHIR interface on behalf of the logged-in professional.
#[derive(Debug)]
pub struct Fhir {
    http: reqwest::Client,
    token_file: PathBuf,
    tokens: Tokens,
}

/// The text of an OperationOutcome (its DSP error code and diagnostics), or the body as is.
#[must_use]
pub fn outcome_text(body: &str) -> String {
    let Ok(outcome) = serde_json::from_str::<Value>(body) else {
        return body.chars().take(300).collect();
    };
    if outcome["resourceType"] != "OperationOutcome" {
        return body.chars().take(300).collect();
    }
    let mut parts = Vec::new();
    for issue in outcome["issue"].as_array().into_iter().flatten() {
        let code = issue["details"]["coding"][0]["code"].as_str().or(issue["code"].as_str());
        let text = issue["diagnostics"].as_str().or(issue["details"]["text"].as_str());
        parts.push(match (code, text) {
            (Some(c), Some(t)) => format!("{c}: {t}"),
            (Some(c), None) => c.to_owned(),
            (None, Some(t)) => t.to_owned(),
            (None, None) => "error".to_owned(),
        });
    }
    parts.join("; ")
}

/// One document found (the summary line of `find`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The DocumentReference's id.
    pub id: String,
    /// Its date.
    pub date: String,
    /// Its category code.
    pub category: String,
    /// The title.
    pub title: String,
    /// The media type of its content.
    pub content_type: String,
}

impl Found {
    fn of(resource: &Value) -> Self {
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        let attachment = &resource["content"][0]["attachment"];
        Self {
            id: text(&resource["id"]),
            date: text(&resource["date"]),
            category: text(&resource["category"][0]["coding"][0]["code"]),
            title: attachment["title"]
                .as_str()
                .map_or_else(|| text(&resource["description"]), str::to_owned),
            content_type: text(&attachment["contentType"]),
        }
    }
}

impl Fhir {
    /// Opens the token file.
    ///
    /// # Errors
    /// When there is no usable token file.
    pub fn open(token_file: &Path) -> anyhow::Result<Self> {
        Ok(Self {
            http: auth::http_client()?,
            token_file: token_file.to_owned(),
            tokens: tokens::load(token_file)?,
        })
    }

    /// The FHIR base URL.
    #[must_use]
    pub fn base(&self) -> String {
        format!("{}/fhir/R4", self.tokens.server)
    }

    async fn refresh(&mut self) -> anyhow::Result<()> {
        let fresh = auth::refresh(&self.http, &self.tokens).await?;
        tokens::save(&self.token_file, &fresh)?;
        self.tokens = fresh;
        Ok(())
    }

    /// Sends a request with the bearer token; refreshes first when the token is about to
    /// expire, and retries once after a refresh when the server answers 401.
    async fn send(
        &mut self,
        method: Method,
        url: &str,
        accept: &str,
        body: Option<&Value>,
    ) -> anyhow::Result<reqwest::Response> {
        if self.tokens.needs_refresh(Utc::now()) {
            self.refresh().await?;
        }
        let mut retried = false;
        loop {
            let mut request = self
                .http
                .request(method.clone(), url)
                .bearer_auth(&self.tokens.access_token)
                .header(header::ACCEPT, accept);
            if let Some(body) = body {
                request =
                    request.header(header::CONTENT_TYPE, FHIR_JSON).body(serde_json::to_vec(body)?);
            }
            let response = request.send().await.with_context(|| format!("{method} {url}"))?;
            if response.status() == StatusCode::UNAUTHORIZED && !retried {
                retried = true;
                self.refresh().await?;
                continue;
            }
            return Ok(response);
        }
    }

    async fn json(
        &mut self,
        method: Method,
        url: &str,
        body: Option<&Value>,
    ) -> anyhow::Result<Value> {
        let response = self.send(method.clone(), url, FHIR_JSON, body).await?;
        let status = response.status();
        let text = response.text().await?;
        if !status.is_success() {
            bail!("{method} {url}: {status}: {}", outcome_text(&text));
        }
        serde_json::from_str(&text).with_context(|| format!("{url} did not answer FHIR JSON"))
    }

    /// ITI-65: files the bundle; the transaction-response bundle.
    ///
    /// # Errors
    /// When the server refuses the bundle (nothing is stored then).
    pub async fn provide(&mut self, bundle: &Value) -> anyhow::Result<Value> {
        let base = self.base();
        self.json(Method::POST, &base, Some(bundle)).await
    }

    /// ITI-67: the current documents of the patient, all pages.
    ///
    /// # Errors
    /// When the search is refused.
    pub async fn find(&mut self, patient: &PatientArg) -> anyhow::Result<Vec<Found>> {
        let mut url = Url::parse(&format!("{}/DocumentReference", self.base()))?;
        {
            let mut query = url.query_pairs_mut();
            match patient {
                PatientArg::Id(id) => query.append_pair("patient", id),
                PatientArg::Matricule(m) => {
                    query.append_pair("patient.identifier", &format!("{MATRICULE_SYSTEM}|{m}"))
                }
            };
            query.append_pair("status", "current");
        }
        let mut next = Some(url.to_string());
        let mut found = Vec::new();
        let mut pages = 0;
        while let Some(page) = next.take() {
            pages += 1;
            if pages > 1000 {
                bail!("more than 1000 pages: stopped");
            }
            let bundle = self.json(Method::GET, &page, None).await?;
            found.extend(
                bundle["entry"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| &e["resource"])
                    .filter(|r| r["resourceType"] == "DocumentReference")
                    .map(Found::of),
            );
            next = bundle["link"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|l| l["relation"] == "next")
                .and_then(|l| l["url"].as_str())
                .map(str::to_owned);
        }
        Ok(found)
    }

    /// ITI-68: writes the content of the DocumentReference `id` to `out`; its media type.
    ///
    /// # Errors
    /// When the document is not within reach or the file cannot be written.
    pub async fn get(&mut self, id: &str, out: &Path) -> anyhow::Result<(String, u64)> {
        let base = self.base();
        let reference =
            self.json(Method::GET, &format!("{base}/DocumentReference/{id}"), None).await?;
        let attachment = &reference["content"][0]["attachment"];
        let location = attachment["url"].as_str().context("the document has no content URL")?;
        let url = Url::parse(&format!("{base}/"))?.join(location)?;
        let content_type = attachment["contentType"].as_str().unwrap_or("*/*").to_owned();
        let response = self.send(Method::GET, url.as_str(), &content_type, None).await?;
        let status = response.status();
        if !status.is_success() {
            let text = response.text().await?;
            bail!("GET {url}: {status}: {}", outcome_text(&text));
        }
        let bytes = response.bytes().await?;
        tokio::fs::write(out, &bytes)
            .await
            .with_context(|| format!("writing {}", out.display()))?;
        Ok((content_type, bytes.len() as u64))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_operation_outcome_reads_as_its_code_and_diagnostics() {
        let body = json!({
            "resourceType": "OperationOutcome",
            "issue": [{ "severity": "error", "code": "forbidden",
                "details": { "coding": [{ "system": "https://dsp.lu/fhir/CodeSystem/api-error", "code": "insufficient_scope" }] },
                "diagnostics": "the token does not allow this" }]
        });
        assert_eq!(
            outcome_text(&body.to_string()),
            "insufficient_scope: the token does not allow this"
        );
        assert_eq!(outcome_text("plain text"), "plain text");
    }

    #[test]
    fn a_found_document_is_summarised() {
        let found = Found::of(&json!({
            "resourceType": "DocumentReference", "id": "d1", "date": "2026-12-01T10:00:00Z",
            "category": [{ "coding": [{ "code": "care-reports" }] }],
            "content": [{ "attachment": { "contentType": "application/pdf", "title": "Report" } }]
        }));
        assert_eq!(found.id, "d1");
        assert_eq!(found.category, "care-reports");
        assert_eq!(found.title, "Report");
        assert_eq!(found.content_type, "application/pdf");
    }
}
