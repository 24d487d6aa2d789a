//! Agency agents, created from the command line (`dsp admin create-agent`).

use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use shared::api::agency::EnrolmentCodeIssued;
use shared::api::auth::Role;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::entity::agent;
use crate::error::AppError;

/// Creates an active agent and their one-time enrolment link (audited, actor: the system).
///
/// # Errors
/// An empty name; database.
pub async fn create_agent(
    state: &AppState,
    display_name: &str,
) -> Result<(Uuid, EnrolmentCodeIssued), AppError> {
    let name = display_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::InvalidRequest("an agent's name has 1 to 200 characters".into()));
    }
    let now = state.clock.now();
    let id = Uuid::new_v4();
    let txn = crate::db::begin_write(&state.db).await?;
    agent::ActiveModel {
        id: Set(id),
        display_name: Set(name.to_owned()),
        state: Set("active".into()),
        created_at: Set(now),
    }
    .insert(&*txn)
    .await?;
    let issued = super::agency::issue_enrolment_code(&*txn, state, Role::Agent, id, now).await?;
    let event = Event::new("agent_created", Outcome::Success, None)
        .target("agent", id.to_string())
        .with("name", name);
    audit::append(&*txn, &RequestMeta::default(), event, now).await?;
    txn.commit().await?;
    Ok((id, issued))
}
