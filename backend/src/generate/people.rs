//! What the synthetic country is made of: names, places, birth dates and their valid, unique
//! national IDs, organisation names, document titles, and the few placeholder contents that all
//! generated documents share.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, TimeDelta};
use shared::{Category, Language, NationalId, NationalIdError, Profession};

use super::random::Rng;

pub(super) const GIVEN_NAMES: [&str; 48] = [
    "Jean", "Marie", "Luc", "Anne", "Paul", "Sophie", "Tom", "Laura", "Ben", "Sarah", "João",
    "Ana", "Pedro", "Inês", "Marco", "Giulia", "Lukas", "Lena", "Max", "Emma", "Noah", "Léa",
    "Gilles", "Carole", "Claude", "Nathalie", "Patrick", "Sandra", "Michel", "Isabelle", "Yves",
    "Martine", "Sven", "Julie", "Tiago", "Rita", "Mehdi", "Amira", "Kevin", "Jessica", "Fernand",
    "Josée", "Henri", "Mia", "Liam", "Chloé", "Diogo", "Nora",
];

pub(super) const FAMILY_NAMES: [&str; 48] = [
    "Schmit",
    "Muller",
    "Weber",
    "Wagner",
    "Hoffmann",
    "Thill",
    "Schmitz",
    "Becker",
    "Kieffer",
    "Reuter",
    "Klein",
    "Schroeder",
    "Kremer",
    "Majerus",
    "Hansen",
    "Meyer",
    "Welter",
    "Faber",
    "Ries",
    "Weis",
    "Da Silva",
    "Dos Santos",
    "Pereira",
    "Ferreira",
    "Rodrigues",
    "Fernandes",
    "Gonçalves",
    "Martins",
    "Lopes",
    "Dupont",
    "Martin",
    "Bernard",
    "Lambert",
    "Dubois",
    "Rossi",
    "Bianchi",
    "Schneider",
    "Fischer",
    "Braun",
    "Lentz",
    "Goedert",
    "Hilbert",
    "Feltgen",
    "Steichen",
    "Bettendorf",
    "Krier",
    "Marx",
    "Origer",
];

const STREETS: [&str; 14] = [
    "rue de la Gare",
    "Grand-Rue",
    "avenue de la Liberté",
    "rue du Fort Wallis",
    "route d'Arlon",
    "rue de Luxembourg",
    "rue Principale",
    "boulevard Royal",
    "rue de l'Église",
    "rue des Champs",
    "rue du Moulin",
    "Hauptstrooss",
    "rue de Neudorf",
    "avenue Pasteur",
];

/// (postal code, city) in Luxembourg.
const LOCALITIES: [(&str, &str); 16] = [
    ("L-1930", "Luxembourg"),
    ("L-2714", "Luxembourg"),
    ("L-4002", "Esch-sur-Alzette"),
    ("L-9051", "Ettelbruck"),
    ("L-9122", "Schieren"),
    ("L-3401", "Dudelange"),
    ("L-4501", "Differdange"),
    ("L-7201", "Walferdange"),
    ("L-6401", "Echternach"),
    ("L-9501", "Wiltz"),
    ("L-8001", "Strassen"),
    ("L-8201", "Mamer"),
    ("L-9201", "Diekirch"),
    ("L-4701", "Pétange"),
    ("L-5201", "Sandweiler"),
    ("L-3201", "Bettembourg"),
];

/// (postal code, city, country, usual language) across the border.
const CROSS_BORDER: [(&str, &str, &str, Language); 7] = [
    ("57100", "Thionville", "FR", Language::Fr),
    ("54400", "Longwy", "FR", Language::Fr),
    ("57000", "Metz", "FR", Language::Fr),
    ("6700", "Arlon", "BE", Language::Fr),
    ("6600", "Bastogne", "BE", Language::Fr),
    ("54290", "Trier", "DE", Language::De),
    ("66663", "Merzig", "DE", Language::De),
];

/// A postal address and the language that goes with it.
#[derive(Debug, Clone)]
pub(super) struct Address {
    pub street: String,
    pub postal_code: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub language: Language,
}

