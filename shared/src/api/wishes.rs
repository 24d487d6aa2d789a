//! The patient's declared wishes in their personal space: organ donation and advance
//! directives, each a structured form (a choice, its limits, a trusted person to call, the date
//! the patient made it). Every change is a new version; withdrawing is a version too. The patient
//! alone writes them; professionals with a relation to the patient read the ones in force.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ApiErrorCode;

/// Which declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum WishKind {
    /// What may happen to the patient's organs and tissues after death.
    OrganDonation,
    /// Which treatments the patient wants, or refuses, when they can no longer say so.
    AdvanceDirective,
}

impl WishKind {
    /// Both, in the order the portal shows them.
    pub const ALL: [Self; 2] = [Self::OrganDonation, Self::AdvanceDirective];

    /// The stable code: the path segment, the stored value, the audit detail.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::OrganDonation => "organ-donation",
            Self::AdvanceDirective => "advance-directive",
        }
    }

    /// The kind of a [`code`](Self::code).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The choices a form of this kind offers.
    #[must_use]
    pub const fn choices(self) -> &'static [WishChoice] {
        match self {
            Self::OrganDonation => &[
                WishChoice::DonateAll,
                WishChoice::DonateExcept,
                WishChoice::DonateOnly,
                WishChoice::DoNotDonate,
                WishChoice::TrustedPersonDecides,
            ],
            Self::AdvanceDirective => &[
                WishChoice::AllTreatment,
                WishChoice::LimitTreatment,
                WishChoice::ComfortCareOnly,
                WishChoice::TrustedPersonDecides,
            ],
        }
    }
}

/// What the patient chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishChoice {
    /// Organ donation: every organ and tissue may be donated.
    DonateAll,
    /// Organ donation: all but those named in the limits.
    DonateExcept,
    /// Organ donation: only those named in the limits.
    DonateOnly,
    /// Organ donation: no donation.
    DoNotDonate,
    /// Either: the trusted person decides (they must then be named, with a phone number).
    TrustedPersonDecides,
    /// Advance directive: every treatment that may prolong life.
    AllTreatment,
    /// Advance directive: treatment within the limits stated (no resuscitation, no ventilation …).
    LimitTreatment,
    /// Advance directive: comfort and pain relief only.
    ComfortCareOnly,
}

impl WishChoice {
    /// Every choice.
    pub const ALL: [Self; 8] = [
        Self::DonateAll,
        Self::DonateExcept,
        Self::DonateOnly,
        Self::DoNotDonate,
        Self::TrustedPersonDecides,
        Self::AllTreatment,
        Self::LimitTreatment,
        Self::ComfortCareOnly,
    ];

    /// The stable code, as stored and sent.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::DonateAll => "donate_all",
            Self::DonateExcept => "donate_except",
            Self::DonateOnly => "donate_only",
            Self::DoNotDonate => "do_not_donate",
            Self::TrustedPersonDecides => "trusted_person_decides",
            Self::AllTreatment => "all_treatment",
            Self::LimitTreatment => "limit_treatment",
            Self::ComfortCareOnly => "comfort_care_only",
        }
    }

    /// The choice of a [`code`](Self::code).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|choice| choice.code() == code)
    }

    /// Whether the choice means nothing without its limits.
    #[must_use]
    pub const fn needs_limits(self) -> bool {
        matches!(self, Self::DonateExcept | Self::DonateOnly | Self::LimitTreatment)
    }
}

/// The person the patient trusts to speak for them, and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrustedPerson {
    /// Their name.
    pub name: String,
    /// Who they are to the patient (spouse, daughter, friend …); may be empty.
    #[serde(default)]
    pub relation: String,
    /// A phone number to reach them: digits, spaces, `+ - ( ) .`, 6 to 15 digits.
    pub phone: String,
}

/// One declaration as the patient fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishForm {
    /// What the patient chose (one of its kind's [`choices`](WishKind::choices)).
    pub choice: WishChoice,
    /// The limits, in the patient's words: required by the choices that need them.
    #[serde(default)]
    pub limits: String,
    /// The trusted person, required when they decide.
    #[serde(default)]
    pub trusted_person: Option<TrustedPerson>,
    /// The day the patient made this declaration (not in the future).
    pub signed_on: NaiveDate,
}

