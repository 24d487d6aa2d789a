//! The whole matrix, one test per rule, and properties over arbitrary facts.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use shared::api::agency::RecordState;
use shared::category::Right;
use shared::ids::{AgentId, OrganisationId, PatientId, ProfessionalId};
use shared::{Category, Profession};
use uuid::Uuid;

use super::*;
use crate::seed::{ACCESS_MATRIX_CSV, MatrixCell, parse_access_matrix};

/// An independent copy of the table in `access-matrix.md`, rows in `Category::ALL` order,
/// columns in `Profession::ALL` order: a wrong data file fails against it.
const MATRIX_MD: &str = "
| personal expression of the holder | R | R | R | R | R | R | R | R | R | R | R |
| summaries | W | W | - | R | R | R | - | R | R | R | - |
| health history | W | W | R | R | R | W | - | R | R | - | R |
| allergies and intolerances | W | W | W | R | R | R | R | R | R | - | R |
| prostheses and devices | W | W | - | R | R | R | - | R | R | - | R |
| care reports | W | W | R | W | W | W | R | R | R | W | R |
| certificates and declarations | W | W | - | R | R | R | - | - | R | - | - |
| medical imaging | W | W | - | R | R | R | - | R | - | - | - |
| lab analyses | W | W | R | R | R | R | R | R | R | - | W |
| medication dispensation | R | R | W | R | - | - | - | - | - | - | - |
| nursing assessments | W | W | - | W | W | W | - | R | W | R | R |
| prescriptions and treatments | W | W | W | R | R | W | R | R | R | - | R |
| prevention | W | W | R | W | W | W | - | - | W | R | R |
| socio-educational data | R | R | - | W | W | R | - | - | R | R | - |
| social environment | R | R | - | W | W | W | - | - | R | W | - |
| legal protection | R | R | - | R | R | W | - | - | R | W | - |
| social insurance cover | R | R | R | R | W | R | R | - | R | W | R |
| education | W | W | R | W | W | W | - | - | W | - | - |
| access-traces dashboard | - | R | - | - | - | - | - | - | - | - | - |
";

fn documented_matrix() -> Vec<MatrixCell> {
    let rows: Vec<&str> = MATRIX_MD.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), Category::ALL.len());
    let mut cells = Vec::new();
    for (category, row) in Category::ALL.into_iter().zip(rows) {
        let symbols: Vec<&str> = row.split('|').map(str::trim).filter(|s| !s.is_empty()).collect();
        assert_eq!(symbols.len(), 1 + Profession::ALL.len(), "{row}");
        for (profession, symbol) in Profession::ALL.into_iter().zip(&symbols[1..]) {
            let right = Right::from_symbol(symbol).unwrap();
            cells.push(MatrixCell { category, profession, right });
        }
    }
    cells
}

fn seeded() -> Matrix {
    Matrix::from_cells(&parse_access_matrix(ACCESS_MATRIX_CSV).unwrap())
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap()
}

