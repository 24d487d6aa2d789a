//! Who may do what in a patient's record: the single decision function [`decide`].
//!
//! This module owns the access rules of the record (DESIGN.md, "Who may see what") and nothing
//! else. It is pure: no I/O, no async, no database, no clock read (`now` is passed in), no
//! logging. The services load the [facts](RecordFacts) in their transaction, call [`decide`],
//! act or refuse, and audit the [`Decision`] — allow and deny alike — under its stable name.
//!
//! For a professional the rules apply in this order, the first that fails giving the reason:
//!
//! 1. the record is open (activated, or created and past the 30-day objection window counted
//!    from the first letter; not closed) and the professional is active in the directory; a
//!    record closed on a recorded death stays readable (never writable, never by an emergency
//!    access) for a short period by the professionals who hold a live link or are the référent
//!    ([`RecordFacts::death_read_until`]): the death certificate, the family doctor's last
//!    report;
//! 2. the patient has not blocked this professional — a block beats everything, the médecin
//!    référent, a link and an emergency access included;
//! 3. the access matrix lets this profession read (or write) this category; the médecin
//!    référent uses the `REF` column, and only the référent reads the access-traces dashboard;
//! 4. the patient has not hidden the document from this professional: "only its author" keeps
//!    it for its author and the référent, and a professional the patient names loses it,
//!    whoever they are (its author included);
//! 5. there is a live care relation: the médecin référent, a therapeutic link, or an emergency
//!    access (for reading only).
//!
//! Every act on an existing document (read, list, versions, download, new version, withdraw) is
//! decided on the same [facts](DocumentFacts), and an act on an existing document adds, between
//! rules 2 and 3: the document is still in force (a withdrawn one is out of every professional's
//! reach); only its author withdraws it; and only its author or a professional of the
//! organisation it was filed under files a new version of it (the document keeps its author;
//! each version records who filed it). Rules 3 to 5 then apply, for these two as for any
//! write: the matrix's write right on its category, not hidden from them, a live relation (an
//! emergency access only reads).
//!
//! The patient reads everything in their own record, withdrawn documents included, and writes
//! only in their personal space: new notes, new versions of their own notes, withdrawing them,
//! and their declared wishes (organ donation, advance directives), which they alone write.
//! A professional reads those wishes as the personal space's category: rules 1 to 5, an
//! emergency access included. An agency agent reaches no health data at all.
//!
//! Opening an emergency access is also capped per professional ([`emergency_cap`]): a rule about
//! the professional alone, checked before the record is looked at (its module says why).

mod cap;
mod facts;
mod matrix;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use shared::api::agency::RecordState;
use shared::ids::{OrganisationId, PatientId, ProfessionalId};
use shared::{Category, Profession};
use uuid::Uuid;

pub use cap::{CapCheck, EmergencyCap, emergency_cap};
pub use facts::{
    Action, Actor, Author, DocumentFacts, EMERGENCY_ACCESS_DURATION, EmergencyGrant, LinkContext,
    LinkHolder, OBJECTION_WINDOW, RecordFacts, Restriction, TherapeuticLink,
};
pub use matrix::Matrix;

/// The outcome of [`decide`]: allowed under a rule, or denied for a reason. Both are audited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The act may go ahead; the rule says why, for the audit log.
    Allow(Rule),
    /// The act is refused; the reason is for the audit log only (see [`Reason`]).
    Deny(Reason),
}

impl Decision {
    /// Whether the act may go ahead.
    #[must_use]
    pub const fn is_allowed(&self) -> bool {
        matches!(self, Self::Allow(_))
    }

    /// The stable name of the rule or reason, for the audit log.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Allow(rule) => rule.as_str(),
            Self::Deny(reason) => reason.as_str(),
        }
    }
}

