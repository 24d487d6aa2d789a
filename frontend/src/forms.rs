//! The forms' state and checks, as plain Rust: what each field holds, what is wrong with it as
//! the person types, and the API request once everything is right. Components render these and
//! send the requests; nothing here touches the browser.
//!
//! Form state lives in reducers so that several input events arriving before the next render
//! (autofill, fast typing) all count.

use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use shared::api::agency::{NewPatient, NewProfessional, PostalAddress};
use shared::ids::OrganisationId;
use shared::{Language, NationalId, NationalIdError, Profession};
use uuid::Uuid;
use yew::Reducible;

/// What a typed national ID looks like so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NationalIdFeedback {
    /// Nothing typed.
    Empty,
    /// Digits only, fewer than 13, nothing wrong yet: this many are missing.
    Incomplete(usize),
    /// A rule is broken.
    Invalid(NationalIdError),
    /// A valid national ID.
    Valid(NationalId),
}

/// Checks a national ID as it is typed. A partial number is only "incomplete", unless its first
/// eight digits already cannot be a birth date.
#[must_use]
pub fn national_id_feedback(input: &str) -> NationalIdFeedback {
    if input.trim().is_empty() {
        return NationalIdFeedback::Empty;
    }
    match NationalId::parse(input) {
        Ok(id) => NationalIdFeedback::Valid(id),
        Err(NationalIdError::WrongLength(count)) if count < 13 => {
            let digits: String = input.chars().filter(|c| *c != ' ').collect();
            // Pad with zeros only to ask whether the date part can still be right.
            let padded = format!("{digits:0<13}");
            if count >= 8 && NationalId::parse(&padded) == Err(NationalIdError::InvalidBirthDate) {
                NationalIdFeedback::Invalid(NationalIdError::InvalidBirthDate)
            } else {
                NationalIdFeedback::Incomplete(13 - count)
            }
        }
        Err(error) => NationalIdFeedback::Invalid(error),
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    /// Left empty.
    Required,
    /// Not a valid national ID.
    NationalId(NationalIdError),
    /// Not a date.
    InvalidDate,
    /// The birth date differs from the national ID's.
    BirthDateMismatch,
    /// Not a two-letter country code.
    CountryCode,
    /// Not a phone number with its country code.
    InvalidPhone,
    /// Not an e-mail address.
    InvalidEmail,
}

impl FieldProblem {
    /// The message key (the national ID's own keys for its problems).
    #[must_use]
    pub const fn message_key(self) -> &'static str {
        match self {
            Self::Required => "field-required",
            Self::NationalId(error) => error.message_key(),
            Self::InvalidDate => "field-invalid-date",
            Self::BirthDateMismatch => "error-birth-date-mismatch",
            Self::CountryCode => "field-country-code",
            Self::InvalidPhone => "error-invalid-phone",
            Self::InvalidEmail => "error-invalid-email",
        }
    }
}

/// A change to a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormAction<F> {
    /// A field's new value.
    Set(F, String),
    /// Back to the empty form.
    Reset,
}

// ---------------------------------------------------------------------------------------------
// Activation

/// The fields of the activation page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivationField {
    /// The national ID.
    NationalId,
    /// The code from the letter.
    Code,
}

/// The activation form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivationForm {
    /// As typed.
    pub national_id: String,
    /// As typed.
    pub code: String,
}

impl Reducible for ActivationForm {
    type Action = FormAction<ActivationField>;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Set(ActivationField::NationalId, value) => next.national_id = value,
            FormAction::Set(ActivationField::Code, value) => next.code = value,
            FormAction::Reset => next = Self::default(),
        }
        Rc::new(next)
    }
}

