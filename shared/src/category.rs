//! The nineteen data categories of a record, after the Luxembourg regulation of 6 December 2019.

use serde::{Deserialize, Serialize};

/// A category of documents. Its rights per profession are seed data in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Personal expression of the holder (the patient's own space).
    PersonalExpression,
    /// Summaries.
    Summaries,
    /// Health history.
    HealthHistory,
    /// Allergies and intolerances.
    Allergies,
    /// Prostheses and devices.
    Prostheses,
    /// Care reports.
    CareReports,
    /// Certificates and declarations.
    Certificates,
    /// Medical imaging.
    MedicalImaging,
    /// Laboratory analyses.
    LabAnalyses,
    /// Medication dispensation.
    MedicationDispensation,
    /// Nursing assessments.
    NursingAssessments,
    /// Prescriptions and treatments.
    Prescriptions,
    /// Prevention.
    Prevention,
    /// Socio-educational data.
    SocioEducational,
    /// Social environment.
    SocialEnvironment,
    /// Legal protection.
    LegalProtection,
    /// Social insurance cover.
    SocialInsurance,
    /// Education.
    Education,
    /// The access-traces dashboard.
    AccessTraces,
}

impl Category {
    /// All nineteen, in the row order of the access matrix.
    pub const ALL: [Self; 19] = [
        Self::PersonalExpression,
        Self::Summaries,
        Self::HealthHistory,
        Self::Allergies,
        Self::Prostheses,
        Self::CareReports,
        Self::Certificates,
        Self::MedicalImaging,
        Self::LabAnalyses,
        Self::MedicationDispensation,
        Self::NursingAssessments,
        Self::Prescriptions,
        Self::Prevention,
        Self::SocioEducational,
        Self::SocialEnvironment,
        Self::LegalProtection,
        Self::SocialInsurance,
        Self::Education,
        Self::AccessTraces,
    ];

    /// The stable code, also the stored value and the key of the translated name
    /// (`category-<code>`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::PersonalExpression => "personal-expression",
            Self::Summaries => "summaries",
            Self::HealthHistory => "health-history",
            Self::Allergies => "allergies",
            Self::Prostheses => "prostheses",
            Self::CareReports => "care-reports",
            Self::Certificates => "certificates",
            Self::MedicalImaging => "medical-imaging",
            Self::LabAnalyses => "lab-analyses",
            Self::MedicationDispensation => "medication-dispensation",
            Self::NursingAssessments => "nursing-assessments",
            Self::Prescriptions => "prescriptions",
            Self::Prevention => "prevention",
            Self::SocioEducational => "socio-educational",
            Self::SocialEnvironment => "social-environment",
            Self::LegalProtection => "legal-protection",
            Self::SocialInsurance => "social-insurance",
            Self::Education => "education",
            Self::AccessTraces => "access-traces",
        }
    }

    /// Reads a stored code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What a profession may do with a category, as the access matrix says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Right {
    /// `-`: neither read nor write.
    None,
    /// `R`: read only.
    Read,
    /// `W`: read and write.
    Write,
}

impl Right {
    /// The matrix notation: `-`, `R` or `W`.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::None => "-",
            Self::Read => "R",
            Self::Write => "W",
        }
    }

    /// Reads the matrix notation.
    #[must_use]
    pub fn from_symbol(symbol: &str) -> Option<Self> {
        match symbol {
            "-" => Some(Self::None),
            "R" => Some(Self::Read),
            "W" => Some(Self::Write),
            _ => None,
        }
    }

    /// Whether this right lets one read.
    #[must_use]
    pub const fn can_read(self) -> bool {
        matches!(self, Self::Read | Self::Write)
    }

    /// Whether this right lets one write.
    #[must_use]
    pub const fn can_write(self) -> bool {
        matches!(self, Self::Write)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.code()));
        }
        for r in [Right::None, Right::Read, Right::Write] {
            assert_eq!(Right::from_symbol(r.symbol()), Some(r));
        }
    }
}