/// Why an act is allowed: the care relation (or the holder's own right) it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The patient acts on their own record.
    Holder,
    /// The patient's médecin référent: standing access, the `REF` column of the matrix.
    Referent,
    /// A live therapeutic link held by the professional or by their organisation.
    Link {
        /// The care context that opened it.
        context: LinkContext,
        /// The link's id.
        link: Uuid,
    },
    /// A live emergency access ("break the glass") the professional opened; reading only.
    EmergencyAccess {
        /// The emergency access's id.
        grant: Uuid,
    },
    /// The professional may open an emergency access on this record now.
    EmergencyAccessOpening,
    /// The professional may open a consultation link with the patient's practice code now.
    PracticeConsultationOpening,
}

impl Rule {
    /// The stable snake_case name, for the audit log. Never renamed.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Holder => "holder",
            Self::Referent => "referent",
            Self::Link { context, .. } => match context {
                LinkContext::Consultation => "link_consultation",
                LinkContext::InstitutionStay => "link_institution_stay",
                LinkContext::EmergencyDepartment => "link_emergency_department",
                LinkContext::PatientGrant => "link_patient_grant",
            },
            Self::EmergencyAccess { .. } => "emergency_access",
            Self::EmergencyAccessOpening => "emergency_access_opening",
            Self::PracticeConsultationOpening => "practice_consultation_opening",
        }
    }
}

/// Why an act is refused. Precise, because the patient and the agency read it in the audit
/// trail — and therefore **for the audit trail only**: a reason must never reach the caller.
/// A professional is never told that something is hidden from them, so the HTTP layer answers
/// every denied document action (read, new version, withdraw) with the same 404 as an unknown
/// document,
/// whatever the reason; from the outside a hidden, restricted or out-of-matrix document cannot
/// be told from a missing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A patient acting on a record that is not theirs.
    NotTheHolder,
    /// An agency agent: the agency has no access to health data.
    AgencyHasNoHealthAccess,
    /// Only a professional opens an emergency access.
    ProfessionalsOnly,
    /// The record is closed: unreachable by every professional; the patient reopens it first.
    RecordClosed,
    /// The record is created but no letter has been issued: the objection window has not
    /// started.
    NoLetterYet,
    /// The record is created, not activated, and the 30-day objection window is still running.
    ObjectionWindow,
    /// The professional is not active in the directory.
    ProfessionalInactive,
    /// The patient has blocked this professional.
    Blocked,
    /// The matrix does not let this profession read this category.
    CategoryNotReadable,
    /// The matrix does not let this profession write this category.
    CategoryNotWritable,
    /// Only the médecin référent reads the access-traces dashboard.
    AccessTracesReferentOnly,
    /// The patient has hidden this document from this professional.
    Restricted,
    /// Only a document's author withdraws it (and only the patient's own notes are theirs to
    /// replace).
    NotAuthor,
    /// The patient writes only in their personal space (personal expression).
    HolderWritesOnlyPersonalSpace,
    /// No care relation at all between the professional and the patient.
    NoCareRelation,
    /// The professional's therapeutic link has not started yet.
    LinkNotStarted,
    /// The professional's therapeutic link has expired.
    LinkExpired,
    /// The patient has ended the professional's therapeutic link.
    LinkEnded,
    /// The professional's emergency access has run out (4 hours).
    EmergencyAccessExpired,
    /// The patient has switched emergency access off.
    EmergencyAccessSwitchedOff,
    /// An emergency access allows reading only; writing needs the référent or a link.
    EmergencyAccessReadOnly,
    /// Only a document's author, or a professional of the organisation it was filed under,
    /// files a new version of it.
    NotAuthorOrColleague,
    /// The document was withdrawn by its author: it stays in the patient's record only.
    Withdrawn,
    /// The professional has opened as many emergency accesses as the cap allows within its
    /// window ([`emergency_cap`], checked before the record is looked at).
    EmergencyAccessLimitReached,
}