impl ActivationForm {
    /// The problems to show after "Activate", in the order of the fields.
    #[must_use]
    pub fn problems(&self) -> Vec<(ActivationField, FieldProblem)> {
        let mut problems = Vec::new();
        match national_id_feedback(&self.national_id) {
            NationalIdFeedback::Empty => {
                problems.push((ActivationField::NationalId, FieldProblem::Required));
            }
            NationalIdFeedback::Incomplete(missing) => problems.push((
                ActivationField::NationalId,
                FieldProblem::NationalId(NationalIdError::WrongLength(13 - missing)),
            )),
            NationalIdFeedback::Invalid(error) => {
                problems.push((ActivationField::NationalId, FieldProblem::NationalId(error)));
            }
            NationalIdFeedback::Valid(_) => {}
        }
        if self.code.trim().is_empty() {
            problems.push((ActivationField::Code, FieldProblem::Required));
        }
        problems
    }
}

// ---------------------------------------------------------------------------------------------
// New patient

/// The fields of the agency's new-patient form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatientField {
    /// National ID.
    NationalId,
    /// Given names.
    GivenName,
    /// Family name.
    FamilyName,
    /// Birth date (`YYYY-MM-DD` from `<input type=date>`).
    BirthDate,
    /// Preferred language tag.
    Language,
    /// Street and number.
    Street,
    /// Postal code.
    PostalCode,
    /// Locality.
    City,
    /// Country code.
    Country,
    /// Phone number (optional).
    Phone,
    /// E-mail address (optional).
    Email,
}

impl PatientField {
    /// The input's element id (a stable test hook).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::NationalId => "patient-national-id",
            Self::GivenName => "patient-given-name",
            Self::FamilyName => "patient-family-name",
            Self::BirthDate => "patient-birth-date",
            Self::Language => "patient-language",
            Self::Street => "patient-street",
            Self::PostalCode => "patient-postal-code",
            Self::City => "patient-city",
            Self::Country => "patient-country",
            Self::Phone => "patient-phone",
            Self::Email => "patient-email",
        }
    }
}

/// The new-patient form, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientForm {
    /// National ID.
    pub national_id: String,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Language tag.
    pub language: String,
    /// Street.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country code.
    pub country: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
}

impl Default for PatientForm {
    fn default() -> Self {
        Self {
            national_id: String::new(),
            given_name: String::new(),
            family_name: String::new(),
            birth_date: String::new(),
            language: Language::Lb.tag().to_owned(),
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            country: "LU".to_owned(),
            phone: String::new(),
            email: String::new(),
        }
    }
}

impl Reducible for PatientForm {
    type Action = FormAction<PatientField>;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Set(field, value) => next.set(field, value),
            FormAction::Reset => next = Self::default(),
        }
        Rc::new(next)
    }
}

impl PatientForm {
    /// Sets one field. A valid national ID fills an empty birth date with its own.
    pub fn set(&mut self, field: PatientField, value: String) {
        match field {
            PatientField::NationalId => {
                if self.birth_date.is_empty()
                    && let Ok(id) = NationalId::parse(&value)
                {
                    self.birth_date = iso_date(id.birth_date());
                }
                self.national_id = value;
            }
            PatientField::GivenName => self.given_name = value,
            PatientField::FamilyName => self.family_name = value,
            PatientField::BirthDate => self.birth_date = value,
            PatientField::Language => self.language = value,
            PatientField::Street => self.street = value,
            PatientField::PostalCode => self.postal_code = value,
            PatientField::City => self.city = value,
            PatientField::Country => self.country = value,
            PatientField::Phone => self.phone = value,
            PatientField::Email => self.email = value,
        }
    }

