//! `dsp demo`: a small, believable data set so that a newcomer can try every role at once: an
//! agent, professionals of several professions, patients in each language. It prints the links
//! and codes to sign in with. Run again, it adds nothing but prints fresh codes for the demo
//! people who have not registered a passkey or key yet (codes are single-use and stored hashed).
//! Everything it creates is audited as the product audits the same act (the agency creating the
//! people and issuing letters and codes, the physician opening a consultation and filing, the
//! patient designating a référent), in the same transaction: the records' histories tell what
//! happened to them, and `dsp audit verify` holds.

use std::fmt;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::{Language, NationalId, Profession};
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use sea_orm::ActiveModelTrait;

use crate::entity::{agent, credential, organisation, patient, professional};
use crate::error::AppError;
use crate::services::agency::{OBJECTION_WINDOW, issue_activation_code, issue_enrolment_code};

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
    if organisation::Entity::find().count(&*txn).await? == 0 {
        // The demo country was opened a month ago: its first letters went out then, so that its
        // records are past their objection window and its professionals reach them today.
        insert_directory(&txn, now - OBJECTION_WINDOW - chrono::TimeDelta::days(1)).await?;
        summary.organisations = ORGANISATIONS.len();
        summary.professionals = PROFESSIONALS.len();
        summary.patients = PATIENTS.len();
        insert_care(state, &txn, now).await?;
    }
    let has_credentials = async |id: Uuid| -> Result<bool, AppError> {
        Ok(credential::Entity::find()
            .filter(credential::Column::SubjectId.eq(id))
            .count(&*txn)
            .await?
            > 0)
    };
    let demo_agent =
        agent::Entity::find().filter(agent::Column::DisplayName.eq(AGENT_NAME)).one(&*txn).await?;
    let by_agent = demo_agent.as_ref().map(|a| (Role::Agent, a.id));
    if let Some(agent) = &demo_agent
        && !has_credentials(agent.id).await?
    {
        summary.agent_link =
            Some(issue_enrolment_code(&*txn, state, Role::Agent, agent.id, now).await?.link);
        let event = Event::new("enrolment_code_issued", Outcome::Success, None)
            .target("agent", agent.id.to_string());
        audit::append(&*txn, &RequestMeta::default(), event, now).await?;
    }
    for (given, family, profession, licence, _) in PROFESSIONALS {
        let Some(p) = professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence))
            .one(&*txn)
            .await?
        else {
            continue;
        };
        if !has_credentials(p.id).await? {
            let link =
                issue_enrolment_code(&*txn, state, Role::Professional, p.id, now).await?.link;
            let event = Event::new("enrolment_code_issued", Outcome::Success, by_agent)
                .target("professional", p.id.to_string());
            audit::append(&*txn, &RequestMeta::default(), event, now).await?;
            summary.professional_links.push((format!("{given} {family}"), profession, link));
        }
    }
    for (first_eleven, given, family, ..) in PATIENTS {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("demo national ID: {e}")))?;
        let Some(p) = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(&*txn)
            .await?
        else {
            continue;
        };
        if p.record_state == RecordState::Created.as_str() {
            let issued = issue_activation_code(&*txn, state, &p, now).await?;
            let event = Event::new("letter_issued", Outcome::Success, by_agent)
                .patient(p.id)
                .with("code_expires_at", issued.expires_at.to_rfc3339());
            audit::append(&*txn, &RequestMeta::default(), event, now).await?;
            let code = issued.code;
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

/// A consultation link and a référent, and a few documents, so that the record pages have
/// something to show: Claire Weber (physician) follows Marie Dupont; Marc Schmit is Thomas
/// Becker's référent; both records hold a report. Jean Kieffer and Emma Wilson start empty.
async fn insert_care(
    state: &AppState,
    txn: &sea_orm::DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::entity::{care_link, document, document_version};
    let professional_id = |licence: &'static str| async move {
        professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence))
            .one(txn)
            .await?
            .map(|p| p.id)
            .ok_or(AppError::NotFound)
    };
    let patient_row = |first_eleven: &'static str| async move {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("demo national ID: {e}")))?;
        patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(txn)
            .await?
            .ok_or(AppError::NotFound)
    };
    let claire = professional_id("M-100201").await?;
    let marc = professional_id("M-100202").await?;
    let marie = patient_row("19720902045").await?;
    let thomas = patient_row("19931127078").await?;
    let meta = RequestMeta::default();
    let link_id = Uuid::new_v4();
    care_link::ActiveModel {
        id: Set(link_id),
        patient_id: Set(marie.id),
        professional_id: Set(Some(claire)),
        organisation_id: Set(None),
        context: Set("consultation".into()),
        starts_at: Set(now),
        ends_at: Set(now + chrono::TimeDelta::days(15)),
        ended_at: Set(None),
        created_by_kind: Set("professional".into()),
        created_by_id: Set(claire),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    let opened = Event::new("link_opened", Outcome::Success, Some((Role::Professional, claire)))
        .with("context", "consultation")
        .patient(marie.id)
        .target("link", link_id.to_string());
    audit::append(txn, &meta, opened, now).await?;
    let mut thomas_active: patient::ActiveModel = thomas.clone().into();
    thomas_active.referent_id = Set(Some(marc));
    thomas_active.update(txn).await?;
    let designated =
        Event::new("referent_designated", Outcome::Success, Some((Role::Patient, thomas.id)))
            .patient(thomas.id)
            .target("professional", marc.to_string());
    audit::append(txn, &meta, designated, now).await?;
    for (record, author, category, title, lines) in [
        (
            &marie,
            claire,
            "care-reports",
            "Compte rendu de consultation",
            [
                "Consultation du médecin traitant (démo).",
                "Tension artérielle 128/82 mmHg, examen normal.",
            ],
        ),
        (
            &thomas,
            marc,
            "summaries",
            "Lettre de sortie",
            ["Séjour au CHL (démo) du 10 au 14 novembre.", "Appendicectomie sans complication."],
        ),
    ] {
        let pdf = demo_pdf(title, &lines);
        let mut pending =
            state.store.begin().await.map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
        pending
            .write(pdf.clone().into())
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
        let address =
            pending.commit().await.map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
        let id = Uuid::new_v4();
        document::ActiveModel {
            id: Set(id),
            patient_id: Set(record.id),
            category: Set(category.into()),
            title: Set(title.into()),
            clinical_date: Set(now.date_naive()),
            author_kind: Set("professional".into()),
            author_id: Set(author),
            organisation_id: Set(None),
            status: Set("current".into()),
            withdrawn_reason: Set(None),
            restriction: Set("none".into()),
            current_version: Set(1),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        document_version::ActiveModel {
            id: Set(Uuid::new_v4()),
            document_id: Set(id),
            version: Set(1),
            sha256: Set(address.to_hex()),
            size: Set(i64::try_from(pdf.len()).unwrap_or(0)),
            format: Set("pdf".into()),
            media_type: Set("application/pdf".into()),
            file_name: Set(Some(format!("{title}.pdf"))),
            created_by: Set(author),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        let filed =
            Event::new("document_filed", Outcome::Success, Some((Role::Professional, author)))
                .patient(record.id)
                .target("document", id.to_string())
                .with("category", category);
        audit::append(txn, &meta, filed, now).await?;
    }
    Ok(())
}

/// A one-page PDF with a title and a few lines (ASCII-safe text through WinAnsi). The load
/// generator's placeholder documents are made with it too.
pub(crate) fn demo_pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
    let mut pdf = Pdf::new();
    let (catalog, tree, page, font, content) =
        (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(tree).contents(content);
    p.resources().fonts().pair(Name(b"F1"), font);
    p.finish();
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let latin1 = |text: &str| {
        text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect::<Vec<u8>>()
    };
    let mut c = Content::new();
    c.begin_text()
        .set_font(Name(b"F1"), 18.0)
        .next_line(60.0, 770.0)
        .show(Str(&latin1(title)))
        .end_text();
    for (i, line) in lines.iter().enumerate() {
        let y = 730.0 - 20.0 * f32::from(u8::try_from(i).unwrap_or(0));
        c.begin_text()
            .set_font(Name(b"F1"), 12.0)
            .next_line(60.0, y)
            .show(Str(&latin1(line)))
            .end_text();
    }
    pdf.stream(content, &c.finish());
    pdf.finish()
}

async fn insert_directory(
    txn: &sea_orm::DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let meta = RequestMeta::default();
    let agent_id = Uuid::new_v4();
    agent::Entity::insert(agent::ActiveModel {
        id: Set(agent_id),
        display_name: Set(AGENT_NAME.into()),
        state: Set("active".into()),
        created_at: Set(now),
    })
    .exec_without_returning(txn)
    .await?;
    let created = Event::new("agent_created", Outcome::Success, None)
        .target("agent", agent_id.to_string())
        .with("name", AGENT_NAME);
    audit::append(txn, &meta, created, now).await?;
    let by_agent = Some((Role::Agent, agent_id));
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
        let id = Uuid::new_v4();
        professional::Entity::insert(professional::ActiveModel {
            id: Set(id),
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
        let created = Event::new("professional_created", Outcome::Success, by_agent)
            .target("professional", id.to_string());
        audit::append(txn, &meta, created, now).await?;
    }
    for (first_eleven, given, family, language, street, postal_code, city) in PATIENTS {
        let national_id = NationalId::from_first_eleven(first_eleven)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("demo national ID: {e}")))?;
        let id = Uuid::new_v4();
        patient::Entity::insert(patient::ActiveModel {
            id: Set(id),
            birth_date: Set(national_id.birth_date()),
            national_id: Set(national_id.to_string()),
            given_name: Set(given.into()),
            family_name: Set(family.into()),
            preferred_language: Set(language.tag().into()),
            record_state: Set(RecordState::Created.as_str().into()),
            created_at: Set(now),
            letter_issued_at: Set(Some(now)),
            activated_at: Set(None),
            closed_at: Set(None),
            street: Set(Some(street.into())),
            postal_code: Set(Some(postal_code.into())),
            city: Set(Some(city.into())),
            country: Set(Some("LU".into())),
            referent_id: Set(None),
            emergency_access_enabled: Set(true),
            phone: Set(None),
            email: Set(None),
        })
        .exec_without_returning(txn)
        .await?;
        let created = Event::new("patient_created", Outcome::Success, by_agent).patient(id);
        audit::append(txn, &meta, created, now).await?;
        // The first letter, whose code has long expired in the story; `create` prints a new one.
        let letter = Event::new("letter_issued", Outcome::Success, by_agent).patient(id);
        audit::append(txn, &meta, letter, now).await?;
    }
    Ok(())
}