/// An address: about a quarter of the insured are cross-border workers (DESIGN.md: 180 000 of
/// 750 000).
pub(super) fn address(rng: &mut Rng) -> Address {
    let street = format!("{}, {}", 1 + rng.below(120), rng.pick(&STREETS).copied().unwrap_or(""));
    if rng.chance(0.24) {
        let (postal_code, city, country, language) =
            rng.pick(&CROSS_BORDER).copied().unwrap_or(CROSS_BORDER[0]);
        let language = if rng.chance(0.1) { Language::En } else { language };
        return Address { street, postal_code, city, country, language };
    }
    let (postal_code, city) = rng.pick(&LOCALITIES).copied().unwrap_or(LOCALITIES[0]);
    let language = match rng.below(100) {
        0..45 => Language::Lb,
        45..75 => Language::Fr,
        75..88 => Language::De,
        _ => Language::En,
    };
    Address { street, postal_code, city, country: "LU", language }
}

/// A birth date for someone alive at `today`: roughly even from 0 to 80 years, then thinning.
pub(super) fn birth_date(rng: &mut Rng, today: NaiveDate) -> NaiveDate {
    let years =
        if rng.chance(0.88) { rng.unit() * 80.0 } else { (80.0 + rng.exponential(7.0)).min(104.0) };
    let days = (years * 365.25) as i64;
    today - TimeDelta::days(days.max(1))
}

/// Hands out valid national IDs, unique per birth date's three sequence digits.
#[derive(Debug, Default)]
pub(super) struct NationalIds {
    issued: HashMap<NaiveDate, u16>,
}

impl NationalIds {
    /// A valid national ID for someone born on `birth` (or, when the day's thousand sequence
    /// numbers are taken, a day later), never handed out before.
    ///
    /// # Errors
    /// Only for a date before 1850, which the generator never asks for.
    pub(super) fn issue(&mut self, birth: NaiveDate) -> Result<NationalId, NationalIdError> {
        let mut day = birth;
        loop {
            let count = self.issued.entry(day).or_insert(0);
            if *count < 1000 {
                // A permutation of 0..1000 (337 is prime to 1000), so that sequence numbers do
                // not all start at 000.
                let offset = day.ordinal() * 7 + u32::try_from(day.year()).unwrap_or(0);
                let sequence = (u32::from(*count) * 337 + offset) % 1000;
                *count += 1;
                let first_eleven = format!("{}{sequence:03}", day.format("%Y%m%d"));
                return NationalId::from_first_eleven(&first_eleven);
            }
            day = day.succ_opt().ok_or(NationalIdError::InvalidBirthDate)?;
        }
    }
}

/// Organisation kinds as the directory stores them, with their share of organisations.
pub(super) const ORGANISATION_KINDS: [(&str, f64); 7] = [
    ("hospital", 0.015),
    ("care-institution", 0.08),
    ("practice", 0.6),
    ("laboratory", 0.02),
    ("pharmacy", 0.2),
    ("radiology", 0.03),
    ("other", 0.055),
];

/// A believable name for the `n`th organisation of `kind`.
pub(super) fn organisation_name(kind: &str, n: usize, rng: &mut Rng) -> String {
    let place = rng.pick(&LOCALITIES).map_or("Luxembourg", |l| l.1);
    let family = rng.pick(&FAMILY_NAMES).copied().unwrap_or("Schmit");
    match kind {
        "hospital" => format!("Centre hospitalier {place} {n}"),
        "care-institution" => format!("Maison de soins {family} {place}"),
        "practice" => format!("Cabinet médical {family} {place}"),
        "laboratory" => format!("Laboratoire d'analyses {place} {n}"),
        "pharmacy" => format!("Pharmacie {family} {place}"),
        "radiology" => format!("Centre d'imagerie {place} {n}"),
        _ => format!("Réseau de soins {family} {n}"),
    }
}

