//! The facts a decision is made on: who acts, what they attempt, the record and the document.
//!
//! Plain data, filled from the database by the services before they call
//! [`decide`](super::decide); nothing here reads a clock or a database.

use chrono::{DateTime, TimeDelta, Utc};
use shared::api::agency::RecordState;
use shared::ids::{AgentId, OrganisationId, PatientId, ProfessionalId};
use shared::{Category, Profession};
use uuid::Uuid;

/// The objection window: a created record becomes reachable by professionals 30 days after its
/// first information letter, unless the patient activates it earlier.
pub const OBJECTION_WINDOW: TimeDelta = TimeDelta::days(30);

/// How long an emergency access ("break the glass") lasts from the moment it is opened.
pub const EMERGENCY_ACCESS_DURATION: TimeDelta = TimeDelta::hours(4);

/// Who is acting, as the session says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A patient, the holder of a record (they may act only on their own).
    Patient {
        /// Their record.
        id: PatientId,
    },
    /// A health professional of the directory.
    Professional {
        /// Their id in the directory.
        id: ProfessionalId,
        /// Their profession: the matrix column that applies, unless they are the patient's
        /// médecin référent, who uses the `REF` column.
        profession: Profession,
        /// The organisation they work for, through which an institution's link may reach them.
        organisation: Option<OrganisationId>,
        /// Whether the directory lists them as active; an inactive professional reaches nothing.
        active: bool,
    },
    /// An agency agent (helpdesk). The agency has no access to health data.
    Agent {
        /// Their id.
        id: AgentId,
    },
}

/// What the actor attempts on a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    /// Open the record and list its documents. Allowing this says only that the actor reaches
    /// the record; the service must still decide [`Action::ReadDocument`] for every document and
    /// leave out the ones denied, so that a hidden document does not show in the list.
    ListDocuments,
    /// Read one document (its metadata or its content).
    ReadDocument(&'a DocumentFacts),
    /// File a new document in a category.
    WriteDocument {
        /// The category of the new document.
        category: Category,
    },
    /// Withdraw a document: only its author, while they could still write its category.
    WithdrawDocument(&'a DocumentFacts),
    /// File a new version of a document: its author, or a professional of the organisation it
    /// was filed under, while they could write its category and see it; the patient for their
    /// own notes in the personal space.
    ReplaceDocument(&'a DocumentFacts),
    /// Read the access-traces dashboard: who looked at what in the record.
    ReadAccessTraces,
    /// Open an emergency access ("break the glass"): never over a block, never when the patient
    /// has switched emergency access off.
    OpenEmergencyAccess,
    /// Read the patient's declared wishes (organ donation, advance directives): part of the
    /// personal space, read like its category by whoever has a relation (an emergency access
    /// included).
    ReadWishes,
    /// Record, change or withdraw a declared wish: the patient alone, the author of their wishes.
    WriteWishes,
    /// Open a consultation link with the practice code the patient read out at the visit: an
    /// open record, an active professional, no block (the code is the patient's consent; the
    /// link it opens is then decided like any other).
    OpenPracticeConsultation,
}

impl Action<'_> {
    /// The stable name of the action, for the audit log.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::ListDocuments => "list_documents",
            Self::ReadDocument(_) => "read_document",
            Self::WriteDocument { .. } => "write_document",
            Self::WithdrawDocument(_) => "withdraw_document",
            Self::ReplaceDocument(_) => "replace_document",
            Self::ReadAccessTraces => "read_access_traces",
            Self::OpenEmergencyAccess => "open_emergency_access",
            Self::ReadWishes => "read_wishes",
            Self::WriteWishes => "write_wishes",
            Self::OpenPracticeConsultation => "open_practice_consultation",
        }
    }
}

/// The facts of one record that the access rules depend on, as they stand at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFacts {
    /// Whose record it is.
    pub patient: PatientId,
    /// Created, activated or closed. A closed record is unreachable by every professional.
    pub state: RecordState,
    /// When the first information letter was issued: the start of the objection window. A
    /// letter issued again later does not restart it. `None`: no letter yet, so the window has
    /// not started and a record that is not activated is not open.
    pub first_letter_issued_at: Option<DateTime<Utc>>,
    /// The professionals the patient has blocked ("private level"): a block beats everything.
    pub blocked: Vec<ProfessionalId>,
    /// The patient's médecin référent: standing access with the `REF` column of the matrix.
    pub referent: Option<ProfessionalId>,
    /// The therapeutic links of the record, live or not.
    pub links: Vec<TherapeuticLink>,
    /// Whether the patient allows emergency access; when off, no emergency access counts, not
    /// even one opened before.
    pub emergency_access_enabled: bool,
    /// The emergency accesses opened on the record, live or not.
    pub emergency_grants: Vec<EmergencyGrant>,
    /// For a record closed on a recorded death: until when the professionals who hold a live
    /// link (or are the médecin référent) keep reading it (`DSP_DEATH_READ_DAYS` after the
    /// death was recorded). `None` for every other record.
    pub death_read_until: Option<DateTime<Utc>>,
}