fn secs(n: i64) -> TimeDelta {
    TimeDelta::seconds(n)
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

const PATIENT: PatientId = PatientId(Uuid::from_u128(0xa));
const OTHER_PATIENT: PatientId = PatientId(Uuid::from_u128(0xb));
const REFERENT: ProfessionalId = ProfessionalId(Uuid::from_u128(1));
const LINKED: ProfessionalId = ProfessionalId(Uuid::from_u128(2));
const STRANGER: ProfessionalId = ProfessionalId(Uuid::from_u128(3));
const HOSPITAL: OrganisationId = OrganisationId(Uuid::from_u128(0x40));

fn pro(id: ProfessionalId, profession: Profession) -> Actor {
    Actor::Professional { id, profession, organisation: None, active: true }
}

fn link(
    holder: ProfessionalId,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> TherapeuticLink {
    TherapeuticLink {
        id: Uuid::from_u128(0x1111),
        holder: LinkHolder::Professional(holder),
        context: LinkContext::Consultation,
        starts_at,
        ends_at,
        ended_at: None,
    }
}

/// An activated record with a référent and a live 15-day consultation link for `LINKED`.
fn record() -> RecordFacts {
    RecordFacts {
        patient: PATIENT,
        state: RecordState::Activated,
        first_letter_issued_at: Some(t0() - days(60)),
        blocked: vec![],
        referent: Some(REFERENT),
        links: vec![link(LINKED, t0() - days(1), t0() + days(14))],
        emergency_access_enabled: true,
        emergency_grants: vec![],
        death_read_until: None,
    }
}

fn doc(category: Category, author: ProfessionalId) -> DocumentFacts {
    DocumentFacts {
        category,
        author: Author::Professional(author),
        organisation: None,
        restriction: Restriction::None,
        withdrawn: false,
    }
}

fn every_action(d: &DocumentFacts) -> [Action<'_>; 10] {
    [
        Action::ListDocuments,
        Action::ReadDocument(d),
        Action::WriteDocument { category: d.category },
        Action::WithdrawDocument(d),
        Action::ReplaceDocument(d),
        Action::ReadAccessTraces,
        Action::OpenEmergencyAccess,
        Action::ReadWishes,
        Action::WriteWishes,
        Action::OpenPracticeConsultation,
    ]
}

/// The acts on one existing document.
fn document_actions(d: &DocumentFacts) -> [Action<'_>; 3] {
    [Action::ReadDocument(d), Action::WithdrawDocument(d), Action::ReplaceDocument(d)]
}

fn at(actor: &Actor, action: &Action<'_>, record: &RecordFacts, now: DateTime<Utc>) -> Decision {
    decide(&seeded(), actor, action, record, now)
}

fn read(actor: &Actor, d: &DocumentFacts, record: &RecordFacts, now: DateTime<Utc>) -> Decision {
    at(actor, &Action::ReadDocument(d), record, now)
}

const ALLOW_LINK: Decision = Decision::Allow(Rule::Link {
    context: LinkContext::Consultation,
    link: Uuid::from_u128(0x1111),
});

// ---- the matrix, cell by cell ----------------------------------------------------------------

#[test]
fn the_seeded_matrix_is_the_documented_one() {
    let documented = Matrix::from_cells(&documented_matrix());
    let seeded = seeded();
    for profession in Profession::ALL {
        for category in Category::ALL {
            assert_eq!(
                seeded.right(profession, category),
                documented.right(profession, category),
                "{} × {}",
                profession.code(),
                category.code()
            );
        }
    }
}

#[test]
fn every_profession_reads_and_writes_every_category_as_the_matrix_says() {
    let documented = Matrix::from_cells(&documented_matrix());
    let record = record();
    let mut cases = 0;
    for profession in Profession::ALL {
        // The REF column is the designated référent (a physician); every other column is a
        // professional of that profession with a live link.
        let (actor, allowed) = if profession == Profession::Referent {
            (pro(REFERENT, Profession::Physician), Decision::Allow(Rule::Referent))
        } else {
            (pro(LINKED, profession), ALLOW_LINK)
        };
        for category in Category::ALL {
            let right = documented.right(profession, category);
            let d = doc(category, STRANGER);
            let expected_read = if right.can_read() {
                allowed
            } else if category == Category::AccessTraces && profession != Profession::Referent {
                Decision::Deny(Reason::AccessTracesReferentOnly)
            } else {
                Decision::Deny(Reason::CategoryNotReadable)
            };
            assert_eq!(
                read(&actor, &d, &record, t0()),
                expected_read,
                "read {profession:?} {category:?}"
            );
            let expected_write = if right.can_write() {
                allowed
            } else if category == Category::AccessTraces && profession != Profession::Referent {
                Decision::Deny(Reason::AccessTracesReferentOnly)
            } else {
                Decision::Deny(Reason::CategoryNotWritable)
            };
            let write = Action::WriteDocument { category };
            assert_eq!(
                at(&actor, &write, &record, t0()),
                expected_write,
                "write {profession:?} {category:?}"
            );
            if category == Category::AccessTraces {
                assert_eq!(at(&actor, &Action::ReadAccessTraces, &record, t0()), expected_read);
            }
            cases += 2;
        }
    }
    assert_eq!(cases, 11 * 19 * 2);
}

#[test]
fn a_missing_cell_denies() {
    let matrix = Matrix::from_cells(&[]);
    assert_eq!(matrix.right(Profession::Physician, Category::Summaries), Right::None);
    let d = doc(Category::Summaries, STRANGER);
    let decision = decide(
        &matrix,
        &pro(REFERENT, Profession::Physician),
        &Action::ReadDocument(&d),
        &record(),
        t0(),
    );
    assert_eq!(decision, Decision::Deny(Reason::CategoryNotReadable));
}

#[test]
fn only_the_designated_referent_uses_the_ref_column() {
    let mut r = record();
    // A directory entry that says REF gets a physician's rights, not the dashboard.
    let self_styled = pro(LINKED, Profession::Referent);
    assert_eq!(
        at(&self_styled, &Action::ReadAccessTraces, &r, t0()),
        Decision::Deny(Reason::AccessTracesReferentOnly)
    );
    assert_eq!(read(&self_styled, &doc(Category::Summaries, STRANGER), &r, t0()), ALLOW_LINK);
    // A physician with a link does not read the dashboard either; the référent does.
    let physician = pro(LINKED, Profession::Physician);
    assert_eq!(
        at(&physician, &Action::ReadAccessTraces, &r, t0()),
        Decision::Deny(Reason::AccessTracesReferentOnly)
    );
    let referent = pro(REFERENT, Profession::Physician);
    assert_eq!(at(&referent, &Action::ReadAccessTraces, &r, t0()), Decision::Allow(Rule::Referent));
    // Once the patient designates another référent, the former one is a plain physician.
    r.referent = Some(LINKED);
    assert_eq!(
        at(&referent, &Action::ReadAccessTraces, &r, t0()),
        Decision::Deny(Reason::AccessTracesReferentOnly)
    );
    assert_eq!(
        at(&physician, &Action::ReadAccessTraces, &r, t0()),
        Decision::Allow(Rule::Referent)
    );
}

// ---- rule 1: an open record, an active professional ------------------------------------------

#[test]
fn a_closed_record_denies_every_professional() {
    let mut r = record();
    r.state = RecordState::Closed;
    r.emergency_grants =
        vec![EmergencyGrant { id: Uuid::nil(), professional: STRANGER, opened_at: t0() }];
    let d = doc(Category::CareReports, LINKED);
    for actor in [
        pro(REFERENT, Profession::Physician),
        pro(LINKED, Profession::Nurse),
        pro(STRANGER, Profession::Physician),
    ] {
        for action in every_action(&d) {
            assert_eq!(
                at(&actor, &action, &r, t0()),
                Decision::Deny(Reason::RecordClosed),
                "{action:?}"
            );
        }
    }
    // The patient still reads their archived record, but writes nothing until they reopen it.
    let patient = Actor::Patient { id: PATIENT };
    assert_eq!(read(&patient, &d, &r, t0()), Decision::Allow(Rule::Holder));
    let note = Action::WriteDocument { category: Category::PersonalExpression };
    assert_eq!(at(&patient, &note, &r, t0()), Decision::Deny(Reason::RecordClosed));
}

#[test]
fn the_objection_window_runs_thirty_days_from_the_first_letter() {
    let letter = t0();
    let mut r = record();
    r.state = RecordState::Created;
    r.first_letter_issued_at = Some(letter);
    let d = doc(Category::Summaries, STRANGER);
    let end = letter + days(30);
    for (actor, allowed) in [
        (pro(REFERENT, Profession::Physician), Decision::Allow(Rule::Referent)),
        (pro(LINKED, Profession::Physician), ALLOW_LINK),
    ] {
        r.links = vec![link(LINKED, letter, end + days(1))];
        assert_eq!(read(&actor, &d, &r, letter), Decision::Deny(Reason::ObjectionWindow));
        assert_eq!(read(&actor, &d, &r, end - secs(1)), Decision::Deny(Reason::ObjectionWindow));
        assert_eq!(read(&actor, &d, &r, end), allowed);
        // Activation opens the record at once.
        let mut activated = r.clone();
        activated.state = RecordState::Activated;
        assert_eq!(read(&actor, &d, &activated, letter), allowed);
    }
    r.first_letter_issued_at = None;
    let referent = pro(REFERENT, Profession::Physician);
    assert_eq!(read(&referent, &d, &r, end + days(400)), Decision::Deny(Reason::NoLetterYet));
}

#[test]
fn an_inactive_professional_reaches_nothing() {
    let d = doc(Category::Summaries, REFERENT);
    for id in [REFERENT, LINKED] {
        let actor = Actor::Professional {
            id,
            profession: Profession::Physician,
            organisation: None,
            active: false,
        };
        for action in every_action(&d) {
            assert_eq!(
                at(&actor, &action, &record(), t0()),
                Decision::Deny(Reason::ProfessionalInactive)
            );
        }
    }
}

// ---- rule 2: a block beats everything --------------------------------------------------------

#[test]
fn a_block_beats_the_referent_a_link_and_an_emergency_access() {
    let mut r = record();
    r.blocked = vec![REFERENT, LINKED, STRANGER];
    r.emergency_grants =
        vec![EmergencyGrant { id: Uuid::nil(), professional: STRANGER, opened_at: t0() }];
    let d = doc(Category::CareReports, LINKED);
    for actor in [
        pro(REFERENT, Profession::Physician),
        pro(LINKED, Profession::Physician),
        pro(STRANGER, Profession::Physician),
    ] {
        for action in every_action(&d) {
            assert_eq!(
                at(&actor, &action, &r, t0()),
                Decision::Deny(Reason::Blocked),
                "{actor:?} {action:?}"
            );
        }
    }
    // Blocking one professional leaves the others alone.
    r.blocked = vec![STRANGER];
    assert_eq!(read(&pro(LINKED, Profession::Physician), &d, &r, t0()), ALLOW_LINK);
}

// ---- rule 4: restricted documents ------------------------------------------------------------

#[test]
fn a_restricted_document_is_visible_only_to_its_author_and_the_referent() {
    let mut r = record();
    r.links.push(TherapeuticLink { holder: LinkHolder::Professional(STRANGER), ..r.links[0] });
    let author = pro(LINKED, Profession::Nurse);
    let referent = pro(REFERENT, Profession::Physician);
    let other = pro(STRANGER, Profession::Physician);
    let patient = Actor::Patient { id: PATIENT };

    let mut d = doc(Category::CareReports, LINKED);
    d.restriction = Restriction::AuthorOnly;
    assert_eq!(read(&author, &d, &r, t0()), ALLOW_LINK);
    assert_eq!(read(&referent, &d, &r, t0()), Decision::Allow(Rule::Referent));
    assert_eq!(read(&other, &d, &r, t0()), Decision::Deny(Reason::Restricted));
    assert_eq!(read(&patient, &d, &r, t0()), Decision::Allow(Rule::Holder));

    // Hidden from named professionals: those named lose it, even its author or the référent
    // (the patient named them); everyone else keeps it.
    d.restriction = Restriction::HiddenFrom(vec![STRANGER, LINKED, REFERENT]);
    assert_eq!(read(&other, &d, &r, t0()), Decision::Deny(Reason::Restricted));
    assert_eq!(read(&author, &d, &r, t0()), Decision::Deny(Reason::Restricted));
    assert_eq!(read(&referent, &d, &r, t0()), Decision::Deny(Reason::Restricted));
    assert_eq!(read(&patient, &d, &r, t0()), Decision::Allow(Rule::Holder));
    d.restriction = Restriction::HiddenFrom(vec![REFERENT]);
    assert!(read(&other, &d, &r, t0()).is_allowed());
    assert_eq!(read(&author, &d, &r, t0()), ALLOW_LINK);

    // An emergency access does not lift a restriction either.
    d.restriction = Restriction::AuthorOnly;
    r.links.pop();
    r.emergency_grants =
        vec![EmergencyGrant { id: Uuid::nil(), professional: STRANGER, opened_at: t0() }];
    assert_eq!(read(&other, &d, &r, t0()), Decision::Deny(Reason::Restricted));
}

// ---- rule 5: care relations ------------------------------------------------------------------

#[test]
fn a_link_expires_to_the_second() {
    let start = t0();
    let end = start + LinkContext::Consultation.duration().unwrap();
    let mut r = record();
    r.links = vec![link(LINKED, start, end)];
    let actor = pro(LINKED, Profession::Physician);
    let d = doc(Category::Summaries, STRANGER);
    assert_eq!(read(&actor, &d, &r, start - secs(1)), Decision::Deny(Reason::LinkNotStarted));
    assert_eq!(read(&actor, &d, &r, start), ALLOW_LINK);
    assert_eq!(read(&actor, &d, &r, end - secs(1)), ALLOW_LINK);
    assert_eq!(read(&actor, &d, &r, end), Decision::Deny(Reason::LinkExpired));
    assert_eq!(at(&actor, &Action::ListDocuments, &r, end), Decision::Deny(Reason::LinkExpired));
    let write = Action::WriteDocument { category: Category::Summaries };
    assert_eq!(at(&actor, &write, &r, end - secs(1)), ALLOW_LINK);
    assert_eq!(at(&actor, &write, &r, end), Decision::Deny(Reason::LinkExpired));
}

#[test]
fn a_link_the_patient_ends_is_denied_at_once() {
    let ended = t0();
    let mut r = record();
    r.links[0].ended_at = Some(ended);
    let actor = pro(LINKED, Profession::Physician);
    let d = doc(Category::Summaries, STRANGER);
    assert_eq!(read(&actor, &d, &r, ended - secs(1)), ALLOW_LINK);
    assert_eq!(read(&actor, &d, &r, ended), Decision::Deny(Reason::LinkEnded));
    assert_eq!(at(&actor, &Action::ListDocuments, &r, ended), Decision::Deny(Reason::LinkEnded));
}

#[test]
fn an_institution_link_reaches_the_professionals_of_that_institution() {
    let mut r = record();
    r.links = vec![TherapeuticLink {
        holder: LinkHolder::Organisation(HOSPITAL),
        context: LinkContext::InstitutionStay,
        ..link(LINKED, t0(), t0() + days(45))
    }];
    let d = doc(Category::Summaries, STRANGER);
    let staff = Actor::Professional {
        id: STRANGER,
        profession: Profession::Nurse,
        organisation: Some(HOSPITAL),
        active: true,
    };
    let expected =
        Decision::Allow(Rule::Link { context: LinkContext::InstitutionStay, link: r.links[0].id });
    assert_eq!(read(&staff, &d, &r, t0()), expected);
    let outsider = pro(STRANGER, Profession::Nurse);
    assert_eq!(read(&outsider, &d, &r, t0()), Decision::Deny(Reason::NoCareRelation));
}

#[test]
fn link_durations_follow_the_care_context() {
    assert_eq!(LinkContext::Consultation.duration(), Some(days(15)));
    assert_eq!(LinkContext::InstitutionStay.duration(), Some(days(45)));
    assert_eq!(LinkContext::InstitutionStay.renewal(), Some(days(30)));
    assert_eq!(LinkContext::EmergencyDepartment.duration(), Some(TimeDelta::hours(24) + days(15)));
    assert_eq!(LinkContext::PatientGrant.duration(), None);
}

#[test]
fn without_a_care_relation_a_professional_reaches_nothing() {
    let actor = pro(STRANGER, Profession::Physician);
    let d = doc(Category::Summaries, LINKED);
    assert_eq!(
        at(&actor, &Action::ListDocuments, &record(), t0()),
        Decision::Deny(Reason::NoCareRelation)
    );
    assert_eq!(read(&actor, &d, &record(), t0()), Decision::Deny(Reason::NoCareRelation));
}

#[test]
fn an_emergency_access_lasts_four_hours_for_reading_only() {
    let opened = t0();
    let mut r = record();
    r.emergency_grants =
        vec![EmergencyGrant { id: Uuid::from_u128(7), professional: STRANGER, opened_at: opened }];
    let actor = pro(STRANGER, Profession::Physician);
    let d = doc(Category::Summaries, LINKED);
    let allowed = Decision::Allow(Rule::EmergencyAccess { grant: Uuid::from_u128(7) });
    assert_eq!(read(&actor, &d, &r, opened), allowed);
    assert_eq!(read(&actor, &d, &r, opened + TimeDelta::hours(4) - secs(1)), allowed);
    assert_eq!(
        read(&actor, &d, &r, opened + TimeDelta::hours(4)),
        Decision::Deny(Reason::EmergencyAccessExpired)
    );
    let write = Action::WriteDocument { category: Category::Summaries };
    assert_eq!(at(&actor, &write, &r, opened), Decision::Deny(Reason::EmergencyAccessReadOnly));
    // The patient switches emergency access off: it stops at once and cannot be opened again.
    r.emergency_access_enabled = false;
    assert_eq!(read(&actor, &d, &r, opened), Decision::Deny(Reason::EmergencyAccessSwitchedOff));
    assert_eq!(
        at(&actor, &Action::OpenEmergencyAccess, &r, opened),
        Decision::Deny(Reason::EmergencyAccessSwitchedOff)
    );
    r.emergency_access_enabled = true;
    assert_eq!(
        at(&actor, &Action::OpenEmergencyAccess, &r, opened),
        Decision::Allow(Rule::EmergencyAccessOpening)
    );
}

#[test]
fn a_practice_code_opens_a_consultation_on_an_open_record_only() {
    let open = Action::OpenPracticeConsultation;
    let stranger = pro(STRANGER, Profession::Physician);
    let allowed = Decision::Allow(Rule::PracticeConsultationOpening);
    // A record nobody activated, past its objection window: the code is the consent.
    let mut r = record();
    r.state = RecordState::Created;
    r.links.clear();
    r.referent = None;
    let letter = t0() - days(40);
    r.first_letter_issued_at = Some(letter);
    assert_eq!(at(&stranger, &open, &r, t0()), allowed);
    assert_eq!(
        at(&stranger, &open, &r, letter + days(29)),
        Decision::Deny(Reason::ObjectionWindow)
    );
    r.first_letter_issued_at = None;
    assert_eq!(at(&stranger, &open, &r, t0()), Decision::Deny(Reason::NoLetterYet));
    r.first_letter_issued_at = Some(letter);
    r.blocked = vec![STRANGER];
    assert_eq!(at(&stranger, &open, &r, t0()), Decision::Deny(Reason::Blocked));
    r.blocked.clear();
    r.state = RecordState::Closed;
    assert_eq!(at(&stranger, &open, &r, t0()), Decision::Deny(Reason::RecordClosed));
    r.state = RecordState::Activated;
    assert_eq!(at(&stranger, &open, &r, t0()), allowed);
    let inactive = Actor::Professional {
        id: STRANGER,
        profession: Profession::Physician,
        organisation: None,
        active: false,
    };
    assert_eq!(at(&inactive, &open, &r, t0()), Decision::Deny(Reason::ProfessionalInactive));
    assert_eq!(
        at(&Actor::Patient { id: PATIENT }, &open, &r, t0()),
        Decision::Deny(Reason::ProfessionalsOnly)
    );
}

// ---- the patient, the agency, withdrawal ------------------------------------------------------

#[test]
fn the_patient_reads_everything_and_writes_only_in_the_personal_space() {
    let patient = Actor::Patient { id: PATIENT };
    let r = record();
    for category in Category::ALL {
        let mut d = doc(category, LINKED);
        d.restriction = Restriction::AuthorOnly;
        assert_eq!(read(&patient, &d, &r, t0()), Decision::Allow(Rule::Holder));
        let expected = if category == Category::PersonalExpression {
            Decision::Allow(Rule::Holder)
        } else {
            Decision::Deny(Reason::HolderWritesOnlyPersonalSpace)
        };
        assert_eq!(at(&patient, &Action::WriteDocument { category }, &r, t0()), expected);
    }
    assert_eq!(at(&patient, &Action::ListDocuments, &r, t0()), Decision::Allow(Rule::Holder));
    assert_eq!(at(&patient, &Action::ReadAccessTraces, &r, t0()), Decision::Allow(Rule::Holder));
    assert_eq!(
        at(&patient, &Action::OpenEmergencyAccess, &r, t0()),
        Decision::Deny(Reason::ProfessionalsOnly)
    );
    let note = DocumentFacts {
        category: Category::PersonalExpression,
        author: Author::Patient,
        organisation: None,
        restriction: Restriction::None,
        withdrawn: false,
    };
    assert_eq!(
        at(&patient, &Action::WithdrawDocument(&note), &r, t0()),
        Decision::Allow(Rule::Holder)
    );
    let report = doc(Category::PersonalExpression, LINKED);
    assert_eq!(
        at(&patient, &Action::WithdrawDocument(&report), &r, t0()),
        Decision::Deny(Reason::NotAuthor)
    );
    let someone_else = Actor::Patient { id: OTHER_PATIENT };
    for action in every_action(&note) {
        assert_eq!(at(&someone_else, &action, &r, t0()), Decision::Deny(Reason::NotTheHolder));
    }
}

#[test]
fn the_patient_alone_writes_their_wishes_and_professionals_with_a_relation_read_them() {
    let r = record();
    let patient = Actor::Patient { id: PATIENT };
    assert_eq!(at(&patient, &Action::ReadWishes, &r, t0()), Decision::Allow(Rule::Holder));
    assert_eq!(at(&patient, &Action::WriteWishes, &r, t0()), Decision::Allow(Rule::Holder));
    let mut closed = record();
    closed.state = RecordState::Closed;
    assert_eq!(at(&patient, &Action::ReadWishes, &closed, t0()), Decision::Allow(Rule::Holder));
    assert_eq!(
        at(&patient, &Action::WriteWishes, &closed, t0()),
        Decision::Deny(Reason::RecordClosed)
    );
    let someone_else = Actor::Patient { id: OTHER_PATIENT };
    for action in [Action::ReadWishes, Action::WriteWishes] {
        assert_eq!(at(&someone_else, &action, &r, t0()), Decision::Deny(Reason::NotTheHolder));
    }
    // Every profession reads the personal space: the référent and a link read the wishes.
    for profession in Profession::ALL {
        let linked = pro(LINKED, profession);
        assert_eq!(at(&linked, &Action::ReadWishes, &r, t0()), ALLOW_LINK, "{profession:?}");
        assert_eq!(
            at(&linked, &Action::WriteWishes, &r, t0()),
            Decision::Deny(Reason::NotAuthor),
            "{profession:?}"
        );
    }
    let referent = pro(REFERENT, Profession::Physician);
    assert_eq!(at(&referent, &Action::ReadWishes, &r, t0()), Decision::Allow(Rule::Referent));
    assert_eq!(at(&referent, &Action::WriteWishes, &r, t0()), Decision::Deny(Reason::NotAuthor));
    // Without a relation, nothing; an emergency access reads them; a block beats it.
    let stranger = pro(STRANGER, Profession::Physician);
    assert_eq!(
        at(&stranger, &Action::ReadWishes, &r, t0()),
        Decision::Deny(Reason::NoCareRelation)
    );
    let mut emergency = record();
    emergency.emergency_grants =
        vec![EmergencyGrant { id: Uuid::from_u128(7), professional: STRANGER, opened_at: t0() }];
    assert_eq!(
        at(&stranger, &Action::ReadWishes, &emergency, t0()),
        Decision::Allow(Rule::EmergencyAccess { grant: Uuid::from_u128(7) })
    );
    emergency.blocked = vec![STRANGER];
    assert_eq!(
        at(&stranger, &Action::ReadWishes, &emergency, t0()),
        Decision::Deny(Reason::Blocked)
    );
    // The matrix decides like for the personal space's documents.
    let mut cells = documented_matrix();
    cells.retain(|c| c.category != Category::PersonalExpression);
    let matrix = Matrix::from_cells(&cells);
    assert_eq!(
        decide(&matrix, &pro(LINKED, Profession::Nurse), &Action::ReadWishes, &r, t0()),
        Decision::Deny(Reason::CategoryNotReadable)
    );
}

#[test]
fn an_agent_never_reaches_health_data() {
    let agent = Actor::Agent { id: AgentId(Uuid::from_u128(9)) };
    let d = doc(Category::Summaries, LINKED);
    for action in every_action(&d) {
        assert_eq!(
            at(&agent, &action, &record(), t0()),
            Decision::Deny(Reason::AgencyHasNoHealthAccess)
        );
    }
}

#[test]
fn only_the_author_withdraws_while_they_could_still_write() {
    let mut r = record();
    r.links.push(TherapeuticLink { holder: LinkHolder::Professional(STRANGER), ..r.links[0] });
    let d = doc(Category::CareReports, LINKED);
    let withdraw = Action::WithdrawDocument(&d);
    assert_eq!(at(&pro(LINKED, Profession::Nurse), &withdraw, &r, t0()), ALLOW_LINK);
    // Not the author, even with the same rights, nor the référent.
    assert_eq!(
        at(&pro(STRANGER, Profession::Nurse), &withdraw, &r, t0()),
        Decision::Deny(Reason::NotAuthor)
    );
    assert_eq!(
        at(&pro(REFERENT, Profession::Physician), &withdraw, &r, t0()),
        Decision::Deny(Reason::NotAuthor)
    );
    // The author whose profession may no longer write the category.
    assert_eq!(
        at(&pro(LINKED, Profession::LabTechnician), &withdraw, &r, t0()),
        Decision::Deny(Reason::CategoryNotWritable)
    );
    // The author whose link has expired.
    let end = r.links[0].ends_at;
    assert_eq!(
        at(&pro(LINKED, Profession::Nurse), &withdraw, &r, end),
        Decision::Deny(Reason::LinkExpired)
    );
}

#[test]
fn the_author_or_a_colleague_of_their_organisation_files_a_new_version() {
    const CLINIC: OrganisationId = OrganisationId(Uuid::from_u128(0x41));
    const NOBODY: ProfessionalId = ProfessionalId(Uuid::from_u128(4));
    let mut r = record();
    r.links.push(TherapeuticLink { holder: LinkHolder::Professional(STRANGER), ..r.links[0] });
    r.emergency_grants =
        vec![EmergencyGrant { id: Uuid::nil(), professional: NOBODY, opened_at: t0() - secs(60) }];
    let member = |id, profession, organisation| Actor::Professional {
        id,
        profession,
        organisation,
        active: true,
    };
    let filed =
        DocumentFacts { organisation: Some(HOSPITAL), ..doc(Category::CareReports, LINKED) };
    let with = |restriction| DocumentFacts { restriction, ..filed.clone() };
    let nurse = Profession::Nurse;
    let cases = [
        ("the author", member(LINKED, nurse, Some(HOSPITAL)), filed.clone(), ALLOW_LINK),
        (
            "the author, since gone elsewhere",
            member(LINKED, nurse, Some(CLINIC)),
            filed.clone(),
            ALLOW_LINK,
        ),
        (
            "a colleague of its organisation",
            member(STRANGER, nurse, Some(HOSPITAL)),
            filed.clone(),
            ALLOW_LINK,
        ),
        (
            "a professional of another organisation",
            member(STRANGER, nurse, Some(CLINIC)),
            filed.clone(),
            Decision::Deny(Reason::NotAuthorOrColleague),
        ),
        (
            "a professional of no organisation",
            member(STRANGER, nurse, None),
            filed.clone(),
            Decision::Deny(Reason::NotAuthorOrColleague),
        ),
        (
            "nobody is a colleague on a document filed under no organisation",
            member(STRANGER, nurse, None),
            doc(Category::CareReports, LINKED),
            Decision::Deny(Reason::NotAuthorOrColleague),
        ),
        (
            "the référent of another organisation",
            member(REFERENT, Profession::Physician, Some(CLINIC)),
            filed.clone(),
            Decision::Deny(Reason::NotAuthorOrColleague),
        ),
        (
            "a colleague whose profession may not write the category",
            member(STRANGER, Profession::LabTechnician, Some(HOSPITAL)),
            filed.clone(),
            Decision::Deny(Reason::CategoryNotWritable),
        ),
        (
            "a colleague the patient hides it from",
            member(STRANGER, nurse, Some(HOSPITAL)),
            with(Restriction::HiddenFrom(vec![STRANGER])),
            Decision::Deny(Reason::Restricted),
        ),
        (
            "a colleague, when only its author sees it",
            member(STRANGER, nurse, Some(HOSPITAL)),
            with(Restriction::AuthorOnly),
            Decision::Deny(Reason::Restricted),
        ),
        (
            "the author, when the patient hides it from them by name",
            member(LINKED, nurse, Some(HOSPITAL)),
            with(Restriction::HiddenFrom(vec![LINKED])),
            Decision::Deny(Reason::Restricted),
        ),
        (
            "a colleague with only an emergency access",
            member(NOBODY, nurse, Some(HOSPITAL)),
            filed.clone(),
            Decision::Deny(Reason::EmergencyAccessReadOnly),
        ),
        (
            "the author, once the document is withdrawn",
            member(LINKED, nurse, Some(HOSPITAL)),
            DocumentFacts { withdrawn: true, ..filed.clone() },
            Decision::Deny(Reason::Withdrawn),
        ),
    ];
    for (case, actor, d, expected) in cases {
        assert_eq!(at(&actor, &Action::ReplaceDocument(&d), &r, t0()), expected, "{case}");
    }
    r.emergency_grants.clear();
    assert_eq!(
        at(&member(NOBODY, nurse, Some(HOSPITAL)), &Action::ReplaceDocument(&filed), &r, t0()),
        Decision::Deny(Reason::NoCareRelation)
    );

    // The patient replaces their own notes only, in an open record.
    let patient = Actor::Patient { id: PATIENT };
    let note =
        DocumentFacts { author: Author::Patient, ..doc(Category::PersonalExpression, LINKED) };
    let replace =
        |d: &DocumentFacts, r: &RecordFacts| at(&patient, &Action::ReplaceDocument(d), r, t0());
    assert_eq!(replace(&note, &r), Decision::Allow(Rule::Holder));
    assert_eq!(replace(&filed, &r), Decision::Deny(Reason::NotAuthor));
    assert_eq!(
        replace(&DocumentFacts { withdrawn: true, ..note.clone() }, &r),
        Decision::Deny(Reason::Withdrawn)
    );
    let closed = RecordFacts { state: RecordState::Closed, ..r.clone() };
    assert_eq!(replace(&note, &closed), Decision::Deny(Reason::RecordClosed));
    assert_eq!(
        at(&Actor::Patient { id: OTHER_PATIENT }, &Action::ReplaceDocument(&note), &r, t0()),
        Decision::Deny(Reason::NotTheHolder)
    );
}

#[test]
fn a_withdrawn_document_stays_with_the_patient_alone() {
    let withdrawn = DocumentFacts { withdrawn: true, ..doc(Category::CareReports, LINKED) };
    for actor in [pro(REFERENT, Profession::Physician), pro(LINKED, Profession::Physician)] {
        for action in document_actions(&withdrawn) {
            assert_eq!(
                at(&actor, &action, &record(), t0()),
                Decision::Deny(Reason::Withdrawn),
                "{actor:?} {action:?}"
            );
        }
    }
    let patient = Actor::Patient { id: PATIENT };
    assert_eq!(read(&patient, &withdrawn, &record(), t0()), Decision::Allow(Rule::Holder));
}

#[test]
fn names_are_stable_snake_case_and_distinct() {
    let reasons = [
        Reason::NotTheHolder,
        Reason::AgencyHasNoHealthAccess,
        Reason::ProfessionalsOnly,
        Reason::RecordClosed,
        Reason::NoLetterYet,
        Reason::ObjectionWindow,
        Reason::ProfessionalInactive,
        Reason::Blocked,
        Reason::CategoryNotReadable,
        Reason::CategoryNotWritable,
        Reason::AccessTracesReferentOnly,
        Reason::Restricted,
        Reason::NotAuthor,
        Reason::HolderWritesOnlyPersonalSpace,
        Reason::NoCareRelation,
        Reason::LinkNotStarted,
        Reason::LinkExpired,
        Reason::LinkEnded,
        Reason::EmergencyAccessExpired,
        Reason::EmergencyAccessSwitchedOff,
        Reason::EmergencyAccessReadOnly,
        Reason::NotAuthorOrColleague,
        Reason::Withdrawn,
        Reason::EmergencyAccessLimitReached,
    ];
    let mut names: Vec<&str> = reasons.iter().map(Reason::as_str).collect();
    names.extend(
        [
            Rule::Holder,
            Rule::Referent,
            Rule::EmergencyAccessOpening,
            Rule::PracticeConsultationOpening,
        ]
        .iter()
        .map(Rule::as_str),
    );
    names.push(Rule::EmergencyAccess { grant: Uuid::nil() }.as_str());
    names.extend(
        LinkContext::ALL
            .into_iter()
            .map(|context| Rule::Link { context, link: Uuid::nil() }.as_str()),
    );
    for name in &names {
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
    }
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count);
    assert_eq!(Rule::Referent.as_str(), "referent");
    assert_eq!(Reason::Blocked.as_str(), "blocked");
}

// ---- properties over arbitrary facts ---------------------------------------------------------

fn any_professional_id() -> impl Strategy<Value = ProfessionalId> {
    (1u128..=4).prop_map(|n| ProfessionalId(Uuid::from_u128(n)))
}

fn any_organisation_id() -> impl Strategy<Value = OrganisationId> {
    (0x40u128..=0x41).prop_map(|n| OrganisationId(Uuid::from_u128(n)))
}

/// Mostly instants around `t0` (to hit windows and their edges), sometimes anywhere chrono goes.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let near = (-60i64..60, -30i64..30, -2i64..3)
        .prop_map(|(d, h, s)| t0() + days(d) + TimeDelta::hours(h) + secs(s));
    let anywhere = (DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp())
        .prop_filter_map("in range", |s| DateTime::from_timestamp(s, 0));
    let edge = prop_oneof![Just(DateTime::<Utc>::MIN_UTC), Just(DateTime::<Utc>::MAX_UTC)];
    prop_oneof![8 => near, 1 => anywhere, 1 => edge]
}

