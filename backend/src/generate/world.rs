//! The synthetic country before anything happens in it: organisations, agents, the professional
//! directory with the pools care relations are drawn from, and every patient's plan — the life
//! of their record (created, letter, activated, closed), their référent, and how much happens in
//! it (documents, links, audit entries), heavy-tailed.

use shared::api::agency::RecordState;
use shared::{Category, Profession};
use uuid::Uuid;

use super::people::{self, ORGANISATION_KINDS, PROFESSIONS};
use super::random::{Alias, Rng, allocate};
use super::{DAY, Volumes};

/// Domains of the derived random streams.
pub(super) mod domain {
    pub const DIRECTORY: u64 = 1;
    pub const PATIENT_PLAN: u64 = 2;
    pub const PATIENT_ROW: u64 = 3;
    pub const PATIENT_RUN: u64 = 4;
    pub const PROFESSIONAL_RUN: u64 = 5;
    pub const DOCUMENT: u64 = 6;
    pub const VERSION: u64 = 7;
    pub const LINK: u64 = 8;
    pub const GRANT: u64 = 9;
    pub const NOTIFICATION: u64 = 10;
    pub const CREDENTIAL: u64 = 11;
}

/// The rights of every matrix column on every category, as a table.
#[derive(Debug, Clone)]
pub(super) struct Rights([[shared::category::Right; 19]; 11]);

impl Rights {
    pub(super) fn of(matrix: &crate::access::Matrix) -> Self {
        let mut table = [[shared::category::Right::None; 19]; 11];
        for (p, profession) in Profession::ALL.iter().enumerate() {
            for (c, category) in Category::ALL.iter().enumerate() {
                table[p][c] = matrix.right(*profession, *category);
            }
        }
        Self(table)
    }

    pub(super) fn get(&self, column: Profession, category: Category) -> shared::category::Right {
        let p = Profession::ALL.iter().position(|x| *x == column).unwrap_or(0);
        let c = Category::ALL.iter().position(|x| *x == category).unwrap_or(0);
        self.0[p][c]
    }
}

#[derive(Debug, Clone)]
pub(super) struct Organisation {
    pub id: Uuid,
    pub kind: &'static str,
    pub name: String,
    /// Active members.
    pub members: Vec<u32>,
    /// Active members who may file at least one category.
    pub filers: Vec<u32>,
}

#[derive(Debug, Clone)]
pub(super) struct Professional {
    pub id: Uuid,
    pub profession: Profession,
    pub organisation: Option<u32>,
    pub active: bool,
    /// Enrolment, wall-clock microseconds.
    pub created_at: i64,
    /// How busy they are (relative).
    pub popularity: f64,
}

/// A weighted pool of professionals or organisations to draw from.
#[derive(Debug, Clone)]
pub(super) struct Pool {
    alias: Option<Alias>,
    items: Vec<u32>,
}

impl Pool {
    fn new(weighted: Vec<(u32, f64)>) -> Self {
        let weights: Vec<f64> = weighted.iter().map(|w| w.1).collect();
        Self { alias: Alias::new(&weights), items: weighted.into_iter().map(|w| w.0).collect() }
    }

    pub(super) fn draw(&self, rng: &mut Rng) -> Option<u32> {
        let alias = self.alias.as_ref()?;
        self.items.get(alias.sample(rng)).copied()
    }
}

/// The directory and the pools care relations are drawn from.
#[derive(Debug)]
pub(super) struct Directory {
    pub organisations: Vec<Organisation>,
    pub agents: Vec<Uuid>,
    pub professionals: Vec<Professional>,
    /// Who opens consultations: physicians mostly, nurses, therapists, midwives.
    pub consulting: Pool,
    /// Physicians a patient designates as référent.
    pub referents: Pool,
    /// Whom patients grant links to.
    pub grantees: Pool,
    /// Hospitals and care institutions, for stays.
    pub stays: Pool,
    /// Hospitals, for emergency-department registrations.
    pub emergency_departments: Pool,
    /// Hospital physicians, who break the glass.
    pub emergency_physicians: Pool,
    /// Any active professional (blocks, restrictions).
    pub anyone: Pool,
    /// Per matrix column, the categories it may file, weighted by the category mix.
    pub writable: Vec<Option<Alias>>,
}

impl Directory {
    /// The categories `column` may file, by the category mix; `None` when it files nothing.
    pub(super) fn writable_by(&self, column: Profession) -> Option<&Alias> {
        let p = Profession::ALL.iter().position(|x| *x == column)?;
        self.writable.get(p)?.as_ref()
    }
}