/// The professions of the directory and their shares: mostly physicians and nurses. `REF` is a
/// designation by the patient, not a profession, so no one is listed as `REF`.
pub(super) const PROFESSIONS: [(Profession, f64); 10] = [
    (Profession::Physician, 0.30),
    (Profession::Nurse, 0.38),
    (Profession::Pharmacist, 0.07),
    (Profession::Expert, 0.10),
    (Profession::Midwife, 0.02),
    (Profession::LabTechnician, 0.03),
    (Profession::RadiologyTechnician, 0.03),
    (Profession::CareAssistant, 0.04),
    (Profession::SocialWorker, 0.02),
    (Profession::Biologist, 0.01),
];

/// Where a professional of this profession usually works (organisation kinds, in order of
/// preference); `None` when they may also practise on their own.
pub(super) const fn workplaces(profession: Profession) -> &'static [&'static str] {
    match profession {
        Profession::Physician | Profession::Referent => &["practice", "hospital", "radiology"],
        Profession::Nurse | Profession::CareAssistant => &["hospital", "care-institution"],
        Profession::Pharmacist => &["pharmacy"],
        Profession::LabTechnician | Profession::Biologist => &["laboratory"],
        Profession::RadiologyTechnician => &["radiology", "hospital"],
        Profession::Midwife => &["hospital", "practice"],
        Profession::Expert => &["practice", "care-institution", "other"],
        Profession::SocialWorker => &["care-institution", "other", "hospital"],
    }
}

/// The category mix of filed documents (relative weights). The access-traces dashboard is not a
/// document; the personal space is filled by patients themselves.
pub(super) fn category_weight(category: Category) -> f64 {
    match category {
        Category::LabAnalyses => 22.0,
        Category::CareReports => 18.0,
        Category::Prescriptions => 15.0,
        Category::MedicationDispensation => 10.0,
        Category::MedicalImaging => 8.0,
        Category::Summaries => 6.0,
        Category::NursingAssessments => 5.0,
        Category::Certificates | Category::HealthHistory => 3.0,
        Category::Prevention => 2.0,
        Category::Allergies | Category::SocialInsurance => 1.0,
        Category::Prostheses | Category::SocialEnvironment => 0.5,
        Category::SocioEducational | Category::Education => 0.3,
        Category::LegalProtection => 0.2,
        Category::PersonalExpression | Category::AccessTraces => 0.0,
    }
}

/// A document title for the category.
pub(super) fn title(category: Category, rng: &mut Rng) -> &'static str {
    let titles: &[&str] = match category {
        Category::PersonalExpression => {
            &["Mes directives anticipées", "Don d'organes", "Note personnelle"]
        }
        Category::Summaries => &["Lettre de sortie", "Synthèse médicale", "Résumé de séjour"],
        Category::HealthHistory => &["Antécédents médicaux", "Antécédents chirurgicaux"],
        Category::Allergies => &["Allergies connues", "Intolérance médicamenteuse"],
        Category::Prostheses => &["Carte de porteur d'implant", "Pacemaker : contrôle"],
        Category::CareReports => &[
            "Compte rendu de consultation",
            "Compte rendu opératoire",
            "Compte rendu de kinésithérapie",
            "Avis spécialisé",
        ],
        Category::Certificates => &["Certificat médical", "Certificat d'aptitude"],
        Category::MedicalImaging => &[
            "Radiographie du thorax",
            "IRM du genou",
            "Échographie abdominale",
            "Scanner cérébral",
        ],
        Category::LabAnalyses => {
            &["Bilan sanguin", "Hémogramme", "Analyse d'urine", "Bilan lipidique", "HbA1c"]
        }
        Category::MedicationDispensation => {
            &["Délivrance en pharmacie", "Historique de délivrance"]
        }
        Category::NursingAssessments => &["Bilan de soins infirmiers", "Plan de soins"],
        Category::Prescriptions => &["Ordonnance", "Prescription de kinésithérapie", "Traitement"],
        Category::Prevention => &["Carnet de vaccination", "Dépistage", "Bilan de prévention"],
        Category::SocioEducational => &["Bilan socio-éducatif"],
        Category::SocialEnvironment => &["Situation sociale", "Environnement familial"],
        Category::LegalProtection => &["Mesure de protection juridique"],
        Category::SocialInsurance => &["Attestation d'affiliation", "Prise en charge"],
        Category::Education => &["Éducation thérapeutique", "Programme diabète"],
        Category::AccessTraces => &["Traces d'accès"],
    };
    rng.pick(titles).copied().unwrap_or("Document")
}