/// The longest limits text, in characters.
pub const MAX_LIMITS: usize = 2000;
/// The longest name or relation of a trusted person, in characters.
pub const MAX_NAME: usize = 120;

/// Why a [`WishForm`] is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WishError {
    /// The choice belongs to the other kind of declaration.
    #[error("this choice belongs to the other declaration")]
    ChoiceOfAnotherKind,
    /// The choice needs its limits, or the limits are too long.
    #[error("state the limits of this choice (at most 2000 characters)")]
    LimitsRequired,
    /// A trusted person without a name or a valid phone number, or with one too long.
    #[error("name the trusted person and give a phone number to reach them")]
    TrustedPersonIncomplete,
    /// The declaration is dated in the future.
    #[error("the declaration cannot be dated in the future")]
    DateInFuture,
}

impl WishError {
    /// The stable error code the API answers with.
    #[must_use]
    pub const fn code(self) -> ApiErrorCode {
        match self {
            Self::ChoiceOfAnotherKind => ApiErrorCode::InvalidRequest,
            Self::LimitsRequired => ApiErrorCode::WishLimitsRequired,
            Self::TrustedPersonIncomplete => ApiErrorCode::WishTrustedPersonIncomplete,
            Self::DateInFuture => ApiErrorCode::WishDateInFuture,
        }
    }
}

/// Whether `phone` reads as a phone number: digits and `+ - ( ) .` and spaces, 6 to 15 digits,
/// a `+` only in front.
#[must_use]
pub fn is_phone_number(phone: &str) -> bool {
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || " -().".contains(c) || c == '+');
    let plus_in_front = phone.char_indices().all(|(i, c)| c != '+' || i == 0);
    allowed && plus_in_front && (6..=15).contains(&digits)
}

impl WishForm {
    /// The form with its texts trimmed and an empty trusted person dropped.
    #[must_use]
    pub fn normalised(&self) -> Self {
        let trusted_person = self
            .trusted_person
            .as_ref()
            .map(|p| TrustedPerson {
                name: p.name.trim().to_owned(),
                relation: p.relation.trim().to_owned(),
                phone: p.phone.trim().to_owned(),
            })
            .filter(|p| !(p.name.is_empty() && p.relation.is_empty() && p.phone.is_empty()));
        Self {
            choice: self.choice,
            limits: self.limits.trim().to_owned(),
            trusted_person,
            signed_on: self.signed_on,
        }
    }

    /// Checks a [normalised](Self::normalised) form of `kind`, made on or before `today`.
    ///
    /// # Errors
    /// The first rule the form breaks.
    pub fn check(&self, kind: WishKind, today: NaiveDate) -> Result<(), WishError> {
        if !kind.choices().contains(&self.choice) {
            return Err(WishError::ChoiceOfAnotherKind);
        }
        let limits = self.limits.chars().count();
        if (self.choice.needs_limits() && limits == 0) || limits > MAX_LIMITS {
            return Err(WishError::LimitsRequired);
        }
        match &self.trusted_person {
            None if self.choice == WishChoice::TrustedPersonDecides => {
                return Err(WishError::TrustedPersonIncomplete);
            }
            Some(p)
                if p.name.is_empty()
                    || p.name.chars().count() > MAX_NAME
                    || p.relation.chars().count() > MAX_NAME
                    || !is_phone_number(&p.phone) =>
            {
                return Err(WishError::TrustedPersonIncomplete);
            }
            _ => {}
        }
        if self.signed_on > today {
            return Err(WishError::DateInFuture);
        }
        Ok(())
    }
}

/// One version of a declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishVersion {
    /// Which declaration.
    pub kind: WishKind,
    /// Its number, from 1.
    pub version: u32,
    /// When the patient recorded it.
    pub recorded_at: DateTime<Utc>,
    /// What it says; `None` for a withdrawal (the declaration is no longer in force).
    pub form: Option<WishForm>,
}