fn any_link() -> impl Strategy<Value = TherapeuticLink> {
    let holder = prop_oneof![
        3 => any_professional_id().prop_map(LinkHolder::Professional),
        1 => any_organisation_id().prop_map(LinkHolder::Organisation),
    ];
    (
        any::<u128>(),
        holder,
        0..4usize,
        any_instant(),
        any_instant(),
        proptest::option::of(any_instant()),
    )
        .prop_map(|(id, holder, context, starts_at, ends_at, ended_at)| TherapeuticLink {
            id: Uuid::from_u128(id),
            holder,
            context: LinkContext::ALL[context],
            starts_at,
            ends_at,
            ended_at,
        })
}

fn any_grant() -> impl Strategy<Value = EmergencyGrant> {
    (any::<u128>(), any_professional_id(), any_instant()).prop_map(
        |(id, professional, opened_at)| EmergencyGrant {
            id: Uuid::from_u128(id),
            professional,
            opened_at,
        },
    )
}

fn any_record() -> impl Strategy<Value = RecordFacts> {
    let state = prop_oneof![
        Just(RecordState::Created),
        Just(RecordState::Activated),
        Just(RecordState::Closed)
    ];
    (
        state,
        proptest::option::of(any_instant()),
        proptest::collection::vec(any_professional_id(), 0..3),
        proptest::option::of(any_professional_id()),
        proptest::collection::vec(any_link(), 0..4),
        any::<bool>(),
        (proptest::collection::vec(any_grant(), 0..3), proptest::option::of(any_instant())),
    )
        .prop_map(|(state, letter, blocked, referent, links, enabled, (grants, death))| {
            RecordFacts {
                patient: PATIENT,
                state,
                first_letter_issued_at: letter,
                blocked,
                referent,
                links,
                emergency_access_enabled: enabled,
                emergency_grants: grants,
                death_read_until: death,
            }
        })
}

