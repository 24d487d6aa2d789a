//! The history as CSV (RFC 4180: comma-separated, CRLF, quoted when needed) that is safe to open
//! in a spreadsheet: a cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab,
//! CR) is prefixed with `'`, so an actor's name, a passkey's name or a document's title can never
//! run as one. Columns are only ever added at the end.

use std::fmt::Write as _;

use shared::api::history::{HistoryEntry, HistoryOutcome};

const COLUMNS: [&str; 20] = [
    "id",
    "occurred_at",
    "actor_role",
    "actor_name",
    "actor_id",
    "action",
    "outcome",
    "target_kind",
    "target_id",
    "rule",
    "context",
    "refused",
    "label",
    "request_id",
    "denied",
    "document_title",
    "document_category",
    "professionals",
    "organisation",
    "stated_reason",
];

/// The header row.
pub fn header() -> String {
    let mut out = String::new();
    line(&mut out, COLUMNS.iter().map(|c| Some((*c).to_owned())));
    out
}

/// Appends one entry as a row.
pub fn row(out: &mut String, e: &HistoryEntry) {
    let actor = e.actor.as_ref();
    line(
        out,
        [
            Some(e.id.to_string()),
            Some(e.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            actor.map(|a| a.role.as_str().to_owned()),
            actor.and_then(|a| a.display_name.clone()),
            actor.and_then(|a| a.id).map(|id| id.to_string()),
            Some(e.action.clone()),
            Some(
                match e.outcome {
                    HistoryOutcome::Success => "success",
                    HistoryOutcome::Failure => "failure",
                }
                .to_owned(),
            ),
            e.target.as_ref().map(|t| t.kind.clone()),
            e.target.as_ref().map(|t| t.id.clone()),
            e.rule.clone(),
            e.context.clone(),
            e.refused.clone(),
            e.label.clone(),
            e.request_id.clone(),
            e.denied.clone(),
            e.document.as_ref().and_then(|d| d.title.clone()),
            e.document.as_ref().and_then(|d| d.category).map(|c| c.code().to_owned()),
            Some(
                e.professionals
                    .iter()
                    .map(|p| match p.profession {
                        Some(profession) => format!("{} ({})", p.display_name, profession.code()),
                        None => p.display_name.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            e.organisation.clone(),
            e.stated_reason.clone(),
        ],
    );
}

fn line(out: &mut String, cells: impl IntoIterator<Item = Option<String>>) {
    for (i, value) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, value.as_deref().unwrap_or_default());
    }
    out.push_str("\r\n");
}

/// One cell: neutralised, then quoted when it holds a comma, a quote or a line break.
fn cell(out: &mut String, value: &str) {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = value.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quote {
        let _ = write!(out, "{}", value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> String {
        let mut out = String::new();
        cell(&mut out, value);
        out
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(one("plain"), "plain");
        assert_eq!(
            one("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(one("+1"), "'+1");
        assert_eq!(one("-2"), "'-2");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("\tx"), "'\tx");
        assert_eq!(one("\rx"), "\"'\rx\"");
        assert_eq!(one("a,b"), "\"a,b\"");
        assert_eq!(one("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(one(""), "");
    }

    #[test]
    fn the_header_names_every_column() {
        assert_eq!(header().trim_end().split(',').count(), COLUMNS.len());
        assert!(header().ends_with("\r\n"));
    }
}
