//! A professional's worklist: the patients they reach now through a live therapeutic link of
//! their own or of their institution, soonest-ending first, with the links about to end flagged
//! and those the rules let them renew marked so.
//!
//! A link alone is not enough to be listed: each record is decided like a list of its documents
//! ([`access::decide`], `ListDocuments`), so that a record the patient closed, one still in its
//! objection window, or a patient who blocked this professional, stays off the list. The reading
//! is audited (`worklist_viewed`, with how many links it showed).

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use shared::api::auth::Role;
use shared::api::care::{EXPIRING_SOON_DAYS, LinkContext, WorklistEntry};
use shared::ids::{PatientId, ProfessionalId};

use super::audited_read;
use super::care::{link_summary, record_facts};
use crate::access::{self, Action, Actor};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::CurrentProfessional;
use crate::entity::{care_link, organisation, patient};
use crate::error::AppError;

/// Whether a link ending at `ends_at` is flagged as ending soon at `now`.
#[must_use]
pub fn expiring_soon(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    ends_at - now <= TimeDelta::days(EXPIRING_SOON_DAYS)
}

/// The professional's worklist (audited).
///
/// # Errors
/// Database errors.
pub async fn worklist(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
) -> Result<Vec<WorklistEntry>, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    let event = Event::new("worklist_viewed", Outcome::Success, Some((Role::Professional, pro)));
    audited_read(state, meta, event, async |txn, event, _| {
        let who = super::documents::actor(txn, &professional.0).await?;
        let Actor::Professional { organisation: own_organisation, .. } = who else {
            return Ok(Vec::new());
        };
        let mut held = Condition::any().add(care_link::Column::ProfessionalId.eq(pro));
        if let Some(o) = own_organisation {
            held = held.add(care_link::Column::OrganisationId.eq(o.0));
        }
        let links = care_link::Entity::find()
            .filter(held)
            .filter(care_link::Column::StartsAt.lte(now))
            .filter(care_link::Column::EndsAt.gt(now))
            .filter(care_link::Column::EndedAt.is_null())
            .order_by_asc(care_link::Column::EndsAt)
            .all(txn)
            .await?;
        let matrix = state.matrix.get(txn).await?;
        let mut entries = Vec::with_capacity(links.len());
        for link in links {
            let facts = record_facts(txn, link.patient_id, now).await?;
            let decision = access::decide(&matrix, &who, &Action::ListDocuments, &facts, now);
            if !decision.is_allowed() {
                continue;
            }
            let Some(record) = patient::Entity::find_by_id(link.patient_id).one(txn).await? else {
                continue;
            };
            let institution_link = link.organisation_id.is_some();
            let organisation = match link.organisation_id {
                Some(o) => organisation::Entity::find_by_id(o).one(txn).await?.map(|o| o.name),
                None => None,
            };
            let summary = link_summary(txn, link, now).await?;
            // The same rule as the renewal itself: a live stay of one's own institution, and no
            // block (a blocked professional is not listed at all).
            let renewable = summary.context == LinkContext::InstitutionStay
                && institution_link
                && !facts.blocked.contains(&ProfessionalId(pro));
            entries.push(WorklistEntry {
                patient_id: PatientId(record.id),
                given_name: record.given_name,
                family_name: record.family_name,
                birth_date: record.birth_date,
                expiring_soon: expiring_soon(summary.ends_at, now),
                renewable,
                organisation,
                link: summary,
            });
        }
        *event = event.clone().with("links", entries.len());
        Ok(entries)
    })
    .await
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_link_is_flagged_from_three_days_before_its_end() {
        let now = Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap();
        assert!(expiring_soon(now + TimeDelta::days(3), now));
        assert!(expiring_soon(now + TimeDelta::hours(1), now));
        assert!(!expiring_soon(now + TimeDelta::days(3) + TimeDelta::seconds(1), now));
        assert!(!expiring_soon(now + TimeDelta::days(15), now));
    }
}