fn profession_weight(profession: Profession, table: &[(Profession, f64)]) -> f64 {
    table.iter().find(|(p, _)| *p == profession).map_or(0.0, |(_, w)| *w)
}

/// Builds the directory: organisations, agents and professionals, between `launch - 90 days`
/// and `launch` (the professionals enrolled before the record opened to them).
pub(super) fn directory(seed: u64, volumes: &Volumes, rights: &Rights, launch: i64) -> Directory {
    let mut rng = Rng::derive(seed, domain::DIRECTORY, 0);
    let org_count = volumes.organisations.max(ORGANISATION_KINDS.len() as u64);
    let mut organisations = Vec::new();
    let mut size = Vec::new();
    for (kind, share) in ORGANISATION_KINDS {
        let n = ((org_count as f64 * share).round() as usize).max(1);
        for k in 0..n {
            let name = people::organisation_name(kind, k + 1, &mut rng);
            organisations.push(Organisation {
                id: rng.uuid(),
                kind,
                name,
                members: Vec::new(),
                filers: Vec::new(),
            });
            size.push(rng.pareto(1.5, 40.0));
        }
    }
    let by_kind = |kind: &str| {
        Pool::new(
            organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.kind == kind)
                .map(|(i, _)| (i as u32, size[i]))
                .collect(),
        )
    };
    let kind_pools: Vec<(&str, Pool)> =
        ORGANISATION_KINDS.iter().map(|(kind, _)| (*kind, by_kind(kind))).collect();
    let profession_shares: Vec<f64> = PROFESSIONS.iter().map(|p| p.1).collect();
    let agents = (0..5).map(|_| rng.uuid()).collect();
    let mut professionals = Vec::with_capacity(volumes.professionals as usize);
    for _ in 0..volumes.professionals {
        let profession = PROFESSIONS[weighted_index(&mut rng, &profession_shares)].0;
        let places = people::workplaces(profession);
        let independent = matches!(
            profession,
            Profession::Physician | Profession::Nurse | Profession::Expert | Profession::Midwife
        ) && rng.chance(0.15);
        let organisation = if independent {
            None
        } else {
            let preferred = match rng.below(100) {
                0..65 => 0,
                65..90 => 1,
                _ => 2,
            };
            let kind = places.get(preferred).or_else(|| places.first()).copied().unwrap_or("other");
            kind_pools.iter().find(|(k, _)| *k == kind).and_then(|(_, pool)| pool.draw(&mut rng))
        };
        professionals.push(Professional {
            id: rng.uuid(),
            profession,
            organisation,
            active: rng.chance(0.97),
            created_at: launch - rng.between(0, 90 * DAY),
            popularity: rng.pareto(2.0, 50.0),
        });
    }
    let files_something = |p: &Professional| {
        Category::ALL
            .iter()
            .any(|c| people::category_weight(*c) > 0.0 && rights.get(p.profession, *c).can_write())
    };
    for (i, p) in professionals.iter().enumerate() {
        if let (true, Some(o)) = (p.active, p.organisation) {
            organisations[o as usize].members.push(i as u32);
            if files_something(p) {
                organisations[o as usize].filers.push(i as u32);
            }
        }
    }
    let pool_of = |weight: &dyn Fn(&Professional) -> f64| {
        Pool::new(
            professionals
                .iter()
                .enumerate()
                .filter(|(_, p)| p.active)
                .map(|(i, p)| (i as u32, weight(p) * p.popularity))
                .filter(|(_, w)| *w > 0.0)
                .collect(),
        )
    };
    let kind_of = |p: &Professional| p.organisation.map(|o| organisations[o as usize].kind);
    let consulting = pool_of(&|p| {
        profession_weight(
            p.profession,
            &[
                (Profession::Physician, 1.0),
                (Profession::Nurse, 0.3),
                (Profession::Expert, 0.4),
                (Profession::Midwife, 0.3),
            ],
        )
    });
    let mut referents = pool_of(&|p| {
        let at_practice = matches!(kind_of(p), None | Some("practice"));
        if p.profession == Profession::Physician && at_practice { 1.0 } else { 0.0 }
    });
    if referents.alias.is_none() {
        referents = pool_of(&|p| if p.profession == Profession::Physician { 1.0 } else { 0.0 });
    }
    let grantees = pool_of(&|p| {
        profession_weight(
            p.profession,
            &[
                (Profession::Physician, 1.0),
                (Profession::Nurse, 0.5),
                (Profession::Expert, 0.5),
                (Profession::Pharmacist, 0.3),
                (Profession::Biologist, 0.1),
            ],
        )
    });
    let mut emergency_physicians = pool_of(&|p| {
        if p.profession == Profession::Physician && kind_of(p) == Some("hospital") {
            1.0
        } else {
            0.0
        }
    });
    if emergency_physicians.alias.is_none() {
        emergency_physicians =
            pool_of(&|p| if p.profession == Profession::Physician { 1.0 } else { 0.0 });
    }
    let anyone = pool_of(&|_| 1.0);
    let org_pool = |kinds: &[&str]| {
        Pool::new(
            organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| kinds.contains(&o.kind) && !o.filers.is_empty())
                .map(|(i, o)| (i as u32, o.members.len() as f64))
                .collect(),
        )
    };
    let stays = org_pool(&["hospital", "care-institution"]);
    let emergency_departments = org_pool(&["hospital"]);
    let writable = Profession::ALL
        .iter()
        .map(|column| {
            let weights: Vec<f64> = Category::ALL
                .iter()
                .map(|c| {
                    if rights.get(*column, *c).can_write() {
                        people::category_weight(*c)
                    } else {
                        0.0
                    }
                })
                .collect();
            Alias::new(&weights)
        })
        .collect();
    Directory {
        organisations,
        agents,
        professionals,
        consulting,
        referents,
        grantees,
        stays,
        emergency_departments,
        emergency_physicians,
        anyone,
        writable,
    }
}

