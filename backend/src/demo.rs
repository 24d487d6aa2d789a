//! `dsp demo`: a small, believable data set so that a newcomer can try the product at once.
//! Idempotent: it adds nothing when the directory already has organisations.

use anyhow::Context;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait,
};
use shared::{Language, NationalId, Profession};
use uuid::Uuid;

use crate::entity::{organisation, patient, professional};

/// What the demo created.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Organisations created.
    pub organisations: usize,
    /// Professionals created.
    pub professionals: usize,
    /// Patients created.
    pub patients: usize,
}

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

/// (first eleven digits of the national ID, given name, family name, language)
const PATIENTS: [(&str, &str, &str, Language); 4] = [
    ("19850314123", "Jean", "Kieffer", Language::Lb),
    ("19720902045", "Marie", "Dupont", Language::Fr),
    ("19931127078", "Thomas", "Becker", Language::De),
    ("20010605011", "Emma", "Wilson", Language::En),
];

/// Creates the demo organisations, professionals and patients in one transaction.
///
/// # Errors
/// When the database refuses the inserts.
pub async fn create(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<DemoSummary> {
    if organisation::Entity::find().count(db).await? > 0 {
        return Ok(DemoSummary::default());
    }
    let txn = db.begin().await?;
    let mut organisation_ids = Vec::new();
    for (name, kind) in ORGANISATIONS {
        let id = Uuid::new_v4();
        organisation::Entity::insert(organisation::ActiveModel {
            id: Set(id),
            name: Set(name.into()),
            kind: Set(kind.into()),
            created_at: Set(now),
        })
        .exec_without_returning(&txn)
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
        .exec_without_returning(&txn)
        .await?;
    }
    for (first_eleven, given, family, language) in PATIENTS {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .with_context(|| format!("demo national ID {first_eleven}"))?;
        patient::Entity::insert(patient::ActiveModel {
            id: Set(Uuid::new_v4()),
            birth_date: Set(national_id.birth_date()),
            national_id: Set(national_id.to_string()),
            given_name: Set(given.into()),
            family_name: Set(family.into()),
            preferred_language: Set(language.tag().into()),
            record_state: Set("created".into()),
            created_at: Set(now),
            letter_issued_at: Set(Some(now)),
            activated_at: Set(None),
            closed_at: Set(None),
            street: Set(None),
            postal_code: Set(None),
            city: Set(None),
            country: Set(None),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(DemoSummary {
        organisations: ORGANISATIONS.len(),
        professionals: PROFESSIONALS.len(),
        patients: PATIENTS.len(),
    })
}