/// The care context that opened a therapeutic link, which sets its duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkContext {
    /// A consultation in a practice, opened by the connection code the patient hands over at
    /// the visit: 15 days.
    Consultation,
    /// A stay in a care institution, opened at admission: 45 days, renewable by 30-day periods.
    InstitutionStay,
    /// An emergency-department registration: 24 hours + 15 days.
    EmergencyDepartment,
    /// A link the patient grants in the portal, with the end date the patient chooses.
    PatientGrant,
}

impl LinkContext {
    /// All four.
    pub const ALL: [Self; 4] =
        [Self::Consultation, Self::InstitutionStay, Self::EmergencyDepartment, Self::PatientGrant];

    /// The stable name, for the audit log and storage.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Consultation => "consultation",
            Self::InstitutionStay => "institution_stay",
            Self::EmergencyDepartment => "emergency_department",
            Self::PatientGrant => "patient_grant",
        }
    }

    /// How long a link of this context lasts from its start, when the context sets it; `None`
    /// for a patient grant, whose end the patient chooses.
    #[must_use]
    pub const fn duration(self) -> Option<TimeDelta> {
        match self {
            Self::Consultation => Some(TimeDelta::days(15)),
            Self::InstitutionStay => Some(TimeDelta::days(45)),
            Self::EmergencyDepartment => Some(TimeDelta::days(16)),
            Self::PatientGrant => None,
        }
    }

    /// How much one renewal adds to the end of a link of this context, when it can be renewed.
    #[must_use]
    pub const fn renewal(self) -> Option<TimeDelta> {
        match self {
            Self::InstitutionStay => Some(TimeDelta::days(30)),
            Self::Consultation | Self::EmergencyDepartment | Self::PatientGrant => None,
        }
    }
}

/// Who a therapeutic link opens the record to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkHolder {
    /// One professional.
    Professional(ProfessionalId),
    /// The professionals of one organisation (a care institution during a stay).
    Organisation(OrganisationId),
}

/// A therapeutic link: a care relation with an end date set by its care context (renewals
/// included), which the patient can end at any time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TherapeuticLink {
    /// Its id, named in the audit entry of the accesses it allows.
    pub id: Uuid,
    /// Who it opens the record to.
    pub holder: LinkHolder,
    /// The care context that opened it.
    pub context: LinkContext,
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// When it expires: live up to the second before, dead from this instant on.
    pub ends_at: DateTime<Utc>,
    /// When the patient ended it, if they did: dead from this instant on.
    pub ended_at: Option<DateTime<Utc>>,
}

/// An emergency access ("break the glass") a professional opened with a stated reason: live for
/// [`EMERGENCY_ACCESS_DURATION`] from its opening, for reading only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmergencyGrant {
    /// Its id, named in the audit entry of the accesses it allows.
    pub id: Uuid,
    /// The professional who opened it.
    pub professional: ProfessionalId,
    /// When it was opened.
    pub opened_at: DateTime<Utc>,
}

/// Who wrote a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    /// A professional of the directory.
    Professional(ProfessionalId),
    /// The patient, in their personal space.
    Patient,
}

/// Whether the patient hides a document ("restricted level").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Restriction {
    /// Not restricted.
    #[default]
    None,
    /// Hidden from these professionals.
    HiddenFrom(Vec<ProfessionalId>),
    /// Hidden from every professional but its author.
    AuthorOnly,
}

/// The facts of one document that the access rules depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFacts {
    /// Its category: the matrix row that applies.
    pub category: Category,
    /// Who wrote it (and filed its first version).
    pub author: Author,
    /// The organisation its author filed it under, whose professionals may file new versions of
    /// it; `None` for the patient's notes and for documents filed without one.
    pub organisation: Option<OrganisationId>,
    /// Whether the patient hides it. Its author and the médecin référent still see it.
    pub restriction: Restriction,
    /// Whether its author withdrew it: it then stays in the patient's record only, and nobody
    /// acts on it any more.
    pub withdrawn: bool,
}
