//! Domain types and the API contract that the DSP backend and the web app share.
//!
//! Everything here is plain data and pure rules: no I/O, no clock. Types that cross the wire are
//! serde types; with the `openapi` feature they also describe themselves for the OpenAPI document.

pub mod api;
pub mod category;
pub mod contact;
pub mod error;
pub mod ids;
pub mod language;
pub mod national_id;
pub mod profession;

pub use category::Category;
pub use error::{ApiError, ApiErrorCode};
pub use language::Language;
pub use national_id::{NationalId, NationalIdError};
pub use profession::Profession;
