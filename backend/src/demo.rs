//! `dsp demo`: a small, believable data set so that a newcomer can try every role at once: an
//! agent, professionals of several professions, patients in each language. It prints the links
//! and codes to sign in with. Run again, it adds nothing but prints fresh codes for the demo
//! people who have not registered a passkey or key yet (codes are single-use and stored hashed).

use std::fmt;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::{Language, NationalId, Profession};
use uuid::Uuid;

use crate::app::AppState;
use crate::entity::{agent, credential, organisation, patient, professional};
use crate::error::AppError;
use crate::services::agency::{issue_activation_code, issue_enrolment_code};

const AGENT_NAME: &str = "Agence DSP (démo)";

const ORGANISATIONS: [(&str, &str); 4] = [
    ("Centre Hospitalier de Luxembourg (démo)", "hospital"),
    ("Cabinet médical Place d'Armes (démo)", "practice"),
    ("Laboratoire Ketterthill (démo)", "laboratory"),
    ("Pharmacie du Globe (démo)", "pharmacy"),
];

/// (given name, family name, profession, licence, organisation index)
const PROFESSIONALS: [(&str, &str, Profession, &str, usize); 5] = [
    ("Claire", "Weber", Profession::Physician, "M-100201", 1),
    ("Marc", "Schmit", Profession::Physician, "M-100202", 0),
    ("Sophie", "Muller", Profession::Nurse, "I-200301", 0),
    ("Luc", "Hoffmann", Profession::Pharmacist, "P-300401", 3),
    ("Anne", "Thill", Profession::Biologist, "B-400501", 2),
];

/// (first eleven digits of the national ID, given name, family name, language, street, postal
/// code, city)
const PATIENTS: [(&str, &str, &str, Language, &str, &str, &str); 4] = [
    ("19850314123", "Jean", "Kieffer", Language::Lb, "12, rue de la Gare", "L-9122", "Schieren"),
    (
        "19720902045",
        "Marie",
        "Dupont",
        Language::Fr,
        "3, avenue de la Liberté",
        "L-1930",
        "Luxembourg",
    ),
    ("19931127078", "Thomas", "Becker", Language::De, "45, Grand-Rue", "L-9051", "Ettelbruck"),
    (
        "20010605011",
        "Emma",
        "Wilson",
        Language::En,
        "7, rue du Fort Wallis",
        "L-2714",
        "Luxembourg",
    ),
];

/// What the demo created, and how to try each role.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Organisations created (0 when the demo data was already there).
    pub organisations: usize,
    /// Professionals created.
    pub professionals: usize,
    /// Patients created.
    pub patients: usize,
    /// The agent's enrolment link, if the agent has no key yet.
    pub agent_link: Option<String>,
    /// (name, profession, link) for each professional without a key yet.
    pub professional_links: Vec<(String, Profession, String)>,
    /// (name, national ID, activation code) for each patient who has not activated yet.
    pub patient_codes: Vec<(String, String, String)>,
    /// Where to go.
    pub origin: String,
}

impl fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.organisations == 0 {
            writeln!(f, "demo data already present: fresh codes for those not yet registered")?;
        } else {
            writeln!(
                f,
                "demo data added: {} organisations, {} professionals, {} patients",
                self.organisations, self.professionals, self.patients
            )?;
        }
        if let Some(link) = &self.agent_link {
            writeln!(f, "\nagency agent — enrol a security key:\n  {link}")?;
        }
        if !self.professional_links.is_empty() {
            writeln!(f, "\nprofessionals — enrol a security key:")?;
        }
        for (name, profession, link) in &self.professional_links {
            writeln!(f, "  {name} ({}): {link}", profession.code())?;
        }
        if !self.patient_codes.is_empty() {
            writeln!(f, "\npatients — activate at {}/activate with:", self.origin)?;
        }
        for (name, national_id, code) in &self.patient_codes {
            writeln!(f, "  {name}: national ID {national_id}, activation code {code}")?;
        }
        writeln!(f, "\nthen sign in at {}/sign-in", self.origin)
    }
}

