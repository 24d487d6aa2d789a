//! The country's history, in time order: every record's and every professional's events merged
//! by time (a heap over the streams), so that rows and audit entries are inserted in the order a
//! real system would have written them — a record's documents and audit entries end up spread
//! over the tables, not side by side.
//!
//! A record's stream mixes fixed life events (creation, letter, activation, référent, switch,
//! block, emergency access, closure) with "slots" at random sorted times in its active window:
//! link openings (encounters), filings and background activity (reads, the patient's own
//! visits). An encounter files its documents and brings its reads within the link's lifetime;
//! the remaining activity goes through the référent, a live link, or the patient. Every event
//! appends one audit entry to its chain, hashed exactly as [`crate::audit`] does, so that
//! `dsp audit verify` accepts the result.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{DateTime, Utc};
use shared::{Category, Profession};
use uuid::Uuid;

use super::bulk::{Sink, SinkError, Table};
use super::people;
use super::random::{Rng, warp};
use super::world::{Directory, PatientPlan, Rights, domain, weighted_index};
use super::{DAY, HOUR};
use crate::entity::audit_event;

/// A stored placeholder content that versions point at.
#[derive(Debug, Clone)]
pub(super) struct Placeholder {
    pub sha256: String,
    pub size: i64,
    pub format: &'static str,
    pub media_type: &'static str,
    pub extension: &'static str,
}

/// A wall-clock instant (microseconds) as stored.
fn at(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// A JSON string literal.
fn json(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// Who holds a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holder {
    Professional(u32),
    Organisation(u32),
}

/// The care context of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Consultation,
    InstitutionStay,
    EmergencyDepartment,
    PatientGrant,
}