fn any_document() -> impl Strategy<Value = DocumentFacts> {
    let author = prop_oneof![
        4 => any_professional_id().prop_map(Author::Professional),
        1 => Just(Author::Patient),
    ];
    let restriction = prop_oneof![
        Just(Restriction::None),
        proptest::collection::vec(any_professional_id(), 0..4).prop_map(Restriction::HiddenFrom),
        Just(Restriction::AuthorOnly),
    ];
    (
        0..Category::ALL.len(),
        author,
        proptest::option::of(any_organisation_id()),
        restriction,
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(c, author, organisation, restriction, withdrawn)| DocumentFacts {
            category: Category::ALL[c],
            author,
            organisation,
            restriction,
            withdrawn,
        })
}

fn any_professional() -> impl Strategy<Value = Actor> {
    (
        any_professional_id(),
        0..Profession::ALL.len(),
        proptest::option::of(any_organisation_id()),
        any::<bool>(),
    )
        .prop_map(|(id, p, organisation, active)| Actor::Professional {
            id,
            profession: Profession::ALL[p],
            organisation,
            active,
        })
}

fn any_actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        6 => any_professional(),
        1 => prop_oneof![Just(PATIENT), Just(OTHER_PATIENT)].prop_map(|id| Actor::Patient { id }),
        1 => Just(Actor::Agent { id: AgentId(Uuid::from_u128(9)) }),
    ]
}