/// An index drawn by `weights` (a linear scan: for short tables).
pub(super) fn weighted_index(rng: &mut Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut left = rng.unit() * total;
    for (i, w) in weights.iter().enumerate() {
        if left < *w {
            return i;
        }
        left -= w;
    }
    weights.len().saturating_sub(1)
}

/// A patient's life and how much happens in their record. Times are in activity time
/// (microseconds; see [`super::random::warp`]).
#[derive(Debug, Clone)]
pub(super) struct PatientPlan {
    pub id: Uuid,
    pub state: RecordState,
    pub created: i64,
    pub letter: i64,
    pub activated: Option<i64>,
    pub closed: Option<i64>,
    /// Professionals reach the record from here (objection window over, or activated).
    pub start: i64,
    /// Nothing happens after this (closure, or now).
    pub end: i64,
    /// The référent and when they were designated (by the patient once activated, else by the
    /// agency).
    pub referent: Option<(u32, i64)>,
    /// When the patient switched emergency access off, if they did.
    pub emergency_off: Option<i64>,
    /// The professional the patient blocked, and when.
    pub block: Option<(u32, i64)>,
    /// An emergency access: who broke the glass, and when.
    pub emergency: Option<(u32, i64)>,
    pub documents: u64,
    pub links: u64,
    /// Entries of the record's chain that are neither fixed life events, filings nor links.
    pub background: u64,
}

impl PatientPlan {
    /// Audit entries at fixed times: creation, letter, activation, référent, switch, block,
    /// emergency access, closure.
    pub(super) fn fixed_events(&self) -> u64 {
        2 + u64::from(self.activated.is_some())
            + u64::from(self.referent.is_some())
            + u64::from(self.emergency_off.is_some())
            + u64::from(self.block.is_some())
            + u64::from(self.emergency.is_some())
            + u64::from(self.closed.is_some())
    }

    /// Every audit entry of the record's chain.
    pub(super) fn events(&self) -> u64 {
        self.fixed_events() + self.documents + self.links + self.background
    }
}

/// Share of the audit log on professionals' own chains (sign-ins, sign-outs, key checks).
const PROFESSIONAL_SHARE: f64 = 0.05;

