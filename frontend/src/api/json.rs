//! Reading an answer's JSON into a shared type: parsed once into a `serde_json::Value` (one copy
//! of the text parser for every type), then read through [`Strict`], with [`Unreadable`] as the
//! only error.
//!
//! Both keep code out of the wasm that no answer needs. serde's derive can read every struct from
//! a JSON array, and `serde_json` would ask for it; the API writes structs as objects, and
//! [`Strict`] never asks. serde's error messages ("invalid type: floating point `1.5`, expected
//! …") would bring every type's description and float printing along; the app only shows that
//! an answer could not be read.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, Visitor,
};
use serde_json::Value;

/// Reads `body` into `T`.
///
/// # Errors
/// When `body` is not JSON or not a `T`.
pub fn from_str<T: DeserializeOwned>(body: &str) -> Result<T, Unreadable> {
    let value: Value = serde_json::from_str(body).map_err(|_| Unreadable)?;
    T::deserialize(Strict(value))
}

/// The body is not JSON, or not what the type wants (which part, on purpose, is not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the JSON does not have the expected shape")
    }
}

impl std::error::Error for Unreadable {}

/// Every constructor drops its details unformatted (see the module documentation).
impl de::Error for Unreadable {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Self
    }

    fn invalid_type(_unexpected: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        Self
    }

    fn invalid_value(_unexpected: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        Self
    }

    fn invalid_length(_length: usize, _expected: &dyn Expected) -> Self {
        Self
    }

    fn unknown_variant(_variant: &str, _expected: &'static [&'static str]) -> Self {
        Self
    }

    fn unknown_field(_field: &str, _expected: &'static [&'static str]) -> Self {
        Self
    }

    fn missing_field(_field: &'static str) -> Self {
        Self
    }

    fn duplicate_field(_field: &'static str) -> Self {
        Self
    }
}

/// A JSON value read as `serde_json` reads it, except that a struct must be an object.
struct Strict(Value);

impl<'de> Deserializer<'de> for Strict {
    type Error = Unreadable;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(value),
            Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(value), _) => visitor.visit_u64(value),
                (None, Some(value)) => visitor.visit_i64(value),
                (None, None) => visitor.visit_f64(number.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(value) => visitor.visit_string(value),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(fields) => visitor.visit_map(Fields::new(fields)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Self(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        match self.0 {
            Value::Object(fields) => visitor.visit_map(Fields::new(fields)),
            _ => Err(Unreadable),
        }
    }

    /// `"variant"`, or `{"variant": value}`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            Value::Object(fields) if fields.len() == 1 => {
                visitor.visit_enum(MapAccessDeserializer::new(Fields::new(fields)))
            }
            _ => Err(Unreadable),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The elements of an array.
struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Unreadable;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unreadable> {
        self.0.next().map(|value| seed.deserialize(Strict(value))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The members of an object.
struct Fields {
    rest: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl Fields {
    fn new(fields: serde_json::Map<String, Value>) -> Self {
        Self { rest: fields.into_iter(), value: None }
    }
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Unreadable;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unreadable> {
        let Some((key, value)) = self.rest.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(IntoDeserializer::<Unreadable>::into_deserializer(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Unreadable> {
        self.value.take().map_or(Err(Unreadable), |value| seed.deserialize(Strict(value)))
    }
}

#[cfg(test)]
mod tests {
    use shared::api::documents::{DocumentRestriction, DocumentSummary};
    use shared::api::health::HealthResponse;

    use super::*;

    /// What the API sends reads as `serde_json` reads it: nested objects and arrays, options,
    /// dates, ids, internally tagged and plain enums.
    #[test]
    fn reads_as_serde_json_does() {
        let body = r#"[{"id":"00000000-0000-0000-0000-000000000001",
            "patient_id":"00000000-0000-0000-0000-000000000000","category":"summaries",
            "title":"Report","clinical_date":"2026-11-25","author":"Dr A","author_id":null,
            "format":"pdf","media_type":"application/pdf","size":12,"sha256":"ab",
            "filed_at":"2026-11-25T10:00:00Z","version":2,"version_filed_by":"Dr B",
            "version_filed_by_id":"00000000-0000-0000-0000-000000000003",
            "version_filed_at":"2026-11-26T08:00:00Z",
            "restriction":{"mode":"hidden_from","professionals":["00000000-0000-0000-0000-000000000002"]},
            "unknown_field":[1,{"x":null}]}]"#;
        let ours: Vec<DocumentSummary> = from_str(body).unwrap();
        let theirs: Vec<DocumentSummary> = serde_json::from_str(body).unwrap();
        assert_eq!(ours, theirs);
        assert!(matches!(ours[0].restriction, Some(DocumentRestriction::HiddenFrom { .. })));
        let health = r#"{"status":"ok","version":"1","database":"sqlite","migration":"m",
                         "migrations_applied":3}"#;
        assert_eq!(
            from_str::<HealthResponse>(health).unwrap(),
            serde_json::from_str::<HealthResponse>(health).unwrap()
        );
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Unit,
        Newtype(i32),
        Tuple(u8, String),
        Struct { x: f64, tags: Vec<String>, note: Option<String> },
    }

    #[test]
    fn enums_and_numbers_read_as_serde_json_reads_them() {
        let body = r#"["unit", {"newtype": -7}, {"tuple": [255, "t"]},
                      {"struct": {"x": 1.5, "tags": [], "note": null}},
                      {"struct": {"x": 3, "tags": ["a"], "note": "n"}}]"#;
        let ours: Vec<Shape> = from_str(body).unwrap();
        assert_eq!(ours, serde_json::from_str::<Vec<Shape>>(body).unwrap());
        assert_eq!(from_str::<Vec<Shape>>(r#"[{"newtype": 1, "unit": null}]"#), Err(Unreadable));
        assert_eq!(from_str::<Vec<Shape>>(r#"["nope"]"#), Err(Unreadable));
        assert_eq!(from_str::<u8>("256"), Err(Unreadable));
    }

    #[test]
    fn a_struct_is_an_object_and_nothing_else() {
        assert!(from_str::<HealthResponse>(r#"["ok","1","sqlite","m",3]"#).is_err());
        assert!(from_str::<HealthResponse>("not json").is_err());
        assert!(from_str::<Vec<HealthResponse>>("{}").is_err());
    }
}