/// The seeded matrix, or any matrix at all: the properties hold whatever the data says.
fn any_matrix() -> impl Strategy<Value = Matrix> {
    let right = prop_oneof![Just(Right::None), Just(Right::Read), Just(Right::Write)];
    let random = proptest::collection::vec(right, Profession::ALL.len() * Category::ALL.len())
        .prop_map(|rights| {
            let cells: Vec<MatrixCell> = Profession::ALL
                .into_iter()
                .flat_map(|p| Category::ALL.into_iter().map(move |c| (p, c)))
                .zip(rights)
                .map(|((profession, category), right)| MatrixCell { category, profession, right })
                .collect();
            Matrix::from_cells(&cells)
        });
    prop_oneof![Just(seeded()), random]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_blocked_professional_reaches_nothing(
        matrix in any_matrix(),
        actor in any_professional(),
        mut record in any_record(),
        d in any_document(),
        now in any_instant(),
    ) {
        let Actor::Professional { id, .. } = actor else { unreachable!() };
        record.blocked.push(id);
        for action in every_action(&d) {
            let decision = decide(&matrix, &actor, &action, &record, now);
            prop_assert!(
                matches!(
                    decision,
                    Decision::Deny(
                        Reason::Blocked
                            | Reason::RecordClosed
                            | Reason::NoLetterYet
                            | Reason::ObjectionWindow
                            | Reason::ProfessionalInactive
                    )
                ),
                "{action:?} → {decision:?}"
            );
        }
    }

    #[test]
    fn a_restricted_document_never_reaches_a_named_professional_nor_beyond_author_and_referent(
        matrix in any_matrix(),
        actor in any_actor(),
        record in any_record(),
        d in any_document(),
        now in any_instant(),
    ) {
        for action in document_actions(&d) {
            if !decide(&matrix, &actor, &action, &record, now).is_allowed() {
                continue;
            }
            match actor {
                Actor::Patient { id } => prop_assert_eq!(id, record.patient),
                Actor::Agent { .. } => prop_assert!(false, "an agent was allowed {action:?}"),
                Actor::Professional { id, .. } => {
                    match &d.restriction {
                        Restriction::None => {}
                        Restriction::HiddenFrom(named) => prop_assert!(
                            !named.contains(&id),
                            "{action:?} by the named {id} of {d:?} in {record:?}"
                        ),
                        Restriction::AuthorOnly => prop_assert!(
                            d.author == Author::Professional(id) || record.referent == Some(id),
                            "{action:?} by {id} of {d:?} in {record:?}"
                        ),
                    }
                }
            }
        }
    }

    #[test]
    fn only_the_author_or_a_colleague_replaces_and_nobody_acts_on_a_withdrawn_document(
        matrix in any_matrix(),
        actor in any_actor(),
        record in any_record(),
        d in any_document(),
        now in any_instant(),
    ) {
        if decide(&matrix, &actor, &Action::ReplaceDocument(&d), &record, now).is_allowed() {
            prop_assert!(!d.withdrawn);
            match actor {
                Actor::Patient { id } => {
                    prop_assert!(id == record.patient && d.author == Author::Patient);
                }
                Actor::Agent { .. } => prop_assert!(false, "an agent replaced {d:?}"),
                Actor::Professional { id, organisation, .. } => prop_assert!(
                    d.author == Author::Professional(id)
                        || (organisation.is_some() && organisation == d.organisation),
                    "{id} of {organisation:?} replaced {d:?}"
                ),
            }
        }
        if d.withdrawn {
            for action in document_actions(&d) {
                let allowed = decide(&matrix, &actor, &action, &record, now).is_allowed();
                let patient_reads = matches!(actor, Actor::Patient { .. })
                    && matches!(action, Action::ReadDocument(_));
                prop_assert!(!allowed || patient_reads, "{actor:?} {action:?} on {d:?}");
            }
        }
    }

    #[test]
    fn decide_never_panics_and_closed_records_and_agents_stay_shut(
        matrix in any_matrix(),
        actor in any_actor(),
        record in any_record(),
        d in any_document(),
        now in any_instant(),
    ) {
        for action in every_action(&d) {
            let decision = decide(&matrix, &actor, &action, &record, now);
            prop_assert!(!decision.as_str().is_empty());
            // Pure: the same facts give the same decision.
            prop_assert_eq!(decision, decide(&matrix, &actor, &action, &record, now));
            match actor {
                Actor::Agent { .. } => prop_assert!(!decision.is_allowed()),
                Actor::Professional { active, .. } if !active => {
                    prop_assert!(!decision.is_allowed());
                }
                Actor::Professional { .. } if record.state == RecordState::Closed => {
                    // Shut, but for reading by a live link or the référent in the short period
                    // after a recorded death.
                    let after_death = record.death_read_until.is_some_and(|until| now < until);
                    let reads = matches!(
                        action,
                        Action::ListDocuments
                            | Action::ReadDocument(_)
                            | Action::ReadWishes
                            | Action::ReadAccessTraces
                    );
                    let relation =
                        matches!(decision, Decision::Allow(Rule::Referent | Rule::Link { .. }));
                    prop_assert!(!decision.is_allowed() || (after_death && reads && relation));
                }
                Actor::Professional { .. } | Actor::Patient { .. } => {}
            }
        }
    }
}