impl Context {
    const fn code(self) -> &'static str {
        match self {
            Self::Consultation => "consultation",
            Self::InstitutionStay => "institution_stay",
            Self::EmergencyDepartment => "emergency_department",
            Self::PatientGrant => "patient_grant",
        }
    }

    const fn rule(self) -> &'static str {
        match self {
            Self::Consultation => "link_consultation",
            Self::InstitutionStay => "link_institution_stay",
            Self::EmergencyDepartment => "link_emergency_department",
            Self::PatientGrant => "link_patient_grant",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct LinkRef {
    holder: Holder,
    context: Context,
    /// Wall clock: live while `now < ends` and before `ended`.
    ends: i64,
    ended: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restriction {
    None,
    AuthorOnly,
    HiddenFrom(u32),
}

#[derive(Debug, Clone, Copy)]
struct DocRef {
    index: u32,
    category: Category,
    /// `None`: the patient.
    author: Option<u32>,
    restriction: Restriction,
    withdrawn: bool,
}

/// Events of a record at a set time.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Created,
    Letter,
    Activation,
    Referent,
    EmergencyOff,
    Block,
    Emergency,
    /// A filing during an encounter.
    Filing(Holder, Context),
    /// A read during an encounter.
    Access(Holder, Context),
    Restricted {
        document: u32,
        mode: Restriction,
    },
    Withdrawn {
        document: u32,
        author: u32,
        rule: &'static str,
    },
    LinkEnded {
        link: u32,
    },
    Closed,
}

impl Pending {
    /// Order among events at the same instant.
    const fn rank(self) -> u8 {
        match self {
            Self::Created => 0,
            Self::Letter => 1,
            Self::Activation => 2,
            Self::Referent => 3,
            Self::EmergencyOff => 4,
            Self::Block => 5,
            Self::Emergency => 6,
            Self::Filing(..) => 7,
            Self::Access(..) => 8,
            Self::Restricted { .. } => 9,
            Self::Withdrawn { .. } => 10,
            Self::LinkEnded { .. } => 11,
            Self::Closed => 12,
        }
    }
}

/// A hash chain's head.
#[derive(Debug, Clone, Default)]
struct Chain {
    seq: i64,
    hash: String,
}

/// A record's stream.
#[derive(Debug)]
struct Run {
    rng: Rng,
    /// Slots left: filings + link openings + background.
    slots: u64,
    documents: u64,
    links: u64,
    /// Filings and reads left for the encounters to come.
    encounter_documents: u64,
    encounter_reads: u64,
    next_slot: i64,
    last_slot: i64,
    /// Sorted so that the earliest is last.
    pending: Vec<(i64, Pending)>,
    recent_links: [Option<LinkRef>; 3],
    link_cursor: usize,
    recent_docs: [Option<DocRef>; 4],
    doc_cursor: usize,
    filed: u32,
    referent_on: bool,
    blocked: Option<u32>,
    chain: Chain,
}

impl Run {
    fn new(seed: u64, index: usize, plan: &PatientPlan) -> Self {
        let mut pending = vec![(plan.created, Pending::Created), (plan.letter, Pending::Letter)];
        if let Some(t) = plan.activated {
            pending.push((t, Pending::Activation));
        }
        if let Some((_, t)) = plan.referent {
            pending.push((t, Pending::Referent));
        }
        if let Some(t) = plan.emergency_off {
            pending.push((t, Pending::EmergencyOff));
        }
        if let Some((_, t)) = plan.block {
            pending.push((t, Pending::Block));
        }
        if let Some((_, t)) = plan.emergency {
            pending.push((t, Pending::Emergency));
        }
        if let Some(t) = plan.closed {
            pending.push((t, Pending::Closed));
        }
        pending.sort_by_key(|(t, p)| Reverse((*t, p.rank())));
        // Most filings and a good part of the reads happen during encounters (links), shared
        // evenly among them; the rest fall in slots spread over the whole window.
        let (encounter_documents, encounter_reads) = if plan.links > 0 {
            // A record nobody else reaches (no référent, not activated) is read during
            // encounters only.
            let unreachable = plan.referent.is_none() && plan.activated.is_none();
            let reads = if unreachable { 0.95 } else { 0.6 };
            (plan.documents * 4 / 5, (plan.background as f64 * reads) as u64)
        } else {
            (0, 0)
        };
        let documents = plan.documents - encounter_documents;
        let background = plan.background - encounter_reads;
        let mut run = Self {
            rng: Rng::derive(seed, domain::PATIENT_RUN, index as u64),
            slots: documents + plan.links + background,
            documents,
            links: plan.links,
            encounter_documents,
            encounter_reads,
            next_slot: i64::MAX,
            last_slot: plan.start,
            pending,
            recent_links: [None; 3],
            link_cursor: 0,
            recent_docs: [None; 4],
            doc_cursor: 0,
            filed: 0,
            referent_on: false,
            blocked: None,
            chain: Chain::default(),
        };
        run.draw_next_slot(plan.end);
        run
    }

    /// The next of the remaining slots, uniform in what is left of the window: the minimum of
    /// `slots` uniform draws.
    fn draw_next_slot(&mut self, end: i64) {
        if self.slots == 0 {
            self.next_slot = i64::MAX;
            return;
        }
        let u = 1.0 - self.rng.unit();
        let step = 1.0 - u.powf(1.0 / self.slots as f64);
        let span = (end - self.last_slot).max(0) as f64;
        self.next_slot = (self.last_slot + (span * step) as i64).min(end - 1).max(self.last_slot);
    }

    fn next_time(&self) -> Option<i64> {
        let pending = self.pending.last().map_or(i64::MAX, |p| p.0);
        let next = pending.min(self.next_slot);
        (next != i64::MAX).then_some(next)
    }

    fn background(&self) -> u64 {
        self.slots - self.documents - self.links
    }

    /// Takes one background slot for an event set at a time, if one is left.
    fn take_background(&mut self) -> bool {
        if self.background() > 0 {
            self.slots -= 1;
            if self.slots == 0 {
                self.next_slot = i64::MAX;
            }
            true
        } else if self.encounter_reads > 0 {
            self.encounter_reads -= 1;
            true
        } else {
            false
        }
    }

    fn schedule(&mut self, time: i64, event: Pending) {
        let key = Reverse((time, event.rank()));
        let position = self.pending.partition_point(|(t, p)| Reverse((*t, p.rank())) <= key);
        self.pending.insert(position, (time, event));
    }

    fn live_links(&self, now: i64) -> impl Iterator<Item = &LinkRef> {
        self.recent_links.iter().flatten().filter(move |l| now < l.ends && now < l.ended)
    }

    fn remember_link(&mut self, link: LinkRef) {
        self.recent_links[self.link_cursor] = Some(link);
        self.link_cursor = (self.link_cursor + 1) % self.recent_links.len();
    }

    /// The link opened last.
    fn latest_link(&self) -> Option<LinkRef> {
        let n = self.recent_links.len();
        self.recent_links[(self.link_cursor + n - 1) % n]
    }

    fn remember_doc(&mut self, doc: DocRef) {
        self.recent_docs[self.doc_cursor] = Some(doc);
        self.doc_cursor = (self.doc_cursor + 1) % self.recent_docs.len();
        self.filed += 1;
    }

    fn recent_doc(&mut self) -> Option<DocRef> {
        let known: Vec<DocRef> = self.recent_docs.iter().flatten().copied().collect();
        self.rng.pick(&known).copied()
    }

    fn doc_mut(&mut self, index: u32) -> Option<&mut DocRef> {
        self.recent_docs.iter_mut().flatten().find(|d| d.index == index)
    }
}

/// A professional's own chain (sign-ins and the like).
#[derive(Debug)]
struct ProRun {
    rng: Rng,
    left: u64,
    last: i64,
    next: i64,
    chain: Chain,
}

impl ProRun {
    fn draw_next(&mut self, end: i64) {
        if self.left == 0 {
            self.next = i64::MAX;
            return;
        }
        let u = 1.0 - self.rng.unit();
        let step = 1.0 - u.powf(1.0 / self.left as f64);
        let span = (end - self.last).max(0) as f64;
        self.next = (self.last + (span * step) as i64).min(end - 1).max(self.last);
    }
}

/// Who acts on the record for a professional event, and under which rule.
#[derive(Debug, Clone, Copy)]
struct Relation {
    professional: u32,
    column: Profession,
    rule: &'static str,
}

/// One audit entry before it joins its chain.
#[derive(Debug)]
struct Entry {
    actor: Option<(&'static str, Uuid)>,
    action: &'static str,
    success: bool,
    patient: Option<Uuid>,
    target: Option<(&'static str, String)>,
    detail: String,
    client_ip: String,
}

impl Entry {
    fn new(action: &'static str, actor: (&'static str, Uuid), client_ip: String) -> Self {
        Self {
            actor: Some(actor),
            action,
            success: true,
            patient: None,
            target: None,
            detail: "{}".to_owned(),
            client_ip,
        }
    }

    fn patient(mut self, id: Uuid) -> Self {
        self.patient = Some(id);
        self
    }

    fn target(mut self, kind: &'static str, id: String) -> Self {
        self.target = Some((kind, id));
        self
    }

    fn detail(mut self, detail: String) -> Self {
        self.detail = detail;
        self
    }

    /// A refusal: the rule that refused, and the not-found answer the caller got.
    fn refused(mut self, reason: &str) -> Self {
        self.success = false;
        self.detail = format!("{{\"rule\":{},\"refused\":\"not_found\"}}", json(reason));
        self
    }
}

/// Everything the history needs, and its counters.
pub(super) struct History<'a> {
    pub seed: u64,
    /// Wall-clock "now", microseconds.
    pub now: i64,
    pub directory: &'a Directory,
    pub rights: &'a Rights,
    pub plans: &'a [PatientPlan],
    pub professional_events: &'a [u64],
    pub pdfs: &'a [Placeholder],
    pub png: &'a Placeholder,
    pub sink: &'a mut Sink,
    /// The id the next audit entry gets.
    pub next_audit_id: i64,
    pub documents: u32,
    pub links: u32,
    pub grants: u32,
}

impl History<'_> {
    /// Plays the whole history, then writes the chain heads.
    pub(super) fn play(&mut self) -> Result<(), SinkError> {
        let plans = self.plans;
        let mut runs: Vec<Run> =
            plans.iter().enumerate().map(|(i, p)| Run::new(self.seed, i, p)).collect();
        let mut pros: Vec<ProRun> = self
            .directory
            .professionals
            .iter()
            .zip(self.professional_events)
            .enumerate()
            .map(|(i, (p, left))| {
                let mut run = ProRun {
                    rng: Rng::derive(self.seed, domain::PROFESSIONAL_RUN, i as u64),
                    left: *left,
                    last: p.created_at,
                    next: i64::MAX,
                    chain: Chain::default(),
                };
                run.draw_next(self.now);
                run
            })
            .collect();
        let patients = runs.len();
        let mut heap: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
        for (i, run) in runs.iter().enumerate() {
            if let Some(t) = run.next_time() {
                heap.push(Reverse((t, i)));
            }
        }
        for (i, run) in pros.iter().enumerate() {
            if run.next != i64::MAX {
                heap.push(Reverse((run.next, patients + i)));
            }
        }
        while let Some(Reverse((_, stream))) = heap.pop() {
            if let (Some(run), Some(plan)) = (runs.get_mut(stream), plans.get(stream)) {
                self.patient_step(stream, run, plan)?;
                if let Some(t) = run.next_time() {
                    heap.push(Reverse((t, stream)));
                }
            } else if let Some(run) = pros.get_mut(stream - patients) {
                self.professional_step(stream - patients, run)?;
                if run.next != i64::MAX {
                    heap.push(Reverse((run.next, stream)));
                }
            }
        }
        self.sink.flush(Table::AuditEvents)?;
        for (run, plan) in runs.iter().zip(plans) {
            if run.chain.seq > 0 {
                self.head(format!("patient:{}", plan.id), &run.chain)?;
            }
        }
        for (run, pro) in pros.iter().zip(&self.directory.professionals) {
            if run.chain.seq > 0 {
                self.head(format!("professional:{}", pro.id), &run.chain)?;
            }
        }
        self.sink.flush_all()
    }

    fn head(&mut self, key: String, chain: &Chain) -> Result<(), SinkError> {
        self.sink
            .push(Table::AuditChainHeads, [key.into(), chain.seq.into(), chain.hash.clone().into()])
    }

    /// Appends `entry` to `chain` at `time` (wall clock), hashed as the audit log does.
    fn append(
        &mut self,
        chain: &mut Chain,
        key: String,
        time: i64,
        entry: Entry,
        rng: &mut Rng,
    ) -> Result<(), SinkError> {
        let seq = chain.seq + 1;
        let mut row = audit_event::Model {
            id: self.next_audit_id,
            occurred_at: at(time),
            actor_kind: entry.actor.map(|(kind, _)| kind.to_owned()),
            actor_id: entry.actor.map(|(_, id)| id),
            action: entry.action.to_owned(),
            outcome: if entry.success { "success" } else { "failure" }.to_owned(),
            patient_id: entry.patient,
            target_kind: entry.target.as_ref().map(|(kind, _)| (*kind).to_owned()),
            target_id: entry.target.map(|(_, id)| id),
            detail: entry.detail,
            request_id: Some(rng.uuid().to_string()),
            client_ip: Some(entry.client_ip),
            chain_key: key,
            seq,
            prev_hash: (chain.seq > 0).then(|| chain.hash.clone()),
            hash: String::new(),
            commitment: None,
            pseudonymised: false,
        };
        row.hash = crate::audit::entry_hash(row.prev_hash.as_deref(), &row);
        self.next_audit_id += 1;
        chain.seq = seq;
        chain.hash.clone_from(&row.hash);
        self.sink.push(
            Table::AuditEvents,
            [
                row.id.into(),
                row.occurred_at.into(),
                row.actor_kind.into(),
                row.actor_id.into(),
                row.action.into(),
                row.outcome.into(),
                row.patient_id.into(),
                row.target_kind.into(),
                row.target_id.into(),
                row.detail.into(),
                row.request_id.into(),
                row.client_ip.into(),
                row.chain_key.into(),
                row.seq.into(),
                row.prev_hash.into(),
                row.hash.into(),
            ],
        )
    }

    /// Appends to the record's chain.
    fn record(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        entry: Entry,
    ) -> Result<(), SinkError> {
        let key = format!("patient:{}", plan.id);
        let mut chain = std::mem::take(&mut run.chain);
        let result = self.append(&mut chain, key, time, entry, &mut run.rng);
        run.chain = chain;
        result
    }

    fn professional_id(&self, index: u32) -> Uuid {
        self.directory.professionals.get(index as usize).map_or(Uuid::nil(), |p| p.id)
    }

    fn agent(&self, rng: &mut Rng) -> Uuid {
        rng.pick(&self.directory.agents).copied().unwrap_or(Uuid::nil())
    }

    fn credential(&self, domain_index: u64) -> String {
        let mut rng = Rng::derive(self.seed, domain::CREDENTIAL, domain_index);
        let bytes: Vec<u8> = (0..2).flat_map(|_| rng.next_u64().to_be_bytes()).collect();
        data_encoding::BASE64URL_NOPAD.encode(&bytes)
    }

    fn patient_ip(rng: &mut Rng) -> String {
        format!("198.51.100.{}", 1 + rng.below(254))
    }

    fn professional_ip(rng: &mut Rng) -> String {
        format!("10.{}.{}.{}", rng.below(256), rng.below(256), 1 + rng.below(254))
    }

    fn agency_ip(rng: &mut Rng) -> String {
        format!("10.0.0.{}", 1 + rng.below(254))
    }

    /// The next event of a record.
    fn patient_step(
        &mut self,
        index: usize,
        run: &mut Run,
        plan: &PatientPlan,
    ) -> Result<(), SinkError> {
        let pending = run.pending.last().map_or(i64::MAX, |p| p.0);
        if pending <= run.next_slot {
            if let Some((time, event)) = run.pending.pop() {
                self.fixed(run, plan, time, event)?;
            }
            return Ok(());
        }
        let time = run.next_slot;
        run.last_slot = time;
        let roll = run.rng.below(run.slots);
        run.slots -= 1;
        if roll < run.documents {
            run.documents -= 1;
            self.slot_filing(index, run, plan, time)?;
        } else if roll < run.documents + run.links {
            run.links -= 1;
            self.open_link(index, run, plan, time)?;
        } else {
            self.background(index, run, plan, time)?;
        }
        run.draw_next_slot(plan.end);
        Ok(())
    }

    fn fixed(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        event: Pending,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let patient = ("patient", plan.id);
        let patient_ip = Self::patient_ip(&mut run.rng);
        let agency_ip = Self::agency_ip(&mut run.rng);
        let agent = ("agent", self.agent(&mut run.rng));
        let entry = match event {
            Pending::Created => Entry::new("patient_created", agent, agency_ip).patient(plan.id),
            Pending::Letter => {
                let expires = at(wall + 90 * DAY).to_rfc3339();
                Entry::new("letter_issued", agent, agency_ip)
                    .patient(plan.id)
                    .detail(format!("{{\"code_expires_at\":{}}}", json(&expires)))
            }
            Pending::Activation => Entry::new("activation", patient, patient_ip).patient(plan.id),
            Pending::Referent => {
                run.referent_on = true;
                let by_patient = plan.activated.is_some_and(|a| a <= time);
                let (actor, ip) =
                    if by_patient { (patient, patient_ip) } else { (agent, agency_ip) };
                let referent = plan.referent.map_or(0, |r| r.0);
                Entry::new("referent_designated", actor, ip)
                    .patient(plan.id)
                    .target("professional", self.professional_id(referent).to_string())
            }
            Pending::EmergencyOff => {
                Entry::new("emergency_access_disabled", patient, patient_ip).patient(plan.id)
            }
            Pending::Block => {
                let blocked = plan.block.map_or(0, |b| b.0);
                run.blocked = Some(blocked);
                let id = self.professional_id(blocked);
                self.sink.push(Table::Blocks, [plan.id.into(), id.into(), at(wall).into()])?;
                Entry::new("professional_blocked", patient, patient_ip)
                    .patient(plan.id)
                    .target("professional", id.to_string())
            }
            Pending::Emergency => self.emergency(run, plan, wall)?,
            Pending::Filing(holder, context) => {
                return self.encounter_filing(run, plan, time, holder, context);
            }
            Pending::Access(holder, context) => {
                let professional = match holder {
                    Holder::Professional(p) => Some(p),
                    Holder::Organisation(o) => self.member(o, &mut run.rng, false),
                };
                let Some(professional) = professional else { return Ok(()) };
                let relation = self.relation_of(run, plan, professional, context);
                return self.professional_access(run, plan, time, relation);
            }
            Pending::Restricted { document, mode } => {
                if let Some(doc) = run.doc_mut(document) {
                    doc.restriction = mode;
                }
                let (code, hidden) = match mode {
                    Restriction::AuthorOnly => ("author_only", String::new()),
                    Restriction::HiddenFrom(p) => {
                        ("hidden_from", json(&self.professional_id(p).to_string()))
                    }
                    Restriction::None => ("none", String::new()),
                };
                Entry::new("document_restricted", patient, patient_ip)
                    .patient(plan.id)
                    .target("document", self.document_id(document).to_string())
                    .detail(format!("{{\"mode\":\"{code}\",\"hidden_from\":[{hidden}]}}"))
            }
            Pending::Withdrawn { document, author, rule } => {
                if let Some(doc) = run.doc_mut(document) {
                    doc.withdrawn = true;
                }
                let reason = run.rng.pick(&people::WITHDRAWAL_REASONS).copied().unwrap_or("Erreur");
                let ip = Self::professional_ip(&mut run.rng);
                Entry::new("document_withdrawn", ("professional", self.professional_id(author)), ip)
                    .patient(plan.id)
                    .target("document", self.document_id(document).to_string())
                    .detail(format!("{{\"reason\":{},\"rule\":\"{rule}\"}}", json(reason)))
            }
            Pending::LinkEnded { link } => Entry::new("link_ended", patient, patient_ip)
                .patient(plan.id)
                .target("link", self.link_id(link).to_string()),
            Pending::Closed => {
                let (actor, ip) = if plan.activated.is_some() {
                    (patient, patient_ip)
                } else {
                    (agent, agency_ip)
                };
                Entry::new("record_closed", actor, ip).patient(plan.id)
            }
        };
        self.record(run, plan, wall, entry)
    }

    fn document_id(&self, index: u32) -> Uuid {
        Rng::derive(self.seed, domain::DOCUMENT, u64::from(index)).uuid()
    }

    fn link_id(&self, index: u32) -> Uuid {
        Rng::derive(self.seed, domain::LINK, u64::from(index)).uuid()
    }

    /// A member of an organisation: any, or one who files.
    fn member(&self, organisation: u32, rng: &mut Rng, filer: bool) -> Option<u32> {
        let o = self.directory.organisations.get(organisation as usize)?;
        rng.pick(if filer { &o.filers } else { &o.members }).copied()
    }

    /// The column and rule a professional acts under: the référent's, else the link's.
    fn relation_of(
        &self,
        run: &Run,
        plan: &PatientPlan,
        professional: u32,
        context: Context,
    ) -> Relation {
        if run.referent_on && plan.referent.is_some_and(|r| r.0 == professional) {
            return Relation { professional, column: Profession::Referent, rule: "referent" };
        }
        let profession = self
            .directory
            .professionals
            .get(professional as usize)
            .map_or(Profession::Physician, |p| p.profession);
        Relation { professional, column: profession, rule: context.rule() }
    }

    /// A live care relation at `wall`: a live link (its holder, or a member of the holding
    /// organisation) or the référent.
    fn live_relation(
        &self,
        run: &mut Run,
        plan: &PatientPlan,
        wall: i64,
        filer: bool,
    ) -> Option<Relation> {
        let live: Vec<LinkRef> = run.live_links(wall).copied().collect();
        let referent = plan.referent.filter(|_| run.referent_on).map(|r| r.0);
        if let Some(link) = run.rng.pick(&live).copied()
            && (referent.is_none() || run.rng.chance(0.7))
        {
            let professional = match link.holder {
                Holder::Professional(p) => Some(p),
                Holder::Organisation(o) => self.member(o, &mut run.rng, filer),
            };
            if let Some(p) = professional {
                return Some(self.relation_of(run, plan, p, link.context));
            }
        }
        referent.map(|r| Relation {
            professional: r,
            column: Profession::Referent,
            rule: "referent",
        })
    }

    /// A filing in a slot: by the patient in their personal space, else through a live
    /// relation; with none, the slot opens a link instead (the filing comes later).
    fn slot_filing(
        &mut self,
        index: usize,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let patient_acts = plan.activated.is_some_and(|a| a <= time);
        if patient_acts && run.rng.chance(0.02) {
            return self.file(run, plan, time, None, Category::PersonalExpression, "holder");
        }
        match self.live_relation(run, plan, wall, true) {
            Some(relation) => self.file_as(run, plan, time, relation),
            // No one may file now: the slot becomes background activity and the filing waits
            // for a later slot (taking a link instead would spend the links early).
            None if run.background() > 0 => {
                run.documents += 1;
                self.background(index, run, plan, time)
            }
            None => {
                // No relation and nothing else left to do: the last link's holder files late.
                let holder = run.latest_link().map(|l| (l.holder, l.context));
                let relation = match holder {
                    Some((Holder::Professional(p), context)) => {
                        Some(self.relation_of(run, plan, p, context))
                    }
                    Some((Holder::Organisation(o), context)) => self
                        .member(o, &mut run.rng, true)
                        .map(|p| self.relation_of(run, plan, p, context)),
                    None => None,
                };
                let relation = relation.or_else(|| {
                    self.directory
                        .consulting
                        .draw(&mut run.rng)
                        .map(|p| self.relation_of(run, plan, p, Context::Consultation))
                });
                match relation {
                    Some(relation) => self.file_as(run, plan, time, relation),
                    None => {
                        self.file(run, plan, time, None, Category::PersonalExpression, "holder")
                    }
                }
            }
        }
    }

    fn encounter_filing(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        holder: Holder,
        context: Context,
    ) -> Result<(), SinkError> {
        let professional = match holder {
            Holder::Professional(p) => Some(p),
            Holder::Organisation(o) => self.member(o, &mut run.rng, true),
        };
        match professional {
            Some(p) => {
                let relation = self.relation_of(run, plan, p, context);
                self.file_as(run, plan, time, relation)
            }
            None => self.file(run, plan, time, None, Category::PersonalExpression, "holder"),
        }
    }

    /// Files a document by a professional, in a category their column may write.
    fn file_as(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        relation: Relation,
    ) -> Result<(), SinkError> {
        let category = self
            .directory
            .writable_by(relation.column)
            .map(|alias| Category::ALL[alias.sample(&mut run.rng)]);
        match category {
            Some(category) => {
                self.file(run, plan, time, Some(relation.professional), category, relation.rule)
            }
            None => self.file(run, plan, time, None, Category::PersonalExpression, "holder"),
        }
    }

    /// Writes a document, its version and its filing; may set a later restriction or
    /// withdrawal.
    fn file(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        author: Option<u32>,
        category: Category,
        rule: &'static str,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let index = self.documents;
        self.documents += 1;
        let id = self.document_id(index);
        let pro = author.and_then(|a| self.directory.professionals.get(a as usize));
        let author_id = pro.map_or(plan.id, |p| p.id);
        let organisation = pro
            .and_then(|p| p.organisation)
            .and_then(|o| self.directory.organisations.get(o as usize))
            .map(|o| o.id);
        // The patient restricts some documents later (once they use the portal).
        let mut restriction = Restriction::None;
        if let (Some(author), Some(activated)) = (author, plan.activated)
            && run.rng.chance(0.025)
        {
            let when = time.max(activated) + run.rng.between(HOUR, 30 * DAY);
            let mode = if run.rng.chance(0.5) {
                Some(Restriction::AuthorOnly)
            } else {
                (0..4)
                    .filter_map(|_| self.directory.anyone.draw(&mut run.rng))
                    .find(|p| *p != author)
                    .map(Restriction::HiddenFrom)
            };
            if let Some(mode) = mode
                && when < plan.end
                && run.take_background()
            {
                run.schedule(when, Pending::Restricted { document: index, mode });
                restriction = mode;
            }
        }
        let mut withdrawn_reason = None;
        if let Some(author) = author
            && run.rng.chance(0.003)
        {
            let when = time + run.rng.between(HOUR, 10 * DAY);
            if when < plan.end && run.take_background() {
                run.schedule(when, Pending::Withdrawn { document: index, author, rule });
                withdrawn_reason =
                    run.rng.pick(&people::WITHDRAWAL_REASONS).map(|r| (*r).to_owned());
            }
        }
        let content = if category == Category::MedicalImaging && run.rng.chance(0.5) {
            self.png
        } else {
            self.pdfs.get(people::placeholder_for(category)).unwrap_or(self.png)
        };
        let title = people::title(category, &mut run.rng);
        let clinical = at(wall - run.rng.between(0, 20 * DAY)).date_naive();
        let restriction_code = match restriction {
            Restriction::None => "none",
            Restriction::AuthorOnly => "author_only",
            Restriction::HiddenFrom(_) => "hidden_from",
        };
        let status = if withdrawn_reason.is_some() { "withdrawn" } else { "current" };
        self.sink.push(
            Table::Documents,
            [
                id.into(),
                plan.id.into(),
                category.code().into(),
                title.into(),
                clinical.into(),
                if author.is_some() { "professional" } else { "patient" }.into(),
                author_id.into(),
                organisation.into(),
                status.into(),
                withdrawn_reason.into(),
                restriction_code.into(),
                1_i32.into(),
                at(wall).into(),
            ],
        )?;
        let file_name = run.rng.chance(0.7).then(|| format!("{title}.{}", content.extension));
        let version = Rng::derive(self.seed, domain::VERSION, u64::from(index)).uuid();
        self.sink.push(
            Table::DocumentVersions,
            [
                version.into(),
                id.into(),
                1_i32.into(),
                content.sha256.clone().into(),
                content.size.into(),
                content.format.into(),
                content.media_type.into(),
                file_name.into(),
                author_id.into(),
                at(wall).into(),
            ],
        )?;
        if let Restriction::HiddenFrom(p) = restriction {
            let hidden = self.professional_id(p);
            self.sink.push(Table::DocumentHiddenFrom, [id.into(), hidden.into()])?;
        }
        run.remember_doc(DocRef {
            index,
            category,
            author,
            restriction: Restriction::None,
            withdrawn: false,
        });
        let (actor, ip) = match author {
            Some(_) => (("professional", author_id), Self::professional_ip(&mut run.rng)),
            None => (("patient", plan.id), Self::patient_ip(&mut run.rng)),
        };
        let entry = Entry::new("document_filed", actor, ip)
            .patient(plan.id)
            .target("document", id.to_string())
            .detail(format!(
                "{{\"category\":\"{}\",\"rule\":\"{rule}\",\"version\":1}}",
                category.code()
            ));
        self.record(run, plan, wall, entry)
    }

    /// An encounter: a link opens; its documents and reads follow within its lifetime.
    fn open_link(
        &mut self,
        index: usize,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let patient_acts = plan.activated.is_some_and(|a| a <= time);
        let weights: &[f64] =
            if patient_acts { &[0.66, 0.08, 0.10, 0.16] } else { &[0.75, 0.10, 0.15, 0.0] };
        let contexts = [
            Context::Consultation,
            Context::InstitutionStay,
            Context::EmergencyDepartment,
            Context::PatientGrant,
        ];
        let mut context = contexts[weighted_index(&mut run.rng, weights)];
        let referent = plan.referent.filter(|_| run.referent_on).map(|r| r.0);
        let blocked = run.blocked;
        let holder = match context {
            Context::InstitutionStay => {
                self.directory.stays.draw(&mut run.rng).map(Holder::Organisation)
            }
            Context::EmergencyDepartment => {
                self.directory.emergency_departments.draw(&mut run.rng).map(Holder::Organisation)
            }
            Context::PatientGrant => {
                self.directory.grantees.draw(&mut run.rng).map(Holder::Professional)
            }
            Context::Consultation => None,
        };
        let holder = match holder {
            Some(Holder::Professional(p)) if Some(p) == blocked => None,
            other => other,
        };
        let holder = match holder {
            Some(h) => h,
            None => {
                context = Context::Consultation;
                // The patient's usual professional: one of the recent links' holders.
                let held: Vec<u32> = run
                    .recent_links
                    .iter()
                    .flatten()
                    .filter_map(|l| match l.holder {
                        Holder::Professional(p) => Some(p),
                        Holder::Organisation(_) => None,
                    })
                    .collect();
                let previous = run.rng.pick(&held).copied();
                let roll = run.rng.unit();
                let chosen = match (referent, previous) {
                    (Some(r), _) if roll < 0.45 => Some(r),
                    (_, Some(p)) if roll < 0.70 => Some(p),
                    _ => self.directory.consulting.draw(&mut run.rng),
                };
                match chosen.filter(|p| Some(*p) != blocked) {
                    Some(p) => Holder::Professional(p),
                    None => match self.directory.consulting.draw(&mut run.rng) {
                        Some(p) => Holder::Professional(p),
                        // An empty directory: nothing can open.
                        None => return self.background(index, run, plan, time),
                    },
                }
            }
        };
        let length = match context {
            Context::Consultation => 15 * DAY,
            Context::InstitutionStay => 45 * DAY,
            Context::EmergencyDepartment => 16 * DAY,
            Context::PatientGrant => run.rng.between(30, 366) * DAY,
        };
        let link_index = self.links;
        self.links += 1;
        let link_id = self.link_id(link_index);
        // The patient ends some links early.
        let mut ended_at = i64::MAX;
        let mut lifetime_end = (time + length).min(plan.end);
        if patient_acts && matches!(holder, Holder::Professional(_)) && run.rng.chance(0.05) {
            let when = time + run.rng.between(HOUR, length);
            if when < plan.end && run.take_background() {
                run.schedule(when, Pending::LinkEnded { link: link_index });
                ended_at = warp(when);
                lifetime_end = when;
            }
        }
        let (professional_id, organisation_id, actor, creator) = match holder {
            Holder::Professional(p) => {
                let id = self.professional_id(p);
                let actor = if context == Context::PatientGrant {
                    ("patient", plan.id)
                } else {
                    ("professional", id)
                };
                (Some(id), None, actor, actor)
            }
            Holder::Organisation(o) => {
                let org = self.directory.organisations.get(o as usize).map(|x| x.id);
                let registrar = self
                    .member(o, &mut run.rng, false)
                    .map_or(Uuid::nil(), |m| self.professional_id(m));
                (None, org, ("professional", registrar), ("professional", registrar))
            }
        };
        self.sink.push(
            Table::CareLinks,
            [
                link_id.into(),
                plan.id.into(),
                professional_id.into(),
                organisation_id.into(),
                context.code().into(),
                at(wall).into(),
                at(wall + length).into(),
                (ended_at != i64::MAX).then(|| at(ended_at)).into(),
                creator.0.into(),
                creator.1.into(),
                at(wall).into(),
            ],
        )?;
        run.remember_link(LinkRef { holder, context, ends: wall + length, ended: ended_at });
        // The encounter's share of the filings and reads, within the link's life (the last
        // encounter takes what is left).
        let share = |run: &mut Run, left: u64| -> u64 {
            if run.links == 0 {
                return left;
            }
            let expected = left as f64 * (0.5 + run.rng.unit()) / (run.links + 1) as f64;
            (expected.round() as u64).min(left)
        };
        let window = (lifetime_end - time).clamp(1, 10 * DAY);
        let filings = share(run, run.encounter_documents);
        for _ in 0..filings {
            let when = time + run.rng.between(0, window);
            run.schedule(when, Pending::Filing(holder, context));
        }
        run.encounter_documents -= filings;
        let reads_window = (lifetime_end - time).max(1);
        let reads = share(run, run.encounter_reads);
        for _ in 0..reads {
            let when = time + run.rng.between(0, reads_window);
            run.schedule(when, Pending::Access(holder, context));
        }
        run.encounter_reads -= reads;
        let ip = if context == Context::PatientGrant {
            Self::patient_ip(&mut run.rng)
        } else {
            Self::professional_ip(&mut run.rng)
        };
        let entry = if context == Context::PatientGrant {
            let until = at(wall + length).date_naive().to_string();
            Entry::new("link_granted", actor, ip).patient(plan.id).detail(format!(
                "{{\"professional\":\"{}\",\"until\":\"{until}\"}}",
                professional_id.unwrap_or_default()
            ))
        } else {
            Entry::new("link_opened", actor, ip)
                .patient(plan.id)
                .detail(format!("{{\"context\":\"{}\"}}", context.code()))
        }
        .target("link", link_id.to_string());
        self.record(run, plan, wall, entry)
    }

    /// Activity that is neither a filing nor an encounter: the patient in the portal, a
    /// professional with a live relation, or one without (refused).
    fn background(
        &mut self,
        index: usize,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let patient_acts = plan.activated.is_some_and(|a| a <= time);
        let relation = self.live_relation(run, plan, wall, false);
        if patient_acts && (relation.is_none() || run.rng.chance(0.5)) {
            return self.patient_visit(index, run, plan, time);
        }
        if let Some(relation) = relation {
            return self.professional_access(run, plan, time, relation);
        }
        let stranger = self.directory.consulting.draw(&mut run.rng).unwrap_or(0);
        let ip = Self::professional_ip(&mut run.rng);
        let entry =
            Entry::new("record_opened", ("professional", self.professional_id(stranger)), ip)
                .patient(plan.id)
                .refused("no_care_relation");
        self.record(run, plan, wall, entry)
    }

    /// The patient in the portal.
    fn patient_visit(
        &mut self,
        index: usize,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let me = ("patient", plan.id);
        let ip = Self::patient_ip(&mut run.rng);
        let roll = run.rng.below(100);
        let doc = run.recent_doc();
        let entry = match (roll, doc) {
            (0..30, _) => Entry::new("sign_in", me, ip).target(
                "credential",
                self.credential(index as u64),
            ),
            (30..52, _) | (52..70, None) => {
                Entry::new("documents_listed", me, ip).patient(plan.id)
            }
            (52..70, Some(doc)) => Entry::new("document_read", me, ip)
                .patient(plan.id)
                .target("document", self.document_id(doc.index).to_string())
                .detail("{\"rule\":\"holder\"}".to_owned()),
            (70..82, _) => Entry::new("history_viewed", me, ip).patient(plan.id).detail(
                "{\"query\":{\"actor\":null,\"action\":null,\"from\":null,\"to\":null,\"before\":null}}"
                    .to_owned(),
            ),
            (82..92, _) => Entry::new("connection_code_issued", me, ip).patient(plan.id),
            (92..98, _) => Entry::new("sign_out", me, ip).target("session", run.rng.uuid().to_string()),
            _ => Entry::new("credential_added", me, ip).target(
                "credential",
                self.credential(index as u64 | 1 << 40),
            ),
        };
        self.record(run, plan, wall, entry)
    }

    /// A professional opens the record or reads a document, as the access rules decide.
    fn professional_access(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        time: i64,
        relation: Relation,
    ) -> Result<(), SinkError> {
        let wall = warp(time);
        let actor = ("professional", self.professional_id(relation.professional));
        let ip = Self::professional_ip(&mut run.rng);
        let blocked = run.blocked == Some(relation.professional);
        let roll = run.rng.below(100);
        let doc = run.recent_doc();
        let base = |action| Entry::new(action, actor, ip.clone()).patient(plan.id);
        let entry = match (roll, doc) {
            (0..30, _) | (30..96, None) => {
                if blocked {
                    base("record_opened").refused("blocked")
                } else {
                    base("record_opened").detail(format!(
                        "{{\"rule\":\"{}\",\"documents\":{}}}",
                        relation.rule, run.filed
                    ))
                }
            }
            (30..96, Some(doc)) => {
                let action = if roll < 93 { "document_read" } else { "document_history_read" };
                let entry =
                    base(action).target("document", self.document_id(doc.index).to_string());
                let readable = self.rights.get(relation.column, doc.category).can_read();
                let is_referent = relation.column == Profession::Referent;
                let hidden = match doc.restriction {
                    Restriction::None => false,
                    Restriction::HiddenFrom(p) => p == relation.professional,
                    Restriction::AuthorOnly => {
                        !(is_referent || doc.author == Some(relation.professional))
                    }
                };
                if blocked {
                    entry.refused("blocked")
                } else if !readable {
                    entry.refused("category_not_readable")
                } else if hidden {
                    entry.refused("restricted")
                } else if doc.withdrawn {
                    // Allowed by the rules, but a withdrawn document stays in the patient's
                    // record only.
                    entry.refused(relation.rule)
                } else {
                    entry.detail(format!("{{\"rule\":\"{}\"}}", relation.rule))
                }
            }
            // The référent reads the access traces; others seldom try.
            _ if blocked => base("record_opened").refused("blocked"),
            _ if relation.column == Profession::Referent => {
                base("access_traces_viewed").detail("{\"rule\":\"referent\"}".to_owned())
            }
            _ if run.rng.chance(0.1) => {
                base("access_traces_viewed").refused("access_traces_referent_only")
            }
            _ => base("record_opened")
                .detail(format!("{{\"rule\":\"{}\",\"documents\":{}}}", relation.rule, run.filed)),
        };
        self.record(run, plan, wall, entry)
    }

    /// A professional breaks the glass: the grant, the patient's notification, the entry.
    fn emergency(
        &mut self,
        run: &mut Run,
        plan: &PatientPlan,
        wall: i64,
    ) -> Result<Entry, SinkError> {
        let professional = plan.emergency.map_or(0, |e| e.0);
        let pro = self.professional_id(professional);
        let index = self.grants;
        self.grants += 1;
        let grant = Rng::derive(self.seed, domain::GRANT, u64::from(index)).uuid();
        let notification = Rng::derive(self.seed, domain::NOTIFICATION, u64::from(index)).uuid();
        let reason = run.rng.pick(&people::EMERGENCY_REASONS).copied().unwrap_or("Urgence vitale");
        self.sink.push(
            Table::EmergencyGrants,
            [grant.into(), plan.id.into(), pro.into(), reason.into(), at(wall).into()],
        )?;
        let read = wall + run.rng.between(HOUR, 5 * DAY);
        self.sink.push(
            Table::Notifications,
            [
                notification.into(),
                plan.id.into(),
                "emergency_access".into(),
                format!("{{\"professional\":\"{pro}\",\"reason\":{}}}", json(reason)).into(),
                at(wall).into(),
                (read < self.now && run.rng.chance(0.6)).then(|| at(read)).into(),
            ],
        )?;
        let ip = Self::professional_ip(&mut run.rng);
        Ok(Entry::new("emergency_access_opened", ("professional", pro), ip)
            .patient(plan.id)
            .target("emergency_access", grant.to_string())
            .detail(format!(
                "{{\"reason\":{},\"rule\":\"emergency_access_opening\"}}",
                json(reason)
            )))
    }

    /// The next event of a professional's own chain.
    fn professional_step(&mut self, index: usize, run: &mut ProRun) -> Result<(), SinkError> {
        let time = run.next;
        run.last = time;
        run.left -= 1;
        let pro = self.directory.professionals.get(index).map_or(Uuid::nil(), |p| p.id);
        let me = ("professional", pro);
        let ip = Self::professional_ip(&mut run.rng);
        let entry = match run.rng.below(100) {
            0..75 => Entry::new("sign_in", me, ip)
                .target("credential", self.credential(index as u64 | 1 << 41)),
            75..90 => Entry::new("sign_out", me, ip).target("session", run.rng.uuid().to_string()),
            90..98 => Entry::new("reverification", me, ip),
            _ => Entry::new("credential_added", me, ip)
                .target("credential", self.credential(index as u64 | 1 << 42)),
        };
        let mut chain = std::mem::take(&mut run.chain);
        let result =
            self.append(&mut chain, format!("professional:{pro}"), warp(time), entry, &mut run.rng);
        run.chain = chain;
        run.draw_next(self.now);
        result
    }
}
