//! Components that render what their props say (and their labels, from the language context).
//! They fetch nothing and own no data (the date field keeps only the text being typed).

pub mod date_field;
pub mod field;
pub mod footer;
pub mod header;
pub mod language_switch;
pub mod message;
pub mod pdf_view;
pub mod route_link;