/// Creates the demo data (once) and fresh codes for the demo people not yet registered.
///
/// # Errors
/// When the database refuses the inserts.
pub async fn create(state: &AppState) -> Result<DemoSummary, AppError> {
    let now = state.clock.now();
    let db = &state.db;
    let mut summary =
        DemoSummary { origin: state.config.public_origin.clone(), ..DemoSummary::default() };
    let txn = crate::db::begin_write(db).await?;
    if organisation::Entity::find().count(&txn).await? == 0 {
        insert_directory(&txn, now).await?;
        summary.organisations = ORGANISATIONS.len();
        summary.professionals = PROFESSIONALS.len();
        summary.patients = PATIENTS.len();
    }
    let has_credentials = async |id: Uuid| -> Result<bool, AppError> {
        Ok(credential::Entity::find()
            .filter(credential::Column::SubjectId.eq(id))
            .count(&txn)
            .await?
            > 0)
    };
    if let Some(agent) =
        agent::Entity::find().filter(agent::Column::DisplayName.eq(AGENT_NAME)).one(&txn).await?
        && !has_credentials(agent.id).await?
    {
        summary.agent_link =
            Some(issue_enrolment_code(&txn, state, Role::Agent, agent.id, now).await?.link);
    }
    for (given, family, profession, licence, _) in PROFESSIONALS {
        let Some(p) = professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence))
            .one(&txn)
            .await?
        else {
            continue;
        };
        if !has_credentials(p.id).await? {
            let link = issue_enrolment_code(&txn, state, Role::Professional, p.id, now).await?.link;
            summary.professional_links.push((format!("{given} {family}"), profession, link));
        }
    }
    for (first_eleven, given, family, ..) in PATIENTS {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("demo national ID: {e}")))?;
        let Some(p) = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(&txn)
            .await?
        else {
            continue;
        };
        if p.record_state == RecordState::Created.as_str() {
            let code = issue_activation_code(&txn, state, &p, now).await?.code;
            summary.patient_codes.push((
                format!("{given} {family}"),
                national_id.to_string(),
                code,
            ));
        }
    }
    txn.commit().await?;
    Ok(summary)
}

async fn insert_directory(
    txn: &sea_orm::DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    agent::Entity::insert(agent::ActiveModel {
        id: Set(Uuid::new_v4()),
        display_name: Set(AGENT_NAME.into()),
        state: Set("active".into()),
        created_at: Set(now),
    })
    .exec_without_returning(txn)
    .await?;
    let mut organisation_ids = Vec::new();
    for (name, kind) in ORGANISATIONS {
        let id = Uuid::new_v4();
        organisation::Entity::insert(organisation::ActiveModel {
            id: Set(id),
            name: Set(name.into()),
            kind: Set(kind.into()),
            created_at: Set(now),
        })
        .exec_without_returning(txn)
        .await?;
        organisation_ids.push(id);
    }
    for (given, family, profession, licence, org) in PROFESSIONALS {
        professional::Entity::insert(professional::ActiveModel {
            id: Set(Uuid::new_v4()),
            given_name: Set(given.into()),
            family_name: Set(family.into()),
            profession: Set(profession.code().into()),
            licence_number: Set(licence.into()),
            organisation_id: Set(organisation_ids.get(org).copied()),
            state: Set("active".into()),
            email: Set(None),
            created_at: Set(now),
        })
        .exec_without_returning(txn)
        .await?;
    }
    for (first_eleven, given, family, language, street, postal_code, city) in PATIENTS {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("demo national ID: {e}")))?;
        patient::Entity::insert(patient::ActiveModel {
            id: Set(Uuid::new_v4()),
            birth_date: Set(national_id.birth_date()),
            national_id: Set(national_id.to_string()),
            given_name: Set(given.into()),
            family_name: Set(family.into()),
            preferred_language: Set(language.tag().into()),
            record_state: Set(RecordState::Created.as_str().into()),
            created_at: Set(now),
            letter_issued_at: Set(None),
            activated_at: Set(None),
            closed_at: Set(None),
            street: Set(Some(street.into())),
            postal_code: Set(Some(postal_code.into())),
            city: Set(Some(city.into())),
            country: Set(Some("LU".into())),
            referent_id: Set(None),
            emergency_access_enabled: Set(true),
        })
        .exec_without_returning(txn)
        .await?;
    }
    Ok(())
}