impl Reason {
    /// The stable snake_case name, for the audit log. Never renamed.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::NotTheHolder => "not_the_holder",
            Self::AgencyHasNoHealthAccess => "agency_has_no_health_access",
            Self::ProfessionalsOnly => "professionals_only",
            Self::RecordClosed => "record_closed",
            Self::NoLetterYet => "no_letter_yet",
            Self::ObjectionWindow => "objection_window",
            Self::ProfessionalInactive => "professional_inactive",
            Self::Blocked => "blocked",
            Self::CategoryNotReadable => "category_not_readable",
            Self::CategoryNotWritable => "category_not_writable",
            Self::AccessTracesReferentOnly => "access_traces_referent_only",
            Self::Restricted => "restricted",
            Self::NotAuthor => "not_author",
            Self::HolderWritesOnlyPersonalSpace => "holder_writes_only_personal_space",
            Self::NoCareRelation => "no_care_relation",
            Self::LinkNotStarted => "link_not_started",
            Self::LinkExpired => "link_expired",
            Self::LinkEnded => "link_ended",
            Self::EmergencyAccessExpired => "emergency_access_expired",
            Self::EmergencyAccessSwitchedOff => "emergency_access_switched_off",
            Self::EmergencyAccessReadOnly => "emergency_access_read_only",
            Self::NotAuthorOrColleague => "not_author_or_colleague",
            Self::Withdrawn => "withdrawn",
            Self::EmergencyAccessLimitReached => "emergency_access_limit_reached",
        }
    }
}

/// Decides whether `actor` may do `action` in the record described by `record`, at `now`, with
/// the access `matrix` in force.
///
/// A professional must pass rules 1–5 of the module header in that order; the first that fails
/// is the reason. The patient may read everything in their own record (even closed), and write,
/// replace or withdraw only their own notes in the personal space of an open record. An agent is
/// always denied. A withdrawn document is read by the patient only, and nobody acts on it any
/// more. Withdrawing a document is for its author only, filing a new version of it for its author
/// or a professional of the organisation it was filed under, both while they could still write
/// its category and see it. Listing decides on the record alone: the caller must decide
/// [`Action::ReadDocument`] for each document and leave out the denied ones.
///
/// Pure and total: the same facts give the same decision, and no facts make it panic.
#[must_use]
pub fn decide(
    matrix: &Matrix,
    actor: &Actor,
    action: &Action<'_>,
    record: &RecordFacts,
    now: DateTime<Utc>,
) -> Decision {
    let outcome = match *actor {
        Actor::Agent { .. } => Err(Reason::AgencyHasNoHealthAccess),
        Actor::Patient { id } => holder(id, action, record),
        Actor::Professional { id, profession, organisation, active } => {
            let pro = Pro { id, profession, organisation, active };
            professional(&pro, action, record, matrix, now)
        }
    };
    match outcome {
        Ok(rule) => Decision::Allow(rule),
        Err(reason) => Decision::Deny(reason),
    }
}

/// The patient on their own record.
fn holder(id: PatientId, action: &Action<'_>, record: &RecordFacts) -> Result<Rule, Reason> {
    if id != record.patient {
        return Err(Reason::NotTheHolder);
    }
    let writable = |category: Category| {
        if record.state == RecordState::Closed {
            Err(Reason::RecordClosed)
        } else if category == Category::PersonalExpression {
            Ok(Rule::Holder)
        } else {
            Err(Reason::HolderWritesOnlyPersonalSpace)
        }
    };
    match action {
        Action::ListDocuments | Action::ReadDocument(_) | Action::ReadAccessTraces => {
            Ok(Rule::Holder)
        }
        Action::WriteDocument { category } => writable(*category),
        Action::ReadWishes => Ok(Rule::Holder),
        Action::WriteWishes => writable(Category::PersonalExpression),
        Action::WithdrawDocument(doc) | Action::ReplaceDocument(doc) => {
            if doc.author != Author::Patient {
                Err(Reason::NotAuthor)
            } else if doc.withdrawn {
                Err(Reason::Withdrawn)
            } else {
                writable(doc.category)
            }
        }
        Action::OpenEmergencyAccess | Action::OpenPracticeConsultation => {
            Err(Reason::ProfessionalsOnly)
        }
    }
}

/// A professional as the rules see them.
struct Pro {
    id: ProfessionalId,
    profession: Profession,
    organisation: Option<OrganisationId>,
    active: bool,
}