/// The declarations of a record, each as its newest version says. For professionals only the
/// ones in force (a withdrawn one is absent); the patient also sees a withdrawal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalWishes {
    /// The organ-donation wishes.
    pub organ_donation: Option<WishVersion>,
    /// The advance directive.
    pub advance_directive: Option<WishVersion>,
}

impl PersonalWishes {
    /// The declaration of `kind`.
    #[must_use]
    pub const fn of(&self, kind: WishKind) -> Option<&WishVersion> {
        match kind {
            WishKind::OrganDonation => self.organ_donation.as_ref(),
            WishKind::AdvanceDirective => self.advance_directive.as_ref(),
        }
    }

    /// Sets the declaration of `kind`.
    pub fn set(&mut self, kind: WishKind, version: Option<WishVersion>) {
        match kind {
            WishKind::OrganDonation => self.organ_donation = version,
            WishKind::AdvanceDirective => self.advance_directive = version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form(choice: WishChoice) -> WishForm {
        WishForm {
            choice,
            limits: String::new(),
            trusted_person: None,
            signed_on: day("2026-11-01"),
        }
    }

    fn person(name: &str, phone: &str) -> Option<TrustedPerson> {
        Some(TrustedPerson { name: name.into(), relation: String::new(), phone: phone.into() })
    }

    #[test]
    fn codes_read_back_and_each_kind_offers_its_own_choices() {
        for kind in WishKind::ALL {
            assert_eq!(WishKind::from_code(kind.code()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        }
        for choice in WishChoice::ALL {
            assert_eq!(WishChoice::from_code(choice.code()), Some(choice));
            assert_eq!(serde_json::to_value(choice).unwrap(), choice.code());
            assert!(WishKind::ALL.iter().any(|k| k.choices().contains(&choice)), "{choice:?}");
        }
    }

    #[test]
    fn each_rule_of_the_form() {
        let today = day("2026-12-04");
        let kind = WishKind::OrganDonation;
        assert_eq!(form(WishChoice::DonateAll).check(kind, today), Ok(()));
        assert_eq!(
            form(WishChoice::ComfortCareOnly).check(kind, today),
            Err(WishError::ChoiceOfAnotherKind)
        );
        assert_eq!(form(WishChoice::DonateOnly).check(kind, today), Err(WishError::LimitsRequired));
        let mut limited = form(WishChoice::DonateOnly);
        limited.limits = "cornées".into();
        assert_eq!(limited.check(kind, today), Ok(()));
        limited.limits = "x".repeat(MAX_LIMITS + 1);
        assert_eq!(limited.check(kind, today), Err(WishError::LimitsRequired));
        let mut trusted = form(WishChoice::TrustedPersonDecides);
        assert_eq!(trusted.check(kind, today), Err(WishError::TrustedPersonIncomplete));
        trusted.trusted_person = person("Anne Weber", "12");
        assert_eq!(trusted.check(kind, today), Err(WishError::TrustedPersonIncomplete));
        trusted.trusted_person = person("", "+352 621 123 456");
        assert_eq!(trusted.check(kind, today), Err(WishError::TrustedPersonIncomplete));
        trusted.trusted_person = person("Anne Weber", "+352 621 123 456");
        assert_eq!(trusted.check(kind, today), Ok(()));
        trusted.signed_on = day("2026-12-05");
        assert_eq!(trusted.check(kind, today), Err(WishError::DateInFuture));
    }

    #[test]
    fn phone_numbers() {
        for good in ["+352 621 123 456", "621123456", "(0049) 651-123.45"] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in ["", "12345", "352+621123456", "621 abc 456", "1234567890123456"] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn an_empty_trusted_person_is_none_and_texts_are_trimmed() {
        let mut f = form(WishChoice::DonateAll);
        f.trusted_person = person("  ", " ");
        f.limits = "  none ".into();
        let n = f.normalised();
        assert_eq!(n.trusted_person, None);
        assert_eq!(n.limits, "none");
    }
}
