//! A patient's contact data: a phone number and an e-mail address, both optional, checked the
//! same way by the web app (as the person types) and by the server (which decides).
//!
//! A phone number is kept in E.164 form: `+`, a country code and the number, 8 to 15 digits in
//! all, the first not 0 (`+352 621 123 456`, `00352 621-123-456` and `+352 (621) 123.456` all
//! become `+352621123456`). An e-mail address is `local@domain`: a local part of 1 to 64
//! printable characters without spaces, quotes or brackets, a domain of dot-separated labels of
//! letters, digits and hyphens ending in a top-level domain of letters; 254 characters at most.
//! The domain is kept lower-case. A refusal is the API's own error code.

use crate::ApiErrorCode;

/// The separators a person may type inside a phone number.
const PHONE_SEPARATORS: &[char] = &[' ', '-', '.', '(', ')', '/', '\u{a0}'];

/// A phone number in E.164 form, or `None` for an empty one.
///
/// # Errors
/// `invalid_phone` when it is not a phone number with its country code.
pub fn normalise_phone(input: &str) -> Result<Option<String>, ApiErrorCode> {
    const BAD: ApiErrorCode = ApiErrorCode::InvalidPhone;
    let compact: String = input.chars().filter(|c| !PHONE_SEPARATORS.contains(c)).collect();
    if compact.is_empty() {
        return Ok(None);
    }
    let digits = compact.strip_prefix('+').or_else(|| compact.strip_prefix("00")).ok_or(BAD)?;
    let valid = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if valid { Ok(Some(format!("+{digits}"))) } else { Err(BAD) }
}

/// An e-mail address as kept (the domain lower-cased), or `None` for an empty one.
///
/// # Errors
/// `invalid_email` when it is not an e-mail address.
pub fn normalise_email(input: &str) -> Result<Option<String>, ApiErrorCode> {
    const BAD: ApiErrorCode = ApiErrorCode::InvalidEmail;
    let address = input.trim();
    if address.is_empty() {
        return Ok(None);
    }
    if address.chars().count() > 254 {
        return Err(BAD);
    }
    let (local, domain) = address.split_once('@').ok_or(BAD)?;
    let local_ok = (1..=64).contains(&local.chars().count())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            c > ' ' && c != '\u{7f}' && !c.is_whitespace() && !"@\"(),:;<>[\\]".contains(c)
        });
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if local_ok && domain_ok { Ok(Some(format!("{local}@{domain}"))) } else { Err(BAD) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_kept_in_e164_form() {
        for typed in
            ["+352 621 123 456", "00352 621-123-456", "+352 (621) 123.456", "+352621123456"]
        {
            assert_eq!(normalise_phone(typed), Ok(Some("+352621123456".to_owned())), "{typed}");
        }
        assert_eq!(normalise_phone("  "), Ok(None));
        assert_eq!(normalise_phone("+49 30 1234567"), Ok(Some("+49301234567".to_owned())));
        for bad in [
            "621 123 456",
            "+352",
            "+0352621123",
            "+352 621 12x 456",
            "+1234567890123456",
            "++352621123456",
            "phone",
        ] {
            assert_eq!(normalise_phone(bad), Err(ApiErrorCode::InvalidPhone), "{bad}");
        }
    }

    #[test]
    fn e_mail_addresses_need_a_local_part_and_a_domain() {
        assert_eq!(
            normalise_email(" Lea.Schroeder@Example.LU "),
            Ok(Some("Lea.Schroeder@example.lu".to_owned()))
        );
        assert_eq!(normalise_email("a+b@post-1.lu"), Ok(Some("a+b@post-1.lu".to_owned())));
        assert_eq!(normalise_email(""), Ok(None));
        for bad in [
            "lea",
            "lea@",
            "@example.lu",
            "lea@example",
            "lea@@example.lu",
            "lea schroeder@example.lu",
            "lea@exa mple.lu",
            "lea@-example.lu",
            "lea@example.l",
            "lea@example.123",
            ".lea@example.lu",
            "le..a@example.lu",
            "lea@example..lu",
            "<lea>@example.lu",
        ] {
            assert_eq!(normalise_email(bad), Err(ApiErrorCode::InvalidEmail), "{bad}");
        }
        let long = format!("{}@example.lu", "a".repeat(65));
        assert_eq!(normalise_email(&long), Err(ApiErrorCode::InvalidEmail));
    }
}