/// What an action needs from the matrix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Read,
    Write,
}

/// A professional: rules 1–5 in order.
fn professional(
    pro: &Pro,
    action: &Action<'_>,
    record: &RecordFacts,
    matrix: &Matrix,
    now: DateTime<Utc>,
) -> Result<Rule, Reason> {
    // Rule 1: an open record, an active professional; after a death, reading by a live care
    // relation for a short period.
    let after_death = record.state == RecordState::Closed
        && record.death_read_until.is_some_and(|until| now < until)
        && matches!(
            action,
            Action::ListDocuments
                | Action::ReadDocument(_)
                | Action::ReadWishes
                | Action::ReadAccessTraces
        );
    if after_death {
        let rule = professional_open(pro, action, record, matrix, now)?;
        return match rule {
            Rule::Referent | Rule::Link { .. } => Ok(rule),
            _ => Err(Reason::RecordClosed),
        };
    }
    record_is_open(record, now)?;
    professional_open(pro, action, record, matrix, now)
}

/// A professional on a record rule 1 lets them reach: rules 1 (the professional's half) to 5.
fn professional_open(
    pro: &Pro,
    action: &Action<'_>,
    record: &RecordFacts,
    matrix: &Matrix,
    now: DateTime<Utc>,
) -> Result<Rule, Reason> {
    if !pro.active {
        return Err(Reason::ProfessionalInactive);
    }
    // Rule 2: a block beats everything.
    if record.blocked.contains(&pro.id) {
        return Err(Reason::Blocked);
    }
    let is_referent = record.referent == Some(pro.id);
    let (need, category, document) = match action {
        Action::ListDocuments => return care_relation(pro, is_referent, Need::Read, record, now),
        Action::OpenEmergencyAccess => {
            return if record.emergency_access_enabled {
                Ok(Rule::EmergencyAccessOpening)
            } else {
                Err(Reason::EmergencyAccessSwitchedOff)
            };
        }
        Action::OpenPracticeConsultation => return Ok(Rule::PracticeConsultationOpening),
        Action::ReadDocument(doc) => (Need::Read, in_force(doc)?.category, Some(*doc)),
        Action::WriteDocument { category } => (Need::Write, *category, None),
        Action::WithdrawDocument(doc) => {
            if in_force(doc)?.author != Author::Professional(pro.id) {
                return Err(Reason::NotAuthor);
            }
            (Need::Write, doc.category, Some(*doc))
        }
        Action::ReplaceDocument(doc) => {
            let colleague = doc.organisation.is_some() && doc.organisation == pro.organisation;
            if in_force(doc)?.author != Author::Professional(pro.id) && !colleague {
                return Err(Reason::NotAuthorOrColleague);
            }
            (Need::Write, doc.category, Some(*doc))
        }
        Action::ReadAccessTraces => (Need::Read, Category::AccessTraces, None),
        Action::ReadWishes => (Need::Read, Category::PersonalExpression, None),
        // The wishes are the patient's own words: nobody writes them for them.
        Action::WriteWishes => return Err(Reason::NotAuthor),
    };
    // Rule 3: the matrix, with the REF column for the référent only.
    if category == Category::AccessTraces && !is_referent {
        return Err(Reason::AccessTracesReferentOnly);
    }
    let column = match pro.profession {
        _ if is_referent => Profession::Referent,
        // REF is a designation by the patient, not a profession: a directory entry that says
        // REF gets a physician's rights, never the référent's.
        Profession::Referent => Profession::Physician,
        other => other,
    };
    let right = matrix.right(column, category);
    match need {
        Need::Read if !right.can_read() => return Err(Reason::CategoryNotReadable),
        Need::Write if !right.can_write() => return Err(Reason::CategoryNotWritable),
        Need::Read | Need::Write => {}
    }
    // Rule 4: the patient's restriction (only its author and the référent, or not the named).
    if let Some(doc) = document
        && is_hidden_from(doc, pro.id, is_referent)
    {
        return Err(Reason::Restricted);
    }
    // Rule 5: a live care relation.
    care_relation(pro, is_referent, need, record, now)
}