    /// The request, or every problem in the order of the fields.
    ///
    /// # Errors
    /// The fields that are not right yet.
    pub fn to_request(&self) -> Result<NewPatient, Vec<(PatientField, FieldProblem)>> {
        let mut problems = Vec::new();
        let national_id = match national_id_feedback(&self.national_id) {
            NationalIdFeedback::Valid(id) => Some(id),
            NationalIdFeedback::Empty => {
                problems.push((PatientField::NationalId, FieldProblem::Required));
                None
            }
            NationalIdFeedback::Incomplete(missing) => {
                let error = NationalIdError::WrongLength(13 - missing);
                problems.push((PatientField::NationalId, FieldProblem::NationalId(error)));
                None
            }
            NationalIdFeedback::Invalid(error) => {
                problems.push((PatientField::NationalId, FieldProblem::NationalId(error)));
                None
            }
        };
        let mut text = |field: PatientField, value: &str| {
            let value = value.trim();
            if value.is_empty() {
                problems.push((field, FieldProblem::Required));
            }
            value.to_owned()
        };
        let given_name = text(PatientField::GivenName, &self.given_name);
        let family_name = text(PatientField::FamilyName, &self.family_name);
        let birth_date = if self.birth_date.trim().is_empty() {
            problems.push((PatientField::BirthDate, FieldProblem::Required));
            None
        } else if let Some(date) = parse_iso_date(&self.birth_date) {
            if national_id.as_ref().is_some_and(|id| id.birth_date() != date) {
                problems.push((PatientField::BirthDate, FieldProblem::BirthDateMismatch));
            }
            Some(date)
        } else {
            problems.push((PatientField::BirthDate, FieldProblem::InvalidDate));
            None
        };
        let mut text = |field: PatientField, value: &str| {
            let value = value.trim();
            if value.is_empty() {
                problems.push((field, FieldProblem::Required));
            }
            value.to_owned()
        };
        let street = text(PatientField::Street, &self.street);
        let postal_code = text(PatientField::PostalCode, &self.postal_code);
        let city = text(PatientField::City, &self.city);
        let country = self.country.trim().to_ascii_uppercase();
        if country.is_empty() {
            problems.push((PatientField::Country, FieldProblem::Required));
        } else if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            problems.push((PatientField::Country, FieldProblem::CountryCode));
        }
        let phone = shared::contact::normalise_phone(&self.phone).unwrap_or_else(|_| {
            problems.push((PatientField::Phone, FieldProblem::InvalidPhone));
            None
        });
        let email = shared::contact::normalise_email(&self.email).unwrap_or_else(|_| {
            problems.push((PatientField::Email, FieldProblem::InvalidEmail));
            None
        });
        let preferred_language = Language::from_tag(&self.language).unwrap_or(Language::Lb);
        match (national_id, birth_date) {
            (Some(id), Some(birth_date)) if problems.is_empty() => Ok(NewPatient {
                national_id: id.as_str().to_owned(),
                given_name,
                family_name,
                birth_date,
                preferred_language,
                address: PostalAddress { street, postal_code, city, country },
                phone,
                email,
            }),
            _ => Err(problems),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// New professional

/// The fields of the agency's new-professional form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfessionalField {
    /// Given names.
    GivenName,
    /// Family name.
    FamilyName,
    /// Profession code.
    Profession,
    /// Licence number.
    Licence,
    /// Organisation id.
    Organisation,
}

impl ProfessionalField {
    /// The input's element id (a stable test hook).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::GivenName => "professional-given-name",
            Self::FamilyName => "professional-family-name",
            Self::Profession => "professional-profession",
            Self::Licence => "professional-licence",
            Self::Organisation => "professional-organisation",
        }
    }
}

/// The professions the directory lists: every one but `REF`, which is a role a physician takes
/// for a patient.
#[must_use]
pub fn directory_professions() -> Vec<Profession> {
    Profession::ALL.into_iter().filter(|p| *p != Profession::Referent).collect()
}

/// The new-professional form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfessionalForm {
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Profession code (`MED` …), empty until chosen.
    pub profession: String,
    /// Licence number.
    pub licence: String,
    /// Organisation id, empty until chosen.
    pub organisation: String,
}

impl Reducible for ProfessionalForm {
    type Action = FormAction<ProfessionalField>;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Set(field, value) => match field {
                ProfessionalField::GivenName => next.given_name = value,
                ProfessionalField::FamilyName => next.family_name = value,
                ProfessionalField::Profession => next.profession = value,
                ProfessionalField::Licence => next.licence = value,
                ProfessionalField::Organisation => next.organisation = value,
            },
            FormAction::Reset => next = Self::default(),
        }
        Rc::new(next)
    }
}

