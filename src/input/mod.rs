//! Everything read from outside the analysis: articles (front matter and
//! the Markdown prose mask), `newsls.toml` settings and the gold schema.
//! Parsing only; reading files is the caller's business.

pub mod article;
pub mod brat;
pub mod date;
pub mod finding_kinds;
pub mod gold;
pub mod settings;

pub use article::{suppressions, Article, Format, Metadata, Suppression};
pub use settings::{ActorEntry, ClientOptions, Settings, SettingsError, Severity};
