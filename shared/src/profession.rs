//! The eleven professions (columns) of the access matrix.

use serde::{Deserialize, Serialize};

/// A profession as the access matrix knows it. `Referent` is the column that applies to the
/// physician a patient has designated as their *médecin référent*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Profession {
    /// `MED` physician.
    #[serde(rename = "MED")]
    Physician,
    /// `REF` the patient's médecin référent.
    #[serde(rename = "REF")]
    Referent,
    /// `PHA` pharmacist.
    #[serde(rename = "PHA")]
    Pharmacist,
    /// `INF` nurse.
    #[serde(rename = "INF")]
    Nurse,
    /// `EXP` other licensed health professional (physiotherapist, dietician, psychotherapist …).
    #[serde(rename = "EXP")]
    Expert,
    /// `SAG` midwife.
    #[serde(rename = "SAG")]
    Midwife,
    /// `LAB` laboratory technician.
    #[serde(rename = "LAB")]
    LabTechnician,
    /// `ATM` radiology technician.
    #[serde(rename = "ATM")]
    RadiologyTechnician,
    /// `AID` care assistant.
    #[serde(rename = "AID")]
    CareAssistant,
    /// `SOC` social worker.
    #[serde(rename = "SOC")]
    SocialWorker,
    /// `BIO` biologist.
    #[serde(rename = "BIO")]
    Biologist,
}

impl Profession {
    /// All eleven, in the column order of the access matrix.
    pub const ALL: [Self; 11] = [
        Self::Physician,
        Self::Referent,
        Self::Pharmacist,
        Self::Nurse,
        Self::Expert,
        Self::Midwife,
        Self::LabTechnician,
        Self::RadiologyTechnician,
        Self::CareAssistant,
        Self::SocialWorker,
        Self::Biologist,
    ];

    /// The three-letter code of the matrix (`MED`, `REF`, …), also the stored value.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Physician => "MED",
            Self::Referent => "REF",
            Self::Pharmacist => "PHA",
            Self::Nurse => "INF",
            Self::Expert => "EXP",
            Self::Midwife => "SAG",
            Self::LabTechnician => "LAB",
            Self::RadiologyTechnician => "ATM",
            Self::CareAssistant => "AID",
            Self::SocialWorker => "SOC",
            Self::Biologist => "BIO",
        }
    }

    /// Reads a matrix code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_code() {
        for p in Profession::ALL {
            assert_eq!(Profession::from_code(p.code()), Some(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.code()));
        }
    }
}