/// The reasons professionals give when they break the glass.
pub(super) const EMERGENCY_REASONS: [&str; 4] = [
    "Patient inconscient aux urgences, antécédents nécessaires",
    "Polytraumatisme, recherche d'allergies et de traitements",
    "Arrêt cardiaque, dossier nécessaire pour la réanimation",
    "Détresse respiratoire, patient incapable de communiquer",
];

/// Why an author withdraws a document they filed.
pub(super) const WITHDRAWAL_REASONS: [&str; 3] =
    ["Déposé dans le mauvais dossier", "Document incomplet", "Remplacé par un autre document"];

/// A valid 1×1 PNG: signature, IHDR, IDAT, IEND.
pub(super) const PLACEHOLDER_PNG: [u8; 67] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// The placeholder PDFs: (title, lines). Every generated PDF document is one of these.
pub(super) const PLACEHOLDER_PDFS: [(&str, [&str; 2]); 5] = [
    (
        "Compte rendu (document de test)",
        ["Document généré pour les essais de charge.", "Aucune donnée réelle."],
    ),
    (
        "Résultats d'analyses (document de test)",
        ["Hémoglobine 14,2 g/dl ; leucocytes 6 800/µl.", "Document généré, aucune donnée réelle."],
    ),
    (
        "Ordonnance (document de test)",
        ["Paracétamol 1 g, trois fois par jour pendant 5 jours.", "Document généré."],
    ),
    (
        "Lettre de sortie (document de test)",
        ["Séjour sans complication, retour à domicile.", "Document généré, aucune donnée réelle."],
    ),
    ("Certificat (document de test)", ["Certificat généré pour les essais.", "Aucune donnée."]),
];

/// Which placeholder PDF a document of this category points to.
pub(super) const fn placeholder_for(category: Category) -> usize {
    match category {
        Category::LabAnalyses => 1,
        Category::Prescriptions | Category::MedicationDispensation => 2,
        Category::Summaries | Category::HealthHistory => 3,
        Category::Certificates | Category::SocialInsurance | Category::LegalProtection => 4,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn national_ids_are_valid_unique_and_carry_the_birth_date() {
        let mut ids = NationalIds::default();
        let mut rng = Rng::new(42);
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut seen = HashSet::new();
        for _ in 0..20_000 {
            let birth = birth_date(&mut rng, today);
            assert!(birth < today && birth.year() > 1900);
            let id = ids.issue(birth).unwrap();
            assert_eq!(NationalId::parse(id.as_str()), Ok(id.clone()), "{id} parses");
            assert_eq!(id.birth_date(), birth);
            assert!(seen.insert(id));
        }
    }

    #[test]
    fn a_full_day_moves_on_to_the_next() {
        let mut ids = NationalIds::default();
        let day = NaiveDate::from_ymd_opt(1980, 2, 29).unwrap();
        let mut seen = HashSet::new();
        for _ in 0..1_000 {
            let id = ids.issue(day).unwrap();
            assert_eq!(id.birth_date(), day);
            assert!(seen.insert(id));
        }
        let next = ids.issue(day).unwrap();
        assert_eq!(next.birth_date(), day.succ_opt().unwrap());
        assert!(seen.insert(next));
    }

    #[test]
    fn shares_add_up() {
        let professions: f64 = PROFESSIONS.iter().map(|p| p.1).sum();
        assert!((professions - 1.0).abs() < 1e-9);
        let kinds: f64 = ORGANISATION_KINDS.iter().map(|k| k.1).sum();
        assert!((kinds - 1.0).abs() < 1e-9);
        assert!(Category::ALL.iter().all(|c| category_weight(*c) >= 0.0));
        assert!(PROFESSIONS.iter().all(|(p, _)| !workplaces(*p).is_empty()));
    }
}