/// Every patient's plan, sorted by record creation, and the audit entries of each
/// professional's own chain; the totals match `volumes` exactly.
///
/// # Errors
/// When the audit volume is too small for the documents and life events it must record.
pub(super) fn patients(
    seed: u64,
    volumes: &Volumes,
    directory: &Directory,
    launch: i64,
    now: i64,
) -> anyhow::Result<(Vec<PatientPlan>, Vec<u64>)> {
    let n = volumes.patients as usize;
    let mut created: Vec<i64> = (0..n)
        .map(|i| {
            let mut rng = Rng::derive(seed, domain::PATIENT_PLAN, i as u64);
            // The opt-out launch: most records are created in the first four months.
            if rng.chance(0.65) {
                launch + rng.between(0, 120 * DAY)
            } else {
                rng.between(launch + 120 * DAY, now - 45 * DAY)
            }
        })
        .collect();
    created.sort_unstable();
    let mut plans = Vec::with_capacity(n);
    let mut activity = Vec::with_capacity(n);
    let mut chatter = Vec::with_capacity(n);
    for (i, created) in created.into_iter().enumerate() {
        let mut rng = Rng::derive(seed, domain::PATIENT_PLAN, (i as u64) | (1 << 40));
        let letter = created + rng.between(0, 14 * DAY);
        let roll = rng.below(1000);
        let state = match roll {
            0..700 => RecordState::Activated,
            700..970 => RecordState::Created,
            _ => RecordState::Closed,
        };
        let activates =
            state == RecordState::Activated || (state == RecordState::Closed && rng.chance(0.6));
        // Closed records close at least a month after the letter (the objection window and a
        // day); they were activated, if at all, before.
        let closed = (state == RecordState::Closed)
            .then(|| rng.between(letter + 60 * DAY, now - DAY).max(letter + 31 * DAY).min(now));
        let activated = activates.then(|| {
            let at = letter + DAY + rng.exponential(90.0 * DAY as f64) as i64;
            at.min(closed.map_or(now, |c| c) - DAY).max(letter + 1)
        });
        let start = activated.map_or(letter + 30 * DAY, |a| a.min(letter + 30 * DAY));
        let end = closed.unwrap_or(now);
        let referent = if rng.chance(0.85) {
            directory.referents.draw(&mut rng).map(|r| {
                let from = activated.unwrap_or(letter);
                let at = (from + rng.between(0, 60 * DAY)).min(end - 1);
                (r, at.max(from))
            })
        } else {
            None
        };
        let after_activation = |rng: &mut Rng| activated.map(|a| rng.between(a, end).max(a));
        let emergency_off = if rng.chance(0.02) { after_activation(&mut rng) } else { None };
        let block = if rng.chance(0.01) {
            after_activation(&mut rng).and_then(|at| {
                let pro = (0..8)
                    .filter_map(|_| directory.anyone.draw(&mut rng))
                    .find(|p| referent.is_none_or(|(r, _)| r != *p))?;
                Some((pro, at))
            })
        } else {
            None
        };
        let emergency = if emergency_off.is_none() && rng.chance(0.002) {
            let at = rng.between(start, end);
            (0..8)
                .filter_map(|_| directory.emergency_physicians.draw(&mut rng))
                .find(|p| block.is_none_or(|(b, _)| b != *p))
                .map(|p| (p, at))
        } else {
            None
        };
        let years = (end - start).max(DAY) as f64 / (365.25 * DAY as f64);
        let weight = if rng.chance(0.92) { rng.pareto(1.6, 200.0) } else { 0.0 };
        let state_factor = match state {
            RecordState::Activated => 1.0,
            RecordState::Created => 0.6,
            RecordState::Closed => 0.5,
        };
        activity.push(weight * years * state_factor);
        chatter.push(
            weight.powf(0.9) * years * if activates { 1.2 } else { 0.5 }
                + if activates { 0.05 } else { 0.0 },
        );
        plans.push(PatientPlan {
            id: rng.uuid(),
            state,
            created,
            letter,
            activated,
            closed,
            start,
            end,
            referent,
            emergency_off,
            block,
            emergency,
            documents: 0,
            links: 0,
            background: 0,
        });
    }
    let documents = allocate(volumes.documents, &activity);
    for (i, (plan, docs)) in plans.iter_mut().zip(documents).enumerate() {
        let mut rng = Rng::derive(seed, domain::PATIENT_PLAN, (i as u64) | (2 << 40));
        plan.documents = docs;
        let per_document = 0.35 + 0.25 * rng.unit();
        plan.links = (docs as f64 * per_document).round() as u64
            + u64::from(activity[i] > 0.0 && rng.chance(0.3));
    }
    let professional_events = (volumes.audit_entries as f64 * PROFESSIONAL_SHARE) as u64;
    let structural: u64 = plans.iter().map(PatientPlan::events).sum();
    let Some(background) = volumes.audit_entries.checked_sub(structural + professional_events)
    else {
        anyhow::bail!(
            "{} audit entries are too few: the records' life events, {} filings and their links \
             alone need {}",
            volumes.audit_entries,
            volumes.documents,
            structural + professional_events
        );
    };
    for (plan, extra) in plans.iter_mut().zip(allocate(background, &chatter)) {
        plan.background = extra;
    }
    let busy: Vec<f64> = directory.professionals.iter().map(|p| p.popularity).collect();
    let per_professional = allocate(professional_events, &busy);
    Ok((plans, per_professional))
}