#[test]
fn after_a_death_live_relations_read_for_a_while_and_nobody_writes() {
    let mut r = record();
    r.state = RecordState::Closed;
    r.death_read_until = Some(t0() + days(30));
    r.emergency_grants = vec![EmergencyGrant {
        id: Uuid::from_u128(0x9),
        professional: STRANGER,
        opened_at: t0() - secs(60),
    }];
    let report = doc(Category::CareReports, LINKED);
    let linked = pro(LINKED, Profession::Physician);
    let referent = pro(REFERENT, Profession::Physician);
    let stranger = pro(STRANGER, Profession::Physician);
    assert_eq!(read(&linked, &report, &r, t0()), ALLOW_LINK);
    assert_eq!(read(&referent, &report, &r, t0()), Decision::Allow(Rule::Referent));
    assert!(at(&linked, &Action::ListDocuments, &r, t0()).is_allowed());
    // No write, no emergency access, no new consultation: the record is closed.
    let write = Action::WriteDocument { category: Category::CareReports };
    assert_eq!(at(&linked, &write, &r, t0()), Decision::Deny(Reason::RecordClosed));
    assert_eq!(at(&referent, &write, &r, t0()), Decision::Deny(Reason::RecordClosed));
    assert_eq!(read(&stranger, &report, &r, t0()), Decision::Deny(Reason::RecordClosed));
    for action in [Action::OpenEmergencyAccess, Action::OpenPracticeConsultation] {
        assert_eq!(at(&linked, &action, &r, t0()), Decision::Deny(Reason::RecordClosed));
    }
    // The period ends to the second; a closing for any other reason has none.
    assert_eq!(read(&linked, &report, &r, t0() + days(30)), Decision::Deny(Reason::RecordClosed));
    r.death_read_until = None;
    assert_eq!(read(&referent, &report, &r, t0()), Decision::Deny(Reason::RecordClosed));
}
