//! The patient's control over who reaches the record: connection codes, therapeutic links, the
//! médecin référent, blocks, emergency access; and a professional opening a consultation link.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Profession;
use crate::ids::{PatientId, ProfessionalId};

/// A fresh connection code to hand to a professional at the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConnectionCode {
    /// The code (single use).
    pub code: String,
    /// When it stops working (10 minutes).
    pub expires_at: DateTime<Utc>,
}

/// A professional as a patient sees them in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfessionalBrief {
    /// Their id.
    pub id: ProfessionalId,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Profession.
    pub profession: Profession,
    /// Their organisation's name.
    pub organisation: Option<String>,
}

/// The care context of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkContext {
    /// Opened with the patient's connection code at a consultation (15 days).
    Consultation,
    /// A stay in a care institution (45 days, renewable by 30).
    InstitutionStay,
    /// An emergency-department registration (24 hours + 15 days).
    EmergencyDepartment,
    /// Granted by the patient in the portal, with an end date.
    PatientGrant,
}

/// A therapeutic link of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkSummary {
    /// Its id.
    pub id: Uuid,
    /// The professional it opens the record to.
    pub professional: Option<ProfessionalBrief>,
    /// The care context.
    pub context: LinkContext,
    /// From when.
    pub starts_at: DateTime<Utc>,
    /// Until when (exclusive).
    pub ends_at: DateTime<Utc>,
    /// When the patient ended it.
    pub ended_at: Option<DateTime<Utc>>,
    /// Whether it allows access now.
    pub live: bool,
}

/// Who may reach the record, as the patient controls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareOverview {
    /// The médecin référent.
    pub referent: Option<ProfessionalBrief>,
    /// Blocked professionals.
    pub blocked: Vec<ProfessionalBrief>,
    /// Links, live first, newest first.
    pub links: Vec<LinkSummary>,
    /// Whether emergency access is allowed.
    pub emergency_access_enabled: bool,
}

/// The patient grants a link to a professional until a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GrantLink {
    /// The professional.
    pub professional_id: ProfessionalId,
    /// The last day of access (inclusive; ends at midnight UTC after it).
    pub until: NaiveDate,
}

/// The patient designates (or removes) their médecin référent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetReferent {
    /// A physician (`MED`), or none.
    pub professional_id: Option<ProfessionalId>,
}

/// The patient's emergency-access switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAccessSetting {
    /// Whether professionals may break the glass.
    pub enabled: bool,
}

/// A professional opens a consultation link with the code the patient handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenConsultation {
    /// The patient's national ID.
    pub national_id: String,
    /// The connection code from the patient's portal.
    pub connection_code: String,
}

/// The link a consultation opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultationOpened {
    /// The record.
    pub patient_id: PatientId,
    /// The link (15 days).
    pub link: LinkSummary,
}

/// A professional breaks the glass: a stated reason, confirmed with a fresh security-key
/// verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAccessRequest {
    /// Why (10 to 500 characters); the patient and the agency read it.
    pub reason: String,
}

/// An emergency access asked for from a lookup by national ID, for a patient the professional
/// does not reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAccessByNationalId {
    /// The patient's national ID.
    pub national_id: String,
    /// Why (10 to 500 characters); the patient and the agency read it.
    pub reason: String,
}

/// An emergency access that was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAccessOpened {
    /// Its id.
    pub id: Uuid,
    /// The record.
    pub patient_id: PatientId,
    /// When reading ends (4 hours).
    pub expires_at: DateTime<Utc>,
}

/// Something the patient is told about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Its id.
    pub id: Uuid,
    /// `first_access` (a professional opened the record before you activated it),
    /// `emergency_access`, `emergency_access_reviewed` (the agency's disposition of one),
    /// `recovery_letter_issued` (the agency issued a letter whose code
    /// replaces your passkeys) or `credential_recovery` (such a code was used: your passkeys were
    /// replaced and every session ended).
    pub kind: String,
    /// Who, and for an emergency access the stated reason.
    pub professional: Option<ProfessionalBrief>,
    /// The stated reason of an emergency access.
    pub reason: Option<String>,
    /// For `emergency_access_reviewed`: the agency's conclusion about an emergency access.
    #[serde(default)]
    pub disposition: Option<Disposition>,
    /// For `emergency_access_reviewed`: the agency's note.
    #[serde(default)]
    pub note: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Whether the patient has seen it.
    pub read: bool,
}