/// A document professionals still act on: not withdrawn.
fn in_force(doc: &DocumentFacts) -> Result<&DocumentFacts, Reason> {
    if doc.withdrawn { Err(Reason::Withdrawn) } else { Ok(doc) }
}

/// Rule 1, the record's half: activated, or created and past the objection window; not closed.
fn record_is_open(record: &RecordFacts, now: DateTime<Utc>) -> Result<(), Reason> {
    match record.state {
        RecordState::Closed => Err(Reason::RecordClosed),
        RecordState::Activated => Ok(()),
        RecordState::Created => {
            let letter = record.first_letter_issued_at.ok_or(Reason::NoLetterYet)?;
            match letter.checked_add_signed(OBJECTION_WINDOW) {
                Some(window_end) if now >= window_end => Ok(()),
                _ => Err(Reason::ObjectionWindow),
            }
        }
    }
}

/// Rule 4: whether the patient hides `doc` from this professional. "Only its author" keeps it
/// for the author and the référent; a professional the patient names loses it whoever they are
/// (the patient's explicit choice, even against the author or the référent).
fn is_hidden_from(doc: &DocumentFacts, id: ProfessionalId, is_referent: bool) -> bool {
    match &doc.restriction {
        Restriction::None => false,
        Restriction::HiddenFrom(named) => named.contains(&id),
        Restriction::AuthorOnly => !(is_referent || doc.author == Author::Professional(id)),
    }
}

/// Rule 5: the référent, else a live link, else a live emergency access (reading only). When
/// none holds, the reason names the closest miss, for the audit trail.
fn care_relation(
    pro: &Pro,
    is_referent: bool,
    need: Need,
    record: &RecordFacts,
    now: DateTime<Utc>,
) -> Result<Rule, Reason> {
    if is_referent {
        return Ok(Rule::Referent);
    }
    let held = |link: &&TherapeuticLink| match link.holder {
        LinkHolder::Professional(id) => id == pro.id,
        LinkHolder::Organisation(org) => pro.organisation == Some(org),
    };
    if let Some(link) = record.links.iter().filter(held).find(|l| link_is_live(l, now)) {
        return Ok(Rule::Link { context: link.context, link: link.id });
    }
    let own_grants = || record.emergency_grants.iter().filter(|g| g.professional == pro.id);
    if let Some(grant) = own_grants().find(|g| grant_is_live(g, now)) {
        return match (record.emergency_access_enabled, need) {
            (false, _) => Err(Reason::EmergencyAccessSwitchedOff),
            (true, Need::Write) => Err(Reason::EmergencyAccessReadOnly),
            (true, Need::Read) => Ok(Rule::EmergencyAccess { grant: grant.id }),
        };
    }
    let links = || record.links.iter().filter(held);
    if links().any(|l| l.ended_at.is_some_and(|ended| ended <= now)) {
        Err(Reason::LinkEnded)
    } else if links().any(|l| l.ends_at <= now) {
        Err(Reason::LinkExpired)
    } else if links().any(|l| now < l.starts_at) {
        Err(Reason::LinkNotStarted)
    } else if own_grants().any(|g| g.opened_at <= now) {
        Err(Reason::EmergencyAccessExpired)
    } else {
        Err(Reason::NoCareRelation)
    }
}

/// A link is live from its start up to, not including, its end or the instant the patient
/// ended it: it expires to the second.
fn link_is_live(link: &TherapeuticLink, now: DateTime<Utc>) -> bool {
    link.starts_at <= now && now < link.ends_at && link.ended_at.is_none_or(|ended| now < ended)
}

/// An emergency access is live for 4 hours from its opening, the end excluded.
fn grant_is_live(grant: &EmergencyGrant, now: DateTime<Utc>) -> bool {
    grant.opened_at <= now
        && grant.opened_at.checked_add_signed(EMERGENCY_ACCESS_DURATION).is_none_or(|end| now < end)
}