impl ProfessionalForm {
    /// The request, or every problem in the order of the fields.
    ///
    /// # Errors
    /// The fields that are not right yet.
    pub fn to_request(&self) -> Result<NewProfessional, Vec<(ProfessionalField, FieldProblem)>> {
        let mut problems = Vec::new();
        let mut text = |field: ProfessionalField, value: &str| {
            let value = value.trim();
            if value.is_empty() {
                problems.push((field, FieldProblem::Required));
            }
            value.to_owned()
        };
        let given_name = text(ProfessionalField::GivenName, &self.given_name);
        let family_name = text(ProfessionalField::FamilyName, &self.family_name);
        let profession =
            Profession::from_code(&self.profession).filter(|p| *p != Profession::Referent);
        if profession.is_none() {
            problems.push((ProfessionalField::Profession, FieldProblem::Required));
        }
        let licence_number = self.licence.trim().to_owned();
        if licence_number.is_empty() {
            problems.push((ProfessionalField::Licence, FieldProblem::Required));
        }
        let organisation = Uuid::parse_str(self.organisation.trim()).ok().map(OrganisationId);
        if organisation.is_none() {
            problems.push((ProfessionalField::Organisation, FieldProblem::Required));
        }
        match (profession, organisation) {
            (Some(profession), Some(organisation_id)) if problems.is_empty() => {
                Ok(NewProfessional {
                    given_name,
                    family_name,
                    profession,
                    licence_number,
                    organisation_id,
                })
            }
            _ => Err(problems),
        }
    }
}

/// `YYYY-MM-DD`, the value format of `<input type=date>`. Hand-written rather than chrono's
/// `format`/`parse_from_str`, which would bring their whole pattern engines into the wasm.
#[must_use]
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads `YYYY-MM-DD`.
#[must_use]
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let mut number = |len: usize| {
        let part =
            parts.next().filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))?;
        part.parse::<u32>().ok()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The problem of `field` in a list of problems, if any.
#[must_use]
pub fn problem_of<F: PartialEq + Copy>(
    problems: &[(F, FieldProblem)],
    field: F,
) -> Option<FieldProblem> {
    problems.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
}

/// The enrolment code in an enrolment link's fragment (`#code=XXXX-XXXX-XXXX`).
#[must_use]
pub fn code_from_fragment(fragment: &str) -> Option<String> {
    fragment.trim_start_matches('#').split('&').find_map(|pair| {
        let code = pair.strip_prefix("code=")?.trim();
        let plain = code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        (plain && !code.is_empty()).then(|| code.to_ascii_uppercase())
    })
}

/// Whether a query string (`?expired=1&…`) sets `name` to `1` or `true`.
#[must_use]
pub fn query_flag(query: &str, name: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|pair| {
        pair.split_once('=')
            .is_some_and(|(key, value)| key == name && matches!(value, "1" | "true"))
    })
}

/// The value of `name` in a query (`?a=1&b=x%20y`), with `+` and percent escapes decoded;
/// `None` when it is absent or not UTF-8.
#[must_use]
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if percent_decode(key)? == name { percent_decode(value) } else { None }
    })
}

fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let high = char::from(rest.next()?).to_digit(16)?;
                let low = char::from(rest.next()?).to_digit(16)?;
                bytes.push(u8::try_from(high * 16 + low).ok()?);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let query = "?a=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcb&scope=user%2FList.s+user%2FBinary.r&e=&%C3%A9=%C3%A9t%C3%A9";
        assert_eq!(query_value(query, "a").as_deref(), Some("1"));
        assert_eq!(query_value(query, "redirect_uri").as_deref(), Some("http://127.0.0.1:8765/cb"));
        assert_eq!(query_value(query, "scope").as_deref(), Some("user/List.s user/Binary.r"));
        assert_eq!(query_value(query, "e").as_deref(), Some(""));
        assert_eq!(query_value(query, "é").as_deref(), Some("été"));
        assert_eq!(query_value(query, "missing"), None);
        assert_eq!(query_value("?bad=%4", "bad"), None);
        assert_eq!(query_value("?bad=%ff", "bad"), None);
    }

    const VALID: &str = "1893120105732";

    #[test]
    fn a_national_id_is_explained_as_it_is_typed() {
        assert_eq!(national_id_feedback(""), NationalIdFeedback::Empty);
        assert_eq!(national_id_feedback("  "), NationalIdFeedback::Empty);
        assert_eq!(national_id_feedback("1893"), NationalIdFeedback::Incomplete(9));
        assert_eq!(national_id_feedback("1893 1201"), NationalIdFeedback::Incomplete(5));
        assert_eq!(national_id_feedback("189312010573"), NationalIdFeedback::Incomplete(1));
        assert_eq!(
            national_id_feedback("18931301"),
            NationalIdFeedback::Invalid(NationalIdError::InvalidBirthDate),
            "month 13 is wrong before the number is complete"
        );
        assert_eq!(
            national_id_feedback("1893a"),
            NationalIdFeedback::Invalid(NationalIdError::NotDigits)
        );
        assert_eq!(
            national_id_feedback("18931201057321"),
            NationalIdFeedback::Invalid(NationalIdError::WrongLength(14))
        );
        assert_eq!(
            national_id_feedback("1893120105742"),
            NationalIdFeedback::Invalid(NationalIdError::LuhnMismatch)
        );
        assert_eq!(
            national_id_feedback("1893120105731"),
            NationalIdFeedback::Invalid(NationalIdError::VerhoeffMismatch)
        );
        assert!(matches!(national_id_feedback("1893 1201 057 32"), NationalIdFeedback::Valid(_)));
    }

    #[test]
    fn activation_needs_a_valid_id_and_a_code() {
        let form = ActivationForm::default();
        assert_eq!(
            form.problems(),
            vec![
                (ActivationField::NationalId, FieldProblem::Required),
                (ActivationField::Code, FieldProblem::Required)
            ]
        );
        let form = ActivationForm { national_id: "1893".into(), code: "ABCD".into() };
        assert_eq!(
            form.problems(),
            vec![(
                ActivationField::NationalId,
                FieldProblem::NationalId(NationalIdError::WrongLength(4))
            )]
        );
        let form = ActivationForm { national_id: VALID.into(), code: "ABCD-EFGH-JKLM".into() };
        assert!(form.problems().is_empty());
    }

    fn filled_patient() -> PatientForm {
        let mut form = PatientForm::default();
        for (field, value) in [
            (PatientField::NationalId, VALID),
            (PatientField::GivenName, " Marie "),
            (PatientField::FamilyName, "Muller"),
            (PatientField::Language, "fr"),
            (PatientField::Street, "12, rue de la Gare"),
            (PatientField::PostalCode, "L-1611"),
            (PatientField::City, "Luxembourg"),
            (PatientField::Country, "lu"),
        ] {
            form.set(field, value.to_owned());
        }
        form
    }

    #[test]
    fn a_valid_national_id_fills_the_birth_date() {
        let form = filled_patient();
        assert_eq!(form.birth_date, "1893-12-01");
        let request = form.to_request().unwrap();
        assert_eq!(request.national_id, VALID);
        assert_eq!(request.given_name, "Marie");
        assert_eq!(request.birth_date, NaiveDate::from_ymd_opt(1893, 12, 1).unwrap());
        assert_eq!(request.preferred_language, Language::Fr);
        assert_eq!(request.address.country, "LU");
    }

    #[test]
    fn phone_and_e_mail_are_optional_but_checked() {
        let form = filled_patient();
        let request = form.to_request().unwrap();
        assert_eq!((request.phone, request.email), (None, None));
        let mut form = filled_patient();
        form.set(PatientField::Phone, "+352 621 123 456".into());
        form.set(PatientField::Email, "marie@Post.LU".into());
        let request = form.to_request().unwrap();
        assert_eq!(request.phone.as_deref(), Some("+352621123456"));
        assert_eq!(request.email.as_deref(), Some("marie@post.lu"));
        form.set(PatientField::Phone, "621 123".into());
        form.set(PatientField::Email, "marie@post".into());
        assert_eq!(
            form.to_request().unwrap_err(),
            [
                (PatientField::Phone, FieldProblem::InvalidPhone),
                (PatientField::Email, FieldProblem::InvalidEmail)
            ]
        );
    }

    #[test]
    fn the_birth_date_is_not_overwritten() {
        let mut form = PatientForm::default();
        form.set(PatientField::BirthDate, "1990-01-02".into());
        form.set(PatientField::NationalId, VALID.into());
        assert_eq!(form.birth_date, "1990-01-02");
    }

    #[test]
    fn patient_problems_are_listed_in_field_order() {
        let problems = PatientForm::default().to_request().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                PatientField::NationalId,
                PatientField::GivenName,
                PatientField::FamilyName,
                PatientField::BirthDate,
                PatientField::Street,
                PatientField::PostalCode,
                PatientField::City,
            ]
        );
        let mut form = filled_patient();
        form.set(PatientField::BirthDate, "1893-12-02".into());
        form.set(PatientField::Country, "Luxembourg".into());
        let problems = form.to_request().unwrap_err();
        assert_eq!(
            problem_of(&problems, PatientField::BirthDate),
            Some(FieldProblem::BirthDateMismatch)
        );
        assert_eq!(problem_of(&problems, PatientField::Country), Some(FieldProblem::CountryCode));
        assert_eq!(problem_of(&problems, PatientField::City), None);
    }

    #[test]
    fn a_professional_needs_every_field_and_no_referent() {
        let org = Uuid::from_u128(7);
        let mut form = ProfessionalForm {
            given_name: "Gregory".into(),
            family_name: "House".into(),
            profession: "REF".into(),
            licence: " M-1234 ".into(),
            organisation: org.to_string(),
        };
        assert_eq!(
            form.to_request().unwrap_err(),
            vec![(ProfessionalField::Profession, FieldProblem::Required)]
        );
        form.profession = "MED".into();
        let request = form.to_request().unwrap();
        assert_eq!(request.profession, Profession::Physician);
        assert_eq!(request.licence_number, "M-1234");
        assert_eq!(request.organisation_id, OrganisationId(org));
        assert_eq!(directory_professions().len(), 10);
        assert!(!directory_professions().contains(&Profession::Referent));
    }

    #[test]
    fn reducers_apply_every_change() {
        let form = Rc::new(ProfessionalForm::default());
        let form = form.reduce(FormAction::Set(ProfessionalField::GivenName, "A".into()));
        let form = form.reduce(FormAction::Set(ProfessionalField::Licence, "B".into()));
        assert_eq!((form.given_name.as_str(), form.licence.as_str()), ("A", "B"));
        assert_eq!(*form.reduce(FormAction::Reset), ProfessionalForm::default());
    }

    #[test]
    fn the_enrolment_code_comes_from_the_fragment() {
        assert_eq!(code_from_fragment("#code=abcd-EFGH-2345").as_deref(), Some("ABCD-EFGH-2345"));
        assert_eq!(code_from_fragment("#x=1&code=AAAA").as_deref(), Some("AAAA"));
        assert_eq!(code_from_fragment(""), None);
        assert_eq!(code_from_fragment("#code=<script>"), None);
    }

    #[test]
    fn dates_are_read_and_written_as_iso() {
        let date = NaiveDate::from_ymd_opt(1893, 12, 1).unwrap();
        assert_eq!(iso_date(date), "1893-12-01");
        assert_eq!(parse_iso_date(" 1893-12-01 "), Some(date));
        assert_eq!(parse_iso_date("1893-13-01"), None);
        assert_eq!(parse_iso_date("93-12-01"), None);
        assert_eq!(parse_iso_date("1893-12-01x"), None);
        assert_eq!(parse_iso_date(""), None);
    }

    #[test]
    fn query_flags_are_read() {
        assert!(query_flag("?expired=1", "expired"));
        assert!(query_flag("?a=b&signed-out=true", "signed-out"));
        assert!(!query_flag("?expired=0", "expired"));
        assert!(!query_flag("", "expired"));
    }
}