/// An emergency access as the agency reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAccessReview {
    /// Its id.
    pub id: Uuid,
    /// The record.
    pub patient_id: PatientId,
    /// Who broke the glass.
    pub professional: Option<ProfessionalBrief>,
    /// Why.
    pub reason: String,
    /// When.
    pub opened_at: DateTime<Utc>,
    /// When its reading time ended (or ends).
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The agency's disposition, once an agent reviewed it.
    #[serde(default)]
    pub disposition: Option<DispositionRecord>,
    /// The notice the patient got when the access was opened (in the app), and whether they
    /// have read it; none when no notice was sent (e.g. an access from before notices existed).
    #[serde(default)]
    pub patient_notified: Option<PatientNotice>,
}

/// A notice the patient got about an act on their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PatientNotice {
    /// When it was sent.
    pub at: DateTime<Utc>,
    /// When the patient read it, if they have.
    pub read_at: Option<DateTime<Utc>>,
}

/// What the agency concluded about an emergency access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// The emergency and its reason hold.
    Justified,
    /// The agency asked the professional to explain.
    Questioned,
    /// Passed on (to the professional's order, the data protection officer …).
    Escalated,
}

impl Disposition {
    /// Every disposition, in the order a form offers them.
    pub const ALL: [Self; 3] = [Self::Justified, Self::Questioned, Self::Escalated];

    /// The stored and wire value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Justified => "justified",
            Self::Questioned => "questioned",
            Self::Escalated => "escalated",
        }
    }

    /// Reads a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == value)
    }
}

/// The longest note with a disposition, in characters.
pub const DISPOSITION_NOTE_MAX: usize = 1000;

/// An agent records (or changes) the disposition of an emergency access. The patient sees it,
/// with the note, in their history and notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetDisposition {
    /// The conclusion.
    pub disposition: Disposition,
    /// Why, in the agent's words (at most [`DISPOSITION_NOTE_MAX`] characters; may be empty).
    #[serde(default)]
    pub note: String,
}

/// A recorded disposition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispositionRecord {
    /// The conclusion.
    pub disposition: Disposition,
    /// The agent's note (empty when none).
    pub note: String,
    /// The agent who recorded it, by their display name (none when no longer known).
    pub agent: Option<String>,
    /// When.
    pub decided_at: DateTime<Utc>,
}

/// An alert for the agency: a professional asked for one more emergency access than the cap
/// allows within its window, and was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmergencyAlert {
    /// Its id.
    pub id: Uuid,
    /// Who was refused.
    pub professional: Option<ProfessionalBrief>,
    /// When.
    pub refused_at: DateTime<Utc>,
    /// Their emergency accesses opened within the window by then.
    pub openings_in_window: u32,
    /// The cap in force: at most this many …
    pub max_openings: u32,
    /// … within this many hours.
    pub window_hours: u32,
}

/// A professional of a hospital or care institution registers an admission: a stay link
/// (45 days, renewable by 30) or an emergency-department link (24 hours + 15 days).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenAdmission {
    /// The patient's national ID.
    pub national_id: String,
    /// `institution_stay` or `emergency_department`.
    pub context: LinkContext,
}

/// A patient a professional may reach, found by national ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PatientFound {
    /// The record.
    pub patient_id: PatientId,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// The national ID (13 digits), so that the professional checks whose record it is.
    pub national_id: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Under which rule the professional reaches it.
    pub rule: String,
}

/// A lookup by national ID: a JSON body, never a URL (which logs and browser history keep).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PatientLookup {
    /// The national ID.
    pub national_id: String,
}

/// How many days before its end a link shows as ending soon on a professional's worklist.
pub const EXPIRING_SOON_DAYS: i64 = 3;

/// A patient on a professional's worklist: one live link of theirs or of their institution, to a
/// record they reach now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorklistEntry {
    /// The record.
    pub patient_id: PatientId,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// The link.
    pub link: LinkSummary,
    /// The institution holding the link, when it is an institution's (a stay, an emergency
    /// department); none for the professional's own link.
    pub organisation: Option<String>,
    /// Whether the link ends within [`EXPIRING_SOON_DAYS`] days.
    pub expiring_soon: bool,
    /// Whether this professional may renew it now (`POST /professional/links/{id}/renew`: a
    /// stay of their own institution); the server decides again when asked.
    pub renewable: bool,
}

/// A professional opens a consultation link with the practice code printed on the patient's
/// letter (for a record the patient may never have activated), read out at the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenPracticeConsultation {
    /// The patient's national ID.
    pub national_id: String,
    /// The practice code from the patient's letter (or a newer one from the portal).
    pub practice_code: String,
}

/// A new practice code, shown once to the patient who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PracticeCode {
    /// The code (single use; a newer code or letter voids it).
    pub code: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// The patient's current practice code, without the code itself (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PracticeCodeState {
    /// When it was made (a letter, or the patient in the portal).
    pub issued_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When a professional used it (it works once).
    pub used_at: Option<DateTime<Utc>>,
    /// Too many wrong codes were typed with the patient's national ID: it no longer works.
    pub locked: bool,
}
