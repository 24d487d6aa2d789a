//! `dsp-fhir-client`: a small sample of practice software talking to DSP. It connects on behalf
//! of a professional with OAuth 2.0 ([`auth`]: authorization code + PKCE with a loopback
//! redirect, or the device grant), keeps its tokens in a file only its owner can read
//! ([`tokens`]), files a document as an IHE MHD ITI-65 bundle ([`bundle`]) and finds and
//! retrieves the record's documents (ITI-67, ITI-68; [`fhir`]).

pub mod auth;
pub mod bundle;
pub mod fhir;
pub mod loopback;
pub mod tokens;
